"""Control-chart factors against Montgomery's Appendix Table VI and against their definitions."""

from __future__ import annotations

import math

import numpy as np
import pytest

from ikm_curriculum.modules.quality.constants import (
    CHART_CONSTANTS,
    ChartConstants,
    constants_for,
)

# Montgomery, *Introduction to Statistical Quality Control*, Appendix Table VI
# "Factors for Constructing Variables Control Charts", copied from the book
# independently of the module: n: (A2, d2, d3, D3, D4).
MONTGOMERY_TABLE_VI = {
    2: (1.880, 1.128, 0.853, 0.0, 3.267),
    3: (1.023, 1.693, 0.888, 0.0, 2.574),
    4: (0.729, 2.059, 0.880, 0.0, 2.282),
    5: (0.577, 2.326, 0.864, 0.0, 2.114),
    6: (0.483, 2.534, 0.848, 0.0, 2.004),
    7: (0.419, 2.704, 0.833, 0.076, 1.924),
    8: (0.373, 2.847, 0.820, 0.136, 1.864),
    9: (0.337, 2.970, 0.808, 0.184, 1.816),
    10: (0.308, 3.078, 0.797, 0.223, 1.777),
}

HALF_UNIT = 0.0005  # half a unit in the third decimal: the rounding of every printed factor


@pytest.mark.parametrize("n", sorted(MONTGOMERY_TABLE_VI))
def test_table_matches_montgomery_appendix_vi(n: int) -> None:
    a2, d2, d3, d3_lcl, d4 = MONTGOMERY_TABLE_VI[n]  # Montgomery Appendix Table VI
    c = constants_for(n)
    assert (c.n, c.A2, c.d2, c.d3, c.D3, c.D4) == (n, a2, d2, d3, d3_lcl, d4)


def test_n5_values_quoted_in_the_issue() -> None:
    # Montgomery Appendix Table VI, row n = 5
    assert constants_for(5) == ChartConstants(n=5, d2=2.326, d3=0.864, A2=0.577, D3=0.0, D4=2.114)


@pytest.mark.parametrize("n", sorted(MONTGOMERY_TABLE_VI))
def test_factors_consistent_with_their_definitions(n: int) -> None:
    # A2 = 3/(d2 √n), D4 = 1 + 3 d3/d2, D3 = max(0, 1 − 3 d3/d2) (Montgomery ch. 6.2).
    # Tolerance: 0.0015, widened where rounding d2 and d3 to 3 decimals can move
    # the formula by more (first-order error propagation of ±0.0005 in each,
    # plus ±0.0005 for the printed factor). Only n = 2, D4 needs it: with
    # d2 = 1.128, d3 = 0.853 the formula gives 3.2686 against the printed 3.267,
    # while the exact d2 = 2/√π and d3 = √(2 − 4/π) give 3.2665.
    c = constants_for(n)
    tol_a2 = max(0.0015, HALF_UNIT + 3 / (c.d2**2 * math.sqrt(n)) * HALF_UNIT)
    tol_d = max(0.0015, HALF_UNIT + (3 / c.d2 + 3 * c.d3 / c.d2**2) * HALF_UNIT)
    assert c.A2 == pytest.approx(3 / (c.d2 * math.sqrt(n)), abs=tol_a2)
    assert c.D4 == pytest.approx(1 + 3 * c.d3 / c.d2, abs=tol_d)
    assert c.D3 == pytest.approx(max(0.0, 1 - 3 * c.d3 / c.d2), abs=tol_d)


def _range_moments(n: int, h: float = 0.01) -> tuple[float, float]:
    """d2 and d3 by numerical integration of the distribution of the range of n standard normals.

    P(W ≤ w) = n ∫ φ(x) [Φ(x + w) − Φ(x)]^(n−1) dx;  E[W] = ∫ (1 − F) dw;
    E[W²] = 2 ∫ w (1 − F) dw (e.g. Montgomery ch. 6.2; Tippett 1925).
    """
    grid = np.arange(-8.0, 20.0 + h / 2, h)
    phi_cdf = 0.5 * (1.0 + np.array([math.erf(v / math.sqrt(2.0)) for v in grid]))
    x_count = int(round(16.0 / h)) + 1  # x from -8 to 8
    w_count = int(round(12.0 / h)) + 1  # w from 0 to 12
    x = grid[:x_count]
    density = np.exp(-0.5 * x**2) / math.sqrt(2 * math.pi)
    idx = np.arange(x_count)[:, None] + np.arange(w_count)[None, :]
    inner = (phi_cdf[idx] - phi_cdf[:x_count, None]) ** (n - 1)
    cdf_w = n * h * (density[:, None] * inner).sum(axis=0)
    w = np.arange(w_count) * h
    survival = 1.0 - cdf_w

    def trapezoid(y: np.ndarray) -> float:  # numpy's own name differs between 1.x and 2.x
        return float(h * (y[1:] + y[:-1]).sum() / 2)

    d2 = trapezoid(survival)
    second = 2.0 * trapezoid(w * survival)
    return d2, math.sqrt(second - d2**2)


def test_range_moments_match_closed_form_for_n2() -> None:
    # n = 2: R = |X1 − X2| with X1 − X2 ~ N(0, 2): d2 = 2/√π, d3 = √(2 − 4/π) (closed form).
    d2, d3 = _range_moments(2)
    assert d2 == pytest.approx(2 / math.sqrt(math.pi), abs=1e-4)
    assert d3 == pytest.approx(math.sqrt(2 - 4 / math.pi), abs=1e-4)


@pytest.mark.parametrize("n", sorted(MONTGOMERY_TABLE_VI))
def test_table_matches_exact_factors_to_three_decimals(n: int) -> None:
    # Independent check of the printed table: exact d2, d3 by integration, then
    # each printed factor must be the exact one rounded to 3 decimals (±0.0005,
    # plus 1e-4 for the integration).
    d2, d3 = _range_moments(n)
    c = constants_for(n)
    tol = HALF_UNIT + 1e-4
    assert c.d2 == pytest.approx(d2, abs=tol)
    assert c.d3 == pytest.approx(d3, abs=tol)
    assert c.A2 == pytest.approx(3 / (d2 * math.sqrt(n)), abs=tol)
    assert c.D4 == pytest.approx(1 + 3 * d3 / d2, abs=tol)
    assert c.D3 == pytest.approx(max(0.0, 1 - 3 * d3 / d2), abs=tol)


@pytest.mark.parametrize("bad", [0, 1, 11, 25, -3, 2.0, True, "5", None])
def test_constants_for_rejects_sizes_outside_2_to_10(bad: object) -> None:
    with pytest.raises(ValueError, match=r"subgroup size n=.* is outside 2–10 \(later issue extends to 25\)"):
        constants_for(bad)  # type: ignore[arg-type]


def test_numpy_integer_is_accepted_and_table_is_read_only() -> None:
    assert constants_for(np.int64(4)).A2 == 0.729  # Montgomery Appendix Table VI, n = 4
    with pytest.raises(TypeError):
        CHART_CONSTANTS[11] = CHART_CONSTANTS[10]  # type: ignore[index]
    with pytest.raises(AttributeError):
        constants_for(5).A2 = 0.6  # type: ignore[misc]
    assert constants_for(5).to_dict()["D4"] == 2.114
