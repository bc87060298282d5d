"""Item analysis with Moodle's quiz-statistics definitions, checked against independent references.

References used below:

* Moodle's own test data set 00: the marks of 25 attempts on 7 questions (``mod/quiz/tests/fixtures/results00.csv``,
  moodle/moodle), the expected question statistics (``mod/quiz/report/statistics/tests/fixtures/qstats00.csv``) and
  the expected quiz statistics (``check_quiz_stats_for_quiz_00`` in
  ``mod/quiz/report/statistics/tests/stats_from_steps_walkthrough_test.php``). Moodle's test says these were
  "calculated independently in a spreadsheet" (jamiepratt/moodle-quiz-tools, statsspreadsheet). Moodle shows
  percentages; the expected values here are Moodle's divided by 100 where the module returns fractions.
* A 6 × 4 matrix of 0/1 marks worked by hand (fractions in the comments), with numpy.corrcoef / numpy.cov as
  independent tools.
* scipy.stats.skew / kurtosis with bias=False (sample-size-corrected G1, G2), which equal Moodle's k3 / k2^1.5 and
  k4 / k2² algebraically: k3 / k2^1.5 = g1 √(S(S − 1)) / (S − 2) and
  k4 / k2² = (S − 1)((S + 1) g2 + 6) / ((S − 2)(S − 3)), scipy's documented G1 and G2.
"""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest

from ikm_curriculum.assessment.item_analysis import ITEM_COLUMNS, THRESHOLDS, ItemAnalysis, item_analysis
from ikm_curriculum.errors import CalculationError

# Moodle data set 00 (results00.csv): one row per attempt, slots 1–7, each question worth 1 mark.
MOODLE_00 = np.array(
    [
        [1, 1, 1, 1, 1, 0, 1],
        [1, 1, 1, 1, 0.5, 1, 0],
        [1, 1, 1, 1, 0.5, 0, 1],
        [0, 0, 1, 1, 1, 0, 0],
        [1, 0, 1, 0, 0, 1, 0.5],
        [1, 1, 1, 1, 0.5, 0, 0.5],
        [0, 1, 1, 1, 0.5, 1, 0.5],
        [1, 1, 1, 0, 0.5, 1, 0.5],
        [1, 0, 1, 1, 1, 1, 1],
        [0, 1, 1, 0, 0.5, 1, 0.5],
        [0.8, 0, 1, 1, 0.5, 1, 0.5],
        [1, 1, 1, 0, 0.5, 1, 1],
        [1, 0, 1, 1, 0.5, 1, 0.5],
        [1, 0, 1, 1, 1, 0, 0.5],
        [0, 0, 1, 1, 0, 1, 1],
        [1, 0, 1, 0, 0.5, 1, 1],
        [0.8, 0, 1, 1, 0.5, 0, 1],
        [1, 0, 1, 1, 0, 1, 0.5],
        [1, 0, 1, 1, 0.5, 0, 0.5],
        [0, 1, 1, 0, 0.5, 1, 0],
        [1, 1, 0.3333333, 1, 0.5, 0, 0.5],
        [1, 1, 1, 0, 0.5, 0, 0.5],
        [1, 1, 1, 1, 0, 1, 0.5],
        [0, 0, 1, 0, 0.5, 1, 1],
        [0, 0, 1, 1, 1, 1, 1],
    ]
)
# qstats00.csv: slot → (facility, sd, discriminationindex, discriminativeefficiency), the last two in percent.
MOODLE_00_QSTATS = {
    1: (0.704, 0.4513682901, -7.0650767526, -9.4550536967),
    2: (0.48, 0.5099019514, -28.8982125772, -36.7834118938),
    3: (0.973333332, 0.13333334, -9.1230674268, -21.6545012165),
    4: (0.68, 0.4760952286, -22.6306444113, -31.4411395613),
    5: (0.52, 0.3055050463, -17.6997047674, -21.1794802584),
    6: (0.64, 0.4898979486, -45.3785178421, -56.9365974439),
    7: (0.62, 0.331662479, -5.6543166602, -6.5043742058),
}

