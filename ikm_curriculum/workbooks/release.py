"""Release: a personal folder of workbooks for each participant of a cohort.

For each participant and each workbook (the plans of
:mod:`ikm_curriculum.evaluation.forms`: the module workbooks, each day's
pre-test and post-test, the satisfaction survey), or the one chosen:

1. the participant's exercise instances are generated once (seeded from the
   cohort secret) and stored with their keys in the gradebook;
2. the plan's notebook (``notebooks/participant/<notebook>.ipynb``) is parameterised by papermill
   (no kernel is started) with the participant, cohort, language and the
   *public* parts of their instances;
3. an empty ``<workbook>.answers.json`` is written, unless one is already there
   (a second release never erases answers);
4. ``MANIFEST.json`` records the sha256 of every file released.
"""

from __future__ import annotations

import hashlib
import importlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from sqlalchemy import select

from ikm_curriculum.assessment import ExerciseInstance, ParticipantContext, rng_for
from ikm_curriculum.assessment.answers import empty_answer_file, now_iso
from ikm_curriculum.cohort.gradebook import Cohort, ExerciseInstanceRow, Participant
from ikm_curriculum.cohort.workspace import Workspace
from ikm_curriculum.errors import WorkspaceError
from ikm_curriculum.evaluation.forms import WorkbookPlan, default_plans
from ikm_curriculum.resources import resource_path
from ikm_curriculum.widgets.autosave import write_atomic
from ikm_curriculum.widgets.charts import CHART_FOLDER, save_charts
from ikm_curriculum.workbooks.runner import import_papermill

MANIFEST = "MANIFEST.json"


@dataclass(frozen=True)
class ReleaseSummary:
    cohort: str
    folder: Path
    participants: int
    workbooks: tuple[str, ...]
    files: int


def plans_to_release(plans: tuple[WorkbookPlan, ...], chosen: str | None) -> list[WorkbookPlan]:
    """Every workbook, or the one ``chosen`` names: a module id (``quality``) or a workbook (``pretest_hari1``)."""
    if chosen is None:
        return list(plans)
    found = [plan for plan in plans if chosen in (plan.module, plan.workbook)]
    if not found:
        known = ", ".join(plan.module for plan in plans if plan.is_training)
        others = ", ".join(plan.workbook for plan in plans if not plan.is_training)
        raise WorkspaceError(f"nothing to release called {chosen!r}; modules: {known}; other workbooks: {others}")
    return found


def ensure_instances(
    session: Any, cohort: Cohort, plans: list[WorkbookPlan]
) -> dict[tuple[str, str], ExerciseInstance]:
    """Every participant's instance of every exercise of ``plans``, made once and stored."""
    stored = {
        (row.participant_id, row.exercise_id): row
        for row in session.scalars(
            select(ExerciseInstanceRow).join(Participant).where(Participant.cohort_id == cohort.id)
        )
    }
    out: dict[tuple[str, str], ExerciseInstance] = {}
    for participant in cohort.participants:
        context = participant_context(participant)
        for plan in plans:
            for spec in plan.specs:
                row = stored.get((participant.id, spec.exercise_id))
                if row is None:
                    instance = spec.instance(rng_for(cohort.secret, participant.code, spec.exercise_id), context)
                    row = ExerciseInstanceRow(
                        participant_id=participant.id,
                        module=plan.module,
                        exercise_id=instance.exercise_id,
                        kind=instance.kind,
                        public=instance.public,
                        key=instance.key,
                        max_points=instance.max_points,
                        graded=instance.graded,
                    )
                    session.add(row)
                out[(participant.code, spec.exercise_id)] = instance_from_row(row)
    return out


def participant_context(participant: Participant) -> ParticipantContext:
    return ParticipantContext(participant.code, participant.komoditas, participant.sentra, participant.kabupaten_kota)


def topics_and_examples(
    plan: WorkbookPlan, secret: str, code: str, context: ParticipantContext
) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """The workbook's topics (texts in both languages, exercise ids, in this participant's order) and examples.

    A module workbook has its module's topics; a worked example is computed on the
    participant's own kind of product, with a random draw of its own (seeded like
    the exercises, from the cohort secret). A test form or the survey is one
    topic: its introduction, then its exercises, shuffled per participant when
    the plan says so.
    """
    module = plan.source
    if module is None:
        exercises = [spec.exercise_id for spec in plan.specs]
        if plan.shuffle:
            order = rng_for(secret, code, f"order:{plan.workbook}").permutation(len(exercises))
            exercises = [exercises[i] for i in order]
        topic = {"id": plan.workbook, "title": "", "explanation": plan.intro or "", "exercises": exercises}
        return [topic], {}
    topics = [
        {
            "id": t.id,
            "title": t.title.model_dump(),
            "explanation": t.explanation.model_dump(),
            "exercises": list(t.exercises),
        }
        for t in module.topics
    ]
    examples: dict[str, dict[str, Any]] = {}
    named = [t for t in module.topics if t.example]
    if named:
        registry = importlib.import_module(f"ikm_curriculum.modules.{module.id}.worked_examples").EXAMPLES
        for t in named:
            rng = rng_for(secret, code, f"example:{module.id}.{t.example}")
            examples[t.id] = registry[t.example](rng, context)
    return topics, examples


