"""Tests of ikm_curriculum.curriculum: the six real modules, the agenda, and content errors."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from ikm_curriculum.agenda import format_agenda
from ikm_curriculum.curriculum import (
    FORMATS,
    Text,
    default_curriculum,
    load_curriculum,
    load_module,
)
from ikm_curriculum.errors import ContentError
from ikm_curriculum.modules.quality import exercises as quality_exercises

MODULES_ROOT = Path(__file__).resolve().parents[1] / "ikm_curriculum" / "modules"
MODULE_IDS = ["quality", "facility", "assets", "rules", "mentoring", "field_visit", "technical_simulation"]
# The ids that modules/quality/exercises.py declares (the workbook orders them by topic).
QUALITY_EXERCISES = [spec.exercise_id for spec in quality_exercises.EXERCISES]


@pytest.fixture(autouse=True)
def fresh_curriculum() -> Iterator[None]:
    default_curriculum.cache_clear()
    yield
    default_curriculum.cache_clear()


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A copy of the six real content.yaml files, each in a folder named after its module."""
    for module_id in MODULE_IDS:
        (tmp_path / module_id).mkdir()
        shutil.copy(MODULES_ROOT / module_id / "content.yaml", tmp_path / module_id / "content.yaml")
    return tmp_path


def edit(root: Path, module_id: str, change: Callable[[dict[str, Any]], None]) -> Path:
    """Apply ``change`` to the parsed content.yaml of ``module_id`` under ``root``; return the file path."""
    path = root / module_id / "content.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


# --------------------------------------------------------------------------- the real content


def test_the_seven_modules_load_in_order() -> None:
    curriculum = load_curriculum()
    assert [m.id for m in curriculum.modules] == MODULE_IDS
    assert [m.order for m in curriculum.modules] == [1, 2, 3, 4, 5, 6, 7]
    assert curriculum.module("assets").title.get("id") == "Pengelolaan Aset dan Administrasi"
    assert default_curriculum() is default_curriculum()


def test_agenda_has_three_days_and_the_total_is_the_sum() -> None:
    curriculum = default_curriculum()
    rows = curriculum.agenda()
    assert sorted({r.day for r in rows}) == [1, 2, 3]
    assert rows == sorted(rows, key=lambda r: (r.day, r.order))
    total = sum(r.lesson_hours for r in rows)
    assert total == curriculum.total_lesson_hours() == 24
    for day in (1, 2, 3):
        assert 7 <= sum(r.lesson_hours for r in rows if r.day == day) <= 9  # "about 8 JP a day"
    assert rows[0].module_id == "quality"
    assert {r.module_id for r in rows if r.day == 2} == {"field_visit", "facility", "assets"}
    assert {r.module_id for r in rows if r.day == 3} == {"rules", "mentoring", "technical_simulation"}


def test_all_formats_are_used() -> None:
    assert {r.format for r in default_curriculum().agenda()} == set(FORMATS)


def test_exercise_specs_and_workbooks() -> None:
    curriculum = default_curriculum()
    quality = curriculum.module("quality")
    assert sorted(quality.exercises) == sorted(QUALITY_EXERCISES)
    workbook_order = [e for topic in quality.topics for e in topic.exercises]
    assert [s.exercise_id for s in curriculum.exercise_specs("quality")] == workbook_order
    facility = curriculum.module("facility")
    facility_order = [e for topic in facility.topics for e in topic.exercises]
    later = [curriculum.module(m) for m in ("assets", "rules", "mentoring", "field_visit", "technical_simulation")]
    later_order = [e for module in later for topic in module.topics for e in topic.exercises]
    in_module_order = workbook_order + facility_order + later_order
    assert [s.exercise_id for s in curriculum.exercise_specs()] == in_module_order
    assert [s.exercise_id for s in curriculum.exercise_specs("technical_simulation")] == ["simulasi.decisions"]
    assert curriculum.spec("mutu.pareto_top_share").exercise_id == "mutu.pareto_top_share"
    assert curriculum.workbooks() == {
        "01_manajemen_mutu": quality,
        "02_perencanaan_fasilitas": facility,
        "03_pengelolaan_aset": later[0],
        "04_tata_tertib": later[1],
        "05_pendampingan_evaluasi": later[2],
        "06_kunjungan_lapangan": later[3],
        "07_simulasi_sentra": later[4],
    }
    with pytest.raises(KeyError, match="nope"):
        curriculum.module("nope")
    with pytest.raises(KeyError, match="mutu.nope"):
        curriculum.spec("mutu.nope")


