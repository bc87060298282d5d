"""Shewhart control charts for attributes (peta kendali atribut): p, np, c and u.

Source: D. C. Montgomery, *Introduction to Statistical Quality Control*
(Wiley, 6th–8th ed.), chapter 7 "Control Charts for Attributes": section 7.2
"The control chart for fraction nonconforming" (p chart, variable sample size,
np chart) and section 7.3 "Control charts for nonconformities (defects)" (c and
u charts). All limits are 3-sigma limits from the binomial (p, np) or Poisson
(c, u) model, computed from trial (Phase I) data; a lower limit below 0 is
set to 0 (and an upper limit of a fraction above 1 to 1, of np above n to n).

``.revised(exclude)`` recomputes the centre line and limits without the samples
that had an assignable cause (Montgomery Example 7.1); the points keep their
0-based numbering and excluded points are no longer judged. A point is out of
control when it lies strictly outside its limits.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass, field
from typing import Any, Sequence

import numpy as np

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.quality.control_charts import checked_exclude

Limit = float | tuple[float, ...]


@dataclass(frozen=True)
class AttributeChart:
    """A p, np, c or u chart.

    ``points`` are the plotted statistic per sample (pᵢ, Dᵢ, cᵢ or uᵢ). ``lcl``
    and ``ucl`` are numbers when every sample has the same size, else one limit
    per sample. ``counts`` and ``sizes`` are the data the chart was computed
    from (sizes are 1 for a c chart).
    """

    chart: str
    points: tuple[float, ...]
    center: float
    lcl: Limit
    ucl: Limit
    out_of_control: tuple[int, ...]
    excluded: tuple[int, ...] = ()
    counts: tuple[int, ...] = field(default=(), repr=False)
    sizes: tuple[float, ...] = field(default=(), repr=False)

    def to_dict(self) -> dict[str, Any]:
        """``{"chart", "center", "lcl", "ucl", "out_of_control", "points", "excluded"}``, plain numbers and lists."""

        def plain(limit: Limit) -> float | list[float]:
            return list(limit) if isinstance(limit, tuple) else float(limit)

        return {
            "chart": self.chart,
            "center": float(self.center),
            "lcl": plain(self.lcl),
            "ucl": plain(self.ucl),
            "out_of_control": list(self.out_of_control),
            "points": list(self.points),
            "excluded": list(self.excluded),
        }

    def revised(self, exclude: Sequence[int]) -> AttributeChart:
        """The chart with centre line and limits recomputed without ``exclude`` (0-based; adds to earlier ones)."""
        extra = checked_exclude(exclude, len(self.points), "sample")
        return _chart(self.chart, self.counts, self.sizes, (*self.excluded, *extra))


def _items(data: object, name: str) -> list[Any]:
    if hasattr(data, "to_numpy"):  # pandas Series
        data = data.to_numpy()  # type: ignore[union-attr]
    if isinstance(data, np.ndarray):
        data = data.tolist()
    if isinstance(data, (str, bytes)) or not isinstance(data, Sequence):
        raise CalculationError(f"{name}: expected a list of whole numbers, got {type(data).__name__}")
    if len(data) < 2:
        raise CalculationError(f"{name}: need at least 2 samples to compute control limits, got {len(data)}")
    return list(data)


def _whole(value: object, where: str, minimum: int) -> int:
    """A whole number ≥ ``minimum``: int, numpy integer or integral float (3.0 from a spreadsheet)."""
    ok = not isinstance(value, bool) and isinstance(value, numbers.Real) and math.isfinite(value)
    if not ok or value != int(value) or value < minimum:  # type: ignore[arg-type, call-overload]
        raise CalculationError(f"{where} = {value!r}: expected a whole number ≥ {minimum}")
    return int(value)  # type: ignore[call-overload]


def _counts(counts: object, name: str) -> list[int]:
    return [_whole(v, f"{name}[{i}]", 0) for i, v in enumerate(_items(counts, name))]


def _sizes(sizes: object, name: str, k: int, whole: bool, counts_name: str) -> tuple[list[float], bool]:
    """One size per sample from a number or a sequence; also whether it was given as one number."""

    def one(value: object, where: str) -> float:
        if whole:
            return float(_whole(value, where, 1))
        ok = not isinstance(value, bool) and isinstance(value, numbers.Real) and math.isfinite(value)
        if not ok or value <= 0:  # type: ignore[operator]
            raise CalculationError(f"{where} = {value!r}: expected a positive number")
        return float(value)  # type: ignore[arg-type]

    if isinstance(sizes, numbers.Real) and not isinstance(sizes, bool):
        return [one(sizes, name)] * k, True
    values = [one(v, f"{name}[{i}]") for i, v in enumerate(_items(sizes, name))]
    if len(values) != k:
        raise CalculationError(
            f"{name} has {len(values)} values but {counts_name} has {k}: expected one {name[:-1]} per sample"
        )
    return values, False


def _check_not_above(defectives: list[int], sizes: list[float], name: str, single: bool) -> None:
    for i, (d, n) in enumerate(zip(defectives, sizes, strict=True)):
        if d > n:
            where = name if single else f"{name}[{i}]"
            raise CalculationError(f"defectives[{i}] = {d} is above {where} = {int(n)}")


def _chart(kind: str, counts: Sequence[int], sizes: Sequence[float], exclude: Sequence[int]) -> AttributeChart:
    c = np.asarray(counts, dtype=float)
    n = np.asarray(sizes, dtype=float)
    excluded = checked_exclude(exclude, c.size, "sample")
    keep = np.ones(c.size, dtype=bool)
    keep[list(excluded)] = False
    rate = float(c[keep].sum() / n[keep].sum())  # p̄ (p, np), ū (u), c̄ (c: sizes are 1)
    cap = np.inf
    if kind == "p":
        points, center, sigma, cap = c / n, rate, np.sqrt(rate * (1 - rate) / n), 1.0
    elif kind == "np":
        points, center, sigma, cap = c, n[0] * rate, np.sqrt(n * rate * (1 - rate)), n[0]
    else:  # "c" and "u": Poisson
        points, center, sigma = c / n, rate, np.sqrt(rate / n)
    lower = np.maximum(center - 3.0 * sigma, 0.0)
    upper = np.minimum(center + 3.0 * sigma, cap)
    out = keep & ((points < lower) | (points > upper))

    def limit(values: np.ndarray) -> Limit:
        return float(values[0]) if np.all(n == n[0]) else tuple(float(v) for v in values)

    return AttributeChart(
        chart=kind,
        points=tuple(float(v) for v in points),
        center=float(center),
        lcl=limit(lower),
        ucl=limit(upper),
        out_of_control=tuple(int(i) for i in np.flatnonzero(out)),
        excluded=excluded,
        counts=tuple(int(v) for v in counts),
        sizes=tuple(float(v) for v in sizes),
    )


def p_chart(
    defectives: Sequence[int], sample_sizes: int | Sequence[int], exclude: Sequence[int] = ()
) -> AttributeChart:
    """p chart (fraction nonconforming, peta p) with constant or varying sample size.

    With Dᵢ nonconforming units in a sample of nᵢ (Montgomery 7.2.1–7.2.2)::

        pᵢ = Dᵢ/nᵢ,   p̄ = Σ Dᵢ / Σ nᵢ
        UCLᵢ = p̄ + 3 √(p̄(1 − p̄)/nᵢ),   CL = p̄,   LCLᵢ = max(0, p̄ − 3 √(p̄(1 − p̄)/nᵢ))

    (UCL capped at 1). With a constant n, p̄ is the mean of the pᵢ.

    Parameters
    ----------
    defectives : sequence of int
        Nonconforming units per sample (at least 2 samples), each 0 ≤ Dᵢ ≤ nᵢ.
    sample_sizes : int or sequence of int
        One sample size for all samples, or one per sample (each ≥ 1).
    exclude : sequence of int, optional
        0-based samples left out of p̄ (Phase I revision).

    Returns
    -------
    AttributeChart
        ``lcl`` / ``ucl`` are numbers when all sample sizes are equal, else tuples.

    Raises
    ------
    CalculationError
        Non-numbers, negative or fractional counts, a sample size < 1, Dᵢ > nᵢ,
        unequal lengths, fewer than 2 samples, a bad index.

    Examples
    --------
    D = 2, 5, 3, 10 in samples of 50: p̄ = 20/200 = 0.1, 3 √(0.1 · 0.9/50) = 0.12728.

    >>> chart = p_chart([2, 5, 3, 10], 50)
    >>> chart.center, round(chart.ucl, 5), chart.lcl, chart.out_of_control
    (0.1, 0.22728, 0.0, ())
    >>> p_chart([2, 12], [50, 10])
    Traceback (most recent call last):
    ...
    ikm_curriculum.errors.CalculationError: defectives[1] = 12 is above sample_sizes[1] = 10
    """
    counts = _counts(defectives, "defectives")
    sizes, single = _sizes(sample_sizes, "sample_sizes", len(counts), True, "defectives")
    _check_not_above(counts, sizes, "sample_sizes", single)
    return _chart("p", counts, sizes, exclude)


def np_chart(defectives: Sequence[int], sample_size: int, exclude: Sequence[int] = ()) -> AttributeChart:
    """np chart (number nonconforming, peta np) for a constant sample size n.

    Montgomery 7.2.1 "The np control chart"::

        p̄ = Σ Dᵢ / (k n)
        UCL = n p̄ + 3 √(n p̄ (1 − p̄)),   CL = n p̄,   LCL = max(0, n p̄ − 3 √(n p̄ (1 − p̄)))

    Parameters and errors as :func:`p_chart`, with one ``sample_size`` (≥ 1).

    Examples
    --------
    D = 2, 5, 3, 10 with n = 50: n p̄ = 5, 3 √(5 · 0.9) = 6.364.

    >>> chart = np_chart([2, 5, 3, 10], 50)
    >>> chart.center, round(chart.ucl, 3), chart.lcl, chart.points[3]
    (5.0, 11.364, 0.0, 10.0)
    """
    counts = _counts(defectives, "defectives")
    if isinstance(sample_size, bool) or not isinstance(sample_size, numbers.Real):
        raise CalculationError(
            f"sample_size = {sample_size!r}: expected one whole number ≥ 1 (p_chart takes varying sizes)"
        )
    sizes, _ = _sizes(sample_size, "sample_size", len(counts), True, "defectives")
    _check_not_above(counts, sizes, "sample_size", True)
    return _chart("np", counts, sizes, exclude)


def c_chart(counts: Sequence[int], exclude: Sequence[int] = ()) -> AttributeChart:
    """c chart (nonconformities per inspection unit, peta c).

    Montgomery 7.3.1, Poisson model with c̄ estimated from the trial samples::

        UCL = c̄ + 3 √c̄,   CL = c̄,   LCL = max(0, c̄ − 3 √c̄)

    Parameters
    ----------
    counts : sequence of int
        Nonconformities in each inspection unit (at least 2), each ≥ 0.
    exclude : sequence of int, optional
        0-based samples left out of c̄.

    Returns
    -------
    AttributeChart

    Raises
    ------
    CalculationError
        Non-numbers, negative or fractional counts, fewer than 2 samples, a bad index.

    Examples
    --------
    c = 4, 2, 6, 4, 14: c̄ = 6, 3 √6 = 7.348 → UCL = 13.348, LCL = 0; sample 4 is out.

    >>> chart = c_chart([4, 2, 6, 4, 14])
    >>> chart.center, round(chart.ucl, 3), chart.lcl, chart.out_of_control
    (6.0, 13.348, 0.0, (4,))
    """
    values = _counts(counts, "counts")
    return _chart("c", values, [1.0] * len(values), exclude)


def u_chart(counts: Sequence[int], units: float | Sequence[float], exclude: Sequence[int] = ()) -> AttributeChart:
    """u chart (nonconformities per unit, peta u), constant or varying number of units.

    Montgomery 7.3.1 (u chart) and 7.3.2 (variable sample size)::

        uᵢ = cᵢ/nᵢ,   ū = Σ cᵢ / Σ nᵢ
        UCLᵢ = ū + 3 √(ū/nᵢ),   CL = ū,   LCLᵢ = max(0, ū − 3 √(ū/nᵢ))

    Parameters
    ----------
    counts : sequence of int
        Nonconformities found in each sample (at least 2), each ≥ 0.
    units : float or sequence of float
        Inspection units per sample (> 0; may be fractional), one for all or one per sample.
    exclude : sequence of int, optional
        0-based samples left out of ū.

    Returns
    -------
    AttributeChart
        ``lcl`` / ``ucl`` are numbers when all ``units`` are equal, else tuples.

    Raises
    ------
    CalculationError
        Non-numbers, negative or fractional counts, units ≤ 0, unequal lengths,
        fewer than 2 samples, a bad index.

    Examples
    --------
    c = 3, 6, 9 in 2, 4, 4 units: ū = 18/10 = 1.8; for nᵢ = 2, 3 √(1.8/2) = 2.846.

    >>> chart = u_chart([3, 6, 9], [2, 4, 4])
    >>> chart.center, [round(v, 3) for v in chart.ucl], chart.points
    (1.8, [4.646, 3.812, 3.812], (1.5, 1.5, 2.25))
    """
    values = _counts(counts, "counts")
    sizes, _ = _sizes(units, "units", len(values), False, "counts")
    return _chart("u", values, sizes, exclude)
