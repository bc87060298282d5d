"""Size class (skala usaha) of a member business under two systems, always labelled by system.

Indonesia has two systems, and a centre manager meets both:

* **Industry** — Permenperin 64/M-IND/PER/7/2016 (*klasifikasi usaha industri*),
  by workers and investment value excluding land and buildings: *industri
  kecil* (small), *menengah* (medium), *besar* (large). Used by the Ministry
  of Industry and the regional industry office (e.g. for IKM programmes).
* **Business** — PP 7/2021 art. 35 (*kriteria UMKM*), by business capital
  (*modal usaha*, excluding land and buildings) or annual sales (*hasil
  penjualan tahunan*): *usaha mikro*, *kecil*, *menengah*, and *besar* above.

The same member can be "industri kecil" and "usaha mikro" at once, so every
result names its system. Thresholds are DATA (:data:`INDUSTRY_THRESHOLDS`,
:data:`BUSINESS_THRESHOLDS`): pass another table with ``thresholds=``.

>>> classify_industry(12, 350_000_000), classify_business(capital=350_000_000)
('kecil', 'mikro')
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Mapping

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.quality.commodities import Text

DATED = "2026-11-27"
"""When both tables were last reviewed (ISO date)."""

INDUSTRY_SOURCE = (
    "Peraturan Menteri Perindustrian Nomor 64/M-IND/PER/7/2016 tentang Besaran Jumlah Tenaga Kerja dan Nilai "
    "Investasi untuk Klasifikasi Usaha Industri: industri kecil = paling banyak 19 orang tenaga kerja dan nilai "
    "investasi kurang dari Rp1.000.000.000 (tidak termasuk tanah dan bangunan tempat usaha); industri menengah = "
    "paling banyak 19 orang dan investasi paling sedikit Rp1.000.000.000, atau paling sedikit 20 orang dan "
    "investasi paling banyak Rp15.000.000.000; industri besar = paling sedikit 20 orang dan investasi lebih dari "
    "Rp15.000.000.000. Wording as quoted by two secondary copies (data.banyuasinkab.go.id, citing Permenperin "
    "27/2017 which repeats it; haloedukasi.com); primary PDF not read verbatim. No later rule replacing it was "
    "found (2026-11). Confidence: firm (DOMAIN.md), later amendment: check."
)
"""Where the industry thresholds come from."""

BUSINESS_SOURCE = (
    "Peraturan Pemerintah Nomor 7 Tahun 2021 tentang Kemudahan, Pelindungan, dan Pemberdayaan Koperasi dan UMKM, "
    "Pasal 35: (2) modal usaha criterion for founding or registering a business; (3) mikro <= Rp1 miliar, kecil "
    "> Rp1-5 miliar, menengah > Rp5-10 miliar, excluding land and buildings; (4) annual-sales criterion for "
    "facilities, protection and empowerment; (5) mikro <= Rp2 miliar, kecil > Rp2-15 miliar, menengah > Rp15-50 "
    "miliar. Pasal 36: the amounts may be changed. Confidence: firm."
)
"""Where the business thresholds come from."""


@dataclass(frozen=True)
class IndustryThresholds:
    """Thresholds of the industry rule (Permenperin 64/2016); rupiah exclude land and buildings.

    ``medium_max_workers`` is ``None`` in the regulation: it has NO worker
    ceiling for *industri menengah* (≥ 20 workers and ≤ Rp15 bn is medium,
    however many workers). The 20–99 / ≥ 100 worker bands are BPS's
    statistical classification (industri sedang / besar), not this rule; a
    caller who wants that reading sets ``medium_max_workers=99``.
    """

    small_max_workers: int
    small_investment_below: int
    medium_max_investment: int
    medium_max_workers: int | None
    system: Text
    source: str
    dated: str

    def __post_init__(self) -> None:
        if self.small_investment_below > self.medium_max_investment:
            raise CalculationError("thresholds: small_investment_below must not exceed medium_max_investment")
        if self.medium_max_workers is not None and self.medium_max_workers <= self.small_max_workers:
            raise CalculationError("thresholds: medium_max_workers must be above small_max_workers (or None)")


@dataclass(frozen=True)
class BusinessThresholds:
    """Upper limits (inclusive, rupiah) of micro, small and medium under PP 7/2021 art. 35; large is above."""

    capital_max: tuple[int, int, int]
    sales_max: tuple[int, int, int]
    system: Text
    source: str
    dated: str

    def __post_init__(self) -> None:
        for name in ("capital_max", "sales_max"):
            limits = getattr(self, name)
            if len(limits) != 3 or not limits[0] < limits[1] < limits[2]:
                raise CalculationError(f"thresholds.{name}: expected 3 increasing limits (micro, small, medium)")


INDUSTRY_THRESHOLDS = IndustryThresholds(
    small_max_workers=19,  # "paling banyak 19 orang"
    small_investment_below=1_000_000_000,  # "kurang dari Rp1.000.000.000"
    medium_max_investment=15_000_000_000,  # "paling banyak Rp15.000.000.000" (≥ 20 workers)
    medium_max_workers=None,  # no ceiling in the regulation (see class docstring)
    system=Text("Permenperin 64/2016 (industri)", "Permenperin 64/2016 (industry)"),
    source=INDUSTRY_SOURCE,
    dated=DATED,
)
"""Industry rule as data (Permenperin 64/2016)."""

BUSINESS_THRESHOLDS = BusinessThresholds(
    capital_max=(1_000_000_000, 5_000_000_000, 10_000_000_000),  # art. 35(3) a–c
    sales_max=(2_000_000_000, 15_000_000_000, 50_000_000_000),  # art. 35(5) a–c
    system=Text("PP 7/2021 (usaha)", "PP 7/2021 (business)"),
    source=BUSINESS_SOURCE,
    dated=DATED,
)
"""Business rule as data (PP 7/2021 art. 35)."""

INDUSTRY_LABELS: Mapping[str, Text] = MappingProxyType({
    "kecil": Text("Industri kecil", "Small industry"),
    "menengah": Text("Industri menengah", "Medium industry"),
    "besar": Text("Industri besar", "Large industry"),
})  # fmt: skip
"""Bilingual names of the industry classes."""

BUSINESS_LABELS: Mapping[str, Text] = MappingProxyType({
    "mikro": Text("Usaha mikro", "Micro business"),
    "kecil": Text("Usaha kecil", "Small business"),
    "menengah": Text("Usaha menengah", "Medium business"),
    "besar": Text("Usaha besar", "Large business"),
})  # fmt: skip
"""Bilingual names of the business classes."""

_BUSINESS_ORDER = ("mikro", "kecil", "menengah", "besar")


def _money(value: object, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(float(value)):
        raise CalculationError(f"{name}: expected an amount in rupiah (a number ≥ 0), got {value!r}")
    if value < 0:
        raise CalculationError(f"{name}: expected an amount in rupiah ≥ 0, got {value!r}")
    return float(value)


def _workers(value: object) -> int:
    bad = CalculationError(f"workers: expected a whole number of workers ≥ 0, got {value!r}")
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise bad
    if isinstance(value, numbers.Integral):
        count = int(value)
    elif math.isfinite(float(value)) and float(value).is_integer():
        count = int(value)  # 12.0 from a spreadsheet column
    else:
        raise bad
    if count < 0:
        raise bad
    return count


def _table(value: object, kind: type, name: str = "thresholds") -> Any:
    if not isinstance(value, kind):
        raise CalculationError(f"{name}: expected a {kind.__name__} table, got {type(value).__name__}")
    return value


def classify_industry(workers: int, investment: float, thresholds: IndustryThresholds = INDUSTRY_THRESHOLDS) -> str:
    """Industry size class (klasifikasi usaha industri), Permenperin 64/2016.

    With W workers and investment I (rupiah, excluding land and buildings):

    * W ≤ 19 and I < Rp1 bn → ``"kecil"``;
    * W ≤ 19 and I ≥ Rp1 bn → ``"menengah"`` — the clause has no upper bound on
      I, and *industri besar* needs at least 20 workers, so a firm of ≤ 19
      workers is never large, even with I > Rp15 bn;
    * W ≥ 20 and I ≤ Rp15 bn → ``"menengah"``;
    * W ≥ 20 and I > Rp15 bn → ``"besar"``.

    The regulation has no 100-worker line (that is BPS statistics); with a
    table whose ``medium_max_workers`` is set (e.g. 99), more workers than
    that is ``"besar"`` whatever I. Source: :data:`INDUSTRY_SOURCE` — firm.

    Parameters
    ----------
    workers : int
        Workers (tenaga kerja), a whole number ≥ 0.
    investment : float
        Investment value in rupiah ≥ 0, excluding land and buildings.
    thresholds : IndustryThresholds, default INDUSTRY_THRESHOLDS

    Returns
    -------
    str
        ``"kecil"``, ``"menengah"`` or ``"besar"``.

    Raises
    ------
    CalculationError
        Non-integer or negative ``workers``; non-number or negative ``investment``; a bad table.

    Examples
    --------
    >>> classify_industry(19, 999_999_999), classify_industry(19, 1_000_000_000)
    ('kecil', 'menengah')
    >>> classify_industry(20, 15_000_000_000), classify_industry(20, 15_000_000_001)
    ('menengah', 'besar')
    >>> classify_industry(10, 20_000_000_000)  # ≤ 19 workers: never large
    'menengah'
    """
    count = _workers(workers)
    value = _money(investment, "investment")
    t: IndustryThresholds = _table(thresholds, IndustryThresholds)
    if t.medium_max_workers is not None and count > t.medium_max_workers:
        return "besar"
    if count <= t.small_max_workers:
        return "kecil" if value < t.small_investment_below else "menengah"
    return "menengah" if value <= t.medium_max_investment else "besar"


def _by_limits(value: float, limits: tuple[int, int, int]) -> str:
    for key, limit in zip(_BUSINESS_ORDER, limits, strict=False):
        if value <= limit:
            return key
    return "besar"


def classify_business(
    capital: float | None = None,
    annual_sales: float | None = None,
    thresholds: BusinessThresholds = BUSINESS_THRESHOLDS,
) -> str:
    """Business size class (kriteria UMKM), PP 7/2021 art. 35.

    By capital C (modal usaha, excluding land and buildings) — art. 35(3):
    mikro C ≤ Rp1 bn; kecil Rp1 bn < C ≤ Rp5 bn; menengah Rp5 bn < C ≤ Rp10 bn;
    besar above. By annual sales S — art. 35(5): mikro S ≤ Rp2 bn; kecil ≤ Rp15
    bn; menengah ≤ Rp50 bn; besar above. Firm.

    Which criterion: art. 35(2) uses capital when a business is founded or
    registered; art. 35(4) uses annual sales for facilities, protection and
    empowerment (and secondary sources apply sales to businesses that existed
    before the PP). Our rule: if ``capital`` is given, classify by capital;
    if only ``annual_sales``, by sales. To see both, use
    :func:`classify_business_both`.

    Parameters
    ----------
    capital, annual_sales : float or None
        Rupiah ≥ 0; at least one must be given.
    thresholds : BusinessThresholds, default BUSINESS_THRESHOLDS

    Returns
    -------
    str
        ``"mikro"``, ``"kecil"``, ``"menengah"`` or ``"besar"``.

    Raises
    ------
    CalculationError
        Both None; a non-number or negative amount; a bad table.

    Examples
    --------
    >>> classify_business(capital=1_000_000_000), classify_business(capital=1_000_000_001)
    ('mikro', 'kecil')
    >>> classify_business(annual_sales=16_000_000_000)
    'menengah'
    >>> classify_business(capital=800_000_000, annual_sales=16_000_000_000)  # capital wins
    'mikro'
    """
    t: BusinessThresholds = _table(thresholds, BusinessThresholds)
    if capital is not None:
        return _by_limits(_money(capital, "capital"), t.capital_max)
    if annual_sales is not None:
        return _by_limits(_money(annual_sales, "annual_sales"), t.sales_max)
    raise CalculationError("capital, annual_sales: give at least one of them (rupiah), got neither")


@dataclass(frozen=True)
class BusinessClasses:
    """Business class by each PP 7/2021 criterion (``None`` where the amount was not given)."""

    by_capital: str | None
    by_sales: str | None
    agree: bool | None

    def to_dict(self) -> dict[str, Any]:
        """Plain values.

        >>> classify_business_both(2_000_000_000, 1_000_000_000).to_dict()
        {'by_capital': 'kecil', 'by_sales': 'mikro', 'agree': False}
        """
        return {"by_capital": self.by_capital, "by_sales": self.by_sales, "agree": self.agree}


def classify_business_both(
    capital: float | None,
    annual_sales: float | None,
    thresholds: BusinessThresholds = BUSINESS_THRESHOLDS,
) -> BusinessClasses:
    """Business class by capital AND by annual sales (PP 7/2021 art. 35(3) and (5)), to show disagreement.

    ``agree`` is ``None`` unless both amounts are given. Same thresholds and
    errors as :func:`classify_business`.

    >>> r = classify_business_both(capital=4_000_000_000, annual_sales=1_500_000_000)
    >>> r.by_capital, r.by_sales, r.agree
    ('kecil', 'mikro', False)
    """
    if capital is None and annual_sales is None:
        raise CalculationError("capital, annual_sales: give at least one of them (rupiah), got neither")
    by_capital = None if capital is None else classify_business(capital=capital, thresholds=thresholds)
    by_sales = None if annual_sales is None else classify_business(annual_sales=annual_sales, thresholds=thresholds)
    agree = None if by_capital is None or by_sales is None else by_capital == by_sales
    return BusinessClasses(by_capital, by_sales, agree)


@dataclass(frozen=True)
class SizeClass:
    """One class in one system: key, bilingual label, the system's name and the basis used."""

    key: str
    label: Text
    system: Text
    basis: str

    def to_dict(self) -> dict[str, Any]:
        """Plain values.

        >>> classify_member(5, 100_000_000, capital=100_000_000).industry.to_dict()["system"]["id"]
        'Permenperin 64/2016 (industri)'
        """
        return {"key": self.key, "label": self.label.to_dict(), "system": self.system.to_dict(), "basis": self.basis}


