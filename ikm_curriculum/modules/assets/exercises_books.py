"""Exercise generators on the centre's books: cash book, members' fees (retribusi), machine-use log.

Generators return ``(public, key)`` as described in :mod:`.exercises`, set in the
participant's own centre (its members and UPT machines). Keys come from
:mod:`.cash_book`, :mod:`.cash_book_check`, :mod:`.fees` and :mod:`.machine_use`.

>>> import numpy as np
>>> from ikm_curriculum.assessment import ParticipantContext
>>> book = draw_cash_month(np.random.default_rng(3), ParticipantContext("p1", "abon ikan"))
>>> len(book.entries) >= 8, book.opening > 0
(True, True)
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import numpy as np

from ikm_curriculum.assessment import ParticipantContext, bilingual, column, exercise
from ikm_curriculum.modules.assets.cash_book import CashEntry, cash_book
from ikm_curriculum.modules.assets.cash_book_check import check_cash_book
from ikm_curriculum.modules.assets.centre_assets import members_of
from ikm_curriculum.modules.assets.fees import FeeReceipt, Member, fees_owed
from ikm_curriculum.modules.assets.machine_use import MachineUse, machine_utilisation
from ikm_curriculum.modules.assets.sample_data import (
    COUNT_YEAR,
    RUPIAH_HINT,
    Key,
    Public,
    date_text,
    month_text,
    rupiah,
)
from ikm_curriculum.modules.facility.centres import centre_for
from ikm_curriculum.modules.quality.commodities import Text

MONTH = 3  # the month of the cash book in the exercises: March of COUNT_YEAR (teaching data)
# (description, in or out, low, high in thousands of rupiah): the usual lines of a centre's cash book.
CASH_LINES = (
    (Text("Retribusi pemakaian mesin UPT", "Levy for the use of UPT machines"), "in", 150, 900),
    (Text("Iuran bulanan anggota", "Members' monthly fees"), "in", 200, 600),
    (Text("Sewa ruang rumah kemasan", "Rent of a packing-house room"), "in", 500, 1500),
    (Text("Bayar listrik UPT", "UPT electricity bill"), "out", 400, 1200),
    (Text("Beli gas LPG", "LPG gas"), "out", 100, 400),
    (Text("Beli sabun dan alat kebersihan", "Soap and cleaning supplies"), "out", 50, 200),
    (Text("Servis mesin", "Machine service"), "out", 150, 700),
    (Text("Honor petugas kebersihan", "Cleaner's wage"), "out", 300, 800),
    (Text("Beli air bersih", "Clean water"), "out", 50, 250),
)


@dataclass(frozen=True)
class CashMonth:
    """One month of a centre's cash book: opening balance, entries in date order, receipt numbers."""

    opening: int
    entries: tuple[CashEntry, ...]
    texts: tuple[Text, ...]


