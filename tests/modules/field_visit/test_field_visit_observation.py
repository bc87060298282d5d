"""Field-visit observation: section and overall scores, n/a handling, findings with grades, comparison."""

from __future__ import annotations

import dataclasses
import json

import pytest

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.field_visit.checklist import CHECKLIST, ChecklistItem
from ikm_curriculum.modules.field_visit.observation import (
    ANSWERS,
    ObservationResult,
    compare_observations,
    observation_result,
)
from ikm_curriculum.modules.quality.commodities import Text
from ikm_curriculum.modules.quality.cppb_irt import inspection_level

ALL_KEYS = [item.key for item in CHECKLIST]

# A full observation of a fish-floss centre (all 42 items, 2 cppb items left empty). Hand count:
#   5r          6 ya, 2 tidak, 2 tb               → 100 · 6 / 8  = 75.0
#   cppb       12 ya, 4 tidak, 2 tb, 2 unanswered → 100 · 12 / 16 = 75.0
#   tata_letak  3 ya, 3 tidak                     → 100 · 3 / 6  = 50.0
#   aset        1 ya, 3 tidak, 2 tb               → 100 · 1 / 4  = 25.0
#   overall = mean of sections = (75 + 75 + 50 + 25) / 4 = 56.25
#   (items-weighted would be 22 / 34 = 64.7 %: the test shows which rule is used)
FLOSS = {
    "5r.r1_unused": "ya", "5r.r1_bench": "tidak", "5r.r2_marked": "ya", "5r.r2_labelled": "ya",
    "5r.r3_floor": "ya", "5r.r3_machines": "tb", "5r.r4_roster": "tidak", "5r.r4_standard": "ya",
    "5r.r5_habit": "ya", "5r.r5_audit": "tb",
    "cppb.a_surroundings": "ya", "cppb.b_food_only": {"answer": "tidak", "note": " kamar tidur di dapur "},
    "cppb.b_floor_walls": "ya", "cppb.c_contact_surfaces": "ya", "cppb.c_scale": "tidak",
    "cppb.d_clean_water": "ya", "cppb.e_handwash": "ya", "cppb.e_bins": "tidak", "cppb.f_work_clothes": "ya",
    "cppb.f_no_eating": "tidak", "cppb.g_chemicals": "ya", "cppb.g_no_pets": "ya", "cppb.h_storage_apart": "ya",
    "cppb.h_clean_tools": "ya", "cppb.i_food_packaging": "tb", "cppb.j_label": "ya", "cppb.k_pkp": "ya",
    "cppb.l_recall": "tb", "cppb.m_records": None, "cppb.n_training": "",
    "tata_letak.one_way_flow": "tidak", "tata_letak.raw_finished_apart": "ya", "tata_letak.clear_aisles": "tidak",
    "tata_letak.steps_close": "ya", "tata_letak.light_air": "ya", "tata_letak.exits_clear": "tidak",
    "aset.kib_label": {"answer": "tidak", "note": "label spinner hilang"}, "aset.no_idle_machine": "ya",
    "aset.no_broken_machine": "tidak", "aset.kir_posted": "tidak", "aset.use_agreement": "tb",
    "aset.machine_log": "tb",
}  # fmt: skip


def test_full_food_observation_scores_per_section_and_overall() -> None:
    r = observation_result(FLOSS, "Abon ikan tuna")
    assert (r.profile, r.food) == ("abon ikan", True)
    assert [(s.section, s.met, s.not_met, s.not_applicable, s.unanswered, s.score) for s in r.sections] == [
        ("5r", 6, 2, 2, 0, 75.0),
        ("cppb", 12, 4, 2, 2, 75.0),
        ("tata_letak", 3, 3, 0, 0, 50.0),
        ("aset", 1, 3, 2, 0, 25.0),
    ]
    assert [s.items for s in r.sections] == [10, 20, 6, 6]
    assert r.overall == 56.25
    assert r.unanswered == ("cppb.m_records", "cppb.n_training")


