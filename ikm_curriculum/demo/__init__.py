"""``ikm demo``: the whole pipeline on a fictional cohort of 18 participants.

Every name, centre and phone number in ``roster.csv`` is fictional. The demo
makes a workspace, creates the cohort, releases the workbooks, fills the answer
files as participants of different ability would (through the widgets' own
answer store; some answers wrong, some blank, one file damaged so that collect
must reject it), zips the folders as a facilitator would gather them, collects,
grades, writes the report and prints a summary.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from sqlalchemy import select

from ikm_curriculum.cohort.cohorts import create_cohort
from ikm_curriculum.cohort.gradebook import ExerciseInstanceRow
from ikm_curriculum.cohort.scores import cohort_scores
from ikm_curriculum.cohort.workspace import Workspace, init_workspace
from ikm_curriculum.curriculum import default_curriculum
from ikm_curriculum.demo.answers import simulated_answer
from ikm_curriculum.errors import WorkspaceError
from ikm_curriculum.resources import PACKAGE_DIR
from ikm_curriculum.widgets.autosave import AnswerStore
from ikm_curriculum.workbooks.collect import CollectOutcome, collect
from ikm_curriculum.workbooks.grading import run_grading
from ikm_curriculum.workbooks.release import instance_from_row, release_cohort
from ikm_curriculum.workbooks.simulation import run_simulation

COHORT = "kendari-demo"
ROSTER = PACKAGE_DIR / "demo" / "roster.csv"
MARKER = ".ikm-demo"
DAMAGED_PARTICIPANT = 6  # roster position whose answer file gets damaged


def prepare_folder(directory: Path) -> Path:
    """An empty folder for the demo; a previous demo there is replaced, anything else is refused."""
    directory = directory.expanduser().resolve()
    if directory.exists() and any(directory.iterdir()):
        if not (directory / MARKER).exists():
            raise WorkspaceError(f"{directory} is not empty and holds no earlier demo; choose another folder")
        shutil.rmtree(directory)
    directory.mkdir(parents=True, exist_ok=True)
    (directory / MARKER).write_text("made by `ikm demo`; safe to delete\n", "utf-8")
    return directory


def fill_answers(workspace: Workspace, cohort: str, seed: int = 2026, progress: Progress | None = None) -> list[str]:
    """Answer every released workbook as simulated participants; returns the participants' ids.

    Abilities spread evenly from 0.35 to 0.95 over the roster. The participant at
    ``DAMAGED_PARTICIPANT`` ends with a truncated answer file of the first workbook
    (as after editing it by hand), which collect must reject.
    """
    gradebook = workspace.gradebook()
    with gradebook.session() as session:
        participants = [(p.id, p.code) for p in gradebook.cohort(session, cohort).participants]
        instances = session.scalars(
            select(ExerciseInstanceRow).where(ExerciseInstanceRow.participant_id.in_([pid for pid, _ in participants]))
        ).all()
    gradebook.dispose()
    by_participant: dict[int, list[ExerciseInstanceRow]] = {}
    for row in instances:
        by_participant.setdefault(row.participant_id, []).append(row)
    abilities = np.linspace(0.35, 0.95, len(participants))
    rng = np.random.default_rng(seed)
    task = progress.add_task("Answering workbooks", total=len(participants)) if progress else None
    workbook_of = {m.id: m.workbook for m in default_curriculum().modules if m.workbook}
    for position, (participant_id, code) in enumerate(participants):
        folder = workspace.release_dir(cohort) / code
        for number, answers_file in enumerate(sorted(folder.glob("*.answers.json"))):
            workbook = answers_file.name.removesuffix(".answers.json")
            store = AnswerStore(answers_file, cohort, code, workbook)
            rows = [r for r in by_participant.get(participant_id, []) if workbook_of.get(r.module) == workbook]
            for row in sorted(rows, key=lambda r: r.id):
                store.set(row.exercise_id, simulated_answer(instance_from_row(row), rng, abilities[position]))
            if position == DAMAGED_PARTICIPANT and number == 0:
                text = answers_file.read_text("utf-8")
                answers_file.write_text(text[: len(text) // 2], "utf-8")
        if progress and task is not None:
            progress.advance(task)
    return [code for _, code in participants]


def zip_release(workspace: Workspace, cohort: str, target: Path) -> Path:
    """The participants' folders gathered in one .zip, as a facilitator brings them back."""
    release = workspace.release_dir(cohort)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(release.rglob("*.answers.json")):
            archive.write(path, path.relative_to(release).as_posix())
    return target


def run_demo(directory: Path, lang: str = "id", console: Console | None = None) -> Path:
    """Run the demo in ``directory``; returns the path of the HTML report."""
    from ikm_curriculum.reports.cohort_report import build_report

    console = console or Console(soft_wrap=True)
    root = prepare_folder(directory)
    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=False) as progress:
        workspace, _ = init_workspace(root)
        created = create_cohort(workspace, COHORT, ROSTER, lang)
        release_task = progress.add_task("Releasing workbooks", total=len(created.participants))
        release_cohort(workspace, COHORT, lang=lang, progress=lambda _code: progress.advance(release_task))
        fill_answers(workspace, COHORT, progress=progress)
        archive = zip_release(workspace, COHORT, workspace.cohort_dir(COHORT) / "collected.zip")
        collect_task = progress.add_task("Collecting answer files", total=1)
        outcomes = collect(workspace, COHORT, archive)
        progress.advance(collect_task)
        grade_task = progress.add_task("Grading (one notebook run)", total=1)
        graded = run_grading(workspace, COHORT)
        progress.advance(grade_task)
        simulate_task = progress.add_task("Simulating (hidden scenarios)", total=1)
        run_simulation(workspace, COHORT)
        progress.advance(simulate_task)
        report_task = progress.add_task("Writing the report", total=1)
        paths = build_report(workspace, COHORT, lang)
        progress.advance(report_task)
    print_summary(console, workspace, outcomes)
    console.print(
        f"\nWorkspace: {workspace.root}\nGrading notebook: {graded.notebook}\n"
        f"Excel: {paths.excel}\n[bold]Report: {paths.html}[/]\n(All people in the demo are fictional.)"
    )
    return paths.html


def print_summary(console: Console, workspace: Workspace, outcomes: list[CollectOutcome]) -> None:
    rejected = [o for o in outcomes if o.status == "rejected"]
    accepted = sum(o.status == "accepted" for o in outcomes)
    console.print(f"\nCollected: {accepted} accepted, {len(rejected)} rejected")
    for o in rejected:
        console.print(f"  [red]rejected[/] {o.participant}: {o.file}: {o.reason}", highlight=False)
    scores = cohort_scores(workspace, COHORT)
    table = Table("nama", "sentra", "total", "%", "to score by hand", title=f"Scores, cohort {COHORT}")
    for p in scores.participants:
        table.add_row(p.nama, p.sentra, p.points_text(), f"{p.percent:.0f}", str(p.awaiting_manual or ""))
    console.print(table)
