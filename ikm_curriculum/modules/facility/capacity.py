"""Capacity (kapasitas): takt time, machine requirements and the load of shared machines.

Sources: J. A. Tompkins, J. A. White, Y. A. Bozer, J. M. A. Tanchoco,
*Facilities Planning* (Wiley, 4th ed. 2010), ch. 2 "Product, Process, and
Schedule Design": the scrap estimate and the machine-requirement formula;
J. Heizer, B. Render, *Operations Management* (Pearson), ch. 9 "Layout
Strategies": cycle time of a repetitive line. Takt time is the same ratio
(M. P. Groover, *Automation, Production Systems, and Computer-Integrated
Manufacturing*, ch. "Manual Assembly Lines")::

    takt time      T = available time / demand
    units to start Q = demand / yield                    (yield = 1 − scrap rate)
    machines       F = S · Q / (E · H · R)               (Tompkins et al.)

with S the standard time per unit, H the time available per machine, E the
performance (efficiency) and R the reliability (share of time the machine is
up). The number of machines to buy is F rounded up.

A machine shared by several members of a centre (e.g. the UPT's oven or
loom) carries the load Σ units × minutes per unit of every member's order;
its utilisation is load ÷ available time.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from ikm_curriculum.errors import CalculationError

#: Relative tolerance of rounding up: an exact 3.0000000001 machines (float noise) counts as 3.
CEIL_TOLERANCE = 1e-9


def _number(value: object, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(float(value)):
        raise CalculationError(f"{name} must be a finite number, got {value!r}")
    return float(value)


def _positive(value: object, name: str) -> float:
    number = _number(value, name)
    if number <= 0:
        raise CalculationError(f"{name} must be greater than 0, got {number:g}")
    return number


def _fraction(value: object, name: str) -> float:
    number = _number(value, name)
    if not 0 < number <= 1:
        raise CalculationError(f"{name} must be in (0, 1] (e.g. 0.9 for 90 %), got {number:g}")
    return number


def _ceil(value: float) -> int:
    """Round up, ignoring float noise below ``CEIL_TOLERANCE`` (relative).

    >>> _ceil(3.0000000001), _ceil(3.01), _ceil(2.2)
    (3, 4, 3)
    """
    return math.ceil(value - CEIL_TOLERANCE * max(1.0, abs(value)))


def takt_time(available_time: float, demand: float) -> float:
    """Takt time (waktu takt): the time available per unit demanded.

    T = available time / demand (Heizer & Render, ch. 9, cycle time of a
    line; Groover, "Manual Assembly Lines"). The unit is the unit of
    ``available_time`` per unit of product.

    Parameters
    ----------
    available_time : float
        Production time in the period (> 0), e.g. minutes per day.
    demand : float
        Units demanded in the same period (> 0).

    Returns
    -------
    float

    Raises
    ------
    CalculationError
        Non-numbers or values ≤ 0.

    Examples
    --------
    An 8-hour shift of 28 800 s for 192 units → 150 s per unit.

    >>> takt_time(8 * 3600, 192)
    150.0
    """
    return _positive(available_time, "available_time") / _positive(demand, "demand")


@dataclass(frozen=True)
class MachineRequirement:
    """Machines needed for one operation (see :func:`machines_required`)."""

    demand: float
    std_time: float
    available_time: float
    efficiency: float
    reliability: float
    yield_: float
    units_to_start: float
    exact: float
    required: int

    def to_dict(self) -> dict[str, Any]:
        """Plain numbers: the inputs, ``units_to_start``, ``exact`` and ``required``.

        >>> machines_required(100, 3, 120).to_dict()["required"]
        3
        """
        return asdict(self)


def machines_required(
    demand: float,
    std_time: float,
    available_time: float,
    efficiency: float = 1.0,
    reliability: float = 1.0,
    yield_: float = 1.0,
) -> MachineRequirement:
    """Number of machines for one operation: F = S · Q / (E · H · R).

    Tompkins et al., *Facilities Planning*, ch. 2 ("equipment requirements"):
    F machines, S standard time per unit, Q units to produce, E performance
    (efficiency), H time available per machine, R reliability. Q includes the
    units that will be scrapped: Q = demand / yield (the book's scrap estimate
    I = O / (1 − d), with d the scrap rate, so yield = 1 − d).

    ``required`` is ``exact`` rounded up; values within a relative 1e-9 above
    an integer count as that integer (3.0000000001 → 3), so that float noise
    does not buy a machine.

    Parameters
    ----------
    demand : float
        Good units needed in the period (> 0).
    std_time : float
        Standard time per unit (> 0), in the unit of ``available_time``.
    available_time : float
        Time one machine is available in the period (> 0).
    efficiency, reliability, yield_ : float, default 1.0
        Shares in (0, 1].

    Returns
    -------
    MachineRequirement

    Raises
    ------
    CalculationError
        Non-numbers, values ≤ 0, or a share outside (0, 1].

    Examples
    --------
    Hand-computed: 2 500 good units, 4 min each, 5 000 min per machine,
    E = R = 1, 5 % scrap → Q = 2500/0.95 = 2631.6, F = 4·2631.6/5000 = 2.105 → 3.

    >>> r = machines_required(2500, 4, 5000, yield_=0.95)
    >>> round(r.exact, 3), r.required
    (2.105, 3)
    """
    q = _positive(demand, "demand")
    s = _positive(std_time, "std_time")
    h = _positive(available_time, "available_time")
    e = _fraction(efficiency, "efficiency")
    r = _fraction(reliability, "reliability")
    y = _fraction(yield_, "yield_")
    start = q / y
    exact = s * start / (e * h * r)
    return MachineRequirement(q, s, h, e, r, y, start, exact, max(1, _ceil(exact)))


@dataclass(frozen=True)
class MachineLoadRow:
    """Load of one shared machine (minutes are the unit of the inputs)."""

    machine: str
    load: float
    available: float
    utilisation_pct: float
    overloaded: bool
    overtime: float
    machines_needed: int
    load_by_member: dict[str, float]


@dataclass(frozen=True)
class MachineLoad:
    """Load of the shared machines of a centre (see :func:`machine_load`)."""

    machines: tuple[MachineLoadRow, ...]
    bottleneck: str | None
    bottlenecks: tuple[str, ...]
    overloaded: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """Plain lists, dicts and numbers (JSON-able).

        >>> machine_load({"m1": {"p": 2}}, {"oven": {"p": 30}}, 100).to_dict()["bottleneck"]
        'oven'
        """
        return {
            "machines": [asdict(row) for row in self.machines],
            "bottleneck": self.bottleneck,
            "bottlenecks": list(self.bottlenecks),
            "overloaded": list(self.overloaded),
        }


def _mapping(value: object, name: str) -> Mapping[Any, Any]:
    if not isinstance(value, Mapping) or not value:
        raise CalculationError(f"{name} must be a non-empty mapping, got {value!r}")
    return value


def _orders(orders: object) -> dict[str, dict[str, float]]:
    checked: dict[str, dict[str, float]] = {}
    for member, products in _mapping(orders, "orders (member → {product: units})").items():
        if not isinstance(products, Mapping):
            raise CalculationError(f"orders[{member!r}] must be a mapping product → units, got {products!r}")
        row = {}
        for product, units in products.items():
            number = _number(units, f"orders[{member!r}][{product!r}] (units)")
            if number < 0:
                raise CalculationError(f"orders[{member!r}][{product!r}] must be ≥ 0 units, got {number:g}")
            row[str(product)] = number
        checked[str(member)] = row
    return checked


def _std_times(std_times: object) -> dict[str, dict[str, float]]:
    checked: dict[str, dict[str, float]] = {}
    for machine, products in _mapping(std_times, "std_times (machine → {product: minutes per unit})").items():
        if not isinstance(products, Mapping):
            raise CalculationError(f"std_times[{machine!r}] must be a mapping product → minutes, got {products!r}")
        checked[str(machine)] = {
            str(p): _positive(t, f"std_times[{machine!r}][{p!r}] (time per unit)") for p, t in products.items()
        }
    return checked


def machine_load(
    orders: Mapping[str, Mapping[str, float]],
    std_times: Mapping[str, Mapping[str, float]],
    available_time: float | Mapping[str, float],
) -> MachineLoad:
    """Load and utilisation of shared machines from the members' orders.

    For machine m: load = Σ_members Σ_products units × std_times[m][product];
    utilisation = load / available × 100 %. A product a machine does not
    process is simply absent from ``std_times[m]``. Utilisation above 100 %
    is flagged ``overloaded``: the order needs ``overtime`` (= load −
    available) or more machines (``machines_needed`` = ⌈load / available⌉,
    with the tolerance of :func:`machines_required`). Load-based capacity
    check as in Tompkins et al., ch. 2 (F = S·Q/H per machine type, summed
    over products).

    The bottleneck is the machine with the highest utilisation; ``bottlenecks``
    lists every machine that shares it (relative tolerance 1e-9) in the order
    of ``std_times``, and ``bottleneck`` is the first of them. It is ``None``
    when no machine has any load.

    Parameters
    ----------
    orders : mapping member → {product: units}
        Units ≥ 0 each member will make in the period.
    std_times : mapping machine → {product: time per unit}
        Times > 0 (e.g. minutes per unit).
    available_time : float or mapping machine → float
        Time available per machine in the period (> 0), one value for all or
        one per machine.

    Returns
    -------
    MachineLoad

    Raises
    ------
    CalculationError
        Empty or malformed mappings, non-numbers, negative units, times ≤ 0,
        a machine without available time, or an ordered product (units > 0)
        that no machine processes.

    Examples
    --------
    Hand-computed: two members frying fish floss (abon) on one fryer of 480 min:
    (60 + 40) kg × 3 min/kg = 300 min → 62.5 %.

    >>> r = machine_load({"A": {"abon": 60}, "B": {"abon": 40}}, {"fryer": {"abon": 3}}, 480)
    >>> r.machines[0].load, r.machines[0].utilisation_pct, r.overloaded
    (300.0, 62.5, ())
    """
    members = _orders(orders)
    times = _std_times(std_times)
    if isinstance(available_time, Mapping):
        given = {str(k): v for k, v in available_time.items()}
        missing = [m for m in times if m not in given]
        if missing:
            raise CalculationError(f"available_time has no value for machine(s) {missing}")
        available = {m: _positive(given[m], f"available_time[{m!r}]") for m in times}
    else:
        hours = _positive(available_time, "available_time")
        available = {m: hours for m in times}
    processed = {p for row in times.values() for p in row}
    for member, row in members.items():
        for product, units in row.items():
            if units > 0 and product not in processed:
                raise CalculationError(
                    f"orders[{member!r}]: product {product!r} is not processed by any machine in std_times"
                )
    rows = []
    for machine, per_unit in times.items():
        by_member = {
            member: sum(units * per_unit[p] for p, units in row.items() if p in per_unit)
            for member, row in members.items()
        }
        load = sum(by_member.values())
        cap = available[machine]
        util = 100.0 * load / cap
        over = util > 100.0 * (1 + CEIL_TOLERANCE)
        needed = _ceil(load / cap) if load > 0 else 0
        rows.append(MachineLoadRow(machine, load, cap, util, over, load - cap if over else 0.0, needed, by_member))
    top = max(row.utilisation_pct for row in rows)
    tied = tuple(r.machine for r in rows if top > 0 and r.utilisation_pct >= top * (1 - CEIL_TOLERANCE))
    return MachineLoad(
        machines=tuple(rows),
        bottleneck=tied[0] if tied else None,
        bottlenecks=tied,
        overloaded=tuple(r.machine for r in rows if r.overloaded),
    )