# Worked by hand. Totals T = 3, 2, 4, 1, 2, 1 (mean 13/6).
HAND = pd.DataFrame(
    {"q1": [1, 1, 1, 1, 0, 1], "q2": [1, 1, 1, 0, 1, 0], "q3": [1, 0, 1, 0, 0, 0], "q4": [0, 0, 1, 0, 1, 0]},
    index=["P1", "P2", "P3", "P4", "P5", "P6"],
    dtype=float,
)
ONES = {"q1": 1, "q2": 1, "q3": 1, "q4": 1}


def moodle_00() -> pd.DataFrame:
    return pd.DataFrame(MOODLE_00, columns=range(1, 8), index=[f"attempt {i}" for i in range(1, 26)])


def test_moodle_data_set_00_question_statistics() -> None:
    result = item_analysis(moodle_00(), max_marks={slot: 1.0 for slot in range(1, 8)})
    for slot, (facility, sd, discrimination, efficiency) in MOODLE_00_QSTATS.items():
        row = result.items.loc[slot]
        # Moodle's test compares with relative tolerance 1e-6 (1e-5 for the discrimination statistics).
        assert row["facility"] == pytest.approx(facility, rel=1e-6)
        assert row["sd"] == pytest.approx(sd, rel=1e-6)
        assert row["discrimination_index"] == pytest.approx(discrimination / 100, rel=1e-5)
        assert row["discriminative_efficiency"] == pytest.approx(efficiency / 100, rel=1e-5)


def test_moodle_data_set_00_quiz_statistics() -> None:
    test = item_analysis(moodle_00(), max_marks={slot: 1.0 for slot in range(1, 8)}).test
    # check_quiz_stats_for_quiz_00 (relative tolerance 1.5e-5 there); cic and errorratio are percentages in Moodle.
    assert test["mean"] == pytest.approx(4.617333332, rel=1.5e-5)
    assert test["median"] == pytest.approx(4.5, rel=1.5e-5)
    assert test["sd"] == pytest.approx(0.8117265554, rel=1.5e-5)
    assert test["skewness"] == pytest.approx(-0.092502502, rel=1.5e-5)
    assert test["kurtosis"] == pytest.approx(-0.7073968557, rel=1.5e-5)
    assert test["alpha"] == pytest.approx(-0.872230935542, rel=1.5e-5)
    assert test["error_ratio"] == pytest.approx(1.368294900795, rel=1.5e-5)
    assert test["standard_error"] == pytest.approx(1.1106813066, rel=1.5e-5)
    assert (test["n"], test["n_items"], test["max_total"], test["n_excluded"]) == (25, 7, 7.0, 0)


def test_hand_worked_facility_sd_and_columns() -> None:
    result = item_analysis(HAND, max_marks=ONES)
    assert list(result.items.columns[:4]) == list(ITEM_COLUMNS)
    # Facility = number right / 6: 5/6, 4/6, 2/6, 2/6.
    assert result.items["facility"].tolist() == pytest.approx([5 / 6, 4 / 6, 2 / 6, 2 / 6])
    # SD of a 0/1 item with divisor S − 1: √(S p (1 − p) / (S − 1)); q1: √(6 · 5/36 / 5) = √(1/6).
    assert result.items.loc["q1", "sd"] == pytest.approx(math.sqrt(1 / 6))
    assert result.items["n"].tolist() == [6, 6, 6, 6]


