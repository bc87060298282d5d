"""The centre's books: cash book and monthly closing, errors in a written cash book, fees owed, machine use.

All people and businesses are fictional. Every expected number is computed by hand in the comment beside it.
"""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pandas as pd
import pytest

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.assets.books import months_between, parse_month, rupiah
from ikm_curriculum.modules.assets.cash_book import CashEntry, cash_book, cash_book_frame, monthly_closing
from ikm_curriculum.modules.assets.cash_book_check import FINDINGS, MESSAGES, check_cash_book
from ikm_curriculum.modules.assets.fees import DEFAULT_FEE_RULE, FeeReceipt, FeeRule, Member, fees_owed
from ikm_curriculum.modules.assets.machine_use import MachineUse, machine_utilisation

# --- cash book -----------------------------------------------------------------------------------------------

# A fictional centre's cash book, January–March 2024, opening balance Rp1 000 000.
THREE_MONTHS = [
    CashEntry("2024-01-03", "Retribusi Januari A-01", "BKM-001", cash_in=150_000),  # 1 000 000 + 150 000 = 1 150 000
    CashEntry("2024-01-10", "Beli gas LPG", "BKK-001", cash_out=90_000),  # 1 150 000 − 90 000 = 1 060 000
    CashEntry("2024-01-25", "Bayar listrik UPT", "BKK-002", cash_out=310_000),  # 1 060 000 − 310 000 = 750 000
    CashEntry("2024-02-05", "Sewa mesin vakum", "BKM-002", cash_in=200_000),  # 750 000 + 200 000 = 950 000
    CashEntry("2024-02-20", "Servis penggiling", "BKK-003", cash_out=175_000),  # 950 000 − 175 000 = 775 000
    CashEntry("2024-03-04", "Retribusi Maret", "BKM-003", cash_in=450_000),  # 775 000 + 450 000 = 1 225 000
    CashEntry("2024-03-28", "Beli kemasan", "BKK-004", cash_out=120_000),  # 1 225 000 − 120 000 = 1 105 000
]


def test_running_balance_of_a_three_month_cash_book() -> None:
    book = cash_book(THREE_MONTHS, opening_balance=1_000_000)
    # computed by hand in the comments of THREE_MONTHS
    assert [r.balance for r in book.rows] == [1_150_000, 1_060_000, 750_000, 950_000, 775_000, 1_225_000, 1_105_000]
    assert [r.row for r in book.rows] == [1, 2, 3, 4, 5, 6, 7]
    # totals by hand: in 150 000 + 200 000 + 450 000 = 800 000; out 90 000 + 310 000 + 175 000 + 120 000 = 695 000
    assert (book.total_in, book.total_out) == (800_000, 695_000)
    assert book.closing_balance == 1_000_000 + 800_000 - 695_000 == 1_105_000
    assert book.out_of_order == ()


def test_monthly_closing_carries_each_closing_to_the_next_opening() -> None:
    book = cash_book(THREE_MONTHS, opening_balance=1_000_000)
    closings = [(m.month, m.opening, m.total_in, m.total_out, m.closing) for m in book.monthly_closing()]
    assert closings == [
        # January: in 150 000; out 90 000 + 310 000 = 400 000; 1 000 000 + 150 000 − 400 000 = 750 000
        ("2024-01", 1_000_000, 150_000, 400_000, 750_000),
        # February: opens with January's 750 000; 750 000 + 200 000 − 175 000 = 775 000
        ("2024-02", 750_000, 200_000, 175_000, 775_000),
        # March: opens with 775 000; 775 000 + 450 000 − 120 000 = 1 105 000 (= the book's closing balance)
        ("2024-03", 775_000, 450_000, 120_000, 1_105_000),
    ]
    assert monthly_closing(book) == book.monthly_closing()
    assert monthly_closing(THREE_MONTHS, opening_balance=1_000_000) == book.monthly_closing()


def test_a_month_without_entries_is_closed_at_its_opening_balance() -> None:
    entries = [CashEntry("2024-01-31", "Iuran", "M-1", cash_in=10_000), CashEntry("2024-03-01", "ATK", "K-1", 0, 4_000)]
    closings = monthly_closing(entries)  # opening 0 by default
    # by hand: Jan 0 + 10 000 = 10 000; Feb nothing → 10 000; Mar 10 000 − 4 000 = 6 000
    assert [(m.month, m.opening, m.closing) for m in closings] == [
        ("2024-01", 0, 10_000),
        ("2024-02", 10_000, 10_000),
        ("2024-03", 10_000, 6_000),
    ]
    assert monthly_closing([]) == ()
    empty = cash_book([], opening_balance=5_000)
    assert (empty.rows, empty.closing_balance) == ((), 5_000)


