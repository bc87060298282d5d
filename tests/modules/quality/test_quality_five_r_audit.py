"""5R audit: checklist data, scoring per R (missing items excluded), before/after comparison."""

from __future__ import annotations

import json

import pytest

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.quality.commodities import Text
from ikm_curriculum.modules.quality.five_r import FIVE_R
from ikm_curriculum.modules.quality.five_r_audit import (
    CHECKLIST,
    SCALE,
    AuditItem,
    compare_audits,
    score_audit,
)


def test_checklist_has_at_least_three_bilingual_items_per_r() -> None:
    assert len({item.id for item in CHECKLIST}) == len(CHECKLIST)
    for r in FIVE_R:
        items = [item for item in CHECKLIST if item.r_code == r.code]
        assert len(items) >= 3, r.name
        assert all(item.text.id.strip() and item.text.en.strip() for item in items)


def test_scale_is_zero_to_four_with_indonesian_wording() -> None:
    assert sorted(SCALE) == [0, 1, 2, 3, 4]
    assert SCALE[0].id.startswith("Tidak ada") and SCALE[4].id.startswith("Sangat baik")


# Hand-computed full audit (15 items, 3 per R):
#   Ringkas 4+3+2 = 9 → 9/12 = 75 %;  Rapi 2+2+2 = 6 → 50 %;  Resik 4+4+4 = 12 → 100 %;
#   Rawat 0+1+2 = 3 → 25 %;  Rajin 1+1+1 = 3 → 25 %;  total 33/60 = 55 %, mean 33/15 = 2.2.
FULL = {
    "r1.1": 4, "r1.2": 3, "r1.3": 2,
    "r2.1": 2, "r2.2": 2, "r2.3": 2,
    "r3.1": 4, "r3.2": 4, "r3.3": 4,
    "r4.1": 0, "r4.2": 1, "r4.3": 2,
    "r5.1": 1, "r5.2": 1, "r5.3": 1,
}  # fmt: skip


def test_full_audit_scores_per_r_and_total() -> None:
    result = score_audit(FULL)
    assert [(r.name, r.points, r.percent) for r in result.per_r] == [
        ("Ringkas", 9, 75.0),
        ("Rapi", 6, 50.0),
        ("Resik", 12, 100.0),
        ("Rawat", 3, 25.0),
        ("Rajin", 3, 25.0),
    ]
    assert (result.audited, result.items, result.points, result.mean, result.percent) == (15, 15, 33, 2.2, 55.0)
    assert result.per_r[0].mean == 3.0


def test_missing_items_are_not_audited_and_left_out() -> None:
    # Hand: Ringkas only r1.1 = 4 → 100 %; Rapi not audited → None; Resik 2 + 0 = 2 of 8 → 25 %.
    #   Total over the 3 audited items: 6 / 12 = 50 %.
    result = score_audit({"r1.1": 4, "r3.1": 2, "r3.2": 0})
    assert result.percent_of("r1") == 100.0
    assert result.percent_of("r2") is None and result.per_r[1].mean is None
    assert (result.per_r[2].audited, result.per_r[2].items, result.percent_of("r3")) == (2, 3, 25.0)
    assert (result.audited, result.percent) == (3, 50.0)
    data = json.loads(json.dumps(result.to_dict()))
    assert data["per_r"][1]["percent"] is None


def test_compare_audits_gives_change_in_percentage_points() -> None:
    before = score_audit(FULL)
    after = score_audit({**FULL, "r4.1": 4, "r4.2": 4, "r5.1": 3})  # hand: Rawat 10/12, Rajin 5/12
    change = compare_audits(before, after)
    assert change.per_r["r1"] == 0.0
    assert change.per_r["r4"] == pytest.approx(100 * 10 / 12 - 25.0)  # +58.33 points
    assert change.per_r["r5"] == pytest.approx(100 * 5 / 12 - 25.0)  # +16.67 points
    assert change.total == pytest.approx(100 * 42 / 60 - 55.0)  # 70 % − 55 % = +15 points
    partial = compare_audits(score_audit({"r1.1": 2}), after)
    assert partial.per_r["r1"] is not None and partial.per_r["r2"] is None
    assert json.loads(json.dumps(change.to_dict()))["per_r"]["r4"] == pytest.approx(58.333333)


def test_a_city_checklist_can_be_passed() -> None:
    own = (AuditItem("x1", "r1", Text("Meja bersih", "Clean bench")), AuditItem("x2", "r3", Text("a", "b")))
    assert score_audit({"x1": 3}, checklist=own).percent == 75.0


@pytest.mark.parametrize(
    ("scores", "message"),
    [
        ({"r1.1": 5}, "integer from 0 to 4"),
        ({"r1.1": -1}, "integer from 0 to 4"),
        ({"r1.1": 2.5}, "integer from 0 to 4"),
        ({"r1.1": True}, "integer from 0 to 4"),
        ({"r9.1": 2}, "unknown checklist item 'r9.1'"),
        ({}, "no item was scored"),
        ([("r1.1", 2)], "mapping"),
    ],
)
def test_score_audit_rejects_bad_input(scores: object, message: str) -> None:
    with pytest.raises(CalculationError, match=message):
        score_audit(scores)  # type: ignore[arg-type]


def test_checklist_and_comparison_errors() -> None:
    twice = (AuditItem("x", "r1", Text("a", "a")), AuditItem("x", "r2", Text("b", "b")))
    with pytest.raises(CalculationError, match="appears twice"):
        score_audit({"x": 1}, checklist=twice)
    with pytest.raises(ValueError, match="unknown 5R code"):
        score_audit({"x": 1}, checklist=(AuditItem("x", "r7", Text("a", "a")),))
    with pytest.raises(CalculationError, match="two results"):
        compare_audits({"r1": 50.0}, score_audit(FULL))  # type: ignore[arg-type]
