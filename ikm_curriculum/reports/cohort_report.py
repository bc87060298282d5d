"""The cohort report: HTML (from an executed notebook) and Excel, for the city's industry office.

:func:`build_report` executes ``notebooks/facilitator/cohort_report.ipynb``
through papermill (the executed copy stays under ``cohorts/<cohort>/runs/`` as
the audit trail), converts it with our nbconvert template ``templates/report``
to one self-contained HTML file (no code, no links outside the file), and
writes the Excel workbook of the scores in-process.

The notebook holds no logic: each of its cells calls :func:`show` with the name
of one *section*. A section is a function ``ReportData -> list of displayable
objects`` registered with :func:`register_section`; to add one (pre/post gain,
item analysis, follow-up list), write the function here or in its own module,
register it, and add a cell ``show(report, "<name>")`` to the notebook.
"""

from __future__ import annotations

import html
import io
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ikm_curriculum.cohort.scores import CohortScores, cohort_scores
from ikm_curriculum.cohort.workspace import Workspace, open_workspace
from ikm_curriculum.curriculum import check_lang
from ikm_curriculum.modules.field_visit.checklist import SECTIONS as SHEET_SECTIONS
from ikm_curriculum.modules.field_visit.exercises import SHEETS, visit_result
from ikm_curriculum.modules.field_visit.observation import ObservationResult
from ikm_curriculum.modules.quality.cppb_irt import GRADES
from ikm_curriculum.reports.excel import write_scores_workbook
from ikm_curriculum.reports.labels import format_date, format_number, label
from ikm_curriculum.reports.tables import (
    BIN_WIDTH,
    cohort_summary,
    final_percents,
    module_summary,
    participants_table,
)
from ikm_curriculum.resources import resource_path
from ikm_curriculum.workbooks.grading import latest_responses
from ikm_curriculum.workbooks.runner import run_notebook, run_stamp

NOTEBOOK = ("notebooks", "facilitator", "cohort_report.ipynb")
TOP_FINDINGS = 8  # findings listed in the field-visit section
GRADE_NAMES = {grade.code: grade.name for grade in GRADES}
TEMPLATE_DIR = ("templates", "report")


@dataclass(frozen=True)
class ReportPaths:
    """The files one :func:`build_report` call wrote."""

    html: Path
    excel: Path
    notebook: Path


@dataclass(frozen=True)
class ReportData:
    """Everything the report's sections read: scores, field-visit observations (by name), language, date."""

    scores: CohortScores
    lang: str = "id"
    day: date = field(default_factory=date.today)
    observations: dict[str, ObservationResult] = field(default_factory=dict)


def load_report_data(workspace: str | os.PathLike[str] | Workspace, cohort: str, lang: str = "id") -> ReportData:
    """Read the scores and the field-visit sheets of ``cohort`` from the gradebook (the notebook's first call)."""
    opened = workspace if isinstance(workspace, Workspace) else open_workspace(workspace)
    return ReportData(cohort_scores(opened, cohort), check_lang(lang), observations=cohort_observations(opened, cohort))


def cohort_observations(workspace: Workspace, cohort: str) -> dict[str, ObservationResult]:
    """Each participant's field-visit observation (latest answer files), by name; those who filled no sheet left out."""
    sheets = [spec.exercise_id for spec in SHEETS]
    gradebook = workspace.gradebook()
    try:
        with gradebook.session() as session:
            found = gradebook.cohort(session, cohort)
            names = {p.id: p.nama for p in found.participants}
            responses = latest_responses(session, found.id)
    finally:
        gradebook.dispose()
    observed: dict[str, ObservationResult] = {}
    for pid, nama in names.items():
        answers = {sheet: responses[(pid, sheet)][0] for sheet in sheets if responses.get((pid, sheet), (None,))[0]}
        if answers:
            observed[nama] = visit_result(answers)
    return observed


# --------------------------------------------------------------------------- sections

Section = Callable[[ReportData], list[Any]]
SECTIONS: dict[str, Section] = {}
"""Registered report sections, by name, in registration order."""


