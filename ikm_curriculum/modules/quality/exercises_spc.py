"""Exercise generators on control charts and process capability (peta kendali dan kemampuan proses).

Reading an x̄ chart, the run rules, p and c chart limits, Cp/Cpk and what to do
about them, each on data like the participant's own product (the commodity
profile of :mod:`.commodities`, plus the inspection and specification data of
:data:`.examples_spc.SETTINGS`). Generators return ``(public, key)`` as in :mod:`.exercises`;
a public part may carry a ``chart`` (a chart kind of
:mod:`ikm_curriculum.widgets.charts`) drawn above its input.

>>> import numpy as np
>>> from ikm_curriculum.assessment import ParticipantContext
>>> [spec.exercise_id for spec in EXERCISES_SPC][:2]
['mutu.out_of_control', 'mutu.run_rule_practice']
>>> item = EXERCISES_SPC[0].instance(np.random.default_rng(7), ParticipantContext("p01", "Abon Ikan Tuna"))
>>> item.public["chart"]["kind"], len(item.public["options"]), 1 <= len(item.key["correct"]) <= 3
('control_chart', 20, True)
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

import numpy as np

from ikm_curriculum.assessment import ExerciseSpec, ParticipantContext, bilingual, column, exercise
from ikm_curriculum.modules.quality.attribute_charts import c_chart, p_chart
from ikm_curriculum.modules.quality.commodities import CommodityProfile, profile_for
from ikm_curriculum.modules.quality.control_charts import xbar_r_chart
from ikm_curriculum.modules.quality.examples_spc import (
    CAPABLE,
    MARGINAL,
    PERIODS,
    SAMPLE,
    SpcSetting,
    action_for,
    defect_counts,
    indices,
    inspection_counts,
    setting_for,
    study,
)
from ikm_curriculum.modules.quality.run_rules import run_rules
from ikm_curriculum.modules.quality.sample_data import MAX_DRAWS, SUBGROUP_SIZE, SUBGROUPS, Key, Public


def leaks(public: Public, numbers: list[float]) -> bool:
    """True when a non-zero number, written to 2 decimals, appears as a whole number in the public part.

    >>> leaks({"prompt": "s = 1.024, x̄ = 101.15"}, [1.02, 1.15]), leaks({"prompt": "Cp 1.15"}, [1.15])
    (False, True)
    """
    text = json.dumps(public, ensure_ascii=False)
    return any(v != 0 and re.search(rf"(?<![\d.]){re.escape(f'{v:.2f}')}(?!\d)", text) for v in numbers)


def _name(profile: CommodityProfile) -> dict[str, str]:
    return {"id": profile.characteristic.name.id.lower(), "en": profile.characteristic.name.en.lower()}


# --- 1. Points outside the limits of an x̄ chart ------------------------------------------------------------------

SHIFT = (4.0, 6.0)  # a disturbed subgroup moves this many σ of x̄: it lands outside the 3σ limits
# No point closer to a limit than 4 % of UCL − LCL (about 6 px on the drawn chart, twice a marker's radius):
# the answer never hinges on a pixel or on rounding.
LIMIT_MARGIN = 0.04


def disturbed_xbar_chart(rng: np.random.Generator, profile: CommodityProfile) -> tuple[dict[str, Any], list[int]]:
    """A ``control_chart`` of 20 subgroup means (n = 5) with 1–3 subgroups shifted, and the indices outside."""
    ch = profile.characteristic
    sigma_xbar = ch.sigma / math.sqrt(SUBGROUP_SIZE)
    for _ in range(MAX_DRAWS):
        values = rng.normal(ch.target + rng.uniform(-1.0, 1.5) * ch.sigma, ch.sigma, (SUBGROUPS, SUBGROUP_SIZE))
        count = int(rng.integers(1, 4))
        where = rng.choice(SUBGROUPS, size=count, replace=False)
        values[where] += (rng.choice([-1.0, 1.0], count) * rng.uniform(*SHIFT, count) * sigma_xbar)[:, None]
        limits = xbar_r_chart(np.round(values, 1).tolist()).xbar_limits
        center, lcl, ucl = (round(v, 4) for v in (limits.center, limits.lcl, limits.ucl))
        points = np.round(np.round(values, 1).mean(axis=1), 4)
        gap = np.minimum(np.abs(points - ucl), np.abs(points - lcl))
        outside = np.flatnonzero((points > ucl) | (points < lcl)).tolist()
        if gap.min() > LIMIT_MARGIN * (ucl - lcl) and 1 <= len(outside) <= 3:
            chart = {"kind": "control_chart", "points": points.tolist(), "center": center, "lcl": lcl, "ucl": ucl}
            return chart, outside
    raise RuntimeError(f"no clear x̄ chart for {profile.key!r} in {MAX_DRAWS} draws")  # pragma: no cover


@exercise("mutu.out_of_control", kind="multi_choice", points=3)
def out_of_control(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """Tick the subgroups whose mean lies outside the limits of an x̄ chart.

    Limits x̿ ± A2·R̄ from :func:`.control_charts.xbar_r_chart` (Montgomery, ch. 6,
    eqs. 6.4–6.5); out of control = strictly outside (rule 1 of the Western
    Electric rules). Scored right-minus-wrong (:mod:`ikm_curriculum.assessment.kinds`).
    """
    profile = profile_for(ctx.commodity)
    chart, outside = disturbed_xbar_chart(rng, profile)
    name, unit = _name(profile), profile.characteristic.unit
    chart["ylabel"] = bilingual(f"x̄ ({unit})", f"x̄ ({unit})")
    chart["title"] = bilingual(f"Peta x̄: {name['id']}", f"x̄ chart: {name['en']}")
    public: Public = {
        "title": bilingual("Membaca peta kendali x̄", "Reading an x̄ control chart"),
        "prompt": bilingual(
            f"Peta x̄ di bawah ini dibuat dari {SUBGROUPS} subgrup {name['id']} ({unit}), {SUBGROUP_SIZE} produk "
            "per subgrup. Garis putus-putus adalah batas kendali atas (BKA) dan bawah (BKB). Pilih semua subgrup "
            "yang titiknya berada di luar batas kendali. Setiap pilihan yang salah mengurangi nilai.",
            f"The x̄ chart below was made from {SUBGROUPS} subgroups of {name['en']} ({unit}), {SUBGROUP_SIZE} "
            "products per subgroup. The dashed lines are the upper (UCL) and lower (LCL) control limits. Tick "
            "every subgroup whose point lies outside the control limits. Every wrong tick lowers the score.",
        ),
        "chart": chart,
        "options": [
            {"id": f"s{i}", "label": bilingual(f"Subgrup {i}", f"Subgroup {i}")} for i in range(1, SUBGROUPS + 1)
        ],
    }
    return public, {"correct": [f"s{i + 1}" for i in outside]}


# --- 2. Run rules ---------------------------------------------------------------------------------------------------

RULES = (
    ("Satu titik di luar batas kendali (lebih dari 3σ dari garis tengah)",
     "One point outside the control limits (more than 3σ from the centre line)"),
    ("2 dari 3 titik berturut-turut di luar 2σ pada sisi yang sama",
     "2 of 3 consecutive points beyond 2σ on the same side"),
    ("4 dari 5 titik berturut-turut di luar 1σ pada sisi yang sama",
     "4 of 5 consecutive points beyond 1σ on the same side"),
    ("8 titik berturut-turut pada satu sisi garis tengah", "8 consecutive points on one side of the centre line"),
    ("6 titik berturut-turut terus naik atau terus turun", "6 consecutive points steadily rising or steadily falling"),
)  # fmt: skip


ZONE_CLEAR = 0.1  # in σ


def _pattern(rng: np.random.Generator, rule: int) -> np.ndarray:
    """20 z-scores: calm noise (|z| ≤ 1.5) with the pattern of ``rule`` put in at a random place."""
    z = np.clip(rng.normal(0.0, 0.6, SUBGROUPS), -1.5, 1.5)
    side = float(rng.choice([-1.0, 1.0]))
    if rule == 1:
        z[rng.integers(3, SUBGROUPS)] = side * rng.uniform(3.3, 4.0)
    elif rule == 2:
        start = int(rng.integers(3, SUBGROUPS - 2))
        z[[start, start + int(rng.integers(1, 3))]] = side * rng.uniform(2.2, 2.8, 2)
    elif rule == 3:
        hits = np.delete(np.arange(5), rng.integers(1, 4)) + int(rng.integers(3, SUBGROUPS - 4))
        z[hits] = side * rng.uniform(1.2, 1.8, 4)
    elif rule == 4:
        start = int(rng.integers(2, SUBGROUPS - 7))
        z[start : start + 8] = side * rng.uniform(0.3, 0.9, 8)  # clearly off the centre line
    else:
        start = int(rng.integers(2, SUBGROUPS - 5))
        z[start : start + 6] = side * (rng.uniform(-1.1, -0.8) + np.cumsum([0.0, *rng.uniform(0.3, 0.45, 5)]))
    # Keep every point ZONE_CLEAR σ off the zone lines, so the eye counts what run_rules counts (moving a point
    # by at most 0.1 keeps a rule-5 run, whose steps are ≥ 0.3, steadily rising or falling).
    line = np.round(z)
    near = np.abs(z - line) < ZONE_CLEAR
    return np.where(near, line + np.where(z >= line, 1.0, -1.0) * ZONE_CLEAR, z)


def rule_chart(rng: np.random.Generator, profile: CommodityProfile, rule: int) -> dict[str, Any]:
    """A ``control_chart`` with σ zones whose points break ``rule`` (1–5) and no other, per :func:`.run_rules`."""
    ch = profile.characteristic
    sigma = ch.sigma / math.sqrt(SUBGROUP_SIZE)
    for _ in range(MAX_DRAWS):
        center = round(ch.target + rng.uniform(-1.0, 1.0) * ch.sigma, 2)
        lcl, ucl = round(center - 3 * sigma, 4), round(center + 3 * sigma, 4)
        points = np.round(center + _pattern(rng, rule) * sigma, 3).tolist()
        if [v.rule for v in run_rules(points, center, (ucl - center) / 3)] == [rule]:
            return {"kind": "control_chart", "points": points, "center": center, "lcl": lcl, "ucl": ucl, "zones": True}
    raise RuntimeError(f"no chart breaking only rule {rule} in {MAX_DRAWS} draws")  # pragma: no cover


@exercise("mutu.run_rule_practice", kind="single_choice", points=0, graded=False)
def run_rule_practice(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """Name the one run rule a chart breaks.

    The five sensitizing rules of the Western Electric Handbook (1956) and
    Nelson (1984), Montgomery section 5.3.6; checked with :func:`.run_rules.run_rules`.
    """
    profile = profile_for(ctx.commodity)
    rule = int(rng.integers(1, 6))
    chart = rule_chart(rng, profile, rule)
    name, unit = _name(profile), profile.characteristic.unit
    chart["ylabel"] = bilingual(f"x̄ ({unit})", f"x̄ ({unit})")
    public: Public = {
        "title": bilingual("Aturan pola pada peta kendali", "Run rules on a control chart"),
        "prompt": bilingual(
            f"Peta x̄ di bawah ini menunjukkan rata-rata {name['id']} ({unit}) dari {SUBGROUPS} subgrup. Garis "
            "titik-titik membagi jarak dari garis tengah (GT) ke batas kendali menjadi tiga zona: 1σ, 2σ dan 3σ. "
            "Pola titik-titik ini melanggar tepat satu aturan. Aturan yang mana?",
            f"The x̄ chart below shows the mean {name['en']} ({unit}) of {SUBGROUPS} subgroups. The dotted lines "
            "split the distance from the centre line (CL) to the control limits into three zones: 1σ, 2σ and 3σ. "
            "The points break exactly one rule. Which one?",
        ),
        "chart": chart,
        "options": [{"id": f"r{i}", "label": bilingual(*text)} for i, text in enumerate(RULES, start=1)],
    }
    return public, {"correct": f"r{rule}"}


# --- 3., 4. Attribute charts ----------------------------------------------------------------------------------------


def _period_column(setting: SpcSetting) -> dict[str, Any]:
    return column("period", f"{setting.period.id.capitalize()} ke-", setting.period.en.capitalize())


@exercise("mutu.p_chart_limits", kind="table", points=4)
def p_chart_limits(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """Centre line and limits of a p chart with a constant sample size.

    p̄ = ΣDᵢ/(k·n); UCL = p̄ + 3√(p̄(1 − p̄)/n); LCL = max(0, p̄ − 3√(p̄(1 − p̄)/n))
    (Montgomery, ch. 7.2.1; :func:`.attribute_charts.p_chart`).
    """
    setting = setting_for(profile_for(ctx.commodity))
    period, item, n = setting.period, setting.item, setting.n
    for _ in range(MAX_DRAWS):
        counts = inspection_counts(rng, setting, [n] * PERIODS)
        chart = p_chart(counts, n)
        public: Public = {
            "title": bilingual("Batas kendali peta p", "Control limits of a p chart"),
            "prompt": bilingual(
                f"Setiap {period.id} selama {PERIODS} {period.id} diperiksa {n} {item.id}. Tabel berisi banyaknya "
                f"{item.id} yang cacat setiap {period.id}. Hitung proporsi cacat rata-rata p̄ (total cacat dibagi "
                "total yang diperiksa), batas kendali atas BKA = p̄ + 3√(p̄(1 − p̄)/n) dan batas kendali bawah "
                "BKB = p̄ − 3√(p̄(1 − p̄)/n). Jika BKB kurang dari nol, tulis 0. Tulis sebagai pecahan (bukan persen) "
                "dengan 3 angka di belakang koma.",
                f"Every {period.en} for {PERIODS} {period.en}s, {n} {item.en} were inspected. The table gives the "
                f"number of defective {item.en} each {period.en}. Compute the average fraction defective p̄ (total "
                "defectives divided by total inspected), the upper control limit UCL = p̄ + 3√(p̄(1 − p̄)/n) and "
                "the lower control limit LCL = p̄ − 3√(p̄(1 − p̄)/n). If the LCL is below zero, write 0. Give "
                "fractions (not percentages) to 3 decimal places.",
            ),
            "data": {
                "columns": [_period_column(setting), column("n", "Diperiksa (n)", "Inspected (n)"),
                            column("defective", "Cacat", "Defective")],
                "rows": [[i, n, c] for i, c in enumerate(counts, start=1)],
            },
            "cells": [
                {"id": "p_bar", "label": bilingual("Proporsi cacat rata-rata p̄", "Average fraction defective p̄")},
                {"id": "ucl", "label": bilingual("BKA peta p", "UCL of the p chart")},
                {"id": "lcl", "label": bilingual("BKB peta p", "LCL of the p chart")},
            ],
        }  # fmt: skip
        values = {"p_bar": round(chart.center, 6), "ucl": round(float(chart.ucl), 6), "lcl": round(float(chart.lcl), 6)}
        if not leaks(public, list(values.values())):
            # ±0.003 on fractions of 0.02–0.4: p̄ = ΣD/(20n) is exact to 3 decimals and 3√(p̄(1 − p̄)/n) moves by
            # under 0.6 × the error of p̄, so work at 3 decimals stays within 0.001; rounding p̄ to 2 decimals
            # (up to 0.005) can miss, and percent instead of fraction or σ without the 3 always does.
            return public, {"values": values, "abs_tol": 0.003, "rel_tol": 0.0}
    raise RuntimeError("every p chart draw showed a key number")  # pragma: no cover


@exercise("mutu.c_chart_practice", kind="numeric", points=0, graded=False)
def c_chart_practice(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """Upper control limit of a c chart: UCL = c̄ + 3√c̄ (Montgomery, ch. 7.3.1; :func:`.attribute_charts.c_chart`)."""
    setting = setting_for(profile_for(ctx.commodity))
    counts = defect_counts(rng, setting)
    unit = setting.c_unit
    public: Public = {
        "title": bilingual("Peta c: batas kendali atas", "c chart: the upper control limit"),
        "prompt": bilingual(
            f"Petugas mutu menghitung banyaknya cacat pada {PERIODS} unit pemeriksaan; satu unit = {unit.id}. "
            "Hitung batas kendali atas peta c: BKA = c̄ + 3√c̄, dengan c̄ = rata-rata banyaknya cacat per unit. "
            "Tulis dengan 2 angka di belakang koma.",
            f"The quality officer counted the defects in {PERIODS} inspection units; one unit = {unit.en}. Compute "
            "the upper control limit of the c chart: UCL = c̄ + 3√c̄, where c̄ = the mean number of defects per "
            "unit. Give the answer to 2 decimal places.",
        ),
        "data": {
            "columns": [column("unit", "Unit ke-", "Unit"), column("defects", "Banyak cacat", "Defects")],
            "rows": [[i, c] for i, c in enumerate(counts, start=1)],
        },
    }
    # ±0.05: c̄ = Σc/20 is exact to 2 decimals; √c̄ rounded to 2 decimals moves 3√c̄ by at most 0.015.
    # Forgetting the 3 (c̄ + √c̄) or using c̄ + 3c̄ misses by far more.
    return public, {"value": round(float(c_chart(counts).ucl), 6), "abs_tol": 0.05}


# --- 5., 6. Capability ----------------------------------------------------------------------------------------------


def _study_rows(setting: SpcSetting, mean: float, s: float) -> list[list[Any]]:
    return [
        [bilingual("Batas spesifikasi bawah (BSB)", "Lower specification limit (LSL)"), setting.lsl],
        [bilingual("Batas spesifikasi atas (BSA)", "Upper specification limit (USL)"), setting.usl],
        [bilingual("Banyak produk diukur", "Products measured"), SAMPLE],
        [bilingual("Rata-rata x̄", "Mean x̄"), mean],
        [bilingual("Simpangan baku s", "Standard deviation s"), s],
    ]


_STUDY_COLUMNS = [column("quantity", "Besaran", "Quantity"), column("value", "Nilai", "Value")]


@exercise("mutu.capability_indices", kind="table", points=4)
def capability_indices(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """Cp and Cpk from the specification and a capability study (mean, s of 50 products).

    Cp = (USL − LSL)/(6s); Cpk = min((USL − x̄)/(3s), (x̄ − LSL)/(3s)) (Montgomery, ch. 8;
    :func:`.capability.process_capability` with σ = s, which AIAG would call Pp/Ppk).
    """
    profile = profile_for(ctx.commodity)
    setting = setting_for(profile)
    name, unit = _name(profile), profile.characteristic.unit
    for _ in range(MAX_DRAWS):
        cp = rng.uniform(0.8, 1.9)
        mean, s = study(rng, setting, cp, cp * (1.0 - rng.uniform(0.1, 0.5)))
        cp_shown, cpk_shown = indices(setting, mean, s)
        public: Public = {
            "title": bilingual("Indeks kemampuan proses Cp dan Cpk", "Process capability indices Cp and Cpk"),
            "prompt": bilingual(
                f"Tabel berisi spesifikasi {name['id']} dan hasil pengukuran {SAMPLE} produk saat proses stabil. "
                "Hitung Cp = (BSA − BSB)/(6s) dan Cpk = nilai terkecil dari (BSA − x̄)/(3s) dan (x̄ − BSB)/(3s). "
                "Tulis dengan 2 angka di belakang koma.",
                f"The table gives the specification of {name['en']} and the results of measuring {SAMPLE} products "
                "while the process was stable. Compute Cp = (USL − LSL)/(6s) and Cpk = the smaller of "
                "(USL − x̄)/(3s) and (x̄ − LSL)/(3s). Give answers to 2 decimal places.",
            ),
            "data": {"columns": _STUDY_COLUMNS, "rows": _study_rows(setting, mean, s)},
            "unit": unit,
            "cells": [{"id": "cp", "label": bilingual("Cp", "Cp")}, {"id": "cpk", "label": bilingual("Cpk", "Cpk")}],
        }
        values = {"cp": round(cp_shown, 6), "cpk": round(cpk_shown, 6)}
        if cpk_shown > 0 and cp_shown - cpk_shown > 0.05 and not leaks(public, list(values.values())):
            # ±0.02: mean and s are given, so only the participant's rounding is left (≤ 0.005 at 2 decimals,
            # ~0.01 when 6s or 3s is rounded first). Cp and Cpk differ by more than 0.05, so a swap misses.
            return public, {"values": values, "abs_tol": 0.02, "rel_tol": 0.0}
    raise RuntimeError("every capability draw showed a key number")  # pragma: no cover


ACTIONS = (
    ("Proses mampu: pertahankan cara kerja sekarang dan terus pantau dengan peta kendali.",
     "The process is capable: keep the current way of working and keep monitoring it with a control chart."),
    ("Sebaran sudah cukup sempit tetapi rata-rata tidak di tengah: geser rata-rata ke target.",
     "The spread is narrow enough but the mean is off centre: move the mean to the target."),
    ("Sebaran terlalu lebar: kurangi variasi proses (bahan, alat, cara kerja).",
     "The spread is too wide: reduce the variation of the process (materials, tools, method)."),
    ("Tidak bisa dinilai dari data ini.", "Cannot be judged from these data."),
)  # fmt: skip
# (Cp range, Cpk range) of each case, well clear of the 1.33 threshold: capable / off centre / too wide.
CASES = {"a": ((1.45, 2.0), (1.42, 2.0)), "b": ((1.45, 2.0), (0.6, 1.2)), "c": ((0.6, 1.2), (0.4, 1.2))}


@exercise("mutu.capability_judgement", kind="single_choice", points=2)
def capability_judgement(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """Choose the action that follows from Cp and Cpk of a stable process (see :func:`action_for`)."""
    profile = profile_for(ctx.commodity)
    setting = setting_for(profile)
    name, unit = _name(profile), profile.characteristic.unit
    case = str(rng.choice(sorted(CASES)))
    (cp_low, cp_high), (cpk_low, cpk_high) = CASES[case]
    for _ in range(MAX_DRAWS):
        cp = rng.uniform(cp_low, cp_high)
        mean, s = study(rng, setting, cp, rng.uniform(cpk_low, min(cpk_high, cp)))
        cp_shown, cpk_shown = (round(v, 2) for v in indices(setting, mean, s))
        clear = min(abs(cp_shown - CAPABLE), abs(cpk_shown - CAPABLE)) >= 0.05  # no answer on a rounding edge
        if action_for(cp_shown, cpk_shown) == case and cpk_shown > 0 and clear:
            break
    else:  # pragma: no cover
        raise RuntimeError(f"no capability study of case {case!r} in {MAX_DRAWS} draws")
    rows = _study_rows(setting, mean, s) + [[bilingual("Cp", "Cp"), cp_shown], [bilingual("Cpk", "Cpk"), cpk_shown]]
    public: Public = {
        "title": bilingual("Apa arti Cp dan Cpk?", "What do Cp and Cpk mean?"),
        "prompt": bilingual(
            f"Tabel berisi hasil studi kemampuan proses untuk {name['id']}. Menurut peta kendali, proses sudah "
            f"stabil. Pedoman: Cp dan Cpk minimal {CAPABLE} berarti proses mampu; {MARGINAL:.2f} sampai di bawah "
            f"{CAPABLE} berarti pas-pasan; di bawah {MARGINAL:.2f} berarti tidak mampu. Apa tindakan yang tepat?",
            f"The table gives the results of a process capability study of {name['en']}. According to the "
            f"control chart the process is stable. Guide: Cp and Cpk of at least {CAPABLE} mean a capable "
            f"process; {MARGINAL:.2f} to below {CAPABLE} is marginal; below {MARGINAL:.2f} is not capable. Which "
            "action is right?",
        ),
        "data": {"columns": _STUDY_COLUMNS, "rows": rows},
        "unit": unit,
        "options": [{"id": chr(ord("a") + i), "label": bilingual(*text)} for i, text in enumerate(ACTIONS)],
    }
    return public, {"correct": case}


EXERCISES_SPC: list[ExerciseSpec] = [out_of_control, run_rule_practice, p_chart_limits, c_chart_practice,
                                     capability_indices, capability_judgement]  # fmt: skip
