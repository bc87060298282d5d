"""Useful lives (masa manfaat) of a centre's fixed assets, as a replaceable table.

The basis (Permendagri 64/2013 on accrual-based government accounting,
Lampiran I, fixed-asset policy) suggests the straight-line method and says
that land (KIB A) and construction in progress (KIB F) are not depreciated.
The number of years per kind of asset is NOT set nationally for regions: each
region's accounting policy (*Peraturan Kepala Daerah tentang kebijakan
akuntansi*, Perkada) sets its own table. The values below are typical of such
tables — confidence "check": a facilitator should load the city's own table
(e.g. from a CSV read elsewhere) with :func:`useful_life_table_from_rows`.

Every row names the asset card (Kartu Inventaris Barang, KIB) it belongs to:
B equipment and machines, C buildings, D roads, irrigation and networks,
E other fixed assets. Cards A (land) and F (construction in progress) have no
useful life.

>>> DEFAULT_USEFUL_LIVES.years("komputer")
4
>>> DEFAULT_USEFUL_LIVES.row("gedung_permanen").card
'C'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.assets.cards import DEPRECIABLE_CARDS
from ikm_curriculum.modules.assets.cards import KIB_CARDS as KIB_CARDS  # re-exported: the old home of these names
from ikm_curriculum.modules.assets.cards import NOT_DEPRECIATED_CARDS as NOT_DEPRECIATED_CARDS
from ikm_curriculum.modules.quality.commodities import Text
from ikm_curriculum.modules.table_cells import parse_whole

SOURCE = (
    "Basis: Permendagri 64/2013 (accrual-based government accounting standards for regions), Lampiran I, "
    "fixed-asset accounting policy: straight-line depreciation suggested; land and construction in progress "
    "are not depreciated; residual value usually zero. The years are TYPICAL values of regional accounting "
    "policies (Peraturan Kepala Daerah tentang kebijakan akuntansi), which each region sets for itself; "
    "the categories follow the grouping of the central-government table of useful lives (KMK "
    "59/KMK.06/2013), not checked cell by cell. Confidence: check - use the city's own Perkada table "
    "(project notes DOMAIN.md, 'Regional assets')."
)
"""Where the default table comes from, and how sure we are."""

DATED = "2026-11-27"
"""When the default table was last reviewed (ISO date)."""

# (category key, KIB card, name in Indonesian, name in English, years) — all "check".
_DEFAULT_ROWS: tuple[tuple[str, str, str, str, int], ...] = (
    ("gedung_permanen", "C", "Gedung permanen (rumah produksi, gedung UPT)", "Permanent building", 50),
    ("gedung_semi_permanen", "C", "Gedung semi permanen (los, gudang ringan)", "Semi-permanent building", 25),
    ("mesin_bertenaga", "B", "Mesin bengkel/produksi bertenaga listrik atau motor", "Powered workshop machine", 10),
    ("alat_tanpa_tenaga", "B", "Perkakas tangan tanpa mesin", "Unpowered tool", 5),
    ("alat_ukur", "B", "Alat ukur dan timbangan", "Measuring instrument", 5),
    ("alat_dapur", "B", "Peralatan dapur dan olahan pangan (tanpa mesin)", "Kitchen and food processing equipment", 5),
    ("komputer", "B", "Komputer, laptop, printer", "Computer", 4),
    ("mebel_kantor", "B", "Mebel kantor (meja, kursi, lemari)", "Office furniture", 5),
    ("kendaraan_darat", "B", "Kendaraan darat bermotor (mobil, motor)", "Land vehicle", 7),
    (
        "ipal_ipab",
        "D",
        "Instalasi pengolahan air limbah (IPAL) / air bersih (IPAB)",
        "Wastewater / clean-water plant",
        30,
    ),
)

_FIELDS = ("category", "card", "name_id", "name_en", "years")


@dataclass(frozen=True)
class UsefulLife:
    """One row of a useful-life table: a kind of asset, its KIB card and its useful life in years."""

    category: str
    card: str
    name: Text
    years: int

    def to_dict(self) -> dict[str, Any]:
        """Plain values.

        >>> DEFAULT_USEFUL_LIVES.row("komputer").to_dict()["years"]
        4
        """
        return {"category": self.category, "card": self.card, "name": self.name.to_dict(), "years": self.years}


@dataclass(frozen=True)
class UsefulLifeTable:
    """A table of useful lives (tabel masa manfaat) with its source and date.

    Build one with :func:`useful_life_table_from_rows` (which checks every
    row); the default is :data:`DEFAULT_USEFUL_LIVES`.
    """

    rows: tuple[UsefulLife, ...]
    source: str
    dated: str

    @property
    def categories(self) -> tuple[str, ...]:
        """Category keys, in table order.

        >>> DEFAULT_USEFUL_LIVES.categories[:2]
        ('gedung_permanen', 'gedung_semi_permanen')
        """
        return tuple(r.category for r in self.rows)

    def row(self, category_key: str) -> UsefulLife:
        """The row of ``category_key``; unknown keys raise :class:`CalculationError` listing the known ones.

        >>> DEFAULT_USEFUL_LIVES.row("kendaraan_darat").name.en
        'Land vehicle'
        """
        for r in self.rows:
            if r.category == category_key:
                return r
        raise CalculationError(
            f"category_key: unknown useful-life category {category_key!r}; known: {', '.join(self.categories)}"
        )

    def years(self, category_key: str) -> int:
        """Useful life in years of ``category_key``.

        >>> DEFAULT_USEFUL_LIVES.years("mesin_bertenaga")
        10
        """
        return self.row(category_key).years

    def to_dict(self) -> dict[str, Any]:
        """Plain values: ``source``, ``dated`` and ``rows``.

        >>> d = DEFAULT_USEFUL_LIVES.to_dict()
        >>> d["dated"], d["rows"][0]["category"]
        ('2026-11-27', 'gedung_permanen')
        """
        return {"source": self.source, "dated": self.dated, "rows": [r.to_dict() for r in self.rows]}


def _text_field(row: Mapping[str, Any], field: str, where: str) -> str:
    value = row[field]
    if not isinstance(value, str) or not value.strip():
        raise CalculationError(f"{where}, field {field!r}: expected non-empty text, got {value!r}")
    return value.strip()


def _years_field(value: object, where: str) -> int:
    try:
        return parse_whole(value, "years", 1)  # 50.0 from a spreadsheet column and "50" from a CSV are accepted
    except CalculationError:
        raise CalculationError(
            f"{where}, field 'years': expected a positive whole number of years, got {value!r}"
        ) from None


def useful_life_table_from_rows(
    rows: Iterable[Mapping[str, Any]], source: str, dated: str | dt.date
) -> UsefulLifeTable:
    """Build a :class:`UsefulLifeTable` from plain rows, checking each one.

    Each row is a mapping with keys ``category`` (key used in code, e.g.
    ``"mesin_bertenaga"``), ``card`` (KIB letter B, C, D or E; case and
    spaces ignored), ``name_id``, ``name_en`` and ``years`` (a positive whole
    number; the text ``"10"`` from a CSV file is accepted). Rows are numbered
    from 1 (the first data row, not counting a CSV header) in error messages.
    Extra keys are ignored.

    Parameters
    ----------
    rows : iterable of mappings
        At least one row.
    source : str
        Which regulation the table comes from (e.g. "Perwali Kendari ... Lampiran ...").
    dated : str or datetime.date
        Date of the table, ISO text (``"2024-01-31"``) or a date.

    Returns
    -------
    UsefulLifeTable

    Raises
    ------
    CalculationError
        No rows; a row that is not a mapping; a missing or empty field; a card
        outside B–E (A and F are not depreciated); years not a positive whole
        number; a duplicate category; empty ``source``; a bad ``dated``.

    Examples
    --------
    >>> t = useful_life_table_from_rows(
    ...     [{"category": "oven", "card": "b", "name_id": "Oven", "name_en": "Oven", "years": "8"}],
    ...     source="Perwali contoh", dated="2025-01-02")
    >>> t.years("oven"), t.row("oven").card
    (8, 'B')
    """
    if not isinstance(source, str) or not source.strip():
        raise CalculationError(f"source: expected non-empty text naming the regulation, got {source!r}")
    if isinstance(dated, dt.date):
        dated_text = dated.isoformat()
    else:
        try:
            dated_text = dt.date.fromisoformat(str(dated).strip()).isoformat()
        except ValueError:
            raise CalculationError(f"dated: expected an ISO date such as '2024-01-31', got {dated!r}") from None
    checked: list[UsefulLife] = []
    first_seen: dict[str, int] = {}
    for number, row in enumerate(rows, start=1):
        where = f"row {number}"
        if not isinstance(row, Mapping):
            raise CalculationError(f"{where}: expected a mapping with keys {', '.join(_FIELDS)}, got {row!r}")
        missing = [f for f in _FIELDS if f not in row]
        if missing:
            raise CalculationError(f"{where}: field(s) {', '.join(repr(f) for f in missing)} missing")
        category = _text_field(row, "category", where)
        card = row["card"].strip().upper() if isinstance(row["card"], str) else None
        if card not in DEPRECIABLE_CARDS:
            raise CalculationError(
                f"{where}, field 'card': expected one of {' '.join(DEPRECIABLE_CARDS)} "
                f"(A land and F construction in progress are not depreciated), got {row['card']!r}"
            )
        name = Text(_text_field(row, "name_id", where), _text_field(row, "name_en", where))
        years = _years_field(row["years"], where)
        if category in first_seen:
            raise CalculationError(f"{where}, field 'category': {category!r} duplicates row {first_seen[category]}")
        first_seen[category] = number
        checked.append(UsefulLife(category, card, name, years))
    if not checked:
        raise CalculationError("rows: expected at least one row, got none")
    return UsefulLifeTable(tuple(checked), source.strip(), dated_text)


DEFAULT_USEFUL_LIVES: UsefulLifeTable = UsefulLifeTable(
    rows=tuple(
        UsefulLife(key, card, Text(name_id, name_en), years) for key, card, name_id, name_en, years in _DEFAULT_ROWS
    ),
    source=SOURCE,
    dated=DATED,
)
"""Typical useful lives of a centre's assets (confidence "check"); replace with the city's own table."""
