"""Worked examples of the facility workbook, in each participant's own kind of centre.

Each example is computed at release from the participant's commodity (with its
own random draw, so it never repeats an exercise's data) and shown before the
exercises of its topic: the data, every step with its numbers, and a chart.
An example is a plain JSON-able dict whose ``kind`` names the chart the
workbook draws (``bars`` of :mod:`ikm_curriculum.widgets.charts`), with
bilingual ``steps`` and a ``table``.

>>> import numpy as np
>>> from ikm_curriculum.assessment import ParticipantContext
>>> example = EXAMPLES["line_balance"](np.random.default_rng(3), ParticipantContext("p1", "abon ikan"))
>>> example["kind"], example["categories"][0], len(example["series"])
('bars', {'id': 'Stasiun 1', 'en': 'Station 1'}, 2)
"""

from __future__ import annotations

from typing import Any, Callable

import numpy as np

from ikm_curriculum.assessment import ParticipantContext, bilingual, column
from ikm_curriculum.modules.facility.capacity import machines_required, takt_time
from ikm_curriculum.modules.facility.centres import centre_for
from ikm_curriculum.modules.facility.flow import centroids, cost_table, layout_distances
from ikm_curriculum.modules.facility.sample_data import (
    DAY_MINUTES,
    WEEK_MINUTES,
    WORK_DAYS,
    draw_bookings,
    draw_flows,
    draw_grid,
    draw_line,
    fmt,
    grid_text,
    inline,
    task_data,
)

Example = dict[str, Any]
EFFICIENCY, RELIABILITY = 0.90, 0.95  # the example's planning allowances (Tompkins et al., ch. 2)
TOP_PAIRS = 6  # pairs of rooms drawn in the flow-cost chart


