"""Process capability (kemampuan proses): Cp, Cpk, Pp, Ppk, Cpm and expected ppm out of specification.

Sources: D. C. Montgomery, *Introduction to Statistical Quality Control*
(Wiley, 6th–8th ed.), the chapter "Process and Measurement System Capability
Analysis" (ch. 8 in the 6th ed.; the first estimate of Cp appears with the x̄-R
chart of the hard-bake process in ch. 6); AIAG, *Statistical Process Control
(SPC) Reference Manual*, 2nd ed. (2005), which names the within-subgroup
indices Cp/Cpk and the overall ("performance") indices Pp/Ppk.

With specification limits LSL < USL, process mean μ and standard deviation σ::

    Cp  = (USL − LSL) / 6σ
    CPU = (USL − μ) / 3σ,   CPL = (μ − LSL) / 3σ,   Cpk = min(CPU, CPL)
    Cpm = (USL − LSL) / (6 √(σ² + (μ − T)²))              (T: target)
    ppm = 10⁶ [Φ((LSL − μ)/σ) + 1 − Φ((USL − μ)/σ)]       (normal model)

A one-sided specification (only LSL or only USL) gives Cpk from the given side
(CPL or CPU); Cp, Pp and Cpm are then undefined (``None``).
"""

from __future__ import annotations

import math
import numbers
from dataclasses import asdict, dataclass
from statistics import NormalDist
from typing import Any, Sequence

import numpy as np

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.quality.constants import constants_for

_PHI = NormalDist()  # standard normal: Φ(z) = _PHI.cdf(z)


def _c4(n: int) -> float:
    """Bias-correction constant c4 of the sample standard deviation: E[s] = c4 σ.

    c4(n) = √(2/(n−1)) · Γ(n/2) / Γ((n−1)/2), computed exactly for any n ≥ 2
    (Montgomery section 6.3; Appendix Table VI prints it to four decimals,
    e.g. c4(5) = 0.9400).

    Examples
    --------
    >>> round(_c4(5), 4)
    0.94
    """
    if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 2:
        raise CalculationError(f"c4 needs a subgroup size n ≥ 2 (an integer), got {n!r}")
    m = int(n)
    return math.sqrt(2.0 / (m - 1)) * math.exp(math.lgamma(m / 2) - math.lgamma((m - 1) / 2))


