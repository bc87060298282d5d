"""Worked examples on the p chart and process capability, and the SPC data they share with the exercises.

Each centre's own specification and inspection routine (:data:`SETTINGS`:
spec limits of the profile's characteristic, what is inspected how often for a
p chart, the inspection unit of a c chart) and the draws built on it are used
both here and by :mod:`.exercises_spc`. Examples follow
:data:`.worked_examples.EXAMPLES`: ``(rng, ctx) -> dict`` whose ``kind`` is a
chart kind of :mod:`ikm_curriculum.widgets.charts`, with bilingual ``steps``.

>>> import numpy as np
>>> from ikm_curriculum.assessment import ParticipantContext
>>> example = EXAMPLES_SPC["capability"](np.random.default_rng(3), ParticipantContext("p1", "abon ikan"))
>>> example["kind"], len(example["values"]), example["lsl"], example["usl"]
('capability', 50, 98.0, 104.0)
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Callable

import numpy as np

from ikm_curriculum.assessment import ParticipantContext, bilingual, column
from ikm_curriculum.modules.quality.attribute_charts import p_chart
from ikm_curriculum.modules.quality.capability import process_capability
from ikm_curriculum.modules.quality.commodities import GENERIC_KEY, CommodityProfile, Text, profile_for
from ikm_curriculum.modules.quality.sample_data import MAX_DRAWS

Example = dict[str, Any]
PERIODS = 20  # inspection periods of a p chart, inspection units of a c chart
SAMPLE = 50  # products measured in a capability study
# Minimum recommended Cp/Cpk for an existing two-sided process, and the floor of "marginal":
# Montgomery, Introduction to SQC, ch. 8, table "Recommended minimum values of the process capability ratio";
# AIAG, SPC Reference Manual (2005).
CAPABLE, MARGINAL = 1.33, 1.00


@dataclass(frozen=True)
class SpcSetting:
    """What a centre of one commodity specifies and inspects (teaching values, not a standard).

    ``lsl``/``usl``/``target``: the centre's own specification of the profile's
    characteristic. ``item`` (plural) is inspected ``n`` at a time every
    ``period`` (p chart), with a fraction defective in ``p_range``; ``c_unit`` is
    the inspection unit of the c chart, with ``c_range`` defects per unit.
    """

    lsl: float
    usl: float
    target: float
    period: Text
    item: Text
    n: int
    p_range: tuple[float, float]
    c_unit: Text
    c_range: tuple[float, float]


_DAY, _WEEK = Text("hari", "day"), Text("minggu", "week")
SETTINGS: dict[str, SpcSetting] = {
    # 100 g label: packers aim at 101 g so that underweight packs are rare; above 104 g is giveaway.
    "abon ikan": SpcSetting(98.0, 104.0, 101.0, _DAY, Text("kemasan abon", "packs of floss"), 50, (0.03, 0.10),
                            Text("satu karton isi 24 kemasan (cacat label, segel atau kemasan)",
                                 "one carton of 24 packs (label, seal or pack flaws)"), (3.0, 8.0)),
    # Sarong cloth woven to 70 cm: ±1 cm still sews into a sarong without cutting into the motif.
    "tenun": SpcSetting(69.0, 71.0, 70.0, _WEEK, Text("lembar kain", "pieces of cloth"), 30, (0.05, 0.15),
                        Text("10 m kain tenun (benang putus atau loncat)", "10 m of woven cloth (broken or skipped "
                             "threads)"), (2.0, 7.0)),
    # 250 g label, aimed at 253 g (one kernel weighs 1–2 g, so packs cannot be filled finer).
    "jambu mete": SpcSetting(248.0, 258.0, 253.0, _DAY, Text("kemasan mete", "packs of cashew"), 100, (0.02, 0.08),
                             Text("sampel 200 biji (biji gosong atau berkulit ari)",
                                  "a sample of 200 kernels (scorched or skin-on kernels)"), (3.0, 9.0)),
    # Brooches are sold by the piece but priced by silver weight: ±1 g of a 12 g design.
    "perak": SpcSetting(11.0, 13.0, 12.0, _WEEK, Text("bros perak", "silver brooches"), 40, (0.04, 0.12),
                        Text("20 bros (cacat sambungan solder)", "20 brooches (solder faults)"), (4.0, 10.0)),
    # Chair legs: ±3 mm still stands level on felt pads; more makes the chair rock.
    "meubel": SpcSetting(447.0, 453.0, 450.0, _WEEK, Text("kursi", "chairs"), 25, (0.06, 0.16),
                         Text("satu lemari (cacat finishing)", "one wardrobe (finishing flaws)"), (2.0, 7.0)),
    # 500 g label, aimed at 502 g.
    GENERIC_KEY: SpcSetting(496.0, 508.0, 502.0, _DAY, Text("kemasan", "packs"), 50, (0.03, 0.10),
                            Text("10 produk", "10 products"), (3.0, 8.0)),
}  # fmt: skip


def setting_for(profile: CommodityProfile) -> SpcSetting:
    """The profile's setting; a profile added later without one gets the generic one, specs at target ± 4σ.

    >>> setting_for(profile_for("abon ikan")).usl, setting_for(profile_for("sinonggi")).item.en
    (104.0, 'packs')
    """
    if profile.key in SETTINGS:
        return SETTINGS[profile.key]
    ch = profile.characteristic
    return replace(SETTINGS[GENERIC_KEY], lsl=ch.target - 4 * ch.sigma, usl=ch.target + 4 * ch.sigma, target=ch.target)


def inspection_counts(rng: np.random.Generator, setting: SpcSetting, sizes: list[int]) -> list[int]:
    """Defective items among ``sizes[i]`` inspected in period i (binomial at one p), at least one in all."""
    p = rng.uniform(*setting.p_range)
    for _ in range(MAX_DRAWS):
        counts = rng.binomial(sizes, p)
        if counts.sum() > 0:
            return [int(c) for c in counts]
    raise RuntimeError("no defective item in any draw")  # pragma: no cover


def defect_counts(rng: np.random.Generator, setting: SpcSetting) -> list[int]:
    """Defects in each of 20 inspection units (Poisson), at least one in all."""
    mean = rng.uniform(*setting.c_range)
    for _ in range(MAX_DRAWS):
        counts = rng.poisson(mean, PERIODS)
        if counts.sum() > 0:
            return [int(c) for c in counts]
    raise RuntimeError("no defect in any draw")  # pragma: no cover


def measurements(rng: np.random.Generator, setting: SpcSetting, cp: float, cpk: float) -> list[float]:
    """50 measurements of a process of about that Cp and Cpk ≤ Cp, read to 0.1 (0.01 when σ < 0.3).

    σ = (USL − LSL)/(6 Cp); the mean sits (1 − Cpk/Cp)·(USL − LSL)/2 from the middle, on a random side.
    A reading step of at most about σ/3 keeps the histogram free of gaps.
    """
    half, middle = (setting.usl - setting.lsl) / 2, (setting.usl + setting.lsl) / 2
    mean = middle + rng.choice([-1.0, 1.0]) * (1.0 - cpk / cp) * half
    sigma = half / (3.0 * cp)
    return [round(float(v), 2 if sigma < 0.3 else 1) for v in rng.normal(mean, sigma, SAMPLE)]


def study(rng: np.random.Generator, setting: SpcSetting, cp: float, cpk: float) -> tuple[float, float]:
    """Mean and s, rounded to 2 and 3 decimals, of :func:`measurements`: what a study reports."""
    values = np.asarray(measurements(rng, setting, cp, cpk))
    return round(float(values.mean()), 2), round(float(values.std(ddof=1)), 3)


def indices(setting: SpcSetting, mean: float, s: float) -> tuple[float, float]:
    """Cp and Cpk of a reported mean and s, by :func:`.capability.process_capability` with σ = s.

    >>> [round(v, 3) for v in indices(SETTINGS["abon ikan"], 101.6, 0.8)]  # 6/4.8, 2.4/2.4
    [1.25, 1.0]
    """
    result = process_capability([mean, mean], setting.lsl, setting.usl, sigma=s)
    return float(result.cp or 0.0), float(result.cpk)


def action_for(cp: float, cpk: float) -> str:
    """The right action: "a" both ≥ 1.33 (capable), "b" only Cp ≥ 1.33 (off centre), "c" Cp < 1.33 (too wide).

    Centring cannot help when Cp < 1.33, since Cpk ≤ Cp. Thresholds: Montgomery, ch. 8; AIAG SPC manual.

    >>> action_for(1.6, 1.5), action_for(1.6, 0.9), action_for(1.1, 1.05)
    ('a', 'b', 'c')
    """
    if cp >= CAPABLE:
        return "a" if cpk >= CAPABLE else "b"
    return "c"


def _fmt(value: float, decimals: int = 3) -> str:
    return f"{value:.{decimals}f}"


def p_chart_example(rng: np.random.Generator, ctx: ParticipantContext) -> Example:
    """A p chart with a sample size that changes from period to period, one disturbed period.

    pᵢ = Dᵢ/nᵢ, p̄ = ΣDᵢ/Σnᵢ, limits p̄ ± 3√(p̄(1 − p̄)/nᵢ), LCL at least 0
    (Montgomery, ch. 7.2.2 "Variable sample size"; :func:`.attribute_charts.p_chart`).
    """
    setting = setting_for(profile_for(ctx.commodity))
    period, item = setting.period, setting.item
    sizes = [int(v) for v in rng.integers(int(0.6 * setting.n), int(1.4 * setting.n) + 1, PERIODS)]
    counts = inspection_counts(rng, setting, sizes)
    bad = int(rng.integers(5, PERIODS))
    counts[bad] = min(sizes[bad], counts[bad] + int(rng.binomial(sizes[bad], 2 * setting.p_range[1])))
    chart = p_chart(counts, sizes)
    lcl = list(chart.lcl) if isinstance(chart.lcl, tuple) else [chart.lcl] * PERIODS
    ucl = list(chart.ucl) if isinstance(chart.ucl, tuple) else [chart.ucl] * PERIODS
    small, large = sizes.index(min(sizes)), sizes.index(max(sizes))
    p_bar, out = chart.center, [i + 1 for i in chart.out_of_control]
    out_id = f"{period.id} ke-{', '.join(map(str, out))}" if out else "tidak ada"
    out_en = f"{period.en} {', '.join(map(str, out))}" if out else "none"
    steps = [
        (f"Proporsi cacat tiap {period.id}: p = D/n, misalnya {period.id} ke-1: {counts[0]}/{sizes[0]} = "
         f"{_fmt(chart.points[0])}.",
         f"Fraction defective each {period.en}: p = D/n, e.g. {period.en} 1: {counts[0]}/{sizes[0]} = "
         f"{_fmt(chart.points[0])}."),
        (f"Garis tengah p̄ = total cacat ÷ total diperiksa = {sum(counts)}/{sum(sizes)} = {_fmt(p_bar, 4)}.",
         f"Centre line p̄ = total defective ÷ total inspected = {sum(counts)}/{sum(sizes)} = {_fmt(p_bar, 4)}."),
        (f"Batas bergantung pada n: BKA = p̄ + 3√(p̄(1 − p̄)/n). Untuk n = {sizes[small]}: BKA = "
         f"{_fmt(ucl[small])}; untuk n = {sizes[large]}: BKA = {_fmt(ucl[large])}. Makin banyak yang diperiksa, "
         "makin sempit batasnya.",
         f"The limits depend on n: UCL = p̄ + 3√(p̄(1 − p̄)/n). For n = {sizes[small]}: UCL = {_fmt(ucl[small])}; "
         f"for n = {sizes[large]}: UCL = {_fmt(ucl[large])}. The more inspected, the narrower the limits."),
        (f"BKB = p̄ − 3√(p̄(1 − p̄)/n), tetapi tidak kurang dari 0: untuk n = {sizes[small]}, BKB = "
         f"{_fmt(lcl[small])}.",
         f"LCL = p̄ − 3√(p̄(1 − p̄)/n), but not below 0: for n = {sizes[small]}, LCL = {_fmt(lcl[small])}."),
        (f"Titik di atas BKA atau di bawah BKB: {out_id}. Cari penyebabnya sebelum batas dipakai untuk memantau.",
         f"Points above the UCL or below the LCL: {out_en}. Find their cause before the limits are used for "
         "monitoring."),
    ]  # fmt: skip
    return {
        "kind": "control_chart",
        "points": [round(p, 4) for p in chart.points],
        "center": round(p_bar, 4),
        "lcl": [round(v, 4) for v in lcl],
        "ucl": [round(v, 4) for v in ucl],
        "ylabel": bilingual("Proporsi cacat p", "Fraction defective p"),
        "title": bilingual(f"Peta p: {item.id} cacat per {period.id}", f"p chart: defective {item.en} per {period.en}"),
        "out_of_control": list(chart.out_of_control),
        "table": {
            "columns": [
                column("period", f"{period.id.capitalize()} ke-", period.en.capitalize()),
                column("n", "Diperiksa (n)", "Inspected (n)"),
                column("defective", "Cacat (D)", "Defective (D)"),
            ],
            "rows": [[i + 1, n, d] for i, (n, d) in enumerate(zip(sizes, counts, strict=True))],
        },
        "steps": [bilingual(a, b) for a, b in steps],
    }


_VERDICT = {
    "a": ("Cp dan Cpk keduanya ≥ 1.33: proses mampu; pertahankan dan terus pantau.",
          "Cp and Cpk are both ≥ 1.33: the process is capable; keep it so and keep monitoring."),
    "b": ("Cp ≥ 1.33 tetapi Cpk < 1.33: sebaran cukup sempit, tetapi rata-rata perlu digeser ke target {target}.",
          "Cp ≥ 1.33 but Cpk < 1.33: the spread is narrow enough, but the mean must move to the target {target}."),
    "c": ("Cp < 1.33: sebaran terlalu lebar untuk spesifikasi ini; menggeser rata-rata saja tidak cukup, variasi "
          "harus dikurangi.",
          "Cp < 1.33: the spread is too wide for this specification; moving the mean is not enough, the "
          "variation must be reduced."),
}  # fmt: skip


def capability_example(rng: np.random.Generator, ctx: ParticipantContext) -> Example:
    """A capability study of 50 products: histogram against the spec, Cp, CPU, CPL, Cpk and what they mean.

    Cp = (USL − LSL)/6s, CPU = (USL − x̄)/3s, CPL = (x̄ − LSL)/3s, Cpk = min(CPU, CPL)
    (Montgomery, ch. 8; :func:`.capability.process_capability` with s as σ).
    """
    profile = profile_for(ctx.commodity)
    setting, unit = setting_for(profile), profile.characteristic.unit
    cp = rng.uniform(1.0, 1.8)
    values = measurements(rng, setting, cp, cp * (1.0 - rng.uniform(0.0, 0.35)))
    r = process_capability(values, setting.lsl, setting.usl, target=setting.target)
    cpu, cpl, cp_, s, mean = float(r.cpu or 0.0), float(r.cpl or 0.0), float(r.cp or 0.0), r.sigma, r.mean
    lsl, usl = f"{setting.lsl:g}", f"{setting.usl:g}"
    verdict = _VERDICT[action_for(round(cp_, 2), round(r.cpk, 2))]
    steps = [
        (f"Dari {SAMPLE} produk: rata-rata x̄ = {_fmt(mean, 2)} {unit}, simpangan baku s = {_fmt(s)} {unit}; "
         f"spesifikasi BSB = {lsl}, BSA = {usl} {unit}.",
         f"From {SAMPLE} products: mean x̄ = {_fmt(mean, 2)} {unit}, standard deviation s = {_fmt(s)} {unit}; "
         f"specification LSL = {lsl}, USL = {usl} {unit}."),
        (f"Cp = (BSA − BSB)/(6s) = ({usl} − {lsl})/(6 × {_fmt(s)}) = {_fmt(cp_, 2)}: lebar spesifikasi "
         "dibanding lebar sebaran proses.",
         f"Cp = (USL − LSL)/(6s) = ({usl} − {lsl})/(6 × {_fmt(s)}) = {_fmt(cp_, 2)}: the width of the "
         "specification against the width of the process spread."),
        (f"CPU = (BSA − x̄)/(3s) = {_fmt(cpu, 2)}; CPL = (x̄ − BSB)/(3s) = {_fmt(cpl, 2)}.",
         f"CPU = (USL − x̄)/(3s) = {_fmt(cpu, 2)}; CPL = (x̄ − LSL)/(3s) = {_fmt(cpl, 2)}."),
        (f"Cpk = yang lebih kecil = {_fmt(r.cpk, 2)}: memperhitungkan juga letak rata-rata.",
         f"Cpk = the smaller one = {_fmt(r.cpk, 2)}: it also takes the position of the mean into account."),
        tuple(text.format(target=f"{setting.target:g} {unit}") for text in verdict),
    ]  # fmt: skip
    return {
        "kind": "capability",
        "values": values,
        "lsl": setting.lsl,
        "usl": setting.usl,
        "target": setting.target,
        "unit": unit,
        "title": profile.characteristic.name.to_dict(),
        "mean": round(mean, 4),
        "s": round(s, 4),
        "cp": round(cp_, 4),
        "cpk": round(r.cpk, 4),
        "steps": [bilingual(a, b) for a, b in steps],
    }


EXAMPLES_SPC: dict[str, Callable[[np.random.Generator, ParticipantContext], Example]] = {
    "p_chart": p_chart_example,
    "capability": capability_example,
}
