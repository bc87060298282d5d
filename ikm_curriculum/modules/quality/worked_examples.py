"""Worked examples of the quality workbook, on each participant's own kind of product.

Each example is computed at release from the participant's commodity (with its
own random draw, so it never repeats an exercise's data) and shown before the
exercises of its topic: the data, every step with its numbers, and a chart.
An example is a plain JSON-able dict whose ``kind`` names the chart that the
workbook draws (:mod:`ikm_curriculum.widgets.charts`).

>>> import numpy as np
>>> from ikm_curriculum.assessment import ParticipantContext
>>> example = EXAMPLES["xbar_r"](np.random.default_rng(3), ParticipantContext("p1", "abon ikan"))
>>> example["kind"], len(example["subgroups"]), example["ucl_x"] > example["center_x"] > example["lcl_x"]
('xbar_r', 20, True)
"""

from __future__ import annotations

from typing import Any, Callable

import numpy as np

from ikm_curriculum.assessment import ParticipantContext
from ikm_curriculum.modules.quality.commodities import profile_for
from ikm_curriculum.modules.quality.constants import constants_for
from ikm_curriculum.modules.quality.control_charts import xbar_r_limits
from ikm_curriculum.modules.quality.examples_audits import EXAMPLES_AUDITS
from ikm_curriculum.modules.quality.examples_spc import EXAMPLES_SPC
from ikm_curriculum.modules.quality.examples_standards import EXAMPLES_STANDARDS
from ikm_curriculum.modules.quality.sample_data import SUBGROUP_SIZE, VITAL_FEW_CUTOFF, defect_tallies, subgroup_data

Example = dict[str, Any]


def _fmt(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".")


def xbar_r_example(rng: np.random.Generator, ctx: ParticipantContext) -> Example:
    """An x̄-R chart worked through: subgroup means and ranges, centre lines, limits, points outside.

    Limits as in :func:`~ikm_curriculum.modules.quality.control_charts.xbar_r_limits`
    (Montgomery, *Introduction to Statistical Quality Control*, ch. 6):
    x̄ chart x̿ ± A2·R̄, R chart D3·R̄ and D4·R̄.
    """
    profile = profile_for(ctx.commodity)
    data = subgroup_data(rng, profile)
    limits = xbar_r_limits(data.tolist())
    factors = constants_for(SUBGROUP_SIZE)
    out = [
        i
        for i, (x, r) in enumerate(zip(limits.xbars, limits.ranges, strict=True))
        if not limits.lcl_x <= x <= limits.ucl_x or not limits.lcl_r <= r <= limits.ucl_r
    ]
    g, rbar = limits.grand_mean, limits.mean_range
    steps_id = [
        f"Hitung rata-rata (x̄) dan rentang (R) tiap subgrup; grafik di bawah menunjukkan hasilnya. "
        f"Rata-rata semua x̄: x̿ = {_fmt(g)}.",
        f"Rata-rata semua R: R̄ = {_fmt(rbar)}.",
        f"Untuk n = {SUBGROUP_SIZE}: A2 = {factors.A2}, D3 = {factors.D3:g}, D4 = {factors.D4}.",
        f"BKA x̄ = x̿ + A2·R̄ = {_fmt(g)} + {factors.A2}·{_fmt(rbar)} = {_fmt(limits.ucl_x)}; "
        f"BKB x̄ = x̿ − A2·R̄ = {_fmt(limits.lcl_x)}.",
        f"BKA R = D4·R̄ = {_fmt(limits.ucl_r)}; BKB R = D3·R̄ = {_fmt(limits.lcl_r)}.",
    ]
    steps_en = [
        f"Compute each subgroup's mean (x̄) and range (R); the chart below shows them. "
        f"The mean of all x̄: x̿ = {_fmt(g)}.",
        f"The mean of all R: R̄ = {_fmt(rbar)}.",
        f"For n = {SUBGROUP_SIZE}: A2 = {factors.A2}, D3 = {factors.D3:g}, D4 = {factors.D4}.",
        f"UCL x̄ = x̿ + A2·R̄ = {_fmt(g)} + {factors.A2}·{_fmt(rbar)} = {_fmt(limits.ucl_x)}; "
        f"LCL x̄ = x̿ − A2·R̄ = {_fmt(limits.lcl_x)}.",
        f"UCL R = D4·R̄ = {_fmt(limits.ucl_r)}; LCL R = D3·R̄ = {_fmt(limits.lcl_r)}.",
    ]
    return {
        "kind": "xbar_r",
        "characteristic": {"id": profile.characteristic.name.id, "en": profile.characteristic.name.en},
        "unit": profile.characteristic.unit,
        "subgroups": data.tolist(),
        "xbars": [round(x, 4) for x in limits.xbars],
        "ranges": [round(r, 4) for r in limits.ranges],
        "center_x": g,
        "ucl_x": limits.ucl_x,
        "lcl_x": limits.lcl_x,
        "center_r": rbar,
        "ucl_r": limits.ucl_r,
        "lcl_r": limits.lcl_r,
        "out_of_control": out,
        "steps": [{"id": a, "en": b} for a, b in zip(steps_id, steps_en, strict=True)],
    }


def pareto_example(rng: np.random.Generator, ctx: ParticipantContext) -> Example:
    """A month of defect tallies sorted into a Pareto table, with the vital few at 80 %.

    Percent = count ÷ total × 100; cumulative percent adds them in order of size
    (Juran's Pareto principle; Montgomery ch. 5.4).
    """
    profile = profile_for(ctx.commodity)
    tallies, table = defect_tallies(rng, profile, lambda t: True)
    names = {d.key: {"id": d.name.id, "en": d.name.en} for d in profile.defects}
    vital = table.vital_few(VITAL_FEW_CUTOFF)
    return {
        "kind": "pareto",
        "total": sum(tallies.values()),
        "rows": [
            {
                "category": names[row.category],
                "count": row.count,
                "percent": round(row.percent, 1),
                "cumulative": round(row.cumulative_percent, 1),
            }
            for row in table.rows
        ],
        "vital_few": [names[key] for key in vital],
        "cutoff": VITAL_FEW_CUTOFF,
    }


EXAMPLES: dict[str, Callable[[np.random.Generator, ParticipantContext], Example]] = {
    "xbar_r": xbar_r_example,
    "pareto": pareto_example,
    **EXAMPLES_SPC,  # p_chart, capability
    **EXAMPLES_STANDARDS,  # sampling
    **EXAMPLES_AUDITS,  # five_r_audit, cppb
}
