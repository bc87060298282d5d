"""Simulasi teknis: the month-by-month simulation of a sentra IKM (issue 7).

Public contract (notebooks, widgets and grading call these; keep them stable)::

    from ikm_curriculum import simulation as sim
    d = sim.decisions_from_dict(answer, participant="p01")       # Decisions, or DecisionError listing all problems
    s = sim.scenarios_from_seed(sim.cohort_seed(secret), n=100, months=12)   # common random numbers
    r = sim.simulate(d, s, params=sim.DEFAULT_PARAMETERS)        # SimulationResult (arrays scenarios × months)
    sim.monthly_table(r, scenario=None)                          # DataFrame, keys of sim.COLUMN_LABELS
    sim.final_scorecard(r).index                                 # mentoring KPI scorecard + one number
    sim.score_participants({"p01": d, ...}, s, max_points=10)    # {participant: ParticipantSimScore}
    print(sim.rubric_text(10, "id")); print(sim.reference_text("id"))

Files: :mod:`.parameters` (every number and THE description of every mechanism), :mod:`.decisions`,
:mod:`.scenarios`, :mod:`.layouts` (layout options from the facility module), :mod:`.model`,
:mod:`.outputs`, :mod:`.scoring`. Pure numpy/pandas: no Jupyter, no database, no file I/O.
"""

from ikm_curriculum.modules.technical_simulation.decision_form import (
    CERTIFICATIONS,
    CHOICE_LABELS,
    DECISION_FORM,
    DECISION_LABELS,
    ENFORCEMENT_LEVELS,
    LAYOUTS,
)
from ikm_curriculum.simulation.decisions import REFERENCE_POLICY, Decisions, decisions_from_dict
from ikm_curriculum.simulation.model import CASH_IN, CASH_OUT, SimulationResult, acceptance_probability, simulate
from ikm_curriculum.simulation.outputs import (
    COLUMN_LABELS,
    SIMULATED_KPIS,
    SimulationScorecard,
    final_scorecard,
    monthly_table,
    quarter_kpis,
    scenario_index,
)
from ikm_curriculum.simulation.parameters import DEFAULT_PARAMETERS, ModelParameters, parameter_table
from ikm_curriculum.simulation.scenarios import Scenarios, cohort_seed, scenarios_from_seed
from ikm_curriculum.simulation.scoring import (
    RUBRIC,
    ParticipantSimScore,
    reference_text,
    rubric_text,
    score_participants,
)

__all__ = [
    "CASH_IN",
    "CASH_OUT",
    "CERTIFICATIONS",
    "CHOICE_LABELS",
    "COLUMN_LABELS",
    "DECISION_FORM",
    "DECISION_LABELS",
    "DEFAULT_PARAMETERS",
    "ENFORCEMENT_LEVELS",
    "LAYOUTS",
    "REFERENCE_POLICY",
    "RUBRIC",
    "SIMULATED_KPIS",
    "Decisions",
    "ModelParameters",
    "ParticipantSimScore",
    "Scenarios",
    "SimulationResult",
    "SimulationScorecard",
    "acceptance_probability",
    "cohort_seed",
    "decisions_from_dict",
    "final_scorecard",
    "monthly_table",
    "parameter_table",
    "quarter_kpis",
    "reference_text",
    "rubric_text",
    "scenario_index",
    "scenarios_from_seed",
    "score_participants",
    "simulate",
]
