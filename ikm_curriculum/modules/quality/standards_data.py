"""Data of the standards exercises and examples, drawn for each participant's commodity.

Shared by :mod:`.exercises_standards` and :mod:`.examples_standards`, as
:mod:`.sample_data` is by the other quality exercises: lot sizes and ISO
2859-1 table excerpts, OC-curve charts, 5R audit scores, CPPB-IRT findings.
Every function that draws takes a numpy random generator, so a participant's
data is fixed by the seed; texts come from :mod:`.standards_banks`.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ikm_curriculum.assessment import ParticipantContext, bilingual
from ikm_curriculum.modules.quality import iso2859_tables as tables
from ikm_curriculum.modules.quality import standards_banks as banks
from ikm_curriculum.modules.quality.commodities import profile_for
from ikm_curriculum.modules.quality.cppb_irt import DEFAULT_RULE
from ikm_curriculum.modules.quality.five_r import FIVE_R
from ikm_curriculum.modules.quality.five_r_audit import CHECKLIST, MAX_SCORE, AuditItem, compare_audits, score_audit
from ikm_curriculum.modules.quality.sampling import SamplingPlan, oc_curve, sampling_plan

AQL_CHOICES: tuple[str, ...] = ("0.65", "1.0", "1.5", "2.5", "4.0")
"""AQLs (percent nonconforming) a buyer of a small-industry product asks for, as printed in Table 2-A."""
ARROWS = ("↓", "↑")
MAX_DRAWS = 1000
AXIS_ENDS = (
    1.0,
    1.5,
    2.0,
    2.5,
    3.0,
    4.0,
    5.0,
    6.0,
    8.0,
    10.0,
    12.0,
    15.0,
    20.0,
    25.0,
    30.0,
    40.0,
    50.0,
    60.0,
    80.0,
    100.0,
)
"""Round percents an OC chart's axis may end at: the first where Pa ≤ 2 % (100 % at the latest)."""
GRID_STEPS = 97  # a prime: no percent asked (a twentieth of the axis) is a point of the drawn curve


def number_text(value: float, lang: str) -> str:
    """A number as the reader writes it: 1200 → "1.200" (id) / "1,200" (en); 2.5 → "2,5" / "2.5".

    >>> number_text(1200, "id"), number_text(1200, "en"), number_text(2.5, "id"), number_text(0.65, "en")
    ('1.200', '1,200', '2,5', '0.65')
    """
    v = float(value)
    shown = f"{int(v):,}" if v.is_integer() else f"{v:,.2f}".rstrip("0")
    return shown.translate(str.maketrans(",.", ".,")) if lang == "id" else shown


def aql_text(aql: str, lang: str) -> str:
    """An AQL as printed in the tables ("1.0", "0.65"), with a decimal comma in Indonesian.

    >>> aql_text("1.0", "id"), aql_text("1.0", "en")
    ('1,0', '1.0')
    """
    return aql.replace(".", ",") if lang == "id" else aql


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def lower_first(text: str) -> str:
    """ "Kacang mete" → "kacang mete"; keeps "(Kendari Werk)"."""
    return text[:1].lower() + text[1:]


# --- lots and ISO 2859-1 excerpts -----------------------------------------------------------------------------------


def lot_setting(ctx: ParticipantContext) -> banks.LotSetting:
    """Lots of the participant's product (the generic one for an unknown commodity)."""
    return banks.LOTS[profile_for(ctx.commodity).key]


def lot_range_cell(row: int) -> dict[str, str]:
    """The lot sizes of one row of Table 1, as a bilingual cell ("281–500", "500.001 ke atas")."""
    low, high, _ = tables.LOT_SIZE_CODE_LETTERS[row]
    if high is None:
        return bilingual(f"{number_text(low, 'id')} ke atas", f"{number_text(low, 'en')} and over")
    return bilingual(
        f"{number_text(low, 'id')}–{number_text(high, 'id')}", f"{number_text(low, 'en')}–{number_text(high, 'en')}"
    )


