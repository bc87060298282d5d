"""The participants' satisfaction survey (*survei kepuasan peserta*), loaded from ``survey.yaml``.

This is a training-reaction survey, level 1 of Kirkpatrick's four levels (Kirkpatrick, D. L. &
Kirkpatrick, J. D., *Evaluating Training Programs: The Four Levels*, 3rd ed., 2006): how the participants
judged the material, the facilitators, the facilities, the catering and the organisation. It is *not* the
*Survei Kepuasan Masyarakat* (SKM) of public services (PermenPAN-RB 14/2017: nine service elements, a
4-point scale turned into an index 25–100), which is a different instrument for a different purpose.

Each aspect is one exercise of kind ``likert`` (``survei.<aspect id>``), never graded: a rating on the
five-point agreement scale of Likert (1932), 1 = strongly disagree … 5 = strongly agree, for each
statement, and a comment box. :mod:`ikm_curriculum.assessment.survey_stats` aggregates the answers.

Every problem in ``survey.yaml`` raises :class:`~ikm_curriculum.errors.ContentError` naming the file and
the key path, e.g. ``.../survey.yaml: aspects[2].statements[1].text.en: expected non-empty text``.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Annotated, Any

import numpy as np
from pydantic import Field, StrictInt, StrictStr, ValidationError

from ikm_curriculum.assessment.exercise import ExerciseSpec, ParticipantContext
from ikm_curriculum.assessment.survey_stats import SCALE
from ikm_curriculum.curriculum import Text, _describe, _Frozen, _key_path, _read_yaml
from ikm_curriculum.errors import ContentError

SURVEY_FILE = Path(__file__).with_name("survey.yaml")
EXERCISE_PREFIX = "survei"
"""Exercise ids of the survey are ``survei.<aspect id>``."""

_NAME = r"^[a-z][a-z0-9_]*$"


class ScalePoint(_Frozen):
    """One point of the rating scale: its value (1–5) and its label in both languages."""

    value: StrictInt
    label: Text


class Statement(_Frozen):
    """One statement to rate; its id is unique across the whole survey."""

    id: Annotated[StrictStr, Field(pattern=_NAME)]
    text: Text


class Aspect(_Frozen):
    """One aspect of the survey (material, facilitators, …): one ``likert`` exercise."""

    id: Annotated[StrictStr, Field(pattern=_NAME)]
    title: Text
    statements: Annotated[tuple[Statement, ...], Field(min_length=1)]
    comment: Text | None = None

    @property
    def exercise_id(self) -> str:
        """``survei.<aspect id>``, e.g. ``survei.materi``."""
        return f"{EXERCISE_PREFIX}.{self.id}"

    @property
    def statement_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.statements)


class Survey(_Frozen):
    """The whole survey: the common prompt, the rating scale and the aspects, in workbook order."""

    prompt: Text
    scale: tuple[ScalePoint, ...]
    aspects: Annotated[tuple[Aspect, ...], Field(min_length=1)]

    def aspect(self, aspect_id: str) -> Aspect:
        """The aspect ``aspect_id`` (``"materi"`` or ``"survei.materi"``); ``KeyError`` naming the known ones."""
        for aspect in self.aspects:
            if aspect_id in (aspect.id, aspect.exercise_id):
                return aspect
        raise KeyError(f"unknown survey aspect {aspect_id!r}; known: {', '.join(a.id for a in self.aspects)}")

    def public(self, aspect: Aspect) -> dict[str, Any]:
        """The public part of an aspect's ``likert`` exercise (a new plain dict at every call)."""
        part: dict[str, Any] = {
            "title": aspect.title.model_dump(),
            "prompt": self.prompt.model_dump(),
            "scale": [{"value": p.value, "label": p.label.model_dump()} for p in self.scale],
            "statements": [{"id": s.id, "text": s.text.model_dump()} for s in aspect.statements],
        }
        if aspect.comment is not None:
            part["comment"] = aspect.comment.model_dump()
        return part

    def exercise_specs(self) -> list[ExerciseSpec]:
        """One ungraded ``likert`` exercise per aspect (0 points, empty key), in survey order."""
        return [self._spec(aspect) for aspect in self.aspects]

    def _spec(self, aspect: Aspect) -> ExerciseSpec:
        def generate(rng: np.random.Generator, context: ParticipantContext) -> tuple[dict[str, Any], dict[str, Any]]:
            return self.public(aspect), {}

        return ExerciseSpec(aspect.exercise_id, "likert", 0.0, False, generate)


def _cross_checks(survey: Survey) -> list[tuple[str, str]]:
    """What one key cannot say alone: the scale is 1–5 in order, ids are unique."""
    problems: list[tuple[str, str]] = []
    values = tuple(p.value for p in survey.scale)
    if values != SCALE:
        problems.append(("scale", f"expected the values {list(SCALE)} in this order, got {list(values)}"))
    first: dict[str, str] = {}
    for a, aspect in enumerate(survey.aspects):
        where = f"aspects[{a}].id"
        if aspect.id in first:
            problems.append((where, f"{aspect.id!r} is already used by {first[aspect.id]}"))
        first.setdefault(aspect.id, where)
    seen: dict[str, str] = {}
    for a, aspect in enumerate(survey.aspects):
        for s, statement in enumerate(aspect.statements):
            where = f"aspects[{a}].statements[{s}].id"
            if statement.id in seen:
                problems.append((where, f"{statement.id!r} is already used by {seen[statement.id]}"))
            seen.setdefault(statement.id, where)
    return problems


def read_survey(path: str | Path = SURVEY_FILE) -> Survey:
    """Read and check a survey file (not cached; :func:`load_survey` is the shipped one, cached).

    Raises
    ------
    ContentError
        The file is missing or not YAML, or a key is wrong: the message names the file and every key path
        with its problem (scale values other than 1–5 in order, repeated aspect or statement ids, …).
    """
    path = Path(path)
    if not path.is_file():
        raise ContentError(f"{path}: the survey file is missing")
    data = _read_yaml(path)
    if not isinstance(data, dict):
        raise ContentError(f"{path}: (top level): expected a mapping (prompt, scale, aspects), got {data!r:.60}")
    try:
        survey = Survey.model_validate(data)
    except ValidationError as exc:
        lines = [f"{path}: {_key_path(tuple(e['loc']))}: {_describe(e)}" for e in exc.errors()]
        raise ContentError("\n".join(lines)) from None
    problems = _cross_checks(survey)
    if problems:
        raise ContentError("\n".join(f"{path}: {where}: {what}" for where, what in problems))
    return survey


@functools.cache
def load_survey() -> Survey:
    """The package's own survey (``evaluation/survey.yaml``), loaded and checked once per process.

    >>> survey = load_survey()
    >>> [a.exercise_id for a in survey.aspects][:2], survey.scale[0].label.get("id")
    (['survei.materi', 'survei.narasumber'], 'Sangat tidak setuju')
    """
    return read_survey(SURVEY_FILE)