def register_section(name: str) -> Callable[[Section], Section]:
    """Decorator: register a section function under ``name`` (a later one replaces an earlier)."""

    def register(function: Section) -> Section:
        SECTIONS[name] = function
        return function

    return register


def show(data: ReportData, name: str) -> None:
    """Display section ``name`` of the report in the running notebook."""
    from IPython.display import display

    if name not in SECTIONS:
        raise KeyError(f"unknown report section {name!r}; known: {', '.join(SECTIONS)}")
    for part in SECTIONS[name](data):
        display(part)


def table_html(frame: pd.DataFrame, lang: str = "id") -> str:
    """``frame`` as an HTML table: no index, floats with one decimal (decimal comma in Indonesian)."""
    return frame.to_html(
        index=False,
        border=0,
        classes="ikm-table",
        na_rep="–",
        float_format=lambda value: format_number(value, lang),
    )


def _html(text: str) -> Any:
    from IPython.display import HTML

    return HTML(text)


def _heading(key: str, lang: str) -> str:
    return f"<h2>{html.escape(label(key, lang))}</h2>"


@register_section("title")
def title_section(data: ReportData) -> list[Any]:
    """Report title, cohort name and date."""
    lang = data.lang
    return [
        _html(
            f"<h1>{html.escape(label('report_title', lang))}</h1>"
            f"<p class='ikm-meta'>{html.escape(label('cohort', lang))}: "
            f"<strong>{html.escape(data.scores.cohort)}</strong>"
            f"<br>{html.escape(label('date', lang))}: {html.escape(format_date(data.day, lang))}</p>"
        )
    ]


@register_section("summary")
def summary_section(data: ReportData) -> list[Any]:
    """Participants, how many submitted, mean percent, how many need follow-up."""
    lang = data.lang
    summary = cohort_summary(data.scores)
    rows = [
        (label("n_participants", lang), str(summary.n_participants)),
        (label("n_submitted", lang), str(summary.n_submitted)),
        (label("mean_percent", lang), f"{format_number(summary.mean_percent, lang)} %"),
        (label("n_below", lang, threshold=f"{summary.threshold:g}"), str(summary.n_below)),
    ]
    if summary.awaiting_manual:
        rows.append((label("awaiting_manual", lang), str(summary.awaiting_manual)))
    body = "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>" for k, v in rows)
    note = f"<p class='ikm-note'>{html.escape(label('summary_note', lang))}</p>"
    return [_html(f"{_heading('summary_heading', lang)}<table class='ikm-summary'>{body}</table>{note}")]


@register_section("participants")
def participants_section(data: ReportData) -> list[Any]:
    """One row per participant: name, sentra, commodity, percent per module and final."""
    frame = participants_table(data.scores, data.lang)
    return [_html(_heading("participants_heading", data.lang) + table_html(frame, data.lang))]


@register_section("modules")
def modules_section(data: ReportData) -> list[Any]:
    """Mean, median, lowest and highest percent of each module."""
    frame = module_summary(data.scores, data.lang)
    return [_html(_heading("modules_heading", data.lang) + table_html(frame, data.lang))]


def histogram_png(scores: CohortScores, lang: str = "id", width: int = BIN_WIDTH) -> bytes:
    """PNG of a histogram of final percents (participants who submitted), ``width``-point bins."""
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    figure = Figure(figsize=(7.0, 3.2), dpi=100)
    axes = figure.subplots()
    axes.hist(
        np.clip(final_percents(scores), 0, 100),
        bins=np.arange(0, 100 + width, width),
        color="#3b6ea5",
        edgecolor="white",
    )
    axes.set_xlim(0, 100)
    axes.set_xticks(np.arange(0, 100 + width, width))
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xlabel(label("hist_x", lang))
    axes.set_ylabel(label("hist_y", lang))
    axes.set_title(label("hist_title", lang))
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


@register_section("distribution")
def distribution_section(data: ReportData) -> list[Any]:
    """Histogram of final percents, embedded as a PNG."""
    from IPython.display import Image

    heading = _heading("distribution_heading", data.lang)
    if not final_percents(data.scores):
        return [_html(f"{heading}<p>{html.escape(label('hist_empty', data.lang))}</p>")]
    return [
        _html(heading),
        Image(data=histogram_png(data.scores, data.lang), format="png", alt=label("hist_title", data.lang)),
    ]


