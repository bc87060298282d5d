"""Release: personal folders with workbooks, empty answer files, manifest; never a key or the secret."""

from __future__ import annotations

import ast
import hashlib
import json

import nbformat
import pytest
from sqlalchemy import select

from ikm_curriculum.cohort.gradebook import Cohort, ExerciseInstanceRow
from ikm_curriculum.curriculum import default_curriculum
from ikm_curriculum.errors import WorkspaceError
from ikm_curriculum.widgets import charts as charts_module
from ikm_curriculum.widgets.charts import CHART_FOLDER, chart_file_name
from ikm_curriculum.widgets.workbook import open_workbook
from ikm_curriculum.workbooks.release import release_cohort


def participant_folders(workspace, cohort):
    return sorted(p for p in workspace.release_dir(cohort).iterdir() if p.is_dir())


def test_release_writes_workbook_answers_and_manifest(workspace, released) -> None:
    folders = participant_folders(workspace, released)
    assert len(folders) == 3
    for folder in folders:
        manifest = json.loads((folder / "MANIFEST.json").read_text("utf-8"))
        assert manifest["participant"] == folder.name
        assert set(manifest["files"]) == {"01_manajemen_mutu.ipynb", "01_manajemen_mutu.answers.json"}
        for name, digest in manifest["files"].items():
            assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest
        answers = json.loads((folder / "01_manajemen_mutu.answers.json").read_text("utf-8"))
        assert answers["participant"] == folder.name and answers["answers"] == {}
        notebook = nbformat.read(folder / "01_manajemen_mutu.ipynb", as_version=4)
        injected = [c for c in notebook.cells if "injected-parameters" in c.metadata.get("tags", [])]
        assert len(injected) == 1 and folder.name in injected[0].source
        # JupyterLab mode (`ikm serve --ui lab`): every code cell collapsed, the injected parameters too
        assert all(c.metadata.get("jupyter", {}).get("source_hidden") for c in notebook.cells if c.cell_type == "code")


def injected_parameters(path) -> dict:
    notebook = nbformat.read(path, as_version=4)
    (cell,) = [c for c in notebook.cells if "injected-parameters" in c.metadata.get("tags", [])]
    values: dict = {}
    for node in ast.parse(cell.source).body:
        values[node.targets[0].id] = ast.literal_eval(node.value)
    return values


def test_no_released_file_holds_a_graded_key_or_the_secret(workspace, released) -> None:
    gradebook = workspace.gradebook()
    with gradebook.session() as session:
        secret = session.scalar(select(Cohort.secret))
        stored = {(row.participant.code, row.exercise_id): row for row in session.scalars(select(ExerciseInstanceRow))}
    gradebook.dispose()
    for folder in participant_folders(workspace, released):
        released_text = "".join(p.read_text("utf-8") for p in folder.iterdir() if p.is_file())
        assert secret not in released_text
        exercises = injected_parameters(folder / "01_manajemen_mutu.ipynb")["exercises"]
        assert len(exercises) == len(default_curriculum().exercise_specs("quality"))
        for part in exercises:
            row = stored[(folder.name, part["exercise_id"])]
            meta = {"exercise_id", "kind", "graded", "max_points"}
            if row.graded:  # exactly the public part: nothing of the key
                assert {k: v for k, v in part.items() if k not in meta} == row.public
            else:  # practice items carry their key for instant feedback, and score nothing
                assert part["practice_key"] == row.key and row.max_points == 0


def test_release_draws_the_charts_and_opening_the_workbook_only_reads_them(workspace, released, monkeypatch) -> None:
    folder = participant_folders(workspace, released)[0]
    assert not (folder / CHART_FOLDER).exists()  # the fixture's release(charts=False): drawn at each opening
    release_cohort(workspace, released, module="quality")  # as `ikm release` does
    values = injected_parameters(folder / "01_manajemen_mutu.ipynb")
    charts = [*values["examples"].values(), *(p["chart"] for p in values["exercises"] if p.get("chart"))]
    files = sorted((folder / CHART_FOLDER).iterdir())
    assert len(charts) >= 10  # module 1: 7 worked examples and 3 charts to read (notebook of this release)
    assert [f.name for f in files] == sorted({chart_file_name(chart, values["lang"]) for chart in charts})
    assert all(f.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for f in files)

    monkeypatch.setattr(charts_module, "png_bytes", lambda figure: pytest.fail("a chart was drawn at opening"))
    view = open_workbook(**values, folder=folder).show_all()
    images, todo = [], [view]
    while todo:
        widget = todo.pop()
        images += [bytes(widget.value)] if widget.__class__.__name__ == "Image" else []
        todo += list(getattr(widget, "children", ()))
    assert sorted(images) == sorted(f.read_bytes() for f in files)

    before = {f.name: f.stat().st_mtime_ns for f in files}
    monkeypatch.undo()
    release_cohort(workspace, released, module="quality")  # again: nothing to draw
    assert {f.name: f.stat().st_mtime_ns for f in (folder / CHART_FOLDER).iterdir()} == before


def test_variants_differ_between_participants_and_are_stable(workspace, released) -> None:
    gradebook = workspace.gradebook()
    with gradebook.session() as session:
        rows = session.scalars(
            select(ExerciseInstanceRow).where(ExerciseInstanceRow.exercise_id == "mutu.xbar_r_limits")
        ).all()
        before = {row.participant_id: row.public for row in rows}
    gradebook.dispose()
    assert len({json.dumps(p["data"]) for p in before.values()}) == len(before)
    release_cohort(workspace, released, charts=False)  # a second release reuses the stored instances
    gradebook = workspace.gradebook()
    with gradebook.session() as session:
        after = {
            row.participant_id: row.public
            for row in session.scalars(select(ExerciseInstanceRow))
            if row.exercise_id == "mutu.xbar_r_limits"
        }
    gradebook.dispose()
    assert after == before


def test_second_release_keeps_answers(workspace, released) -> None:
    folder = participant_folders(workspace, released)[0]
    answers = folder / "01_manajemen_mutu.answers.json"
    data = json.loads(answers.read_text("utf-8"))
    data["answers"]["mutu.pareto_top_share"] = {"value": 61.5, "saved_at": "2026-11-27T10:00:00+08:00"}
    answers.write_text(json.dumps(data), "utf-8")
    release_cohort(workspace, released, charts=False)
    assert json.loads(answers.read_text("utf-8"))["answers"]["mutu.pareto_top_share"]["value"] == 61.5


def test_release_in_english(workspace, cohort) -> None:
    release_cohort(workspace, cohort, lang="en", charts=False)
    folder = participant_folders(workspace, cohort)[0]
    assert injected_parameters(folder / "01_manajemen_mutu.ipynb")["lang"] == "en"


def test_unknown_module_and_cohort(workspace, cohort) -> None:
    every = "quality, facility, assets, rules, mentoring, field_visit, technical_simulation"
    others = "pretest_hari1, posttest_hari1, pretest_hari2, posttest_hari2, pretest_hari3, posttest_hari3"
    with pytest.raises(
        WorkspaceError,
        match=f"nothing to release called 'simulasi'; modules: {every}; other workbooks: {others}, survei_kepuasan",
    ):
        release_cohort(workspace, cohort, module="simulasi")
    with pytest.raises(WorkspaceError, match="no cohort 'lain'"):
        release_cohort(workspace, "lain")
