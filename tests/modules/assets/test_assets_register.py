"""Asset register: records on the cards KIB A–F, their checks, KIR, totals and the table layout."""

from __future__ import annotations

import json
from dataclasses import fields
from datetime import date, datetime
from typing import Any

import pandas as pd
import pytest

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.assets.register import (
    CARDS,
    CONDITIONS,
    REGISTER_COLUMNS,
    AssetRecord,
    AssetRegister,
    make_record,
    register_from_frame,
    register_from_rows,
    register_to_frame,
)

# A fictional fish-floss centre in Kendari (codes shaped like regional asset codes, values invented).
LAND = dict(
    code="01.01.11.04.001", name="Tanah sentra", card="A", acquired="2019-03-01", cost=250_000_000,
    funding="APBD 2019", room="", condition="B", useful_life_years=None,
)  # fmt: skip
MACHINE = dict(
    code="02.06.01.05.001", name="Mesin giling daging ikan", card="B", acquired="2022-02-10", cost=45_000_000,
    funding="DAK 2022", room="Ruang Produksi", condition="B", useful_life_years=10,
)  # fmt: skip
SCALE = dict(MACHINE, code="02.06.03.02.001", name="Timbangan digital", cost=3_250_000, room="Ruang Kemas",
             condition="RB", useful_life_years=5)  # fmt: skip
TABLES = dict(MACHINE, code="02.07.01.01.001", name="Meja kerja stainless", cost=16_000_000, quantity=4,
              condition="RR", useful_life_years=5)  # fmt: skip
BUILDING = dict(LAND, code="03.11.01.01.001", name="Gedung produksi", card="C", cost=850_000_000, useful_life_years=50)
IPAL = dict(LAND, code="06.01.01.01.001", name="IPAL (dibangun)", card="F", acquired="2024-08-01", cost=300_000_000)
ROWS = [LAND, MACHINE, SCALE, TABLES, BUILDING, IPAL]


def _error(**changes: Any) -> str:
    """Message of the error raised by the register [LAND, MACHINE, bad row] with ``changes`` in row 3."""
    with pytest.raises(CalculationError) as info:
        register_from_rows([LAND, MACHINE, dict(MACHINE, code="X9") | changes])
    return str(info.value)


def test_cards_and_conditions_are_the_permendagri_lists() -> None:
    # Permendagri 19/2016 / PSAP 07: KIB A tanah … F konstruksi dalam pengerjaan; conditions B, RR, RB
    assert list(CARDS) == ["A", "B", "C", "D", "E", "F"]
    assert CARDS["D"].id == "Jalan, irigasi dan jaringan" and CARDS["F"].en == "Construction in progress"
    assert {k: v.id for k, v in CONDITIONS.items()} == {"B": "Baik", "RR": "Rusak Ringan", "RB": "Rusak Berat"}


def test_register_columns_follow_the_record_fields() -> None:
    assert [c[0] for c in REGISTER_COLUMNS] == [f.name for f in fields(AssetRecord)]
    assert REGISTER_COLUMNS[0][1:] == ("Kode Barang", "Asset code")


def test_typed_forms_are_accepted_and_tidied() -> None:
    record = make_record(
        code=" 02.06.02.01.001 ", name="Continuous  band sealer", card="KIB b", acquired="03/04/2023",
        cost="Rp 12.500.000", funding="DAK 2023", room=" Ruang   Kemas", condition="rusak ringan",
        useful_life_years="5",
    )  # fmt: skip
    # each value as typed → its canonical form, read off the input by hand
    assert (record.code, record.name, record.card, record.acquired) == (
        "02.06.02.01.001", "Continuous band sealer", "B", date(2023, 4, 3))  # fmt: skip
    assert (record.cost, record.room, record.condition, record.useful_life_years, record.quantity) == (
        12_500_000, "Ruang Kemas", "RR", 5, 1)  # fmt: skip
    # Excel forms: a datetime, a whole float, a condition spelled out in capitals
    excel = make_record(**dict(MACHINE, acquired=datetime(2022, 2, 10, 0, 0), cost=45_000_000.0, condition="BAIK"))
    assert excel == make_record(**MACHINE)
    assert make_record(**dict(MACHINE, card="b")).card == "B"


def test_record_to_dict_is_plain_json() -> None:
    out = make_record(**TABLES).to_dict()
    assert json.loads(json.dumps(out)) == out
    assert out["acquired"] == "2022-02-10" and out["quantity"] == 4 and out["cost"] == 16_000_000


