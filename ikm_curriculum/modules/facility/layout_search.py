"""Layout improvement (perbaikan tata letak) for equal-area departments: pairwise exchange and best layout.

Sources: G. C. Armour & E. S. Buffa, "A heuristic algorithm and simulation
approach to relative location of facilities", *Management Science* 9 (1963)
294–309 (CRAFT); R. L. Francis, L. F. McGinnis & J. A. White, *Facility Layout
and Location: An Analytical Approach* (Prentice Hall, 2nd ed. 1992), ch. 4;
S. S. Heragu, *Facilities Design* (3rd ed. 2008), ch. 5; Tompkins et al.,
*Facilities Planning* (4th ed.), ch. 6, "pairwise exchange method".

Departments of equal area sit in *slots*: grid cells ``(row, col)``, points
``(x, y)``, or labels with a given slot-distance table. With p(i) the slot of
department i, the objective is::

    objective = c · Σ_i Σ_j f_ij · d(p(i), p(j))  −  λ · Σ_{i<j} w(rating_ij) · adj(p(i), p(j))

(flow cost of :func:`~ikm_curriculum.modules.facility.flow.layout_cost` minus λ
times the REL adjacency score of
:func:`~ikm_curriculum.modules.facility.relationships.rel_score`; the second
term only when a REL chart is given; adj = 1 when two grid cells share an edge).
λ = ``rel_factor`` converts REL points into cost units and is the caller's
choice (default 1: one REL point is worth one unit of flow cost).

Pairwise exchange (steepest descent): evaluate every swap of two departments,
accept the one with the lowest objective if it improves by more than 1e-9
(relative), repeat until no swap improves. Ties go to the first pair in
department order (i before j, i < j). The result is a local optimum.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations, islice, permutations
from typing import Any

import numpy as np

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.facility.flow import (
    METRICS,
    _flows,
    _name,
    _number,
    _pairwise,
    _square,
    _unit_cost,
    is_frame,
)
from ikm_curriculum.modules.facility.relationships import RelChart, checked_weights

BATCH = 40_320  # permutations evaluated per numpy batch (8!)


@dataclass(frozen=True)
class _Problem:
    names: tuple[Hashable, ...]
    slots: tuple[Any, ...]
    pairs: tuple[np.ndarray, np.ndarray, np.ndarray]  # i, j, c·f_ij for f_ij > 0
    rel: tuple[np.ndarray, np.ndarray, np.ndarray] | None  # i, j, w_ij for i < j, w ≠ 0
    dist: np.ndarray
    adj: np.ndarray | None
    factor: float  # λ

    def evaluate(self, assign: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Flow cost and REL score of a batch of assignments (rows: slot index of each department)."""
        i, j, cf = self.pairs
        flow = self.dist[assign[:, i], assign[:, j]] @ cf if cf.size else np.zeros(len(assign))
        if self.rel is None or self.adj is None:
            return flow, np.zeros(len(assign))
        a, b, w = self.rel
        return flow, self.adj[assign[:, a], assign[:, b]] @ w if w.size else np.zeros(len(assign))

    def objective(self, assign: np.ndarray) -> np.ndarray:
        flow, rel = self.evaluate(assign)
        return flow - self.factor * rel


def _slot(value: object, what: str) -> Any:
    if isinstance(value, (list, tuple, np.ndarray)) and len(value) == 2:
        return tuple(int(v) if isinstance(v, numbers.Integral) else _number(v, what) for v in value)
    if isinstance(value, (str, numbers.Integral)) and not isinstance(value, bool):
        return value
    raise CalculationError(f"{what}: expected a cell (row, col), a point (x, y) or a slot label, got {value!r}")


