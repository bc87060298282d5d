"""Scoring the simulation: one real kernel (papermill) plays every participant's decisions on hidden scenarios."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from sqlalchemy import select

from ikm_curriculum.cohort.gradebook import Score
from ikm_curriculum.cohort.scores import cohort_scores
from ikm_curriculum.simulation import REFERENCE_POLICY
from ikm_curriculum.workbooks.collect import collect
from ikm_curriculum.workbooks.grading import run_grading
from ikm_curriculum.workbooks.release import release_cohort
from ikm_curriculum.workbooks.simulation import METHOD, run_simulation

pytestmark = pytest.mark.slow
WORKBOOK = "07_simulasi_sentra"


def write_decisions(folder: Path, decisions: dict) -> None:
    path = folder / f"{WORKBOOK}.answers.json"
    data = json.loads(path.read_text("utf-8"))
    data["answers"] = {"simulasi.decisions": {"value": decisions, "saved_at": "2026-11-29T10:00:00+08:00"}}
    path.write_text(json.dumps(data), "utf-8")


def test_simulation_scores_everyone_on_the_same_hidden_scenarios(workspace, cohort) -> None:
    release_cohort(workspace, cohort, module="technical_simulation")
    careful, careless, impossible = sorted(p for p in workspace.release_dir(cohort).iterdir() if p.is_dir())
    reference = REFERENCE_POLICY.to_dict()
    write_decisions(careful, reference)
    write_decisions(careless, {**reference, "maintenance_interval_months": 0, "enforcement": "longgar"})
    write_decisions(impossible, {**reference, "inspection_n": 10, "inspection_c": 20})  # c ≥ n: the model refuses
    collect(workspace, cohort, workspace.release_dir(cohort))

    result = run_simulation(workspace, cohort)
    assert result.scored == 2 and result.without_decisions == 0
    (refused_name,) = result.refused
    assert "inspection_c" in result.refused[refused_name]
    points = {p.nama: p.by_module["technical_simulation"][0] for p in cohort_scores(workspace, cohort).participants}
    by_folder = {p.code: p.nama for p in cohort_scores(workspace, cohort).participants}
    assert points[by_folder[careful.name]] == 10.0  # the reference policy itself earns full marks (the rubric)
    assert 0 < points[by_folder[careless.name]] < 10.0
    assert points[by_folder[impossible.name]] == 0.0 and refused_name == by_folder[impossible.name]

    executed = nbformat.read(result.notebook, as_version=4)
    shown = json.dumps([o for c in executed.cells for o in c.get("outputs", [])])
    assert "Cara menilai simulasi" in shown and "kebijakan acuan" in shown  # the rubric is in the audit notebook

    gradebook = workspace.gradebook()
    with gradebook.session() as session:
        methods = [
            row.method for row in session.scalars(select(Score).where(Score.exercise_id == "simulasi.decisions"))
        ]
    gradebook.dispose()
    assert methods == [METHOD] * 3 and len(METHOD) <= Score.__table__.c.method.type.length  # fits on PostgreSQL too

    run_grading(workspace, cohort)  # grading leaves the simulation's scores alone
    again = {p.nama: p.by_module["technical_simulation"][0] for p in cohort_scores(workspace, cohort).participants}
    assert again == points
    assert run_simulation(workspace, cohort).refused == result.refused  # same secret, same scenarios, same result
    assert {p.nama: p.by_module["technical_simulation"][0] for p in cohort_scores(workspace, cohort).participants} == (
        points
    )
