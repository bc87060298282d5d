"""Exercises of the module Kunjungan lapangan (field visit).

Empty for now: later work adds generators declared with
:func:`ikm_curriculum.assessment.exercise`, and lists their ids in this
module's ``content.yaml`` (key ``exercises``) in workbook order.
"""

from ikm_curriculum.assessment import ExerciseSpec

EXERCISES: list[ExerciseSpec] = []
