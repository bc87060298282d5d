"""Imports every module of report sections, which registers them (see :mod:`ikm_curriculum.reports.sections`)."""

from ikm_curriculum.reports import sections_centres, sections_evaluation, sections_scores

__all__ = ["sections_centres", "sections_evaluation", "sections_scores"]
