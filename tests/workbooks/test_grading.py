"""Grading: one real kernel (papermill) scores the whole cohort into the gradebook."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from sqlalchemy import select

from ikm_curriculum.cohort.gradebook import ExerciseInstanceRow, GradingRun, Score
from ikm_curriculum.cohort.scores import cohort_scores
from ikm_curriculum.errors import NotebookRunError
from ikm_curriculum.workbooks.collect import collect
from ikm_curriculum.workbooks.grading import run_grading
from ikm_curriculum.workbooks.runner import run_notebook

pytestmark = pytest.mark.slow
TESTS = Path(__file__).resolve().parents[1]


def keys_of(workspace) -> dict[tuple[str, str], ExerciseInstanceRow]:
    gradebook = workspace.gradebook()
    with gradebook.session() as session:
        rows = {(r.participant.code, r.exercise_id): r for r in session.scalars(select(ExerciseInstanceRow))}
    gradebook.dispose()
    return rows


def write_answers(folder: Path, answers: dict) -> None:
    path = folder / "01_manajemen_mutu.answers.json"
    data = json.loads(path.read_text("utf-8"))
    data["answers"] = {k: {"value": v, "saved_at": "2026-11-27T10:00:00+08:00"} for k, v in answers.items()}
    path.write_text(json.dumps(data), "utf-8")


def test_grade_scores_cohort_once_and_is_idempotent(workspace, released) -> None:
    keys = keys_of(workspace)
    folders = sorted(p for p in workspace.release_dir(released).iterdir() if p.is_dir())
    perfect, half, _silent = folders
    write_answers(
        perfect,
        {
            "mutu.xbar_r_limits": keys[(perfect.name, "mutu.xbar_r_limits")].key["values"],
            "mutu.pareto_top_share": keys[(perfect.name, "mutu.pareto_top_share")].key["value"],
            "mutu.pareto_vital_few": keys[(perfect.name, "mutu.pareto_vital_few")].key["correct"],
            "mutu.5r_scenario": keys[(perfect.name, "mutu.5r_scenario")].key["correct"],
            "mutu.improvement_action": "Penyebab: Metode. Tindakan: catat suhu tiap batch.",
        },
    )
    xbar = dict(keys[(half.name, "mutu.xbar_r_limits")].key["values"])
    xbar["ucl_x"] += 5.0  # one cell of six wrong
    write_answers(half, {"mutu.xbar_r_limits": xbar, "mutu.pareto_top_share": 1.0})
    collect(workspace, released, workspace.release_dir(released))

    first = run_grading(workspace, released)
    assert Path(first.notebook).is_file() and Path(first.notebook).parent == workspace.runs_dir(released)
    # the third handed in an empty answer file: no answers, so not counted as submitted
    assert (first.participants, first.submitted, first.awaiting_manual) == (3, 2, 1)
    scores = {p.code: p for p in cohort_scores(workspace, released).participants}
    graded = [row for (code, _), row in keys.items() if code == perfect.name and row.graded]
    # perfect: 6 + 2 + 3 + 2 points; the short text (3 points) awaits hand scoring; nothing else answered
    assert scores[perfect.name].total == 13.0
    assert scores[perfect.name].max_total == sum(row.max_points for row in graded)
    assert scores[perfect.name].awaiting_manual == 1
    # half: 5 of 6 table cells right = 5 points; the Pareto share wrong = 0
    assert scores[half.name].total == pytest.approx(5.0)
    assert scores[_silent.name].total == 0.0

    second = run_grading(workspace, released)
    assert second.run_id != first.run_id
    again = {p.code: p.total for p in cohort_scores(workspace, released).participants}
    assert again == {code: p.total for code, p in scores.items()}
    gradebook = workspace.gradebook()
    with gradebook.session() as session:
        assert len(session.scalars(select(Score)).all()) == 3 * len(graded)  # every graded item once
        runs = session.scalars(select(GradingRun).order_by(GradingRun.started_at)).all()
    gradebook.dispose()
    assert [r.status for r in runs] == ["ok", "ok"]
    executed = nbformat.read(second.notebook, as_version=4)
    assert executed.metadata.papermill.parameters["run_id"] == second.run_id


def test_manual_score_survives_regrading(workspace, released) -> None:
    folder = sorted(p for p in workspace.release_dir(released).iterdir() if p.is_dir())[0]
    write_answers(folder, {"mutu.improvement_action": "Kalibrasi timbangan tiap bulan."})
    collect(workspace, released, workspace.release_dir(released))
    run_grading(workspace, released)
    gradebook = workspace.gradebook()
    with gradebook.transaction() as session:
        auto = session.scalar(
            select(Score).where(Score.exercise_id == "mutu.improvement_action", Score.points.is_(None))
        )
        session.add(
            Score(
                participant_id=auto.participant_id,
                exercise_id=auto.exercise_id,
                method="manual",
                points=2.0,
                max_points=3.0,
                detail={"by": "narasumber"},
            )
        )
    gradebook.dispose()
    run_grading(workspace, released)
    scores = {p.code: p for p in cohort_scores(workspace, released).participants}
    assert scores[folder.name].total == 2.0 and scores[folder.name].awaiting_manual == 0


def test_failing_notebook_is_kept_and_names_the_cell(tmp_path: Path) -> None:
    output = tmp_path / "broken-out.ipynb"
    with pytest.raises(NotebookRunError) as caught:
        run_notebook(TESTS / "notebooks" / "broken.ipynb", output, {"x": 7}, cwd=tmp_path)
    assert caught.value.cell_index == 3  # 0 print, 1 parameters, 2 injected parameters, 3 raise
    assert "ValueError: rusak 7" in str(caught.value)
    assert str(output) in str(caught.value)
    kept = nbformat.read(output, as_version=4)
    (first,) = [c for c in kept.cells if c.source == 'print("cell zero")']
    assert first.outputs[0]["text"] == "cell zero\n"  # what ran before the failure is kept


def test_failing_grade_run_is_recorded(workspace, released, monkeypatch) -> None:
    monkeypatch.setenv("IKM_DATABASE_URL", f"sqlite:///{workspace.root / 'ikm.db'}")
    from ikm_curriculum.workbooks import recorded_run

    def broken(source, output, parameters, cwd):
        return run_notebook(TESTS / "notebooks" / "broken.ipynb", output, {"x": 1}, cwd)

    monkeypatch.setattr(recorded_run, "run_notebook", broken)  # a real notebook whose cell 3 fails
    with pytest.raises(NotebookRunError, match="cell 3"):
        run_grading(workspace, released)
    gradebook = workspace.gradebook()
    with gradebook.session() as session:
        (run,) = session.scalars(select(GradingRun)).all()
    gradebook.dispose()
    assert run.status == "failed" and Path(run.notebook_path).is_file()
