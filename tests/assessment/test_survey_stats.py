"""Aggregates of the satisfaction survey, checked against values worked out by hand on small matrices."""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest

from ikm_curriculum.assessment.survey_stats import (
    STATEMENT_COLUMNS,
    overall_summary,
    ratings_frame,
    survey_summary,
)
from ikm_curriculum.errors import CalculationError

NAN = math.nan
# Five participants × three statements; p5 rated nothing, statement c has a single rating.
MATRIX = pd.DataFrame(
    {"a": [5, 4, 3, 5, NAN], "b": [4, 2, NAN, 5, NAN], "c": [NAN, 3, NAN, NAN, NAN]},
    index=["p1", "p2", "p3", "p4", "p5"],
)
ANSWERS = [
    {"ratings": {"a": 5, "b": 4, "c": None}, "comment": "  Materi bagus  "},
    {"ratings": {"a": 4, "b": 2, "c": 3}, "comment": ""},
    {"ratings": {"a": 3}, "comment": "   "},
    {"ratings": {"a": 5, "b": 5, "c": None}, "comment": "Tambah praktik"},
    None,
]


def test_statement_statistics_by_hand() -> None:
    table = survey_summary(MATRIX, ["a", "b", "c"], aspect="materi").statements
    assert list(table.columns) == list(STATEMENT_COLUMNS) and list(table.index) == ["a", "b", "c"]
    # By hand, a = 5, 4, 3, 5: mean 17/4 = 4.25; squared deviations 0.5625 + 0.0625 + 1.5625 + 0.5625 = 2.75,
    # sd = √(2.75 / 3) = 0.957427; median of 3, 4, 5, 5 = 4.5; favourable 3 of 4 = 75 %.
    a = table.loc["a"]
    assert (a["n"], a["mean"], a["median"], a["favourable_pct"]) == (4, 4.25, 4.5, 75.0)
    assert a["sd"] == pytest.approx(0.957427, abs=1e-6)
    assert [a[f"n_{v}"] for v in range(1, 6)] == [0, 0, 1, 1, 2]
    # By hand, b = 4, 2, 5: mean 11/3 = 3.666667; squared deviations 0.1111 + 2.7778 + 1.7778 = 4.6667,
    # sd = √(4.6667 / 2) = 1.527525; median 4; favourable 2 of 3 = 66.667 %.
    b = table.loc["b"]
    assert (b["n"], b["median"]) == (3, 4.0)
    assert (b["mean"], b["sd"], b["favourable_pct"]) == pytest.approx((3.666667, 1.527525, 66.666667), abs=1e-6)
    # c has one rating (3): sd undefined (NaN, not an error), median 3, favourable 0 %.
    c = table.loc["c"]
    assert (c["n"], c["mean"], c["median"], c["favourable_pct"]) == (1, 3.0, 3.0, 0.0) and math.isnan(c["sd"])


def test_aspect_mean_of_statement_means_and_pooled_favourable_share() -> None:
    summary = survey_summary(MATRIX, ["a", "b", "c"], aspect="materi", comments=[" Bagus ", None, "  "])
    # By hand: (4.25 + 11/3 + 3) / 3 = 3.638889; favourable (3 + 2 + 0) of (4 + 3 + 1) ratings = 62.5 %.
    assert summary.mean == pytest.approx(3.638889, abs=1e-6)
    assert summary.favourable_pct == 62.5
    assert (summary.n_participants, summary.n_respondents) == (5, 4)  # p5 rated nothing
    assert summary.comments == ("Bagus",)


def test_answer_values_give_the_same_summary_and_their_comments() -> None:
    from_answers = survey_summary(ANSWERS, ["a", "b", "c"], aspect="materi")
    from_matrix = survey_summary(MATRIX, ["a", "b", "c"], aspect="materi")
    pd.testing.assert_frame_equal(
        from_answers.statements.reset_index(drop=True), from_matrix.statements.reset_index(drop=True)
    )
    assert from_answers.mean == from_matrix.mean and from_answers.n_respondents == 4
    assert from_answers.comments == ("Materi bagus", "Tambah praktik")  # blank comments left out, text stripped


def test_ratings_frame_from_answers() -> None:
    frame, comments = ratings_frame(ANSWERS, ["a", "b", "c"])
    pd.testing.assert_frame_equal(frame, MATRIX.reset_index(drop=True).astype(float))
    assert len(comments) == 2


