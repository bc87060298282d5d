"""Pairwise exchange and best layout: Tompkins' worked example, published optima, hand checks, properties."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.facility.flow import layout_cost, layout_distances
from ikm_curriculum.modules.facility.layout_search import best_layout, pairwise_exchange
from ikm_curriculum.modules.facility.relationships import RelChart

# Tompkins et al., Facilities Planning, ch. 6 "pairwise exchange method": four equal departments in a row,
# 1 m apart, flows (upper triangle) 1-2 10, 1-3 15, 1-4 20, 2-3 10, 2-4 5, 3-4 5; initial layout 1-2-3-4.
# Iteration 1 as printed (reproduced verbatim in the course slides scribd.com/presentation/647508863/pairwise):
# TC1234 = 125; swaps 1-2 → 105, 1-3 → 95, 1-4 → 120, 2-3 → 120, 2-4 → 105, 3-4 → 125; best 1-3 → 3-2-1-4.
TOMPKINS_FLOWS = {1: {2: 10, 3: 15, 4: 20}, 2: {3: 10, 4: 5}, 3: {4: 5}, 4: {}}
ROW = {1: (0, 0), 2: (0, 1), 3: (0, 2), 4: (0, 3)}

ROW_FLOWS = {  # https://qoschin.com/qa/lE6gUnup7yGD (see test_facility_flow.py): optimum 5400 (A-1 B-3 C-4 D-2)
    "A": {"B": 30, "C": 5, "D": 20},
    "B": {"A": 5, "C": 40, "D": 20},
    "C": {"B": 10, "D": 40},
    "D": {"A": 10, "B": 5},
}
EXAM_FLOWS = {  # examlex.com "Exam 9: Layout Strategie", question 84 (see test_facility_flow.py)
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


def _order_cost(order: tuple[int, ...]) -> float:
    return layout_cost(TOMPKINS_FLOWS, layout_distances({d: (0, k) for k, d in enumerate(order)}))


def test_tompkins_first_iteration_costs_as_printed() -> None:
    assert _order_cost((1, 2, 3, 4)) == 125.0
    printed = {(1, 2): 105.0, (1, 3): 95.0, (1, 4): 120.0, (2, 3): 120.0, (2, 4): 105.0, (3, 4): 125.0}
    for (a, b), cost in printed.items():
        order = [1, 2, 3, 4]
        order[a - 1], order[b - 1] = b, a
        assert _order_cost(tuple(order)) == cost, (a, b)


def test_tompkins_pairwise_exchange_swaps() -> None:
    r = pairwise_exchange(ROW, TOMPKINS_FLOWS)
    # Iteration 1 (printed): swap 1-3, cost 95. Iteration 2 (hand-computed from 3-2-1-4): swaps 1-2 105, 1-3 125,
    # 1-4 110, 2-3 90, 2-4 105, 3-4 105 → accept 2-3: layout 2-3-1-4, d12=2 d13=1 d14=1 d23=1 d24=3 d34=2,
    # TC = 10·2 + 15·1 + 20·1 + 10·1 + 5·3 + 5·2 = 90. Iteration 3: best swap 2-3 back to 95 > 90, stop.
    assert r.initial_cost == 125.0
    assert [(s.first, s.second, s.cost) for s in r.steps] == [(1, 3, 95.0), (2, 3, 90.0)]
    assert r.layout == {2: (0, 0), 3: (0, 1), 1: (0, 2), 4: (0, 3)} and r.cost == 90.0
    assert r.to_dict()["steps"][0] == {"swap": [1, 3], "cost": 95.0}


def test_tompkins_exhaustive_optimum_is_the_exchange_result() -> None:
    # Hand check over all 24 orders (computed with _order_cost): the minimum is 90 (2-3-1-4 and its mirror 4-1-3-2).
    assert min(_order_cost(p) for p in itertools.permutations((1, 2, 3, 4))) == 90.0
    best = best_layout([(0, 0), (0, 1), (0, 2), (0, 3)], [1, 2, 3, 4], TOMPKINS_FLOWS)
    assert best.cost == 90.0 and best.exhaustive and best.evaluated == 24


def test_published_row_problem_optimum_is_5400() -> None:
    best = best_layout([(0, 0), (0, 20), (0, 40), (0, 60)], "ABCD", ROW_FLOWS)
    assert best.cost == 5400.0  # printed: "5400 (which is also the optimal solution)"
    # Ties: A-1 B-3 C-4 D-2 and its mirror D-1 … both cost 5400; the first in slot-index order is returned.
    assert best.layout == {"A": (0, 0), "B": (0, 40), "C": (0, 60), "D": (0, 20)}
    multi = best_layout([(0, 0), (0, 20), (0, 40), (0, 60)], "ABCD", ROW_FLOWS, max_exhaustive=0, starts=5)
    assert multi.cost == 5400.0 and not multi.exhaustive


def test_exam_problem_improves_on_the_printed_2430_with_slot_labels() -> None:
    printed = pairwise_exchange({"A": 4, "B": 1, "C": 3, "D": 2}, EXAM_FLOWS, distance=ROOM_DISTANCES)
    assert printed.initial_cost == 2430.0  # printed: total movement 2430
    best = best_layout([1, 2, 3, 4], "ABCD", EXAM_FLOWS, distance=ROOM_DISTANCES)
    # Exhaustive (hand-checked): A-1 B-4 C-2 D-3 → A→B 5·80 + A→C 8·30 + A→D 3·60 + B→C 7·50 + B→D 6·20
    # + C→B 2·50 + C→D 9·30 + D→A 5·60 + D→B 12·20 + D→C 4·30 = 400+240+180+350+120+100+270+300+240+120 = 2320.
    assert best.cost == 2320.0 and best.layout == {"A": 1, "B": 4, "C": 2, "D": 3}
    assert printed.cost >= best.cost


def test_best_layout_with_rel_chart_hand_checked() -> None:
    # No flows; REL: Terima–Olah A, Olah–Limbah X, Terima–Limbah U. Slots in a row (0,0) (0,1) (0,2).
    # Hand: the best puts Olah at an end next to Terima, Limbah at the other end: score = 4, objective = −2·4 = −8.
    chart = RelChart.from_pairs(
        ["Terima", "Olah", "Limbah"], [("Terima", "Olah", "A"), ("Olah", "Limbah", "X"), ("Terima", "Limbah", "U")]
    )
    zero = {"Terima": {}, "Olah": {}, "Limbah": {}}
    best = best_layout([(0, 0), (0, 1), (0, 2)], ["Terima", "Olah", "Limbah"], zero, chart, rel_factor=2.0)
    assert best.rel_score == 4.0 and best.cost == -8.0 and best.flow_cost == 0.0
    assert best.layout == {"Terima": (0, 1), "Olah": (0, 0), "Limbah": (0, 2)}


def test_more_slots_than_departments_lets_a_department_use_an_empty_slot() -> None:
    flows = {"A": {"B": 1}, "B": {}}
    best = best_layout([(0, 0), (0, 5), (0, 1)], ["A", "B"], flows)
    assert best.evaluated == 6 and best.cost == 1.0  # 3·2 assignments; A and B in adjacent slots
    far = best_layout([(0, 0), (0, 5), (0, 1)], ["A", "B"], flows, max_exhaustive=0, starts=1)
    assert far.cost == 1.0  # the exchange moves B from (0, 5) into the empty slot (0, 1)


def test_bad_input_is_rejected() -> None:
    flows = {"A": {"B": 1}, "B": {}}
    with pytest.raises(CalculationError, match="at least as many slots"):
        best_layout([(0, 0)], ["A", "B"], flows)
    with pytest.raises(CalculationError, match="share the same place"):
        best_layout([(0, 0), (0, 0)], ["A", "B"], flows)
    with pytest.raises(CalculationError, match="names do not match"):
        best_layout([(0, 0), (0, 1)], ["A", "C"], flows)
    with pytest.raises(CalculationError, match="grid cells"):
        chart = RelChart.from_pairs(["A", "B"], [("A", "B", "A")])
        best_layout([1, 2], ["A", "B"], flows, chart, distance={1: {2: 1}, 2: {1: 1}})
    with pytest.raises(CalculationError, match="distance"):
        pairwise_exchange({"A": (0, 0), "B": (0, 1)}, flows, distance="chebyshev")
    with pytest.raises(CalculationError, match="no row for slot"):
        pairwise_exchange({"A": 1, "B": 3}, flows, distance={1: {2: 1}, 2: {1: 1}})


@st.composite
def _problem(draw: st.DrawFn, max_n: int = 6) -> tuple[dict[str, dict[str, float]], list[tuple[int, int]]]:
    n = draw(st.integers(2, max_n))
    names = [f"D{i}" for i in range(n)]
    flows = {a: {b: float(draw(st.integers(0, 30))) for b in names if b != a} for a in names}
    cells = draw(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3)), min_size=n, max_size=n, unique=True))
    return flows, cells


@settings(max_examples=50, deadline=None)
@given(_problem(), st.sampled_from(["rectilinear", "euclidean"]))
def test_pairwise_exchange_never_increases_cost(case: tuple[dict, list], metric: str) -> None:
    flows, cells = case
    r = pairwise_exchange({f"D{i}": c for i, c in enumerate(cells)}, flows, distance=metric)
    costs = [r.initial_cost] + [s.cost for s in r.steps]
    assert all(b < a for a, b in zip(costs, costs[1:], strict=False))
    assert r.cost <= r.initial_cost
    assert r.cost == pytest.approx(layout_cost(flows, layout_distances(r.layout, metric)))


@settings(max_examples=30, deadline=None)
@given(_problem(), st.randoms(use_true_random=False))
def test_exhaustive_best_is_no_worse_than_any_random_layout(case: tuple[dict, list], rnd: object) -> None:
    flows, cells = case
    names = list(flows)
    best = best_layout(cells, names, flows)
    shuffled = list(cells)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    random_cost = layout_cost(flows, layout_distances(dict(zip(names, shuffled, strict=True))))
    assert best.exhaustive and best.cost <= random_cost + 1e-9
    assert best.cost == pytest.approx(layout_cost(flows, layout_distances(best.layout)))
    assert pairwise_exchange(dict(zip(names, cells, strict=True)), flows).cost >= best.cost - 1e-9


def test_eight_departments_are_searched_exhaustively() -> None:
    rng = np.random.default_rng(7)
    names = [f"D{i}" for i in range(8)]
    flows = {a: {b: int(rng.integers(0, 20)) for b in names if b != a} for a in names}
    slots = [(r, c) for r in range(2) for c in range(4)]
    best = best_layout(slots, names, flows)
    assert best.exhaustive and best.evaluated == 40_320
    exchange = best_layout(slots, names, flows, max_exhaustive=0)
    assert exchange.cost >= best.cost - 1e-9


def test_distance_function_is_used_for_slots() -> None:
    # Hand: Chebyshev distance max(|Δr|, |Δc|); A(0,0)–B(1,1) = 1, one trip → cost 1 (rectilinear would give 2).
    def chebyshev(p: tuple[int, int], q: tuple[int, int]) -> int:
        return max(abs(p[0] - q[0]), abs(p[1] - q[1]))

    r = pairwise_exchange({"A": (0, 0), "B": (1, 1)}, {"A": {"B": 1}, "B": {}}, distance=chebyshev)
    assert r.initial_cost == 1.0 and r.steps == ()
