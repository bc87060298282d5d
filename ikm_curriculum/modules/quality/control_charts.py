"""Shewhart control charts for variables (peta kendali variabel): x̄-R, x̄-s and I-MR.

Source: D. C. Montgomery, *Introduction to Statistical Quality Control*
(Wiley, 6th–8th ed.), chapter 6 "Control Charts for Variables": section 6.2.1
"Statistical basis of the charts" (x̄ and R, eqs. 6.4 and 6.5), section 6.3.1
"Construction and operation of x̄ and s charts", section 6.4 "The Shewhart
control chart for individual measurements". Factors are the published ones of
Appendix Table VI (:mod:`ikm_curriculum.modules.quality.constants`).

Limits come from trial (Phase I) data; ``.revised(exclude)`` recomputes them without the
subgroups that had an assignable cause (points keep their 0-based numbering; excluded
points are no longer judged). Out of control means strictly outside a limit.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass, field
from typing import Any, ClassVar, Sequence

import numpy as np

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.quality.constants import MAX_N, MIN_N, constants_for
from ikm_curriculum.modules.quality.run_rules import RuleViolation, run_rules


@dataclass(frozen=True)
class ControlLimits:
    """Centre line and lower/upper control limits of one chart panel."""

    center: float
    lcl: float
    ucl: float

    def to_dict(self) -> dict[str, float]:
        """``{"center", "lcl", "ucl"}`` as plain floats."""
        return {"center": float(self.center), "lcl": float(self.lcl), "ucl": float(self.ucl)}

    def outside(self, points: np.ndarray) -> np.ndarray:
        """Boolean mask of the points strictly below the LCL or above the UCL."""
        return (points < self.lcl) | (points > self.ucl)


def checked_exclude(exclude: Sequence[int], count: int, what: str = "subgroup") -> tuple[int, ...]:
    """Validate 0-based indices to leave out of a Phase I revision; returns them sorted and unique.

    At least two of the ``count`` points must remain.

    >>> checked_exclude([3, 1, 3], 5)
    (1, 3)
    >>> checked_exclude([5], 5)
    Traceback (most recent call last):
    ...
    ikm_curriculum.errors.CalculationError: exclude[0] = 5: expected a subgroup index 0–4
    """
    if isinstance(exclude, (str, bytes)) or not isinstance(exclude, (Sequence, np.ndarray, set, frozenset)):
        raise CalculationError(f"exclude: expected a list of {what} indices, got {type(exclude).__name__}")
    chosen: set[int] = set()
    for position, index in enumerate(exclude):
        if isinstance(index, bool) or not isinstance(index, numbers.Integral) or not 0 <= index < count:
            raise CalculationError(f"exclude[{position}] = {index!r}: expected a {what} index 0–{count - 1}")
        chosen.add(int(index))
    if count - len(chosen) < 2:
        raise CalculationError(f"exclude leaves {count - len(chosen)} {what}(s): at least 2 must remain")
    return tuple(sorted(chosen))


def _number(value: object, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(value):
        raise CalculationError(f"{where} = {value!r}: expected a finite number")
    return float(value)


def _rows(data: object, what: str) -> list[Any]:
    if hasattr(data, "to_numpy"):  # pandas DataFrame / Series
        data = data.to_numpy()  # type: ignore[union-attr]
    if isinstance(data, np.ndarray):
        data = data.tolist()
    if isinstance(data, (str, bytes)) or not isinstance(data, Sequence):
        raise CalculationError(f"{what}: expected a list, got {type(data).__name__}")
    return list(data)


def _checked_array(subgroups: object) -> np.ndarray:
    """Validate k × n subgroups (k ≥ 2, equal n from 2 to 25, finite numbers); return a float array."""
    rows = _rows(subgroups, "subgroups")
    if len(rows) < 2:
        raise CalculationError(f"subgroups: need at least 2 subgroups to compute control limits, got {len(rows)}")
    size = None
    values: list[list[float]] = []
    for i, subgroup in enumerate(rows):
        if isinstance(subgroup, np.ndarray):
            subgroup = subgroup.tolist()
        if isinstance(subgroup, (str, bytes)) or not isinstance(subgroup, Sequence):
            raise CalculationError(f"subgroups[{i}] = {subgroup!r}: expected a list of numbers")
        if size is None:
            size = len(subgroup)
            if not MIN_N <= size <= MAX_N:
                raise CalculationError(f"subgroups[{i}] has {size} values: expected a subgroup size {MIN_N}–{MAX_N}")
        elif len(subgroup) != size:
            raise CalculationError(
                f"subgroups[{i}] has {len(subgroup)} values but subgroups[0] has {size}: "
                "all subgroups must have the same size"
            )
        values.append([_number(v, f"subgroups[{i}][{j}]") for j, v in enumerate(subgroup)])
    return np.asarray(values, dtype=float)


def _floats(values: np.ndarray) -> tuple[float, ...]:
    return tuple(float(v) for v in values)  # plain floats, not numpy scalars


def _rules(points: Sequence[float], limits: ControlLimits, excluded: Sequence[int]) -> list[RuleViolation]:
    """Run rules on the kept points (σ = (UCL − CL)/3), reported with the chart's own indices."""
    kept = sorted(set(range(len(points))) - set(excluded))
    sigma = (limits.ucl - limits.center) / 3.0
    if sigma <= 0:
        raise CalculationError("run rules need σ > 0, but every kept subgroup (or moving range) has zero spread")
    found = run_rules([points[i] for i in kept], limits.center, sigma)
    return [RuleViolation(v.rule, tuple(kept[i] for i in v.indices)) for v in found]


