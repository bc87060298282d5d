"""Directional properties, everything else held fixed, compared as means over the same scenarios (CRN)."""

from __future__ import annotations

import numpy as np
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from ikm_curriculum.simulation import CASH_IN, CASH_OUT, REFERENCE_POLICY, Decisions, scenarios_from_seed, simulate
from ikm_curriculum.simulation.outputs import scenario_index

PROPERTY = settings(max_examples=60, deadline=None, database=None)  # no .hypothesis folder in the checkout
SCENARIOS = scenarios_from_seed(77, n=40)


@st.composite
def decisions(draw: st.DrawFn) -> Decisions:
    n = draw(st.integers(0, 200))
    return Decisions(
        production_plan=draw(st.floats(0.5, 1.5)),
        inspection_n=n,
        inspection_c=0 if n == 0 else draw(st.integers(0, min(n - 1, 10))),
        maintenance_interval_months=draw(st.integers(0, 12)),
        fee_level=draw(st.integers(0, 200_000)),
        enforcement=draw(st.sampled_from(["longgar", "sedang", "ketat"])),
        mentoring_visits=draw(st.integers(0, 4)),
        layout=draw(st.sampled_from("ABC")),
        certification=draw(st.frozensets(st.sampled_from(["pirt", "halal", "sni"]))),
        control_charts=draw(st.booleans()),
    )


def intensity(k: int) -> float:
    return 0.0 if k == 0 else 1.0 / k


@PROPERTY
@given(decisions(), st.integers(0, 12), st.integers(0, 12))
def test_more_maintenance_less_downtime(base: Decisions, k1: int, k2: int) -> None:
    assume(intensity(k1) != intensity(k2))
    more, less = sorted((k1, k2), key=intensity, reverse=True)
    a = simulate(base.replace(maintenance_interval_months=more), SCENARIOS)
    b = simulate(base.replace(maintenance_interval_months=less), SCENARIOS)
    assert a.downtime_hours.mean() <= b.downtime_hours.mean()
    assert a.failures.mean() <= b.failures.mean() and a.condition[:, -1].mean() >= b.condition[:, -1].mean()


@st.composite
def stricter_plans(draw: st.DrawFn) -> tuple[tuple[int, int], tuple[int, int]]:
    """(looser, stricter): a larger sample with the same c, a smaller c with the same n, or none → some."""
    n = draw(st.integers(1, 199))
    c = draw(st.integers(0, min(n - 1, 10)))
    how = draw(st.sampled_from(["bigger n", "smaller c", "from none"]))
    if how == "bigger n":
        return (n, c), (draw(st.integers(n + 1, 200)), c)
    if how == "smaller c" and c > 0:
        return (n, c), (n, draw(st.integers(0, c - 1)))
    return (0, 0), (n, c)


@PROPERTY
@given(decisions(), stricter_plans())
def test_stricter_inspection_fewer_escaped_defects_more_cost(base: Decisions, plans: tuple) -> None:
    (n1, c1), (n2, c2) = plans
    loose = simulate(base.replace(inspection_n=n1, inspection_c=c1), SCENARIOS)
    strict = simulate(base.replace(inspection_n=n2, inspection_c=c2), SCENARIOS)
    assert strict.defects_escaped.mean() <= loose.defects_escaped.mean()
    assert strict.cash_out["inspection"].mean() >= loose.cash_out["inspection"].mean()


def test_stricter_inspection_strictly_better_in_a_clear_case() -> None:
    # n = 0 (no inspection) against the reference plan n = 50, c = 1, all else the reference policy
    none = simulate(REFERENCE_POLICY.replace(inspection_n=0, inspection_c=0), SCENARIOS)
    plan = simulate(REFERENCE_POLICY, SCENARIOS)
    assert plan.defects_escaped.mean() < 0.6 * none.defects_escaped.mean()
    assert none.cash_out["inspection"].sum() == 0 < plan.cash_out["inspection"].sum()


@PROPERTY
@given(decisions())
def test_neglect_is_worse_than_the_reference_care(base: Decisions) -> None:
    # "no maintenance and no enforcement" against the reference policy's maintenance and enforcement
    neglect = simulate(base.replace(maintenance_interval_months=0, enforcement="longgar"), SCENARIOS)
    care = simulate(
        base.replace(
            maintenance_interval_months=REFERENCE_POLICY.maintenance_interval_months,
            enforcement=REFERENCE_POLICY.enforcement,
        ),
        SCENARIOS,
    )
    assert scenario_index(neglect).mean() < scenario_index(care).mean()


def test_reference_policy_beats_neglect_on_average() -> None:
    neglect = REFERENCE_POLICY.replace(maintenance_interval_months=0, enforcement="longgar")
    ref = scenario_index(simulate(REFERENCE_POLICY, SCENARIOS))
    bad = scenario_index(simulate(neglect, SCENARIOS))
    assert ref.mean() > bad.mean() + 2 and (ref > bad).mean() > 0.8


@PROPERTY
@given(decisions())
def test_cash_balances_every_month_for_any_decisions(d: Decisions) -> None:
    r = simulate(d, SCENARIOS)
    total = sum(r.cash_in[k] for k in CASH_IN) - sum(r.cash_out[k] for k in CASH_OUT)
    assert np.array_equal(r.cash_end, r.cash_begin + total)
    assert np.array_equal(r.cash_begin[:, 1:], r.cash_end[:, :-1])