def lot_row(lot_size: int) -> int:
    """Index of the Table 1 row holding ``lot_size`` (row k has letter ``CODE_LETTERS[k]`` at level II).

    >>> lot_row(500), tables.CODE_LETTERS[lot_row(500)]
    (7, 'H')
    """
    rows = tables.LOT_SIZE_CODE_LETTERS
    return next(i for i, (low, high, _) in enumerate(rows) if low <= lot_size <= (high or lot_size))


def draw_lot(rng: np.random.Generator, setting: banks.LotSetting, low: int, high: int) -> int:
    """A lot size in [low, high], a multiple of the commodity's step where one fits."""
    sizes = [x for x in range(low, high + 1) if x % setting.step == 0] or list(range(low, high + 1))
    return int(sizes[int(rng.integers(len(sizes)))])


def plan_cases(setting: banks.LotSetting) -> list[tuple[str, int, int, bool]]:
    """(AQL, lowest, highest lot size, arrow at the letter?) for each level-II row meeting the commodity's lots."""
    cases = []
    for row, (low, high, _) in enumerate(tables.LOT_SIZE_CODE_LETTERS):
        lo, hi = max(low, setting.low), min(high or setting.high, setting.high)
        for aql in AQL_CHOICES if lo <= hi else ():
            cases.append((aql, lo, hi, tables.NORMAL[aql].split()[row] in ARROWS))
    return cases


def draw_plan(rng: np.random.Generator, setting: banks.LotSetting, arrow: bool) -> tuple[str, SamplingPlan]:
    """An AQL and the level-II normal plan of a lot of the product; at an arrow when ``arrow`` (if any fits).

    Each (AQL, Table 1 row) case is weighted by its number of lot sizes.

    The plan comes from :func:`~.sampling.sampling_plan`; lots whose sample
    would be the whole lot (100 % inspection) are drawn again.
    """
    cases = plan_cases(setting)
    pool = [c for c in cases if c[3] == arrow] or cases
    weights = np.array([high - low + 1 for _, low, high, _ in pool], dtype=float)  # lot sizes ~ uniform
    for _ in range(MAX_DRAWS):
        aql, low, high, _ = pool[int(rng.choice(len(pool), p=weights / weights.sum()))]
        plan = sampling_plan(draw_lot(rng, setting, low, high), float(aql), "II", "normal")
        if not plan.hundred_percent:
            return aql, plan
    raise RuntimeError(f"no sampling case for {setting.items.en}")  # pragma: no cover


def plan_excerpt(rng: np.random.Generator, aql: str, plan: SamplingPlan) -> list[list[Any]]:
    """Rows of Table 1 (level II) beside Table 2-A (one AQL): lot sizes, letter, n, Ac, Re (or the arrow).

    The rows cover the letter of the lot and the row an arrow leads to, with
    one or two rows more on either side.
    """
    used = sorted(tables.CODE_LETTERS.index(x) for x in (plan.code_letter, plan.plan_code_letter))
    first = max(0, used[0] - 1 - int(rng.integers(2)))
    last = min(len(tables.LOT_SIZE_CODE_LETTERS) - 1, used[1] + 1 + int(rng.integers(2)))
    cells = tables.NORMAL[aql].split()
    rows = []
    for i in range(first, last + 1):
        letter, cell = tables.CODE_LETTERS[i], cells[i]
        ac_re = [cell, cell] if cell in ARROWS else [int(cell), int(cell) + 1]
        rows.append([lot_range_cell(i), letter, tables.SAMPLE_SIZES[letter], *ac_re])
    return rows


def oc_chart(n: int, c: int, aql: float, title: dict[str, str]) -> dict[str, Any]:
    """The ``oc_curve`` chart (:mod:`ikm_curriculum.widgets.charts`) of the plan (n, c), AQL in percent.

    Probabilities from :func:`~.sampling.oc_curve` (binomial, type B), on
    ``GRID_STEPS`` equal steps from 0 to the first of :data:`AXIS_ENDS` where Pa ≤ 2 %.

    >>> chart = oc_chart(80, 2, 1.0, bilingual("t", "t"))
    >>> chart["kind"], chart["fractions"][-1], chart["aql"], chart["probabilities"][0]
    ('oc_curve', 0.1, 0.01, 1.0)
    """
    end = next((x for x in AXIS_ENDS if oc_curve(n, c, [x / 100]).probabilities[0] <= 0.02), AXIS_ENDS[-1])
    fractions = [round(end / 100 * k / GRID_STEPS, 6) for k in range(GRID_STEPS + 1)]
    probabilities = [round(p, 4) for p in oc_curve(n, c, fractions).probabilities]
    return {"kind": "oc_curve", "n": n, "c": c, "fractions": fractions, "probabilities": probabilities,
            "aql": round(aql / 100, 6), "title": title}  # fmt: skip


