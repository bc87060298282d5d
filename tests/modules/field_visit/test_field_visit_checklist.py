"""Field-visit checklist: sections, 5R and CPPB-IRT items reused from the quality module, food / non-food centres."""

from __future__ import annotations

import dataclasses

import pytest

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.field_visit.checklist import (
    CHECKLIST,
    CPPB_FORM_ITEMS,
    FOOD_PROFILE_KEYS,
    SECTIONS,
    ChecklistItem,
    check_checklist,
    checklist_for,
    is_food_centre,
)
from ikm_curriculum.modules.quality.commodities import PROFILES, Text
from ikm_curriculum.modules.quality.cppb_irt import ASPECTS, GRADES
from ikm_curriculum.modules.quality.five_r import FIVE_R

# The 37 items of the CPPB-IRT inspection form: item number → (aspect letter, grade of a nonconformity).
# Source: BPOM SPP-IRT information system, riyanirawan007/bpom_sppirt,
# application/views/irtp/pemeriksaan_sarana/input_pemeriksaan_sarana.php (section headers A–N and the
# checkbox class opt-mi / opt-ma / opt-se / opt-kr of each item), read while writing this test.
FORM = {
    1: ("A", "serious"), 2: ("B", "major"), 3: ("B", "serious"), 4: ("B", "serious"),
    5: ("C", "critical"), 6: ("C", "serious"), 7: ("C", "serious"), 8: ("D", "major"), 9: ("D", "critical"),
    10: ("E", "major"), 11: ("E", "serious"), 12: ("E", "serious"), 13: ("E", "critical"),
    14: ("F", "critical"), 15: ("F", "serious"), 16: ("F", "critical"), 17: ("F", "major"), 18: ("F", "major"),
    19: ("G", "major"), 20: ("G", "serious"), 21: ("G", "critical"), 22: ("G", "serious"),
    23: ("H", "critical"), 24: ("H", "critical"),
    25: ("I", "critical"), 26: ("I", "serious"), 27: ("I", "serious"), 28: ("I", "serious"), 29: ("I", "serious"),
    30: ("J", "critical"), 31: ("J", "critical"), 32: ("K", "critical"), 33: ("K", "serious"),
    34: ("L", "critical"), 35: ("M", "serious"), 36: ("M", "minor"), 37: ("N", "critical"),
}  # fmt: skip


def _section(name: str) -> list[ChecklistItem]:
    return [item for item in CHECKLIST if item.section == name]


def test_sections_in_order_with_bilingual_names() -> None:
    assert [s.key for s in SECTIONS] == ["5r", "cppb", "tata_letak", "aset"]
    assert all(s.name.id.strip() and s.name.en.strip() for s in SECTIONS)
    # CHECKLIST lists the sections in the same order, each as one block.
    order = [item.section for item in CHECKLIST]
    assert sorted(set(order), key=order.index) == [s.key for s in SECTIONS]
    assert order == sorted(order, key=[s.key for s in SECTIONS].index)


def test_keys_are_unique_prefixed_by_section_and_texts_bilingual() -> None:
    keys = [item.key for item in CHECKLIST]
    assert len(keys) == len(set(keys)) == 42  # 10 (5r) + 20 (cppb) + 6 (tata_letak) + 6 (aset)
    for item in CHECKLIST:
        assert item.key.startswith(item.section + "."), item.key
        assert isinstance(item.text, Text) and item.text.id.strip() and item.text.en.strip(), item.key
        assert item.text.id != item.text.en, item.key


def test_five_r_has_two_items_per_r_using_the_quality_module_codes() -> None:
    items = _section("5r")
    assert [r.code for r in FIVE_R] == ["r1", "r2", "r3", "r4", "r5"]
    for r in FIVE_R:
        assert len([i for i in items if i.aspect == r.code]) == 2, r.name
    assert all(i.grade_if_not_met is None for i in items)
    # The example from the issue, in plain Indonesian.
    assert any(i.text.id.startswith("Tidak ada barang yang tidak dipakai") for i in items)


