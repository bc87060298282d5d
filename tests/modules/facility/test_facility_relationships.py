"""REL chart: validation, symmetric lookup, adjacency score on hand-computed grids."""

from __future__ import annotations

import pytest

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.facility.relationships import (
    CLOSENESS_RATINGS,
    EXPONENTIAL_WEIGHTS,
    LINEAR_WEIGHTS,
    REASON_CODES,
    RelChart,
    adjacent_pairs,
    checked_weights,
    rel_efficiency,
    rel_score,
)

ACTIVITIES = ["Terima", "Cuci", "Masak", "Kemas", "Limbah"]
RATINGS = {
    ("Terima", "Cuci"): ("A", 6),
    ("Terima", "Masak"): "I",
    ("Terima", "Kemas"): "O",
    ("Terima", "Limbah"): "U",
    ("Cuci", "Masak"): ("A", [6, 8]),
    ("Cuci", "Kemas"): "U",
    ("Cuci", "Limbah"): "E",
    ("Masak", "Kemas"): ("E", 6),
    ("Masak", "Limbah"): "O",
    ("Kemas", "Limbah"): ("X", 9),
}


def test_reference_data_is_complete() -> None:
    assert list(CLOSENESS_RATINGS) == ["A", "E", "I", "O", "U", "X"]
    assert sorted(REASON_CODES) == list(range(1, 10))
    assert LINEAR_WEIGHTS == {"A": 4, "E": 3, "I": 2, "O": 1, "U": 0, "X": -1}
    assert EXPONENTIAL_WEIGHTS == {"A": 64, "E": 16, "I": 4, "O": 1, "U": 0, "X": -1024}  # ALDEP (Tompkins, ch. 6)


def test_chart_lookup_is_symmetric_and_keeps_reasons() -> None:
    chart = RelChart.from_pairs(ACTIVITIES, RATINGS)
    assert len(chart.entries) == 10
    assert chart.rating("Masak", "Cuci") == chart.rating("Cuci", "Masak") == "A"
    assert chart.reasons("Masak", "Cuci") == (6, 8)
    assert chart.rating("Limbah", "Kemas") == "X"
    assert chart.to_dict()["pairs"][0] == {"first": "Terima", "second": "Cuci", "rating": "A", "reasons": [6]}


def test_rows_form_and_consistent_duplicates_are_accepted() -> None:
    rows = [("A", "B", "e"), ("B", "A", "E"), ("A", "C", "X", [9]), ("B", "C", "U")]
    chart = RelChart.from_pairs("ABC", rows)
    assert chart.rating("A", "B") == "E" and chart.reasons("C", "A") == (9,)


def test_custom_reason_codes() -> None:
    codes = {10: ("Shared cold storage", "Berbagi ruang pendingin")}
    chart = RelChart.from_pairs("AB", [("A", "B", "A", 10)], reason_codes=codes)
    assert chart.reasons("A", "B") == (10,)
    with pytest.raises(CalculationError, match="unknown reason code 1"):
        RelChart.from_pairs("AB", [("A", "B", "A", 1)], reason_codes=codes)


@pytest.mark.parametrize(
    ("ratings", "match"),
    [
        ({("A", "B"): "A", ("A", "C"): "E"}, "the pair 'B'–'C' has no rating"),
        ({("A", "B"): "A", ("B", "A"): "I", ("A", "C"): "E", ("B", "C"): "U"}, "'A'–'B' is given twice"),
        ({("A", "B"): "A", ("A", "C"): "Z", ("B", "C"): "U"}, r"ratings\['A', 'C'\]: expected a rating A, E, I"),
        ({("A", "B"): "A", ("A", "Q"): "E", ("B", "C"): "U"}, "activity 'Q'.*not in activities"),
        ({("A", "A"): "A"}, "pairs an activity with itself"),
        ({("A", "B"): ("A", 42), ("A", "C"): "E", ("B", "C"): "U"}, "unknown reason code 42"),
        ({"AB": "A"}, "expected a pair of activities"),
    ],
)
def test_bad_charts_are_rejected_naming_the_pair(ratings: dict, match: str) -> None:
    with pytest.raises(CalculationError, match=match):
        RelChart.from_pairs(["A", "B", "C"], ratings)


