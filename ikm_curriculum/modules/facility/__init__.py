"""Perencanaan fasilitas (facility planning): pure calculations.

Public contract (other people's scripts call these; keep them stable)::

    from ikm_curriculum.modules import facility
    facility.takt_time(available_time, demand)                                  # a number
    facility.machines_required(demand, std_time, available_time,
                               efficiency=1.0, reliability=1.0).to_dict()        # {"exact", "required", ...}
    facility.line_balance(tasks, cycle_time, rule="most_followers").to_dict()    # stations, station_times, ...
    facility.layout_cost(flows, distances, unit_cost=1.0)                        # Σ flow × distance × cost
    facility.rel_score(layout, relationships, weights=None)                      # Σ weight of adjacent pairs

One file per concept:

* :mod:`.relationships` — REL chart (A, E, I, O, U, X with reasons), adjacency score (SLP);
* :mod:`.flow` — from-to chart, centroids, rectilinear/Euclidean distances, flow × distance cost;
* :mod:`.layout_search` — pairwise exchange (CRAFT-style) and the best layout of equal-area departments;
* :mod:`.capacity` — takt time, machine requirements, load of shared machines and the bottleneck;
* :mod:`.line_balancing` — line balancing by three named heuristics;
* :mod:`.space` — space requirement of a work area.

Pure Python + numpy/pandas: no Jupyter, no database, no file I/O.
"""

from ikm_curriculum.modules.facility.capacity import machine_load, machines_required, takt_time
from ikm_curriculum.modules.facility.flow import distance_matrix, from_to_chart, layout_cost, layout_distances
from ikm_curriculum.modules.facility.layout_search import best_layout, pairwise_exchange
from ikm_curriculum.modules.facility.line_balancing import line_balance
from ikm_curriculum.modules.facility.relationships import RelChart, rel_efficiency, rel_score
from ikm_curriculum.modules.facility.space import space_requirement

__all__ = [
    "RelChart",
    "best_layout",
    "distance_matrix",
    "from_to_chart",
    "layout_cost",
    "layout_distances",
    "line_balance",
    "machine_load",
    "machines_required",
    "pairwise_exchange",
    "rel_efficiency",
    "rel_score",
    "space_requirement",
    "takt_time",
]
