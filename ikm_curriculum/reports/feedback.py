"""Feedback for each participant: one printable page (HTML and PDF) of scores, answers to improve and follow-up.

What a page shows (:class:`FeedbackData`):

- the score of every training module (the curriculum's modules) and the training score,
  as the cohort report counts them (:func:`ikm_curriculum.cohort.scores.cohort_scores`:
  the hand-given score wins over the automatic one; an item awaiting hand scoring counts 0);
- each pre-test and post-test (workbooks ``pretest_hari<day>`` / ``posttest_hari<day>``),
  which do not count in the training score; the satisfaction survey is not shown;
- the simulation's result (scores with method ``sim``, :mod:`ikm_curriculum.workbooks.simulation`);
- every graded item not at full marks, of every module workbook the participant handed in,
  and of each day's latest test taken (the post-test if taken, else the pre-test): the
  exercise, the answer given and the right one in words (:mod:`.answer_text`), and a short
  explanation, which is the item's own ``key["explanation"]`` when it has one (test items
  do), else "Study again: <topic>", the curriculum topic that holds the exercise;
- suggested follow-up: each module below :data:`REVISIT_BELOW` percent with the topics
  where points were lost (all its topics if none were answered), modules not handed in,
  and items still awaiting a facilitator's score.

Pages are written by :func:`write_feedback_pages` under ``reports/<cohort>/umpan-balik/``
(English ``feedback/``), one ``<participant code>.html`` (self-contained: inline CSS, no
link outside the file, A4 via CSS ``@page``) and its ``.pdf`` per participant.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ikm_curriculum.cohort.gradebook import ExerciseInstanceRow, Score
from ikm_curriculum.cohort.scores import ItemScore, cohort_scores
from ikm_curriculum.cohort.training_info import TrainingInfo, training_info
from ikm_curriculum.cohort.workspace import Workspace
from ikm_curriculum.curriculum import check_lang, default_curriculum
from ikm_curriculum.errors import WorkspaceError
from ikm_curriculum.reports.answer_text import answer_texts, clip, number_text, pick
from ikm_curriculum.reports.labels import format_date, format_date_range, format_number, label, module_title
from ikm_curriculum.reports.pdf import html_to_pdf_many, render_page, write_text_atomic
from ikm_curriculum.workbooks.grading import latest_responses
from ikm_curriculum.workbooks.simulation import METHOD as SIMULATION_METHOD

REVISIT_BELOW = 60.0
"""A module below this percent is suggested for study again (the cohort report's follow-up threshold,
:data:`ikm_curriculum.reports.tables.FOLLOW_UP_BELOW`; a test keeps the two equal)."""
PROMPT_CHARS = 200
"""An exercise's prompt is cut (with …) after this many characters on the page."""
TEST_WORKBOOK = re.compile(r"^(?P<phase>pre|post)test_hari(?P<day>\d+)$")
"""Workbook names of the daily tests (:func:`ikm_curriculum.evaluation.forms.form_workbook`)."""
TEMPLATE_DIR = ("templates", "feedback")
FULL = 1e-9  # points within this of the maximum count as full marks


@dataclass(frozen=True)
class ModuleResult:
    """A training module's points for one participant; ``handed_in`` is whether any answer was given."""

    module: str
    title: str
    points: float
    max_points: float
    handed_in: bool

    @property
    def percent(self) -> float:
        return 100.0 * self.points / self.max_points if self.max_points else 0.0


@dataclass(frozen=True)
class FeedbackItem:
    """One item on the page: not at full marks (or awaiting a facilitator's score)."""

    module: str
    section: str
    exercise_id: str
    title: str
    prompt: str
    points: float | None
    max_points: float
    given: str
    right: str
    right_label: str
    explanation: str
    comment: str = ""  # the facilitator's comment on a hand-scored answer


@dataclass(frozen=True)
class DayTests:
    """One day's pre-test and post-test points (``None`` where the form was not taken)."""

    day: int
    pre: float | None
    post: float | None
    max_points: float

    @property
    def pre_percent(self) -> float | None:
        return None if self.pre is None or not self.max_points else 100.0 * self.pre / self.max_points

    @property
    def post_percent(self) -> float | None:
        return None if self.post is None or not self.max_points else 100.0 * self.post / self.max_points

    @property
    def change(self) -> float | None:
        """Post-test minus pre-test percent (percentage points); ``None`` unless both were taken."""
        if self.pre_percent is None or self.post_percent is None:
            return None
        return self.post_percent - self.pre_percent


