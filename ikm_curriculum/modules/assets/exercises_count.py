"""Exercise generators on the inventory count (inventarisasi): reconcile a count with the KIB, propose write-offs.

Generators return ``(public, key)`` as described in :mod:`.exercises`. The
register and the count sheet come from :func:`draw_inventory`, set in the
participant's own centre; the key is what :func:`.reconciliation.reconcile` finds.

>>> import numpy as np
>>> from ikm_curriculum.assessment import ParticipantContext
>>> inventory = draw_inventory(np.random.default_rng(4), ParticipantContext("p1", "perak"))
>>> summary = inventory.result.to_dict()["summary"]
>>> summary["register"], summary["missing"] >= 1, summary["surplus"] >= 1
(8, True, True)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from ikm_curriculum.assessment import ParticipantContext, bilingual, column, exercise
from ikm_curriculum.modules.assets.centre_assets import OFFICE, PACKING, PRODUCTION, STORE, centre_goods
from ikm_curriculum.modules.assets.reconciliation import CountRow, Reconciliation, reconcile
from ikm_curriculum.modules.assets.register import CONDITIONS, AssetRegister, register_from_rows
from ikm_curriculum.modules.assets.sample_data import COUNT_YEAR, Key, Public, draw_cost, draw_date, funding, rupiah
from ikm_curriculum.modules.assets.useful_lives import DEFAULT_USEFUL_LIVES
from ikm_curriculum.modules.quality.commodities import Text

REGISTER_SIZE = 8
ROOMS = (PRODUCTION, PACKING, STORE, OFFICE)
# Goods a counter finds that are not on the card (bought by the committee, or donated): surplus (tidak tercatat).
UNRECORDED = (
    Text("Kompor gas dua tungku", "Two-burner gas stove"),
    Text("Lemari arsip besi", "Steel filing cabinet"),
    Text("Kipas angin berdiri", "Standing fan"),
    Text("Meja kerja stainless", "Stainless work table"),
    Text("Rak besi 5 susun", "Five-shelf steel rack"),
)


@dataclass(frozen=True)
class Inventory:
    """A register of the centre's movable goods, the count sheet of a census, and their reconciliation."""

    register: AssetRegister
    count: tuple[CountRow, ...]
    result: Reconciliation
    names: dict[str, Text]  # code → bilingual name
    rooms: dict[str, Text]  # Indonesian room name → bilingual name


def draw_inventory(rng: np.random.Generator, ctx: ParticipantContext) -> Inventory:
    """Eight goods of card B on the register, and a count with every kind of difference.

    One or two goods missing, one or two not on the register (surplus), one or two
    found in another room, one or two in a worse condition (one of them Rusak Berat),
    every difference on a different good so that each is seen on its own.
    """
    goods = [g for g in centre_goods(ctx.commodity) if g.card == "B"]
    picked = [goods[int(i)] for i in sorted(rng.choice(len(goods), REGISTER_SIZE, replace=False))]
    rows, names = [], {}
    for k, good in enumerate(picked, start=1):
        code = f"B-{k:02d}"
        acquired = draw_date(rng, COUNT_YEAR - 5, COUNT_YEAR - 1)
        room = good.room if good.room.id else ROOMS[0]
        rows.append({
            "code": code, "name": good.name.id, "card": "B", "acquired": acquired, "cost": draw_cost(rng, good),
            "funding": funding(rng, acquired.year), "room": room.id, "condition": "B",
            "useful_life_years": DEFAULT_USEFUL_LIVES.years(str(good.life_category)),
        })  # fmt: skip
        names[code] = good.name
    register = register_from_rows(rows)
    n_missing, n_moved, n_worse, n_surplus = (int(rng.integers(1, 3)) for _ in range(4))
    order = [int(i) for i in rng.permutation(REGISTER_SIZE)]
    missing = set(order[:n_missing])
    moved = set(order[n_missing : n_missing + n_moved])
    worse = order[n_missing + n_moved : n_missing + n_moved + n_worse]
    rooms = {r.id: r for r in ROOMS}
    count = []
    for k, row in enumerate(rows):
        if k in missing:
            continue
        room, condition = row["room"], row["condition"]
        if k in moved:
            room = str(rng.choice([r.id for r in ROOMS if r.id != room]))
        if k in worse:
            condition = "RB" if k == worse[0] or rng.random() < 0.5 else "RR"
        count.append(CountRow(row["code"], row["name"], room, condition))
    for j, name in enumerate(rng.choice(len(UNRECORDED), n_surplus, replace=False)):
        count.append(CountRow("", UNRECORDED[int(name)].id, str(rng.choice([r.id for r in ROOMS])), "B"))
        names[f"surplus{j + 1}"] = UNRECORDED[int(name)]
    result = reconcile(register, count)
    return Inventory(register, tuple(count), result, names, rooms)


