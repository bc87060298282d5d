"""The cohort report of a real (small) cohort, opened in headless Chromium; its PDF read back with pypdf.

The cohort goes through the whole pipeline: release, simulated answers (the demo's), collect, grade,
hand scores, simulation, report. The browser must find every section of the report, each table filled,
the images decoded, and nothing loaded from outside the file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ikm_curriculum.cohort.training_info import set_training_info
from ikm_curriculum.demo import DEMO_TRAINING, fill_answers, hand_grade
from ikm_curriculum.reports.cohort_report import build_report
from ikm_curriculum.workbooks.collect import collect
from ikm_curriculum.workbooks.grading import run_grading
from ikm_curriculum.workbooks.release import release_cohort
from ikm_curriculum.workbooks.simulation import run_simulation

pytestmark = pytest.mark.slow

SECTION_IDS = [
    "summary_heading", "attendance_heading", "participants_heading", "heatmap_heading", "modules_heading",
    "distribution_heading", "pre_post_heading", "item_analysis_heading", "simulation_heading",
    "field_visit_heading", "survey_heading", "readiness_heading",
]  # fmt: skip


@pytest.fixture
def report_paths(workspace, cohort):
    set_training_info(workspace, cohort, **DEMO_TRAINING)
    release_cohort(workspace, cohort, charts=False)
    fill_answers(workspace, cohort)
    collect(workspace, cohort, workspace.release_dir(cohort))
    run_grading(workspace, cohort)
    hand_grade(workspace, cohort)
    run_simulation(workspace, cohort)
    return build_report(workspace, cohort)


def test_the_report_opens_offline_with_every_section(report_paths, page) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(report_paths.html.as_uri())
    assert page.locator("h1").first.inner_text().startswith("Laporan Hasil Pelatihan")
    for section in SECTION_IDS:
        heading = page.locator(f"h2#{section}")
        assert heading.count() == 1, section
        assert heading.is_visible(), section
    assert page.locator("text=Aula Dinas Perindustrian Kota Kendari (contoh)").count() == 1  # the cover
    assert page.locator("table.ikm-table").count() >= 10
    images = page.locator("img")
    assert images.count() >= 3  # heat map, distribution, pre/post chart
    widths = page.eval_on_selector_all("img", "imgs => imgs.map(i => i.naturalWidth)")
    assert all(width > 100 for width in widths)  # every embedded PNG decodes
    assert [url for url in requests if not url.startswith(("file:", "data:"))] == []


def test_the_pdf_has_pages_and_the_report_text(report_paths) -> None:
    from pypdf import PdfReader

    assert report_paths.pdf is not None, report_paths.pdf_problem
    reader = PdfReader(str(report_paths.pdf))
    assert len(reader.pages) >= 5
    text = " ".join(page.extract_text() for page in reader.pages)
    for words in ("Ringkasan", "Tes awal dan tes akhir", "Analisis butir soal", "Survei kepuasan peserta"):
        assert words in text, words
    assert Path(report_paths.excel).is_file()
