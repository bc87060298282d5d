"""Exercise generators on line balancing (keseimbangan lini) of the centre's own product.

The tasks of making one unit (:attr:`.centres.Centre.tasks`, times varied per
participant by :func:`.sample_data.draw_line`) are balanced for a cycle time C
with the "most following tasks" rule of :func:`.line_balancing.line_balance`.

>>> import numpy as np
>>> from ikm_curriculum.assessment import ParticipantContext
>>> [spec.exercise_id for spec in EXERCISES_LINE]
['fasilitas.theoretical_stations_practice', 'fasilitas.line_balance', 'fasilitas.line_balance_station1']
>>> item = EXERCISES_LINE[1].instance(np.random.default_rng(5), ParticipantContext("p1", "Abon Ikan"))
>>> len(item.public["data"]["rows"]), sorted(item.key["values"])
(11, ['efficiency', 'idle', 'stations'])
"""

from __future__ import annotations

import numpy as np

from ikm_curriculum.assessment import ExerciseSpec, ParticipantContext, bilingual, exercise
from ikm_curriculum.modules.facility.centres import Centre, centre_for
from ikm_curriculum.modules.facility.sample_data import (
    MAX_DRAWS,
    RULE_TEXT,
    Key,
    Line,
    Public,
    draw_line,
    fmt,
    leaks,
    task_data,
)


def _setting(centre: Centre, line: Line) -> dict[str, str]:
    unit = centre.line_unit
    return bilingual(
        f"Tabel berisi tugas-tugas untuk membuat {unit.id}, waktu kerjanya dan tugas yang harus selesai lebih "
        f"dulu. Sentra ingin membagi tugas-tugas ini ke beberapa stasiun kerja dengan waktu siklus "
        f"C = {fmt(line.cycle_time)} menit (setiap stasiun paling lama {fmt(line.cycle_time)} menit per unit).",
        f"The table lists the tasks of making {unit.en}, their work times and the tasks that must be finished "
        f"first. The centre wants to divide these tasks among workstations with a cycle time of "
        f"C = {fmt(line.cycle_time)} minutes (each station at most {fmt(line.cycle_time)} minutes per unit).",
    )


@exercise("fasilitas.theoretical_stations_practice", kind="numeric", points=0, graded=False)
def theoretical_stations_practice(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """Theoretical minimum number of stations N_min = ⌈Σt / C⌉.

    Heizer & Render, *Operations Management*, ch. 9 (assembly-line balancing);
    :attr:`.line_balancing.LineBalance.theoretical_min_stations`.
    """
    centre = centre_for(ctx.commodity)
    line = draw_line(rng, centre)
    setting = _setting(centre, line)
    public: Public = {
        "title": bilingual("Jumlah stasiun minimum", "The minimum number of stations"),
        "prompt": bilingual(
            f"{setting['id']} Berapa jumlah stasiun paling sedikit secara teori? Jumlahkan semua waktu tugas, "
            "bagi dengan C, lalu bulatkan ke atas.",
            f"{setting['en']} What is the theoretical minimum number of stations? Add up all task times, divide "
            "by C, then round up.",
        ),
        "data": task_data(centre, line),
        "unit": bilingual("stasiun", "stations"),
    }
    # A whole number, and Σt/C is at least 0.1 from a whole number (draw_line): only the exact count is right.
    return public, {"value": line.balance.theoretical_min_stations, "abs_tol": 0.0}


@exercise("fasilitas.line_balance", kind="table", points=3)
def line_balance_exercise(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """Balance the line by the most-following-tasks rule: stations, efficiency, idle time per cycle.

    efficiency = Σt ÷ (n·C) × 100 %, idle time = n·C − Σt (Heizer & Render,
    ch. 9; :func:`.line_balancing.line_balance` with ``rule="most_followers"``).
    """
    centre = centre_for(ctx.commodity)
    for _ in range(MAX_DRAWS):
        line = draw_line(rng, centre)
        setting, result = _setting(centre, line), line.balance
        public: Public = {
            "title": bilingual("Keseimbangan lini", "Line balancing"),
            "prompt": bilingual(
                f"{setting['id']}\n{RULE_TEXT['id']}\nBerapa stasiun yang terbentuk, berapa efisiensi lini "
                "(jumlah waktu tugas ÷ (jumlah stasiun × C) × 100 %, dengan 1 angka di belakang koma) "
                "dan berapa menit waktu menganggur per siklus (jumlah stasiun × C − jumlah waktu tugas)?",
                f"{setting['en']}\n{RULE_TEXT['en']}\nHow many stations does this give, what is the line "
                "efficiency (sum of task times ÷ (stations × C) × 100 %, to 1 decimal place) and how many minutes "
                "of idle time are there per cycle (stations × C − sum of task times)?",
            ),
            "data": task_data(centre, line),
            "cells": [
                {"id": "stations", "label": bilingual("Jumlah stasiun", "Number of stations")},
                {"id": "efficiency", "label": bilingual("Efisiensi lini (%)", "Line efficiency (%)")},
                {"id": "idle", "label": bilingual("Waktu menganggur per siklus (menit)", "Idle time per cycle (min)")},
            ],
        }
        values = {
            "stations": result.n_stations,
            "efficiency": round(100 * result.efficiency, 6),
            "idle": round(result.idle_time, 6),
        }
        if not leaks(public, [values["efficiency"], values["idle"]]):
            # ±0.25 on every cell: the station count and the idle time are exact (times in 0.5-minute steps, C in
            # whole minutes, so a wrong count or a slip of one task moves them by ≥ 0.5); the efficiency asked
            # to 1 decimal is within 0.05 of the key, while one station more or fewer moves it by ≥ 10 points.
            return public, {"values": values, "abs_tol": 0.25, "rel_tol": 0.0, "stations": result.to_dict()["stations"]}
    raise RuntimeError("every line-balance draw showed a key number")  # pragma: no cover


def _two_or_more_first(line: Line) -> bool:
    return len(line.balance.stations[0]) >= 2


@exercise("fasilitas.line_balance_station1", kind="multi_choice", points=2)
def line_balance_station1(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """The tasks of station 1 under the most-following-tasks rule (:func:`.line_balancing.line_balance`).

    Scored right-minus-wrong (:mod:`ikm_curriculum.assessment.kinds`).
    """
    centre = centre_for(ctx.commodity)
    line = draw_line(rng, centre, _two_or_more_first)
    setting = _setting(centre, line)
    public: Public = {
        "title": bilingual("Tugas-tugas stasiun pertama", "The tasks of the first station"),
        "prompt": bilingual(
            f"{setting['id']}\n{RULE_TEXT['id']}\nTugas mana saja yang masuk stasiun 1? Pilih semuanya; setiap "
            "pilihan yang salah mengurangi nilai.",
            f"{setting['en']}\n{RULE_TEXT['en']}\nWhich tasks go to station 1? Tick all of them; every wrong tick "
            "lowers the score.",
        ),
        "data": task_data(centre, line),
        "options": [
            {"id": t.key, "label": bilingual(f"{t.key} – {t.name.id}", f"{t.key} – {t.name.en}")} for t in centre.tasks
        ],
    }
    return public, {"correct": sorted(str(t) for t in line.balance.stations[0])}


EXERCISES_LINE: list[ExerciseSpec] = [theoretical_stations_practice, line_balance_exercise, line_balance_station1]
