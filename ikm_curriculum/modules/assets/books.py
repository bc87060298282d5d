"""Reading the rows of the centre's books (buku-buku sentra), for :mod:`.cash_book`, :mod:`.fees`, :mod:`.machine_use`.

A book is a list of rows. A row is a plain dict (e.g. read from a spreadsheet)
or an object with attributes (e.g. a frozen dataclass such as
:class:`.cash_book.CashEntry`); a pandas DataFrame is read row by row. A field
may be named by its English code name or by its Indonesian column name
(``"tanggal"``, ``"masuk"`` …); the first name found is used. Values:

* dates: ``datetime.date`` (a ``datetime`` or pandas ``Timestamp`` counts as
  its date) or ISO text ``"2024-03-15"``;
* money: whole rupiah, an int; a float with nothing after the point (150000.0,
  as spreadsheets give) is accepted, text such as ``"Rp150.000"`` is not;
* blank cells: missing, ``None``, ``""`` or NaN.

Every problem of one table is collected and raised together in one
:class:`~ikm_curriculum.errors.CalculationError`; each names the 1-based row
number, the field, what was expected and what was got.

>>> t = Table([{"tanggal": "2024-03-15"}, {"tanggal": "15/03/2024"}], "entries")
>>> t.date(1, t.rows[0], ("date", "tanggal"))
datetime.date(2024, 3, 15)
>>> t.date(2, t.rows[1], ("date", "tanggal")) is None
True
>>> t.problems[0]
"row 2, 'date' (tanggal): expected a date (datetime.date or ISO text 'YYYY-MM-DD'), got '15/03/2024'"
"""

from __future__ import annotations

import datetime as dt
import math
import numbers
import re
from collections.abc import Iterable, Mapping
from typing import Any

from ikm_curriculum.errors import CalculationError

LANGS: tuple[str, ...] = ("id", "en")
"""Languages of participant-facing tables and messages."""

_MISSING = object()
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})(?::(\d{2}))?$")
_DATE_EXPECTED = "a date (datetime.date or ISO text 'YYYY-MM-DD')"


def is_blank(value: object) -> bool:
    """True for a missing field, ``None``, empty text or NaN / NaT.

    >>> is_blank(None), is_blank(" "), is_blank(float("nan")), is_blank(0)
    (True, True, True, False)
    """
    if value is None or value is _MISSING or (isinstance(value, str) and not value.strip()):
        return True
    try:
        return bool(value != value)  # NaN and NaT are the only values unequal to themselves
    except (TypeError, ValueError):
        return False


def _shown(value: object) -> str:
    return "(blank)" if is_blank(value) else repr(value)


def as_rupiah(value: object) -> int | None:
    """Whole rupiah as int, or ``None`` if ``value`` is not a whole number (bools are not numbers here).

    >>> as_rupiah(150_000), as_rupiah(150000.0), as_rupiah(1500.5), as_rupiah("150000")
    (150000, 150000, None, None)
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real) and math.isfinite(float(value)) and float(value).is_integer():
        return int(value)
    return None


def whole_rupiah(value: object, name: str, minimum: int | None = None) -> int:
    """An argument in whole rupiah, at least ``minimum``; else :class:`CalculationError` naming ``name``.

    >>> whole_rupiah(250_000.0, "opening_balance", minimum=0)
    250000
    """
    amount = as_rupiah(value)
    if amount is None:
        raise CalculationError(f"{name}: expected whole rupiah (an int such as 150000), got {value!r}")
    if minimum is not None and amount < minimum:
        raise CalculationError(f"{name}: expected at least {minimum} rupiah, got {amount}")
    return amount


def as_date(value: object) -> dt.date | None:
    """A ``datetime.date`` from a date, a datetime or ISO text; ``None`` if it is none of these.

    >>> as_date("2024-03-15"), as_date("15/03/2024")
    (datetime.date(2024, 3, 15), None)
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def month_of(day: dt.date) -> str:
    """The month ``YYYY-MM`` of a date.

    >>> month_of(dt.date(2024, 3, 15))
    '2024-03'
    """
    return f"{day.year:04d}-{day.month:02d}"


def parse_month(value: object, name: str) -> str:
    """A month given as ``"YYYY-MM"`` text or as any date in it → ``"YYYY-MM"``.

    >>> parse_month("2024-01", "from_month"), parse_month(dt.date(2024, 6, 30), "to_month")
    ('2024-01', '2024-06')
    """
    if isinstance(value, dt.date):
        return month_of(value)
    match = _MONTH.match(value.strip()) if isinstance(value, str) else None
    if match and 1 <= int(match.group(2)) <= 12:
        return match.group(0)
    raise CalculationError(f"{name}: expected a month as text 'YYYY-MM' (e.g. '2024-03') or a date, got {value!r}")


def months_between(first: str, last: str) -> list[str]:
    """Every month from ``first`` to ``last`` (``YYYY-MM``, both included); empty if ``first`` is later.

    >>> months_between("2023-11", "2024-02")
    ['2023-11', '2023-12', '2024-01', '2024-02']
    """
    year, month = int(first[:4]), int(first[5:])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def rupiah(amount: int, lang: str = "id") -> str:
    """Rupiah as written in the language: ``Rp1.500.000`` (id) or ``Rp1,500,000`` (en).

    >>> rupiah(1_500_000), rupiah(-25_000, "en")
    ('Rp1.500.000', '-Rp25,000')
    """
    text = f"{abs(amount):,}"
    if lang == "id":
        text = text.replace(",", ".")
    return f"{'-' if amount < 0 else ''}Rp{text}"