def _real(value: object, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(float(value)):
        raise CalculationError(f"{name} must be a finite number, got {value!r}")
    return float(value)


def _specs(lsl: object, usl: object, target: object) -> tuple[float | None, float | None, float | None]:
    low = None if lsl is None else _real(lsl, "lsl (lower specification limit)")
    high = None if usl is None else _real(usl, "usl (upper specification limit)")
    if low is None and high is None:
        raise CalculationError("give at least one specification limit: lsl, usl or both")
    if low is not None and high is not None and not low < high:
        raise CalculationError(f"lsl must be below usl, got lsl={low:g}, usl={high:g}")
    goal = None if target is None else _real(target, "target")
    if goal is not None and ((low is not None and goal < low) or (high is not None and goal > high)):
        raise CalculationError(f"target {goal:g} lies outside the specification limits")
    return low, high, goal


def _values(values: object, name: str = "values") -> np.ndarray:
    if isinstance(values, (str, bytes)) or not isinstance(values, (Sequence, np.ndarray)):
        raise CalculationError(f"{name} must be a list of numbers")
    checked = [_real(v, f"{name}[{i}]") for i, v in enumerate(values)]
    if len(checked) < 2:
        raise CalculationError(f"{name} needs at least 2 numbers, got {len(checked)}")
    return np.asarray(checked, dtype=float)


@dataclass(frozen=True)
class _Indices:
    """Capability indices and expected ppm for one σ (within or overall)."""

    sigma: float
    c_p: float | None
    c_pu: float | None
    c_pl: float | None
    c_pk: float
    ppm_below: float
    ppm_above: float
    ppm_total: float


def _indices(mean: float, sigma: float, low: float | None, high: float | None) -> _Indices:
    cp = None if low is None or high is None else (high - low) / (6 * sigma)
    cpu = None if high is None else (high - mean) / (3 * sigma)
    cpl = None if low is None else (mean - low) / (3 * sigma)
    cpk = min(c for c in (cpu, cpl) if c is not None)
    below = 0.0 if low is None else 1e6 * _PHI.cdf((low - mean) / sigma)
    above = 0.0 if high is None else 1e6 * _PHI.cdf((mean - high) / sigma)  # = 1 − Φ((USL − μ)/σ)
    return _Indices(sigma, cp, cpu, cpl, cpk, below, above, below + above)


def _cpm(mean: float, sigma: float, low: float | None, high: float | None, target: float | None) -> float | None:
    if low is None or high is None or target is None:
        return None
    return (high - low) / (6 * math.sqrt(sigma**2 + (mean - target) ** 2))


@dataclass(frozen=True)
class CapabilityResult:
    """Capability of one sample against its specification (see :func:`process_capability`)."""

    n: int
    mean: float
    sigma: float
    sigma_source: str
    lsl: float | None
    usl: float | None
    target: float | None
    cp: float | None
    cpu: float | None
    cpl: float | None
    cpk: float
    cpm: float | None
    ppm_below: float
    ppm_above: float
    ppm_total: float

    def to_dict(self) -> dict[str, Any]:
        """Plain numbers (``cpm`` only when a target was given).

        >>> sorted(process_capability([9, 10, 11], 7, 13).to_dict())[:4]
        ['cp', 'cpk', 'cpl', 'cpu']
        """
        data = asdict(self)
        if self.target is None:
            del data["cpm"]
        return data


def process_capability(
    values: Sequence[float],
    lsl: float | None,
    usl: float | None,
    sigma: float | None = None,
    target: float | None = None,
) -> CapabilityResult:
    """Cp, Cpk (and Cpm) of a sample against its specification limits.

    μ is the sample mean. σ is ``sigma`` when given (e.g. R̄/d2 from a control
    chart), otherwise the sample standard deviation s (ddof = 1) — in that case
    the indices are the overall ones, Cp = Pp and Cpk = Ppk. Formulas in the
    module docstring (Montgomery, ch. 8; AIAG SPC manual, 2nd ed.).

    Parameters
    ----------
    values : sequence of float
        At least 2 measurements.
    lsl, usl : float or None
        Specification limits; one of them may be ``None`` (one-sided
        specification: Cp and Cpm are then ``None``).
    sigma : float, optional
        A known or within-subgroup σ (> 0).
    target : float, optional
        Target value T within the limits, for Cpm.

    Returns
    -------
    CapabilityResult

    Raises
    ------
    CalculationError
        Non-numbers, fewer than 2 values, lsl ≥ usl, σ ≤ 0 (or all values equal).

    Examples
    --------
    Hand-computed: mean 10, σ = 1, specs 7–13 → Cp = 6/6 = 1, Cpk = 3/3 = 1,
    ppm = 2 · 10⁶ · Φ(−3) ≈ 2699.8.

    >>> r = process_capability([9, 10, 11], 7, 13, sigma=1.0, target=10)
    >>> r.cp, r.cpk, r.cpm, round(r.ppm_total, 1)
    (1.0, 1.0, 1.0, 2699.8)
    >>> process_capability([9, 10, 11], None, 13, sigma=1.0).cp is None
    True
    """
    data = _values(values)
    low, high, goal = _specs(lsl, usl, target)
    mean = float(data.mean())
    if sigma is None:
        sd, source = float(data.std(ddof=1)), "sample"
        if sd <= 0:
            raise CalculationError("all values are equal (s = 0): capability is undefined; give sigma")
    else:
        sd, source = _real(sigma, "sigma"), "given"
        if sd <= 0:
            raise CalculationError(f"sigma must be greater than 0, got {sd:g}")
    ix = _indices(mean, sd, low, high)
    return CapabilityResult(
        n=int(data.size),
        mean=mean,
        sigma=sd,
        sigma_source=source,
        lsl=low,
        usl=high,
        target=goal,
        cp=ix.c_p,
        cpu=ix.c_pu,
        cpl=ix.c_pl,
        cpk=ix.c_pk,
        cpm=_cpm(mean, sd, low, high, goal),
        ppm_below=ix.ppm_below,
        ppm_above=ix.ppm_above,
        ppm_total=ix.ppm_total,
    )


@dataclass(frozen=True)
class SubgroupCapability:
    """Within (Cp, Cpk) and overall (Pp, Ppk) capability of subgrouped data."""

    n: int
    k: int
    method: str
    mean: float
    mean_range: float | None
    mean_sd: float | None
    sigma_within: float
    sigma_overall: float
    lsl: float | None
    usl: float | None
    target: float | None
    cp: float | None
    cpu: float | None
    cpl: float | None
    cpk: float
    pp: float | None
    ppu: float | None
    ppl: float | None
    ppk: float
    cpm: float | None
    ppm_within: dict[str, float]
    ppm_overall: dict[str, float]

    def to_dict(self) -> dict[str, Any]:
        """Plain numbers and dicts (JSON-able).

        >>> capability_from_subgroups([[9, 10, 11], [10, 11, 12]], 7, 14).to_dict()["method"]
        'range'
        """
        data = asdict(self)
        data["ppm_within"] = dict(self.ppm_within)
        data["ppm_overall"] = dict(self.ppm_overall)
        return data


def _subgroups(subgroups: object) -> np.ndarray:
    if isinstance(subgroups, (str, bytes)) or not isinstance(subgroups, (Sequence, np.ndarray)):
        raise CalculationError("subgroups must be a list of subgroups, each a list of numbers")
    if len(subgroups) < 2:
        raise CalculationError(f"need at least 2 subgroups, got {len(subgroups)}")
    rows = [_values(group, f"subgroup {i}") for i, group in enumerate(subgroups, start=1)]
    sizes = {row.size for row in rows}
    if len(sizes) != 1:
        raise CalculationError(f"all subgroups must have the same size, got sizes {sorted(sizes)}")
    return np.vstack(rows)


def _ppm(ix: _Indices) -> dict[str, float]:
    return {"below": ix.ppm_below, "above": ix.ppm_above, "total": ix.ppm_total}


def capability_from_subgroups(
    subgroups: Sequence[Sequence[float]],
    lsl: float | None,
    usl: float | None,
    method: str = "range",
    target: float | None = None,
) -> SubgroupCapability:
    """Cp/Cpk from the within-subgroup σ and Pp/Ppk from the overall σ.

    σ within = R̄ / d2 (``method="range"``) or s̄ / c4 (``method="s"``), with d2
    and c4 for the subgroup size n (Montgomery, Appendix Table VI; sections
    6.2 and 6.3). σ overall = sample standard deviation (ddof = 1) of all
    k·n values. Cp, Cpk use σ within; Pp, Ppk use σ overall (AIAG SPC manual,
    2nd ed.). Cpm uses σ overall, as Minitab reports it with the overall
    capability. Expected ppm (normal model) are given for both σ.

    Parameters
    ----------
    subgroups : sequence of sequences of float
        k ≥ 2 subgroups of equal size n ≥ 2 (for ``"range"``, an n of the
        d2 table in :mod:`.constants`).
    lsl, usl : float or None
        Specification limits; one may be ``None``.
    method : {"range", "s"}
    target : float, optional
        Target T for Cpm.

    Returns
    -------
    SubgroupCapability

    Raises
    ------
    CalculationError
        Ragged or too few subgroups, non-numbers, lsl ≥ usl, σ = 0, an
        unknown method.

    Examples
    --------
    Hand-computed: ranges 2, 2 → R̄ = 2, d2(3) = 1.693, σ within = 1.1813;
    specs 7–14, mean 10.5 → Cp = 7/(6·1.1813) = 0.988.

    >>> r = capability_from_subgroups([[9, 10, 11], [10, 11, 12]], 7, 14)
    >>> round(r.sigma_within, 4), round(r.cp, 3), round(r.cpk, 3)
    (1.1813, 0.988, 0.988)
    """
    if method not in ("range", "s"):
        raise CalculationError(f"method must be 'range' (R̄/d2) or 's' (s̄/c4), got {method!r}")
    data = _subgroups(subgroups)
    low, high, goal = _specs(lsl, usl, target)
    k, n = data.shape
    mean = float(data.mean())
    mean_range = mean_sd = None
    if method == "range":
        try:
            d2 = constants_for(n).d2
        except ValueError as exc:
            raise CalculationError(f"method 'range' needs a d2 value for n={n}: {exc}; use method='s'") from None
        mean_range = float(np.mean(data.max(axis=1) - data.min(axis=1)))
        within = mean_range / d2
    else:
        mean_sd = float(np.mean(data.std(axis=1, ddof=1)))
        within = mean_sd / _c4(n)
    overall = float(data.std(ddof=1))
    if within <= 0 or overall <= 0:
        raise CalculationError("the data show no variation (σ = 0): capability is undefined")
    w = _indices(mean, within, low, high)
    o = _indices(mean, overall, low, high)
    return SubgroupCapability(
        n=int(n),
        k=int(k),
        method=method,
        mean=mean,
        mean_range=mean_range,
        mean_sd=mean_sd,
        sigma_within=within,
        sigma_overall=overall,
        lsl=low,
        usl=high,
        target=goal,
        cp=w.c_p,
        cpu=w.c_pu,
        cpl=w.c_pl,
        cpk=w.c_pk,
        pp=o.c_p,
        ppu=o.c_pu,
        ppl=o.c_pl,
        ppk=o.c_pk,
        cpm=_cpm(mean, overall, low, high, goal),
        ppm_within=_ppm(w),
        ppm_overall=_ppm(o),
    )
