"""Indikator kinerja utama (KPI) of a centre, as data: what is measured, its target and its weight.

A :class:`Kpi` says what one indicator is (key, bilingual name, unit),
which way is better (``higher`` / ``lower``), its target per quarter and its
weight in the scorecard, and — for a percentage — how it is computed from two
raw counts of the quarter (numerator ÷ denominator × 100). A :class:`KpiSet`
is the list the scorecard (:mod:`.scorecard`) reads; its weights are
normalised to sum 1.

:data:`DEFAULT_KPIS` is a TEACHING set for a fictional fish-floss centre in
Kendari: the choice of indicators follows the course brief; the targets and
weights are NOT from a regulation — check. A Dinas or a centre sets its own
(from the centre's development plan or a performance agreement) and passes
them as another :class:`KpiSet`, built with :func:`kpi_set_from_rows` from a
plain table or with :meth:`KpiSet.with_changes`.

>>> DEFAULT_KPIS.keys[:3], DEFAULT_KPIS["defect_rate"].direction, DEFAULT_KPIS["defect_rate"].formula
(('machine_utilisation', 'active_members', 'production'), 'lower', 'defects ÷ production × 100')
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Any

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.quality.commodities import Text
from ikm_curriculum.modules.table_cells import bad_value, header_key, is_empty, problem_list, rename_row

DIRECTIONS: Mapping[str, Text] = MappingProxyType(
    {
        "higher": Text("makin tinggi makin baik", "higher is better"),
        "lower": Text("makin rendah makin baik", "lower is better"),
    }
)
"""Which way an indicator is better. In Indonesian performance reports: indikator positif / negatif."""

DIRECTION_ALIASES: Mapping[str, str] = MappingProxyType(
    {"higher": "higher", "tinggi": "higher", "positif": "higher", "positive": "higher",
     "lower": "lower", "rendah": "lower", "negatif": "lower", "negative": "lower"}
)  # fmt: skip
"""Words accepted for ``direction`` in a table (any case)."""

KPI_SOURCE = (
    "Teaching values (check), set in November 2026 for a fictional fish-floss centre in Kendari: the indicators "
    "follow the course brief (machine use, members, production, sales, defects, P-IRT/halal/SNI, asset "
    "condition B of Permendagri 19/2016, cash); the targets per quarter and the weights are NOT from a regulation. "
    "A Dinas or centre sets its own, e.g. from the centre's development plan or a performance agreement."
)
"""Where :data:`DEFAULT_KPIS` comes from."""

_KEY = re.compile(r"[a-z][a-z0-9_]*")


def _number(value: object, what: str) -> float:
    """A finite real number (not a bool), else a CalculationError naming ``what``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(float(value)):
        raise bad_value(what, "a finite number", value)
    return float(value)


def _key(value: object, what: str) -> str:
    if not isinstance(value, str) or not _KEY.fullmatch(value):
        raise bad_value(what, "a short name in lower case letters, digits and _ (e.g. 'defect_rate')", value)
    return value


