"""Time each stage of the pipeline, and grading for 18, 200 and 2,000 participants.

Run: ``python benchmarks/pipeline.py [--sizes 18 200 2000] [--repeat 3]``

1. The demo cohort (18 participants), stage by stage, in this process:
   init + cohort, release, answering (simulated participants), collect (zip),
   grade (one kernel), report.
2. Grading alone for synthetic cohorts of each size: instances are generated
   and stored as a release would, answer files are written through the
   widgets' answer store and collected; then ``run_grading`` (one papermill
   run, one kernel) is timed. The best of ``--repeat`` runs is reported, with
   the time per participant and the ratio to nbgrader's autograde (4.2 s per
   participant on this machine, the figure given in issue 2; not re-measured
   here).
3. The same as a facilitator runs them: ``ikm release`` and ``ikm grade`` on the
   demo cohort as separate processes (imports included).

Targets (issue 2): grade 18 ≤ 3 s, grade 2,000 ≤ 30 s, release 18 ≤ 5 s.
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ikm_curriculum.cohort.cohorts import create_cohort
from ikm_curriculum.cohort.workspace import Workspace, init_workspace
from ikm_curriculum.demo import COHORT, ROSTER, fill_answers, zip_release
from ikm_curriculum.evaluation.forms import default_plans
from ikm_curriculum.workbooks.collect import collect
from ikm_curriculum.workbooks.grading import run_grading
from ikm_curriculum.workbooks.release import ensure_instances

NBGRADER_SECONDS_PER_PARTICIPANT = 4.2
COMMODITIES = ["abon ikan", "tenun", "jambu mete", "perak", "meubel", "sagu"]


class Clock:
    def __init__(self) -> None:
        self.rows: list[tuple[str, float]] = []

    def time(self, name: str, func, *args, **kwargs):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        result = func(*args, **kwargs)
        self.rows.append((name, time.perf_counter() - start))
        return result


def demo_stages(root: Path) -> list[tuple[str, float]]:
    from ikm_curriculum.reports.cohort_report import build_report
    from ikm_curriculum.workbooks.release import release_cohort

    clock = Clock()
    workspace, _ = clock.time("init workspace", init_workspace, root / "demo")
    clock.time("create cohort (roster of 18)", create_cohort, workspace, COHORT, ROSTER)
    clock.time("release 18", release_cohort, workspace, COHORT)
    clock.time("answer (simulated participants)", fill_answers, workspace, COHORT)
    archive = zip_release(workspace, COHORT, root / "collected.zip")
    clock.time("collect 18 (zip)", collect, workspace, COHORT, archive)
    clock.time("grade 18 (one kernel)", run_grading, workspace, COHORT)
    clock.time("report (kernel + HTML + Excel)", build_report, workspace, COHORT)
    command = [sys.executable, "-m", "ikm_curriculum"]
    clock.time(
        "`ikm release` 18 (new process)",
        subprocess.run,
        [*command, "release", COHORT, "-w", str(workspace.root)],
        check=True,
        capture_output=True,
    )
    clock.time(
        "`ikm grade` 18 (new process)",
        subprocess.run,
        [*command, "grade", COHORT, "-w", str(workspace.root)],
        check=True,
        capture_output=True,
    )
    return clock.rows


def synthetic_cohort(
    root: Path, size: int, name: str | None = None, workspace: Workspace | None = None, verbose: bool = True
) -> tuple[Workspace, str]:
    """A cohort of ``size`` fictional participants with stored instances and collected answers.

    Every workbook (modules, daily tests, survey) gets an answer file, written through the widgets'
    answer store by simulated participants of different ability, then collected.
    """
    if workspace is None:
        workspace, _ = init_workspace(root / f"n{size}")
    cohort = name or f"bench-{size}"
    roster = root / f"roster-{cohort}.csv"
    with roster.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["nama", "sentra", "komoditas", "kabupaten_kota"])
        for i in range(size):
            writer.writerow([f"Peserta Fiktif {cohort} {i:04d}", f"Sentra Uji {i % 40}", COMMODITIES[i % 6],
                             "Kota Kendari"])  # fmt: skip
    create_cohort(workspace, cohort, roster)
    gradebook = workspace.gradebook()
    with gradebook.transaction() as session:
        ensure_instances(session, gradebook.cohort(session, cohort), list(default_plans()))
        codes = [p.code for p in gradebook.cohort(session, cohort).participants]
    gradebook.dispose()
    _write_empty_answer_files(workspace, cohort, codes)
    fill_answers(workspace, cohort)
    outcomes = collect(workspace, cohort, workspace.release_dir(cohort))
    rejected = sum(o.status == "rejected" for o in outcomes)
    if verbose:
        print(f"  n={size}: {len(outcomes)} answer files collected ({rejected} rejected on purpose)")
    return workspace, cohort


def _write_empty_answer_files(workspace: Workspace, cohort: str, codes: list[str]) -> None:
    from ikm_curriculum.assessment.answers import empty_answer_file
    from ikm_curriculum.widgets.autosave import write_atomic

    for code in codes:  # what a release leaves, without the notebooks
        for plan in default_plans():
            path = workspace.release_dir(cohort) / code / f"{plan.workbook}.answers.json"
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, empty_answer_file(cohort, code, plan.workbook).to_json() + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[18, 200, 2000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ikm-bench-") as tmp:
        root = Path(tmp)
        print("Demo cohort, stage by stage (seconds):")
        for name, seconds in demo_stages(root):
            print(f"  {name:<36} {seconds:7.2f}")
        print("\nPreparing synthetic cohorts:")
        cohorts = {size: synthetic_cohort(root, size) for size in args.sizes}
        print(f"\nGrading (best of {args.repeat}; one papermill run and one kernel each):")
        print(f"  {'participants':>12} {'grade s':>8} {'ms/participant':>15} {'nbgrader est. s':>16} {'ratio':>7}")
        for size, (workspace, cohort) in cohorts.items():
            best = min(_timed(run_grading, workspace, cohort) for _ in range(args.repeat))
            nbgrader = NBGRADER_SECONDS_PER_PARTICIPANT * size
            print(f"  {size:>12} {best:>8.2f} {1000 * best / size:>15.1f} {nbgrader:>16.0f} {nbgrader / best:>6.0f}x")


def _timed(func, *args) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    func(*args)
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
