"""Size class of a member business: Permenperin 64/2016 (industry) and PP 7/2021 (business)."""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import pytest

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.assets.size_class import (
    BUSINESS_THRESHOLDS,
    INDUSTRY_THRESHOLDS,
    BusinessThresholds,
    IndustryThresholds,
    classify_business,
    classify_business_both,
    classify_industry,
    classify_member,
)

BN = 1_000_000_000  # one billion rupiah (Rp1 miliar)

# --- industry rule, Permenperin 64/2016 ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("workers", "investment", "expected"),
    [
        # Permenperin 64/2016, industri kecil: ≤ 19 workers and investment < Rp1 bn.
        (0, 0, "kecil"),
        (19, BN - 1, "kecil"),
        (18, BN - 1, "kecil"),
        # industri menengah, first clause: ≤ 19 workers and investment ≥ Rp1 bn ("paling sedikit").
        (19, BN, "menengah"),
        (19, BN + 1, "menengah"),
        (1, BN, "menengah"),
        # ≤ 19 workers and investment > Rp15 bn: the first clause of menengah has no upper bound on
        # investment and industri besar needs "paling sedikit 20" workers → still menengah.
        (19, 15 * BN + 1, "menengah"),
        (5, 200 * BN, "menengah"),
        # 19/20 workers at investment < Rp1 bn: 20 workers leaves "kecil" (second clause of menengah).
        (20, BN - 1, "menengah"),
        (20, 0, "menengah"),
        # second clause of menengah: ≥ 20 workers and investment ≤ Rp15 bn ("paling banyak").
        (20, 15 * BN - 1, "menengah"),
        (20, 15 * BN, "menengah"),
        # industri besar: ≥ 20 workers and investment > Rp15 bn ("lebih dari").
        (20, 15 * BN + 1, "besar"),
        (50, 15 * BN + 1, "besar"),
        # 99/100 workers: the regulation has no 100-worker line (that is BPS statistics),
        # so 100 workers with investment ≤ Rp15 bn is still menengah, > Rp15 bn besar.
        (99, 15 * BN, "menengah"),
        (100, 15 * BN, "menengah"),
        (100, 10 * BN, "menengah"),
        (99, 15 * BN + 1, "besar"),
        (100, 15 * BN + 1, "besar"),
    ],
)
def test_industry_class_at_every_boundary(workers: int, investment: int, expected: str) -> None:
    assert classify_industry(workers, investment) == expected


@pytest.mark.parametrize(
    ("workers", "investment", "expected"),
    [
        # Table with the BPS-style ceiling medium_max_workers = 99: ≥ 100 workers → besar whatever the investment.
        (99, 15 * BN, "menengah"),
        (100, 15 * BN, "besar"),
        (100, 0, "besar"),
        # the other lines are unchanged: 19/20 workers, Rp1 bn, Rp15 bn.
        (19, BN - 1, "kecil"),
        (19, 20 * BN, "menengah"),
        (20, 15 * BN + 1, "besar"),
    ],
)
def test_industry_table_with_a_worker_ceiling(workers: int, investment: int, expected: str) -> None:
    table = dataclasses.replace(INDUSTRY_THRESHOLDS, medium_max_workers=99)
    assert classify_industry(workers, investment, thresholds=table) == expected


def test_industry_table_is_replaceable() -> None:
    # A hypothetical rule with an Rp2 bn small-industry line: Rp1.5 bn and 10 workers is then kecil.
    table = dataclasses.replace(INDUSTRY_THRESHOLDS, small_investment_below=2 * BN)
    assert classify_industry(10, 1.5 * BN, thresholds=table) == "kecil"
    assert classify_industry(10, 1.5 * BN) == "menengah"  # default table: ≥ Rp1 bn → menengah


def test_industry_accepts_numpy_and_whole_floats() -> None:
    # 12.0 workers from a spreadsheet column is 12; numpy numbers behave like Python numbers.
    assert classify_industry(12.0, np.int64(BN)) == "menengah"
    assert classify_industry(np.int64(25), np.float64(16.0 * BN)) == "besar"


