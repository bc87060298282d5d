"""Exercise generators of the quality module (modul manajemen mutu).

Each generator takes a numpy random generator and the participant's context,
uses the product profile of the participant's commodity
(:func:`~ikm_curriculum.modules.quality.commodities.profile_for`) for its data,
and returns ``(public, key)``: the public part carries a bilingual ``title``
and ``prompt``, an optional ``data`` table and the fields its kind reads
(:mod:`ikm_curriculum.assessment.kinds`); the key carries only what the kind's
scorer reads (plus, for the reviewer, what the item was drawn from).

>>> import numpy as np
>>> from ikm_curriculum.assessment import ParticipantContext
>>> [spec.exercise_id for spec in EXERCISES][:3]
['mutu.xbar_r_limits', 'mutu.pareto_top_share', 'mutu.pareto_vital_few']
>>> item = EXERCISES[0].instance(np.random.default_rng(7), ParticipantContext("p01", "Abon Ikan Tuna"))
>>> item.kind, len(item.public["data"]["rows"]), item.public["unit"]
('table', 20, 'g')
>>> sorted(item.key["values"]) == sorted(cell["id"] for cell in item.public["cells"])
True
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ikm_curriculum.assessment import ExerciseSpec, ParticipantContext, bilingual, column, exercise
from ikm_curriculum.modules.quality.commodities import (
    CommodityProfile,
    profile_for,
)
from ikm_curriculum.modules.quality.constants import constants_for
from ikm_curriculum.modules.quality.control_charts import xbar_r_limits
from ikm_curriculum.modules.quality.exercises_spc import EXERCISES_SPC
from ikm_curriculum.modules.quality.exercises_standards import EXERCISES_STANDARDS
from ikm_curriculum.modules.quality.five_r import (
    FIVE_R,
    GRADED_SCENARIOS,
    PRACTICE_SCENARIOS,
    Scenario,
)
from ikm_curriculum.modules.quality.pareto import ParetoTable
from ikm_curriculum.modules.quality.sample_data import (
    CUTOFF_MARGIN,
    SUBGROUP_SIZE,
    SUBGROUPS,
    VITAL_FEW_CUTOFF,
    Key,
    Public,
    defect_tallies,
    month_text,
    subgroup_data,
    tally_data,
)

# 5R scenarios of the participant's own commodity are this many times as likely.
_OWN_COMMODITY_WEIGHT = 3.0


# --- 1. x̄-R chart limits ----------------------------------------------------------------------------------------


@exercise("mutu.xbar_r_limits", kind="table", points=6)
def xbar_r_limits_exercise(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    profile = profile_for(ctx.commodity)
    characteristic = profile.characteristic
    data = subgroup_data(rng, profile)
    limits = xbar_r_limits(data.tolist())
    factors = constants_for(SUBGROUP_SIZE)
    unit = characteristic.unit
    public: Public = {
        "title": bilingual("Batas kendali peta x̄-R", "Control limits of an x̄-R chart"),
        "prompt": bilingual(
            f"Tabel berisi {SUBGROUPS} subgrup hasil ukur {characteristic.name.id.lower()} ({unit}). "
            f"Setiap subgrup adalah {SUBGROUP_SIZE} produk yang diambil berurutan. Hitung rata-rata keseluruhan "
            "(x̿), rata-rata rentang (R̄), serta batas kendali atas (BKA) dan bawah (BKB) peta x̄ dan peta R. "
            f"Untuk n = {SUBGROUP_SIZE} pakai A2 = {factors.A2}, D3 = {factors.D3:g}, D4 = {factors.D4}. "
            "Tulis jawaban dengan 2 angka di belakang koma.",
            f"The table holds {SUBGROUPS} subgroups of measurements of {characteristic.name.en.lower()} ({unit}). "
            f"Each subgroup is {SUBGROUP_SIZE} consecutive products. Compute the grand mean (x̿), the mean range "
            "(R̄), and the upper (UCL) and lower (LCL) control limits of the x̄ chart and of the R chart. "
            f"For n = {SUBGROUP_SIZE} use A2 = {factors.A2}, D3 = {factors.D3:g}, D4 = {factors.D4}. "
            "Give answers to 2 decimal places.",
        ),
        "data": {
            "columns": [column("subgroup", "Subgrup", "Subgroup")]
            + [column(f"x{i}", f"x{i}", f"x{i}") for i in range(1, SUBGROUP_SIZE + 1)],
            "rows": [[index, *(float(v) for v in row)] for index, row in enumerate(data.tolist(), start=1)],
        },
        "cells": [
            {"id": "grand_mean", "label": bilingual("Rata-rata keseluruhan x̿", "Grand mean x̿")},
            {"id": "mean_range", "label": bilingual("Rata-rata rentang R̄", "Mean range R̄")},
            {"id": "ucl_x", "label": bilingual("BKA peta x̄", "UCL of the x̄ chart")},
            {"id": "lcl_x", "label": bilingual("BKB peta x̄", "LCL of the x̄ chart")},
            {"id": "ucl_r", "label": bilingual("BKA peta R", "UCL of the R chart")},
            {"id": "lcl_r", "label": bilingual("BKB peta R", "LCL of the R chart")},
        ],
        "unit": unit,
    }
    values = {cell["id"]: round(float(getattr(limits, cell["id"])), 6) for cell in public["cells"]}
    # Tolerance: ±0.05 (in the measurement's unit) on every cell, no relative part.
    # The data are read to 0.1, so each x̄ is exact to 0.02, x̿ to 0.001 and R̄ to
    # 0.005, and A2, D3, D4 are the same 3-decimal values the key uses: the only
    # error left is the participant's rounding of results and of the x̿ and R̄
    # they reuse (2 decimals: at most 0.005 + 2.114 × 0.005 ≈ 0.016; rounding to
    # 1 decimal mostly stays within 0.05). A relative tolerance would grow with
    # the size of the product (0.5 % of a 450 mm chair leg is 2.25 mm, more than
    # the spread of x̿), letting a guess near the label value pass; an absolute
    # tolerance also grades LCL_R = D3 · R̄ = 0.
    key: Key = {"values": values, "abs_tol": 0.05, "rel_tol": 0.0}
    return public, key


# --- 2., 3., 6. Pareto -------------------------------------------------------------------------------------------


@exercise("mutu.pareto_top_share", kind="numeric", points=2)
def pareto_top_share(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    profile = profile_for(ctx.commodity)
    tallies, table = defect_tallies(rng, profile, lambda t: True)
    month = month_text(profile)
    public: Public = {
        "title": bilingual("Diagram Pareto: dua cacat terbesar", "Pareto chart: the two largest defects"),
        "prompt": bilingual(
            f"{month['id']} Susun tabel Pareto (urutkan dari jumlah terbesar). Berapa persen kumulatif dua jenis "
            "cacat terbesar? Jawab dalam persen, dengan 1 angka di belakang koma.",
            f"{month['en']} Build the Pareto table (largest count first). What is the cumulative percentage of the "
            "two largest defect types? Answer in percent, to 1 decimal place.",
        ),
        "data": tally_data(rng, profile, tallies),
        "unit": "%",
    }
    # ±0.5 percentage point: accepts an answer rounded to whole percents along the way.
    key: Key = {"value": round(table.rows[1].cumulative_percent, 6), "abs_tol": 0.5}
    return public, key


def _clear_vital_few(table: ParetoTable) -> bool:
    """The vital few at 80 % do not depend on ties or on how percentages are rounded."""
    chosen = len(table.vital_few(VITAL_FEW_CUTOFF))
    rows = table.rows
    if not 2 <= chosen <= len(rows) - 1:
        return False
    last, first_out, before = rows[chosen - 1], rows[chosen], rows[chosen - 2]
    return (
        last.count > first_out.count
        and last.cumulative_percent >= VITAL_FEW_CUTOFF + CUTOFF_MARGIN
        and before.cumulative_percent <= VITAL_FEW_CUTOFF - CUTOFF_MARGIN
    )


def _defect_options(profile: CommodityProfile) -> list[dict[str, Any]]:
    return [{"id": chr(ord("a") + i), "label": defect.name.to_dict()} for i, defect in enumerate(profile.defects)]


@exercise("mutu.pareto_vital_few", kind="multi_choice", points=3)
def pareto_vital_few(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    profile = profile_for(ctx.commodity)
    tallies, table = defect_tallies(rng, profile, _clear_vital_few)
    options = _defect_options(profile)
    option_of = {defect.key: option["id"] for defect, option in zip(profile.defects, options, strict=True)}
    month = month_text(profile)
    public: Public = {
        "title": bilingual("Diagram Pareto: yang sedikit tetapi penting", "Pareto chart: the vital few"),
        "prompt": bilingual(
            f"{month['id']} Susun tabel Pareto dengan persen kumulatif. Pilih semua jenis cacat yang termasuk "
            f"'sedikit tetapi penting': dari yang terbesar sampai jenis cacat yang pertama kali membuat persen "
            f"kumulatif mencapai {VITAL_FEW_CUTOFF:g}%.",
            f"{month['en']} Build the Pareto table with cumulative percentages. Tick every defect type among the "
            f"'vital few': from the largest down to the first type at which the cumulative percentage reaches "
            f"{VITAL_FEW_CUTOFF:g}%.",
        ),
        "data": tally_data(rng, profile, tallies),
        "options": options,
    }
    key: Key = {"correct": sorted(option_of[c] for c in table.vital_few(VITAL_FEW_CUTOFF))}
    return public, key


@exercise("mutu.improvement_action", kind="short_text", points=3)
def improvement_action(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    profile = profile_for(ctx.commodity)
    tallies, table = defect_tallies(rng, profile, lambda t: t.rows[0].count > t.rows[1].count)
    top = next(d for d in profile.defects if d.key == table.rows[0].category)
    month = month_text(profile)
    public: Public = {
        "title": bilingual("Penyebab dan tindakan perbaikan", "Cause and corrective action"),
        "prompt": bilingual(
            f"{month['id']} Untuk jenis cacat terbesar dari tabel ini, tulis satu penyebab (sebutkan kategori "
            "6M-nya: Manusia, Mesin, Metode, Material, Lingkungan atau Pengukuran) dan satu tindakan perbaikan "
            "yang bisa dilakukan di sentra Anda.",
            f"{month['en']} For the largest defect type in this table, write one cause (name its 6M category: "
            "Man, Machine, Method, Material, Environment or Measurement) and one corrective action your centre "
            "can take.",
        ),
        "data": tally_data(rng, profile, tallies),
        "max_chars": 1000,
    }
    key: Key = {
        "rubric": bilingual(
            f"3 poin. 1 poin: menyebut jenis cacat terbesar, yaitu '{top.name.id}' ({tallies[top.key]} kali). "
            "1 poin: penyebab yang masuk akal untuk cacat itu, dengan kategori 6M yang benar. "
            "1 poin: tindakan perbaikan yang nyata dan bisa dijalankan sentra (apa, siapa, kapan) dan "
            "menghilangkan atau mengurangi penyebab tersebut.",
            f"3 points. 1 point: names the largest defect type, '{top.name.en}' ({tallies[top.key]} times). "
            "1 point: a plausible cause of that defect, in the right 6M category. "
            "1 point: a concrete corrective action the centre can carry out (what, who, when) that removes or "
            "reduces that cause.",
        ),
        "top_category": top.key,
    }
    return public, key


# --- 4., 5. 5R scenarios ---------------------------------------------------------------------------------------------


def _five_r_options() -> list[dict[str, Any]]:
    options = []
    for r in FIVE_R:
        english = r.meaning.en.split(":")[0]  # "Sort", "Set in order", …
        label = bilingual(f"{r.name} ({r.japanese})", f"{r.name} – {english} ({r.japanese})")
        options.append({"id": r.code, "label": label})
    return options


def _pick_scenario(rng: np.random.Generator, bank: tuple[Scenario, ...], ctx: ParticipantContext) -> Scenario:
    own = profile_for(ctx.commodity).key
    weights = np.array([_OWN_COMMODITY_WEIGHT if s.commodity == own else 1.0 for s in bank])
    return bank[int(rng.choice(len(bank), p=weights / weights.sum()))]


def _five_r_item(scenario: Scenario) -> tuple[Public, Key]:
    public: Public = {
        "title": bilingual("5R di tempat kerja", "5R in the workplace"),
        "prompt": bilingual(
            "Baca situasi di sebuah sentra IKM berikut. Langkah 5R mana yang sedang dijalankan?\n\n" + scenario.text.id,
            "Read this situation in a sentra IKM. Which step of 5R is being practised?\n\n" + scenario.text.en,
        ),
        "options": _five_r_options(),
    }
    return public, {"correct": scenario.answer, "scenario": scenario.key}


@exercise("mutu.5r_practice", kind="single_choice", points=0, graded=False)
def five_r_practice(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    return _five_r_item(_pick_scenario(rng, PRACTICE_SCENARIOS, ctx))


@exercise("mutu.5r_scenario", kind="single_choice", points=2)
def five_r_scenario(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    # Graded scenarios come from the other half of the bank: never the practice one.
    return _five_r_item(_pick_scenario(rng, GRADED_SCENARIOS, ctx))


EXERCISES: list[ExerciseSpec] = [
    xbar_r_limits_exercise,
    pareto_top_share,
    pareto_vital_few,
    five_r_practice,
    five_r_scenario,
    improvement_action,
    *EXERCISES_SPC,
    *EXERCISES_STANDARDS,
]
"""Every exercise of the quality module: these, control charts and capability (:mod:`.exercises_spc`),
sampling, 5R audit, CPPB-IRT and fishbone (:mod:`.exercises_standards`). The workbook orders them by topic."""
