"""Acceptance sampling, ISO 2859-1: code letters, plans through the arrows, 100 %, OC curve.

Reference values: "Table 1" is ISO 2859-1 Table 1 (= MIL-STD-105E / ANSI/ASQ Z1.4
Table I) as carried in iso2859_tables.py, and the same letter is in the
ANSI/ASQC Z1.4 "AQL sampling chart" (pdfcoffee.com) and in the letter matrix of
the R package AQLSchemes 1.7-2 (J. S. Lawson). Plans come from Tables 2-A/2-B
(II-A/II-B) and Z1.4 II-C; every plan below was also looked up in the resolved
plans of AQLSchemes 1.7-2 (R/AAZ14Single.R), which give the same n, Ac, Re.
"""

from __future__ import annotations

import json
import math
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.quality import iso2859_tables as tables
from ikm_curriculum.modules.quality.sampling import (
    code_letter,
    oc_curve,
    probability_of_acceptance,
    sampling_plan,
)


@pytest.mark.parametrize(
    ("lot_size", "level", "letter"),
    [
        (1000, "II", "J"),  # Table 1, row 501–1200
        (2000, "II", "K"),  # row 1201–3200
        (500, "I", "F"),  # row 281–500, level I
        (501, "I", "G"),  # first lot of row 501–1200
        (8, "II", "A"),  # row 2–8
        (9, "II", "B"),  # row 9–15
        (2, "III", "B"),  # row 2–8, level III
        (500_001, "III", "R"),  # row "500 001 and over"
        (10_000_000, "II", "Q"),
        (26, "S-1", "A"),  # row 26–50, S-1
        (50, "S-2", "B"),  # row 26–50, S-2
        (1000, "S-1", "C"),  # row 501–1200, S-1
        (1000, "S-4", "F"),  # row 501–1200, S-4
        (150_000, "S-3", "G"),  # row 35 001–150 000, S-3
        (10_000, "S-3", "F"),  # row 3201–10 000, S-3
    ],
)
def test_code_letter_from_table_1(lot_size: int, level: str, letter: str) -> None:
    assert code_letter(lot_size, level) == letter
    assert sampling_plan(lot_size, 1.0, level).code_letter == letter


def test_table_1_ranges_are_contiguous_and_letters_grow_with_the_level() -> None:
    rows = tables.LOT_SIZE_CODE_LETTERS
    assert rows[0][0] == 2 and rows[-1][1] is None
    for (_, high, _), (low, _, _) in zip(rows, rows[1:], strict=False):
        assert low == high + 1
    for _, _, letters in rows:
        order = [tables.CODE_LETTERS.index(x) for x in letters.split()]
        assert order == sorted(order)


