"""Exercise generators of the quality module, and the commodity and 5R data they draw on."""

from __future__ import annotations

import json

import pytest
from exercise_checks import COMMODITIES, make_instance, number_in_text, right_answer

from ikm_curriculum.assessment import (
    ParticipantContext,
    get_kind,
    rng_for,
)
from ikm_curriculum.modules.quality.commodities import (
    GENERIC_KEY,
    PROFILES,
    profile_for,
)
from ikm_curriculum.modules.quality.control_charts import xbar_r_limits
from ikm_curriculum.modules.quality.exercises import EXERCISES
from ikm_curriculum.modules.quality.exercises_spc import EXERCISES_SPC
from ikm_curriculum.modules.quality.exercises_standards import EXERCISES_STANDARDS
from ikm_curriculum.modules.quality.five_r import (
    FIVE_R,
    GRADED_SCENARIOS,
    PRACTICE_SCENARIOS,
    SCENARIOS,
)
from ikm_curriculum.modules.quality.pareto import pareto_table

SEEDS = range(6)
# This file tests the generators of exercises.py itself; exercises_spc.py and
# exercises_standards.py have test files of their own.
BASE = EXERCISES[: len(EXERCISES) - len(EXERCISES_SPC) - len(EXERCISES_STANDARDS)]
SPECS = {spec.exercise_id: spec for spec in BASE}


