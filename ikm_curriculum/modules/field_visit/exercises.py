"""Exercises of the module Kunjungan lapangan (field visit): the observation checklist, a score, the findings.

The four observation sheets (5R, CPPB-IRT, layout, assets) are filled in during
the visit, one item ``ya`` / ``tidak`` / ``tb`` at a time (kind
``observation``: stored, never scored; :func:`visit_result` turns them into the
scores and findings of :func:`.observation.observation_result` for the report).
The visited centre is a food-processing centre (the curriculum's visit is to
the fish-processing centre beside the fish auction), so the CPPB-IRT sheet is
included for every participant.

>>> import numpy as np
>>> from ikm_curriculum.assessment import ParticipantContext
>>> [spec.exercise_id for spec in EXERCISES][:2]
['kunjungan.observe_5r', 'kunjungan.observe_cppb']
>>> item = EXERCISES[0].instance(np.random.default_rng(1), ParticipantContext("p1", "tenun"))
>>> item.kind, len(item.public["items"]), item.public["categories"][2]["id"]
('observation', 10, 'tb')
"""

from __future__ import annotations

from typing import Any, Mapping

import numpy as np

from ikm_curriculum.assessment import ExerciseSpec, ParticipantContext, bilingual, column, exercise
from ikm_curriculum.modules.field_visit.checklist import SECTION_BY_KEY, checklist_for
from ikm_curriculum.modules.field_visit.observation import ANSWERS, ObservationResult, observation_result

VISITED = "abon ikan"  # the visited centre's commodity: fish processing (food, so CPPB-IRT applies)
Public = dict[str, Any]
Key = dict[str, Any]
CATEGORIES = [{"id": key, "label": label.to_dict()} for key, label in ANSWERS.items()]
HOW = bilingual(
    "Amati sentra yang dikunjungi dan jawab setiap baris: Ya (terpenuhi), Tidak (tidak terpenuhi) atau Tidak "
    "berlaku. Jawaban Anda langsung tersimpan; tidak ada jawaban benar atau salah, yang penting jujur dan teliti.",
    "Observe the centre you visit and answer every line: yes (met), no (not met) or not applicable. Your answers "
    "are saved at once; there is no right or wrong answer, only careful and honest observation.",
)


def _sheet(section: str) -> tuple[Public, Key]:
    items = [item for item in checklist_for(VISITED, food=True) if item.section == section]
    name = SECTION_BY_KEY[section].name
    public: Public = {
        "title": bilingual(f"Lembar pengamatan: {name.id}", f"Observation sheet: {name.en}"),
        "prompt": HOW,
        "items": [{"id": item.key, "label": item.text.to_dict()} for item in items],
        "categories": CATEGORIES,
    }
    return public, {}


@exercise("kunjungan.observe_5r", kind="observation", points=0, graded=False)
def observe_5r(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """5R as seen on the visit: two items per R (:mod:`.checklist`)."""
    return _sheet("5r")


@exercise("kunjungan.observe_cppb", kind="observation", points=0, graded=False)
def observe_cppb(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """CPPB-IRT aspects a visitor can see (Peraturan BPOM 22/2018 aspects; :mod:`.checklist`)."""
    return _sheet("cppb")


@exercise("kunjungan.observe_layout", kind="observation", points=0, graded=False)
def observe_layout(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """Layout and material flow as seen on the visit (:mod:`.checklist`)."""
    return _sheet("tata_letak")


@exercise("kunjungan.observe_assets", kind="observation", points=0, graded=False)
def observe_assets(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """Regional assets in use: labels, idle machines, room cards, agreements, logs (:mod:`.checklist`)."""
    return _sheet("aset")


SHEETS = (observe_5r, observe_cppb, observe_layout, observe_assets)


@exercise("kunjungan.section_score", kind="numeric", points=2)
def section_score(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """Score of a section = met ÷ (met + not met) × 100; "not applicable" is left out (:mod:`.observation`)."""
    section = str(rng.choice(["5r", "tata_letak", "aset"]))
    items = [item for item in checklist_for(VISITED, food=True) if item.section == section]
    while True:
        answers = {item.key: str(rng.choice(["ya", "ya", "tidak", "tb"])) for item in items}
        counts = {a: list(answers.values()).count(a) for a in ANSWERS}
        if counts["tb"] and counts["tidak"] and counts["ya"]:
            break
    result = observation_result(answers, VISITED, food=True)
    score = next(s for s in result.sections if s.section == section).score
    public: Public = {
        "title": bilingual("Nilai satu lembar pengamatan", "Score of one observation sheet"),
        "prompt": bilingual(
            "Sebuah kelompok mengisi lembar pengamatan ini. Berapa nilainya, yaitu jumlah 'Ya' dibagi jumlah "
            "'Ya' dan 'Tidak', kali 100? Baris 'Tidak berlaku' tidak dihitung. Jawab dengan 1 angka di belakang "
            "koma.",
            "A group filled in this observation sheet. What is its score, i.e. the number of 'yes' divided by the "
            "number of 'yes' and 'no', times 100? 'Not applicable' lines are left out. Answer to 1 decimal place.",
        ),
        "data": {
            "columns": [column("item", "Yang diamati", "Observed"), column("answer", "Jawaban", "Answer")],
            "rows": [[item.text.to_dict(), ANSWERS[answers[item.key]].to_dict()] for item in items],
        },
        "unit": "%",
    }
    # ±0.1: rounding to 1 decimal; counting "not applicable" as "no" gives a lower score that misses.
    return public, {"value": round(float(score), 6), "abs_tol": 0.1}


@exercise("kunjungan.main_findings", kind="short_text", points=3)
def main_findings(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """The group's three main findings and one practice to copy; scored by hand by the facilitator."""
    public: Public = {
        "title": bilingual("Temuan utama kunjungan", "Main findings of the visit"),
        "prompt": bilingual(
            "Tulis tiga temuan utama dari kunjungan (apa yang Anda lihat, dan mengapa penting), lalu satu hal yang "
            "akan Anda tiru di sentra sendiri, dengan siapa yang mengerjakannya dan kapan.",
            "Write the three main findings of the visit (what you saw, and why it matters), then one thing you "
            "will copy in your own centre, with who will do it and by when.",
        ),
        "max_chars": 2000,
    }
    rubric = bilingual(
        "3 poin. 1 poin: tiga temuan yang konkret (apa yang dilihat, di mana). 1 poin: untuk tiap temuan, "
        "mengapa penting (mutu, keamanan pangan, aliran kerja atau aset). 1 poin: satu tindakan untuk sentra "
        "sendiri dengan pelaksana dan waktu.",
        "3 points. 1 point: three concrete findings (what was seen, where). 1 point: for each, why it matters "
        "(quality, food safety, work flow or assets). 1 point: one action for the participant's own centre, with "
        "who and when.",
    )
    return public, {"rubric": rubric}


EXERCISES: list[ExerciseSpec] = [*SHEETS, section_score, main_findings]
"""Every exercise of the field-visit module, in workbook order."""


def visit_result(answers: Mapping[str, Mapping[str, str | None] | None]) -> ObservationResult:
    """Scores and findings of one participant's four observation sheets (answers by exercise id).

    >>> visit_result({"kunjungan.observe_5r": {"5r.r1_unused": "ya"}}).overall
    100.0
    """
    merged: dict[str, str | None] = {}
    for spec in SHEETS:
        merged.update(answers.get(spec.exercise_id) or {})
    return observation_result(merged, VISITED, food=True)
