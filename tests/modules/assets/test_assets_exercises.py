"""Exercise generators and worked examples of the asset module: valid, scorable, keys hidden, answers right."""

from __future__ import annotations

import datetime
import json

import numpy as np
import pytest
from exercise_checks import COMMODITIES, make_instance, right_answer, wrong_answer

from ikm_curriculum.assessment import ParticipantContext, get_kind
from ikm_curriculum.modules.assets.exercises import EXERCISES
from ikm_curriculum.modules.assets.exercises_use import lawful_form
from ikm_curriculum.modules.assets.use_agreements import lawful_forms
from ikm_curriculum.modules.assets.worked_examples import EXAMPLES
from ikm_curriculum.widgets.fronts import parse_number

SEEDS = range(6)
SPECS = {spec.exercise_id: spec for spec in EXERCISES}


def test_exercise_list() -> None:
    assert [(s.exercise_id, s.kind, s.max_points, s.graded) for s in EXERCISES] == [
        ("aset.kib_classify", "classify", 3, True),
        ("aset.condition_practice", "classify", 0, False),
        ("aset.not_depreciated_practice", "multi_choice", 0, False),
        ("aset.depreciation_year", "numeric", 2, True),
        ("aset.book_value_year", "numeric", 3, True),
        ("aset.depreciation_semester", "table", 3, True),
        ("aset.reconcile_count", "table", 3, True),
        ("aset.write_off", "multi_choice", 2, True),
        ("aset.lawful_form", "single_choice", 2, True),
        ("aset.agreement_problems", "multi_choice", 3, True),
        ("aset.size_industry", "classify", 2, True),
        ("aset.size_business", "classify", 2, True),
        ("aset.cash_closing", "numeric", 2, True),
        ("aset.cash_book_errors", "multi_choice", 3, True),
        ("aset.fees_outstanding", "table", 2, True),
        ("aset.machine_use_practice", "numeric", 0, False),
    ]


@pytest.mark.parametrize("commodity", COMMODITIES)
@pytest.mark.parametrize("exercise_id", list(SPECS))
def test_every_instance_is_valid_scorable_and_keeps_its_key(exercise_id: str, commodity: str) -> None:
    for seed in SEEDS:
        item = make_instance(SPECS[exercise_id], seed, commodity)
        kind = get_kind(item.kind)
        public = json.dumps(item.public, ensure_ascii=False)
        json.dumps(item.key)
        assert item.public["prompt"]["id"] and item.public["prompt"]["en"]
        right = kind.validate(item.public, right_answer(item.kind, item.key))
        assert kind.score(item.public, item.key, right, 2.0).points == 2.0
        wrong = kind.validate(item.public, wrong_answer(item.kind, item.public, item.key))
        assert kind.score(item.public, item.key, wrong, 2.0).points < 2.0
        if item.kind == "numeric":
            assert f'"value": {item.key["value"]}' not in public


def test_same_seed_same_instance_other_seed_other_numbers() -> None:
    for spec in EXERCISES:
        a, b = (make_instance(spec, 11, "tenun") for _ in range(2))
        assert a.public == b.public and a.key == b.key
    values = {make_instance(SPECS["aset.depreciation_year"], seed).key["value"] for seed in range(10)}
    assert len(values) > 5


def test_depreciation_year_is_cost_over_life() -> None:
    item = make_instance(SPECS["aset.depreciation_year"], 3, "meubel")
    rows = {row[0]["en"]: row[1] for row in item.public["data"]["rows"]}
    cost = parse_number(rows["Acquisition cost"]["id"][2:], rupiah=True)
    life = int(rows["Useful life (regional table)"]["en"].split()[0])
    assert abs(item.key["value"] - cost / life) <= 0.5  # straight line (PSAP 07): cost ÷ life, whole rupiah


def test_book_value_counts_the_year_of_acquisition_in_full() -> None:
    item = make_instance(SPECS["aset.book_value_year"], 4, "perak")
    rows = {row[0]["en"]: row[1] for row in item.public["data"]["rows"]}
    cost = parse_number(rows["Acquisition cost"]["id"][2:], rupiah=True)
    life = int(rows["Useful life (regional table)"]["en"].split()[0])
    acquired = int(rows["Acquired on"]["en"].split()[-1])
    as_of = int(item.public["prompt"]["en"].split("31 December ")[1][:4])
    years = as_of - acquired + 1  # the year of acquisition counts in full (stated in the prompt)
    assert item.key["years_counted"] == years
    assert abs(item.key["value"] - (cost - cost / life * years)) <= years


def test_lawful_form_key_is_the_only_lawful_choice_for_its_party() -> None:
    """Each scenario's key is among the forms lawful_forms() allows (PP 27/2014 as amended by PP 28/2020)."""
    party = {"sewa": ("usaha_swasta", True, "C"), "pinjam_pakai": ("instansi_pemerintah", False, "C"),
             "bgs_bsg": ("usaha_swasta", True, "A"), "ksp": ("koperasi", True, "C")}  # fmt: skip
    seen = set()
    for seed in range(40):
        key = lawful_form.instance(np.random.default_rng(seed), ParticipantContext("p", "umum")).key["correct"]
        seen.add(key)
        assert key in lawful_forms(*party[key])
    assert seen == set(party)


def test_reconcile_count_key_matches_the_tables() -> None:
    item = make_instance(SPECS["aset.reconcile_count"], 2, "jambu mete")
    register, count = item.public["data"]
    codes = {row[0] for row in register["rows"]}
    counted = [row[0] for row in count["rows"]]
    values = item.key["values"]
    assert values["found"] == len(codes & set(counted))
    assert values["missing"] == len(codes - set(counted))
    assert values["surplus"] == counted.count("—")
    assert values["found"] + values["missing"] == 8


def test_cash_book_errors_key_lists_each_planted_slip() -> None:
    for seed in range(20):
        item = make_instance(SPECS["aset.cash_book_errors"], seed, "abon ikan")
        planted = {str(row + 1) for row in item.key["slips"].values()}
        assert planted == set(item.key["correct"])


def test_fees_outstanding_member_who_joined_later_owes_from_that_month() -> None:
    item = make_instance(SPECS["aset.fees_outstanding"], 1, "tenun")
    late = item.public["data"]["rows"][1]
    joined = datetime.datetime.strptime(late[1]["en"], "%d %B %Y").date()
    fee = parse_number(late[2]["id"][2:], rupiah=True)
    paid = parse_number(late[3]["id"][2:], rupiah=True)
    months = 6 - joined.month + 1  # January–June, from the month of joining
    assert item.key["values"]["A02"] == max(0, months * fee - paid)


@pytest.mark.parametrize("commodity", COMMODITIES)
def test_every_worked_example_is_plain_data_with_steps_and_a_chart(commodity: str) -> None:
    for name, build in EXAMPLES.items():
        example = build(np.random.default_rng(5), ParticipantContext("p1", commodity))
        json.dumps(example)
        assert example["kind"] == "bars" and example["steps"], name
        assert all(len(s["values"]) == len(example["categories"]) for s in example["series"]), name