@pytest.mark.parametrize(
    ("workers", "investment", "field"),
    [
        (-1, 0, "workers"),
        (12.5, 0, "workers"),
        ("12", 0, "workers"),
        (True, 0, "workers"),
        (None, 0, "workers"),
        (float("nan"), 0, "workers"),
        (12, -1, "investment"),
        (12, "1000", "investment"),
        (12, float("inf"), "investment"),
        (12, None, "investment"),
        (12, False, "investment"),
    ],
)
def test_industry_rejects_bad_input(workers: object, investment: object, field: str) -> None:
    with pytest.raises(CalculationError, match=field):
        classify_industry(workers, investment)  # type: ignore[arg-type]


def test_industry_rejects_a_wrong_table() -> None:
    with pytest.raises(CalculationError, match="thresholds"):
        classify_industry(5, 0, thresholds=BUSINESS_THRESHOLDS)  # type: ignore[arg-type]
    with pytest.raises(CalculationError, match="medium_max_workers"):
        dataclasses.replace(INDUSTRY_THRESHOLDS, medium_max_workers=19)
    with pytest.raises(CalculationError, match="small_investment_below"):
        dataclasses.replace(INDUSTRY_THRESHOLDS, small_investment_below=16 * BN)


# --- business rule, PP 7/2021 art. 35 ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("capital", "expected"),
    [
        # PP 7/2021 art. 35(3)a: mikro ≤ Rp1 bn capital ("sampai dengan paling banyak").
        (0, "mikro"),
        (BN - 1, "mikro"),
        (BN, "mikro"),
        # art. 35(3)b: kecil > Rp1 bn to ≤ Rp5 bn.
        (BN + 1, "kecil"),
        (5 * BN - 1, "kecil"),
        (5 * BN, "kecil"),
        # art. 35(3)c: menengah > Rp5 bn to ≤ Rp10 bn.
        (5 * BN + 1, "menengah"),
        (10 * BN - 1, "menengah"),
        (10 * BN, "menengah"),
        # above Rp10 bn: usaha besar.
        (10 * BN + 1, "besar"),
    ],
)
def test_business_class_by_capital_at_every_boundary(capital: int, expected: str) -> None:
    assert classify_business(capital=capital) == expected


@pytest.mark.parametrize(
    ("sales", "expected"),
    [
        # PP 7/2021 art. 35(5)a: mikro ≤ Rp2 bn annual sales.
        (0, "mikro"),
        (2 * BN - 1, "mikro"),
        (2 * BN, "mikro"),
        # art. 35(5)b: kecil > Rp2 bn to ≤ Rp15 bn.
        (2 * BN + 1, "kecil"),
        (15 * BN, "kecil"),
        # art. 35(5)c: menengah > Rp15 bn to ≤ Rp50 bn.
        (15 * BN + 1, "menengah"),
        (50 * BN, "menengah"),
        # above Rp50 bn: usaha besar.
        (50 * BN + 1, "besar"),
    ],
)
def test_business_class_by_sales_at_every_boundary(sales: int, expected: str) -> None:
    assert classify_business(annual_sales=sales) == expected


def test_capital_wins_when_both_are_given() -> None:
    # Our rule (documented): capital if given (art. 35(2)); Rp3 bn capital → kecil, Rp60 bn sales alone → besar.
    assert classify_business(capital=3 * BN, annual_sales=60 * BN) == "kecil"
    assert classify_business(annual_sales=60 * BN) == "besar"


