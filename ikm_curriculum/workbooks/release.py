"""Release: a personal folder of workbooks for each participant of a cohort.

For each participant and each workbook of the chosen modules:

1. the participant's exercise instances are generated once (seeded from the
   cohort secret) and stored with their keys in the gradebook;
2. ``notebooks/participant/<workbook>.ipynb`` is parameterised by papermill
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
from ikm_curriculum.curriculum import Curriculum, Module, default_curriculum
from ikm_curriculum.errors import WorkspaceError
from ikm_curriculum.resources import resource_path
from ikm_curriculum.widgets.autosave import write_atomic
from ikm_curriculum.workbooks.runner import import_papermill

MANIFEST = "MANIFEST.json"


@dataclass(frozen=True)
class ReleaseSummary:
    cohort: str
    folder: Path
    participants: int
    workbooks: tuple[str, ...]
    files: int


def modules_to_release(curriculum: Curriculum, module: str | None) -> list[Module]:
    """The modules with a workbook, or just ``module`` (which must have one)."""
    with_workbook = [m for m in curriculum.modules if m.workbook]
    if module is None:
        return with_workbook
    chosen = [m for m in with_workbook if m.id == module]
    if not chosen:
        known = ", ".join(m.id for m in with_workbook)
        raise WorkspaceError(f"module {module!r} has no participant workbook; modules with one: {known}")
    return chosen


def ensure_instances(
    session: Any, cohort: Cohort, curriculum: Curriculum, modules: list[Module]
) -> dict[tuple[str, str], ExerciseInstance]:
    """Every participant's instance of every exercise of ``modules``, made once and stored."""
    stored = {
        (row.participant_id, row.exercise_id): row
        for row in session.scalars(
            select(ExerciseInstanceRow).join(Participant).where(Participant.cohort_id == cohort.id)
        )
    }
    out: dict[tuple[str, str], ExerciseInstance] = {}
    for participant in cohort.participants:
        context = participant_context(participant)
        for module in modules:
            for spec in curriculum.exercise_specs(module.id):
                row = stored.get((participant.id, spec.exercise_id))
                if row is None:
                    instance = spec.instance(rng_for(cohort.secret, participant.code, spec.exercise_id), context)
                    row = ExerciseInstanceRow(
                        participant_id=participant.id,
                        module=module.id,
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
    module: Module, secret: str, code: str, context: ParticipantContext
) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """The workbook's topics (texts in both languages, exercise ids) and each topic's worked example.

    A worked example is computed on the participant's own kind of product, with
    a random draw of its own (seeded like the exercises, from the cohort secret).
    """
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


def release_cohort(
    workspace: Workspace,
    cohort_name: str,
    module: str | None = None,
    lang: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> ReleaseSummary:
    """Write every participant's release folder; see the module docstring."""
    papermill = import_papermill()  # imported here: only release needs it

    curriculum = default_curriculum()
    modules = modules_to_release(curriculum, module)
    gradebook = workspace.gradebook()
    try:
        with gradebook.transaction() as session:
            cohort = gradebook.cohort(session, cohort_name)
            instances = ensure_instances(session, cohort, curriculum, modules)
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
        for mod in modules:
            exercises = [
                instances[(code, spec.exercise_id)].release_part() for spec in curriculum.exercise_specs(mod.id)
            ]
            topics, examples = topics_and_examples(mod, secret, code, context[code])
            notebook = folder / f"{mod.workbook}.ipynb"
            papermill.execute_notebook(
                resource_path("notebooks", "participant", f"{mod.workbook}.ipynb"),
                notebook,
                parameters={
                    "cohort": cohort_name,
                    "participant": code,
                    "participant_name": nama,
                    "workbook": mod.workbook,
                    "lang": lang,
                    "title": mod.title.model_dump(),
                    "exercises": exercises,
                    "topics": topics,
                    "examples": examples,
                },
                prepare_only=True,
                progress_bar=False,
            )
            answers = folder / f"{mod.workbook}.answers.json"
            if not answers.exists():
                write_atomic(answers, empty_answer_file(cohort_name, code, str(mod.workbook)).to_json() + "\n")
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
    return ReleaseSummary(cohort_name, release_root, len(participants), tuple(str(m.workbook) for m in modules), files)
