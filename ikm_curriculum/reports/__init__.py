"""Reports of a cohort: the HTML report for the city's industry office and the Excel workbook of scores."""

from ikm_curriculum.reports.cohort_report import ReportPaths, build_report

__all__ = ["ReportPaths", "build_report"]