# --------------------------------------------------------------------------- building


@register_section("field_visit")
def field_visit_section(data: ReportData) -> list[Any]:
    """Scores of each participant's observation sheets, and the findings seen most often (not met)."""
    lang = data.lang
    heading = _heading("field_visit_heading", lang)
    if not data.observations:
        return [_html(heading + f"<p class='ikm-note'>{html.escape(label('field_visit_none', lang))}</p>")]
    names = {s.key: s.name.id if lang == "id" else s.name.en for s in SHEET_SECTIONS}
    rows = []
    for nama, result in data.observations.items():
        scores = {s.section: s.score for s in result.sections}
        rows.append({label("name", lang): nama, **{names[k]: scores.get(k) for k in names},
                     label("overall", lang): result.overall})  # fmt: skip
    counts: dict[str, tuple[int, Any]] = {}
    for result in data.observations.values():
        for finding in result.findings:
            seen, _ = counts.get(finding.key, (0, finding))
            counts[finding.key] = (seen + 1, finding)
    top = sorted(counts.values(), key=lambda c: -c[0])[:TOP_FINDINGS]
    findings = pd.DataFrame(
        [
            {
                label("finding", lang): f.text.id if lang == "id" else f.text.en,
                label("times_seen", lang): f"{n} / {len(data.observations)}",
                label("cppb_grade", lang): getattr(GRADE_NAMES[f.grade], lang) if f.grade else "–",
            }
            for n, f in top
        ]  # fmt: skip
    )
    note = f"<p class='ikm-note'>{html.escape(label('field_visit_note', lang))}</p>"
    return [_html(heading + table_html(pd.DataFrame(rows), lang) + f"<h3>{html.escape(label('findings', lang))}</h3>"
                  + table_html(findings, lang) + note)]  # fmt: skip


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
    partial = output.with_name(f".{output.name}.partial")
    try:
        partial.write_text(body, encoding="utf-8")
        os.replace(partial, output)
    finally:
        partial.unlink(missing_ok=True)
    return output


def build_report(workspace: Workspace, cohort: str, lang: str | None = None) -> ReportPaths:
    """Build the HTML report and the Excel workbook of ``cohort``.

    Parameters
    ----------
    workspace : Workspace
    cohort : str
        Name of a cohort in the workspace's gradebook.
    lang : str, optional
        ``"id"`` or ``"en"``; default: the workspace's language.

    Returns
    -------
    ReportPaths
        ``reports/<cohort>/laporan-<cohort>.html`` and ``nilai-<cohort>.xlsx``
        (English: ``report-<cohort>.html``, ``scores-<cohort>.xlsx``), and the
        executed notebook ``cohorts/<cohort>/runs/report-<timestamp>.ipynb``.

    Raises
    ------
    WorkspaceError
        The cohort does not exist (before any kernel starts).
    NotebookRunError
        A cell of the report notebook failed; the executed notebook is kept.
    """
    lang = check_lang(lang or workspace.lang)
    scores = cohort_scores(workspace, cohort)  # fails fast on an unknown cohort
    runs = workspace.runs_dir(cohort)
    runs.mkdir(parents=True, exist_ok=True)
    out_dir = workspace.report_dir(cohort)
    out_dir.mkdir(parents=True, exist_ok=True)
    notebook_path = runs / f"report-{run_stamp()}.ipynb"
    notebook = run_notebook(
        resource_path(*NOTEBOOK),
        notebook_path,
        {"workspace": str(workspace.root), "cohort": cohort, "lang": lang},
        cwd=runs,
    )
    title = f"{label('report_title', lang)} — {cohort}"
    html_path = export_html(notebook, out_dir / label("html_file", lang, cohort=cohort), lang, title)
    excel_path = write_scores_workbook(scores, out_dir / label("excel_file", lang, cohort=cohort), lang)
    return ReportPaths(html=html_path, excel=excel_path, notebook=notebook_path)
