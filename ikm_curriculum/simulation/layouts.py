"""The three layout options of the simulated centre, derived with the facility module.

The generic centre of :mod:`ikm_curriculum.modules.facility.centres` (``umum``: 8 rooms and its from-to
chart of trips per day) is placed on a 2 × 4 grid of rooms ``CELL_METRES`` apart; the flow × distance of
each option (rectilinear centroid distances, :func:`ikm_curriculum.modules.facility.layout_cost`) is the
``layout_flow_distance`` of :class:`~.parameters.ModelParameters`:

* **A** — the best assignment of rooms to the 8 places (:func:`ikm_curriculum.modules.facility.best_layout`,
  exhaustive over 8! = 40,320 assignments);
* **B** — rooms in the order of the process, left to right on two rows (:data:`LAYOUT_B`);
* **C** — the centre as built (:data:`LAYOUT_C`): the office took the front rooms, the store and packing
  ended up apart from production — a fictional but common story.

The model turns trip-metres into handling time and cost (module docstring of :mod:`.parameters`). The
derivation runs only when asked (a test checks the stored numbers), never at import.
"""

from __future__ import annotations

from typing import Any

from ikm_curriculum.modules.technical_simulation.decision_form import LAYOUTS

CELL_METRES = 8.0
"""Distance between the centres of neighbouring rooms (teaching value: rooms about 8 m × 8 m)."""

LAYOUT_B: tuple[tuple[str, ...], ...] = (("bahan", "siap", "proses", "qc"), ("kemas", "gudang", "toilet", "kantor"))
"""Option B: the rooms of the generic centre in their listed (process) order, row by row."""

LAYOUT_C: tuple[tuple[str, ...], ...] = (("kantor", "bahan", "toilet", "proses"), ("siap", "gudang", "qc", "kemas"))
"""Option C: the centre as built (fictional)."""


def _centre() -> tuple[list[str], dict[str, dict[str, float]]]:
    from ikm_curriculum.modules.facility.centres import centre_for

    centre = centre_for("umum")
    keys = [d.key for d in centre.departments]
    flows: dict[str, dict[str, float]] = {k: {} for k in keys}
    for a, b, trips in centre.flows:
        flows[a][b] = float(trips)
    return keys, flows


def layout_plans() -> dict[str, dict[str, tuple[int, int]]]:
    """Room → grid cell (row, col) of each option A, B, C (A is computed: ~0.1 s).

    >>> layout_plans()["C"]["kantor"]
    (0, 0)
    """
    from ikm_curriculum.modules import facility

    keys, flows = _centre()
    slots = [(r, c) for r in range(2) for c in range(4)]
    best = facility.best_layout(slots, keys, flows, distance="rectilinear")

    def grid(rows: tuple[tuple[str, ...], ...]) -> dict[str, tuple[int, int]]:
        return {room: (r, c) for r, row in enumerate(rows) for c, room in enumerate(row)}

    return {"A": {k: tuple(v) for k, v in best.layout.items()}, "B": grid(LAYOUT_B), "C": grid(LAYOUT_C)}


def derive_layout_flow_distance() -> tuple[float, float, float]:
    """Flow × distance (trip-metres per day) of options A, B, C, as stored in the default parameters.

    >>> derive_layout_flow_distance()
    (408.0, 600.0, 832.0)
    """
    from ikm_curriculum.modules import facility

    keys, flows = _centre()
    plans = layout_plans()
    costs: list[Any] = [
        facility.layout_cost(flows, facility.layout_distances(plans[option], cell_size=CELL_METRES))
        for option in LAYOUTS
    ]
    return (float(costs[0]), float(costs[1]), float(costs[2]))