def test_rows_are_sorted_stably_by_date_and_the_moved_rows_reported() -> None:
    entries = [
        CashEntry("2024-02-10", "B (first on 10 Feb)", "K-2", cash_out=30_000),
        CashEntry("2024-02-10", "A (second on 10 Feb)", "M-2", cash_in=50_000),
        CashEntry("2024-02-01", "C (written late)", "M-1", cash_in=100_000),
    ]
    book = cash_book(entries)
    # sorted by date; the two rows of 10 Feb keep their written order (stable sort)
    assert [r.row for r in book.rows] == [3, 1, 2]
    # by hand: 0 + 100 000 = 100 000; − 30 000 = 70 000; + 50 000 = 120 000
    assert [r.balance for r in book.rows] == [100_000, 70_000, 120_000]
    assert book.out_of_order == (3,)


def test_dict_rows_with_indonesian_names_spreadsheet_numbers_and_a_dataframe() -> None:
    rows = [
        {"tanggal": dt.datetime(2024, 5, 2, 9, 30), "uraian": "Iuran", "bukti": 17, "masuk": 75_000.0, "keluar": None},
        {"tanggal": "2024-05-03", "uraian": "Gas", "bukti": "K-1", "masuk": float("nan"), "keluar": 25_000},
    ]
    book = cash_book(rows, opening_balance=10_000.0)
    # by hand: 10 000 + 75 000 = 85 000; 85 000 − 25 000 = 60 000
    assert [r.balance for r in book.rows] == [85_000, 60_000]
    assert book.rows[0].date == dt.date(2024, 5, 2) and book.rows[0].receipt == "17"
    assert isinstance(book.rows[0].cash_in, int) and book.rows[1].cash_in == 0
    assert cash_book(pd.DataFrame(rows)).closing_balance == 50_000  # by hand: 0 + 75 000 − 25 000


def test_cash_book_to_dict_is_json_able() -> None:
    data = cash_book(THREE_MONTHS[:2], 1_000_000).to_dict()
    json.dumps(data)
    assert data["rows"][0] == {
        "row": 1,
        "date": "2024-01-03",
        "description": "Retribusi Januari A-01",
        "receipt": "BKM-001",
        "cash_in": 150_000,
        "cash_out": 0,
        "balance": 1_150_000,
    }
    assert data["monthly_closing"] == [
        # by hand: 1 000 000 + 150 000 − 90 000 = 1 060 000
        {"month": "2024-01", "opening": 1_000_000, "total_in": 150_000, "total_out": 90_000, "closing": 1_060_000}
    ]


def test_cash_book_frame_in_indonesian_and_english() -> None:
    book = cash_book(THREE_MONTHS, 1_000_000)
    frame = cash_book_frame(book)
    assert list(frame.columns) == ["Tanggal", "Uraian", "No. Bukti", "Masuk (Rp)", "Keluar (Rp)", "Saldo (Rp)"]
    assert frame.index.name == "Baris" and list(frame.index) == [1, 2, 3, 4, 5, 6, 7]
    assert frame["Saldo (Rp)"].tolist()[-1] == 1_105_000  # closing balance computed by hand above
    assert str(frame["Masuk (Rp)"].dtype) == "int64"
    english = cash_book_frame(book, lang="en")
    assert list(english.columns) == ["Date", "Description", "Receipt No.", "In (Rp)", "Out (Rp)", "Balance (Rp)"]
    assert english.index.name == "Row"
    assert cash_book_frame(cash_book([])).shape == (0, 6)