def test_exercise_list_order_and_metadata() -> None:
    assert EXERCISES == [*BASE, *EXERCISES_SPC, *EXERCISES_STANDARDS]
    assert len(EXERCISES) >= 14  # issue 3, item 9
    assert [(s.exercise_id, s.kind, s.max_points, s.graded) for s in BASE] == [
        ("mutu.xbar_r_limits", "table", 6, True),
        ("mutu.pareto_top_share", "numeric", 2, True),
        ("mutu.pareto_vital_few", "multi_choice", 3, True),
        ("mutu.5r_practice", "single_choice", 0, False),
        ("mutu.5r_scenario", "single_choice", 2, True),
        ("mutu.improvement_action", "short_text", 3, True),
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
        assert json.loads(text) == public  # plain JSON, nothing lost
        for field in ("title", "prompt"):
            assert set(public[field]) == {"id", "en"} and all(public[field].values())
        if "data" in public:
            columns = public["data"]["columns"]
            assert all(set(c["label"]) == {"id", "en"} for c in columns)
            for row in public["data"]["rows"]:
                assert len(row) == len(columns)
                for v in row:  # a number, a text, or a text in both languages
                    bilingual_text = isinstance(v, dict) and set(v) == {"id", "en"}
                    assert bilingual_text or (isinstance(v, (int, float, str)) and not isinstance(v, bool))
        for choice in public.get("options", []) + public.get("cells", []):
            assert set(choice["label"]) == {"id", "en"}
        answer = kind.validate(public, right_answer(spec.kind, key))
        score = kind.score(public, key, answer, item.max_points)
        if kind.manual:
            assert score.points is None and kind.score(public, key, "  ", item.max_points).points == 0.0
        else:
            assert score.points == item.max_points, (seed, score)
        if item.graded:
            assert "practice_key" not in item.release_part()
            for word in ("correct", "rubric", "abs_tol", "values"):
                assert f'"{word}"' not in text
            expected = [key["value"]] if "value" in key else list(key.get("values", {}).values())
            for value in expected:
                if value != 0:  # LCL_R = D3 · R̄ = 0 follows from D3 = 0, printed in the prompt
                    assert not number_in_text(value, text), (seed, value)
        else:
            assert item.release_part()["practice_key"] == key


@pytest.mark.parametrize("exercise_id", list(SPECS))
def test_same_seed_same_instance_different_seeds_differ(exercise_id: str) -> None:
    spec = SPECS[exercise_id]
    first, again = make_instance(spec, 11), make_instance(spec, 11)
    assert first.to_dict() == again.to_dict()
    variants = {json.dumps(make_instance(spec, seed).to_dict(), sort_keys=True) for seed in range(8)}
    if spec.exercise_id.startswith("mutu.5r"):
        assert len(variants) >= 2  # a bank of ~12 scenarios: seeds may share one, not all
    else:
        assert len(variants) == 8


@pytest.mark.parametrize("commodity", list(PROFILES))
def test_keys_follow_from_the_data_shown(commodity: str) -> None:
    profile = PROFILES[commodity]
    orders_seen = set()
    for seed in SEEDS:
        xbar = make_instance(SPECS["mutu.xbar_r_limits"], seed, commodity)
        rows = xbar.public["data"]["rows"]
        assert len(rows) == 20 and all(len(r) == 6 for r in rows)
        assert all(round(v, 1) == v for r in rows for v in r[1:])  # read to 0.1
        limits = xbar_r_limits([r[1:] for r in rows])
        assert xbar.key["values"]["ucl_x"] == pytest.approx(limits.ucl_x)
        assert xbar.key["values"]["lcl_r"] == 0.0
        assert xbar.public["unit"] == profile.characteristic.unit

        top = make_instance(SPECS["mutu.pareto_top_share"], seed, commodity)
        counts = {name["id"]: count for name, count in top.public["data"]["rows"]}
        assert 150 <= sum(counts.values()) <= 400
        orders_seen.add(list(counts.values()) == sorted(counts.values(), reverse=True))
        assert top.key["value"] == pytest.approx(pareto_table(counts).rows[1].cumulative_percent)

        few = make_instance(SPECS["mutu.pareto_vital_few"], seed, commodity)
        counts = {name["id"]: count for name, count in few.public["data"]["rows"]}
        label_of = {o["id"]: o["label"]["id"] for o in few.public["options"]}
        assert len(label_of) == len(profile.defects) and 5 <= len(label_of) <= 7
        chosen = {label_of[option] for option in few.key["correct"]}
        assert chosen == set(pareto_table(counts).vital_few(80.0))

        action = make_instance(SPECS["mutu.improvement_action"], seed, commodity)
        rows = sorted(action.public["data"]["rows"], key=lambda r: -r[1])
        assert rows[0][1] > rows[1][1]  # one largest defect type
        top_defect = next(d for d in profile.defects if d.key == action.key["top_category"])
        assert rows[0][0] == {"id": top_defect.name.id, "en": top_defect.name.en}
        assert top_defect.name.id in action.key["rubric"]["id"]
        assert action.public["max_chars"] == 1000
    assert False in orders_seen  # tallies are shown unsorted: sorting is the participant's work


def test_practice_and_graded_5r_scenarios_differ_for_every_participant() -> None:
    for number in range(40):
        pid = f"p{number:02d}"
        ctx = ParticipantContext(pid, COMMODITIES[number % len(COMMODITIES)])
        practice = SPECS["mutu.5r_practice"].instance(rng_for("secret", pid, "mutu.5r_practice"), ctx)
        graded = SPECS["mutu.5r_scenario"].instance(rng_for("secret", pid, "mutu.5r_scenario"), ctx)
        assert practice.key["scenario"] != graded.key["scenario"]
        assert practice.public["prompt"] != graded.public["prompt"]
        assert [o["id"] for o in graded.public["options"]] == ["r1", "r2", "r3", "r4", "r5"]


def test_five_r_data() -> None:
    # The 5R and their 5S equivalents (DOMAIN.md "Quality"; Osada 1991).
    assert [(r.code, r.name, r.japanese) for r in FIVE_R] == [
        ("r1", "Ringkas", "Seiri"),
        ("r2", "Rapi", "Seiton"),
        ("r3", "Resik", "Seiso"),
        ("r4", "Rawat", "Seiketsu"),
        ("r5", "Rajin", "Shitsuke"),
    ]
    assert len(SCENARIOS) >= 10 and len({s.key for s in SCENARIOS}) == len(SCENARIOS)
    assert not {s.key for s in PRACTICE_SCENARIOS} & {s.key for s in GRADED_SCENARIOS}
    for bank in (PRACTICE_SCENARIOS, GRADED_SCENARIOS):
        assert {s.answer for s in bank} == {r.code for r in FIVE_R}  # every R can be asked
    for scenario in SCENARIOS:
        assert scenario.commodity in PROFILES and scenario.text.id and scenario.text.en
    assert {s.commodity for s in SCENARIOS} == set(PROFILES) - {GENERIC_KEY}


@pytest.mark.parametrize(
    ("commodity", "expected"),
    [
        ("Abon Ikan Tuna", "abon ikan"),
        ("abon cakalang", "abon ikan"),
        ("kain tenun", "tenun"),
        ("Tenun Buton", "tenun"),
        ("Jambu Mete", "jambu mete"),
        ("kacang mente", "jambu mete"),
        ("Kerajinan Perak Kendari Werk", "perak"),
        ("MEBEL jati", "meubel"),
        ("meubel", "meubel"),
        ("perakitan sepeda", GENERIC_KEY),  # whole words only: 'perakitan' is not 'perak'
        ("sinonggi", GENERIC_KEY),
        ("", GENERIC_KEY),
    ],
)
def test_profile_for_matches_keywords(commodity: str, expected: str) -> None:
    assert profile_for(commodity).key == expected


def test_profiles_have_a_characteristic_and_5_to_7_defects() -> None:
    for key in ("abon ikan", "tenun", "jambu mete", "perak", "meubel", GENERIC_KEY):
        profile = PROFILES[key]
        assert profile.characteristic.sigma > 0 and profile.characteristic.target > 0
        assert 5 <= len(profile.defects) <= 7
        assert len({d.key for d in profile.defects}) == len(profile.defects)
        assert all(d.weight > 0 and d.name.id and d.name.en for d in profile.defects)
