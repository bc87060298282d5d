"""The layout-grid kind: answer checks, scoring near the best layout, same formulas as the facility library."""

from __future__ import annotations

import numpy as np
import pytest

from ikm_curriculum.assessment.kinds import get_kind
from ikm_curriculum.assessment.layout import flow_cost, objective, placed_cells, rel_score
from ikm_curriculum.errors import AnswerFormatError
from ikm_curriculum.modules import facility

DEPTS = ["terima", "cuci", "goreng", "kemas", "gudang"]
PUBLIC = {
    "grid": {"rows": 2, "cols": 3, "cell_size": 6.0},
    "departments": [{"id": d, "label": d} for d in DEPTS],
    "flows": [
        ["terima", "cuci", 12],
        ["cuci", "goreng", 10],
        ["goreng", "kemas", 9],
        ["kemas", "gudang", 9],
        ["terima", "gudang", 2],
    ],
    "relationships": [
        [a, b, "A" if abs(i - j) == 1 else ("X" if {a, b} == {"goreng", "gudang"} else "U")]
        for i, a in enumerate(DEPTS)
        for j, b in enumerate(DEPTS)
        if i < j
    ],
    "weights": {"A": 4, "E": 3, "I": 2, "O": 1, "U": 0, "X": -1},
    "rel_factor": 30.0,
}
SLOTS = [(r, c) for r in range(2) for c in range(3)]


def test_formulas_agree_with_the_facility_library() -> None:
    rng = np.random.default_rng(7)
    flows = {a: dict.fromkeys(DEPTS, 0.0) for a in DEPTS}
    for a, b, q in PUBLIC["flows"]:
        flows[a][b] = float(q)
    chart = facility.RelChart.from_pairs(DEPTS, {(a, b): r for a, b, r in PUBLIC["relationships"]})
    for _ in range(50):
        picks = rng.permutation(len(SLOTS))[: len(DEPTS)]
        cells = {d: SLOTS[i] for d, i in zip(DEPTS, picks.tolist(), strict=True)}
        distances = {
            a: {b: 6.0 * (abs(cells[a][0] - cells[b][0]) + abs(cells[a][1] - cells[b][1])) for b in DEPTS}
            for a in DEPTS
        }
        assert flow_cost(PUBLIC, cells) == pytest.approx(facility.layout_cost(flows, distances))
        assert rel_score(PUBLIC, cells) == pytest.approx(facility.rel_score(cells, chart))


def test_best_layout_scores_full_and_worse_layouts_less() -> None:
    flows = {a: dict.fromkeys(DEPTS, 0.0) for a in DEPTS}
    for a, b, q in PUBLIC["flows"]:
        flows[a][b] = float(q)
    chart = facility.RelChart.from_pairs(DEPTS, {(a, b): r for a, b, r in PUBLIC["relationships"]})
    best = facility.best_layout(SLOTS, DEPTS, flows, chart, distance="rectilinear", unit_cost=6.0, rel_factor=30.0)
    cells = {d: tuple(c) for d, c in best.layout.items()}
    assert objective(PUBLIC, cells) == pytest.approx(best.cost)  # the library's best, by our formula
    key = {"best_objective": best.cost, "best_flow_cost": best.flow_cost, "tolerance": 0.05, "zero_at": 0.5}
    kind = get_kind("layout")
    answer = kind.validate(PUBLIC, {d: list(c) for d, c in cells.items()})
    assert kind.score(PUBLIC, key, answer, 6).points == 6
    reversed_line = {d: [i // 3, i % 3] for i, d in enumerate(reversed(DEPTS))}
    worse = kind.score(PUBLIC, key, kind.validate(PUBLIC, reversed_line), 6)
    assert worse.points < 6 and worse.detail["gap"] > 0.05
    partial = kind.score(PUBLIC, key, {"terima": [0, 0]}, 6)
    assert partial.points == 0 and partial.detail["missing"] == DEPTS[1:]


@pytest.mark.parametrize(
    ("value", "field"),
    [
        ({"dapur": [0, 0]}, "value.dapur"),
        ({"terima": [2, 0]}, "value.terima"),
        ({"terima": [0, 0], "cuci": [0, 0]}, "value.cuci"),
        ({"terima": "A1"}, "value.terima"),
        ([["terima", 0, 0]], "value"),
    ],
)
def test_bad_layout_answers_name_the_department(value, field: str) -> None:
    with pytest.raises(AnswerFormatError) as caught:
        placed_cells(PUBLIC, value)
    assert caught.value.field == field
