"""Reading scores back from the gradebook: per item, per module, per participant.

The score of an item is the hand-given (manual) score when there is one, else
the automatic one. An item still awaiting hand scoring counts 0 in totals and
is counted in ``awaiting_manual``. An item never graded counts 0.

Only the training modules' workbooks make the totals; the items of the daily
pre-tests and post-tests are kept apart in ``CohortScores.evaluation`` (their
``module`` is the test's workbook name, e.g. ``pretest_hari1``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from ikm_curriculum.cohort.gradebook import (
    ExerciseInstanceRow,
    Score,
    Submission,
)
from ikm_curriculum.cohort.workspace import Workspace
from ikm_curriculum.evaluation.forms import training_modules


@dataclass(frozen=True)
class ItemScore:
    participant: str
    module: str
    exercise_id: str
    points: float | None
    max_points: float
    method: str  # "auto", "manual" or "" (not graded yet)


@dataclass(frozen=True)
class ParticipantScores:
    code: str
    nama: str
    sentra: str
    komoditas: str
    kabupaten_kota: str
    submitted: bool
    total: float
    max_total: float
    awaiting_manual: int
    by_module: dict[str, tuple[float, float]] = field(default_factory=dict)

    def points_text(self, module: str | None = None) -> str:
        """``"21.03/40"``: points (to 2 decimals) out of the maximum, of one module or in total."""
        points, maximum = self.by_module[module] if module else (self.total, self.max_total)
        return f"{round(points, 2):g}/{maximum:g}"

    @property
    def percent(self) -> float:
        return 100.0 * self.total / self.max_total if self.max_total else 0.0

    def to_dict(self) -> dict[str, Any]:
        out = {k: v for k, v in self.__dict__.items() if k != "by_module"}
        out["percent"] = round(self.percent, 1)
        for module, (points, maximum) in self.by_module.items():
            out[f"{module}_points"] = points
            out[f"{module}_max"] = maximum
        return out


@dataclass(frozen=True)
class CohortScores:
    cohort: str
    modules: tuple[str, ...]
    participants: tuple[ParticipantScores, ...]
    items: tuple[ItemScore, ...]
    evaluation: tuple[ItemScore, ...] = ()


def cohort_scores(workspace: Workspace, cohort_name: str) -> CohortScores:
    """Every participant's scores in ``cohort_name``, in roster order."""
    gradebook = workspace.gradebook()
    try:
        with gradebook.session() as session:
            cohort = gradebook.cohort(session, cohort_name)
            participants = list(cohort.participants)
            ids = [p.id for p in participants]
            # Only the columns needed: the JSON of instances (public, key) and scores (detail) is not read.
            row = ExerciseInstanceRow
            instances = session.execute(
                select(row.participant_id, row.module, row.exercise_id, row.max_points)
                .where(row.participant_id.in_(ids), row.graded.is_(True))
                .order_by(row.id)
            ).all()
            scores: dict[tuple[int, str], tuple[float | None, str]] = {}
            for pid, exercise_id, method, points in session.execute(
                select(Score.participant_id, Score.exercise_id, Score.method, Score.points).where(
                    Score.participant_id.in_(ids)
                )
            ):
                if method == "manual" or (pid, exercise_id) not in scores:
                    scores[(pid, exercise_id)] = (points, method)
            submitted = set(  # handed in at least one answer
                session.scalars(
                    select(Submission.participant_id)
                    .where(Submission.participant_id.in_(ids), Submission.responses.any())
                    .distinct()
                )
            )
    finally:
        gradebook.dispose()
    codes = {p.id: p.code for p in participants}
    training = set(training_modules())
    modules = tuple(dict.fromkeys(row.module for row in instances if row.module in training))
    items = []
    evaluation = []
    for row in instances:
        points, method = scores.get((row.participant_id, row.exercise_id), (0.0, ""))
        item = ItemScore(codes[row.participant_id], row.module, row.exercise_id, points, row.max_points, method)
        (items if row.module in training else evaluation).append(item)
    per_participant: dict[str, list[ItemScore]] = {p.code: [] for p in participants}
    for item in items:
        per_participant[item.participant].append(item)
    rows = []
    for p in participants:
        mine = per_participant[p.code]
        by_module = {
            module: (
                sum(i.points or 0.0 for i in mine if i.module == module),
                sum(i.max_points for i in mine if i.module == module),
            )
            for module in modules
        }
        rows.append(
            ParticipantScores(
                p.code,
                p.nama,
                p.sentra,
                p.komoditas,
                p.kabupaten_kota,
                p.id in submitted,
                sum(points for points, _ in by_module.values()),
                sum(maximum for _, maximum in by_module.values()),
                sum(1 for i in mine if i.points is None),
                by_module,
            )
        )
    return CohortScores(cohort_name, modules, tuple(rows), tuple(items), tuple(evaluation))