def check_lang(lang: object) -> str:
    """``lang`` if it is ``"id"`` or ``"en"``, else :class:`CalculationError`.

    >>> check_lang("en")
    'en'
    """
    if lang not in LANGS:
        raise CalculationError(f"lang: expected one of {', '.join(repr(x) for x in LANGS)}, got {lang!r}")
    return str(lang)


def rows_of(table: object, name: str) -> list[Any]:
    """The rows of a book: a list/tuple of rows, any iterable of rows, or a pandas DataFrame.

    >>> rows_of(({"a": 1},), "entries")
    [{'a': 1}]
    """
    if hasattr(table, "columns") and hasattr(table, "to_dict"):  # a pandas DataFrame
        return list(table.to_dict("records"))  # type: ignore[union-attr]
    if isinstance(table, (str, bytes, Mapping)) or not isinstance(table, Iterable):
        raise CalculationError(
            f"{name}: expected a list of rows (dicts or dataclasses, one per line of the book), "
            f"got {type(table).__name__}"
        )
    return list(table)


class Table:
    """The rows of one book, and the problems found while reading them (raised together by :meth:`check`)."""

    def __init__(self, rows: object, name: str) -> None:
        self.name = name
        self.rows = rows_of(rows, name)
        self.problems: list[str] = []
        self.readable: list[tuple[int, Any]] = []
        """(1-based row number, row) of every row that is a dict or an object with fields."""
        for number, row in enumerate(self.rows, start=1):
            if isinstance(row, (str, bytes, numbers.Number, list, tuple)) or row is None:
                self.problems.append(f"row {number}: expected a dict or a dataclass with named fields, got {row!r}")
            else:
                self.readable.append((number, row))

    def problem(self, row: int, names: tuple[str, ...], expected: str, got: object) -> None:
        """Record that field ``names[0]`` of ``row`` (1-based) is not what was ``expected``."""
        label = repr(names[0]) + (f" ({names[1]})" if len(names) > 1 else "")
        self.problems.append(f"row {row}, {label}: expected {expected}, got {_shown(got)}")

    def check(self) -> None:
        """Raise one :class:`CalculationError` listing every problem recorded, if any."""
        if self.problems:
            lines = "\n".join(f"  - {p}" for p in self.problems)
            raise CalculationError(f"{self.name}: {len(self.problems)} problem(s) (rows numbered from 1):\n{lines}")

    @staticmethod
    def get(row: object, names: tuple[str, ...]) -> Any:
        """The value of the first of ``names`` the row has; a blank marker if it has none."""
        for name in names:
            if isinstance(row, Mapping):
                if name in row:
                    return row[name]
            elif hasattr(row, name):
                return getattr(row, name)
        return _MISSING

    def date(self, number: int, row: object, names: tuple[str, ...], required: bool = True) -> dt.date | None:
        """A date field (``None`` if blank and not required, or after recording a problem)."""
        value = self.get(row, names)
        if is_blank(value) and not required:
            return None
        day = as_date(value)
        if day is None:
            self.problem(number, names, _DATE_EXPECTED, value)
        return day

    def money(self, number: int, row: object, names: tuple[str, ...], blank: int | None = 0) -> int | None:
        """A rupiah field; a blank gives ``blank`` (a problem if ``blank`` is ``None``). Negative values pass."""
        value = self.get(row, names)
        if is_blank(value) and blank is not None:
            return blank
        amount = as_rupiah(value)
        if amount is None:
            self.problem(number, names, "whole rupiah (an int such as 150000, no 'Rp' or dots)", value)
        return amount

    def text(self, number: int, row: object, names: tuple[str, ...], required: bool = False) -> str:
        """A text field, stripped; whole numbers become text (receipt ``17`` → ``"17"``); blank gives ``""``."""
        value = self.get(row, names)
        if is_blank(value):
            if required:
                self.problem(number, names, "a non-empty text", value)
            return ""
        if isinstance(value, str):
            return value.strip()
        if as_rupiah(value) is not None:
            return str(as_rupiah(value))
        self.problem(number, names, "a text", value)
        return ""

    def hours(self, number: int, row: object, names: tuple[str, ...]) -> float | None:
        """A number of hours ≥ 0, or ``None`` if blank (a problem is recorded for anything else)."""
        value = self.get(row, names)
        if is_blank(value):
            return None
        if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(float(value)):
            self.problem(number, names, "a number of hours (e.g. 2.5)", value)
            return None
        if value < 0:
            self.problem(number, names, "hours ≥ 0", value)
            return None
        return float(value)

    def time(self, number: int, row: object, names: tuple[str, ...]) -> dt.time | None:
        """A clock time (``datetime.time`` or text ``"08:30"``), or ``None`` if blank or after a problem."""
        value = self.get(row, names)
        if is_blank(value):
            return None
        if isinstance(value, dt.time):
            return value
        match = _TIME.match(value.strip()) if isinstance(value, str) else None
        if match and int(match.group(1)) < 24 and int(match.group(2)) < 60 and int(match.group(3) or 0) < 60:
            return dt.time(int(match.group(1)), int(match.group(2)), int(match.group(3) or 0))
        self.problem(number, names, "a clock time (datetime.time or text 'HH:MM', e.g. '08:30')", value)
        return None
