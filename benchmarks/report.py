"""Time the cohort report: one cohort of 20, and one combined report over 50 cohorts (1,000 participants).

Run: ``python benchmarks/report.py [--cohorts 50] [--size 20] [--repeat 2]``

Each cohort is synthetic (``pipeline.synthetic_cohort``): every workbook answered by simulated
participants through the widgets' answer store, collected, graded in-process (``grade_cohort``, no
kernel), short answers scored as the demo's facilitator does, and the simulation scored in-process.
That set-up is not timed. Then ``build_report`` is timed as ``ikm report`` runs it: one papermill run
of the report notebook (a kernel), the HTML export, the Excel workbook, and the PDF printed by headless
Chromium (timed separately by building once more with ``pdf=False``). The best of ``--repeat`` runs is
reported, with the ratio to the target.

Targets (issue 8): the report of a 20-person cohort ≤ 15 s; a combined report over 50 cohorts
(1,000 participants) ≤ 60 s.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import tempfile
import time
from pathlib import Path

from pipeline import synthetic_cohort

from ikm_curriculum.cohort.workspace import Workspace, init_workspace
from ikm_curriculum.demo import hand_grade
from ikm_curriculum.reports.cohort_report import build_report
from ikm_curriculum.workbooks.grading import grade_cohort
from ikm_curriculum.workbooks.simulation import simulate_cohort

TARGETS = {"one": 15.0, "combined": 60.0}


def graded_cohort(root: Path, workspace: Workspace, name: str, size: int) -> str:
    """A synthetic cohort, collected, graded, hand-scored and simulated (not timed)."""
    synthetic_cohort(root, size, name=name, workspace=workspace, verbose=False)
    grade_cohort(str(workspace.root), name, f"bench-{name}")
    hand_grade(workspace, name)
    with contextlib.redirect_stdout(io.StringIO()):  # the simulation prints its rubric (Markdown) outside a kernel
        simulate_cohort(str(workspace.root), name, f"sim-{name}")
    return name


def best_of(repeat: int, *args, **kwargs) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = build_report(*args, **kwargs)
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cohorts", type=int, default=50)
    parser.add_argument("--size", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ikm-bench-report-") as tmp:
        root = Path(tmp)
        workspace, _ = init_workspace(root / "ws")
        start = time.perf_counter()
        names = [graded_cohort(root, workspace, f"angkatan-{i:02d}", args.size) for i in range(args.cohorts)]
        print(f"Set-up: {args.cohorts} cohorts × {args.size} participants in {time.perf_counter() - start:.1f} s")
        rows = []
        for label, cohorts in (("one", names[0]), ("combined", names)):
            n = args.size * (1 if label == "one" else len(names))
            with_pdf, paths = best_of(args.repeat, workspace, cohorts)
            without_pdf, _ = best_of(args.repeat, workspace, cohorts, pdf=False)
            rows.append((label, n, with_pdf, without_pdf, paths))
        print(f"\nReport (best of {args.repeat}; seconds):")
        print(f"  {'report':<10} {'people':>6} {'HTML+Excel':>11} {'+PDF':>8} {'target':>7} {'ratio':>6}  sizes")
        for label, n, with_pdf, without_pdf, paths in rows:
            target = TARGETS[label]
            files = (paths.html, paths.pdf, paths.excel)
            sizes = ", ".join(f"{p.suffix[1:]} {p.stat().st_size / 1e6:.1f} MB" for p in files if p)
            ratio = target / with_pdf
            print(f"  {label:<10} {n:>6} {without_pdf:>11.2f} {with_pdf:>8.2f} {target:>7.0f} {ratio:>5.1f}x  {sizes}")


if __name__ == "__main__":
    main()