def draw_cash_month(rng: np.random.Generator, ctx: ParticipantContext, lines: int = 9) -> CashMonth:
    """A month of cash-book entries (March): fees and levies in, bills and supplies out; the balance stays ≥ 0."""
    opening = int(rng.integers(15, 60)) * 100_000
    days = sorted(int(d) for d in rng.choice(range(2, 29), lines, replace=False))
    entries, texts, balance = [], [], opening
    for k, day in enumerate(days, start=1):
        text, side, low, high = CASH_LINES[int(rng.integers(len(CASH_LINES)))]
        amount = int(rng.integers(low // 10, high // 10 + 1)) * 10_000
        if side == "out" and amount > balance:
            side = "in"
        balance += amount if side == "in" else -amount
        entries.append(CashEntry(datetime.date(COUNT_YEAR, MONTH, day), text.id, f"BKT-{MONTH:02d}{k:02d}",
                                 amount if side == "in" else 0, amount if side == "out" else 0))  # fmt: skip
        texts.append(text)
    return CashMonth(opening, tuple(entries), tuple(texts))


def _cash_data(month: CashMonth, stated: list[int] | None = None) -> dict:
    columns = [column("date", "Tanggal", "Date"), column("text", "Uraian", "Description"),
               column("receipt", "No. bukti", "Receipt no."), column("in", "Masuk", "In"),
               column("out", "Keluar", "Out")]  # fmt: skip
    rows = []
    for k, (entry, text) in enumerate(zip(month.entries, month.texts, strict=True)):
        day = entry.date if isinstance(entry.date, datetime.date) else datetime.date.fromisoformat(entry.date)
        row = [
            date_text(day),
            text.to_dict(),
            entry.receipt or "—",
            rupiah(entry.cash_in) if entry.cash_in else "",
            rupiah(entry.cash_out) if entry.cash_out else "",
        ]
        rows.append(row + ([rupiah(stated[k])] if stated is not None else []))  # fmt: skip
    if stated is not None:
        columns.append(column("balance", "Saldo", "Balance"))
    return {"columns": columns, "rows": rows}


@exercise("aset.cash_closing", kind="numeric", points=2)
def cash_closing(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """Closing balance of a month = opening + Σ in − Σ out (running balance of a cash book; :mod:`.cash_book`)."""
    month = draw_cash_month(rng, ctx)
    book = cash_book(month.entries, month.opening)
    public: Public = {
        "title": bilingual("Saldo akhir bulan di buku kas", "Month-end balance of the cash book"),
        "prompt": bilingual(
            f"Saldo kas sentra pada awal {month_text(COUNT_YEAR, MONTH)['id']} adalah "
            f"{rupiah(month.opening)['id']}. Berapa saldo kas pada akhir bulan itu? " + RUPIAH_HINT["id"],
            f"The centre's cash at the start of {month_text(COUNT_YEAR, MONTH)['en']} was "
            f"{rupiah(month.opening)['en']}. What is the cash balance at the end of that month? " + RUPIAH_HINT["en"],
        ),
        "data": _cash_data(month),
        "unit": bilingual("rupiah", "rupiah"),
        "rupiah": True,
    }
    return public, {"value": book.closing_balance, "abs_tol": 0}


# Slips a bookkeeper makes; each breaks one rule of :func:`.cash_book_check.check_cash_book`.
SLIPS = ("missing_receipt", "duplicate_receipt", "balance_mismatch", "both_in_and_out")


@exercise("aset.cash_book_errors", kind="multi_choice", points=3)
def cash_book_errors(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """Find the rows of a written cash book that break a rule (:func:`.cash_book_check.check_cash_book`).

    Two or three slips on different rows: a missing receipt number, a receipt
    number used twice, a wrong running balance, or money in and out on one row.
    """
    month = draw_cash_month(rng, ctx, lines=8)
    entries = list(month.entries)
    balances = [row.balance for row in cash_book(entries, month.opening).rows]
    slips = [str(s) for s in rng.choice(SLIPS, int(rng.integers(2, 4)), replace=False)]
    rows = [int(r) for r in rng.choice(range(1, len(entries)), len(slips), replace=False)]  # never the first row
    for slip, row in zip(slips, rows, strict=True):
        entry = entries[row]
        if slip == "missing_receipt":
            entries[row] = CashEntry(entry.date, entry.description, "", entry.cash_in, entry.cash_out)
        elif slip == "duplicate_receipt":
            entries[row] = CashEntry(entry.date, entry.description, entries[row - 1].receipt or "BKT-0000",
                                     entry.cash_in, entry.cash_out)  # fmt: skip
        elif slip == "balance_mismatch":
            slip_amount = int(rng.choice([-1, 1])) * int(rng.integers(1, 10)) * 10_000
            balances[row:] = [b + slip_amount for b in balances[row:]]  # a wrong sum, carried forward
        else:  # the same amount written in both columns
            amount = entry.cash_in or entry.cash_out
            entries[row] = CashEntry(entry.date, entry.description, entry.receipt, amount, amount)
    # later balances carry a wrong sum forward; the check flags only the row where it starts
    written = CashMonth(month.opening, tuple(entries), month.texts)
    findings = check_cash_book(entries, month.opening, balances)
    wrong = sorted({f.row for f in findings})
    public: Public = {
        "title": bilingual("Mencari kesalahan di buku kas", "Finding the errors in a cash book"),
        "prompt": bilingual(
            f"Ini buku kas sentra bulan {month_text(COUNT_YEAR, MONTH)['id']}, saldo awal "
            f"{rupiah(month.opening)['id']}. Baris mana yang salah dicatat (tanpa nomor bukti, nomor bukti dipakai "
            "dua kali, uang masuk dan keluar di satu baris, atau saldo salah hitung)? Pilih semua yang benar.",
            f"This is the centre's cash book for {month_text(COUNT_YEAR, MONTH)['en']}, opening balance "
            f"{rupiah(month.opening)['en']}. Which rows were written wrongly (no receipt number, a receipt number "
            "used twice, money in and out on one row, or a wrong balance)? Tick every right answer.",
        ),
        "data": _cash_data(written, balances),
        "options": [{"id": str(k), "label": bilingual(f"Baris {k}", f"Row {k}")} for k in range(1, len(entries) + 1)],
    }
    return public, {"correct": [str(k) for k in wrong], "slips": dict(zip(slips, rows, strict=True))}


@exercise("aset.fees_outstanding", kind="table", points=2)
def fees_outstanding(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """Fees outstanding per member = months owed × monthly fee − paid (:func:`.fees.fees_owed`).

    Period January–June; a member who joined during the period owes from the month of joining.
    """
    names = [str(n) for n in rng.permutation(members_of(ctx.commodity))][:3]
    fee = int(rng.integers(5, 16)) * 10_000
    members, receipts, rows = [], [], []
    for k, name in enumerate(names, start=1):
        joined = (
            datetime.date(COUNT_YEAR - 1, 8, 1) if k != 2 else datetime.date(COUNT_YEAR, int(rng.integers(2, 5)), 1)
        )
        member = Member(f"A{k:02d}", name, "(fiktif)", ctx.commodity, joined, fee)
        months_paid = int(rng.integers(1, 7 - (joined.month - 1 if joined.year == COUNT_YEAR else 0)))
        members.append(member)
        receipts.append(FeeReceipt(member.member_id, datetime.date(COUNT_YEAR, 6, 10), fee * months_paid, f"R-{k}"))
        rows.append([name, date_text(joined), rupiah(fee), rupiah(fee * months_paid)])
    owed = fees_owed(members, receipts, f"{COUNT_YEAR}-01", f"{COUNT_YEAR}-06")
    public: Public = {
        "title": bilingual("Tunggakan iuran anggota", "Members' fees in arrears"),
        "prompt": bilingual(
            f"Iuran anggota dibayar setiap bulan. Berapa tunggakan setiap anggota untuk Januari–Juni {COUNT_YEAR}? "
            "Anggota yang baru masuk membayar mulai bulan ia masuk. " + RUPIAH_HINT["id"],
            f"Members pay a monthly fee. How much does each member still owe for January–June {COUNT_YEAR}? "
            "A member who joined later pays from the month of joining. " + RUPIAH_HINT["en"],
        ),
        "data": {
            "columns": [column("member", "Anggota", "Member"), column("joined", "Tanggal masuk", "Joined on"),
                        column("fee", "Iuran per bulan", "Fee per month"),
                        column("paid", "Sudah dibayar Jan–Jun", "Paid Jan–Jun")],
            "rows": rows,
        },  # fmt: skip
        "cells": [{"id": m.member_id, "label": bilingual(f"Tunggakan {m.business_name} (Rp)",
                                                         f"Owed by {m.business_name} (Rp)")} for m in members],
        "rupiah": True,
    }  # fmt: skip
    return public, {"values": {m.member_id: owed.member(m.member_id).outstanding for m in members}, "abs_tol": 0}


@exercise("aset.machine_use_practice", kind="numeric", points=0, graded=False)
def machine_use_practice(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """Utilisation of a shared machine from the machine-use log = hours used ÷ hours available × 100 %.

    :func:`.machine_use.machine_utilisation`; available hours = 5 days × opening hours.
    """
    centre = centre_for(ctx.commodity)
    machine = centre.machines[int(rng.integers(len(centre.machines)))]
    open_hours = int(rng.choice([7, 8]))
    members = [str(m) for m in rng.permutation(centre.members)][:4]
    log = []
    for day in range(5):
        for member in rng.choice(members, int(rng.integers(1, 3)), replace=False):
            log.append(MachineUse(datetime.date(COUNT_YEAR, 6, 1 + day), machine.key, str(member),
                                  float(rng.integers(2, 8)) / 2))  # fmt: skip
    summary = machine_utilisation(log, {machine.key: 5 * open_hours})
    public: Public = {
        "title": bilingual("Pemakaian mesin bersama", "Use of a shared machine"),
        "prompt": bilingual(
            f"Buku pemakaian {machine.name.id.lower()} minggu ini ada di tabel. UPT buka {open_hours} jam sehari, "
            "5 hari seminggu. Berapa persen pemakaian mesin itu? Jawab dengan 1 angka di belakang koma.",
            f"The table is this week's log of the {machine.name.en.lower()}. The UPT is open {open_hours} hours a "
            "day, 5 days a week. What is the machine's utilisation in percent? Answer to 1 decimal place.",
        ),
        "data": {
            "columns": [
                column("date", "Tanggal", "Date"),
                column("member", "Anggota", "Member"),
                column("hours", "Jam pakai", "Hours used"),
            ],
            "rows": [[date_text(row.date), row.member_id, row.hours] for row in log],
        },  # fmt: skip
        "unit": "%",
    }
    return public, {"value": round(summary.machine(machine.key).utilisation_pct, 6), "abs_tol": 0.1}


EXERCISES_BOOKS = [cash_closing, cash_book_errors, fees_outstanding, machine_use_practice]
"""The exercises of the topic the centre's books, in workbook order."""