def test_hand_worked_discrimination_against_numpy_corrcoef() -> None:
    result = item_analysis(HAND, max_marks=ONES)
    for item in HAND.columns:
        rest = HAND.drop(columns=item).sum(axis=1)
        expected = np.corrcoef(HAND[item], rest)[0, 1]  # independent tool: numpy.corrcoef
        assert result.items.loc[item, "discrimination_index"] == pytest.approx(expected)
    # q4 by hand: x = 0,0,1,0,1,0, rest = 3,2,3,1,1,1; Σ(x − x̄)(r − r̄) = 4 − 6 · 1/3 · 11/6 = 1/3,
    # Σ(x − x̄)² = 4/3, Σ(r − r̄)² = 25 − 121/6 = 29/6, so D = (1/3) / √(4/3 · 29/6) = 0.131306…
    assert result.items.loc["q4", "discrimination_index"] == pytest.approx((1 / 3) / math.sqrt(4 / 3 * 29 / 6))


def test_hand_worked_discriminative_efficiency_sorted_pairing() -> None:
    result = item_analysis(HAND, max_marks=ONES)
    # q4 by hand: sorted x = 0,0,0,0,1,1 and sorted rest = 1,1,1,2,3,3 give Σ = 6 − 11/3 = 7/3,
    # so DE = (1/3) / (7/3) = 1/7.
    assert result.items.loc["q4", "discriminative_efficiency"] == pytest.approx(1 / 7)
    for item in HAND.columns:
        x, rest = HAND[item].to_numpy(), HAND.drop(columns=item).sum(axis=1).to_numpy()
        # independent tool: numpy.cov of the raw pairs and of the two sorted sequences.
        expected = np.cov(x, rest)[0, 1] / np.cov(np.sort(x), np.sort(rest))[0, 1]
        assert result.items.loc[item, "discriminative_efficiency"] == pytest.approx(expected)


def test_hand_worked_kr20_and_cronbach_alpha() -> None:
    test = item_analysis(HAND, max_marks=ONES).test
    # KR-20 by its own formula: k/(k − 1) (1 − Σ p(1 − p) / σ²_T), population variances.
    # Σ p(1 − p) = 5/36 + 8/36 + 8/36 + 8/36 = 29/36; σ²_T = 246/36 / 6 = 41/36; KR-20 = 4/3 · 12/41 = 16/41.
    assert test["alpha"] == pytest.approx(16 / 41)
    # Cronbach's alpha from the covariance matrix (total variance = sum of all its entries), an independent route.
    covariance = np.cov(HAND.to_numpy(), rowvar=False)
    k = covariance.shape[0]
    assert test["alpha"] == pytest.approx(k / (k - 1) * (1 - np.trace(covariance) / covariance.sum()))
    assert test["error_ratio"] == pytest.approx(math.sqrt(1 - 16 / 41))
    assert test["standard_error"] == pytest.approx(math.sqrt(1 - 16 / 41) * test["sd"])
    # Totals 3, 2, 4, 1, 2, 1: mean 13/6, median (2 + 2)/2, sd = √(246/36 / 5).
    assert (test["mean"], test["median"]) == (pytest.approx(13 / 6), 2.0)
    assert test["sd"] == pytest.approx(math.sqrt(246 / 36 / 5))


@pytest.mark.parametrize("scores", [HAND, moodle_00()], ids=["hand", "moodle-00"])
def test_skewness_and_kurtosis_equal_scipy_bias_corrected(scores: pd.DataFrame) -> None:
    stats = pytest.importorskip("scipy.stats")
    totals = scores.sum(axis=1).to_numpy()
    test = item_analysis(scores).test
    assert test["skewness"] == pytest.approx(stats.skew(totals, bias=False))
    assert test["kurtosis"] == pytest.approx(stats.kurtosis(totals, bias=False))


def test_flags_with_keys_and_bilingual_reasons() -> None:
    result = item_analysis(HAND, max_marks=ONES)
    # q4: D = 0.131 < 0.20 and DE = 1/7 < 0.15 (Moodle's "dubious" rule).
    assert result.items.loc["q4", "flags"] == ("low_discrimination", "low_efficiency")
    reason = result.flags["q4"][0]
    assert set(reason) == {"key", "id", "en"}
    assert reason["en"] == "Low discrimination: 0.13 < 0.20"
    assert reason["id"] == "Daya pembeda rendah: 0,13 < 0,20"
    negative = item_analysis(moodle_00(), max_marks={slot: 1.0 for slot in range(1, 8)})
    # Slot 3: facility 0.973 > 0.90 and D = −0.091 < 0; a negative D is not flagged again as low or inefficient.
    assert negative.items.loc[3, "flags"] == ("too_easy", "negative_discrimination")


