"""Control-chart factors: the carried table against the published one, and against their definitions."""

from __future__ import annotations

import math

import numpy as np
import pytest

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.quality.constants import (
    CHART_CONSTANTS,
    FACTOR_NAMES,
    ChartConstants,
    c4_factor,
    computed_chart_constants,
    constants_for,
    control_chart_constants,
    range_moments,
)

# Reference rows: D. C. Montgomery, *Introduction to Statistical Quality Control*,
# Appendix Table VI "Factors for Constructing Variables Control Charts" (same values
# in ASTM E2587 and ASTM STP-15D). Typed in here independently of the module, and
# cross-checked against public transcriptions of the table (a scan of Appendix VI
# for n = 2–7 and of an identical "Table A.22 Factors for constructing control
# charts" for n = 2–21; for n = 22–25 against several independent copies in
# open-source SPC code). Every value below is one printed there — none was derived.
#      n: (A2,    A3,    D3,    D4,    B3,    B4,    d2,    c4,     d3)
PUBLISHED = {
    2: (1.880, 2.659, 0.0, 3.267, 0.0, 3.267, 1.128, 0.7979, 0.853),
    3: (1.023, 1.954, 0.0, 2.574, 0.0, 2.568, 1.693, 0.8862, 0.888),
    5: (0.577, 1.427, 0.0, 2.114, 0.0, 2.089, 2.326, 0.9400, 0.864),
    7: (0.419, 1.182, 0.076, 1.924, 0.118, 1.882, 2.704, 0.9594, 0.833),
    10: (0.308, 0.975, 0.223, 1.777, 0.284, 1.716, 3.078, 0.9727, 0.797),
    15: (0.223, 0.789, 0.347, 1.653, 0.428, 1.572, 3.472, 0.9823, 0.756),
    18: (0.194, 0.718, 0.391, 1.608, 0.482, 1.518, 3.640, 0.9854, 0.739),
    19: (0.187, 0.698, 0.403, 1.597, 0.497, 1.503, 3.689, 0.9862, 0.734),
    20: (0.180, 0.680, 0.415, 1.585, 0.510, 1.490, 3.735, 0.9869, 0.729),
    22: (0.167, 0.647, 0.434, 1.566, 0.534, 1.466, 3.819, 0.9882, 0.720),
    24: (0.157, 0.619, 0.451, 1.548, 0.555, 1.445, 3.895, 0.9892, 0.712),
    25: (0.153, 0.606, 0.459, 1.541, 0.565, 1.435, 3.931, 0.9896, 0.708),
}

# Printed values that are not the exact factor rounded to the printed decimals
# (exact factors from the integrals of range_moments). The table computes D3 and
# D4 from d2 and d3 carried to fewer decimals, and older computations of d3, so
# these sit up to 0.00075 from the exact value; each stays within ±0.0015.
#   n=3 D4: printed 2.574, exact 2.57459     n=18 D4: printed 1.608, exact 1.60872
#   n=19 D3/D4/d3: 0.403/1.597/0.734, exact 0.40351/1.59649/0.73348
#   n=22 D3/D4: 0.434/1.566, exact 0.43453/1.56547     n=24 D3: 0.451, exact 0.45160
PRINTED_FROM_ROUNDED_INPUTS = {(3, "D4"), (18, "D4"), (19, "D3"), (19, "D4"), (19, "d3"), (22, "D3"), (22, "D4")}
PRINTED_FROM_ROUNDED_INPUTS |= {(24, "D3")}
INTEGRATION_TOL = 1e-6


@pytest.mark.parametrize("n", sorted(PUBLISHED))
def test_carried_values_equal_the_published_table(n: int) -> None:
    factors = control_chart_constants(n)
    assert list(factors) == ["A2", "A3", "D3", "D4", "B3", "B4", "d2", "c4", "d3"]
    assert tuple(factors.values()) == PUBLISHED[n]  # Montgomery Appendix VI / ASTM E2587, row n
    assert all(type(v) is float for v in factors.values())


