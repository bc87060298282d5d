"""Factors for constructing variables control charts (subgroup size n = 2..10).

Source: D. C. Montgomery, *Introduction to Statistical Quality Control*
(Wiley, 6th–8th ed.), Appendix Table VI "Factors for Constructing Variables
Control Charts", values to three decimals as printed there.

Definitions (Montgomery ch. 6.2), for subgroups of n independent normal values:

* d2 = E[R] / σ, the mean of the relative range;
* d3 = sd[R] / σ, the standard deviation of the relative range;
* A2 = 3 / (d2 √n), so that x̄̄ ± A2 R̄ are the 3-sigma limits of x̄;
* D3 = max(0, 1 − 3 d3 / d2) and D4 = 1 + 3 d3 / d2, so that D3 R̄ and D4 R̄
  are the 3-sigma limits of R.

Subgroups larger than 10 are rare in a sentra IKM; a later issue extends the
table to n = 25.
"""

from __future__ import annotations

import operator
from dataclasses import asdict, dataclass
from types import MappingProxyType
from typing import Mapping

MIN_N = 2
MAX_N = 10


@dataclass(frozen=True)
class ChartConstants:
    """Control-chart factors for one subgroup size ``n`` (Montgomery, Appendix VI)."""

    n: int
    d2: float
    d3: float
    A2: float
    D3: float
    D4: float

    def to_dict(self) -> dict[str, float]:
        """The factors as a plain dict.

        >>> constants_for(2).to_dict()["A2"]
        1.88
        """
        return asdict(self)


# n: (d2, d3, A2, D3, D4) — Montgomery, Appendix Table VI.
_TABLE_VI: dict[int, tuple[float, float, float, float, float]] = {
    2: (1.128, 0.853, 1.880, 0.0, 3.267),
    3: (1.693, 0.888, 1.023, 0.0, 2.574),
    4: (2.059, 0.880, 0.729, 0.0, 2.282),
    5: (2.326, 0.864, 0.577, 0.0, 2.114),
    6: (2.534, 0.848, 0.483, 0.0, 2.004),
    7: (2.704, 0.833, 0.419, 0.076, 1.924),
    8: (2.847, 0.820, 0.373, 0.136, 1.864),
    9: (2.970, 0.808, 0.337, 0.184, 1.816),
    10: (3.078, 0.797, 0.308, 0.223, 1.777),
}

CHART_CONSTANTS: Mapping[int, ChartConstants] = MappingProxyType(
    {n: ChartConstants(n, *row) for n, row in _TABLE_VI.items()}
)


def constants_for(n: int) -> ChartConstants:
    """The control-chart factors for subgroup size ``n`` (2 ≤ n ≤ 10).

    Values are those of Montgomery, *Introduction to Statistical Quality
    Control*, Appendix Table VI; see the module docstring for the formulas
    A2 = 3/(d2 √n), D3 = max(0, 1 − 3 d3/d2), D4 = 1 + 3 d3/d2.

    Parameters
    ----------
    n : int
        Subgroup size (number of measurements per subgroup).

    Returns
    -------
    ChartConstants

    Raises
    ------
    ValueError
        When ``n`` is not an integer from 2 to 10.

    Examples
    --------
    >>> c = constants_for(5)
    >>> c.A2, c.D3, c.D4, c.d2, c.d3
    (0.577, 0.0, 2.114, 2.326, 0.864)
    >>> constants_for(12)
    Traceback (most recent call last):
    ...
    ValueError: subgroup size n=12 is outside 2–10 (later issue extends to 25)
    """
    try:
        size = operator.index(n)  # int, numpy integer; not float or str
    except TypeError:
        size = None
    if isinstance(n, bool) or size is None or not MIN_N <= size <= MAX_N:
        raise ValueError(f"subgroup size n={n!r} is outside {MIN_N}–{MAX_N} (later issue extends to 25)")
    return CHART_CONSTANTS[size]
