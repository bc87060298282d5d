"""The satisfaction survey's content (survey.yaml), its loader and its exercises; an ungraded item in grading."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml
from sqlalchemy import select

from ikm_curriculum.assessment import ParticipantContext, get_kind
from ikm_curriculum.cohort.gradebook import ExerciseInstanceRow, Participant, Response, Score, Submission
from ikm_curriculum.cohort.workspace import Workspace
from ikm_curriculum.errors import ContentError
from ikm_curriculum.evaluation.survey import SURVEY_FILE, load_survey, read_survey
from ikm_curriculum.workbooks.grading import grade_cohort

ASPECTS = ["materi", "narasumber", "fasilitas", "konsumsi", "penyelenggaraan"]  # the brief of issue 8, point 4
CONTEXT = ParticipantContext("p1", "abon ikan")


def test_shipped_survey_has_five_aspects_of_four_or_five_statements() -> None:
    survey = load_survey()
    assert load_survey() is survey  # loaded once
    assert [a.id for a in survey.aspects] == ASPECTS
    assert [a.exercise_id for a in survey.aspects] == [f"survei.{a}" for a in ASPECTS]
    assert all(4 <= len(a.statements) <= 5 and a.comment is not None for a in survey.aspects)
    ids = [s for a in survey.aspects for s in a.statement_ids]
    assert len(ids) == len(set(ids))
    assert [p.value for p in survey.scale] == [1, 2, 3, 4, 5]
    assert (survey.scale[0].label.get("id"), survey.scale[4].label.get("en")) == (
        "Sangat tidak setuju",
        "Strongly agree",
    )
    assert survey.aspect("survei.konsumsi") is survey.aspect("konsumsi")
    with pytest.raises(KeyError, match="known: materi, narasumber"):
        survey.aspect("hiburan")


def test_each_aspect_is_an_ungraded_likert_exercise_that_accepts_an_answer() -> None:
    survey = load_survey()
    specs = survey.exercise_specs()
    assert [(s.exercise_id, s.kind, s.max_points, s.graded) for s in specs] == [
        (f"survei.{a}", "likert", 0.0, False) for a in ASPECTS
    ]
    instance = specs[0].instance(np.random.default_rng(0), CONTEXT)
    part = instance.release_part()
    assert (part["graded"], part["max_points"], part["practice_key"]) == (False, 0.0, {})
    assert part["title"] == {"id": "Materi pelatihan", "en": "Training material"}
    assert [s["id"] for s in part["statements"]] == list(survey.aspects[0].statement_ids)
    ratings = {s["id"]: 4 for s in part["statements"]}
    assert get_kind("likert").validate(instance.public, {"ratings": ratings, "comment": "Bagus"})["ratings"] == ratings
    instance.public["statements"].clear()  # each instance gets its own copy
    assert specs[0].instance(np.random.default_rng(0), CONTEXT).public["statements"]


@pytest.fixture
def copy(tmp_path: Path) -> Callable[[Callable[[dict[str, Any]], None]], Path]:
    def edit(change: Callable[[dict[str, Any]], None]) -> Path:
        data = yaml.safe_load(SURVEY_FILE.read_text("utf-8"))
        change(data)
        path = tmp_path / "survey.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
        return path

    return edit


def _set(data: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split("/")
    target: Any = data
    for step in parents:
        target = target[int(step)] if step.isdigit() else target[step]
    target[int(last) if last.isdigit() else last] = value


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("aspects/2/statements/1/text/en", "  ", r"aspects\[2\]\.statements\[1\]\.text\.en: expected non-empty text"),
        ("aspects/0/statements/0/id", "Materi-1", r"aspects\[0\]\.statements\[0\]\.id: expected a lowercase name"),
        ("aspects/1/statements/0/id", "materi_jelas", r"aspects\[1\]\.statements\[0\]\.id: 'materi_jelas' is already "),
        ("aspects/3/id", "materi", r"aspects\[3\]\.id: 'materi' is already used by aspects\[0\]\.id"),
        ("aspects/0/statements", [], r"aspects\[0\]\.statements: expected at least 1 item\(s\), got 0"),
        ("aspects/0/rating", 5, r"aspects\[0\]\.rating: unknown key"),
        ("scale/4/value", 6, r"scale: expected the values \[1, 2, 3, 4, 5\] in this order, got \[1, 2, 3, 4, 6\]"),
        ("scale/0/value", "1", r"scale\[0\]\.value: expected a whole number, got '1'"),
        ("prompt", None, r"prompt: expected a mapping, got None"),
    ],
)
def test_content_errors_name_the_file_and_key(copy: Callable[..., Path], path: str, value: Any, message: str) -> None:
    edited = copy(lambda data: _set(data, path, value))
    with pytest.raises(ContentError, match=message) as error:
        read_survey(edited)
    assert str(error.value).startswith(f"{edited}: ")


def test_a_missing_key_and_a_short_scale(copy: Callable[..., Path]) -> None:
    with pytest.raises(ContentError, match=r"aspects\[4\]\.title: required key is missing"):
        read_survey(copy(lambda data: data["aspects"][4].pop("title")))
    with pytest.raises(ContentError, match=r"scale: expected the values .* got \[1, 2, 3, 4\]"):
        read_survey(copy(lambda data: data["scale"].pop()))


def test_file_level_errors(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="survey file is missing"):
        read_survey(tmp_path / "none.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("prompt: [unclosed\n", "utf-8")
    with pytest.raises(ContentError, match=r"bad\.yaml: line \d+, column \d+: invalid YAML"):
        read_survey(bad)
    bad.write_text("prompt: {id: a, en: b}\nprompt: {id: c, en: d}\n", "utf-8")
    with pytest.raises(ContentError, match="found duplicate key 'prompt'"):
        read_survey(bad)
    bad.write_text("- a\n- b\n", "utf-8")
    with pytest.raises(ContentError, match=r"\(top level\): expected a mapping"):
        read_survey(bad)
    shutil.copy(SURVEY_FILE, tmp_path / "same.yaml")
    assert read_survey(tmp_path / "same.yaml") == load_survey()


def test_grading_gives_an_ungraded_survey_item_no_score_and_a_mistaken_one_zero_of_zero(
    workspace: Workspace, cohort: str
) -> None:
    """grade_cohort scores graded items only; a likert item stored as graded by mistake is 0 of 0."""
    answer = {"ratings": {"materi_relevan": 5}, "comment": "Bagus"}
    gradebook = workspace.gradebook()
    try:
        with gradebook.transaction() as session:
            person = session.scalars(select(Participant).order_by(Participant.id)).first()
            assert person is not None
            public = load_survey().public(load_survey().aspects[0])
            for exercise_id, graded, points in (("survei.materi", False, 0.0), ("survei.salah", True, 4.0)):
                session.add(
                    ExerciseInstanceRow(
                        participant_id=person.id,
                        module="survei_kepuasan",
                        exercise_id=exercise_id,
                        kind="likert",
                        public=public,
                        key={},
                        max_points=points,
                        graded=graded,
                    )
                )
            submission = Submission(
                participant_id=person.id,
                workbook="survei_kepuasan",
                source="survei_kepuasan.answers.json",
                sha256="0" * 64,
                attempt=1,
                raw="{}",
            )
            submission.responses += [Response(exercise_id=e, value=answer) for e in ("survei.materi", "survei.salah")]
            session.add(submission)
        result = grade_cohort(str(workspace.root), cohort, "run-uji")
        with gradebook.session() as session:
            scores = {s.exercise_id: (s.points, s.max_points, s.detail) for s in session.scalars(select(Score))}
    finally:
        gradebook.dispose()
    assert (result.scores, result.awaiting_manual) == (1, 0)
    assert scores == {"survei.salah": (0.0, 0.0, {"answered": 1})}  # nothing stored for the ungraded item
