"""The month-by-month model of the centre: :func:`simulate`, vectorised over scenarios with numpy.

The mechanisms, their formulas and every number are described in ONE place, the docstring of
:mod:`ikm_curriculum.simulation.parameters`; this file follows its numbered steps in order. Each month is
one pass over arrays of all scenarios (loop over months only).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.technical_simulation.decision_form import CERTIFICATIONS, LAYOUTS
from ikm_curriculum.simulation.decisions import Decisions
from ikm_curriculum.simulation.parameters import DEFAULT_PARAMETERS, ModelParameters
from ikm_curriculum.simulation.scenarios import Scenarios

CASH_IN: tuple[str, ...] = ("fees", "service")
"""Lines of cash in (*penerimaan*), in cash-book order."""
CASH_OUT: tuple[str, ...] = (
    "operating", "maintenance", "repairs", "inspection", "handling", "mentoring", "control_charts",
    "enforcement", "storage", "certification", "layout_change",
)  # fmt: skip
"""Lines of cash out (*pengeluaran*), in cash-book order."""


@dataclass(frozen=True, eq=False)
class SimulationResult:
    """Everything :func:`simulate` computed; arrays are (scenarios, months) unless noted.

    Quantities in kg unless noted. ``members`` and ``condition`` are at the END of the month (after
    churn, wear and service); fees are paid by the members at its start. Money is whole rupiah (int64):
    ``cash_end == cash_begin + Σ cash_in − Σ cash_out`` exactly, every month and scenario.
    """

    decisions: Decisions
    params: ModelParameters
    seed: int
    forecast: np.ndarray
    demand: np.ndarray
    planned: np.ndarray
    output: np.ndarray
    defect_fraction: np.ndarray
    acceptance: np.ndarray
    defects: np.ndarray
    defects_caught: np.ndarray
    defects_escaped: np.ndarray
    packs_inspected: np.ndarray
    sales_kg: np.ndarray
    sales_value: np.ndarray
    lost_sales: np.ndarray
    stock: np.ndarray
    failures: np.ndarray
    downtime_hours: np.ndarray
    hours_used: np.ndarray
    hours_nominal: float
    condition: np.ndarray
    productivity: np.ndarray
    reputation: np.ndarray
    satisfaction: np.ndarray
    members: np.ndarray
    certified_share: np.ndarray
    cash_begin: np.ndarray
    cash_end: np.ndarray
    cash_in: Mapping[str, np.ndarray]
    cash_out: Mapping[str, np.ndarray]

    @property
    def n(self) -> int:
        """Number of scenarios."""
        return int(self.output.shape[0])

    @property
    def months(self) -> int:
        """Horizon in months."""
        return int(self.output.shape[1])

    @property
    def utilisation(self) -> np.ndarray:
        """Machine use (*pemakaian mesin*): hours used ÷ nominal hours (0-1)."""
        return self.hours_used / self.hours_nominal

    @property
    def income(self) -> np.ndarray:
        """Total cash in per month (int64)."""
        return sum(self.cash_in.values(), np.zeros_like(self.cash_end))

    @property
    def costs(self) -> np.ndarray:
        """Total cash out per month (int64)."""
        return sum(self.cash_out.values(), np.zeros_like(self.cash_end))


def _power(x: np.ndarray, n: int) -> np.ndarray:
    """x**n by repeated squaring: IEEE multiplications only, so identical on every machine."""
    result, base = np.ones_like(x), x
    while n:
        if n & 1:
            result = result * base
        base = base * base
        n >>= 1
    return result


def acceptance_probability(n: int, c: int, p: np.ndarray) -> np.ndarray:
    """Probability of acceptance of the plan (n, c) at fractions defective ``p`` (array, each in [0, 1)).

    Pa(p) = Σ_{d=0..c} C(n, d) p^d (1 − p)^(n − d), the binomial (type B) OC of Montgomery, *Introduction
    to Statistical Quality Control*, ch. 15 — the same as
    :func:`ikm_curriculum.modules.quality.sampling.oc_curve`, computed for arrays by the recurrence
    term_d = term_{d−1} × (n − d + 1)/d × p/(1 − p) from term_0 = (1 − p)^n. n = 0 (no inspection) gives 1.

    Examples
    --------
    n = 50, c = 1 at p = 0.02 (0.98^50 + 50 · 0.02 · 0.98^49 = 0.7358, as oc_curve's example):

    >>> [round(float(x), 4) for x in acceptance_probability(50, 1, np.array([0.0, 0.02]))]
    [1.0, 0.7358]
    """
    p = np.asarray(p, dtype=np.float64)
    if n == 0:
        return np.ones_like(p)
    if not 0 <= c < n or bool(((p < 0) | (p >= 1)).any()):
        raise CalculationError(f"acceptance_probability: expected 0 ≤ c < n and 0 ≤ p < 1, got n={n}, c={c}")
    q = 1.0 - p
    term = _power(q, n)
    total = term
    ratio = p / q
    for d in range(1, c + 1):
        term = term * ratio * ((n - d + 1) / d)
        total = total + term
    return np.minimum(total, 1.0)


def _geometric_failures(u: np.ndarray, rate: np.ndarray, cap: int) -> np.ndarray:
    """Failures per machine: #{k = 1..cap : u < ρ^k}, ρ = λ/(1+λ) — a geometric count with mean ≈ λ."""
    rho = (rate / (1.0 + rate))[:, None]
    count = np.zeros(u.shape, dtype=np.int64)
    level = rho
    for _ in range(cap):
        count += u < level
        level = level * rho
    return count


def _money(x: np.ndarray | float, shape: tuple[int, ...]) -> np.ndarray:
    return np.broadcast_to(np.rint(np.asarray(x, dtype=np.float64)), shape).astype(np.int64)


def simulate(
    decisions: Decisions, scenarios: Scenarios, params: ModelParameters = DEFAULT_PARAMETERS
) -> SimulationResult:
    """Run the centre for every scenario over the scenarios' horizon (steps: :mod:`.parameters`).

    Parameters
    ----------
    decisions : Decisions
        The participant's decisions (validated).
    scenarios : Scenarios
        Pre-drawn random numbers (:func:`~.scenarios.scenarios_from_seed`); at least as many machines and
        member places as ``params`` has.
    params : ModelParameters, default DEFAULT_PARAMETERS

    Returns
    -------
    SimulationResult

    Examples
    --------
    >>> from ikm_curriculum.simulation import REFERENCE_POLICY, scenarios_from_seed
    >>> r = simulate(REFERENCE_POLICY, scenarios_from_seed(1, n=4))
    >>> r.output.shape, bool((r.cash_end == r.cash_begin + r.income - r.costs).all())
    ((4, 12), True)
    """
    if not isinstance(decisions, Decisions):
        raise CalculationError(f"decisions: expected Decisions (see decisions_from_dict), got {type(decisions)}")
    if not isinstance(scenarios, Scenarios):
        raise CalculationError(f"scenarios: expected Scenarios (see scenarios_from_seed), got {type(scenarios)}")
    if not isinstance(params, ModelParameters):
        raise CalculationError(f"params: expected ModelParameters, got {type(params)}")
    P, d = params, decisions
    M, slots = P.machines, P.member_slots
    if scenarios.machines < M or scenarios.member_slots < slots:
        raise CalculationError(
            f"scenarios: drawn for {scenarios.machines} machines and {scenarios.member_slots} member places; "
            f"params need {M} and {slots} (draw them with scenarios_from_seed(..., params=params))"
        )
    S, T = scenarios.n, scenarios.months
    shape = (S, T)
    H = P.working_days * P.shift_hours
    MH = M * H
    e, layout = d.enforcement_level, LAYOUTS.index(d.layout)
    m, v = d.maintenance_intensity, d.mentoring_visits
    chosen = [CERTIFICATIONS.index(c) for c in sorted(d.certification)]
    handling_minutes_day = P.layout_flow_distance[layout] / P.handling_speed_m_per_min
    handling_share = handling_minutes_day / (60.0 * P.shift_hours)
    handling_rp_per_kg = handling_minutes_day / (P.base_demand_kg / P.working_days) * P.handling_wage_per_hour / 60
    misuse = P.failure_rate_base * (1.0 - P.maintenance_failure_cut * m) * P.enforcement_misuse[e]
    quality = P.defect_rate_base * (P.control_chart_factor if d.control_charts else 1.0) * P.enforcement_hygiene[e]
    fee_excess = max(0, d.fee_level - P.fair_fee)
    fee_satisfaction = (
        P.satisfaction_base + P.enforcement_fairness[e] + P.mentoring_satisfaction * v
        - P.fee_sensitivity * d.fee_level / 100_000 - P.fee_excess_sensitivity * fee_excess / 100_000
    )  # fmt: skip
    place = np.arange(slots)
    out = {k: np.zeros(shape) for k in (
        "forecast", "demand", "planned", "output", "defect_fraction", "acceptance", "defects", "defects_caught",
        "defects_escaped", "packs_inspected", "sales_kg", "sales_value", "lost_sales", "stock", "downtime_hours",
        "hours_used", "condition", "productivity", "reputation", "satisfaction", "certified_share")}  # fmt: skip
    failures_out = np.zeros(shape, dtype=np.int64)
    members_out = np.zeros(shape, dtype=np.int64)
    cash_in = {k: np.zeros(shape, dtype=np.int64) for k in CASH_IN}
    cash_out = {k: np.zeros(shape, dtype=np.int64) for k in CASH_OUT}
    cash_begin = np.zeros(shape, dtype=np.int64)
    cash_end = np.zeros(shape, dtype=np.int64)

    C = np.full(S, float(P.condition_start))
    prod = np.ones(S)
    R = np.ones(S)
    sat = np.full(S, float(P.satisfaction_start))
    N = np.full(S, P.members_start, dtype=np.int64)
    stock = np.zeros(S)
    cash = np.full(S, P.cash_start, dtype=np.int64)
    for t in range(T):
        # 1. demand forecast, certificates in force
        active = [k for k in chosen if t >= P.cert_lead_months[k]]
        uplift, price_uplift, defect_cert, uncovered = 1.0, 1.0, 1.0, 1.0 - P.certified_share_start
        for k in active:
            uplift *= P.cert_demand_uplift[k]
            price_uplift *= P.cert_price_uplift[k]
            defect_cert *= P.cert_defect_factor[k]
            uncovered *= 1.0 - P.cert_coverage[k]
        forecast = P.base_demand_kg * P.seasonality[(P.start_month - 1 + t) % 12] * uplift
        # 3. failures and downtime (before output: a broken machine produces nothing)
        rate = misuse * (1.0 + P.failure_condition_slope * (1.0 - C))
        fails = _geometric_failures(scenarios.failure_u[:, t, :M], rate, P.max_failures_per_machine)
        down = np.minimum(H, fails * (P.repair_hours * (0.5 + scenarios.repair_u[:, t, :M])))
        downtime = down[:, 0].copy()
        for j in range(1, M):
            downtime = downtime + down[:, j]
        n_fail = fails.sum(axis=1)
        # 2. output
        kg_per_hour = P.machine_rate_kg_per_hour * prod * (1.0 - handling_share)
        planned = np.maximum(0.0, d.production_plan * forecast - stock)
        need = planned / kg_per_hour
        scheduled = np.minimum(need, MH)
        used = np.minimum(need, MH - downtime)
        Q = used * kg_per_hour
        # 5. quality and inspection
        trained = 1.0 - P.training_defect_cut * (prod - 1.0) / (P.productivity_max - 1.0)
        noise = np.maximum(0.2, 1.0 + P.defect_noise_sd * scenarios.defect_z[:, t])
        p = np.minimum(
            P.defect_rate_max, quality * trained * (1.0 + P.defect_condition_slope * (1.0 - C)) * defect_cert * noise
        )
        lot = Q / P.pack_kg / P.working_days
        sample = np.minimum(float(d.inspection_n), lot)
        pa = acceptance_probability(d.inspection_n, d.inspection_c, p)
        unchecked = np.where(lot > 0, (lot - sample) / np.where(lot > 0, lot, 1.0), 0.0)
        defects = Q * p
        escaped = defects * pa * unchecked
        caught = defects - escaped
        inspected = P.working_days * (sample + (1.0 - pa) * (lot - sample))
        # 1. demand; 6. sales and stock
        member_factor = np.maximum(0.0, 1.0 + P.member_demand_elasticity * (N / P.reference_members - 1.0))
        demand = forecast * R * member_factor * np.maximum(0.05, 1.0 + P.demand_noise_sd * scenarios.demand_z[:, t])
        available = stock + Q - caught
        sold = np.minimum(available, demand)
        stock_next = (available - sold) * (1.0 - P.spoilage_rate)
        # 8. satisfaction and members
        waste = np.where(Q > 0, (available - sold) * P.spoilage_rate / np.where(Q > 0, Q, 1.0), 0.0)
        target = fee_satisfaction - P.downtime_sensitivity * downtime / MH - P.waste_sensitivity * waste
        sat = np.clip(sat + P.satisfaction_adjust * (target - sat), 0.0, 1.0)
        leave_p = P.leave_base + P.leave_slope * np.maximum(0.0, P.leave_threshold - sat)
        join_p = P.join_slope * np.maximum(0.0, sat - P.join_threshold)
        leavers = ((scenarios.leave_u[:, t, :slots] < leave_p[:, None]) & (place < N[:, None])).sum(axis=1)
        joiners = ((scenarios.join_u[:, t, :slots] < join_p[:, None]) & (place < (slots - N)[:, None])).sum(axis=1)
        # 10. cash
        lines_in = {
            "fees": _money(N * (d.fee_level * P.enforcement_compliance[e]), (S,)),
            "service": _money(Q * P.service_fee_per_kg, (S,)),
        }
        lines_out = {
            "operating": _money(P.fixed_cost + P.energy_cost_per_kg * Q, (S,)),
            "maintenance": _money(M * P.maintenance_cost_per_service * m, (S,)),
            "repairs": n_fail * P.repair_cost,
            "inspection": _money(inspected * P.inspection_cost_per_item, (S,)),
            "handling": _money(Q * handling_rp_per_kg, (S,)),
            "mentoring": _money(v * P.mentoring_cost_per_visit, (S,)),
            "control_charts": _money(P.control_chart_cost if d.control_charts else 0, (S,)),
            "enforcement": _money(P.enforcement_cost[e], (S,)),
            "storage": _money(stock_next * P.storage_cost_per_kg, (S,)),
            "certification": _money(sum(P.cert_cost[k] for k in chosen) if t == 0 else 0, (S,)),
            "layout_change": _money(P.layout_change_cost[layout] if t == 0 else 0, (S,)),
        }
        cash_begin[:, t] = cash
        for k in CASH_IN:
            cash_in[k][:, t] = lines_in[k]
            cash = cash + lines_in[k]
        for k in CASH_OUT:
            cash_out[k][:, t] = lines_out[k]
            cash = cash - lines_out[k]
        cash_end[:, t] = cash
        # 4, 7, 5: state for the next month
        prod_month = prod
        C = (
            C
            - P.decay_age
            - P.decay_use * scheduled / MH
            - P.decay_failure * n_fail / M
            + m * P.maintenance_restore * (1.0 - C)
        )
        C = np.clip(C, P.condition_floor, 1.0)
        prod = prod + P.learning_per_visit * v * (P.productivity_max - prod) - P.forgetting * (prod - 1.0)
        aoq = np.where(Q > 0, escaped / np.where(Q > 0, Q, 1.0), 0.0)
        R_next = np.clip(R + P.reputation_recovery * (1.0 - R) - P.reputation_penalty * aoq, P.reputation_floor, 1.0)
        N = N - leavers + joiners
        for key, value in (
            ("forecast", forecast), ("demand", demand), ("planned", planned), ("output", Q), ("defect_fraction", p),
            ("acceptance", pa), ("defects", defects), ("defects_caught", caught), ("defects_escaped", escaped),
            ("packs_inspected", inspected), ("sales_kg", sold), ("sales_value", sold * (P.price_per_kg * price_uplift)),
            ("lost_sales", demand - sold), ("stock", stock_next), ("downtime_hours", downtime), ("hours_used", used),
            ("condition", C), ("productivity", prod_month), ("reputation", R), ("satisfaction", sat),
            ("certified_share", 1.0 - uncovered),
        ):  # fmt: skip
            out[key][:, t] = value
        failures_out[:, t] = n_fail
        members_out[:, t] = N
        stock, R = stock_next, R_next
    for array in (
        *out.values(),
        failures_out,
        members_out,
        cash_begin,
        cash_end,
        *cash_in.values(),
        *cash_out.values(),
    ):
        array.setflags(write=False)
    return SimulationResult(
        decisions=d, params=P, seed=scenarios.seed, failures=failures_out, members=members_out, hours_nominal=MH,
        cash_begin=cash_begin, cash_end=cash_end, cash_in=MappingProxyType(cash_in),
        cash_out=MappingProxyType(cash_out), **out,
    )  # fmt: skip