def test_cppb_covers_every_aspect_once_or_twice_with_a_grade() -> None:
    items = _section("cppb")
    for aspect in ASPECTS:
        assert 1 <= len([i for i in items if i.aspect == aspect.code]) <= 2, aspect.name.en
    grade_codes = {g.code for g in GRADES}
    assert all(i.grade_if_not_met in grade_codes for i in items)
    # Every grade but minor occurs (the only minor form item, 36, is not something a visitor sees).
    assert {i.grade_if_not_met for i in items} == {"major", "serious", "critical"}


def test_cppb_items_match_aspect_and_grade_of_their_inspection_form_item() -> None:
    items = _section("cppb")
    assert set(CPPB_FORM_ITEMS) == {i.key for i in items}
    assert len(set(CPPB_FORM_ITEMS.values())) == len(CPPB_FORM_ITEMS)  # no form item used twice
    for item in items:
        assert FORM[CPPB_FORM_ITEMS[item.key]] == (item.aspect, item.grade_if_not_met), item.key


def test_layout_and_asset_items_cover_what_the_issue_names() -> None:
    layout = {i.key for i in _section("tata_letak")}
    assets = {i.key for i in _section("aset")}
    assert {"tata_letak.one_way_flow", "tata_letak.raw_finished_apart", "tata_letak.clear_aisles"} <= layout
    assert assets == {
        "aset.kib_label",
        "aset.no_idle_machine",
        "aset.no_broken_machine",
        "aset.kir_posted",
        "aset.use_agreement",
        "aset.machine_log",
    }
    assert all(i.aspect is None and i.grade_if_not_met is None for i in _section("tata_letak") + _section("aset"))
    assert "KIB" in next(i for i in _section("aset") if i.key == "aset.kib_label").text.id


def test_item_is_frozen_and_normalises_aspect_and_grade() -> None:
    item = ChecklistItem("cppb.x", "cppb", Text("Air", "Water"), "d", "Kritis")
    assert (item.aspect, item.grade_if_not_met) == ("D", "critical")
    assert ChecklistItem("cppb.y", "cppb", Text("a", "b"), "Penyimpanan", "MA").aspect == "H"
    with pytest.raises(dataclasses.FrozenInstanceError):
        item.key = "other"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("", "5r", Text("a", "b"), "r1", None), ["key"]),
        (("k1", "kualitas", Text("a", "b"), None, None), ["'k1'", "section", "kualitas"]),
        (("k2", "aset", "teks", None, None), ["'k2'", "Text"]),
        (("k3", "5r", Text("a", "b"), "r6", None), ["'k3'", "r1–r5", "r6"]),
        (("k4", "5r", Text("a", "b"), None, None), ["'k4'", "r1–r5"]),
        (("k5", "cppb", Text("a", "b"), "A", None), ["'k5'", "grade_if_not_met"]),
        (("k6", "cppb", Text("a", "b"), None, "major"), ["'k6'", "aspect"]),
        (("k7", "cppb", Text("a", "b"), "Z", "major"), ["'k7'", "aspect", "'Z'"]),
        (("k8", "cppb", Text("a", "b"), "A", "fatal"), ["'k8'", "grade", "'fatal'"]),
        (("k9", "aset", Text("a", "b"), None, "major"), ["'k9'", "only cppb", "major"]),
    ],
)
def test_bad_item_names_the_item_and_the_field(args: tuple, words: list[str]) -> None:
    with pytest.raises(CalculationError) as err:
        ChecklistItem(*args)
    for word in words:
        assert word in str(err.value)


