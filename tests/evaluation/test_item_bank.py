"""The pre/post-test item bank: every module's test_items.yaml, its checks, day forms and option shuffling."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
from collections import Counter
from pathlib import Path
from typing import Any, Callable

import numpy as np
import pytest
import yaml

from ikm_curriculum.assessment.kinds import get_kind
from ikm_curriculum.curriculum import Curriculum, default_curriculum
from ikm_curriculum.errors import ContentError
from ikm_curriculum.evaluation import item_bank as ib
from ikm_curriculum.modules.assets.books import rupiah
from ikm_curriculum.modules.assets.depreciation import book_value, is_depreciable
from ikm_curriculum.modules.assets.useful_lives import DEFAULT_USEFUL_LIVES
from ikm_curriculum.modules.facility.capacity import machines_required, takt_time
from ikm_curriculum.modules.field_visit.checklist import CHECKLIST
from ikm_curriculum.modules.field_visit.observation import observation_result
from ikm_curriculum.modules.mentoring.scorecard import ACHIEVEMENT_CAP
from ikm_curriculum.modules.quality.cppb_irt import inspection_level
from ikm_curriculum.modules.quality.five_r import FIVE_R
from ikm_curriculum.modules.rules.sanctions import escalation_counts, step_due, step_label

# The counts agreed for issue 8 (brief of the item bank): 42 items in all.
COUNTS = {
    "quality": 8,
    "facility": 6,
    "assets": 8,
    "rules": 6,
    "mentoring": 6,
    "field_visit": 4,
    "technical_simulation": 4,
}
LADDER = ("teguran_lisan", "teguran_tertulis", "skorsing_7_hari", "pemberhentian")  # the ladder in the stems


@pytest.fixture(scope="module")
def bank() -> ib.ItemBank:
    return ib.load_item_bank()


def _text_of(item: ib.TestItem, lang: str = "id") -> str:
    return item.option(item.correct)["text"][lang]


# --------------------------------------------------------------------------- the shipped bank


def test_every_module_file_loads_with_the_agreed_counts(bank: ib.ItemBank) -> None:
    assert dict(Counter(item.module for item in bank.items)) == COUNTS
    assert bank.modules == tuple(m.id for m in default_curriculum().modules)  # module order of the curriculum
    for module in bank.modules:
        ids = [item.item_id for item in bank.for_modules([module])]
        assert ids == [f"{module}.{k:02d}" for k in range(1, COUNTS[module] + 1)]


def test_every_objective_is_covered_by_an_item(bank: ib.ItemBank) -> None:
    uncovered = {
        module.id: missing
        for module in default_curriculum().modules
        if (
            missing := sorted(
                set(range(1, len(module.objectives) + 1)) - {i.objective for i in bank.for_modules(module.id)}
            )
        )
    }
    assert not uncovered, f"objectives without a test item (module: objective numbers): {uncovered}"


def test_items_have_a_key_misconceptions_and_both_languages(bank: ib.ItemBank) -> None:
    for item in bank.items:
        assert [o["id"] for o in item.options] == list(ib.OPTION_IDS)
        assert item.key() == {"correct": item.correct, "explanation": item.explanation}
        for option in item.options:
            assert (option["misconception"] is None) == (option["id"] == item.correct), item.item_id
        for text in (item.stem, item.explanation, *(o["text"] for o in item.options)):
            assert set(text) == {"id", "en"} and all(v.strip() for v in text.values()), item.item_id
        assert item.stem["id"].rstrip().endswith("?"), f"{item.item_id}: a stem asks a question"


def test_no_catch_all_options_and_short_explanations(bank: ib.ItemBank) -> None:
    catch_all = re.compile(r"semua (jawaban )?(di atas|benar)|all of the above|none of the above", re.IGNORECASE)
    sentence_end = re.compile(r"[.!?](\s|$)")
    for item in bank.items:
        assert not any(catch_all.search(o["text"][lang]) for o in item.options for lang in ("id", "en")), item.item_id
        for lang in ("id", "en"):
            assert 1 <= len(sentence_end.findall(item.explanation[lang])) <= 3, f"{item.item_id} ({lang})"


def test_the_key_is_spread_over_the_four_positions(bank: ib.ItemBank) -> None:
    # A quarter each would be even; at least 15 % each rules out "the answer is always c".
    counts = Counter(item.correct for item in bank.items)
    assert set(counts) == set(ib.OPTION_IDS)
    assert min(counts.values()) >= 0.15 * len(bank.items), counts


def test_the_key_is_not_usually_the_longest_option(bank: ib.ItemBank) -> None:
    # Test-wise participants pick the longest option; by chance it is the key in a quarter of the items.
    for lang in ("id", "en"):
        longest = [
            item.item_id
            for item in bank.items
            if sorted(len(o["text"][lang]) for o in item.options)[-2] < len(_text_of(item, lang))
        ]
        assert len(longest) <= len(bank.items) / 3, (lang, longest)


def test_default_bank_is_loaded_once(bank: ib.ItemBank) -> None:
    assert ib.load_item_bank() is bank
    assert ib.load_item_bank(default_curriculum()) is bank


def test_lookups_name_what_is_unknown(bank: ib.ItemBank) -> None:
    assert bank.item("rules.03").module == "rules"
    assert [i.item_id for i in bank.for_modules("field_visit")][0] == "field_visit.01"
    with pytest.raises(KeyError, match="quality.99"):
        bank.item("quality.99")
    with pytest.raises(KeyError, match="'mutu'"):
        bank.for_modules(["quality", "mutu"])
    with pytest.raises(KeyError, match="quality.01: no option 'e'"):
        bank.item("quality.01").option("e")


# --------------------------------------------------------------------------- numbers agree with the library


def test_asset_items_agree_with_the_asset_library(bank: ib.ItemBank) -> None:
    # assets.01: the IPAL is on KIB D in the useful-life table.
    assert DEFAULT_USEFUL_LIVES.row("ipal_ipab").card == "D"
    assert _text_of(bank.item("assets.01")).startswith("KIB D")
    # assets.03: powered machine, 10 years; Rp50,000,000 bought 2022, full-year convention, end of 2025.
    assert DEFAULT_USEFUL_LIVES.years("mesin_bertenaga") == 10
    value = book_value(50_000_000, 10, "2022-03-01", "2025-12-31")
    assert value == 30_000_000
    assert _text_of(bank.item("assets.03")) == rupiah(value)
    assert _text_of(bank.item("assets.03"), "en") == rupiah(value, "en")
    # assets.04: permanent building 50 years, land not depreciated.
    assert DEFAULT_USEFUL_LIVES.years("gedung_permanen") == 50 and not is_depreciable("A")
    assert _text_of(bank.item("assets.04")) == rupiah(900_000_000 // 50)


def test_facility_items_agree_with_the_capacity_library(bank: ib.ItemBank) -> None:
    assert takt_time(420, 140) == pytest.approx(3.0)
    assert _text_of(bank.item("facility.04")).startswith("3 menit")
    required = machines_required(350, 4, 420)
    assert required.required == 4 and required.exact == pytest.approx(3.3333, abs=1e-4)
    assert _text_of(bank.item("facility.05")) == "4 mesin"


def test_quality_items_agree_with_the_quality_library(bank: ib.ItemBank) -> None:
    result = inspection_level({"kritis": 1})
    assert (result.level_name, result.spp_irt_issuable) == ("Level IV", False)
    assert _text_of(bank.item("quality.07")).startswith("Level IV")
    names = [r.name for r in FIVE_R]  # Ringkas, Rapi, Resik, Rawat, Rajin
    explanation = bank.item("quality.05").explanation["id"]
    assert [explanation.index(name) for name in names] == sorted(explanation.index(name) for name in names)


def test_rules_items_agree_with_the_sanction_ladder(bank: ib.ItemBank) -> None:
    # Dates of the stems (any non-leap year): 10 Jan, 5 Mar, 20 Jun; 3 Feb, 20 Feb, 1 Mar; window 90 days.
    def due(days: list[tuple[int, int]]) -> str:
        times = [("A04", "LB-01", dt.datetime(2025, m, d)) for m, d in days]
        return step_due(LADDER, escalation_counts(times, 90)[-1])[0]

    waste = due([(1, 10), (3, 5), (6, 20)])
    cleaning = due([(2, 3), (2, 20), (3, 1)])
    assert (waste, cleaning) == ("teguran_lisan", "skorsing_7_hari")
    assert _text_of(bank.item("rules.05")).casefold().startswith(step_label(waste).id)
    assert _text_of(bank.item("rules.06")).casefold().startswith("skorsing 7 hari")
    assert step_label(cleaning).id.startswith("skorsing 7 hari")


def test_mentoring_and_visit_items_agree_with_their_libraries(bank: ib.ItemBank) -> None:
    # mentoring.03: 0.5 × min(150 %, cap) + 0.5 × 60 %, with the scorecard's cap.
    assert ACHIEVEMENT_CAP == pytest.approx(1.2)
    assert _text_of(bank.item("mentoring.03")) == f"{0.5 * min(1.5, ACHIEVEMENT_CAP) * 100 + 0.5 * 60:g}"
    # field_visit.02: the 5R sheet of the visit has 10 lines; 6 yes, 2 no, 2 not applicable.
    keys = [item.key for item in CHECKLIST if item.section == "5r"]
    assert len(keys) == 10
    answers = dict(zip(keys, ["ya"] * 6 + ["tidak"] * 2 + ["tb"] * 2, strict=True))
    score = observation_result(answers, "abon ikan").score_of("5r")
    assert _text_of(bank.item("field_visit.02")) == f"{score:g}"


# --------------------------------------------------------------------------- day forms


def test_day_forms_hold_the_modules_that_start_that_day(bank: ib.ItemBank) -> None:
    # First sessions in the content.yaml files: quality 1/1; field_visit 2/1, facility 2/2, assets 2/4;
    # rules 3/1, mentoring 3/2, technical_simulation 3/3.
    curriculum = default_curriculum()
    modules = {
        day: list(dict.fromkeys(i.module for i in ib.test_form_items(bank, curriculum, day))) for day in (1, 2, 3)
    }
    assert modules == {
        1: ["quality"],
        2: ["field_visit", "facility", "assets"],
        3: ["rules", "mentoring", "technical_simulation"],
    }
    assert [len(ib.test_form_items(bank, curriculum, day)) for day in (1, 2, 3)] == [8, 4 + 6 + 8, 6 + 6 + 4]


def test_day_forms_follow_the_curriculum_not_a_fixed_list(bank: ib.ItemBank) -> None:
    curriculum = default_curriculum()
    facility = curriculum.module("facility")
    moved = facility.model_copy(
        update={"sessions": tuple(s.model_copy(update={"day": 1, "order": 9}) for s in facility.sessions)}
    )
    changed: Curriculum = dataclasses.replace(
        curriculum, modules=tuple(moved if m.id == "facility" else m for m in curriculum.modules)
    )
    day1 = list(dict.fromkeys(i.module for i in ib.test_form_items(bank, changed, 1)))
    day2 = list(dict.fromkeys(i.module for i in ib.test_form_items(bank, changed, 2)))
    assert (day1, day2) == (["quality", "facility"], ["field_visit", "assets"])


@pytest.mark.parametrize("day", [0, 4, True, "1"])
def test_day_forms_refuse_a_day_outside_the_training(bank: ib.ItemBank, day: Any) -> None:
    with pytest.raises(ValueError, match="day: expected one of 1, 2, 3"):
        ib.test_form_items(bank, default_curriculum(), day)


# --------------------------------------------------------------------------- public part and shuffling


def test_public_part_is_a_single_choice_exercise_without_the_key(bank: ib.ItemBank) -> None:
    kind = get_kind("single_choice")
    for item in bank.items:
        public = item.to_public()
        assert public["prompt"] == item.stem
        assert [o["label"] for o in public["options"]] == [o["text"] for o in item.options]
        assert "correct" not in str(public) and "misconception" not in str(public)
        assert kind.validate(public, "d") == "d"


def test_shuffling_keeps_the_key_and_changes_the_order(bank: ib.ItemBank) -> None:
    kind = get_kind("single_choice")
    rng = np.random.default_rng(2024)  # one stream for all draws, as a form draws item after item
    identity = 0
    for item in bank.items:
        public = item.to_public()
        for _ in range(3):
            shuffled = ib.shuffled_options(item, rng)
            assert shuffled["prompt"] == public["prompt"]
            assert {o["id"]: o["label"] for o in shuffled["options"]} == {
                o["id"]: o["label"] for o in public["options"]
            }
            assert kind.score(shuffled, item.key(), item.correct, 1.0).points == 1.0
            wrong = next(o["id"] for o in shuffled["options"] if o["id"] != item.correct)
            assert kind.score(shuffled, item.key(), wrong, 1.0).points == 0.0
            identity += [o["id"] for o in shuffled["options"]] == list(ib.OPTION_IDS)
        assert ib.shuffled_options(item, np.random.default_rng(5)) == ib.shuffled_options(
            item, np.random.default_rng(5)
        )
    # A uniform shuffle keeps a–d in order 1 time in 24 (about 5 of 126 draws); 20 % would mean no shuffle.
    assert identity < 0.2 * 3 * len(bank.items)


def test_shuffling_needs_a_numpy_generator(bank: ib.ItemBank) -> None:
    with pytest.raises(TypeError, match="rng: expected a numpy.random.Generator"):
        ib.shuffled_options(bank.items[0], 7)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- broken files


@pytest.fixture()
def bank_copy(tmp_path: Path) -> Path:
    """The shipped item files copied to ``tmp_path/<module>/test_items.yaml``."""
    for module in default_curriculum().modules:
        (tmp_path / module.id).mkdir()
        shutil.copy(ib.MODULES_ROOT / module.id / ib.ITEMS_FILE, tmp_path / module.id / ib.ITEMS_FILE)
    return tmp_path


def _rewrite(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    data = yaml.safe_load(path.read_text("utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def _two_correct(data: dict[str, Any]) -> None:
    option = data["items"][3]["options"][0]  # quality.04: d is the key
    option.pop("misconception")
    option["correct"] = True


def _three_options(data: dict[str, Any]) -> None:
    data["items"][5]["options"].pop()  # quality.06: drops d, a wrong option


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def _drop(path: tuple[Any, ...]) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target = data
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return change


def _swap_first_two(data: dict[str, Any]) -> None:
    data["items"][0], data["items"][1] = data["items"][1], data["items"][0]


BROKEN = [
    ("two_correct", _two_correct, "items[3].options: expected exactly one correct option, got 2 (a, d)"),
    (
        "missing_misconception",
        _drop(("items", 2, "options", 0, "misconception")),
        "items[2].options[0].misconception: required on every wrong option",
    ),
    ("objective_9", _set(("items", 0, "objective"), 9), "items[0].objective: expected the number of one of the"),
    ("duplicate_id", _set(("items", 4, "id"), "quality.02"), "items[4].id: 'quality.02' is already used by items[1]"),
    ("wrong_prefix", _set(("items", 2, "id"), "mutu.03"), "items[2].id: expected 'quality.NN'"),
    ("three_options", _three_options, "items[5].options: expected exactly 4 options (a, b, c, d), got 3"),
    ("module_id", _set(("module",), "mutu"), "module: expected the folder's module id 'quality', got 'mutu'"),
    ("missing_english", _drop(("items", 1, "stem", "en")), "items[1].stem.en: required key is missing"),
    ("blank_text", _set(("items", 0, "options", 2, "text", "id"), "  "), "items[0].options[2].text.id: expected non"),
    ("typo_key", _set(("items", 2, "options", 1, "corect"), True), "items[2].options[1].corect: unknown key"),
    ("option_id", _set(("items", 0, "options", 1, "id"), "x"), "items[0].options[1].id: expected 'b'"),
    ("order", _swap_first_two, "items[1].id: expected ids in increasing order"),
    ("objective_text", _set(("items", 0, "objective"), "1"), "items[0].objective: expected a whole number"),
    ("blank_source", _set(("items", 5, "source"), ""), "items[5].source: expected non-empty text"),
    ("no_items", _set(("items",), []), "items: expected at least 1 item(s), got 0"),
    (
        "key_with_misconception",
        _set(("items", 0, "options", 2, "misconception"), {"id": "x", "en": "x"}),  # quality.01: c is the key
        "items[0].options[2].misconception: the correct option takes no misconception",
    ),
]


@pytest.mark.parametrize(("change", "expected"), [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN])
def test_a_broken_file_names_the_file_and_the_key_path(
    bank_copy: Path, change: Callable[[dict[str, Any]], None], expected: str
) -> None:
    path = bank_copy / "quality" / ib.ITEMS_FILE
    _rewrite(path, change)
    with pytest.raises(ContentError) as caught:
        ib.load_item_bank(default_curriculum(), root=bank_copy)
    assert f"{path}: {expected}" in str(caught.value)


def test_an_unchanged_copy_loads_like_the_shipped_bank(bank_copy: Path, bank: ib.ItemBank) -> None:
    assert ib.load_item_bank(default_curriculum(), root=bank_copy) == bank


def test_every_problem_of_a_file_is_listed(bank_copy: Path) -> None:
    path = bank_copy / "quality" / ib.ITEMS_FILE

    def change(data: dict[str, Any]) -> None:
        _set(("items", 0, "objective"), 9)(data)
        _three_options(data)

    _rewrite(path, change)
    with pytest.raises(ContentError) as caught:
        ib.load_item_bank(default_curriculum(), root=bank_copy)
    lines = str(caught.value).splitlines()
    assert [line.split(": ")[1] for line in lines] == ["items[0].objective", "items[5].options"]


def test_a_key_written_twice_is_refused(bank_copy: Path) -> None:
    path = bank_copy / "rules" / ib.ITEMS_FILE
    path.write_text(path.read_text("utf-8") + "module: rules\n", "utf-8")
    with pytest.raises(ContentError, match=r"rules/test_items.yaml: line \d+, column \d+: .*duplicate key 'module'"):
        ib.load_item_bank(default_curriculum(), root=bank_copy)


def test_a_missing_file_is_named(bank_copy: Path) -> None:
    (bank_copy / "mentoring" / ib.ITEMS_FILE).unlink()
    with pytest.raises(ContentError, match=r"mentoring/test_items.yaml: file is missing"):
        ib.load_item_bank(default_curriculum(), root=bank_copy)


def test_a_file_of_no_module_is_refused(bank_copy: Path) -> None:
    (bank_copy / "marketing").mkdir()
    shutil.copy(bank_copy / "rules" / ib.ITEMS_FILE, bank_copy / "marketing" / ib.ITEMS_FILE)
    with pytest.raises(ContentError, match="marketing/test_items.yaml: module: folder 'marketing' is not a module"):
        ib.load_item_bank(default_curriculum(), root=bank_copy)


def test_a_top_level_list_is_refused(bank_copy: Path) -> None:
    path = bank_copy / "assets" / ib.ITEMS_FILE
    path.write_text("- id: assets.01\n", "utf-8")
    with pytest.raises(ContentError, match=r"assets/test_items.yaml: \(top level\): expected a mapping"):
        ib.load_item_bank(default_curriculum(), root=bank_copy)