def test_findings_are_every_tidak_item_in_checklist_order_with_grade_and_note() -> None:
    r = observation_result(FLOSS, "abon ikan")
    # Hand count: 2 (5r) + 4 (cppb) + 3 (tata_letak) + 3 (aset) = 12 findings.
    assert [f.key for f in r.findings] == [
        "5r.r1_bench", "5r.r4_roster",
        "cppb.b_food_only", "cppb.c_scale", "cppb.e_bins", "cppb.f_no_eating",
        "tata_letak.one_way_flow", "tata_letak.clear_aisles", "tata_letak.exits_clear",
        "aset.kib_label", "aset.no_broken_machine", "aset.kir_posted",
    ]  # fmt: skip
    by_key = {f.key: f for f in r.findings}
    # Grades of the inspection-form items 2, 7, 13, 17 (see test_field_visit_checklist.FORM).
    assert [(by_key[k].aspect, by_key[k].grade) for k in ("cppb.b_food_only", "cppb.c_scale", "cppb.e_bins")] == [
        ("B", "major"),
        ("C", "serious"),
        ("E", "critical"),
    ]
    assert by_key["cppb.f_no_eating"].grade == "major"
    assert by_key["cppb.b_food_only"].note == "kamar tidur di dapur"  # note stripped
    assert by_key["aset.kib_label"].note == "label spinner hilang"
    assert (by_key["5r.r1_bench"].aspect, by_key["5r.r1_bench"].grade) == ("r1", None)
    assert by_key["aset.kir_posted"].grade is None and by_key["aset.kir_posted"].section == "aset"
    assert by_key["aset.kir_posted"].text.id.startswith("Kartu Inventaris Ruangan")


def test_cppb_counts_by_grade_fit_inspection_level() -> None:
    r = observation_result(FLOSS, "abon ikan")
    # Hand count of the 4 cppb findings: b_food_only major, c_scale serious, e_bins critical, f_no_eating major.
    assert dict(r.cppb_counts or {}) == {"minor": 0, "major": 2, "serious": 1, "critical": 1}
    # cppb_irt DEFAULT_RULE: any critical → Level IV.
    assert inspection_level(r.cppb_counts or {}).level_name == "Level IV"


def test_non_food_centre_has_no_cppb_section_and_no_cppb_counts() -> None:
    answers = {k: v for k, v in FLOSS.items() if not k.startswith("cppb.")}
    r = observation_result(answers, "Tenun ikat")
    assert r.food is False and r.profile == "tenun"
    assert [s.section for s in r.sections] == ["5r", "tata_letak", "aset"]
    assert r.cppb_counts is None and r.to_dict()["cppb_counts"] is None
    # Hand: (75 + 50 + 25) / 3 = 50.0 (same answers as FLOSS, without cppb).
    assert r.overall == 50.0
    assert all(not k.startswith("cppb.") for k in r.unanswered + tuple(f.key for f in r.findings))
    with pytest.raises(CalculationError, match="section 'cppb' is not in this observation"):
        r.score_of("cppb")


def test_cppb_answer_for_a_non_food_centre_is_refused_with_a_hint() -> None:
    with pytest.raises(CalculationError) as err:
        observation_result({"cppb.e_bins": "ya"}, "meubel")
    assert "'cppb.e_bins'" in str(err.value) and "food" in str(err.value) and "'meubel'" in str(err.value)


def test_food_override_adds_cppb_for_a_centre_the_rule_calls_non_food() -> None:
    r = observation_result({"cppb.e_bins": "tidak"}, "anyaman", food=True)
    assert r.food is True and r.score_of("cppb") == 0.0  # 0 met of 1 applicable
    assert dict(r.cppb_counts or {})["critical"] == 1


def test_not_applicable_is_left_out_of_the_score() -> None:
    base = {"aset.kib_label": "ya", "aset.kir_posted": "tidak"}
    # 1 met / 2 applicable = 50; adding tb items changes nothing.
    assert observation_result(base, "perak").score_of("aset") == 50.0
    more = base | {"aset.use_agreement": "tb", "aset.machine_log": "tb", "aset.no_idle_machine": "tb"}
    r = observation_result(more, "perak")
    assert r.score_of("aset") == 50.0
    assert r.sections[-1].not_applicable == 3 and r.sections[-1].unanswered == 1  # no_broken_machine


