"""Data like the participant's own centre, shared by the facility exercises and the worked examples.

Each draw starts from the participant's centre (:mod:`.centres`) and varies its
teaching values with a numpy random generator (task times, members' orders,
flows, the arrangement of rooms), so a participant's data is fixed by the seed
derived from the cohort secret and differs from their neighbour's.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, replace
from typing import Any, Callable

import numpy as np

from ikm_curriculum.assessment import bilingual, column
from ikm_curriculum.modules.facility.capacity import MachineLoad, machine_load
from ikm_curriculum.modules.facility.centres import Centre, Machine
from ikm_curriculum.modules.facility.line_balancing import LineBalance, line_balance

Public = dict[str, Any]
Key = dict[str, Any]

MAX_DRAWS = 1000
WORK_DAYS = 6  # a working week of a sentra IKM: Monday to Saturday
DAY_MINUTES = 420  # one shift 08.00–16.00 (480 min) less a 60-minute break
WEEK_MINUTES = WORK_DAYS * DAY_MINUTES
RULE = "most_followers"


def capital(text: str) -> str:
    """The first letter in upper case: 'kemasan abon 100 g' → 'Kemasan abon 100 g'."""
    return text[:1].upper() + text[1:]


def inline(text: str) -> str:
    """A name inside a sentence: first letter in lower case, unless the word is an abbreviation.

    >>> inline("Mesin poles"), inline("ATBM lebar"), inline("Hand loom (ATBM)")
    ('mesin poles', 'ATBM lebar', 'hand loom (ATBM)')
    """
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def fmt(value: float) -> str:
    """A number as people write it: at most 2 decimals, no trailing zeros.

    >>> fmt(2.50), fmt(2520.0), fmt(0.125)
    ('2.5', '2520', '0.12')
    """
    return f"{value:.2f}".rstrip("0").rstrip(".")


def leaks(public: Public, numbers: list[float]) -> bool:
    """True when a non-zero number, written to 2 decimals, appears as a whole number in the public part.

    >>> leaks({"prompt": "C = 12.5"}, [12.5]), leaks({"prompt": "C = 12.50"}, [12.5]), leaks({"p": "2.114"}, [2.11])
    (False, True, False)
    """
    text = json.dumps(public, ensure_ascii=False)
    return any(v != 0 and re.search(rf"(?<![\d.]){re.escape(f'{v:.2f}')}(?!\d)", text) for v in numbers)


def vary(rng: np.random.Generator, value: float, spread: float = 0.1) -> float:
    """``value`` × U(1 − spread, 1 + spread): to 0.1 below 10, to a whole number from 10 on."""
    varied = value * rng.uniform(1 - spread, 1 + spread)
    return round(varied, 1) if value < 10 else float(round(varied))


# --- Line balancing ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """Tasks with varied times (0.5-minute steps), a whole-minute cycle time and the balance by :data:`RULE`."""

    tasks: dict[str, dict[str, Any]]
    cycle_time: float
    balance: LineBalance


def draw_line(rng: np.random.Generator, centre: Centre, accept: Callable[[Line], bool] = lambda line: True) -> Line:
    """Task times = the centre's × U(0.8, 1.25), to 0.5 min; C a whole number of minutes for 3–6 stations.

    Σt/C is kept at least 0.1 away from a whole number, so the theoretical minimum
    ⌈Σt/C⌉ does not hinge on how a participant rounds the ratio.
    """
    for _ in range(MAX_DRAWS):
        times = [max(1.0, round(t.time * rng.uniform(0.8, 1.25) * 2) / 2) for t in centre.tasks]
        tasks = {t.key: {"time": x, "predecessors": list(t.predecessors)}
                 for t, x in zip(centre.tasks, times, strict=True)}  # fmt: skip
        total, longest = sum(times), max(times)
        low, high = math.ceil(max(longest, total / 6)), math.floor(total / 3)
        if low > high:
            continue
        cycle = float(rng.integers(low, high + 1))
        ratio = total / cycle
        if not 0.1 <= ratio - math.floor(ratio) <= 0.9:
            continue
        line = Line(tasks, cycle, line_balance(tasks, cycle, RULE))
        if accept(line):
            return line
    raise RuntimeError(f"no acceptable line for {centre.key!r} in {MAX_DRAWS} draws")  # pragma: no cover


def task_data(centre: Centre, line: Line) -> dict[str, Any]:
    """The task table: letter, task, time (min) and immediate predecessors ("—" for none)."""
    rows = [
        [t.key, t.name.to_dict(), line.tasks[t.key]["time"], ", ".join(t.predecessors) or "—"] for t in centre.tasks
    ]
    return {
        "columns": [
            column("task", "Tugas", "Task"),
            column("name", "Uraian", "Description"),
            column("time", "Waktu (menit)", "Time (min)"),
            column("predecessors", "Tugas pendahulu langsung", "Immediate predecessors"),
        ],
        "rows": rows,
    }


RULE_TEXT = bilingual(
    "Isi stasiun satu per satu. Sebuah tugas boleh masuk stasiun jika semua tugas pendahulunya sudah ditempatkan "
    "dan waktunya masih muat dalam sisa waktu stasiun. Di antara tugas yang boleh masuk, pilih tugas dengan "
    "jumlah tugas pengikut terbanyak (semua tugas sesudahnya, langsung maupun tidak langsung); jika sama, yang "
    "waktunya paling lama; jika masih sama, huruf paling awal. Jika tidak ada lagi tugas yang muat, buka "
    "stasiun berikutnya.",
    "Fill the stations one at a time. A task may enter a station when all its predecessors are already placed "
    "and its time still fits in the time left in the station. Among the tasks that may enter, pick the one with "
    "the most following tasks (all tasks after it, directly or indirectly); on a tie, the longest; if still "
    "tied, the earliest letter. When no task fits any more, open the next station.",
)


# --- Shared machines -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bookings:
    """Members' orders of the two products for one week, and the machines they need (minutes varied)."""

    members: tuple[str, ...]
    units: tuple[tuple[int, int], ...]
    machines: tuple[Machine, ...]
    load: MachineLoad


