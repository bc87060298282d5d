"""Worked examples of the standards topics, on each participant's own kind of product.

Same contract as :data:`.worked_examples.EXAMPLES`: ``(rng, ctx) -> dict``, a
plain JSON-able dict whose ``kind`` names a chart of
:mod:`ikm_curriculum.widgets.charts` and whose ``steps`` are bilingual texts.
There is no ``five_r_audit`` example: none of the chart kinds (OC curve,
control chart, capability histogram, Pareto) shows a 5R audit.

>>> import numpy as np
>>> from ikm_curriculum.assessment import ParticipantContext
>>> example = EXAMPLES_STANDARDS["sampling"](np.random.default_rng(3), ParticipantContext("p1", "abon ikan"))
>>> example["kind"], example["probabilities"][0], len(example["steps"]) >= 5
('oc_curve', 1.0, True)
"""

from __future__ import annotations

from typing import Any, Callable

import numpy as np

from ikm_curriculum.assessment import ParticipantContext, bilingual
from ikm_curriculum.modules.quality import iso2859_tables as tables
from ikm_curriculum.modules.quality import standards_data as sd
from ikm_curriculum.modules.quality.sampling import oc_curve

Example = dict[str, Any]


def _percent(p: float, lang: str) -> str:
    """A probability as a whole percent ("0,4 %" below 1 %)."""
    value = 100 * p
    return sd.number_text(round(value, 1) if value < 1 else round(value), lang)