@dataclass(frozen=True)
class FollowUp:
    """A suggestion: a module to study again (``topics``) or to hand in (``missing``)."""

    module: str
    title: str
    percent: float
    topics: tuple[str, ...] = ()
    missing: bool = False


@dataclass(frozen=True)
class FeedbackData:
    """Everything one participant's feedback page shows (see the module docstring)."""

    cohort: str
    code: str
    nama: str
    sentra: str
    lang: str
    training: TrainingInfo
    modules: tuple[ModuleResult, ...]
    items: tuple[FeedbackItem, ...]
    awaiting: tuple[FeedbackItem, ...]
    tests: tuple[DayTests, ...]
    simulation: dict[str, Any] | None
    follow_up: tuple[FollowUp, ...]
    day: date = field(default_factory=date.today)

    @property
    def points(self) -> float:
        return sum(m.points for m in self.modules)

    @property
    def max_points(self) -> float:
        return sum(m.max_points for m in self.modules)

    @property
    def percent(self) -> float:
        """Training score in percent: 100 × points ÷ maximum over the training modules."""
        return 100.0 * self.points / self.max_points if self.max_points else 0.0

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["training"] = self.training.to_dict()
        out["day"] = self.day.isoformat()
        out["percent"] = self.percent
        return out


def _answered(rows: list[ExerciseInstanceRow], values: dict[str, Any]) -> bool:
    return any(values.get(row.exercise_id) is not None for row in rows)


def _item(
    row: ExerciseInstanceRow,
    points: float | None,
    value: Any,
    section: str,
    explanation: str,
    lang: str,
    comment: str = "",
) -> FeedbackItem | None:
    texts = answer_texts(row.kind, row.public, row.key, value, lang)
    if texts is None:
        return None
    given, right = texts
    right_label = label(
        "fb_rubric" if row.kind == "short_text" and "model_answer" not in row.key else "fb_right_answer", lang
    )
    own = pick(row.key.get("explanation"), lang)
    title, prompt = pick(row.public.get("title"), lang), clip(pick(row.public.get("prompt"), lang), PROMPT_CHARS)
    return FeedbackItem(
        row.module,
        section,
        row.exercise_id,
        title or prompt or row.exercise_id,  # a test question has no title: its question heads the item
        prompt if title else "",
        points,
        row.max_points,
        given,
        right,
        right_label,
        own or explanation,
        comment,
    )


def _not_full(points: float | None, maximum: float) -> bool:
    return points is not None and maximum > 0 and points < maximum - FULL


def _participant(
    data: dict[str, Any], pid: int, code: str, rows: list[ExerciseInstanceRow], lang: str
) -> tuple[tuple[ModuleResult, ...], list[FeedbackItem], list[FeedbackItem], list[FollowUp], tuple[DayTests, ...]]:
    """Module results, items not at full marks, items awaiting, follow-up and tests of one participant."""
    curriculum, topics, points = data["curriculum"], data["topics"], data["points"]
    values = {row.exercise_id: data["responses"].get((pid, row.exercise_id), (None, None))[0] for row in rows}
    by_module: dict[str, list[ExerciseInstanceRow]] = {}
    for row in rows:
        by_module.setdefault(row.module, []).append(row)
    modules, items, awaiting, follow_up = [], [], [], []
    for module in curriculum.modules:
        graded = [r for r in by_module.get(module.id, []) if r.graded and r.max_points > 0]
        if not graded:
            continue
        order = {e: i for i, e in enumerate(module.exercises)}
        graded.sort(key=lambda r: order.get(r.exercise_id, len(order)))
        title = module_title(module.id, lang)
        got = [points.get((code, r.exercise_id)) for r in graded]
        result = ModuleResult(
            module.id,
            title,
            sum(p or 0.0 for p in got),
            sum(r.max_points for r in graded),
            _answered(by_module[module.id], values),
        )
        modules.append(result)
        if not result.handed_in:
            follow_up.append(FollowUp(module.id, title, 0.0, missing=True))
            continue
        lost_topics: list[str] = []
        for row, score in zip(graded, got, strict=True):
            topic = topics.get(row.exercise_id, (module.id, None))[1]
            topic_title = topic.title.get(lang) if topic is not None else title
            study = label("fb_study_again", lang, topic=topic_title)
            if score is None:
                item = _item(row, None, values[row.exercise_id], title, study, lang)
                awaiting += [item] if item else []
            elif _not_full(score, row.max_points):
                comment = data["comments"].get((pid, row.exercise_id), "")
                item = _item(row, score, values[row.exercise_id], title, study, lang, comment)
                items += [item] if item else []
                lost_topics += [topic_title] if topic_title not in lost_topics else []
        if result.percent < REVISIT_BELOW:
            shown = tuple(lost_topics) or tuple(t.title.get(lang) for t in module.topics)
            follow_up.append(FollowUp(module.id, title, result.percent, shown))
    tests = _tests(data, code, by_module, values, items, lang)
    return tuple(modules), items, awaiting, follow_up, tests


