"""Roster import: good files in CSV and XLSX, and every kind of bad input listed at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from ikm_curriculum.cohort.cohorts import create_cohort
from ikm_curriculum.cohort.gradebook import Cohort
from ikm_curriculum.cohort.roster import participant_codes, read_roster
from ikm_curriculum.errors import RosterError, WorkspaceError

HEADER = ["Nama", "Sentra", "Komoditas", "Kabupaten/Kota", "Telepon"]


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(RosterError) as caught:
        read_roster(path)
    assert str(path) in str(caught.value)
    return caught.value.problems


def test_csv_roster_is_read(roster_csv: Path) -> None:
    rows = read_roster(roster_csv)
    assert [r.nama for r in rows] == ["Wa Ode Sarimah", "La Ode Kasim", "Hasniah Rauf"]
    assert rows[0].row == 2 and rows[0].telepon == "081200000001"
    assert rows[2].email == "hasniah@example.org"


def test_semicolon_csv_from_indonesian_excel(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("nama;sentra;komoditas;kabupaten_kota\nSiti;Sentra A;abon ikan;Kota Kendari\n", "utf-8")
    assert read_roster(path)[0].sentra == "Sentra A"


def test_xlsx_roster_with_number_phone_and_blank_rows(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "r.xlsx",
        [
            HEADER,
            ["Siti Rahma", "Sentra Abon", "abon ikan", "Kota Kendari", 81200000009],
            [None] * 5,
            ["Andi Baso", "Sentra Meubel", "meubel", "Kota Kendari", None],
        ],
    )
    rows = read_roster(path)
    assert [r.row for r in rows] == [2, 4]
    assert rows[0].telepon == "81200000009"
    assert rows[0].kabupaten_kota == "Kota Kendari"


def test_missing_column_is_named(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("nama,sentra\nSiti,Sentra A\n", "utf-8")
    (problem,) = problems_of(path)
    assert "row 1" in problem and "komoditas" in problem and "kabupaten_kota" in problem


def test_every_row_problem_is_listed_with_row_and_column(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text(
        "nama,sentra,komoditas,kabupaten_kota,email\n"
        "Siti,Sentra A,abon ikan,Kota Kendari,\n"
        ",Sentra A,abon ikan,Kota Kendari,\n"
        "siti,sentra a,abon ikan,Kota Kendari,\n"
        "Andi,Sentra B,,Kota Kendari,bukan-email\n",
        "utf-8",
    )
    problems = problems_of(path)
    assert len(problems) == 4
    assert "row 3, column nama: empty" in problems[0]
    assert "row 4" in problems[1] and "row 2" in problems[1] and "duplicate" in problems[1]
    assert "row 5, column komoditas: empty" in problems[2]
    assert "row 5, column email" in problems[3]


def test_wrong_encoding_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes("nama,sentra,komoditas,kabupaten_kota\nSiti Ma'ruf Ã,Sentra,abon,Kendari\n".encode("cp1252"))
    (problem,) = problems_of(path)
    assert "UTF-8" in problem and "CSV UTF-8" in problem


def test_empty_sheet(tmp_path: Path) -> None:
    (problem,) = problems_of(write_xlsx(tmp_path / "r.xlsx", []))
    assert "empty" in problem


def test_header_without_participants(tmp_path: Path) -> None:
    (problem,) = problems_of(write_xlsx(tmp_path / "r.xlsx", [HEADER]))
    assert "no participants" in problem


def test_unreadable_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    path.write_bytes(b"this is not a zip file")
    (problem,) = problems_of(path)
    assert "Excel" in problem


def test_unknown_file_type(tmp_path: Path) -> None:
    path = tmp_path / "r.ods"
    path.write_bytes(b"x")
    (problem,) = problems_of(path)
    assert ".csv or .xlsx" in problem


def test_codes_are_stable_and_unique(roster_csv: Path) -> None:
    rows = read_roster(roster_csv)
    codes = participant_codes("uji", rows)
    assert codes == participant_codes("uji", list(reversed(rows)))[::-1]  # order does not matter
    assert len(set(codes)) == len(codes)
    assert codes[0].startswith("wa-ode-")
    assert participant_codes("lain", rows) != codes  # another cohort, other ids


def test_bad_roster_imports_nothing(workspace, tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("nama,sentra,komoditas,kabupaten_kota\nSiti,A,abon,Kendari\n,A,abon,Kendari\n", "utf-8")
    with pytest.raises(RosterError):
        create_cohort(workspace, "uji", path)
    gradebook = workspace.gradebook()
    with gradebook.session() as session:
        assert session.scalars(select(Cohort)).all() == []
    gradebook.dispose()


def test_cohort_name_and_duplicate_cohort(workspace, roster_csv: Path) -> None:
    with pytest.raises(WorkspaceError, match="cohort name"):
        create_cohort(workspace, "Kohort Satu", roster_csv)
    create_cohort(workspace, "uji", roster_csv)
    with pytest.raises(WorkspaceError, match="already exists"):
        create_cohort(workspace, "uji", roster_csv)