@dataclass(frozen=True)
class Kpi:
    """One indikator kinerja (performance indicator) of a centre, measured each quarter.

    ``target`` (> 0) is the value aimed at in one quarter, in ``unit``;
    ``weight`` (≥ 0) its weight in the index (a :class:`KpiSet` normalises
    them). ``numerator`` and ``denominator`` (both or neither) name raw
    inputs of the quarter when the KPI is a percentage: value = numerator ÷
    denominator × 100, with 0 ≤ numerator ≤ denominator.
    """

    key: str
    name: Text
    unit: str
    direction: str
    target: float
    weight: float
    numerator: str = ""
    denominator: str = ""

    def __post_init__(self) -> None:
        problems = []
        if not isinstance(self.name, Text):
            problems.append(str(bad_value("name", "a Text(id=…, en=…)", self.name)))
        if not isinstance(self.unit, str):
            problems.append(str(bad_value("unit", "a text such as '%' or 'kg'", self.unit)))
        if self.direction not in DIRECTIONS:
            problems.append(str(bad_value("direction", "'higher' or 'lower'", self.direction)))
        for field, check in (("key", _key), ("target", _positive), ("weight", _non_negative)):
            try:
                check(getattr(self, field), field)
            except CalculationError as exc:
                problems.append(str(exc))
        if bool(self.numerator) != bool(self.denominator):
            problems.append(
                f"numerator/denominator: expected both (a percentage of two inputs) or neither, "
                f"got {self.numerator!r} and {self.denominator!r}"
            )
        elif self.numerator:
            for field in ("numerator", "denominator"):
                try:
                    _key(getattr(self, field), field)
                except CalculationError as exc:
                    problems.append(str(exc))
            if len({self.key, self.numerator, self.denominator}) < 3:
                problems.append(
                    f"numerator/denominator: expected two inputs different from each other and from the key "
                    f"{self.key!r}, got {self.numerator!r} and {self.denominator!r}"
                )
        if problems:
            raise CalculationError(f"KPI {self.key!r}: " + "; ".join(problems))

    @property
    def formula(self) -> str:
        """How the value is found: ``'a ÷ b × 100'`` for a percentage, else ``'given'``.

        >>> DEFAULT_KPIS["sales"].formula
        'given'
        """
        return f"{self.numerator} ÷ {self.denominator} × 100" if self.numerator else "given"

    def value_from(self, raw: Mapping[str, object]) -> float | None:
        """The KPI value of one quarter from the raw values, or ``None`` when it has no data.

        The value is ``raw[key]`` if given (a blank cell counts as not
        given); otherwise, for a percentage KPI, numerator ÷ denominator × 100
        when the numerator is given. Values must be ≥ 0; the numerator may not
        exceed the denominator (a share), and the denominator must be > 0.

        Raises
        ------
        CalculationError
            A non-number or negative value, both the value and its
            numerator given, a numerator without its denominator, a share
            above 100 % or a zero denominator.

        Examples
        --------
        Hand-computed: 120 defective kg of 4 000 kg produced → 3 %.

        >>> DEFAULT_KPIS["defect_rate"].value_from({"defects": 120, "production": 4000})
        3.0
        >>> DEFAULT_KPIS["defect_rate"].value_from({"production": 4000}) is None
        True
        """
        given = {k: v for k, v in raw.items() if not is_empty(v)}
        if self.key in given:
            if self.numerator in given:
                raise CalculationError(
                    f"{self.key}: give either the value or its inputs {self.numerator} and {self.denominator}, not both"
                )
            return _non_negative(given[self.key], self.key)
        if not self.numerator or self.numerator not in given:
            return None
        if self.denominator not in given:
            raise bad_value(f"{self.denominator} (needed with {self.numerator} for {self.key})", "a number", None)
        top = _non_negative(given[self.numerator], self.numerator)
        bottom = _non_negative(given[self.denominator], self.denominator)
        if bottom == 0:
            raise CalculationError(
                f"{self.denominator}: expected a number > 0 to compute {self.key}, got 0 "
                f"(leave {self.numerator} blank to skip {self.key} this quarter)"
            )
        if top > bottom:
            raise CalculationError(
                f"{self.numerator}: expected at most {self.denominator} ({bottom:g}) for the share {self.key}, "
                f"got {top:g}"
            )
        return 100.0 * top / bottom

    def to_dict(self) -> dict[str, Any]:
        """Plain values; the name as ``{"id": …, "en": …}``.

        >>> DEFAULT_KPIS["sales"].to_dict()["name"]
        {'id': 'Penjualan', 'en': 'Sales'}
        """
        return {
            "key": self.key, "name": self.name.to_dict(), "unit": self.unit, "direction": self.direction,
            "target": self.target, "weight": self.weight, "numerator": self.numerator,
            "denominator": self.denominator, "formula": self.formula,
        }  # fmt: skip


def _positive(value: object, what: str) -> float:
    number = _number(value, what)
    if number <= 0:
        raise bad_value(what, "a number > 0", value)
    return number


def _non_negative(value: object, what: str) -> float:
    number = _number(value, what)
    if number < 0:
        raise bad_value(what, "a number ≥ 0", value)
    return number