@dataclass(frozen=True)
class SubgroupChart:
    """An x̄ chart with its companion spread chart (R or s), from k subgroups of size n.

    ``xbar`` and ``spread``: one point per subgroup, in input order; ``excluded``: left out of the limits.
    """

    SPREAD: ClassVar[str] = ""

    n: int
    k: int
    xbar: tuple[float, ...]
    spread: tuple[float, ...]
    xbar_limits: ControlLimits
    spread_limits: ControlLimits
    out_of_control: tuple[int, ...]
    excluded: tuple[int, ...] = ()
    subgroups: tuple[tuple[float, ...], ...] = field(default=(), repr=False)

    def to_dict(self) -> dict[str, Any]:
        """``{"xbar": {center, lcl, ucl}, "<range|s>": {...}, "out_of_control": [...]}`` plus points, n, k, excluded."""
        return {
            "xbar": self.xbar_limits.to_dict(),
            self.SPREAD: self.spread_limits.to_dict(),
            "out_of_control": list(self.out_of_control),
            "points": {"xbar": list(self.xbar), self.SPREAD: list(self.spread)},
            "excluded": list(self.excluded),
            "n": self.n,
            "k": self.k,
        }

    def revised(self, exclude: Sequence[int]) -> SubgroupChart:
        """The chart with limits recomputed without ``exclude`` (0-based; adds to those already excluded)."""
        extra = checked_exclude(exclude, self.k)
        return _subgroup_chart(type(self), self.subgroups, (*self.excluded, *extra))

    def run_rules(self) -> list[RuleViolation]:
        """Western Electric / Nelson run rules on the x̄ points (σ_x̄ = (UCL − CL)/3); see :mod:`.run_rules`."""
        return _rules(self.xbar, self.xbar_limits, self.excluded)


@dataclass(frozen=True)
class XbarRChart(SubgroupChart):
    """x̄ and R charts (peta kendali x̄-R); ``ranges`` / ``range_limits`` name the R panel."""

    SPREAD: ClassVar[str] = "range"

    ranges = property(lambda self: self.spread, doc="R of each subgroup (the R chart's points).")
    range_limits = property(lambda self: self.spread_limits, doc="Centre line and limits of the R chart.")


@dataclass(frozen=True)
class XbarSChart(SubgroupChart):
    """x̄ and s charts (peta kendali x̄-s); ``s`` / ``s_limits`` name the s panel."""

    SPREAD: ClassVar[str] = "s"

    s = property(lambda self: self.spread, doc="s of each subgroup (the s chart's points).")
    s_limits = property(lambda self: self.spread_limits, doc="Centre line and limits of the s chart.")


def _subgroup_chart(cls: type[SubgroupChart], subgroups: object, exclude: Sequence[int]) -> Any:
    data = _checked_array(subgroups)
    k, n = data.shape
    excluded = checked_exclude(exclude, k)
    keep = np.ones(k, dtype=bool)
    keep[list(excluded)] = False
    factors = constants_for(n)
    xbars = data.mean(axis=1)
    if cls.SPREAD == "range":
        spread = data.max(axis=1) - data.min(axis=1)
        width, low, high = factors.A2, factors.D3, factors.D4
    else:
        spread = data.std(axis=1, ddof=1)
        width, low, high = factors.A3, factors.B3, factors.B4
    grand, mean_spread = float(xbars[keep].mean()), float(spread[keep].mean())
    x_limits = ControlLimits(grand, grand - width * mean_spread, grand + width * mean_spread)
    s_limits = ControlLimits(mean_spread, low * mean_spread, high * mean_spread)
    out = keep & (x_limits.outside(xbars) | s_limits.outside(spread))
    out_of_control = tuple(int(i) for i in np.flatnonzero(out))
    rows = tuple(_floats(row) for row in data)
    return cls(int(n), int(k), _floats(xbars), _floats(spread), x_limits, s_limits, out_of_control, excluded, rows)


