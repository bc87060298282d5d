"""Exercises of the module Pendampingan dan evaluasi berkala: KPI achievement, the scorecard, follow-up, action plan.

Keys come from :func:`.scorecard.scorecard` and :func:`.follow_up.follow_up`;
the data are a centre's quarterly figures drawn around the default targets
(:data:`.kpi.DEFAULT_KPIS`, teaching values) and the members of the
participant's own kind of centre.

>>> import numpy as np
>>> from ikm_curriculum.assessment import ParticipantContext
>>> [spec.exercise_id for spec in EXERCISES][:2]
['pendampingan.achievement_practice', 'pendampingan.index']
>>> item = EXERCISES[1].instance(np.random.default_rng(4), ParticipantContext("p1", "perak"))
>>> item.kind, 0 < item.key["value"] <= 120
('numeric', True)
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np

from ikm_curriculum.assessment import ExerciseSpec, ParticipantContext, bilingual, column, exercise
from ikm_curriculum.modules.assets.sample_data import date_text, rupiah
from ikm_curriculum.modules.facility.centres import centre_for
from ikm_curriculum.modules.mentoring.follow_up import follow_up
from ikm_curriculum.modules.mentoring.kpi import DEFAULT_KPIS, Kpi, KpiSet
from ikm_curriculum.modules.mentoring.mentoring_log import ActionItem
from ikm_curriculum.modules.mentoring.scorecard import TRAFFIC_LIGHTS, ScorecardResult, scorecard

Public = dict[str, Any]
Key = dict[str, Any]
QUARTERS = ("2026-Q1", "2026-Q2", "2026-Q3")
WEIGHTS = (0.3, 0.3, 0.2, 0.2)  # four KPIs of an exercise: weights as a Dinas might set them (teaching values)
LIGHTS = {"hijau": ("Hijau (baik)", "Green (good)"), "kuning": ("Kuning (perlu perhatian)", "Amber (needs attention)"),
          "merah": ("Merah (perlu tindakan)", "Red (needs action)")}  # fmt: skip


def _kpi_set(rng: np.random.Generator) -> KpiSet:
    """Four KPIs of the default set, one of them lower-is-better, with the exercise's weights."""
    lower = [k for k in DEFAULT_KPIS.kpis if k.direction == "lower"]
    higher = [k for k in DEFAULT_KPIS.kpis if k.direction == "higher" and not k.numerator]
    picked = [higher[int(i)] for i in rng.choice(len(higher), 3, replace=False)] + lower[:1]
    picked = [picked[int(i)] for i in rng.permutation(4)]
    return KpiSet(
        tuple(Kpi(k.key, k.name, k.unit, k.direction, k.target, w) for k, w in zip(picked, WEIGHTS, strict=True))
    )


def _actual(rng: np.random.Generator, kpi: Kpi, low: float = 0.6, high: float = 1.15) -> float:
    """An actual value around the target: whole numbers for counts and money, 1 decimal for percentages."""
    factor = rng.uniform(low, high)
    value = kpi.target / factor if kpi.direction == "lower" else kpi.target * factor
    if kpi.unit == "%":
        return round(value, 1)
    step = 1_000_000 if kpi.unit == "Rp" else 1
    return float(round(value / step) * step)


def _value_text(value: float, unit: str) -> dict[str, str]:
    if unit == "Rp":
        return rupiah(int(value))
    shown = f"{value:g}"
    return bilingual(f"{shown.replace('.', ',')} {unit}", f"{shown} {unit}")


def kpi_rows(kpis: KpiSet, actual: dict[str, float]) -> list[list[Any]]:
    better = {"higher": bilingual("makin tinggi makin baik", "higher is better"),
              "lower": bilingual("makin rendah makin baik", "lower is better")}  # fmt: skip
    return [[k.name.to_dict(), better[k.direction], _value_text(k.target, k.unit), _value_text(actual[k.key], k.unit),
             f"{round(k.weight * 100)} %"] for k in kpis.kpis]  # fmt: skip


KPI_COLUMNS = [column("kpi", "Indikator", "Indicator"), column("direction", "Arah", "Direction"),
               column("target", "Target", "Target"), column("actual", "Realisasi", "Actual"),
               column("weight", "Bobot", "Weight")]  # fmt: skip


