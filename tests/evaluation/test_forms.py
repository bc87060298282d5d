"""The plans of every workbook: module workbooks, each day's pre/post-test, the survey."""

from __future__ import annotations

import numpy as np
import pytest

from ikm_curriculum.assessment import ParticipantContext, rng_for
from ikm_curriculum.curriculum import default_curriculum
from ikm_curriculum.evaluation.forms import (
    SURVEY_WORKBOOK,
    default_plans,
    first_day,
    form_workbook,
    item_id_of,
    plan_of_workbook,
    training_modules,
    workbook_of_module,
)
from ikm_curriculum.evaluation.item_bank import load_item_bank

CONTEXT = ParticipantContext("p1", "abon ikan")


def test_plans_cover_modules_tests_and_survey_in_order() -> None:
    plans = default_plans()
    names = [p.workbook for p in plans]
    modules = [str(m.workbook) for m in default_curriculum().modules if m.workbook]
    assert names[: len(modules)] == modules
    assert names[len(modules) :] == [
        "pretest_hari1", "posttest_hari1", "pretest_hari2", "posttest_hari2", "pretest_hari3", "posttest_hari3",
        SURVEY_WORKBOOK,
    ]  # fmt: skip
    assert training_modules() == tuple(m.id for m in default_curriculum().modules if m.workbook)
    assert workbook_of_module()["quality"] == "01_manajemen_mutu"
    assert workbook_of_module()["pretest_hari2"] == "pretest_hari2"


def test_each_day_tests_the_modules_that_start_that_day_with_the_same_items_pre_and_post() -> None:
    bank = load_item_bank()
    curriculum = default_curriculum()
    for day in (1, 2, 3):
        pre, post = plan_of_workbook(form_workbook("pre", day)), plan_of_workbook(form_workbook("post", day))
        modules = {m.id for m in curriculum.modules if first_day(m) == day}
        expected = sorted(i.item_id for i in bank.items if i.module in modules)
        assert sorted(item_id_of(s.exercise_id) for s in pre.specs) == expected
        assert [item_id_of(s.exercise_id) for s in post.specs] == [item_id_of(s.exercise_id) for s in pre.specs]
        assert all(s.graded and s.kind == "single_choice" and s.max_points == 1 for s in pre.specs)
        assert pre.shuffle and not pre.is_training and pre.day == day
    assert {i.module for i in bank.for_modules(["quality"])} == {"quality"}


def test_options_are_shuffled_per_participant_but_the_key_follows() -> None:
    spec = plan_of_workbook("pretest_hari1").specs[0]
    item = load_item_bank().item(item_id_of(spec.exercise_id))
    orders = set()
    for code in ("a", "b", "c", "d", "e", "f"):
        instance = spec.instance(rng_for("secret", code, spec.exercise_id), CONTEXT)
        ids = [o["id"] for o in instance.public["options"]]
        assert sorted(ids) == ["a", "b", "c", "d"]
        assert instance.key["correct"] == item.correct  # the key is the option's id, wherever it is shown
        orders.add(tuple(ids))
    assert len(orders) > 1


def test_survey_is_ungraded_and_unknown_workbook_is_named() -> None:
    survey = plan_of_workbook(SURVEY_WORKBOOK)
    assert survey.kind == "survey" and survey.day is None
    assert all(not s.graded and s.kind == "likert" for s in survey.specs)
    with pytest.raises(KeyError, match="unknown workbook 'pretest_hari9'"):
        plan_of_workbook("pretest_hari9")
    assert form_workbook("post", 3) == "posttest_hari3"
    with pytest.raises(ValueError, match="test phase 'mid'"):
        form_workbook("mid", 1)


def test_exercise_order_is_shuffled_per_participant_at_release() -> None:
    from ikm_curriculum.workbooks.release import topics_and_examples

    plan = plan_of_workbook("posttest_hari2")
    orders = {tuple(topics_and_examples(plan, "secret", code, CONTEXT)[0][0]["exercises"]) for code in "abcdef"}
    assert len(orders) > 1
    assert all(sorted(order) == sorted(s.exercise_id for s in plan.specs) for order in orders)
    assert np.unique([len(order) for order in orders]).size == 1