def takt_machines_example(rng: np.random.Generator, ctx: ParticipantContext) -> Example:
    """Takt time, the load and utilisation of the shared machines, the bottleneck and the machines it needs.

    T = available time ÷ demand (Heizer & Render, ch. 9); load = Σ units × minutes
    per unit, utilisation = load ÷ available time (Tompkins et al., ch. 2;
    :func:`.capacity.machine_load`); F = S·Q ÷ (E·H·R) (Tompkins et al., ch. 2;
    :func:`.capacity.machines_required`).
    """
    centre = centre_for(ctx.commodity)
    p1, p2 = centre.products
    demand = int(rng.integers(centre.demand[0], centre.demand[1] + 1))
    takt = takt_time(DAY_MINUTES, demand)
    bookings = draw_bookings(rng, centre, 4, (0.85, 1.15))
    rows = bookings.load.machines
    machine = {m.key: m for m in bookings.machines}
    top = machine[str(bookings.load.bottleneck)]
    top_row = next(r for r in rows if r.machine == top.key)
    need = machines_required(top_row.load, 1.0, WEEK_MINUTES, EFFICIENCY, RELIABILITY)
    total1, total2 = (sum(u[k] for u in bookings.units) for k in (0, 1))
    first, first_row = bookings.machines[0], rows[0]
    t1, t2 = (fmt(t) for t in first.minutes)
    first_id, first_en = inline(first.name.id), inline(first.name.en)
    top_id, top_en = inline(top.name.id), inline(top.name.en)
    verdict = ("masih cukup", "still enough") if need.required <= top.count else ("perlu ditambah", "must be increased")
    steps = [
        (f"Waktu takt: pesanan {demand} {p1.id} per hari, waktu kerja {DAY_MINUTES} menit per hari → "
         f"T = {DAY_MINUTES} ÷ {demand} = {takt:.2f} menit per {p1.id}. Setiap {takt:.2f} menit satu produk "
         "harus selesai.",
         f"Takt time: {demand} units of {p1.en} ordered per day, {DAY_MINUTES} working minutes per day → "
         f"T = {DAY_MINUTES} ÷ {demand} = {takt:.2f} minutes per {p1.en}. One product must be finished every "
         f"{takt:.2f} minutes."),
        (f"Pesanan minggu ini dijumlahkan: {total1} {p1.id} dan {total2} {p2.id}.",
         f"This week's orders add up to {total1} × {p1.en} and {total2} × {p2.en}."),
        (f"Beban {first_id} = {total1} × {t1} + {total2} × {t2} = {fmt(first_row.load)} menit. Mesin lain "
         "dihitung dengan cara yang sama (tabel).",
         f"Load of the {first_en} = {total1} × {t1} + {total2} × {t2} = {fmt(first_row.load)} minutes. "
         "The other machines are computed the same way (table)."),
        (f"Waktu tersedia = jumlah unit × {WORK_DAYS} hari × {DAY_MINUTES} menit; pemakaian = beban ÷ waktu "
         f"tersedia × 100 %. Untuk {first_id}: {fmt(first_row.load)} ÷ {fmt(first_row.available)} × 100 % "
         f"= {first_row.utilisation_pct:.1f} %.",
         f"Available time = units × {WORK_DAYS} days × {DAY_MINUTES} minutes; utilisation = load ÷ available "
         f"time × 100 %. For the {first_en}: {fmt(first_row.load)} ÷ {fmt(first_row.available)} × 100 % = "
         f"{first_row.utilisation_pct:.1f} %."),
        (f"Hambatan (bottleneck) = mesin dengan pemakaian tertinggi: {top_id}, {top_row.utilisation_pct:.1f} %.",
         f"The bottleneck = the machine with the highest utilisation: the {top_en}, "
         f"{top_row.utilisation_pct:.1f} %."),
        (f"Jumlah mesin untuk beban itu, dengan efisiensi E = {EFFICIENCY} dan keandalan R = {RELIABILITY}: "
         f"F = beban ÷ (E × H × R) = {fmt(top_row.load)} ÷ ({EFFICIENCY} × {WEEK_MINUTES} × {RELIABILITY}) = "
         f"{need.exact:.2f} → {need.required} unit. Sentra punya {top.count} unit: {verdict[0]}.",
         f"Machines for that load, with efficiency E = {EFFICIENCY} and reliability R = {RELIABILITY}: "
         f"F = load ÷ (E × H × R) = {fmt(top_row.load)} ÷ ({EFFICIENCY} × {WEEK_MINUTES} × {RELIABILITY}) = "
         f"{need.exact:.2f} → {need.required} units. The centre has {top.count}: {verdict[1]}."),
    ]  # fmt: skip
    return {
        "kind": "bars",
        "categories": [m.name.to_dict() for m in bookings.machines],
        "series": [
            {
                "name": bilingual("Beban (menit per minggu)", "Load (minutes per week)"),
                "values": [round(r.load, 2) for r in rows],
            },
            {
                "name": bilingual("Waktu tersedia (menit per minggu)", "Available time (minutes per week)"),
                "values": [round(r.available, 2) for r in rows],
            },
        ],  # fmt: skip
        "ylabel": bilingual("menit per minggu", "minutes per week"),
        "title": bilingual("Beban mesin bersama dibanding waktu tersedia", "Load of shared machines vs available time"),
        "steps": [bilingual(a, b) for a, b in steps],
        "table": {
            "columns": [
                column("machine", "Mesin", "Machine"),
                column("units", "Unit", "Units"),
                column("load", "Beban (menit)", "Load (min)"),
                column("available", "Tersedia (menit)", "Available (min)"),
                column("utilisation", "Pemakaian (%)", "Utilisation (%)"),
            ],
            "rows": [
                [
                    machine[r.machine].name.to_dict(),
                    machine[r.machine].count,
                    round(r.load, 2),
                    round(r.available, 2),
                    round(r.utilisation_pct, 1),
                ]
                for r in rows
            ],
        },  # fmt: skip
    }


