"""Activity relationships (peta keterkaitan kegiatan, REL chart) of Systematic Layout Planning.

Sources: R. Muther, *Systematic Layout Planning* (2nd ed., Cahners, 1973): the
closeness ratings A, E, I, O, U, X and reason codes; J. A. Tompkins et al.,
*Facilities Planning* (Wiley, 4th ed. 2010), ch. 3 (activity relationship
chart) and ch. 6 (adjacency-based scoring of a layout; ALDEP's weights).

A REL chart gives one closeness rating to every unordered pair of activities
(departments), each with optional reason codes. A layout is scored by adding a
numeric weight for every pair of activities that are adjacent::

    score = Σ over adjacent pairs {i, j} of w(rating_ij)
    efficiency = score / Σ over all pairs of max(w(rating_ij), 0)

Two activities are adjacent when a cell of one shares an edge with a cell of
the other (rook adjacency: up, down, left, right; touching corners do not
count). The maximum in the efficiency is an upper bound (every positive pair
adjacent), not always reachable on a real floor.

Weights are the planner's choice (Tompkins, ch. 6). The default is the common
linear scheme A = 4, E = 3, I = 2, O = 1, U = 0, X = −1; the exponential scheme
used by ALDEP (A = 64, E = 16, I = 4, O = 1, U = 0, X = −1024; Seehof & Evans
1967, described in Tompkins, ch. 6) stresses A pairs and punishes X pairs hard.
"""

from __future__ import annotations

import numbers
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.facility.flow import _grid_layout, _name, _number

CLOSENESS_RATINGS: dict[str, tuple[str, str]] = {
    "A": ("Absolutely necessary", "Mutlak perlu didekatkan"),
    "E": ("Especially important", "Sangat penting didekatkan"),
    "I": ("Important", "Penting didekatkan"),
    "O": ("Ordinary closeness is enough", "Cukup / biasa"),
    "U": ("Unimportant", "Tidak penting"),
    "X": ("Undesirable", "Tidak dikehendaki berdekatan"),
}
"""Muther's closeness ratings: code → (English, Indonesian)."""

REASON_CODES: dict[int, tuple[str, str]] = {
    1: ("Use the same records", "Memakai catatan/dokumen yang sama"),
    2: ("Share the same personnel", "Memakai tenaga kerja yang sama"),
    3: ("Share the same space", "Memakai ruang yang sama"),
    4: ("Degree of personal contact", "Tingkat hubungan antarpersonel"),
    5: ("Degree of paperwork contact", "Tingkat hubungan administrasi (kertas kerja)"),
    6: ("Sequence of work flow", "Urutan aliran kerja"),
    7: ("Perform similar work", "Melakukan pekerjaan yang serupa"),
    8: ("Use the same equipment", "Memakai peralatan yang sama"),
    9: (
        "Possibly unpleasant conditions (noise, smell, dirt, fire risk)",
        "Kondisi tidak menyenangkan (bising, bau, kotor, api)",
    ),
}
"""Reason codes in the list that textbooks reproduce after Muther (1973); each project may define its own
(pass ``reason_codes`` to :meth:`RelChart.from_pairs`). Grade: likely."""

LINEAR_WEIGHTS: dict[str, float] = {"A": 4.0, "E": 3.0, "I": 2.0, "O": 1.0, "U": 0.0, "X": -1.0}
"""Default weights: the common linear scheme (Tompkins et al., ch. 6, adjacency-based scoring)."""

EXPONENTIAL_WEIGHTS: dict[str, float] = {"A": 64.0, "E": 16.0, "I": 4.0, "O": 1.0, "U": 0.0, "X": -1024.0}
"""ALDEP's weights (Seehof & Evans 1967; Tompkins et al., ch. 6)."""


def checked_weights(weights: Mapping[str, float] | None) -> dict[str, float]:
    """The weight of each of the six ratings (default :data:`LINEAR_WEIGHTS`), validated.

    >>> checked_weights(None)["A"], checked_weights(EXPONENTIAL_WEIGHTS)["X"]
    (4.0, -1024.0)
    """
    if weights is None:
        return dict(LINEAR_WEIGHTS)
    if not isinstance(weights, Mapping):
        raise CalculationError("weights: expected a mapping rating → number, e.g. {'A': 4, 'E': 3, …, 'X': -1}")
    extra = sorted(str(k) for k in weights if k not in CLOSENESS_RATINGS)
    missing = [k for k in CLOSENESS_RATINGS if k not in weights]
    if extra or missing:
        raise CalculationError(
            f"weights: expected exactly the ratings A, E, I, O, U, X; missing {missing}, unknown {extra}"
        )
    return {k: _number(weights[k], f"weights[{k!r}]") for k in CLOSENESS_RATINGS}


