"""``ikm demo``: the whole pipeline on a fictional cohort of 18 participants.

Every name, centre and phone number in ``roster.csv`` is fictional. The demo
makes a workspace, creates the cohort, releases the workbooks, fills the answer
files as participants of different ability would (through the widgets' own
answer store; some answers wrong, some blank, one file damaged so that collect
must reject it), zips the folders as a facilitator would gather them, collects,
grades, scores the short answers as a facilitator would, runs the simulation,
writes the report (HTML, PDF, Excel), the participants' feedback pages and
certificates, and prints a summary.
"""

from __future__ import annotations

import shutil
import zipfile
from datetime import date
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
from ikm_curriculum.cohort.training_info import set_training_info
from ikm_curriculum.cohort.workspace import Workspace, init_workspace
from ikm_curriculum.demo.answers import pre_post_ability, simulated_answer
from ikm_curriculum.errors import WorkspaceError
from ikm_curriculum.evaluation.forms import default_plans, workbook_of_module
from ikm_curriculum.resources import PACKAGE_DIR
from ikm_curriculum.widgets.autosave import AnswerStore
from ikm_curriculum.workbooks.collect import CollectOutcome, collect
from ikm_curriculum.workbooks.grading import run_grading
from ikm_curriculum.workbooks.hand_grading import pending_manual, save_manual_score
from ikm_curriculum.workbooks.release import instance_from_row, release_cohort
from ikm_curriculum.workbooks.simulation import run_simulation

COHORT = "kendari-demo"
ROSTER = PACKAGE_DIR / "demo" / "roster.csv"
MARKER = ".ikm-demo"
DAMAGED_PARTICIPANT = 6  # roster position whose answer file gets damaged
DEMO_COMMENT = "Cukup jelas; tambahkan siapa penanggung jawab dan kapan dikerjakan. (contoh penilaian demo)"
DEMO_TRAINING = {  # fictional, like everyone in the demo
    "place": "Aula Dinas Perindustrian Kota Kendari (contoh)",
    "organiser": "Dinas Perindustrian Kota Kendari (contoh)",
    "start_date": date(2026, 11, 24),
    "end_date": date(2026, 11, 26),
    "facilitators": ["Dr. Andi Fiktif, S.T., M.T.", "Wa Ode Contoh, S.E., M.Ak."],
}


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
    plans = default_plans()
    workbook_of = workbook_of_module(plans)
    kind_of = {plan.workbook: plan.kind for plan in plans}
    for position, (participant_id, code) in enumerate(participants):
        folder = workspace.release_dir(cohort) / code
        for number, answers_file in enumerate(sorted(folder.glob("*.answers.json"))):
            workbook = answers_file.name.removesuffix(".answers.json")
            store = AnswerStore(answers_file, cohort, code, workbook)
            rows = [r for r in by_participant.get(participant_id, []) if workbook_of.get(r.module) == workbook]
            for row in sorted(rows, key=lambda r: r.id):
                ability = pre_post_ability(kind_of[workbook], abilities[position])
                store.set(row.exercise_id, simulated_answer(instance_from_row(row), rng, ability))
            if position == DAMAGED_PARTICIPANT and number == 0:
                text = answers_file.read_text("utf-8")
                answers_file.write_text(text[: len(text) // 2], "utf-8")
        if progress and task is not None:
            progress.advance(task)
    return [code for _, code in participants]


def hand_grade(workspace: Workspace, cohort: str, seed: int = 2026) -> int:
    """Score every short answer awaiting a facilitator, as one would with the hand-grading notebook.

    A simulated facilitator ticks each rubric line with probability 0.75 (the
    points are the ticked lines' points) and leaves a comment. Returns how many
    answers were scored.
    """
    rng = np.random.default_rng(seed)
    awaiting = [item for item in pending_manual(workspace, cohort) if item.status == "awaiting"]
    for item in awaiting:
        ticked = [c for c in item.criteria if rng.random() < 0.75]
        points = sum(c.points for c in ticked) if item.criteria else round(item.max_points * rng.uniform(0.4, 1.0))
        save_manual_score(
            workspace, cohort, item.participant, item.exercise_id, float(points),
            comment=DEMO_COMMENT, grader=DEMO_TRAINING["facilitators"][0],
            rubric_checked=[c.number for c in ticked] if item.criteria else None,
        )  # fmt: skip
    return len(awaiting)


def zip_release(workspace: Workspace, cohort: str, target: Path) -> Path:
    """The participants' folders gathered in one .zip, as a facilitator brings them back."""
    release = workspace.release_dir(cohort)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(release.rglob("*.answers.json")):
            archive.write(path, path.relative_to(release).as_posix())
    return target


def run_demo(directory: Path, lang: str = "id", console: Console | None = None, pdf: bool = True) -> Path:
    """Run the demo in ``directory``; returns the path of the HTML report.

    PDFs are printed when a PDF engine is installed (see :mod:`ikm_curriculum.reports.pdf`); without one
    the demo still writes every HTML file and says how to get PDFs.
    """
    from ikm_curriculum.reports.certificates import issue_certificates
    from ikm_curriculum.reports.cohort_report import build_report
    from ikm_curriculum.reports.feedback import write_feedback_pages

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
        set_training_info(workspace, COHORT, **DEMO_TRAINING)
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
        hand_task = progress.add_task("Scoring short answers by hand (simulated facilitator)", total=1)
        hand_grade(workspace, COHORT)
        progress.advance(hand_task)
        simulate_task = progress.add_task("Simulating (hidden scenarios)", total=1)
        run_simulation(workspace, COHORT)
        progress.advance(simulate_task)
        report_task = progress.add_task("Writing the report", total=1)
        paths = build_report(workspace, COHORT, lang, pdf=pdf)
        progress.advance(report_task)
        pages_task = progress.add_task("Feedback pages and certificates", total=2)
        pages = write_feedback_pages(workspace, COHORT, lang, pdf=pdf and paths.pdf is not None)
        progress.advance(pages_task)
        issued = issue_certificates(workspace, COHORT, lang, pdf=pdf and paths.pdf is not None)
        progress.advance(pages_task)
    print_summary(console, workspace, outcomes)
    pdf_line = f"PDF: {paths.pdf}" if paths.pdf else f"No PDF: {paths.pdf_problem or 'not asked for'}"
    example = f" (check one: ikm verify {issued[0].code} -w {workspace.root})" if issued else ""
    console.print(
        f"\nWorkspace: {workspace.root}\nGrading notebook: {graded.notebook}\n"
        f"Feedback pages: {len(pages)} files in {pages[0].parent if pages else '-'}\n"
        f"Certificates: {len(issued)}{example}\n"
        f"Excel: {paths.excel}\n{pdf_line}\n[bold]Report: {paths.html}[/]\n"
        f"Serve the workbooks to browsers: ikm cards {COHORT} -w {workspace.root} (the PINs), then "
        f"ikm serve {COHORT} -w {workspace.root}\n(All people in the demo are fictional.)",
        highlight=False,
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