def _slot_distances(slots: Sequence[Any], distance: object) -> np.ndarray:
    if isinstance(distance, str):
        if any(not isinstance(s, tuple) for s in slots):
            raise CalculationError(f"distance={distance!r} needs slots given as (row, col) or (x, y); give a table")
        if distance not in METRICS:
            raise CalculationError(
                f"distance: expected one of {list(METRICS)}, a function or a table, got {distance!r}"
            )
        return _pairwise(np.asarray(slots, dtype=float), distance)
    if is_frame(distance) or isinstance(distance, Mapping):
        names, table = _square(distance, "distance", fill_missing=False)
        where = {n: k for k, n in enumerate(names)}
        missing = [s for s in slots if s not in where]
        if missing:
            raise CalculationError(f"distance: the table has no row for slot(s) {missing}")
        idx = [where[s] for s in slots]
        return table[np.ix_(idx, idx)]
    if callable(distance):
        f: Callable[[Any, Any], Any] = distance
        return np.array([[_number(f(p, q), f"distance({p!r}, {q!r})", minimum=0.0) for q in slots] for p in slots])
    raise CalculationError("distance: expected 'rectilinear', 'euclidean', a function d(p, q) or a slot-distance table")


def _adjacency(slots: Sequence[Any]) -> np.ndarray:
    ok = all(isinstance(s, tuple) and all(isinstance(v, int) for v in s) for s in slots)
    if not ok:
        raise CalculationError("relationships: REL scoring needs slots given as grid cells (row, col) of whole numbers")
    cells = np.asarray(slots)
    return (np.abs(cells[:, None, :] - cells[None, :, :]).sum(axis=2) == 1).astype(float)


def _problem(
    names: Sequence[Hashable] | None,
    slots: Sequence[Any],
    flows: object,
    distance: object,
    unit_cost: object,
    relationships: RelChart | None,
    weights: Mapping[str, float] | None,
    rel_factor: float,
) -> _Problem:
    order, f = _flows(flows, names)
    if len(set(slots)) != len(slots):
        raise CalculationError("slots: two departments (or two slots) share the same place")
    f = f * _unit_cost(unit_cost, order)
    i, j = np.nonzero(f)
    rel, adj = None, None
    if relationships is not None:
        if not isinstance(relationships, RelChart) or set(relationships.activities) != set(order):
            raise CalculationError("relationships: expected a RelChart over the same departments as flows")
        w = checked_weights(weights)
        trip = [(a, b, w[relationships.rating(order[a], order[b])]) for a, b in combinations(range(len(order)), 2)]
        trip = [t for t in trip if t[2] != 0]
        rel = (np.array([t[0] for t in trip], int), np.array([t[1] for t in trip], int), np.array([t[2] for t in trip]))
        adj = _adjacency(slots)
    factor = _number(rel_factor, "rel_factor", minimum=0.0)
    return _Problem(order, tuple(slots), (i, j, f[i, j]), rel, _slot_distances(slots, distance), adj, factor)


def _better(new: float, old: float) -> bool:
    """``new`` improves on ``old`` by more than 1e-9 (relative; any finite value beats infinity)."""
    return math.isinf(old) or new < old - 1e-9 * max(1.0, abs(old))


def _descend(
    problem: _Problem, start: np.ndarray, movable: int
) -> tuple[np.ndarray, list[tuple[int, int, float]], int]:
    """Steepest-descent pairwise exchange; items ≥ ``movable`` are empty slots (never swapped together)."""
    current = start.copy()
    cost = float(problem.objective(current[None, :movable])[0])
    pairs = np.array([(a, b) for a, b in combinations(range(len(current)), 2) if a < movable], dtype=np.intp)
    steps: list[tuple[int, int, float]] = []
    evaluated = 1
    if len(pairs) == 0:
        return current, steps, evaluated
    rows = np.arange(len(pairs))
    while True:
        trial = np.repeat(current[None, :], len(pairs), axis=0)
        trial[rows, pairs[:, 0]], trial[rows, pairs[:, 1]] = current[pairs[:, 1]], current[pairs[:, 0]]
        costs = problem.objective(trial[:, :movable])
        evaluated += len(costs)
        best = int(np.argmin(costs))
        if not _better(float(costs[best]), cost):
            return current, steps, evaluated
        best = int(np.flatnonzero(costs <= costs[best] + 1e-9 * max(1.0, abs(float(costs[best]))))[0])
        current, cost = trial[best], float(costs[best])
        steps.append((int(pairs[best, 0]), int(pairs[best, 1]), cost))


