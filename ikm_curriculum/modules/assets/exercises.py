"""Exercise generators of the module Pengelolaan aset dan administrasi (asset management and administration).

Each generator takes a numpy random generator and the participant's context
and sets its exercise in the participant's own centre
(:func:`~ikm_curriculum.modules.assets.centre_assets.centre_goods`: the goods of
a fish-processing, weaving, cashew, silver, furniture or generic centre,
fictional teaching data). It returns ``(public, key)``: the public part carries
a bilingual ``title`` and ``prompt``, a ``data`` table (or a list of tables) and
the fields its kind reads (:mod:`ikm_curriculum.assessment.kinds`); amounts of
money carry ``"rupiah": True`` so that the widget reads ``4.500.000`` as four and
a half million. The key carries what the kind's scorer reads.

The generators live by topic in :mod:`.exercises_register` (asset cards,
condition, depreciation), :mod:`.exercises_count` (inventory count),
:mod:`.exercises_use` (forms of use, size of members) and
:mod:`.exercises_books` (cash book, fees, machine use).

>>> import numpy as np
>>> from ikm_curriculum.assessment import ParticipantContext
>>> len(EXERCISES), EXERCISES[0].exercise_id
(16, 'aset.kib_classify')
>>> item = EXERCISES[3].instance(np.random.default_rng(7), ParticipantContext("p01", "Abon Ikan Tuna"))
>>> item.kind, item.graded, "value" in item.key and "value" not in item.public
('numeric', True, True)
"""

from __future__ import annotations

from ikm_curriculum.assessment import ExerciseSpec
from ikm_curriculum.modules.assets.exercises_books import EXERCISES_BOOKS
from ikm_curriculum.modules.assets.exercises_count import EXERCISES_COUNT
from ikm_curriculum.modules.assets.exercises_register import EXERCISES_REGISTER
from ikm_curriculum.modules.assets.exercises_use import EXERCISES_USE

EXERCISES: list[ExerciseSpec] = [*EXERCISES_REGISTER, *EXERCISES_COUNT, *EXERCISES_USE, *EXERCISES_BOOKS]
"""Every exercise of the asset module (topics: cards, depreciation, count, use, books, size)."""