def line_balance_example(rng: np.random.Generator, ctx: ParticipantContext) -> Example:
    """A line balanced by the most-following-tasks rule: N_min, stations, efficiency, idle time.

    N_min = ⌈Σt/C⌉, efficiency = Σt ÷ (n·C), idle = n·C − Σt (Heizer & Render,
    ch. 9; :func:`.line_balancing.line_balance`).
    """
    centre = centre_for(ctx.commodity)
    line = draw_line(rng, centre)
    result, c = line.balance, line.cycle_time
    n, total = result.n_stations, result.total_time
    station_of = {t: k for k, tasks in enumerate(result.stations, start=1) for t in tasks}
    follow = ", ".join(f"{t} {result.followers[t]}" for t in sorted(result.followers))
    stations = [
        (f"Stasiun {k}: {', '.join(map(str, tasks))} = {fmt(time)} menit (sisa {fmt(c - time)})",
         f"Station {k}: {', '.join(map(str, tasks))} = {fmt(time)} min ({fmt(c - time)} left)")
        for k, (tasks, time) in enumerate(zip(result.stations, result.station_times, strict=True), start=1)
    ]  # fmt: skip
    steps = [
        (f"Jumlah waktu semua tugas Σt = {fmt(total)} menit; waktu siklus C = {fmt(c)} menit.",
         f"Sum of all task times Σt = {fmt(total)} minutes; cycle time C = {fmt(c)} minutes."),
        (f"Stasiun minimum secara teori: ⌈Σt ÷ C⌉ = ⌈{fmt(total)} ÷ {fmt(c)}⌉ = ⌈{total / c:.2f}⌉ = "
         f"{result.theoretical_min_stations}.",
         f"Theoretical minimum of stations: ⌈Σt ÷ C⌉ = ⌈{fmt(total)} ÷ {fmt(c)}⌉ = ⌈{total / c:.2f}⌉ = "
         f"{result.theoretical_min_stations}."),
        (f"Hitung jumlah tugas pengikut setiap tugas: {follow}.",
         f"Count the following tasks of each task: {follow}."),
        ("Isi stasiun satu per satu dengan tugas yang boleh masuk dan punya pengikut terbanyak. "
         + "; ".join(s[0] for s in stations) + ".",
         "Fill the stations one at a time with the eligible task that has the most followers. "
         + "; ".join(s[1] for s in stations) + "."),
        (f"Efisiensi = Σt ÷ (n × C) = {fmt(total)} ÷ ({n} × {fmt(c)}) = {100 * result.efficiency:.1f} %.",
         f"Efficiency = Σt ÷ (n × C) = {fmt(total)} ÷ ({n} × {fmt(c)}) = {100 * result.efficiency:.1f} %."),
        (f"Waktu menganggur per siklus = n × C − Σt = {n} × {fmt(c)} − {fmt(total)} = {fmt(result.idle_time)} "
         "menit. Stasiun yang hampir penuh menentukan irama; yang banyak sisa bisa menerima tugas lain.",
         f"Idle time per cycle = n × C − Σt = {n} × {fmt(c)} − {fmt(total)} = {fmt(result.idle_time)} minutes. "
         "The nearly full stations set the pace; those with time left can take other work."),
    ]  # fmt: skip
    table = task_data(centre, line)
    table["columns"] += [column("followers", "Jumlah pengikut", "Followers"), column("station", "Stasiun", "Station")]
    for row, task in zip(table["rows"], centre.tasks, strict=True):
        row += [result.followers[task.key], station_of[task.key]]
    return {
        "kind": "bars",
        "categories": [bilingual(f"Stasiun {k}", f"Station {k}") for k in range(1, n + 1)],
        "series": [
            {"name": bilingual("Waktu stasiun (menit)", "Station time (min)"), "values": list(result.station_times)},
            {"name": bilingual(f"Waktu siklus C = {fmt(c)}", f"Cycle time C = {fmt(c)}"), "values": [c] * n},
        ],
        "ylabel": bilingual("menit per unit", "minutes per unit"),
        "title": bilingual(f"Keseimbangan lini: {centre.line_unit.id}", f"Line balance: {centre.line_unit.en}"),
        "steps": [bilingual(a, b) for a, b in steps],
        "table": table,
    }


