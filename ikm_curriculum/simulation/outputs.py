"""What a simulation run shows: the monthly table and the final KPI scorecard.

:func:`monthly_table` gives one row per month (one scenario, or the mean over scenarios) with short
Indonesian column keys; :data:`COLUMN_LABELS` maps each key to its bilingual label.

:func:`final_scorecard` scores each simulated quarter (months 1-3, 4-6, …) with the KPI set of the
mentoring module (:data:`ikm_curriculum.modules.mentoring.kpi.DEFAULT_KPIS`) where the simulation
measures the KPI:

=======================  ==============================================================================
KPI                      from the simulation, per quarter
=======================  ==============================================================================
machine_utilisation      hours used ÷ nominal hours × 100
active_members           members at the end of the quarter
production               kg produced (a quarter shorter than 3 months is scaled to 3 months)
sales                    members' sales in rupiah (scaled as production)
defect_rate              defects made (caught + escaped) ÷ kg produced × 100
certified_members        share of members with P-IRT / halal / SNI at the end of the quarter × 100
assets_good              asset condition (share in Baik) at the end of the quarter × 100
cash_balance             cash at the end of the quarter, an overdraft counted as 0
=======================  ==============================================================================

Each scenario's quarter index follows :func:`ikm_curriculum.modules.mentoring.scorecard.scorecard`
exactly (achievement = actual ÷ target, or target ÷ actual when lower is better; score capped at 1.2;
index = Σ weight × score × 100), computed for all scenarios at once with numpy. A scenario's index is the
mean of its quarters' indices; :attr:`SimulationScorecard.index` is the mean over scenarios — the number
the score uses. :attr:`SimulationScorecard.scorecard` is the mentoring module's own scorecard of the
average centre (KPI values averaged over the scenarios), for showing.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import numpy as np

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.mentoring.kpi import DEFAULT_KPIS, KpiSet
from ikm_curriculum.modules.mentoring.scorecard import ACHIEVEMENT_CAP, ScorecardResult, scorecard
from ikm_curriculum.modules.quality.commodities import Text
from ikm_curriculum.simulation.model import CASH_IN, CASH_OUT, SimulationResult

if TYPE_CHECKING:
    import pandas as pd

SIMULATED_KPIS: tuple[str, ...] = (
    "machine_utilisation", "active_members", "production", "sales", "defect_rate", "certified_members",
    "assets_good", "cash_balance",
)  # fmt: skip
"""KPI keys of the mentoring module that the simulation measures."""

_LINE_KEYS = {"fees": "iuran", "service": "jasa_mesin"} | {k: f"biaya_{k}" for k in CASH_OUT}
COLUMN_LABELS: Mapping[str, Text] = MappingProxyType(
    {
        "bulan": Text("Bulan ke-", "Month"),
        "periode": Text("Periode", "Period"),
        "permintaan": Text("Permintaan (kg)", "Demand (kg)"),
        "produksi": Text("Produksi (kg)", "Output (kg)"),
        "cacat_tertangkap": Text("Cacat tertangkap (kg)", "Defects caught (kg)"),
        "cacat_lolos": Text("Cacat lolos ke pembeli (kg)", "Defects escaped to buyers (kg)"),
        "terjual": Text("Terjual (kg)", "Sold (kg)"),
        "penjualan": Text("Penjualan anggota (Rp)", "Members' sales (Rp)"),
        "stok": Text("Stok akhir (kg)", "Closing stock (kg)"),
        "kerusakan": Text("Kerusakan mesin (kali)", "Machine failures"),
        "jam_henti": Text("Mesin berhenti (jam)", "Downtime (hours)"),
        "pemakaian_mesin": Text("Pemakaian mesin (%)", "Machine use (%)"),
        "kondisi_aset": Text("Aset kondisi baik (%)", "Assets in good condition (%)"),
        "kepuasan": Text("Kepuasan anggota (0-100)", "Member satisfaction (0-100)"),
        "anggota_aktif": Text("Anggota aktif", "Active members"),
        "reputasi": Text("Kepercayaan pembeli (%)", "Buyers' trust (%)"),
        "kas_awal": Text("Kas awal (Rp)", "Opening cash (Rp)"),
        "iuran": Text("Iuran anggota (Rp)", "Member fees (Rp)"),
        "jasa_mesin": Text("Sewa/jasa mesin (Rp)", "Machine service income (Rp)"),
        "pendapatan": Text("Total penerimaan (Rp)", "Total income (Rp)"),
        "biaya_operating": Text("Biaya operasional (Rp)", "Operating cost (Rp)"),
        "biaya_maintenance": Text("Biaya perawatan (Rp)", "Maintenance (Rp)"),
        "biaya_repairs": Text("Biaya perbaikan (Rp)", "Repairs (Rp)"),
        "biaya_inspection": Text("Biaya pemeriksaan mutu (Rp)", "Inspection (Rp)"),
        "biaya_handling": Text("Biaya angkut bahan (Rp)", "Material handling (Rp)"),
        "biaya_mentoring": Text("Biaya pendampingan (Rp)", "Mentoring (Rp)"),
        "biaya_control_charts": Text("Biaya peta kendali (Rp)", "Control charts (Rp)"),
        "biaya_enforcement": Text("Biaya penegakan tata tertib (Rp)", "Rule enforcement (Rp)"),
        "biaya_storage": Text("Biaya gudang (Rp)", "Storage (Rp)"),
        "biaya_certification": Text("Biaya sertifikasi (Rp)", "Certification (Rp)"),
        "biaya_layout_change": Text("Biaya pindah tata letak (Rp)", "Layout change (Rp)"),
        "biaya": Text("Total pengeluaran (Rp)", "Total costs (Rp)"),
        "kas_akhir": Text("Kas akhir (Rp)", "Closing cash (Rp)"),
    }
)
"""Column key of :func:`monthly_table` → label (Bahasa Indonesia, English), in column order."""


def _columns(r: SimulationResult) -> dict[str, np.ndarray]:
    cols = {
        "permintaan": r.demand, "produksi": r.output, "cacat_tertangkap": r.defects_caught,
        "cacat_lolos": r.defects_escaped, "terjual": r.sales_kg, "penjualan": r.sales_value, "stok": r.stock,
        "kerusakan": r.failures, "jam_henti": r.downtime_hours, "pemakaian_mesin": 100 * r.utilisation,
        "kondisi_aset": 100 * r.condition, "kepuasan": 100 * r.satisfaction, "anggota_aktif": r.members,
        "reputasi": 100 * r.reputation, "kas_awal": r.cash_begin,
    }  # fmt: skip
    cols |= {_LINE_KEYS[k]: r.cash_in[k] for k in CASH_IN} | {"pendapatan": r.income}
    cols |= {_LINE_KEYS[k]: r.cash_out[k] for k in CASH_OUT} | {"biaya": r.costs, "kas_akhir": r.cash_end}
    return cols


def _period(r: SimulationResult, t: int) -> str:
    month = r.params.start_month - 1 + t
    return f"{r.params.start_year + month // 12}-{month % 12 + 1:02d}"


def monthly_table(result: SimulationResult, scenario: int | None = None) -> pd.DataFrame:
    """One row per month: one ``scenario`` (0-based), or the mean over all scenarios when None.

    Columns are the keys of :data:`COLUMN_LABELS` (rename with ``{k: v.id for k, v in COLUMN_LABELS.items()}``
    for headers). Means are not rounded.

    >>> from ikm_curriculum.simulation import REFERENCE_POLICY, scenarios_from_seed, simulate
    >>> table = monthly_table(simulate(REFERENCE_POLICY, scenarios_from_seed(1, n=3)))
    >>> len(table), list(table.columns[:3]), table["periode"].iloc[0]
    (12, ['bulan', 'periode', 'permintaan'], '2027-01')
    """
    import pandas as pd

    if not isinstance(result, SimulationResult):
        raise CalculationError(f"result: expected a SimulationResult (see simulate), got {type(result)}")
    if scenario is not None and (isinstance(scenario, bool) or not 0 <= int(scenario) < result.n):
        raise CalculationError(f"scenario: expected a number 0-{result.n - 1} or None (mean), got {scenario!r}")
    pick = (lambda a: a.mean(axis=0)) if scenario is None else (lambda a: a[int(scenario)])
    data: dict[str, Any] = {"bulan": np.arange(1, result.months + 1)}
    data["periode"] = [_period(result, t) for t in range(result.months)]
    data |= {k: pick(v) for k, v in _columns(result).items()}
    return pd.DataFrame(data, columns=list(COLUMN_LABELS))


def quarter_blocks(months: int) -> list[range]:
    """Months (0-based) of each simulated quarter: blocks of 3, the last one possibly shorter.

    >>> quarter_blocks(7)
    [range(0, 3), range(3, 6), range(6, 7)]
    """
    return [range(s, min(s + 3, months)) for s in range(0, months, 3)]


def quarter_labels(result: SimulationResult) -> list[str]:
    """Labels 'YYYY-Qn' of the simulated quarters, counted from ``start_year`` Q1 (for the scorecard)."""
    return [f"{result.params.start_year + q // 4}-Q{q % 4 + 1}" for q in range(len(quarter_blocks(result.months)))]


def quarter_kpis(result: SimulationResult) -> dict[str, np.ndarray]:
    """KPI values per scenario and quarter, shape (scenarios, quarters); NaN where a KPI has no value."""
    blocks = quarter_blocks(result.months)
    last = [b[-1] for b in blocks]

    def total(a: np.ndarray) -> np.ndarray:
        return np.stack([a[:, b.start : b.stop].sum(axis=1) * (3 / len(b)) for b in blocks], axis=1)

    made = total(result.output)
    defects = total(result.defects)
    rate = np.full(made.shape, np.nan)
    np.divide(100.0 * defects, made, out=rate, where=made > 0)
    return {
        "machine_utilisation": 100.0 * total(result.hours_used) / (3 * result.hours_nominal),
        "active_members": result.members[:, last].astype(np.float64),
        "production": made,
        "sales": total(result.sales_value),
        "defect_rate": rate,
        "certified_members": 100.0 * result.certified_share[:, last],
        "assets_good": 100.0 * result.condition[:, last],
        "cash_balance": np.maximum(0, result.cash_end[:, last]).astype(np.float64),
    }


def kpi_index(
    values: Mapping[str, np.ndarray], kpis: KpiSet = DEFAULT_KPIS, cap: float = ACHIEVEMENT_CAP
) -> np.ndarray:
    """The mentoring scorecard's weighted index for arrays of KPI values (NaN or absent = no data).

    Same formula as :func:`ikm_curriculum.modules.mentoring.scorecard.scorecard`: weights of the KPIs
    with data renormalised to 1; index = Σ 100 × weight × min(achievement, cap).
    """
    shape = np.shape(next(iter(values.values())))
    weight_sum = np.zeros(shape)
    points = np.zeros(shape)
    for kpi in kpis.kpis:
        actual = values.get(kpi.key)
        if actual is None or kpi.weight <= 0:
            continue
        has = ~np.isnan(actual)
        safe = np.where(has, actual, 1.0)
        if kpi.direction == "higher":
            achievement = safe / kpi.target
        else:
            achievement = np.where(safe == 0, cap, kpi.target / np.where(safe == 0, 1.0, safe))
        weight_sum = weight_sum + np.where(has, kpi.weight, 0.0)
        points = points + np.where(has, kpi.weight * np.minimum(achievement, cap), 0.0)
    if bool((weight_sum <= 0).any()):
        raise CalculationError("kpis: none of the KPIs with weight > 0 is measured by the simulation")
    return 100.0 * points / weight_sum


@dataclass(frozen=True, eq=False)
class SimulationScorecard:
    """Final scorecard of a run: the mentoring scorecard of the average centre and the score's index.

    ``index`` = mean over scenarios of ``index_by_scenario`` (each the mean of its quarters'
    ``quarter_index``); ``kpi_values`` are the KPI means over scenarios, per quarter.
    """

    scorecard: ScorecardResult
    index: float
    index_by_scenario: np.ndarray
    quarter_index: np.ndarray
    kpi_values: Mapping[str, tuple[float, ...]]

    def to_dict(self) -> dict[str, Any]:
        """Plain values (the scorecard as the mentoring module's ``to_dict``)."""
        return {
            "index": self.index, "index_by_scenario": [float(x) for x in self.index_by_scenario],
            "quarter_index": [[float(x) for x in row] for row in self.quarter_index],
            "kpi_values": {k: list(v) for k, v in self.kpi_values.items()}, "scorecard": self.scorecard.to_dict(),
        }  # fmt: skip


def scenario_index(result: SimulationResult, kpis: KpiSet = DEFAULT_KPIS) -> np.ndarray:
    """Each scenario's index: the mean over quarters of the quarter's KPI index, shape (scenarios,)."""
    quarters = kpi_index(quarter_kpis(result), kpis)
    return quarters.mean(axis=1)


def final_scorecard(
    result: SimulationResult, kpis: KpiSet = DEFAULT_KPIS, scenario: int | None = None
) -> SimulationScorecard:
    """KPI scorecard of every simulated quarter (all scenarios, or one ``scenario``) and the index.

    >>> from ikm_curriculum.simulation import REFERENCE_POLICY, scenarios_from_seed, simulate
    >>> card = final_scorecard(simulate(REFERENCE_POLICY, scenarios_from_seed(1, n=3)))
    >>> [q.quarter for q in card.scorecard.quarters], 50 < card.index < 120
    (['2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4'], True)
    """
    if not isinstance(result, SimulationResult):
        raise CalculationError(f"result: expected a SimulationResult (see simulate), got {type(result)}")
    if not isinstance(kpis, KpiSet):
        raise CalculationError(f"kpis: expected a KpiSet, got {type(kpis)}")
    values = quarter_kpis(result)
    if scenario is not None:
        if isinstance(scenario, bool) or not 0 <= int(scenario) < result.n:
            raise CalculationError(f"scenario: expected a number 0-{result.n - 1} or None, got {scenario!r}")
        values = {k: v[[int(scenario)]] for k, v in values.items()}
    quarter_index = kpi_index(values, kpis)
    by_scenario = quarter_index.mean(axis=1)
    means = {k: tuple(float(x) for x in _nanmean(v)) for k, v in values.items() if k in kpis.keys}
    data = {
        label: {k: (None if math.isnan(v[q]) else v[q]) for k, v in means.items()}
        for q, label in enumerate(quarter_labels(result))
    }
    card = scorecard(data, kpis)
    index = math.fsum(float(x) for x in by_scenario) / len(by_scenario)
    return SimulationScorecard(card, index, by_scenario, quarter_index, MappingProxyType(means))


def _nanmean(a: np.ndarray) -> np.ndarray:
    has = ~np.isnan(a)
    count = has.sum(axis=0)
    total = np.where(has, a, 0.0).sum(axis=0)
    return np.where(count > 0, total / np.maximum(count, 1), np.nan)
