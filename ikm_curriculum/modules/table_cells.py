"""Reading cells of tables typed by people: Indonesian number and date forms, blanks, headers in two languages.

Centre staff fill registers and count sheets by hand, in Excel or on paper
then typed. The helpers here accept the forms they use — blank cells as
``None``, ``""``, NaN or pandas ``NA``; dates as :class:`datetime.date`, ISO
``"2023-05-17"`` or ``"17/05/2023"``; rupiah as ``12500000`` or
``"Rp 12.500.000,00"`` (Indonesian thousand dots); a code typed as a number;
headers in Indonesian, English or as field names, any case — and raise
:class:`~ikm_curriculum.errors.CalculationError` naming the field, what was
expected and what was got. They hold no rule of their own: the modules that
read tables (asset registers and counts, mentoring logs, KPI sets) say which
cell is what. Shared by the training modules, so it lives beside them.

>>> parse_cost("Rp 12.500.000,00"), parse_date("17/05/2023")
(12500000, datetime.date(2023, 5, 17))
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from typing import Any, TypeVar

from ikm_curriculum.errors import CalculationError

T = TypeVar("T")


def is_empty(value: object) -> bool:
    """True for a blank cell: ``None``, ``""``, NaN, pandas ``NA``/``NaT``.

    >>> is_empty(None), is_empty("  "), is_empty(float("nan")), is_empty(0)
    (True, True, True, False)
    """
    if value is None or type(value).__name__ in ("NAType", "NaTType"):
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def bad_value(what: str, expected: str, got: object) -> CalculationError:
    """The error for a bad cell or argument: ``what: expected …, got …`` (a blank shows as "nothing").

    >>> str(bad_value("cost", "a whole number of rupiah", ""))
    'cost: expected a whole number of rupiah, got nothing'
    """
    return CalculationError(f"{what}: expected {expected}, got {'nothing' if is_empty(got) else repr(got)}")


def parse_text(value: object, what: str, required: bool = True) -> str:
    """A text cell with spaces tidied; whole numbers (a code typed as a number) become text.

    >>> parse_text("  Ruang   Produksi ", "room"), parse_text(2060105, "code"), parse_text(None, "room", False)
    ('Ruang Produksi', '2060105', '')
    """
    if is_empty(value):
        if required:
            raise bad_value(what, "a text", value)
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, (str, numbers.Integral)):
        raise bad_value(what, "a text", value)
    return " ".join(str(value).split())


def parse_date(value: object, what: str = "acquired") -> date:
    """A date from a :class:`~datetime.date`/``datetime``, ISO ``"YYYY-MM-DD"`` or ``"DD/MM/YYYY"``.

    >>> parse_date("17/05/2023"), parse_date("2023-05-17")
    (datetime.date(2023, 5, 17), datetime.date(2023, 5, 17))
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[ T]00:00(?::00)?)?", text)
        dmy = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
        parts = (iso.group(1), iso.group(2), iso.group(3)) if iso else (dmy.group(3, 2, 1) if dmy else None)
        if parts:
            try:
                return date(int(parts[0]), int(parts[1]), int(parts[2]))
            except ValueError:
                pass
    raise bad_value(what, "a date (YYYY-MM-DD or DD/MM/YYYY, e.g. 2023-05-17 or 17/05/2023)", value)


def parse_whole(value: object, what: str, minimum: int = 0) -> int:
    """A whole number ≥ ``minimum`` from an int, a whole float (Excel) or digits in a text.

    >>> parse_whole("3", "quantity", 1), parse_whole(10.0, "useful_life_years", 1)
    (3, 10)
    """
    number: int | None = None
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        number = int(value)
    elif isinstance(value, numbers.Real) and not isinstance(value, bool) and float(value).is_integer():
        number = int(value)
    elif isinstance(value, str) and re.fullmatch(r"-?\d+", value.strip()):
        number = int(value.strip())
    if number is None or number < minimum:
        raise bad_value(what, f"a whole number ≥ {minimum}", value)
    return number


def parse_cost(value: object, what: str = "cost") -> int:
    """Whole rupiah > 0 from a number or a text with Indonesian thousand dots (``"Rp 12.500.000,00"``).

    >>> parse_cost("12.500.000"), parse_cost("Rp 12.500.000,00"), parse_cost(12500000.0)
    (12500000, 12500000, 12500000)
    """
    number = value
    if isinstance(value, str):
        text = re.sub(r"^Rp\.?", "", value.strip(), flags=re.IGNORECASE).strip()
        match = re.fullmatch(r"(-?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,0+)?", text)
        if match:
            number = int(match.group(1) + match.group(2).replace(".", ""))
    try:
        return parse_whole(number, what, 1)
    except CalculationError:
        raise bad_value(what, "a whole number of rupiah > 0 (e.g. 12500000 or 12.500.000)", value) from None


def header_key(name: object) -> str:
    """Header as compared: lower case, words inside brackets and all but letters and digits dropped.

    >>> header_key(" Harga Perolehan (Rp) "), header_key("harga_perolehan")
    ('hargaperolehan', 'hargaperolehan')
    """
    return re.sub(r"[^0-9a-z]", "", re.sub(r"\([^)]*\)", "", str(name).casefold()))


