"""The participant workbook: runs in a real kernel, and builds for every participant of the demo roster."""

from __future__ import annotations

import ast

import nbformat
import pytest

from ikm_curriculum.cohort.cohorts import create_cohort
from ikm_curriculum.cohort.workspace import init_workspace
from ikm_curriculum.curriculum import default_curriculum
from ikm_curriculum.demo import ROSTER
from ikm_curriculum.evaluation.forms import default_plans
from ikm_curriculum.widgets import open_workbook
from ikm_curriculum.workbooks.release import release_cohort
from ikm_curriculum.workbooks.runner import run_notebook

WORKBOOKS = sorted(default_curriculum().workbooks())
EVALUATION = [plan.workbook for plan in default_plans() if not plan.is_training]


def injected(path) -> dict:
    notebook = nbformat.read(path, as_version=4)
    (cell,) = [c for c in notebook.cells if "injected-parameters" in c.metadata.get("tags", [])]
    return {node.targets[0].id: ast.literal_eval(node.value) for node in ast.parse(cell.source).body}


@pytest.fixture(scope="module")
def demo_release(tmp_path_factory):
    """The demo roster released once for the tests of this file (they only read the folders)."""
    workspace, _ = init_workspace(tmp_path_factory.mktemp("release") / "ws")
    create_cohort(workspace, "demo", ROSTER)
    release_cohort(workspace, "demo")
    return sorted(p for p in workspace.release_dir("demo").iterdir() if p.is_dir())


@pytest.mark.parametrize("workbook", WORKBOOKS)
def test_workbook_builds_for_every_demo_participant(demo_release, workbook: str) -> None:
    """Every commodity of the demo roster (18 participants) gets a complete workbook with its charts."""
    assert len(demo_release) == 18
    for folder in demo_release:
        params = injected(folder / f"{workbook}.ipynb")
        opened = open_workbook(**params, folder=folder)
        page = opened.show_all()
        assert len(page.children) == 1 + len(params["topics"])  # header, then one block per topic
        assert set(opened.fronts) == {e["exercise_id"] for e in params["exercises"]}
        module = next(m for m in default_curriculum().modules if m.workbook == workbook)
        assert set(params["examples"]) == {t.id for t in module.topics if t.example}  # every worked example


def test_test_forms_and_survey_build_for_every_demo_participant(demo_release) -> None:
    """Each test form holds its questions numbered in the participant's own order; the survey its aspects."""
    orders = set()
    for folder in demo_release:
        for workbook in EVALUATION:
            params = injected(folder / f"{workbook}.ipynb")
            opened = open_workbook(**params, folder=folder)
            assert len(opened.show_all().children) == 2  # header, then the form
            assert params["examples"] == {}
            order = params["topics"][0]["exercises"]
            assert set(order) == set(opened.fronts)
            titles = {e["exercise_id"]: e["title"]["id"] for e in params["exercises"]}
            if workbook.startswith(("pre", "post")):
                assert [titles[e] for e in order] == [f"Soal {n}" for n in range(1, len(order) + 1)]
                if workbook == "pretest_hari2":
                    orders.add(tuple(order))
    assert len(orders) > 1  # shuffled per participant


@pytest.mark.slow
@pytest.mark.parametrize("workbook", [*WORKBOOKS, "pretest_hari1", "survei_kepuasan"])
def test_released_workbook_runs_in_a_real_kernel(demo_release, tmp_path, workbook: str) -> None:
    folder = demo_release[0]
    output = tmp_path / "executed.ipynb"
    executed = run_notebook(folder / f"{workbook}.ipynb", output, {}, cwd=folder)
    outputs = [o for cell in executed.cells for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    widget_views = [o for o in outputs if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert len(widget_views) == 1  # the whole workbook is one widget tree
