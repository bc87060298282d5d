"""Catatan pendampingan (mentoring log): visits to member businesses and their rencana tindak (action plan).

A :class:`Visit` records who was visited, by which mentor (*pendamping*),
when, and what was found (*temuan*). An :class:`ActionItem` is one line of the
action plan agreed with the member: what to do, who is responsible
(*penanggung jawab*), the deadline (*batas waktu*), its status and, when done,
the date it was done and the measure of success (*ukuran keberhasilan*).
These are the records a monitoring visit (*monev*) months after a training
looks at: did behaviour change (Kirkpatrick level 3) and with what result
(level 4). The fields follow common practice of mentoring programmes — likely;
no regulation fixes the form.

Statuses (:data:`ACTION_STATUSES`): ``belum`` (not started), ``berjalan`` (in
progress), ``selesai`` (done), ``batal`` (cancelled); English words are
accepted too (:data:`STATUS_ALIASES`). Dates are :class:`datetime.date`, or
text ``"2026-03-15"`` / ``"15/03/2026"`` as typed in a table.

>>> log = mentoring_log_from_rows(
...     [{"tanggal": "2026-02-10", "anggota": "UD Abon Bahari", "pendamping": "Rina", "temuan": "label; timbangan"}],
...     [{"id": "A1", "anggota": "UD Abon Bahari", "tindakan": "Cetak label baru", "penanggung_jawab": "Pemilik",
...       "batas_waktu": "2026-03-31", "status": "done", "tanggal_selesai": "2026-03-20"}])
>>> log.visits[0].findings, log.actions[0].status, log.actions[0].on_time
(('label', 'timbangan'), 'selesai', True)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from types import MappingProxyType
from typing import Any

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.quality.commodities import Text
from ikm_curriculum.modules.table_cells import (
    bad_value,
    field_names,
    is_empty,
    parse_date,
    parse_text,
    problem_list,
    rename_row,
)

ACTION_STATUSES: Mapping[str, Text] = MappingProxyType(
    {
        "belum": Text("Belum mulai", "Not started"),
        "berjalan": Text("Sedang berjalan", "In progress"),
        "selesai": Text("Selesai", "Done"),
        "batal": Text("Batal", "Cancelled"),
    }
)
"""Status of an action item."""

OPEN_STATUSES = frozenset({"belum", "berjalan"})
"""Statuses of an action still to be done (an open action can be overdue)."""

STATUS_ALIASES: Mapping[str, str] = MappingProxyType(
    {"belum": "belum", "belum mulai": "belum", "not started": "belum", "open": "belum", "to do": "belum",
     "todo": "belum", "berjalan": "berjalan", "sedang berjalan": "berjalan", "proses": "berjalan",
     "in progress": "berjalan", "ongoing": "berjalan", "selesai": "selesai", "done": "selesai",
     "completed": "selesai", "complete": "selesai", "batal": "batal", "dibatalkan": "batal",
     "cancelled": "batal", "canceled": "batal"}
)  # fmt: skip
"""Words accepted for a status (any case; ``_`` and ``-`` read as spaces) → status."""


def parse_status(value: object, what: str = "status") -> str:
    """Status key from an Indonesian or English word.

    >>> parse_status("In-Progress"), parse_status("Belum mulai"), parse_status("canceled")
    ('berjalan', 'belum', 'batal')
    """
    text = " ".join(re.sub(r"[_-]", " ", value).split()).casefold() if isinstance(value, str) else ""
    if text not in STATUS_ALIASES:
        expected = "one of belum, berjalan, selesai, batal (or not started, in progress, done, cancelled)"
        raise bad_value(what, expected, value)
    return STATUS_ALIASES[text]


def parse_findings(value: object, what: str = "findings") -> tuple[str, ...]:
    """Findings as a tuple of texts: from a list/tuple, or one text split at ``;`` or line breaks; blanks dropped.

    >>> parse_findings("Label tanpa P-IRT; timbangan belum ditera\\n"), parse_findings(None)
    (('Label tanpa P-IRT', 'timbangan belum ditera'), ())
    """
    if is_empty(value):
        return ()
    if isinstance(value, str):
        parts: Iterable[object] = re.split(r"[;\n]", value)
    elif isinstance(value, (list, tuple)):
        parts = value
    else:
        raise bad_value(what, "a text (findings separated by ';') or a list of texts", value)
    out = []
    for part in parts:
        if not isinstance(part, str):
            raise bad_value(what, "texts only", part)
        if part.strip():
            out.append(" ".join(part.split()))
    return tuple(out)


def member_key(name: str) -> str:
    """A member name as compared: case and spaces ignored.

    >>> member_key(" UD  Abon Bahari") == member_key("ud abon bahari")
    True
    """
    return " ".join(name.split()).casefold()


def _clean(raw: Mapping[str, Any], parsers: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    out: dict[str, Any] = {}
    problems: list[str] = []
    for field, parse in parsers.items():
        try:
            out[field] = parse(raw.get(field))
        except CalculationError as exc:
            problems.append(str(exc))
    return out, problems


def _check_visit(raw: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    return _clean(
        raw,
        {
            "date": lambda v: parse_date(v, "date"),
            "member": lambda v: parse_text(v, "member"),
            "mentor": lambda v: parse_text(v, "mentor"),
            "findings": parse_findings,
        },
    )


def _check_action(raw: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    out, problems = _clean(
        raw,
        {
            "id": lambda v: parse_text(v, "id"),
            "member": lambda v: parse_text(v, "member"),
            "action": lambda v: parse_text(v, "action"),
            "owner": lambda v: parse_text(v, "owner"),
            "due": lambda v: parse_date(v, "due"),
            "status": parse_status,
            "done_on": lambda v: None if is_empty(v) else parse_date(v, "done_on"),
            "measure": lambda v: parse_text(v, "measure", required=False),
        },
    )
    status, done_on = out.get("status"), out.get("done_on")
    if status == "selesai" and "done_on" in out and done_on is None:
        problems.append("done_on: expected the date the action was done (status selesai), got nothing")
    if status is not None and status != "selesai" and done_on is not None:
        problems.append(f"done_on: expected nothing for status {status!r} (only a done action has a date), "
                        f"got {done_on.isoformat()}")  # fmt: skip
    return out, problems


def _settle(obj: object, clean: dict[str, Any], problems: list[str], what: str) -> None:
    if problems:
        raise CalculationError(f"{what}: " + "; ".join(problems))
    for key, value in clean.items():
        object.__setattr__(obj, key, value)


@dataclass(frozen=True)
class Visit:
    """Kunjungan pendampingan (mentoring visit): date, member business, mentor, findings (temuan)."""

    date: dt.date
    member: str
    mentor: str
    findings: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _settle(self, *_check_visit({f.name: getattr(self, f.name) for f in fields(self)}), "visit")

    def to_dict(self) -> dict[str, Any]:
        """Plain values; the date as ISO text."""
        return {"date": self.date.isoformat(), "member": self.member, "mentor": self.mentor,
                "findings": list(self.findings)}  # fmt: skip


@dataclass(frozen=True)
class ActionItem:
    """One line of a rencana tindak (action plan): what, for which member, who, by when, status.

    ``done_on`` is required when the status is ``selesai`` and must be empty
    otherwise; ``measure`` is the ukuran keberhasilan (measure of success).
    """

    id: str
    member: str
    action: str
    owner: str
    due: dt.date
    status: str
    done_on: dt.date | None = None
    measure: str = ""

    def __post_init__(self) -> None:
        clean, problems = _check_action({f.name: getattr(self, f.name) for f in fields(self)})
        _settle(self, clean, problems, f"action {self.id!r}")

    @property
    def is_open(self) -> bool:
        """True for ``belum`` and ``berjalan``."""
        return self.status in OPEN_STATUSES

    @property
    def on_time(self) -> bool | None:
        """For a done action: done on or before the due date; ``None`` if not done."""
        return None if self.done_on is None else self.done_on <= self.due

    def days_overdue(self, as_of: dt.date | str) -> int:
        """Days past the due date of an OPEN action on ``as_of`` (0 if due today, later, or closed).

        >>> a = ActionItem("A1", "UD Bahari", "Tera timbangan", "Ketua", "2026-03-31", "berjalan")
        >>> a.days_overdue("2026-04-10"), a.days_overdue("2026-03-31")
        (10, 0)
        """
        day = parse_date(as_of, "as_of")
        return max(0, (day - self.due).days) if self.is_open else 0

    def to_dict(self) -> dict[str, Any]:
        """Plain values; dates as ISO text."""
        return {
            "id": self.id, "member": self.member, "action": self.action, "owner": self.owner,
            "due": self.due.isoformat(), "status": self.status,
            "done_on": None if self.done_on is None else self.done_on.isoformat(), "measure": self.measure,
        }  # fmt: skip


@dataclass(frozen=True)
class MentoringLog:
    """Visits and action items of a centre; action ids are unique (case and outer spaces ignored)."""

    visits: tuple[Visit, ...] = ()
    actions: tuple[ActionItem, ...] = ()

    def __post_init__(self) -> None:
        for name, kind in (("visits", Visit), ("actions", ActionItem)):
            items = getattr(self, name)
            if not isinstance(items, (list, tuple)) or not all(isinstance(i, kind) for i in items):
                raise bad_value(name, f"a list of {kind.__name__}", items)
            object.__setattr__(self, name, tuple(items))
        ids = [a.id.strip().casefold() for a in self.actions]
        doubled = sorted({a.id for a in self.actions if ids.count(a.id.strip().casefold()) > 1})
        if doubled:
            raise CalculationError(f"actions: id: expected each id once, got {doubled} more than once")

    def to_dict(self) -> dict[str, Any]:
        """Plain lists."""
        return {"visits": [v.to_dict() for v in self.visits], "actions": [a.to_dict() for a in self.actions]}


VISIT_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("date", "Tanggal", "Date"),
    ("member", "Anggota", "Member"),
    ("mentor", "Pendamping", "Mentor"),
    ("findings", "Temuan", "Findings"),
)
"""Columns of a visit table: (field, Indonesian header, English header). Findings separated by ';'."""

ACTION_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("id", "No", "Id"),
    ("member", "Anggota", "Member"),
    ("action", "Tindakan", "Action"),
    ("owner", "Penanggung Jawab", "Owner"),
    ("due", "Batas Waktu", "Due date"),
    ("status", "Status", "Status"),
    ("done_on", "Tanggal Selesai", "Done on"),
    ("measure", "Ukuran Keberhasilan", "Measure of success"),
)
"""Columns of an action-plan table: (field, Indonesian header, English header)."""

_ALIASES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {"date": ("tanggal_kunjungan",), "action": ("kegiatan",), "owner": ("pj",),
     "due": ("tenggat", "deadline"), "done_on": ("selesai_pada",), "measure": ("ukuran",), "id": ("kode",)}
)  # fmt: skip


def _rows(
    rows: object, what: str, columns: tuple[tuple[str, str, str], ...], check: Any, first_row: int
) -> tuple[list[tuple[int, dict[str, Any]]], list[str]]:
    if isinstance(rows, (str, bytes, Mapping)) or not isinstance(rows, Iterable):
        raise bad_value(what, f"a list of {what} rows (dicts)", rows)
    known = field_names(columns, _ALIASES)
    clean_rows, problems = [], []
    for number, row in enumerate(rows, first_row):
        if not isinstance(row, Mapping):
            problems.append(f"{what} row {number}: expected a mapping of fields, got {row!r}")
            continue
        if all(is_empty(v) for v in row.values()):
            continue  # a blank line of a spreadsheet
        named, unknown = rename_row(row, known)
        clean, found = check(named)
        label = f"{what} row {number}"
        if what == "actions" and clean.get("id"):
            label += f" (id {clean['id']!r})"
        problems.extend(f"{label}: {p}" for p in (*unknown, *found))
        clean_rows.append((number, clean))
    return clean_rows, problems


def mentoring_log_from_rows(
    visits: Iterable[Mapping[Any, Any]], actions: Iterable[Mapping[Any, Any]], first_row: int = 1
) -> MentoringLog:
    """Check a visit table and an action-plan table; raise ONE error listing every problem with its row.

    Headers may be field names or the Indonesian / English headers of
    :data:`VISIT_COLUMNS` and :data:`ACTION_COLUMNS` (any case). Rows are
    numbered from ``first_row`` (2 for a sheet with a header row); blank rows
    are skipped. An action id used twice is a problem.

    Raises
    ------
    CalculationError
        "mentoring log has N problem(s):" then one line per problem, e.g.
        ``actions row 3 (id 'A2'): due: expected a date …, got nothing``.
    """
    visit_rows, problems = _rows(visits, "visits", VISIT_COLUMNS, _check_visit, first_row)
    action_rows, more = _rows(actions, "actions", ACTION_COLUMNS, _check_action, first_row)
    problems += more
    first: dict[str, int] = {}
    for number, clean in action_rows:
        key = clean.get("id", "").casefold()
        if key in first:
            problems.append(f"actions row {number} (id {clean['id']!r}): id: expected an id not used before, "
                            f"got it again (first in row {first[key]})")  # fmt: skip
        elif key:
            first[key] = number
    if problems:
        raise problem_list("mentoring log", problems)
    return MentoringLog(
        tuple(Visit(**clean) for _, clean in visit_rows), tuple(ActionItem(**clean) for _, clean in action_rows)
    )


@dataclass(frozen=True)
class MemberSummary:
    """Mentoring of one member: visits, actions, and the share of done actions done on time."""

    member: str
    visits: int
    last_visit: dt.date | None
    actions: int
    open_actions: int
    overdue_actions: int | None
    done: int
    done_on_time: int
    done_on_time_pct: float | None
    cancelled: int

    def to_dict(self) -> dict[str, Any]:
        """Plain values; the date as ISO text."""
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        out["last_visit"] = None if self.last_visit is None else self.last_visit.isoformat()
        return out


def member_summary(log: MentoringLog, as_of: dt.date | str | None = None) -> tuple[MemberSummary, ...]:
    """Per member (names compared ignoring case and spaces; sorted by name): visits and actions.

    ``done_on_time_pct`` = done on or before the due date ÷ done × 100
    (cancelled actions left out; ``None`` when nothing is done yet).
    ``overdue_actions`` counts open actions with due < ``as_of`` (``None``
    without ``as_of``).

    Examples
    --------
    Hand-computed: two done actions, one late → 1/2 = 50 %.

    >>> log = MentoringLog(actions=(
    ...     ActionItem("A1", "UD Bahari", "Label", "Pemilik", "2026-03-31", "selesai", "2026-03-30"),
    ...     ActionItem("A2", "ud bahari", "Tera", "Ketua", "2026-03-31", "selesai", "2026-04-02")))
    >>> s = member_summary(log)[0]
    >>> s.member, s.done, s.done_on_time_pct
    ('UD Bahari', 2, 50.0)
    """
    if not isinstance(log, MentoringLog):
        raise bad_value("log", "a MentoringLog (see mentoring_log_from_rows)", log)
    day = None if as_of is None else parse_date(as_of, "as_of")
    names: dict[str, str] = {}
    for item in (*log.visits, *log.actions):
        names.setdefault(member_key(item.member), item.member)
    out = []
    for key, name in sorted(names.items()):
        visits = [v for v in log.visits if member_key(v.member) == key]
        actions = [a for a in log.actions if member_key(a.member) == key]
        done = [a for a in actions if a.status == "selesai"]
        on_time = sum(1 for a in done if a.on_time)
        out.append(
            MemberSummary(
                member=name,
                visits=len(visits),
                last_visit=max((v.date for v in visits), default=None),
                actions=len(actions),
                open_actions=sum(1 for a in actions if a.is_open),
                overdue_actions=None if day is None else sum(1 for a in actions if a.days_overdue(day) > 0),
                done=len(done),
                done_on_time=on_time,
                done_on_time_pct=100.0 * on_time / len(done) if done else None,
                cancelled=sum(1 for a in actions if a.status == "batal"),
            )
        )
    return tuple(out)