def xbar_r_chart(subgroups: Sequence[Sequence[float]], exclude: Sequence[int] = ()) -> XbarRChart:
    """x̄ and R charts with 3-sigma trial limits.

    For k subgroups of size n with means x̄ᵢ and ranges Rᵢ (Montgomery 6.2.1, eqs. 6.4 and 6.5)::

        x̿ = (1/k) Σ x̄ᵢ                  R̄ = (1/k) Σ Rᵢ
        UCL_x̄ = x̿ + A2 R̄,  CL_x̄ = x̿,  LCL_x̄ = x̿ − A2 R̄
        UCL_R = D4 R̄,       CL_R = R̄,   LCL_R = D3 R̄   (D3 = 0 for n ≤ 6)

    Parameters
    ----------
    subgroups : k × n array-like of float
        At least 2 subgroups of the same size n, 2 ≤ n ≤ 25.
    exclude : sequence of int, optional
        0-based subgroups left out of x̿ and R̄ (Phase I revision).

    Returns
    -------
    XbarRChart

    Raises
    ------
    CalculationError
        Fewer than 2 subgroups, unequal or unsupported size, a value that is not a finite number, a bad index.

    Examples
    --------
    n = 3 (A2 = 1.023, D4 = 2.574): x̄ = 2, 3, 2.5; R = 2, 2, 2; x̿ = 2.5, R̄ = 2.

    >>> chart = xbar_r_chart([[1, 2, 3], [2, 3, 4], [1.5, 2.5, 3.5]])
    >>> {k: round(v, 3) for k, v in chart.to_dict()["xbar"].items()}
    {'center': 2.5, 'lcl': 0.454, 'ucl': 4.546}
    >>> chart.to_dict()["range"], chart.out_of_control, chart.run_rules()
    ({'center': 2.0, 'lcl': 0.0, 'ucl': 5.148}, (), [])
    >>> chart.revised([2]).xbar_limits.center  # Phase I revision without subgroup 2
    2.5
    """
    return _subgroup_chart(XbarRChart, subgroups, exclude)  # type: ignore[no-any-return]


def xbar_s_chart(subgroups: Sequence[Sequence[float]], exclude: Sequence[int] = ()) -> XbarSChart:
    """x̄ and s charts with 3-sigma trial limits.

    With sᵢ the sample standard deviation (divisor n − 1) of subgroup i
    (Montgomery 6.3.1 "Construction and operation of x̄ and s charts")::

        s̄ = (1/k) Σ sᵢ
        UCL_x̄ = x̿ + A3 s̄,  CL_x̄ = x̿,  LCL_x̄ = x̿ − A3 s̄
        UCL_s = B4 s̄,       CL_s = s̄,   LCL_s = B3 s̄   (B3 = 0 for n ≤ 5)

    Parameters, revision and errors as :func:`xbar_r_chart`.

    Examples
    --------
    n = 2 (A3 = 2.659, B4 = 3.267): s = |x₁ − x₂|/√2 = √2 in each subgroup.

    >>> chart = xbar_s_chart([[1, 3], [2, 4]])
    >>> round(chart.s_limits.center, 4), round(chart.xbar_limits.ucl, 3), round(chart.s_limits.ucl, 3)
    (1.4142, 6.26, 4.62)
    """
    return _subgroup_chart(XbarSChart, subgroups, exclude)  # type: ignore[no-any-return]


