"""The layout-grid exercise kind: departments placed on a grid, scored against the best layout.

Public part::

    grid: {"rows": 3, "cols": 3, "cell_size": 6.0}        # metres between neighbouring cell centres
    departments: [{"id": "terima", "label": {"id": ..., "en": ...}}, ...]
    flows: [["terima", "goreng", 12], ...]                  # moves per day, from → to
    relationships: [["goreng", "ipal", "X"], ...]           # REL ratings of pairs (optional)
    weights: {"A": 4, "E": 3, "I": 2, "O": 1, "U": 0, "X": -1}
    rel_factor: 30.0                                        # metre-moves per REL point

Answer: ``{department id: [row, col]}`` (0-based), one department per cell.
Key: ``{"best_objective": …, "best_flow_cost": …, "tolerance": 0.05, "zero_at": 0.5}``.

The objective of a layout is

    flow cost − rel_factor × REL score,
    flow cost = Σ flow(i→j) × cell_size × (|rᵢ − rⱼ| + |cᵢ − cⱼ|)   (rectilinear distance between cell centres),
    REL score = Σ weight(rating) over pairs whose cells share an edge,

the same formulas as :func:`ikm_curriculum.modules.facility.layout_cost` with
rectilinear distances and :func:`ikm_curriculum.modules.facility.rel_score`
with single-cell departments (Tompkins et al., *Facilities Planning*, ch. 6;
a test keeps the two in step). Lower is better.
"""

from __future__ import annotations

from typing import Any

from ikm_curriculum.errors import AnswerFormatError

Cells = dict[str, tuple[int, int]]


def placed_cells(public: dict[str, Any], value: Any) -> Cells:
    """Check an answer's form and return department → (row, col); raise naming the department."""
    if not isinstance(value, dict):
        raise AnswerFormatError("value", "an object of department id → [row, col]", value)
    known = [d["id"] for d in public["departments"]]
    rows, cols = public["grid"]["rows"], public["grid"]["cols"]
    cells: Cells = {}
    taken: dict[tuple[int, int], str] = {}
    for department, cell in value.items():
        field = f"value.{department}"
        if department not in known:
            raise AnswerFormatError(field, f"a department from {known}", department)
        if (
            not isinstance(cell, list)
            or len(cell) != 2
            or not all(isinstance(x, int) and not isinstance(x, bool) for x in cell)
        ):
            raise AnswerFormatError(field, "[row, col] as two whole numbers", cell)
        row, col = cell
        if not (0 <= row < rows and 0 <= col < cols):
            raise AnswerFormatError(field, f"a cell inside the {rows} × {cols} grid", cell)
        if (row, col) in taken:
            raise AnswerFormatError(field, f"an empty cell ({taken[(row, col)]} is already there)", cell)
        taken[(row, col)] = department
        cells[department] = (row, col)
    return cells


def flow_cost(public: dict[str, Any], cells: Cells) -> float:
    """Σ flow × rectilinear distance of the placed departments (flows to unplaced ones are left out)."""
    size = float(public["grid"].get("cell_size", 1.0))
    total = 0.0
    for source, target, quantity in public["flows"]:
        if source in cells and target in cells:
            (r1, c1), (r2, c2) = cells[source], cells[target]
            total += quantity * size * (abs(r1 - r2) + abs(c1 - c2))
    return total


def rel_score(public: dict[str, Any], cells: Cells) -> float:
    """Σ weight of the rating of every pair whose cells share an edge (rook adjacency)."""
    weights = public.get("weights", {})
    total = 0.0
    for first, second, rating in public.get("relationships", []):
        if first in cells and second in cells:
            (r1, c1), (r2, c2) = cells[first], cells[second]
            if abs(r1 - r2) + abs(c1 - c2) == 1:
                total += weights.get(rating, 0)
    return total


def objective(public: dict[str, Any], cells: Cells) -> float:
    """flow cost − rel_factor × REL score (lower is better)."""
    return flow_cost(public, cells) - float(public.get("rel_factor", 0.0)) * rel_score(public, cells)


def score_fraction(public: dict[str, Any], key: dict[str, Any], cells: Cells) -> tuple[float, dict[str, Any]]:
    """Fraction of the points: 1 within ``tolerance`` of the best, falling linearly to 0 at ``zero_at``.

    The gap is (objective − best objective) ÷ best flow cost. An incomplete
    layout (a department not placed) scores 0.

    >>> public = {"grid": {"rows": 1, "cols": 3, "cell_size": 1.0}, "departments": [{"id": "a"}, {"id": "b"}],
    ...           "flows": [["a", "b", 10]]}
    >>> key = {"best_objective": 10.0, "best_flow_cost": 10.0, "tolerance": 0.05, "zero_at": 0.5}
    >>> score_fraction(public, key, {"a": (0, 0), "b": (0, 1)})[0]  # the best layout
    1.0
    >>> score_fraction(public, key, {"a": (0, 0), "b": (0, 2)})[0]  # twice the best flow cost
    0.0
    """
    missing = [d["id"] for d in public["departments"] if d["id"] not in cells]
    value = objective(public, cells)
    detail: dict[str, Any] = {
        "objective": value,
        "flow_cost": flow_cost(public, cells),
        "rel_score": rel_score(public, cells),
    }
    if missing:
        return 0.0, {**detail, "missing": missing}
    scale = max(abs(float(key["best_flow_cost"])), 1e-9)
    gap = (value - float(key["best_objective"])) / scale
    tolerance, zero_at = float(key.get("tolerance", 0.05)), float(key.get("zero_at", 0.5))
    if gap <= tolerance:
        fraction = 1.0
    elif gap >= zero_at:
        fraction = 0.0
    else:
        fraction = (zero_at - gap) / (zero_at - tolerance)
    return fraction, {**detail, "gap": gap}