def _tests(
    data: dict[str, Any],
    code: str,
    by_module: dict[str, list[ExerciseInstanceRow]],
    values: dict[str, Any],
    items: list[FeedbackItem],
    lang: str,
) -> tuple[DayTests, ...]:
    """Each day's pre/post points; appends to ``items`` the missed items of the day's latest test taken."""
    forms: dict[int, dict[str, list[ExerciseInstanceRow]]] = {}
    for workbook, rows in by_module.items():
        match = TEST_WORKBOOK.match(workbook)
        if match:
            forms.setdefault(int(match["day"]), {})[match["phase"]] = [r for r in rows if r.graded]
    results = []
    for day in sorted(forms):
        taken: dict[str, float | None] = {}
        maximum = 0.0
        for phase, rows in forms[day].items():
            maximum = max(maximum, sum(r.max_points for r in rows))
            taken[phase] = (
                sum(data["points"].get((code, r.exercise_id)) or 0.0 for r in rows) if _answered(rows, values) else None
            )
        results.append(DayTests(day, taken.get("pre"), taken.get("post"), maximum))
        latest = "post" if taken.get("post") is not None else "pre" if taken.get("pre") is not None else None
        if latest is None:
            continue
        section = f"{label('fb_post' if latest == 'post' else 'fb_pre', lang)} — {label('fb_day', lang, day=day)}"
        for row in forms[day][latest]:
            score = data["points"].get((code, row.exercise_id))
            if _not_full(score, row.max_points):
                bank_module = row.exercise_id.split(".")[1] if row.exercise_id.count(".") >= 2 else ""
                study = label("fb_study_again", lang, topic=module_title(bank_module, lang)) if bank_module else ""
                item = _item(row, score, values[row.exercise_id], section, study, lang)
                items += [item] if item else []
    return tuple(results)


def load_feedback(workspace: Workspace, cohort: str, lang: str = "id", day: date | None = None) -> list[FeedbackData]:
    """The :class:`FeedbackData` of every participant of ``cohort``, in roster order (one gradebook read)."""
    lang = check_lang(lang)
    scores = cohort_scores(workspace, cohort)  # fails fast on an unknown cohort
    info = training_info(workspace, cohort)
    points: dict[tuple[str, str], float | None] = {}
    for item in (*scores.items, *getattr(scores, "evaluation", ())):
        points[(item.participant, item.exercise_id)] = _points(item)
    gradebook = workspace.gradebook()
    try:
        with gradebook.session() as session:
            found = gradebook.cohort(session, cohort)
            people = [(p.id, p.code, p.nama, p.sentra) for p in found.participants]
            ids = [pid for pid, *_ in people]
            rows = session.scalars(
                select(ExerciseInstanceRow)
                .where(ExerciseInstanceRow.participant_id.in_(ids))
                .order_by(ExerciseInstanceRow.id)
            ).all()
            responses = latest_responses(session, found.id)
            simulated = {
                s.participant_id: s
                for s in session.scalars(
                    select(Score).where(Score.participant_id.in_(ids), Score.method == SIMULATION_METHOD)
                )
            }
            comments = {
                (pid, exercise): str((detail or {}).get("comment", ""))
                for pid, exercise, detail in session.execute(
                    select(Score.participant_id, Score.exercise_id, Score.detail).where(
                        Score.participant_id.in_(ids), Score.method == "manual"
                    )
                )
            }
    finally:
        gradebook.dispose()
    curriculum = default_curriculum()
    topics = {e: (m.id, t) for m in curriculum.modules for t in m.topics for e in t.exercises}  # exercise → topic
    data = {"curriculum": curriculum, "topics": topics, "points": points, "responses": responses, "comments": comments}
    per_participant: dict[int, list[ExerciseInstanceRow]] = {pid: [] for pid in ids}
    for row in rows:
        per_participant[row.participant_id].append(row)
    out = []
    for pid, code, nama, sentra in people:
        modules, items, awaiting, follow_up, tests = _participant(data, pid, code, per_participant[pid], lang)
        has_simulation = any(r.kind == "decisions" for r in per_participant[pid])
        simulation = _simulation(simulated.get(pid)) if has_simulation else None
        out.append(
            FeedbackData(
                cohort,
                code,
                nama,
                sentra,
                lang,
                info,
                modules,
                tuple(items),
                tuple(awaiting),
                tests,
                simulation,
                tuple(follow_up),
                day or date.today(),
            )
        )
    return out


