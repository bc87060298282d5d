"""Tests of the cohort report: tables, Excel workbook, HTML template, and the whole build.

The cohort is a real workspace whose gradebook gets instance and score rows
inserted directly (no release or grading needed). Every expected number below
is computed by hand from those rows:

==============  ================  =====================  =============================
participant     quality (max 10)  facility (max 5)       total (max 15)
==============  ================  =====================  =============================
Wa Ode Sari     8 auto → 80 %     3 auto → 60 %          11 → 73.33 %
La Ode Amir     5 auto → 50 %     1 auto, 4 manual → 80 %  9 → 60.00 %  (manual wins)
Ibu Ratna       2 auto → 20 %     awaiting manual → 0 %   2 → 13.33 %
Andi Pratama    not submitted     not submitted           0 → 0 %
==============  ================  =====================  =============================

Over the three who submitted: mean final = (73.33 + 60 + 13.33) / 3 = 48.89 %;
quality mean (80 + 50 + 20) / 3 = 50, median 50, min 20, max 80; facility
mean (60 + 80 + 0) / 3 = 46.67, median 60, min 0, max 80. Below 60 %: Ibu
Ratna and Andi Pratama (La Ode Amir is exactly 60, not below).
"""

from __future__ import annotations

import base64
import re
from pathlib import Path

import nbformat
import openpyxl
import pytest
from sqlalchemy import select

from ikm_curriculum.cohort.cohorts import create_cohort
from ikm_curriculum.cohort.gradebook import (
    ExerciseInstanceRow,
    Participant,
    Response,
    Score,
    Submission,
)
from ikm_curriculum.cohort.scores import CohortScores, ParticipantScores, cohort_scores
from ikm_curriculum.cohort.workspace import Workspace, init_workspace
from ikm_curriculum.errors import WorkspaceError
from ikm_curriculum.modules.field_visit.checklist import CHECKLIST
from ikm_curriculum.modules.field_visit.exercises import visit_result
from ikm_curriculum.reports import ReportPaths, build_report
from ikm_curriculum.reports.all_sections import sections_scores  # noqa: F401  (registers the sections)
from ikm_curriculum.reports.charts import histogram_png
from ikm_curriculum.reports.cohort_report import export_html
from ikm_curriculum.reports.excel import write_report_workbook
from ikm_curriculum.reports.labels import module_title
from ikm_curriculum.reports.report_data import ReportData, load_report_data
from ikm_curriculum.reports.sections import SECTIONS
from ikm_curriculum.reports.tables import (
    cohort_summary,
    items_table,
    module_summary,
    participants_table,
    score_distribution,
)

COHORT = "kendari-uji"
ROSTER = """\
nama,sentra,komoditas,kabupaten_kota
Wa Ode Sari,Sentra Tenun Poasia,tenun ikat,Kota Kendari
La Ode Amir,Sentra Kacang Mete Kambu,kacang mete,Kota Kendari
Ibu Ratna,Sentra Ikan Asap Abeli,ikan asap,Kota Kendari
Andi Pratama,Sentra Gula Aren Konda,gula aren,Konawe Selatan
"""
NAMES = ("Wa Ode Sari", "La Ode Amir", "Ibu Ratna", "Andi Pratama")
# (quality auto points, facility auto points, facility manual points) per participant;
# None for the whole tuple = never submitted; "awaiting" = a manual score not given yet.
SCORES: dict[str, tuple[float, float | None, float | str | None] | None] = {
    "Wa Ode Sari": (8.0, 3.0, None),
    "La Ode Amir": (5.0, 1.0, 4.0),
    "Ibu Ratna": (2.0, None, "awaiting"),
    "Andi Pratama": None,
}
EXPECTED_TOTAL = {"Wa Ode Sari": 73.333, "La Ode Amir": 60.0, "Ibu Ratna": 13.333, "Andi Pratama": 0.0}
EXTERNAL = re.compile(r"<script[^>]*\ssrc=|<link\b|href=\"http|src=\"http|@import|\bcdn", re.IGNORECASE)