@pytest.mark.parametrize(
    ("rows", "fragments"),
    [
        ([{"date": "03/01/2024", "cash_in": 5}], ["row 1, 'date' (tanggal)", "ISO text 'YYYY-MM-DD'", "'03/01/2024'"]),
        ([{"date": "2024-01-03"}, {"cash_in": 5}], ["row 2, 'date' (tanggal)", "got (blank)"]),
        ([{"date": "2024-01-03", "cash_in": 1500.5}], ["row 1, 'cash_in' (masuk)", "whole rupiah", "1500.5"]),
        ([{"date": "2024-01-03", "keluar": "Rp150.000"}], ["row 1, 'cash_out' (keluar)", "'Rp150.000'"]),
        ([{"date": "2024-01-03", "cash_in": True}], ["row 1, 'cash_in' (masuk)", "True"]),
        ([{"date": "2024-01-03", "cash_out": -5_000}], ["row 1, 'cash_out' (keluar)", "≥ 0", "-5000"]),
        (["2024-01-03 gas 5000"], ["row 1: expected a dict or a dataclass"]),
        ([{"date": "2024-01-03", "receipt": 1.5}], ["row 1, 'receipt' (bukti)", "a text", "1.5"]),
    ],
)
def test_cash_book_rejects_bad_rows_naming_row_and_field(rows: list[object], fragments: list[str]) -> None:
    with pytest.raises(CalculationError) as info:
        cash_book(rows)
    for fragment in fragments:
        assert fragment in str(info.value)


def test_all_problems_of_a_cash_book_come_in_one_message() -> None:
    rows = [{"date": "2024-13-01", "cash_in": 5}, {"date": "2024-01-02"}, {"date": "2024-01-03", "masuk": -1}]
    with pytest.raises(CalculationError, match=r"2 problem\(s\)") as info:
        cash_book(rows)
    assert "row 1, 'date'" in str(info.value) and "row 3, 'cash_in'" in str(info.value)


@pytest.mark.parametrize(
    ("call", "fragment"),
    [
        (lambda: cash_book({"date": "2024-01-01"}), "entries (cash book): expected a list of rows"),
        (lambda: cash_book(None), "entries (cash book): expected a list of rows"),  # type: ignore[arg-type]
        (lambda: cash_book([], opening_balance=-1), "opening_balance: expected at least 0"),
        (lambda: cash_book([], opening_balance="1000"), "opening_balance: expected whole rupiah"),
        (
            lambda: monthly_closing(cash_book([]), opening_balance=5),
            "opening_balance: expected nothing with a CashBook",
        ),
        (lambda: cash_book_frame(THREE_MONTHS), "result: expected a CashBook"),  # type: ignore[arg-type]
        (lambda: cash_book_frame(cash_book([]), lang="fr"), "lang: expected one of 'id', 'en', got 'fr'"),
    ],
)
def test_cash_book_rejects_bad_arguments(call: object, fragment: str) -> None:
    with pytest.raises(CalculationError) as info:
        call()  # type: ignore[operator]
    assert fragment in str(info.value)


# --- errors in a written cash book ---------------------------------------------------------------------------

# A crafted book with every kind of error, opening balance Rp100 000. Computed running balance as written:
CRAFTED = [
    CashEntry("2024-04-01", "Retribusi April", "BKM-01", cash_in=200_000),  # 100 000 + 200 000 = 300 000
    CashEntry("2024-04-03", "Beli gas", "", cash_out=50_000),  # 300 000 − 50 000 = 250 000; no receipt
    CashEntry("2024-04-05", "Setor dan beli", "BKK-01", 100_000, 30_000),  # 250 000 + 100 000 − 30 000 = 320 000
    CashEntry("2024-04-06", "ATK", "BKK-02", cash_out=20_000),  # 320 000 − 20 000 = 300 000
    CashEntry("2024-04-04", "Fotokopi", " bkk-02", cash_out=5_000),  # 300 000 − 5 000 = 295 000; dup, date early
    CashEntry("2024-04-08", "Koreksi", "BKM-02", cash_in=-15_000),  # 295 000 − 15 000 = 280 000; negative amount
    CashEntry("2024-04-09", "Servis mesin", "BKK-03", cash_out=400_000),  # 280 000 − 400 000 = −120 000
    CashEntry("2024-04-10", "Beli bumbu", "BKK-04", cash_out=10_000),  # −120 000 − 10 000 = −130 000
]
# Stated balances: row 3 is 10 000 too high (320 000 written 330 000); row 4 copies that error forward
# (310 000 = 330 000 − 20 000); row 5 is right again; row 6 has none; row 8 is 10 000 too low.
STATED = [300_000, 250_000, 330_000, 310_000, 295_000, None, -120_000, -140_000]