@dataclass(frozen=True)
class ExchangeStep:
    """One accepted swap and the objective after it."""

    first: Hashable
    second: Hashable
    cost: float

    def to_dict(self) -> dict[str, Any]:
        """Plain values."""
        return {"swap": [self.first, self.second], "cost": float(self.cost)}


@dataclass(frozen=True)
class ExchangeResult:
    """Outcome of :func:`pairwise_exchange`."""

    initial_cost: float
    steps: tuple[ExchangeStep, ...]
    layout: dict[Hashable, Any]
    cost: float

    def to_dict(self) -> dict[str, Any]:
        """Plain values; slots as lists."""
        return {
            "initial_cost": float(self.initial_cost),
            "steps": [s.to_dict() for s in self.steps],
            "layout": {k: list(v) if isinstance(v, tuple) else v for k, v in self.layout.items()},
            "cost": float(self.cost),
        }


def _locations(locations: object) -> tuple[list[Hashable], list[Any]]:
    if not isinstance(locations, Mapping) or not locations:
        raise CalculationError("locations: expected a mapping department → slot (cell, point or label)")
    names = [_name(k, "locations key") for k in locations]
    return names, [_slot(locations[k], f"locations[{k!r}]") for k in locations]


def pairwise_exchange(
    locations: Mapping[Hashable, Any],
    flows: object,
    *,
    distance: object = "rectilinear",
    unit_cost: object = 1.0,
    relationships: RelChart | None = None,
    weights: Mapping[str, float] | None = None,
    rel_factor: float = 1.0,
) -> ExchangeResult:
    """CRAFT-style pairwise exchange of equal-area departments (steepest descent, see module docstring).

    Parameters
    ----------
    locations : mapping
        Department → slot: ``(row, col)``, ``(x, y)`` or a label (then ``distance`` is a table).
    flows : DataFrame or nested mapping
        From-to chart over the same departments.
    distance : str, callable or table, default "rectilinear"
        "rectilinear", "euclidean", ``d(p, q)``, or a square slot-distance table.
    unit_cost : float or square table, default 1.0
    relationships, weights, rel_factor :
        Optional REL chart, its weights and λ (objective in the module docstring).

    Returns
    -------
    ExchangeResult
        Initial cost, each accepted swap with the cost after it, final layout and cost.

    Examples
    --------
    Tompkins et al., ch. 6: four departments in a row 1 m apart, 1-2-3-4 costs 125;
    swapping 1 and 3 gives 95, then 2 and 3 gives 90 (layout 2-3-1-4).

    >>> flows = {1: {2: 10, 3: 15, 4: 20}, 2: {3: 10, 4: 5}, 3: {4: 5}, 4: {}}
    >>> r = pairwise_exchange({1: (0, 0), 2: (0, 1), 3: (0, 2), 4: (0, 3)}, flows)
    >>> r.initial_cost, [(s.first, s.second, s.cost) for s in r.steps]
    (125.0, [(1, 3, 95.0), (2, 3, 90.0)])
    """
    names, slots = _locations(locations)
    problem = _problem(names, slots, flows, distance, unit_cost, relationships, weights, rel_factor)
    start = np.arange(len(names))
    initial = float(problem.objective(start[None, :])[0])
    final, steps, _ = _descend(problem, start, len(names))
    layout = {names[k]: slots[int(final[k])] for k in range(len(names))}
    cost = steps[-1][2] if steps else initial
    return ExchangeResult(initial, tuple(ExchangeStep(names[a], names[b], c) for a, b, c in steps), layout, cost)


@dataclass(frozen=True)
class BestLayout:
    """Outcome of :func:`best_layout`; ``exhaustive`` is True when the optimum is proven."""

    layout: dict[Hashable, Any]
    cost: float
    flow_cost: float
    rel_score: float
    method: str
    evaluated: int
    exhaustive: bool

    def to_dict(self) -> dict[str, Any]:
        """Plain values; slots as lists."""
        return {
            "layout": {k: list(v) if isinstance(v, tuple) else v for k, v in self.layout.items()},
            "cost": float(self.cost),
            "flow_cost": float(self.flow_cost),
            "rel_score": float(self.rel_score),
            "method": self.method,
            "evaluated": int(self.evaluated),
            "exhaustive": bool(self.exhaustive),
        }