def instance_from_row(row: ExerciseInstanceRow) -> ExerciseInstance:
    return ExerciseInstance(row.exercise_id, row.kind, row.public, row.key, row.max_points, row.graded)


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def hide_injected_parameters(path: Path) -> None:
    """Collapse the cell papermill injected (tag ``injected-parameters``) like the notebook's other code cells
    (``metadata.jupyter.source_hidden``): in JupyterLab a participant sees the workbook, not its parameters."""
    import nbformat

    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.metadata.setdefault("jupyter", {})["source_hidden"] = True
    nbformat.write(notebook, path)


def release_cohort(
    workspace: Workspace,
    cohort_name: str,
    module: str | None = None,
    lang: str | None = None,
    progress: Callable[[str], None] | None = None,
    charts: bool = True,
) -> ReleaseSummary:
    """Write every participant's release folder; see the module docstring.

    With ``charts`` (always, from the command line) each workbook's charts are drawn now, about 0.15 s each
    (module 1 has ten), so that opening the workbook only reads them; without, they are drawn at every opening.
    """
    papermill = import_papermill()  # imported here: only release needs it

    plans = plans_to_release(default_plans(), module)
    gradebook = workspace.gradebook()
    try:
        with gradebook.transaction() as session:
            cohort = gradebook.cohort(session, cohort_name)
            instances = ensure_instances(session, cohort, plans)
            participants = [(p.code, p.nama) for p in cohort.participants]
            context = {p.code: participant_context(p) for p in cohort.participants}
            secret = cohort.secret
            lang = lang or cohort.lang
    finally:
        gradebook.dispose()
    if lang not in ("id", "en"):
        raise WorkspaceError(f"language {lang!r}: expected 'id' or 'en'")
    release_root = workspace.release_dir(cohort_name)
    files = 0
    for code, nama in participants:
        folder = release_root / code
        folder.mkdir(parents=True, exist_ok=True)
        released: list[Path] = []
        for plan in plans:
            exercises = [instances[(code, spec.exercise_id)].release_part() for spec in plan.specs]
            topics, examples = topics_and_examples(plan, secret, code, context[code])
            if plan.source is None:  # a test form or the survey: number the questions in this participant's order
                number = {exercise: n for n, exercise in enumerate(topics[0]["exercises"], start=1)}
                for part in exercises:
                    n = number[part["exercise_id"]]
                    part.setdefault("title", {"id": f"Soal {n}", "en": f"Question {n}"})
            notebook = folder / f"{plan.workbook}.ipynb"
            papermill.execute_notebook(
                resource_path("notebooks", "participant", f"{plan.notebook}.ipynb"),
                notebook,
                parameters={
                    "cohort": cohort_name,
                    "participant": code,
                    "participant_name": nama,
                    "workbook": plan.workbook,
                    "lang": lang,
                    "title": plan.title,
                    "exercises": exercises,
                    "topics": topics,
                    "examples": examples,
                },
                prepare_only=True,
                progress_bar=False,
            )
            hide_injected_parameters(notebook)
            if charts:
                shown = [*examples.values(), *(part["chart"] for part in exercises if part.get("chart"))]
                save_charts(shown, lang, folder / CHART_FOLDER)
            answers = folder / f"{plan.workbook}.answers.json"
            if not answers.exists():
                write_atomic(answers, empty_answer_file(cohort_name, code, plan.workbook).to_json() + "\n")
            released += [notebook, answers]
        manifest = {
            "cohort": cohort_name,
            "participant": code,
            "released_at": now_iso(),
            "files": {path.name: sha256_file(path) for path in released},
        }
        write_atomic(folder / MANIFEST, json.dumps(manifest, indent=1, sort_keys=True) + "\n")
        files += len(released) + 1
        if progress:
            progress(code)
    return ReleaseSummary(cohort_name, release_root, len(participants), tuple(p.workbook for p in plans), files)