def test_every_finding_of_a_crafted_cash_book() -> None:
    found = check_cash_book(CRAFTED, opening_balance=100_000, stated_balances=STATED)
    assert [(f.code, f.row, f.field) for f in found] == [
        ("missing_receipt", 2, "receipt"),
        ("both_in_and_out", 3, "cash_in"),
        ("balance_mismatch", 3, "balance"),  # stated 330 000, computed 320 000
        # row 4: difference 310 000 − 300 000 = 10 000, the same as row 3 → carried forward, not flagged again
        ("duplicate_receipt", 5, "receipt"),  # " bkk-02" = "BKK-02" of row 4 (spaces and case ignored)
        ("date_out_of_order", 5, "date"),  # 4 April after 6 April
        ("negative_amount", 6, "cash_in"),
        ("negative_balance", 7, "balance"),  # 280 000 − 400 000 = −120 000
        # row 8 stays below zero (not flagged again), and its stated balance is wrong:
        ("balance_mismatch", 8, "balance"),  # stated −140 000, computed −130 000
    ]
    assert {f.code for f in found} == set(FINDINGS) == set(MESSAGES)
    mismatch = found[2]
    assert (mismatch.stated, mismatch.computed) == (330_000, 320_000)
    assert mismatch.message.id == "Baris 3: saldo tertulis Rp330.000, seharusnya Rp320.000 (selisih Rp10.000)."
    assert (found[-1].stated, found[-1].computed) == (-140_000, -130_000)
    assert found[-1].message.en.endswith("(difference -Rp10,000).")
    assert found[6].computed == -120_000 and "-Rp120.000" in found[6].message.id
    assert "baris 4" in found[3].message.id and "row 4" in found[3].message.en
    assert "04/04/2024" in found[4].message.id and "(06/04/2024)" in found[4].message.id
    assert "2024-04-04" in found[4].message.en
    assert "Masuk" in found[5].message.id and "(-Rp15.000)" in found[5].message.id
    json.dumps([f.to_dict() for f in found])
    assert found[0].to_dict()["message"] == found[0].message.to_dict()


def test_a_clean_book_has_no_findings() -> None:
    stated = [1_150_000, 1_060_000, 750_000, 950_000, 775_000, 1_225_000, 1_105_000]  # balances computed above
    assert check_cash_book(THREE_MONTHS, 1_000_000, stated_balances=stated) == []
    assert check_cash_book(THREE_MONTHS, 1_000_000) == []


def test_a_negative_out_amount_and_a_balance_falling_below_zero_twice() -> None:
    entries = [
        CashEntry("2024-06-01", "a", "K-1", cash_out=-2_000),  # 0 + 2 000 = 2 000 (negative out adds)
        CashEntry("2024-06-02", "b", "K-2", cash_out=5_000),  # 2 000 − 5 000 = −3 000 → below zero
        CashEntry("2024-06-03", "c", "M-1", cash_in=10_000),  # −3 000 + 10 000 = 7 000 → back above
        CashEntry("2024-06-04", "d", "K-3", cash_out=7_000),  # 7 000 − 7 000 = 0 → not below zero
        CashEntry("2024-06-05", "e", "K-4", cash_out=1),  # 0 − 1 = −1 → below zero again
    ]
    found = check_cash_book(entries)
    assert [(f.code, f.row, f.computed) for f in found] == [
        ("negative_amount", 1, None),
        ("negative_balance", 2, -3_000),
        ("negative_balance", 5, -1),
    ]
    assert found[0].field == "cash_out" and "Keluar" in found[0].message.id


def test_a_carried_difference_that_changes_is_flagged_again() -> None:
    entries = [CashEntry("2024-07-01", str(i), f"M-{i}", cash_in=1_000) for i in range(1, 5)]
    # computed 1 000, 2 000, 3 000, 4 000; stated differences +500, +500 (carried), +700 (new error), 0
    found = check_cash_book(entries, stated_balances=[1_500, 2_500, 3_700, 4_000])
    assert [(f.row, f.stated, f.computed) for f in found] == [(1, 1_500, 1_000), (3, 3_700, 3_000)]


def test_check_cash_book_reads_rows_as_written_not_sorted() -> None:
    entries = [CashEntry("2024-08-05", "a", "M-1", cash_in=500), CashEntry("2024-08-01", "b", "K-1", cash_out=600)]
    # as written: 0 + 500 = 500, 500 − 600 = −100 → below zero on row 2 (sorted it would be below zero on row 1)
    assert [(f.code, f.row) for f in check_cash_book(entries)] == [("date_out_of_order", 2), ("negative_balance", 2)]


@pytest.mark.parametrize(
    ("stated", "fragment"),
    [
        ([1, 2], "stated_balances: expected 1 values (one per entry), got 2"),
        (["1.000"], "stated_balances[0] (row 1): expected whole rupiah or None, got '1.000'"),
        ("1000", "stated_balances: expected a list with one balance per entry"),
    ],
)
def test_check_cash_book_rejects_bad_stated_balances(stated: object, fragment: str) -> None:
    with pytest.raises(CalculationError) as info:
        check_cash_book([CashEntry("2024-01-01", "a", "M-1", 1_000)], stated_balances=stated)  # type: ignore[arg-type]
    assert fragment in str(info.value)