@pytest.mark.parametrize("n", range(2, 26))
def test_computed_factors_agree_with_the_table(n: int) -> None:
    carried = control_chart_constants(n)
    computed = computed_chart_constants(n)
    for name in FACTOR_NAMES:
        decimals = 4 if name == "c4" else 3
        half_unit = 0.5 * 10.0**-decimals
        difference = abs(carried[name] - computed[name])
        if (n, name) in PRINTED_FROM_ROUNDED_INPUTS:
            assert half_unit < difference <= 0.0015, (n, name)
        else:  # the printed value is the exact one rounded
            assert difference <= half_unit + INTEGRATION_TOL, (n, name, computed[name])


def test_range_moments_closed_forms() -> None:
    # n = 2: R = |X1 − X2|, X1 − X2 ~ N(0, 2): d2 = 2/√π, d3 = √(2 − 4/π) (closed form).
    d2, d3 = range_moments(2)
    assert d2 == pytest.approx(2 / math.sqrt(math.pi), abs=1e-7)
    assert d3 == pytest.approx(math.sqrt(2 - 4 / math.pi), abs=1e-7)
    # n = 3: E[R] = 3/√π (closed form: E[max of 3 normals] = 3/(2√π), Tippett 1925).
    assert range_moments(3)[0] == pytest.approx(3 / math.sqrt(math.pi), abs=1e-7)
    # A finer grid changes nothing at the precision the table needs (convergence of the quadrature).
    for n in (5, 25):
        assert range_moments(n, 0.01) == pytest.approx(range_moments(n), abs=1e-7)


def test_c4_closed_forms() -> None:
    # c4(2) = √(2/π), c4(3) = √π/2 (Γ(1) = 1, Γ(1/2) = √π, Γ(3/2) = √π/2).
    assert c4_factor(2) == pytest.approx(math.sqrt(2 / math.pi), rel=1e-12)
    assert c4_factor(3) == pytest.approx(math.sqrt(math.pi) / 2, rel=1e-12)
    # c4 ≈ 4(n − 1)/(4n − 3) for large n (Montgomery, footnote to Appendix VI): within 1e-4 at n = 25.
    assert c4_factor(25) == pytest.approx(96 / 97, abs=1e-4)


def test_dataclass_carries_every_factor() -> None:
    # Montgomery Appendix Table VI, row n = 5
    assert constants_for(5) == ChartConstants(
        n=5, d2=2.326, d3=0.864, A2=0.577, D3=0.0, D4=2.114, A3=1.427, B3=0.0, B4=2.089, c4=0.94
    )
    assert set(constants_for(25).to_dict()) == {"n", *FACTOR_NAMES}
    assert sorted(CHART_CONSTANTS) == list(range(2, 26))


@pytest.mark.parametrize("bad", [0, 1, 26, -3, 2.0, True, "5", None])
def test_sizes_outside_2_to_25_are_rejected(bad: object) -> None:
    with pytest.raises(CalculationError, match=r"subgroup size n=.*: expected an integer 2–25"):
        control_chart_constants(bad)  # type: ignore[arg-type]
    with pytest.raises(CalculationError, match=r"expected an integer 2–25"):
        constants_for(bad)  # type: ignore[arg-type]
    with pytest.raises(CalculationError, match=r"expected an integer 2–25"):
        computed_chart_constants(bad)  # type: ignore[arg-type]


def test_message_quoted_in_the_issue() -> None:
    with pytest.raises(CalculationError) as caught:
        control_chart_constants(1)
    assert str(caught.value) == "subgroup size n=1: expected an integer 2–25"
    assert isinstance(caught.value, ValueError)  # callers catching ValueError still work


def test_numpy_integer_accepted_and_everything_read_only() -> None:
    assert constants_for(np.int64(4)).A2 == 0.729  # Montgomery Appendix Table VI, n = 4
    assert control_chart_constants(np.int32(12))["B4"] == 1.646  # Appendix Table VI, n = 12
    with pytest.raises(TypeError):
        CHART_CONSTANTS[26] = CHART_CONSTANTS[25]  # type: ignore[index]
    with pytest.raises(TypeError):
        control_chart_constants(5)["A2"] = 0.6  # type: ignore[index]
    with pytest.raises(AttributeError):
        constants_for(5).A2 = 0.6  # type: ignore[misc]
