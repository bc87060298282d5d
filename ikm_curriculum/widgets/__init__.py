"""ipywidgets fronts of the exercises, and autosave of answers to the answer file."""

from ikm_curriculum.widgets.workbook import Workbook, open_workbook

__all__ = ["Workbook", "open_workbook"]