def test_check_cash_book_rejects_structural_errors() -> None:
    with pytest.raises(CalculationError, match=r"row 2, 'date' \(tanggal\)"):
        check_cash_book([CashEntry("2024-01-01"), CashEntry("1 Jan 2024")])
    with pytest.raises(CalculationError, match="opening_balance: expected at least 0"):
        check_cash_book([], opening_balance=-100)


# --- helpers of the books ------------------------------------------------------------------------------------


def test_months_and_rupiah_helpers() -> None:
    assert months_between("2024-11", "2025-02") == ["2024-11", "2024-12", "2025-01", "2025-02"]
    assert months_between("2024-03", "2024-02") == []
    assert rupiah(1_234_567, "id") == "Rp1.234.567" and rupiah(1_234_567, "en") == "Rp1,234,567"
    for bad in ("2024-13", "2024/03", "March 2024", 202403):
        with pytest.raises(CalculationError, match="from_month: expected a month"):
            parse_month(bad, "from_month")


# --- fees owed -----------------------------------------------------------------------------------------------

REGISTER = [
    Member("A-01", "Abon Mawar", "Ibu Sari (fiktif)", "abon ikan", "2022-08-15", 20_000, "aktif"),
    Member("A-02", "Mete Jaya", "Pak Anto (fiktif)", "kacang mete", "2024-03-20", 30_000, "active"),
    Member(
        "A-03", "Tenun Lestari", "Ibu Wa Ode (fiktif)", "kain tenun", "2021-01-01", 25_000, "Tidak Aktif", "2024-02-10"
    ),
    Member("A-04", "Perak Werk", "Pak Laode (fiktif)", "perak filigri", "2020-06-01", 25_000, "nonaktif"),
    Member("A-05", "Sagu Sinonggi", "Ibu Rina (fiktif)", "sagu", "2024-07-01", 20_000, "active"),
]
RECEIPTS = [
    FeeReceipt("A-01", "2024-01-10", 60_000, "R-01"),
    FeeReceipt("A-01", "2024-04-02", 40_000, "R-02"),
    FeeReceipt("A-02", "2024-03-20", 120_000, "R-03"),
    FeeReceipt("A-03", "2024-01-05", 75_000, "R-04"),
    FeeReceipt("A-01", "2023-12-28", 20_000, "R-05"),  # before the period: not counted
]


def test_fees_owed_for_full_mid_period_inactive_and_overpaid_members() -> None:
    result = fees_owed(REGISTER, RECEIPTS, "2024-01", "2024-06")
    rows = {m.member_id: (m.months_owed, m.due, m.paid, m.outstanding, m.overpaid) for m in result.members}
    assert rows == {
        "A-01": (6, 120_000, 100_000, 20_000, 0),  # Jan–Jun: 6 × 20 000 = 120 000; paid 60 000 + 40 000
        "A-02": (4, 120_000, 120_000, 0, 0),  # joined 20 March: Mar–Jun = 4 × 30 000 = 120 000
        "A-03": (2, 50_000, 75_000, 0, 25_000),  # inactive, left 10 Feb: Jan–Feb = 2 × 25 000; 75 000 − 50 000
        "A-04": (0, 0, 0, 0, 0),  # inactive, no date of leaving → nothing owed
        "A-05": (0, 0, 0, 0, 0),  # joins in July, after the period
    }
    assert result.member("A-02").months == ("2024-03", "2024-04", "2024-05", "2024-06")
    assert result.member("A-01").receipts == ("R-01", "R-02")
    assert result.in_arrears == ("A-01",)
    # totals by hand: due 120 000 + 120 000 + 50 000 = 290 000; paid 100 000 + 120 000 + 75 000 = 295 000
    assert (result.total_due, result.total_paid, result.total_outstanding, result.total_overpaid) == (
        290_000,
        295_000,
        20_000,
        25_000,
    )
    assert result.receipts_outside_period == (5,)
    assert result.member("A-03").status == "inactive" and result.member("A-01").status == "active"
    data = result.to_dict()
    json.dumps(data)
    assert data["members"][0]["months_owed"] == 6 and data["in_arrears"] == ["A-01"]
    with pytest.raises(KeyError):
        result.member("A-99")


