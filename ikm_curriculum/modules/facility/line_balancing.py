"""Line balancing (keseimbangan lintasan): assign tasks to stations for a given cycle time.

Sources: W. B. Helgeson, D. P. Birnie, "Assembly line balancing using the
ranked positional weight technique", *Journal of Industrial Engineering*
12(6), 394–398 (1961); J. Heizer, B. Render, *Operations Management*
(Pearson), ch. 9 "Layout Strategies", assembly-line balancing with the
heuristics "most following tasks" and "longest task (operation) time".

With task times tᵢ, cycle time C and n stations::

    theoretical minimum  N_min = ⌈Σtᵢ / C⌉
    efficiency           Σtᵢ / (n · C)
    idle time            n · C − Σtᵢ
    balance delay        1 − efficiency

The heuristic fills one station at a time: among the *eligible* tasks (not
yet assigned, every predecessor already assigned — to an earlier station or
earlier to this one — and time ≤ the time left in the station) it adds the
one ranked first by the rule; when none is eligible it opens the next station.

Rules and their tie-breaking (first criterion, then the next on a tie):

- ``"most_followers"``: most following tasks (all successors, transitively),
  then longest task time, then smallest task id;
- ``"positional_weight"``: greatest ranked positional weight (own time +
  times of all successors; Helgeson & Birnie), then smallest task id;
- ``"longest_task"``: longest task time, then most following tasks, then
  smallest task id.

Task ids are all strings (compared alphabetically) or all integers (compared
numerically). Times are compared with a relative tolerance of 1e-9 of C, so
that 0.1 + 0.2 + 0.3 fits a cycle time of 0.6.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Union

from ikm_curriculum.errors import CalculationError

TaskId = Union[str, int]

#: The rules :func:`line_balance` knows.
RULES = ("most_followers", "positional_weight", "longest_task")

#: Relative tolerance (of the cycle time) when a task is checked to fit a station.
TOLERANCE = 1e-9

_TASK_KEYS = {"time", "predecessors", "description", "name"}


def _positive(value: object, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(float(value)):
        raise CalculationError(f"{name} must be a finite number, got {value!r}")
    if float(value) <= 0:
        raise CalculationError(f"{name} must be greater than 0, got {float(value):g}")
    return float(value)


def _task_ids(tasks: object) -> list[TaskId]:
    if not isinstance(tasks, Mapping) or not tasks:
        raise CalculationError("tasks must be a non-empty mapping task id → {'time': t, 'predecessors': [ids]}")
    ids = list(tasks)
    bad = [t for t in ids if isinstance(t, bool) or not isinstance(t, (str, int))]
    if bad:
        raise CalculationError(f"task ids must be strings or integers, got {bad[0]!r}")
    if len({type(t) for t in ids}) > 1:
        raise CalculationError("task ids must be all strings or all integers, not a mix")
    return sorted(ids)  # type: ignore[type-var]


def _read_tasks(tasks: Mapping[Any, Any], ids: list[TaskId]) -> tuple[dict[TaskId, float], dict[TaskId, tuple]]:
    times: dict[TaskId, float] = {}
    preds: dict[TaskId, tuple] = {}
    for task in ids:
        spec = tasks[task]
        if not isinstance(spec, Mapping):
            raise CalculationError(f"task {task!r} must be a mapping {{'time': t, 'predecessors': [ids]}}")
        unknown = sorted(str(k) for k in spec if k not in _TASK_KEYS)
        if unknown:
            raise CalculationError(f"task {task!r}: unknown field(s) {unknown}; expected 'time' and 'predecessors'")
        if "time" not in spec:
            raise CalculationError(f"task {task!r} has no 'time'")
        times[task] = _positive(spec["time"], f"time of task {task!r}")
        before = spec.get("predecessors", ())
        if before is None:
            before = ()
        if isinstance(before, (str, bytes)) or not isinstance(before, (list, tuple, set, frozenset)):
            raise CalculationError(f"task {task!r}: 'predecessors' must be a list of task ids, got {before!r}")
        for p in before:
            if p not in tasks:
                raise CalculationError(f"task {task!r}: predecessor {p!r} is not one of the tasks")
        preds[task] = tuple(dict.fromkeys(before))
    return times, preds


_END = object()


def _find_cycle(preds: dict[TaskId, tuple], ids: list[TaskId]) -> list[TaskId] | None:
    """A cycle of the precedence graph in precedence order (before → after), or ``None``."""
    state: dict[TaskId, int] = {}  # 1: on the current path, 2: done
    for start in ids:
        if start in state:
            continue
        path, stack = [start], [iter(preds[start])]
        state[start] = 1
        while stack:
            nxt = next(stack[-1], _END)
            if nxt is _END:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(nxt) == 1:
                cycle = list(reversed(path[path.index(nxt) :]))
                first = cycle.index(min(cycle))  # start at the smallest id, for a stable message
                return cycle[first:] + cycle[:first]
            elif nxt not in state:
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter(preds[nxt]))
    return None


def _followers(preds: dict[TaskId, tuple], ids: list[TaskId]) -> dict[TaskId, frozenset]:
    """All successors (transitively) of each task, for an acyclic precedence graph."""
    succ: dict[TaskId, list[TaskId]] = {t: [] for t in ids}
    waiting = {t: len(preds[t]) for t in ids}
    for task in ids:
        for p in preds[task]:
            succ[p].append(task)
    order = [t for t in ids if waiting[t] == 0]  # Kahn's topological order
    for task in order:
        for s in succ[task]:
            waiting[s] -= 1
            if waiting[s] == 0:
                order.append(s)
    found: dict[TaskId, frozenset] = {}
    for task in reversed(order):
        found[task] = frozenset(succ[task]).union(*(found[s] for s in succ[task]))
    return found


@dataclass(frozen=True)
class LineBalance:
    """Stations of a balanced line (see :func:`line_balance`)."""

    rule: str
    cycle_time: float
    total_time: float
    stations: tuple[tuple[TaskId, ...], ...]
    station_times: tuple[float, ...]
    station_idle_times: tuple[float, ...]
    theoretical_min_stations: int
    efficiency: float
    idle_time: float
    balance_delay: float
    followers: dict[TaskId, int]
    positional_weights: dict[TaskId, float]

    @property
    def n_stations(self) -> int:
        """Number of stations opened."""
        return len(self.stations)

    def to_dict(self) -> dict[str, Any]:
        """Plain lists, dicts and numbers (JSON-able; integer task ids become keys as given).

        >>> line_balance({"A": {"time": 1, "predecessors": []}}, 2).to_dict()["stations"]
        [['A']]
        """
        return {
            "rule": self.rule,
            "cycle_time": self.cycle_time,
            "total_time": self.total_time,
            "stations": [list(s) for s in self.stations],
            "station_times": list(self.station_times),
            "station_idle_times": list(self.station_idle_times),
            "theoretical_min_stations": self.theoretical_min_stations,
            "efficiency": self.efficiency,
            "idle_time": self.idle_time,
            "balance_delay": self.balance_delay,
            "followers": dict(self.followers),
            "positional_weights": dict(self.positional_weights),
        }


def line_balance(
    tasks: Mapping[TaskId, Mapping[str, Any]],
    cycle_time: float,
    rule: str = "most_followers",
) -> LineBalance:
    """Assign tasks to stations with a priority heuristic (formulas and rules in the module docstring).

    Parameters
    ----------
    tasks : mapping task id → {"time": t, "predecessors": [ids]}
        Times > 0 in the unit of ``cycle_time``; immediate predecessors
        (``"predecessors"`` may be omitted for a first task). A
        ``"description"`` or ``"name"`` field is allowed and ignored.
    cycle_time : float
        Cycle (takt) time C > 0; no task may take longer.
    rule : {"most_followers", "positional_weight", "longest_task"}

    Returns
    -------
    LineBalance

    Raises
    ------
    CalculationError
        An unknown rule, C ≤ 0, a time ≤ 0 or not a number, an unknown
        predecessor (naming the task and the predecessor), a cycle in the
        precedence (naming its tasks), or a task longer than C.

    Examples
    --------
    Hand-computed, C = 10: A (6) has 2 followers, B (5) none → A first;
    C (4, after A) fits the 4 left; D (0.5) no longer fits; B opens station 2, then D.
    Σt = 15.5 → N_min = ⌈1.55⌉ = 2, efficiency 15.5/20 = 0.775.

    >>> tasks = {"A": {"time": 6, "predecessors": []}, "B": {"time": 5, "predecessors": []},
    ...          "C": {"time": 4, "predecessors": ["A"]}, "D": {"time": 0.5, "predecessors": ["C"]}}
    >>> r = line_balance(tasks, 10)
    >>> r.stations, r.station_times, r.theoretical_min_stations, r.efficiency
    ((('A', 'C'), ('B', 'D')), (10.0, 5.5), 2, 0.775)
    """
    c = _positive(cycle_time, "cycle_time")
    if rule not in RULES:
        raise CalculationError(f"rule must be one of {', '.join(RULES)}; got {rule!r}")
    ids = _task_ids(tasks)
    times, preds = _read_tasks(tasks, ids)
    cycle = _find_cycle(preds, ids)
    if cycle is not None:
        shown = " → ".join(repr(t) for t in [*cycle, cycle[0]])
        raise CalculationError(f"the precedence has a cycle, no task in it can start: {shown}")
    slack = TOLERANCE * c
    for task in ids:
        if times[task] > c + slack:
            raise CalculationError(
                f"task {task!r} takes {times[task]:g}, longer than the cycle time {c:g}: "
                "split the task, or use a longer cycle time (or parallel stations)"
            )
    follow = _followers(preds, ids)
    weights = {t: times[t] + sum(times[s] for s in sorted(follow[t])) for t in ids}  # type: ignore[type-var]
    rank = {t: i for i, t in enumerate(ids)}

    def key(t: TaskId) -> tuple:
        n, time, weight = len(follow[t]), round(times[t], 9), round(weights[t], 9)
        if rule == "most_followers":
            return (-n, -time, rank[t])
        if rule == "positional_weight":
            return (-weight, rank[t])
        return (-time, -n, rank[t])

    assigned: set[TaskId] = set()
    stations: list[tuple[TaskId, ...]] = []
    loads: list[float] = []
    while len(assigned) < len(ids):
        station: list[TaskId] = []
        load = 0.0
        while True:
            eligible = [
                t
                for t in ids
                if t not in assigned and all(p in assigned for p in preds[t]) and load + times[t] <= c + slack
            ]
            if not eligible:
                break
            best = min(eligible, key=key)
            station.append(best)
            assigned.add(best)
            load += times[best]
        stations.append(tuple(station))
        loads.append(load)
    total = sum(times[t] for t in ids)
    n = len(stations)
    ratio = total / c
    efficiency = total / (n * c)
    return LineBalance(
        rule=rule,
        cycle_time=c,
        total_time=total,
        stations=tuple(stations),
        station_times=tuple(loads),
        station_idle_times=tuple(c - load for load in loads),
        theoretical_min_stations=max(1, math.ceil(ratio - TOLERANCE * max(1.0, ratio))),
        efficiency=efficiency,
        idle_time=n * c - total,
        balance_delay=1 - efficiency,
        followers={t: len(follow[t]) for t in ids},
        positional_weights=weights,
    )
