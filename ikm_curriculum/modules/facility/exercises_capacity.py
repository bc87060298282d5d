"""Exercise generators on capacity (kapasitas): takt time, machine requirements, shared machines, space.

Generators return ``(public, key)`` as described in :mod:`.exercises`, with the
participant's centre (:mod:`.centres`) as the setting.

>>> import numpy as np
>>> from ikm_curriculum.assessment import ParticipantContext
>>> [spec.exercise_id for spec in EXERCISES_CAPACITY][:2]
['fasilitas.takt_time', 'fasilitas.utilisation_practice']
>>> item = EXERCISES_CAPACITY[2].instance(np.random.default_rng(1), ParticipantContext("p1", "meubel"))
>>> item.kind, [cell["id"] for cell in item.public["cells"]], item.key["values"]["required"] >= 1
('table', ['exact', 'required'], True)
"""

from __future__ import annotations

import numpy as np

from ikm_curriculum.assessment import ExerciseSpec, ParticipantContext, bilingual, column, exercise
from ikm_curriculum.modules.facility.capacity import machines_required, takt_time
from ikm_curriculum.modules.facility.centres import centre_for
from ikm_curriculum.modules.facility.sample_data import (
    DAY_MINUTES,
    MAX_DRAWS,
    WEEK_MINUTES,
    WEEK_TEXT,
    WORK_DAYS,
    Bookings,
    Key,
    Public,
    draw_bookings,
    fmt,
    inline,
    leaks,
    machine_line,
    orders_data,
    try_bookings,
    vary,
)
from ikm_curriculum.modules.facility.space import space_requirement

# (start, shift length in minutes) of a working day; breaks; time for cleaning (5R) at the end of the day.
SHIFTS = ((7.5, 480), (8.0, 480), (7.5, 540), (8.0, 540))
BREAKS = (30, 45, 60)
CLEANING = (0, 15, 20, 30)


def _clock(hours: float, sep: str) -> str:
    return f"{int(hours):02d}{sep}{int(round(hours % 1 * 60)):02d}"


