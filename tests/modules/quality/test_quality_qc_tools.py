"""Check sheet, histogram summary (Sturges' rule) and fishbone (6M)."""

from __future__ import annotations

import json
import math
import statistics

import numpy as np
import pytest

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.quality.pareto import pareto_table
from ikm_curriculum.modules.quality.qc_tools import (
    SIX_M,
    Cause,
    Fishbone,
    category_code,
    check_sheet,
    histogram_summary,
    sturges_bins,
)

# --- check sheet ------------------------------------------------------------------------------------------------

DAY = ["gosong", "berminyak", "gosong", " bocor ", "gosong", "berminyak"]  # hand tally: gosong 3, berminyak 2, bocor 1


def test_check_sheet_tallies_in_order_of_first_appearance() -> None:
    sheet = check_sheet(DAY)
    assert sheet.as_mapping() == {"gosong": 3, "berminyak": 2, "bocor": 1}
    assert sheet.total == 6 and sheet.other is None


def test_check_sheet_with_printed_categories_keeps_their_order_and_zeros() -> None:
    sheet = check_sheet(DAY, categories=["bocor", "gosong", "berminyak", "basi"])
    assert sheet.as_mapping() == {"bocor": 1, "gosong": 3, "berminyak": 2, "basi": 0}
    assert json.loads(json.dumps(sheet.to_dict()))["rows"][3] == {"category": "basi", "count": 0}


def test_unknown_category_is_an_error_listing_the_sheet() -> None:
    with pytest.raises(CalculationError, match=r"unknown categories \['bocor'\]; expected one of \['gosong'"):
        check_sheet(DAY, categories=["gosong", "berminyak"])


def test_unknown_category_goes_to_the_other_bucket_when_named() -> None:
    sheet = check_sheet(DAY + ["kemasan sobek"], categories=["gosong", "berminyak"], other="lainnya")
    assert sheet.as_mapping() == {"gosong": 3, "berminyak": 2, "lainnya": 2}
    assert sheet.other == "lainnya" and sheet.total == 7


def test_an_empty_sheet_with_categories_is_allowed_and_feeds_pareto() -> None:
    assert check_sheet([], categories=["a", "b"]).as_mapping() == {"a": 0, "b": 0}
    table = pareto_table(check_sheet(DAY).as_mapping())
    assert [r.category for r in table.rows] == ["gosong", "berminyak", "bocor"]