def _points(item: ItemScore) -> float | None:
    """An item's points as the cohort report counts them; ``None`` while it awaits a facilitator's score."""
    if item.points is None and item.method:
        return None
    return item.points or 0.0


def _simulation(score: Score | None) -> dict[str, Any]:
    """The simulation's stored result (``index``, ``points``, ``rank`` …, or ``refused``); ``{}`` if none yet."""
    if score is None:
        return {}
    return {**(score.detail or {}), "points": score.points, "max_points": score.max_points}


def participant_feedback(workspace: Workspace, cohort: str, code: str, lang: str = "id") -> FeedbackData:
    """The feedback of participant ``code`` of ``cohort`` (see the module docstring).

    Raises
    ------
    WorkspaceError
        No such cohort, or no participant ``code`` in it (the message lists the codes).
    """
    every = load_feedback(workspace, cohort, lang)
    for data in every:
        if data.code == code:
            return data
    codes = ", ".join(d.code for d in every) or "(none)"
    raise WorkspaceError(f"cohort {cohort!r} has no participant {code!r}; participants: {codes}")


def _sections(items: tuple[FeedbackItem, ...]) -> dict[str, list[FeedbackItem]]:
    """Items by section heading (module or test), in the order they come."""
    out: dict[str, list[FeedbackItem]] = {}
    for item in items:
        out.setdefault(item.section, []).append(item)
    return out


def feedback_html(data: FeedbackData) -> str:
    """The self-contained HTML page of ``data`` (template ``templates/feedback/feedback.html.j2``)."""
    lang = data.lang
    info = data.training
    context = {
        "d": data,
        "lang": lang,
        "t": lambda key, **fields: label(key, lang, **fields),
        "dates": format_date_range(info.start_date, info.end_date, lang),
        "printed": format_date(data.day, lang),
        "threshold": f"{REVISIT_BELOW:g}",
        "sections": list(_sections(data.items).items()),
    }
    filters = {"num": lambda v: format_number(v, lang), "pts": lambda v: "–" if v is None else number_text(v, lang, 2)}
    return render_page(TEMPLATE_DIR, "feedback.html.j2", context, filters)


def write_feedback_pages(
    workspace: Workspace, cohort: str, lang: str = "id", pdf: bool = True, engine: str = "auto"
) -> list[Path]:
    """Write every participant's feedback page (and its PDF); return the files written, HTML then PDF per person.

    Files: ``reports/<cohort>/umpan-balik/<code>.html`` and ``.pdf`` (English ``feedback/``).

    Raises
    ------
    WorkspaceError
        No such cohort.
    ReportError
        ``pdf`` is asked for and no PDF engine is available, or printing failed.
    """
    folder = workspace.report_dir(cohort) / label("fb_dir", lang)
    pages = [
        (write_text_atomic(folder / f"{d.code}.html", feedback_html(d)), folder / f"{d.code}.pdf")
        for d in load_feedback(workspace, cohort, lang)
    ]
    if not pdf or not pages:
        return [html for html, _ in pages]
    printed = html_to_pdf_many(pages, engine)
    return [path for (html, _), done in zip(pages, printed, strict=True) for path in (html, done)]
