"""Monthly table and final scorecard; the vectorised KPI index equals the mentoring module's scorecard."""

from __future__ import annotations

import numpy as np
import pytest

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.mentoring.kpi import DEFAULT_KPIS
from ikm_curriculum.modules.mentoring.scorecard import scorecard
from ikm_curriculum.simulation import (
    COLUMN_LABELS,
    REFERENCE_POLICY,
    SIMULATED_KPIS,
    final_scorecard,
    monthly_table,
    quarter_kpis,
    scenarios_from_seed,
    simulate,
)
from ikm_curriculum.simulation.outputs import kpi_index, quarter_blocks

RESULT = simulate(REFERENCE_POLICY, scenarios_from_seed(11, n=8))


def test_monthly_table_columns_and_labels() -> None:
    table = monthly_table(RESULT)
    assert list(table.columns) == list(COLUMN_LABELS)
    assert all(label.id and label.en for label in COLUMN_LABELS.values())
    assert table["bulan"].tolist() == list(range(1, 13)) and table["periode"].iloc[-1] == "2027-12"
    assert table["produksi"].to_numpy() == pytest.approx(RESULT.output.mean(axis=0))
    assert table["kas_akhir"].to_numpy() == pytest.approx(RESULT.cash_end.mean(axis=0))


def test_monthly_table_of_one_scenario_balances() -> None:
    one = monthly_table(RESULT, scenario=3)
    assert one["cacat_lolos"].tolist() == RESULT.defects_escaped[3].tolist()
    assert (one["kas_awal"] + one["pendapatan"] - one["biaya"] == one["kas_akhir"]).all()
    with pytest.raises(CalculationError, match="scenario"):
        monthly_table(RESULT, scenario=8)


def test_quarter_kpis_by_hand() -> None:
    q = quarter_kpis(RESULT)
    assert set(q) == set(SIMULATED_KPIS) and set(SIMULATED_KPIS) <= set(DEFAULT_KPIS.keys)
    assert q["production"][0, 1] == pytest.approx(RESULT.output[0, 3:6].sum())
    assert q["defect_rate"][2, 0] == pytest.approx(100 * RESULT.defects[2, :3].sum() / RESULT.output[2, :3].sum())
    assert q["active_members"][1, 3] == RESULT.members[1, 11]
    assert q["assets_good"][0, 0] == pytest.approx(100 * RESULT.condition[0, 2])
    assert quarter_blocks(12) == [range(0, 3), range(3, 6), range(6, 9), range(9, 12)]


def test_vectorised_index_equals_mentoring_scorecard_for_each_scenario() -> None:
    card = final_scorecard(RESULT)
    values = quarter_kpis(RESULT)
    for s in range(RESULT.n):
        data = {f"2027-Q{q + 1}": {k: float(v[s, q]) for k, v in values.items()} for q in range(4)}
        expected = [quarter.index for quarter in scorecard(data).quarters]
        assert card.quarter_index[s] == pytest.approx(expected, rel=1e-12)
        one = final_scorecard(RESULT, scenario=s)
        assert [q.index for q in one.scorecard.quarters] == pytest.approx(expected, rel=1e-12)
    assert card.index == pytest.approx(card.quarter_index.mean(), rel=1e-12)
    assert [q.quarter for q in card.scorecard.quarters] == ["2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4"]


def test_custom_kpi_set_and_missing_values_follow_the_mentoring_rules() -> None:
    only_two = DEFAULT_KPIS.with_changes(weights={k: 0 for k in DEFAULT_KPIS.keys} | {"sales": 1, "defect_rate": 3})
    values = {"sales": np.array([[300e6, 150e6]]), "defect_rate": np.array([[6.0, np.nan]])}
    # hand-computed: Q1 (1.0 × 1 + 0.5 × 3) / 4 × 100 = 62.5; Q2 defect rate missing → sales alone: 50
    assert kpi_index(values, only_two).tolist() == [[62.5, 50.0]]
    card = scorecard({"2026-Q1": {"sales": 300e6, "defect_rate": 6.0}, "2026-Q2": {"sales": 150e6}}, only_two)
    assert [q.index for q in card.quarters] == pytest.approx([62.5, 50.0])


def test_short_horizon_scales_flows_to_a_quarter() -> None:
    short = simulate(REFERENCE_POLICY, scenarios_from_seed(11, n=2, months=4))
    q = quarter_kpis(short)
    assert q["production"].shape == (2, 2) and q["production"][0, 1] == pytest.approx(3 * short.output[0, 3])
    assert final_scorecard(short).to_dict()["scorecard"]["quarters"][1]["quarter"] == "2027-Q2"
