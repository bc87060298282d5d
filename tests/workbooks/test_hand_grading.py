"""Hand grading: open answers scored by a facilitator, stored as manual scores that grading never touches."""

from __future__ import annotations

import json
import math
from pathlib import Path

import nbformat
import numpy as np
import pytest
from sqlalchemy import select

from ikm_curriculum.assessment import ParticipantContext
from ikm_curriculum.cohort.gradebook import ExerciseInstanceRow, Score
from ikm_curriculum.cohort.scores import cohort_scores
from ikm_curriculum.errors import AnswerFormatError, WorkspaceError
from ikm_curriculum.modules.field_visit.exercises import main_findings
from ikm_curriculum.modules.mentoring.exercises import action_plan
from ikm_curriculum.modules.quality.exercises import improvement_action
from ikm_curriculum.modules.rules.exercises import own_rules
from ikm_curriculum.workbooks.collect import collect
from ikm_curriculum.workbooks.grading import grade_cohort
from ikm_curriculum.workbooks.hand_grading import (
    clear_manual_score,
    manual_summary,
    pending_manual,
    prepare_hand_grading,
    rubric_criteria,
    save_manual_score,
)
from ikm_curriculum.workbooks.runner import run_notebook

EXERCISE = "mutu.improvement_action"  # the quality workbook's one short-text item, 3 points
WORKBOOK = "01_manajemen_mutu"
ANSWER = "Cacat terbesar: gosong. Penyebab (Metode): suhu tidak dicatat. Tindakan: catat suhu tiap batch."


def codes(workspace, cohort) -> list[str]:
    """Participant codes in roster order (the order of :func:`pending_manual`)."""
    return [p.code for p in cohort_scores(workspace, cohort).participants]


def folders(workspace, cohort) -> list[Path]:
    return [workspace.release_dir(cohort) / code for code in codes(workspace, cohort)]


def write_answers(folder: Path, answers: dict) -> None:
    path = folder / f"{WORKBOOK}.answers.json"
    data = json.loads(path.read_text("utf-8"))
    data["answers"] = {k: {"value": v, "saved_at": "2026-11-27T10:00:00+08:00"} for k, v in answers.items()}
    path.write_text(json.dumps(data), "utf-8")


@pytest.fixture
def graded(workspace, released) -> str:
    """Quality workbook collected and graded: first and third answered the short text, the second left it blank."""
    first, second, third = folders(workspace, released)
    write_answers(first, {EXERCISE: ANSWER})
    write_answers(second, {"mutu.pareto_top_share": 50.0})
    write_answers(third, {EXERCISE: "Timbangan dikalibrasi."})
    collect(workspace, released, workspace.release_dir(released))
    grade_cohort(str(workspace.root), released, "run-1")
    return released


def all_scores(workspace) -> list[tuple]:
    gradebook = workspace.gradebook()
    with gradebook.session() as session:
        rows = session.scalars(select(Score).order_by(Score.id)).all()
        out = [(r.participant_id, r.exercise_id, r.method, r.points, r.detail, r.scored_at) for r in rows]
    gradebook.dispose()
    return out


def test_pending_lists_every_hand_scored_item(workspace, graded) -> None:
    first, second, third = codes(workspace, graded)
    items = pending_manual(workspace, graded)
    assert [(i.participant, i.exercise_id, i.status) for i in items] == [
        (first, EXERCISE, "awaiting"),
        (second, EXERCISE, "blank"),  # no answer: grading gave it 0
        (third, EXERCISE, "awaiting"),
    ]
    item = items[0]
    assert item.answer == ANSWER and item.max_points == 3.0 and item.module == "quality"
    assert item.nama and item.points is None and item.comment == "" and not item.answer_changed
    assert "Untuk jenis cacat terbesar" in item.prompt["id"] and item.data  # the tally table the prompt refers to
    assert item.rubric["id"].startswith("3 poin.") and item.key == {}  # a rubric: the key itself is not shown
    assert [c.points for c in item.criteria] == [1.0, 1.0, 1.0]  # the generator's rubric: three lines of 1 point
    assert json.loads(json.dumps(item.to_dict()))["criteria"][0]["number"] == 1
    summary = manual_summary(workspace, graded)
    assert (summary.total, summary.awaiting, summary.scored, summary.blank) == (3, 2, 0, 1)
    assert summary.to_dict()["by_exercise"] == {EXERCISE: {"awaiting": 2, "scored": 0, "blank": 1}}


