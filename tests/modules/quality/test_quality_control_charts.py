"""Variables control charts (x̄-R, x̄-s, I-MR) against hand computations and Montgomery's examples."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from exercise_checks import HARD_BAKE
from hypothesis import given, settings
from hypothesis import strategies as st

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.quality.control_charts import (
    ControlLimits,
    IMRChart,
    XbarRChart,
    XbarRLimits,
    XbarSChart,
    imr_chart,
    xbar_r_chart,
    xbar_r_limits,
    xbar_s_chart,
)
from ikm_curriculum.modules.quality.run_rules import RuleViolation


def _triple(limits: ControlLimits) -> tuple[float, float, float]:
    return (limits.center, limits.lcl, limits.ucl)


PROPERTY = settings(max_examples=150, deadline=None, database=None)  # no .hypothesis folder in the checkout


def test_hand_computed_example_n4() -> None:
    # Hand computation, n = 4, factors from Montgomery Appendix Table VI (A2 = 0.729, D3 = 0, D4 = 2.282):
    #   subgroup 0: 10 12 11 13 → x̄ = 11.5, R = 3;  1: 12 14 13 13 → 13.0, 2;  2: 11 10 12 9 → 10.5, 3
    #   x̿ = 35/3 = 11.666667;  R̄ = 8/3;  A2 R̄ = 1.944 → UCL_x̄ = 13.610667, LCL_x̄ = 9.722667
    #   UCL_R = 2.282 · 8/3 = 6.085333, LCL_R = 0
    data = [[10, 12, 11, 13], [12, 14, 13, 13], [11, 10, 12, 9]]
    chart = xbar_r_chart(data)
    assert (chart.n, chart.k) == (4, 3)
    assert chart.xbar == (11.5, 13.0, 10.5) and chart.ranges == (3.0, 2.0, 3.0)
    assert _triple(chart.xbar_limits) == pytest.approx((35 / 3, 9.722667, 13.610667), abs=1e-6)
    assert _triple(chart.range_limits) == pytest.approx((8 / 3, 0.0, 6.085333), abs=1e-6)
    assert chart.out_of_control == ()
    lim = xbar_r_limits(data)  # the flat form the exercises use: same numbers
    assert isinstance(lim, XbarRLimits) and (lim.n, lim.k) == (4, 3)
    assert (lim.ucl_x, lim.cl_x, lim.lcl_x) == (chart.xbar_limits.ucl, lim.grand_mean, chart.xbar_limits.lcl)
    assert (lim.ucl_r, lim.cl_r, lim.lcl_r) == (chart.range_limits.ucl, lim.mean_range, 0.0)


def test_hand_computed_example_n7_has_positive_lower_range_limit() -> None:
    # Hand computation, n = 7 (A2 = 0.419, D3 = 0.076, D4 = 1.924, Montgomery Appendix Table VI):
    #   1..7 → x̄ = 4, R = 6;  2..8 → x̄ = 5, R = 6;  x̿ = 4.5, R̄ = 6
    #   UCL_x̄ = 4.5 + 0.419 · 6 = 7.014, LCL_x̄ = 1.986, UCL_R = 11.544, LCL_R = 0.456
    chart = xbar_r_chart([list(range(1, 8)), list(range(2, 9))])
    assert chart.to_dict()["xbar"] == pytest.approx({"center": 4.5, "lcl": 1.986, "ucl": 7.014})
    assert chart.to_dict()["range"] == pytest.approx({"center": 6.0, "lcl": 0.456, "ucl": 11.544})


# HARD_BAKE: Montgomery, Example 6.1 / Table 6.1 (tests/exercise_checks.py).


def test_montgomery_example_6_1_hard_bake() -> None:
    # Published in Montgomery Example 6.1: x̿ = 1.5056, R̄ = 0.32521, UCL = 1.6932,
    # LCL = 1.3180, UCL_R = 0.68749, LCL_R = 0; no point out of control. The data give
    # UCL = 1.69326: the book adds A2·R̄ to the rounded x̿ (1.5056 + 0.18765 = 1.69325) and
    # prints 1.6932, so the x̄ limits are compared within 1e-4.
    result = xbar_r_chart(HARD_BAKE).to_dict()
    assert result["xbar"] == pytest.approx({"center": 1.5056, "lcl": 1.3180, "ucl": 1.6932}, abs=1e-4)
    assert result["range"]["center"] == pytest.approx(0.32521, abs=5e-6)
    assert result["range"]["ucl"] == pytest.approx(0.68749, abs=5e-5)
    assert result["range"]["lcl"] == 0.0
    assert result["out_of_control"] == []


# Montgomery, Example 6.3 / Table 6.3: inside diameter (mm) of forged automobile engine
# piston rings, 25 samples of 5. Data: the qcc R package's `pistonrings` data set (trial
# samples 1–25, citing Montgomery), verbatim except sample 21: qcc has 73.988 74.001
# 74.009 74.005 73.996, while the book's Table 6.3 (and Table 6.4, which reuses it) prints
# 73.982 74.001 74.015 74.005 73.996 with s = 0.0122 — as also transcribed in LabPlot's
# test of this example. Only the book's row gives its s̄ = 0.0094 (qcc's row: 0.0092).
PISTON_RINGS = [
    [74.030, 74.002, 74.019, 73.992, 74.008],
    [73.995, 73.992, 74.001, 74.011, 74.004],
    [73.988, 74.024, 74.021, 74.005, 74.002],
    [74.002, 73.996, 73.993, 74.015, 74.009],
    [73.992, 74.007, 74.015, 73.989, 74.014],
    [74.009, 73.994, 73.997, 73.985, 73.993],
    [73.995, 74.006, 73.994, 74.000, 74.005],
    [73.985, 74.003, 73.993, 74.015, 73.988],
    [74.008, 73.995, 74.009, 74.005, 74.004],
    [73.998, 74.000, 73.990, 74.007, 73.995],
    [73.994, 73.998, 73.994, 73.995, 73.990],
    [74.004, 74.000, 74.007, 74.000, 73.996],
    [73.983, 74.002, 73.998, 73.997, 74.012],
    [74.006, 73.967, 73.994, 74.000, 73.984],
    [74.012, 74.014, 73.998, 73.999, 74.007],
    [74.000, 73.984, 74.005, 73.998, 73.996],
    [73.994, 74.012, 73.986, 74.005, 74.007],
    [74.006, 74.010, 74.018, 74.003, 74.000],
    [73.984, 74.002, 74.003, 74.005, 73.997],
    [74.000, 74.010, 74.013, 74.020, 74.003],
    [73.982, 74.001, 74.015, 74.005, 73.996],
    [74.004, 73.999, 73.990, 74.006, 74.009],
    [74.010, 73.989, 73.990, 74.009, 74.014],
    [74.015, 74.008, 73.993, 74.000, 74.010],
    [73.982, 73.984, 73.995, 74.017, 74.013],
]


def test_montgomery_example_6_3_piston_rings_xbar_s() -> None:
    # Published in Montgomery Example 6.3: x̿ = 74.001, s̄ = 0.0094, UCL_x̄ = 74.014,
    # LCL_x̄ = 73.988, UCL_s = 0.0196, LCL_s = 0; the process is in control.
    # The book multiplies *rounded* x̿ and s̄: 74.001 + 1.427 · 0.0094 = 74.0144 → 74.014;
    # unrounded, 74.001176 + 1.427 · 0.0093995 = 74.01459, so UCL_x̄ is checked within 0.001.
    chart = xbar_s_chart(PISTON_RINGS)
    assert isinstance(chart, XbarSChart) and (chart.n, chart.k) == (5, 25)
    assert round(chart.xbar_limits.center, 3) == 74.001
    assert round(chart.s_limits.center, 4) == 0.0094
    assert chart.xbar_limits.ucl == pytest.approx(74.014, abs=1e-3)
    assert round(74.001 + 1.427 * 0.0094, 3) == 74.014  # the book's own arithmetic
    assert round(chart.xbar_limits.lcl, 3) == 73.988
    assert round(chart.s_limits.ucl, 4) == 0.0196
    assert chart.s_limits.lcl == 0.0
    assert chart.out_of_control == () and chart.run_rules() == []
    assert round(chart.s[20], 4) == 0.0122  # s of sample 21 as printed in Table 6.3


def test_to_dict_has_exactly_the_contract_keys_and_plain_numbers() -> None:
    r = xbar_r_chart(PISTON_RINGS).to_dict()
    s = xbar_s_chart(PISTON_RINGS).to_dict()
    assert {"xbar", "range", "out_of_control"} <= set(r) and "s" not in r
    assert {"xbar", "s", "out_of_control"} <= set(s) and "range" not in s
    for result in (r, s):
        assert set(result["xbar"]) == {"center", "lcl", "ucl"}
        assert json.loads(json.dumps(result)) == result  # plain JSON
        values = [*result["xbar"].values(), *result["points"]["xbar"]]
        assert all(type(v) is float for v in values)
    assert set(imr_chart([1, 2, 4]).to_dict()) >= {"individuals", "moving_range", "out_of_control"}


def test_out_of_control_from_xbar_and_revision_without_it() -> None:
    # Hand computation, n = 2 (A2 = 1.880, D3 = 0, D4 = 3.267):
    #   x̄ = 11, 12, 11, 11, 21; R = 2, 2, 2, 0, 2 → x̿ = 13.2, R̄ = 1.6
    #   UCL_x̄ = 13.2 + 1.88 · 1.6 = 16.208 → subgroup 4 (x̄ = 21) is out; UCL_R = 5.2272
    # Revised without subgroup 4: x̿ = 45/4 = 11.25, R̄ = 1.5, UCL_x̄ = 14.07, LCL_x̄ = 8.43, UCL_R = 4.9005.
    data = [[10, 12], [11, 13], [12, 10], [11, 11], [20, 22]]
    chart = xbar_r_chart(data)
    assert _triple(chart.xbar_limits) == pytest.approx((13.2, 10.192, 16.208))
    assert chart.range_limits.ucl == pytest.approx(5.2272)
    assert chart.out_of_control == (4,)
    revised = chart.revised([4])
    assert isinstance(revised, XbarRChart)
    assert revised.excluded == (4,) and revised.xbar == chart.xbar  # points keep their numbering
    assert _triple(revised.xbar_limits) == pytest.approx((11.25, 8.43, 14.07))
    assert _triple(revised.range_limits) == pytest.approx((1.5, 0.0, 4.9005))
    assert revised.out_of_control == ()  # subgroup 4 is no longer judged
    assert revised.to_dict()["excluded"] == [4]
    assert xbar_r_chart(data, exclude=[4]) == revised


def test_out_of_control_from_the_range_chart() -> None:
    # Hand computation, n = 2: x̄ = 11, 12, 11, 11, 11, 11; R = 2, 2, 2, 0, 12, 2 → R̄ = 20/6
    #   UCL_R = 3.267 · 20/6 = 10.89 → R = 12 (subgroup 4) is out; UCL_x̄ = 67/6 + 1.88 · 20/6 = 17.433
    chart = xbar_r_chart([[10, 12], [11, 13], [12, 10], [11, 11], [5, 17], [10, 12]])
    assert chart.range_limits.ucl == pytest.approx(10.89)
    assert chart.xbar_limits.ucl == pytest.approx(17.433333)
    assert chart.out_of_control == (4,)
    assert chart.revised([4]).revised([0]).excluded == (0, 4)  # revisions add up


def test_hand_computed_imr_example_and_revision() -> None:
    # Hand computation (fictional weekly fill weights, g), d2 = 1.128, D4 = 3.267 for n = 2:
    #   x = 50, 52, 51, 53, 52, 60, 51, 52 → x̄ = 421/8 = 52.625
    #   MR = 2, 1, 2, 1, 8, 9, 1 → MR̄ = 24/7 = 3.428571; 3 MR̄/d2 = 9.118541
    #   UCL_x = 61.743541, LCL_x = 43.506459; UCL_MR = 3.267 · 24/7 = 11.201143 → all in control
    values = [50, 52, 51, 53, 52, 60, 51, 52]
    chart = imr_chart(values)
    assert isinstance(chart, IMRChart)
    assert chart.moving_ranges == (2.0, 1.0, 2.0, 1.0, 8.0, 9.0, 1.0)
    assert _triple(chart.individuals_limits) == pytest.approx((52.625, 43.506459, 61.743541), abs=1e-6)
    assert _triple(chart.moving_range_limits) == pytest.approx((24 / 7, 0.0, 11.201143), abs=1e-6)
    assert chart.out_of_control == ()
    # Revised without value 5 (60 g): x̄ = 361/7 = 51.571429; the moving ranges 8 and 9
    # touch it, so MR̄ = (2 + 1 + 2 + 1 + 1)/5 = 1.4, 3 MR̄/d2 = 3.723404:
    #   UCL_x = 55.294833 (60 would now be out, but it is excluded), UCL_MR = 4.5738
    revised = chart.revised([5])
    assert _triple(revised.individuals_limits) == pytest.approx((51.571429, 47.848024, 55.294833), abs=1e-6)
    assert revised.moving_range_limits.ucl == pytest.approx(4.5738)
    assert revised.out_of_control == ()
    assert revised.run_rules() == []


def test_imr_flags_a_large_moving_range_at_its_later_point() -> None:
    # Hand computation: x = 10, 10, 10, 10, 10, 10, 10, 13 → MR = 0 × 6, 3 → MR̄ = 3/7,
    #   UCL_MR = 3.267 · 3/7 = 1.4001 → the MR ending at value 7 is out; UCL_x = 10.375 + 1.1398 → 13 is out too.
    chart = imr_chart([10] * 7 + [13])
    assert chart.out_of_control == (7,)


def test_run_rules_on_the_xbar_chart_use_sigma_of_xbar() -> None:
    # 10 subgroups of n = 2 with R = 2 (R̄ = 2, A2 R̄ = 3.76, σ_x̄ = 3.76/3 = 1.2533):
    # x̄ = 11 for the first 2, then 12 for 8 → x̿ = 11.8; the last 8 lie above the centre line
    # (rule 4, completed at subgroup 9); none beyond 2σ_x̄ (11.8 + 2.507 = 14.31).
    data = [[10, 12]] * 2 + [[11, 13]] * 8
    chart = xbar_r_chart(data)
    assert chart.run_rules() == [RuleViolation(4, (9,))]
    # Revised without subgroup 0: the kept points are renumbered for the rules but reported
    # with the chart's own indices — still 8 above x̿ = 106/9 = 11.78, completed at subgroup 9.
    assert chart.revised([0]).run_rules() == [RuleViolation(4, (9,))]
    # Without subgroup 5 the kept run above the centre line has only 7 points (2–4, 6–9): no rule.
    assert chart.revised([5]).run_rules() == []


def test_run_rules_need_a_spread() -> None:
    # All values equal: R̄ = 0, so σ_x̄ = 0 and the zones are undefined.
    with pytest.raises(CalculationError, match=r"run rules need σ > 0"):
        xbar_r_chart([[5, 5], [5, 5]]).run_rules()


@pytest.mark.parametrize(
    ("subgroups", "message"),
    [
        ([[1, 2, 3]], r"subgroups: need at least 2 subgroups"),
        ([], r"need at least 2 subgroups"),
        ([[1, 2, 3], [1, 2]], r"subgroups\[1\] has 2 values but subgroups\[0\] has 3"),
        ([[1], [2]], r"subgroups\[0\] has 1 values: expected a subgroup size 2–25"),
        ([list(range(26))] * 2, r"subgroups\[0\] has 26 values: expected a subgroup size 2–25"),
        ([[1, 2], [3, math.nan]], r"subgroups\[1\]\[1\] = nan: expected a finite number"),
        ([[1, 2], [math.inf, 2], [1, 2]], r"subgroups\[1\]\[0\] = inf: expected a finite number"),
        ([[1, 2], [3, "4"]], r"subgroups\[1\]\[1\] = '4': expected a finite number"),
        ([[1, 2], [True, 4]], r"subgroups\[1\]\[0\] = True: expected a finite number"),
        ([[1, 2], 3], r"subgroups\[1\] = 3: expected a list of numbers"),
        ("12", r"subgroups: expected a list"),
    ],
)
def test_invalid_subgroups_name_the_element(subgroups: object, message: str) -> None:
    for build in (xbar_r_chart, xbar_s_chart, xbar_r_limits):
        with pytest.raises(CalculationError, match=message):
            build(subgroups)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("exclude", "message"),
    [
        ([5], r"exclude\[0\] = 5: expected a subgroup index 0–4"),
        ([-1], r"exclude\[0\] = -1: expected a subgroup index 0–4"),
        ([1.0], r"exclude\[0\] = 1.0: expected a subgroup index"),
        ([0, 1, 2, 3], r"exclude leaves 1 subgroup\(s\): at least 2 must remain"),
        ("1", r"exclude: expected a list of subgroup indices"),
    ],
)
def test_invalid_exclusions(exclude: object, message: str) -> None:
    with pytest.raises(CalculationError, match=message):
        xbar_r_chart([[1, 2], [2, 3], [3, 4], [4, 5], [5, 6]], exclude=exclude)  # type: ignore[arg-type]


def test_invalid_individuals() -> None:
    with pytest.raises(CalculationError, match=r"need at least 2 individual values, got 1"):
        imr_chart([3.0])
    with pytest.raises(CalculationError, match=r"values\[2\] = 'x': expected a finite number"):
        imr_chart([1, 2, "x"])  # type: ignore[list-item]
    with pytest.raises(CalculationError, match=r"no moving range"):
        imr_chart([1, 2, 3], exclude=[1])
    with pytest.raises(CalculationError, match=r"exclude\[0\] = 3: expected a value index 0–2"):
        imr_chart([1, 2, 3]).revised([3])


def test_numpy_and_pandas_input() -> None:
    import pandas as pd

    data = np.array(PISTON_RINGS)
    expected = xbar_r_chart(PISTON_RINGS)
    assert xbar_r_chart(data) == expected
    assert xbar_r_chart(pd.DataFrame(data)) == expected
    assert imr_chart(np.array([1.0, 2.0, 4.0])) == imr_chart([1, 2, 4])
    with pytest.raises(AttributeError):
        expected.n = 3  # type: ignore[misc]


# --- properties -------------------------------------------------------------------------------------------------

VALUE = st.floats(min_value=-1e4, max_value=1e4, allow_nan=False, allow_infinity=False)
SUBGROUPS = st.integers(2, 25).flatmap(
    lambda n: st.lists(st.lists(VALUE, min_size=n, max_size=n), min_size=2, max_size=12)
)


@PROPERTY
@given(SUBGROUPS)
def test_xbar_limits_symmetric_and_spread_limits_not_negative(subgroups: list[list[float]]) -> None:
    for chart in (xbar_r_chart(subgroups), xbar_s_chart(subgroups)):
        x = chart.xbar_limits
        assert x.ucl - x.center == pytest.approx(x.center - x.lcl, rel=1e-9, abs=1e-9)
        assert 0.0 <= chart.spread_limits.lcl <= chart.spread_limits.center <= chart.spread_limits.ucl
        assert list(chart.out_of_control) == sorted(set(chart.out_of_control))


@PROPERTY
@given(st.lists(VALUE, min_size=2, max_size=40))
def test_imr_limits_symmetric_and_moving_range_limits_not_negative(values: list[float]) -> None:
    chart = imr_chart(values)
    x = chart.individuals_limits
    assert x.ucl - x.center == pytest.approx(x.center - x.lcl, rel=1e-9, abs=1e-9)
    assert 0.0 == chart.moving_range_limits.lcl <= chart.moving_range_limits.ucl


@PROPERTY
@given(SUBGROUPS, st.floats(min_value=-1e3, max_value=1e3, allow_nan=False))
def test_adding_a_constant_shifts_xbar_limits_and_keeps_range_limits(subgroups: list[list[float]], c: float) -> None:
    before = xbar_r_chart(subgroups)
    after = xbar_r_chart([[v + c for v in row] for row in subgroups])
    tol = 1e-9 * (1e4 + abs(c)) * 10  # a few units in the last place of the shifted values
    for name in ("center", "lcl", "ucl"):
        assert getattr(after.xbar_limits, name) == pytest.approx(getattr(before.xbar_limits, name) + c, abs=tol)
        assert getattr(after.range_limits, name) == pytest.approx(getattr(before.range_limits, name), abs=tol)