def register_data(inventory: Inventory) -> dict[str, Any]:
    """The KIB B register as a public data table (code, name, room, condition, cost)."""
    return {
        "columns": [column("code", "Kode", "Code"), column("name", "Nama barang", "Item"),
                    column("room", "Ruang (KIR)", "Room (KIR)"), column("condition", "Kondisi", "Condition"),
                    column("cost", "Harga perolehan", "Acquisition cost")],
        "rows": [[r.code, inventory.names[r.code].to_dict(), inventory.rooms[r.room].to_dict(),
                  CONDITIONS[r.condition].to_dict(), rupiah(r.cost)] for r in inventory.register.records],
    }  # fmt: skip


def count_data(inventory: Inventory) -> dict[str, Any]:
    """The count sheet as a public data table (code as written, name, room found in, condition seen)."""
    names = {row.name: text for text in inventory.names.values() for row in inventory.count if row.name == text.id}
    return {
        "columns": [column("code", "Kode pada label", "Code on the label"), column("name", "Nama barang", "Item"),
                    column("room", "Ditemukan di ruang", "Found in room"),
                    column("condition", "Kondisi saat dihitung", "Condition seen")],
        "rows": [[row.code or "—", names[row.name].to_dict(), inventory.rooms[row.room].to_dict(),
                  CONDITIONS[row.condition].to_dict()] for row in inventory.count],
    }  # fmt: skip


RECONCILE_CELLS = (
    ("found", "Barang di KIB yang ditemukan", "Register items found"),
    ("missing", "Barang di KIB yang tidak ditemukan", "Register items not found"),
    ("surplus", "Barang ditemukan tetapi tidak ada di KIB", "Items found but not on the register"),
    ("condition_changed", "Barang yang kondisinya berubah", "Items whose condition changed"),
    ("location_changed", "Barang yang pindah ruang", "Items found in another room"),
)


@exercise("aset.reconcile_count", kind="table", points=3)
def reconcile_count(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """Reconcile a physical count with the register: how many found, missing, surplus, changed (:func:`.reconcile`)."""
    inventory = draw_inventory(rng, ctx)
    summary = inventory.result.to_dict()["summary"]
    public: Public = {
        "title": bilingual("Mencocokkan hitung fisik dengan KIB", "Reconciling the count with the register"),
        "prompt": bilingual(
            f"Tim inventarisasi {COUNT_YEAR} menghitung barang KIB B sentra Anda. Tabel pertama adalah catatan "
            "KIB B, tabel kedua lembar hitung fisik. Cocokkan keduanya dan isi jumlah barang untuk setiap baris.",
            f"The {COUNT_YEAR} inventory team counted your centre's KIB B goods. The first table is the KIB B "
            "register, the second the count sheet. Match them and fill in the number of items for each line.",
        ),
        "data": [
            {**register_data(inventory), "caption": bilingual("Catatan KIB B", "KIB B register")},
            {**count_data(inventory), "caption": bilingual("Lembar hitung fisik", "Count sheet")},
        ],
        "cells": [{"id": cell, "label": bilingual(text_id, text_en)} for cell, text_id, text_en in RECONCILE_CELLS],
    }
    return public, {"values": {cell: summary[cell] for cell, _, _ in RECONCILE_CELLS}}


@exercise("aset.write_off", kind="multi_choice", points=2)
def write_off(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """Which goods to propose for write-off (penghapusan): those counted Rusak Berat.

    Rusak Berat is the usual start of a write-off (Permendagri 19/2016 — likely);
    :attr:`.reconciliation.Reconciliation` ``write_off_candidates``. Goods not found
    are not written off at once: they are first traced (and reported as missing).
    """
    inventory = draw_inventory(rng, ctx)
    candidates = sorted(row["code"] for row in inventory.result.to_dict()["write_off_candidates"])
    public: Public = {
        "title": bilingual("Usulan penghapusan barang", "Proposing goods for write-off"),
        "prompt": bilingual(
            "Ini hasil hitung fisik barang KIB B sentra Anda. Barang mana yang Anda usulkan untuk penghapusan? "
            "Pilih semua yang benar. (Barang yang tidak ditemukan belum dihapus: dicari dulu dan dilaporkan.)",
            "This is the count of your centre's KIB B goods. Which goods would you propose for write-off? Tick "
            "every right answer. (Goods not found are not written off yet: they are traced first and reported.)",
        ),
        "data": count_data(inventory),
        "options": [
            {
                "id": r.code,
                "label": bilingual(
                    f"{r.code} – {inventory.names[r.code].id}", f"{r.code} – {inventory.names[r.code].en}"
                ),
            }
            for r in inventory.register.records
        ],  # fmt: skip
    }
    return public, {"correct": candidates}


EXERCISES_COUNT = [reconcile_count, write_off]
"""The exercises of the topic inventory count, in workbook order."""