@dataclass(frozen=True)
class SizeClassResult:
    """Size class of a member in both systems (see :func:`classify_member`)."""

    industry: SizeClass
    business: SizeClass
    business_by_criterion: BusinessClasses

    def to_dict(self) -> dict[str, Any]:
        """Plain values (JSON-able).

        >>> classify_member(5, 100_000_000, annual_sales=500_000_000).to_dict()["business"]["label"]["en"]
        'Micro business'
        """
        return {
            "industry": self.industry.to_dict(),
            "business": self.business.to_dict(),
            "business_by_criterion": self.business_by_criterion.to_dict(),
        }


def classify_member(
    workers: int,
    investment: float,
    capital: float | None = None,
    annual_sales: float | None = None,
    industry_thresholds: IndustryThresholds = INDUSTRY_THRESHOLDS,
    business_thresholds: BusinessThresholds = BUSINESS_THRESHOLDS,
) -> SizeClassResult:
    """Size class of a member business under both systems, each labelled by its system.

    Industry class by :func:`classify_industry` (Permenperin 64/2016);
    business class by :func:`classify_business` (PP 7/2021: capital if
    given, else annual sales), plus the class by each criterion. ``basis`` is
    ``"workers_investment"``, ``"capital"`` or ``"annual_sales"``.

    Raises
    ------
    CalculationError
        As the two functions: bad numbers, or neither capital nor annual sales.

    Examples
    --------
    A fish-floss group of 8 workers, Rp250 million of equipment, Rp900 million sales a year:

    >>> r = classify_member(8, 250_000_000, annual_sales=900_000_000)
    >>> r.industry.label.id, r.business.label.id, r.business.basis
    ('Industri kecil', 'Usaha mikro', 'annual_sales')
    """
    industry_key = classify_industry(workers, investment, industry_thresholds)
    business_key = classify_business(capital, annual_sales, business_thresholds)
    both = classify_business_both(capital, annual_sales, business_thresholds)
    return SizeClassResult(
        industry=SizeClass(
            industry_key, INDUSTRY_LABELS[industry_key], industry_thresholds.system, "workers_investment"
        ),
        business=SizeClass(
            business_key,
            BUSINESS_LABELS[business_key],
            business_thresholds.system,
            "capital" if capital is not None else "annual_sales",
        ),
        business_by_criterion=both,
    )
