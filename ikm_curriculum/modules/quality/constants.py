"""Factors for constructing variables control charts, subgroup size n = 2..25.

The carried table is the published one: D. C. Montgomery, *Introduction to
Statistical Quality Control* (Wiley, 6th–8th ed.), Appendix Table VI "Factors
for Constructing Variables Control Charts" (the same values as ASTM E2587 and
ASTM STP-15D), printed to three decimals (c4 to four). Control limits in
this package use the carried values, so that a hand calculation with the book's
table gives the same numbers.

Definitions (Montgomery ch. 6.2–6.3), for subgroups of n independent normal values:

* d2 = E[R]/σ and d3 = sd[R]/σ, the mean and standard deviation of the relative range;
* c4 = E[s]/σ = √(2/(n−1)) Γ(n/2) / Γ((n−1)/2);
* A2 = 3/(d2 √n) and A3 = 3/(c4 √n): x̿ ± A2 R̄ and x̿ ± A3 s̄ are the 3-sigma limits of x̄;
* D3 = max(0, 1 − 3 d3/d2), D4 = 1 + 3 d3/d2: D3 R̄ and D4 R̄ are the limits of R;
* B3 = max(0, 1 − 3 √(1 − c4²)/c4), B4 = 1 + 3 √(1 − c4²)/c4: B3 s̄ and B4 s̄ are the limits of s.

:func:`computed_chart_constants` derives every factor from these definitions
(c4 from the gamma function, d2 and d3 by numerical integration of the range of
n standard normal values), as an independent check of the carried table.
"""

from __future__ import annotations

import math
import operator
from dataclasses import asdict, dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Mapping

import numpy as np

from ikm_curriculum.errors import CalculationError

MIN_N = 2
MAX_N = 25
FACTOR_NAMES: tuple[str, ...] = ("A2", "A3", "D3", "D4", "B3", "B4", "d2", "c4", "d3")


@dataclass(frozen=True)
class ChartConstants:
    """Control-chart factors for one subgroup size ``n`` (Montgomery, Appendix VI)."""

    n: int
    d2: float
    d3: float
    A2: float
    D3: float
    D4: float
    A3: float
    B3: float
    B4: float
    c4: float

    def to_dict(self) -> dict[str, float]:
        """The factors as a plain dict (with ``n``).

        >>> constants_for(2).to_dict()["A2"]
        1.88
        """
        return asdict(self)


# n: (A2, A3, D3, D4, B3, B4, d2, c4, d3) — Montgomery, Appendix Table VI (= ASTM E2587).
_TABLE_VI: dict[int, tuple[float, ...]] = {
    2: (1.880, 2.659, 0.0, 3.267, 0.0, 3.267, 1.128, 0.7979, 0.853),
    3: (1.023, 1.954, 0.0, 2.574, 0.0, 2.568, 1.693, 0.8862, 0.888),
    4: (0.729, 1.628, 0.0, 2.282, 0.0, 2.266, 2.059, 0.9213, 0.880),
    5: (0.577, 1.427, 0.0, 2.114, 0.0, 2.089, 2.326, 0.9400, 0.864),
    6: (0.483, 1.287, 0.0, 2.004, 0.030, 1.970, 2.534, 0.9515, 0.848),
    7: (0.419, 1.182, 0.076, 1.924, 0.118, 1.882, 2.704, 0.9594, 0.833),
    8: (0.373, 1.099, 0.136, 1.864, 0.185, 1.815, 2.847, 0.9650, 0.820),
    9: (0.337, 1.032, 0.184, 1.816, 0.239, 1.761, 2.970, 0.9693, 0.808),
    10: (0.308, 0.975, 0.223, 1.777, 0.284, 1.716, 3.078, 0.9727, 0.797),
    11: (0.285, 0.927, 0.256, 1.744, 0.321, 1.679, 3.173, 0.9754, 0.787),
    12: (0.266, 0.886, 0.283, 1.717, 0.354, 1.646, 3.258, 0.9776, 0.778),
    13: (0.249, 0.850, 0.307, 1.693, 0.382, 1.618, 3.336, 0.9794, 0.770),
    14: (0.235, 0.817, 0.328, 1.672, 0.406, 1.594, 3.407, 0.9810, 0.763),
    15: (0.223, 0.789, 0.347, 1.653, 0.428, 1.572, 3.472, 0.9823, 0.756),
    16: (0.212, 0.763, 0.363, 1.637, 0.448, 1.552, 3.532, 0.9835, 0.750),
    17: (0.203, 0.739, 0.378, 1.622, 0.466, 1.534, 3.588, 0.9845, 0.744),
    18: (0.194, 0.718, 0.391, 1.608, 0.482, 1.518, 3.640, 0.9854, 0.739),
    19: (0.187, 0.698, 0.403, 1.597, 0.497, 1.503, 3.689, 0.9862, 0.734),
    20: (0.180, 0.680, 0.415, 1.585, 0.510, 1.490, 3.735, 0.9869, 0.729),
    21: (0.173, 0.663, 0.425, 1.575, 0.523, 1.477, 3.778, 0.9876, 0.724),
    22: (0.167, 0.647, 0.434, 1.566, 0.534, 1.466, 3.819, 0.9882, 0.720),
    23: (0.162, 0.633, 0.443, 1.557, 0.545, 1.455, 3.858, 0.9887, 0.716),
    24: (0.157, 0.619, 0.451, 1.548, 0.555, 1.445, 3.895, 0.9892, 0.712),
    25: (0.153, 0.606, 0.459, 1.541, 0.565, 1.435, 3.931, 0.9896, 0.708),
}

