"""Exercise specs (generators) and the instances they produce for one participant.

An exercise is declared once, in its module's ``exercises.py``, with the
:func:`exercise` decorator, which records its kind, points and whether it is
graded or practice. The decorated function is a generator: given a random
generator and the participant's context it returns ``(public, key)``.

Released workbooks carry only :meth:`ExerciseInstance.release_part`. For graded
items that is the public part alone; practice items (which score no points)
also carry their key, so the widget can tell the participant at once whether
the answer is right.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np

from ikm_curriculum.assessment.kinds import get_kind

Generator = Callable[[np.random.Generator, "ParticipantContext"], tuple[dict[str, Any], dict[str, Any]]]


def bilingual(text_id: str, text_en: str) -> dict[str, str]:
    """A participant-facing text of a public part, in Bahasa Indonesia and English.

    >>> bilingual("Jumlah", "Count")
    {'id': 'Jumlah', 'en': 'Count'}
    """
    return {"id": text_id, "en": text_en}


def column(column_id: str, label_id: str, label_en: str) -> dict[str, Any]:
    """A column of a public part's ``data`` table: its id and bilingual label."""
    return {"id": column_id, "label": bilingual(label_id, label_en)}


@dataclass(frozen=True)
class ParticipantContext:
    """What a generator may know of a participant: their centre and its commodity."""

    participant_id: str
    commodity: str
    sentra: str = ""
    city: str = ""


@dataclass(frozen=True)
class ExerciseInstance:
    """One participant's variant of an exercise: public part, key and points."""

    exercise_id: str
    kind: str
    public: dict[str, Any]
    key: dict[str, Any]
    max_points: float
    graded: bool

    def release_part(self) -> dict[str, Any]:
        """What may be written into a released workbook (never a graded key)."""
        part = {
            "exercise_id": self.exercise_id,
            "kind": self.kind,
            "graded": self.graded,
            "max_points": self.max_points,
            **self.public,
        }
        if not self.graded:
            part["practice_key"] = self.key
        return part

    def to_dict(self) -> dict[str, Any]:
        return {
            "exercise_id": self.exercise_id,
            "kind": self.kind,
            "public": self.public,
            "key": self.key,
            "max_points": self.max_points,
            "graded": self.graded,
        }


@dataclass(frozen=True)
class ExerciseSpec:
    """A declared exercise: identity, kind, points and its generator."""

    exercise_id: str
    kind: str
    max_points: float
    graded: bool
    generate: Generator = field(repr=False)

    def instance(self, rng: np.random.Generator, context: ParticipantContext) -> ExerciseInstance:
        """Run the generator and check that it returned a public part and a key."""
        public, key = self.generate(rng, context)
        for part_name, part in (("public", public), ("key", key)):
            if not isinstance(part, dict):
                raise TypeError(f"{self.exercise_id}: generator returned {part_name} that is not a dict")
        if "prompt" not in public:
            raise ValueError(f"{self.exercise_id}: public part has no 'prompt'")
        return ExerciseInstance(self.exercise_id, self.kind, public, key, float(self.max_points), self.graded)


def exercise(exercise_id: str, *, kind: str, points: float, graded: bool = True) -> Callable[[Generator], ExerciseSpec]:
    """Declare a generator as an exercise.

    >>> @exercise("demo.pick", kind="single_choice", points=1)
    ... def pick(rng, ctx):
    ...     return {"prompt": {"id": "Pilih", "en": "Pick"}, "options": [{"id": "a"}]}, {"correct": "a"}
    >>> pick.kind, pick.graded
    ('single_choice', True)
    """
    get_kind(kind)  # fail at declaration on an unknown kind

    def wrap(generate: Generator) -> ExerciseSpec:
        return ExerciseSpec(exercise_id, kind, points, graded, generate)

    return wrap
