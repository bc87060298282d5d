"""The layout-grid exercise: the participant places their centre's rooms on a grid by clicking.

The rooms, the daily moves between them (from-to chart) and the REL chart are
those of the participant's kind of centre (:mod:`.centres`), with flows varied
per participant. The grid has exactly as many bays as needed (2 rows), so the
library's best layout is found by exhaustive search (at most 8! = 40,320
assignments, :func:`~.layout_search.best_layout`). A layout earns full marks
within 5 % of the best objective (flow cost − rel_factor × REL score), and
nothing from 50 % above it (:func:`ikm_curriculum.assessment.layout.score_fraction`).

>>> import numpy as np
>>> from ikm_curriculum.assessment import ParticipantContext
>>> item = layout_grid.instance(np.random.default_rng(2), ParticipantContext("p1", "abon ikan"))
>>> item.kind, item.public["grid"]["rows"], len(item.public["departments"]), sorted(item.key)[:2]
('layout', 2, 8, ['best_flow_cost', 'best_layout'])
"""

from __future__ import annotations

import math
import statistics

import numpy as np

from ikm_curriculum.assessment import ParticipantContext, bilingual, column, exercise
from ikm_curriculum.modules.facility.centres import centre_for, rel_chart
from ikm_curriculum.modules.facility.layout_search import best_layout
from ikm_curriculum.modules.facility.relationships import LINEAR_WEIGHTS
from ikm_curriculum.modules.facility.sample_data import Key, Public, draw_flows

TOLERANCE = 0.05  # full marks within 5 % of the best layout's flow cost
ZERO_AT = 0.5  # no marks from 50 % above it


@exercise("fasilitas.layout_grid", kind="layout", points=6)
def layout_grid(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """Place every room on a 2-row grid so that the daily walking is least and A-pairs are neighbours.

    Objective = Σ flow × cell size × rectilinear bay distance − rel_factor × Σ
    weight of adjacent pairs (linear weights A=4 … X=−1; Tompkins et al.,
    *Facilities Planning*, ch. 6). ``rel_factor`` = cell size × the median daily
    flow: one REL point is worth moving a typical flow one bay.
    """
    centre = centre_for(ctx.commodity)
    keys = [d.key for d in centre.departments]
    flows = draw_flows(rng, centre, keys)
    size = int(rng.choice([4, 5, 6]))
    rows, cols = 2, math.ceil(len(keys) / 2)
    moves = [(a, b, q) for a in keys for b, q in flows[a].items() if q]
    rel_factor = float(size * statistics.median(q for _, _, q in moves))
    chart = rel_chart(centre)
    slots = [(r, c) for r in range(rows) for c in range(cols)]
    best = best_layout(slots, keys, flows, chart, dict(LINEAR_WEIGHTS), unit_cost=float(size), rel_factor=rel_factor)
    pairs = {frozenset((a, b)) for a, b, _ in moves}
    strong = [(a, b, chart.rating(a, b)) for a, b in _pairs(keys) if chart.rating(a, b) in "AEIX"]
    rows_shown = [[_name(centre, a), _name(centre, b), q, chart.rating(a, b)] for a, b, q in moves]
    rows_shown += [[_name(centre, a), _name(centre, b), "–", r] for a, b, r in strong if frozenset((a, b)) not in pairs]
    public: Public = {
        "title": bilingual("Susun tata letak sentra Anda", "Lay out your centre"),
        "prompt": bilingual(
            f"Tempatkan setiap ruang pada denah {rows} baris × {cols} petak; satu petak {size} m × {size} m. "
            "Tabel memberi banyaknya angkut bahan per hari antarruang dan kode kedekatan (A mutlak berdekatan, "
            "E sangat penting, I penting, X jangan berdekatan). Usahakan biaya aliran (angkut × jarak) sekecil "
            f"mungkin dan pasangan A berdampingan. Satu poin kedekatan setara {rel_factor:g} meter-angkut. "
            "Nilai penuh jika tata letak Anda paling banyak 5 % lebih buruk dari tata letak terbaik.",
            f"Place every room on the plan of {rows} rows × {cols} bays; one bay is {size} m × {size} m. The table "
            "gives the daily moves of material between rooms and the closeness codes (A absolutely necessary, "
            "E especially important, I important, X not desirable). Keep the flow cost (moves × distance) as low "
            f"as you can and A-pairs side by side. One closeness point is worth {rel_factor:g} metre-moves. Full "
            "marks if your layout is at most 5 % worse than the best layout.",
        ),
        "data": {
            "columns": [
                column("from", "Dari", "From"),
                column("to", "Ke", "To"),
                column("moves", "Angkut per hari", "Moves per day"),
                column("rel", "Kedekatan (REL)", "Closeness (REL)"),
            ],
            "rows": rows_shown,
        },
        "grid": {"rows": rows, "cols": cols, "cell_size": float(size)},
        "departments": [{"id": d.key, "label": d.short.to_dict()} for d in centre.departments],
        "flows": [[a, b, q] for a, b, q in moves],
        "relationships": [[a, b, chart.rating(a, b)] for a, b in _pairs(keys)],
        "weights": dict(LINEAR_WEIGHTS),
        "rel_factor": rel_factor,
    }
    key: Key = {
        "best_objective": best.cost,
        "best_flow_cost": best.flow_cost,
        "best_layout": {d: list(cell) for d, cell in best.layout.items()},
        "tolerance": TOLERANCE,
        "zero_at": ZERO_AT,
    }
    return public, key


def _pairs(keys: list[str]) -> list[tuple[str, str]]:
    return [(a, b) for i, a in enumerate(keys) for b in keys[i + 1 :]]


def _name(centre, key: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return centre.department(key).short.to_dict()