def _plan(lot_size: int, aql: float, level: str = "II", inspection: str = "normal") -> tuple:
    p = sampling_plan(lot_size, aql, level, inspection)
    return p.code_letter, p.plan_code_letter, p.sample_size, p.accept, p.reject, p.hundred_percent


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        # Table 2-A, J (n = 80): AQL 1.0 → Ac 2 Re 3; 2.5 → 5/6; 4.0 → 7/8 (no arrow)
        ((1000, 1.0), ("J", "J", 80, 2, 3, False)),
        ((1000, 2.5), ("J", "J", 80, 5, 6, False)),
        ((1000, 4.0), ("J", "J", 80, 7, 8, False)),
        # 2-A, L (n = 200), AQL 1.5 → 7/8
        ((5000, 1.5), ("L", "L", 200, 7, 8, False)),
        # 2-A, J at AQL 0.40 is ↓ → K (n = 125) 1/2: the sample size follows the plan used
        ((1000, 0.40), ("J", "K", 125, 1, 2, False)),
        # 2-A, J at AQL 0.25 is ↑ → H (n = 50) 0/1
        ((1000, 0.25), ("J", "H", 50, 0, 1, False)),
        # 2-A, A at AQL 1.0 is ↓ → first plan below is E (n = 13) 0/1 (lot 50 at S-1 → A)
        ((50, 1.0, "S-1"), ("A", "E", 13, 0, 1, False)),
        # 2-A, A at AQL 10 is printed ↑ with no row above: first plan below, C (n = 5) 1/2 (as AQLSchemes)
        ((50, 10, "S-1"), ("A", "C", 5, 1, 2, False)),
        # 2-A, E at AQL 1.5 is ↑ → D (n = 8) 0/1
        ((60, 1.5), ("E", "D", 8, 0, 1, False)),
        # 2-A upper right: B (n = 3) at AQL 1000 → 44/45; C at 1000 is ↑ → B
        ((10, 1000), ("B", "B", 3, 44, 45, False)),
        ((20, 1000), ("C", "B", 3, 44, 45, False)),
    ],
)
def test_normal_plans(args: tuple, expected: tuple) -> None:
    assert _plan(*args) == expected


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        # Table 2-B, J (n = 80), AQL 1.0 → 1/2 (normal gives 2/3)
        ((1000, 1.0, "II", "tightened"), ("J", "J", 80, 1, 2, False)),
        # 2-B, K (n = 125), AQL 0.65 → 1/2 (normal 2/3)
        ((2000, 0.65, "II", "tightened"), ("K", "K", 125, 1, 2, False)),
        # 2-B, J at AQL 0.40 is ↓, K is ↓ → L (n = 200) 1/2
        ((1000, 0.40, "II", "tightened"), ("J", "L", 200, 1, 2, False)),
        # 2-B, Q at AQL 0.025 is ↓, R is ↓ → the extra row S (n = 3150) 1/2
        ((600_000, 0.025, "II", "tightened"), ("Q", "S", 3150, 1, 2, False)),
        # 2-B, A at AQL 10 is ↓ (not 0/1) → D (n = 8) 1/2; agrees with NIBS transcription of II-B
        ((50, 10, "S-1", "tightened"), ("A", "D", 8, 1, 2, False)),
    ],
)
def test_tightened_plans(args: tuple, expected: tuple) -> None:
    assert _plan(*args) == expected


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        # Z1.4 / MIL-STD-105E II-C, J (reduced n = 32), AQL 1.0 → Ac 1 Re 3 (Re > Ac + 1)
        ((1000, 1.0, "II", "reduced"), ("J", "J", 32, 1, 3, False)),
        # II-C, K (reduced n = 50), AQL 0.65 → 1/3
        ((2000, 0.65, "II", "reduced"), ("K", "K", 50, 1, 3, False)),
        # II-C, J at AQL 0.40 is ↓ → K (n = 50) 0/2
        ((1000, 0.40, "II", "reduced"), ("J", "K", 50, 0, 2, False)),
        # II-C, J at AQL 0.25 is ↑ → H (n = 20) 0/1
        ((1000, 0.25, "II", "reduced"), ("J", "H", 20, 0, 1, False)),
        # II-C, L (n = 80), AQL 2.5 → 5/8
        ((5000, 2.5, "II", "reduced"), ("L", "L", 80, 5, 8, False)),
    ],
)
def test_reduced_plans(args: tuple, expected: tuple) -> None:
    assert _plan(*args) == expected


def test_sample_size_equal_to_or_above_the_lot_size_means_100_percent() -> None:
    # Lot 10, level II → B (n = 3); AQL 0.65 is ↓ down to F (n = 20) 0/1; 20 ≥ 10 → inspect all 10
    assert _plan(10, 0.65) == ("B", "F", 10, 0, 1, True)
    # Lot 13 at level III → C (row 9–15); AQL 1.0 ↓ → E (n = 13): equal to the lot → 100 %
    assert _plan(13, 1.0, "III") == ("C", "E", 13, 0, 1, True)
    # Lot 14 at level III → C → E (n = 13) < 14: sampling
    assert _plan(14, 1.0, "III") == ("C", "E", 13, 0, 1, False)


def test_to_dict_is_plain_and_names_the_table() -> None:
    d = sampling_plan(1000, 1.0).to_dict()
    assert json.loads(json.dumps(d)) == d
    assert {k: d[k] for k in ("code_letter", "plan_code_letter", "sample_size", "accept", "reject")} == {
        "code_letter": "J",
        "plan_code_letter": "J",
        "sample_size": 80,
        "accept": 2,
        "reject": 3,
    }
    assert d["hundred_percent"] is False
    assert "2-A" in d["table"]
    assert "not ISO 2859-1:1999" in sampling_plan(1000, 1.0, inspection="reduced").table


def test_every_cell_resolves_to_a_plan_with_re_above_ac() -> None:
    for inspection in ("normal", "tightened", "reduced"):
        for aql in tables.AQLS:
            for lot in (2, 9, 16, 26, 51, 91, 151, 281, 501, 1201, 3201, 10001, 35001, 150001, 500001):
                for level in tables.LEVELS:
                    p = sampling_plan(lot, float(aql), level, inspection)
                    assert 0 <= p.accept < p.reject
                    assert 2 <= p.sample_size <= lot
                    assert p.hundred_percent == (p.sample_size == lot)


