"""Worked examples of the asset workbook, in each participant's own centre.

Each example is computed at release from the participant's commodity (with its
own random draw) and shown before the exercises of its topic: the data, every
step with its numbers, and a ``bars`` chart (:mod:`ikm_curriculum.widgets.charts`).

>>> import numpy as np
>>> from ikm_curriculum.assessment import ParticipantContext
>>> example = EXAMPLES["depreciation"](np.random.default_rng(3), ParticipantContext("p1", "tenun"))
>>> example["kind"], len(example["steps"]) >= 3, example["series"][0]["values"][-1]
('bars', True, 0.0)
"""

from __future__ import annotations

from typing import Any, Callable

import numpy as np

from ikm_curriculum.assessment import ParticipantContext, bilingual, column
from ikm_curriculum.modules.assets.cash_book import cash_book
from ikm_curriculum.modules.assets.centre_assets import centre_goods
from ikm_curriculum.modules.assets.depreciation import schedule_rows
from ikm_curriculum.modules.assets.exercises_books import draw_cash_month
from ikm_curriculum.modules.assets.exercises_count import draw_inventory
from ikm_curriculum.modules.assets.register import CARDS, CONDITIONS
from ikm_curriculum.modules.assets.sample_data import COUNT_YEAR, date_text, draw_cost, draw_date, rupiah
from ikm_curriculum.modules.assets.useful_lives import DEFAULT_USEFUL_LIVES

Example = dict[str, Any]
MILLION = 1_000_000


def _millions(value: int) -> float:
    return round(value / MILLION, 1)


def register_example(rng: np.random.Generator, ctx: ParticipantContext) -> Example:
    """The centre's goods on their cards (KIB A–F) with cost and condition; cost per card (PSAP 07)."""
    goods = centre_goods(ctx.commodity)
    costs = {g.key: draw_cost(rng, g) for g in goods}
    conditions = {g.key: str(rng.choice(["B", "B", "B", "RR", "RB"])) if g.card == "B" else "B" for g in goods}
    by_card = {card: sum(costs[g.key] for g in goods if g.card == card) for card in CARDS}
    machines = [g for g in goods if g.card == "B"]
    first = machines[0]
    steps = [
        ("Setiap barang dicatat satu baris: kode, nama, KIB, tanggal dan harga perolehan, sumber dana, ruang dan "
         "kondisi. Tabel di bawah adalah contoh KIB sentra seperti sentra Anda.",
         "Each good is one line: code, name, card, date and cost of acquisition, funding, room and condition. "
         "The table below is an example register of a centre like yours."),
        (f"Tanah masuk KIB A, gedung UPT dan rumah kemasan KIB C, IPAL KIB D (instalasi), mesin seperti "
         f"{first.name.id.lower()} KIB B, buku KIB E, dan gudang yang belum selesai KIB F.",
         f"The land goes on card A, the UPT building and packing house on card C, the IPAL on card D "
         f"(installation), machines such as the {first.name.en.lower()} on card B, books on card E, and the store "
         "still being built on card F."),
        (f"Jumlah harga perolehan per KIB (grafik): gedung (KIB C) {rupiah(by_card['C'])['id']}, peralatan dan "
         f"mesin (KIB B) {rupiah(by_card['B'])['id']}.",
         f"Acquisition cost per card (chart): buildings (card C) {rupiah(by_card['C'])['en']}, equipment and "
         f"machines (card B) {rupiah(by_card['B'])['en']}."),
        ("Barang Rusak Berat (RB) dicatat apa adanya, lalu diusulkan untuk penghapusan lewat prosedur daerah.",
         "Goods with major damage (RB) are recorded as they are, then proposed for write-off through the "
         "region's procedure."),
    ]  # fmt: skip
    return {
        "kind": "bars",
        "categories": [bilingual(f"KIB {c}", f"KIB {c}") for c in CARDS],
        "series": [
            {
                "name": bilingual("Harga perolehan (juta Rp)", "Acquisition cost (million Rp)"),
                "values": [_millions(by_card[c]) for c in CARDS],
            }
        ],  # fmt: skip
        "ylabel": bilingual("juta rupiah", "million rupiah"),
        "title": bilingual("Nilai barang sentra per KIB", "Value of the centre's goods per card"),
        "steps": [bilingual(a, b) for a, b in steps],
        "table": {
            "columns": [
                column("name", "Nama barang", "Item"),
                column("card", "KIB", "Card"),
                column("cost", "Harga perolehan", "Cost"),
                column("condition", "Kondisi", "Condition"),
            ],
            "rows": [
                [g.name.to_dict(), g.card, rupiah(costs[g.key]), CONDITIONS[conditions[g.key]].to_dict()] for g in goods
            ],
        },  # fmt: skip
    }