def test_a_single_respondent_has_no_sd_but_no_error() -> None:
    summary = survey_summary([{"ratings": {"a": 4, "b": 2}}], ["a", "b"])  # warnings are errors in this suite
    assert summary.statements["sd"].isna().all()
    assert list(summary.statements["mean"]) == [4.0, 2.0] and summary.mean == 3.0  # (4 + 2) / 2
    assert summary.favourable_pct == 50.0  # one of two ratings is 4 or 5


def test_an_aspect_nobody_rated_is_all_nan_and_zero_counts() -> None:
    blank = survey_summary([None, {"ratings": {}, "comment": "Tidak ada"}, None], ["k1", "k2"], aspect="konsumsi")
    table = blank.statements
    assert (table["n"] == 0).all() and (table[[f"n_{v}" for v in range(1, 6)]] == 0).all().all()
    assert table[["mean", "sd", "median", "favourable_pct"]].isna().all().all()
    assert math.isnan(blank.mean) and math.isnan(blank.favourable_pct)
    assert (blank.n_participants, blank.n_respondents, blank.comments) == (3, 0, ("Tidak ada",))
    data = blank.to_dict()
    assert data["mean"] is None and data["statements"]["k1"] == {
        "mean": None,
        "sd": None,
        "median": None,
        "favourable_pct": None,
        "n": 0,
        "counts": {"1": 0, "2": 0, "3": 0, "4": 0, "5": 0},
    }
    json.dumps(data, allow_nan=False)  # plain JSON, no NaN
    empty = survey_summary([], ["k1"])
    assert empty.n_participants == 0 and math.isnan(empty.mean)


def test_overall_is_the_mean_of_aspect_means_leaving_out_blank_aspects() -> None:
    materi = survey_summary(MATRIX, ["a", "b", "c"], aspect="materi")
    konsumsi = survey_summary(pd.DataFrame({"k1": [4, 5], "k2": [2, NAN]}), ["k1", "k2"], aspect="konsumsi")
    blank = survey_summary([None], ["f1"], aspect="fasilitas")
    result = overall_summary([materi, konsumsi, blank])
    # By hand: konsumsi = (4.5 + 2) / 2 = 3.25; overall = (3.638889 + 3.25) / 2 = 3.444444;
    # favourable: materi 5 of 8, konsumsi 2 of 3, fasilitas 0 of 0 → 7 of 11 = 63.636 %.
    assert konsumsi.mean == 3.25
    assert result.mean == pytest.approx(3.444444, abs=1e-6)
    assert result.favourable_pct == pytest.approx(63.636364, abs=1e-6)
    assert list(result.aspects.index) == ["materi", "konsumsi", "fasilitas"]
    assert result.to_dict()["aspects"]["fasilitas"] == {"n_respondents": 0, "mean": None, "favourable_pct": None}
    assert math.isnan(overall_summary([blank]).mean)


@pytest.mark.parametrize(
    ("responses", "message"),
    [
        (pd.DataFrame({"a": [4, 6]}, index=["p1", "p2"]), r"responses\['p2'\]\.a: expected an integer 1–5"),
        (pd.DataFrame({"a": [4, 3.5]}), r"responses\[1\]\.a: expected an integer 1–5"),
        (pd.DataFrame({"a": ["4"]}), r"responses\[0\]\.a: expected an integer"),
        (pd.DataFrame({"x": [4]}), "no column for statement 'a'"),
        ([{"ratings": {"a": 0}}], r"responses\[0\]\.ratings\.a: expected an integer 1–5"),
        ([None, {"ratings": {"z": 4}}], r"responses\[1\]\.ratings\.z: expected a statement id"),
        ([["a", 4]], r"responses\[0\]: expected an answer"),
        ([{"ratings": [4]}], r"responses\[0\]\.ratings: expected a mapping"),
        ([{"ratings": {"a": 4}, "comment": 3}], r"responses\[0\]\.comment: expected text"),
    ],
)
def test_bad_input_names_the_participant_and_statement(responses: object, message: str) -> None:
    with pytest.raises(CalculationError, match=message):
        survey_summary(responses, ["a"])  # type: ignore[arg-type]


def test_bad_arguments() -> None:
    with pytest.raises(CalculationError, match="comments: give comments only with a DataFrame"):
        survey_summary(ANSWERS, ["a", "b", "c"], comments=["x"])
    with pytest.raises(CalculationError, match="statements: expected each statement id once"):
        survey_summary(MATRIX, ["a", "a"])
    one = survey_summary(MATRIX, ["a"], aspect="materi")
    with pytest.raises(CalculationError, match="summaries: expected each aspect once"):
        overall_summary([one, one])
