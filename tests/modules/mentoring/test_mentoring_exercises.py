"""Mentoring exercises and worked example: keys from the scorecard and the follow-up list."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pytest
from exercise_checks import COMMODITIES, make_instance, right_answer, wrong_answer

from ikm_curriculum.assessment import ParticipantContext, get_kind
from ikm_curriculum.modules.mentoring.exercises import EXERCISES
from ikm_curriculum.modules.mentoring.worked_examples import EXAMPLES
from ikm_curriculum.widgets.fronts import parse_number

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
                assert kind.score(item.public, item.key, right, 3.0).points is None
                continue
            assert kind.score(item.public, item.key, right, 2.0).points == 2.0
            wrong = kind.validate(item.public, wrong_answer(item.kind, item.public, item.key))
            assert kind.score(item.public, item.key, wrong, 2.0).points < 2.0


def _number(cell: dict) -> float:
    text = cell["id"].split(" ")[0]
    return parse_number(text[2:], rupiah=True) if text.startswith("Rp") else parse_number(text)


@pytest.mark.parametrize("seed", range(10))
def test_index_by_hand_from_the_table(seed: int) -> None:
    item = make_instance(SPECS["pendampingan.index"], seed)
    total = 0.0
    for _name, direction, target, actual, weight in item.public["data"]["rows"]:
        t, a, w = _number(target), _number(actual), float(weight.rstrip(" %")) / 100
        achievement = a / t if direction["en"] == "higher is better" else t / a  # capaian (LAKIP ratio)
        total += w * min(achievement, 1.2) * 100  # capped at 120 %
    assert item.key["value"] == pytest.approx(total, abs=0.05)


def test_status_follows_the_traffic_light_limits() -> None:
    for seed in range(10):
        item = make_instance(SPECS["pendampingan.status"], seed)
        for entry in item.public["items"]:
            value = float(entry["label"]["en"].split("index ")[1])
            expected = "hijau" if value >= 90 else "kuning" if value >= 70 else "merah"  # 90 / 70 (check)
            assert item.key["values"][entry["id"]] == expected


def test_overdue_key_is_past_due_and_still_open() -> None:
    for seed in range(10):
        item = make_instance(SPECS["pendampingan.overdue"], seed)
        late = [row[0] for row in item.public["data"]["rows"]
                if dt.datetime.strptime(row[3]["en"], "%d %B %Y").date() < dt.date(2026, 9, 30)
                and row[4]["en"] in ("not started", "in progress")]  # fmt: skip
        assert item.key["correct"] == sorted(late) and late


@pytest.mark.parametrize("commodity", COMMODITIES)
def test_worked_example_is_plain_data(commodity: str) -> None:
    example = EXAMPLES["scorecard"](np.random.default_rng(2), ParticipantContext("p", commodity))
    json.dumps(example)
    assert len(example["series"][0]["values"]) == 3 and len(example["steps"]) == 4