CHART_CONSTANTS: Mapping[int, ChartConstants] = MappingProxyType(
    {n: ChartConstants(n=n, **dict(zip(FACTOR_NAMES, row, strict=True))) for n, row in _TABLE_VI.items()}
)


def _checked_size(n: object) -> int:
    """``n`` as an int 2–25 (int or numpy integer; not bool, float or str), else CalculationError."""
    try:
        size = operator.index(n)  # type: ignore[call-overload]
    except TypeError:
        size = None
    if isinstance(n, bool) or size is None or not MIN_N <= size <= MAX_N:
        raise CalculationError(f"subgroup size n={n!r}: expected an integer {MIN_N}–{MAX_N}")
    return int(size)


def constants_for(n: int) -> ChartConstants:
    """The published control-chart factors for subgroup size ``n`` (2 ≤ n ≤ 25).

    Values of Montgomery, *Introduction to Statistical Quality Control*,
    Appendix Table VI; see the module docstring for their definitions.

    Parameters
    ----------
    n : int
        Subgroup size (number of measurements per subgroup).

    Returns
    -------
    ChartConstants

    Raises
    ------
    CalculationError
        When ``n`` is not an integer from 2 to 25.

    Examples
    --------
    >>> c = constants_for(5)
    >>> c.A2, c.D3, c.D4, c.d2, c.d3, c.A3, c.B4, c.c4
    (0.577, 0.0, 2.114, 2.326, 0.864, 1.427, 2.089, 0.94)
    >>> constants_for(30)
    Traceback (most recent call last):
    ...
    ikm_curriculum.errors.CalculationError: subgroup size n=30: expected an integer 2–25
    """
    return CHART_CONSTANTS[_checked_size(n)]


def control_chart_constants(n: int) -> Mapping[str, float]:
    """The published factors A2 A3 D3 D4 B3 B4 d2 c4 d3 for subgroup size ``n`` (read-only mapping).

    Source: Montgomery, *Introduction to Statistical Quality Control*, Appendix
    Table VI (= ASTM E2587); formulas in the module docstring.

    Parameters
    ----------
    n : int
        Subgroup size, 2 ≤ n ≤ 25.

    Returns
    -------
    Mapping[str, float]
        Keys exactly ``A2 A3 D3 D4 B3 B4 d2 c4 d3``, in that order.

    Raises
    ------
    CalculationError
        When ``n`` is not an integer from 2 to 25.

    Examples
    --------
    >>> factors = control_chart_constants(10)
    >>> list(factors)
    ['A2', 'A3', 'D3', 'D4', 'B3', 'B4', 'd2', 'c4', 'd3']
    >>> factors["A2"], factors["D4"], factors["B3"], factors["c4"]
    (0.308, 1.777, 0.284, 0.9727)
    >>> control_chart_constants(1)
    Traceback (most recent call last):
    ...
    ikm_curriculum.errors.CalculationError: subgroup size n=1: expected an integer 2–25
    """
    row = constants_for(n)
    return MappingProxyType({name: getattr(row, name) for name in FACTOR_NAMES})


