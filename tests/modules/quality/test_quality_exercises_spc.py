"""Exercises on control charts and capability (exercises_spc) and their worked examples (examples_spc)."""

from __future__ import annotations

import json
import math
from typing import Any

import numpy as np
import pytest
from exercise_checks import COMMODITIES, make_instance, number_in_text, right_answer, wrong_answer

from ikm_curriculum.assessment import ParticipantContext, get_kind, rng_for
from ikm_curriculum.modules.quality.attribute_charts import c_chart, p_chart
from ikm_curriculum.modules.quality.capability import process_capability
from ikm_curriculum.modules.quality.commodities import GENERIC_KEY, PROFILES, CommodityProfile, Text, profile_for
from ikm_curriculum.modules.quality.examples_spc import (
    EXAMPLES_SPC,
    SETTINGS,
    action_for,
    indices,
    setting_for,
)
from ikm_curriculum.modules.quality.exercises_spc import EXERCISES_SPC, LIMIT_MARGIN
from ikm_curriculum.modules.quality.run_rules import run_rules

SEEDS = range(6)
SPECS = {spec.exercise_id: spec for spec in EXERCISES_SPC}


def _rows(public: dict[str, Any]) -> dict[str, float]:
    """A quantity/value table by the English label of its rows."""
    return {label["en"]: value for label, value in public["data"]["rows"]}


def test_exercise_list_order_and_metadata() -> None:
    assert [(s.exercise_id, s.kind, s.max_points, s.graded) for s in EXERCISES_SPC] == [
        ("mutu.out_of_control", "multi_choice", 3, True),
        ("mutu.run_rule_practice", "single_choice", 0, False),
        ("mutu.p_chart_limits", "table", 4, True),
        ("mutu.c_chart_practice", "numeric", 0, False),
        ("mutu.capability_indices", "table", 4, True),
        ("mutu.capability_judgement", "single_choice", 2, True),
    ]


@pytest.mark.parametrize("commodity", COMMODITIES)
@pytest.mark.parametrize("exercise_id", list(SPECS))
def test_every_exercise_generates_a_valid_gradable_instance(exercise_id: str, commodity: str) -> None:
    spec = SPECS[exercise_id]
    kind = get_kind(spec.kind)
    for seed in SEEDS:
        item = make_instance(spec, seed, commodity)
        public, key = item.public, item.key
        text = json.dumps(public, ensure_ascii=False)
        assert json.loads(text) == public
        for field in ("title", "prompt"):
            assert set(public[field]) == {"id", "en"} and all(public[field].values())
        if "chart" in public:
            assert public["chart"]["kind"] == "control_chart" and set(public["chart"]["ylabel"]) == {"id", "en"}
        if "data" in public:
            columns = public["data"]["columns"]
            assert all(set(c["label"]) == {"id", "en"} for c in columns)
            for row in public["data"]["rows"]:
                assert len(row) == len(columns)
                for v in row:
                    bilingual_text = isinstance(v, dict) and set(v) == {"id", "en"}
                    assert bilingual_text or (isinstance(v, (int, float)) and not isinstance(v, bool))
        for choice in public.get("options", []) + public.get("cells", []):
            assert set(choice["label"]) == {"id", "en"} and all(choice["label"].values())
        answer = kind.validate(public, right_answer(spec.kind, key))
        assert kind.score(public, key, answer, item.max_points).points == item.max_points, (seed, key)
        wrong = kind.validate(public, wrong_answer(spec.kind, public, key))
        assert kind.score(public, key, wrong, 1.0).points < 1.0
        if item.graded:
            assert "practice_key" not in item.release_part()
            for word in ("correct", "rubric", "abs_tol", "values"):
                assert f'"{word}"' not in text
            for value in key.get("values", {}).values():
                if value != 0:  # an LCL clipped to 0 follows from the rule printed in the prompt
                    assert not number_in_text(value, text), (seed, value)
        else:
            assert item.release_part()["practice_key"] == key


@pytest.mark.parametrize("exercise_id", list(SPECS))
def test_same_seed_same_instance_different_seeds_differ(exercise_id: str) -> None:
    spec = SPECS[exercise_id]
    assert make_instance(spec, 11).to_dict() == make_instance(spec, 11).to_dict()
    variants = {json.dumps(make_instance(spec, seed).to_dict(), sort_keys=True) for seed in range(8)}
    assert len(variants) == 8