def field_names(columns: Iterable[tuple[str, str, str]], aliases: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """Map every accepted header (field name, both headers, aliases; via :func:`header_key`) to its field."""
    known: dict[str, str] = {}
    for field, header_id, header_en in columns:
        for name in (field, header_id, header_en, *aliases.get(field, ())):
            known[header_key(name)] = field
    return known


def rename_row(row: Mapping[Any, Any], known: Mapping[str, str]) -> tuple[dict[str, Any], list[str]]:
    """Row keys → field names; unknown or doubled keys are returned as problems."""
    out: dict[str, Any] = {}
    problems: list[str] = []
    seen: dict[str, Any] = {}
    for key, value in row.items():
        field = known.get(header_key(key))
        if field is None:
            problems.append(f"unknown field {key!r}: expected one of {', '.join(dict.fromkeys(known.values()))}")
        elif field in seen:
            problems.append(f"{field}: given twice, as {seen[field]!r} and {key!r}")
        else:
            seen[field], out[field] = key, value
    return out, problems


def row_label(code: object, row_number: int | None) -> str:
    """How a message names a row: ``row N (code X)``, ``row N (no code)``, or without the row number.

    >>> row_label("B1", 3), row_label("", 4), row_label(None, None)
    ("row 3 (code 'B1')", 'row 4 (no code)', 'no code')
    """
    name = f"code {code!r}" if isinstance(code, str) and code else "no code"
    return f"row {row_number} ({name})" if row_number is not None else name


def code_key(code: str) -> str:
    """An asset code as compared: outer spaces and case ignored.

    >>> code_key(" 02.06.B1 ") == code_key("02.06.b1")
    True
    """
    return code.strip().casefold()


def room_key(room: str) -> str:
    """A room name as compared: case and spaces ignored.

    >>> room_key("Ruang  produksi ") == room_key("ruang Produksi")
    True
    """
    return " ".join(room.split()).casefold()


def _raw_code(row: object, known: Mapping[str, str]) -> str:
    value = rename_row(row, known)[0].get("code") if isinstance(row, Mapping) else getattr(row, "code", None)
    try:
        return parse_text(value, "code", required=False)
    except CalculationError:
        return ""


def build_rows(
    rows: Iterable[tuple[int, Any]], parse: Callable[[Any, int], T], known: Mapping[str, str], what: str
) -> tuple[list[T], list[str]]:
    """Parse numbered rows with ``parse(row, n)``; collect every problem, and every code seen twice
    (even in rows with other problems; codes compared ignoring case and outer spaces)."""
    items: list[T] = []
    problems: list[str] = []
    first: dict[str, int] = {}
    for number, row in rows:
        if isinstance(row, Mapping) and all(is_empty(v) for v in row.values()):
            continue  # a blank line of a spreadsheet
        try:
            items.append(parse(row, number))
        except CalculationError as exc:
            problems.extend(str(exc).split("\n"))
        code = _raw_code(row, known)
        if code_key(code) in first:
            problems.append(
                f"{row_label(code, number)}: code: expected a code not used before in the {what}, "
                f"got it again (first in row {first[code_key(code)]})"
            )
        elif code:
            first[code_key(code)] = number
    return items, problems


def problem_list(subject: str, problems: Iterable[str]) -> CalculationError:
    """One error for a whole table: ``<subject> has N problem(s):`` then one problem a line.

    >>> print(problem_list("count", ["row 2 (no code): name: expected a text, got nothing"]))
    count has 1 problem(s):
      - row 2 (no code): name: expected a text, got nothing
    """
    lines = [f"  - {p}" for p in problems]
    return CalculationError(f"{subject} has {len(lines)} problem(s):\n" + "\n".join(lines))


def check_lang(lang: str) -> str:
    """``"id"`` or ``"en"``, the language of headers and labels."""
    if lang not in ("id", "en"):
        raise bad_value("lang", "'id' or 'en'", lang)
    return lang


def frame_rows(
    frame: Any, columns: tuple[tuple[str, str, str], ...], aliases: Mapping[str, Iterable[str]], optional: Iterable[str]
) -> list[dict[str, Any]]:
    """Rows of a DataFrame as dicts keyed by field; unknown columns are ignored."""
    import pandas as pd

    if not isinstance(frame, pd.DataFrame):
        raise bad_value("frame", "a pandas DataFrame", frame)
    known = field_names(columns, aliases)
    found: dict[str, Any] = {}
    for col in frame.columns:
        field = known.get(header_key(col))
        if field in found:
            raise CalculationError(f"columns {found[field]!r} and {col!r} both give {field}: keep one")
        if field:
            found[field] = col
    missing = [spec for spec in columns if spec[0] not in found and spec[0] not in optional]
    if missing:
        raise CalculationError(
            "missing column(s) "
            + ", ".join(f"{s[1]!r} ({s[0]})" for s in missing)
            + "; expected headers "
            + ", ".join(s[1] for s in columns)
            + " (or in English: "
            + ", ".join(s[2] for s in columns)
            + ")"
        )
    picked = frame[list(found.values())].astype(object)
    return [dict(zip(found, values, strict=True)) for values in picked.itertuples(index=False, name=None)]