def test_tables_have_one_cell_per_code_letter() -> None:
    assert tuple(tables.NORMAL) == tuple(tables.TIGHTENED) == tuple(tables.REDUCED) == tables.AQLS
    assert all(len(col.split()) == 16 for col in tables.NORMAL.values())
    assert all(len(col.split()) == 17 for col in tables.TIGHTENED.values())
    assert all(len(col.split()) == 16 for col in tables.REDUCED.values())


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"lot_size": 1, "aql": 1.0}, "lot_size = 1"),
        ({"lot_size": 100.5, "aql": 1.0}, "whole number"),
        ({"lot_size": True, "aql": 1.0}, "lot_size"),
        ({"lot_size": 100, "aql": 2.0}, "0.010, 0.015"),
        ({"lot_size": 100, "aql": "1.0"}, "aql"),
        ({"lot_size": 100, "aql": 1.0, "level": "IV"}, "S-1, S-2, S-3, S-4, I, II, III"),
        ({"lot_size": 100, "aql": 1.0, "inspection": "strict"}, "normal, tightened, reduced"),
    ],
)
def test_bad_input_names_the_argument(kwargs: dict, fragment: str) -> None:
    with pytest.raises(CalculationError, match=fragment):
        sampling_plan(**kwargs)


def test_aql_accepts_int_and_float_spellings() -> None:
    assert sampling_plan(1000, 10).to_dict()["aql"] == 10.0
    assert sampling_plan(1000, 0.1).accept == sampling_plan(1000, 0.10).accept


def test_oc_reference_value() -> None:
    # By hand: Pa = 0.98^50 + 50·0.02·0.98^49 = 0.364170 + 0.371602 = 0.735771
    assert probability_of_acceptance(50, 1, 0.02) == pytest.approx(0.735771, abs=1e-6)
    # J, AQL 1.0 normal (n = 80, c = 2) at p = 1 %, by hand:
    #   0.99^80 · (1 + 80/99 + 3160/9801) = 0.447523 · 2.130497 = 0.953447
    assert oc_curve(80, 2, [0.01]).probabilities[0] == pytest.approx(0.953447, abs=1e-6)


def test_oc_end_points_and_to_dict() -> None:
    curve = oc_curve(125, 3, [0.0, 0.5, 1.0])
    assert curve.probabilities[0] == 1.0 and curve.probabilities[-1] == 0.0
    assert json.loads(json.dumps(curve.to_dict())) == curve.to_dict()


def test_oc_large_sample_does_not_overflow() -> None:
    # n = 2000, c = 1000, p = 0.5: the binomial is symmetric, so Pa = 1/2 + P(d = 1000)/2
    half_plus = 0.5 + math.comb(2000, 1000) / 2**2000 / 2
    assert oc_curve(2000, 1000, [0.5]).probabilities[0] == pytest.approx(half_plus, rel=1e-9)


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        ((0, 0, [0.1]), "n = 0"),
        ((10, 10, [0.1]), "c = 10"),
        ((10, -1, [0.1]), "c = -1"),
        ((10, 1, [1.5]), r"fractions\[0\] = 1.5"),
        ((10, 1, [0.1, -0.1]), r"fractions\[1\]"),
        ((10, 1, 0.1), "sequence"),
        ((10, 1, "0.1"), "sequence"),
    ],
)
def test_oc_bad_input(args: tuple, fragment: str) -> None:
    with pytest.raises(CalculationError, match=fragment):
        oc_curve(*args)


def _exact_pa(n: int, c: int, p: Fraction) -> Fraction:
    return sum((math.comb(n, d) * p**d * (1 - p) ** (n - d) for d in range(c + 1)), Fraction(0))


@given(
    n=st.integers(min_value=1, max_value=300),
    data=st.data(),
    ps=st.lists(st.floats(min_value=0.0, max_value=1.0), min_size=2, max_size=10),
)
def test_oc_is_a_probability_non_increasing_in_p(n: int, data: st.DataObject, ps: list[float]) -> None:
    c = data.draw(st.integers(min_value=0, max_value=n - 1))
    ps = sorted(ps)
    pa = oc_curve(n, c, ps).probabilities
    assert all(0.0 <= x <= 1.0 for x in pa)
    assert all(later <= earlier + 1e-12 for earlier, later in zip(pa, pa[1:], strict=False))


@given(
    n=st.integers(min_value=1, max_value=60),
    data=st.data(),
    p=st.fractions(min_value=0, max_value=1, max_denominator=50),
)
def test_oc_matches_exact_rational_binomial(n: int, data: st.DataObject, p: Fraction) -> None:
    c = data.draw(st.integers(min_value=0, max_value=n - 1))
    assert probability_of_acceptance(n, c, float(p)) == pytest.approx(float(_exact_pa(n, c, p)), abs=1e-12)