@exercise("fasilitas.takt_time", kind="numeric", points=2)
def takt_time_exercise(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """Takt time T = available time ÷ demand.

    Available time = shift − breaks − cleaning. Heizer & Render, *Operations
    Management*, ch. 9 (cycle time of a repetitive line); :func:`.capacity.takt_time`.
    """
    centre = centre_for(ctx.commodity)
    unit = centre.products[0]
    for _ in range(MAX_DRAWS):
        start, length = SHIFTS[int(rng.integers(len(SHIFTS)))]
        rest, clean = int(rng.choice(BREAKS)), int(rng.choice(CLEANING))
        demand = int(rng.integers(centre.demand[0], centre.demand[1] + 1))
        end = start + length / 60
        public: Public = {
            "title": bilingual("Waktu takt", "Takt time"),
            "prompt": bilingual(
                f"Tabel berisi pesanan pembeli per hari dan jadwal kerja sentra. Berapa waktu takt, yaitu waktu "
                f"kerja yang tersedia (dari mulai sampai selesai, dikurangi istirahat dan bersih-bersih) dibagi "
                f"jumlah pesanan? Jawab dalam menit per {unit.id}, dengan 2 angka di belakang koma.",
                "The table gives the buyers' orders per day and the centre's working day. What is the takt time, "
                "that is the available working time (from start to end, less the break and the cleaning) divided "
                f"by the number ordered? Answer in minutes per {unit.en}, to 2 decimal places.",
            ),
            "data": {
                "columns": [column("item", "Keterangan", "Item"), column("value", "Nilai", "Value")],
                "rows": [
                    [bilingual(f"Pesanan ({unit.id} per hari)", f"Orders ({unit.en} per day)"), demand],
                    [bilingual("Mulai kerja", "Work starts"), bilingual(_clock(start, "."), _clock(start, ":"))],
                    [bilingual("Selesai kerja", "Work ends"), bilingual(_clock(end, "."), _clock(end, ":"))],
                    [bilingual("Istirahat (menit)", "Break (minutes)"), rest],
                    [bilingual("Bersih-bersih 5R di akhir hari (menit)", "5R cleaning at the end of the day (minutes)"),
                     clean],
                ],
            },
            "unit": bilingual(f"menit per {unit.id}", f"minutes per {unit.en}"),
        }  # fmt: skip
        value = takt_time(length - rest - clean, demand)
        if not leaks(public, [value]):
            # ±0.5 % (at least 0.01 min): covers rounding the answer to 2 decimals; forgetting the break or the
            # cleaning time (≥ 15 of at most 510 minutes, about 3 %) misses.
            return public, {"value": round(value, 6), "rel_tol": 0.005, "abs_tol": 0.01}
    raise RuntimeError("every takt draw showed its answer")  # pragma: no cover


def _utilisation_accept(bookings: Bookings) -> bool:
    return 30.0 <= bookings.load.machines[0].utilisation_pct <= 100.0


@exercise("fasilitas.utilisation_practice", kind="numeric", points=0, graded=False)
def utilisation_practice(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """Utilisation of one shared machine = Σ units × minutes per unit ÷ available minutes × 100 %.

    Tompkins et al., *Facilities Planning*, ch. 2 (load per machine type);
    :func:`.capacity.machine_load`.
    """
    centre = centre_for(ctx.commodity)
    bookings = draw_bookings(rng, centre, 1, (0.4, 0.95), _utilisation_accept)
    machine = bookings.machines[0]
    line = machine_line(centre, machine)
    public: Public = {
        "title": bilingual("Pemakaian satu mesin bersama", "Utilisation of one shared machine"),
        "prompt": bilingual(
            "Tabel berisi pesanan anggota sentra untuk minggu depan. Semua pesanan itu memakai mesin UPT "
            f"berikut:\n{line['id']}\n{WEEK_TEXT['id']}\nBerapa persen pemakaian mesin itu (beban ÷ waktu "
            "tersedia × 100 %)? Jawab dengan 1 angka di belakang koma.",
            "The table gives the members' orders for next week. Every one of them uses this machine of the UPT:"
            f"\n{line['en']}\n{WEEK_TEXT['en']}\nWhat is the machine's utilisation (load ÷ available time × "
            "100 %)? Answer to 1 decimal place.",
        ),
        "data": orders_data(centre, bookings),
        "unit": "%",
    }
    # ±0.5 percentage point: any rounding of the load or the percentage along the way.
    return public, {"value": round(bookings.load.machines[0].utilisation_pct, 6), "abs_tol": 0.5}


def _clear_bottleneck(bookings: Bookings) -> bool:
    used = sorted((row.utilisation_pct for row in bookings.load.machines), reverse=True)
    return used[0] <= 115.0 and used[0] - used[1] >= 5.0


@exercise("fasilitas.bottleneck", kind="single_choice", points=2)
def bottleneck(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """The bottleneck: the shared machine with the highest utilisation (load ÷ available time).

    Load = Σ members Σ products units × minutes per unit (Tompkins et al., ch. 2);
    :func:`.capacity.machine_load`. The highest utilisation leads the next by at
    least 5 percentage points, so rounding never decides the answer.
    """
    centre = centre_for(ctx.commodity)
    # The answer is first drawn as a position among the four machines (in the centre's order; a new position
    # when that one is rarely the busiest), then shown among options in a shuffled order: neither one machine
    # nor one letter is the answer for every participant of a commodity.
    for _ in range(MAX_DRAWS):
        target = int(rng.integers(4))

        def accept(b: Bookings, target: int = target) -> bool:
            return _clear_bottleneck(b) and b.load.bottleneck == b.machines[target].key

        found = try_bookings(rng, centre, 4, (0.75, 1.1), accept, spread=0.15, tries=100)
        if found is not None:
            bookings = found
            break
    else:  # pragma: no cover
        raise RuntimeError(f"no clear bottleneck for {centre.key!r}")
    lines = [machine_line(centre, m) for m in bookings.machines]
    order = rng.permutation(4).tolist()
    options = [{"id": chr(ord("a") + n), "label": bookings.machines[i].name.to_dict()} for n, i in enumerate(order)]
    option_of = {bookings.machines[i].key: chr(ord("a") + n) for n, i in enumerate(order)}
    public: Public = {
        "title": bilingual("Mesin bersama yang menjadi hambatan", "The shared machine that is the bottleneck"),
        "prompt": bilingual(
            "Tabel berisi pesanan anggota sentra untuk minggu depan. Setiap produk melewati keempat mesin UPT "
            "berikut:\n" + "\n".join(x["id"] for x in lines) + f"\n{WEEK_TEXT['id']}\nHitung beban setiap mesin "
            "(jumlah unit × menit per unit) dan bagi dengan waktu tersedianya. Mesin mana yang menjadi hambatan "
            "(bottleneck), yaitu yang persentase pemakaiannya paling tinggi?",
            "The table gives the members' orders for next week. Every product passes these four machines of the "
            "UPT:\n" + "\n".join(x["en"] for x in lines) + f"\n{WEEK_TEXT['en']}\nCompute the load of each "
            "machine (units × minutes per unit) and divide it by its available time. Which machine is the "
            "bottleneck, that is the one with the highest utilisation?",
        ),
        "data": orders_data(centre, bookings),
        "options": options,
    }
    return public, {"correct": option_of[str(bookings.load.bottleneck)]}


EFFICIENCIES = (0.80, 0.85, 0.90, 0.95)
RELIABILITIES = (0.90, 0.95, 0.98)
SCRAP_PERCENT = (2, 3, 4, 5, 8)


@exercise("fasilitas.machines_required", kind="table", points=3)
def machines_required_exercise(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """Machines for one operation: Q = demand ÷ (1 − d), F = S·Q ÷ (E·H·R), buy ⌈F⌉.

    Tompkins et al., *Facilities Planning*, ch. 2 (equipment requirements, scrap
    estimate); :func:`.capacity.machines_required`.
    """
    centre = centre_for(ctx.commodity)
    for _ in range(MAX_DRAWS):
        machine = centre.machines[int(rng.integers(len(centre.machines)))]
        product = int(rng.integers(2))
        unit, std = centre.products[product], vary(rng, machine.minutes[product])
        name_id, name_en = inline(machine.name.id), inline(machine.name.en)
        eff, rel = float(rng.choice(EFFICIENCIES)), float(rng.choice(RELIABILITIES))
        scrap = int(rng.choice(SCRAP_PERCENT))
        step = centre.order_step
        wanted = rng.uniform(1.2, 5.8) * eff * WEEK_MINUTES * rel * (1 - scrap / 100) / std
        demand = max(step, int(round(wanted / step)) * step)
        result = machines_required(demand, std, WEEK_MINUTES, eff, rel, 1 - scrap / 100)
        rows = [
            [bilingual("Permintaan produk baik", "Demand of good products"), demand,
             bilingual(f"{unit.id} per minggu", f"{unit.en} per week")],
            [bilingual(f"Waktu baku S di {name_id}", f"Standard time S on the {name_en}"), std,
             bilingual(f"menit per {unit.id}", f"minutes per {unit.en}")],
            [bilingual("Waktu tersedia per mesin H", "Time available per machine H"), WEEK_MINUTES,
             bilingual(f"menit per minggu ({WORK_DAYS} × {DAY_MINUTES})", f"minutes per week ({WORK_DAYS} × "
                       f"{DAY_MINUTES})")],
            [bilingual("Efisiensi kerja E", "Efficiency E"), eff, "—"],
            [bilingual("Keandalan mesin R (bagian waktu mesin siap pakai)",
                       "Reliability R (share of time the machine is up)"), rel, "—"],
            [bilingual("Produk cacat d", "Scrap rate d"), scrap, "%"],
        ]  # fmt: skip
        public: Public = {
            "title": bilingual("Jumlah mesin yang dibutuhkan", "Number of machines needed"),
            "prompt": bilingual(
                f"Sentra ingin tahu berapa unit {name_id} yang perlu disediakan. Sebagian produk akan "
                "cacat, jadi yang harus diproses Q = permintaan ÷ (1 − d). Jumlah mesin F = S × Q ÷ (E × H × R). "
                "Tulis F dengan 2 angka di belakang koma, lalu jumlah mesin yang harus disediakan "
                "(bilangan bulat).",
                f"The centre wants to know how many units of the {name_en} to provide. Some products will "
                "be scrapped, so the number to process is Q = demand ÷ (1 − d). The number of machines is "
                "F = S × Q ÷ (E × H × R). Give F to 2 decimal places, then the number of machines to provide (a "
                "whole number).",
            ),
            "data": {
                "columns": [column("item", "Besaran", "Quantity"), column("value", "Nilai", "Value"),
                            column("unit", "Satuan", "Unit")],
                "rows": rows,
            },
            "cells": [
                {"id": "exact", "label": bilingual("F (hasil hitungan)", "F (as computed)")},
                {"id": "required", "label": bilingual("Mesin yang disediakan", "Machines to provide")},
            ],
        }  # fmt: skip
        values = {"exact": round(result.exact, 6), "required": result.required}
        if 0.1 <= result.exact % 1 <= 0.9 and not leaks(public, [result.exact]):
            # ±1 % of each value (at least 0.02): rounding Q or F along the way stays within it; forgetting
            # scrap (≥ 2 %), efficiency (≥ 5 %) or reliability (≥ 2 %) misses. F is at least 0.1 from a whole
            # number, so rounding up is never in doubt, and ±1 % of a whole number of machines is exact.
            return public, {"values": values, "rel_tol": 0.01, "abs_tol": 0.02}
    raise RuntimeError("no clear machine requirement")  # pragma: no cover


OPERATOR_AREAS = (1.0, 1.5, 2.0)  # m² per machine for the operator (Tompkins, ch. 3: about 1–2 m²)
MATERIAL_PERCENT = (20, 25, 30, 40)
AISLE_PERCENT = (15, 20, 25, 30)  # within Tompkins' 5–40 % (:data:`.space.AISLE_ALLOWANCES`)


@exercise("fasilitas.space_requirement", kind="numeric", points=3)
def space_requirement_exercise(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """Floor area of a work room: (machine + operator + material area) × (1 + aisle %).

    Tompkins et al., *Facilities Planning*, ch. 3 (space requirements);
    :func:`.space.space_requirement`.
    """
    centre = centre_for(ctx.commodity)
    for _ in range(MAX_DRAWS):
        chosen = sorted(rng.choice(len(centre.machines), int(rng.integers(3, 5)), replace=False).tolist())
        machines = [(centre.machines[i], int(rng.integers(1, 4))) for i in chosen]
        operator, material = float(rng.choice(OPERATOR_AREAS)), int(rng.choice(MATERIAL_PERCENT))
        aisle = int(rng.choice(AISLE_PERCENT))
        result = space_requirement(
            [(m.key, m.length, m.width, n) for m, n in machines],
            operator_area=operator,
            material_percent=material,
            aisle_percent=aisle,
        )
        public: Public = {
            "title": bilingual("Kebutuhan luas ruang kerja", "Floor space of a work room"),
            "prompt": bilingual(
                "Sentra akan membangun ruang kerja baru untuk mesin-mesin dalam tabel. Hitung luas lantai yang "
                f"dibutuhkan: luas mesin (panjang × lebar × jumlah), ditambah {fmt(operator)} m² untuk operator "
                f"per unit mesin, ditambah tempat bahan {material}% dari luas mesin; lalu tambahkan {aisle}% dari "
                "jumlah itu untuk gang (jalan troli dan orang). Jawab dalam m², dengan 1 angka di belakang titik "
                "desimal.",
                "The centre will build a new work room for the machines in the table. Compute the floor area "
                f"needed: the machines' area (length × width × number), plus {fmt(operator)} m² for the operator "
                f"per machine unit, plus material space of {material}% of the machines' area; then add {aisle}% of "
                "that sum for aisles (trolleys and people). Answer in m², to 1 decimal place.",
            ),
            "data": {
                "columns": [column("machine", "Mesin", "Machine"), column("length", "Panjang (m)", "Length (m)"),
                            column("width", "Lebar (m)", "Width (m)"), column("count", "Jumlah unit", "Units")],
                "rows": [[m.name.to_dict(), m.length, m.width, n] for m, n in machines],
            },
            "unit": "m²",
        }  # fmt: skip
        total = result.total_area
        # Each omission a participant might make: the aisles, the operators, the material space.
        slips = [result.workstation_area, total - result.operator_area * (1 + aisle / 100),
                 total - result.material_area * (1 + aisle / 100)]  # fmt: skip
        if all(abs(s - total) > 0.025 * total for s in slips) and not leaks(public, [total]):
            # ±1 %: rounding areas to 2 decimals along the way stays far within; each slip above misses by > 2.5 %.
            return public, {"value": round(total, 6), "rel_tol": 0.01}
    raise RuntimeError("no clear space requirement")  # pragma: no cover


EXERCISES_CAPACITY: list[ExerciseSpec] = [takt_time_exercise, utilisation_practice, machines_required_exercise,
                                          bottleneck, space_requirement_exercise]  # fmt: skip
