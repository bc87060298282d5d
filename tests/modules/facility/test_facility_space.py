"""Space requirement: hand-computed work area, data table, validation."""

from __future__ import annotations

import pytest

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.facility.space import AISLE_ALLOWANCES, MachineLine, space_requirement


def test_hand_computed_fish_floss_work_area() -> None:
    # Hand: steamers 2 × (1.0 × 0.8) = 1.60 m²; fryer 1.5 × 1.0 = 1.50 m²; spinner (oil press) 0.8 × 0.6 × 2 = 0.96 m²
    # → machines 4.06 m²; 5 machines × 1.2 m² operator = 6.00 m²; material 2.5 m² → workstations 12.56 m²;
    # aisles 15 % → 1.884 m²; total 14.444 m².
    r = space_requirement(
        [("steamer", 1.0, 0.8, 2), {"name": "fryer", "length": 1.5, "width": 1.0}, MachineLine("spinner", 0.8, 0.6, 2)],
        operator_area=1.2,
        material_area=2.5,
        aisle_percent=15,
    )
    assert r.machine_count == 5
    assert r.machine_area == pytest.approx(4.06)
    assert r.operator_area == pytest.approx(6.0)
    assert r.workstation_area == pytest.approx(12.56)
    assert r.aisle_area == pytest.approx(1.884)
    assert r.total_area == pytest.approx(14.444)
    d = r.to_dict()
    assert d["machines"][0] == {"name": "steamer", "length": 1.0, "width": 0.8, "count": 2, "area": 1.6}
    assert isinstance(d["total_area"], float)


def test_material_as_percent_of_machine_area() -> None:
    # Hand: 3 × (2 × 1) = 6 m²; operators 3 × 1 = 3; material 50 % of 6 = 3 → 12 m²; aisles 25 % → 15 m².
    r = space_requirement([("meja", 2, 1, 3)], operator_area=1, material_percent=50, aisle_percent=25)
    assert (r.material_area, r.workstation_area, r.total_area) == (3.0, 12.0, 15.0)


def test_aisle_table_spans_5_to_40_percent() -> None:
    assert AISLE_ALLOWANCES[0]["low_pct"] == 5 and AISLE_ALLOWANCES[-1]["high_pct"] == 40  # Tompkins, ch. 3


@pytest.mark.parametrize(
    ("machines", "kwargs", "match"),
    [
        ([], {}, "non-empty list"),
        ([("a", 0, 1)], {}, "greater than 0"),
        ([("a", 1, 1, 0)], {}, "count: expected a whole number ≥ 1"),
        ([("a", 1, "x")], {}, r"machines\[0\] width"),
        ([{"name": "a", "length": 1}], {}, r"missing \['width'\]"),
        ([("a", 1, 1)], {"operator_area": -1}, "operator_area"),
        ([("a", 1, 1)], {"aisle_percent": 120}, "below 100"),
        ([("a", 1, 1)], {"material_area": 1, "material_percent": 5}, "not both"),
        ([("a", 1, 1)], {"material_percent": -5}, "material_percent"),
    ],
)
def test_bad_input_is_rejected(machines: list, kwargs: dict, match: str) -> None:
    args = {"operator_area": 1.0, "aisle_percent": 10.0, **kwargs}
    with pytest.raises(CalculationError, match=match):
        space_requirement(machines, **args)