@pytest.mark.parametrize(
    ("commodity", "food"),
    [
        ("abon ikan", True),  # profile "abon ikan" in FOOD_PROFILE_KEYS
        ("Abon Ikan Tuna", True),
        ("Kacang mete", True),  # profile "jambu mete"
        ("tenun", False),  # profile "tenun": not food
        ("kain tenun Tolaki", False),
        ("perak filigri", False),
        ("meubel", False),
        ("Sinonggi", True),  # generic profile + food keyword "sinonggi"
        ("teh kelor", True),  # generic + "kelor" (and "teh")
        ("Cokelat Kolaka", True),  # generic + "cokelat"
        ("ikan asin", True),  # generic + "ikan"
        ("anyaman bambu", False),  # generic, no food word
        ("perakitan rangka", False),  # whole words only: not "perak" (so generic), no food word
        ("kuelah", False),  # "kue" only as a whole word
    ],
)
def test_is_food_centre(commodity: str, food: bool) -> None:
    assert is_food_centre(commodity) is food


def test_food_profile_keys_are_real_profiles_and_tables_are_replaceable() -> None:
    assert FOOD_PROFILE_KEYS <= set(PROFILES)
    assert is_food_centre("tenun", food_profiles=frozenset({"tenun"})) is True
    assert is_food_centre("abon ikan", food_profiles=frozenset()) is False
    assert is_food_centre("sinonggi", food_keywords=()) is False
    assert is_food_centre("anyaman", food_keywords=("anyaman",)) is True


@pytest.mark.parametrize("commodity", ["", "   ", None, 5])
def test_is_food_centre_rejects_a_missing_commodity(commodity: object) -> None:
    with pytest.raises(CalculationError, match="commodity"):
        is_food_centre(commodity)  # type: ignore[arg-type]


def test_checklist_for_food_centre_is_the_whole_checklist() -> None:
    assert checklist_for("abon ikan") == CHECKLIST
    assert len([i for i in checklist_for("jambu mete") if i.section == "cppb"]) == 20


@pytest.mark.parametrize("commodity", ["tenun", "perak", "meubel"])
def test_non_food_centre_has_no_cppb_section(commodity: str) -> None:
    items = checklist_for(commodity)
    assert len(items) == 22  # 42 − 20 cppb items
    assert {i.section for i in items} == {"5r", "tata_letak", "aset"}
    assert list(items) == [i for i in CHECKLIST if i.section != "cppb"]  # order kept


def test_food_flag_overrides_the_commodity_rule() -> None:
    assert len(checklist_for("tenun", food=True)) == 42
    assert len(checklist_for("abon ikan", food=False)) == 22


def test_checklist_for_takes_a_custom_checklist() -> None:
    mine = (
        ChecklistItem("5r.a", "5r", Text("a", "b"), "r1", None),
        ChecklistItem("cppb.a", "cppb", Text("c", "d"), "A", "minor"),
    )
    assert checklist_for("abon ikan", checklist=mine) == mine
    assert checklist_for("tenun", checklist=mine) == mine[:1]


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"commodity": "tenun", "food": "ya"}, ["food", "'ya'"]),
        ({"commodity": "tenun", "food": 1}, ["food"]),
        ({"commodity": "", "food": True}, ["commodity"]),
        ({"commodity": ""}, ["commodity"]),
        ({"commodity": "tenun", "checklist": list(CHECKLIST)}, ["tuple"]),
        ({"commodity": "tenun", "checklist": (CHECKLIST[0], "x")}, ["entry 2", "ChecklistItem"]),
        ({"commodity": "tenun", "checklist": (CHECKLIST[0], CHECKLIST[0])}, ["'5r.r1_unused'", "twice"]),
    ],
)
def test_checklist_for_bad_input(kwargs: dict, words: list[str]) -> None:
    with pytest.raises(CalculationError) as err:
        checklist_for(**kwargs)
    for word in words:
        assert word in str(err.value)


def test_check_checklist_returns_items_by_key() -> None:
    by_key = check_checklist(CHECKLIST)
    assert list(by_key) == [i.key for i in CHECKLIST]
    assert by_key["aset.kir_posted"].section == "aset"
