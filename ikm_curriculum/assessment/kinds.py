"""Exercise kinds: the registry of answer forms and how each is checked and scored.

Each kind knows two things:

* ``validate(public, value)`` — is this a well-formed answer (the format check a
  graded item shows before grading, and what ``collect`` enforces)? Returns the
  normalised value or raises :class:`AnswerFormatError` naming the field.
* ``score(public, key, value, max_points)`` — the points, or ``None`` when the
  item is scored by hand.

Kinds: single_choice, multi_choice, numeric, table, classify (a category for
each item), observation (a checklist filled in on a visit: stored, never
scored), short_text (scored by hand), layout (departments on a grid;
:mod:`ikm_curriculum.assessment.layout`) and decisions (a form of bounded
fields, scored for the whole cohort at once by the simulation, not here) and
likert (a rating 1–5 per statement and a comment: the satisfaction survey,
stored, never scored).

Public parts and keys are plain JSON-able dicts, described per kind below.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Callable

from ikm_curriculum.assessment.layout import placed_cells, score_fraction
from ikm_curriculum.errors import AnswerFormatError


@dataclass(frozen=True)
class ItemScore:
    """Points for one item; ``points`` is ``None`` while an item awaits hand scoring."""

    points: float | None
    max_points: float
    detail: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"points": self.points, "max_points": self.max_points, "detail": dict(self.detail)}


def within_tolerance(value: float, expected: float, abs_tol: float = 0.0, rel_tol: float = 0.0) -> bool:
    """True when ``|value - expected| <= max(abs_tol, rel_tol * |expected|)``.

    The same rule as :func:`math.isclose` (Python standard library), with the
    relative tolerance taken from the expected value only, so that a participant's
    wrong answer cannot widen its own tolerance.

    >>> within_tolerance(10.04, 10.0, abs_tol=0.05)
    True
    >>> within_tolerance(10.2, 10.0, rel_tol=0.01)
    False
    """
    return abs(value - expected) <= max(abs_tol, rel_tol * abs(expected))


def _number(field_name: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise AnswerFormatError(field_name, "a number", value)
    if not math.isfinite(value):
        raise AnswerFormatError(field_name, "a finite number", value)
    return float(value)


def _option_ids(public: dict[str, Any]) -> list[str]:
    return [str(option["id"]) for option in public["options"]]


def _validate_single(public: dict[str, Any], value: Any) -> str | None:
    if value is None:
        return None
    ids = _option_ids(public)
    if not isinstance(value, str) or value not in ids:
        raise AnswerFormatError("value", f"one of {ids}", value)
    return value


def _score_single(public: dict[str, Any], key: dict[str, Any], value: Any, max_points: float) -> ItemScore:
    right = value is not None and value == key["correct"]
    return ItemScore(max_points if right else 0.0, max_points, {"correct": right})


def _validate_multi(public: dict[str, Any], value: Any) -> list[str] | None:
    if value is None:
        return None
    ids = _option_ids(public)
    if not isinstance(value, list) or any(not isinstance(v, str) or v not in ids for v in value):
        raise AnswerFormatError("value", f"a list of option ids from {ids}", value)
    if len(set(value)) != len(value):
        raise AnswerFormatError("value", "each option at most once", value)
    return sorted(value)


def _score_multi(public: dict[str, Any], key: dict[str, Any], value: Any, max_points: float) -> ItemScore:
    """Right-minus-wrong partial credit for a multi-select item.

    points = max(0, (right − wrong) / number of correct options) × max_points,
    where *right* counts correct options ticked and *wrong* counts wrong options
    ticked: ticking everything earns nothing. This is the partial-credit rule of
    "multiple answers" questions in common learning-management systems (e.g.
    Canvas LMS quizzes).
    """
    correct = set(key["correct"])
    chosen = set(value or [])
    right = len(chosen & correct)
    wrong = len(chosen - correct)
    fraction = max(0.0, (right - wrong) / len(correct)) if correct else float(not chosen)
    return ItemScore(round(fraction * max_points, 6), max_points, {"right": right, "wrong": wrong})


def _validate_numeric(public: dict[str, Any], value: Any) -> float | None:
    if value is None:
        return None
    return _number("value", value)


def _score_numeric(public: dict[str, Any], key: dict[str, Any], value: Any, max_points: float) -> ItemScore:
    right = value is not None and within_tolerance(
        value, key["value"], key.get("abs_tol", 0.0), key.get("rel_tol", 0.0)
    )
    return ItemScore(max_points if right else 0.0, max_points, {"correct": right, "expected": key["value"]})


def _cell_ids(public: dict[str, Any]) -> list[str]:
    return [str(cell["id"]) for cell in public["cells"]]


def _validate_table(public: dict[str, Any], value: Any) -> dict[str, float | None] | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise AnswerFormatError("value", "an object of cell id → number", value)
    ids = _cell_ids(public)
    unknown = sorted(set(value) - set(ids))
    if unknown:
        raise AnswerFormatError(f"value.{unknown[0]}", f"a cell id from {ids}", unknown[0])
    out: dict[str, float | None] = {}
    for cell_id in ids:
        cell = value.get(cell_id)
        out[cell_id] = None if cell is None else _number(f"value.{cell_id}", cell)
    return out


def _score_table(public: dict[str, Any], key: dict[str, Any], value: Any, max_points: float) -> ItemScore:
    """Partial credit per cell: each cell within tolerance earns max_points / number of cells."""
    expected: dict[str, float] = key["values"]
    given = value or {}
    per_cell = {
        cell_id: given.get(cell_id) is not None
        and within_tolerance(given[cell_id], exp, key.get("abs_tol", 0.0), key.get("rel_tol", 0.0))
        for cell_id, exp in expected.items()
    }
    fraction = sum(per_cell.values()) / len(per_cell)
    return ItemScore(round(fraction * max_points, 6), max_points, {"cells": per_cell})


def _validate_classify(public: dict[str, Any], value: Any) -> dict[str, str | None] | None:
    """A category id (or nothing yet) for each item: ``{item id: category id | None}``.

    Public part: ``items`` and ``categories``, each a list of ``{"id", "label"}``.
    """
    if value is None:
        return None
    if not isinstance(value, dict):
        raise AnswerFormatError("value", "an object of item id → category id", value)
    items = [str(item["id"]) for item in public["items"]]
    categories = [str(category["id"]) for category in public["categories"]]
    unknown = sorted(set(value) - set(items))
    if unknown:
        raise AnswerFormatError(f"value.{unknown[0]}", f"an item id from {items}", unknown[0])
    out: dict[str, str | None] = {}
    for item_id in items:
        chosen = value.get(item_id)
        if chosen is not None and (not isinstance(chosen, str) or chosen not in categories):
            raise AnswerFormatError(f"value.{item_id}", f"one of {categories}", chosen)
        out[item_id] = chosen
    return out


def _score_classify(public: dict[str, Any], key: dict[str, Any], value: Any, max_points: float) -> ItemScore:
    """Partial credit per item: each item put in its right category earns max_points / number of items."""
    expected: dict[str, str] = key["values"]
    given = value or {}
    per_item = {item_id: given.get(item_id) == category for item_id, category in expected.items()}
    fraction = sum(per_item.values()) / len(per_item)
    return ItemScore(round(fraction * max_points, 6), max_points, {"items": per_item})


def _score_observation(public: dict[str, Any], key: dict[str, Any], value: Any, max_points: float) -> ItemScore:
    """An observation has no right answer: it earns nothing and is kept as data (answers per category)."""
    counts: dict[str, int] = {}
    for chosen in (value or {}).values():
        if chosen is not None:
            counts[chosen] = counts.get(chosen, 0) + 1
    return ItemScore(0.0, max_points, {"observed": counts})


def _validate_decisions(public: dict[str, Any], value: Any) -> dict[str, Any] | None:
    """A value for every field of the form, within its bounds.

    Public part: ``fields``, each ``{"id", "label", "type", ...}`` with type
    ``int`` or ``number`` (``min``, ``max``), ``bool``, ``choice`` (``options``:
    list of ``{"id", "label"}``) or ``multi`` (``options``; a list of option
    ids, each at most once).
    """
    if value is None:
        return None
    if not isinstance(value, dict):
        raise AnswerFormatError("value", "an object of field id → value", value)
    fields = {str(f["id"]): f for f in public["fields"]}
    unknown = sorted(set(value) - set(fields))
    if unknown:
        raise AnswerFormatError(f"value.{unknown[0]}", f"a field id from {sorted(fields)}", unknown[0])
    out: dict[str, Any] = {}
    for field_id, spec in fields.items():
        name, given = f"value.{field_id}", value.get(field_id)
        if given is None:
            raise AnswerFormatError(name, "a value for every field", None)
        if spec["type"] in ("int", "number"):
            whole = spec["type"] == "int"
            expected = f"{'a whole number' if whole else 'a number'} from {spec['min']} to {spec['max']}"
            if isinstance(given, bool) or not isinstance(given, (int, float)) or not math.isfinite(given):
                raise AnswerFormatError(name, expected, given)
            if whole and given != int(given):
                raise AnswerFormatError(name, expected, given)
            if not spec["min"] <= given <= spec["max"]:
                raise AnswerFormatError(name, expected, given)
            out[field_id] = int(given) if whole else float(given)
            continue
        if spec["type"] == "bool":
            if not isinstance(given, bool):
                raise AnswerFormatError(name, "true or false", given)
            out[field_id] = given
            continue
        ids = [str(o["id"]) for o in spec["options"]]
        chosen = given if spec["type"] == "multi" else [given]
        if not isinstance(chosen, list) or any(c not in ids for c in chosen) or len(set(chosen)) != len(chosen):
            raise AnswerFormatError(name, f"{'option ids' if spec['type'] == 'multi' else 'one'} of {ids}", given)
        out[field_id] = sorted(chosen) if spec["type"] == "multi" else given
    return out


def _score_decisions(public: dict[str, Any], key: dict[str, Any], value: Any, max_points: float) -> ItemScore:
    """Decisions are scored for the whole cohort by the simulation run, never one by one."""
    return ItemScore(None, max_points, {"batch": True})


def _validate_text(public: dict[str, Any], value: Any) -> str | None:
    if value is None:
        return None
    limit = int(public.get("max_chars", 2000))
    if not isinstance(value, str):
        raise AnswerFormatError("value", "text", value)
    if len(value) > limit:
        raise AnswerFormatError("value", f"at most {limit} characters", f"{len(value)} characters")
    return value


def _score_text(public: dict[str, Any], key: dict[str, Any], value: Any, max_points: float) -> ItemScore:
    if not (value or "").strip():
        return ItemScore(0.0, max_points, {"blank": True})
    return ItemScore(None, max_points, {"manual": True})


@dataclass(frozen=True)
class ExerciseKind:
    """One kind of exercise: how its answers are validated and scored."""

    name: str
    validate: Callable[[dict[str, Any], Any], Any]
    score: Callable[[dict[str, Any], dict[str, Any], Any, float], ItemScore]
    manual: bool = False
    feedback: bool = True  # a practice item of this kind says at once whether the answer is right
    batch: bool = False  # scored for the whole cohort by a run of its own (the simulation), not by grading


KINDS: dict[str, ExerciseKind] = {}


def register(kind: ExerciseKind) -> ExerciseKind:
    """Add an exercise kind to the registry (its name must be new)."""
    if kind.name in KINDS:
        raise ValueError(f"exercise kind {kind.name!r} is already registered")
    KINDS[kind.name] = kind
    return kind


def get_kind(name: str) -> ExerciseKind:
    """The registered kind called ``name``; the error lists the known kinds."""
    try:
        return KINDS[name]
    except KeyError:
        raise KeyError(f"unknown exercise kind {name!r}; known kinds: {sorted(KINDS)}") from None


register(ExerciseKind("single_choice", _validate_single, _score_single))
register(ExerciseKind("multi_choice", _validate_multi, _score_multi))
register(ExerciseKind("numeric", _validate_numeric, _score_numeric))
register(ExerciseKind("table", _validate_table, _score_table))
register(ExerciseKind("classify", _validate_classify, _score_classify))
register(ExerciseKind("observation", _validate_classify, _score_observation, feedback=False))
register(ExerciseKind("short_text", _validate_text, _score_text, manual=True))


def _validate_layout(public: dict[str, Any], value: Any) -> dict[str, list[int]] | None:
    if value is None:
        return None
    return {department: list(cell) for department, cell in placed_cells(public, value).items()}


def _score_layout(public: dict[str, Any], key: dict[str, Any], value: Any, max_points: float) -> ItemScore:
    """Points by :func:`ikm_curriculum.assessment.layout.score_fraction` (full marks near the best layout)."""
    if not value:
        return ItemScore(0.0, max_points, {"blank": True})
    fraction, detail = score_fraction(public, key, placed_cells(public, value))
    return ItemScore(round(fraction * max_points, 6), max_points, detail)


register(ExerciseKind("layout", _validate_layout, _score_layout))
register(ExerciseKind("decisions", _validate_decisions, _score_decisions, feedback=False, batch=True))


LIKERT_COMMENT_CHARS = 1000
"""Longest comment a ``likert`` answer may carry (characters)."""


def _scale_values(public: dict[str, Any]) -> list[int]:
    return [int(point["value"]) for point in public["scale"]]


def _validate_likert(public: dict[str, Any], value: Any) -> dict[str, Any] | None:
    """A rating (or nothing yet) per statement and an optional comment.

    Public part: ``prompt``, ``scale`` (``[{"value": 1, "label": {id, en}}, ...]``, the points 1–5),
    ``statements`` (``[{"id", "text": {id, en}}]``) and, when a comment box is shown, ``comment`` (its
    invitation text). Answer: ``{"ratings": {statement id: 1..5 | None}, "comment": "text"}``; normalised
    to a rating (or ``None``) for every statement and a comment string (``""`` when absent).

    >>> public = {"scale": [{"value": v} for v in range(1, 6)], "statements": [{"id": "s1"}, {"id": "s2"}]}
    >>> _validate_likert(public, {"ratings": {"s1": 4}})
    {'ratings': {'s1': 4, 's2': None}, 'comment': ''}
    >>> _validate_likert(public, {"ratings": {"s2": 7}})
    Traceback (most recent call last):
    ...
    ikm_curriculum.errors.AnswerFormatError: ratings.s2: expected an integer 1–5, got 7
    """
    if value is None:
        return None
    if not isinstance(value, dict):
        raise AnswerFormatError("value", "an object with ratings and comment", value)
    unknown_keys = sorted(str(k) for k in set(value) - {"ratings", "comment"})
    if unknown_keys:
        raise AnswerFormatError(unknown_keys[0], "only the keys ratings and comment", unknown_keys[0])
    ratings = value.get("ratings")
    ratings = {} if ratings is None else ratings
    if not isinstance(ratings, dict):
        raise AnswerFormatError("ratings", "an object of statement id → rating", ratings)
    ids = [str(statement["id"]) for statement in public["statements"]]
    unknown = sorted(str(k) for k in set(ratings) - set(ids))
    if unknown:
        raise AnswerFormatError(f"ratings.{unknown[0]}", f"a statement id from {ids}", unknown[0])
    points = _scale_values(public)
    out: dict[str, int | None] = {}
    for statement_id in ids:
        rating = ratings.get(statement_id)
        if rating is not None and (isinstance(rating, bool) or not isinstance(rating, int) or rating not in points):
            raise AnswerFormatError(f"ratings.{statement_id}", f"an integer {points[0]}–{points[-1]}", rating)
        out[statement_id] = rating
    comment = value.get("comment")
    comment = "" if comment is None else comment
    if not isinstance(comment, str):
        raise AnswerFormatError("comment", "text", comment)
    if len(comment) > LIKERT_COMMENT_CHARS:
        raise AnswerFormatError("comment", f"at most {LIKERT_COMMENT_CHARS} characters", f"{len(comment)} characters")
    if comment.strip() and "comment" not in public:
        raise AnswerFormatError("comment", "no comment (this item has no comment box)", comment)
    return {"ratings": out, "comment": comment}


def _score_likert(public: dict[str, Any], key: dict[str, Any], value: Any, max_points: float) -> ItemScore:
    """A survey answer is never graded: 0 points out of 0, whatever ``max_points`` says; the detail counts ratings.

    A maximum of 0 keeps the item out of any total even if it were stored as graded by mistake.
    """
    ratings = (value or {}).get("ratings") or {}
    return ItemScore(0.0, 0.0, {"answered": sum(rating is not None for rating in ratings.values())})


register(ExerciseKind("likert", _validate_likert, _score_likert, feedback=False))