def test_the_month_rule_is_a_parameter() -> None:
    rule = FeeRule(count_joining_month=False, count_leaving_month=False)
    result = fees_owed(REGISTER, RECEIPTS, "2024-01", "2024-06", rule=rule)
    # A-02 joined in March, March not counted: Apr–Jun = 3 × 30 000 = 90 000; paid 120 000 → 30 000 overpaid
    assert (result.member("A-02").months_owed, result.member("A-02").overpaid) == (3, 30_000)
    # A-03 left in February, February not counted: January only = 25 000; paid 75 000 → 50 000 overpaid
    assert (result.member("A-03").months, result.member("A-03").overpaid) == (("2024-01",), 50_000)
    # A-01 joined in 2022: the rule on the joining month does not touch the period → still 6 months
    assert result.member("A-01").months_owed == 6
    assert DEFAULT_FEE_RULE == FeeRule(True, True)


@pytest.mark.parametrize(
    ("joined", "months"),
    [
        ("2024-01-01", 3),  # joined on the first day of the period: Jan–Mar
        ("2023-12-31", 3),  # joined the day before: the whole period
        ("2024-03-31", 1),  # joined on the last day of the period: March (counted in full)
        ("2024-04-01", 0),  # joined the day after the period
    ],
)
def test_joining_date_around_the_period_bounds(joined: str, months: int) -> None:
    member = {"member_id": "B-1", "joined": joined, "monthly_fee": 10_000, "status": "aktif"}
    result = fees_owed([member], [], dt.date(2024, 1, 15), "2024-03")  # a date stands for its month
    assert result.member("B-1").months_owed == months
    assert result.member("B-1").due == months * 10_000  # months × fee
    assert result.in_arrears == (("B-1",) if months else ())


def test_a_receipt_on_the_last_day_of_the_period_counts_the_day_after_does_not() -> None:
    member = Member("C-1", "x", "y", "z", "2024-01-01", 5_000)
    receipts = [FeeReceipt("C-1", "2024-02-29", 5_000, "R-1"), FeeReceipt("C-1", "2024-03-01", 5_000, "R-2")]
    result = fees_owed([member], receipts, "2024-01", "2024-02")
    # due 2 × 5 000 = 10 000, paid 5 000 (only R-1) → 5 000 outstanding; R-2 is row 2, outside the period
    assert (result.member("C-1").paid, result.member("C-1").outstanding, result.receipts_outside_period) == (
        5_000,
        5_000,
        (2,),
    )


@pytest.mark.parametrize(
    ("members", "receipts", "fragments"),
    [
        (REGISTER, [FeeReceipt("A-09", "2024-01-05", 20_000, "R-9")], ["receipts", "row 1, 'member_id'", "'A-09'"]),
        (REGISTER[:1] * 2, [], ["members", "row 2, 'member_id'", "already on row 1"]),
        ([{**REGISTER[0].__dict__, "status": "pindah"}], [], ["row 1, 'status'", "'pindah'", "aktif"]),
        ([{**REGISTER[0].__dict__, "left": "2024-03-01"}], [], ["row 1, 'left'", "active member"]),
        ([{**REGISTER[2].__dict__, "left": "2020-12-31"}], [], ["row 1, 'left'", "not before joining (2021-01-01)"]),
        ([{**REGISTER[0].__dict__, "monthly_fee": -5}], [], ["row 1, 'monthly_fee' (iuran)", "≥ 0", "-5"]),
        ([{**REGISTER[0].__dict__, "monthly_fee": None}], [], ["row 1, 'monthly_fee'", "(blank)"]),
        ([{**REGISTER[0].__dict__, "joined": "15-08-2022"}], [], ["row 1, 'joined' (tanggal_masuk)"]),
        (REGISTER, [FeeReceipt("A-01", "2024-01-05", 0, "R-1")], ["row 1, 'amount' (jumlah)", "> 0"]),
        (REGISTER, [FeeReceipt("A-01", "2024-01-05", 5, "")], ["row 1, 'receipt' (bukti)", "non-empty"]),
        (REGISTER, [FeeReceipt("A-01", "2024-01-05", 5, "R-1")] * 2, ["row 2, 'receipt'", "already on row 1"]),
        (REGISTER, ["A-01 60000"], ["receipts", "row 1: expected a dict or a dataclass"]),
        ({"A-01": REGISTER[0]}, [], ["members (buku daftar anggota): expected a list of rows"]),
    ],
)
def test_fees_owed_rejects_bad_rows(members: object, receipts: object, fragments: list[str]) -> None:
    with pytest.raises(CalculationError) as info:
        fees_owed(members, receipts, "2024-01", "2024-06")  # type: ignore[arg-type]
    for fragment in fragments:
        assert fragment in str(info.value)


