"""Machine-use log of the shared unit (buku pemakaian mesin UPT): :func:`machine_utilisation`.

From the machine-use log of the centre's shared unit (UPT): hours per
machine and member, and the utilisation = hours used ÷ hours available ×
100 % (:data:`UTILISATION_SOURCE`).

Rows are read as in :mod:`.books`: dicts or dataclasses (:class:`MachineUse`),
dates as ``datetime.date`` or ISO text, times as ``datetime.time`` or
``"HH:MM"``; every row problem of the log is raised in one
:class:`~ikm_curriculum.errors.CalculationError`.
"""

from __future__ import annotations

import datetime as dt
import math
import numbers
from dataclasses import asdict, dataclass
from typing import Any, Iterable, Mapping

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.assets.books import Table, is_blank

UTILISATION_SOURCE = (
    "J. Heizer, B. Render, Operations Management, supplement 'Capacity and Constraint Management': "
    "utilization = actual output / design capacity; measured in time as in the APICS dictionary "
    "('utilization compares actual time used to available time', quoted in the NC State SCM glossary)."
)
UTILISATION_CERTAINTY = "firm"  # the ratio; the hours available are the centre's own choice

MAX_HOURS_PER_DAY = 24.0
"""A machine cannot run more hours than a day has (physical limit, not a rule)."""

HOURS_TOLERANCE = 1 / 120
"""Half a minute, in hours: written hours may differ this much from end − start (rounding of 1 h 20 min to 1.33)."""

_ID, _DATE = ("member_id", "no_anggota"), ("date", "tanggal")
_MACHINE, _HOURS = ("machine", "mesin"), ("hours", "jam")
_START, _END = ("start", "mulai"), ("end", "selesai")


@dataclass(frozen=True)
class MachineUse:
    """A line of the machine-use log: date, machine, member, hours used and/or start and end times."""

    date: dt.date | str
    machine: str
    member_id: str
    hours: float | None = None
    start: dt.time | str | None = None
    end: dt.time | str | None = None


@dataclass(frozen=True)
class MachineUtilisation:
    """Use of one machine: hours used, hours available, utilisation %, hours and share (%) of each member."""

    machine: str
    hours_used: float
    available_hours: float
    utilisation_pct: float
    hours_by_member: dict[str, float]
    share_by_member_pct: dict[str, float]


@dataclass(frozen=True)
class MemberMachineUse:
    """Use by one member: hours on each machine and the member's share (%) of each machine's hours used."""

    member_id: str
    total_hours: float
    hours_by_machine: dict[str, float]
    share_of_machine_pct: dict[str, float]


@dataclass(frozen=True)
class MachineUseSummary:
    """Utilisation of the shared machines (see :func:`machine_utilisation`)."""

    machines: tuple[MachineUtilisation, ...]
    members: tuple[MemberMachineUse, ...]
    total_hours: float

    def machine(self, name: str) -> MachineUtilisation:
        """The row of one machine, by name (``KeyError`` if unknown)."""
        for row in self.machines:
            if row.machine == name:
                return row
        raise KeyError(name)

    def to_dict(self) -> dict[str, Any]:
        """Plain lists, dicts and numbers (JSON-able)."""
        return {
            "machines": [asdict(m) for m in self.machines],
            "members": [asdict(m) for m in self.members],
            "total_hours": self.total_hours,
        }


def _available(hours: object) -> dict[str, float]:
    if not isinstance(hours, Mapping) or not hours:
        raise CalculationError(
            f"available_hours_per_machine: expected a non-empty mapping machine → hours available, got {hours!r}"
        )
    checked = {}
    for machine, value in hours.items():
        if isinstance(value, bool) or not isinstance(value, numbers.Real) or not 0 < value < math.inf:
            raise CalculationError(
                f"available_hours_per_machine[{machine!r}]: expected hours available > 0, got {value!r}"
            )
        checked[str(machine)] = float(value)
    return checked