@dataclass(frozen=True)
class IMRChart:
    """Individuals (I) and moving-range (MR) charts (peta kendali I-MR).

    ``moving_ranges[j] = |values[j+1] − values[j]|``; an out-of-control MR is reported at its later point.
    """

    values: tuple[float, ...]
    moving_ranges: tuple[float, ...]
    individuals_limits: ControlLimits
    moving_range_limits: ControlLimits
    out_of_control: tuple[int, ...]
    excluded: tuple[int, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """``{"individuals": {...}, "moving_range": {...}, "out_of_control": [...]}`` plus points and excluded."""
        return {
            "individuals": self.individuals_limits.to_dict(),
            "moving_range": self.moving_range_limits.to_dict(),
            "out_of_control": list(self.out_of_control),
            "points": {"individuals": list(self.values), "moving_range": list(self.moving_ranges)},
            "excluded": list(self.excluded),
        }

    def revised(self, exclude: Sequence[int]) -> IMRChart:
        """Limits recomputed without ``exclude`` (0-based) and the moving ranges that touch them."""
        extra = checked_exclude(exclude, len(self.values), "value")
        return imr_chart(self.values, exclude=(*self.excluded, *extra))

    def run_rules(self) -> list[RuleViolation]:
        """Run rules on the individuals (σ = MR̄/d2 = (UCL − CL)/3); see :mod:`.run_rules`."""
        return _rules(self.values, self.individuals_limits, self.excluded)


def imr_chart(values: Sequence[float], exclude: Sequence[int] = ()) -> IMRChart:
    """Individuals and moving-range charts (moving range of 2).

    With MRᵢ = |xᵢ − xᵢ₋₁| and d2 = 1.128, D3 = 0, D4 = 3.267 for n = 2
    (Montgomery 6.4 "The Shewhart control chart for individual measurements")::

        UCL_x = x̄ + 3 MR̄/d2,  CL_x = x̄,  LCL_x = x̄ − 3 MR̄/d2
        UCL_MR = D4 MR̄,       CL_MR = MR̄, LCL_MR = D3 MR̄ = 0

    An excluded value leaves x̄, and the two moving ranges it belongs to leave MR̄.

    Parameters
    ----------
    values : sequence of float
        At least 2 individual measurements, in time order.
    exclude : sequence of int, optional
        0-based values left out of the limits (Phase I revision).

    Returns
    -------
    IMRChart

    Raises
    ------
    CalculationError
        Fewer than 2 values, non-finite values, bad indices, no moving range left.

    Examples
    --------
    x = 10, 12, 11, 13: x̄ = 11.5, MR = 2, 1, 2, MR̄ = 5/3, 3 MR̄/d2 = 4.4326.

    >>> chart = imr_chart([10, 12, 11, 13])
    >>> {k: round(v, 4) for k, v in chart.to_dict()["individuals"].items()}
    {'center': 11.5, 'lcl': 7.0674, 'ucl': 15.9326}
    >>> round(chart.moving_range_limits.ucl, 4)
    5.445
    """
    x = np.array([_number(v, f"values[{i}]") for i, v in enumerate(_rows(values, "values"))], dtype=float)
    if x.size < 2:
        raise CalculationError(f"values: need at least 2 individual values, got {x.size}")
    excluded = checked_exclude(exclude, x.size, "value")
    keep = np.ones(x.size, dtype=bool)
    keep[list(excluded)] = False
    moving = np.abs(np.diff(x))
    kept_mr = keep[1:] & keep[:-1]
    if not kept_mr.any():
        raise CalculationError("exclude leaves no two consecutive kept values: no moving range to compute")
    factors = constants_for(2)
    centre, mr_bar = float(x[keep].mean()), float(moving[kept_mr].mean())
    x_limits = ControlLimits(centre, centre - 3.0 * mr_bar / factors.d2, centre + 3.0 * mr_bar / factors.d2)
    mr_limits = ControlLimits(mr_bar, factors.D3 * mr_bar, factors.D4 * mr_bar)
    out = keep & x_limits.outside(x)
    out[1:] |= kept_mr & mr_limits.outside(moving)
    out_of_control = tuple(int(i) for i in np.flatnonzero(out))
    return IMRChart(_floats(x), _floats(moving), x_limits, mr_limits, out_of_control, excluded)


@dataclass(frozen=True)
class XbarRLimits:
    """Trial limits of an x̄-R chart as flat fields (kept for :mod:`.exercises`; see :class:`XbarRChart`)."""

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
        """Plain numbers and lists (JSON-able)."""
        data = {name: getattr(self, name) for name in self.__dataclass_fields__}
        return {**data, "xbars": list(self.xbars), "ranges": list(self.ranges)}


def xbar_r_limits(subgroups: Sequence[Sequence[float]]) -> XbarRLimits:
    """The limits of :func:`xbar_r_chart` (Montgomery eqs. 6.4, 6.5) as flat fields ``ucl_x`` … ``lcl_r``.

    >>> lim = xbar_r_limits([[1, 2, 3], [2, 3, 4]])
    >>> lim.grand_mean, lim.mean_range, round(lim.ucl_x, 3), round(lim.ucl_r, 3), lim.lcl_r
    (2.5, 2.0, 4.546, 5.148, 0.0)
    >>> lim.to_dict()["ranges"]
    [2.0, 2.0]
    """
    chart = xbar_r_chart(subgroups)
    x, r = chart.xbar_limits, chart.range_limits
    return XbarRLimits(
        x.center, r.center, x.ucl, x.center, x.lcl, r.ucl, r.center, r.lcl, chart.n, chart.k, chart.xbar, chart.ranges
    )