def test_both_criteria_show_disagreement() -> None:
    # capital Rp3 bn → kecil (art. 35(3)b); sales Rp1 bn → mikro (art. 35(5)a): they disagree.
    both = classify_business_both(3 * BN, BN)
    assert (both.by_capital, both.by_sales, both.agree) == ("kecil", "mikro", False)
    # capital Rp0.5 bn → mikro and sales Rp1.5 bn → mikro: they agree.
    assert classify_business_both(BN // 2, 1.5 * BN).agree is True
    # one criterion missing: no comparison.
    assert classify_business_both(None, 20 * BN).to_dict() == {
        "by_capital": None,
        "by_sales": "menengah",
        "agree": None,
    }


def test_business_table_is_replaceable() -> None:
    # Art. 36 lets the amounts change: with a micro capital limit of Rp2 bn, Rp1.5 bn is mikro.
    table = dataclasses.replace(BUSINESS_THRESHOLDS, capital_max=(2 * BN, 5 * BN, 10 * BN))
    assert classify_business(capital=1.5 * BN, thresholds=table) == "mikro"
    with pytest.raises(CalculationError, match="capital_max"):
        dataclasses.replace(BUSINESS_THRESHOLDS, capital_max=(5 * BN, BN, 10 * BN))
    with pytest.raises(CalculationError, match="thresholds"):
        classify_business(capital=BN, thresholds=INDUSTRY_THRESHOLDS)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("capital", "sales", "field"),
    [
        (None, None, "capital, annual_sales"),
        (-1, None, "capital"),
        ("1 miliar", None, "capital"),
        (True, None, "capital"),
        (None, -5, "annual_sales"),
        (None, float("nan"), "annual_sales"),
    ],
)
def test_business_rejects_bad_input(capital: object, sales: object, field: str) -> None:
    with pytest.raises(CalculationError, match=field):
        classify_business(capital=capital, annual_sales=sales)  # type: ignore[arg-type]
    with pytest.raises(CalculationError, match=field):
        classify_business_both(capital, sales)  # type: ignore[arg-type]


# --- both systems -------------------------------------------------------------------------------------------


def test_member_in_both_systems_labelled_by_system() -> None:
    # 25 workers, Rp3 bn equipment → industri menengah (≥ 20 workers, ≤ Rp15 bn);
    # capital Rp3 bn → usaha kecil (art. 35(3)b); sales Rp1.8 bn → mikro (art. 35(5)a).
    r = classify_member(25, 3 * BN, capital=3 * BN, annual_sales=1.8 * BN)
    assert (r.industry.key, r.business.key, r.business.basis) == ("menengah", "kecil", "capital")
    assert r.industry.label.id == "Industri menengah" and r.business.label.en == "Small business"
    assert r.industry.system.id == "Permenperin 64/2016 (industri)"
    assert r.business.system.id == "PP 7/2021 (usaha)"
    assert r.business_by_criterion.agree is False
    d = r.to_dict()
    assert json.loads(json.dumps(d)) == d
    assert d["business_by_criterion"] == {"by_capital": "kecil", "by_sales": "mikro", "agree": False}


def test_member_with_sales_only_and_custom_tables() -> None:
    # sales Rp16 bn → menengah (art. 35(5)c); 100 workers with a ceiling of 99 → besar.
    industry = dataclasses.replace(INDUSTRY_THRESHOLDS, medium_max_workers=99)
    r = classify_member(100, BN, annual_sales=16 * BN, industry_thresholds=industry)
    assert (r.industry.key, r.business.key, r.business.basis) == ("besar", "menengah", "annual_sales")


def test_member_rejects_bad_input() -> None:
    with pytest.raises(CalculationError, match="capital, annual_sales"):
        classify_member(5, BN)
    with pytest.raises(CalculationError, match="workers"):
        classify_member(-3, BN, capital=BN)


def test_tables_name_source_and_date() -> None:
    for table in (INDUSTRY_THRESHOLDS, BUSINESS_THRESHOLDS):
        assert table.dated == "2026-11-27"
    assert "64/M-IND/PER/7/2016" in INDUSTRY_THRESHOLDS.source
    assert "Pasal 35" in BUSINESS_THRESHOLDS.source
    assert isinstance(BUSINESS_THRESHOLDS, BusinessThresholds) and isinstance(INDUSTRY_THRESHOLDS, IndustryThresholds)
