"""Skenario: the pre-drawn random numbers every participant's decisions meet (common random numbers).

A scenario is one possible year of the centre: how demand and raw-material quality vary, which machine
is about to break, which member is about to leave. All of it is drawn BEFORE any decision is known, so
two participants differ only by their decisions (common random numbers: Law, *Simulation Modeling and
Analysis*, ch. 11, "variance-reduction techniques"). A decision changes only a threshold the same number
is compared with: with fewer breakdown chances a machine that broke may stay whole, never the reverse.

How the numbers are drawn (reproducible on any machine):

* ``np.random.default_rng(SeedSequence(seed).spawn(n)[s])`` for scenario s: one independent PCG64
  stream per scenario, so scenario s is the same whatever n (and its first months whatever the horizon);
* from each stream, month by month, ``per_month`` raw 64-bit words (``bit_generator.random_raw``, whose
  stream is fixed by PCG64 itself), turned into uniforms in [0, 1) as (word >> 11) × 2⁻⁵³ — exact;
* bell-shaped noise z = (u₁ + u₂ + u₃ − 1.5) / 0.5 (Irwin–Hall sum of three uniforms: mean 0, sd 1,
  |z| ≤ 3), so no exp, log or library normal generator is involved.

Per month the words are, in order: 3 for demand noise, 3 for defect noise, one failure uniform per
machine, one repair-time uniform per machine, one leave uniform per member place, one join uniform per
member place.

The cohort's hidden scenario set uses :func:`cohort_seed` (HMAC of the cohort secret, which stays with
the facilitator); a workbook's practice runs may use any other seed.
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass

import numpy as np

from ikm_curriculum.assessment.seeds import seed_for
from ikm_curriculum.errors import CalculationError
from ikm_curriculum.simulation.parameters import DEFAULT_PARAMETERS, ModelParameters

DEFAULT_SCENARIOS = 100
"""Scenarios of a cohort's hidden set (issue 7)."""


@dataclass(frozen=True, eq=False)
class Scenarios:
    """Pre-drawn random numbers for ``n`` scenarios × ``months`` (arrays: scenario first, then month).

    ``demand_z``, ``defect_z``: (n, months) bell-shaped noise; ``failure_u``, ``repair_u``: (n, months,
    machines) uniforms; ``leave_u``, ``join_u``: (n, months, member places) uniforms.
    """

    seed: int
    demand_z: np.ndarray
    defect_z: np.ndarray
    failure_u: np.ndarray
    repair_u: np.ndarray
    leave_u: np.ndarray
    join_u: np.ndarray

    @property
    def n(self) -> int:
        """Number of scenarios."""
        return int(self.demand_z.shape[0])

    @property
    def months(self) -> int:
        """Horizon in months."""
        return int(self.demand_z.shape[1])

    @property
    def machines(self) -> int:
        """Machines the failure numbers were drawn for."""
        return int(self.failure_u.shape[2])

    @property
    def member_slots(self) -> int:
        """Member places the leave/join numbers were drawn for."""
        return int(self.leave_u.shape[2])

    def subset(self, scenarios: slice | list[int]) -> Scenarios:
        """Some of the scenarios (e.g. one for a workbook's chart), same numbers.

        >>> scenarios_from_seed(1, n=5).subset([2]).n
        1
        """
        pick = (lambda a: a[scenarios]) if isinstance(scenarios, slice) else (lambda a: a[list(scenarios)])
        return Scenarios(self.seed, *(_read_only(pick(getattr(self, k))) for k in _ARRAYS))


_ARRAYS = ("demand_z", "defect_z", "failure_u", "repair_u", "leave_u", "join_u")


def _read_only(a: np.ndarray) -> np.ndarray:
    """The same array, locked: the scenarios are shared by every participant's run."""
    a.setflags(write=False)
    return a


def _count(value: object, name: str, low: int = 1) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or int(value) < low:
        raise CalculationError(f"{name}: expected a whole number ≥ {low}, got {value!r}")
    return int(value)


def uniforms(words: np.ndarray) -> np.ndarray:
    """Uniforms in [0, 1) from raw 64-bit words: the top 53 bits × 2⁻⁵³ (exact, as numpy's own ``random``).

    >>> float(uniforms(np.array([2**64 - 1], dtype=np.uint64))[0]) == 1 - 2**-53
    True
    """
    return (words >> np.uint64(11)).astype(np.float64) * (1.0 / 9007199254740992.0)


def scenarios_from_seed(
    seed: int, n: int = DEFAULT_SCENARIOS, months: int = 12, params: ModelParameters = DEFAULT_PARAMETERS
) -> Scenarios:
    """Draw ``n`` scenarios of ``months`` months (machines and member places from ``params``).

    Parameters
    ----------
    seed : int
        Any whole number ≥ 0, e.g. :func:`cohort_seed` of the cohort secret.
    n : int, default 100
        Number of scenarios.
    months : int, default 12
        Horizon (the issue's 12 months; any length ≥ 1).
    params : ModelParameters
        Only ``machines`` and ``member_slots`` are read (the shapes).

    Examples
    --------
    >>> s = scenarios_from_seed(7, n=3, months=2)
    >>> s.failure_u.shape, s.leave_u.shape
    ((3, 2, 4), (3, 2, 30))
    >>> bool((scenarios_from_seed(7, n=5).failure_u[:3, :2] == s.failure_u).all())  # prefix-stable
    True
    """
    seed = _count(seed, "seed", low=0)
    n, months = _count(n, "n"), _count(months, "months")
    machines, slots = params.machines, params.member_slots
    per_month = 6 + 2 * machines + 2 * slots
    children = np.random.SeedSequence(seed).spawn(n)
    raw = np.empty((n, months, per_month), dtype=np.uint64)
    for s, child in enumerate(children):
        words = np.random.default_rng(child).bit_generator.random_raw(months * per_month)
        raw[s] = np.asarray(words, dtype=np.uint64).reshape(months, per_month)
    u = uniforms(raw)
    cut = np.cumsum([0, 3, 3, machines, machines, slots, slots])

    def part(k: int) -> np.ndarray:
        return _read_only(np.ascontiguousarray(u[:, :, cut[k] : cut[k + 1]]))

    def bell(k: int) -> np.ndarray:
        three = part(k)
        return _read_only(((three[:, :, 0] + three[:, :, 1]) + three[:, :, 2] - 1.5) / 0.5)

    return Scenarios(seed, bell(0), bell(1), part(2), part(3), part(4), part(5))


def cohort_seed(secret: str) -> int:
    """Seed of the cohort's hidden scenario set: ``seed_for(secret, "cohort", "simulation")`` (HMAC-SHA256).

    >>> cohort_seed("s3cret") == cohort_seed("s3cret") != cohort_seed("other")
    True
    """
    if not isinstance(secret, str) or not secret:
        raise CalculationError("secret: expected the cohort secret (a non-empty text)")
    return seed_for(secret, "cohort", "simulation")
