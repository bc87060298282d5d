"""A participant's answer and the right answer, in words, for every exercise kind (feedback pages).

A registry, like the kinds themselves (:mod:`ikm_curriculum.assessment.kinds`):
kind name → function ``(public, key, value, lang) -> (given text, right text)``.
Kinds with no right answer to show are listed in :data:`SKIPPED`: ``decisions``
(the simulation, shown by its own result), ``observation`` (a visit checklist)
and ``likert`` (the survey). A test checks that every registered kind is one or
the other.

Numbers are written the Indonesian way in Indonesian (``1.234,5``; English
``1,234.5``) by :func:`ikm_curriculum.reports.labels.format_number`; an expected
number gets as many decimals as its tolerance needs (tolerance 0.05 → 2
decimals). A table or classification answer is written one line per cell, each
given cell marked ✓ (right) or ✗ (not right) by the same tolerance rule the
scoring uses (:func:`ikm_curriculum.assessment.kinds.within_tolerance`).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from ikm_curriculum.assessment.kinds import KINDS, within_tolerance
from ikm_curriculum.assessment.layout import flow_cost, placed_cells
from ikm_curriculum.errors import AnswerFormatError
from ikm_curriculum.reports.labels import format_number, label

AnswerText = Callable[[dict[str, Any], dict[str, Any], Any, str], tuple[str, str]]
ANSWER_TEXTS: dict[str, AnswerText] = {}
"""Kind name → its answer-text function."""
SKIPPED: frozenset[str] = frozenset({"decisions", "observation", "likert"})
"""Kinds whose answers are not shown as right or wrong."""
MAX_DECIMALS = 4
"""Most decimals shown for a number without a tolerance."""
ANSWER_CHARS = 600
"""A written answer longer than this is cut (with …) on the page."""
SHORT_UNIT = 4
"""A tolerance repeats the unit only when it is this short (``%``, ``g``, ``m²``), not ``menit per kemasan``."""
RIGHT, WRONG = "✓", "✗"


def register_answer_text(kind: str) -> Callable[[AnswerText], AnswerText]:
    """Decorator: the answer-text function of ``kind`` (a later one replaces an earlier)."""

    def register(function: AnswerText) -> AnswerText:
        ANSWER_TEXTS[kind] = function
        return function

    return register


def pick(value: Any, lang: str) -> str:
    """The text in ``lang`` of a bilingual ``{"id": …, "en": …}`` value; plain text passes through.

    >>> pick({"id": "Hari", "en": "Day"}, "en"), pick("kg", "id"), pick(None, "id")
    ('Day', 'kg', '')
    """
    if isinstance(value, dict):
        return str(value.get(lang) or value.get("id") or "")
    return "" if value is None else str(value)


def decimals_for(tolerance: float) -> int:
    """Decimals that show a number to its tolerance: the first decimal place the tolerance reaches.

    >>> decimals_for(0.05), decimals_for(0.5), decimals_for(5.0), decimals_for(0.003), decimals_for(0)
    (2, 1, 0, 3, 4)
    """
    if tolerance <= 0:
        return MAX_DECIMALS
    return min(6, max(0, math.ceil(-math.log10(tolerance) - 1e-9)))


def number_text(value: float, lang: str, decimals: int = MAX_DECIMALS) -> str:
    """``value`` with at most ``decimals`` decimals, trailing zeros dropped.

    >>> number_text(500.781, "id", 2), number_text(125.0, "id"), number_text(0.0600, "en", 3)
    ('500,78', '125', '0.06')
    >>> number_text(1234567.5, "id", 0)
    '1.234.568'
    """
    text = format_number(float(value), lang, decimals)
    if decimals > 0:
        text = text.rstrip("0").rstrip("," if lang == "id" else ".")
    return "0" if text in ("-0", "") else text


def amount_text(
    value: float, public: dict[str, Any], lang: str, decimals: int = MAX_DECIMALS, unit_chars: int = 1000
) -> str:
    """A number with the exercise's unit: ``Rp600.000`` for money (``public["rupiah"]``), else e.g. ``65,3 %``.

    The unit (``public["unit"]``) is left out when it is longer than ``unit_chars``
    characters (a tolerance repeats only a short unit such as ``%`` or ``m²``).

    >>> amount_text(0.01, {"unit": {"id": "menit per kemasan"}}, "id", 2, unit_chars=4)
    '0,01'
    """
    if public.get("rupiah"):
        return "Rp" + number_text(value, lang, 0 if float(value).is_integer() else 2)
    unit = pick(public.get("unit"), lang)
    shown = number_text(value, lang, decimals)
    return f"{shown} {unit}" if unit and len(unit) <= unit_chars else shown


def _tolerance(key: dict[str, Any], expected: float) -> float:
    """The allowed difference, as :func:`~ikm_curriculum.assessment.kinds.within_tolerance` computes it."""
    return max(float(key.get("abs_tol", 0.0)), float(key.get("rel_tol", 0.0)) * abs(expected))


def _tolerance_note(key: dict[str, Any], expected: float, public: dict[str, Any], lang: str) -> str:
    tolerance = _tolerance(key, expected)
    if tolerance <= 0:
        return ""
    shown = amount_text(tolerance, public, lang, decimals_for(tolerance / 10), unit_chars=SHORT_UNIT)
    return f" ({label('at_tolerance', lang, tolerance=shown)})"


def _options(public: dict[str, Any], lang: str) -> dict[str, str]:
    return {str(option["id"]): pick(option.get("label", option["id"]), lang) for option in public["options"]}


@register_answer_text("single_choice")
def single_choice_text(public: dict[str, Any], key: dict[str, Any], value: Any, lang: str) -> tuple[str, str]:
    """The label of the option chosen and of the right option.

    >>> public = {"options": [{"id": "a", "label": {"id": "Ya", "en": "Yes"}}, {"id": "b", "label": "Tidak"}]}
    >>> single_choice_text(public, {"correct": "b"}, "a", "id")
    ('Ya', 'Tidak')
    """
    options = _options(public, lang)
    given = options.get(str(value), str(value)) if value is not None else label("at_no_answer", lang)
    return given, options.get(str(key["correct"]), str(key["correct"]))


@register_answer_text("multi_choice")
def multi_choice_text(public: dict[str, Any], key: dict[str, Any], value: Any, lang: str) -> tuple[str, str]:
    """The labels of the options ticked and of the right ones, one per line, in the options' order."""
    options = _options(public, lang)
    correct = {str(c) for c in key["correct"]}

    def lines(chosen: set[str], mark: bool) -> str:
        shown = [
            text + (f" {RIGHT if option in correct else WRONG}" if mark else "")
            for option, text in options.items()
            if option in chosen
        ]
        return "\n".join(shown) if shown else label("at_none_chosen", lang)

    if value is None:
        return label("at_no_answer", lang), lines(correct, False)
    return lines({str(v) for v in value}, True), lines(correct, False)