def depreciation_example(rng: np.random.Generator, ctx: ParticipantContext) -> Example:
    """Straight-line schedule of one machine, yearly, the year of acquisition counted in full (PSAP 07)."""
    good = next(g for g in centre_goods(ctx.commodity) if g.life_category == "mesin_bertenaga")
    life = DEFAULT_USEFUL_LIVES.years("mesin_bertenaga")
    cost = draw_cost(rng, good)
    acquired = draw_date(rng, COUNT_YEAR - 4, COUNT_YEAR - 2)
    rows = schedule_rows(cost, life, acquired).rows
    per_year = rows[0].depreciation
    end = next(r for r in rows if r.period == str(COUNT_YEAR - 1))
    counted = rows.index(end) + 1
    steps = [
        (f"{good.name.id} dibeli {date_text(acquired)['id']} seharga {rupiah(cost)['id']}; masa manfaat {life} "
         "tahun (tabel daerah), nilai sisa nol.",
         f"The {good.name.en.lower()} was bought on {date_text(acquired)['en']} for {rupiah(cost)['en']}; useful "
         f"life {life} years (regional table), zero residual value."),
        (f"Penyusutan per tahun = {rupiah(cost)['id']} ÷ {life} = {rupiah(per_year)['id']}.",
         f"Depreciation per year = {rupiah(cost)['en']} ÷ {life} = {rupiah(per_year)['en']}."),
        (f"Tahun perolehan {acquired.year} dihitung penuh. Sampai 31 Desember {COUNT_YEAR - 1} ada {counted} tahun: "
         f"akumulasi = {counted} × {rupiah(per_year)['id']} = {rupiah(end.accumulated)['id']}.",
         f"The year of acquisition {acquired.year} counts in full. Up to 31 December {COUNT_YEAR - 1} that is "
         f"{counted} years: accumulated = {counted} × {rupiah(per_year)['en']} = {rupiah(end.accumulated)['en']}."),
        (f"Nilai buku = {rupiah(cost)['id']} − {rupiah(end.accumulated)['id']} = {rupiah(end.book_value)['id']}. "
         f"Setelah {life} tahun nilai bukunya nol, walaupun mesin mungkin masih dipakai.",
         f"Book value = {rupiah(cost)['en']} − {rupiah(end.accumulated)['en']} = {rupiah(end.book_value)['en']}. "
         f"After {life} years the book value is zero, even if the machine is still in use."),
        ("Per semester caranya sama: penyusutan per semester = harga ÷ (masa manfaat × 2).",
         "Per semester it works the same way: depreciation per semester = cost ÷ (useful life × 2)."),
    ]  # fmt: skip
    return {
        "kind": "bars",
        "categories": [r.period for r in rows],
        "series": [
            {
                "name": bilingual("Nilai buku akhir tahun (juta Rp)", "Book value at year end (million Rp)"),
                "values": [_millions(r.book_value) for r in rows],
            }
        ],  # fmt: skip
        "ylabel": bilingual("juta rupiah", "million rupiah"),
        "title": bilingual("Nilai buku turun sama besar setiap tahun", "Book value falls by the same amount yearly"),
        "steps": [bilingual(a, b) for a, b in steps],
        "table": {
            "columns": [
                column("year", "Tahun", "Year"),
                column("dep", "Penyusutan", "Depreciation"),
                column("acc", "Akumulasi", "Accumulated"),
                column("bv", "Nilai buku", "Book value"),
            ],
            "rows": [[r.period, rupiah(r.depreciation), rupiah(r.accumulated), rupiah(r.book_value)] for r in rows],
        },  # fmt: skip
    }