def test_content_agrees_with_the_domain_notes() -> None:
    curriculum = default_curriculum()
    for module in curriculum.modules:
        assert 3 <= len(module.objectives) <= 6
        for objective in module.objectives:
            assert objective.id.startswith("Peserta mampu "), objective.id
            assert objective.en.startswith("Participants can "), objective.en
    glossary = {g.term: g.meaning for m in curriculum.modules for g in m.glossary}
    # DOMAIN.md, "Quality": 5R = Ringkas, Rapi, Resik, Rawat, Rajin (firm)
    assert re.search(r"Ringkas.*Rapi.*Resik.*Rawat.*Rajin", glossary["5R"].id)
    # DOMAIN.md, "Regional assets": KIB A-F and what each letter holds (firm)
    for letter in "ABCDEF":
        assert f"{letter} " in glossary["KIB"].id
    assert "antarinstansi pemerintah" in glossary["Pinjam pakai"].id
    assert "5 tahun" in glossary["SPP-IRT"].id


def test_agenda_renders_in_indonesian() -> None:
    text = format_agenda(default_curriculum())
    for expected in (
        "Hari 1",
        "Hari 2",
        "Hari 3",
        "08:00-09:30",
        "ISHOMA",
        "Bimbingan teknis",
        "Diskusi kelas",
        "Kunjungan lapangan",
        "Manajemen Mutu",
        "Total pelatihan: 24 JP",
    ):
        assert expected in text
    assert "Day 1" not in text and "Guided practice" not in text
    # each day starts at 08:00, and exactly one lunch break a day follows the session that reaches 12:30
    assert text.count("  08:00-") == 3
    assert text.count("12:30-13:30  ISHOMA") == 3


def test_agenda_renders_in_english() -> None:
    text = format_agenda(default_curriculum(), lang="en")
    for expected in (
        "Day 1",
        "Day 3",
        "Guided practice",
        "Class discussion",
        "Field visit",
        "Lunch break",
        "Quality Management",
        "Training total: 24 JP",
    ):
        assert expected in text
    assert "Hari" not in text and "Bimbingan teknis" not in text


def test_agenda_rejects_an_unknown_language() -> None:
    with pytest.raises(ValueError, match="'id', 'en'"):
        format_agenda(default_curriculum(), lang="fr")
    with pytest.raises(ValueError, match="'id', 'en'"):
        Text(id="a", en="b").get("jv")


def test_copied_content_loads(root: Path) -> None:
    assert [m.id for m in load_curriculum(root).modules] == MODULE_IDS
    assert load_module(root / "facility").title.en == "Facility Planning"


# --------------------------------------------------------------------------- content errors


