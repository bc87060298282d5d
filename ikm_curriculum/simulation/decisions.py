"""Keputusan pengelola (a participant's decisions for the simulated centre), validated.

A participant sets ten decisions once for the whole horizon (a yearly operating plan). Every field is
checked with the range below; :func:`decisions_from_dict` (and the constructor) raises ONE
:class:`~ikm_curriculum.errors.DecisionError` listing every problem as (field, expected, got).

====================================  ==========================================================
field                                 meaning and range
====================================  ==========================================================
``production_plan``                   output planned, × the month's demand forecast: 0.5 - 1.5
``inspection_n``                      packs sampled per daily lot: 0 (no inspection) - 200
``inspection_c``                      acceptance number: 0 ≤ c < n (0 when n = 0)
``maintenance_interval_months``       each machine serviced every k months: 1 - 12, 0 = never
``fee_level``                         monthly member fee (iuran), whole rupiah: 0 - 200,000
``enforcement``                       house-rule enforcement: "longgar", "sedang", "ketat" (or 0, 1, 2)
``mentoring_visits``                  mentoring visits per month: 0 - 4
``layout``                            "A" (best flow), "B" (process order in rows), "C" (as built)
``certification``                     any of "pirt", "halal", "sni" (a list; may be empty)
``control_charts``                    a p-chart is kept for the process: true / false
====================================  ==========================================================

``control_charts`` is an addition to the issue's list: the issue's "quality practice (control charts in
use, training)" needs a decision; training comes with mentoring visits.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, fields
from typing import Any

from ikm_curriculum.errors import DecisionError
from ikm_curriculum.modules.technical_simulation.decision_form import (
    CERTIFICATIONS,
    ENFORCEMENT_LEVELS,
    LAYOUTS,
    MAX_FEE,
    MAX_INTERVAL,
    MAX_SAMPLE,
    MAX_VISITS,
    PLAN_RANGE,
)

_ENFORCEMENT_ALIASES = {"longgar": 0, "lax": 0, "sedang": 1, "moderate": 1, "ketat": 2, "strict": 2}
_CERT_ALIASES = {"pirt": "pirt", "p-irt": "pirt", "spp-irt": "pirt", "sppirt": "pirt", "halal": "halal",
                 "sni": "sni", "sppt-sni": "sni"}  # fmt: skip


@dataclass(frozen=True)
class Decisions:
    """A participant's decisions (ranges in the module docstring); invalid values raise DecisionError."""

    production_plan: float
    inspection_n: int
    inspection_c: int
    maintenance_interval_months: int
    fee_level: int
    enforcement: str
    mentoring_visits: int
    layout: str
    certification: frozenset[str] = frozenset()
    control_charts: bool = False

    def __post_init__(self) -> None:
        clean, problems = _validate({f.name: getattr(self, f.name) for f in fields(self)})
        if problems:
            raise DecisionError(problems)
        for name, value in clean.items():
            object.__setattr__(self, name, value)

    @property
    def maintenance_intensity(self) -> float:
        """m = 1 / interval, the share of machines serviced each month (0 when never)."""
        k = self.maintenance_interval_months
        return 0.0 if k == 0 else 1.0 / k

    @property
    def enforcement_level(self) -> int:
        """0 longgar, 1 sedang, 2 ketat."""
        return ENFORCEMENT_LEVELS.index(self.enforcement)

    def replace(self, **changes: Any) -> Decisions:
        """A copy with some decisions changed (validated again).

        >>> REFERENCE_POLICY.replace(maintenance_interval_months=0).maintenance_interval_months
        0
        """
        return decisions_from_dict(self.to_dict() | changes)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able values; ``certification`` as a sorted list.

        >>> REFERENCE_POLICY.to_dict()["certification"]
        ['pirt']
        """
        return asdict(self) | {"certification": sorted(self.certification)}


def _whole(value: object, low: int, high: int) -> int | None:
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(float(value)):
        return None
    if float(value) != int(value) or not low <= int(value) <= high:
        return None
    return int(value)


def _validate(values: Mapping[str, Any]) -> tuple[dict[str, Any], list[tuple[str, str, object]]]:
    """Normalised values and every problem (field, expected, got); assumes all fields are present."""
    clean: dict[str, Any] = {}
    problems: list[tuple[str, str, object]] = []

    def bad(name: str, expected: str) -> None:
        problems.append((name, expected, values[name]))

    plan = values["production_plan"]
    ok = not isinstance(plan, bool) and isinstance(plan, numbers.Real) and math.isfinite(float(plan))
    if ok and PLAN_RANGE[0] <= float(plan) <= PLAN_RANGE[1]:
        clean["production_plan"] = float(plan)
    else:
        bad("production_plan", f"a number from {PLAN_RANGE[0]} to {PLAN_RANGE[1]} (× the demand forecast)")
    n = _whole(values["inspection_n"], 0, MAX_SAMPLE)
    if n is None:
        bad("inspection_n", f"a whole number of packs from 0 (no inspection) to {MAX_SAMPLE}")
    else:
        clean["inspection_n"] = n
    c = _whole(values["inspection_c"], 0, MAX_SAMPLE)
    if c is None or (n is not None and not (c == 0 if n == 0 else c < n)):
        bound = "0 when n = 0" if n == 0 else (f"0 ≤ c < n = {n}" if n is not None else "0 ≤ c < n")
        bad("inspection_c", f"a whole number with {bound}")
    else:
        clean["inspection_c"] = c
    for name, high, what in (
        ("maintenance_interval_months", MAX_INTERVAL, f"a whole number of months 1-{MAX_INTERVAL}, or 0 for never"),
        ("fee_level", MAX_FEE, f"whole rupiah from 0 to {MAX_FEE:,}"),
        ("mentoring_visits", MAX_VISITS, f"a whole number of visits per month from 0 to {MAX_VISITS}"),
    ):
        value = _whole(values[name], 0, high)
        if value is None:
            bad(name, what)
        else:
            clean[name] = value
    level = values["enforcement"]
    if isinstance(level, str) and level.strip().casefold() in _ENFORCEMENT_ALIASES:
        clean["enforcement"] = ENFORCEMENT_LEVELS[_ENFORCEMENT_ALIASES[level.strip().casefold()]]
    elif (index := _whole(level, 0, 2)) is not None:
        clean["enforcement"] = ENFORCEMENT_LEVELS[index]
    else:
        bad("enforcement", "'longgar', 'sedang' or 'ketat' (or 0, 1, 2)")
    layout = values["layout"]
    if isinstance(layout, str) and layout.strip().upper() in LAYOUTS:
        clean["layout"] = layout.strip().upper()
    else:
        bad("layout", "'A', 'B' or 'C'")
    certs = values["certification"]
    names = None
    if isinstance(certs, Iterable) and not isinstance(certs, (str, bytes, Mapping)):
        items = list(certs)
        keys = [_CERT_ALIASES.get(x.strip().casefold()) if isinstance(x, str) else None for x in items]
        names = None if None in keys else frozenset(k for k in keys if k)
    if names is None:
        bad("certification", f"a list of some of {', '.join(repr(c) for c in CERTIFICATIONS)} (may be empty)")
    else:
        clean["certification"] = names
    if isinstance(values["control_charts"], bool):
        clean["control_charts"] = values["control_charts"]
    else:
        bad("control_charts", "true or false")
    return clean, problems


FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Decisions))
"""The decision fields, in order."""


def decisions_from_dict(data: Mapping[str, Any], participant: str = "") -> Decisions:
    """Validated :class:`Decisions` from plain values (an answer file, a widget).

    Every field is required; unknown fields are refused. All problems — missing, unknown and out-of-range
    fields — are raised together in one :class:`~ikm_curriculum.errors.DecisionError` whose message names
    ``participant`` when given.

    Examples
    --------
    >>> d = decisions_from_dict(REFERENCE_POLICY.to_dict() | {"enforcement": "Ketat", "layout": "b"})
    >>> d.enforcement, d.layout
    ('ketat', 'B')
    >>> try:
    ...     decisions_from_dict(REFERENCE_POLICY.to_dict() | {"inspection_n": 10, "inspection_c": 10})
    ... except ValueError as exc:
    ...     print(exc.problems[0][:2])
    ('inspection_c', 'a whole number with 0 ≤ c < n = 10')
    """
    if not isinstance(data, Mapping):
        raise DecisionError([("decisions", "a mapping field → value", type(data).__name__)], participant)
    problems: list[tuple[str, str, object]] = []
    missing = [name for name in FIELDS if name not in data]
    problems += [(name, "a value (the field is missing)", None) for name in missing]
    problems += [(str(k), f"one of the fields {', '.join(FIELDS)}", data[k]) for k in data if k not in FIELDS]
    if not missing:
        problems += _validate(data)[1]
    if problems:
        raise DecisionError(problems, participant)
    return Decisions(**{name: data[name] for name in FIELDS})


REFERENCE_POLICY = Decisions(
    production_plan=1.1,
    inspection_n=50,
    inspection_c=1,
    maintenance_interval_months=3,
    fee_level=50_000,
    enforcement="sedang",
    mentoring_visits=2,
    layout="A",
    certification=frozenset({"pirt"}),
    control_charts=True,
)
"""The yardstick of the score: what a careful manager would do, not the optimum.

Produce up to the forecast plus a 10 % safety stock (1.1); sample 50 packs of each daily lot and accept
it with at most 1 defective — the ISO 2859-1 single plan for normal inspection, level II, AQL 1.0 % and a
lot of ~240 packs (code letter G, arrow down to H: n = 50, Ac = 1; ``quality.sampling_plan(240, 1.0)``);
service each machine every quarter (the interval of many machine manuals); a fee below what members
call fair; moderate enforcement (warnings, then stepwise sanctions, as in the house-rules module); two
mentoring visits a month; move to the improved layout A of the facility module; help members get P-IRT
(the permit a shop asks for first); keep a p-chart. Kept from participants until the debrief
(:func:`~.scoring.reference_text`).
"""
