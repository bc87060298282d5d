"""Parameters: every number documented in one place; layout numbers derived from the facility module."""

from __future__ import annotations

from dataclasses import fields, replace

import pytest

import ikm_curriculum.simulation.parameters as parameters
from ikm_curriculum.errors import CalculationError
from ikm_curriculum.simulation import DEFAULT_PARAMETERS, ModelParameters, parameter_table
from ikm_curriculum.simulation.layouts import derive_layout_flow_distance, layout_plans


def test_every_parameter_has_unit_why_and_a_place_in_the_mechanisms() -> None:
    for f in fields(ModelParameters):
        assert f.metadata["unit"] and len(f.metadata["why"]) > 10, f.name
        assert f.name in parameters.__doc__, f"{f.name} is not described in the mechanisms (module docstring)"
    rows = parameter_table()
    assert len(rows) == len(fields(ModelParameters)) and rows[0]["name"] == "start_year"


def test_seasonality_is_a_year_with_mean_one() -> None:
    assert len(DEFAULT_PARAMETERS.seasonality) == 12
    assert sum(DEFAULT_PARAMETERS.seasonality) / 12 == pytest.approx(1.0)
    assert max(DEFAULT_PARAMETERS.seasonality) == DEFAULT_PARAMETERS.seasonality[2]  # March 2027: Lebaran


def test_layout_flow_distances_come_from_the_facility_module() -> None:
    # layout_cost of the generic centre's from-to chart, rooms 8 m apart; A by exhaustive best_layout
    assert derive_layout_flow_distance() == DEFAULT_PARAMETERS.layout_flow_distance
    plans = layout_plans()
    assert set(plans) == {"A", "B", "C"} and all(len(p) == 8 for p in plans.values())


def test_bad_parameters_are_refused() -> None:
    with pytest.raises(CalculationError, match="seasonality"):
        replace(DEFAULT_PARAMETERS, seasonality=(1.0,) * 11)
    with pytest.raises(CalculationError, match="machines"):
        replace(DEFAULT_PARAMETERS, machines=0)
    with pytest.raises(CalculationError, match="repair_cost"):
        replace(DEFAULT_PARAMETERS, repair_cost=-1)
    assert DEFAULT_PARAMETERS.to_dict()["seasonality"][2] == 1.30
