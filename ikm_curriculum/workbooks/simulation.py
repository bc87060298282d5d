"""Scoring the simulation: one notebook run plays every participant's decisions on the cohort's hidden scenarios.

:func:`run_simulation` (in the ``ikm`` process) executes
``notebooks/facilitator/simulate_cohort.ipynb`` once through papermill and
keeps the executed notebook under ``cohorts/<cohort>/runs/`` as the audit
trail. The notebook calls :func:`simulate_cohort`, which

1. reads each participant's latest submitted decisions (exercise kind ``decisions``),
2. draws the cohort's hidden scenarios from the cohort secret
   (:func:`ikm_curriculum.simulation.cohort_seed`; :data:`SCENARIOS` replications,
   common random numbers: the same scenarios for everyone),
3. scores everyone against the reference policy
   (:func:`ikm_curriculum.simulation.score_participants`; the rubric is printed), and
4. stores the points as scores with method ``sim`` in one transaction,
   replacing the previous simulation scores (grading never touches them).

A participant whose decisions the model refuses (e.g. acceptance number ≥ sample
size) gets 0 points with the reason; the rest of the cohort is scored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, insert, select

from ikm_curriculum.cohort.gradebook import ExerciseInstanceRow, GradingRun, Score, utcnow
from ikm_curriculum.cohort.workspace import Workspace, open_workspace
from ikm_curriculum.errors import DecisionError
from ikm_curriculum.workbooks.grading import latest_responses
from ikm_curriculum.workbooks.recorded_run import run_recorded

RESULT_MIMETYPE = "application/vnd.ikm.simulation-result+json"
SCENARIOS = 100
"""Hidden scenarios per cohort (replications of the 12 months)."""
METHOD = "sim"
"""``Score.method`` of a simulation score (the column holds 8 characters); grading deletes only ``auto`` scores."""


@dataclass(frozen=True)
class SimulationRunResult:
    """What one simulation run did: participants scored, refused decisions (by name, with the reason)."""

    run_id: str
    cohort: str
    scored: int
    without_decisions: int
    refused: dict[str, str] = field(default_factory=dict)
    notebook: str = ""

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        """HTML for the audit notebook, plus a JSON copy that :func:`run_simulation` reads back."""
        rows = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in self.to_dict().items() if v not in ("", {}))
        return {"text/html": f"<table>{rows}</table>", RESULT_MIMETYPE: self.to_dict()}


def simulate_cohort(workspace_root: str, cohort_name: str, run_id: str, lang: str = "id") -> SimulationRunResult:
    """Score every submitted set of decisions of the cohort on its hidden scenarios (module docstring)."""
    from IPython.display import Markdown, display

    from ikm_curriculum.simulation import (
        cohort_seed,
        decisions_from_dict,
        rubric_text,
        scenarios_from_seed,
        score_participants,
    )

    workspace = open_workspace(workspace_root)
    gradebook = workspace.gradebook()
    try:
        with gradebook.transaction() as session:
            cohort = gradebook.cohort(session, cohort_name)
            run = session.get(GradingRun, run_id) or GradingRun(id=run_id, cohort_id=cohort.id)
            session.add(run)
            names = {p.id: p.nama for p in cohort.participants}
            instances = session.scalars(
                select(ExerciseInstanceRow).where(
                    ExerciseInstanceRow.participant_id.in_(list(names)), ExerciseInstanceRow.kind == "decisions"
                )
            ).all()
            responses = latest_responses(session, cohort.id)
            chosen, refused, sources = {}, {}, {}
            for instance in instances:
                value, submission_id = responses.get((instance.participant_id, instance.exercise_id), (None, None))
                if value is None:
                    continue
                try:
                    chosen[str(instance.id)] = decisions_from_dict(value)
                    sources[str(instance.id)] = submission_id
                except DecisionError as error:
                    refused[names[instance.participant_id]] = str(error)
            by_id = {str(i.id): i for i in instances}
            max_points = max((i.max_points for i in instances), default=10.0)
            scores = (
                score_participants(chosen, scenarios_from_seed(cohort_seed(cohort.secret), n=SCENARIOS), max_points)
                if chosen
                else {}
            )
            session.execute(delete(Score).where(Score.participant_id.in_(list(names)), Score.method == METHOD))
            now = utcnow()
            rows = [
                {"participant_id": by_id[key].participant_id, "exercise_id": by_id[key].exercise_id,
                 "method": METHOD, "points": result.points, "max_points": by_id[key].max_points,
                 "detail": result.to_dict(), "submission_id": sources[key], "run_id": run_id, "scored_at": now}
                for key, result in scores.items()
            ]  # fmt: skip
            for instance in instances:
                name = names[instance.participant_id]
                if name in refused:
                    rows.append({"participant_id": instance.participant_id, "exercise_id": instance.exercise_id,
                                 "method": METHOD, "points": 0.0, "max_points": instance.max_points,
                                 "detail": {"refused": refused[name]}, "submission_id": None, "run_id": run_id,
                                 "scored_at": now})  # fmt: skip
            if rows:
                session.execute(insert(Score), rows)
            run.finished_at, run.status, run.n_participants, run.n_scores = now, "ok", len(names), len(rows)
        display(Markdown(rubric_text(max_points, lang)))
        if scores:
            table = "\n".join(
                f"| {names[by_id[k].participant_id]} | {r.index:.1f} | {r.points:g} | {r.rank} |"
                for k, r in sorted(scores.items(), key=lambda item: item[1].rank)
            )
            head = "| nama | indeks | poin | peringkat |" if lang == "id" else "| name | index | points | rank |"
            display(Markdown(f"{head}\n|---|---|---|---|\n{table}"))
        without = len(instances) - len(chosen) - len(refused)
        return SimulationRunResult(run_id, cohort_name, len(scores), without, refused)
    finally:
        gradebook.dispose()


def run_simulation(workspace: Workspace, cohort_name: str) -> SimulationRunResult:
    """Execute the simulation notebook once for the whole cohort; keep it under ``runs/``."""
    gradebook = workspace.gradebook()
    try:
        with gradebook.session() as session:
            lang = gradebook.cohort(session, cohort_name).lang
    finally:
        gradebook.dispose()
    result, output = run_recorded(
        workspace, cohort_name, "simulate_cohort.ipynb", "simulate", {"lang": lang}, RESULT_MIMETYPE
    )
    return SimulationRunResult(**{**result, "notebook": str(output)})
