"""House-rules exercises and worked example: keys from the checker and the lint, in every participant's centre."""

from __future__ import annotations

import json

import numpy as np
import pytest
from exercise_checks import COMMODITIES, make_instance, right_answer, wrong_answer

from ikm_curriculum.assessment import ParticipantContext, get_kind
from ikm_curriculum.modules.rules.api import lint, load, template_text
from ikm_curriculum.modules.rules.exercises import EXERCISES, FAULTS, centre_rules
from ikm_curriculum.modules.rules.worked_examples import EXAMPLES

SPECS = {spec.exercise_id: spec for spec in EXERCISES}


@pytest.mark.parametrize("commodity", COMMODITIES)
def test_every_instance_is_valid_and_scorable(commodity: str) -> None:
    for spec in EXERCISES:
        for seed in range(5):
            item = make_instance(spec, seed, commodity)
            json.dumps(item.public)
            json.dumps(item.key)
            kind = get_kind(item.kind)
            right = kind.validate(item.public, right_answer(item.kind, item.key))
            if item.kind == "short_text":
                assert kind.score(item.public, item.key, right, 4.0).points is None  # scored by hand
                continue
            assert kind.score(item.public, item.key, right, 2.0).points == 2.0
            wrong = kind.validate(item.public, wrong_answer(item.kind, item.public, item.key))
            assert kind.score(item.public, item.key, wrong, 2.0).points < 2.0


@pytest.mark.parametrize("commodity", COMMODITIES)
def test_the_centre_rule_set_is_lint_clean(commodity: str) -> None:
    assert lint(centre_rules(ParticipantContext("p", commodity))) == []


def test_find_violations_key_is_one_row_per_planted_violation() -> None:
    for seed in range(20):
        item = make_instance(SPECS["tertib.find_violations"], seed, "perak")
        events = item.public["data"][1]["rows"]
        assert len(item.key["correct"]) == len(item.key["rules_broken"])  # each planted rule broken on one row
        for row in item.key["correct"]:
            line = events[int(row) - 1]
            late = int(line[1].split(" pukul ")[1][:2]) >= 16
            assert (
                late
                or line[2] not in ("A01", "A02")
                or line[5] != "sarung tangan, penutup kepala"
                or (line[3]["id"] == "membuang limbah")
            )


@pytest.mark.parametrize("seed", range(12))
def test_sanction_counts_only_the_same_rule_inside_the_window(seed: int) -> None:
    item = make_instance(SPECS["tertib.sanction"], seed)
    window = int(item.public["prompt"]["en"].split("in the last ")[1].split(" days")[0])
    dates = [np.datetime64(row[1]["en"]) for row in item.public["data"]["rows"]]
    inside = sum((dates[-1] - d).astype(int) < window for d in dates)  # hand count, the last one included
    ladder = ["teguran_lisan", "teguran_tertulis", "skorsing_7_hari", "pemberhentian"]
    assert item.key["correct"] == ladder[min(inside, 4) - 1] and item.key["count"] == inside


def test_repair_rules_key_is_the_planted_faults() -> None:
    planted_ids = {"limit": "PS-01", "machine": "KB-01", "free": "LB-01"}
    for seed in range(15):
        item = make_instance(SPECS["tertib.repair_rules"], seed, "meubel")
        assert item.key["correct"] == sorted(planted_ids[f] for f in item.key["faults"])
    assert set(planted_ids) == set(FAULTS)


def test_own_rules_starts_from_the_lint_clean_template_with_live_lint() -> None:
    item = make_instance(SPECS["tertib.own_rules"], 0)
    assert item.public["lint"] == "rules" and item.public["initial"] == template_text()
    assert lint(template_text()) == [] and load(template_text()).rules


@pytest.mark.parametrize("commodity", COMMODITIES)
def test_worked_example_lists_every_violation(commodity: str) -> None:
    example = EXAMPLES["rule_check"](np.random.default_rng(4), ParticipantContext("p", commodity))
    json.dumps(example)
    assert sum(example["series"][0]["values"]) == len(example["table"]["rows"]) >= 2