def test_facility_thresholds_are_strict() -> None:
    # 9 of 10 right is exactly 0.90 (not flagged); 1 of 10 is 0.10 < 0.20 (too hard).
    scores = pd.DataFrame({"a": [1] * 9 + [0], "b": [1] + [0] * 9, "c": [1, 1, 1, 1, 1, 0, 0, 0, 0, 0]})
    items = item_analysis(scores, max_marks={"a": 1, "b": 1, "c": 1}).items
    assert "too_easy" not in items.loc["a", "flags"]
    assert "too_hard" in items.loc["b", "flags"]
    assert THRESHOLDS["too_easy"] == 0.90 and THRESHOLDS["too_hard"] == 0.20


def test_constant_item_has_no_discrimination_and_raises_no_warning() -> None:
    # pytest runs with warnings as errors, so a RuntimeWarning from numpy would fail this test.
    scores = HAND.assign(q5=1.0)
    result = item_analysis(scores, max_marks={**ONES, "q5": 1})
    row = result.items.loc["q5"]
    assert (row["facility"], row["sd"]) == (1.0, 0.0)
    assert math.isnan(row["discrimination_index"]) and math.isnan(row["discriminative_efficiency"])
    assert row["flags"] == ("too_easy",)
    # The constant item does not change the other items' rest-of-test correlations.
    assert result.items.loc["q1", "discrimination_index"] == pytest.approx(
        item_analysis(HAND, max_marks=ONES).items.loc["q1", "discrimination_index"]
    )


def test_item_whose_rest_of_test_is_constant_and_single_item() -> None:
    scores = pd.DataFrame({"a": [1.0, 0.0, 1.0], "b": [1.0, 1.0, 1.0]})
    items = item_analysis(scores).items
    assert math.isnan(items.loc["a", "discrimination_index"])  # rest of test (item b) is the same for everyone
    single = item_analysis(pd.DataFrame({"a": [1.0, 0.0, 1.0, 0.0]}))
    assert math.isnan(single.items.loc["a", "discrimination_index"])
    assert math.isnan(single.test["alpha"]) and math.isnan(single.test["standard_error"])


def test_nan_counts_as_zero_and_empty_rows_are_excluded() -> None:
    with_nan = HAND.copy()
    with_nan.loc["P4", "q1"] = np.nan  # was 1: treat as not attempted
    with_nan.loc["P5", "q2"] = np.nan  # was 1
    zeros = with_nan.fillna(0.0)
    a, b = item_analysis(with_nan, max_marks=ONES), item_analysis(zeros, max_marks=ONES)
    pd.testing.assert_frame_equal(a.items[list(ITEM_COLUMNS)], b.items[list(ITEM_COLUMNS)])
    assert dict(a.test) == pytest.approx(dict(b.test))
    assert a.items["n"].tolist() == [5, 5, 6, 6]
    # A participant with no mark at all made no attempt: left out, and counted.
    absent = pd.concat([HAND, pd.DataFrame({c: [np.nan] for c in HAND.columns}, index=["P7"])])
    c = item_analysis(absent, max_marks=ONES)
    assert (c.test["n"], c.test["n_excluded"]) == (6, 1)
    assert c.test["alpha"] == pytest.approx(16 / 41)


