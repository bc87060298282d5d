"""Shewhart control charts for variables: the x̄-R chart (peta kendali x̄-R).

Source: D. C. Montgomery, *Introduction to Statistical Quality Control*
(Wiley, 6th–8th ed.), section 6.2.1 "Statistical basis of the charts",
equations (6.4) for the x̄ chart and (6.5) for the R chart; factors from
Appendix Table VI (:mod:`ikm_curriculum.modules.quality.constants`).
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass
from typing import Any, Sequence

import numpy as np

from ikm_curriculum.modules.quality.constants import MAX_N, MIN_N, constants_for


@dataclass(frozen=True)
class XbarRLimits:
    """Trial limits of an x̄-R chart computed from ``k`` subgroups of size ``n``.

    ``cl_x`` equals ``grand_mean`` and ``cl_r`` equals ``mean_range``; both
    names are kept so that a chart can be drawn from the ``*_x`` / ``*_r``
    fields alone. ``xbars`` and ``ranges`` are the plotted points, one per
    subgroup, in input order.
    """

    grand_mean: float
    mean_range: float
    ucl_x: float
    cl_x: float
    lcl_x: float
    ucl_r: float
    cl_r: float
    lcl_r: float
    n: int
    k: int
    xbars: tuple[float, ...]
    ranges: tuple[float, ...]

    def to_dict(self) -> dict[str, Any]:
        """Plain numbers and lists (JSON-able).

        >>> xbar_r_limits([[1, 2, 3], [2, 3, 4]]).to_dict()["ranges"]
        [2.0, 2.0]
        """
        return {
            "grand_mean": self.grand_mean,
            "mean_range": self.mean_range,
            "ucl_x": self.ucl_x,
            "cl_x": self.cl_x,
            "lcl_x": self.lcl_x,
            "ucl_r": self.ucl_r,
            "cl_r": self.cl_r,
            "lcl_r": self.lcl_r,
            "n": self.n,
            "k": self.k,
            "xbars": list(self.xbars),
            "ranges": list(self.ranges),
        }


def _checked_array(subgroups: Sequence[Sequence[float]]) -> np.ndarray:
    """Validate the subgroups and return them as a k × n float array.

    Subgroups are numbered from 1 in messages, as in a printed data sheet.
    """
    if isinstance(subgroups, (str, bytes)) or not isinstance(subgroups, Sequence):
        raise ValueError("subgroups must be a list of subgroups, each a list of numbers")
    if len(subgroups) < 2:
        raise ValueError(f"need at least 2 subgroups to compute control limits, got {len(subgroups)}")
    rows: list[list[float]] = []
    size: int | None = None
    for index, subgroup in enumerate(subgroups, start=1):
        if isinstance(subgroup, (str, bytes)) or not isinstance(subgroup, (Sequence, np.ndarray)):
            raise ValueError(f"subgroup {index} is not a list of numbers: {subgroup!r}")
        if size is None:
            size = len(subgroup)
            if not MIN_N <= size <= MAX_N:
                raise ValueError(
                    f"subgroup {index} has {size} values; subgroup size must be {MIN_N}–{MAX_N} "
                    "(later issue extends to 25)"
                )
        elif len(subgroup) != size:
            raise ValueError(
                f"subgroup {index} has {len(subgroup)} values but subgroup 1 has {size}: "
                "all subgroups must have the same size"
            )
        row: list[float] = []
        for position, value in enumerate(subgroup, start=1):
            if isinstance(value, bool) or not isinstance(value, numbers.Real):
                raise ValueError(f"subgroup {index}, value {position} is not a number: {value!r}")
            if not math.isfinite(value):
                raise ValueError(f"subgroup {index}, value {position} is not a finite number: {value!r}")
            row.append(float(value))
        rows.append(row)
    return np.asarray(rows, dtype=float)


def xbar_r_limits(subgroups: Sequence[Sequence[float]]) -> XbarRLimits:
    """Centre lines and 3-sigma trial limits of the x̄ and R charts.

    For k subgroups of size n with means x̄ᵢ and ranges Rᵢ::

        x̄̄ = (1/k) Σ x̄ᵢ                R̄ = (1/k) Σ Rᵢ
        UCL_x̄ = x̄̄ + A2 R̄    CL_x̄ = x̄̄    LCL_x̄ = x̄̄ − A2 R̄     (Montgomery eq. 6.4)
        UCL_R = D4 R̄         CL_R = R̄     LCL_R = D3 R̄          (Montgomery eq. 6.5)

    with A2, D3, D4 from Montgomery Appendix Table VI
    (:func:`~ikm_curriculum.modules.quality.constants.constants_for`).
    Source: Montgomery, *Introduction to Statistical Quality Control*,
    section 6.2.1.

    Parameters
    ----------
    subgroups : sequence of sequences of float
        At least 2 subgroups, all of the same size n with 2 ≤ n ≤ 10, each
        value a finite number.

    Returns
    -------
    XbarRLimits

    Raises
    ------
    ValueError
        Fewer than 2 subgroups, unequal or unsupported subgroup size, or a
        value that is not a finite number; the message names the subgroup
        (numbered from 1).

    Examples
    --------
    Two subgroups of n = 3 (A2 = 1.023, D3 = 0, D4 = 2.574): x̄ = 2 and 3,
    R = 2 and 2, so x̄̄ = 2.5, R̄ = 2, UCL_x̄ = 2.5 + 1.023·2 = 4.546.

    >>> lim = xbar_r_limits([[1, 2, 3], [2, 3, 4]])
    >>> lim.grand_mean, lim.mean_range
    (2.5, 2.0)
    >>> round(lim.ucl_x, 3), round(lim.lcl_x, 3), round(lim.ucl_r, 3), lim.lcl_r
    (4.546, 0.454, 5.148, 0.0)
    >>> xbar_r_limits([[1, 2, 3], [2, 3]])
    Traceback (most recent call last):
    ...
    ValueError: subgroup 2 has 2 values but subgroup 1 has 3: all subgroups must have the same size
    """
    data = _checked_array(subgroups)
    k, n = data.shape
    factors = constants_for(n)
    xbars = data.mean(axis=1)
    ranges = data.max(axis=1) - data.min(axis=1)
    grand_mean = float(xbars.mean())
    mean_range = float(ranges.mean())
    return XbarRLimits(
        grand_mean=grand_mean,
        mean_range=mean_range,
        ucl_x=grand_mean + factors.A2 * mean_range,
        cl_x=grand_mean,
        lcl_x=grand_mean - factors.A2 * mean_range,
        ucl_r=factors.D4 * mean_range,
        cl_r=mean_range,
        lcl_r=factors.D3 * mean_range,
        n=int(n),
        k=int(k),
        xbars=tuple(float(x) for x in xbars),
        ranges=tuple(float(r) for r in ranges),
    )
