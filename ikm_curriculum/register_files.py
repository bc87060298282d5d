"""Reading and writing asset registers (KIB tables) as CSV or Excel files.

The one place outside ``modules/`` that touches register files; the checks
themselves are :func:`ikm_curriculum.modules.assets.register.register_from_frame`.

* CSV: comma or semicolon (Excel in Indonesian settings saves ``;``), UTF-8
  with or without BOM. Every cell is read as text, so codes such as
  ``02.06.01.05.001`` keep their zeros.
* XLSX: the first sheet; the header is the first non-empty row.

Any problem raises :class:`~ikm_curriculum.errors.CalculationError` whose
message starts with the file name; row numbers are those a spreadsheet shows.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from typing import Any

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.assets.register import AssetRegister, register_from_frame, register_to_frame
from ikm_curriculum.modules.table_cells import check_lang, is_empty

SUFFIXES = (".csv", ".xlsx")
"""File types read and written."""


def _fail(path: Path, message: str) -> CalculationError:
    return CalculationError(f"{path.name}: {message}")


def _suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise _fail(path, f"unknown file type {suffix or '(none)'!r}: expected {' or '.join(SUFFIXES)}")
    return suffix


def _csv_table(path: Path) -> list[list[Any]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _fail(
            path,
            f"the file is not UTF-8 text (byte {exc.start}); in Excel use 'Save As' → 'CSV UTF-8', or give the .xlsx",
        ) from None
    lines = text.splitlines()
    first = next((line for line in lines if line.strip()), "")
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return [list(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


def _xlsx_table(path: Path) -> list[list[Any]]:
    from openpyxl import load_workbook  # imported here: only Excel files need it

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        raise _fail(path, f"cannot read the file as an Excel workbook (.xlsx): {exc}") from None
    try:
        return [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
    finally:
        book.close()


def read_register(path: str | Path) -> AssetRegister:
    """Read and check an asset register file (CSV or XLSX).

    Headers as in :data:`~ikm_curriculum.modules.assets.register.REGISTER_COLUMNS`,
    Indonesian or English or field names, any case; other columns are ignored.

    Raises
    ------
    CalculationError
        Missing file, unknown type, unreadable file, missing column, or any
        bad row (all rows listed); the message starts with the file name.
    """
    import pandas as pd

    path = Path(path)
    if not path.is_file():
        raise _fail(path, f"file not found ({path})")
    table = _csv_table(path) if _suffix(path) == ".csv" else _xlsx_table(path)
    filled = [i for i, row in enumerate(table) if any(not is_empty(c) for c in row)]
    if not filled:
        raise _fail(path, "the file is empty: expected a header row (Kode Barang, Nama Barang, KIB, ...)")
    top = filled[0]
    header = ["" if is_empty(c) else str(c) for c in table[top]]
    body = table[top + 1 :]
    for i, row in enumerate(body):
        if len(row) > len(header) and any(not is_empty(c) for c in row[len(header) :]):
            raise _fail(path, f"row {top + i + 2}: more cells ({len(row)}) than headers ({len(header)})")
    cells = [(list(row) + [None] * len(header))[: len(header)] for row in body]
    frame = pd.DataFrame(cells, columns=header, dtype=object)
    if frame.empty:
        raise _fail(path, f"no assets below the header (row {top + 1})")
    try:
        return register_from_frame(frame, first_row=top + 2)
    except CalculationError as exc:
        raise _fail(path, str(exc)) from exc


def write_register(register: AssetRegister, path: str | Path, lang: str = "id") -> Path:
    """Write a register as CSV (UTF-8 with BOM, so Excel shows the letters right) or XLSX, by suffix.

    Headers are in ``lang`` (``"id"`` or ``"en"``); :func:`read_register` reads either back.
    Returns the path written.
    """
    path = Path(path)
    suffix = _suffix(path)
    try:
        frame = register_to_frame(register, check_lang(lang))
    except CalculationError as exc:
        raise _fail(path, str(exc)) from exc
    if suffix == ".csv":
        frame.to_csv(path, index=False, encoding="utf-8-sig")
    else:
        frame.to_excel(path, index=False, engine="openpyxl")
    return path