def _read_log(log: object, available: Mapping[str, float]) -> list[tuple[dt.date, str, str, float]]:
    table = Table(log, "log (buku pemakaian mesin)")
    uses, per_day = [], {}
    known = ", ".join(repr(m) for m in available)
    for n, row in table.readable:
        day, machine = table.date(n, row, _DATE), table.text(n, row, _MACHINE, required=True)
        if machine and machine not in available:
            table.problem(n, _MACHINE, f"a machine of available_hours_per_machine ({known})", machine)
        member_id = table.text(n, row, _ID, required=True)
        hours, start, end = table.hours(n, row, _HOURS), table.time(n, row, _START), table.time(n, row, _END)
        given = {names[0]: not is_blank(table.get(row, names)) for names in (_HOURS, _START, _END)}
        if given["start"] != given["end"]:
            missing = _END if given["start"] else _START
            table.problem(n, missing, "both start and end times, or neither", table.get(row, missing))
        elif not given["start"] and not given["hours"]:
            table.problem(n, _HOURS, "hours used (e.g. 2.5), or start and end times", None)
        if start is not None and end is not None:
            span = (dt.datetime.combine(dt.date.min, end) - dt.datetime.combine(dt.date.min, start)).total_seconds()
            span /= 3600
            if end < start:
                table.problem(n, _END, f"a time after start ({start:%H:%M})", f"{end:%H:%M}")
            elif hours is None and not given["hours"]:
                hours = span
            elif hours is not None and abs(hours - span) > HOURS_TOLERANCE:
                table.problem(n, _HOURS, f"the hours from start to end ({span:g})", hours)
        if day is not None and machine in available and member_id and hours is not None:
            uses.append((day, machine, member_id, hours))
            per_day.setdefault((day, machine), []).append((n, hours))
    for (day, machine), rows in per_day.items():
        total = sum(h for _, h in rows)
        if total > MAX_HOURS_PER_DAY + HOURS_TOLERANCE:
            numbers = ("row " if len(rows) == 1 else "rows ") + ", ".join(str(r) for r, _ in rows)
            table.problems.append(
                f"{numbers} ({machine!r} on {day.isoformat()}), 'hours' (jam): expected at most "
                f"{MAX_HOURS_PER_DAY:g} h of one machine in one day, got {total:g} h"
            )
    table.check()
    return uses


def machine_utilisation(
    log: Iterable[Mapping[str, Any] | MachineUse], available_hours_per_machine: Mapping[str, float]
) -> MachineUseSummary:
    """Utilisation of the centre's shared machines from the machine-use log (buku pemakaian mesin).

    Per machine m: hours used H_m = Σ hours of the log rows of m;
    utilisation = H_m ÷ A_m × 100 %, with A_m the hours the machine was
    available in the period. Per member j: hours on each machine H_jm and the
    member's share of the machine's use = H_jm ÷ H_m × 100 %. Utilisation is
    actual use over available capacity (:data:`UTILISATION_SOURCE`) — firm;
    what counts as available (opening hours × working days, minus planned
    maintenance) is the centre's choice. Above 100 % the log records more
    hours than were available: check the log or the available hours.

    A row gives ``hours`` or ``start`` and ``end`` times (same day), or both
    (then they must agree within :data:`HOURS_TOLERANCE`).

    Parameters
    ----------
    log : list of dict or MachineUse
        Fields ``date`` (``tanggal``), ``machine`` (``mesin``), ``member_id``
        (``no_anggota``), ``hours`` (``jam``, ≥ 0), ``start`` / ``end``
        (``mulai`` / ``selesai``, ``"HH:MM"`` or ``datetime.time``).
    available_hours_per_machine : mapping machine → hours
        Hours (> 0) each machine was available in the period; machines
        without use are listed with 0 %.

    Returns
    -------
    MachineUseSummary
        Machines in the order of ``available_hours_per_machine``; members in
        order of first appearance in the log.

    Raises
    ------
    CalculationError
        A bad ``available_hours_per_machine``; in the log: bad dates, a
        machine not in ``available_hours_per_machine`` (the known ones are
        listed), negative or missing hours, only one of start/end, end before
        start, hours that disagree with start–end, more than 24 h of one
        machine in one day. Every problem is listed in one message, by row.

    Examples
    --------
    Hand-computed: the fryer is available 64 h; A-01 uses it 6 + 6 = 12 h
    and A-02 4 h → 16 / 64 = 25 %, shares 12/16 = 75 % and 4/16 = 25 %.

    >>> log = [
    ...     MachineUse("2024-03-04", "fryer", "A-01", 6),
    ...     MachineUse("2024-03-05", "fryer", "A-01", start="08:00", end="14:00"),
    ...     MachineUse("2024-03-05", "fryer", "A-02", 4),
    ... ]
    >>> row = machine_utilisation(log, {"fryer": 64, "sealer": 80}).machine("fryer")
    >>> row.utilisation_pct, row.share_by_member_pct
    (25.0, {'A-01': 75.0, 'A-02': 25.0})
    """
    available = _available(available_hours_per_machine)
    uses = _read_log(log, available)
    members = list(dict.fromkeys(member for _, _, member, _ in uses))
    hours = {m: {j: 0.0 for j in members} for m in available}
    for _, machine, member, used in uses:
        hours[machine][member] += used
    used_by_machine = {m: sum(hours[m].values()) for m in available}

    def share(machine: str, member: str) -> float:
        total = used_by_machine[machine]
        return 100.0 * hours[machine][member] / total if total > 0 else 0.0

    machines = tuple(
        MachineUtilisation(
            m,
            used_by_machine[m],
            available[m],
            100.0 * used_by_machine[m] / available[m],
            {j: h for j, h in hours[m].items() if h > 0},
            {j: share(m, j) for j, h in hours[m].items() if h > 0},
        )
        for m in available
    )
    per_member = tuple(
        MemberMachineUse(
            j,
            sum(hours[m][j] for m in available),
            {m: hours[m][j] for m in available if hours[m][j] > 0},
            {m: share(m, j) for m in available if hours[m][j] > 0},
        )
        for j in members
    )
    return MachineUseSummary(machines, per_member, sum(used_by_machine.values()))