@pytest.mark.parametrize(
    ("observations", "kwargs", "message"),
    [
        ("gosong", {}, "not one text"),
        (["gosong", ""], {}, "observation 2 must be a non-empty text"),
        (["gosong", 3], {}, "observation 2"),
        ([], {}, "nothing to tally"),
        (["a"], {"categories": ["a", "a"]}, "unique"),
        (["a"], {"categories": "ab"}, "not one text"),
        (["a"], {"categories": ["a"], "other": "a"}, "already one of the categories"),
    ],
)
def test_check_sheet_rejects_bad_input(observations: object, kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(CalculationError, match=message):
        check_sheet(observations, **kwargs)  # type: ignore[arg-type]


# --- histogram --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("n", [2, 3, 7, 8, 9, 50, 63, 64, 65, 100, 125, 1000])
def test_sturges_matches_numpy(n: int) -> None:
    # Independent implementation: numpy.histogram_bin_edges(..., bins="sturges") (numpy documents Sturges' rule).
    edges = np.histogram_bin_edges(np.arange(n, dtype=float), bins="sturges")
    assert sturges_bins(n) == len(edges) - 1


def test_histogram_of_one_to_ten() -> None:
    # Hand: n = 10 → k = ⌈log₂ 10⌉ + 1 = 4 + 1 = 5 classes of width (10 − 1)/5 = 1.8:
    #   [1, 2.8) {1, 2}, [2.8, 4.6) {3, 4}, [4.6, 6.4) {5, 6}, [6.4, 8.2) {7, 8}, [8.2, 10] {9, 10}.
    values = list(range(1, 11))
    h = histogram_summary(values)
    assert (h.n, h.mean, h.min, h.max, h.rule) == (10, 5.5, 1.0, 10.0, "sturges")
    assert h.sd == pytest.approx(statistics.stdev(values))  # √(82.5/9) = 3.02765
    assert h.bin_edges == pytest.approx((1.0, 2.8, 4.6, 6.4, 8.2, 10.0))
    assert h.counts == (2, 2, 2, 2, 2)
    data = json.loads(json.dumps(h.to_dict()))
    assert data["counts"] == [2, 2, 2, 2, 2] and len(data["bin_edges"]) == 6


def test_histogram_with_a_number_of_bins_or_edges() -> None:
    values = [1.2, 1.5, 2.5, 2.7, 2.9, 3.5]
    assert histogram_summary(values, bins=2).counts == (2, 4)  # edges 1.2, 2.35, 3.5
    h = histogram_summary(values, bins=[1, 2, 3, 4])
    assert (h.counts, h.rule) == ((2, 3, 1), "edges")


def test_histogram_of_equal_values_spans_plus_minus_half() -> None:
    h = histogram_summary([5, 5, 5, 5], bins=1)
    assert (h.bin_edges, h.counts, h.sd) == ((4.5, 5.5), (4,), 0.0)


@pytest.mark.parametrize(
    ("values", "bins", "message"),
    [
        ([1.0], None, "at least 2 values"),
        ([1.0, "a"], None, r"values\[1\]"),
        ([1.0, math.inf], None, r"values\[1\]"),
        ("12", None, "list of numbers"),
        ([1, 2], 0, "at least 1"),
        ([1, 2], [3, 2, 1], "strictly increasing"),
        ([1, 2], [1], "strictly increasing"),
        ([1, 2], "auto", "number of classes or a list of edges"),
    ],
)
def test_histogram_rejects_bad_input(values: object, bins: object, message: str) -> None:
    with pytest.raises(CalculationError, match=message):
        histogram_summary(values, bins)  # type: ignore[arg-type]


# --- fishbone ---------------------------------------------------------------------------------------------------


def test_six_m_names_in_indonesian_and_english() -> None:
    assert [m.name.id for m in SIX_M] == ["Manusia", "Mesin", "Metode", "Material", "Lingkungan", "Pengukuran"]
    assert [m.name.en for m in SIX_M][:4] == ["Man", "Machine", "Method", "Material"]
    assert "Mother Nature" in SIX_M[4].name.en and SIX_M[5].name.en == "Measurement"


def test_fishbone_add_is_immutable_and_accepts_english_names() -> None:
    empty = Fishbone("Abon terlalu berminyak")
    fb = empty.add("Machine", "Peniris minyak rusak", ["sabuk aus", "tidak ada jadwal servis"])
    fb = fb.add("Metode", "Waktu tiris tidak baku").add("mother nature", "Udara lembap")
    assert empty.causes == ()
    assert fb.causes[0] == Cause("mesin", "Peniris minyak rusak", ("sabuk aus", "tidak ada jadwal servis"))
    fb.validate()
    data = json.loads(json.dumps(fb.to_dict()))
    assert [c["code"] for c in data["categories"]] == [m.code for m in SIX_M]
    assert data["categories"][1]["causes"] == [
        {"text": "Peniris minyak rusak", "sub_causes": ["sabuk aus", "tidak ada jadwal servis"]}
    ]
    assert fb.empty_categories() == ("manusia", "material", "pengukuran")


def test_unknown_category_lists_the_six() -> None:
    with pytest.raises(CalculationError) as info:
        Fishbone("x").add("Money", "modal kurang")
    message = str(info.value)
    for m in SIX_M:
        assert m.name.id in message and m.name.en in message


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Fishbone("x").add("mesin", "a").add("Machine", "A"), "already listed"),
        (lambda: Fishbone("x").add("mesin", " "), "cause must be a non-empty text"),
        (lambda: Fishbone("x").add("mesin", "a", "ab"), "not one text"),
        (lambda: Fishbone("x").validate(), "no causes"),
        (lambda: Fishbone("").add("mesin", "a").validate(), "effect must be a non-empty text"),
        (lambda: Fishbone("x", (Cause("uang", "a"),)).validate(), "unknown fishbone category"),
        (lambda: Fishbone("x", (Cause("mesin", "a"), Cause("mesin", "a"))).validate(), "listed twice"),
        (lambda: category_code(3), "unknown fishbone category"),  # type: ignore[arg-type]
    ],
)
def test_fishbone_rejects_bad_input(build: object, message: str) -> None:
    with pytest.raises(CalculationError, match=message):
        build()  # type: ignore[operator]
