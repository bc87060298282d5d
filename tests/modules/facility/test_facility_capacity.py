"""Capacity: takt time, machine requirements (Tompkins et al.) and the load of shared machines."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.facility.capacity import machine_load, machines_required, takt_time

# --- takt time ---------------------------------------------------------------------------------------------


def test_takt_time_of_an_eight_hour_shift() -> None:
    # Published exercise answer (expertsmind.com, "What is the theoretical minimum number of stations"):
    # "192 units per 8-hour shift … (a) Desired cycle time is 150 second per unit."
    assert takt_time(8 * 60 * 60, 192) == 150.0


def test_takt_time_of_the_wing_component_line() -> None:
    # Heizer & Render, Operations Management, ch. 9 (wing-component line): 480 min per day for 40 units
    # → 12 min per unit; hand-checked: 480 / 40 = 12.
    assert takt_time(480, 40) == 12.0
    assert takt_time(np.float64(450.0), np.int64(60)) == 7.5  # numpy numbers; hand-checked 450/60


@pytest.mark.parametrize(
    ("available", "demand", "field"),
    [(0, 10, "available_time"), (480, -1, "demand"), ("480", 10, "available_time"), (480, True, "demand")],
)
def test_takt_time_rejects_bad_input(available: object, demand: object, field: str) -> None:
    with pytest.raises(CalculationError, match=field):
        takt_time(available, demand)  # type: ignore[arg-type]


# --- machine requirements ------------------------------------------------------------------------------------

# Tompkins, White, Bozer & Tanchoco, Facilities Planning, problem 3.9 (milling machine, operations A then B),
# solution as published on studymode.com ("Facility Planing"): 5 days × 18 h = 5400 min/week, tool changes
# 2686/400 × 30 = 201.45 min → H = 5198.55 min/week; scrap 5 % at B and 2 % at A:
#   I_B = 2500/(1 − 0.05) = 2632, I_A = 2632/(1 − 0.02) = 2686 (rounded up by the solution),
#   F_A = 2 · 2686 / (5198.55 · 0.95 · 0.95) = 1.145,  F_B = 4 · 2632 / (5198.55 · 0.95 · 0.90) = 2.369,
#   F = 1.145 + 2.369 = 3.51 → 4 milling machines.
# (The page's problem text says 3500 parts per week, its solution uses 2500; we follow the solution.)
H_MILLING = 5400 - 2686 / 400 * 30


def test_machines_for_the_milling_operations_of_tompkins_problem() -> None:
    assert H_MILLING == pytest.approx(5198.55)
    op_a = machines_required(2686, 2, H_MILLING, efficiency=0.95, reliability=0.95)
    op_b = machines_required(2632, 4, H_MILLING, efficiency=0.95, reliability=0.90)
    assert round(op_a.exact, 3) == 1.145
    assert round(op_b.exact, 3) == 2.369
    assert (op_a.required, op_b.required) == (2, 3)  # each operation on its own machines
    assert math.ceil(op_a.exact + op_b.exact) == 4  # one machine type shared by both: 3.51 → 4


def test_scrap_enters_through_the_yield() -> None:
    # Same problem, the scrap estimate done by the function: Q_B = 2500/0.95 = 2631.58 (the solution rounds
    # it to 2632), so F_B = 4 · 2631.58 / (5198.55 · 0.855) = 2.368, within 0.001 of the published 2.369.
    op_b = machines_required(2500, 4, H_MILLING, efficiency=0.95, reliability=0.90, yield_=0.95)
    assert op_b.units_to_start == pytest.approx(2631.58, abs=0.01)
    assert op_b.exact == pytest.approx(2.369, abs=1e-3)
    assert op_b.required == 3


def test_hand_checked_requirement_and_to_dict() -> None:
    # Hand-computed: 1200 packs × 0.5 min = 600 min of work; 480 min × 0.8 × 0.9 = 345.6 min per sealer
    # → 600/345.6 = 1.736 → 2 sealers.
    r = machines_required(1200, 0.5, 480, efficiency=0.8, reliability=0.9)
    assert r.exact == pytest.approx(600 / 345.6)
    data = json.loads(json.dumps(r.to_dict()))
    assert data == {
        "demand": 1200.0,
        "std_time": 0.5,
        "available_time": 480.0,
        "efficiency": 0.8,
        "reliability": 0.9,
        "yield_": 1.0,
        "units_to_start": 1200.0,
        "exact": pytest.approx(1.7361111),
        "required": 2,
    }
    assert type(data["required"]) is int


def test_rounding_up_ignores_float_noise_but_not_real_excess() -> None:
    # 0.1 · 3 / 0.1 = 3.0000000000000004 in floats: still 3 machines; 3.001 needs 4.
    assert machines_required(3, 0.1, 0.1).exact > 3
    assert machines_required(3, 0.1, 0.1).required == 3
    assert machines_required(3.001, 1, 1).required == 4
    assert machines_required(1, 1e-6, 480).required == 1  # any load needs one machine


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"demand": 0}, "demand"),
        ({"std_time": -2}, "std_time"),
        ({"available_time": float("nan")}, "available_time"),
        ({"efficiency": 1.2}, "efficiency"),
        ({"efficiency": 0}, "efficiency"),
        ({"reliability": 95}, "reliability"),
        ({"yield_": 0}, "yield_"),
        ({"demand": "100"}, "demand"),
    ],
)
def test_machines_required_rejects_bad_input(kwargs: dict, field: str) -> None:
    args = {"demand": 100, "std_time": 2, "available_time": 480} | kwargs
    with pytest.raises(CalculationError, match=field):
        machines_required(**args)


# --- shared machines -----------------------------------------------------------------------------------------

# Constructed, hand-checked example (fictional members of a fish-processing centre):
#   fryer:   abon 100 kg × 3 min + kerupuk 300 kg × 1 min = 600 min / 480 → 125 %, overtime 120, 2 machines
#   spinner: abon 100 kg × 2 min                            = 200 min / 480 → 41.67 %
#   sealer:  abon 100 × 0.5 + kerupuk 300 × 0.25            = 125 min / 480 → 26.04 %
ORDERS = {
    "Wa Ode": {"abon": 60, "kerupuk": 100},
    "La Ode": {"abon": 40},
    "Hasniah": {"kerupuk": 200},
}
STD_TIMES = {
    "fryer": {"abon": 3, "kerupuk": 1},
    "spinner": {"abon": 2},
    "sealer": {"abon": 0.5, "kerupuk": 0.25},
}


def test_load_utilisation_and_bottleneck_of_shared_machines() -> None:
    r = machine_load(ORDERS, STD_TIMES, 480)
    rows = {row.machine: row for row in r.machines}
    assert [row.machine for row in r.machines] == ["fryer", "spinner", "sealer"]
    assert (rows["fryer"].load, rows["spinner"].load, rows["sealer"].load) == (600.0, 200.0, 125.0)
    assert rows["fryer"].utilisation_pct == 125.0
    assert rows["spinner"].utilisation_pct == pytest.approx(41.6667, abs=1e-4)
    assert rows["sealer"].utilisation_pct == pytest.approx(26.0417, abs=1e-4)
    assert rows["fryer"].overloaded and rows["fryer"].overtime == 120.0 and rows["fryer"].machines_needed == 2
    assert not rows["spinner"].overloaded and rows["spinner"].overtime == 0.0 and rows["spinner"].machines_needed == 1
    # fryer by member: Wa Ode 60·3 + 100·1 = 280, La Ode 40·3 = 120, Hasniah 200·1 = 200
    assert rows["fryer"].load_by_member == {"Wa Ode": 280.0, "La Ode": 120.0, "Hasniah": 200.0}
    assert (r.bottleneck, r.bottlenecks, r.overloaded) == ("fryer", ("fryer",), ("fryer",))
    data = json.loads(json.dumps(r.to_dict()))
    assert data["bottleneck"] == "fryer"
    assert data["machines"][0]["load_by_member"]["Hasniah"] == 200.0


def test_available_time_per_machine_and_exactly_full() -> None:
    # Hand-checked: fryer 600/600 = 100 % is full, not overloaded; spinner 200/100 = 200 % is.
    r = machine_load(ORDERS, STD_TIMES, {"fryer": 600, "spinner": 100, "sealer": 480})
    assert [row.utilisation_pct for row in r.machines][:2] == [100.0, 200.0]
    assert r.overloaded == ("spinner",)
    assert r.bottleneck == "spinner"


def test_ties_give_the_first_machine_in_std_times_order() -> None:
    # Hand-checked: both machines 10 units × 6 min = 60 min of 120 → 50 %.
    r = machine_load({"m": {"p": 10}}, {"b_saw": {"p": 6}, "a_drill": {"p": 6}}, 120)
    assert r.bottleneck == "b_saw"
    assert r.bottlenecks == ("b_saw", "a_drill")


def test_no_load_has_no_bottleneck() -> None:
    r = machine_load({"m": {"p": 0}}, {"oven": {"p": 5}}, 60)
    assert r.machines[0].utilisation_pct == 0.0 and r.machines[0].machines_needed == 0
    assert (r.bottleneck, r.bottlenecks) == (None, ())


@pytest.mark.parametrize(
    ("orders", "std_times", "available", "message"),
    [
        ({"A": {"bakso": 5}}, STD_TIMES, 480, "'bakso' is not processed"),
        ({"A": {"abon": -5}}, STD_TIMES, 480, r"orders\['A'\]\['abon'\] must be ≥ 0"),
        ({"A": {"abon": "5"}}, STD_TIMES, 480, "finite number"),
        ({"A": 5}, STD_TIMES, 480, r"orders\['A'\] must be a mapping"),
        ({}, STD_TIMES, 480, "orders"),
        (ORDERS, {"fryer": {"abon": 0}}, 480, r"std_times\['fryer'\]\['abon'\]"),
        (ORDERS, {"fryer": {"abon": 3, "kerupuk": 1}}, 0, "available_time"),
        (ORDERS, STD_TIMES, {"fryer": 480}, r"no value for machine\(s\) \['spinner', 'sealer'\]"),
        (ORDERS, STD_TIMES, {"fryer": 480, "spinner": 480, "sealer": -1}, r"available_time\['sealer'\]"),
    ],
)
def test_machine_load_rejects_bad_input(orders: object, std_times: object, available: object, message: str) -> None:
    with pytest.raises(CalculationError, match=message):
        machine_load(orders, std_times, available)  # type: ignore[arg-type]