def test_direct_construction_is_checked_too() -> None:
    with pytest.raises(CalculationError, match="code '02.06.01.05.001': card"):
        AssetRecord(**dict(MACHINE, card="Z"))
    assert AssetRecord(**dict(MACHINE, condition="Rusak Berat")).condition == "RB"


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"card": "G"}, "card: expected one of A, B, C, D, E, F (KIB A–F, also 'KIB B' or 'b'), got 'G'"),
        ({"card": "KIB H"}, "card: expected one of A, B, C, D, E, F"),
        ({"condition": "Bagus"},
         "condition: expected one of B, RR, RB or Baik, Rusak Ringan, Rusak Berat, got 'Bagus'"),
        ({"cost": -5_000_000},
         "cost: expected a whole number of rupiah > 0 (e.g. 12500000 or 12.500.000), got -5000000"),
        ({"cost": "-5.000.000"}, "cost: expected a whole number of rupiah > 0"),
        ({"cost": 0}, "cost: expected a whole number of rupiah > 0"),  # boundary: 0 is refused, 1 is fine (below)
        ({"cost": 12_500_000.5}, "cost: expected a whole number of rupiah"),
        ({"cost": "12,500,000"}, "cost: expected a whole number of rupiah"),  # comma thousands are not Indonesian
        ({"cost": None}, "cost: expected a whole number of rupiah > 0 (e.g. 12500000 or 12.500.000), got nothing"),
        ({"useful_life_years": None},
         "useful_life_years: expected a whole number of years ≥ 1 for card B, got nothing"),
        ({"useful_life_years": 0}, "useful_life_years: expected a whole number ≥ 1, got 0"),
        ({"card": "A", "room": ""}, "useful_life_years: expected empty for card A (Tanah, not depreciated), got 10"),
        ({"card": "F"}, "useful_life_years: expected empty for card F"),
        ({"card": "C", "useful_life_years": None},
         "useful_life_years: expected a whole number of years ≥ 1 for card C"),
        ({"acquired": "31/02/2023"},
         "acquired: expected a date (YYYY-MM-DD or DD/MM/YYYY, e.g. 2023-05-17 or 17/05/2023), got '31/02/2023'"),
        ({"acquired": "2023/02/10"}, "acquired: expected a date"),
        ({"acquired": "10-02-2023"}, "acquired: expected a date"),
        ({"acquired": 20230210}, "acquired: expected a date"),
        ({"room": ""}, "room: expected the room (KIR) where the item is kept, for card B, got nothing"),
        ({"card": "E", "room": None}, "room: expected the room (KIR) where the item is kept, for card E"),
        ({"quantity": 0}, "quantity: expected a whole number ≥ 1, got 0"),
        ({"quantity": 1.5}, "quantity: expected a whole number ≥ 1, got 1.5"),
        ({"name": "  "}, "name: expected a text, got nothing"),
        ({"funding": None}, "funding: expected a text, got nothing"),
        ({"qty": 2}, "unknown field 'qty': expected one of code, name, card, acquired, cost"),
        ({"Kode Barang": "X10"}, "code: given twice, as 'code' and 'Kode Barang'"),
    ],
)  # fmt: skip
def test_each_bad_field_is_named_with_row_code_expected_and_got(changes: dict[str, Any], expected: str) -> None:
    message = _error(**changes)
    assert f"row 3 (code 'X9'): {expected}" in message
    assert message.startswith("asset register has 1 problem(s):")


@pytest.mark.parametrize(
    "changes",
    [
        {"cost": 1},  # boundary: the smallest cost accepted
        {"useful_life_years": 1},  # boundary: the shortest life accepted
        {"quantity": 1},
        {"card": "C", "room": "", "useful_life_years": 50},  # a building needs no room
        {"card": "D", "room": ""},
        {"card": "F", "useful_life_years": None, "room": ""},
        {"acquired": date(2022, 2, 10)},
        {"acquired": "2022-02-10 00:00:00"},  # what Excel-made CSVs sometimes hold
    ],
)
def test_values_at_the_boundaries_are_accepted(changes: dict[str, Any]) -> None:
    register = register_from_rows([dict(MACHINE) | changes])
    assert len(register.records) == 1


def test_missing_code_is_named() -> None:
    message = _error(code="")
    assert "row 3 (no code): code: expected a text, got nothing" in message


def test_all_problems_of_one_row_come_together() -> None:
    message = _error(card="G", condition="bagus", cost=-1, acquired="kemarin")
    assert message.startswith("asset register has 4 problem(s):")
    for field in ("card", "condition", "cost", "acquired"):
        assert f"row 3 (code 'X9'): {field}: expected" in message