def sampling_example(rng: np.random.Generator, ctx: ParticipantContext) -> Example:
    """An ISO 2859-1 plan looked up for a lot of the participant's product, and its OC curve with the AQL marked.

    Lot size → code letter (ISO 2859-1 Table 1, level II) → plan (Table 2-A,
    normal inspection, following an arrow when there is one; about half the
    examples have one) → decision rule; then the type B OC curve of the plan,
    Pa(p) = Σ_{d≤c} C(n, d) pᵈ (1 − p)ⁿ⁻ᵈ (:func:`~.sampling.oc_curve`;
    Montgomery, *Introduction to Statistical Quality Control*, ch. 15), read at
    the AQL and where Pa first drops to 10 % or less.
    """
    setting = sd.lot_setting(ctx)
    for _ in range(sd.MAX_DRAWS):
        aql, plan = sd.draw_plan(rng, setting, arrow=bool(rng.random() < 0.5))
        if plan.sample_size >= 13:  # a curve with a visible shape
            break
    n, c, re, lot, items = plan.sample_size, plan.accept, plan.reject, plan.lot_size, setting.items
    letter, used = plan.code_letter, plan.plan_code_letter
    chart = sd.oc_chart(n, c, float(aql), bilingual(f"Kurva OC: n = {n}, Ac = {c}", f"OC curve: n = {n}, Ac = {c}"))
    lot_range = sd.lot_range_cell(sd.lot_row(lot))
    arrow = tables.NORMAL[aql].split()[tables.CODE_LETTERS.index(letter)]
    pa_aql = oc_curve(n, c, [float(aql) / 100])[0]
    end = 100 * chart["fractions"][-1]  # Pa(end) ≤ 2 %, so some twentieth of the axis has Pa ≤ 10 %
    low_p = next(p for p in (round(end * j / 20, 2) for j in range(1, 21)) if oc_curve(n, c, [p / 100])[0] <= 0.10)
    low_pa = oc_curve(n, c, [low_p / 100])[0]

    def t(lang: str) -> dict[str, str]:
        return {
            "lot": sd.number_text(lot, lang),
            "aql": sd.aql_text(aql, lang),
            "range": lot_range[lang],
            "pa_aql": _percent(pa_aql, lang),
            "low_p": sd.number_text(low_p, lang),
            "low_pa": _percent(low_pa, lang),
        }

    i, e = t("id"), t("en")
    if arrow in sd.ARROWS:
        where_id = "bawah" if arrow == "↓" else "atas"
        where_en = "below" if arrow == "↓" else "above"
        plan_step = bilingual(
            f"Tabel 2-A, baris {letter}, kolom AQL {i['aql']} %: ada panah {arrow}. Ikuti panah ke rencana pertama "
            f"di {where_id}nya: baris {used}, Ac = {c}, Re = {re}. Ukuran sampel ikut baris {used}: n = {n} "
            f"(bukan {tables.SAMPLE_SIZES[letter]} dari baris {letter}).",
            f"Table 2-A, row {letter}, column AQL {e['aql']} %: an arrow {arrow}. Follow it to the first plan "
            f"{where_en} it: row {used}, Ac = {c}, Re = {re}. The sample size is that of row {used}: n = {n} "
            f"(not {tables.SAMPLE_SIZES[letter]} of row {letter}).",
        )
    else:
        plan_step = bilingual(
            f"Tabel 2-A, baris {letter}, kolom AQL {i['aql']} %: Ac = {c}, Re = {re}; ukuran sampel baris {letter}: "
            f"n = {n}. (Jika di sel itu ada panah, ikuti panah ke rencana pertama yang ditunjuknya, dan pakai ukuran "
            "sampel baris rencana itu.)",
            f"Table 2-A, row {letter}, column AQL {e['aql']} %: Ac = {c}, Re = {re}; the sample size of row {letter}: "
            f"n = {n}. (Had the cell held an arrow, you would follow it to the first plan it points to and use that "
            "row's sample size.)",
        )
    steps = [
        bilingual(
            f"{setting.buyer.id} meminta pemeriksaan ISO 2859-1: level II, AQL {i['aql']} %, pemeriksaan normal. "
            f"Lot: {i['lot']} {items.id}.",
            f"{setting.buyer.en} asks for ISO 2859-1 inspection: level II, AQL {e['aql']} %, normal inspection. "
            f"Lot: {e['lot']} {items.en}.",
        ),
        bilingual(
            f"Tabel 1: ukuran lot {i['lot']} ada di baris {i['range']}; di kolom level II huruf kodenya {letter}.",
            f"Table 1: a lot of {e['lot']} is in the row {e['range']}; in the level II column its code letter is "
            f"{letter}.",
        ),
        plan_step,
        bilingual(
            f"Rencananya: ambil {n} {items.id} secara acak dari lot dan periksa. Jika "
            + ("tidak ada yang cacat" if c == 0 else f"yang cacat paling banyak {c}")
            + f", lot diterima; jika {re} atau lebih, lot ditolak.",
            f"The plan: take {n} {items.en} at random from the lot and inspect them. If "
            + ("none is defective" if c == 0 else f"at most {c} are defective")
            + f", accept the lot; if {re} or more, reject it.",
        ),
        bilingual(
            f"Kurva OC menunjukkan peluang lot diterima untuk setiap persen cacat. Pada AQL {i['aql']} % (garis "
            f"titik-titik) peluangnya {i['pa_aql']} %: lot yang mutunya sesuai permintaan biasanya diterima.",
            f"The OC curve shows the probability of accepting a lot at each percent defective. At the AQL of "
            f"{e['aql']} % (dotted line) it is {e['pa_aql']} %: lots as good as asked for are usually accepted.",
        ),
        bilingual(
            f"Lot dengan {i['low_p']} % cacat hanya diterima dengan peluang {i['low_pa']} %: lot yang jelek "
            "biasanya tertahan oleh rencana ini.",
            f"A lot with {e['low_p']} % defective is accepted with a probability of only {e['low_pa']} %: bad lots "
            "are usually stopped by this plan.",
        ),
    ]
    return {
        **chart,
        "steps": steps,
        "lot_size": lot,
        "aql_percent": float(aql),
        "code_letter": letter,
        "plan_code_letter": used,
        "sample_size": n,
        "accept": c,
        "reject": re,
        "table": plan.table,
    }


EXAMPLES_STANDARDS: dict[str, Callable[[np.random.Generator, ParticipantContext], Example]] = {
    "sampling": sampling_example,
}