def test_section_with_nothing_applicable_is_none_and_left_out_of_overall() -> None:
    answers = {item.key: "tb" for item in CHECKLIST if item.section == "tata_letak"} | {"5r.r1_unused": "ya"}
    r = observation_result(answers, "perak")
    # tata_letak all tb → None; aset nothing answered → None; overall = 5r only = 100.
    assert r.score_of("tata_letak") is None and r.score_of("aset") is None
    assert r.overall == 100.0


def test_all_not_applicable_or_empty_gives_no_scores() -> None:
    r = observation_result({key: "tb" for key in ALL_KEYS}, "abon ikan")
    assert all(s.score is None for s in r.sections) and r.overall is None
    assert r.findings == () and r.unanswered == ()
    empty = observation_result({}, "abon ikan")
    assert empty.overall is None and empty.unanswered == tuple(ALL_KEYS)
    assert dict(empty.cppb_counts or {}) == {"minor": 0, "major": 0, "serious": 0, "critical": 0}


def test_score_bounds_single_item() -> None:
    assert observation_result({"5r.r1_unused": "ya"}, "perak").score_of("5r") == 100.0
    assert observation_result({"5r.r1_unused": "tidak"}, "perak").score_of("5r") == 0.0


@pytest.mark.parametrize(
    ("value", "answer", "note"),
    [
        (" YA ", "ya", ""),
        ("Tidak", "tidak", ""),
        ("TB", "tb", ""),
        ("tidak  berlaku", "tb", ""),
        ({"answer": "ya", "note": " rapi "}, "ya", "rapi"),
        ({"answer": "tidak"}, "tidak", ""),
        ({"answer": "ya", "note": None}, "ya", ""),
    ],
)
def test_answer_forms_are_normalised(value: object, answer: str, note: str) -> None:
    r = observation_result({"5r.r1_unused": value}, "perak")
    assert dict(r.answers) == {"5r.r1_unused": answer}
    assert dict(r.notes) == ({"5r.r1_unused": note} if note else {})


@pytest.mark.parametrize("value", [None, "", "  ", {"answer": None}, {"note": "belum dilihat"}])
def test_empty_answer_is_unanswered(value: object) -> None:
    r = observation_result({"5r.r1_unused": value}, "perak")
    assert "5r.r1_unused" in r.unanswered and "5r.r1_unused" not in r.answers
    assert r.score_of("5r") is None


def test_note_of_an_unanswered_item_is_kept() -> None:
    r = observation_result({"5r.r1_unused": {"note": "gudang terkunci"}}, "perak")
    assert dict(r.notes) == {"5r.r1_unused": "gudang terkunci"}


def test_answer_labels_are_bilingual() -> None:
    assert list(ANSWERS) == ["ya", "tidak", "tb"]
    assert ANSWERS["tb"].id == "Tidak berlaku"


@pytest.mark.parametrize(
    ("answers", "words"),
    [
        ([("5r.r1_unused", "ya")], ["answers must be a mapping"]),
        ({"5r.r1_unsued": "ya"}, ["unknown checklist item", "'5r.r1_unsued'", "did you mean '5r.r1_unused'"]),
        ({"xyz": "ya"}, ["unknown checklist item", "'xyz'"]),
        ({5: "ya"}, ["unknown checklist item", "5"]),
        ({"5r.r1_unused": "yes"}, ["'5r.r1_unused'", "'yes'", "'ya'", "'tb'"]),
        ({"5r.r1_unused": "n/a"}, ["'5r.r1_unused'", "'n/a'"]),
        ({"5r.r1_unused": 1}, ["'5r.r1_unused'", "got 1"]),
        ({"5r.r1_unused": True}, ["'5r.r1_unused'", "got True"]),
        ({"aset.kib_label": {"answer": "ya", "note": 3}}, ["'aset.kib_label'", "note", "3"]),
        ({"aset.kib_label": {"jawaban": "ya"}}, ["'aset.kib_label'", "'jawaban'"]),
        ({"aset.kib_label": {"answer": "mungkin"}}, ["'aset.kib_label'", "'mungkin'"]),
    ],
)
def test_bad_answers_name_the_item(answers: object, words: list[str]) -> None:
    with pytest.raises(CalculationError) as err:
        observation_result(answers, "perak")  # type: ignore[arg-type]
    for word in words:
        assert word in str(err.value)


