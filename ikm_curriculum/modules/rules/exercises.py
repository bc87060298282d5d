"""Exercises of the module Tata tertib sentra (the centre's house rules).

Empty for now: later issues add generators declared with
:func:`ikm_curriculum.assessment.exercise`, and list their ids in this
module's ``content.yaml`` (key ``exercises``) in workbook order.
"""

from ikm_curriculum.assessment import ExerciseSpec

EXERCISES: list[ExerciseSpec] = []