def std_times(machines: tuple[Machine, ...]) -> dict[str, dict[str, float]]:
    return {m.key: {"p1": m.minutes[0], "p2": m.minutes[1]} for m in machines}


def available(machines: tuple[Machine, ...]) -> dict[str, float]:
    """Minutes per week of each machine: units owned × 6 days × 420 minutes."""
    return {m.key: float(m.count * WEEK_MINUTES) for m in machines}


def try_bookings(
    rng: np.random.Generator,
    centre: Centre,
    n_machines: int,
    peak: tuple[float, float],
    accept: Callable[[Bookings], bool] = lambda b: True,
    spread: float = 0.1,
    tries: int = MAX_DRAWS,
) -> Bookings | None:
    """3–5 members' orders, scaled so that the busiest of ``n_machines`` machines is used ``peak`` (fraction).

    The machines are drawn from the centre's, kept in the centre's order, their
    minutes per unit varied by ± ``spread``; the share of the first product is
    U(0.1, 0.9). Redrawn until ``accept`` holds; ``None`` after ``tries`` draws.
    """
    for _ in range(tries):
        chosen = sorted(rng.choice(len(centre.machines), n_machines, replace=False).tolist())
        machines = tuple(replace(m, minutes=(vary(rng, m.minutes[0], spread), vary(rng, m.minutes[1], spread)))
                         for m in (centre.machines[i] for i in chosen))  # fmt: skip
        k = int(rng.integers(3, 6))
        members = tuple(str(m) for m in rng.choice(centre.members, k, replace=False))
        share = rng.uniform(0.1, 0.9)
        weights = rng.uniform(0.2, 1.0, (k, 2)) * np.array([share, 1 - share])
        per_minute = np.array([m.minutes for m in machines]) / np.array([[m.count * WEEK_MINUTES] for m in machines])
        scale = rng.uniform(*peak) / float((per_minute @ weights.sum(axis=0)).max())
        step = centre.order_step
        units = np.maximum(step, np.round(weights * scale / step) * step).astype(int)
        pairs = tuple((int(a), int(b)) for a, b in units)
        orders = {m: {"p1": a, "p2": b} for m, (a, b) in zip(members, pairs, strict=True)}
        bookings = Bookings(members, pairs, machines, machine_load(orders, std_times(machines), available(machines)))
        if accept(bookings):
            return bookings
    return None


