"""Scoring the simulation: every participant's decisions on the cohort's hidden scenarios, against a reference.

Rubric (:data:`RUBRIC`, printed by :func:`rubric_text`):

1. Everyone's decisions — and the reference policy's — are run on the SAME scenarios (common random
   numbers; :func:`~.scenarios.scenarios_from_seed` with :func:`~.scenarios.cohort_seed`, 100 by default).
2. A run's index is the mean over scenarios of the mean over quarters of the mentoring module's KPI
   index (:func:`~.outputs.final_scorecard`).
3. ratio = participant's index ÷ reference policy's index (:data:`~.decisions.REFERENCE_POLICY`).
4. points = max_points × clip((ratio − ZERO_MARKS_RATIO) / (FULL_MARKS_RATIO − ZERO_MARKS_RATIO), 0, 1):
   full marks at or above the reference, 0 at half of it or less, a straight line between.
5. The rank in the cohort (1 = highest index; equal indices share a rank) is reported, not scored.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass

import numpy as np

from ikm_curriculum.errors import CalculationError, DecisionError
from ikm_curriculum.modules.mentoring.kpi import DEFAULT_KPIS, KpiSet
from ikm_curriculum.modules.quality.commodities import Text
from ikm_curriculum.modules.technical_simulation.decision_form import CHOICE_LABELS, DECISION_LABELS
from ikm_curriculum.simulation.decisions import REFERENCE_POLICY, Decisions, decisions_from_dict
from ikm_curriculum.simulation.model import simulate
from ikm_curriculum.simulation.outputs import scenario_index
from ikm_curriculum.simulation.parameters import DEFAULT_PARAMETERS, ModelParameters
from ikm_curriculum.simulation.scenarios import Scenarios

FULL_MARKS_RATIO = 1.0
"""At or above this ratio to the reference policy's index: full marks."""
ZERO_MARKS_RATIO = 0.5
"""At or below this ratio: no marks."""


@dataclass(frozen=True)
class ParticipantSimScore:
    """One participant's simulation score.

    ``index`` is the mean over scenarios; ``index_low`` / ``index_high`` the 10th / 90th percentile over
    scenarios (how much luck matters); ``beats_reference_share`` the share of scenarios in which the
    participant's index is at least the reference policy's. ``rank`` is 1 for the highest index among the
    ``cohort_size`` participants (reported, not scored).
    """

    participant: str
    index: float
    index_low: float
    index_high: float
    reference_index: float
    ratio: float
    points: float
    max_points: float
    rank: int
    cohort_size: int
    cohort_median: float
    beats_reference_share: float

    def to_dict(self) -> dict[str, float | int | str]:
        """Plain values."""
        return asdict(self)


def points_for(ratio: float, max_points: float) -> float:
    """Points of the rubric for an index ratio to the reference.

    >>> points_for(1.1, 10), points_for(0.75, 10), points_for(0.4, 10)
    (10.0, 5.0, 0.0)
    """
    share = (ratio - ZERO_MARKS_RATIO) / (FULL_MARKS_RATIO - ZERO_MARKS_RATIO)
    return float(max_points) * min(1.0, max(0.0, share))


def _mean(a: np.ndarray) -> float:
    return math.fsum(float(x) for x in a) / len(a)


def score_participants(
    decisions_by_participant: Mapping[str, Decisions | Mapping[str, object]],
    scenarios: Scenarios,
    max_points: float = 10.0,
    params: ModelParameters = DEFAULT_PARAMETERS,
    kpis: KpiSet = DEFAULT_KPIS,
    reference: Decisions = REFERENCE_POLICY,
) -> dict[str, ParticipantSimScore]:
    """Score every participant on the same scenarios (rubric in the module docstring).

    Parameters
    ----------
    decisions_by_participant : mapping participant id → Decisions (or plain values for decisions_from_dict)
        Identical decisions are simulated once.
    scenarios : Scenarios
        The cohort's hidden set: ``scenarios_from_seed(cohort_seed(secret))``.
    max_points : float, default 10
    params, kpis, reference
        Model, KPI set and reference policy (defaults: the documented ones).

    Raises
    ------
    DecisionError
        Some participants' plain values are invalid: every problem of every such participant, each
        prefixed with the participant id (validate at collection to keep the rest of the cohort going).

    Examples
    --------
    >>> from ikm_curriculum.simulation import scenarios_from_seed
    >>> neglect = REFERENCE_POLICY.replace(maintenance_interval_months=0, enforcement="longgar")
    >>> s = score_participants({"p1": REFERENCE_POLICY, "p2": neglect}, scenarios_from_seed(3, n=20))
    >>> s["p1"].points, s["p1"].rank, s["p2"].rank, s["p2"].points < 10
    (10.0, 1, 2, True)
    """
    if not isinstance(decisions_by_participant, Mapping) or not decisions_by_participant:
        raise CalculationError("decisions_by_participant: expected a non-empty mapping participant → Decisions")
    if isinstance(max_points, bool) or not isinstance(max_points, (int, float)) or not max_points > 0:
        raise CalculationError(f"max_points: expected a number > 0, got {max_points!r}")
    chosen: dict[str, Decisions] = {}
    problems: list[tuple[str, str, object]] = []
    for participant, value in decisions_by_participant.items():
        if isinstance(value, Decisions):
            chosen[str(participant)] = value
            continue
        try:
            chosen[str(participant)] = decisions_from_dict(value, str(participant))  # type: ignore[arg-type]
        except DecisionError as exc:
            problems += [(f"{participant}: {field}", expected, got) for field, expected, got in exc.problems]
    if problems:
        raise DecisionError(problems, "; ".join(sorted({p.split(": ")[0] for p, _, _ in problems})))
    cache: dict[Decisions, np.ndarray] = {}

    def run(d: Decisions) -> np.ndarray:
        if d not in cache:
            cache[d] = scenario_index(simulate(d, scenarios, params), kpis)
        return cache[d]

    ref = run(reference)
    ref_index = _mean(ref)
    indices = {p: run(d) for p, d in chosen.items()}
    means = {p: _mean(v) for p, v in indices.items()}
    ordered = sorted(means.values(), reverse=True)
    median = float(np.median(np.array(ordered)))
    result = {}
    for p, values in indices.items():
        low, high = np.percentile(values, [10, 90])
        ratio = means[p] / ref_index
        result[p] = ParticipantSimScore(
            participant=p, index=means[p], index_low=float(low), index_high=float(high), reference_index=ref_index,
            ratio=ratio, points=points_for(ratio, max_points), max_points=float(max_points),
            rank=1 + sum(1 for v in ordered if v > means[p]), cohort_size=len(means), cohort_median=median,
            beats_reference_share=float(np.mean(values >= ref)),
        )  # fmt: skip
    return result


