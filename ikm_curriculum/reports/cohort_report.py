"""The cohort report: HTML (from an executed notebook), PDF and Excel, for the city's industry office.

:func:`build_report` executes ``notebooks/facilitator/cohort_report.ipynb``
through papermill (the executed copy stays under ``cohorts/<cohort>/runs/`` as
the audit trail), converts it with our nbconvert template ``templates/report``
to one self-contained HTML file (no code, no links outside the file), prints
that HTML to PDF (:func:`ikm_curriculum.reports.pdf.html_to_pdf`) and writes the
Excel workbook in-process.

The notebook holds no logic: its first cell reads the
:class:`~ikm_curriculum.reports.report_data.ReportData`, and each further cell
shows one registered section (:mod:`ikm_curriculum.reports.sections`, in
:data:`~ikm_curriculum.reports.sections.REPORT_ORDER`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ikm_curriculum.cohort.workspace import Workspace
from ikm_curriculum.curriculum import check_lang
from ikm_curriculum.reports.excel import write_report_workbook
from ikm_curriculum.reports.labels import label
from ikm_curriculum.reports.report_data import COMBINED_NAME, load_report_data
from ikm_curriculum.resources import resource_path
from ikm_curriculum.widgets.autosave import write_atomic
from ikm_curriculum.workbooks.runner import run_notebook, run_stamp

NOTEBOOK = ("notebooks", "facilitator", "cohort_report.ipynb")
TEMPLATE_DIR = ("templates", "report")


@dataclass(frozen=True)
class ReportPaths:
    """The files one :func:`build_report` call wrote (``pdf`` is None when asked not to print one)."""

    html: Path
    excel: Path
    notebook: Path
    pdf: Path | None = None
    pdf_problem: str = ""


def export_html(notebook: Any, output: Path, lang: str = "id", title: str = "") -> Path:
    """Convert an executed report notebook to one self-contained HTML file with our template.

    No code cells or prompts are shown; images stay embedded as base64 data.
    The file is written under a temporary name and then renamed.
    """
    from nbconvert import HTMLExporter

    templates = resource_path(*TEMPLATE_DIR)
    exporter = HTMLExporter(
        template_name=templates.name,
        extra_template_basedirs=[str(templates.parent)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        language_code=lang,
    )
    if title:
        notebook.metadata["title"] = title
    body, _ = exporter.from_notebook_node(notebook)
    output.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(output, body)
    return output


def report_stem(cohort: str, lang: str, anonymize: bool) -> str:
    """File name (without suffix) of a cohort's report: ``laporan-<cohort>`` or ``report-<cohort>``, ``-anonim``."""
    stem = label("report_stem", lang, cohort=cohort)
    return f"{stem}-{label('anonymous_suffix', lang)}" if anonymize else stem


def build_report(
    workspace: Workspace,
    cohort: str | Sequence[str],
    lang: str | None = None,
    *,
    anonymize: bool = False,
    pdf: bool = True,
) -> ReportPaths:
    """Build the HTML report, its PDF and the Excel workbook of ``cohort``.

    Parameters
    ----------
    workspace : Workspace
    cohort : str or sequence of str
        Name of a cohort in the workspace's gradebook; several names make one
        combined report (``reports/gabungan/laporan-gabungan.*``; its notebook
        is kept under the first cohort's ``runs/``).
    lang : str, optional
        ``"id"`` or ``"en"``; default: the workspace's language.
    anonymize : bool
        Replace participants' names by codes (P01, P02 …) in every file.
    pdf : bool
        Also print the HTML to PDF. When no PDF engine is installed the HTML and
        Excel files are still written and ``pdf_problem`` says how to get one.

    Returns
    -------
    ReportPaths
        ``reports/<cohort>/laporan-<cohort>.html``, ``.pdf`` and ``.xlsx``
        (English: ``report-<cohort>.*``; anonymised: ``…-anonim.*``), and the
        executed notebook ``cohorts/<cohort>/runs/report-<timestamp>.ipynb``.

    Raises
    ------
    WorkspaceError
        The cohort does not exist (before any kernel starts).
    NotebookRunError
        A cell of the report notebook failed; the executed notebook is kept.
    """
    from ikm_curriculum.errors import ReportError
    from ikm_curriculum.reports.pdf import html_to_pdf

    lang = check_lang(lang or workspace.lang)
    names = [cohort] if isinstance(cohort, str) else list(cohort)
    data = load_report_data(workspace, names, lang, anonymize)  # fails fast on an unknown cohort
    name = names[0] if len(names) == 1 else COMBINED_NAME
    runs = workspace.runs_dir(names[0])
    runs.mkdir(parents=True, exist_ok=True)
    out_dir = workspace.report_dir(name)
    out_dir.mkdir(parents=True, exist_ok=True)
    notebook_path = runs / f"report-{run_stamp()}.ipynb"
    notebook = run_notebook(
        resource_path(*NOTEBOOK),
        notebook_path,
        {
            "workspace": str(workspace.root),
            "cohort": names if len(names) > 1 else name,
            "lang": lang,
            "anonymize": anonymize,
        },  # fmt: skip
        cwd=runs,
    )
    stem = report_stem(name, lang, anonymize)
    title = f"{label('report_title', lang)} — {name}"
    html_path = export_html(notebook, out_dir / f"{stem}.html", lang, title)
    excel_path = write_report_workbook(data, out_dir / f"{stem}.xlsx")
    pdf_path, problem = None, ""
    if pdf:
        try:
            pdf_path = html_to_pdf(html_path, out_dir / f"{stem}.pdf")
        except ReportError as error:
            problem = str(error)
    return ReportPaths(html_path, excel_path, notebook_path, pdf_path, problem)
