"""`ikm demo` end to end, and a non-editable wheel install that releases, grades and reports."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from rich.console import Console

from ikm_curriculum.cohort.scores import cohort_scores
from ikm_curriculum.cohort.workspace import open_workspace
from ikm_curriculum.demo import COHORT, run_demo
from ikm_curriculum.errors import WorkspaceError
from ikm_curriculum.evaluation.forms import default_plans

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[1]


def test_demo_runs_the_whole_pipeline(tmp_path: Path) -> None:
    console = Console(record=True, width=200)
    report = run_demo(tmp_path / "demo", console=console)
    assert report.is_file() and report.suffix == ".html"
    output = console.export_text()
    accepted = 18 * len(default_plans()) - 1  # one answer file is damaged on purpose
    assert f"Collected: {accepted} accepted, 1 rejected" in output
    assert "valid JSON" in output
    html = report.read_text(encoding="utf-8")
    assert "Kunjungan lapangan: hasil pengamatan" in html and "Temuan yang paling sering" in html
    for section in (
        "Tes awal dan tes akhir",
        "Analisis butir soal",
        "Survei kepuasan peserta",
        "Kesiapan sentra dan daftar tindak lanjut",
        "Simulasi teknis sentra",
        "Peta nilai",
    ):
        assert section in html, section  # fmt: skip
    assert report.with_suffix(".pdf").read_bytes().startswith(b"%PDF")
    assert report.with_suffix(".xlsx").is_file()
    scores = cohort_scores(open_workspace(tmp_path / "demo"), COHORT)
    assert len(scores.participants) == 18
    assert sum(p.submitted for p in scores.participants) == 18  # the damaged one still handed in its other workbook
    totals = sorted(p.total for p in scores.participants if p.submitted)
    assert totals[0] < totals[-1]  # participants of different ability
    run_demo(tmp_path / "demo", console=console)  # a second demo replaces the first


def test_demo_refuses_a_folder_with_other_files(tmp_path: Path) -> None:
    (tmp_path / "data.txt").write_text("keep me", "utf-8")
    with pytest.raises(WorkspaceError, match="not empty"):
        run_demo(tmp_path)
    assert (tmp_path / "data.txt").read_text("utf-8") == "keep me"


def test_wheel_ships_notebooks_and_templates_and_works_installed(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(REPO),
        ],
        check=True,
    )
    (wheel,) = tmp_path.glob("ikm_curriculum-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in [
        "ikm_curriculum/notebooks/participant/01_manajemen_mutu.ipynb",
        "ikm_curriculum/notebooks/facilitator/grade_cohort.ipynb",
        "ikm_curriculum/notebooks/facilitator/cohort_report.ipynb",
        "ikm_curriculum/templates/report/index.html.j2",
        "ikm_curriculum/modules/quality/content.yaml",
        "ikm_curriculum/modules/quality/test_items.yaml",
        "ikm_curriculum/evaluation/survey.yaml",
        "ikm_curriculum/notebooks/participant/evaluasi.ipynb",
        "ikm_curriculum/notebooks/facilitator/hand_grading.ipynb",
        "ikm_curriculum/demo/roster.csv",
    ]:
        assert name in names
    # Install the wheel (not editable) into a venv that borrows the dependencies of this Python.
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True)
    subprocess.run([venv / "bin" / "pip", "install", "-q", "--no-deps", str(wheel)], check=True)
    # nbconvert's stock templates sit under the base Python's prefix, which a venv does not search.
    env = {
        "PATH": f"{venv / 'bin'}:/usr/bin:/bin",
        "JUPYTER_PATH": str(Path(sys.prefix) / "share" / "jupyter"),
        "HOME": str(tmp_path),
    }
    result = subprocess.run([venv / "bin" / "ikm", "demo", "d"], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "d" / "reports" / COHORT / f"laporan-{COHORT}.html").is_file()
    (grading,) = (tmp_path / "d" / "cohorts" / COHORT / "runs").glob("grade-*.ipynb")
    used = json.loads(grading.read_text("utf-8"))["metadata"]["papermill"]["input_path"]
    assert used.startswith(str(venv))  # the notebook came from the installed wheel
