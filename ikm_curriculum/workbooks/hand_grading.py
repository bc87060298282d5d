"""Hand grading (*penilaian manual*): a facilitator scores open answers against their rubric.

Items of a manual kind (``short_text``: :mod:`ikm_curriculum.assessment.kinds`)
are scored ``None`` by ``ikm grade`` ("awaiting hand scoring"), or 0 when left
blank. A facilitator reads each answer beside the prompt and the rubric that
the exercise's generator wrote into its key, and gives points with a comment:
:func:`save_manual_score` stores them as a ``Score`` with method ``manual``,
which grading never deletes and which wins over the automatic score in
:func:`ikm_curriculum.cohort.scores.cohort_scores`.

``notebooks/facilitator/hand_grading.ipynb`` shows the widget
(:func:`hand_grading_widget`); :func:`prepare_hand_grading` writes a copy of it,
with the cohort's parameters, into the cohort's folder for JupyterLab or Voilà.
"""

from __future__ import annotations

import json
import math
import os
import re
from dataclasses import asdict, dataclass, field
from functools import partial
from numbers import Real
from pathlib import Path
from typing import Any, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from ikm_curriculum.assessment.kinds import KINDS, get_kind
from ikm_curriculum.cohort.gradebook import Cohort, ExerciseInstanceRow, Participant, Response, Score, utcnow
from ikm_curriculum.cohort.workspace import Workspace, open_workspace
from ikm_curriculum.errors import AnswerFormatError, WorkspaceError
from ikm_curriculum.resources import resource_path
from ikm_curriculum.workbooks.grading import latest_responses

METHOD = "manual"
"""``Score.method`` of a hand-given score; grading deletes and rewrites only ``auto`` scores."""
AWAITING, SCORED, BLANK = "awaiting", "scored", "blank"
"""Status of an item: answered and not yet scored by hand; scored by hand; no answer (graded 0 automatically)."""
NOTEBOOK_NAME = "hand_grading.ipynb"

_CRITERION = re.compile(r"(?:^|(?<=\s))(\d+(?:[.,]\d+)?)(?:\s+(?:poin|points?))?:\s+")


@dataclass(frozen=True)
class Criterion:
    """One line of a rubric: its number (from 1), its points and its text (``{"id", "en"}``)."""

    number: int
    points: float
    text: dict[str, str]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ManualItem:
    """One participant's answer to one hand-scored exercise, with what a grader needs beside it.

    ``key`` is filled only when the exercise's key has no ``rubric`` (the grader
    then sees what its generator wrote instead). ``points`` … ``scored_at`` are
    those of the current manual score, if any. ``answer_changed``: the answer was
    handed in again, with other text, after it was scored by hand.
    """

    participant: str
    nama: str
    exercise_id: str
    module: str
    kind: str
    title: Any
    prompt: Any
    data: Any
    answer: str
    max_points: float
    rubric: Any
    criteria: tuple[Criterion, ...]
    status: str
    points: float | None = None
    comment: str = ""
    grader: str = ""
    rubric_checked: tuple[int, ...] = ()
    scored_at: str = ""
    answer_changed: bool = False
    lint: str = ""
    key: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out = dict(self.__dict__)
        out["criteria"] = [c.to_dict() for c in self.criteria]
        out["rubric_checked"] = list(self.rubric_checked)
        return out