RUBRIC = Text(
    "Cara menilai simulasi\n"
    "1. Keputusan setiap peserta dijalankan pada skenario rahasia yang SAMA untuk semua peserta (biasanya 100 "
    "skenario): permintaan, kerusakan mesin, mutu bahan baku dan anggota yang keluar-masuk berbeda-beda per "
    "skenario, tetapi sama untuk semua orang. Jadi yang membedakan hanya keputusan Anda.\n"
    "2. Setiap skenario menghasilkan kartu kinerja (KPI) per triwulan, seperti di modul Pendampingan: pemakaian "
    "mesin, anggota aktif, produksi, penjualan, produk cacat, anggota bersertifikat, aset kondisi baik dan saldo "
    "kas. Indeks Anda = rata-rata indeks triwulan, dirata-rata lagi atas semua skenario.\n"
    "3. Indeks Anda dibandingkan dengan indeks kebijakan acuan: keputusan seorang pengelola yang hati-hati, "
    "ditetapkan oleh narasumber dan dijalankan pada skenario yang sama.\n"
    "4. Nilai penuh jika indeks Anda sama atau lebih tinggi dari acuan; nol jika setengah acuan atau kurang; di "
    "antaranya naik lurus.\n"
    "5. Peringkat Anda di antara peserta ditampilkan sebagai informasi saja; tidak menambah atau mengurangi nilai.",
    "How the simulation is scored\n"
    "1. Every participant's decisions are run on the SAME hidden scenarios (usually 100): demand, machine "
    "breakdowns, raw-material quality and members joining or leaving differ from scenario to scenario but are the "
    "same for everyone, so only your decisions make the difference.\n"
    "2. Each scenario gives a KPI scorecard per quarter, as in the Mentoring module: machine use, active members, "
    "production, sales, defects, certified members, assets in good condition and cash balance. Your index = the "
    "mean of the quarters' indices, averaged over all scenarios.\n"
    "3. Your index is compared with the index of the reference policy: the decisions of a careful manager, set "
    "by the facilitators and run on the same scenarios.\n"
    "4. Full marks if your index is at least the reference's; zero at half of it or less; a straight line "
    "in between.\n"
    "5. Your rank among the participants is shown for information only; it does not change your mark.",
)
"""The rubric in plain words (Bahasa Indonesia, English), without numbers: see :func:`rubric_text`."""


def rubric_text(max_points: float = 10.0, lang: str = "id") -> str:
    """The rubric with the points and a few worked ratios, ready to print.

    >>> print(rubric_text(10, "en").splitlines()[-1])
    Examples: index 100 % of the reference → 10 points; 90 % → 8; 75 % → 5; 50 % → 0.
    """
    if lang not in ("id", "en"):
        raise CalculationError(f"lang: expected 'id' or 'en', got {lang!r}")
    indo = lang == "id"
    parts = [
        f"{pct} %"
        + (" dari acuan" if indo else " of the reference") * (i == 0)
        + f" → {points_for(pct / 100, max_points):g}"
        + (" poin" if indo else " points") * (i == 0)
        for i, pct in enumerate((100, 90, 75, 50))
    ]
    head = "Nilai maksimum" if indo else "Maximum points"
    return (
        f"{getattr(RUBRIC, lang)}\n{head}: {max_points:g}.\n{'Contoh: indeks' if indo else 'Examples: index'} "
        + "; ".join(parts)
        + "."
    )


def reference_text(lang: str = "id", reference: Decisions = REFERENCE_POLICY) -> str:
    """The reference policy's decisions in words, for the debrief after grading (not before: it is the yardstick).

    >>> reference_text("en").splitlines()[1]
    '- Production plan (× demand forecast): 1.1'
    """
    if lang not in ("id", "en"):
        raise CalculationError(f"lang: expected 'id' or 'en', got {lang!r}")
    lines = ["Kebijakan acuan" if lang == "id" else "Reference policy"]
    for field, value in reference.to_dict().items():
        if isinstance(value, list):
            shown = ", ".join(getattr(CHOICE_LABELS[v], lang) for v in value) or "-"
        elif isinstance(value, bool):
            shown = ("ya" if value else "tidak") if lang == "id" else ("yes" if value else "no")
        elif isinstance(value, str):
            shown = getattr(CHOICE_LABELS[value], lang)
        elif isinstance(value, float):
            shown = f"{value:g}".replace(".", "," if lang == "id" else ".")
        else:
            shown = f"{value:,}".replace(",", "." if lang == "id" else ",")
        lines.append(f"- {getattr(DECISION_LABELS[field], lang)}: {shown}")
    return "\n".join(lines)