def test_manual_score_is_saved_survives_regrading_and_wins(workspace, graded) -> None:
    first = codes(workspace, graded)[0]
    save_manual_score(workspace, graded, first, EXERCISE, 2.5, comment="Tindakan belum ada waktu.", grader="Bu Rina")
    save_manual_score(  # a second save replaces the first: one manual score per item
        workspace, graded, first, EXERCISE, 2, comment="Kurang: kapan.", grader="Pak Amir", rubric_checked=[1, 2]
    )
    (item,) = [i for i in pending_manual(workspace, graded) if i.participant == first]
    assert (item.status, item.points, item.comment, item.grader, item.rubric_checked) == (
        "scored",
        2.0,
        "Kurang: kapan.",
        "Pak Amir",
        (1, 2),
    )
    before = [row for row in all_scores(workspace) if row[2] == "manual"]
    assert len(before) == 1 and before[0][4] == {
        "comment": "Kurang: kapan.",
        "grader": "Pak Amir",
        "rubric_checked": [1, 2],
    }

    grade_cohort(str(workspace.root), graded, "run-2")  # `ikm grade` again
    assert [row for row in all_scores(workspace) if row[2] == "manual"] == before  # untouched, to the timestamp
    auto = [row for row in all_scores(workspace) if row[2] == "auto" and row[1] == EXERCISE and row[3] is None]
    assert len(auto) == 2  # grading still writes its own "awaiting" score beside the manual one
    scores = cohort_scores(workspace, graded)
    (mine,) = [i for i in scores.items if i.participant == first and i.exercise_id == EXERCISE]
    assert (mine.points, mine.method) == (2.0, "manual")  # the manual score wins
    person = next(p for p in scores.participants if p.code == first)
    assert person.awaiting_manual == 0 and person.total == 2.0  # only the short text was answered
    assert manual_summary(workspace, graded).scored == 1


def test_resubmitted_answer_is_flagged(workspace, graded) -> None:
    first = codes(workspace, graded)[0]
    save_manual_score(workspace, graded, first, EXERCISE, 3)
    write_answers(folders(workspace, graded)[0], {EXERCISE: ANSWER, "mutu.pareto_top_share": 40.0})
    collect(workspace, graded, workspace.release_dir(graded))
    (same,) = [i for i in pending_manual(workspace, graded) if i.participant == first]
    assert not same.answer_changed  # a new attempt, but the same text: the score still fits
    write_answers(folders(workspace, graded)[0], {EXERCISE: ANSWER + " Oleh ketua, mulai Senin."})
    collect(workspace, graded, workspace.release_dir(graded))
    (changed,) = [i for i in pending_manual(workspace, graded) if i.participant == first]
    assert changed.status == "scored" and changed.answer_changed and changed.answer.endswith("mulai Senin.")
    assert manual_summary(workspace, graded).changed == 1


def test_blank_answer_may_be_scored_and_a_score_cleared(workspace, graded) -> None:
    second = codes(workspace, graded)[1]
    save_manual_score(workspace, graded, second, EXERCISE, 0.5, comment="Dijawab lisan di kelas.")
    (scored,) = [
        i for i in cohort_scores(workspace, graded).items if i.participant == second and i.exercise_id == EXERCISE
    ]
    assert (scored.points, scored.method) == (0.5, "manual")  # wins over grading's 0 for a blank answer
    (item,) = [i for i in pending_manual(workspace, graded) if i.participant == second]
    assert (item.status, item.points) == ("scored", 0.5)
    assert clear_manual_score(workspace, graded, second, EXERCISE) is True
    assert clear_manual_score(workspace, graded, second, EXERCISE) is False  # nothing left to clear
    (item,) = [i for i in pending_manual(workspace, graded) if i.participant == second]
    assert (item.status, item.points) == ("blank", None)
    assert not [row for row in all_scores(workspace) if row[2] == "manual"]


