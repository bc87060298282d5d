"""Field-visit exercises: the four observation sheets, the section score, and the visit result for the report."""

from __future__ import annotations

import json

import pytest
from exercise_checks import COMMODITIES, make_instance

from ikm_curriculum.assessment import get_kind
from ikm_curriculum.modules.field_visit.checklist import CHECKLIST
from ikm_curriculum.modules.field_visit.exercises import EXERCISES, SHEETS, visit_result

SPECS = {spec.exercise_id: spec for spec in EXERCISES}


@pytest.mark.parametrize("commodity", COMMODITIES)
def test_the_four_sheets_cover_the_whole_checklist_for_every_participant(commodity: str) -> None:
    seen = []
    for spec in SHEETS:
        item = make_instance(spec, 1, commodity)
        json.dumps(item.public)
        assert item.kind == "observation" and not item.graded and item.key == {}
        assert [c["id"] for c in item.public["categories"]] == ["ya", "tidak", "tb"]
        seen += [i["id"] for i in item.public["items"]]
    assert seen == [item.key for item in CHECKLIST]  # the visited centre makes food: CPPB-IRT included


def test_an_observation_earns_no_points_and_keeps_what_was_seen() -> None:
    item = make_instance(SPECS["kunjungan.observe_layout"], 0)
    kind = get_kind("observation")
    answers = {i["id"]: "ya" for i in item.public["items"]}
    result = kind.score(item.public, item.key, kind.validate(item.public, answers), 0.0)
    assert result.points == 0.0 and result.detail["observed"] == {"ya": len(answers)}


@pytest.mark.parametrize("seed", range(8))
def test_section_score_is_yes_over_yes_and_no(seed: int) -> None:
    item = make_instance(SPECS["kunjungan.section_score"], seed)
    answers = [row[1]["id"] for row in item.public["data"]["rows"]]
    met, not_met = answers.count("Ya (terpenuhi)"), answers.count("Tidak (tidak terpenuhi)")
    assert answers.count("Tidak berlaku") >= 1
    assert item.key["value"] == pytest.approx(100 * met / (met + not_met))  # computed by hand from the table
    assert get_kind("numeric").score(item.public, item.key, round(item.key["value"], 1), 2.0).points == 2.0


def test_visit_result_merges_the_four_sheets() -> None:
    answers = {
        "kunjungan.observe_5r": {"5r.r1_unused": "ya", "5r.r2_marked": "tidak"},
        "kunjungan.observe_assets": {CHECKLIST[-1].key: "tidak"},
        "kunjungan.observe_cppb": None,
    }
    result = visit_result(answers).to_dict()
    assert {f["key"] for f in result["findings"]} == {"5r.r2_marked", CHECKLIST[-1].key}
    scores = {s["section"]: s["score"] for s in result["sections"]}
    assert scores["5r"] == 50.0 and scores["aset"] == 0.0  # 1 of 2 met; 0 of 1 met
