"""Flow and distance: published flow × distance totals, centroids, validation, properties."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.facility.flow import (
    centroids,
    cost_table,
    distance_matrix,
    from_to_chart,
    layout_cost,
    layout_distances,
)

# Published test-bank problem (https://qoschin.com/qa/lE6gUnup7yGD): departments A–D in rooms 1–4 in a row,
# 20 m between rooms; directed flows below. Printed answers: A-1 B-2 C-3 D-4 → 5500; A-1 B-3 C-4 D-2 → 5400
# ("which is also the optimal solution").
ROW_FLOWS = {
    "A": {"A": 0, "B": 30, "C": 5, "D": 20},
    "B": {"A": 5, "B": 0, "C": 40, "D": 20},
    "C": {"A": 0, "B": 10, "C": 0, "D": 40},
    "D": {"A": 10, "B": 5, "C": 0, "D": 0},
}

# Published exam question (examlex.com, "Exam 9: Layout Strategie", question 84): flow table and room distance
# table; "assignments A-4, B-1, C-3, and D-2, with a total movement of 2430".
EXAM_FLOWS = {
    "A": {"B": 5, "C": 8, "D": 3},
    "B": {"C": 7, "D": 6},
    "C": {"B": 2, "D": 9},
    "D": {"A": 5, "B": 12, "C": 4},
}
ROOM_DISTANCES = {
    1: {1: 0, 2: 30, 3: 60, 4: 80},
    2: {1: 30, 2: 0, 3: 30, 4: 50},
    3: {1: 60, 2: 30, 3: 0, 4: 20},
    4: {1: 80, 2: 50, 3: 20, 4: 0},
}


def _room_distances(assignment: dict[str, int]) -> dict[str, dict[str, float]]:
    return {a: {b: ROOM_DISTANCES[ra][rb] for b, rb in assignment.items()} for a, ra in assignment.items()}


def test_published_row_layout_costs_5500_and_5400() -> None:
    rooms = {"A": (0, 0), "B": (0, 1), "C": (0, 2), "D": (0, 3)}
    assert layout_cost(ROW_FLOWS, layout_distances(rooms, cell_size=20)) == 5500.0  # printed: 5500
    moved = {"A": (0, 0), "B": (0, 2), "C": (0, 3), "D": (0, 1)}
    assert layout_cost(ROW_FLOWS, layout_distances(moved, cell_size=20)) == 5400.0  # printed: 5400


def test_published_exam_layout_with_given_distance_table_costs_2430() -> None:
    distances = _room_distances({"A": 4, "B": 1, "C": 3, "D": 2})
    assert layout_cost(EXAM_FLOWS, distances) == 2430.0  # printed: total movement 2430
    # Unit cost scales the total; a DataFrame in another order gives the same answer.
    frame = pd.DataFrame(distances).T.loc[["D", "C", "B", "A"], ["B", "D", "A", "C"]]
    assert layout_cost(EXAM_FLOWS, frame, unit_cost=2.5) == 2.5 * 2430.0


def test_cost_table_is_flow_times_distance_per_pair() -> None:
    table = cost_table(EXAM_FLOWS, _room_distances({"A": 4, "B": 1, "C": 3, "D": 2}))
    assert table.loc["D", "B"] == 12 * 30  # flow D→B 12 trips; D in room 2, B in room 1: 30 m apart
    assert float(table.to_numpy().sum()) == 2430.0


def test_centroids_of_multi_cell_departments_and_distances() -> None:
    # Hand: cells (0,0),(0,1),(1,0) → centres (0.5,0.5),(1.5,0.5),(0.5,1.5) → mean (0.8333, 0.8333).
    c = centroids({"A": [(0, 0), (0, 1), (1, 0)], "B": (2, 3)})
    assert c["A"] == pytest.approx((5 / 6, 5 / 6))
    assert c["B"] == (3.5, 2.5)
    d = layout_distances({"A": [(0, 0), (0, 1), (1, 0)], "B": (2, 3)}, metric="euclidean")
    assert d.loc["A", "B"] == pytest.approx(math.hypot(3.5 - 5 / 6, 2.5 - 5 / 6))
    assert distance_matrix({"P": (1, 1), "Q": (4, 5)}).loc["Q", "P"] == 7.0  # |3| + |4|


def test_from_to_chart_sums_moves_and_keeps_idle_departments() -> None:
    chart = from_to_chart([("Cuci", "Rebus", 3), ("Cuci", "Rebus", 2)], departments=["Cuci", "Rebus", "Kemas"])
    assert list(chart.index) == ["Cuci", "Rebus", "Kemas"]
    assert chart.loc["Cuci", "Rebus"] == 5.0 and chart.to_numpy().sum() == 5.0


@pytest.mark.parametrize(
    ("flows", "match"),
    [
        (pd.DataFrame([[0, 1], [1, 0]], index=["A", "B"], columns=["A", "C"]), "square"),
        ({"A": {"B": -2}, "B": {}}, r"flows\['A'\]\['B'\].*≥ 0"),
        ({"A": {"A": 3, "B": 1}, "B": {}}, "no flow to itself"),
        ({"A": {"Z": 1}, "B": {}}, "'Z' is not one of the row names"),
        ({"A": {"B": "banyak"}, "B": {}}, "finite number"),
        ({}, "empty"),
    ],
)
def test_bad_flows_are_rejected_with_the_element_named(flows: object, match: str) -> None:
    with pytest.raises(CalculationError, match=match):
        from_to_chart(flows)


def test_mismatched_names_and_missing_distances_are_rejected() -> None:
    flows = {"A": {"B": 1}, "B": {}}
    with pytest.raises(CalculationError, match=r"names do not match; missing \['B'\], unexpected \['C'\]"):
        layout_cost(flows, {"A": {"C": 1}, "C": {"A": 1}})
    with pytest.raises(CalculationError, match="from 'B' to 'A' is missing"):
        layout_cost(flows, {"A": {"B": 1}, "B": {}})
    with pytest.raises(CalculationError, match="unit_cost"):
        layout_cost(flows, {"A": {"B": 1}, "B": {"A": 1}}, unit_cost=-1)
    with pytest.raises(CalculationError, match="metric"):
        distance_matrix({"A": (0, 0)}, metric="manhattan")
    with pytest.raises(CalculationError, match=r"cell \(0, 0\) is given to both 'A' and 'B'"):
        centroids({"A": (0, 0), "B": [(0, 0), (0, 1)]})


@st.composite
def _flows_and_cells(draw: st.DrawFn) -> tuple[np.ndarray, list[tuple[int, int]]]:
    n = draw(st.integers(2, 6))
    values = draw(st.lists(st.integers(0, 50), min_size=n * n, max_size=n * n))
    f = np.array(values, dtype=float).reshape(n, n)
    np.fill_diagonal(f, 0)
    cells = draw(st.lists(st.tuples(st.integers(0, 4), st.integers(0, 4)), min_size=n, max_size=n, unique=True))
    return f, cells


def _nested(f: np.ndarray) -> dict[str, dict[str, float]]:
    names = [f"D{i}" for i in range(len(f))]
    return {a: {b: float(f[i, j]) for j, b in enumerate(names)} for i, a in enumerate(names)}


@settings(max_examples=60, deadline=None)
@given(_flows_and_cells(), st.sampled_from(["rectilinear", "euclidean"]))
def test_cost_is_non_negative(case: tuple[np.ndarray, list[tuple[int, int]]], metric: str) -> None:
    f, cells = case
    layout = {f"D{i}": c for i, c in enumerate(cells)}
    assert layout_cost(_nested(f), layout_distances(layout, metric)) >= 0.0


@settings(max_examples=60, deadline=None)
@given(_flows_and_cells(), st.data())
def test_swapping_two_departments_with_identical_flows_keeps_the_cost(
    case: tuple[np.ndarray, list[tuple[int, int]]], data: st.DataObject
) -> None:
    f, cells = case
    n = len(f)
    k, m = data.draw(st.lists(st.integers(0, n - 1), min_size=2, max_size=2, unique=True))
    # Make department m a twin of k: same flows to and from every other department, equal flows between them.
    f[m, :], f[:, m] = f[k, :], f[:, k]
    f[m, k] = f[k, m] = data.draw(st.integers(0, 50))
    f[k, k] = f[m, m] = 0
    layout = {f"D{i}": c for i, c in enumerate(cells)}
    swapped = dict(layout)
    swapped[f"D{k}"], swapped[f"D{m}"] = layout[f"D{m}"], layout[f"D{k}"]
    before = layout_cost(_nested(f), layout_distances(layout))
    assert layout_cost(_nested(f), layout_distances(swapped)) == pytest.approx(before)