@dataclass(frozen=True)
class KpiSet:
    """The KPIs of a scorecard, with weights normalised to sum 1 (w_i / Σ w).

    Keys must be unique; weights ≥ 0 and not all zero. ``source`` says where
    the targets and weights come from.
    """

    kpis: tuple[Kpi, ...]
    source: str = ""

    def __post_init__(self) -> None:
        kpis = tuple(self.kpis) if isinstance(self.kpis, (list, tuple)) else None
        if not kpis or not all(isinstance(k, Kpi) for k in kpis):
            raise bad_value("kpis", "a non-empty list of Kpi", self.kpis)
        keys = [k.key for k in kpis]
        doubled = sorted({k for k in keys if keys.count(k) > 1})
        if doubled:
            raise CalculationError(f"kpis: expected each key once, got {doubled} more than once")
        total = sum(k.weight for k in kpis)
        if total <= 0:
            raise CalculationError("kpis: weight: expected at least one weight > 0, got all 0")
        object.__setattr__(self, "kpis", tuple(replace(k, weight=k.weight / total) for k in kpis))

    @property
    def keys(self) -> tuple[str, ...]:
        """The KPI keys, in order."""
        return tuple(k.key for k in self.kpis)

    @property
    def input_keys(self) -> frozenset[str]:
        """Every key a quarter's raw data may hold: the KPI keys and their numerators and denominators."""
        return frozenset(self.keys) | {n for k in self.kpis for n in (k.numerator, k.denominator) if n}

    def __getitem__(self, key: str) -> Kpi:
        for kpi in self.kpis:
            if kpi.key == key:
                return kpi
        raise KeyError(key)

    def with_changes(
        self, targets: Mapping[str, float] | None = None, weights: Mapping[str, float] | None = None, source: str = ""
    ) -> KpiSet:
        """A copy with some targets and/or weights replaced (weights normalised again).

        >>> mine = DEFAULT_KPIS.with_changes(targets={"sales": 250_000_000}, source="Dinas X, 2027")
        >>> mine["sales"].target, mine.source
        (250000000, 'Dinas X, 2027')
        """
        changes = {"target": targets or {}, "weight": weights or {}}
        for field, given in changes.items():
            unknown = sorted(set(given) - set(self.keys))
            if unknown:
                raise CalculationError(f"{field}s: unknown KPI key(s) {unknown}; expected some of {list(self.keys)}")
        kpis = tuple(
            replace(
                k,
                target=changes["target"].get(k.key, k.target),
                weight=changes["weight"].get(k.key, k.weight),
            )
            for k in self.kpis
        )
        return KpiSet(kpis, source or self.source)

    def to_dict(self) -> dict[str, Any]:
        """Plain lists and numbers.

        >>> round(sum(k["weight"] for k in DEFAULT_KPIS.to_dict()["kpis"]), 9)
        1.0
        """
        return {"kpis": [k.to_dict() for k in self.kpis], "source": self.source}


DEFAULT_KPIS = KpiSet(
    (
        Kpi("machine_utilisation", Text("Pemakaian mesin bersama", "Use of shared machines"), "%", "higher",
            60.0, 0.15, "machine_hours_used", "machine_hours_available"),
        Kpi("active_members", Text("Anggota aktif", "Active members"), "anggota", "higher", 20, 0.10),
        Kpi("production", Text("Produksi", "Production"), "kg", "higher", 4_000, 0.15),
        Kpi("sales", Text("Penjualan", "Sales"), "Rp", "higher", 300_000_000, 0.20),
        Kpi("defect_rate", Text("Produk cacat", "Defect rate"), "%", "lower", 3.0, 0.10, "defects", "production"),
        Kpi("certified_members", Text("Anggota ber-P-IRT/halal/SNI", "Members with P-IRT / halal / SNI"), "%",
            "higher", 50.0, 0.10, "members_certified", "active_members"),
        Kpi("assets_good", Text("Aset kondisi baik", "Assets in good condition"), "%", "higher", 90.0, 0.10,
            "assets_condition_b", "assets_total"),
        Kpi("cash_balance", Text("Saldo kas", "Cash balance"), "Rp", "higher", 15_000_000, 0.10),
    ),
    KPI_SOURCE,
)  # fmt: skip
"""Teaching KPI set (targets per quarter and weights: check, see :data:`KPI_SOURCE`).

Percentages computed from raw inputs: machine use = machine_hours_used ÷
machine_hours_available × 100; defect rate = defects ÷ production × 100
(defects in the unit of production); members with P-IRT / halal / SNI =
members_certified ÷ active_members × 100; assets in good condition =
assets_condition_b (items in condition Baik) ÷ assets_total × 100.
"""

