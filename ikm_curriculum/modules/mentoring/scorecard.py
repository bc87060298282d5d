"""Kartu skor KPI (KPI scorecard) of a centre per quarter: capaian, weighted index, trend, traffic light.

Method (per quarter q, per KPI i with target T and actual A):

* capaian (achievement) a = A ÷ T for a KPI where higher is better, and
  a = T ÷ A where lower is better (A = 0 → the full ``cap``). This is the
  *capaian kinerja* ratio of Indonesian government performance reports
  (LAKIP / LKjIP under SAKIP, Perpres 29/2014; PermenPAN-RB 53/2014):
  capaian = realisasi ÷ target × 100 %, inverted for "negative" indicators
  (those where lower is better) — likely. Some guides use 2 − A ÷ T for
  negative indicators instead (e.g. PermenPAN-RB 8/2021 on individual
  performance, "kondisi khusus"); we use T ÷ A as the course brief asks.
* score s = min(a, cap), cap 1.2 by default (:data:`ACHIEVEMENT_CAP`), so
  one KPI far above its target cannot hide others below theirs.
  PermenPAN-RB 8/2021 likewise converts an individual capaian above 110 % to
  a value of 120 — likely; the cap here is a convention, not a rule.
* index I = Σ w·s × 100 ÷ Σ w over the KPIs with data that quarter (a KPI
  without data is left out and the others' weights scaled up; the quarter's
  ``notes`` say so). Weights are a convention of the centre/Dinas, not a
  regulation.
* traffic light (*lampu lalu lintas*): hijau if I ≥ 90, kuning if I ≥ 70,
  merah below (:data:`TRAFFIC_LIGHTS`, check). A KPI gets a light from its
  score × 100 on the same scale.
* trend: the index change since the previous quarter in the data, and per KPI
  the change of its score × 100: naik (better; for a lower-is-better KPI
  that is a lower value) / turun (worse) / tetap (within ±
  :data:`TREND_TOLERANCE` points). No trend when either quarter lacks data.

>>> r = scorecard({"2026-Q1": {"sales": 240_000_000, "production": 4_000}})
>>> round(r.latest.index, 2), r.latest.status, r.latest.excluded[:2]
(88.57, 'kuning', ('machine_utilisation', 'active_members'))
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.mentoring.kpi import DEFAULT_KPIS, KpiSet, _number
from ikm_curriculum.modules.quality.commodities import Text
from ikm_curriculum.modules.table_cells import bad_value, check_lang, problem_list

if TYPE_CHECKING:
    import pandas as pd

ACHIEVEMENT_CAP = 1.2
"""Highest score one KPI can give (120 % of target): a convention (check), see the module docstring."""

TREND_TOLERANCE = 1.0
"""A change of at most this many points (score × 100, or index) counts as 'tetap' (check)."""

BOUNDARY_TOLERANCE = 1e-9
"""Float noise allowed at a boundary: an index of 89.9999999999 counts as 90 (hijau)."""


@dataclass(frozen=True)
class TrafficLights:
    """Lower bounds of the lights on the index (0–120): hijau from ``green``, kuning from ``yellow``."""

    green: float
    yellow: float
    source: str = ""

    def __post_init__(self) -> None:
        green, yellow = _number(self.green, "lights.green"), _number(self.yellow, "lights.yellow")
        if not 0 < yellow < green:
            raise CalculationError(f"lights: expected 0 < yellow < green, got yellow {yellow:g}, green {green:g}")


TRAFFIC_LIGHTS = TrafficLights(
    90.0,
    70.0,
    "Teaching values (check, November 2026): many regional performance reports call ≥ 90 % of target good; "
    "the Dinas's own scale applies.",
)
"""Default bounds hijau ≥ 90, kuning ≥ 70, merah below (check)."""

STATUS_LABELS: Mapping[str, Text] = MappingProxyType(
    {
        "hijau": Text("Hijau: sesuai rencana", "Green: on track"),
        "kuning": Text("Kuning: perlu perhatian", "Amber: needs attention"),
        "merah": Text("Merah: perlu tindakan", "Red: action needed"),
    }
)
"""Traffic-light names."""

TREND_LABELS: Mapping[str, Text] = MappingProxyType(
    {
        "naik": Text("naik (membaik)", "up (better)"),
        "turun": Text("turun (memburuk)", "down (worse)"),
        "tetap": Text("tetap", "steady"),
    }
)
"""Trend names; for a lower-is-better KPI 'naik' means the value went down."""

_QUARTER = re.compile(r"(\d{4})-Q([1-4])")


def parse_quarter(label: object) -> str:
    """A quarter label ``YYYY-Qn`` (n = 1–4), tidied: outer spaces dropped, ``q`` → ``Q``.

    >>> parse_quarter(" 2026-q3 ")
    '2026-Q3'
    """
    text = label.strip().upper() if isinstance(label, str) else ""
    if not _QUARTER.fullmatch(text):
        raise bad_value("quarter", "a label like '2026-Q1' (year, dash, Q1–Q4)", label)
    return text


def traffic_light(value: float, lights: TrafficLights = TRAFFIC_LIGHTS) -> str:
    """'hijau' if value ≥ green, 'kuning' if ≥ yellow, else 'merah' (bounds inclusive, float noise ignored).

    >>> traffic_light(90), traffic_light(89.9), traffic_light(70), traffic_light(69.9)
    ('hijau', 'kuning', 'kuning', 'merah')
    """
    number = _number(value, "value")
    if number >= lights.green - BOUNDARY_TOLERANCE:
        return "hijau"
    return "kuning" if number >= lights.yellow - BOUNDARY_TOLERANCE else "merah"


def _trend(change: float | None, tolerance: float) -> str | None:
    if change is None:
        return None
    if abs(change) <= tolerance + BOUNDARY_TOLERANCE:
        return "tetap"
    return "naik" if change > 0 else "turun"


@dataclass(frozen=True)
class KpiResult:
    """One KPI in one quarter. Missing data: ``actual`` and the derived numbers are ``None``, weight 0."""

    key: str
    name: Text
    unit: str
    direction: str
    target: float
    actual: float | None
    achievement: float | None
    score: float | None
    weight: float
    points: float
    met: bool | None
    status: str | None
    change: float | None
    trend: str | None

    def to_dict(self) -> dict[str, Any]:
        """Plain values; the name as ``{"id": …, "en": …}``."""
        return asdict(self) | {"name": self.name.to_dict()}


@dataclass(frozen=True)
class QuarterResult:
    """The scorecard of one quarter: KPI rows, the weighted index, its light and change."""

    quarter: str
    kpis: tuple[KpiResult, ...]
    index: float
    status: str
    index_change: float | None
    index_trend: str | None
    excluded: tuple[str, ...]
    notes: tuple[Text, ...]

    def __getitem__(self, key: str) -> KpiResult:
        for row in self.kpis:
            if row.key == key:
                return row
        raise KeyError(key)

    def to_dict(self) -> dict[str, Any]:
        """Plain lists and numbers."""
        return {
            "quarter": self.quarter, "kpis": [k.to_dict() for k in self.kpis], "index": self.index,
            "status": self.status, "index_change": self.index_change, "index_trend": self.index_trend,
            "excluded": list(self.excluded), "notes": [n.to_dict() for n in self.notes],
        }  # fmt: skip


@dataclass(frozen=True)
class ScorecardResult:
    """Scorecards of several quarters, oldest first, with the parameters used."""

    quarters: tuple[QuarterResult, ...]
    cap: float
    lights: TrafficLights
    trend_tolerance: float
    kpi_source: str

    @property
    def latest(self) -> QuarterResult:
        """The most recent quarter."""
        return self.quarters[-1]

    def __getitem__(self, quarter: str) -> QuarterResult:
        label = parse_quarter(quarter)
        for q in self.quarters:
            if q.quarter == label:
                return q
        raise KeyError(quarter)

    def to_dict(self) -> dict[str, Any]:
        """Plain lists and numbers (JSON-able).

        >>> scorecard({"2026-Q1": {"sales": 300_000_000}}).to_dict()["quarters"][0]["index"]
        100.0
        """
        return {
            "quarters": [q.to_dict() for q in self.quarters], "cap": self.cap, "lights": asdict(self.lights),
            "trend_tolerance": self.trend_tolerance, "kpi_source": self.kpi_source,
        }  # fmt: skip


def _check_data(quarters_data: object, kpis: KpiSet) -> dict[str, dict[str, float | None]]:
    """Quarter label → KPI key → value (None = no data); every problem of every quarter in ONE error."""
    if not isinstance(quarters_data, Mapping) or not quarters_data:
        expected = "a non-empty mapping quarter ('2026-Q1') → {KPI or input: value}"
        raise bad_value("quarters_data", expected, quarters_data)
    problems: list[str] = []
    values: dict[str, dict[str, float | None]] = {}
    allowed = kpis.input_keys
    for label, raw in quarters_data.items():
        try:
            quarter = parse_quarter(label)
        except CalculationError as exc:
            problems.append(str(exc))
            continue
        if quarter in values:
            problems.append(f"quarter {quarter}: given twice (as {label!r} too)")
            continue
        if not isinstance(raw, Mapping):
            problems.append(str(bad_value(f"quarter {quarter}", "a mapping {KPI or input: value}", raw)))
            continue
        unknown = sorted(str(k) for k in raw if k not in allowed)
        if unknown:
            problems.append(f"quarter {quarter}: unknown key(s) {unknown}; expected some of {sorted(allowed)}")
        row: dict[str, float | None] = {}
        for kpi in kpis.kpis:
            try:
                row[kpi.key] = kpi.value_from(raw)
            except CalculationError as exc:
                problems.append(f"quarter {quarter}: {exc}")
        if row and all(v is None for v in row.values()) and not unknown:
            problems.append(f"quarter {quarter}: expected a value for at least one KPI, got none")
        values[quarter] = row
    if problems:
        raise problem_list("quarters_data", problems)
    return dict(sorted(values.items()))  # tidy labels 'YYYY-Qn' sort as text in time order


def _achievement(direction: str, target: float, actual: float, cap: float) -> float:
    if direction == "higher":
        return actual / target
    return cap if actual == 0 else target / actual


def scorecard(
    quarters_data: Mapping[str, Mapping[str, float | None]],
    kpis: KpiSet = DEFAULT_KPIS,
    cap: float = ACHIEVEMENT_CAP,
    lights: TrafficLights = TRAFFIC_LIGHTS,
    trend_tolerance: float = TREND_TOLERANCE,
) -> ScorecardResult:
    """KPI scorecard of a centre over one or more quarters (formulas in the module docstring).

    Parameters
    ----------
    quarters_data : mapping quarter label → {key: value}
        Labels ``"2026-Q1"`` … (any order; sorted oldest first). Keys are KPI
        keys (the value itself) or the raw inputs of a percentage KPI (e.g.
        ``defects`` and ``production`` for ``defect_rate``); see
        :meth:`Kpi.value_from`. A KPI with no value (absent or blank) is
        left out of that quarter.
    kpis : KpiSet, default DEFAULT_KPIS
        Targets, directions and weights (teaching defaults: check).
    cap : float, default 1.2
        Highest score of one KPI (≥ 1).
    lights : TrafficLights
        Bounds of hijau / kuning (default 90 / 70, check).
    trend_tolerance : float, default 1.0
        Changes within ± this many points are 'tetap'.

    Returns
    -------
    ScorecardResult

    Raises
    ------
    CalculationError
        A bad quarter label, a quarter given twice, an unknown key, a bad
        value (see :meth:`Kpi.value_from`), a quarter without any KPI value,
        cap < 1 or a negative tolerance. Data problems are listed together.

    Examples
    --------
    Hand-computed, two KPIs weighted 1 : 1: sales 360 of target 300 → a =
    1.2; defects 6 % of target 3 % (lower better) → a = 3/6 = 0.5;
    I = (1.2 + 0.5) ÷ 2 × 100 = 85 → kuning.

    >>> k = DEFAULT_KPIS.with_changes(weights={key: 0 for key in DEFAULT_KPIS.keys} | {"sales": 1, "defect_rate": 1})
    >>> q = scorecard({"2026-Q1": {"sales": 360e6, "defect_rate": 6}}, k).latest
    >>> round(q.index, 6), q.status, q["defect_rate"].achievement
    (85.0, 'kuning', 0.5)
    """
    if not isinstance(kpis, KpiSet):
        raise bad_value("kpis", "a KpiSet (see kpi_set_from_rows)", kpis)
    if not isinstance(lights, TrafficLights):
        raise bad_value("lights", "a TrafficLights(green, yellow)", lights)
    if _number(cap, "cap") < 1:
        raise bad_value("cap", "a number ≥ 1 (e.g. 1.2 for 120 % of target)", cap)
    if _number(trend_tolerance, "trend_tolerance") < 0:
        raise bad_value("trend_tolerance", "a number ≥ 0 (points)", trend_tolerance)
    data = _check_data(quarters_data, kpis)
    quarters: list[QuarterResult] = []
    previous: QuarterResult | None = None
    for quarter, values in data.items():
        present = {k.key for k in kpis.kpis if values[k.key] is not None and k.weight > 0}
        total = sum(kpis[key].weight for key in present)
        excluded = tuple(k.key for k in kpis.kpis if values[k.key] is None)
        rows = []
        for kpi in kpis.kpis:
            actual = values[kpi.key]
            weight = kpi.weight / total if kpi.key in present else 0.0
            before = previous[kpi.key].score if previous is not None else None
            if actual is None:
                rows.append(KpiResult(kpi.key, kpi.name, kpi.unit, kpi.direction, kpi.target,
                                      None, None, None, 0.0, 0.0, None, None, None, None))  # fmt: skip
                continue
            a = _achievement(kpi.direction, kpi.target, actual, cap)
            score = min(a, cap)
            change = None if before is None else 100.0 * (score - before)
            rows.append(KpiResult(
                kpi.key, kpi.name, kpi.unit, kpi.direction, kpi.target, actual, a, score, weight,
                100.0 * weight * score, a >= 1 - BOUNDARY_TOLERANCE, traffic_light(100.0 * score, lights),
                change, _trend(change, trend_tolerance),
            ))  # fmt: skip
        if total <= 0:
            raise CalculationError(f"quarters_data: quarter {quarter}: every KPI with a value has weight 0")
        index = sum(row.points for row in rows)
        index_change = None if previous is None else index - previous.index
        notes = tuple(
            Text(
                f"{kpis[key].name.id}: tidak ada data di {quarter}; bobotnya dibagi ke KPI lain.",
                f"{kpis[key].name.en}: no data in {quarter}; its weight was shared among the other KPIs.",
            )
            for key in excluded
        )
        previous = QuarterResult(
            quarter, tuple(rows), index, traffic_light(index, lights), index_change,
            _trend(index_change, trend_tolerance), excluded, notes,
        )  # fmt: skip
        quarters.append(previous)
    return ScorecardResult(tuple(quarters), float(cap), lights, float(trend_tolerance), kpis.source)


SCORECARD_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("quarter", "Triwulan", "Quarter"),
    ("kpi", "KPI", "KPI"),
    ("unit", "Satuan", "Unit"),
    ("target", "Target", "Target"),
    ("actual", "Realisasi", "Actual"),
    ("achievement_pct", "Capaian (%)", "Achievement (%)"),
    ("score_pct", "Skor (%)", "Score (%)"),
    ("weight_pct", "Bobot (%)", "Weight (%)"),
    ("points", "Nilai", "Points"),
    ("status", "Lampu", "Light"),
    ("trend", "Tren", "Trend"),
)
"""Columns of :func:`scorecard_frame`: (field, Indonesian header, English header)."""


def scorecard_frame(result: ScorecardResult, lang: str = "id") -> pd.DataFrame:
    """The scorecard as a table: one row per quarter and KPI, then a row with the quarter's index.

    Percentages are × 100 and not rounded; the index row carries the index in
    ``points``, its light and its trend. A KPI without data shows blanks.

    >>> f = scorecard_frame(scorecard({"2026-Q1": {"sales": 150_000_000}}), lang="en")
    >>> f.iloc[-1]["KPI"], float(f.iloc[-1]["Points"]), f.iloc[-1]["Light"]
    ('Weighted index', 50.0, 'Red: action needed')
    """
    import pandas as pd

    if not isinstance(result, ScorecardResult):
        raise bad_value("result", "a ScorecardResult (see scorecard)", result)
    lang = check_lang(lang)

    def label(table: Mapping[str, Text], key: str | None) -> str | None:
        return None if key is None else getattr(table[key], lang)

    def pct(value: float | None) -> float | None:
        return None if value is None else 100.0 * value

    records = []
    for q in result.quarters:
        for k in q.kpis:
            records.append((
                q.quarter, getattr(k.name, lang), k.unit, k.target, k.actual, pct(k.achievement), pct(k.score),
                100.0 * k.weight, k.points, label(STATUS_LABELS, k.status), label(TREND_LABELS, k.trend),
            ))  # fmt: skip
        records.append((
            q.quarter, "Indeks tertimbang" if lang == "id" else "Weighted index", "", None, None, None, None,
            100.0 * sum(k.weight for k in q.kpis), q.index, label(STATUS_LABELS, q.status),
            label(TREND_LABELS, q.index_trend),
        ))  # fmt: skip
    headers = [c[1] if lang == "id" else c[2] for c in SCORECARD_COLUMNS]
    return pd.DataFrame.from_records(records, columns=headers)