def test_unknown_members_of_several_receipts_are_all_named() -> None:
    receipts = [
        FeeReceipt("A-01", "2024-01-05", 5_000, "R-1"),
        FeeReceipt("X-1", "2024-01-06", 5_000, "R-2"),
        FeeReceipt("X-2", "2024-01-07", 5_000, "R-3"),
    ]
    with pytest.raises(CalculationError, match=r"2 problem\(s\)") as info:
        fees_owed(REGISTER, receipts, "2024-01", "2024-06")
    assert "row 2, 'member_id'" in str(info.value) and "row 3, 'member_id'" in str(info.value)
    assert "A-01, A-02, A-03, A-04, A-05" in str(info.value)  # the known ids are listed


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"from_month": "2024-06", "to_month": "2024-01"}, "to_month: expected a month not before from_month"),
        ({"from_month": "2024-00", "to_month": "2024-06"}, "from_month: expected a month as text 'YYYY-MM'"),
        ({"from_month": "2024-01", "to_month": None}, "to_month: expected a month"),
        ({"from_month": "2024-01", "to_month": "2024-06", "rule": {"count_joining_month": False}}, "rule: expected"),
    ],
)
def test_fees_owed_rejects_bad_arguments(kwargs: dict[str, object], fragment: str) -> None:
    with pytest.raises(CalculationError, match=fragment):
        fees_owed(REGISTER, RECEIPTS, **kwargs)  # type: ignore[arg-type]


# --- machine use ---------------------------------------------------------------------------------------------

AVAILABLE = {"fryer": 40, "sealer": 20, "oven": 30}
LOG = [
    MachineUse("2024-03-04", "fryer", "A-01", 3.5),
    MachineUse("2024-03-04", "fryer", "A-02", start="08:00", end="10:30"),  # 2.5 h
    MachineUse("2024-03-05", "sealer", "A-01", 1.5),
    MachineUse("2024-03-05", "fryer", "A-01", 4, start=dt.time(13, 0), end=dt.time(17, 0)),  # 4 h, agrees
    MachineUse("2024-03-06", "sealer", "A-03", 0.5),
]


def test_machine_utilisation_by_hand() -> None:
    result = machine_utilisation(LOG, AVAILABLE)
    fryer, sealer, oven = result.machines
    # fryer: 3.5 + 2.5 + 4 = 10 h of 40 → 25 %; A-01 3.5 + 4 = 7.5 h (7.5/10 = 75 %), A-02 2.5 h (25 %)
    assert (fryer.machine, fryer.hours_used, fryer.available_hours, fryer.utilisation_pct) == ("fryer", 10, 40, 25)
    assert fryer.hours_by_member == {"A-01": 7.5, "A-02": 2.5}
    assert fryer.share_by_member_pct == {"A-01": 75.0, "A-02": 25.0}
    # sealer: 1.5 + 0.5 = 2 h of 20 → 10 %; A-01 1.5/2 = 75 %, A-03 0.5/2 = 25 %
    assert (sealer.hours_used, sealer.utilisation_pct, sealer.share_by_member_pct) == (
        2,
        10,
        {"A-01": 75.0, "A-03": 25.0},
    )
    # oven: not used → 0 %
    assert (oven.hours_used, oven.utilisation_pct, oven.hours_by_member) == (0, 0, {})
    members = {m.member_id: m for m in result.members}
    assert list(members) == ["A-01", "A-02", "A-03"]  # order of first appearance
    # 7.5 h fryer + 1.5 h sealer = 9 h; 75 % of each machine's use
    assert members["A-01"].total_hours == 9
    assert members["A-01"].hours_by_machine == {"fryer": 7.5, "sealer": 1.5}
    assert members["A-01"].share_of_machine_pct == {"fryer": 75.0, "sealer": 75.0}
    assert members["A-03"].share_of_machine_pct == {"sealer": 25.0}
    assert result.total_hours == 12  # 10 + 2
    assert result.machine("sealer") is sealer
    json.dumps(result.to_dict())
    with pytest.raises(KeyError):
        result.machine("loom")


