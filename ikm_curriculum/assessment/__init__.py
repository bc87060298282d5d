"""What an exercise is, how an answer is checked and scored, and how a test behaved (pure Python, no I/O).

Public contract: ``item_analysis(scores, max_marks=None)`` (Moodle's quiz
statistics) and ``normalized_gain(pre, post, max_score=100)`` (Hake's gain),
besides the exercise types.
"""

from ikm_curriculum.assessment.exercise import (
    ExerciseInstance,
    ExerciseSpec,
    ParticipantContext,
    bilingual,
    column,
    exercise,
)
from ikm_curriculum.assessment.gain import normalized_gain
from ikm_curriculum.assessment.item_analysis import item_analysis
from ikm_curriculum.assessment.kinds import KINDS, ItemScore, get_kind
from ikm_curriculum.assessment.seeds import rng_for

__all__ = [
    "KINDS",
    "ExerciseInstance",
    "ExerciseSpec",
    "ItemScore",
    "ParticipantContext",
    "bilingual",
    "column",
    "exercise",
    "get_kind",
    "item_analysis",
    "normalized_gain",
    "rng_for",
]