def inventory_example(rng: np.random.Generator, ctx: ParticipantContext) -> Example:
    """A census count reconciled with the register (:func:`.reconciliation.reconcile`)."""
    inventory = draw_inventory(rng, ctx)
    result = inventory.result.to_dict()
    summary = result["summary"]
    names = inventory.names

    def listed(key: str, lang: str) -> str:
        rows = result[key]
        return ", ".join(getattr(names[r["code"]], lang) if r.get("code") else r["name"] for r in rows) or "—"

    steps = [
        (f"Mulai dari KIB: {summary['register']} barang. Cari setiap kode di lembar hitung fisik.",
         f"Start from the register: {summary['register']} items. Look for each code on the count sheet."),
        (f"Ditemukan {summary['found']}; tidak ditemukan {summary['missing']} ({listed('missing', 'id')}): "
         "dicari dulu, lalu dilaporkan.",
         f"Found {summary['found']}; not found {summary['missing']} ({listed('missing', 'en')}): traced first, "
         "then reported."),
        (f"Barang tanpa kode yang tidak ada di KIB: {summary['surplus']} ({listed('surplus', 'id')}). Dicatat "
         "dan ditelusuri asal-usulnya sebelum masuk KIB.",
         f"Items without a code that are not on the register: {summary['surplus']} ({listed('surplus', 'en')}). "
         "Record them and trace where they came from before adding them to the register."),
        (f"Pindah ruang: {listed('location_changed', 'id')} — perbarui KIR. Kondisi berubah: "
         f"{listed('condition_changed', 'id')}.",
         f"Moved room: {listed('location_changed', 'en')} — update the room cards. Condition changed: "
         f"{listed('condition_changed', 'en')}."),
        (f"Usulan penghapusan (Rusak Berat): {listed('write_off_candidates', 'id')}.",
         f"Proposed for write-off (major damage): {listed('write_off_candidates', 'en')}."),
    ]  # fmt: skip
    keys = ("found", "missing", "surplus", "location_changed", "condition_changed")
    labels = (("Ditemukan", "Found"), ("Tidak ditemukan", "Not found"), ("Tidak tercatat", "Not on register"),
              ("Pindah ruang", "Moved"), ("Kondisi berubah", "Condition changed"))  # fmt: skip
    return {
        "kind": "bars",
        "categories": [bilingual(a, b) for a, b in labels],
        "series": [{"name": bilingual("Jumlah barang", "Number of items"), "values": [summary[k] for k in keys]}],
        "ylabel": bilingual("barang", "items"),
        "title": bilingual("Hasil pencocokan hitung fisik dengan KIB", "Count reconciled with the register"),
        "steps": [bilingual(a, b) for a, b in steps],
    }


def cash_book_example(rng: np.random.Generator, ctx: ParticipantContext) -> Example:
    """A month of the cash book with its running balance: saldo = saldo sebelumnya + masuk − keluar."""
    month = draw_cash_month(rng, ctx, lines=6)
    book = cash_book(month.entries, month.opening)
    first = book.rows[0]
    change = first.cash_in - first.cash_out
    sign = "+" if change >= 0 else "−"
    steps = [
        (f"Saldo awal bulan: {rupiah(month.opening)['id']}.", f"Opening balance: {rupiah(month.opening)['en']}."),
        (f"Baris 1: {rupiah(month.opening)['id']} {sign} {rupiah(abs(change))['id']} = "
         f"{rupiah(first.balance)['id']}. Setiap baris: saldo sebelumnya + masuk − keluar.",
         f"Row 1: {rupiah(month.opening)['en']} {sign} {rupiah(abs(change))['en']} = {rupiah(first.balance)['en']}. "
         "Every row: previous balance + in − out."),
        (f"Tutup buku akhir bulan: saldo awal {rupiah(month.opening)['id']} + masuk {rupiah(book.total_in)['id']} "
         f"− keluar {rupiah(book.total_out)['id']} = {rupiah(book.closing_balance)['id']}; sama dengan saldo baris "
         "terakhir. Saldo ini menjadi saldo awal bulan berikutnya.",
         f"Month-end closing: opening {rupiah(month.opening)['en']} + in {rupiah(book.total_in)['en']} − out "
         f"{rupiah(book.total_out)['en']} = {rupiah(book.closing_balance)['en']}; the same as the last row's "
         "balance. It is next month's opening balance."),
        ("Setiap baris punya nomor bukti sendiri (kuitansi, nota), dan uang masuk dan keluar tidak ditulis di "
         "baris yang sama.",
         "Every row has its own receipt number (receipt, invoice), and money in and out never share a row."),
    ]  # fmt: skip
    return {
        "kind": "bars",
        "categories": [str(k) for k in range(1, len(book.rows) + 1)],
        "series": [
            {
                "name": bilingual("Saldo (juta Rp)", "Balance (million Rp)"),
                "values": [round(r.balance / MILLION, 2) for r in book.rows],
            }
        ],  # fmt: skip
        "ylabel": bilingual("juta rupiah", "million rupiah"),
        "title": bilingual("Saldo kas setelah setiap baris", "Cash balance after each row"),
        "steps": [bilingual(a, b) for a, b in steps],
        "table": {
            "columns": [
                column("date", "Tanggal", "Date"),
                column("text", "Uraian", "Description"),
                column("in", "Masuk", "In"),
                column("out", "Keluar", "Out"),
                column("bal", "Saldo", "Balance"),
            ],
            "rows": [
                [
                    date_text(r.date),
                    t.to_dict(),
                    rupiah(r.cash_in) if r.cash_in else "",
                    rupiah(r.cash_out) if r.cash_out else "",
                    rupiah(r.balance),
                ]
                for r, t in zip(book.rows, month.texts, strict=True)
            ],
        },  # fmt: skip
    }


EXAMPLES: dict[str, Callable[[np.random.Generator, ParticipantContext], Example]] = {
    "register": register_example,
    "depreciation": depreciation_example,
    "inventory": inventory_example,
    "cash_book": cash_book_example,
}
"""Worked examples by the name a topic's ``example`` gives in ``content.yaml``."""
