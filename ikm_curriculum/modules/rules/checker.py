"""Checking a log of events against the house rules (memeriksa pelanggaran tata tertib): :func:`check`.

Each kind of rule (:data:`~.ruleset.KINDS`) has one check in
:data:`.checks.CHECKS`; each finding becomes a :class:`Violation` with the
sanction due from :mod:`.sanctions`. What each kind counts as a violation is
written in :mod:`.ruleset`; the time of a violation is the time of the event
that broke the rule, or the moment a deadline passed (cleaning, the fee at
month end). A deadline is only judged if the log is complete up to it:
``until`` (default the time of the last event) says up to when it is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.quality.commodities import Text
from ikm_curriculum.modules.rules.checks import CHECKS
from ikm_curriculum.modules.rules.events import Event, read_events
from ikm_curriculum.modules.rules.evidence import Context, Finding
from ikm_curriculum.modules.rules.ruleset import Rule, RuleSet
from ikm_curriculum.modules.rules.sanctions import escalation_counts, step_due, step_label

if TYPE_CHECKING:
    import pandas as pd

COLUMNS: tuple[str, ...] = ("rule", "member", "time", "evidence", "sanction")
"""Columns of the table :func:`check` returns, in order."""


@dataclass(frozen=True)
class Violation:
    """One violation: the rule, the member, when, the evidence, and the sanction due.

    ``count`` is k, the member's k-th counted violation within the window;
    ``sanction`` the step due (``"tidak_ada"`` for none) and ``sanction_step``
    its 0-based index in the ladder (``None`` for none); ``rows`` the rows of
    the log that are the evidence.
    """

    rule: str
    rule_name: str
    kind: str
    member: str
    time: dt.datetime
    evidence: Text
    sanction: str
    sanction_step: int | None
    count: int
    rows: tuple[int, ...]

    def to_dict(self) -> dict[str, Any]:
        """Plain values: ``time`` ISO text, ``evidence`` and ``sanction_label`` as ``{"id", "en"}``."""
        return {
            "rule": self.rule,
            "rule_name": self.rule_name,
            "kind": self.kind,
            "member": self.member,
            "time": self.time.isoformat(),
            "evidence": self.evidence.to_dict(),
            "sanction": self.sanction,
            "sanction_label": step_label(self.sanction).to_dict(),
            "sanction_step": self.sanction_step,
            "count": self.count,
            "rows": list(self.rows),
        }


def _until(until: object, events: tuple[Event, ...]) -> dt.datetime:
    if until is None:
        return events[-1].time if events else dt.datetime.min
    if isinstance(until, dt.datetime):
        return until
    if isinstance(until, dt.date):
        return dt.datetime(until.year, until.month, until.day)
    if isinstance(until, str):
        try:
            return dt.datetime.fromisoformat(until.strip())
        except ValueError:
            pass
    raise CalculationError(f"until: expected a date-time (or ISO text 'YYYY-MM-DD HH:MM') or None, got {until!r}")


def _known(ruleset: RuleSet, events: tuple[Event, ...]) -> None:
    """Every machine (and, if the rule set lists them, every member) of the log is in the rule set."""
    machines = {m.id for m in ruleset.machines}
    listed = ", ".join(sorted(machines)) or "none listed"
    problems: list[tuple[int, str]] = [
        (e.row, f"'mesin' (machine): expected one of the rule set's machines ({listed}), got {e.machine!r}")
        for e in events
        if e.machine and e.machine not in machines
    ]
    if ruleset.members is not None:
        problems += [
            (e.row, f"'anggota' (member): expected a member listed in 'anggota', got {e.member!r}")
            for e in events
            if e.member not in ruleset.members
        ]
    if problems:
        lines = "\n".join(f"  - row {row}, {text}" for row, text in sorted(problems))
        raise CalculationError(f"events: {len(problems)} row(s) do not match the rule set:\n{lines}")


def _ruleset(ruleset: object) -> RuleSet:
    if isinstance(ruleset, RuleSet):
        return ruleset
    if isinstance(ruleset, str) or hasattr(ruleset, "__fspath__"):
        from ikm_curriculum.modules.rules.ruleset import load

        return load(ruleset)
    raise CalculationError(f"ruleset: expected a RuleSet (rules.load(...)) or YAML text, got {type(ruleset).__name__}")


def check_violations(ruleset: RuleSet | str, events: object, until: object = None) -> tuple[Violation, ...]:
    """Every violation of the rules in the log, with the sanction due, sorted by time.

    Parameters
    ----------
    ruleset : RuleSet or str
        From :func:`~.ruleset.load` (YAML text is loaded).
    events : DataFrame, list of dict, or CSV text
        The log (:mod:`.events`).
    until : datetime, date, ISO text or None
        The log is complete up to this moment (default: its last event); later deadlines are not judged.

    Returns
    -------
    tuple of Violation
        Sorted by time, then rule order, then member; sanctions by :mod:`.sanctions`.

    Raises
    ------
    CalculationError
        Bad rows of the log, machines (or members) the rule set does not list, a bad ``until``.

    Examples
    --------
    >>> from ikm_curriculum.modules.rules.ruleset import EXAMPLE, load
    >>> log = [{"waktu": f"2024-03-{d} 17:10", "anggota": "A01", "kejadian": "pakai", "mesin": "oven",
    ...         "durasi_menit": 30} for d in (11, 12)]
    >>> [(v.rule, v.sanction, v.evidence.id) for v in check_violations(load(EXAMPLE), log)]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('JB1', 'teguran_lisan', 'pakai Oven pengering pukul 17.10–17.40, di luar jam buka 07.30–16.00'),
     ('JB1', 'teguran_tertulis', 'pakai Oven pengering pukul 17.10–17.40, di luar jam buka 07.30–16.00')]
    """
    rs = _ruleset(ruleset)
    log = read_events(events)
    _known(rs, log)
    ctx = Context(rs, log, _until(until, log))
    found: list[tuple[dt.datetime, int, str, Rule, Finding]] = []
    for index, rule in enumerate(rs.rules):
        if rule.kind not in CHECKS:
            raise CalculationError(f"ruleset: rule {rule.id!r} has an unknown kind {rule.kind!r}")
        found += [(f.time, index, f.member, rule, f) for f in CHECKS[rule.kind](rule, ctx)]
    found.sort(key=lambda item: item[:3])
    policy = rs.sanctions
    counts = escalation_counts([(f.member, r.id, t) for t, _, _, r, f in found], policy.window_days, policy.count)
    out = []
    for (time, _, member, rule, finding), k in zip(found, counts, strict=True):
        step, index = step_due(rs.ladder(rule), k)
        out.append(
            Violation(rule.id, rule.name, rule.kind, member, time, finding.evidence, step, index, k, finding.rows)
        )
    return tuple(out)


def check(ruleset: RuleSet | str, events: object, until: object = None, lang: str = "id") -> pd.DataFrame:
    """The violations as a table: columns exactly ``rule, member, time, evidence, sanction``, sorted by time.

    ``evidence`` is the sentence in ``lang`` (``"id"`` or ``"en"``), ``sanction`` the step due
    as written in the ladder (``"tidak_ada"`` for none). See :func:`check_violations`.

    >>> from ikm_curriculum.modules.rules.ruleset import EXAMPLE, load
    >>> log = [{"waktu": "2024-03-16 09:00", "anggota": "A01", "kejadian": "pakai", "mesin": "oven",
    ...         "durasi_menit": 60}]
    >>> check(load(EXAMPLE), log, lang="en").iloc[0].to_dict()  # doctest: +NORMALIZE_WHITESPACE
    {'rule': 'JB1', 'member': 'A01', 'time': Timestamp('2024-03-16 09:00:00'),
     'evidence': 'use of Oven pengering on Saturday, the centre is closed (open Monday–Friday)',
     'sanction': 'teguran_lisan'}
    """
    import pandas as pd

    if lang not in ("id", "en"):
        raise CalculationError(f"lang: expected 'id' or 'en', got {lang!r}")
    rows = [
        {
            "rule": v.rule,
            "member": v.member,
            "time": v.time,
            "evidence": v.evidence.id if lang == "id" else v.evidence.en,
            "sanction": v.sanction,
        }
        for v in check_violations(ruleset, events, until)
    ]
    table = pd.DataFrame(rows, columns=list(COLUMNS))
    table["time"] = pd.to_datetime(table["time"])
    return table