def test_max_marks_scale_facility_and_sd() -> None:
    scores = pd.DataFrame({"a": [0.0, 2.0, 4.0], "b": [1.0, 1.0, 0.0]})
    given = item_analysis(scores, max_marks={"a": 8, "b": 1}).items
    # mean 2 of max 8; sample SD of 0, 2, 4 is 2, over max 8.
    assert (given.loc["a", "facility"], given.loc["a", "sd"], given.loc["a", "max_mark"]) == (0.25, 0.25, 8.0)
    inferred = item_analysis(scores).items  # column max 4 is taken as the maximum
    assert (inferred.loc["a", "facility"], inferred.loc["a", "max_mark"]) == (0.5, 4.0)
    all_zero = item_analysis(pd.DataFrame({"a": [0.0, 0.0], "b": [1.0, 0.0]})).items
    assert math.isnan(all_zero.loc["a", "facility"]) and all_zero.loc["a", "flags"] == ()


def test_small_samples_leave_skewness_and_kurtosis_undefined() -> None:
    two = item_analysis(pd.DataFrame({"a": [1.0, 0.0], "b": [1.0, 1.0]})).test
    assert math.isnan(two["skewness"]) and math.isnan(two["kurtosis"])
    three = item_analysis(pd.DataFrame({"a": [1.0, 0.0, 0.0], "b": [1.0, 1.0, 0.0]})).test
    assert not math.isnan(three["skewness"]) and math.isnan(three["kurtosis"])


def test_fewer_than_two_participants_is_a_calculation_error() -> None:
    with pytest.raises(CalculationError, match="at least 2 participants"):
        item_analysis(pd.DataFrame({"a": [1.0], "b": [0.0]}))
    with pytest.raises(ValueError, match="got 1"):  # CalculationError is also a ValueError
        item_analysis(pd.DataFrame({"a": [1.0, np.nan], "b": [0.0, np.nan]}))


@pytest.mark.parametrize(
    ("scores", "max_marks", "message"),
    [
        ([[1, 0], [0, 1]], None, "must be a pandas DataFrame"),
        (pd.DataFrame({"a": ["1", "0"]}), None, "item 'a': marks must be numbers"),
        (pd.DataFrame({"a": [1.0, np.inf]}, index=["Ani", "Budi"]), None, "participant 'Budi', item 'a'"),
        (pd.DataFrame({"a": [1.0, 0.0], "b": [1.0, 1.0]}), {"a": 1}, r"no maximum for item\(s\) \['b'\]"),
        (pd.DataFrame({"a": [1.0, 0.0]}), {"a": 0}, "positive finite number"),
        (pd.DataFrame({"a": [1.0, 3.0]}, index=["Ani", "Budi"]), {"a": 2}, "participant 'Budi', item 'a': mark 3"),
        (pd.DataFrame([[1.0, 0.0], [0.0, 1.0]], columns=["a", "a"]), None, "repeated item labels"),
    ],
)
def test_invalid_input_names_what_is_wrong(scores: object, max_marks: object, message: str) -> None:
    with pytest.raises(CalculationError, match=message):
        item_analysis(scores, max_marks)  # type: ignore[arg-type]


def test_result_is_read_only_and_to_dict_is_json() -> None:
    result = item_analysis(HAND.assign(q5=1.0), max_marks={**ONES, "q5": 1})
    assert isinstance(result, ItemAnalysis)
    with pytest.raises(TypeError):
        result.test["alpha"] = 1.0  # type: ignore[index]
    plain = result.to_dict()
    text = json.dumps(plain, allow_nan=False)  # NaN became None
    assert plain["items"]["q5"]["discrimination_index"] is None
    assert plain["items"]["q4"]["flags"] == ["low_discrimination", "low_efficiency"]
    # A constant fifth item adds no variance but changes k/(k − 1) from 4/3 to 5/4: alpha = 5/4 · 12/41 = 15/41.
    assert plain["test"]["n"] == 6 and json.loads(text)["test"]["alpha"] == pytest.approx(15 / 41)


def test_boolean_marks_count_as_zero_and_one() -> None:
    result = item_analysis(HAND.astype(bool))
    assert result.items["facility"].tolist() == pytest.approx([5 / 6, 4 / 6, 2 / 6, 2 / 6])