@pytest.mark.parametrize(
    ("kwargs", "word"),
    [
        ({"commodity": ""}, "commodity"),
        ({"commodity": None}, "commodity"),
        ({"commodity": "", "food": False}, "commodity"),
        ({"commodity": "perak", "food": "tidak"}, "food"),
        ({"commodity": "perak", "checklist": (CHECKLIST[0], CHECKLIST[0])}, "twice"),
        ({"commodity": "perak", "checklist": (CHECKLIST[10],)}, "no items"),  # only a cppb item, non-food
    ],
)
def test_bad_commodity_food_or_checklist(kwargs: dict, word: str) -> None:
    with pytest.raises(CalculationError, match=word):
        observation_result({}, **kwargs)


def test_custom_checklist_is_scored() -> None:
    mine = (
        ChecklistItem("aset.a", "aset", Text("a", "b"), None, None),
        ChecklistItem("aset.b", "aset", Text("c", "d"), None, None),
        ChecklistItem("aset.c", "aset", Text("e", "f"), None, None),
    )
    r = observation_result({"aset.a": "ya", "aset.b": "ya", "aset.c": "tidak"}, "perak", checklist=mine)
    # Hand: 2 / 3 · 100 = 66.666…; only one section, so overall = the same.
    assert [s.section for s in r.sections] == ["aset"]
    assert r.overall == pytest.approx(200 / 3)


def test_result_is_frozen_and_to_dict_is_json_ready() -> None:
    r = observation_result(FLOSS, "abon ikan")
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.overall = 0.0  # type: ignore[misc]
    d = json.loads(json.dumps(r.to_dict()))
    assert d["overall"] == 56.25 and d["food"] is True and d["profile"] == "abon ikan"
    assert d["overall_rule"].startswith("mean of the section scores")
    assert d["sections"][1]["name"] == {"id": "CPPB-IRT (cara produksi pangan yang baik)", "en": r.sections[1].name.en}
    assert d["findings"][2] == {
        "key": "cppb.b_food_only",
        "section": "cppb",
        "text": r.findings[2].text.to_dict(),
        "aspect": "B",
        "grade": "major",
        "note": "kamar tidur di dapur",
    }
    assert d["cppb_counts"] == {"minor": 0, "major": 2, "serious": 1, "critical": 1}
    assert d["cppb_grade_certainty"] == "check"
    assert d["unanswered"] == ["cppb.m_records", "cppb.n_training"]
    assert d["answers"]["aset.use_agreement"] == "tb" and "cppb.m_records" not in d["answers"]
    assert d["notes"] == {"cppb.b_food_only": "kamar tidur di dapur", "aset.kib_label": "label spinner hilang"}


# --- comparison -------------------------------------------------------------------------------

# Two groups at the same furniture centre (non-food: 5r, tata_letak, aset). Hand:
#   group A: 5r 2 ya, 2 tidak → 50;   tata_letak 1 ya → 100;   aset 1 ya, 1 tb → 100;   overall 250/3
#   group B: 5r 3 ya, 1 tidak → 75;   tata_letak none  → None; aset 1 tidak, 1 tb → 0; overall 75/2 = 37.5
#   Δ (B − A): 5r +25, tata_letak None, aset −100, overall 37.5 − 83.33 = −45.83
#   answered by both: 4 (5r) + 2 (aset: kib_label, use_agreement) = 6; answered differently: 5r.r2_marked
#   (tidak / ya) and aset.kib_label (ya / tidak) → agreement 4 / 6 = 66.67 %; only A answered clear_aisles.
GROUP_A = {
    "5r.r1_unused": "ya", "5r.r1_bench": "ya", "5r.r2_marked": "tidak", "5r.r3_floor": "tidak",
    "tata_letak.clear_aisles": "ya",
    "aset.kib_label": {"answer": "ya", "note": "label ada di mesin serut"}, "aset.use_agreement": "tb",
}  # fmt: skip
GROUP_B = {
    "5r.r1_unused": "ya", "5r.r1_bench": "ya", "5r.r2_marked": "ya", "5r.r3_floor": "tidak",
    "aset.kib_label": {"answer": "tidak", "note": "label gergaji tidak ada"}, "aset.use_agreement": "tb",
    "aset.machine_log": None,
}  # fmt: skip