KPI_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("key", "kode", "key"),
    ("name_id", "nama", "name_id"),
    ("name_en", "nama_inggris", "name_en"),
    ("unit", "satuan", "unit"),
    ("direction", "arah", "direction"),
    ("target", "target", "target"),
    ("weight", "bobot", "weight"),
    ("numerator", "pembilang", "numerator"),
    ("denominator", "penyebut", "denominator"),
)
"""Columns of a KPI table: (field, Indonesian header, English header). numerator/denominator may be blank."""


def _known_headers() -> dict[str, str]:
    return {header_key(name): field for field, *names in KPI_COLUMNS for name in (field, *names)}


def _kpi_from_row(row: Mapping[Any, Any], where: str) -> Kpi:
    named, problems = rename_row(row, _known_headers())
    text = {f: ("" if is_empty(named.get(f)) else named.get(f)) for f, *_ in KPI_COLUMNS}
    direction = DIRECTION_ALIASES.get(str(text["direction"]).strip().casefold(), text["direction"])
    if direction not in DIRECTIONS:
        problems.append(f"direction: expected one of {', '.join(DIRECTION_ALIASES)}, got {text['direction']!r}")
    for field in ("name_id", "unit"):
        if not isinstance(text[field], str) or not text[field].strip():
            problems.append(str(bad_value(field, "a text", named.get(field))))
    if problems:
        raise CalculationError("\n".join(f"{where}: {p}" for p in problems))
    name = Text(text["name_id"].strip(), str(text["name_en"] or text["name_id"]).strip())
    try:
        return Kpi(
            text["key"], name, text["unit"].strip(), direction, text["target"], text["weight"],
            text["numerator"], text["denominator"],
        )  # fmt: skip
    except CalculationError as exc:
        raise CalculationError(f"{where}: {exc}") from None


def kpi_set_from_rows(rows: Iterable[Mapping[Any, Any]], first_row: int = 1, source: str = "") -> KpiSet:
    """A :class:`KpiSet` from a plain table (one dict per KPI); ONE error lists every problem with its row.

    Columns (see :data:`KPI_COLUMNS`; Indonesian headers accepted): key, name_id,
    name_en (optional: defaults to name_id), unit, direction (``higher`` /
    ``lower``, also ``tinggi`` / ``rendah``, ``positif`` / ``negatif``),
    target (> 0), weight (≥ 0, normalised; not all zero), numerator and
    denominator (optional). Rows are numbered from ``first_row`` (2 for a
    sheet with a header row); blank rows are skipped.

    Examples
    --------
    >>> s = kpi_set_from_rows([
    ...     dict(kode="sales", nama="Penjualan", satuan="Rp", arah="tinggi", target=1e8, bobot=3),
    ...     dict(kode="defects_pct", nama="Cacat", satuan="%", arah="rendah", target=2, bobot=1,
    ...          pembilang="defects", penyebut="units")])
    >>> [(k.key, k.weight) for k in s.kpis]
    [('sales', 0.75), ('defects_pct', 0.25)]
    """
    if isinstance(rows, (str, bytes, Mapping)) or not isinstance(rows, Iterable):
        raise bad_value("rows", "a list of KPI rows (dicts)", rows)
    kpis: list[Kpi] = []
    problems: list[str] = []
    first: dict[str, int] = {}
    for number, row in enumerate(rows, first_row):
        if not isinstance(row, Mapping):
            problems.append(f"row {number}: expected a mapping of fields, got {row!r}")
            continue
        if all(is_empty(v) for v in row.values()):
            continue
        try:
            kpi = _kpi_from_row(row, f"row {number}")
        except CalculationError as exc:
            problems.extend(str(exc).split("\n"))
            continue
        if kpi.key in first:
            problems.append(f"row {number}: key: expected a key not used before, got {kpi.key!r} again "
                            f"(first in row {first[kpi.key]})")  # fmt: skip
        first.setdefault(kpi.key, number)
        kpis.append(kpi)
    if not kpis and not problems:
        problems.append("expected at least one KPI row, got none")
    if kpis and not problems and sum(k.weight for k in kpis) <= 0:
        problems.append("weight: expected at least one weight > 0, got all 0")
    if problems:
        raise problem_list("KPI table", problems)
    return KpiSet(tuple(kpis), source)