def test_over_100_percent_and_the_24_hour_bound() -> None:
    log = [
        {"tanggal": "2024-03-04", "mesin": "oven", "no_anggota": "A-01", "jam": 14},
        {"tanggal": "2024-03-04", "mesin": "oven", "no_anggota": "A-02", "jam": 10},  # 14 + 10 = 24 h: allowed
    ]
    result = machine_utilisation(log, {"oven": 20})
    assert result.machine("oven").utilisation_pct == 120.0  # 24 / 20 × 100: more logged than available
    # 1 h 20 min written as 1.33 h: within half a minute of 80/60 = 1.3333 h
    ok = machine_utilisation([MachineUse("2024-03-04", "oven", "A-01", 1.33, "08:00", "09:20")], {"oven": 10})
    assert ok.total_hours == 1.33
    # numpy numbers from a spreadsheet are numbers too: 2 h of 8 → 25 %
    spreadsheet = machine_utilisation([MachineUse("2024-03-04", "oven", "A-01", np.float64(2))], {"oven": np.int64(8)})
    assert spreadsheet.machine("oven").utilisation_pct == 25.0


@pytest.mark.parametrize(
    ("row", "fragments"),
    [
        (MachineUse("2024-03-04", "fryer", "A-01", -1), ["row 1, 'hours' (jam)", "hours ≥ 0", "-1"]),
        (
            MachineUse("2024-03-04", "fryer", "A-01", start="10:00", end="09:00"),
            ["row 1, 'end'", "after start (10:00)"],
        ),
        (
            MachineUse("2024-03-04", "loom", "A-01", 2),
            ["row 1, 'machine' (mesin)", "'fryer', 'sealer', 'oven'", "'loom'"],
        ),
        (MachineUse("2024-03-04", "fryer", "A-01", 3, "08:00", "10:00"), ["row 1, 'hours'", "start to end (2)", "3"]),
        (MachineUse("2024-03-04", "fryer", "A-01", start="08:00"), ["row 1, 'end' (selesai)", "both start and end"]),
        (MachineUse("2024-03-04", "fryer", "A-01", end="08:00"), ["row 1, 'start' (mulai)", "both start and end"]),
        (MachineUse("2024-03-04", "fryer", "A-01"), ["row 1, 'hours' (jam)", "or start and end times"]),
        (MachineUse("2024-03-04", "fryer", "A-01", start="25:00", end="26:00"), ["row 1, 'start'", "'25:00'"]),
        (MachineUse("2024-03-04", "fryer", "A-01", "2"), ["row 1, 'hours'", "a number of hours", "'2'"]),
        (MachineUse("2024-03-04", "fryer", "", 2), ["row 1, 'member_id'", "non-empty"]),
        (MachineUse("4 Maret", "fryer", "A-01", 2), ["row 1, 'date' (tanggal)"]),
    ],
)
def test_machine_log_rejects_bad_rows(row: MachineUse, fragments: list[str]) -> None:
    with pytest.raises(CalculationError) as info:
        machine_utilisation([row, LOG[0]], AVAILABLE)
    for fragment in fragments:
        assert fragment in str(info.value)


def test_more_than_24_hours_of_a_machine_in_one_day_names_the_rows() -> None:
    log = [
        MachineUse("2024-03-04", "fryer", "A-01", 14),
        MachineUse("2024-03-05", "fryer", "A-01", 14),  # another day: fine
        MachineUse("2024-03-04", "fryer", "A-02", 10.5),  # 14 + 10.5 = 24.5 h on 4 March
    ]
    with pytest.raises(CalculationError) as info:
        machine_utilisation(log, AVAILABLE)
    assert "rows 1, 3 ('fryer' on 2024-03-04), 'hours' (jam): expected at most 24 h" in str(info.value)
    assert "got 24.5 h" in str(info.value)


@pytest.mark.parametrize(
    ("available", "fragment"),
    [
        ({}, "available_hours_per_machine: expected a non-empty mapping"),
        ([("fryer", 40)], "available_hours_per_machine: expected a non-empty mapping"),
        ({"fryer": 0}, "available_hours_per_machine['fryer']: expected hours available > 0, got 0"),
        ({"fryer": "40"}, "available_hours_per_machine['fryer']: expected hours available > 0"),
        ({"fryer": float("inf")}, "available_hours_per_machine['fryer']"),
    ],
)
def test_machine_utilisation_rejects_bad_available_hours(available: object, fragment: str) -> None:
    with pytest.raises(CalculationError) as info:
        machine_utilisation(LOG[:1], available)  # type: ignore[arg-type]
    assert fragment in str(info.value)