def test_compare_two_groups_at_one_centre() -> None:
    a = observation_result(GROUP_A, "meubel")
    b = observation_result(GROUP_B, "meubel")
    assert (a.score_of("5r"), b.score_of("5r")) == (50.0, 75.0)
    c = compare_observations(a, b)
    assert dict(c.per_section) == {"5r": 25.0, "tata_letak": None, "aset": -100.0}
    assert c.overall == pytest.approx(37.5 - 250 / 3)  # −45.83
    assert [(d.key, d.answer_a, d.answer_b) for d in c.disagreements] == [
        ("5r.r2_marked", "tidak", "ya"),
        ("aset.kib_label", "ya", "tidak"),
    ]
    assert (c.disagreements[1].note_a, c.disagreements[1].note_b) == (
        "label ada di mesin serut",
        "label gergaji tidak ada",
    )
    assert c.only_one_answered == ("tata_letak.clear_aisles",)  # machine_log None in B = unanswered
    assert c.agreement == pytest.approx(100 * 4 / 6)  # 6 answered by both, 2 differ


def test_tb_against_an_answer_is_a_disagreement() -> None:
    a = observation_result({"aset.use_agreement": "tb"}, "meubel")
    b = observation_result({"aset.use_agreement": "tidak"}, "meubel")
    c = compare_observations(a, b)
    assert [(d.answer_a, d.answer_b) for d in c.disagreements] == [("tb", "tidak")]
    assert c.agreement == 0.0  # 0 of 1
    assert c.per_section["aset"] is None  # a has no applicable item


def test_compare_identical_and_disjoint_observations() -> None:
    a = observation_result(FLOSS, "abon ikan")
    same = compare_observations(a, a)
    assert set(same.per_section.values()) == {0.0} and same.overall == 0.0
    assert same.disagreements == () and same.only_one_answered == () and same.agreement == 100.0
    x = observation_result({"5r.r1_unused": "ya"}, "abon ikan")
    y = observation_result({"aset.kib_label": "ya"}, "abon ikan")
    disjoint = compare_observations(x, y)
    assert disjoint.agreement is None and disjoint.only_one_answered == ("5r.r1_unused", "aset.kib_label")
    assert disjoint.overall == 0.0  # 100 − 100


def test_compare_to_dict_is_json_ready() -> None:
    c = compare_observations(observation_result(GROUP_A, "meubel"), observation_result(GROUP_B, "meubel"))
    d = json.loads(json.dumps(c.to_dict()))
    assert d["per_section"] == {"5r": 25.0, "tata_letak": None, "aset": -100.0}
    assert d["disagreements"][0]["key"] == "5r.r2_marked" and d["disagreements"][0]["text"]["id"]
    assert d["a"]["overall"] == pytest.approx(250 / 3) and d["b"]["overall"] == 37.5


def test_compare_refuses_different_checklists_and_non_results() -> None:
    food = observation_result({}, "abon ikan")
    craft = observation_result({}, "tenun")
    with pytest.raises(CalculationError) as err:
        compare_observations(food, craft)
    assert "different checklists" in str(err.value) and "'abon ikan'" in str(err.value)
    assert "non-food" in str(err.value)
    with pytest.raises(CalculationError, match="two results of observation_result"):
        compare_observations(food, FLOSS)  # type: ignore[arg-type]
    assert isinstance(food, ObservationResult)
