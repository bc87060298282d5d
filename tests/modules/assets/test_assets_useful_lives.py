"""Table of useful lives (masa manfaat): default values, lookup, and loading a city's own table."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json

import numpy as np
import pytest

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.assets import cards, depreciation, register
from ikm_curriculum.modules.assets.useful_lives import (
    DATED,
    DEFAULT_USEFUL_LIVES,
    DEPRECIABLE_CARDS,
    KIB_CARDS,
    NOT_DEPRECIATED_CARDS,
    SOURCE,
    UsefulLifeTable,
    useful_life_table_from_rows,
)


def _row(**changes: object) -> dict[str, object]:
    row: dict[str, object] = {"category": "oven", "card": "B", "name_id": "Oven", "name_en": "Oven", "years": 8}
    row.update(changes)
    return row


# --- default table ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "card", "years"),
    [
        # DOMAIN.md "Regional assets", typical values of regional accounting policies (confidence: check)
        ("gedung_permanen", "C", 50),
        ("mesin_bertenaga", "B", 10),
        ("alat_tanpa_tenaga", "B", 5),
        ("alat_ukur", "B", 5),
        ("komputer", "B", 4),
        ("mebel_kantor", "B", 5),
        ("kendaraan_darat", "B", 7),
    ],
)
def test_default_lives_from_domain_notes(key: str, card: str, years: int) -> None:
    assert DEFAULT_USEFUL_LIVES.years(key) == years
    assert DEFAULT_USEFUL_LIVES.row(key).card == card


def test_default_table_rows_are_well_formed() -> None:
    # rule: every row on a depreciable card (B–E), a positive whole number of years, unique key, both languages.
    rows = DEFAULT_USEFUL_LIVES.rows
    assert len(DEFAULT_USEFUL_LIVES.categories) == len(set(DEFAULT_USEFUL_LIVES.categories)) == len(rows)
    for row in rows:
        assert row.card in ("B", "C", "D", "E")
        assert isinstance(row.years, int) and row.years > 0
        assert row.name.id.strip() and row.name.en.strip()
    # the extra categories of a centre (semi-permanent building, IPAL/IPAB, kitchen equipment) are there
    assert {"gedung_semi_permanen", "ipal_ipab", "alat_dapur"} <= set(DEFAULT_USEFUL_LIVES.categories)
    assert DEFAULT_USEFUL_LIVES.row("ipal_ipab").card == "D"  # installations are networks, KIB D (DOMAIN.md)


def test_default_table_passes_its_own_validation() -> None:
    # the default is built without from_rows; rebuilding it through from_rows must give the same table.
    plain = [
        {"category": r.category, "card": r.card, "name_id": r.name.id, "name_en": r.name.en, "years": r.years}
        for r in DEFAULT_USEFUL_LIVES.rows
    ]
    assert useful_life_table_from_rows(plain, SOURCE, DATED) == DEFAULT_USEFUL_LIVES


def test_source_and_date() -> None:
    # brief / DOMAIN.md: the basis is Permendagri 64/2013 Lampiran I; lives are regional policy, confidence check.
    for words in ("Permendagri 64/2013", "Lampiran I", "straight-line", "land", "construction in progress", "check"):
        assert words in SOURCE
    assert DATED == "2026-11-27" and dt.date.fromisoformat(DATED)
    assert DEFAULT_USEFUL_LIVES.source == SOURCE and DEFAULT_USEFUL_LIVES.dated == DATED


def test_cards() -> None:
    # DOMAIN.md: KIB A–F; land (A) and construction in progress (F) are not depreciated.
    assert KIB_CARDS == ("A", "B", "C", "D", "E", "F")
    assert NOT_DEPRECIATED_CARDS == ("A", "F") and DEPRECIABLE_CARDS == ("B", "C", "D", "E")


def test_card_facts_have_one_definition() -> None:
    # cards.py holds the card facts; the useful-life table, depreciation and the register import them from there
    assert KIB_CARDS is cards.KIB_CARDS is depreciation.KIB_CARDS and tuple(register.CARDS) == KIB_CARDS
    assert NOT_DEPRECIATED_CARDS is cards.NOT_DEPRECIATED_CARDS is register.NOT_DEPRECIATED_CARDS
    assert DEPRECIABLE_CARDS is cards.DEPRECIABLE_CARDS


def test_unknown_category_lists_known_keys() -> None:
    with pytest.raises(CalculationError, match="category_key.*'mesin'.*komputer.*kendaraan_darat"):
        DEFAULT_USEFUL_LIVES.years("mesin")


def test_to_dict_is_json_and_table_is_frozen() -> None:
    d = json.loads(json.dumps(DEFAULT_USEFUL_LIVES.to_dict()))
    assert d["dated"] == "2026-11-27"
    assert d["rows"][0] == {
        "category": "gedung_permanen",
        "card": "C",
        "name": DEFAULT_USEFUL_LIVES.row("gedung_permanen").name.to_dict(),
        "years": 50,  # DOMAIN.md: permanent building 50 years (check)
    }
    with pytest.raises(dataclasses.FrozenInstanceError):
        DEFAULT_USEFUL_LIVES.source = "x"  # type: ignore[misc]


# --- a city's own table ----------------------------------------------------------------------------------------


def test_table_from_csv_text() -> None:
    # a fictional city table, as csv.DictReader gives it: every value is text.
    text = (
        "category,card,name_id,name_en,years\n"
        "oven, b ,Oven roti,Bread oven,8\n"
        "gudang,C,Gudang,Warehouse, 20 \n"
        "sumur,D,Sumur bor,Borehole,15\n"
        "koleksi,E,Koleksi museum,Museum collection,3\n"
    )
    table = useful_life_table_from_rows(csv.DictReader(io.StringIO(text)), " Perwali contoh ", dt.date(2025, 1, 2))
    assert isinstance(table, UsefulLifeTable)
    assert table.categories == ("oven", "gudang", "sumur", "koleksi")
    assert [table.years(k) for k in table.categories] == [8, 20, 15, 3]
    assert table.row("oven").card == "B" and table.row("oven").name.en == "Bread oven"
    assert table.source == "Perwali contoh" and table.dated == "2025-01-02"


@pytest.mark.parametrize("years", [8, np.int64(8), 8.0, "8", " 8 "])
def test_years_accepted_forms(years: object) -> None:
    assert useful_life_table_from_rows([_row(years=years)], "s", "2025-01-01").years("oven") == 8


@pytest.mark.parametrize("years", [0, -1, "0", "-3", "5.5", 2.5, "abc", "", "²", True, None, float("nan")])
def test_years_must_be_a_positive_whole_number(years: object) -> None:
    with pytest.raises(CalculationError, match="row 2, field 'years'"):
        useful_life_table_from_rows([_row(category="a"), _row(years=years)], "s", "2025-01-01")


@pytest.mark.parametrize("card", ["A", "F", "G", "", "BC", 2, None])
def test_card_must_be_b_to_e(card: object) -> None:
    with pytest.raises(CalculationError, match="row 1, field 'card'.*B C D E"):
        useful_life_table_from_rows([_row(card=card)], "s", "2025-01-01")


@pytest.mark.parametrize("field", ["category", "name_id", "name_en"])
def test_text_fields_must_not_be_empty(field: str) -> None:
    with pytest.raises(CalculationError, match=f"row 1, field '{field}'"):
        useful_life_table_from_rows([_row(**{field: "  "})], "s", "2025-01-01")


def test_missing_field_is_named() -> None:
    row = _row()
    del row["years"]
    with pytest.raises(CalculationError, match="row 1: field.*'years'.*missing"):
        useful_life_table_from_rows([row], "s", "2025-01-01")


def test_duplicate_category_names_both_rows() -> None:
    rows = [_row(), _row(category="gudang"), _row()]
    with pytest.raises(CalculationError, match="row 3, field 'category'.*'oven' duplicates row 1"):
        useful_life_table_from_rows(rows, "s", "2025-01-01")


def test_table_level_errors() -> None:
    with pytest.raises(CalculationError, match="rows.*none"):
        useful_life_table_from_rows([], "s", "2025-01-01")
    with pytest.raises(CalculationError, match="row 1: expected a mapping"):
        useful_life_table_from_rows([("oven", "B", "Oven", "Oven", 8)], "s", "2025-01-01")  # type: ignore[list-item]
    with pytest.raises(CalculationError, match="source"):
        useful_life_table_from_rows([_row()], " ", "2025-01-01")
    with pytest.raises(CalculationError, match="dated"):
        useful_life_table_from_rows([_row()], "s", "31/01/2025")