@pytest.mark.parametrize("commodity", COMMODITIES)
def test_out_of_control_answer_is_read_off_the_chart(commodity: str) -> None:
    assert LIMIT_MARGIN >= 0.01  # issue 3, item 9: no point within 1 % of UCL − LCL from a limit
    for seed in range(20):
        item = make_instance(SPECS["mutu.out_of_control"], seed, commodity)
        chart = item.public["chart"]
        points, lcl, ucl = chart["points"], chart["lcl"], chart["ucl"]
        assert len(points) == len(item.public["options"]) == 20
        assert ucl - chart["center"] == pytest.approx(chart["center"] - lcl, abs=2e-4)  # x̿ ± A2·R̄
        outside = [f"s{i + 1}" for i, x in enumerate(points) if not lcl <= x <= ucl]
        assert item.key["correct"] == outside and 1 <= len(outside) <= 3
        band = ucl - lcl
        assert all(min(abs(x - ucl), abs(x - lcl)) > LIMIT_MARGIN * band for x in points)  # no point on a limit


def test_run_rule_chart_breaks_exactly_the_keyed_rule() -> None:
    seen = set()
    for number in range(60):
        commodity = COMMODITIES[number % len(COMMODITIES)]
        item = make_instance(SPECS["mutu.run_rule_practice"], number, commodity)
        chart = item.public["chart"]
        assert chart["zones"] is True and len(chart["points"]) == 20
        sigma = (chart["ucl"] - chart["center"]) / 3  # what the renderer draws as the 1σ zone
        assert chart["center"] - chart["lcl"] == pytest.approx(3 * sigma, abs=2e-4)
        z = (np.array(chart["points"]) - chart["center"]) / sigma
        assert np.abs(z - np.round(z)).min() >= 0.09  # 0.1σ off every zone line, less rounding to 0.001
        found = [v.rule for v in run_rules(chart["points"], chart["center"], sigma)]
        assert found == [int(item.key["correct"][1:])]
        seen.add(item.key["correct"])
        assert [o["id"] for o in item.public["options"]] == ["r1", "r2", "r3", "r4", "r5"]
    assert seen == {"r1", "r2", "r3", "r4", "r5"}


@pytest.mark.parametrize("commodity", COMMODITIES)
def test_attribute_chart_keys_follow_from_the_table(commodity: str) -> None:
    setting = setting_for(profile_for(commodity))
    for seed in SEEDS:
        item = make_instance(SPECS["mutu.p_chart_limits"], seed, commodity)
        rows = item.public["data"]["rows"]
        assert len(rows) == 20 and {r[1] for r in rows} == {setting.n}
        defectives = [r[2] for r in rows]
        chart = p_chart(defectives, setting.n)
        # Independent recomputation: Montgomery eq. for the p chart, n constant.
        p_bar = sum(defectives) / (20 * setting.n)
        width = 3 * math.sqrt(p_bar * (1 - p_bar) / setting.n)
        expected = {"p_bar": p_bar, "ucl": p_bar + width, "lcl": max(0.0, p_bar - width)}
        assert item.key["values"] == pytest.approx(expected, abs=1e-6)
        assert item.key["values"]["ucl"] == pytest.approx(chart.ucl, abs=1e-6)
        assert item.key["abs_tol"] == 0.003

        item = make_instance(SPECS["mutu.c_chart_practice"], seed, commodity)
        counts = [r[1] for r in item.public["data"]["rows"]]
        c_bar = sum(counts) / len(counts)
        assert len(counts) == 20 and item.key["value"] == pytest.approx(c_bar + 3 * math.sqrt(c_bar), abs=1e-6)
        assert item.key["value"] == pytest.approx(c_chart(counts).ucl, abs=1e-6)


@pytest.mark.parametrize("commodity", COMMODITIES)
def test_capability_keys_follow_from_the_table(commodity: str) -> None:
    setting = setting_for(profile_for(commodity))
    for seed in range(12):
        item = make_instance(SPECS["mutu.capability_indices"], seed, commodity)
        shown = _rows(item.public)
        lsl, usl = shown["Lower specification limit (LSL)"], shown["Upper specification limit (USL)"]
        mean, s = shown["Mean x̄"], shown["Standard deviation s"]
        assert (lsl, usl, shown["Products measured"]) == (setting.lsl, setting.usl, 50)
        cp, cpk = (usl - lsl) / (6 * s), min(usl - mean, mean - lsl) / (3 * s)  # Montgomery ch. 8
        assert item.key["values"] == pytest.approx({"cp": cp, "cpk": cpk}, abs=1e-6)
        result = process_capability([mean, mean], lsl, usl, sigma=s)
        assert (result.cp, result.cpk) == pytest.approx((cp, cpk))
        assert 0 < cpk < cp - 0.05 and item.key["abs_tol"] == 0.02

        item = make_instance(SPECS["mutu.capability_judgement"], seed, commodity)
        shown = _rows(item.public)
        recomputed = indices(setting, shown["Mean x̄"], shown["Standard deviation s"])
        assert (shown["Cp"], shown["Cpk"]) == pytest.approx(recomputed, abs=0.0051)  # shown to 2 decimals
        assert item.key["correct"] == action_for(shown["Cp"], shown["Cpk"])
        assert min(abs(shown["Cp"] - 1.33), abs(shown["Cpk"] - 1.33)) >= 0.05  # clear of the threshold


