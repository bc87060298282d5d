"""Everything the cohort report reads from the gradebook, read once: :class:`ReportData`.

The report notebook's first call is :func:`load_report_data`; every section is a
function of the :class:`ReportData` it returns. With ``anonymize=True`` each
participant's name is replaced by a code (``P01``, ``P02`` … in roster order)
everywhere in the data, before any section sees it; centres and regencies stay,
since the city office plans its follow-up by centre.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sqlalchemy import select

from ikm_curriculum.cohort.gradebook import Score, Submission
from ikm_curriculum.cohort.scores import CohortScores, cohort_scores
from ikm_curriculum.cohort.training_info import TrainingInfo, training_info
from ikm_curriculum.cohort.workspace import Workspace, open_workspace
from ikm_curriculum.curriculum import check_lang
from ikm_curriculum.errors import WorkspaceError
from ikm_curriculum.evaluation.forms import SURVEY_WORKBOOK, plan_of_workbook
from ikm_curriculum.modules.field_visit.exercises import SHEETS, visit_result
from ikm_curriculum.modules.field_visit.observation import ObservationResult
from ikm_curriculum.workbooks.grading import latest_responses
from ikm_curriculum.workbooks.simulation import METHOD as SIMULATION_METHOD

COMBINED_NAME = "gabungan"
"""The name of a report over several cohorts (its folder under ``reports/`` and its file names)."""


@dataclass(frozen=True)
class ReportData:
    """What the report's sections read.

    Attributes
    ----------
    scores : CohortScores
        Scores per item, module and participant (training modules), and the pre/post-test items.
    lang : str
        ``"id"`` or ``"en"``.
    day : date
        The date printed on the report.
    info : TrainingInfo
        Title, place, dates and facilitators of the training (the cover).
    observations : dict
        Participant name → the field-visit observation they filled in.
    simulation : dict
        Participant code → the simulation's result (``index``, ``points``, ``rank`` …, or ``refused``).
    survey : dict
        Survey exercise id → every participant's latest answer (participants who answered).
    workbooks : dict
        Participant code → the workbooks they handed in (names).
    cohorts : tuple of str
        The cohorts of a combined report (empty for one cohort's report).
    anonymized : bool
        Names were replaced by codes.
    """

    scores: CohortScores
    lang: str = "id"
    day: date = field(default_factory=date.today)
    info: TrainingInfo | None = None
    observations: dict[str, ObservationResult] = field(default_factory=dict)
    simulation: dict[str, dict[str, Any]] = field(default_factory=dict)
    survey: dict[str, list[Any]] = field(default_factory=dict)
    workbooks: dict[str, frozenset[str]] = field(default_factory=dict)
    cohorts: tuple[str, ...] = ()
    anonymized: bool = False

    @property
    def training(self) -> TrainingInfo:
        """The training details (defaults when none were stored)."""
        return self.info or TrainingInfo(self.scores.cohort)


def load_report_data(
    workspace: str | os.PathLike[str] | Workspace,
    cohort: str | Sequence[str],
    lang: str = "id",
    anonymize: bool = False,
    day: date | None = None,
) -> ReportData:
    """Read everything the report of ``cohort`` shows (the notebook's first call).

    ``cohort`` may be a list of cohorts: their data are combined into one report
    (:func:`combined`), e.g. every cohort a city trained in a year.
    """
    opened = workspace if isinstance(workspace, Workspace) else open_workspace(workspace)
    names = [cohort] if isinstance(cohort, str) else list(cohort)
    if not names:
        raise WorkspaceError("no cohort given for the report")
    parts = []
    for name in names:
        scores = cohort_scores(opened, name)
        extra = _gradebook_extras(opened, name)
        parts.append(
            ReportData(
                scores,
                check_lang(lang),
                day or date.today(),
                training_info(opened, name),
                extra["observations"],
                extra["simulation"],
                extra["survey"],
                extra["workbooks"],
            )
        )
    data = parts[0] if len(parts) == 1 else combined(parts)
    return anonymized(data) if anonymize else data


def combined(parts: Sequence[ReportData]) -> ReportData:
    """Several cohorts' data as one: participants one after another, cohort by cohort; the training's dates from
    the first day to the last, places and facilitators listed once each."""
    parts = [_qualified(part) for part in parts]
    first = parts[0]
    modules = tuple(dict.fromkeys(m for part in parts for m in part.scores.modules))
    scores = CohortScores(
        COMBINED_NAME,
        modules,
        tuple(p for part in parts for p in part.scores.participants),
        tuple(i for part in parts for i in part.scores.items),
        tuple(i for part in parts for i in part.scores.evaluation),
    )
    infos = [part.training for part in parts]
    starts = [i.start_date for i in infos if i.start_date]
    ends = [i.end_date for i in infos if i.end_date]
    info = TrainingInfo(
        cohort=", ".join(part.scores.cohort for part in parts),
        title=infos[0].title,
        place="; ".join(dict.fromkeys(i.place for i in infos if i.place)),
        organiser="; ".join(dict.fromkeys(i.organiser for i in infos if i.organiser)),
        start_date=min(starts) if starts else None,
        end_date=max(ends) if ends else None,
        facilitators=tuple(dict.fromkeys(f for i in infos for f in i.facilitators)),
    )
    survey: dict[str, list[Any]] = {}
    for part in parts:
        for exercise, answers in part.survey.items():
            survey.setdefault(exercise, []).extend(answers)
    return ReportData(
        scores,
        first.lang,
        first.day,
        info,
        {name: result for part in parts for name, result in part.observations.items()},
        {code: detail for part in parts for code, detail in part.simulation.items()},
        survey,
        {code: books for part in parts for code, books in part.workbooks.items()},
        cohorts=tuple(part.scores.cohort for part in parts),
    )


def _gradebook_extras(workspace: Workspace, cohort: str) -> dict[str, Any]:
    """Field-visit sheets, simulation results, survey answers and handed-in workbooks, in one read session."""
    sheets = [spec.exercise_id for spec in SHEETS]
    survey_ids = [spec.exercise_id for spec in plan_of_workbook(SURVEY_WORKBOOK).specs]
    gradebook = workspace.gradebook()
    try:
        with gradebook.session() as session:
            found = gradebook.cohort(session, cohort)
            people = {p.id: (p.code, p.nama) for p in found.participants}
            responses = latest_responses(session, found.id, [*sheets, *survey_ids])
            simulation_rows = session.execute(
                select(Score.participant_id, Score.detail).where(
                    Score.participant_id.in_(list(people)), Score.method == SIMULATION_METHOD
                )
            ).all()
            handed_in = session.execute(
                select(Submission.participant_id, Submission.workbook).where(
                    Submission.participant_id.in_(list(people))
                )
            ).all()
    finally:
        gradebook.dispose()
    observations: dict[str, ObservationResult] = {}
    for pid, (_, nama) in people.items():
        answers = {sheet: responses[(pid, sheet)][0] for sheet in sheets if responses.get((pid, sheet), (None,))[0]}
        if answers:
            observations[nama] = visit_result(answers)
    survey = {
        exercise: [responses[(pid, exercise)][0] for pid in people if responses.get((pid, exercise), (None,))[0]]
        for exercise in survey_ids
    }
    workbooks: dict[str, set[str]] = {code: set() for code, _ in people.values()}
    for pid, workbook in handed_in:
        workbooks[people[pid][0]].add(workbook)
    return {
        "observations": observations,
        "simulation": {people[pid][0]: dict(detail or {}) for pid, detail in simulation_rows},
        "survey": survey,
        "workbooks": {code: frozenset(names) for code, names in workbooks.items()},
    }


def _qualified(data: ReportData) -> ReportData:
    """``data`` with each participant code written ``<cohort>/<code>``: codes are unique within a cohort only."""
    cohort = data.scores.cohort
    codes = {p.code: f"{cohort}/{p.code}" for p in data.scores.participants}
    return _recoded(data, codes, {})


def _recoded(data: ReportData, codes: dict[str, str], names: dict[str, str]) -> ReportData:
    """``data`` with participant codes replaced everywhere; with ``names`` (name → new name, for the field-visit
    sheets, which are filed by name) each participant's name becomes their new code too."""
    people = tuple(
        replace(p, code=codes[p.code], nama=codes[p.code] if names else p.nama) for p in data.scores.participants
    )
    scores = replace(
        data.scores,
        participants=people,
        items=tuple(replace(i, participant=codes.get(i.participant, i.participant)) for i in data.scores.items),
        evaluation=tuple(
            replace(i, participant=codes.get(i.participant, i.participant)) for i in data.scores.evaluation
        ),
    )
    return replace(
        data,
        scores=scores,
        observations={names.get(name, name): result for name, result in data.observations.items()},
        simulation={codes.get(code, code): detail for code, detail in data.simulation.items()},
        workbooks={codes.get(code, code): books for code, books in data.workbooks.items()},
    )


def anonymous_codes(scores: CohortScores) -> dict[str, str]:
    """Participant code → ``P01``, ``P02`` … in roster order (two digits, three from 100 participants).

    >>> from ikm_curriculum.cohort.scores import ParticipantScores
    >>> people = tuple(ParticipantScores(c, c, "", "", "", True, 0, 0, 0) for c in ("x", "y"))
    >>> anonymous_codes(CohortScores("k", (), people, ()))
    {'x': 'P01', 'y': 'P02'}
    """
    width = max(2, len(str(len(scores.participants))))
    return {p.code: f"P{number:0{width}d}" for number, p in enumerate(scores.participants, start=1)}


def anonymized(data: ReportData) -> ReportData:
    """``data`` with every participant's name and id replaced by their anonymous code."""
    codes = anonymous_codes(data.scores)
    names = {p.nama: codes[p.code] for p in data.scores.participants}
    return replace(_recoded(data, codes, names), anonymized=True)