def test_from_dict_raises_the_row_problems_without_the_register_header() -> None:
    with pytest.raises(CalculationError) as info:
        AssetRecord.from_dict(dict(MACHINE, card="G", condition="?"), row_number=7)
    assert str(info.value).split("\n") == [
        "row 7 (code '02.06.01.05.001'): card: expected one of A, B, C, D, E, F (KIB A–F, also 'KIB B' or 'b'), "
        "got 'G'",
        "row 7 (code '02.06.01.05.001'): condition: expected one of B, RR, RB or Baik, Rusak Ringan, Rusak Berat, "
        "got '?'",
    ]
    with pytest.raises(CalculationError, match=r"row 2 \(no code\): expected a mapping"):
        AssetRecord.from_dict(["not", "a", "dict"], row_number=2)  # type: ignore[arg-type]


def test_every_row_is_checked_and_duplicates_are_errors() -> None:
    rows = [LAND, dict(MACHINE, card="G"), MACHINE, dict(MACHINE, name="Mesin lain"), dict(SCALE, cost=0)]
    with pytest.raises(CalculationError) as info:
        register_from_rows(rows)
    lines = str(info.value).split("\n")
    assert lines == [
        "asset register has 4 problem(s):",
        "  - row 2 (code '02.06.01.05.001'): card: expected one of A, B, C, D, E, F (KIB A–F, also 'KIB B' or 'b'), "
        "got 'G'",
        # a row with its own problems still counts as the first use of its code
        "  - row 3 (code '02.06.01.05.001'): code: expected a code not used before in the register, "
        "got it again (first in row 2)",
        "  - row 4 (code '02.06.01.05.001'): code: expected a code not used before in the register, "
        "got it again (first in row 2)",
        "  - row 5 (code '02.06.03.02.001'): cost: expected a whole number of rupiah > 0 "
        "(e.g. 12500000 or 12.500.000), got 0",
    ]


def test_duplicate_codes_ignore_case_and_spaces() -> None:
    with pytest.raises(CalculationError, match="row 2 .*code: expected a code not used before"):
        register_from_rows([dict(MACHINE, code="ab-1"), dict(SCALE, code=" AB-1 ")])
    with pytest.raises(CalculationError, match=r"records\[1\]: code 'x' is already used by records\[0\]"):
        AssetRegister((make_record(**dict(MACHINE, code="X")), make_record(**dict(SCALE, code="x"))))
    with pytest.raises(CalculationError, match=r"records\[0\]: expected an AssetRecord"):
        AssetRegister((MACHINE,))  # type: ignore[arg-type]


def test_blank_rows_are_skipped_and_empty_registers_refused() -> None:
    register = register_from_rows([LAND, {"code": None, "name": ""}, MACHINE])
    assert [r.code for r in register.records] == [LAND["code"], MACHINE["code"]]
    with pytest.raises(CalculationError, match="expected at least one asset, got none"):
        register_from_rows([])
    with pytest.raises(CalculationError, match="rows: expected a list of asset rows"):
        register_from_rows("kib.csv")  # type: ignore[arg-type]


def test_by_card_room_card_and_find() -> None:
    register = register_from_rows(ROWS)
    assert [r.name for r in register.by_card("KIB B")] == ["Mesin giling daging ikan", "Timbangan digital",
                                                            "Meja kerja stainless"]  # fmt: skip
    assert register.by_card("e") == ()
    with pytest.raises(CalculationError, match="card: expected one of A, B"):
        register.by_card("Z")
    assert register.rooms() == ("Ruang Kemas", "Ruang Produksi")
    assert [r.code for r in register.room_card(" ruang  produksi ")] == [MACHINE["code"], TABLES["code"]]
    with pytest.raises(CalculationError, match="room: expected one of Ruang Kemas, Ruang Produksi, got 'Gudang'"):
        register.room_card("Gudang")
    assert register.find(" 02.06.01.05.001") == register.records[1] and register.find("nope") is None


