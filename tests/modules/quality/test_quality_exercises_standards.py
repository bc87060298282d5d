"""Standards exercises (ISO 2859-1, 5R audit, CPPB-IRT, fishbone) and the sampling worked example."""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from typing import Any

import numpy as np
import pytest
from exercise_checks import COMMODITIES, make_instance, number_in_text, right_answer, wrong_answer

from ikm_curriculum.assessment import ExerciseSpec, ParticipantContext, get_kind
from ikm_curriculum.modules.quality import iso2859_tables as tables
from ikm_curriculum.modules.quality import standards_banks as banks
from ikm_curriculum.modules.quality import standards_data as sd
from ikm_curriculum.modules.quality.commodities import PROFILES, profile_for
from ikm_curriculum.modules.quality.cppb_irt import ASPECTS, DEFAULT_RULE, GRADES, grade_code, inspection_level
from ikm_curriculum.modules.quality.examples_standards import EXAMPLES_STANDARDS
from ikm_curriculum.modules.quality.exercises_standards import EXERCISES_STANDARDS
from ikm_curriculum.modules.quality.five_r_audit import CHECKLIST, compare_audits, score_audit
from ikm_curriculum.modules.quality.qc_tools import SIX_M
from ikm_curriculum.modules.quality.sampling import code_letter, sampling_plan

SEEDS = range(6)
SPECS = {spec.exercise_id: spec for spec in EXERCISES_STANDARDS}
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


def _instance(exercise_id: str, seed: int, commodity: str = "abon ikan", city: str = "") -> Any:
    return make_instance(SPECS[exercise_id], seed, commodity, city)