def flow_cost_example(rng: np.random.Generator, ctx: ParticipantContext) -> Example:
    """Flow × distance cost of a layout: centroids, rectilinear distances, Σ f·d, the costliest pairs.

    Tompkins et al., *Facilities Planning*, ch. 6; :func:`.flow.layout_distances`,
    :func:`.flow.cost_table`.
    """
    centre = centre_for(ctx.commodity)
    keys = [d.key for d in centre.departments]
    layout, size = draw_grid(rng, centre)
    flows = draw_flows(rng, centre, keys)
    distances = layout_distances(layout, "rectilinear", cell_size=size)
    costs = cost_table(flows, distances)
    points = centroids(layout, size)
    total = float(costs.to_numpy().sum())
    short = {d.key: d.short for d in centre.departments}
    a, b, _ = centre.flows[0]
    (xa, ya), (xb, yb) = points[a], points[b]
    pairs: dict[tuple[str, str], float] = {}
    for x, y, _ in centre.flows:
        key = (x, y) if keys.index(x) < keys.index(y) else (y, x)
        pairs[key] = pairs.get(key, 0.0) + float(costs.loc[x, y])
    top = sorted(pairs.items(), key=lambda item: -item[1])[:TOP_PAIRS]
    grid = grid_text(centre, layout, size)
    (ta, tb), share = top[0][0], 100 * top[0][1] / total
    steps = [
        (f"Tata letak: {grid['id']}", f"Layout: {grid['en']}"),
        (f"Pusat setiap ruang ada di tengah petaknya. Jarak diukur mengikuti lorong siku-siku: selisih x + "
         f"selisih y. Contoh {short[a].id}–{short[b].id}: |{fmt(xa)} − {fmt(xb)}| + |{fmt(ya)} − {fmt(yb)}| = "
         f"{fmt(distances.loc[a, b])} m.",
         f"Each room's centre is the middle of its bay. Distances follow aisles at right angles: difference in x "
         f"+ difference in y. E.g. {short[a].en}–{short[b].en}: |{fmt(xa)} − {fmt(xb)}| + |{fmt(ya)} − "
         f"{fmt(yb)}| = {fmt(distances.loc[a, b])} m."),
        (f"Kalikan aliran dengan jarak untuk setiap baris (tabel), misalnya {flows[a][b]} × "
         f"{fmt(distances.loc[a, b])} = {fmt(costs.loc[a, b])}.",
         f"Multiply flow by distance on every row (table), e.g. {flows[a][b]} × {fmt(distances.loc[a, b])} = "
         f"{fmt(costs.loc[a, b])}."),
        (f"Biaya tata letak = jumlah semua hasil kali = {fmt(total)} meter-trip per hari.",
         f"Layout cost = the sum of all products = {fmt(total)} trip-metres per day."),
        (f"Pasangan termahal {short[ta].id}–{short[tb].id} ({share:.0f} % dari biaya): mendekatkan dua ruang "
         "ini paling banyak menurunkan biaya, asalkan peta REL tidak melarangnya (X).",
         f"The costliest pair {short[ta].en}–{short[tb].en} ({share:.0f} % of the cost): bringing these two rooms "
         "closer lowers the cost most, as long as the REL chart does not forbid it (X)."),
    ]  # fmt: skip
    unit = centre.flow_unit
    return {
        "kind": "bars",
        "categories": [bilingual(f"{short[x].id}–{short[y].id}", f"{short[x].en}–{short[y].en}") for (x, y), _ in top],
        "series": [{"name": bilingual("Aliran × jarak", "Flow × distance"), "values": [round(v, 2) for _, v in top]}],
        "ylabel": bilingual("meter-trip per hari", "trip-metres per day"),
        "title": bilingual("Pasangan ruang dengan biaya aliran × jarak terbesar",
                           "Pairs of rooms with the largest flow × distance"),
        "steps": [bilingual(x, y) for x, y in steps],
        "table": {
            "columns": [column("from", "Dari", "From"), column("to", "Ke", "To"),
                        column("flow", f"Aliran ({unit.id})", f"Flow ({unit.en})"),
                        column("distance", "Jarak (m)", "Distance (m)"),
                        column("cost", "Aliran × jarak", "Flow × distance")],
            "rows": [[centre.department(x).name.to_dict(), centre.department(y).name.to_dict(), flows[x][y],
                      round(float(distances.loc[x, y]), 2), round(float(costs.loc[x, y]), 2)]
                     for x, y, _ in centre.flows],
        },
    }  # fmt: skip


EXAMPLES: dict[str, Callable[[np.random.Generator, ParticipantContext], Example]] = {
    "takt_machines": takt_machines_example,
    "line_balance": line_balance_example,
    "flow_cost": flow_cost_example,
}
