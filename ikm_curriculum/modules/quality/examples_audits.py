"""Worked examples of the 5R audit and of the CPPB-IRT inspection, on the participant's kind of centre.

Each returns a JSON-able dict of chart kind ``bars`` (drawn by
:mod:`ikm_curriculum.widgets.charts`) with its steps and a data table.

>>> import numpy as np
>>> from ikm_curriculum.assessment import ParticipantContext
>>> example = five_r_audit_example(np.random.default_rng(4), ParticipantContext("p1", "tenun"))
>>> example["kind"], len(example["categories"]), [s["name"]["en"] for s in example["series"]]
('bars', 5, ['First audit', 'Second audit'])
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ikm_curriculum.assessment import ParticipantContext, bilingual, column
from ikm_curriculum.modules.quality.cppb_irt import GRADES, inspection_level
from ikm_curriculum.modules.quality.five_r import FIVE_R
from ikm_curriculum.modules.quality.five_r_audit import CHECKLIST, MAX_SCORE, compare_audits, score_audit
from ikm_curriculum.modules.quality.standards_data import (
    before_after,
    draw_findings,
    finding_counts,
    producer,
    rule_text,
    workplace,
)


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def five_r_audit_example(rng: np.random.Generator, ctx: ParticipantContext) -> dict[str, Any]:
    """Two 5R audits of one workplace of the participant's kind of centre, scored and compared.

    Percent of one R = sum of its item scores ÷ (4 × number of items audited) × 100;
    the change is the difference of the two percents (:mod:`.five_r_audit`).
    """
    place = workplace(rng, ctx)
    before, after, best = before_after(rng)
    change = compare_audits(score_audit(before), score_audit(after))
    first = FIVE_R[0]
    items = [i for i in CHECKLIST if i.r_code == first.code]
    points = sum(after[i.id] for i in items)
    best_name = next(r.name for r in FIVE_R if r.code == best)
    steps = [
        bilingual(
            f"Tempat kerja: {place['id']}. Setiap butir daftar periksa diberi nilai 0 (tidak ada) "
            "sampai 4 (sangat baik), sekali sebelum dan sekali sesudah perbaikan.",
            f"Workplace: {place['en']}. Every checklist item gets a score from 0 (absent) to 4 (very good), "
            "once before and once after the improvements.",
        ),
        bilingual(
            f"Persen satu R = jumlah nilai butirnya ÷ ({MAX_SCORE} × banyak butir) × 100. Contoh {first.name} sesudah: "
            f"{points} ÷ ({MAX_SCORE} × {len(items)}) × 100 = {_pct(change.after.percent_of(first.code))} %.",
            f"Percent of one R = sum of its item scores ÷ ({MAX_SCORE} × number of items) × 100. Example, {first.name} "
            f"after: {points} ÷ ({MAX_SCORE} × {len(items)}) × 100 = {_pct(change.after.percent_of(first.code))} %.",
        ),
        bilingual(
            f"Kenaikan terbesar: {best_name} (+{_pct(change.per_r[best])} poin persen). "
            "Lihat selisihnya, bukan hanya nilai sesudah.",
            f"Largest rise: {best_name} (+{_pct(change.per_r[best])} percentage points). "
            "Look at the change, not only at the score after.",
        ),
    ]
    rows = [
        [
            r.name,
            _pct(change.before.percent_of(r.code)),
            _pct(change.after.percent_of(r.code)),
            _pct(change.per_r[r.code]),
        ]
        for r in FIVE_R
    ]
    return {
        "kind": "bars",
        "categories": [r.name for r in FIVE_R],
        "series": [
            {
                "name": bilingual("Audit pertama", "First audit"),
                "values": [change.before.percent_of(r.code) or 0.0 for r in FIVE_R],
            },
            {
                "name": bilingual("Audit kedua", "Second audit"),
                "values": [change.after.percent_of(r.code) or 0.0 for r in FIVE_R],
            },
        ],
        "ylabel": bilingual("Nilai (%)", "Score (%)"),
        "ylim": [0, 100],
        "title": bilingual("Audit 5R sebelum dan sesudah", "5R audit before and after"),
        "steps": steps,
        "table": {
            "columns": [
                column("r", "R", "R"),
                column("before", "Sebelum (%)", "Before (%)"),
                column("after", "Sesudah (%)", "After (%)"),
                column("change", "Selisih (poin)", "Change (points)"),
            ],
            "rows": rows,
        },
    }


def cppb_example(rng: np.random.Generator, ctx: ParticipantContext) -> dict[str, Any]:
    """A CPPB-IRT inspection of a home food producer near the centre: findings per grade and the level.

    Level by :func:`~.cppb_irt.inspection_level` with the default rule (kept as
    data in :mod:`.cppb_irt`; the city's own rule applies where it differs).
    """
    level = int(rng.integers(1, 5))
    counts = finding_counts(rng, level)
    findings = draw_findings(rng, counts)
    result = inspection_level(counts)
    who = producer(rng, ctx)
    grade_names = {g.code: g.name for g in GRADES}
    issuable = bilingual("SPP-IRT dapat diberikan", "an SPP-IRT can be issued")
    not_issuable = bilingual("SPP-IRT belum dapat diberikan", "an SPP-IRT cannot be issued yet")
    outcome = issuable if result.spp_irt_issuable else not_issuable
    frequency = result.internal_audit_frequency
    counted = ", ".join(f"{grade_names[g].id} {counts.get(g, 0)}" for g in grade_names)
    counted_en = ", ".join(f"{grade_names[g].en} {counts.get(g, 0)}" for g in grade_names)
    steps = [
        bilingual(
            f"{who['id']}. Petugas mencatat {len(findings)} temuan (tabel).",
            f"{who['en']}. The inspector records {len(findings)} findings (table).",
        ),
        bilingual(f"Hitung temuan per tingkat: {counted}.", f"Count the findings per grade: {counted_en}."),
        bilingual(f"Aturan level: {rule_text('id')}.", f"Level rule: {rule_text('en')}."),
        bilingual(
            f"Hasil: {result.level_name}; {outcome['id']}; audit internal {frequency.id.lower()}.",
            f"Result: {result.level_name}; {outcome['en']}; internal audit {frequency.en.lower()}.",
        ),
    ]
    return {
        "kind": "bars",
        "categories": [grade_names[g].to_dict() for g in grade_names],
        "series": [{"name": bilingual("Temuan", "Findings"), "values": [counts.get(g, 0) for g in grade_names]}],
        "ylabel": bilingual("Banyak temuan", "Number of findings"),
        "title": bilingual(f"Temuan pemeriksaan: {result.level_name}", f"Inspection findings: {result.level_name}"),
        "steps": steps,
        "table": {
            "columns": [
                column("aspect", "Aspek", "Aspect"),
                column("grade", "Tingkat", "Grade"),
                column("finding", "Temuan", "Finding"),
            ],
            "rows": [[f.aspect, grade_names[f.grade].to_dict(), f.text.to_dict()] for f in findings],
        },
    }


EXAMPLES_AUDITS = {"five_r_audit": five_r_audit_example, "cppb": cppb_example}
