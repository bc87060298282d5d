"""Straight-line depreciation (penyusutan garis lurus), book value and the KIB cards that are depreciated."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import numpy as np
import pytest

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.assets.depreciation import (
    accumulated_depreciation,
    book_value,
    depreciation_schedule,
    is_depreciable,
    schedule_rows,
)
from ikm_curriculum.modules.assets.useful_lives import DEFAULT_USEFUL_LIVES


def _rows(table) -> list[tuple[str, int, int, int]]:
    return [(p, int(d), int(a), int(b)) for p, d, a, b in table.itertuples(index=False)]


# --- hand-computed schedules, one per period and first-period convention ------------------------------------


def test_year_full_rounding_absorbed_by_last_year() -> None:
    # computed by hand: 10_000_000 / 3 = 3_333_333.33 → 3_333_333 (half up); last = 10_000_000 − 2 × 3_333_333
    # = 3_333_334. Acquired May 2023, full first year → 2023, 2024, 2025.
    table = depreciation_schedule(10_000_000, 3, dt.date(2023, 5, 2))
    assert list(table.columns) == ["period", "depreciation", "accumulated", "book_value"]
    assert _rows(table) == [
        ("2023", 3_333_333, 3_333_333, 6_666_667),
        ("2024", 3_333_333, 6_666_666, 3_333_334),
        ("2025", 3_333_334, 10_000_000, 0),
    ]


def test_year_next_starts_the_year_after_acquisition() -> None:
    # computed by hand: same amounts as above, shifted one year: 2024, 2025, 2026.
    table = depreciation_schedule(10_000_000, 3, "2023-05-02", first_period="next")
    assert _rows(table) == [
        ("2024", 3_333_333, 3_333_333, 6_666_667),
        ("2025", 3_333_333, 6_666_666, 3_333_334),
        ("2026", 3_333_334, 10_000_000, 0),
    ]


def test_semester_full_counts_the_semester_of_acquisition_whole() -> None:
    # computed by hand: 6_000_000 / (2 years × 2) = 1_500_000 per semester. 30 June is still in S1 → starts 2024-S1.
    table = depreciation_schedule(6_000_000, 2, "2024-06-30", period="semester")
    assert _rows(table) == [
        ("2024-S1", 1_500_000, 1_500_000, 4_500_000),
        ("2024-S2", 1_500_000, 3_000_000, 3_000_000),
        ("2025-S1", 1_500_000, 4_500_000, 1_500_000),
        ("2025-S2", 1_500_000, 6_000_000, 0),
    ]
    # 1 July is the first day of S2 → starts 2024-S2 (boundary of the semester).
    assert depreciation_schedule(6_000_000, 2, "2024-07-01", period="semester")["period"].tolist() == [
        "2024-S2",
        "2025-S1",
        "2025-S2",
        "2026-S1",
    ]


def test_semester_next_starts_in_the_following_semester() -> None:
    # computed by hand: acquired 2024-06-30 (S1) → first semester 2024-S2; 1_500_000 each, 4 semesters.
    table = depreciation_schedule(6_000_000, 2, "2024-06-30", period="semester", first_period="next")
    assert table["period"].tolist() == ["2024-S2", "2025-S1", "2025-S2", "2026-S1"]
    assert table["depreciation"].tolist() == [1_500_000] * 4
    # acquired in S2 → next is S1 of the following year.
    assert (
        depreciation_schedule(6_000_000, 2, "2024-12-31", period="semester", first_period="next")["period"].iloc[0]
        == "2025-S1"
    )


def test_month_full_with_rounding() -> None:
    # computed by hand: 1_000_000 / 12 = 83_333.33 → 83_333; last = 1_000_000 − 11 × 83_333 = 83_337.
    # Acquired 15 Dec 2024, full first month → 2024-12 … 2025-11.
    table = depreciation_schedule(1_000_000, 1, "2024-12-15", period="month")
    assert table["period"].tolist() == ["2024-12"] + [f"2025-{m:02d}" for m in range(1, 12)]
    assert table["depreciation"].tolist() == [83_333] * 11 + [83_337]
    assert int(table["accumulated"].iloc[-1]) == 1_000_000
    assert int(table["book_value"].iloc[0]) == 916_667  # 1_000_000 − 83_333


def test_month_next_starts_the_month_after() -> None:
    # computed by hand: acquired Dec 2024, next → Jan 2025 … Dec 2025, 2_400_000 / 12 = 200_000 a month.
    table = depreciation_schedule(2_400_000, 1, "2024-12-15", period="month", first_period="next")
    assert table["period"].tolist() == [f"2025-{m:02d}" for m in range(1, 13)]
    assert table["depreciation"].tolist() == [200_000] * 12


def test_round_half_up_not_half_even() -> None:
    # computed by hand: 5 / 2 = 2.5 → 3 (half up; half-even would give 2); last = 5 − 3 = 2.
    assert depreciation_schedule(5, 2, "2024-01-01")["depreciation"].tolist() == [3, 2]
    # 1_000_001 / 2 = 500_000.5 → 500_001; last = 500_000.
    assert depreciation_schedule(1_000_001, 2, "2024-01-01")["depreciation"].tolist() == [500_001, 500_000]
    # 7 / 2 = 3.5 → 4; last 3 (half-even would also give 4, so this checks the last-period remainder).
    assert depreciation_schedule(7, 2, "2024-01-01")["depreciation"].tolist() == [4, 3]


def test_tiny_amounts_never_overshoot() -> None:
    # computed by hand: 7 / 12 = 0.58 → 1 a month; after 7 months nothing is left, so months 8–12 are 0.
    table = depreciation_schedule(7, 1, "2024-01-01", period="month")
    assert table["depreciation"].tolist() == [1] * 7 + [0] * 5
    assert (table["book_value"] >= 0).all()
    # 5 / 12 = 0.42 → 0 a month; the last month takes all 5.
    assert depreciation_schedule(5, 1, "2024-01-01", period="month")["depreciation"].tolist() == [0] * 11 + [5]


def test_residual_is_left_as_final_book_value() -> None:
    # computed by hand: (12_000_000 − 2_000_000) / 5 = 2_000_000 a year; book value ends at the residual.
    table = depreciation_schedule(12_000_000, 5, "2022-01-01", residual=2_000_000)
    assert table["depreciation"].tolist() == [2_000_000] * 5
    assert table["book_value"].tolist() == [10_000_000, 8_000_000, 6_000_000, 4_000_000, 2_000_000]
    # residual = cost − 1 (the largest allowed): 1 rupiah to depreciate; 1 / 2 = 0.5 → 1 (half up) in the first
    # year, and the last year takes what is left, 1 − 1 = 0.
    table = depreciation_schedule(100, 2, "2022-01-01", residual=99)
    assert table["depreciation"].tolist() == [1, 0] and table["book_value"].tolist() == [99, 99]


@pytest.mark.parametrize("life", [1, 4, 50])
@pytest.mark.parametrize("first_period", ["full", "next"])
@pytest.mark.parametrize(("period", "per_year"), [("year", 1), ("semester", 2), ("month", 12)])
def test_schedule_length_and_totals(life: int, first_period: str, period: str, per_year: int) -> None:
    # rule: life × periods per year rows, whatever the first-period convention; Σ = cost − residual exactly;
    # accumulated + book value = cost on every row. 123_456_789 / 7 is not a whole number, so rounding happens.
    table = depreciation_schedule(123_456_789, life, "2024-03-15", 7, period, first_period=first_period)
    assert len(table) == life * per_year
    assert int(table["depreciation"].sum()) == 123_456_789 - 7
    assert (table["accumulated"] + table["book_value"] == 123_456_789).all()
    assert int(table["book_value"].iloc[-1]) == 7
    assert table["period"].is_unique


def test_schedule_rows_carry_period_bounds_and_to_dict_is_json() -> None:
    # calendar: 2024 is a leap year, so the month of February 2024 ends on the 29th.
    s = schedule_rows(1_200_000, 1, "2024-02-10", period="month")
    assert (s.rows[0].period, s.rows[0].start, s.rows[0].end) == ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert s.depreciable == 1_200_000
    d = json.loads(json.dumps(s.to_dict()))
    assert d["rows"][-1]["end"] == "2025-01-31" and d["acquired"] == "2024-02-10"
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.cost = 1  # type: ignore[misc]


def test_accepts_dates_datetimes_numpy_and_whole_floats() -> None:
    # same schedule as the first test (hand-computed above), from other input types.
    expected = [3_333_333, 3_333_333, 3_333_334]
    for acquired in (dt.datetime(2023, 5, 2, 14, 0), " 2023-05-02 ", dt.date(2023, 5, 2)):
        assert depreciation_schedule(10_000_000, 3, acquired)["depreciation"].tolist() == expected
    assert depreciation_schedule(np.int64(10_000_000), np.int64(3), "2023-05-02")["depreciation"].tolist() == expected
    assert depreciation_schedule(10_000_000.0, 3.0, "2023-05-02")["depreciation"].tolist() == expected


def test_life_from_the_useful_life_table() -> None:
    # DOMAIN.md typical value (check): computers 4 years → 4 years × 2 semesters = 8 rows.
    table = depreciation_schedule(8_000_000, DEFAULT_USEFUL_LIVES.years("komputer"), "2025-02-01", period="semester")
    assert len(table) == 8 and table["depreciation"].tolist() == [1_000_000] * 8  # 8_000_000 / 8


# --- book value and accumulated depreciation ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        ("2023-05-02", 10_000_000),  # acquisition day: no period has ended
        ("2023-12-30", 10_000_000),  # the day before the first year ends
        ("2023-12-31", 6_666_667),  # first year ended: 10_000_000 − 3_333_333
        ("2024-12-31", 3_333_334),  # two years: 10_000_000 − 6_666_666
        ("2025-12-30", 3_333_334),  # last year still running
        ("2025-12-31", 0),  # fully depreciated: = residual 0
        ("2040-01-01", 0),  # long after
    ],
)
def test_book_value_counts_only_ended_periods(as_of: str, expected: int) -> None:
    # schedule hand-computed in test_year_full_rounding_absorbed_by_last_year
    assert book_value(10_000_000, 3, "2023-05-02", as_of) == expected
    assert accumulated_depreciation(10_000_000, 3, "2023-05-02", as_of) == 10_000_000 - expected


def test_book_value_with_residual_and_semesters() -> None:
    # computed by hand: (12_000_000 − 2_000_000) / (5 × 2) = 1_000_000 a semester, acquired 2022-03-10 (full S1).
    args = (12_000_000, 5, "2022-03-10")
    assert book_value(*args, dt.date(2022, 6, 29), residual=2_000_000, period="semester") == 12_000_000
    assert book_value(*args, dt.date(2022, 6, 30), residual=2_000_000, period="semester") == 11_000_000
    assert book_value(*args, dt.date(2023, 12, 31), residual=2_000_000, period="semester") == 8_000_000  # 4 sem.
    assert book_value(*args, dt.date(2030, 1, 1), residual=2_000_000, period="semester") == 2_000_000  # = residual


def test_book_value_month_next_and_leap_day() -> None:
    # computed by hand: 1_200_000 / 12 = 100_000 a month. Full: Feb 2024 ends on the 29th (leap year).
    assert book_value(1_200_000, 1, "2024-02-10", "2024-02-28", period="month") == 1_200_000
    assert book_value(1_200_000, 1, "2024-02-10", "2024-02-29", period="month") == 1_100_000
    # next: depreciation starts in March, so the end of February deducts nothing; end of March one month.
    assert book_value(1_200_000, 1, "2024-02-10", "2024-02-29", period="month", first_period="next") == 1_200_000
    assert book_value(1_200_000, 1, "2024-02-10", "2024-03-31", period="month", first_period="next") == 1_100_000


# --- KIB cards ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("card", "expected"),
    [("A", False), ("B", True), ("C", True), ("D", True), ("E", True), ("F", False), (" c ", True), ("a", False)],
)
def test_is_depreciable(card: str, expected: bool) -> None:
    # DOMAIN.md / Permendagri 64/2013 Lampiran I: land (A) and construction in progress (F) are not depreciated.
    assert is_depreciable(card) is expected


@pytest.mark.parametrize("card", ["G", "", "KIB B", 2, None])
def test_is_depreciable_rejects_unknown_cards(card: object) -> None:
    with pytest.raises(CalculationError, match="card.*A B C D E F"):
        is_depreciable(card)  # type: ignore[arg-type]


def test_schedule_refuses_land_and_construction_in_progress() -> None:
    for card in ("A", "F"):
        with pytest.raises(CalculationError, match="card.*not depreciated"):
            depreciation_schedule(10_000_000, 5, "2024-01-01", card=card)
    with pytest.raises(CalculationError, match="card.*A B C D E F"):
        depreciation_schedule(10_000_000, 5, "2024-01-01", card="Z")
    assert len(depreciation_schedule(10_000_000, 5, "2024-01-01", card="C")) == 5  # C is depreciated


# --- bad input ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"cost": 0}, "cost"),
        ({"cost": -1_000}, "cost"),
        ({"cost": 1_000.5}, "cost"),
        ({"cost": "1000000"}, "cost"),
        ({"cost": True}, "cost"),
        ({"useful_life_years": 0}, "useful_life_years"),
        ({"useful_life_years": -3}, "useful_life_years"),
        ({"useful_life_years": 2.5}, "useful_life_years"),
        ({"useful_life_years": "5"}, "useful_life_years"),
        ({"useful_life_years": True}, "useful_life_years"),
        ({"useful_life_years": float("nan")}, "useful_life_years"),
        ({"useful_life_years": 10_000}, "useful_life_years"),  # runs past the year 9999
        ({"residual": -1}, "residual"),
        ({"residual": 1_000_000}, "residual"),  # = cost
        ({"residual": 1_000_001}, "residual"),  # > cost
        ({"residual": 0.5}, "residual"),
        ({"period": "quarter"}, "period.*year, semester, month"),
        ({"period": "Year"}, "period"),
        ({"period": ["year"]}, "period"),
        ({"first_period": "half"}, "first_period.*full, next"),
        ({"first_period": None}, "first_period"),
        ({"acquired": "2024-13-01"}, "acquired"),
        ({"acquired": "15/03/2024"}, "acquired"),
        ({"acquired": 20240315}, "acquired"),
    ],
)
def test_schedule_rejects_bad_input(kwargs: dict[str, object], field: str) -> None:
    args: dict[str, object] = {"cost": 1_000_000, "useful_life_years": 5, "acquired": "2024-01-01"}
    with pytest.raises(CalculationError, match=field):
        depreciation_schedule(**{**args, **kwargs})  # type: ignore[arg-type]
    with pytest.raises(CalculationError, match=field):
        book_value(**{**args, **kwargs}, as_of="2030-01-01")  # type: ignore[arg-type]


def test_as_of_must_be_a_date_on_or_after_acquisition() -> None:
    with pytest.raises(CalculationError, match="as_of.*before the acquisition"):
        book_value(1_000_000, 5, "2024-03-15", "2024-03-14")
    with pytest.raises(CalculationError, match="as_of.*before the acquisition"):
        accumulated_depreciation(1_000_000, 5, "2024-03-15", dt.date(2023, 12, 31))
    with pytest.raises(CalculationError, match="as_of"):
        book_value(1_000_000, 5, "2024-03-15", "next year")
    assert book_value(1_000_000, 5, "2024-03-15", "2024-03-15") == 1_000_000  # same day is allowed