def test_bad_activities_and_weights() -> None:
    with pytest.raises(CalculationError, match="unique"):
        RelChart.from_pairs(["A", "A"], {})
    with pytest.raises(CalculationError, match="at least 2"):
        RelChart.from_pairs(["A"], {})
    with pytest.raises(CalculationError, match=r"missing \['X'\]"):
        checked_weights({"A": 4, "E": 3, "I": 2, "O": 1, "U": 0})
    with pytest.raises(CalculationError, match=r"weights\['A'\]"):
        checked_weights({**LINEAR_WEIGHTS, "A": "besar"})


def test_rel_score_on_a_hand_computed_grid() -> None:
    chart = RelChart.from_pairs(ACTIVITIES, RATINGS)
    # Grid (row, col), hand-drawn:     col 0    col 1    col 2
    #                         row 0    Terima   Cuci     Cuci
    #                         row 1    Limbah   Masak    Kemas
    layout = {
        "Terima": (0, 0),
        "Cuci": [(0, 1), (0, 2)],
        "Limbah": (1, 0),
        "Masak": (1, 1),
        "Kemas": (1, 2),
    }
    # Adjacent pairs: Terima–Cuci A, Terima–Limbah U, Cuci–Masak A, Cuci–Kemas U, Limbah–Masak O, Masak–Kemas E.
    # Linear: 4 + 0 + 4 + 0 + 1 + 3 = 12. Bound = A 4 + I 2 + O 1 + A 4 + E 3 + E 3 + O 1 = 18 → efficiency 2/3.
    r = rel_efficiency(layout, chart)
    assert r.score == 12.0 and r.max_score == 18.0 and r.efficiency == pytest.approx(2 / 3)
    assert {frozenset(p[:2]) for p in r.adjacent} == {
        frozenset(p)
        for p in [
            ("Terima", "Cuci"),
            ("Terima", "Limbah"),
            ("Cuci", "Masak"),
            ("Cuci", "Kemas"),
            ("Limbah", "Masak"),
            ("Masak", "Kemas"),
        ]
    }
    # Exponential: 64 + 0 + 64 + 0 + 1 + 16 = 145.
    assert rel_score(layout, chart, EXPONENTIAL_WEIGHTS) == 145.0
    # Swap Kemas and Limbah: Kemas–Limbah stay apart; now Terima–Kemas O, Cuci–Limbah E, Kemas–Masak E,
    # Terima–Cuci A, Cuci–Masak A, Masak–Limbah O: 1 + 3 + 3 + 4 + 4 + 1 = 16.
    swapped = {**layout, "Limbah": (1, 2), "Kemas": (1, 0)}
    assert rel_score(swapped, chart) == 16.0
    assert rel_efficiency(layout, chart).to_dict()["score"] == 12.0


def test_corners_do_not_count_and_x_pairs_subtract() -> None:
    chart = RelChart.from_pairs("ABC", [("A", "B", "X"), ("A", "C", "A"), ("B", "C", "U")])
    assert adjacent_pairs({"A": (0, 0), "B": (1, 1), "C": (5, 5)}) == ()  # diagonal only
    assert rel_score({"A": (0, 0), "B": (0, 1), "C": (3, 3)}, chart) == -1.0
    none = RelChart.from_pairs("AB", [("A", "B", "U")])
    assert rel_efficiency({"A": (0, 0), "B": (0, 1)}, none).efficiency is None


def test_layout_must_match_the_chart() -> None:
    chart = RelChart.from_pairs("AB", [("A", "B", "A")])
    with pytest.raises(CalculationError, match=r"not placed \['B'\]"):
        rel_score({"A": (0, 0)}, chart)
    with pytest.raises(CalculationError, match=r"unknown \['C'\]"):
        rel_score({"A": (0, 0), "B": (0, 1), "C": (0, 2)}, chart)
    with pytest.raises(CalculationError, match="given to both"):
        rel_score({"A": (0, 0), "B": [(0, 0)]}, chart)
    with pytest.raises(CalculationError, match="whole numbers"):
        rel_score({"A": (0, 0), "B": (0.5, 1)}, chart)
    with pytest.raises(CalculationError, match="RelChart"):
        rel_score({"A": (0, 0), "B": (0, 1)}, {("A", "B"): "A"})  # type: ignore[arg-type]
