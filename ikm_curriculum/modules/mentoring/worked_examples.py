"""Worked example of the mentoring workbook: a centre's scorecard over three quarters, and what to follow up.

>>> import numpy as np
>>> from ikm_curriculum.assessment import ParticipantContext
>>> example = EXAMPLES["scorecard"](np.random.default_rng(1), ParticipantContext("p1", "tenun"))
>>> example["kind"], example["categories"]
('bars', ['2026-Q1', '2026-Q2', '2026-Q3'])
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

import numpy as np

from ikm_curriculum.assessment import ParticipantContext, bilingual
from ikm_curriculum.modules.mentoring.exercises import KPI_COLUMNS, LIGHTS, kpi_rows, three_quarters
from ikm_curriculum.modules.mentoring.follow_up import follow_up

Example = dict[str, Any]


def _n(value: float, lang: str, decimals: int = 1) -> str:
    """A number as written in the language: ``78,0`` in Indonesian, ``78.0`` in English."""
    shown = f"{value:.{decimals}f}"
    return shown.replace(".", ",") if lang == "id" else shown


def scorecard_example(rng: np.random.Generator, ctx: ParticipantContext) -> Example:
    """Achievement per KPI, weighted index, traffic light and trend (:func:`.scorecard.scorecard`)."""
    kpis, data, result = three_quarters(rng)
    last = result.latest
    first = last.kpis[0]
    lower = next(r for r in last.kpis if r.direction == "lower")
    names = {r.key: r.name for r in last.kpis}
    falling = [names[i.subject] for i in follow_up([], result, dt.date(2026, 10, 1)).items if i.kind == "kpi_falling"]

    def text(lang: str) -> list[str]:
        def pct(r: Any) -> str:
            return _n((r.achievement or 0) * 100, lang)

        parts = " + ".join(f"{_n(r.weight, lang)} × {_n(min(r.achievement or 0, result.cap) * 100, lang)}"
                           for r in last.kpis)  # fmt: skip
        fell = ", ".join(getattr(n, lang) for n in falling) or ("tidak ada" if lang == "id" else "none")
        light = LIGHTS[last.status][0 if lang == "id" else 1]
        a, t, la, lt = (_n(v, lang, 2).rstrip("0").rstrip(",.") for v in
                        (first.actual or 0, first.target, lower.actual or 0, lower.target))  # fmt: skip
        if lang == "id":
            return [
                f"Capaian = realisasi ÷ target × 100. Contoh {first.name.id}: {a} ÷ {t} × 100 = {pct(first)} %.",
                f"Untuk {lower.name.id} makin rendah makin baik, jadi dibalik: {lt} ÷ {la} × 100 = {pct(lower)} %.",
                f"Indeks {last.quarter} = {parts} = {_n(last.index, lang)}. Capaian dihitung paling tinggi 120 %, "
                "supaya satu indikator yang sangat bagus tidak menutupi yang lain.",
                f"Status: {light}. Indikator yang memburuk dua triwulan berturut-turut: {fell}. Inilah yang masuk "
                "daftar tindak lanjut dan rencana pendampingan.",
            ]
        return [
            f"Achievement = actual ÷ target × 100. For {first.name.en}: {a} ÷ {t} × 100 = {pct(first)} %.",
            f"For {lower.name.en} lower is better, so it is turned round: {lt} ÷ {la} × 100 = {pct(lower)} %.",
            f"Index {last.quarter} = {parts} = {_n(last.index, lang)}. Achievement counts up to 120 %, so that one "
            "very good indicator cannot hide the others.",
            f"Status: {light}. Indicators getting worse two quarters in a row: {fell}. These go on the follow-up "
            "list and into the mentoring plan.",
        ]

    return {
        "kind": "bars",
        "categories": list(data),
        "series": [
            {
                "name": bilingual("Indeks kartu skor", "Scorecard index"),
                "values": [round(q.index, 1) for q in result.quarters],
            }
        ],  # fmt: skip
        "ylabel": bilingual("indeks", "index"),
        "ylim": [0, 120],
        "title": bilingual("Indeks sentra per triwulan", "The centre's index per quarter"),
        "steps": [bilingual(a, b) for a, b in zip(text("id"), text("en"), strict=True)],
        "table": {"columns": KPI_COLUMNS, "rows": kpi_rows(kpis, data[last.quarter])},
    }


EXAMPLES: dict[str, Callable[[np.random.Generator, ParticipantContext], Example]] = {"scorecard": scorecard_example}
"""Worked examples by the name a topic's ``example`` gives in ``content.yaml``."""