def steep_points(n: int, c: int, end: float) -> list[float]:
    """The steep part, 0.2 ≤ Pa ≤ 0.8, at twentieths of an axis ending at ``end`` % with at most 1 decimal.

    >>> steep_points(80, 2, 10.0)  # Pa(2 %) = 0.78, Pa(5 %) = 0.23
    [2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0]
    """
    points = [end * j / 20 for j in range(1, 20)]
    return [p for p in points if round(p, 1) == p and 0.2 <= oc_curve(n, c, [p / 100]).probabilities[0] <= 0.8]


# --- 5R audits ------------------------------------------------------------------------------------------------------


def audit_scores(rng: np.random.Generator) -> dict[str, int]:
    """Scores 0–4 of every item of the 5R checklist, around a level drawn for each R."""
    level = {r.code: rng.uniform(0.3, 3.7) for r in FIVE_R}
    return {i.id: int(np.clip(np.rint(level[i.r_code] + rng.normal(0.0, 0.7)), 0, MAX_SCORE)) for i in CHECKLIST}


def before_after(rng: np.random.Generator) -> tuple[dict[str, int], dict[str, int], str]:
    """Two audits of one workplace and the R that improved most (:func:`improved_most` must find one)."""
    for _ in range(MAX_DRAWS):
        before = audit_scores(rng)
        gain = {r.code: rng.uniform(-0.5, 1.0) for r in FIVE_R}
        gain[FIVE_R[int(rng.integers(5))].code] = rng.uniform(1.5, 3.0)
        after = {
            i.id: int(np.clip(np.rint(before[i.id] + gain[i.r_code] + rng.normal(0, 0.4)), 0, MAX_SCORE))
            for i in CHECKLIST
        }
        answer = improved_most(before, after)
        if answer is not None:
            return before, after, answer
    raise RuntimeError("no unambiguous before/after audit")  # pragma: no cover


def improved_most(before: dict[str, int], after: dict[str, int]) -> str | None:
    """The R whose percent rose most (:func:`~.five_r_audit.compare_audits`), if the case is clear-cut.

    Clear-cut: it leads the next R by at least two checklist points (16.7
    percentage points with 3 items), and another R, alone, scores highest
    afterwards (so that reading the "after" column alone misleads).

    >>> before = {i.id: {"r1": 0, "r2": 4}.get(i.r_code, 2) for i in CHECKLIST}
    >>> after = {**before, "r1.1": 3, "r1.2": 3, "r1.3": 2}  # r1 +66.7 points, r2 still the best (100 %)
    >>> improved_most(before, after), improved_most(before, {**after, "r1.1": 4, "r1.2": 4, "r1.3": 4})
    ('r1', None)
    """
    change = compare_audits(score_audit(before), score_audit(after))
    ranked = sorted(change.per_r.items(), key=lambda kv: -(kv[1] or 0.0))
    top, second = ranked[0], ranked[1]
    best = max(r.percent or 0.0 for r in change.after.per_r)
    leaders = [r.code for r in change.after.per_r if r.percent == best]
    clear = (top[1] or 0.0) - (second[1] or 0.0) >= 200 / (MAX_SCORE * 3) - 1e-9
    return top[0] if clear and len(leaders) == 1 and leaders[0] != top[0] else None


def workplace(rng: np.random.Generator, ctx: ParticipantContext) -> dict[str, str]:
    """A workplace of the participant's kind of centre (bilingual), for an audit."""
    places = banks.WORKPLACES[profile_for(ctx.commodity).key]
    return places[int(rng.integers(len(places)))].to_dict()