def _bilingual(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == {"id", "en"} and all(isinstance(v, str) for v in value.values())


def _lot_bounds(cell: dict[str, str]) -> tuple[int, float]:
    """(low, high) of a Table 1 row as shown in English: "1,201–3,200" or "500,001 and over"."""
    numbers = [int(x.replace(",", "")) for x in re.findall(r"[\d,]+", cell["en"])]
    return numbers[0], (numbers[1] if len(numbers) > 1 else math.inf)


def _binomial_pa(n: int, c: int, p: float) -> float:
    """Independent of the library: Pa = Σ_{d≤c} C(n, d) pᵈ (1 − p)ⁿ⁻ᵈ (Montgomery, ISQC ch. 15)."""
    return sum(math.comb(n, d) * p**d * (1 - p) ** (n - d) for d in range(c + 1))


def test_exercise_list_and_metadata() -> None:
    assert [(s.exercise_id, s.kind, s.max_points, s.graded) for s in EXERCISES_STANDARDS] == [
        ("mutu.code_letter_practice", "single_choice", 0, False),
        ("mutu.sampling_plan_lookup", "table", 3, True),
        ("mutu.oc_reading", "numeric", 2, True),
        ("mutu.five_r_audit_scores", "table", 3, True),
        ("mutu.five_r_weakest", "single_choice", 1, True),
        ("mutu.cppb_level", "single_choice", 2, True),
        ("mutu.fishbone_practice", "single_choice", 0, False),
    ]
    assert all(spec.generate.__doc__ for spec in EXERCISES_STANDARDS)


@pytest.mark.parametrize("commodity", COMMODITIES)
@pytest.mark.parametrize("exercise_id", list(SPECS))
def test_every_instance_is_valid_bilingual_and_scores(exercise_id: str, commodity: str) -> None:
    spec: ExerciseSpec = SPECS[exercise_id]
    kind = get_kind(spec.kind)
    for seed in SEEDS:
        item = _instance(exercise_id, seed, commodity)
        public, key = item.public, item.key
        text = json.dumps(public, ensure_ascii=False)
        assert json.loads(text) == public and json.loads(json.dumps(key)) == key
        assert _bilingual(public["title"]) and _bilingual(public["prompt"]) and all(public["prompt"].values())
        for column in public.get("data", {}).get("columns", []):
            assert _bilingual(column["label"])
        for row in public.get("data", {}).get("rows", []):
            assert len(row) == len(public["data"]["columns"])
            assert all(_bilingual(v) or (isinstance(v, (int, float, str)) and not isinstance(v, bool)) for v in row)
        for choice in public.get("options", []) + public.get("cells", []):
            assert _bilingual(choice["label"])
        right, wrong = right_answer(spec.kind, key), wrong_answer(spec.kind, public, key)
        full = kind.score(public, key, kind.validate(public, right), item.max_points)
        less = kind.score(public, key, kind.validate(public, wrong), item.max_points)
        assert full.points == item.max_points
        if item.graded:
            assert less.points < item.max_points
        assert full.detail != less.detail  # practice items score 0 points: their feedback still tells right from wrong
        if item.graded:
            assert "practice_key" not in item.release_part()
            for word in ("correct", "abs_tol", "values", "counts", "code_letter"):
                assert f'"{word}"' not in text
            expected = [key["value"]] if "value" in key else list(key.get("values", {}).values())
            # The plan lookup's answers are in its table by design (it is a lookup): check the prompt only there.
            shown = json.dumps(public["prompt"]) if exercise_id == "mutu.sampling_plan_lookup" else text
            for value in expected:
                if value != 0:
                    assert not number_in_text(value, shown), (seed, value)
        else:
            assert item.release_part()["practice_key"] == key


@pytest.mark.parametrize("exercise_id", list(SPECS))
def test_same_seed_same_instance_different_seeds_differ(exercise_id: str) -> None:
    assert _instance(exercise_id, 11).to_dict() == _instance(exercise_id, 11).to_dict()
    variants = {json.dumps(_instance(exercise_id, seed).to_dict(), sort_keys=True) for seed in range(8)}
    assert len(variants) >= (4 if exercise_id == "mutu.fishbone_practice" else 8)  # a bank of 36 may repeat


@pytest.mark.parametrize("commodity", COMMODITIES)
def test_code_letter_follows_from_the_table_shown(commodity: str) -> None:
    for seed in SEEDS:
        item = _instance("mutu.code_letter_practice", seed, commodity)
        lot, level, rows = item.public["lot_size"], item.public["level"], item.public["data"]["rows"]
        column = 1 + ("I", "II", "III").index(level)
        shown = [row[column] for row in rows if _lot_bounds(row[0])[0] <= lot <= _lot_bounds(row[0])[1]]
        assert shown == [item.key["correct"]] == [code_letter(lot, level)]
        letters = [o["id"] for o in item.public["options"]]
        assert len(letters) == 5 and "".join(letters) in tables.CODE_LETTERS  # five neighbouring letters
        setting = banks.LOTS[profile_for(commodity).key]
        assert setting.low <= lot <= setting.high and setting.items.en in item.public["prompt"]["en"]


def _resolve_from_excerpt(rows: list[list[Any]], lot: int) -> tuple[int, int, int]:
    """Follow the rule printed under ISO 2859-1 Table 2-A on the rows shown: arrows to the first plan."""
    at = next(i for i, row in enumerate(rows) if _lot_bounds(row[0])[0] <= lot <= _lot_bounds(row[0])[1])
    step = {"↓": 1, "↑": -1}.get(rows[at][3], 0)
    while rows[at][3] in ("↓", "↑"):
        at += step
    return rows[at][2], rows[at][3], rows[at][4]


@pytest.mark.parametrize("commodity", COMMODITIES)
def test_sampling_plan_follows_from_the_excerpt_shown(commodity: str) -> None:
    arrows = Counter()
    for seed in range(20):
        item = _instance("mutu.sampling_plan_lookup", seed, commodity)
        public, key = item.public, item.key
        lot, aql = public["lot_size"], public["aql"]
        assert aql in (0.65, 1.0, 1.5, 2.5, 4.0)
        rows = public["data"]["rows"]
        for row in rows:  # every row is Table 1 (level II) beside Table 2-A, as printed
            letter = row[1]
            assert row[2] == tables.SAMPLE_SIZES[letter]
            assert tables.LOT_SIZE_CODE_LETTERS[tables.CODE_LETTERS.index(letter)][2].split()[5] == letter
        n, ac, re_ = _resolve_from_excerpt(rows, lot)
        assert key["values"] == {"n": n, "ac": ac, "re": re_}
        plan = sampling_plan(lot, aql)
        assert (plan.sample_size, plan.accept, plan.reject, plan.hundred_percent) == (n, ac, re_, False)
        moved = tables.CODE_LETTERS.index(key["plan_code_letter"]) - tables.CODE_LETTERS.index(key["code_letter"])
        arrows[{1: "↓", -1: "↑", 0: "plan"}[int(np.sign(moved))]] += 1
    assert arrows["plan"] and arrows["↓"] + arrows["↑"]  # cases with and without an arrow for every commodity


def test_sampling_plan_reference_values() -> None:
    # ISO 2859-1 Table 1: lot 151–280 at level II → G; Table 2-A, G at AQL 1.0 is ↓, the first plan below is
    # H: n = 50, Ac 1, Re 2 (same in ANSI/ASQ Z1.4 Tables I and II-A).
    plan = sampling_plan(200, 1.0)
    assert (plan.code_letter, plan.plan_code_letter, plan.sample_size, plan.accept, plan.reject) == ("G", "H", 50, 1, 2)
    rows = sd.plan_excerpt(np.random.default_rng(0), "1.0", plan)
    assert _resolve_from_excerpt(rows, 200) == (50, 1, 2)
    # Table 2-A, F at AQL 1.0 is ↑: the first plan above is E, n = 13, Ac 0, Re 1.
    plan = sampling_plan(120, 1.0)
    assert _resolve_from_excerpt(sd.plan_excerpt(np.random.default_rng(0), "1.0", plan), 120) == (13, 0, 1)


@pytest.mark.parametrize("commodity", COMMODITIES)
def test_oc_reading_key_is_the_binomial_value(commodity: str) -> None:
    for seed in SEEDS:
        item = _instance("mutu.oc_reading", seed, commodity)
        chart, p = item.public["chart"], item.public["defective_percent"] / 100
        n, c = chart["n"], chart["c"]
        assert f"n = {n}" in item.public["prompt"]["en"] and f"Ac = {c}" in item.public["prompt"]["en"]
        assert item.key["value"] == pytest.approx(100 * _binomial_pa(n, c, p), abs=1e-4)
        assert 20 <= item.key["value"] <= 80 and item.key["abs_tol"] == 5.0  # the steep part
        assert round(p, 6) not in chart["fractions"]  # the key is read off the curve, not looked up in it
        assert chart["fractions"][0] == 0 and 0 < p < chart["fractions"][-1]
        assert chart["probabilities"][-1] <= 0.02 and chart["aql"] in (0.0065, 0.01, 0.015, 0.025, 0.04)
        assert all(a >= b for a, b in zip(chart["probabilities"], chart["probabilities"][1:], strict=False))


def test_oc_reference_value() -> None:
    # n = 50, c = 1, p = 2 %: 0.98^50 + 50 · 0.02 · 0.98^49 = 0.7358 (Montgomery, ISQC, ch. 15 example).
    assert _binomial_pa(50, 1, 0.02) == pytest.approx(0.7358, abs=1e-4)
    item = _instance("mutu.oc_reading", 0)
    assert item.key["value"] == pytest.approx(
        100 * _binomial_pa(item.public["chart"]["n"], item.public["chart"]["c"], item.public["defective_percent"] / 100)
    )


def _audit(rows: list[list[Any]], column: int) -> dict[str, int]:
    return {row[0]: row[column] for row in rows if isinstance(row[column], int)}


@pytest.mark.parametrize("commodity", COMMODITIES)
def test_five_r_audit_scores_follow_from_the_checklist(commodity: str) -> None:
    skipped = 0
    for seed in range(12):
        item = _instance("mutu.five_r_audit_scores", seed, commodity)
        rows = item.public["data"]["rows"]
        assert [row[0] for row in rows] == [i.id for i in CHECKLIST]
        scores = _audit(rows, 3)
        skipped += len(scores) < len(CHECKLIST)
        result = score_audit(scores)
        assert item.key["values"] == {r.code: pytest.approx(r.percent) for r in result.per_r}
        assert item.key["abs_tol"] == 1.0
    assert skipped  # the "not audited" rule is asked sometimes


def test_five_r_reference_value() -> None:
    # By hand: Ringkas 4 + 2 + 3 = 9 of 12 → 75 %; Rapi 1 of 4 → 25 % (item r2.2, r2.3 not audited).
    result = score_audit({"r1.1": 4, "r1.2": 2, "r1.3": 3, "r2.1": 1})
    assert (result.percent_of("r1"), result.percent_of("r2")) == (75.0, 25.0)


@pytest.mark.parametrize("commodity", COMMODITIES)
def test_five_r_improved_most_is_unambiguous(commodity: str) -> None:
    for seed in range(12):
        item = _instance("mutu.five_r_weakest", seed, commodity)
        rows = item.public["data"]["rows"]
        change = compare_audits(score_audit(_audit(rows, 3)), score_audit(_audit(rows, 4)))
        ranked = sorted(change.per_r.items(), key=lambda kv: -kv[1])
        assert ranked[0][0] == item.key["correct"]
        assert ranked[0][1] - ranked[1][1] >= 16.6  # at least two checklist points ahead
        best_after = max(change.after.per_r, key=lambda r: r.percent)
        assert best_after.code != item.key["correct"]  # the "after" column alone misleads
        assert [o["id"] for o in item.public["options"]] == ["r1", "r2", "r3", "r4", "r5"]


@pytest.mark.parametrize("commodity", COMMODITIES)
def test_cppb_level_follows_from_the_findings(commodity: str) -> None:
    levels = Counter()
    for seed in range(24):
        item = _instance("mutu.cppb_level", seed, commodity, city="Kabupaten Muna")
        rows = item.public["data"]["rows"]
        assert len(rows) >= 3
        assert [row[0]["en"][0] for row in rows] == sorted(row[0]["en"][0] for row in rows)  # form order A–N
        counts = Counter(grade_code(row[2]["en"]) for row in rows)
        result = inspection_level(dict(counts))
        assert ROMAN[item.key["correct"]] == result.level
        levels[result.level] += 1
        prompt = item.public["prompt"]
        assert "Kabupaten Muna" in prompt["id"] and "setempat" in prompt["id"] and "local rule" in prompt["en"]
        issuable = [("tidak dapat" not in o["label"]["id"]) for o in item.public["options"]]
        assert issuable == [row.spp_irt_issuable for row in DEFAULT_RULE.rows]
        food = banks.FOOD_PRODUCTS.get(profile_for(commodity).key)
        if food is not None:
            assert food.id in prompt["id"]
    assert set(levels) == {1, 2, 3, 4}


def test_cppb_reference_value() -> None:
    # cppb_irt docstring / BPOM SPP-IRT form: 2 major + 5 minor → Level II; 1 serious → Level III; 1 critical → IV.
    assert inspection_level({"major": 2, "minor": 5}).level == 2
    assert inspection_level({"serious": 1}).level == 3 and inspection_level({"critical": 1}).level == 4


@pytest.mark.parametrize("commodity", COMMODITIES)
def test_fishbone_answer_is_the_bank_category(commodity: str) -> None:
    seen = set()
    for seed in range(20):
        item = _instance("mutu.fishbone_practice", seed, commodity)
        cause = next(c for c in banks.CAUSES if c.key == item.key["cause"])
        assert item.key["correct"] == cause.category and cause.text.id in item.public["prompt"]["id"]
        assert [o["id"] for o in item.public["options"]] == [m.code for m in SIX_M]
        seen.add(cause.commodity)
    assert profile_for(commodity).key in seen  # the participant's own product is the likeliest


def test_banks() -> None:
    assert set(banks.LOTS) == set(banks.WORKPLACES) == set(PROFILES)
    for setting in banks.LOTS.values():
        assert 2 <= setting.low < setting.high and setting.step >= 1
        assert any(arrow for *_, arrow in sd.plan_cases(setting))  # every product can land on an arrow
    keys = [c.key for c in banks.CAUSES]
    assert len(keys) >= 12 and len(set(keys)) == len(keys)
    assert {c.category for c in banks.CAUSES} == {m.code for m in SIX_M}
    for cause in banks.CAUSES:
        assert cause.defect in {d.key for d in PROFILES[cause.commodity].defects}
    assert {c.commodity for c in banks.CAUSES} == set(PROFILES)
    grades = Counter(f.grade for f in banks.FINDINGS)
    assert grades["minor"] >= 4 and grades["major"] >= 5 and grades["serious"] >= 5 and grades["critical"] >= 1
    assert {f.aspect for f in banks.FINDINGS} <= {a.code for a in ASPECTS}
    assert {f.grade for f in banks.FINDINGS} == {g.code for g in GRADES}


@pytest.mark.parametrize("commodity", COMMODITIES)
def test_sampling_example_is_json_and_draws(commodity: str) -> None:
    from ikm_curriculum.widgets.charts import RENDERERS, chart_image

    kinds = set()
    for seed in range(3):
        example = EXAMPLES_STANDARDS["sampling"](np.random.default_rng(seed), ParticipantContext("p1", commodity))
        assert json.loads(json.dumps(example)) == example and example["kind"] in RENDERERS
        assert all(_bilingual(step) for step in example["steps"]) and len(example["steps"]) >= 5
        plan = sampling_plan(example["lot_size"], example["aql_percent"])
        assert (example["n"], example["c"]) == (plan.sample_size, plan.accept)
        assert example["aql"] == pytest.approx(example["aql_percent"] / 100)
        assert example["code_letter"] in example["steps"][1]["en"]
        kinds.add(plan.code_letter == plan.plan_code_letter)
        for lang in ("id", "en"):
            assert chart_image(example, lang).value[:8] == b"\x89PNG\r\n\x1a\n"
    item = _instance("mutu.oc_reading", 0, commodity)
    assert chart_image(item.public["chart"], "id").value[:4] == b"\x89PNG"
