"""The model: OC formula as the quality module's, exact cash book, determinism, bookkeeping identities."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys

import numpy as np
import pytest

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.quality.sampling import oc_curve
from ikm_curriculum.simulation import (
    CASH_IN,
    CASH_OUT,
    DEFAULT_PARAMETERS,
    REFERENCE_POLICY,
    acceptance_probability,
    final_scorecard,
    scenarios_from_seed,
    simulate,
)

SCENARIOS = scenarios_from_seed(2027, n=20)
ARRAYS = (
    "forecast", "demand", "planned", "output", "defect_fraction", "acceptance", "defects", "defects_caught",
    "defects_escaped", "packs_inspected", "sales_kg", "sales_value", "lost_sales", "stock", "failures",
    "downtime_hours", "hours_used", "condition", "productivity", "reputation", "satisfaction", "members",
    "certified_share", "cash_begin", "cash_end",
)  # fmt: skip


def digest(result) -> str:  # type: ignore[no-untyped-def]
    """SHA-256 of every array of a result, in a fixed order (bit-for-bit identity)."""
    h = hashlib.sha256()
    for key in ARRAYS:
        h.update(np.ascontiguousarray(getattr(result, key)).tobytes())
    for lines in (result.cash_in, result.cash_out):
        for key in sorted(lines):
            h.update(np.ascontiguousarray(lines[key]).tobytes())
    return h.hexdigest()


@pytest.mark.parametrize(("n", "c"), [(1, 0), (2, 1), (5, 0), (13, 1), (20, 3), (50, 1), (80, 2), (125, 10), (200, 0),
                                      (200, 5), (200, 199)])  # fmt: skip
def test_acceptance_probability_equals_quality_oc_curve(n: int, c: int) -> None:
    p = np.linspace(0.0, 0.5, 51)  # the model caps the fraction defective at 0.5 (defect_rate_max)
    expected = np.array(oc_curve(n, c, p.tolist()).probabilities)
    assert np.allclose(acceptance_probability(n, c, p), expected, rtol=1e-9, atol=1e-15)


def test_acceptance_probability_edges() -> None:
    assert acceptance_probability(0, 0, np.array([0.3])).tolist() == [1.0]  # no inspection: every lot passes
    with pytest.raises(CalculationError):
        acceptance_probability(10, 10, np.array([0.1]))
    with pytest.raises(CalculationError):
        acceptance_probability(10, 1, np.array([1.0]))


@pytest.mark.parametrize("decisions", [REFERENCE_POLICY, REFERENCE_POLICY.replace(
    production_plan=1.5, inspection_n=0, inspection_c=0, maintenance_interval_months=0, fee_level=200_000,
    enforcement="longgar", mentoring_visits=4, layout="C", certification=["pirt", "halal", "sni"],
    control_charts=False)])  # fmt: skip
def test_cash_book_balances_every_month(decisions) -> None:  # type: ignore[no-untyped-def]
    r = simulate(decisions, SCENARIOS)
    total_in = sum(r.cash_in[k] for k in CASH_IN)
    total_out = sum(r.cash_out[k] for k in CASH_OUT)
    assert r.cash_end.dtype == np.int64 and all(
        v.dtype == np.int64 for v in (*r.cash_in.values(), *r.cash_out.values())
    )
    assert np.array_equal(r.cash_end, r.cash_begin + total_in - total_out)
    assert np.array_equal(r.cash_begin[:, 1:], r.cash_end[:, :-1])
    assert (r.cash_begin[:, 0] == DEFAULT_PARAMETERS.cash_start).all()


def test_same_inputs_identical_results() -> None:
    first = simulate(REFERENCE_POLICY, scenarios_from_seed(31, n=10))
    second = simulate(REFERENCE_POLICY, scenarios_from_seed(31, n=10))
    assert digest(first) == digest(second)
    other = simulate(REFERENCE_POLICY, scenarios_from_seed(32, n=10))
    assert digest(first) != digest(other)


def test_identical_in_a_fresh_interpreter_with_another_hash_seed() -> None:
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); from test_simulation_model import digest;"
        "from ikm_curriculum.simulation import REFERENCE_POLICY, scenarios_from_seed, simulate;"
        "print(digest(simulate(REFERENCE_POLICY, scenarios_from_seed(31, n=10))))"
    )
    env = os.environ | {"PYTHONHASHSEED": "12345"}
    here = os.path.dirname(__file__)
    done = subprocess.run([sys.executable, "-c", code, here], capture_output=True, text=True, env=env, check=True)
    assert done.stdout.strip() == digest(simulate(REFERENCE_POLICY, scenarios_from_seed(31, n=10)))


def test_recorded_index_of_the_reference_policy() -> None:
    # Recorded on the development machine when the model was calibrated (seed 2027, 20 scenarios); the model
    # uses exact IEEE arithmetic only, so another machine must reproduce it. A change of the model or of
    # DEFAULT_PARAMETERS changes it on purpose: record the new value and say why in the commit.
    assert final_scorecard(simulate(REFERENCE_POLICY, SCENARIOS)).index == RECORDED_INDEX


RECORDED_INDEX = 105.13829033116406


def test_quantities_are_consistent() -> None:
    r = simulate(REFERENCE_POLICY, SCENARIOS)
    assert np.allclose(r.defects_caught + r.defects_escaped, r.defects)
    assert (r.defects_caught >= -1e-9).all() and (r.defects_escaped >= 0).all()
    assert (r.output <= r.planned + 1e-9).all() and (r.hours_used <= r.hours_nominal + 1e-9).all()
    assert (r.sales_kg <= r.demand + 1e-9).all() and np.allclose(r.lost_sales, r.demand - r.sales_kg)
    assert ((0 <= r.condition) & (r.condition <= 1)).all() and ((0 <= r.members) & (r.members <= 30)).all()
    assert ((0 <= r.satisfaction) & (r.satisfaction <= 1)).all() and (r.reputation >= 0.5).all()
    # certificates: P-IRT in force from month 2 (cert_lead_months), covering 70 % of the uncovered members
    assert r.certified_share[0, 1] == pytest.approx(0.3) and r.certified_share[0, 2] == pytest.approx(1 - 0.7 * 0.3)
    assert (
        r.cash_out["certification"][:, 0].tolist() == [2_500_000] * 20
        and (r.cash_out["certification"][:, 1:] == 0).all()
    )


def test_scenarios_must_match_the_parameters() -> None:
    from dataclasses import replace

    bigger = replace(DEFAULT_PARAMETERS, machines=6)
    with pytest.raises(CalculationError, match="6"):
        simulate(REFERENCE_POLICY, SCENARIOS, bigger)
    assert simulate(REFERENCE_POLICY, scenarios_from_seed(1, n=2, params=bigger), bigger).failures.shape == (2, 12)
    with pytest.raises(CalculationError, match="Decisions"):
        simulate(REFERENCE_POLICY.to_dict(), SCENARIOS)  # type: ignore[arg-type]
