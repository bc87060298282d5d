"""The public contract of issue 4: names and result shapes other people's scripts rely on."""

from __future__ import annotations

import pandas as pd
import pytest

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules import facility


def test_takt_and_machines() -> None:
    assert facility.takt_time(480, 40) == 12.0  # 480 min ÷ 40 units, by hand
    result = facility.machines_required(demand=1000, std_time=0.5, available_time=480, efficiency=0.9).to_dict()
    # 1000 × 0.5 ÷ (480 × 0.9 × 1.0) = 1.1574 → 2 machines, by hand
    assert result["exact"] == pytest.approx(1.1574, abs=1e-4) and result["required"] == 2


def test_line_balance_shape() -> None:
    tasks = {
        "A": {"time": 5, "predecessors": []},
        "B": {"time": 4, "predecessors": ["A"]},
        "C": {"time": 3, "predecessors": ["A"]},
        "D": {"time": 6, "predecessors": ["B", "C"]},
    }
    out = facility.line_balance(tasks, cycle_time=8, rule="most_followers").to_dict()
    assert {"stations", "station_times", "theoretical_min_stations", "efficiency", "idle_time"} <= set(out)
    # by hand: A (5 of 8) leaves 3, so B (4) waits and C (3) fits; B alone; D alone
    assert out["stations"] == [["A", "C"], ["B"], ["D"]]
    assert out["theoretical_min_stations"] == 3  # ⌈18 / 8⌉, by hand
    for rule in ("positional_weight", "longest_task"):
        assert facility.line_balance(tasks, 8, rule=rule).to_dict()["stations"]


def test_layout_cost_and_rel_score() -> None:
    names = ["terima", "goreng", "kemas"]
    flows = pd.DataFrame([[0, 10, 0], [0, 0, 8], [0, 0, 0]], index=names, columns=names)
    distances = {a: {b: abs(i - j) * 5.0 for j, b in enumerate(names)} for i, a in enumerate(names)}
    assert facility.layout_cost(flows, distances) == 10 * 5 + 8 * 5  # by hand: 90
    chart = facility.RelChart.from_pairs(
        names, {("terima", "goreng"): "A", ("terima", "kemas"): "X", ("goreng", "kemas"): "E"}
    )
    layout = {"terima": (0, 0), "goreng": (0, 1), "kemas": (0, 2)}
    assert facility.rel_score(layout, chart) == 4 + 3  # A and E adjacent, linear weights


def test_bad_input_names_the_problem() -> None:
    with pytest.raises(CalculationError, match="demand"):
        facility.takt_time(480, 0)
    with pytest.raises(CalculationError, match="'Z'"):
        facility.line_balance({"A": {"time": 1, "predecessors": ["Z"]}}, 5)
