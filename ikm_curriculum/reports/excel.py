"""The Excel workbook of a cohort's scores (pandas + openpyxl).

Three sheets (names in the report's language):

- ``Peserta`` / ``Participants``: one row per participant, points, maximum and
  percent of each module and of the total;
- ``Butir`` / ``Items``: one row per participant and scored item;
- ``Ringkasan`` / ``Summary``: the headline numbers, then the per-module statistics.

Every sheet has a bold, frozen header row and columns wide enough for their
text; percents and points are shown with one decimal. The file is written to a
temporary name first and then renamed, so a reader never sees a half-written
workbook.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from ikm_curriculum.cohort.scores import CohortScores
from ikm_curriculum.reports.labels import label
from ikm_curriculum.reports.tables import (
    cohort_summary,
    items_table,
    module_summary,
    participants_table,
    summary_table,
)

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


def write_scores_workbook(scores: CohortScores, path: Path, lang: str = "id") -> Path:
    """Write the Excel workbook of ``scores`` to ``path``; return ``path``.

    Parameters
    ----------
    scores : CohortScores
        From :func:`ikm_curriculum.cohort.scores.cohort_scores`.
    path : Path
        The ``.xlsx`` file to write (its folder is created if missing).
    lang : str
        ``"id"`` or ``"en"``: sheet names and column headers.

    Returns
    -------
    Path
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    sheets = {
        "participants": participants_table(scores, lang, detail=True),
        "items": items_table(scores, lang),
    }
    summary = summary_table(cohort_summary(scores), lang)
    modules = module_summary(scores, lang)
    try:
        with pd.ExcelWriter(partial, engine="openpyxl") as writer:
            for key, frame in sheets.items():
                name = label(f"sheet_{key}", lang)
                frame.to_excel(writer, sheet_name=name, index=False)
                _style(writer.sheets[name])
            name = label("sheet_summary", lang)
            summary.to_excel(writer, sheet_name=name, index=False)
            modules_at = len(summary) + 2  # one blank row between the two tables (0-based start row)
            modules.to_excel(writer, sheet_name=name, index=False, startrow=modules_at)
            _style(writer.sheets[name], header_rows=(1, modules_at + 1))
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return path
