"""Space requirement of a work area (kebutuhan luas ruang kerja) from machines, operators, material and aisles.

Source: J. A. Tompkins et al., *Facilities Planning* (Wiley, 4th ed. 2010),
ch. 3 "Space requirements": workstation space = equipment + materials +
personnel area; department space = Σ workstation space × (1 + aisle allowance),
with the aisle allowance estimated from the size of the largest load moved
(:data:`AISLE_ALLOWANCES`)::

    machine area   = Σ length × width × count
    operator area  = operator allowance per machine × Σ count
    material area  = given m², or material % × machine area
    total          = (machine + operator + material area) × (1 + aisle %)
"""

from __future__ import annotations

import numbers
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.facility.flow import _number

AISLE_ALLOWANCES: tuple[dict[str, Any], ...] = (
    {"largest_load": "< 6 ft² (≈ 0.56 m²)", "beban_terbesar": "< 0,56 m²", "low_pct": 5, "high_pct": 10},
    {"largest_load": "6–12 ft² (≈ 0.56–1.1 m²)", "beban_terbesar": "0,56–1,1 m²", "low_pct": 10, "high_pct": 20},
    {"largest_load": "12–18 ft² (≈ 1.1–1.7 m²)", "beban_terbesar": "1,1–1,7 m²", "low_pct": 20, "high_pct": 30},
    {"largest_load": "> 18 ft² (≈ 1.7 m²)", "beban_terbesar": "> 1,7 m²", "low_pct": 30, "high_pct": 40},
)
"""Aisle allowance estimates by largest load (Tompkins et al., ch. 3; 5–40 %). Grade: likely; local practice applies."""


@dataclass(frozen=True)
class MachineLine:
    """One kind of machine: footprint length × width (m) and how many."""

    name: str
    length: float
    width: float
    count: int

    @property
    def area(self) -> float:
        """Footprint of all machines of this kind, m²."""
        return self.length * self.width * self.count


@dataclass(frozen=True)
class SpaceRequirement:
    """Areas in m² (see :func:`space_requirement`)."""

    machines: tuple[MachineLine, ...]
    machine_count: int
    machine_area: float
    operator_area: float
    material_area: float
    workstation_area: float
    aisle_percent: float
    aisle_area: float
    total_area: float

    def to_dict(self) -> dict[str, Any]:
        """Plain numbers; ``machines`` as a list of dicts with their ``area``."""
        data = asdict(self)
        data["machines"] = [{**asdict(m), "area": m.area} for m in self.machines]
        return data


def _machine(item: object, k: int) -> MachineLine:
    if isinstance(item, MachineLine):
        return item
    if isinstance(item, Mapping):
        missing = [key for key in ("length", "width") if key not in item]
        if missing:
            raise CalculationError(f"machines[{k}]: missing {missing} (expected name, length, width, count)")
        name, length, width, count = (
            item.get("name", f"machine {k + 1}"),
            item["length"],
            item["width"],
            item.get("count", 1),
        )
    elif isinstance(item, Sequence) and not isinstance(item, (str, bytes)) and len(item) in (3, 4):
        name, length, width = item[0], item[1], item[2]
        count = item[3] if len(item) == 4 else 1
    else:
        raise CalculationError(f"machines[{k}]: expected (name, length, width[, count]) or a mapping, got {item!r}")
    size = [_number(v, f"machines[{k}] {key} (m)", minimum=0.0) for key, v in (("length", length), ("width", width))]
    if min(size) <= 0:
        raise CalculationError(f"machines[{k}] ({name}): length and width must be greater than 0 m")
    if isinstance(count, bool) or not isinstance(count, numbers.Integral) or count < 1:
        raise CalculationError(f"machines[{k}] ({name}) count: expected a whole number ≥ 1, got {count!r}")
    return MachineLine(str(name), size[0], size[1], int(count))


def space_requirement(
    machines: Sequence[Any],
    *,
    operator_area: float,
    aisle_percent: float,
    material_area: float | None = None,
    material_percent: float | None = None,
) -> SpaceRequirement:
    """Floor area a work area needs (formula in the module docstring; Tompkins et al., ch. 3).

    Parameters
    ----------
    machines : sequence
        Each ``(name, length_m, width_m[, count])``, a mapping with those keys, or a
        :class:`MachineLine`.
    operator_area : float
        Operator allowance per machine, m² (≥ 0).
    aisle_percent : float
        Aisle allowance in percent of the workstation area, 0 ≤ % < 100 (typical
        5–40 %, :data:`AISLE_ALLOWANCES`).
    material_area : float, optional
        Material allowance in m² (≥ 0) …
    material_percent : float, optional
        … or in percent of the machine area (≥ 0); give at most one of the two.

    Raises
    ------
    CalculationError
        No machines, non-positive sizes, counts below 1, negative allowances,
        both material allowances, aisle % outside 0–100.

    Examples
    --------
    Hand-computed: 2 boilers 1.2 m × 0.8 m (1.92 m²) + 1 press 2 m × 1 m (2 m²) = 3.92 m²;
    operators 3 × 1.5 = 4.5 m²; material 25 % = 0.98 m²; workstations 9.40 m²;
    with 20 % aisles 11.28 m².

    >>> r = space_requirement([("boiler", 1.2, 0.8, 2), ("press", 2, 1)],
    ...                       operator_area=1.5, material_percent=25, aisle_percent=20)
    >>> round(r.machine_area, 2), round(r.workstation_area, 2), round(r.total_area, 2)
    (3.92, 9.4, 11.28)
    """
    if isinstance(machines, (str, bytes, Mapping)) or not isinstance(machines, Sequence) or len(machines) == 0:
        raise CalculationError("machines: expected a non-empty list of (name, length, width, count)")
    lines = tuple(_machine(item, k) for k, item in enumerate(machines))
    operator = _number(operator_area, "operator_area (m² per machine)", minimum=0.0)
    aisle = _number(aisle_percent, "aisle_percent", minimum=0.0)
    if aisle >= 100:
        raise CalculationError(f"aisle_percent: expected a percentage below 100 (typical 5–40), got {aisle_percent!r}")
    if material_area is not None and material_percent is not None:
        raise CalculationError("give the material allowance either as material_area (m²) or material_percent, not both")
    count = sum(m.count for m in lines)
    machine = float(sum(m.area for m in lines))
    if material_percent is not None:
        material = machine * _number(material_percent, "material_percent", minimum=0.0) / 100
    else:
        material = 0.0 if material_area is None else _number(material_area, "material_area (m²)", minimum=0.0)
    work = machine + operator * count + material
    total = work * (1 + aisle / 100)
    return SpaceRequirement(lines, count, machine, operator * count, material, work, aisle, total - work, total)
