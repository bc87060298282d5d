"""Every number of the sentra simulation, and the one place that describes every mechanism.

The simulated centre is a fictional fish-floss (*abon ikan*) centre in Kendari: member businesses share
the machines of a UPT (shared technical service unit) run by the centre's manager, who is the participant.
All numbers are TEACHING values (not survey data, not a regulation — check): each field of
:class:`ModelParameters` carries its unit and why it has that value (``parameter_table()`` lists them).

Notation: month t = 0, 1, …; M = ``machines``; H = ``working_days`` × ``shift_hours`` (hours per machine
per month); m = 1 / ``maintenance_interval_months`` (0 when never); e = enforcement level (0 longgar,
1 sedang, 2 ketat); v = ``mentoring_visits``; L = layout (A, B, C); u = the scenario's pre-drawn uniforms
in [0, 1) and z its bell-shaped noise (mean 0, sd 1, |z| ≤ 3), see :mod:`.scenarios`. A month runs the
steps below in this order; state carries to the next month, starting from C_0 = condition_start, P_0 = 1,
R_0 = 1, S_0 = satisfaction_start, N_0 = members_start, no stock and cash_start; quarters for the KPI
scorecard are labelled from start_year.

1. **Demand** (*permintaan*, kg). Calendar month cal(t) = (start_month − 1 + t) mod 12. The forecast the
   manager knows in advance is F_t = base_demand_kg × seasonality[cal(t)] × Π cert_demand_uplift (over
   certificates already in force). Actual demand D_t = F_t × R_t × max(0, 1 + member_demand_elasticity ×
   (N_t / reference_members − 1)) × max(0.05, 1 + demand_noise_sd × z): reputation R (step 5) and the
   members, who bring their own buyers, move it; the season peaks before Lebaran (food) and in the holidays.
2. **Output** (*produksi*). Handling share of layout L: h = layout_flow_distance[L] / handling_speed_m_per_min
   / (60 × shift_hours), the share of the operator's day spent moving material (the from-to chart is a day
   at base output). Rate r_t = machine_rate_kg_per_hour × P_t × (1 − h). Plan = max(0, production_plan ×
   F_t − stock_t): produce up to the forecast times the chosen level, less what is in store (a level above
   1 keeps a safety stock). Scheduled hours W_t = min(plan / r_t, M H); used hours U_t = min(plan / r_t,
   M H − downtime_t); output Q_t = U_t × r_t; machine use (KPI) = U_t / (M H). Members do not limit output.
3. **Failures** (*kerusakan mesin*). λ_t = failure_rate_base × (1 + failure_condition_slope × (1 − C_t))
   × (1 − maintenance_failure_cut × m) × enforcement_misuse[e] per machine-month (Heizer & Render,
   *Operations Management*, maintenance and reliability: preventive maintenance lowers the breakdown
   rate; worn equipment fails more). Failures of machine j: a geometric count with mean λ,
   #{k = 1 … max_failures_per_machine : u_j < ρ^k}, ρ = λ / (1 + λ). Downtime_j = min(H, failures_j ×
   repair_hours × (0.5 + u'_j)). Preventive maintenance is done outside shift hours (no downtime).
4. **Asset condition** (*kondisi aset*). C is read as the share of the centre's equipment in condition
   Baik. C_{t+1} = clip(C_t − decay_age − decay_use × W_t / (M H) − decay_failure × failures_t / M
   + m × maintenance_restore × (1 − C_t), condition_floor, 1). Wear is charged on scheduled hours, so a
   breakdown never "saves" wear: more maintenance then means fewer breakdowns in each scenario, but for a
   faint feedback (less downtime → more satisfied members → more demand → less stock → a bigger plan).
5. **Quality** (*mutu*). Process fraction defective p_t = min(defect_rate_max, defect_rate_base ×
   (control_chart_factor if charts are used) × enforcement_hygiene[e] × (1 − training_defect_cut ×
   (P_t − 1) / (productivity_max − 1)) × (1 + defect_condition_slope × (1 − C_t)) × Π cert_defect_factor
   × max(0.2, 1 + defect_noise_sd × z')). One lot per working day of N = Q_t / pack_kg / working_days
   packs; sample n' = min(n, N). Probability of acceptance Pa = Σ_{d ≤ c} C(n, d) p^d (1 − p)^(n − d)
   (binomial OC, Montgomery, *Introduction to Statistical Quality Control*, ch. 15, as
   :func:`ikm_curriculum.modules.quality.sampling.oc_curve`; n = 0 means no inspection, Pa = 1). Rejected
   lots are screened 100 % (rectifying inspection): escaped = Q p Pa (N − n') / N (Q × AOQ), caught =
   Q p − escaped; packs inspected per lot ATI = n' + (1 − Pa)(N − n'). Reputation R_{t+1} = clip(R_t +
   reputation_recovery × (1 − R_t) − reputation_penalty × escaped / Q, reputation_floor, 1).
6. **Sales and stock**. Available = stock + Q − caught (caught defects are scrapped); sold = min(available,
   D); stock_{t+1} = (available − sold) × (1 − spoilage_rate); sales value = sold × price_per_kg ×
   Π cert_price_uplift (members' sales, the KPI *penjualan*, not the centre's cash).
7. **Mentoring** (*pendampingan*). Productivity P_{t+1} = P_t + learning_per_visit × v × (productivity_max −
   P_t) − forgetting × (P_t − 1), from P_0 = 1: a learning curve toward a ceiling that fades without visits.
8. **Members** (*anggota*). Target satisfaction S* = satisfaction_base + enforcement_fairness[e] +
   mentoring_satisfaction × v − fee_sensitivity × fee / 100 000 − fee_excess_sensitivity × max(0, fee −
   fair_fee) / 100 000 − downtime_sensitivity × downtime_t / (M H) − waste_sensitivity × spoiled_t / Q_t
   (spoiled_t = unsold stock × spoilage_rate: members paid for it); S_t = clip(S_{t−1} +
   satisfaction_adjust × (S* − S_{t−1}), 0, 1). Each of the N_t members leaves if its uniform < leave_base +
   leave_slope × max(0, leave_threshold − S_t); each of the member_slots − N_t open places fills if its
   uniform < join_slope × max(0, S_t − join_threshold). Share of members with P-IRT / halal / SNI =
   1 − (1 − certified_share_start) × Π (1 − cert_coverage) over certificates in force.
9. **Certification** (P-IRT, halal, SNI; DOMAIN.md): cert_cost is paid in month 0, the certificate is in
   force from month cert_lead_months on (uplifts and coverage above).
10. **Cash** (*buku kas*, whole rupiah, each line rounded). In: fees = N_t × fee × enforcement_compliance[e];
   service = Q × service_fee_per_kg. Out: operating = fixed_cost + energy_cost_per_kg × Q; maintenance =
   M × maintenance_cost_per_service × m; repairs = failures × repair_cost; inspection = working_days × ATI ×
   inspection_cost_per_item; handling = Q × layout_flow_distance[L] / handling_speed_m_per_min / (base_demand_kg /
   working_days) × handling_wage_per_hour / 60 (minutes of handling per kg at base output, paid);
   mentoring = v × mentoring_cost_per_visit; control_chart_cost; enforcement_cost[e]; storage =
   stock_{t+1} × storage_cost_per_kg; certification and layout_change_cost[L] in month 0.
   cash_end = cash_begin + Σ in − Σ out, cash_begin_0 = cash_start (may go below 0: an overdraft).

Determinism: the model uses only +, −, ×, ÷, min, max, comparisons and rounding on IEEE-754 doubles, and
the scenarios are raw PCG64 output (no exp, log or library normal draws), so the same decisions and seed
give bit-identical results on any machine.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields
from typing import Any

from ikm_curriculum.errors import CalculationError

_T = "Teaching value (check)"


def _p(value: Any, unit: str, why: str) -> Any:
    return field(default=value, metadata={"unit": unit, "why": why})


@dataclass(frozen=True)
class ModelParameters:
    """Every number of the simulation (module docstring: the mechanisms; metadata: unit and why)."""

    # calendar
    start_year: int = _p(2027, "year", "Labels of the quarters; the seasonality below is for 2027.")
    start_month: int = _p(1, "month 1-12", "The simulation starts in January.")
    working_days: int = _p(22, "days/month", "Five working days a week (~21.7 a month), rounded; one lot per day.")
    shift_hours: float = _p(8.0, "h/day", "One shift, as in most small centres (teaching value).")
    # demand
    base_demand_kg: float = _p(1300.0, "kg/month", f"{_T}: ~4,000 kg a quarter, the production target of KPI set.")
    seasonality: tuple[float, ...] = _p(
        (0.90, 1.20, 1.30, 0.80, 0.90, 1.00, 1.10, 0.95, 0.90, 0.90, 0.95, 1.10),
        "× base, Jan-Dec",
        f"{_T}, mean 1: Ramadan ~8 Feb-9 Mar 2027 and Lebaran ~10 Mar 2027 (hampers, gifts for going home) "
        "lift Feb-Mar, April dips after Lebaran; school holidays (Jul) and year end (Dec) bring visitors. "
        "Ramadan moves ~11 days earlier each year: shift the peak for another year.",
    )
    demand_noise_sd: float = _p(0.15, "sd of factor", f"{_T}: month-to-month orders vary by about ±15 %.")
    member_demand_elasticity: float = _p(0.5, "-", f"{_T}: members bring their own buyers; half of them stay.")
    reference_members: int = _p(20, "members", "Members at which demand is base_demand_kg; the KPI target.")
    price_per_kg: float = _p(75_000.0, "Rp/kg", f"{_T} ex-centre price, so the KPI sales target is reachable.")
    # machines and layout
    machines: int = _p(4, "machines", "Bottleneck machines of the UPT (fryers, spinner), teaching value.")
    machine_rate_kg_per_hour: float = _p(2.5, "kg/h", f"{_T}: nominal 4×176×2.5 = 1,760 kg, tight at Ramadan.")
    layout_flow_distance: tuple[float, float, float] = _p(
        (408.0, 600.0, 832.0),
        "trip-m/day (A, B, C)",
        "Flow × distance of the generic centre's from-to chart on a 2×4 grid of 8 m rooms, from the facility "
        "module (layouts.derive_layout_flow_distance; Tompkins, Facilities Planning, ch. 6).",
    )
    layout_change_cost: tuple[int, int, int] = _p(
        (1_500_000, 750_000, 0), "Rp (A, B, C)", f"{_T}: moving machines and wiring; C is the current layout."
    )
    handling_speed_m_per_min: float = _p(10.0, "m/min", f"{_T}: loaded trolley, with loading and waiting.")
    handling_wage_per_hour: float = _p(15_000.0, "Rp/h", f"{_T}: helper's wage near Kendari's minimum wage.")
    # failures and condition
    failure_rate_base: float = _p(0.08, "failures/machine-month", f"{_T}: a good machine breaks about once a year.")
    failure_condition_slope: float = _p(6.0, "-", f"{_T}: at 50 % in Baik a machine fails 4× as often.")
    maintenance_failure_cut: float = _p(0.5, "-", f"{_T}: monthly service halves breakdowns (Heizer & Render).")
    max_failures_per_machine: int = _p(4, "failures", "Cap of the geometric count; more is not plausible.")
    repair_hours: float = _p(24.0, "h", f"{_T}: three shifts; spare parts often come from Makassar.")
    repair_cost: int = _p(750_000, "Rp/failure", f"{_T}: parts and technician.")
    condition_start: float = _p(0.85, "share in Baik", f"{_T}: below the 90 % KPI target at the start.")
    condition_floor: float = _p(0.05, "share", "Condition never reaches 0 (some items are always usable).")
    decay_age: float = _p(0.005, "/month", f"{_T}: ageing even when idle.")
    decay_use: float = _p(0.025, "/month at full load", f"{_T}: wear grows with the hours scheduled.")
    decay_failure: float = _p(0.02, "per failure per machine", f"{_T}: a breakdown damages other parts too.")
    maintenance_restore: float = _p(0.5, "-", f"{_T}: a service restores half of the lost condition.")
    maintenance_cost_per_service: int = _p(400_000, "Rp/machine", f"{_T}: oil, belts, seals, technician.")
    # quality
    defect_rate_base: float = _p(0.04, "fraction", f"{_T}: 4 % defective packs without any quality practice.")
    defect_noise_sd: float = _p(0.25, "sd of factor", f"{_T}: raw fish quality varies month to month.")
    defect_condition_slope: float = _p(1.0, "-", f"{_T}: worn machines (uneven frying, leaky seals) add defects.")
    defect_rate_max: float = _p(0.5, "fraction", "Cap; keeps the OC formula in its range.")
    control_chart_factor: float = _p(0.75, "-", f"{_T}: a p-chart finds causes early (Montgomery, ch. 5-7).")
    control_chart_cost: int = _p(150_000, "Rp/month", f"{_T}: forms and the QC officer's time.")
    training_defect_cut: float = _p(0.3, "-", f"{_T}: fully trained members make 30 % fewer defects.")
    pack_kg: float = _p(0.25, "kg/pack", "The 250 g pack of the abon centre (facility module); the sample unit.")
    inspection_cost_per_item: int = _p(200, "Rp/pack", f"{_T}: weighing, seal and label check, under a minute.")
    reputation_penalty: float = _p(1.5, "per unit AOQ", f"{_T}: 2 % defects reaching buyers cost 3 % demand.")
    reputation_recovery: float = _p(0.4, "/month", f"{_T}: buyers forget 40 % of the harm each month.")
    reputation_floor: float = _p(0.5, "-", "Loyal buyers stay; demand never falls below half.")
    spoilage_rate: float = _p(0.10, "/month", f"{_T}: stock loses crispness and must be discounted or discarded.")
    storage_cost_per_kg: int = _p(300, "Rp/kg-month", f"{_T}: store space and electricity.")
    # enforcement (longgar, sedang, ketat)
    enforcement_misuse: tuple[float, float, float] = _p(
        (1.5, 1.2, 1.0), "× failure rate", f"{_T}: untrained users and overloading break machines."
    )
    enforcement_compliance: tuple[float, float, float] = _p(
        (0.70, 0.85, 0.95), "share of fees paid", f"{_T}: arrears fall when sanctions are applied."
    )
    enforcement_fairness: tuple[float, float, float] = _p(
        (-0.06, 0.03, 0.0), "satisfaction", f"{_T}: free riders annoy; strict sanctions annoy some too."
    )
    enforcement_hygiene: tuple[float, float, float] = _p(
        (1.10, 1.00, 0.95), "× defect rate", f"{_T}: cleaning rules kept or not (CPPB-IRT sanitation)."
    )
    enforcement_cost: tuple[int, int, int] = _p(
        (0, 100_000, 200_000), "Rp/month", f"{_T}: checking logs, meetings, warning letters."
    )
    # members and satisfaction
    members_start: int = _p(20, "members", "The KPI target of active members.")
    member_slots: int = _p(30, "members", f"{_T}: places in the centre (rooms, machine time).")
    satisfaction_start: float = _p(0.70, "0-1", f"{_T}.")
    satisfaction_base: float = _p(0.72, "0-1", f"{_T}: satisfaction with no fee, no sanctions, no mentoring.")
    satisfaction_adjust: float = _p(0.5, "/month", f"{_T}: half the gap to the target closes each month.")
    fee_sensitivity: float = _p(0.05, "per Rp 100,000", f"{_T}: any fee is felt a little.")
    fair_fee: int = _p(75_000, "Rp/month", f"{_T}: what members call fair for machine access.")
    fee_excess_sensitivity: float = _p(0.40, "per Rp 100,000", f"{_T}: above the fair fee members object.")
    waste_sensitivity: float = _p(4.0, "per unit", f"{_T}: members paid for stock that spoiled; 5 % of output → −0.2.")
    downtime_sensitivity: float = _p(1.5, "per unit", f"{_T}: 10 % of machine time lost → −0.15.")
    mentoring_satisfaction: float = _p(0.02, "per visit", f"{_T}: members value the attention.")
    leave_base: float = _p(0.005, "/month", f"{_T}: members leave for other reasons too.")
    leave_threshold: float = _p(0.6, "0-1", f"{_T}: below this satisfaction members start to leave.")
    leave_slope: float = _p(0.5, "-", f"{_T}: at satisfaction 0.4, 10 % more leave each month.")
    join_threshold: float = _p(0.65, "0-1", f"{_T}: above this, word of mouth brings new members.")
    join_slope: float = _p(0.15, "-", f"{_T}.")
    # mentoring
    mentoring_cost_per_visit: int = _p(
        150_000, "Rp/visit", f"{_T}: the centre's share (meals, transport); non-physical DAK pays the mentor."
    )
    productivity_max: float = _p(1.25, "×", f"{_T}: trained members prepare batches 25 % faster at most.")
    learning_per_visit: float = _p(0.06, "/visit", f"{_T}: learning curve toward the ceiling.")
    forgetting: float = _p(0.02, "/month", f"{_T}: skills fade without visits.")
    # certification (pirt, halal, sni)
    cert_cost: tuple[int, int, int] = _p(
        (2_500_000, 4_000_000, 30_000_000),
        "Rp one-off",
        f"{_T}: PKP counselling; halal regular path for some members (self-declare is free); SPPT-SNI audit "
        "and product testing. Fees change: check.",
    )
    cert_lead_months: tuple[int, int, int] = _p((2, 3, 6), "months", f"{_T}: time to the certificate.")
    cert_demand_uplift: tuple[float, float, float] = _p(
        (1.10, 1.06, 1.03), "× demand", f"{_T}: shops ask for P-IRT; halal due for small firms Oct 2026 (DOMAIN.md)."
    )
    cert_price_uplift: tuple[float, float, float] = _p((1.0, 1.0, 1.08), "× price", f"{_T}: SNI for modern retail.")
    cert_coverage: tuple[float, float, float] = _p(
        (0.7, 0.6, 0.3), "share of members", f"{_T}: members whose product the facilitation covers."
    )
    cert_defect_factor: tuple[float, float, float] = _p(
        (1.0, 1.0, 0.9), "× defect rate", f"{_T}: the SNI quality-system audit tightens the process."
    )
    certified_share_start: float = _p(0.3, "share", f"{_T}: some members already hold a P-IRT number.")
    # cash
    cash_start: int = _p(15_000_000, "Rp", "The KPI target of cash balance at the start.")
    service_fee_per_kg: int = _p(3_500, "Rp/kg", f"{_T}: machine-hire tariff of the UPT (retribusi/sewa).")
    fixed_cost: int = _p(1_500_000, "Rp/month", f"{_T}: operator's wage, base electricity, water.")
    energy_cost_per_kg: int = _p(400, "Rp/kg", f"{_T}: gas and electricity per kg processed.")

    def __post_init__(self) -> None:
        problems = []
        for f in fields(self):
            value = getattr(self, f.name)
            items = value if isinstance(value, tuple) else (value,)
            if any(isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) for v in items):
                problems.append(f"{f.name}: expected finite numbers, got {value!r}")
            elif isinstance(value, tuple) and len(value) != len(f.default):
                problems.append(f"{f.name}: expected {len(f.default)} values, got {len(value)}")
            elif f.name != "enforcement_fairness" and any(v < 0 for v in items):
                problems.append(f"{f.name}: expected values ≥ 0, got {value!r}")
        for name in ("machines", "working_days", "member_slots", "max_failures_per_machine"):
            value = getattr(self, name)
            if not isinstance(value, int) or value < 1:
                problems.append(f"{name}: expected a whole number ≥ 1, got {value!r}")
        if not problems:
            if not 1 <= self.start_month <= 12:
                problems.append(f"start_month: expected 1-12, got {self.start_month!r}")
            if not 0 <= self.members_start <= self.member_slots:
                problems.append(f"members_start: expected 0 ≤ members_start ≤ member_slots, got {self.members_start}")
            if not 0 < self.defect_rate_max <= 0.5:
                problems.append(f"defect_rate_max: expected in (0, 0.5], got {self.defect_rate_max!r}")
            if self.productivity_max <= 1:
                problems.append(f"productivity_max: expected > 1, got {self.productivity_max!r}")
            if self.maintenance_restore > 1 or self.maintenance_failure_cut > 1:
                problems.append("maintenance_restore, maintenance_failure_cut: expected ≤ 1")
        if problems:
            raise CalculationError("ModelParameters: " + "; ".join(problems))

    def to_dict(self) -> dict[str, Any]:
        """Plain values (tuples as lists)."""
        return {f.name: list(v) if isinstance(v := getattr(self, f.name), tuple) else v for f in fields(self)}


DEFAULT_PARAMETERS = ModelParameters()
"""The teaching centre (every value: see its ``why``)."""


def parameter_table(params: ModelParameters = DEFAULT_PARAMETERS) -> list[dict[str, Any]]:
    """One row per parameter: ``name``, ``value``, ``unit``, ``why`` (for a notebook table).

    >>> row = parameter_table()[0]
    >>> row["name"], row["value"], row["unit"]
    ('start_year', 2027, 'year')
    """
    return [
        {"name": f.name, "value": getattr(params, f.name), "unit": f.metadata["unit"], "why": f.metadata["why"]}
        for f in fields(params)
    ]
