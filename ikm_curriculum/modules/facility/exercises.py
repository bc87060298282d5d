"""Exercise generators of the module Perencanaan fasilitas (facility planning).

Each generator takes a numpy random generator and the participant's context
and sets its exercise in the participant's own kind of centre
(:func:`~ikm_curriculum.modules.facility.centres.centre_for`: a fish-processing,
weaving, cashew, silver, furniture or generic centre, fictional teaching data).
It returns ``(public, key)``: the public part carries a bilingual ``title`` and
``prompt``, a ``data`` table (``{"columns": [{"id", "label"}], "rows": [...]}``)
and the fields its kind reads (:mod:`ikm_curriculum.assessment.kinds`); the key
carries what the kind's scorer reads, plus, for the reviewer, what the answer
was drawn from.

The generators live by topic in :mod:`.exercises_capacity` (takt time, machines,
shared machines, space), :mod:`.exercises_line` (line balancing) and
:mod:`.exercises_layout` (REL chart, flow × distance, pairwise exchange) and
:mod:`.exercise_layout_grid` (the rooms placed on a grid by clicking).

>>> import numpy as np
>>> from ikm_curriculum.assessment import ParticipantContext
>>> len(EXERCISES), EXERCISES[0].exercise_id
(12, 'fasilitas.takt_time')
>>> item = EXERCISES[0].instance(np.random.default_rng(7), ParticipantContext("p01", "Abon Ikan Tuna"))
>>> item.kind, item.graded, "value" in item.key and "value" not in item.public
('numeric', True, True)
"""

from __future__ import annotations

from ikm_curriculum.assessment import ExerciseSpec
from ikm_curriculum.modules.facility.exercise_layout_grid import layout_grid
from ikm_curriculum.modules.facility.exercises_capacity import (
    bottleneck,
    machines_required_exercise,
    space_requirement_exercise,
    takt_time_exercise,
    utilisation_practice,
)
from ikm_curriculum.modules.facility.exercises_layout import best_swap, flow_cost, rel_reading
from ikm_curriculum.modules.facility.exercises_line import (
    line_balance_exercise,
    line_balance_station1,
    theoretical_stations_practice,
)

EXERCISES: list[ExerciseSpec] = [
    # capacity
    takt_time_exercise,
    utilisation_practice,
    machines_required_exercise,
    bottleneck,
    # line balancing
    theoretical_stations_practice,
    line_balance_exercise,
    line_balance_station1,
    # layout
    rel_reading,
    flow_cost,
    best_swap,
    layout_grid,
    # space
    space_requirement_exercise,
]
"""Every exercise of the facility module, in workbook order (topics: capacity, line balancing, layout, space)."""
