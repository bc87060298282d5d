"""The classify kind (a category for each item, scored item by item) and the observation kind (never scored)."""

from __future__ import annotations

import pytest

from ikm_curriculum.assessment.kinds import get_kind
from ikm_curriculum.errors import AnswerFormatError

PUBLIC = {
    "items": [{"id": "tanah", "label": "Tanah"}, {"id": "oven", "label": "Oven"}, {"id": "gedung", "label": "Gedung"}],
    "categories": [{"id": c, "label": f"KIB {c}"} for c in "ABCDEF"],
}
KEY = {"values": {"tanah": "A", "oven": "B", "gedung": "C"}}
KIND = get_kind("classify")


def test_every_item_right_earns_full_points() -> None:
    value = KIND.validate(PUBLIC, {"tanah": "A", "oven": "B", "gedung": "C"})
    assert KIND.score(PUBLIC, KEY, value, 3.0).points == 3.0


def test_points_per_item_and_blank_items_count_zero() -> None:
    value = KIND.validate(PUBLIC, {"tanah": "A", "oven": "E"})
    assert value == {"tanah": "A", "oven": "E", "gedung": None}
    result = KIND.score(PUBLIC, KEY, value, 3.0)
    assert result.points == 1.0  # 1 of 3 items right × 3 points
    assert result.detail["items"] == {"tanah": True, "oven": False, "gedung": False}
    assert KIND.score(PUBLIC, KEY, None, 3.0).points == 0.0


@pytest.mark.parametrize(
    ("value", "field"),
    [(["A"], "value"), ({"kursi": "E"}, "value.kursi"), ({"oven": "G"}, "value.oven"), ({"oven": 2}, "value.oven")],
)
def test_malformed_answers_name_the_field(value: object, field: str) -> None:
    with pytest.raises(AnswerFormatError) as error:
        KIND.validate(PUBLIC, value)
    assert error.value.field == field


def test_an_observation_is_checked_like_classify_but_earns_nothing() -> None:
    observation = get_kind("observation")
    public = {"items": PUBLIC["items"], "categories": [{"id": c, "label": c} for c in ("ya", "tidak", "tb")]}
    value = observation.validate(public, {"tanah": "ya", "oven": "tidak"})
    result = observation.score(public, {}, value, 0.0)
    assert (result.points, result.max_points, result.detail) == (0.0, 0.0, {"observed": {"ya": 1, "tidak": 1}})
    assert not observation.feedback and get_kind("classify").feedback
    with pytest.raises(AnswerFormatError):
        observation.validate(public, {"oven": "B"})


DECISIONS = {
    "fields": [
        {"id": "maintenance", "label": "Perawatan", "type": "int", "min": 0, "max": 12},
        {"id": "layout", "label": "Tata letak", "type": "choice", "options": [{"id": "A"}, {"id": "B"}]},
        {"id": "certification", "label": "Sertifikasi", "type": "multi", "options": [{"id": "pirt"}, {"id": "halal"}]},
        {"id": "plan", "label": "Rencana", "type": "number", "min": 0.5, "max": 1.5},
        {"id": "charts", "label": "Peta kendali", "type": "bool"},
    ]
}
OK = {"maintenance": 2, "layout": "A", "certification": [], "plan": 1.0, "charts": False}


def test_decisions_are_checked_field_by_field_and_left_to_the_simulation() -> None:
    decisions = get_kind("decisions")
    given = {**OK, "maintenance": 3.0, "layout": "B", "certification": ["halal", "pirt"], "plan": 1, "charts": True}
    value = decisions.validate(DECISIONS, given)
    assert value == {"maintenance": 3, "layout": "B", "certification": ["halal", "pirt"], "plan": 1.0, "charts": True}
    assert decisions.batch and decisions.score(DECISIONS, {}, value, 20.0).points is None


@pytest.mark.parametrize(
    ("value", "field"),
    [
        ({**OK, "maintenance": 13}, "value.maintenance"),
        ({**OK, "maintenance": 2.5}, "value.maintenance"),
        ({**OK, "maintenance": float("nan")}, "value.maintenance"),  # JSON NaN: was a ValueError from int()
        ({**OK, "maintenance": float("inf")}, "value.maintenance"),  # and an OverflowError
        ({**OK, "plan": float("nan")}, "value.plan"),
        ({**OK, "layout": "Z"}, "value.layout"),
        ({**OK, "certification": ["sni"]}, "value.certification"),
        ({k: v for k, v in OK.items() if k != "certification"}, "value.certification"),
        ({**OK, "fee": 1}, "value.fee"),
        ({**OK, "plan": 1.6}, "value.plan"),
        ({**OK, "charts": "ya"}, "value.charts"),
    ],
)
def test_decisions_out_of_range_name_the_field(value: dict, field: str) -> None:
    with pytest.raises(AnswerFormatError) as error:
        get_kind("decisions").validate(DECISIONS, value)
    assert error.value.field == field