def draw_bookings(
    rng: np.random.Generator,
    centre: Centre,
    n_machines: int,
    peak: tuple[float, float],
    accept: Callable[[Bookings], bool] = lambda b: True,
) -> Bookings:
    """:func:`try_bookings` that must succeed."""
    found = try_bookings(rng, centre, n_machines, peak, accept)
    if found is None:  # pragma: no cover
        raise RuntimeError(f"no acceptable bookings for {centre.key!r} in {MAX_DRAWS} draws")
    return found


def orders_data(centre: Centre, bookings: Bookings) -> dict[str, Any]:
    """Members' orders for the week: one row per member, one column per product."""
    p1, p2 = centre.products
    return {
        "columns": [
            column("member", "Anggota (nama fiktif)", "Member (fictional name)"),
            column("p1", f"{capital(p1.id)} (unit)", f"{capital(p1.en)} (units)"),
            column("p2", f"{capital(p2.id)} (unit)", f"{capital(p2.en)} (units)"),
        ],
        "rows": [[m, a, b] for m, (a, b) in zip(bookings.members, bookings.units, strict=True)],
    }


def machine_line(centre: Centre, machine: Machine) -> dict[str, str]:
    """'• Stirring fryer (2 units): 2.1 min per 100 g pack …; 5.2 min per 250 g pack …'."""
    p1, p2 = centre.products
    t1, t2 = (fmt(t) for t in machine.minutes)
    return bilingual(
        f"• {machine.name.id} ({machine.count} unit): {t1} menit per {p1.id}; {t2} menit per {p2.id}",
        f"• {machine.name.en} ({machine.count} unit{'s' if machine.count > 1 else ''}): {t1} min per {p1.en}; "
        f"{t2} min per {p2.en}",
    )


WEEK_TEXT = bilingual(
    f"Setiap unit mesin tersedia {WORK_DAYS} hari × {DAY_MINUTES} menit = {WEEK_MINUTES} menit per minggu; "
    "mesin yang ada 2 unit tersedia dua kali lipat.",
    f"Each machine unit is available {WORK_DAYS} days × {DAY_MINUTES} minutes = {WEEK_MINUTES} minutes per "
    "week; a machine with 2 units has twice that.",
)


# --- Flows and layouts ---------------------------------------------------------------------------------------------


def draw_flows(rng: np.random.Generator, centre: Centre, keys: list[str]) -> dict[str, dict[str, int]]:
    """The centre's flows among ``keys``, each × U(0.7, 1.3) and rounded (at least 1), as a nested mapping."""
    flows: dict[str, dict[str, int]] = {k: {} for k in keys}
    for a, b, quantity in centre.flows:
        if a in flows and b in flows:
            flows[a][b] = max(1, int(round(quantity * rng.uniform(0.7, 1.3))))
    return flows


def draw_grid(rng: np.random.Generator, centre: Centre) -> tuple[dict[str, tuple[int, int]], int]:
    """Rooms of equal size placed at random in 2 rows of bays; returns ``{room: (row, col)}`` and the bay size (m)."""
    keys = [d.key for d in centre.departments]
    cols = math.ceil(len(keys) / 2)
    slots = [(r, c) for r in range(2) for c in range(cols)]
    order = rng.permutation(len(slots))[: len(keys)]
    return {k: slots[int(i)] for k, i in zip(keys, order, strict=True)}, int(rng.choice([4, 5, 6]))


def grid_text(centre: Centre, layout: dict[str, tuple[int, int]], size: int) -> dict[str, str]:
    """The rooms bay by bay, row by row: 'Baris 1: Terima | Olah | …'."""
    cols = max(c for _, c in layout.values()) + 1
    where = {cell: key for key, cell in layout.items()}

    def row(r: int, lang: str) -> str:
        names = [getattr(centre.department(where[(r, c)]).short, lang) if (r, c) in where else "—"
                 for c in range(cols)]  # fmt: skip
        return " | ".join(names)

    return bilingual(
        f"Setiap ruang menempati satu petak {size} m × {size} m. Baris 1: {row(0, 'id')}. Baris 2: {row(1, 'id')}.",
        f"Each room takes one bay of {size} m × {size} m. Row 1: {row(0, 'en')}. Row 2: {row(1, 'en')}.",
    )