def _fill_gradebook(workspace: Workspace) -> None:
    gradebook = workspace.gradebook()
    try:
        with gradebook.transaction() as session:
            people = {p.nama: p for p in session.scalars(select(Participant))}
            for nama, given in SCORES.items():
                person = people[nama]
                for module, exercise, maximum in (("quality", "q_pareto", 10.0), ("facility", "f_layout", 5.0)):
                    session.add(
                        ExerciseInstanceRow(
                            participant_id=person.id,
                            module=module,
                            exercise_id=exercise,
                            kind="number",
                            public={},
                            key={},
                            max_points=maximum,
                            graded=True,
                        )
                    )
                if given is None:
                    continue
                submission = Submission(
                    participant_id=person.id,
                    workbook="01_manajemen_mutu",
                    source="01_manajemen_mutu.answers.json",
                    sha256="0" * 64,
                    attempt=1,
                    raw="{}",
                )
                submission.responses.append(Response(exercise_id="q_pareto", value=1))
                session.add(submission)
                quality, facility_auto, facility_manual = given
                session.add(
                    Score(
                        participant_id=person.id, exercise_id="q_pareto", method="auto", points=quality, max_points=10.0
                    )
                )
                if facility_auto is not None:
                    session.add(
                        Score(
                            participant_id=person.id,
                            exercise_id="f_layout",
                            method="auto",
                            points=facility_auto,
                            max_points=5.0,
                        )
                    )
                if facility_manual is not None:
                    points = None if facility_manual == "awaiting" else float(facility_manual)
                    session.add(
                        Score(
                            participant_id=person.id,
                            exercise_id="f_layout",
                            method="manual",
                            points=points,
                            max_points=5.0,
                        )
                    )
    finally:
        gradebook.dispose()


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    created, _ = init_workspace(tmp_path / "ws")
    roster = tmp_path / "peserta.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    create_cohort(created, COHORT, roster)
    _fill_gradebook(created)
    return created


@pytest.fixture
def scores(workspace: Workspace) -> CohortScores:
    return cohort_scores(workspace, COHORT)


# --------------------------------------------------------------------------- tables


def test_participants_table_percent_per_module_and_total(scores: CohortScores) -> None:
    table = participants_table(scores, "id")
    assert list(table["Nama"]) == list(NAMES)
    quality = f"{module_title('quality', 'id')} (%)"
    facility = f"{module_title('facility', 'id')} (%)"
    assert list(table[quality]) == pytest.approx([80.0, 50.0, 20.0, 0.0])
    assert list(table[facility]) == pytest.approx([60.0, 80.0, 0.0, 0.0])  # manual 4/5 beats auto 1/5
    assert list(table["Nilai akhir (%)"]) == pytest.approx(list(EXPECTED_TOTAL.values()), abs=1e-3)
    assert list(table["Mengumpulkan"]) == ["Ya", "Ya", "Ya", "Belum"]


def test_detailed_table_has_points_and_maximum(scores: CohortScores) -> None:
    table = participants_table(scores, "en", detail=True)
    assert list(table["Total points"]) == [11.0, 9.0, 2.0, 0.0]
    assert list(table["Maximum points"]) == [15.0] * 4
    assert f"{module_title('quality', 'en')} (points)" in table.columns


def test_summary_counts_follow_up_and_mean_of_submitters(scores: CohortScores) -> None:
    summary = cohort_summary(scores)
    assert (summary.n_participants, summary.n_submitted, summary.n_below, summary.awaiting_manual) == (4, 3, 2, 1)
    assert summary.mean_percent == pytest.approx((11 / 15 + 9 / 15 + 2 / 15) / 3 * 100)  # 48.89


def test_module_summary_statistics(scores: CohortScores) -> None:
    table = module_summary(scores, "en").set_index("Module")
    quality = table.loc[module_title("quality", "en")]
    facility = table.loc[module_title("facility", "en")]
    assert list(quality) == pytest.approx([3, 50.0, 50.0, 20.0, 80.0])
    assert list(facility) == pytest.approx([3, 140 / 3, 60.0, 0.0, 80.0])


def test_distribution_uses_ten_point_bins(scores: CohortScores) -> None:
    table = score_distribution(scores, "id")
    counts = dict(zip(table["Rentang nilai (%)"], table["Jumlah peserta"], strict=False))
    assert len(counts) == 10
    assert counts == {**{r: 0 for r in counts}, "10–20": 1, "60–70": 1, "70–80": 1}
    with pytest.raises(ValueError, match="divide 100"):
        score_distribution(scores, width=7)


