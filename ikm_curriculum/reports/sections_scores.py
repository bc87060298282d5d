"""Report sections: the cover, the summary, attendance and completion, scores per participant and module."""

from __future__ import annotations

import html
from typing import Any

import pandas as pd

from ikm_curriculum.curriculum import default_curriculum
from ikm_curriculum.evaluation.forms import default_plans
from ikm_curriculum.reports.charts import heatmap_png, histogram_png
from ikm_curriculum.reports.labels import format_date, format_number, label
from ikm_curriculum.reports.report_data import ReportData
from ikm_curriculum.reports.sections import (
    heading,
    html_part,
    image_part,
    key_value_table,
    note,
    register_section,
    table_html,
)
from ikm_curriculum.reports.tables import cohort_summary, final_percents, module_summary, participants_table


def _dates(data: ReportData) -> str:
    info, lang = data.training, data.lang
    if info.start_date and info.end_date and info.start_date != info.end_date:
        return f"{format_date(info.start_date, lang)} – {format_date(info.end_date, lang)}"
    day = info.start_date or info.end_date
    return format_date(day, lang) if day else "–"


COVER_COHORTS = 6
"""A combined report's cover names this many cohorts, then says how many more."""


def cohort_text(data: ReportData) -> str:
    """The cohort's name, or for a combined report how many cohorts and the first few names."""
    if not data.cohorts:
        return data.scores.cohort
    shown = ", ".join(data.cohorts[:COVER_COHORTS])
    more = f", … (+{len(data.cohorts) - COVER_COHORTS})" if len(data.cohorts) > COVER_COHORTS else ""
    return label("n_cohorts", data.lang, n=len(data.cohorts)) + f": {shown}{more}"


@register_section("cover")
def cover_section(data: ReportData) -> list[Any]:
    """Report title, the training (title, dates, place, organiser, facilitators), cohort and report date."""
    lang, info = data.lang, data.training
    rows = [
        (label("training", lang), info.title),
        (label("cohort", lang), cohort_text(data)),
        (label("dates", lang), _dates(data)),
        (label("place", lang), info.place or "–"),
        (label("organiser", lang), info.organiser or "–"),
        (label("facilitators", lang), ", ".join(info.facilitators) or "–"),
        (label("lesson_hours", lang), f"{default_curriculum().total_lesson_hours()} JP"),
        (label("date", lang), format_date(data.day, lang)),
    ]
    parts = [f"<h1>{html.escape(label('report_title', lang))}</h1>", key_value_table(rows, "ikm-cover")]
    if data.anonymized:
        parts.append(note("anonymized_note", lang))
    return [html_part("<section class='ikm-cover-page'>" + "".join(parts) + "</section>")]


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
    return [html_part(heading("summary_heading", lang) + key_value_table(rows) + note("summary_note", lang))]


def attendance_table(data: ReportData) -> pd.DataFrame:
    """Per day: participants who handed in any workbook of that day; per workbook: how many handed it in."""
    lang = data.lang
    plans = default_plans()
    total = len(data.scores.participants)
    rows = []
    for day in sorted({p.day for p in plans if p.day is not None}):
        books = {p.workbook for p in plans if p.day == day}
        present = sum(1 for handed in data.workbooks.values() if handed & books)
        rows.append({label("what", lang): label("day_n", lang, day=day), label("count", lang): f"{present} / {total}"})
    for plan in plans:
        handed = sum(1 for books in data.workbooks.values() if plan.workbook in books)
        rows.append({label("what", lang): plan.title[lang], label("count", lang): f"{handed} / {total}"})
    return pd.DataFrame(rows)


@register_section("attendance")
def attendance_section(data: ReportData) -> list[Any]:
    """Attendance per day (seen from the work handed in) and completion of each workbook."""
    lang = data.lang
    return [html_part(heading("attendance_heading", lang) + table_html(attendance_table(data), lang)
                      + note("attendance_note", lang))]  # fmt: skip


@register_section("participants")
def participants_section(data: ReportData) -> list[Any]:
    """One row per participant: name, sentra, commodity, percent per module and final."""
    frame = participants_table(data.scores, data.lang)
    return [html_part(heading("participants_heading", data.lang) + table_html(frame, data.lang))]


@register_section("heatmap")
def heatmap_section(data: ReportData) -> list[Any]:
    """Participants × modules, each cell coloured by percent."""
    lang = data.lang
    if not data.scores.modules or not final_percents(data.scores):
        return [html_part(heading("heatmap_heading", lang) + note("hist_empty", lang))]
    return [
        html_part(heading("heatmap_heading", lang)),
        image_part(heatmap_png(data.scores, lang), label("heatmap_heading", lang)),
        html_part(note("heatmap_note", lang)),
    ]


@register_section("modules")
def modules_section(data: ReportData) -> list[Any]:
    """Mean, median, lowest and highest percent of each module."""
    frame = module_summary(data.scores, data.lang)
    return [html_part(heading("modules_heading", data.lang) + table_html(frame, data.lang))]


@register_section("distribution")
def distribution_section(data: ReportData) -> list[Any]:
    """Histogram of final percents, embedded as a PNG."""
    lang = data.lang
    if not final_percents(data.scores):
        return [html_part(heading("distribution_heading", lang) + f"<p>{html.escape(label('hist_empty', lang))}</p>")]
    return [
        html_part(heading("distribution_heading", lang)),
        image_part(histogram_png(data.scores, lang), label("hist_title", lang)),
    ]
