"""Register files: CSV (comma or semicolon, with or without BOM) and XLSX, read and written, and bad files."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.assets.register import make_record, register_from_rows
from ikm_curriculum.register_files import read_register, write_register

# Fictional centre; values invented for teaching.
ROWS = [
    dict(code="01.01.11.04.001", name="Tanah sentra", card="A", acquired="2019-03-01", cost=250_000_000,
         funding="APBD 2019", room="", condition="B", useful_life_years=None),
    dict(code="02.06.01.05.001", name="Mesin giling daging ikan", card="B", acquired="2022-02-10", cost=45_000_000,
         funding="DAK 2022", room="Ruang Produksi", condition="RR", useful_life_years=10),
    dict(code="02.07.01.01.001", name="Meja kerja stainless", card="B", acquired="2022-02-10", cost=16_000_000,
         funding="DAK 2022", room="Ruang Produksi", condition="B", useful_life_years=5, quantity=4),
]  # fmt: skip

SEMICOLON_CSV = (
    "Kode Barang;Nama Barang;KIB;Tanggal Perolehan;Harga Perolehan (Rp);Sumber Dana;Ruang (KIR);Kondisi;"
    "Masa Manfaat (tahun);Jumlah;Keterangan\n"
    "01.01.11.04.001;Tanah sentra;KIB A;01/03/2019;250.000.000;APBD 2019;;Baik;;1;sertifikat ada\n"
    "02.06.01.05.001;Mesin giling daging ikan;b;10/02/2022;45.000.000;DAK 2022;Ruang Produksi;Rusak Ringan;10;;\n"
    ";;;;;;;;;;\n"
    "02.07.01.01.001;Meja kerja stainless;B;2022-02-10;16.000.000;DAK 2022;Ruang Produksi;B;5;4;\n"
)


@pytest.mark.parametrize(
    ("name", "lang"), [("kib.csv", "id"), ("kib.CSV", "en"), ("kib.xlsx", "id"), ("kib.xlsx", "en")]
)
def test_round_trip(tmp_path: Path, name: str, lang: str) -> None:
    register = register_from_rows(ROWS)
    path = write_register(register, tmp_path / name, lang=lang)
    assert path == tmp_path / name and path.is_file()
    assert read_register(path) == register


def test_written_csv_has_a_bom_and_keeps_leading_zeros(tmp_path: Path) -> None:
    path = write_register(register_from_rows(ROWS), tmp_path / "kib.csv")
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM, so that Excel opens it as UTF-8
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Kode Barang,Nama Barang,KIB,Tanggal Perolehan")
    assert lines[1] == "01.01.11.04.001,Tanah sentra,A,2019-03-01,250000000,APBD 2019,,B,,1"


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_semicolon_csv_as_typed_in_excel(tmp_path: Path, bom: bytes) -> None:
    path = tmp_path / "kib_sentra.csv"
    path.write_bytes(bom + SEMICOLON_CSV.encode("utf-8"))
    register = read_register(path)
    # the typed forms (KIB A, b, Baik, 250.000.000, DD/MM/YYYY, empty Jumlah) give the same records as ROWS
    assert register.records == tuple(make_record(**row) for row in ROWS)


def test_bad_csv_names_file_row_and_field(tmp_path: Path) -> None:
    text = SEMICOLON_CSV.replace(";b;10/02/2022", ";G;10/02/2022").replace("Rusak Ringan", "rusak sedikit")
    path = tmp_path / "kib_sentra.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CalculationError) as info:
        read_register(path)
    assert str(info.value).split("\n") == [
        "kib_sentra.csv: asset register has 2 problem(s):",
        # the header is row 1 of the sheet, so the machine is row 3
        "  - row 3 (code '02.06.01.05.001'): card: expected one of A, B, C, D, E, F (KIB A–F, also 'KIB B' or 'b'), "
        "got 'G'",
        "  - row 3 (code '02.06.01.05.001'): condition: expected one of B, RR, RB or Baik, Rusak Ringan, Rusak Berat, "
        "got 'rusak sedikit'",
    ]


def test_bad_xlsx_names_file_row_and_field(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append([])  # a blank first row: the header is the first row with something in it
    sheet.append(["Asset code", "Asset name", "Asset card (KIB)", "Acquisition date", "Acquisition cost (IDR)",
                  "Source of funds", "Room (KIR)", "Condition", "Useful life (years)"])  # fmt: skip
    sheet.append(["01.01.11.04.001", "Tanah sentra", "A", "2019-03-01", 250_000_000, "APBD 2019", None, "B", 30])
    path = tmp_path / "aset.xlsx"
    book.save(path)
    with pytest.raises(CalculationError) as info:
        read_register(path)
    message = str(info.value)
    assert message.startswith("aset.xlsx: asset register has 1 problem(s):")
    assert "row 3 (code '01.01.11.04.001'): useful_life_years: expected empty for card A" in message


def test_missing_column_names_file_and_column(tmp_path: Path) -> None:
    path = tmp_path / "kib.csv"
    path.write_text("Kode Barang,Nama Barang\n02.06.01.05.001,Mesin\n", encoding="utf-8")
    with pytest.raises(CalculationError, match=r"^kib\.csv: missing column\(s\) 'KIB' \(card\), 'Tanggal Perolehan'"):
        read_register(path)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "kib.csv: the file is empty: expected a header row"),
        (b"\n\n", "kib.csv: the file is empty"),
        (b"Kode Barang,Nama Barang\n", r"kib.csv: no assets below the header \(row 1\)"),
        ("Kode Barang,Nama Barang\nX1,Mesin pengering \xe9\n".encode("latin-1"), "kib.csv: the file is not UTF-8 text"),
        (b"Kode Barang,Nama Barang\nX1,Mesin,extra\n", r"kib.csv: row 2: more cells \(3\) than headers \(2\)"),
    ],
)
def test_unreadable_csv(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "kib.csv"
    path.write_bytes(content)
    with pytest.raises(CalculationError, match=expected):
        read_register(path)


def test_wrong_files(tmp_path: Path) -> None:
    register = register_from_rows(ROWS)
    with pytest.raises(CalculationError, match=r"^kib\.txt: unknown file type '\.txt': expected \.csv or \.xlsx"):
        write_register(register, tmp_path / "kib.txt")
    (tmp_path / "kib.ods").write_bytes(b"x")
    with pytest.raises(CalculationError, match=r"^kib\.ods: unknown file type '\.ods'"):
        read_register(tmp_path / "kib.ods")
    with pytest.raises(CalculationError, match=r"^hilang\.csv: file not found"):
        read_register(tmp_path / "hilang.csv")
    (tmp_path / "rusak.xlsx").write_text("not a workbook", encoding="utf-8")
    with pytest.raises(CalculationError, match=r"^rusak\.xlsx: cannot read the file as an Excel workbook"):
        read_register(tmp_path / "rusak.xlsx")
    with pytest.raises(CalculationError, match=r"^kib\.csv: register: expected an AssetRegister"):
        write_register(ROWS, tmp_path / "kib.csv")  # type: ignore[arg-type]
    with pytest.raises(CalculationError, match=r"^kib\.csv: lang: expected 'id' or 'en', got 'jv'"):
        write_register(register, tmp_path / "kib.csv", lang="jv")
    assert not (tmp_path / "kib.csv").exists() and not (tmp_path / "kib.txt").exists()
