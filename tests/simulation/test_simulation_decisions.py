"""Decisions: validation names every bad field, aliases are normalised, round trip through plain values."""

from __future__ import annotations

import pytest

from ikm_curriculum.errors import DecisionError
from ikm_curriculum.simulation import DECISION_LABELS, REFERENCE_POLICY, Decisions, decisions_from_dict
from ikm_curriculum.simulation.decisions import FIELDS


def _problems(data: dict) -> dict[str, str]:
    with pytest.raises(DecisionError) as info:
        decisions_from_dict(data, participant="p07")
    assert "p07" in str(info.value)
    return {field: expected for field, expected, _ in info.value.problems}


def test_round_trip_through_plain_values() -> None:
    plain = REFERENCE_POLICY.to_dict()
    assert decisions_from_dict(plain) == REFERENCE_POLICY
    assert list(plain) == list(FIELDS) and set(DECISION_LABELS) == set(FIELDS)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("production_plan", 0.4), ("production_plan", 1.51), ("production_plan", "1.0"), ("production_plan", True),
        ("production_plan", float("nan")), ("inspection_n", -1), ("inspection_n", 201), ("inspection_n", 12.5),
        ("inspection_c", 50), ("inspection_c", -1), ("maintenance_interval_months", 13),
        ("maintenance_interval_months", -1), ("fee_level", 200_001), ("fee_level", -5), ("fee_level", 1.5),
        ("enforcement", "keras"), ("enforcement", 3), ("mentoring_visits", 5), ("layout", "D"), ("layout", 1),
        ("certification", "halal"), ("certification", ["halal", "iso9001"]), ("certification", [1]),
        ("control_charts", "ya"), ("control_charts", 1),
    ],
)  # fmt: skip
def test_each_bad_field_is_named(field: str, value: object) -> None:
    assert list(_problems(REFERENCE_POLICY.to_dict() | {field: value})) == [field]


def test_all_problems_are_listed_together() -> None:
    data = REFERENCE_POLICY.to_dict() | {"fee_level": 999_999, "layout": "Z", "mentoring_visits": 9}
    del data["enforcement"]
    data["budget"] = 5
    problems = _problems(data)
    assert set(problems) == {"enforcement", "budget"}  # missing and unknown fields first: nothing else is checked
    problems = _problems(REFERENCE_POLICY.to_dict() | {"fee_level": 999_999, "layout": "Z", "mentoring_visits": 9})
    assert set(problems) == {"fee_level", "layout", "mentoring_visits"}
    assert "200,000" in problems["fee_level"] and "'A', 'B' or 'C'" in problems["layout"]


def test_acceptance_number_depends_on_sample_size() -> None:
    base = REFERENCE_POLICY.to_dict()
    assert "0 when n = 0" in _problems(base | {"inspection_n": 0, "inspection_c": 1})["inspection_c"]
    assert "c < n = 20" in _problems(base | {"inspection_n": 20, "inspection_c": 20})["inspection_c"]
    assert decisions_from_dict(base | {"inspection_n": 0, "inspection_c": 0}).inspection_n == 0


def test_aliases_and_whole_floats_are_normalised() -> None:
    d = decisions_from_dict(
        REFERENCE_POLICY.to_dict()
        | {"enforcement": 2, "layout": " c ", "certification": ["P-IRT", "Halal", "pirt"], "fee_level": 50000.0}
    )
    assert (d.enforcement, d.layout, d.certification, d.fee_level) == (
        "ketat",
        "C",
        frozenset({"pirt", "halal"}),
        50000,
    )
    assert isinstance(d.fee_level, int) and d.enforcement_level == 2
    assert decisions_from_dict(REFERENCE_POLICY.to_dict() | {"enforcement": "Longgar"}).enforcement_level == 0


def test_constructor_validates_too() -> None:
    with pytest.raises(DecisionError, match="mentoring_visits") as info:
        Decisions(1.0, 50, 1, 3, 50_000, "sedang", 7, "A")
    assert isinstance(info.value, ValueError)
    with pytest.raises(DecisionError, match="decisions"):
        decisions_from_dict([("fee_level", 1)])  # type: ignore[arg-type]


def test_maintenance_intensity_and_replace() -> None:
    assert REFERENCE_POLICY.maintenance_intensity == pytest.approx(1 / 3)
    never = REFERENCE_POLICY.replace(maintenance_interval_months=0)
    assert never.maintenance_intensity == 0.0 and REFERENCE_POLICY.maintenance_interval_months == 3
    with pytest.raises(DecisionError, match="maintenance_interval_months"):
        REFERENCE_POLICY.replace(maintenance_interval_months=24)
