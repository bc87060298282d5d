"""Attribute control charts (p, np, c, u) against Montgomery's examples and hand computations."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.quality.attribute_charts import (
    AttributeChart,
    c_chart,
    np_chart,
    p_chart,
    u_chart,
)

# Montgomery, Introduction to Statistical Quality Control, Example 7.1 / Table 7.1: frozen
# orange-juice concentrate cans, nonconforming cans in 30 samples of n = 50. Verbatim from
# the qcc R package's `orangejuice` data set (trial samples 1–30, citing Montgomery).
ORANGE_JUICE = (
    [12, 15, 8, 10, 4, 7, 16, 9, 14, 10]  # samples 1–10
    + [5, 6, 17, 12, 22, 8, 10, 5, 13, 11]  # samples 11–20
    + [20, 18, 24, 15, 9, 12, 7, 13, 9, 6]  # samples 21–30
)

# Montgomery's circuit-board nonconformities, 26 samples of 100 boards (the c-chart example of
# section 7.3.1). Verbatim from the qcc R package's `circuit` data set (trial samples 1–26),
# whose documentation notes that samples 6 and 20 are outside the control limits.
CIRCUIT_BOARDS = [21, 24, 16, 12, 15, 5, 28, 20, 31, 25, 20, 24, 16, 19, 10, 17, 13, 22, 18, 39, 30, 24, 16, 19, 17, 15]

# Montgomery's personal-computer final assembly, nonconformities in 20 samples of 5 computers
# (the u-chart example of section 7.3.1). Verbatim from the qcc R package's `pcmanufact` data set.
PC_NONCONFORMITIES = [10, 12, 8, 14, 10, 16, 11, 7, 10, 15, 9, 5, 7, 11, 12, 6, 8, 10, 7, 5]


def test_montgomery_example_7_1_trial_and_revised_limits() -> None:
    # Published in Montgomery Example 7.1: p̄ = 0.2313, UCL = 0.4102, LCL = 0.0524; samples 15 and
    # 23 are out (0-based 14 and 22), with assignable causes. Revised without them: p̄ = 0.2150,
    # UCL = 0.3893, LCL = 0.0407.
    trial = p_chart(ORANGE_JUICE, 50)
    assert (round(trial.center, 4), round(trial.ucl, 4), round(trial.lcl, 4)) == (0.2313, 0.4102, 0.0524)
    assert trial.out_of_control == (14, 22)
    revised = trial.revised([14, 22])
    assert (round(revised.center, 4), round(revised.ucl, 4), round(revised.lcl, 4)) == (0.2150, 0.3893, 0.0407)
    assert revised.excluded == (14, 22) and revised.points == trial.points
    # Hand check: sample 21 (0-based 20) has p = 20/50 = 0.40 > 0.3893, so it is now above the revised UCL.
    assert revised.out_of_control == (20,)
    assert p_chart(ORANGE_JUICE, [50] * 30, exclude=[22, 14]) == revised  # same chart from a list of sizes


def test_np_chart_on_the_orange_juice_data() -> None:
    # Hand computation: n p̄ = 50 · 347/1500 = 11.566667; 3 √(n p̄ (1 − p̄)) = 8.945289
    #   UCL = 20.511956, LCL = 2.621377 → 22 and 24 nonconforming (0-based 14, 22) are out.
    chart = np_chart(ORANGE_JUICE, 50)
    assert (chart.center, chart.lcl, chart.ucl) == pytest.approx((11.566667, 2.621377, 20.511956), abs=1e-6)
    assert chart.out_of_control == (14, 22)
    assert chart.points[14] == 22.0
    p = p_chart(ORANGE_JUICE, 50)
    assert (chart.lcl, chart.ucl) == pytest.approx((50 * p.lcl, 50 * p.ucl))  # the np chart is the p chart × n


def test_p_chart_with_varying_sample_sizes() -> None:
    # Hand computation: D = 5, 12, 15, 2 in n = 50, 100, 50, 100 → p = 0.10, 0.12, 0.30, 0.02
    #   p̄ = 34/300 = 0.113333; n = 50: 3 √(p̄(1 − p̄)/50) = 0.134492 → UCL 0.247825, LCL −0.021 → 0
    #                          n = 100: 0.095100 → UCL 0.208433, LCL 0.018233
    #   sample 2 (0.30 > 0.247825) is out; sample 3 (0.02 > 0.018233) is in.
    chart = p_chart([5, 12, 15, 2], [50, 100, 50, 100])
    assert chart.center == pytest.approx(34 / 300)
    assert isinstance(chart.ucl, tuple) and isinstance(chart.lcl, tuple)  # one limit per sample
    assert chart.ucl == pytest.approx((0.247825, 0.208433, 0.247825, 0.208433), abs=1e-6)
    assert chart.lcl == pytest.approx((0.0, 0.018233, 0.0, 0.018233), abs=1e-6)
    assert chart.out_of_control == (2,)
    # Revised without sample 2: p̄ = 19/250 = 0.076; n = 50: UCL 0.188429; n = 100: UCL 0.155499, LCL 0.
    revised = chart.revised([2])
    assert revised.ucl == pytest.approx((0.188429, 0.155499, 0.188429, 0.155499), abs=1e-6)
    assert revised.lcl == (0.0, 0.0, 0.0, 0.0) and revised.out_of_control == ()
    result = revised.to_dict()
    assert isinstance(result["ucl"], list) and json.loads(json.dumps(result)) == result


def test_c_chart_circuit_boards() -> None:
    # Hand computation: c̄ = 516/26 = 19.846154, 3 √c̄ = 13.364707 → UCL 33.210861, LCL 6.481447;
    # sample 6 (c = 5) and sample 20 (c = 39) are out (0-based 5 and 19).
    chart = c_chart(CIRCUIT_BOARDS)
    assert (chart.center, chart.lcl, chart.ucl) == pytest.approx((19.846154, 6.481447, 33.210861), abs=1e-6)
    assert chart.out_of_control == (5, 19)
    # Revised without them: c̄ = 472/24 = 19.666667 → UCL 32.970801, LCL 6.362532; none out.
    revised = chart.revised([5, 19])
    assert (revised.center, revised.lcl, revised.ucl) == pytest.approx((19.666667, 6.362532, 32.970801), abs=1e-6)
    assert revised.out_of_control == ()


def test_c_chart_small_counts_clip_lcl_at_zero() -> None:
    # Hand computation: c = 1, 0, 2, 1 → c̄ = 1, UCL = 1 + 3 = 4, LCL = 1 − 3 → 0.
    chart = c_chart([1, 0, 2, 1])
    assert (chart.center, chart.lcl, chart.ucl) == (1.0, 0.0, 4.0)
    assert chart.to_dict() == {
        "chart": "c",
        "center": 1.0,
        "lcl": 0.0,
        "ucl": 4.0,
        "out_of_control": [],
        "points": [1.0, 0.0, 2.0, 1.0],
        "excluded": [],
    }


def test_u_chart_constant_units_personal_computers() -> None:
    # Hand computation: ū = 193/100 = 1.93; 3 √(1.93/5) = 1.863867 → UCL 3.793867, LCL 0.066133.
    chart = u_chart(PC_NONCONFORMITIES, 5)
    assert (chart.center, chart.lcl, chart.ucl) == pytest.approx((1.93, 0.066133, 3.793867), abs=1e-6)
    assert chart.points[5] == 3.2 and chart.out_of_control == ()  # the largest u = 16/5 is inside


def test_u_chart_varying_units() -> None:
    # Hand computation: c = 20, 30, 50, 5 in 10, 10, 20, 10 units → u = 2.0, 3.0, 2.5, 0.5; ū = 105/50 = 2.1
    #   n = 10: 3 √(2.1/10) = 1.374773 → UCL 3.474773, LCL 0.725227
    #   n = 20: 3 √(2.1/20) = 0.972111 → UCL 3.072111, LCL 1.127889 → sample 3 (0.5) is below its LCL.
    chart = u_chart([20, 30, 50, 5], [10, 10, 20, 10])
    assert chart.ucl == pytest.approx((3.474773, 3.474773, 3.072111, 3.474773), abs=1e-6)
    assert chart.lcl == pytest.approx((0.725227, 0.725227, 1.127889, 0.725227), abs=1e-6)
    assert chart.out_of_control == (3,)
    assert u_chart([1, 2], [2.5, 2.5]).ucl == pytest.approx(0.6 + 3 * math.sqrt(0.6 / 2.5))  # fractional units


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: p_chart([2, 12, 3, 5], [10, 20, 10, 10]), None),
        (lambda: p_chart([2, 3, 4, 12], [10, 20, 10, 10]), r"defectives\[3\] = 12 is above sample_sizes\[3\] = 10"),
        (lambda: p_chart([2, 11], 10), r"defectives\[1\] = 11 is above sample_sizes = 10"),
        (lambda: np_chart([2, 11], 10), r"defectives\[1\] = 11 is above sample_size = 10"),
        (lambda: p_chart([2, -1], 10), r"defectives\[1\] = -1: expected a whole number ≥ 0"),
        (lambda: p_chart([2, 1.5], 10), r"defectives\[1\] = 1.5: expected a whole number ≥ 0"),
        (lambda: p_chart([2, "3"], 10), r"defectives\[1\] = '3': expected a whole number ≥ 0"),
        (lambda: p_chart([2, True], 10), r"defectives\[1\] = True: expected a whole number ≥ 0"),
        (lambda: p_chart([2, 3], [10, 0]), r"sample_sizes\[1\] = 0: expected a whole number ≥ 1"),
        (lambda: p_chart([2, 3], 0), r"sample_sizes = 0: expected a whole number ≥ 1"),
        (lambda: p_chart([2, 3, 4], [10, 10]), r"sample_sizes has 2 values but defectives has 3"),
        (lambda: p_chart([2], 10), r"defectives: need at least 2 samples"),
        (lambda: p_chart("23", 10), r"defectives: expected a list of whole numbers, got str"),
        (lambda: np_chart([2, 3], [10, 10]), r"sample_size = \[10, 10\]: expected one whole number ≥ 1"),
        (lambda: c_chart([3, math.nan]), r"counts\[1\] = nan: expected a whole number ≥ 0"),
        (lambda: c_chart([3, -2]), r"counts\[1\] = -2: expected a whole number ≥ 0"),
        (lambda: u_chart([3, 2], [1.0, 0.0]), r"units\[1\] = 0.0: expected a positive number"),
        (lambda: u_chart([3, 2], [1.0, "2"]), r"units\[1\] = '2': expected a positive number"),
        (lambda: u_chart([3, 2, 1], [1.0, 2.0]), r"units has 2 values but counts has 3"),
        (lambda: c_chart([3, 2, 1], exclude=[3]), r"exclude\[0\] = 3: expected a sample index 0–2"),
        (lambda: c_chart([3, 2, 1]).revised([0, 1]), r"exclude leaves 1 sample\(s\): at least 2 must remain"),
    ],
)
def test_bad_input_names_the_element(build: object, message: str | None) -> None:
    if message is None:  # a valid call, as a control for the rows below it
        assert isinstance(build(), AttributeChart)  # type: ignore[operator]
        return
    with pytest.raises(CalculationError, match=message):
        build()  # type: ignore[operator]


def test_numpy_and_spreadsheet_style_input() -> None:
    # Integral floats (as read from a spreadsheet) and numpy arrays are accepted.
    expected = p_chart(ORANGE_JUICE, 50)
    assert p_chart(np.array(ORANGE_JUICE), np.int64(50)) == expected
    assert p_chart([float(d) for d in ORANGE_JUICE], [50.0] * 30) == expected
    with pytest.raises(AttributeError):
        expected.center = 0.0  # type: ignore[misc]
    assert all(type(v) is float for v in expected.to_dict()["points"])


# --- properties -------------------------------------------------------------------------------------------------

SAMPLES = st.lists(
    st.integers(1, 500).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))), min_size=2, max_size=30
)


@settings(max_examples=200, deadline=None, database=None)
@given(SAMPLES)
def test_p_chart_limits_lie_within_0_and_1(samples: list[tuple[int, int]]) -> None:
    defectives, sizes = [d for d, _ in samples], [n for _, n in samples]
    chart = p_chart(defectives, sizes)
    lower = chart.lcl if isinstance(chart.lcl, tuple) else (chart.lcl,)
    upper = chart.ucl if isinstance(chart.ucl, tuple) else (chart.ucl,)
    assert all(0.0 <= lo <= chart.center <= hi <= 1.0 for lo, hi in zip(lower, upper, strict=True))
    assert 0.0 <= chart.center <= 1.0


@settings(max_examples=100, deadline=None, database=None)
@given(st.lists(st.integers(0, 200), min_size=2, max_size=30))
def test_c_chart_limits_are_not_negative_and_symmetric_before_clipping(counts: list[int]) -> None:
    chart = c_chart(counts)
    assert chart.lcl >= 0.0
    assert chart.ucl - chart.center == pytest.approx(3 * math.sqrt(chart.center))
