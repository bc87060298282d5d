"""Exercise generators on the asset cards (KIB), condition of goods, and straight-line depreciation.

Generators return ``(public, key)`` as described in :mod:`.exercises`, set in the
participant's own centre (:func:`.centre_assets.centre_goods`).

>>> import numpy as np
>>> from ikm_curriculum.assessment import ParticipantContext
>>> item = kib_classify.instance(np.random.default_rng(2), ParticipantContext("p1", "meubel"))
>>> item.kind, len(item.public["items"]), sorted(set(item.key["values"].values())) <= list("ABCDEF")
('classify', 6, True)
"""

from __future__ import annotations

import datetime

import numpy as np

from ikm_curriculum.assessment import ParticipantContext, bilingual, column, exercise
from ikm_curriculum.modules.assets.centre_assets import AssetTemplate, centre_goods
from ikm_curriculum.modules.assets.depreciation import book_value, schedule_rows
from ikm_curriculum.modules.assets.register import CARDS, CONDITIONS
from ikm_curriculum.modules.assets.sample_data import (
    COUNT_YEAR,
    RUPIAH_HINT,
    Key,
    Public,
    date_text,
    draw_cost,
    draw_date,
    rupiah,
)
from ikm_curriculum.modules.assets.useful_lives import DEFAULT_USEFUL_LIVES
from ikm_curriculum.modules.facility.sample_data import inline

CARD_CATEGORIES = [{"id": card, "label": bilingual(f"KIB {card} – {n.id}", f"KIB {card} – {n.en}")}
                   for card, n in CARDS.items()]  # fmt: skip
CONDITION_CATEGORIES = [{"id": code, "label": bilingual(f"{n.id} ({code})", f"{n.en} ({code})")}
                        for code, n in CONDITIONS.items()]  # fmt: skip
CONVENTION = bilingual(
    "Kebijakan akuntansi daerah ini: penyusutan garis lurus, nilai sisa nol, dan tahun (atau semester) "
    "perolehan dihitung penuh.",
    "This region's accounting policy: straight line, zero residual value, and the year (or semester) of "
    "acquisition counts in full.",
)

# What an inspector sees, and the condition it means. Baik: whole and working well; Rusak Ringan: whole but
# not working well, a small repair without replacing main parts fixes it; Rusak Berat: not whole or not
# working, needs a major repair or main parts replaced (condition criteria of BMD inventory guidance,
# Permendagri 19/2016 — likely).
CONDITION_CASES = (
    (
        "B",
        "Mesin hidup dan bekerja normal; catnya sedikit pudar.",
        "Runs and works normally; the paint is a little faded.",
    ),
    (
        "B",
        "Timbangan menyala dan tepat saat diuji dengan anak timbangan.",
        "The scale switches on and is accurate when tested with weights.",
    ),
    (
        "B",
        "Meja dan kursi utuh, kokoh, dipakai setiap hari.",
        "Desk and chairs whole, sturdy, used every day.",
    ),
    (
        "RR",
        "Motor mesin kadang mati; teknisi bilang cukup ganti kapasitor yang murah.",
        "The motor sometimes stops; the technician says a cheap capacitor will fix it.",
    ),
    (
        "RR",
        "Kaki meja goyang dan perlu dilas sedikit; meja masih dipakai.",
        "A table leg wobbles and needs a little welding; the table is still used.",
    ),
    (
        "RR",
        "Lampu indikator dan satu tombol rusak; mesin masih jalan dengan tombol lain.",
        "The pilot lamp and one switch are broken; the machine still runs from another switch.",
    ),
    (
        "RB",
        "Rangka berkarat sampai patah dan motor terbakar; biaya perbaikan lebih dari separuh harga baru.",
        "The frame has rusted through and the motor burnt out; repair costs more than half the price of a new one.",
    ),
    (
        "RB",
        "Komputer tidak menyala, papan induk rusak dan suku cadangnya tidak dijual lagi.",
        "The computer does not start; the motherboard is broken and its parts are no longer sold.",
    ),
    (
        "RB",
        "Atap gudang runtuh sebagian dan tidak bisa dipakai sampai dibangun ulang.",
        "Part of the store's roof has collapsed; it cannot be used until rebuilt.",
    ),
)


