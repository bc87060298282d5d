"""Run rules (aturan pola) for Shewhart charts: signals of an out-of-control process besides a point beyond 3σ.

The five sensitizing rules of the *Western Electric Statistical Quality Control
Handbook* (1956), as listed in Montgomery, *Introduction to Statistical Quality
Control*, section 5.3.6 "Discussion of sensitizing rules for control charts"
(rules 1–4 are Western Electric's zone rules; rule 5 is Nelson's test 3,
L. S. Nelson, "The Shewhart control chart — tests for special causes",
*Journal of Quality Technology* 16(4), 1984, 237–239):

1. one point beyond 3σ from the centre line;
2. two of three consecutive points beyond 2σ, on the same side;
3. four of five consecutive points beyond 1σ, on the same side;
4. eight consecutive points on one side of the centre line;
5. six consecutive points steadily increasing or decreasing.

Conventions (as in Nelson 1984 and Minitab's "tests for special causes"): a
rule is reported at the point that *completes* the pattern — the last point of a
window of 3 (rule 2), 5 (rule 3), 8 (rule 4) or 6 (rule 5) points that meets the
rule, when that point is itself one of the pattern's points (for rules 2 and 3,
beyond the zone on the pattern's side). A longer run reports every point from
the one that first completes it. "Beyond" is strict (a point exactly at 2σ is
not beyond 2σ); a point exactly on the centre line is on neither side and
breaks a rule-4 run; ties break a rule-5 run. Indices are 0-based.
"""

from __future__ import annotations

import math
import numbers
from typing import Any, NamedTuple, Sequence

import numpy as np

from ikm_curriculum.errors import CalculationError

RULE_NAMES: dict[int, str] = {
    1: "1 point beyond 3 sigma",
    2: "2 of 3 consecutive points beyond 2 sigma, same side",
    3: "4 of 5 consecutive points beyond 1 sigma, same side",
    4: "8 consecutive points on one side of the centre line",
    5: "6 consecutive points steadily increasing or decreasing",
}


class RuleViolation(NamedTuple):
    """One rule that fired: its number and the 0-based indices of the points completing its pattern."""

    rule: int
    indices: tuple[int, ...]

    @property
    def name(self) -> str:
        """The rule in words, e.g. ``"8 consecutive points on one side of the centre line"``."""
        return RULE_NAMES[self.rule]

    def to_dict(self) -> dict[str, Any]:
        """Plain values: ``{"rule": 4, "name": "...", "indices": [...]}``."""
        return {"rule": self.rule, "name": self.name, "indices": list(self.indices)}


def _finite(value: object, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(value):
        raise CalculationError(f"{what} = {value!r}: expected a finite number")
    return float(value)


def _checked_points(points: Sequence[float]) -> np.ndarray:
    if isinstance(points, np.ndarray):
        points = points.tolist()
    if isinstance(points, (str, bytes)) or not isinstance(points, Sequence):
        raise CalculationError(f"points: expected a list of numbers, got {type(points).__name__}")
    return np.array([_finite(p, f"points[{i}]") for i, p in enumerate(points)], dtype=float)


def _zone_rule(z: np.ndarray, window: int, needed: int, beyond: float) -> list[int]:
    """Points completing ``needed`` of ``window`` consecutive points beyond ``beyond`` σ on one side."""
    hits: list[int] = []
    for side in (z > beyond, z < -beyond):
        for i in range(window - 1, z.size):
            if side[i] and int(side[i - window + 1 : i + 1].sum()) >= needed:
                hits.append(i)
    return hits


def run_rules(
    points: Sequence[float], center: float, sigma: float, rules: Sequence[int] = (1, 2, 3, 4, 5)
) -> list[RuleViolation]:
    """Check a sequence of plotted points against the Western Electric / Nelson run rules.

    With zᵢ = (xᵢ − centre)/σ (σ of the plotted statistic: for an x̄ chart
    σ_x̄ = (UCL − CL)/3)::

        rule 1: |zᵢ| > 3
        rule 2: at least 2 of z_{i−2..i} > 2 (or < −2), zᵢ among them
        rule 3: at least 4 of z_{i−4..i} > 1 (or < −1), zᵢ among them
        rule 4: z_{i−7..i} all > 0 (or all < 0)
        rule 5: x_{i−5} < … < xᵢ (or >)

    Source: Western Electric Handbook (1956); Montgomery section 5.3.6; Nelson
    (1984), J. Quality Technology 16(4). See the module docstring for the conventions.

    Parameters
    ----------
    points : sequence of float
        The plotted statistic, in time order.
    center : float
        Centre line.
    sigma : float
        Standard deviation of the plotted statistic, > 0.
    rules : sequence of int, optional
        Which rules (1–5) to check; all five by default.

    Returns
    -------
    list of RuleViolation
        One ``(rule, indices)`` per rule that fired, in rule order; indices
        sorted, unique, 0-based. Empty when no rule fires.

    Raises
    ------
    CalculationError
        Non-numbers or non-finite values, σ ≤ 0, or an unknown rule number.

    Examples
    --------
    Eight points above the centre line (rule 4), the last one beyond 3σ (rule 1):

    >>> run_rules([0.5, 0.2, 0.4, 0.1, 0.3, 0.6, 0.2, 3.5], center=0.0, sigma=1.0)
    [RuleViolation(rule=1, indices=(7,)), RuleViolation(rule=4, indices=(7,))]
    >>> run_rules([0.1, -0.2, 0.3], center=0.0, sigma=0.0)
    Traceback (most recent call last):
    ...
    ikm_curriculum.errors.CalculationError: sigma = 0.0: expected a positive finite number
    """
    x = _checked_points(points)
    centre = _finite(center, "center")
    spread = _finite(sigma, "sigma")
    if spread <= 0:
        raise CalculationError(f"sigma = {sigma!r}: expected a positive finite number")
    chosen: list[int] = []
    for rule in rules:
        if isinstance(rule, bool) or not isinstance(rule, numbers.Integral) or int(rule) not in RULE_NAMES:
            raise CalculationError(f"rule {rule!r}: expected a rule number 1–5")
        chosen.append(int(rule))
    z = (x - centre) / spread
    found: dict[int, list[int]] = {
        1: np.flatnonzero(np.abs(z) > 3.0).tolist(),
        2: _zone_rule(z, 3, 2, 2.0),
        3: _zone_rule(z, 5, 4, 1.0),
        4: _zone_rule(z, 8, 8, 0.0),
        5: [],
    }
    step = np.sign(np.diff(x))
    for i in range(5, x.size):
        last_five = step[i - 5 : i]
        if np.all(last_five > 0) or np.all(last_five < 0):
            found[5].append(i)
    return [RuleViolation(rule, tuple(sorted(set(found[rule])))) for rule in sorted(set(chosen)) if found[rule]]