@register_answer_text("numeric")
def numeric_text(public: dict[str, Any], key: dict[str, Any], value: Any, lang: str) -> tuple[str, str]:
    """The number given and the expected one with its unit and the tolerance the scoring allowed.

    >>> numeric_text({"unit": "%"}, {"value": 65.298507, "abs_tol": 0.5}, 60, "id")
    ('60 %', '65,3 % (boleh selisih ± 0,5 %)')
    """
    expected = float(key["value"])
    right = amount_text(expected, public, lang, decimals_for(_tolerance(key, expected))) + _tolerance_note(
        key, expected, public, lang
    )
    given = label("at_no_answer", lang) if value is None else amount_text(value, public, lang, 6)
    return given, right


def _cell_labels(public: dict[str, Any], lang: str) -> dict[str, str]:
    return {str(cell["id"]): pick(cell.get("label", cell["id"]), lang) for cell in public["cells"]}


@register_answer_text("table")
def table_text(public: dict[str, Any], key: dict[str, Any], value: Any, lang: str) -> tuple[str, str]:
    """Cell by cell, one line each: ``label: value ✓/✗`` given, ``label: value`` right (tolerance at the end).

    Cells show no unit (the cell labels name theirs, e.g. ``Ringkas (%)``), except money in rupiah.
    """
    names = _cell_labels(public, lang)
    public = {"rupiah": public.get("rupiah")}  # a table's unit belongs to its data; cell labels carry their own
    expected: dict[str, float] = {str(k): float(v) for k, v in key["values"].items()}
    given_cells = value or {}
    given, right = [], []
    for cell, exp in expected.items():
        name = names.get(cell, cell)
        tolerance = _tolerance(key, exp)
        right.append(f"{name}: {amount_text(exp, public, lang, decimals_for(tolerance))}")
        got = given_cells.get(cell)
        if got is None:
            given.append(f"{name}: {label('at_no_answer', lang)} {WRONG}")
            continue
        ok = within_tolerance(float(got), exp, key.get("abs_tol", 0.0), key.get("rel_tol", 0.0))
        given.append(f"{name}: {amount_text(got, public, lang, 6)} {RIGHT if ok else WRONG}")
    notes = {_tolerance_note(key, exp, public, lang) for exp in expected.values()}
    if len(notes) == 1 and "" not in notes:  # one tolerance for every cell
        right.append(notes.pop().strip(" ()"))
    if value is None:
        return label("at_no_answer", lang), "\n".join(right)
    return "\n".join(given), "\n".join(right)