def _normal_cdf_and_sf(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Φ(x) and 1 − Φ(x), each accurate in its own tail (erf / erfc)."""
    root2 = math.sqrt(2.0)
    cdf = np.array([0.5 * math.erfc(-v / root2) for v in x.tolist()])
    sf = np.array([0.5 * math.erfc(v / root2) for v in x.tolist()])
    return cdf, sf


@lru_cache(maxsize=None)
def range_moments(n: int, step: float = 0.02) -> tuple[float, float]:
    """d2 = E[R]/σ and d3 = sd[R]/σ of the range R of ``n`` normal values, by numerical integration.

    With Φ the standard normal distribution function (Tippett 1925; Montgomery ch. 6.2)::

        E[R]  = ∫ [1 − Φ(x)ⁿ − (1 − Φ(x))ⁿ] dx
        E[R²] = 2 ∫∫_{x<y} [1 − (1 − Φ(x))ⁿ − Φ(y)ⁿ + (Φ(y) − Φ(x))ⁿ] dx dy

    (the second from (max − min)²/2 = area of {min < x < y < max}). Trapezoidal
    rule on x ∈ [−8, 8] and y − x ∈ [0, 12] with an end correction at y = x;
    accurate to about 1e-7 (n = 2: d2 = 2/√π, d3 = √(2 − 4/π) exactly).

    Examples
    --------
    >>> d2, d3 = range_moments(2)
    >>> round(d2, 6) == round(2 / math.sqrt(math.pi), 6), round(d3, 4)
    (True, 0.8525)
    """
    size = _checked_size(n)
    x = np.arange(-8.0, 8.0 + step / 2, step)
    cdf, sf = _normal_cdf_and_sf(x)
    d2 = step * float((1.0 - cdf**size - sf**size).sum())  # integrand ≈ 0 at both ends
    m = x.size
    rows = np.arange(m)[:, None]
    cols = np.minimum(rows + np.arange(int(round(12.0 / step)) + 1)[None, :], m - 1)  # beyond x = 8: Φ = 1, g = 0
    g = 1.0 - sf[rows] ** size - cdf[cols] ** size + (cdf[cols] - cdf[rows]) ** size
    by_gap = step * g.sum(axis=0)  # ∫ g(x, x + u) dx for u = 0, step, 2·step, …
    slope_at_0 = (-3.0 * by_gap[0] + 4.0 * by_gap[1] - by_gap[2]) / (2.0 * step)
    # Trapezoid in u with the Euler–Maclaurin end correction at u = 0 (the far end is flat).
    half_second_moment = step * (by_gap.sum() - by_gap[0] / 2) + step**2 / 12.0 * slope_at_0
    return d2, math.sqrt(2.0 * float(half_second_moment) - d2**2)


def c4_factor(n: int) -> float:
    """c4 = E[s]/σ = √(2/(n−1)) Γ(n/2)/Γ((n−1)/2) (Montgomery ch. 6.3).

    >>> round(c4_factor(5), 4)
    0.94
    """
    size = _checked_size(n)
    return math.sqrt(2.0 / (size - 1)) * math.exp(math.lgamma(size / 2) - math.lgamma((size - 1) / 2))


def computed_chart_constants(n: int) -> Mapping[str, float]:
    """The nine factors computed from their definitions, unrounded (an independent check of the table).

    d2, d3 from :func:`range_moments`, c4 from :func:`c4_factor`, then
    A2 = 3/(d2√n), A3 = 3/(c4√n), D3/D4 = 1 ∓ 3 d3/d2 and
    B3/B4 = 1 ∓ 3√(1 − c4²)/c4, lower factors clipped at 0.

    Examples
    --------
    >>> {k: round(v, 3) for k, v in computed_chart_constants(5).items()}
    {'A2': 0.577, 'A3': 1.427, 'D3': 0.0, 'D4': 2.114, 'B3': 0.0, 'B4': 2.089, 'd2': 2.326, 'c4': 0.94, 'd3': 0.864}
    """
    size = _checked_size(n)
    d2, d3 = range_moments(size)
    c4 = c4_factor(size)
    s_spread = 3.0 * math.sqrt(1.0 - c4**2) / c4
    values = {
        "A2": 3.0 / (d2 * math.sqrt(size)),
        "A3": 3.0 / (c4 * math.sqrt(size)),
        "D3": max(0.0, 1.0 - 3.0 * d3 / d2),
        "D4": 1.0 + 3.0 * d3 / d2,
        "B3": max(0.0, 1.0 - s_spread),
        "B4": 1.0 + s_spread,
        "d2": d2,
        "c4": c4,
        "d3": d3,
    }
    return MappingProxyType(values)