def _set(keys: list[Any], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target = data
        for key in keys[:-1]:
            target = target[key]
        target[keys[-1]] = value

    return change


def _drop(keys: list[Any]) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target = data
        for key in keys[:-1]:
            target = target[key]
        del target[keys[-1]]

    return change


@pytest.mark.parametrize(
    ("module_id", "change", "message"),
    [
        ("quality", _drop(["title", "en"]), "title.en: required key is missing"),
        ("assets", _set(["summary", "id"], "  "), "summary.id: expected non-empty text"),
        (
            "quality",
            _set(["sessions", 1, "format"], "ceramah"),
            "sessions[1].format: expected one of bimtek, diskusi_kelas, kunjungan_lapangan, got 'ceramah'",
        ),
        ("mentoring", _set(["sessions", 0, "day"], 4), "sessions[0].day: expected a day from 1 to 3, got 4"),
        (
            "facility",
            _set(["sessions", 0, "lesson_hours"], 0),
            "sessions[0].lesson_hours: expected a number greater than 0",
        ),
        (
            "facility",
            _set(["sessions", 0, "lesson_hours"], "3"),
            "sessions[0].lesson_hours: expected a whole number, got '3'",
        ),
        ("assets", _set(["title"], "Aset"), "title: expected a mapping, got 'Aset'"),
        (
            "rules",
            _set(["objectives"], [{"id": "x", "en": "y"}]),
            "objectives: expected at least 3 item(s), got 1",
        ),
        ("rules", _set(["sesions"], []), "sesions: unknown key"),
        ("mentoring", _set(["id"], "pendampingan"), "id: expected the folder name 'mentoring', got 'pendampingan'"),
        (
            "technical_simulation",
            _set(["sessions", 1, "order"], 3),
            "sessions[1]: day 3, order 3 is already used by sessions[0]",
        ),
        (
            "technical_simulation",
            _set(
                ["topics"],
                [
                    {
                        "id": "t",
                        "title": {"id": "a", "en": "b"},
                        "explanation": {"id": "a", "en": "b"},
                        "exercises": ["technical_simulation.nope"],
                    }
                ],
            ),
            "topics[0].exercises[0]: unknown exercise id 'technical_simulation.nope' "
            "(exercises.py declares: simulasi.decisions)",
        ),
        (
            "quality",
            _set(["topics", 0, "exercises"], []),
            "topics: declared in exercises.py but in no topic: mutu.xbar_r_limits",
        ),
        (
            "quality",
            _set(["topics", 1, "exercises"], ["mutu.xbar_r_limits"]),
            "topics[1].exercises[0]: 'mutu.xbar_r_limits' is already listed at topics[0].exercises[0]",
        ),
        (
            "quality",
            _set(["topics", 0, "example"], "nope"),
            "topics[0].example: unknown worked example 'nope'",
        ),
        (
            "quality",
            _set(["topics", 1, "id"], "control_charts"),
            "topics[1].id: 'control_charts' is already used",
        ),
    ],
)
def test_a_broken_module_names_the_file_and_the_key(
    root: Path, module_id: str, change: Callable[[dict[str, Any]], None], message: str
) -> None:
    path = edit(root, module_id, change)
    with pytest.raises(ContentError) as caught:
        load_curriculum(root)
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)
    with pytest.raises(ContentError, match=re.escape(message)):
        load_module(root / module_id)


def test_duplicate_day_and_order_across_modules(root: Path) -> None:
    quality = root / "quality" / "content.yaml"
    path = edit(root, "facility", _set(["sessions", 0, "day"], 1))  # facility's day-2 order 2 moves onto quality's
    with pytest.raises(ContentError) as caught:
        load_curriculum(root)
    assert str(caught.value) == f"{path}: sessions[0]: day 1, order 2 is already used by {quality} (sessions[1])"


def test_duplicate_module_order(root: Path) -> None:
    edit(root, "assets", _set(["order"], 2))  # facility has order 2
    with pytest.raises(ContentError) as caught:
        load_curriculum(root)
    first, second = sorted(str(root / m / "content.yaml") for m in ("assets", "facility"))
    assert str(caught.value) == f"{second}: order: 2 is already used by {first} (order)"


def test_yaml_syntax_error_names_the_file_and_line(root: Path) -> None:
    path = root / "rules" / "content.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[2] = "order: [4"  # line 3: an unclosed flow sequence
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_curriculum(root)
    assert re.match(rf"{re.escape(str(path))}: line \d+, column \d+: invalid YAML: ", str(caught.value))


def test_yaml_duplicate_key_is_an_error(root: Path) -> None:
    path = root / "mentoring" / "content.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "order: 9\n", encoding="utf-8")
    with pytest.raises(ContentError, match=re.escape(f"{path}: line ") + r"\d+.*duplicate key 'order'"):
        load_curriculum(root)


def test_top_level_must_be_a_mapping(root: Path) -> None:
    path = root / "assets" / "content.yaml"
    path.write_text("- just a list\n", encoding="utf-8")
    with pytest.raises(ContentError, match=re.escape(f"{path}: (top level): expected a mapping")):
        load_curriculum(root)


def test_module_without_exercises_py(root: Path) -> None:
    shutil.copytree(root / "mentoring", root / "no_such_module")
    path = edit(root, "no_such_module", _set(["id"], "no_such_module"))
    with pytest.raises(ContentError, match=re.escape(f"{path}: exercises: cannot import")):
        load_module(root / "no_such_module")


def test_folder_without_content_yaml(root: Path) -> None:
    (root / "assets" / "content.yaml").unlink()
    (root / "assets" / "__init__.py").write_text("", encoding="utf-8")
    with pytest.raises(ContentError, match=re.escape(f"{root / 'assets' / 'content.yaml'}: file is missing")):
        load_curriculum(root)
