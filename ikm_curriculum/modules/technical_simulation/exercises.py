"""Exercise of the module Simulasi teknis: the participant's decisions for a year of the simulated centre.

One exercise of kind ``decisions`` (:mod:`ikm_curriculum.assessment.kinds`):
the form is :data:`.decision_form.DECISION_FORM`; the workbook starts from
the centre as it runs today (:data:`STARTING_POINT`), lets the participant try
the decisions on a few practice scenarios with a visible seed, and saves them
on "Kirim keputusan". It is scored for the whole cohort at once on hidden
scenarios by :mod:`ikm_curriculum.simulation.scoring` (``ikm simulate``), not
by grading.

>>> import numpy as np
>>> from ikm_curriculum.assessment import ParticipantContext
>>> item = EXERCISES[0].instance(np.random.default_rng(1), ParticipantContext("p1", "tenun"))
>>> item.kind, item.graded, len(item.public["fields"]), item.key
('decisions', True, 10, {})
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ikm_curriculum.assessment import ExerciseSpec, ParticipantContext, bilingual, exercise
from ikm_curriculum.modules.technical_simulation.decision_form import DECISION_FORM

STARTING_POINT: dict[str, Any] = {
    "production_plan": 1.0,
    "inspection_n": 0,
    "inspection_c": 0,
    "maintenance_interval_months": 0,
    "fee_level": 25_000,
    "enforcement": "longgar",
    "mentoring_visits": 0,
    "layout": "C",
    "certification": [],
    "control_charts": False,
}
"""The centre as it runs today: no inspection, no maintenance plan, lax rules, the layout as built."""

PRACTICE_SCENARIOS = 20
"""Scenarios of a practice run in the workbook (the hidden scoring set is larger and different)."""


@exercise("simulasi.decisions", kind="decisions", points=10)
def decisions(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[dict[str, Any], dict[str, Any]]:
    """The yearly operating plan of the simulated centre; scored in batch against a reference policy."""
    public = {
        "title": bilingual("Keputusan Anda untuk sentra selama setahun", "Your decisions for the centre for a year"),
        "prompt": bilingual(
            "Anda pengelola sebuah sentra abon ikan dengan UPT. Angka awal di bawah adalah cara sentra berjalan "
            "sekarang. Ubah keputusan, lalu tekan 'Coba jalankan' untuk melihat hasilnya bulan demi bulan pada "
            "beberapa skenario latihan. Kalau sudah yakin, tekan 'Kirim keputusan'. Nilai dihitung kemudian pada "
            "skenario tersembunyi yang sama untuk semua peserta.",
            "You manage a fish-floss centre with a UPT. The starting values below are how the centre runs today. "
            "Change the decisions, then press 'Try it' to see the results month by month on a few practice "
            "scenarios. When you are sure, press 'Submit decisions'. The score is computed later on hidden "
            "scenarios that are the same for every participant.",
        ),
        "fields": list(DECISION_FORM),
        "initial": dict(STARTING_POINT),
        "practice": {"seed": int(rng.integers(1, 10_000)), "scenarios": PRACTICE_SCENARIOS},
    }
    return public, {}


EXERCISES: list[ExerciseSpec] = [decisions]
"""Every exercise of the simulation module, in workbook order."""
