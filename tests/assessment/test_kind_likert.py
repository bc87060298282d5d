"""The likert kind: a rating 1–5 per statement and a comment (the satisfaction survey), checked, never graded."""

from __future__ import annotations

import pytest

from ikm_curriculum.assessment.kinds import LIKERT_COMMENT_CHARS, get_kind
from ikm_curriculum.errors import AnswerFormatError

SCALE = [{"value": v, "label": {"id": f"L{v}", "en": f"L{v}"}} for v in range(1, 6)]
PUBLIC = {
    "prompt": {"id": "Seberapa setuju?", "en": "How much do you agree?"},
    "scale": SCALE,
    "statements": [{"id": s, "text": {"id": s, "en": s}} for s in ("s1", "s2", "s3")],
    "comment": {"id": "Saran", "en": "Suggestions"},
}
NO_COMMENT_BOX = {key: value for key, value in PUBLIC.items() if key != "comment"}
KIND = get_kind("likert")


def test_answer_is_normalised_to_every_statement_and_a_comment() -> None:
    assert KIND.validate(PUBLIC, {"ratings": {"s1": 5, "s3": 1}, "comment": "Ruangan panas"}) == {
        "ratings": {"s1": 5, "s2": None, "s3": 1},
        "comment": "Ruangan panas",
    }
    assert KIND.validate(PUBLIC, {"ratings": {"s2": 3}}) == {
        "ratings": {"s1": None, "s2": 3, "s3": None},
        "comment": "",
    }
    assert KIND.validate(PUBLIC, {"comment": "Bagus"})["ratings"] == {"s1": None, "s2": None, "s3": None}
    assert KIND.validate(PUBLIC, None) is None
    limit = "x" * LIKERT_COMMENT_CHARS  # exactly at the limit is accepted
    assert KIND.validate(PUBLIC, {"comment": limit})["comment"] == limit
    assert KIND.validate(NO_COMMENT_BOX, {"ratings": {"s1": 4}, "comment": "  "})["comment"] == "  "


@pytest.mark.parametrize(
    ("value", "field"),
    [
        (["s1", 4], "value"),
        ("4", "value"),
        ({"ratings": {"s3": 6}}, "ratings.s3"),
        ({"ratings": {"s3": 0}}, "ratings.s3"),
        ({"ratings": {"s3": 2.5}}, "ratings.s3"),
        ({"ratings": {"s3": 4.0}}, "ratings.s3"),  # a rating is an integer, as the widget saves it
        ({"ratings": {"s3": True}}, "ratings.s3"),
        ({"ratings": {"s3": "4"}}, "ratings.s3"),
        ({"ratings": {"s9": 4}}, "ratings.s9"),
        ({"ratings": [4, 4, 4]}, "ratings"),
        ({"comment": 5}, "comment"),
        ({"comment": "x" * (LIKERT_COMMENT_CHARS + 1)}, "comment"),
        ({"ratings": {}, "score": 5}, "score"),
    ],
)
def test_malformed_answers_name_the_field(value: object, field: str) -> None:
    with pytest.raises(AnswerFormatError) as error:
        KIND.validate(PUBLIC, value)
    assert error.value.field == field
    assert str(error.value).startswith(f"{field}: expected")


def test_a_rating_off_the_scale_says_what_is_expected() -> None:
    with pytest.raises(AnswerFormatError, match=r"ratings\.s2: expected an integer 1–5, got 7"):
        KIND.validate(PUBLIC, {"ratings": {"s2": 7}})


def test_a_comment_needs_a_comment_box() -> None:
    with pytest.raises(AnswerFormatError, match="no comment box") as error:
        KIND.validate(NO_COMMENT_BOX, {"ratings": {"s1": 4}, "comment": "Bagus"})
    assert error.value.field == "comment"


def test_the_survey_is_never_graded_and_gives_no_feedback() -> None:
    value = KIND.validate(PUBLIC, {"ratings": {"s1": 5, "s3": 2}})
    result = KIND.score(PUBLIC, {}, value, 0.0)
    assert (result.points, result.max_points, result.detail) == (0.0, 0.0, {"answered": 2})
    # Even an item stored with points by mistake is worth 0 of 0: it cannot change a total.
    assert KIND.score(PUBLIC, {}, value, 3.0).to_dict() == {"points": 0.0, "max_points": 0.0, "detail": {"answered": 2}}
    assert KIND.score(PUBLIC, {}, None, 0.0).detail == {"answered": 0}
    assert not KIND.feedback and not KIND.manual and not KIND.batch
