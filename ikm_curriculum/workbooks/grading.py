"""Grading: one notebook run scores the whole cohort.

:func:`run_grading` (in the ``ikm`` process) executes
``notebooks/facilitator/grade_cohort.ipynb`` once through papermill and keeps
the executed notebook under ``cohorts/<cohort>/runs/`` as the audit trail. The
notebook calls :func:`grade_cohort`, which scores every graded item of every
participant from their latest submission and writes the scores to the
gradebook in one transaction. Re-grading replaces the automatic scores (same
answers, same scores); hand-given scores are never touched.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, insert, select

from ikm_curriculum.assessment.kinds import get_kind
from ikm_curriculum.cohort.gradebook import (
    ExerciseInstanceRow,
    GradingRun,
    Participant,
    Response,
    Score,
    Submission,
    utcnow,
)
from ikm_curriculum.cohort.workspace import Workspace, open_workspace
from ikm_curriculum.workbooks.recorded_run import run_recorded

RESULT_MIMETYPE = "application/vnd.ikm.grade-result+json"


@dataclass(frozen=True)
class GradeResult:
    run_id: str
    cohort: str
    participants: int
    submitted: int
    scores: int
    awaiting_manual: int
    notebook: str = ""

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        """HTML for the audit notebook, plus a JSON copy that :func:`run_grading` reads back."""
        rows = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in self.to_dict().items() if v != "")
        return {"text/html": f"<table>{rows}</table>", RESULT_MIMETYPE: self.to_dict()}


def latest_responses(
    session: Any, cohort_id: int, exercise_ids: Collection[str] | None = None
) -> dict[tuple[int, str], tuple[Any, int]]:
    """(participant row id, exercise id) → (value, submission id) from the latest attempt of each workbook.

    ``exercise_ids`` limits the answers read to those exercises (answers are JSON: reading fewer is faster).
    """
    latest = (
        select(Submission.participant_id, Submission.workbook, func.max(Submission.attempt).label("attempt"))
        .join(Participant)
        .where(Participant.cohort_id == cohort_id)
        .group_by(Submission.participant_id, Submission.workbook)
        .subquery()
    )
    query = (
        select(Submission.participant_id, Submission.id, Response.exercise_id, Response.value)
        .join(Response)
        .join(
            latest,
            (Submission.participant_id == latest.c.participant_id)
            & (Submission.workbook == latest.c.workbook)
            & (Submission.attempt == latest.c.attempt),
        )
    )
    if exercise_ids is not None:
        query = query.where(Response.exercise_id.in_(list(exercise_ids)))
    return {(pid, exercise_id): (value, sid) for pid, sid, exercise_id, value in session.execute(query)}


def grade_cohort(workspace_root: str, cohort_name: str, run_id: str) -> GradeResult:
    """Score every graded item of the cohort and store the scores (one transaction)."""
    workspace = open_workspace(workspace_root)
    gradebook = workspace.gradebook()
    try:
        with gradebook.transaction() as session:
            cohort = gradebook.cohort(session, cohort_name)
            run = session.get(GradingRun, run_id) or GradingRun(id=run_id, cohort_id=cohort.id)
            session.add(run)
            responses = latest_responses(session, cohort.id)
            participant_ids = select(Participant.id).where(Participant.cohort_id == cohort.id)
            instances = session.scalars(
                select(ExerciseInstanceRow).where(
                    ExerciseInstanceRow.participant_id.in_(participant_ids), ExerciseInstanceRow.graded.is_(True)
                )
            ).all()
            session.execute(delete(Score).where(Score.participant_id.in_(participant_ids), Score.method == "auto"))
            now = utcnow()
            rows = []
            for instance in instances:
                if get_kind(instance.kind).batch:
                    continue  # scored by its own run (the simulation), which keeps its scores
                value, submission_id = responses.get((instance.participant_id, instance.exercise_id), (None, None))
                result = get_kind(instance.kind).score(instance.public, instance.key, value, instance.max_points)
                rows.append(
                    {
                        "participant_id": instance.participant_id,
                        "exercise_id": instance.exercise_id,
                        "method": "auto",
                        "points": result.points,
                        "max_points": result.max_points,
                        "detail": result.detail,
                        "submission_id": submission_id,
                        "run_id": run_id,
                        "scored_at": now,
                    }
                )
            if rows:
                session.execute(insert(Score), rows)
            n_participants = session.scalar(select(func.count()).select_from(participant_ids.subquery())) or 0
            submitted = len({pid for pid, _ in responses})
            run.finished_at = now
            run.status = "ok"
            run.n_participants = n_participants
            run.n_scores = len(rows)
        return GradeResult(
            run_id, cohort_name, n_participants, submitted, len(rows), sum(r["points"] is None for r in rows)
        )
    finally:
        gradebook.dispose()


def run_grading(workspace: Workspace, cohort_name: str) -> GradeResult:
    """Execute the grading notebook once for the whole cohort; keep it under ``runs/``."""
    result, output = run_recorded(workspace, cohort_name, "grade_cohort.ipynb", "grade", {}, RESULT_MIMETYPE)
    return GradeResult(**{**result, "notebook": str(output)})