@register_answer_text("classify")
def classify_text(public: dict[str, Any], key: dict[str, Any], value: Any, lang: str) -> tuple[str, str]:
    """Item by item, one line each: ``item: category ✓/✗`` given, ``item: right category`` right.

    >>> small = {"id": "kecil", "label": {"id": "Kecil", "en": "Small"}}
    >>> public = {"items": [{"id": "m1", "label": "UD Maju"}], "categories": [small, {"id": "besar", "label": "Besar"}]}
    >>> classify_text(public, {"values": {"m1": "kecil"}}, {"m1": "besar"}, "en")
    ('UD Maju: Besar ✗', 'UD Maju: Small')
    """
    items = {str(item["id"]): pick(item.get("label", item["id"]), lang) for item in public["items"]}
    categories = {str(c["id"]): pick(c.get("label", c["id"]), lang) for c in public["categories"]}
    expected: dict[str, str] = {str(k): str(v) for k, v in key["values"].items()}
    chosen = value or {}
    given, right = [], []
    for item, category in expected.items():
        name = items.get(item, item)
        right.append(f"{name}: {categories.get(category, category)}")
        got = chosen.get(item)
        shown = categories.get(str(got), str(got)) if got is not None else label("at_no_answer", lang)
        given.append(f"{name}: {shown} {RIGHT if got == category else WRONG}")
    if value is None:
        return label("at_no_answer", lang), "\n".join(right)
    return "\n".join(given), "\n".join(right)


def _grid_lines(public: dict[str, Any], cells: dict[str, tuple[int, int]], lang: str) -> list[str]:
    names = {d["id"]: pick(d.get("label", d["id"]), lang) for d in public["departments"]}
    rows, cols = int(public["grid"]["rows"]), int(public["grid"]["cols"])
    at = {tuple(cell): department for department, cell in cells.items()}
    return [
        f"{label('at_row', lang, row=r + 1)}: " + " · ".join(names.get(at.get((r, c), ""), "–") for c in range(cols))
        for r in range(rows)
    ]


@register_answer_text("layout")
def layout_text(public: dict[str, Any], key: dict[str, Any], value: Any, lang: str) -> tuple[str, str]:
    """The flow cost of the layout given against the best one, and each layout row by row.

    Flow cost = Σ moves × rectilinear distance (:func:`ikm_curriculum.assessment.layout.flow_cost`).
    """
    best = number_text(float(key["best_flow_cost"]), lang, 1)
    right_lines = [label("at_layout_best", lang, best=best)]
    if key.get("best_layout"):
        best_cells = {d: (int(c[0]), int(c[1])) for d, c in key["best_layout"].items()}
        right_lines += _grid_lines(public, best_cells, lang)
    right = "\n".join(right_lines)
    if not value:
        return label("at_no_answer", lang), right
    try:
        cells = placed_cells(public, value)
    except AnswerFormatError:
        return label("at_layout_incomplete", lang), right
    cost = number_text(flow_cost(public, cells), lang, 1)
    lines = [label("at_layout", lang, cost=cost, best=best)]
    if len(cells) < len(public["departments"]):
        lines.append(label("at_layout_incomplete", lang))
    return "\n".join(lines + _grid_lines(public, cells, lang)), right


def clip(text: str, limit: int = ANSWER_CHARS) -> str:
    """``text`` cut at the last space before ``limit`` characters, with an ellipsis.

    >>> clip("satu dua tiga", 9)
    'satu dua …'
    """
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip() + " …"


@register_answer_text("short_text")
def short_text_text(public: dict[str, Any], key: dict[str, Any], value: Any, lang: str) -> tuple[str, str]:
    """The answer written (cut at :data:`ANSWER_CHARS`) and the model answer or rubric, if the key has one."""
    given = clip(value) if isinstance(value, str) and value.strip() else label("at_no_answer", lang)
    guide = key.get("model_answer") or key.get("rubric")
    return given, pick(guide, lang) if guide else label("at_by_facilitator", lang)


def answer_texts(
    kind: str, public: dict[str, Any], key: dict[str, Any], value: Any, lang: str
) -> tuple[str, str] | None:
    """``(given, right)`` in words for an item of ``kind``; ``None`` for a kind in :data:`SKIPPED`.

    Raises
    ------
    KeyError
        ``kind`` is neither registered here nor skipped (the message lists the known kinds).
    """
    if kind in SKIPPED:
        return None
    if kind not in ANSWER_TEXTS:
        raise KeyError(
            f"no answer text for exercise kind {kind!r}; known: {sorted(ANSWER_TEXTS)}, skipped: {sorted(SKIPPED)}"
        )
    return ANSWER_TEXTS[kind](public, key, value, lang)


def unhandled_kinds() -> list[str]:
    """Registered exercise kinds with neither an answer text nor a place in :data:`SKIPPED` (should be none)."""
    return sorted(set(KINDS) - set(ANSWER_TEXTS) - SKIPPED)
