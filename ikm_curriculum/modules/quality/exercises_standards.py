"""Exercise generators on standards: ISO 2859-1 sampling, 5R audits, CPPB-IRT level, fishbone (6M).

Same contract as :mod:`.exercises`: ``(rng, ctx) -> (public, key)``, data
shaped like the participant's commodity (lots of their product, workplaces of
their kind of centre: :mod:`.standards_data`, :mod:`.standards_banks`),
answers computed with the library (:mod:`.sampling`, :mod:`.five_r_audit`,
:mod:`.cppb_irt`, :mod:`.qc_tools`). Only normal inspection (ISO 2859-1
Table 2-A) is asked: the reduced table in :mod:`.iso2859_tables` is ANSI
Z1.4's, not ISO's.

>>> import numpy as np
>>> from ikm_curriculum.assessment import ParticipantContext
>>> [spec.exercise_id for spec in EXERCISES_STANDARDS][:2]
['mutu.code_letter_practice', 'mutu.sampling_plan_lookup']
>>> item = EXERCISES_STANDARDS[1].instance(np.random.default_rng(1), ParticipantContext("p01", "Abon Ikan"))
>>> item.kind, sorted(item.key["values"])
('table', ['ac', 'n', 're'])
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ikm_curriculum.assessment import ExerciseSpec, ParticipantContext, bilingual, column, exercise
from ikm_curriculum.modules.quality import iso2859_tables as tables
from ikm_curriculum.modules.quality import standards_banks as banks
from ikm_curriculum.modules.quality import standards_data as sd
from ikm_curriculum.modules.quality.commodities import PROFILES, profile_for
from ikm_curriculum.modules.quality.cppb_irt import ASPECTS, DEFAULT_RULE, GRADES, inspection_level
from ikm_curriculum.modules.quality.five_r import FIVE_R
from ikm_curriculum.modules.quality.five_r_audit import CHECKLIST, score_audit
from ikm_curriculum.modules.quality.qc_tools import SIX_M
from ikm_curriculum.modules.quality.sample_data import Key, Public
from ikm_curriculum.modules.quality.sampling import code_letter, oc_curve, sampling_plan

_OWN_COMMODITY_WEIGHT = 3.0  # causes of the participant's own commodity are this many times as likely
_LEVELS = ("I", "II", "III")

# --- ISO 2859-1: code letter, plan, OC curve ------------------------------------------------------------------------


@exercise("mutu.code_letter_practice", kind="single_choice", points=0, graded=False)
def code_letter_practice(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """Lot size and inspection level I, II or III → sample size code letter.

    Rule: ISO 2859-1:1999 Table 1 (= ANSI/ASQ Z1.4 Table I), via
    :func:`~.sampling.code_letter`. Shown: five rows of Table 1 around the lot
    size, columns I–III; options: five neighbouring letters.
    """
    setting = sd.lot_setting(ctx)
    lot = sd.draw_lot(rng, setting, setting.low, setting.high)
    level = _LEVELS[int(rng.integers(3))]
    answer = code_letter(lot, level)
    last = len(tables.LOT_SIZE_CODE_LETTERS) - 1
    first = int(np.clip(sd.lot_row(lot) - int(rng.integers(5)), 0, last - 4))
    columns = [tables.LEVELS.index(name) for name in _LEVELS]
    rows = [
        [sd.lot_range_cell(i), *(tables.LOT_SIZE_CODE_LETTERS[i][2].split()[j] for j in columns)]
        for i in range(first, first + 5)
    ]
    start = int(np.clip(tables.CODE_LETTERS.index(answer) - int(rng.integers(5)), 0, len(tables.CODE_LETTERS) - 5))
    items = setting.items
    public: Public = {
        "title": bilingual("Huruf kode ukuran sampel (ISO 2859-1)", "Sample size code letter (ISO 2859-1)"),
        "prompt": bilingual(
            f"Satu lot berisi {sd.number_text(lot, 'id')} {items.id}. Pembeli meminta tingkat pemeriksaan {level}. "
            "Potongan Tabel 1 ISO 2859-1 ada di bawah. Huruf kode ukuran sampel mana yang dipakai?",
            f"A lot holds {sd.number_text(lot, 'en')} {items.en}. The buyer asks for inspection level {level}. "
            "An excerpt of ISO 2859-1 Table 1 is below. Which sample size code letter applies?",
        ),
        "data": {
            "columns": [column("lot", "Ukuran lot", "Lot size")]
            + [column(name, f"Level {name}", f"Level {name}") for name in _LEVELS],
            "rows": rows,
        },
        "options": [{"id": x, "label": bilingual(x, x)} for x in tables.CODE_LETTERS[start : start + 5]],
        "lot_size": lot,
        "level": level,
    }
    return public, {"correct": answer}


@exercise("mutu.sampling_plan_lookup", kind="table", points=3)
def sampling_plan_lookup(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """Lot size, level II, an AQL, normal inspection → the plan actually used: n, Ac, Re.

    Rule: ISO 2859-1:1999 clause 10, Table 1 and Table 2-A (= ANSI/ASQ Z1.4
    Tables I and II-A), via :func:`~.sampling.sampling_plan`. Half the
    instances land on an arrow (↓/↑): the participant must follow it and take
    the sample size of the row it leads to. The excerpt is one table (the
    workbook shows one data table per exercise): the level-II column of
    Table 1 beside the rows of Table 2-A, one row per code letter, always
    including the row an arrow leads to (:func:`~.standards_data.plan_excerpt`).
    """
    setting = sd.lot_setting(ctx)
    aql, plan = sd.draw_plan(rng, setting, arrow=bool(rng.random() < 0.5))
    rows = sd.plan_excerpt(rng, aql, plan)
    aql_id, aql_en, items, lot = sd.aql_text(aql, "id"), sd.aql_text(aql, "en"), setting.items, plan.lot_size
    public: Public = {
        "title": bilingual("Rencana sampling ISO 2859-1", "An ISO 2859-1 sampling plan"),
        "prompt": bilingual(
            f"{setting.buyer.id} meminta setiap lot kiriman diperiksa dengan sampling penerimaan ISO 2859-1 "
            f"(SNI ISO 2859-1): tingkat pemeriksaan umum II, AQL {aql_id} %, pemeriksaan normal. Lot kali ini berisi "
            f"{sd.number_text(lot, 'id')} {items.id}. Tabel di bawah adalah potongan Tabel 1 (kolom level II) dan "
            f"Tabel 2-A (kolom AQL {aql_id} %). Tentukan ukuran sampel n, angka terima Ac dan angka tolak Re dari "
            "rencana yang dipakai. ↓: pakai rencana pertama di bawah panah; ↑: pakai rencana pertama di atas panah; "
            "ukuran sampel ikut baris rencana yang dipakai.",
            f"{setting.buyer.en} asks for every lot delivered to be inspected by ISO 2859-1 acceptance sampling "
            f"(SNI ISO 2859-1): general inspection level II, AQL {aql_en} %, normal inspection. This lot holds "
            f"{sd.number_text(lot, 'en')} {items.en}. The table is an excerpt of Table 1 (level II column) and "
            f"Table 2-A (AQL {aql_en} % column). Give the sample size n, the acceptance number Ac and the rejection "
            "number Re of the plan actually used. ↓: use the first plan below the arrow; ↑: use the first plan above "
            "the arrow; the sample size is that of the row whose plan is used.",
        ),
        "data": {
            "columns": [
                column("lot", "Ukuran lot (Tabel 1)", "Lot size (Table 1)"),
                column("letter", "Huruf kode, level II", "Code letter, level II"),
                column("n", "Ukuran sampel (Tabel 2-A)", "Sample size (Table 2-A)"),
                column("ac", f"Ac (AQL {aql_id} %)", f"Ac (AQL {aql_en} %)"),
                column("re", f"Re (AQL {aql_id} %)", f"Re (AQL {aql_en} %)"),
            ],
            "rows": rows,
        },
        "cells": [
            {"id": "n", "label": bilingual("Ukuran sampel n", "Sample size n")},
            {"id": "ac", "label": bilingual("Angka terima Ac", "Acceptance number Ac")},
            {"id": "re", "label": bilingual("Angka tolak Re", "Rejection number Re")},
        ],
        "lot_size": lot,
        "aql": float(aql),
    }
    # Whole numbers read off a table: exact (tolerance 0).
    key: Key = {
        "values": {"n": plan.sample_size, "ac": plan.accept, "re": plan.reject},
        "abs_tol": 0.0,
        "code_letter": plan.code_letter,
        "plan_code_letter": plan.plan_code_letter,
    }
    return public, key


@exercise("mutu.oc_reading", kind="numeric", points=2)
def oc_reading(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """Read off the plan's OC curve the probability of acceptance (%) of a lot with p % defective.

    Rule: the type B OC curve Pa(p) = Σ_{d≤c} C(n, d) pᵈ (1 − p)ⁿ⁻ᵈ
    (:func:`~.sampling.oc_curve`; Montgomery, *Introduction to Statistical
    Quality Control*, ch. 15). The plan is the ISO 2859-1 normal plan (level
    II) of a lot of the participant's product, n ≥ 13; p (at most 1 decimal) is a twentieth of the
    axis on the steep part of the curve (0.2 ≤ Pa ≤ 0.8).
    """
    setting = sd.lot_setting(ctx)
    for _ in range(sd.MAX_DRAWS):
        lot = sd.draw_lot(rng, setting, setting.low, setting.high)
        aql = sd.AQL_CHOICES[int(rng.integers(len(sd.AQL_CHOICES)))]
        plan = sampling_plan(lot, float(aql))
        n, c = plan.sample_size, plan.accept
        if plan.hundred_percent or n < 13:
            continue
        chart = sd.oc_chart(n, c, float(aql), bilingual(f"Kurva OC: n = {n}, Ac = {c}", f"OC curve: n = {n}, Ac = {c}"))
        steep = sd.steep_points(n, c, 100 * chart["fractions"][-1])
        if steep:
            break
    else:  # pragma: no cover
        raise RuntimeError(f"no OC case for {setting.items.en}")
    percent = float(steep[int(rng.integers(len(steep)))])
    items, p_id, p_en = setting.items, sd.number_text(percent, "id"), sd.number_text(percent, "en")
    public: Public = {
        "title": bilingual("Membaca kurva OC", "Reading an OC curve"),
        "prompt": bilingual(
            f"{setting.buyer.id} memeriksa lot {sd.number_text(lot, 'id')} {items.id} dengan rencana ISO 2859-1 "
            f"(level II, AQL {sd.aql_text(aql, 'id')} %, normal): ambil n = {n} secara acak, terima lot jika di sampel "
            f"paling banyak Ac = {c} yang cacat. Grafik adalah kurva OC rencana ini (garis titik-titik: AQL). Baca "
            f"dari grafik: berapa peluang lot yang {p_id} % isinya cacat diterima? Sumbu tegak berskala 0–1; jawab "
            "dalam persen (contoh: 0,45 → 45).",
            f"{setting.buyer.en} inspects a lot of {sd.number_text(lot, 'en')} {items.en} with an ISO 2859-1 plan "
            f"(level II, AQL {sd.aql_text(aql, 'en')} %, normal): take n = {n} at random, accept the lot if at most "
            f"Ac = {c} in the sample are defective. The chart is this plan's OC curve (dotted line: the AQL). Read "
            f"off the chart: what is the probability that a lot with {p_en} % defective is accepted? The vertical "
            "axis runs 0–1; answer in percent (example: 0.45 → 45).",
        ),
        "chart": chart,
        "unit": "%",
        "defective_percent": percent,
    }
    # ±5 percentage points: the value is read off a chart, not computed. At the points asked Pa changes by at most
    # ~2.7 points per 1 % of the axis width (n = 20, c = 0 is the steepest case), so a reading off by up to
    # ~2 % of the width (about 10 px on the 720 px image) still scores.
    key: Key = {"value": round(100 * oc_curve(n, c, [percent / 100]).probabilities[0], 6), "abs_tol": 5.0}
    return public, key


# --- 5R audit -------------------------------------------------------------------------------------------------------

_SCALE_TEXT = bilingual(
    "Skala 0–4 (0 tidak ada, 4 sangat baik). Persen tiap R = jumlah skor ÷ (4 × banyak butir yang dinilai) × 100",
    "Scale 0–4 (0 none, 4 very good). Percent of each R = sum of scores ÷ (4 × number of items audited) × 100",
)
_NOT_AUDITED = "r5.3"  # left out when no member joined since the last audit


@exercise("mutu.five_r_audit_scores", kind="table", points=3)
def five_r_audit_scores(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """A filled 5R audit checklist of a workplace of the participant's kind → percent of each R.

    Rule: :func:`~.five_r_audit.score_audit` (this project's 15-item 0–4
    checklist; an item not audited is left out, not counted as 0).
    """
    place = sd.workplace(rng, ctx)
    scores = sd.audit_scores(rng)
    note = bilingual("", "")
    if rng.random() < 0.4:
        del scores[_NOT_AUDITED]
        note = bilingual(
            f" Butir {_NOT_AUDITED} tidak dinilai karena tidak ada anggota baru sejak audit lalu: jangan dihitung.",
            f" Item {_NOT_AUDITED} was not audited as no member joined since the last audit: leave it out.",
        )
    not_audited = bilingual("– (tidak dinilai)", "– (not audited)")
    public: Public = {
        "title": bilingual("Skor audit 5R", "5R audit scores"),
        "prompt": bilingual(
            f"Tim audit sentra (fiktif) mengaudit {place['id']} dengan daftar periksa 5R di bawah. "
            f"{_SCALE_TEXT['id']}.{note['id']} Hitung persen Ringkas, Rapi, Resik, Rawat dan Rajin "
            "(1 angka di belakang koma).",
            f"The centre's (fictional) audit team audited {place['en']} with the 5R checklist below. "
            f"{_SCALE_TEXT['en']}.{note['en']} Compute the percent of Ringkas, Rapi, Resik, Rawat and Rajin "
            "(1 decimal place).",
        ),
        "data": {
            "columns": [
                column("item", "Butir", "Item"),
                column("r", "R", "R"),
                column("text", "Yang diperiksa", "Checked"),
                column("score", "Skor (0–4)", "Score (0–4)"),
            ],
            "rows": [[*sd.item_cells(i), scores.get(i.id, not_audited)] for i in CHECKLIST],
        },
        "cells": [{"id": r.code, "label": bilingual(f"{r.name} (%)", f"{r.name} (%)")} for r in FIVE_R],
        "unit": "%",
    }
    # ±1 percentage point: accepts percents rounded to whole numbers (possible values are ≥ 6.25 points apart).
    values = {r.code: round(float(r.percent), 6) for r in score_audit(scores).per_r}
    return public, {"values": values, "abs_tol": 1.0}


@exercise("mutu.five_r_weakest", kind="single_choice", points=1)
def five_r_weakest(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """Two audits of one workplace (before / after a 5R programme) → the R that improved the most.

    Rule: :func:`~.five_r_audit.compare_audits` (after − before, percentage
    points per R). Drawn (:func:`~.standards_data.improved_most`) so that one
    R leads by at least two checklist points and another R scores highest
    afterwards: reading the "after" column alone does not give the answer.
    """
    place = sd.workplace(rng, ctx)
    before, after, answer = sd.before_after(rng)
    public: Public = {
        "title": bilingual("Audit 5R: sebelum dan sesudah", "5R audit: before and after"),
        "prompt": bilingual(
            f"{sd.upper_first(place['id'])} diaudit sebelum program 5R dan tiga bulan sesudahnya. "
            f"{_SCALE_TEXT['id']}. R mana yang naik paling banyak (dalam poin persen)?",
            f"{sd.upper_first(place['en'])} was audited before a 5R programme and three months later. "
            f"{_SCALE_TEXT['en']}. Which R improved the most (in percentage points)?",
        ),
        "data": {
            "columns": [
                column("item", "Butir", "Item"),
                column("r", "R", "R"),
                column("text", "Yang diperiksa", "Checked"),
                column("before", "Skor sebelum", "Score before"),
                column("after", "Skor sesudah", "Score after"),
            ],
            "rows": [[*sd.item_cells(i), before[i.id], after[i.id]] for i in CHECKLIST],
        },
        "options": [
            {"id": r.code, "label": bilingual(r.name, f"{r.name} ({r.meaning.en.split(':')[0]})")} for r in FIVE_R
        ],
    }
    return public, {"correct": answer}


# --- CPPB-IRT level -------------------------------------------------------------------------------------------------

_GRADE_NAMES = {g.code: g.name.to_dict() for g in GRADES}
_ASPECT_NAMES = {a.code: a.name for a in ASPECTS}
_ROMAN = ("I", "II", "III", "IV")


def _level_option(level: int) -> dict[str, Any]:
    row = DEFAULT_RULE.rows[level - 1]
    can = row.spp_irt_issuable
    return {
        "id": _ROMAN[level - 1],
        "label": bilingual(
            f"{row.name}: SPP-IRT {'dapat' if can else 'tidak dapat'} diberikan",
            f"{row.name}: SPP-IRT {'can' if can else 'cannot'} be issued",
        ),
    }


@exercise("mutu.cppb_level", kind="single_choice", points=2)
def cppb_level(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """CPPB-IRT inspection findings (aspect, grade) at a home-food producer → IRTP level I–IV.

    Rule: :func:`~.cppb_irt.inspection_level` with ``DEFAULT_RULE`` (BPOM
    regulation 22/2018 annex, thresholds as in the SPP-IRT information system;
    certainty "check": the prompt says the city's own rule applies if it
    differs). The level is drawn uniformly, then findings near its borders
    (:func:`~.standards_data.finding_counts`); food centres get one of their own
    members, other centres a neighbour who makes a snack.
    """
    counts = sd.finding_counts(rng, int(rng.integers(1, 5)))
    findings = sd.draw_findings(rng, counts)
    result = inspection_level(counts)
    who = sd.producer(rng, ctx)
    public: Public = {
        "title": bilingual("Level IRTP dari hasil pemeriksaan CPPB-IRT", "IRTP level from a CPPB-IRT inspection"),
        "prompt": bilingual(
            f"{who['id']} dan mengajukan SPP-IRT. Petugas pemeriksa mencatat ketidaksesuaian di bawah. Aturan "
            "(Peraturan BPOM 22/2018): level adalah yang pertama di daftar ini yang semua batasnya terpenuhi; temuan "
            f"minor tidak mengubah level. {sd.rule_text('id')}. Jika aturan kota/kabupaten Anda berbeda, yang berlaku "
            "adalah aturan setempat. Level berapa IRTP ini?",
            f"{who['en']} and applies for an SPP-IRT. The inspector recorded the nonconformities below. Rule (BPOM "
            "regulation 22/2018): the level is the first in this list whose limits all hold; minor findings do not "
            f"change the level. {sd.rule_text('en')}. If your city's or regency's rule differs, the local rule "
            "applies. What level is this IRTP?",
        ),
        "data": {
            "columns": [
                column("aspect", "Aspek", "Aspect"),
                column("finding", "Temuan", "Finding"),
                column("grade", "Tingkat", "Grade"),
            ],
            "rows": [
                [
                    bilingual(f"{f.aspect}. {_ASPECT_NAMES[f.aspect].id}", f"{f.aspect}. {_ASPECT_NAMES[f.aspect].en}"),
                    f.text.to_dict(),
                    _GRADE_NAMES[f.grade],
                ]
                for f in findings
            ],
        },
        "options": [_level_option(row.level) for row in DEFAULT_RULE.rows],
    }
    return public, {"correct": _ROMAN[result.level - 1], "counts": dict(result.counts)}


# --- fishbone (6M) --------------------------------------------------------------------------------------------------


@exercise("mutu.fishbone_practice", kind="single_choice", points=0, graded=False)
def fishbone_practice(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """A cause of a defect of the participant's product → its 6M bone of the fishbone diagram.

    Rule: the 6M categories of the cause-and-effect diagram (Ishikawa, *Guide
    to Quality Control*, 1982; :data:`~.qc_tools.SIX_M`); bank
    :data:`~.standards_banks.CAUSES`, causes of the own commodity weighted ×3.
    """
    own = profile_for(ctx.commodity).key
    weights = np.array([_OWN_COMMODITY_WEIGHT if c.commodity == own else 1.0 for c in banks.CAUSES])
    cause = banks.CAUSES[int(rng.choice(len(banks.CAUSES), p=weights / weights.sum()))]
    product = PROFILES[cause.commodity]
    defect = next(d for d in product.defects if d.key == cause.defect)
    public: Public = {
        "title": bilingual("Diagram tulang ikan: kategori 6M", "Fishbone diagram: the 6M category"),
        "prompt": bilingual(
            f"Cacat '{defect.name.id}' pada {sd.lower_first(product.product.id)}. Diskusi diagram tulang ikan "
            f'menemukan penyebab ini: "{cause.text.id}" Penyebab ini ditempel pada tulang (kategori 6M) yang mana?',
            f"Defect '{defect.name.en}' in {sd.lower_first(product.product.en)}. A fishbone discussion found this "
            f'cause: "{cause.text.en}" On which bone (6M category) does this cause go?',
        ),
        "options": [{"id": m.code, "label": m.name.to_dict()} for m in SIX_M],
    }
    return public, {"correct": cause.category, "cause": cause.key}


EXERCISES_STANDARDS: list[ExerciseSpec] = [
    code_letter_practice,
    sampling_plan_lookup,
    oc_reading,
    five_r_audit_scores,
    five_r_weakest,
    cppb_level,
    fishbone_practice,
]
