"""Reconciliation of an inventory count (inventarisasi) with the asset register: every kind of difference."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd
import pytest

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.assets.reconciliation import (
    CENSUS_INTERVAL_YEARS,
    CENSUS_SOURCE,
    STATUSES,
    CountRow,
    count_from_rows,
    reconcile,
    reconciliation_table,
)
from ikm_curriculum.modules.assets.register import AssetRegister, register_from_rows, register_to_frame


def _asset(code: str, name: str, card: str, cost: int, room: str, condition: str, life: int | None, **more: Any):
    funding = "APBD 2019" if card == "A" else "DAK 2022"
    return dict(code=code, name=name, card=card, acquired="2022-02-10", cost=cost, funding=funding, room=room,
                condition=condition, useful_life_years=life, **more)  # fmt: skip


# A fictional fish-floss centre beside the fish auction in Kendari; codes and values invented for teaching.
REGISTER = [
    _asset("01.01.11.04.001", "Tanah sentra", "A", 250_000_000, "", "B", None),
    _asset("03.11.01.01.001", "Gedung rumah produksi", "C", 850_000_000, "", "B", 50),
    _asset("04.13.01.01.001", "Jalan paving kawasan", "D", 120_000_000, "", "RR", 10),
    _asset("02.06.01.05.001", "Mesin giling daging ikan", "B", 45_000_000, "Ruang Produksi", "B", 10),
    _asset("02.06.01.05.002", "Spinner peniris minyak", "B", 18_500_000, "Ruang Produksi", "RR", 10),
    _asset("02.06.02.01.001", "Continuous band sealer", "B", 12_500_000, "Ruang Kemas", "B", 5),
    _asset("02.06.03.02.001", "Timbangan digital 30 kg", "B", 3_250_000, "Ruang Kemas", "RB", 5),
    _asset("02.07.01.01.001", "Meja kerja stainless", "B", 16_000_000, "Ruang Produksi", "B", 5, quantity=4),
    _asset("05.17.01.01.001", "Buku pustaka pengolahan ikan", "E", 4_000_000, "Ruang Pengelola", "B", 4, quantity=25),
    _asset("06.01.01.01.001", "IPAL (sedang dibangun)", "F", 300_000_000, "", "B", None),
]
COUNT = [
    {"code": "01.01.11.04.001", "name": "Tanah sentra", "room": "", "condition": "B"},
    {"code": "03.11.01.01.001", "name": "Gedung rumah produksi", "room": "", "condition": "Baik"},
    {"code": "04.13.01.01.001", "name": "Jalan paving kawasan", "room": "", "condition": "RR"},
    # condition changed B → RB: also a write-off candidate
    {"code": "02.06.01.05.001", "name": "Mesin giling", "room": "Ruang Produksi", "condition": "Rusak Berat"},
    # 02.06.01.05.002 (spinner) not on the sheet: missing
    # moved from Ruang Kemas to Ruang Produksi
    {"code": "02.06.02.01.001", "name": "Sealer", "room": "Ruang Produksi", "condition": "B"},
    # RB on register, RB counted; room differs only in case: not a move
    {"code": "02.06.03.02.001", "name": "Timbangan", "room": "ruang kemas", "condition": "RB"},
    # 3 of 4 tables
    {"code": "02.07.01.01.001", "name": "Meja kerja", "room": "Ruang Produksi", "condition": "B", "quantity": 3},
    # counted 0: looked for, not there → missing
    {"code": "05.17.01.01.001", "name": "Buku pustaka", "room": "Ruang Pengelola", "condition": "B", "quantity": 0},
    {"code": "06.01.01.01.001", "name": "IPAL", "room": "", "condition": "B"},
    # not on the register: no code, and a code the register does not know
    {"code": "", "name": "Kompor gas 2 tungku", "room": "Ruang Produksi", "condition": "B", "quantity": 2},
    {"code": "02.06.09.99.001", "name": "Freezer box 200 L", "room": "Ruang Kemas", "condition": "RR"},
]


@pytest.fixture
def result() -> dict[str, Any]:
    return reconcile(register_from_rows(REGISTER), count_from_rows(COUNT)).to_dict()


def test_found_missing_surplus(result: dict[str, Any]) -> None:
    # read off the crafted data above: 10 register items, spinner absent, books counted 0
    assert [f["code"] for f in result["found"]] == [
        "01.01.11.04.001", "03.11.01.01.001", "04.13.01.01.001", "02.06.01.05.001",
        "02.06.02.01.001", "02.06.03.02.001", "02.07.01.01.001", "06.01.01.01.001",
    ]  # fmt: skip
    assert result["found"][5] == {
        "code": "02.06.03.02.001", "name": "Timbangan digital 30 kg", "card": "B",
        "register_room": "Ruang Kemas", "counted_room": "ruang kemas", "register_condition": "RB",
        "counted_condition": "RB", "register_quantity": 1, "counted_quantity": 1, "cost": 3_250_000,
    }  # fmt: skip
    assert result["missing"] == [
        {"code": "02.06.01.05.002", "name": "Spinner peniris minyak", "card": "B", "room": "Ruang Produksi",
         "condition": "RR", "quantity": 1, "cost": 18_500_000},
        {"code": "05.17.01.01.001", "name": "Buku pustaka pengolahan ikan", "card": "E", "room": "Ruang Pengelola",
         "condition": "B", "quantity": 25, "cost": 4_000_000},
    ]  # fmt: skip
    assert result["surplus"] == [
        {"code": "", "name": "Kompor gas 2 tungku", "room": "Ruang Produksi", "condition": "B", "quantity": 2},
        {"code": "02.06.09.99.001", "name": "Freezer box 200 L", "room": "Ruang Kemas", "condition": "RR",
         "quantity": 1},
    ]  # fmt: skip


def test_changes_of_condition_room_and_quantity(result: dict[str, Any]) -> None:
    assert result["condition_changed"] == [
        {"code": "02.06.01.05.001", "name": "Mesin giling daging ikan", "register_condition": "B",
         "counted_condition": "RB"},
    ]  # fmt: skip
    assert result["location_changed"] == [
        {"code": "02.06.02.01.001", "name": "Continuous band sealer", "register_room": "Ruang Kemas",
         "counted_room": "Ruang Produksi"},
    ]  # fmt: skip
    assert result["quantity_short"] == [
        {"code": "02.07.01.01.001", "name": "Meja kerja stainless", "register_quantity": 4, "counted_quantity": 3},
    ]
    assert result["quantity_over"] == []


def test_write_off_candidates(result: dict[str, Any]) -> None:
    # the machine counted RB (was B) and the scale RB on both
    assert result["write_off_candidates"] == [
        {"code": "02.06.01.05.001", "name": "Mesin giling daging ikan", "card": "B", "register_condition": "B",
         "counted_condition": "RB", "cost": 45_000_000, "reason": "counted RB"},
        {"code": "02.06.03.02.001", "name": "Timbangan digital 30 kg", "card": "B", "register_condition": "RB",
         "counted_condition": "RB", "cost": 3_250_000, "reason": "counted RB"},
    ]  # fmt: skip


def test_summary_and_totals(result: dict[str, Any]) -> None:
    assert result["summary"] == {
        "register": 10, "found": 8, "missing": 2, "surplus": 2, "condition_changed": 1, "location_changed": 1,
        "quantity_short": 1, "quantity_over": 0, "write_off_candidates": 2,
    }  # fmt: skip
    totals = result["totals"]
    # by hand: 250 + 850 + 120 + 45 + 18.5 + 12.5 + 3.25 + 16 + 4 + 300 = 1 619.25 million; units 8·1 + 4 + 25 = 37
    assert (totals["register"]["records"], totals["register"]["quantity"], totals["register"]["cost"]) == (
        10, 37, 1_619_250_000)  # fmt: skip
    assert totals["register"]["by_card"]["B"] == {
        "records": 5,
        "quantity": 8,
        "cost": 95_250_000,
    }  # 45+18.5+12.5+3.25+16
    assert totals["register"]["by_condition"]["RR"] == {"records": 2, "quantity": 2, "cost": 138_500_000}  # 120 + 18.5
    # found, by COUNTED condition: RB = machine 45 + scale 3.25; RR = road 120; B = 250 + 850 + 12.5 + 16 + 300
    assert totals["found"]["by_condition"] == {
        "B": {"records": 5, "quantity": 8, "cost": 1_428_500_000},
        "RR": {"records": 1, "quantity": 1, "cost": 120_000_000},
        "RB": {"records": 2, "quantity": 2, "cost": 48_250_000},
    }
    # missing: spinner 18.5 + books 4 million
    assert totals["missing"]["cost"] == 22_500_000 and totals["missing"]["quantity"] == 26
    assert totals["missing"]["by_card"]["E"] == {"records": 1, "quantity": 25, "cost": 4_000_000}
    assert json.loads(json.dumps(result)) == result


def test_reconciliation_table_in_both_languages() -> None:
    outcome = reconcile(REGISTER, COUNT)
    table = reconciliation_table(outcome)
    assert len(table) == 12  # 10 register items + 2 surplus rows
    assert (
        table["Status"].tolist()
        == ["ada"] * 4 + ["tidak ditemukan"] + ["ada"] * 3 + ["tidak ditemukan", "ada"] + ["tidak tercatat"] * 2
    )
    notes = dict(zip(table["Kode Barang"], table["Catatan"], strict=True))
    assert notes["02.06.01.05.001"] == "kondisi berubah; usul penghapusan"
    assert notes["02.06.02.01.001"] == "pindah ruang"
    assert notes["02.07.01.01.001"] == "jumlah kurang"
    assert notes["01.01.11.04.001"] == ""
    assert table.loc[4, "Jumlah (hitung)"] is pd.NA and table.loc[10, "Harga Perolehan (Rp)"] is pd.NA
    english = reconciliation_table(outcome, lang="en")
    assert english["Status"].tolist()[-3:] == ["found", "not on register", "not on register"]
    assert english.loc[3, "Notes"] == "condition changed; propose write-off"
    assert {s.en for s in STATUSES.values()} == {"found", "missing", "not on register"}
    with pytest.raises(CalculationError, match="lang: expected 'id' or 'en'"):
        reconciliation_table(outcome, lang="de")
    with pytest.raises(CalculationError, match="result: expected a Reconciliation"):
        reconciliation_table(outcome.to_dict())  # type: ignore[arg-type]


def test_inputs_as_lists_frames_and_count_rows() -> None:
    expected = reconcile(REGISTER, COUNT).to_dict()
    as_frames = reconcile(register_to_frame(register_from_rows(REGISTER)), pd.DataFrame(COUNT).fillna({"quantity": 1}))
    assert as_frames.to_dict() == expected
    rows = [CountRow(**c) for c in COUNT]
    assert reconcile(register_from_rows(REGISTER), rows).to_dict() == expected


def test_codes_match_ignoring_case_and_spaces() -> None:
    out = reconcile([REGISTER[3]], [{"kode": " 02.06.01.05.001 ", "ruang": "Ruang Produksi", "kondisi": "B"}])
    assert out.to_dict()["summary"]["found"] == 1 and out.to_dict()["surplus"] == []


def test_quantity_over_and_register_rb_counted_better() -> None:
    # tables: 4 recorded, 5 counted; scale RB on the register, counted RR: still proposed, reason says why
    count = [
        {"code": "02.07.01.01.001", "name": "Meja", "room": "Ruang Produksi", "condition": "B", "quantity": 5},
        {"code": "02.06.03.02.001", "name": "Timbangan", "room": "Ruang Kemas", "condition": "RR"},
    ]
    out = reconcile([REGISTER[6], REGISTER[7]], count).to_dict()
    assert out["quantity_over"] == [
        {"code": "02.07.01.01.001", "name": "Meja kerja stainless", "register_quantity": 4, "counted_quantity": 5}
    ]
    assert [(w["code"], w["reason"]) for w in out["write_off_candidates"]] == [("02.06.03.02.001", "RB on register")]
    assert out["condition_changed"][0]["counted_condition"] == "RR"
    # with RR also a write-off condition, the counted condition is the reason
    wider = reconcile([REGISTER[6]], count[1:], write_off_conditions=("RR", "RB")).to_dict()
    assert wider["write_off_candidates"][0]["reason"] == "counted RR"
    with pytest.raises(CalculationError, match="write_off_conditions: expected one of B, RR, RB"):
        reconcile([REGISTER[6]], count[1:], write_off_conditions=("rusak",))


def test_empty_count_makes_everything_missing() -> None:
    out = reconcile(REGISTER, []).to_dict()
    assert out["summary"]["missing"] == 10 and out["found"] == [] and out["surplus"] == []


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ({"code": "X1", "name": "a", "room": "R", "condition": "hilang"},
         "row 2 (code 'X1'): condition: expected one of B, RR, RB or Baik, Rusak Ringan, Rusak Berat, got 'hilang'"),
        ({"code": "X1", "name": "a", "room": "R", "condition": None},
         "row 2 (code 'X1'): condition: expected one of B, RR, RB or Baik, Rusak Ringan, Rusak Berat, got nothing"),
        ({"code": "X1", "name": "a", "room": "R", "condition": "B", "quantity": -1},
         "row 2 (code 'X1'): quantity: expected a whole number ≥ 0, got -1"),
        ({"code": "X1", "name": "a", "room": "R", "condition": "B", "quantity": "dua"},
         "row 2 (code 'X1'): quantity: expected a whole number ≥ 0, got 'dua'"),
        ({"code": "", "name": "", "room": "R", "condition": "B"},
         "row 2 (no code): name: expected the name of the item (needed when there is no code), got nothing"),
        ({"code": "X1", "room": "R", "condition": "B", "jml": 1},
         "row 2 (code 'X1'): unknown field 'jml': expected one of code, name, room, condition, quantity"),
        ({"code": "01.01.11.04.001", "room": "", "condition": "B"},
         "row 2 (code '01.01.11.04.001'): code: expected a code not used before in the count, "
         "got it again (first in row 1)"),
    ],
)  # fmt: skip
def test_bad_count_rows_name_row_and_field(row: dict[str, Any], expected: str) -> None:
    with pytest.raises(CalculationError) as info:
        count_from_rows([COUNT[0], row])
    assert str(info.value) == f"count has 1 problem(s):\n  - {expected}"


def test_count_boundaries_and_all_problems_together() -> None:
    # quantity 0 is allowed (boundary), a code without a name is allowed, blank rows are skipped
    rows = count_from_rows([{"code": "X1", "room": "", "condition": "B", "quantity": 0}, {"code": None, "name": None}])
    assert rows == (CountRow("X1", "", "", "B", 0),)
    with pytest.raises(CalculationError) as info:
        count_from_rows([{"code": "X1", "condition": "?"}, {"code": "x1 ", "condition": "B"}, {"condition": "B"}])
    assert str(info.value).split("\n") == [
        "count has 3 problem(s):",
        "  - row 1 (code 'X1'): condition: expected one of B, RR, RB or Baik, Rusak Ringan, Rusak Berat, got '?'",
        "  - row 2 (code 'x1'): code: expected a code not used before in the count, got it again (first in row 1)",
        "  - row 3 (no code): name: expected the name of the item (needed when there is no code), got nothing",
    ]
    with pytest.raises(CalculationError, match="count: expected a list of count rows"):
        count_from_rows(42)  # type: ignore[arg-type]
    with pytest.raises(CalculationError, match=r"row 1 \(no code\): expected a mapping of fields"):
        count_from_rows([("X1", "B")])
    with pytest.raises(CalculationError, match="missing column\\(s\\) 'Kondisi' \\(condition\\)"):
        count_from_rows(pd.DataFrame({"Kode Barang": ["X1"], "Nama Barang": ["a"], "Ruang": ["R"]}))


def test_bad_register_rows_stop_the_reconciliation() -> None:
    with pytest.raises(CalculationError, match=r"row 1 \(code '01.01.11.04.001'\): card: expected"):
        reconcile([dict(REGISTER[0], card="Z")], COUNT)


def test_census_interval_is_data() -> None:
    # Permendagri 19/2016 art. 476(1): census at least once in 5 years
    assert CENSUS_INTERVAL_YEARS["census"] == 5 and "476" in CENSUS_SOURCE


def test_an_empty_register_gives_an_empty_table() -> None:
    table = reconciliation_table(reconcile(AssetRegister(()), []), lang="en")
    assert table.empty and table.columns[-2:].tolist() == ["Status", "Notes"]
