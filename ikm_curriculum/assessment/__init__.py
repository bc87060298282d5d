"""What an exercise is, how an answer is checked and scored (pure Python, no I/O)."""

from ikm_curriculum.assessment.exercise import (
    ExerciseInstance,
    ExerciseSpec,
    ParticipantContext,
    bilingual,
    column,
    exercise,
)
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
    "rng_for",
]
