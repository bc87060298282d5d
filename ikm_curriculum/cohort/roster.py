"""Reading a roster of participants from CSV or XLSX, all or nothing.

Columns (header in the first row, any case, spaces or "/" allowed):
``nama, sentra, komoditas, kabupaten_kota`` required;
``jabatan, telepon, email`` optional; other columns are ignored.

Every problem found (unreadable file, wrong encoding, empty sheet, missing
column, empty required cell, duplicate person) is collected with its row and
column, and :class:`RosterError` lists them all: nothing is imported from a
roster with problems. Row numbers are those a spreadsheet shows (header = 1).
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import unicodedata
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ikm_curriculum.errors import RosterError

REQUIRED = ("nama", "sentra", "komoditas", "kabupaten_kota")
OPTIONAL = ("jabatan", "telepon", "email")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class RosterRow:
    """One participant as read from the roster."""

    row: int
    nama: str
    sentra: str
    komoditas: str
    kabupaten_kota: str
    jabatan: str = ""
    telepon: str = ""
    email: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def normalise_header(name: object) -> str:
    """``"Kabupaten/Kota "`` → ``"kabupaten_kota"``.

    >>> normalise_header(" Kabupaten / Kota")
    'kabupaten_kota'
    """
    text = str(name or "").strip().lower()
    return re.sub(r"[\s/\-]+", "_", text).strip("_")


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a phone number typed as a number in Excel
    return " ".join(str(value).split())


def _person_key(nama: str, sentra: str) -> tuple[str, str]:
    return (nama.casefold(), sentra.casefold())


def _read_csv(path: Path, problems: list[str]) -> list[list[str]]:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.append(
            f"the file is not UTF-8 text (byte {exc.start}); in Excel use "
            "'Save As' → 'CSV UTF-8 (Comma delimited)', or give the .xlsx file"
        )
        return []
    first_line = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    return [row for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


def _read_xlsx(path: Path, problems: list[str]) -> list[list[str]]:
    from openpyxl import load_workbook  # imported here: only XLSX rosters need it

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        problems.append(f"cannot read the file as an Excel workbook (.xlsx): {exc}")
        return []
    try:
        sheet = book.worksheets[0]
        return [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def read_roster(path: str | Path) -> list[RosterRow]:
    """Read and check a roster; raise :class:`RosterError` listing every problem."""
    path = Path(path)
    problems: list[str] = []
    suffix = path.suffix.lower()
    if not path.is_file():
        raise RosterError(str(path), ["file not found"])
    if suffix == ".csv":
        table = _read_csv(path, problems)
    elif suffix in (".xlsx", ".xlsm"):
        table = _read_xlsx(path, problems)
    else:
        raise RosterError(str(path), [f"unknown file type {suffix!r}: expected .csv or .xlsx"])
    if problems:
        raise RosterError(str(path), problems)
    rows = _check_table(table, problems)
    if problems:
        raise RosterError(str(path), problems)
    return rows


def _check_table(table: list[list[str]], problems: list[str]) -> list[RosterRow]:
    non_empty = [(i + 1, row) for i, row in enumerate(table) if any(_cell_text(c) for c in row)]
    if not non_empty:
        problems.append("the sheet is empty: expected a header row with " + ", ".join(REQUIRED))
        return []
    header_row, header = non_empty[0]
    columns = [normalise_header(c) for c in header]
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        problems.append(
            f"row {header_row}: missing column(s) {', '.join(missing)}; "
            f"found {', '.join(c for c in columns if c) or '(none)'}"
        )
        return []
    index = {name: columns.index(name) for name in REQUIRED + OPTIONAL if name in columns}
    data = non_empty[1:]
    if not data:
        problems.append(f"no participants below the header (row {header_row})")
        return []
    rows: list[RosterRow] = []
    seen: dict[tuple[str, str], int] = {}
    for row_number, cells in data:
        values = {name: _cell_text(cells[i]) if i < len(cells) else "" for name, i in index.items()}
        for name in REQUIRED:
            if not values[name]:
                problems.append(f"row {row_number}, column {name}: empty (required)")
        email = values.get("email", "")
        if email and not EMAIL.match(email):
            problems.append(f"row {row_number}, column email: {email!r} is not an e-mail address")
        if values["nama"] and values["sentra"]:
            key = _person_key(values["nama"], values["sentra"])
            if key in seen:
                problems.append(
                    f"row {row_number}, column nama: {values['nama']!r} of {values['sentra']!r} "
                    f"is already on row {seen[key]} (duplicate person)"
                )
            else:
                seen[key] = row_number
        rows.append(RosterRow(row=row_number, **{k: values.get(k, "") for k in REQUIRED + OPTIONAL}))
    return rows


def slug(text: str, words: int = 3, max_chars: int = 24) -> str:
    """Up to ``words`` lower-case ASCII words joined by '-', at most ``max_chars`` long.

    Three words, because many names in Southeast Sulawesi start with the
    titles "Wa Ode" or "La Ode".

    >>> slug("Wa Ode Siti Nurhaliza"), slug("Muh. Arif")
    ('wa-ode-siti', 'muh-arif')
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    parts = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(parts[:words])[:max_chars].strip("-") or "peserta"


def participant_codes(cohort: str, rows: list[RosterRow]) -> list[str]:
    """Stable participant ids: up to three name words and 4 hex digits of a hash.

    The hash is SHA-1 of ``cohort|name|sentra`` (case-folded), so the same person
    in the same cohort always gets the same id, whatever the roster's order.

    >>> participant_codes("kdi-2026", [RosterRow(2, "Siti Rahma", "Sentra Abon", "abon ikan", "Kendari")])
    ['siti-rahma-13f3']
    """
    codes: list[str] = []
    for row in rows:
        nama, sentra = _person_key(row.nama, row.sentra)
        digest = hashlib.sha1(f"{cohort}|{nama}|{sentra}".encode()).hexdigest()
        width = 4
        code = f"{slug(row.nama)}-{digest[:width]}"
        while code in codes:
            width += 2
            code = f"{slug(row.nama)}-{digest[:width]}"
        codes.append(code)
    return codes
