"""The log of events of a centre (catatan kegiatan): bookings, uses, cleaning, payments, waste.

One row per event. Columns (Indonesian name, or the English alias):

============== ========== ==========================================================
column         alias      value
============== ========== ==========================================================
waktu          time       ISO date-time ``2024-03-11 08:00`` (or ``T``), a ``datetime``
                          or pandas ``Timestamp`` (without time zone); a date alone is 00:00
anggota        member     member id (text; whole numbers become text)
kejadian       event      ``pesan`` (booking), ``pakai`` (use), ``bersih`` (cleaning),
                          ``bayar`` (payment), ``limbah`` (waste); or book, use, clean, pay, waste
mesin          machine    machine id; required for pesan, pakai, bersih
durasi_menit   duration   minutes (> 0); required for pesan and pakai
jumlah         amount     whole rupiah (> 0); required for bayar
tempat         place      where waste went; required for limbah
alat_pelindung gear       protective gear worn, ``"sarung tangan;kacamata"`` or a list
============== ========== ==========================================================

Other columns are ignored. A booking's ``waktu`` and ``durasi_menit`` are the
slot booked (not the moment it was made). Blank cells: empty text, ``None``,
NaN. :func:`read_events` accepts a pandas DataFrame, a list of dicts, or the
text of a CSV file (comma or semicolon separated, header first); every bad
row is raised together in one :class:`~ikm_curriculum.errors.CalculationError`
naming the row (the first data row is 1), the field, what was expected and
what was got. Events come back sorted by time, ties in the order of the log.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import numbers
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.assets.books import as_rupiah, is_blank
from ikm_curriculum.modules.rules.ruleset import EVENT_ALIASES, EVENT_KINDS

COLUMNS: Mapping[str, tuple[str, ...]] = {
    "waktu": ("waktu", "time"),
    "anggota": ("anggota", "member"),
    "kejadian": ("kejadian", "event"),
    "mesin": ("mesin", "machine"),
    "durasi_menit": ("durasi_menit", "duration"),
    "jumlah": ("jumlah", "amount"),
    "tempat": ("tempat", "place"),
    "alat_pelindung": ("alat_pelindung", "gear"),
}
"""Field → accepted column names (Indonesian first; the first present is used)."""

NEEDS: Mapping[str, tuple[str, ...]] = {
    "pesan": ("mesin", "durasi_menit"),
    "pakai": ("mesin", "durasi_menit"),
    "bersih": ("mesin",),
    "bayar": ("jumlah",),
    "limbah": ("tempat",),
}
"""Kind of event → the fields it must have (besides waktu, anggota, kejadian)."""

_MISSING = object()


@dataclass(frozen=True)
class Event:
    """One event of the log; ``row`` is its 1-based row in the input, ``gear`` the gear worn."""

    row: int
    time: dt.datetime
    member: str
    kind: str
    machine: str = ""
    minutes: float = 0.0
    amount: int = 0
    place: str = ""
    gear: tuple[str, ...] = ()

    @property
    def end(self) -> dt.datetime:
        """``time`` + ``minutes`` (= ``time`` for an event without duration).

        >>> Event(1, dt.datetime(2024, 3, 11, 8), "A01", "pakai", "oven", 90).end
        datetime.datetime(2024, 3, 11, 9, 30)
        """
        return self.time + dt.timedelta(minutes=self.minutes)

    def to_dict(self) -> dict[str, Any]:
        """Plain values, ``time`` as ISO text."""
        return {
            "row": self.row,
            "time": self.time.isoformat(),
            "member": self.member,
            "kind": self.kind,
            "machine": self.machine,
            "minutes": self.minutes,
            "amount": self.amount,
            "place": self.place,
            "gear": list(self.gear),
        }


def normalise(word: str) -> str:
    """Text compared without case and extra spaces (gear, places).

    >>> normalise("  Sarung   Tangan ")
    'sarung tangan'
    """
    return " ".join(word.split()).casefold()


def _rows(events: object) -> list[Any]:
    if hasattr(events, "columns") and hasattr(events, "to_dict"):  # a pandas DataFrame
        return list(events.to_dict("records"))  # type: ignore[union-attr]
    if isinstance(events, str):
        if "\n" not in events.strip():
            raise CalculationError(
                "events: expected the text of a CSV file (a header line, then one line per event), a DataFrame or "
                f"a list of dicts, got one line {events[:60]!r}; to use a file, read it first, e.g. "
                "pandas.read_csv(path) or pathlib.Path(path).read_text()"
            )
        text = events.lstrip("\ufeff")
        header = text.splitlines()[0]
        delimiter = ";" if header.count(";") > header.count(",") else ","
        return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))
    if isinstance(events, (bytes, Mapping)) or not isinstance(events, Iterable):
        raise CalculationError(
            f"events: expected a DataFrame, a list of dicts or CSV text, got {type(events).__name__}"
        )
    return list(events)


def _shown(value: object) -> str:
    return "(blank)" if is_blank(value) else repr(value)


class _Rows:
    def __init__(self) -> None:
        self.problems: list[str] = []

    def problem(self, row: int, field: str, expected: str, got: object) -> None:
        alias = COLUMNS[field][1]
        self.problems.append(f"row {row}, {field!r} ({alias}): expected {expected}, got {_shown(got)}")

    @staticmethod
    def get(row: Mapping[str, Any], field: str) -> Any:
        for name in COLUMNS[field]:
            if name in row and not is_blank(row[name]):
                return row[name]
        return _MISSING

    def time(self, number: int, value: Any) -> dt.datetime | None:
        moment: dt.datetime | None = None
        if isinstance(value, dt.datetime):
            moment = value.to_pydatetime() if hasattr(value, "to_pydatetime") else value
        elif isinstance(value, dt.date):
            moment = dt.datetime(value.year, value.month, value.day)
        elif isinstance(value, str):
            try:
                moment = dt.datetime.fromisoformat(value.strip())
            except ValueError:
                moment = None
        if moment is None or moment.tzinfo is not None:
            what = "a date-time without time zone" if moment is not None else "an ISO date-time 'YYYY-MM-DD HH:MM'"
            self.problem(number, "waktu", what, value)
            return None
        return moment

    def minutes(self, number: int, value: Any) -> float | None:
        minutes: float | None = None
        if isinstance(value, numbers.Real) and not isinstance(value, bool):
            minutes = float(value)
        elif isinstance(value, str):
            try:
                minutes = float(value.strip())
            except ValueError:
                minutes = None
        if minutes is None or not math.isfinite(minutes) or minutes <= 0:
            self.problem(number, "durasi_menit", "minutes greater than 0 (a number such as 90)", value)
            return None
        return minutes

    def rupiah(self, number: int, value: Any) -> int | None:
        amount = as_rupiah(value)
        if isinstance(value, str) and value.strip().isdigit():
            amount = int(value.strip())
        if amount is None or amount <= 0:
            self.problem(number, "jumlah", "whole rupiah greater than 0 (such as 50000, no 'Rp' or dots)", value)
            return None
        return amount


def _text(value: Any) -> str:
    if value is _MISSING:
        return ""
    if isinstance(value, numbers.Real) and not isinstance(value, bool) and as_rupiah(value) is not None:
        return str(as_rupiah(value))
    return str(value).strip()


def _gear(value: Any) -> tuple[str, ...]:
    if value is _MISSING:
        return ()
    items = value if isinstance(value, (list, tuple)) else str(value).replace(",", ";").split(";")
    return tuple(str(item).strip() for item in items if str(item).strip())


def read_events(events: object) -> tuple[Event, ...]:
    """The events of a log, checked and sorted by time (ties keep the order of the log).

    Parameters
    ----------
    events : pandas.DataFrame, list of dict, or str
        The log, with the columns of the module docstring; a ``str`` is the text of a CSV file.

    Returns
    -------
    tuple of Event

    Raises
    ------
    CalculationError
        Every bad row at once: row number (first data row = 1), field, expected, got.

    Examples
    --------
    >>> log = "waktu,anggota,kejadian,mesin,durasi_menit\\n2024-03-11 10:00,A01,pakai,oven,60\\n"
    >>> log += "2024-03-11 08:00,A02,pesan,oven,120\\n"
    >>> [(e.row, e.kind, e.time.hour) for e in read_events(log)]
    [(2, 'pesan', 8), (1, 'pakai', 10)]
    >>> read_events([{"time": "11/03/2024", "member": "A01", "event": "makan"}])
    Traceback (most recent call last):
    ...
    ikm_curriculum.errors.CalculationError: events: 2 problem(s) (rows numbered from 1, header not counted):
      - row 1, 'waktu' (time): expected an ISO date-time 'YYYY-MM-DD HH:MM', got '11/03/2024'
      - row 1, 'kejadian' (event): expected one of pesan, pakai, bersih, bayar, limbah, got 'makan'
    """
    reader = _Rows()
    out: list[Event] = []
    for number, row in enumerate(_rows(events), start=1):
        if not isinstance(row, Mapping):
            reader.problems.append(f"row {number}: expected a dict with the columns waktu, anggota, ..., got {row!r}")
            continue
        before = len(reader.problems)
        raw_time, member = reader.get(row, "waktu"), _text(reader.get(row, "anggota"))
        time = reader.time(number, None if raw_time is _MISSING else raw_time)
        if not member:
            reader.problem(number, "anggota", "a member id", None)
        raw_kind = _text(reader.get(row, "kejadian")).lower()
        kind = EVENT_ALIASES.get(raw_kind, raw_kind)
        if kind not in EVENT_KINDS:
            reader.problem(number, "kejadian", f"one of {', '.join(EVENT_KINDS)}", raw_kind or None)
            continue
        for field in NEEDS[kind]:
            if reader.get(row, field) is _MISSING:
                reader.problem(number, field, f"a value (a '{kind}' event needs {field})", None)
        raw_minutes, raw_amount = reader.get(row, "durasi_menit"), reader.get(row, "jumlah")
        minutes = 0.0 if raw_minutes is _MISSING else reader.minutes(number, raw_minutes)
        amount = 0 if raw_amount is _MISSING else reader.rupiah(number, raw_amount)
        if len(reader.problems) > before or time is None or minutes is None or amount is None:
            continue
        machine, place = _text(reader.get(row, "mesin")), _text(reader.get(row, "tempat"))
        gear = _gear(reader.get(row, "alat_pelindung"))
        out.append(Event(number, time, member, kind, machine, minutes, amount, place, gear))
    if reader.problems:
        lines = "\n".join(f"  - {p}" for p in reader.problems)
        raise CalculationError(
            f"events: {len(reader.problems)} problem(s) (rows numbered from 1, header not counted):\n{lines}"
        )
    return tuple(sorted(out, key=lambda e: e.time))