def test_totals_by_card_and_condition() -> None:
    totals = register_from_rows(ROWS).totals().to_dict()
    # by hand: 250 + 45 + 3.25 + 16 + 850 + 300 = 1 464.25 million; units 1+1+1+4+1+1 = 9
    assert (totals["records"], totals["quantity"], totals["cost"]) == (6, 9, 1_464_250_000)
    assert totals["by_card"] == {
        "A": {"records": 1, "quantity": 1, "cost": 250_000_000},
        "B": {"records": 3, "quantity": 6, "cost": 64_250_000},  # 45 + 3.25 + 16 million
        "C": {"records": 1, "quantity": 1, "cost": 850_000_000},
        "D": {"records": 0, "quantity": 0, "cost": 0},
        "E": {"records": 0, "quantity": 0, "cost": 0},
        "F": {"records": 1, "quantity": 1, "cost": 300_000_000},
    }
    assert totals["by_condition"] == {
        "B": {"records": 4, "quantity": 4, "cost": 1_445_000_000},  # 250 + 45 + 850 + 300 million
        "RR": {"records": 1, "quantity": 4, "cost": 16_000_000},
        "RB": {"records": 1, "quantity": 1, "cost": 3_250_000},
    }
    assert json.loads(json.dumps(totals)) == totals


def test_write_off_candidates_are_the_rusak_berat_records() -> None:
    register = register_from_rows(ROWS)
    assert [r.code for r in register.write_off_candidates()] == [SCALE["code"]]  # only SCALE is RB
    assert [r.code for r in register.write_off_candidates(("Rusak Ringan", "RB"))] == [SCALE["code"], TABLES["code"]]
    with pytest.raises(CalculationError, match="conditions: expected one of B, RR, RB"):
        register.write_off_candidates(("hilang",))


def test_register_to_frame_in_both_languages() -> None:
    register = register_from_rows(ROWS)
    frame = register_to_frame(register)
    assert frame.columns.tolist() == [c[1] for c in REGISTER_COLUMNS]
    assert frame.loc[0, "Harga Perolehan (Rp)"] == 250_000_000 and frame["Jumlah"].tolist() == [1, 1, 1, 4, 1, 1]
    assert frame["Masa Manfaat (tahun)"].isna().tolist() == [True, False, False, False, False, True]
    english = register_to_frame(register, lang="en")
    assert english.columns.tolist() == [c[2] for c in REGISTER_COLUMNS]
    with pytest.raises(CalculationError, match="lang: expected 'id' or 'en', got 'fr'"):
        register_to_frame(register, lang="fr")
    with pytest.raises(CalculationError, match="register: expected an AssetRegister"):
        register_to_frame(ROWS)  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_frame_round_trip(lang: str) -> None:
    register = register_from_rows(ROWS)
    assert register_from_frame(register_to_frame(register, lang)) == register
    assert register_from_rows(register_to_frame(register, lang)) == register  # a DataFrame given to the rows builder


def test_frame_headers_in_any_form() -> None:
    frame = pd.DataFrame(
        {
            "No.": [1],  # ignored
            "  KODE   barang ": [MACHINE["code"]],
            "nama": [MACHINE["name"]],
            "Asset card (KIB)": ["B"],
            "tanggal_perolehan": ["10/02/2022"],
            "HARGA": ["45.000.000"],
            "sumber dana": ["DAK 2022"],
            "Ruang": ["Ruang Produksi"],
            "condition": ["Baik"],
            "Masa manfaat": [10.0],
            "Keterangan": ["dipakai bersama"],  # ignored
        }
    )  # no quantity column: 1 each
    assert register_from_frame(frame).records == (make_record(**MACHINE),)


def test_frame_missing_and_doubled_columns() -> None:
    frame = register_to_frame(register_from_rows([MACHINE])).drop(columns=["Kondisi", "Sumber Dana"])
    with pytest.raises(CalculationError) as info:
        register_from_frame(frame)
    message = str(info.value)
    assert message.startswith("missing column(s) 'Sumber Dana' (funding), 'Kondisi' (condition); expected headers ")
    assert "Kode Barang, Nama Barang, KIB, Tanggal Perolehan, Harga Perolehan (Rp)" in message
    assert "(or in English: Asset code, Asset name" in message
    doubled = register_to_frame(register_from_rows([MACHINE])).assign(kode="X")
    with pytest.raises(CalculationError, match="columns 'Kode Barang' and 'kode' both give code: keep one"):
        register_from_frame(doubled)
    with pytest.raises(CalculationError, match="frame: expected a pandas DataFrame"):
        register_from_frame([MACHINE])  # type: ignore[arg-type]


def test_frame_rows_are_numbered_as_in_a_spreadsheet() -> None:
    frame = register_to_frame(register_from_rows([LAND, MACHINE]))
    frame.loc[1, "Kondisi"] = "hilang"
    frame.loc[0, "Masa Manfaat (tahun)"] = pd.NA  # an empty cell is fine for land
    with pytest.raises(CalculationError, match=r"row 3 \(code '02.06.01.05.001'\): condition: expected"):
        register_from_frame(frame)  # header = row 1, so the second asset is row 3