def test_every_action_but_cannot_judge_is_right_for_someone() -> None:
    answers = []
    for number in range(60):
        pid = f"p{number:02d}"
        ctx = ParticipantContext(pid, COMMODITIES[number % len(COMMODITIES)])
        item = SPECS["mutu.capability_judgement"].instance(rng_for("secret", pid, "mutu.capability_judgement"), ctx)
        answers.append(item.key["correct"])
    assert set(answers) == {"a", "b", "c"}  # "d" (cannot be judged) never: the process is said to be stable


def test_reference_values() -> None:
    # Hand-computed: specs 98–104 g, x̄ = 101.6, s = 0.8 → Cp = 6/4.8 = 1.25, Cpk = (104 − 101.6)/2.4 = 1.0.
    assert indices(SETTINGS["abon ikan"], 101.6, 0.8) == pytest.approx((1.25, 1.0))
    # Montgomery ch. 8, recommended minimum Cp/Cpk for existing two-sided processes: 1.33.
    assert (action_for(1.33, 1.33), action_for(1.33, 1.32), action_for(1.32, 1.32)) == ("a", "b", "c")
    # Montgomery Example 7.3 (c chart, 26 samples of 100 boards): c̄ = 516/26 = 19.85, UCL = 33.22, LCL = 6.48.
    chart = c_chart([20] * 22 + [19] * 4)  # the limits depend only on Σc = 516 and k = 26
    # The book rounds c̄ to 19.85 before adding 3√c̄, hence ±0.01.
    assert (chart.center, chart.ucl, chart.lcl) == pytest.approx((19.85, 33.22, 6.48), abs=0.01)


def test_settings_cover_every_profile() -> None:
    assert set(SETTINGS) == set(PROFILES)
    for key, setting in SETTINGS.items():
        target = PROFILES[key].characteristic.target
        assert setting.lsl < target < setting.usl  # the label value lies inside the centre's spec
        assert setting.target == pytest.approx((setting.lsl + setting.usl) / 2)  # aim at the middle
        assert 0 < setting.p_range[0] < setting.p_range[1] < 0.5 and setting.n >= 20
        assert 0 < setting.c_range[0] < setting.c_range[1] and setting.item.id and setting.c_unit.en
    new = CommodityProfile("kelor", Text("Kelor", "Moringa"), ("kelor",), PROFILES[GENERIC_KEY].characteristic, ())
    fallback = setting_for(new)
    assert fallback.lsl < fallback.target < fallback.usl and fallback.item == SETTINGS[GENERIC_KEY].item


@pytest.mark.parametrize("commodity", COMMODITIES)
@pytest.mark.parametrize("name", list(EXAMPLES_SPC))
def test_worked_examples_are_json_and_consistent(name: str, commodity: str) -> None:
    for seed in range(3):
        example = EXAMPLES_SPC[name](np.random.default_rng(seed), ParticipantContext("p01", commodity))
        assert json.loads(json.dumps(example, ensure_ascii=False)) == example
        assert len(example["steps"]) >= 4 and all(set(s) == {"id", "en"} and all(s.values()) for s in example["steps"])
        if name == "p_chart":
            rows = example["table"]["rows"]
            chart = p_chart([r[2] for r in rows], [r[1] for r in rows])
            assert example["kind"] == "control_chart" and example["center"] == pytest.approx(chart.center, abs=1e-4)
            assert example["ucl"] == pytest.approx(list(chart.ucl), abs=1e-4)
            assert example["out_of_control"] == list(chart.out_of_control)
        else:
            result = process_capability(example["values"], example["lsl"], example["usl"])
            assert example["kind"] == "capability" and len(example["values"]) == 50
            assert (example["cp"], example["cpk"]) == pytest.approx((result.cp, result.cpk), abs=1e-4)
            assert f"{result.cpk:.2f}" in example["steps"][3]["id"]


def test_examples_and_exercise_charts_draw() -> None:
    from ikm_curriculum.widgets.charts import RENDERERS, chart_image

    ctx = ParticipantContext("p01", "kain tenun")
    charts = [example(np.random.default_rng(1), ctx) for example in EXAMPLES_SPC.values()]
    charts += [
        make_instance(SPECS[i], 1, "tenun").public["chart"] for i in ("mutu.out_of_control", "mutu.run_rule_practice")
    ]
    for chart in charts:
        assert chart["kind"] in RENDERERS
        for lang in ("id", "en"):
            assert chart_image(chart, lang).value[:4] == b"\x89PNG"
