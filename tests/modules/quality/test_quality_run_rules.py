"""Run rules (Western Electric 1956 / Montgomery 5.3.6 / Nelson 1984) on constructed series.

Every series is constructed by hand with centre 0 and σ = 1, so each point's zone is
its value; the comment under each says why exactly one rule fires, and where.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.quality.run_rules import RULE_NAMES, RuleViolation, run_rules

# Alternating signs, all within ±1σ: no rule can fire.
CLEAN = [0.5, -0.5, 0.3, -0.3, 0.6, -0.2, 0.4, -0.6, 0.1, -0.1]

SERIES = {
    # Rule 1: only point 4 is beyond 3σ; it is the only point beyond 2σ or 1σ, and −0.3 < 3.5 > −0.4 is no run.
    1: ([0.5, -0.5, 0.3, -0.3, 3.5, -0.4, 0.2, -0.1], (4,)),
    # Rule 2: points 2 and 4 beyond +2σ, both in the window 2–4; completed at 4. Never 4 points beyond 1σ,
    # at most 3 on one side in a row, no monotone run of 6.
    2: ([0.5, -0.5, 2.5, 0.3, 2.4, -0.2, 0.1, -0.3], (4,)),
    # Rule 3: window 2–6 = 1.5 1.2 0.4 1.8 1.3 has 4 beyond +1σ, completed at 6; windows 1–5 and 3–7
    # have only 3. Nothing beyond 2σ, 5 positive points in a row at most, no monotone run of 6.
    3: ([0.2, -0.3, 1.5, 1.2, 0.4, 1.8, 1.3, -0.5, 0.1, -0.2], (6,)),
    # Rule 4: points 1–8 are above the centre line (8 in a row), completed at 8; all within 1σ, up-down.
    4: ([-0.3, 0.5, 0.2, 0.6, 0.1, 0.4, 0.3, 0.7, 0.2, -0.4], (8,)),
    # Rule 5: points 1–6 rise steadily (−0.8 → 0.7), completed at 6; within 1σ, both sides of the centre.
    5: ([0.2, -0.8, -0.5, -0.2, 0.1, 0.4, 0.7, -0.1, 0.3], (6,)),
}


def test_clean_series_triggers_nothing() -> None:
    assert run_rules(CLEAN, center=0.0, sigma=1.0) == []


@pytest.mark.parametrize("rule", sorted(SERIES))
def test_each_constructed_series_triggers_exactly_its_rule(rule: int) -> None:
    points, where = SERIES[rule]
    assert run_rules(points, center=0.0, sigma=1.0) == [RuleViolation(rule, where)]
    # The same pattern on a real scale: centre 74.0 mm, σ = 0.005 mm.
    scaled = [74.0 + 0.005 * p for p in points]
    assert run_rules(scaled, center=74.0, sigma=0.005) == [RuleViolation(rule, where)]


@pytest.mark.parametrize("rule", sorted(SERIES))
def test_mirrored_series_trigger_the_same_rule_on_the_lower_side(rule: int) -> None:
    points, where = SERIES[rule]
    assert run_rules([-p for p in points], center=0.0, sigma=1.0) == [RuleViolation(rule, where)]


def test_a_longer_run_is_reported_at_every_point_that_completes_it() -> None:
    # 10 points above the centre, alternately 0.2 and 0.4 (within 1σ): rule 4 at 7, 8 and 9.
    assert run_rules([0.2, 0.4] * 5, 0.0, 1.0) == [RuleViolation(4, (7, 8, 9))]
    # 7 rising points: rule 5 completed at 5 and again at 6.
    assert run_rules([-0.9, -0.6, -0.3, 0.0, 0.3, 0.6, 0.9], 0.0, 1.0) == [RuleViolation(5, (5, 6))]


def test_rule_2_and_3_report_only_points_inside_the_pattern() -> None:
    # 2.5, 2.6 then 0.1: the window 1–3 still holds 2 points beyond 2σ, but point 3 is not one of them.
    assert run_rules([0.1, 2.5, 2.6, 0.1], 0.0, 1.0) == [RuleViolation(2, (2,))]
    # Two sides do not add up: +2.5, −2.5 in one window is not "same side".
    assert run_rules([0.1, 2.5, -2.5, 0.1], 0.0, 1.0) == []


def test_boundaries_are_strict_and_the_centre_line_breaks_a_run() -> None:
    assert run_rules([3.0, -3.0, 0.1], 0.0, 1.0) == []  # exactly at 3σ is not beyond
    assert run_rules([0.1, 2.0, 2.0], 0.0, 1.0) == []  # exactly at 2σ is not beyond 2σ
    # 9 points, the 5th exactly on the centre line: no 8 on one side.
    assert run_rules([0.2, 0.4, 0.2, 0.4, 0.0, 0.4, 0.2, 0.4, 0.2], 0.0, 1.0) == []
    # A tie inside a rising run breaks it: −0.8 −0.5 −0.2 −0.2 0.1 0.4 0.7.
    assert run_rules([-0.8, -0.5, -0.2, -0.2, 0.1, 0.4, 0.7], 0.0, 1.0) == []


def test_several_rules_at_once_and_a_subset_of_rules() -> None:
    # 8 points above the centre, the last one beyond 3σ: rules 1 and 4, both at point 7 (the doctest case).
    points = [0.5, 0.2, 0.4, 0.1, 0.3, 0.6, 0.2, 3.5]
    assert run_rules(points, 0.0, 1.0) == [RuleViolation(1, (7,)), RuleViolation(4, (7,))]
    assert run_rules(points, 0.0, 1.0, rules=[4]) == [RuleViolation(4, (7,))]
    assert run_rules(points, 0.0, 1.0, rules=(2, 3, 5)) == []


def test_violation_names_and_plain_dict() -> None:
    violation = run_rules(SERIES[4][0], 0.0, 1.0)[0]
    rule, indices = violation  # a (rule, indices) pair
    assert (rule, indices) == (4, (8,))
    assert violation.name == RULE_NAMES[4] == "8 consecutive points on one side of the centre line"
    assert violation.to_dict() == {"rule": 4, "name": RULE_NAMES[4], "indices": [8]}
    assert sorted(RULE_NAMES) == [1, 2, 3, 4, 5]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"points": [0.1, 0.2], "center": 0.0, "sigma": 0.0}, r"sigma = 0.0: expected a positive finite number"),
        ({"points": [0.1, 0.2], "center": 0.0, "sigma": -1.0}, r"sigma = -1.0: expected a positive"),
        ({"points": [0.1, math.nan], "center": 0.0, "sigma": 1.0}, r"points\[1\] = nan: expected a finite number"),
        ({"points": [0.1, "x"], "center": 0.0, "sigma": 1.0}, r"points\[1\] = 'x': expected a finite number"),
        ({"points": "0.1", "center": 0.0, "sigma": 1.0}, r"points: expected a list of numbers"),
        ({"points": [0.1], "center": math.inf, "sigma": 1.0}, r"center = inf: expected a finite number"),
        ({"points": [0.1], "center": 0.0, "sigma": 1.0, "rules": [6]}, r"rule 6: expected a rule number 1–5"),
        ({"points": [0.1], "center": 0.0, "sigma": 1.0, "rules": [True]}, r"rule True: expected a rule number"),
    ],
)
def test_invalid_input(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(CalculationError, match=message):
        run_rules(**kwargs)  # type: ignore[arg-type]


def test_empty_and_short_series() -> None:
    assert run_rules([], 0.0, 1.0) == []
    assert run_rules([5.0], 0.0, 1.0) == [RuleViolation(1, (0,))]


# Values on a grid of 1/8 σ, shifts in whole σ and scales by powers of 2 keep the arithmetic exact.
GRID = st.lists(st.integers(-40, 40).map(lambda i: i / 8), max_size=40)


@settings(max_examples=200, deadline=None, database=None)
@given(GRID, st.integers(-1000, 1000), st.sampled_from([0.125, 0.5, 1.0, 4.0, 1024.0]))
def test_rules_depend_only_on_the_standardised_points(z: list[float], shift: int, scale: float) -> None:
    expected = run_rules(z, 0.0, 1.0)
    assert run_rules([shift + scale * v for v in z], float(shift), scale) == expected
    assert [i for i, v in enumerate(z) if abs(v) > 3] == next((list(v.indices) for v in expected if v.rule == 1), [])