def best_layout(
    slots: Sequence[Any],
    departments: Sequence[Hashable],
    flows: object,
    relationships: RelChart | None = None,
    weights: Mapping[str, float] | None = None,
    *,
    distance: object = "rectilinear",
    unit_cost: object = 1.0,
    rel_factor: float = 1.0,
    starts: int = 20,
    seed: int = 0,
    max_exhaustive: int = 500_000,
) -> BestLayout:
    """Best assignment of equal-area departments to slots for the objective in the module docstring.

    Exhaustive search, in numpy batches, when there are at most 8 departments and
    at most ``max_exhaustive`` assignments (m slots, n departments: m!/(m−n)!;
    8 in 8 slots = 40,320); ties go to the first assignment in lexicographic
    order of slot indices. Otherwise pairwise exchange from ``starts`` starts
    (the given order, then random ones from ``seed``), moves into empty slots
    included; the best local optimum is returned (not proven optimal).

    Raises
    ------
    CalculationError
        Fewer slots than departments, duplicate slots, names that differ
        between ``departments``, ``flows`` and ``relationships``.

    Examples
    --------
    A published test-bank problem: four rooms in a row 20 m apart; optimum 5,400 with A-1 B-3 C-4 D-2:

    >>> flows = {"A": {"B": 30, "C": 5, "D": 20}, "B": {"A": 5, "C": 40, "D": 20},
    ...          "C": {"B": 10, "D": 40}, "D": {"A": 10, "B": 5}}
    >>> best = best_layout([(0, 0), (0, 20), (0, 40), (0, 60)], "ABCD", flows)
    >>> best.cost, best.layout["D"], best.evaluated, best.exhaustive
    (5400.0, (0, 20), 24, True)
    """
    names = [_name(d, f"departments[{k}]") for k, d in enumerate(departments)]
    if isinstance(slots, (str, bytes)) or not isinstance(slots, Sequence):
        raise CalculationError("slots: expected a list of cells (row, col), points (x, y) or labels")
    places = [_slot(s, f"slots[{k}]") for k, s in enumerate(slots)]
    n, m = len(names), len(places)
    if n == 0 or m < n:
        raise CalculationError(f"slots: expected at least as many slots as departments ({n}), got {m}")
    if len(set(names)) != n:
        raise CalculationError(f"departments: names must be unique, got {names}")
    if isinstance(starts, bool) or not isinstance(starts, numbers.Integral) or starts < 1:
        raise CalculationError(f"starts: expected a whole number ≥ 1, got {starts!r}")
    problem = _problem(names, places, flows, distance, unit_cost, relationships, weights, rel_factor)
    count = math.perm(m, n)
    if n <= 8 and count <= max_exhaustive:
        best_cost, chosen, evaluated = math.inf, np.arange(n), 0
        source = permutations(range(m), n)
        while batch := list(islice(source, BATCH)):
            assign = np.asarray(batch, dtype=np.intp)
            costs = problem.objective(assign)
            low = float(costs.min())
            if _better(low, best_cost):
                k = int(np.flatnonzero(costs <= low + 1e-9 * max(1.0, abs(low)))[0])
                best_cost, chosen = float(costs[k]), assign[k]
            evaluated += len(batch)
        method, exhaustive = "exhaustive", True
    else:
        rng = np.random.default_rng(seed)
        chosen, best_cost, evaluated = np.arange(n), math.inf, 0
        for s in range(int(starts)):
            start = np.arange(m) if s == 0 else rng.permutation(m)
            final, steps, used = _descend(problem, start, n)
            cost = steps[-1][2] if steps else float(problem.objective(final[None, :n])[0])
            evaluated += used
            if _better(cost, best_cost):
                chosen, best_cost = final[:n], cost
        method, exhaustive = f"pairwise exchange from {int(starts)} starts", False
    flow, rel = problem.evaluate(chosen[None, :])
    layout = {names[k]: places[int(chosen[k])] for k in range(n)}
    return BestLayout(layout, best_cost, float(flow[0]), float(rel[0]), method, evaluated, exhaustive)