def test_items_table_marks_awaiting_and_manual(scores: CohortScores) -> None:
    table = items_table(scores, "id")
    ratna = table[table["Nama"] == "Ibu Ratna"].set_index("Soal")
    assert ratna.loc["f_layout", "Cara penilaian"] == "menunggu penilaian narasumber"
    amir = table[table["Nama"] == "La Ode Amir"].set_index("Soal")
    assert amir.loc["f_layout", "Cara penilaian"] == "oleh narasumber"
    assert amir.loc["f_layout", "Poin"] == 4.0
    assert len(table) == 8


def test_empty_cohort_before_release() -> None:
    nobody = ParticipantScores("p1", "Sitti", "Sentra A", "sagu", "Kota Kendari", False, 0.0, 0.0, 0)
    empty = CohortScores("baru", (), (nobody,), ())
    assert list(participants_table(empty)["Nilai akhir (%)"]) == [0.0]
    assert module_summary(empty).empty
    assert score_distribution(empty)["Jumlah peserta"].sum() == 0
    parts = SECTIONS["distribution"](ReportData(empty, "id"))
    assert "Belum ada peserta" in parts[0].data


# --------------------------------------------------------------------------- excel and template


def test_excel_workbook_sheets_totals_and_format(workspace: Workspace, tmp_path: Path) -> None:
    path = write_report_workbook(load_report_data(workspace, COHORT, "id"), tmp_path / "nilai.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Rekap", "Per modul", "Analisis butir", "Pre-Post", "Survei", "Nilai per soal"]
    sheet = book["Rekap"]
    header = [c.value for c in sheet[1]]
    rows = {r[header.index("Nama")]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    for nama, expected in EXPECTED_TOTAL.items():
        assert rows[nama][header.index("Nilai akhir (%)")] == pytest.approx(expected, abs=1e-3)
    assert rows["La Ode Amir"][header.index("Total poin")] == 9
    assert all(c.font.b for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["C"].width >= len("Andi Pratama")
    assert sheet.cell(2, header.index("Nilai akhir (%)") + 1).number_format == "0.0"
    assert book["Nilai per soal"].max_row == 9
    modules = {r[0]: r for r in book["Per modul"].iter_rows(min_row=2, values_only=True)}
    assert modules[module_title("quality", "id")][2] == pytest.approx(50.0)  # quality mean (docstring)
    assert not list(tmp_path.glob(".*partial"))


def test_template_embeds_png_and_links_nothing_outside(scores: CohortScores, tmp_path: Path) -> None:
    # a notebook "executed" by hand: one HTML and one PNG output, code that must not show
    png = histogram_png(scores, "id")
    cell = nbformat.v4.new_code_cell("import secret_code\nbuild_everything()")
    cell.outputs = [
        nbformat.v4.new_output("display_data", {"text/html": "<p>Halo Dinas</p>", "text/plain": "x"}),
        nbformat.v4.new_output("display_data", {"image/png": base64.b64encode(png).decode(), "text/plain": "fig"}),
    ]
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1"), cell])
    out = export_html(notebook, tmp_path / "r.html", "id", title="Uji")
    text = out.read_text("utf-8")
    assert "Halo Dinas" in text and "data:image/png;base64," in text
    assert not EXTERNAL.search(text), EXTERNAL.search(text)
    assert "secret_code" not in text and "build_everything" not in text
    assert "In&nbsp;[" not in text and "Out[" not in text
    assert '<html lang="id">' in text and "<title>Uji</title>" in text


def test_unknown_cohort_fails_before_any_kernel(workspace: Workspace) -> None:
    with pytest.raises(WorkspaceError, match="no cohort 'tidak-ada'"):
        build_report(workspace, "tidak-ada")
    with pytest.raises(ValueError, match="unknown language"):
        build_report(workspace, COHORT, lang="fr")


# --------------------------------------------------------------------------- the whole build


def _check_html(paths: ReportPaths) -> str:
    text = paths.html.read_text("utf-8")
    assert "data:image/png;base64," in text
    assert not EXTERNAL.search(text), EXTERNAL.search(text)
    for code in ("build_", "import ", "load_report_data", "show(report", "workspace = "):
        assert code not in text
    for nama in NAMES:
        assert nama in text
    return text


@pytest.mark.slow
def test_build_report_in_indonesian_by_default(workspace: Workspace) -> None:
    paths = build_report(workspace, COHORT)
    report_dir = workspace.report_dir(COHORT)
    assert paths.html == report_dir / f"laporan-{COHORT}.html"
    assert paths.excel == report_dir / f"laporan-{COHORT}.xlsx"
    assert paths.pdf == report_dir / f"laporan-{COHORT}.pdf" and paths.pdf.read_bytes().startswith(b"%PDF")
    assert paths.notebook.parent == workspace.runs_dir(COHORT)
    assert paths.notebook.name.startswith("report-") and paths.notebook.exists()
    text = _check_html(paths)
    assert module_title("quality", "id") in text
    assert "Ringkasan" in text and "Nilai per modul" in text
    assert "Belum ada lembar pengamatan" in text  # the field-visit section, before any sheet is collected
    assert "73,3" in text and "48,9 %" in text  # one decimal, decimal comma
    executed = nbformat.read(paths.notebook, as_version=4)
    assert all(o.get("output_type") != "error" for c in executed.cells for o in c.get("outputs", []))
    book = openpyxl.load_workbook(paths.excel)
    assert book.sheetnames[0] == "Rekap"


@pytest.mark.slow
def test_build_report_in_english(workspace: Workspace) -> None:
    paths = build_report(workspace, COHORT, lang="en", pdf=False)
    assert paths.html.name == f"report-{COHORT}.html" and paths.pdf is None
    assert paths.excel.name == f"report-{COHORT}.xlsx"
    text = _check_html(paths)
    assert '<html lang="en">' in text
    assert "Summary" in text and "Scores by module" in text and "Distribution of final scores" in text
    assert module_title("quality", "en") in text
    assert "73.3" in text
    assert openpyxl.load_workbook(paths.excel).sheetnames[:2] == ["Summary", "By module"]


@pytest.mark.slow
def test_anonymized_report_has_no_names(workspace: Workspace) -> None:
    paths = build_report(workspace, COHORT, anonymize=True, pdf=False)
    assert paths.html.name == f"laporan-{COHORT}-anonim.html"
    text = paths.html.read_text("utf-8")
    assert "P01" in text and "P04" in text
    for nama in NAMES:
        assert nama not in text
    cells = [str(c) for sheet in openpyxl.load_workbook(paths.excel) for row in sheet.iter_rows(values_only=True)
             for c in row]  # fmt: skip
    assert not any(nama in cell for nama in NAMES for cell in cells)


# --------------------------------------------------------------------------- field visit


def test_field_visit_section_scores_each_sheet_and_counts_findings(scores: CohortScores) -> None:
    cppb = next(i.key for i in CHECKLIST if i.section == "cppb")
    seen = {
        "Siti": visit_result({"kunjungan.observe_5r": {"5r.r1_unused": "ya", "5r.r2_marked": "tidak"},
                              "kunjungan.observe_cppb": {cppb: "tidak"}}),
        "Hasan": visit_result({"kunjungan.observe_5r": {"5r.r2_marked": "tidak", "5r.r1_unused": "tb"}}),
    }  # fmt: skip
    (part,) = SECTIONS["field_visit"](ReportData(scores, "id", observations=seen))
    text = part.data
    assert "Kunjungan lapangan" in text and "Siti" in text and "Hasan" in text
    assert "50,0" in text and "0,0" in text  # Siti 5R: 1 of 2 met; Hasan 5R: 0 of 1 (tb left out)
    assert "2 / 2" in text and "1 / 2" in text  # 5r.r2_marked seen by both, the CPPB item by one


def test_field_visit_section_says_when_no_sheet_was_collected(scores: CohortScores) -> None:
    (part,) = SECTIONS["field_visit"](ReportData(scores, "en"))
    assert "No field-visit observation sheets" in part.data


@pytest.mark.slow
def test_combined_report_of_two_cohorts(workspace: Workspace, tmp_path: Path) -> None:
    roster = tmp_path / "kedua.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    create_cohort(workspace, "kedua", roster)
    paths = build_report(workspace, [COHORT, "kedua"], pdf=False)
    assert paths.html == workspace.root / "reports" / "gabungan" / "laporan-gabungan.html"
    text = paths.html.read_text("utf-8")
    assert f"2 angkatan: {COHORT}, kedua" in text
    rekap = openpyxl.load_workbook(paths.excel)["Rekap"]
    assert rekap.max_row == 1 + 2 * len(NAMES)  # both cohorts' participants, one row each
