"""Pareto table: order, percentages and the vital few, on hand-computed examples."""

from __future__ import annotations

import json

import numpy as np
import pytest

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.quality.pareto import OTHER_LABEL, pareto_table

# Hand-computed: total 100, so percent = count.
#   sorted: A 45, B 25, C 15, D 10, E 5 → cumulative 45, 70, 85, 95, 100
COUNTS = {"C": 15, "E": 5, "A": 45, "D": 10, "B": 25}


def test_rows_sorted_with_percent_and_cumulative_percent() -> None:
    table = pareto_table(COUNTS)
    assert table.total == 100
    assert [(r.category, r.count, r.percent, r.cumulative_percent) for r in table.rows] == [
        ("A", 45, 45.0, 45.0),
        ("B", 25, 25.0, 70.0),
        ("C", 15, 15.0, 85.0),
        ("D", 10, 10.0, 95.0),
        ("E", 5, 5.0, 100.0),
    ]


def test_vital_few_includes_the_category_that_reaches_the_cutoff() -> None:
    table = pareto_table(COUNTS)
    assert table.vital_few() == ("A", "B", "C")  # 70 < 80 ≤ 85
    assert table.vital_few(70) == ("A", "B")  # exactly 70 reaches 70
    assert table.vital_few(100) == ("A", "B", "C", "D", "E")
    assert table.vital_few(10) == ("A",)


def test_percentages_of_an_uneven_total() -> None:
    # Hand-computed: total 7; 4/7 = 57.142857 %, 2/7 = 28.571429 %, cumulative 85.714286 %
    table = pareto_table({"x": 4, "y": 2, "z": 1})
    assert table.rows[0].percent == pytest.approx(57.142857)
    assert table.rows[1].cumulative_percent == pytest.approx(85.714286)
    assert table.rows[-1].cumulative_percent == 100.0


def test_ties_are_ordered_by_name_and_zero_counts_allowed() -> None:
    table = pareto_table({"b": 5, "a": 5, "c": 10, "d": 0})
    assert [r.category for r in table.rows] == ["c", "a", "b", "d"]


def test_numpy_integers_and_to_dict() -> None:
    table = pareto_table({"a": np.int64(3), "b": 1})
    data = json.loads(json.dumps(table.to_dict()))
    assert data == {
        "total": 4,
        "rows": [
            {"category": "a", "count": 3, "percent": 75.0, "cumulative_percent": 75.0},
            {"category": "b", "count": 1, "percent": 25.0, "cumulative_percent": 100.0},
        ],
        "other": None,
        "merged": [],
    }


@pytest.mark.parametrize(
    ("counts", "message"),
    [
        ({"a": -1, "b": 3}, r"count of 'a' must be a non-negative integer"),
        ({"a": 1.5}, r"count of 'a' must be a non-negative integer"),
        ({"a": True}, r"count of 'a' must be a non-negative integer"),
        ({"a": 0, "b": 0}, r"add up to 0"),
        ({}, r"add up to 0"),
        ({"": 3}, r"non-empty string"),
        ({1: 3}, r"non-empty string"),
        ([("a", 1)], r"mapping"),
    ],
)
def test_invalid_counts(counts: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        pareto_table(counts)  # type: ignore[arg-type]


@pytest.mark.parametrize("cutoff", [0, -5, 100.5, True])
def test_invalid_cutoff(cutoff: float) -> None:
    with pytest.raises(ValueError, match="cutoff"):
        pareto_table(COUNTS).vital_few(cutoff)


def test_errors_are_calculation_errors_and_still_value_errors() -> None:
    with pytest.raises(CalculationError) as info:
        pareto_table({"a": -1})
    assert isinstance(info.value, ValueError)


# Hand-computed: total 200. Sorted: A 90 (45 %), B 60 (30 %), C 20 (10 %), D 14 (7 %), E 10 (5 %), F 6 (3 %).
SMALL_TAIL = {"A": 90, "B": 60, "C": 20, "D": 14, "E": 10, "F": 6}


def test_merge_below_puts_small_categories_into_lainnya_last() -> None:
    # Below 8 %: D 7 %, E 5 %, F 3 % → Lainnya 30 (15 %), drawn last although larger than C (10 %).
    table = pareto_table(SMALL_TAIL, merge_below=8)
    assert [(r.category, r.count, r.percent, r.cumulative_percent) for r in table.rows] == [
        ("A", 90, 45.0, 45.0),
        ("B", 60, 30.0, 75.0),
        ("C", 20, 10.0, 85.0),
        (OTHER_LABEL, 30, 15.0, 100.0),
    ]
    assert (table.other, table.merged, table.total) == ("Lainnya", ("D", "E", "F"), 200)


def test_max_categories_keeps_the_largest_and_merges_the_rest() -> None:
    # 3 rows: A, B, then "lainnya" = C + D + E + F = 50 (25 %).
    table = pareto_table(SMALL_TAIL, max_categories=3, other_label="lainnya")
    assert table.counts() == {"A": 90, "B": 60, "lainnya": 50}
    assert table.rows[-1].cumulative_percent == 100.0
    assert table.to_dict()["merged"] == ["C", "D", "E", "F"]


def test_a_single_small_category_is_not_merged() -> None:
    table = pareto_table(SMALL_TAIL, merge_below=4)  # only F (3 %) qualifies
    assert table.other is None and [r.category for r in table.rows][-1] == "F"
    assert table.to_dict() == pareto_table(SMALL_TAIL).to_dict()


def test_vital_few_never_includes_the_other_row() -> None:
    table = pareto_table(SMALL_TAIL, merge_below=8)
    assert table.vital_few(80) == ("A", "B", "C")  # 75 < 80 ≤ 85
    assert table.vital_few(90) == ("A", "B", "C")  # would reach 90 only with Lainnya


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"merge_below": 0}, "merge_below"),
        ({"merge_below": 100}, "merge_below"),
        ({"merge_below": True}, "merge_below"),
        ({"max_categories": 1}, "max_categories"),
        ({"max_categories": 2.5}, "max_categories"),
        ({"merge_below": 8, "other_label": "A"}, "other_label"),
        ({"merge_below": 8, "other_label": " "}, "other_label"),
    ],
)
def test_invalid_merge_parameters(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(CalculationError, match=message):
        pareto_table(SMALL_TAIL, **kwargs)  # type: ignore[arg-type]