@exercise("aset.kib_classify", kind="classify", points=3)
def kib_classify(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """Put six goods of the centre on their asset card (Kartu Inventaris Barang) KIB A–F.

    Cards per PSAP 07 (PP 71/2010) and Permendagri 19/2016 (:data:`.register.CARDS`).
    At least four different cards appear, so guessing "B" for everything earns little.
    """
    goods = centre_goods(ctx.commodity)
    by_card: dict[str, list[AssetTemplate]] = {}
    for good in goods:
        by_card.setdefault(good.card, []).append(good)
    cards = [str(c) for c in rng.permutation(sorted(by_card))][:4]  # four different cards …
    chosen = [by_card[c][int(rng.integers(len(by_card[c])))] for c in cards]
    rest = [g for g in goods if g not in chosen]
    chosen += [rest[int(i)] for i in rng.choice(len(rest), 2, replace=False)]  # … and two more goods
    order = rng.permutation(len(chosen))
    items = [chosen[int(i)] for i in order]
    public: Public = {
        "title": bilingual("Kartu Inventaris Barang (KIB)", "Asset cards (KIB)"),
        "prompt": bilingual(
            "Barang-barang ini dibeli atau dibangun untuk sentra Anda dengan uang daerah. Pada KIB mana setiap "
            "barang dicatat? Pilih satu kartu untuk setiap barang.",
            "These goods were bought or built for your centre with public money. On which asset card (KIB) is "
            "each one recorded? Pick one card for each.",
        ),
        "items": [{"id": g.key, "label": g.name.to_dict()} for g in items],
        "categories": CARD_CATEGORIES,
    }
    return public, {"values": {g.key: g.card for g in items}}


@exercise("aset.condition_practice", kind="classify", points=0, graded=False)
def condition_practice(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """Condition of goods (kondisi barang): Baik, Rusak Ringan or Rusak Berat, from what an inspector sees.

    Criteria as in the BMD inventory guidance (Permendagri 19/2016) — likely; see :data:`CONDITION_CASES`.
    """
    picks = [int(rng.choice([i for i, c in enumerate(CONDITION_CASES) if c[0] == code])) for code in CONDITIONS]
    others = [i for i in range(len(CONDITION_CASES)) if i not in picks]
    picks.append(int(rng.choice(others)))
    cases = [CONDITION_CASES[picks[int(i)]] for i in rng.permutation(len(picks))]
    public: Public = {
        "title": bilingual("Kondisi barang", "Condition of goods"),
        "prompt": bilingual(
            "Saat inventarisasi, petugas menulis catatan ini. Apa kondisi setiap barang: Baik, Rusak Ringan "
            "atau Rusak Berat?",
            "During the inventory count the officer wrote these notes. What is the condition of each item: "
            "good, minor damage or major damage?",
        ),
        "items": [{"id": f"barang{k + 1}", "label": bilingual(case[1], case[2])} for k, case in enumerate(cases)],
        "categories": CONDITION_CATEGORIES,
    }
    return public, {"values": {f"barang{k + 1}": case[0] for k, case in enumerate(cases)}}


@exercise("aset.not_depreciated_practice", kind="multi_choice", points=0, graded=False)
def not_depreciated_practice(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """Which goods are not depreciated: land (KIB A) and construction in progress (KIB F) (PSAP 07 par. 53)."""
    goods = centre_goods(ctx.commodity)
    never = [g for g in goods if g.card in ("A", "F")]
    depreciated = [g for g in goods if g.card not in ("A", "F", "E")]
    shown = never + [depreciated[int(i)] for i in rng.choice(len(depreciated), 4, replace=False)]
    shown = [shown[int(i)] for i in rng.permutation(len(shown))]
    public: Public = {
        "title": bilingual("Barang yang tidak disusutkan", "Goods that are not depreciated"),
        "prompt": bilingual(
            "Barang mana yang TIDAK disusutkan? Pilih semua yang benar.",
            "Which goods are NOT depreciated? Tick every right answer.",
        ),
        "options": [{"id": g.key, "label": g.name.to_dict()} for g in shown],
    }
    return public, {"correct": sorted(g.key for g in never)}


def _machine(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[AssetTemplate, int, int, datetime.date]:
    """A depreciable good of the centre's machinery and office (card B), its cost, useful life and purchase date."""
    goods = [g for g in centre_goods(ctx.commodity) if g.card == "B"]
    good = goods[int(rng.integers(len(goods)))]
    life = DEFAULT_USEFUL_LIVES.years(str(good.life_category))
    acquired = draw_date(rng, COUNT_YEAR - min(life, 6) + 1, COUNT_YEAR - 2)
    return good, draw_cost(rng, good), life, acquired


def _asset_rows(good: AssetTemplate, cost: int, life: int, acquired: datetime.date) -> list[list]:
    return [
        [bilingual("Barang", "Item"), good.name.to_dict()],
        [bilingual("Tanggal perolehan", "Acquired on"), date_text(acquired)],
        [bilingual("Harga perolehan", "Acquisition cost"), rupiah(cost)],
        [bilingual("Masa manfaat (tabel daerah)", "Useful life (regional table)"),
         bilingual(f"{life} tahun", f"{life} years")],
    ]  # fmt: skip


def _table(rows: list[list]) -> dict:
    return {"columns": [column("item", "Keterangan", "Item"), column("value", "Nilai", "Value")], "rows": rows}


@exercise("aset.depreciation_year", kind="numeric", points=2)
def depreciation_year(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """Straight-line depreciation per year = (cost − residual) ÷ useful life (PSAP 07; :mod:`.depreciation`)."""
    good, cost, life, acquired = _machine(rng, ctx)
    per_year = schedule_rows(cost, life, acquired).rows[0].depreciation
    public: Public = {
        "title": bilingual("Penyusutan per tahun", "Depreciation per year"),
        "prompt": bilingual(
            f"Berapa penyusutan {inline(good.name.id)} setiap tahun dengan metode garis lurus (nilai sisa nol)? "
            + RUPIAH_HINT["id"],
            f"What is the yearly straight-line depreciation of the {inline(good.name.en)} (zero residual value)? "
            + RUPIAH_HINT["en"],
        ),
        "data": _table(_asset_rows(good, cost, life, acquired)),
        "unit": bilingual("rupiah per tahun", "rupiah per year"),
        "rupiah": True,
    }
    return public, {"value": per_year, "abs_tol": 1}  # ±1 rupiah: rounding cost ÷ life either way


@exercise("aset.book_value_year", kind="numeric", points=3)
def book_value_year(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """Book value (nilai buku) at 31 December = cost − yearly depreciation × years counted (PSAP 07).

    The year of acquisition counts in full (``first_period="full"``, stated in the prompt).
    """
    good, cost, life, acquired = _machine(rng, ctx)
    as_of = datetime.date(COUNT_YEAR - 1, 12, 31)
    value = book_value(cost, life, acquired, as_of)
    years = as_of.year - acquired.year + 1
    public: Public = {
        "title": bilingual("Nilai buku", "Book value"),
        "prompt": bilingual(
            f"Berapa nilai buku {inline(good.name.id)} pada 31 Desember {as_of.year}? {CONVENTION['id']} "
            + RUPIAH_HINT["id"],
            f"What is the book value of the {inline(good.name.en)} on 31 December {as_of.year}? "
            f"{CONVENTION['en']} " + RUPIAH_HINT["en"],
        ),
        "data": _table(_asset_rows(good, cost, life, acquired)),
        "unit": bilingual("rupiah", "rupiah"),
        "rupiah": True,
    }
    # ±1 rupiah per year counted: rounding the yearly amount before multiplying. Counting one year fewer (the
    # year of acquisition left out) is off by a whole year's depreciation and misses.
    return public, {"value": value, "abs_tol": years, "years_counted": years}


@exercise("aset.depreciation_semester", kind="table", points=3)
def depreciation_semester(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """Depreciation per semester, accumulated depreciation and book value at the end of a semester.

    Per semester = cost ÷ (life × 2); the semester of acquisition counts in full (:mod:`.depreciation`).
    """
    good, cost, life, acquired = _machine(rng, ctx)
    schedule = schedule_rows(cost, life, acquired, period="semester")
    target = schedule.rows[int(rng.integers(2, min(len(schedule.rows), 9)))]
    half = "I (Januari–Juni)" if target.period.endswith("S1") else "II (Juli–Desember)"
    half_en = "1 (January–June)" if target.period.endswith("S1") else "2 (July–December)"
    year = target.period[:4]
    public: Public = {
        "title": bilingual("Penyusutan per semester", "Depreciation per semester"),
        "prompt": bilingual(
            f"Daerah ini mencatat penyusutan setiap semester. {CONVENTION['id']} Isi tabel untuk "
            f"{inline(good.name.id)} sampai akhir semester {half} tahun {year}. " + RUPIAH_HINT["id"],
            f"This region records depreciation every semester. {CONVENTION['en']} Fill in the table for the "
            f"{inline(good.name.en)} up to the end of semester {half_en} of {year}. " + RUPIAH_HINT["en"],
        ),
        "data": _table(_asset_rows(good, cost, life, acquired)),
        "cells": [
            {"id": "per_semester", "label": bilingual("Penyusutan per semester (Rp)",
                                                      "Depreciation per semester (Rp)")},
            {"id": "accumulated", "label": bilingual("Akumulasi penyusutan s.d. akhir semester (Rp)",
                                                     "Accumulated depreciation at the end of the semester (Rp)")},
            {"id": "book_value", "label": bilingual("Nilai buku di akhir semester (Rp)",
                                                    "Book value at the end of the semester (Rp)")},
        ],
        "rupiah": True,
    }  # fmt: skip
    counted = schedule.rows.index(target) + 1
    values = {"per_semester": schedule.rows[0].depreciation, "accumulated": target.accumulated,
              "book_value": target.book_value}  # fmt: skip
    # ±1 rupiah per semester counted: rounding the amount per semester before multiplying.
    return public, {"values": values, "abs_tol": counted, "semesters_counted": counted}


EXERCISES_REGISTER = [kib_classify, condition_practice, not_depreciated_practice, depreciation_year, book_value_year,
                      depreciation_semester]  # fmt: skip
"""The exercises of the topics KIB and condition, and depreciation, in workbook order."""