@exercise("pendampingan.achievement_practice", kind="table", points=0, graded=False)
def achievement_practice(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """Achievement (capaian) = actual ÷ target × 100 %; target ÷ actual × 100 % when lower is better.

    :func:`.scorecard.scorecard`.
    """
    kpis = _kpi_set(rng)
    actual = {k.key: _actual(rng, k, 0.7, 1.1) for k in kpis.kpis}
    result = scorecard({QUARTERS[0]: actual}, kpis).quarters[0]
    public: Public = {
        "title": bilingual("Capaian setiap indikator", "Achievement of each indicator"),
        "prompt": bilingual(
            "Hitung capaian setiap indikator dalam persen: realisasi ÷ target × 100; untuk indikator yang makin "
            "rendah makin baik: target ÷ realisasi × 100. Jawab dengan 1 angka di belakang koma.",
            "Compute each indicator's achievement in percent: actual ÷ target × 100; for an indicator where lower "
            "is better: target ÷ actual × 100. Answer to 1 decimal place.",
        ),
        "data": {"columns": KPI_COLUMNS[:4], "rows": [row[:4] for row in kpi_rows(kpis, actual)]},
        "cells": [
            {"id": k.key, "label": bilingual(f"Capaian {k.name.id} (%)", f"Achievement {k.name.en} (%)")}
            for k in kpis.kpis
        ],  # fmt: skip
    }
    values = {r.key: round(float(r.achievement or 0) * 100, 6) for r in result.kpis}
    return public, {"values": values, "abs_tol": 0.1}


@exercise("pendampingan.index", kind="numeric", points=3)
def index(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """Weighted index = Σ weight × min(achievement, cap) × 100 (:func:`.scorecard.scorecard`, cap 120 %)."""
    kpis = _kpi_set(rng)
    actual = {k.key: _actual(rng, k) for k in kpis.kpis}
    result = scorecard({QUARTERS[0]: actual}, kpis).quarters[0]
    public: Public = {
        "title": bilingual("Indeks kartu skor", "Scorecard index"),
        "prompt": bilingual(
            "Ini kartu skor sentra untuk satu triwulan. Hitung indeksnya: capaian setiap indikator (realisasi ÷ "
            "target × 100, atau target ÷ realisasi × 100 jika makin rendah makin baik; paling tinggi 120 %) dikali "
            "bobotnya, lalu dijumlahkan. Jawab dengan 1 angka di belakang koma.",
            "This is the centre's scorecard for one quarter. Compute its index: each indicator's achievement (actual "
            "÷ target × 100, or target ÷ actual × 100 where lower is better; at most 120 %) times its weight, added "
            "up. Answer to 1 decimal place.",
        ),
        "data": {"columns": KPI_COLUMNS, "rows": kpi_rows(kpis, actual)},
        "unit": bilingual("poin (0–120)", "points (0–120)"),
    }
    # ±0.3: rounding each achievement to 1 decimal before weighting; forgetting the cap or the inverse
    # achievement of the lower-is-better indicator misses by more.
    return public, {"value": round(result.index, 6), "abs_tol": 0.3}


@exercise("pendampingan.status", kind="classify", points=1)
def status(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """Traffic light of an index: green ≥ 90, amber ≥ 70, red below (:data:`.scorecard.TRAFFIC_LIGHTS`, check)."""
    bands = [(TRAFFIC_LIGHTS.green + 0.5, 110.0), (TRAFFIC_LIGHTS.yellow + 0.5, TRAFFIC_LIGHTS.green - 0.5),
             (40.0, TRAFFIC_LIGHTS.yellow - 0.5)]  # fmt: skip
    values = [round(float(rng.uniform(*bands[int(i)])), 1) for i in rng.permutation(3)]
    lights = ["hijau" if v >= TRAFFIC_LIGHTS.green else "kuning" if v >= TRAFFIC_LIGHTS.yellow else "merah"
              for v in values]  # fmt: skip
    public: Public = {
        "title": bilingual("Warna status kartu skor", "Scorecard status colour"),
        "prompt": bilingual(
            f"Indeks kartu skor tiga triwulan ada di bawah. Aturannya: hijau jika indeks paling sedikit "
            f"{TRAFFIC_LIGHTS.green:g}, kuning jika paling sedikit {TRAFFIC_LIGHTS.yellow:g}, selain itu merah. "
            "Pilih warna setiap triwulan.",
            f"The scorecard index of three quarters is below. The rule: green if the index is at least "
            f"{TRAFFIC_LIGHTS.green:g}, amber if at least {TRAFFIC_LIGHTS.yellow:g}, red otherwise. Pick each "
            "quarter's colour.",
        ),
        "items": [
            {"id": q, "label": bilingual(f"{q}: indeks {str(v).replace('.', ',')}", f"{q}: index {v}")}
            for q, v in zip(QUARTERS, values, strict=True)
        ],  # fmt: skip
        "categories": [{"id": key, "label": bilingual(*text)} for key, text in LIGHTS.items()],
    }
    return public, {"values": dict(zip(QUARTERS, lights, strict=True))}


def three_quarters(rng: np.random.Generator) -> tuple[KpiSet, dict[str, dict[str, float]], ScorecardResult]:
    """Three quarters of four KPIs, one or two of them falling quarter after quarter."""
    kpis = _kpi_set(rng)
    falling = set(rng.choice([k.key for k in kpis.kpis], int(rng.integers(1, 3)), replace=False))
    data: dict[str, dict[str, float]] = {q: {} for q in QUARTERS}
    for k in kpis.kpis:
        levels = [1.05, 0.92, 0.78] if k.key in falling else sorted(rng.uniform(0.85, 1.1, 3))
        if k.key not in falling and rng.random() < 0.5:
            levels = [levels[1], levels[0], levels[2]]  # up and down: not falling twice
        for q, level in zip(QUARTERS, levels, strict=True):
            data[q][k.key] = _actual(rng, k, level, level)
    return kpis, data, scorecard(data, kpis)


@exercise("pendampingan.falling", kind="multi_choice", points=2)
def falling(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """Which indicators fell two quarters in a row: ``kpi_falling`` items of :func:`.follow_up.follow_up`."""
    kpis, data, result = three_quarters(rng)
    items = follow_up([], result, dt.date(2026, 10, 1)).items
    fell = sorted({i.subject for i in items if i.kind == "kpi_falling"})
    rows = [[k.name.to_dict(), bilingual("makin rendah makin baik" if k.direction == "lower" else
                                         "makin tinggi makin baik", "lower is better" if k.direction == "lower" else
                                         "higher is better"),
             *(_value_text(data[q][k.key], k.unit) for q in QUARTERS)] for k in kpis.kpis]  # fmt: skip
    public: Public = {
        "title": bilingual("Indikator yang terus memburuk", "Indicators getting worse"),
        "prompt": bilingual(
            "Realisasi empat indikator selama tiga triwulan ada di tabel. Indikator mana yang memburuk dua "
            "triwulan berturut-turut (perhatikan arah: untuk produk cacat, naik berarti memburuk)? Pilih semua "
            "yang benar.",
            "The table gives four indicators over three quarters. Which got worse two quarters in a row (mind the "
            "direction: for defects, going up means getting worse)? Tick every right answer.",
        ),
        "data": {
            "columns": [
                column("kpi", "Indikator", "Indicator"),
                column("direction", "Arah", "Direction"),
                *(column(q, q, q) for q in QUARTERS),
            ],
            "rows": rows,
        },  # fmt: skip
        "options": [{"id": k.key, "label": k.name.to_dict()} for k in kpis.kpis],
    }
    return public, {"correct": fell}


ACTIONS = (
    ("Catat hasil pemeriksaan mutu setiap batch", "Record the quality check of every batch"),
    (
        "Urus izin atau sertifikat produk baru (P-IRT, halal atau SNI)",
        "Apply for the new product's permit or certificate (P-IRT, halal or SNI)",
    ),
    ("Buat buku kas usaha terpisah dari uang rumah tangga", "Keep a business cash book apart from household money"),
    ("Pasang label KIB pada semua mesin UPT", "Put KIB labels on every UPT machine"),
    ("Ikut pelatihan pemasaran daring", "Attend the online marketing training"),
    ("Perbaiki tata letak gudang bahan baku", "Rearrange the raw-material store"),
)


@exercise("pendampingan.overdue", kind="multi_choice", points=2)
def overdue(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """Which actions are overdue: due before today, not done and not cancelled (:func:`.follow_up.follow_up`)."""
    today = dt.date(2026, 9, 30)
    members = [str(m) for m in rng.permutation(centre_for(ctx.commodity).members)]
    statuses = ["belum", "berjalan", "selesai", "batal", "belum", "berjalan"]
    late: list[str] = []
    while not late:  # at least one action is overdue
        actions = []
        for k, (text, status_) in enumerate(zip(ACTIONS, [str(s) for s in rng.permutation(statuses)], strict=True)):
            due = today + dt.timedelta(days=int(rng.choice([-45, -20, -3, 0, 10, 30])))
            done_on = due - dt.timedelta(days=2) if status_ == "selesai" else None
            member = members[k % len(members)]
            actions.append(ActionItem(f"T{k + 1}", member, text[0], "pengelola", due, status_, done_on))
        late = sorted({i.subject for i in follow_up(actions, None, today).items if i.kind == "overdue_action"})
    shown = {"belum": ("belum mulai", "not started"), "berjalan": ("sedang berjalan", "in progress"),
             "selesai": ("selesai", "done"), "batal": ("dibatalkan", "cancelled")}  # fmt: skip
    public: Public = {
        "title": bilingual("Tindakan yang terlambat", "Overdue actions"),
        "prompt": bilingual(
            "Ini rencana tindak pendampingan. Hari ini 30 September 2026. Tindakan mana yang terlambat (batas "
            "waktunya sudah lewat dan belum selesai)? Pilih semua yang benar.",
            "This is the mentoring action plan. Today is 30 September 2026. Which actions are overdue (past their "
            "due date and not done)? Tick every right answer.",
        ),
        "data": {
            "columns": [
                column("id", "No.", "No."),
                column("member", "Anggota", "Member"),
                column("action", "Tindakan", "Action"),
                column("due", "Batas waktu", "Due"),
                column("status", "Status", "Status"),
            ],
            "rows": [
                [a.id, a.member, bilingual(*ACTIONS[k]), date_text(a.due), bilingual(*shown[a.status])]
                for k, a in enumerate(actions)
            ],
        },  # fmt: skip
        "options": [
            {"id": a.id, "label": bilingual(f"{a.id} – {ACTIONS[k][0]}", f"{a.id} – {ACTIONS[k][1]}")}
            for k, a in enumerate(actions)
        ],  # fmt: skip
    }
    return public, {"correct": late}


@exercise("pendampingan.action_plan", kind="short_text", points=3)
def action_plan(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """One action-plan item for an indicator below target: what, who, by when, how success is measured (by hand)."""
    kpis, data, result = three_quarters(rng)
    worst = min((r for r in result.latest.kpis if r.score is not None), key=lambda r: r.score or 0)
    public: Public = {
        "title": bilingual("Rencana tindak pendampingan", "A mentoring action plan item"),
        "prompt": bilingual(
            f"Pada {QUARTERS[-1]}, indikator '{worst.name.id}' paling jauh dari target. Tulis satu rencana tindak "
            "untuk memperbaikinya: kegiatan apa, siapa penanggung jawabnya, kapan batas waktunya, dan bagaimana "
            "mengukur keberhasilannya.",
            f"In {QUARTERS[-1]}, the indicator '{worst.name.en}' is furthest from its target. Write one action-plan "
            "item to improve it: what will be done, who is responsible, by when, and how success will be measured.",
        ),
        "max_chars": 1200,
    }
    rubric = bilingual(
        f"3 poin. 1: kegiatan nyata yang masuk akal untuk '{worst.name.id}'. 1: penanggung jawab dan batas waktu "
        "jelas. 1: ukuran keberhasilan berupa angka yang bisa dicek (misalnya target triwulan berikut).",
        f"3 points. 1: a concrete, sensible activity for '{worst.name.en}'. 1: a clear person responsible and "
        "deadline. 1: a measure of success that is a number one can check (e.g. next quarter's target).",
    )
    return public, {"rubric": rubric, "kpi": worst.key}


EXERCISES: list[ExerciseSpec] = [achievement_practice, index, status, falling, overdue, action_plan]
"""Every exercise of the mentoring module, in workbook order."""
