"""The Excel workbook of a cohort's report (pandas + openpyxl).

Sheets (names in the report's language):

- ``Rekap`` / ``Summary``: one row per participant: who, points, maximum and
  percent of each module and of the total, and the pre/post-test over all days;
- ``Per modul`` / ``By module``: per-module statistics;
- ``Analisis butir`` / ``Item analysis``: every post-test item and every module
  exercise, with facility, discrimination, efficiency and flags; then the
  post-test's statistics (mean, median, sd, skewness, kurtosis, alpha, …);
- ``Pre-Post``: the gain per day and overall, then each participant's test scores;
- ``Survei`` / ``Survey``: every statement's answers, then the comments;
- ``Nilai per soal`` / ``Item scores``: one row per participant and scored item.

Every sheet has a bold, frozen header row and columns wide enough for their
text; numbers stay numbers (percentages with one decimal), a missing value is
an empty cell. The file is written to a temporary name first and then renamed,
so a reader never sees a half-written workbook.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from ikm_curriculum.reports.labels import label
from ikm_curriculum.reports.pre_post import (
    exercise_items_table,
    form_items_table,
    form_statistics_table,
    gain_table,
    pre_post_table,
)
from ikm_curriculum.reports.report_data import ReportData
from ikm_curriculum.reports.tables import items_table, module_summary, participants_table

MAX_COLUMN_WIDTH = 60
NUMBER_FORMAT = "0.0"


def _style(sheet: Worksheet, header_rows: tuple[int, ...] = (1,)) -> None:
    """Bold header row(s), one-decimal floats, column widths from the longest text, frozen first row."""
    bold = Font(bold=True)
    for row in header_rows:
        for cell in sheet[row]:
            cell.font = bold
    widths: dict[str, int] = {}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            if isinstance(cell.value, float):
                cell.number_format = NUMBER_FORMAT
                text = f"{cell.value:.1f}"
            else:
                text = str(cell.value)
            letter = cell.column_letter
            widths[letter] = max(widths.get(letter, 0), len(text))
    for letter, width in widths.items():
        sheet.column_dimensions[letter].width = min(width + 2, MAX_COLUMN_WIDTH)
    sheet.freeze_panes = "A2"


def rekap_table(data: ReportData) -> pd.DataFrame:
    """The participants table with points per module, followed by their pre/post-test scores."""
    table = participants_table(data.scores, data.lang, detail=True)
    tests = pre_post_table(data, data.lang)
    extra = [c for c in tests.columns if c not in table.columns]
    return pd.concat([table, tests[extra]], axis=1) if extra and len(tests) == len(table) else table


def item_analysis_table(data: ReportData) -> pd.DataFrame:
    """Post-test items, then module exercises, each row saying where it comes from."""
    lang = data.lang
    source = label("source_test", lang)
    tests = form_items_table(data, lang).assign(**{source: label("source_test_value", lang)})
    exercises = exercise_items_table(data, lang).assign(**{source: label("source_exercise_value", lang)})
    frames = [frame for frame in (tests, exercises) if len(frame)]
    if not frames:
        return pd.DataFrame(columns=[source])
    both = pd.concat(frames, ignore_index=True)
    return both[[source, *[c for c in both.columns if c != source]]]


def survey_tables(data: ReportData) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every statement's answers, and every comment with its aspect."""
    from ikm_curriculum.reports.sections_evaluation import survey_statements_table, survey_summaries

    lang = data.lang
    summaries = survey_summaries(data)
    comments = pd.DataFrame(
        [(aspect.title.get(lang), c) for aspect, s in summaries for c in s.comments],
        columns=[label("aspect", lang), label("comment", lang)],
    )
    return survey_statements_table(data, summaries), comments


def _write(writer: pd.ExcelWriter, name: str, frames: list[pd.DataFrame]) -> None:
    """``frames`` one under another on sheet ``name``, a blank row between, each with a bold header."""
    row, headers = 0, []
    for frame in frames:
        frame.to_excel(writer, sheet_name=name, index=False, startrow=row)
        headers.append(row + 1)
        row += len(frame) + 2
    _style(writer.sheets[name], header_rows=tuple(headers))


def write_report_workbook(data: ReportData, path: Path) -> Path:
    """Write the Excel workbook of the report ``data`` to ``path``; return ``path``.

    Parameters
    ----------
    data : ReportData
        From :func:`ikm_curriculum.reports.report_data.load_report_data`; its
        ``lang`` gives the sheet names and column headers.
    path : Path
        The ``.xlsx`` file to write (its folder is created if missing).
    """
    lang = data.lang
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    statements, comments = survey_tables(data)
    sheets = {
        "sheet_rekap": [rekap_table(data)],
        "sheet_modules": [module_summary(data.scores, lang)],
        "sheet_item_analysis": [item_analysis_table(data), form_statistics_table(data)],
        "sheet_pre_post": [gain_table(data, lang), pre_post_table(data, lang)],
        "sheet_survey": [statements, comments],
        "sheet_item_scores": [items_table(data.scores, lang)],
    }
    try:
        with pd.ExcelWriter(partial, engine="openpyxl") as writer:
            for key, frames in sheets.items():
                _write(writer, label(key, lang), frames)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return path