@dataclass(frozen=True)
class ManualSummary:
    """How far hand grading of a cohort has come, in total and per exercise (``{status: count}``)."""

    cohort: str
    total: int
    awaiting: int
    scored: int
    blank: int
    changed: int
    by_exercise: dict[str, dict[str, int]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {**self.__dict__, "by_exercise": {k: dict(v) for k, v in self.by_exercise.items()}}


def rubric_criteria(rubric: Any, max_points: float) -> tuple[Criterion, ...]:
    """The point-bearing lines of a rubric text, when they add up to the item's maximum.

    A line starts with its points and a colon (``"1 poin:"``, ``"1 point:"`` or
    ``"1:"``), the form the modules' generators write; text before the first line
    (``"3 poin."``) is a heading. A bilingual rubric must give the same points in
    both languages. Anything else gives no lines (the grader reads the rubric as text).

    >>> lines = rubric_criteria({"id": "2 poin. 1 poin: nama. 1: waktu.", "en": "2 points. 1: name. 1: time."}, 2)
    >>> [(c.number, c.points, c.text["en"]) for c in lines]
    [(1, 1.0, 'name.'), (2, 1.0, 'time.')]
    >>> rubric_criteria("3 poin. 1: nama. 1: waktu.", 3)  # 2 points of 3: not a complete rubric
    ()
    """
    texts = rubric if isinstance(rubric, dict) else {"id": rubric, "en": rubric}
    parsed: dict[str, list[tuple[float, str]]] = {}
    for lang in ("id", "en"):
        source = str(texts.get(lang) or texts.get("id") or "")
        found = list(_CRITERION.finditer(source))
        ends = [m.start() for m in found[1:]] + [len(source)] if found else []
        parsed[lang] = [
            (float(m.group(1).replace(",", ".")), source[m.end() : end].strip())
            for m, end in zip(found, ends, strict=True)
        ]
    points = [p for p, _ in parsed["id"]]
    if not points or points != [p for p, _ in parsed["en"]] or not math.isclose(sum(points), max_points):
        return ()
    return tuple(
        Criterion(i + 1, p, {"id": t_id, "en": t_en})
        for i, ((p, t_id), (_, t_en)) in enumerate(zip(parsed["id"], parsed["en"], strict=True))
    )


def _open(workspace: Workspace | str | os.PathLike[str]) -> Workspace:
    return workspace if isinstance(workspace, Workspace) else open_workspace(workspace)


def _manual_kinds() -> list[str]:
    return sorted(name for name, kind in KINDS.items() if kind.manual)


def _answer_text(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _rubric_of(row: ExerciseInstanceRow) -> Any:
    return row.key.get("rubric") or row.public.get("rubric") or ""


def pending_manual(workspace: Workspace | str | os.PathLike[str], cohort: str) -> list[ManualItem]:
    """Every graded item of a manual kind of every participant, in roster order, then workbook order.

    The answer is the one of the participant's latest submission of that workbook
    (as grading reads it); status is ``scored`` when a manual score exists, else
    ``blank`` when there is no answer (grading gives it 0), else ``awaiting``.
    """
    gradebook = _open(workspace).gradebook()
    try:
        with gradebook.session() as session:
            cohort_row = gradebook.cohort(session, cohort)
            people = {p.id: p for p in cohort_row.participants}
            rows = session.scalars(
                select(ExerciseInstanceRow).where(
                    ExerciseInstanceRow.participant_id.in_(list(people)),
                    ExerciseInstanceRow.graded.is_(True),
                    ExerciseInstanceRow.kind.in_(_manual_kinds()),
                )
            ).all()
            responses = latest_responses(session, cohort_row.id)
            scores = select(Score).where(Score.participant_id.in_(list(people)), Score.method == METHOD)
            manual = {(s.participant_id, s.exercise_id): s for s in session.scalars(scores)}
            # the answers as they were when scored, to tell a changed answer from a resubmitted, unchanged one
            read = select(Response.submission_id, Response.exercise_id, Response.value).where(
                Response.submission_id.in_({s.submission_id for s in manual.values()} - {None})
            )
            scored_answers = {(sid, exercise_id): value for sid, exercise_id, value in session.execute(read)}
    finally:
        gradebook.dispose()
    items = []
    for row in sorted(rows, key=lambda r: (people[r.participant_id].roster_row, r.id)):
        person = people[row.participant_id]
        value, submission_id = responses.get((row.participant_id, row.exercise_id), (None, None))
        answer = _answer_text(value)
        score = manual.get((row.participant_id, row.exercise_id))
        rubric, public = _rubric_of(row), row.public
        state: dict[str, Any] = {"status": AWAITING if answer.strip() else BLANK}
        if score is not None:
            before = _answer_text(scored_answers.get((score.submission_id, row.exercise_id)))
            detail = score.detail or {}
            state = {
                "status": SCORED,
                "points": score.points,
                "comment": str(detail.get("comment", "")),
                "grader": str(detail.get("grader", "")),
                "rubric_checked": tuple(detail.get("rubric_checked", ())),
                "scored_at": score.scored_at.isoformat(timespec="seconds") if score.scored_at else "",
                "answer_changed": score.submission_id != submission_id and before != answer,
            }
        items.append(
            ManualItem(
                *(person.code, person.nama, row.exercise_id, row.module, row.kind, public.get("title", "")),
                *(public.get("prompt", ""), public.get("data"), answer, row.max_points, rubric),
                criteria=rubric_criteria(rubric, row.max_points) if rubric else (),
                lint=str(public.get("lint") or ""),
                key={} if rubric else dict(row.key),
                **state,
            )
        )
    return items


def manual_summary(workspace: Workspace | str | os.PathLike[str], cohort: str) -> ManualSummary:
    """Counts of :func:`pending_manual` items by status, in total and per exercise."""
    items = pending_manual(workspace, cohort)
    by_exercise: dict[str, dict[str, int]] = {}
    for item in items:
        by_exercise.setdefault(item.exercise_id, {AWAITING: 0, SCORED: 0, BLANK: 0})[item.status] += 1
    status = [i.status for i in items]
    changed = sum(i.answer_changed for i in items)
    return ManualSummary(
        cohort, len(items), *(status.count(s) for s in (AWAITING, SCORED, BLANK)), changed, by_exercise
    )


def _find_item(
    session: Session, cohort: Cohort, participant_code: str, exercise_id: str
) -> tuple[Participant, ExerciseInstanceRow]:
    """The participant (by code) and their instance of ``exercise_id``; the errors say what exists."""
    person = next((p for p in cohort.participants if p.code == participant_code), None)
    if person is None:
        codes = [p.code for p in cohort.participants]
        shown = ", ".join(codes[:25]) + (" …" if len(codes) > 25 else "")
        raise WorkspaceError(
            f"participant_code: cohort {cohort.name!r} has no participant {participant_code!r}; "
            f"expected one of: {shown or '(none)'}"
        )
    row = session.scalar(
        select(ExerciseInstanceRow).where(
            ExerciseInstanceRow.participant_id == person.id, ExerciseInstanceRow.exercise_id == exercise_id
        )
    )
    if row is None:
        mine = select(ExerciseInstanceRow.exercise_id).where(ExerciseInstanceRow.participant_id == person.id)
        manual = session.scalars(mine.where(ExerciseInstanceRow.kind.in_(_manual_kinds()))).all()
        raise WorkspaceError(
            f"exercise_id: participant {participant_code!r} of cohort {cohort.name!r} has no exercise "
            f"{exercise_id!r} (not released to them?); hand-scored exercises: {', '.join(manual) or '(none)'}"
        )
    return person, row


def _manual_score(session: Session, participant_id: int, exercise_id: str) -> Score | None:
    query = select(Score).where(Score.participant_id == participant_id, Score.exercise_id == exercise_id)
    return session.scalar(query.where(Score.method == METHOD))


def save_manual_score(
    workspace: Workspace | str | os.PathLike[str],
    cohort: str,
    participant_code: str,
    exercise_id: str,
    points: float,
    comment: str = "",
    grader: str = "",
    rubric_checked: Sequence[int] | None = None,
) -> None:
    """Store (or replace) the hand-given score of one item, in one transaction.

    Refused, with nothing stored, when the participant is not in the cohort or
    has no such exercise (:class:`WorkspaceError`), when the exercise is not of
    a manual kind or is a practice item (:class:`WorkspaceError`), or when
    ``points`` is not a finite number from 0 to the item's maximum, ``comment``
    or ``grader`` is not text, or ``rubric_checked`` is not a list of the
    rubric's line numbers (:class:`AnswerFormatError`, ``field`` names the
    argument). ``Score.detail`` holds ``comment``, ``grader`` and, when given,
    ``rubric_checked`` (the rubric lines met, numbered from 1; :func:`rubric_criteria`).
    The score keeps the id of the submission whose answer was read, so a later
    resubmission shows as ``answer_changed``.
    """
    where = f"{exercise_id} of {participant_code}"
    if isinstance(points, bool) or not isinstance(points, Real):
        raise AnswerFormatError("points", f"a number for {where}", points)
    if not math.isfinite(points):
        raise AnswerFormatError("points", f"a finite number for {where}", points)
    for name, value in (("comment", comment), ("grader", grader)):
        if not isinstance(value, str):
            raise AnswerFormatError(name, f"text for {where}", value)
    checked = list(rubric_checked or ())
    gradebook = _open(workspace).gradebook()
    try:
        with gradebook.transaction() as session:
            cohort_row = gradebook.cohort(session, cohort)
            person, row = _find_item(session, cohort_row, participant_code, exercise_id)
            if not get_kind(row.kind).manual:
                raise WorkspaceError(
                    f"exercise_id: {where} is a {row.kind} exercise, scored automatically by `ikm grade`; "
                    f"expected an exercise of a hand-scored kind ({', '.join(_manual_kinds())})"
                )
            if not row.graded:
                raise WorkspaceError(f"exercise_id: {where} is a practice item (not scored); expected a graded one")
            if not 0.0 <= points <= row.max_points:
                raise AnswerFormatError("points", f"a number from 0 to {row.max_points:g} for {where}", points)
            lines = [c.number for c in rubric_criteria(_rubric_of(row), row.max_points)]
            if any(isinstance(n, bool) or n not in lines for n in checked) or len(set(checked)) != len(checked):
                raise AnswerFormatError(
                    "rubric_checked", f"rubric line numbers of {where}, each once, from {lines or '(none)'}", checked
                )
            _, submission_id = latest_responses(session, cohort_row.id).get((person.id, exercise_id), (None, None))
            detail: dict[str, Any] = {"comment": comment, "grader": grader}
            if checked:
                detail["rubric_checked"] = sorted(int(n) for n in checked)
            score = _manual_score(session, person.id, exercise_id)
            if score is None:
                score = Score(participant_id=person.id, exercise_id=exercise_id, method=METHOD)
                session.add(score)
            score.points, score.max_points, score.detail = float(points), row.max_points, detail
            score.submission_id, score.run_id, score.scored_at = submission_id, None, utcnow()
    finally:
        gradebook.dispose()


def clear_manual_score(
    workspace: Workspace | str | os.PathLike[str], cohort: str, participant_code: str, exercise_id: str
) -> bool:
    """Remove the hand-given score of one item (the automatic one counts again); whether there was one."""
    gradebook = _open(workspace).gradebook()
    try:
        with gradebook.transaction() as session:
            person, _ = _find_item(session, gradebook.cohort(session, cohort), participant_code, exercise_id)
            score = _manual_score(session, person.id, exercise_id)
            if score is not None:
                session.delete(score)
            return score is not None
    finally:
        gradebook.dispose()


def hand_grading_widget(
    workspace: Workspace | str | os.PathLike[str], cohort: str, lang: str = "id", grader: str = ""
) -> Any:
    """The facilitator's widget (:class:`ikm_curriculum.widgets.hand_grading.HandGrading`), wired to the gradebook."""
    from ikm_curriculum.widgets.hand_grading import HandGrading

    ws = _open(workspace)
    return HandGrading(
        [item.to_dict() for item in pending_manual(ws, cohort)],
        save=partial(save_manual_score, ws, cohort),
        clear=partial(clear_manual_score, ws, cohort),
        reload=lambda: [item.to_dict() for item in pending_manual(ws, cohort)],
        lang=lang,
        grader=grader,
        title=cohort,
    ).widget


@dataclass(frozen=True)
class HandGradingNotebook:
    """The hand-grading notebook written for one cohort, and how far its grading has come."""

    path: Path
    cohort: str
    lang: str
    summary: ManualSummary

    def to_dict(self) -> dict[str, Any]:
        return {"path": str(self.path), "cohort": self.cohort, "lang": self.lang, "summary": self.summary.to_dict()}

    def how_to_open(self) -> str:
        """What to type to open the notebook (in the notebook's language)."""
        s, path = self.summary, f'"{self.path}"'
        if self.lang == "en":
            return (
                f"{s.awaiting} answer(s) await hand scoring, {s.scored} scored, {s.blank} blank.\n"
                f"Open in JupyterLab:  jupyter lab {path}\nor as an app:        voila {path}"
            )
        return (
            f"{s.awaiting} jawaban menunggu dinilai, {s.scored} sudah dinilai, {s.blank} kosong.\n"
            f"Buka di JupyterLab:  jupyter lab {path}\natau sebagai aplikasi: voila {path}"
        )


def prepare_hand_grading(
    workspace: Workspace, cohort: str, lang: str | None = None, grader: str = ""
) -> HandGradingNotebook:
    """Write ``cohorts/<cohort>/hand_grading.ipynb`` with the cohort's parameters (no kernel is started).

    The copy holds no scores (they are read from the gradebook when it runs), so
    writing it again is harmless. ``lang`` defaults to the cohort's language.
    """
    from ikm_curriculum.workbooks.runner import import_papermill

    gradebook = workspace.gradebook()
    try:
        with gradebook.session() as session:
            lang = lang or gradebook.cohort(session, cohort).lang
    finally:
        gradebook.dispose()
    if lang not in ("id", "en"):
        raise WorkspaceError(f"lang: expected 'id' or 'en', got {lang!r}")
    summary = manual_summary(workspace, cohort)
    output = workspace.cohort_dir(cohort) / NOTEBOOK_NAME
    output.parent.mkdir(parents=True, exist_ok=True)
    import_papermill().execute_notebook(
        str(resource_path("notebooks", "facilitator", NOTEBOOK_NAME)),
        str(output),
        parameters={"workspace": str(workspace.root), "cohort": cohort, "lang": lang, "grader": grader},
        prepare_only=True,
        progress_bar=False,
    )
    return HandGradingNotebook(output, cohort, lang, summary)