BAD = {
    "unknown participant": (lambda c: ("nobody-0000", EXERCISE, 1.0, {}), WorkspaceError, "participant_code"),
    "unknown exercise": (lambda c: (c[0], "mutu.nope", 1.0, {}), WorkspaceError, "exercise_id"),
    "auto-scored exercise": (lambda c: (c[0], "mutu.pareto_top_share", 1.0, {}), WorkspaceError, "exercise_id"),
    "above the maximum": (lambda c: (c[0], EXERCISE, 3.5, {}), AnswerFormatError, "points"),
    "negative": (lambda c: (c[0], EXERCISE, -1.0, {}), AnswerFormatError, "points"),
    "not a number": (lambda c: (c[0], EXERCISE, math.nan, {}), AnswerFormatError, "points"),
    "infinite": (lambda c: (c[0], EXERCISE, math.inf, {}), AnswerFormatError, "points"),
    "text points": (lambda c: (c[0], EXERCISE, "2", {}), AnswerFormatError, "points"),
    "true as points": (lambda c: (c[0], EXERCISE, True, {}), AnswerFormatError, "points"),
    "comment not text": (lambda c: (c[0], EXERCISE, 1.0, {"comment": 5}), AnswerFormatError, "comment"),
    "rubric line 4 of 3": (
        lambda c: (c[0], EXERCISE, 1.0, {"rubric_checked": [4]}),
        AnswerFormatError,
        "rubric_checked",
    ),
    "rubric line twice": (
        lambda c: (c[0], EXERCISE, 1.0, {"rubric_checked": [1, 1]}),
        AnswerFormatError,
        "rubric_checked",
    ),
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_input_is_refused_and_changes_nothing(workspace, graded, case: str) -> None:
    people = codes(workspace, graded)
    save_manual_score(workspace, graded, people[0], EXERCISE, 1.0, comment="awal")  # must survive a refused save
    before = all_scores(workspace)
    make, error, field_name = BAD[case]
    participant, exercise_id, points, extra = make(people)
    with pytest.raises(error) as caught:
        save_manual_score(workspace, graded, participant, exercise_id, points, **extra)
    message = str(caught.value)
    assert field_name in message and participant in message
    if field_name != "participant_code":
        assert exercise_id in message  # names the exercise too
    if error is AnswerFormatError:
        assert caught.value.field == field_name and isinstance(caught.value, ValueError)
    assert all_scores(workspace) == before


def test_practice_item_and_unknown_cohort_are_refused(workspace, graded) -> None:
    first = codes(workspace, graded)[0]
    gradebook = workspace.gradebook()
    with gradebook.transaction() as session:
        row = session.scalar(select(ExerciseInstanceRow).where(ExerciseInstanceRow.exercise_id == EXERCISE))
        row.graded = False
    gradebook.dispose()
    with pytest.raises(WorkspaceError, match="practice item"):
        save_manual_score(workspace, graded, first, EXERCISE, 1.0)
    with pytest.raises(WorkspaceError, match="no cohort 'lain'"):
        save_manual_score(workspace, "lain", first, EXERCISE, 1.0)
    assert not all_scores(workspace) or all(row[2] == "auto" for row in all_scores(workspace))


CONTEXT = ParticipantContext("uji-0001", "Abon ikan tuna")


@pytest.mark.parametrize(
    "spec", [improvement_action, main_findings, action_plan, own_rules], ids=lambda s: s.exercise_id
)
def test_every_short_text_rubric_splits_into_its_points(spec) -> None:
    instance = spec.instance(np.random.default_rng(7), CONTEXT)
    lines = rubric_criteria(instance.key["rubric"], instance.max_points)
    # each rubric in the modules gives one point per line (3 or 4 lines), in both languages
    assert [c.points for c in lines] == [1.0] * int(instance.max_points)
    assert all(c.text["id"] and c.text["en"] and c.text["id"] != c.text["en"] for c in lines)


def test_rubric_without_point_lines_gives_none() -> None:
    assert rubric_criteria("Nilai sesuai kelengkapan jawaban.", 3) == ()
    assert rubric_criteria({"id": "1: a. 1: b.", "en": "1: a. 2: b."}, 2) == ()  # the languages disagree


def test_prepared_notebook_has_the_cohort_parameters(workspace, graded) -> None:
    prepared = prepare_hand_grading(workspace, graded, grader="Bu Rina")
    assert prepared.path == workspace.cohort_dir(graded) / "hand_grading.ipynb"
    notebook = nbformat.read(prepared.path, as_version=4)
    assert notebook.metadata.papermill.parameters == {
        "workspace": str(workspace.root),
        "cohort": graded,
        "lang": "id",  # the cohort's language
        "grader": "Bu Rina",
    }
    assert not [o for c in notebook.cells for o in c.get("outputs", [])]
    text = prepared.how_to_open()
    assert f'voila "{prepared.path}"' in text and "2 jawaban menunggu dinilai" in text
    assert "await hand scoring" in prepare_hand_grading(workspace, graded, lang="en").how_to_open()
    with pytest.raises(WorkspaceError, match="lang"):
        prepare_hand_grading(workspace, graded, lang="fr")


@pytest.mark.slow
def test_notebook_runs_and_shows_the_widget(workspace, graded, tmp_path: Path) -> None:
    prepared = prepare_hand_grading(workspace, graded)
    executed = run_notebook(prepared.path, tmp_path / "executed.ipynb", {}, cwd=prepared.path.parent)
    outputs = [o for cell in executed.cells for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    views = [o for o in outputs if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert len(views) == 1  # the hand-grading screen is one widget tree
    state = json.dumps(executed.metadata.get("widgets", {}))
    # the saved widget state: the Indonesian screen, and the two answered items of the graded fixture awaiting
    assert "Simpan nilai" in state and "0 dari 2 sudah dinilai" in state