def item_cells(item: AuditItem) -> list[Any]:
    """Item id, its R and the question: the first cells of a checklist row."""
    return [item.id, next(r.name for r in FIVE_R if r.code == item.r_code), item.text.to_dict()]


# --- CPPB-IRT -------------------------------------------------------------------------------------------------------


def finding_counts(rng: np.random.Generator, level: int) -> dict[str, int]:
    """Findings per grade that give ``level`` (1–4) under DEFAULT_RULE, near its borders; at least 3 in all.

    >>> from ikm_curriculum.modules.quality.cppb_irt import inspection_level
    >>> rng = np.random.default_rng(0)
    >>> all(inspection_level(finding_counts(rng, k)).level == k for k in [1, 2, 3, 4] * 25)
    True
    """
    counts = _counts_for(rng, level)
    counts["minor"] += max(0, 3 - sum(counts.values()))  # minors fill a short list: they never change the level
    return counts


def _counts_for(rng: np.random.Generator, level: int) -> dict[str, int]:
    minor, few = int(rng.integers(0, 4)), int(rng.integers(0, 3))
    if level == 1:
        return {"minor": minor + 1, "major": int(rng.integers(0, 2)), "serious": 0, "critical": 0}
    if level == 2:
        return {"minor": minor, "major": int(rng.integers(2, 4)), "serious": 0, "critical": 0}
    if level == 3 and rng.random() < 0.4:
        return {"minor": minor, "major": int(rng.integers(4, 6)), "serious": 0, "critical": 0}
    if level == 3:
        return {"minor": minor, "major": int(rng.integers(0, 4)), "serious": int(rng.integers(1, 5)), "critical": 0}
    if rng.random() < 0.4:
        return {"minor": minor, "major": few, "serious": 5, "critical": 0}
    return {"minor": minor, "major": few, "serious": int(rng.integers(0, 3)), "critical": 1}


def draw_findings(rng: np.random.Generator, counts: dict[str, int]) -> list[banks.FindingText]:
    """Distinct findings of the bank with these numbers per grade, in the form's aspect order (A–N)."""
    chosen: list[banks.FindingText] = []
    for grade, count in counts.items():
        pool = [f for f in banks.FINDINGS if f.grade == grade]
        chosen += [pool[i] for i in rng.choice(len(pool), size=count, replace=False).tolist()]
    return sorted(chosen, key=lambda f: f.aspect)


def producer(rng: np.random.Generator, ctx: ParticipantContext) -> dict[str, str]:
    """A home-food producer (IRTP): a member of a food centre, else a neighbour making a snack."""
    city = ctx.city or "Kota Kendari"
    food = banks.FOOD_PRODUCTS.get(profile_for(ctx.commodity).key)
    if food is not None:
        return bilingual(
            f"Seorang anggota sentra Anda di {city} membuat {food.id} di rumahnya (IRTP)",
            f"A member of your centre in {city} makes {food.en} at home (a home food industry, IRTP)",
        )
    snack = banks.SNACKS[int(rng.integers(len(banks.SNACKS)))]
    return bilingual(
        f"Seorang warga di sekitar sentra Anda di {city} membuat {snack.id} di rumahnya (IRTP)",
        f"A neighbour of your centre in {city} makes {snack.en} at home (a home food industry, IRTP)",
    )


def rule_text(lang: str) -> str:
    """DEFAULT_RULE in words.

    >>> rule_text("id")
    'Level I: mayor ≤ 1, serius = 0, kritis = 0; Level II: mayor ≤ 3, serius = 0, kritis = 0; Level III: serius ≤ 4, kritis = 0; Level IV: lainnya'
    """  # noqa: E501
    names = {"major": ("mayor", "major"), "serious": ("serius", "serious"), "critical": ("kritis", "critical")}
    parts = []
    for row in DEFAULT_RULE.rows[:-1]:
        limits = [
            f"{names[g][lang == 'en']} {'=' if n == 0 else '≤'} {n}" for g, n in row.limits().items() if n is not None
        ]
        parts.append(f"{row.name}: {', '.join(limits)}")
    parts.append(f"{DEFAULT_RULE.rows[-1].name}: {'lainnya' if lang == 'id' else 'anything else'}")
    return "; ".join(parts)