@dataclass(frozen=True)
class RelEntry:
    """One cell of the REL chart: the rating of an unordered pair and its reason codes."""

    first: Hashable
    second: Hashable
    rating: str
    reasons: tuple[int, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Plain values."""
        return {"first": self.first, "second": self.second, "rating": self.rating, "reasons": list(self.reasons)}


@dataclass(frozen=True)
class RelChart:
    """A validated REL chart: one :class:`RelEntry` per unordered pair, in activity order."""

    activities: tuple[Hashable, ...]
    entries: tuple[RelEntry, ...]
    _index: dict[frozenset[Hashable], RelEntry] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", {frozenset((e.first, e.second)): e for e in self.entries})

    @classmethod
    def from_pairs(
        cls,
        activities: Sequence[Hashable],
        ratings: Mapping[tuple[Hashable, Hashable], Any] | Iterable[Sequence[Any]],
        reason_codes: Mapping[int, Any] | None = None,
    ) -> RelChart:
        """Build and check a REL chart.

        Parameters
        ----------
        activities : sequence
            The activities (departments), unique names.
        ratings : mapping or iterable
            ``{(a, b): "A"}`` or ``{(a, b): ("A", 6)}`` / ``("A", [1, 6])``, or rows
            ``(a, b, rating)`` / ``(a, b, rating, reasons)``. Every unordered pair exactly
            once; a pair may be repeated (e.g. both halves of a square chart) only
            with the same rating and reasons.
        reason_codes : mapping, optional
            Allowed reason codes (default :data:`REASON_CODES`).

        Raises
        ------
        CalculationError
            Unknown activity or rating code, self-pair, contradicting duplicate,
            missing pair, unknown reason code.

        Examples
        --------
        >>> chart = RelChart.from_pairs(["Terima", "Olah", "Kemas"],
        ...     {("Terima", "Olah"): ("A", 6), ("Olah", "Kemas"): "E", ("Kemas", "Terima"): "U"})
        >>> chart.rating("Kemas", "Olah"), chart.reasons("Olah", "Terima")
        ('E', (6,))
        """
        names = [_name(a, f"activities[{i}]") for i, a in enumerate(activities)]
        if len(set(names)) != len(names):
            raise CalculationError(f"activities: names must be unique, got {names}")
        if len(names) < 2:
            raise CalculationError("activities: a REL chart needs at least 2 activities")
        allowed = REASON_CODES if reason_codes is None else reason_codes
        rows = ratings.items() if isinstance(ratings, Mapping) else (_split_row(r, k) for k, r in enumerate(ratings))
        found: dict[frozenset[Hashable], RelEntry] = {}
        for pair, value in rows:
            entry = _entry(pair, value, names, allowed)
            key = frozenset((entry.first, entry.second))
            old = found.get(key)
            if old is not None and (old.rating, old.reasons) != (entry.rating, entry.reasons):
                a, b = sorted((entry.first, entry.second), key=names.index)
                raise CalculationError(
                    f"ratings: the pair {a!r}–{b!r} is given twice with different values "
                    f"({old.rating} {list(old.reasons)} and {entry.rating} {list(entry.reasons)})"
                )
            found[key] = entry
        ordered = []
        for a, b in combinations(names, 2):
            e = found.get(frozenset((a, b)))
            if e is None:
                raise CalculationError(
                    f"ratings: the pair {a!r}–{b!r} has no rating (expected one of A, E, I, O, U, X)"
                )
            ordered.append(RelEntry(a, b, e.rating, e.reasons))
        return cls(tuple(names), tuple(ordered))

    def _get(self, a: Hashable, b: Hashable) -> RelEntry:
        for x in (a, b):
            if x not in self.activities:
                raise CalculationError(f"activity {x!r} is not in the REL chart {list(self.activities)}")
        if a == b:
            raise CalculationError(f"an activity has no rating with itself ({a!r})")
        return self._index[frozenset((a, b))]

    def rating(self, a: Hashable, b: Hashable) -> str:
        """Rating of the pair, in either order."""
        return self._get(a, b).rating

    def reasons(self, a: Hashable, b: Hashable) -> tuple[int, ...]:
        """Reason codes of the pair, in either order."""
        return self._get(a, b).reasons

    def to_dict(self) -> dict[str, Any]:
        """``{"activities": [...], "pairs": [{first, second, rating, reasons}, ...]}``."""
        return {"activities": list(self.activities), "pairs": [e.to_dict() for e in self.entries]}


def _split_row(row: object, k: int) -> tuple[object, object]:
    if isinstance(row, (str, bytes)) or not isinstance(row, Sequence) or len(row) not in (3, 4):
        raise CalculationError(f"ratings[{k}]: expected (a, b, rating) or (a, b, rating, reasons), got {row!r}")
    return (row[0], row[1]), tuple(row[2:]) if len(row) == 4 else row[2]


def _entry(pair: object, value: object, names: list[Hashable], allowed: Mapping[int, Any]) -> RelEntry:
    if isinstance(pair, (str, bytes)) or not isinstance(pair, Sequence) or len(pair) != 2:
        raise CalculationError(f"ratings: expected a pair of activities (a, b) as key, got {pair!r}")
    a, b = pair
    for x in (a, b):
        if x not in names:
            raise CalculationError(f"ratings: activity {x!r} (in pair {a!r}–{b!r}) is not in activities {names}")
    if a == b:
        raise CalculationError(f"ratings: the pair {a!r}–{b!r} pairs an activity with itself")
    code, reasons = (value[0], value[1]) if isinstance(value, (tuple, list)) and len(value) == 2 else (value, ())
    if not isinstance(code, str) or code.strip().upper() not in CLOSENESS_RATINGS:
        raise CalculationError(f"ratings[{a!r}, {b!r}]: expected a rating A, E, I, O, U or X, got {code!r}")
    if reasons is None:
        reasons = ()
    if isinstance(reasons, numbers.Integral):
        reasons = (reasons,)
    if isinstance(reasons, (str, bytes)) or not isinstance(reasons, (Sequence, set, frozenset)):
        raise CalculationError(f"ratings[{a!r}, {b!r}]: expected reason codes as a number or a list, got {reasons!r}")
    for r in reasons:
        if isinstance(r, bool) or r not in allowed:
            raise CalculationError(f"ratings[{a!r}, {b!r}]: unknown reason code {r!r}; known codes {sorted(allowed)}")
    return RelEntry(a, b, code.strip().upper(), tuple(sorted({int(r) for r in reasons})))


def adjacent_pairs(layout: Mapping[Hashable, Any]) -> tuple[tuple[Hashable, Hashable], ...]:
    """Unordered pairs of departments that share an edge in a grid layout (rook adjacency).

    ``layout`` maps a department to one cell ``(row, col)`` or a list of cells.
    Pairs come in the order of the layout's keys.

    >>> adjacent_pairs({"A": (0, 0), "B": (0, 1), "C": (1, 1)})
    (('A', 'B'), ('B', 'C'))
    """
    cells = _grid_layout(layout)
    order = {name: i for i, name in enumerate(cells)}
    owner = {cell: name for name, cs in cells.items() for cell in cs}
    found: set[tuple[Hashable, Hashable]] = set()
    for (r, c), name in owner.items():
        for other in (owner.get((r + 1, c)), owner.get((r, c + 1))):
            if other is not None and other != name:
                found.add(tuple(sorted((name, other), key=order.__getitem__)))  # type: ignore[arg-type]
    return tuple(sorted(found, key=lambda p: (order[p[0]], order[p[1]])))


@dataclass(frozen=True)
class RelScore:
    """Adjacency score of a layout against a REL chart (see :func:`rel_efficiency`)."""

    score: float
    max_score: float
    efficiency: float | None
    adjacent: tuple[tuple[Hashable, Hashable, str], ...]

    def to_dict(self) -> dict[str, Any]:
        """Plain numbers; ``adjacent`` as ``[[a, b, rating], ...]``."""
        return {
            "score": float(self.score),
            "max_score": float(self.max_score),
            "efficiency": None if self.efficiency is None else float(self.efficiency),
            "adjacent": [list(p) for p in self.adjacent],
        }


def rel_efficiency(
    layout: Mapping[Hashable, Any], relationships: RelChart, weights: Mapping[str, float] | None = None
) -> RelScore:
    """Adjacency score, its upper bound and their ratio (formula in the module docstring).

    ``efficiency`` is ``None`` when no pair has a positive weight (the bound is 0).
    The layout must place exactly the activities of the chart.

    Examples
    --------
    Hand-computed on a row A | B | C: A–B adjacent (A = 4), B–C adjacent (X = −1);
    bound = 4 + 2 (A–C rated I) = 6, efficiency = 3/6.

    >>> chart = RelChart.from_pairs("ABC", [("A", "B", "A"), ("B", "C", "X"), ("A", "C", "I")])
    >>> r = rel_efficiency({"A": (0, 0), "B": (0, 1), "C": (0, 2)}, chart)
    >>> r.score, r.max_score, r.efficiency
    (3.0, 6.0, 0.5)
    """
    if not isinstance(relationships, RelChart):
        raise CalculationError("relationships: expected a RelChart (build one with RelChart.from_pairs)")
    w = checked_weights(weights)
    placed = set(_grid_layout(layout))
    missing = [a for a in relationships.activities if a not in placed]
    extra = [a for a in placed if a not in relationships.activities]
    if missing or extra:
        raise CalculationError(
            f"layout: expected the activities of the REL chart; not placed {missing}, unknown {extra}"
        )
    adjacent = tuple((a, b, relationships.rating(a, b)) for a, b in adjacent_pairs(layout))
    score = float(sum(w[r] for _, _, r in adjacent))
    bound = float(sum(max(w[e.rating], 0.0) for e in relationships.entries))
    return RelScore(score, bound, score / bound if bound > 0 else None, adjacent)


def rel_score(
    layout: Mapping[Hashable, Any], relationships: RelChart, weights: Mapping[str, float] | None = None
) -> float:
    """Adjacency score Σ w(rating) over adjacent pairs (Tompkins, ch. 6); see :func:`rel_efficiency`.

    >>> chart = RelChart.from_pairs("ABC", [("A", "B", "A"), ("B", "C", "X"), ("A", "C", "I")])
    >>> rel_score({"A": [(0, 0), (1, 0)], "B": (0, 1), "C": (1, 1)}, chart, EXPONENTIAL_WEIGHTS)
    -956.0
    """
    return rel_efficiency(layout, relationships, weights).score
