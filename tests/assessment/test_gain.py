"""Normalised learning gain (Hake 1998) and the paired tests of pre vs post.

Reference values are worked by hand in the comments, or computed here by an
independent route (statistics module, enumeration of sign patterns, the normal
approximation written out). Source of ⟨g⟩ and of the bands: R. R. Hake (1998),
Am. J. Phys. 66(1), 64–74.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import math
import statistics

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from ikm_curriculum.assessment.gain import GainResult, band_label, hake_band, normalized_gain
from ikm_curriculum.errors import CalculationError

# Five participants, max 100.
PRE = [40, 50, 60, 30, 70]
POST = [70, 80, 75, 65, 85]


def _midranks(values: list[float]) -> list[float]:
    """Average ranks (1-based) of the values, by hand."""
    order = sorted(values)
    return [order.index(v) + 1 + (order.count(v) - 1) / 2 for v in values]


def _signed_rank_p_by_enumeration(d: list[float]) -> tuple[float, float]:
    """Two-sided p of min(W+, W-) over all 2^n sign patterns of the ranks (zeros already removed)."""
    ranks = _midranks([abs(x) for x in d])
    w_plus = sum(r for r, x in zip(ranks, d, strict=True) if x > 0)
    total = sum(ranks)
    w = min(w_plus, total - w_plus)
    patterns = [
        sum(r for r, s in zip(ranks, signs, strict=True) if s) for signs in itertools.product((0, 1), repeat=len(d))
    ]
    # the null distribution of W+ is symmetric about total/2, so the two-sided p is twice the lower tail
    return w, min(1.0, 2 * sum(1 for x in patterns if x <= w + 1e-9) / len(patterns))


def test_small_class_by_hand() -> None:
    r = normalized_gain(PRE, POST)
    # ⟨pre⟩ = 250/5 = 50, ⟨post⟩ = 375/5 = 75, ⟨g⟩ = (75 − 50)/(100 − 50) = 0.5 → medium (0.3 ≤ 0.5 < 0.7)
    assert (r.n, r.n_dropped, r.max_score) == (5, 0, 100.0)
    assert r.mean_pre == pytest.approx(50.0)
    assert r.mean_post == pytest.approx(75.0)
    assert r.class_average_gain == pytest.approx(0.5)
    # gᵢ = 30/60, 30/50, 15/40, 35/70, 15/30 = 0.5, 0.6, 0.375, 0.5, 0.5; mean 2.475/5 = 0.495
    assert r.mean_individual_gain == pytest.approx(0.495)
    assert r.n_individual_undefined == 0
    assert r.band == "medium"
    assert r.band_label == {"id": "sedang", "en": "medium"}
    # d = 30, 30, 15, 35, 15: d̄ = 25, squared deviations 25+25+100+100+100 = 350, s² = 350/4 = 87.5,
    # SE = √(87.5/5) = √17.5 = 4.18330, t = 25/4.18330 = 5.97614, df = 4
    assert r.t_test is not None
    assert r.t_test.df == 4
    assert r.t_test.mean_difference == pytest.approx(25.0)
    assert r.t_test.sd_difference == pytest.approx(math.sqrt(87.5))
    assert r.t_test.t == pytest.approx(25 / math.sqrt(17.5))
    assert r.t_test.t == pytest.approx(5.97614, abs=1e-5)
    # Wilcoxon: every difference positive, so W+ = 1+…+5 = 15, W- = 0; |d| has ties (15, 15 and 30, 30), so the
    # p-value is exact by enumeration: only 1 of the 2^5 = 32 sign patterns gives W- = 0 (and 1 gives W+ = 0),
    # p = 2/32 = 0.0625
    assert r.wilcoxon is not None
    assert (r.wilcoxon.n, r.wilcoxon.n_zero, r.wilcoxon.method) == (5, 0, "permutation")
    assert r.wilcoxon.statistic == 0.0
    assert r.wilcoxon.p_value == pytest.approx(0.0625)
    assert r.notes == ()


def test_perfect_pre_test_is_left_out_of_the_individual_gain() -> None:
    r = normalized_gain([100, 40, 60], [90, 70, 80])
    # ⟨pre⟩ = 200/3, ⟨post⟩ = 80: ⟨g⟩ = (80 − 66.67)/(100 − 66.67) = 13.33/33.33 = 0.4 (= Σd/Σ(100 − pre) = 40/100)
    assert r.class_average_gain == pytest.approx(0.4)
    # participant 0 (pre = 100) has no gᵢ; the others: 30/60 = 0.5 and 20/40 = 0.5 → ḡ = 0.5
    assert r.mean_individual_gain == pytest.approx(0.5)
    assert r.n_individual_undefined == 1
    assert r.n == 3
    assert any("perfect pre-test" in note["en"] and "index 0" in note["en"] for note in r.notes)
    assert any("pre-test sempurna" in note["id"] for note in r.notes)


def test_everyone_perfect_on_the_pre_test() -> None:
    r = normalized_gain([100, 100], [100, 90])
    # max − ⟨pre⟩ = 0: ⟨g⟩ undefined, and no participant has a gᵢ
    assert r.class_average_gain is None
    assert r.mean_individual_gain is None
    assert r.n_individual_undefined == 2
    assert r.band is None and r.band_label is None
    assert any("undefined" in note["en"] for note in r.notes)


@pytest.mark.parametrize(
    ("post", "gain", "band"),
    [
        # pre = 40, 60: Σ(100 − pre) = 100, so ⟨g⟩ = Σd/100
        ([55, 75], 0.3, "medium"),  # Σd = 15 + 15 = 30 → exactly 0.3: Hake "0.7 > ⟨g⟩ ≥ 0.3" → medium
        ([54.9, 75], 0.299, "low"),  # Σd = 29.9 → just below 0.3 → low
        ([75, 95], 0.7, "high"),  # Σd = 70 → exactly 0.7: Hake "⟨g⟩ ≥ 0.7" → high
        ([74.9, 95], 0.699, "medium"),  # Σd = 69.9 → just below 0.7 → medium
        ([30, 50], -0.2, "low"),  # the class did worse: negative gain, low
    ],
)
def test_band_boundaries(post: list[float], gain: float, band: str) -> None:
    r = normalized_gain([40, 60], post)
    assert r.class_average_gain == pytest.approx(gain)
    assert r.band == band
    assert r.band_label == band_label(band)


def test_band_of_a_gain_that_is_exactly_0_3_in_decimals() -> None:
    # pre 0.3 + 40.7 = 41, Σ(100 − pre) = 159; post 24.1 + 64.6 = 88.7, Σd = 47.7; 47.7/159 = 0.3 exactly,
    # but the binary result is 0.29999999999999993: still medium
    r = normalized_gain([0.3, 40.7], [24.1, 64.6])
    assert r.class_average_gain == pytest.approx(0.3)
    assert r.band == "medium"


def test_hake_band_and_labels() -> None:
    assert [hake_band(g) for g in (-0.5, 0.0, 0.2999, 0.3, 0.5, 0.6999, 0.7, 1.0)] == [
        "low", "low", "low", "medium", "medium", "medium", "high", "high",
    ]  # fmt: skip
    assert band_label("low") == {"id": "rendah", "en": "low"}
    assert band_label("high") == {"id": "tinggi", "en": "high"}
    with pytest.raises(CalculationError, match="gain"):
        hake_band(float("nan"))
    with pytest.raises(CalculationError, match="band"):
        band_label("sangat tinggi")


def test_paired_t_test_against_an_independent_computation() -> None:
    pre = [35, 42, 50, 58, 61, 70, 45, 38]
    post = [60, 55, 72, 70, 80, 78, 50, 65]
    r = normalized_gain(pre, post)
    d = [b - a for a, b in zip(pre, post, strict=True)]
    n = len(d)
    mean_d, sd_d = statistics.mean(d), statistics.stdev(d)
    t_by_hand = mean_d / (sd_d / math.sqrt(n))  # t = d̄/(s_d/√n)
    half_width = stats.t.ppf(0.975, n - 1) * sd_d / math.sqrt(n)  # CI = d̄ ± t₀.₉₇₅,ₙ₋₁·s_d/√n
    assert r.t_test is not None
    assert r.t_test.n == n and r.t_test.df == n - 1
    assert r.t_test.mean_difference == pytest.approx(mean_d)
    assert r.t_test.sd_difference == pytest.approx(sd_d)
    assert r.t_test.t == pytest.approx(t_by_hand)
    assert r.t_test.p_value == pytest.approx(2 * stats.t.sf(abs(t_by_hand), n - 1))
    assert (r.t_test.ci_low, r.t_test.ci_high) == pytest.approx((mean_d - half_width, mean_d + half_width))
    assert r.t_test.confidence == 0.95


def test_wilcoxon_exact_on_darwins_zea_mays_data() -> None:
    # Darwin's cross- vs self-fertilised Zea mays, differences in eighths of an inch, as tabulated by
    # R. A. Fisher, The Design of Experiments (1935), ch. III (also the example of scipy.stats.wilcoxon).
    # Ranks of |d|: the two negative differences −48 and −67 have ranks 10 and 14, so W- = 24.
    d = [6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75]
    r = normalized_gain([100] * len(d), [100 + x for x in d], max_score=200)
    assert r.wilcoxon is not None
    assert (r.wilcoxon.n, r.wilcoxon.method) == (15, "exact")
    assert r.wilcoxon.statistic == 24.0
    # two-sided exact p = 2·P(W ≤ 24) over the 2^15 sign patterns: counted here by enumeration
    w, p = _signed_rank_p_by_enumeration(d)
    assert w == 24
    assert r.wilcoxon.p_value == pytest.approx(p)
    assert r.wilcoxon.p_value == pytest.approx(0.041259765625)  # the value printed in scipy's docstring


def test_wilcoxon_with_ties_and_zeros_is_exact_by_enumeration() -> None:
    pre = [50, 40, 60, 55, 70, 45, 65]
    post = [60, 50, 55, 55, 80, 40, 85]
    # d = 10, 10, −5, 0, 10, −5, 20: the zero is dropped (Wilcoxon's method), 6 left;
    # |d| = 10, 10, 5, 10, 5, 20 → midranks 4, 4, 1.5, 4, 1.5, 6; W- = 1.5 + 1.5 = 3
    r = normalized_gain(pre, post)
    assert r.wilcoxon is not None
    assert (r.wilcoxon.n, r.wilcoxon.n_zero, r.wilcoxon.method) == (6, 1, "permutation")
    assert r.wilcoxon.statistic == 3.0
    w, p = _signed_rank_p_by_enumeration([10, 10, -5, 10, -5, 20])
    assert w == 3.0
    assert r.wilcoxon.p_value == pytest.approx(p)


def test_wilcoxon_normal_approximation_with_ties() -> None:
    # 20 pairs with ties (more than 13, so no enumeration): z = (W+ − n(n+1)/4)/σ,
    # σ² = n(n+1)(2n+1)/24 − Σ(t³ − t)/48 over tie groups t, two-sided p = 2Φ(−|z|), no continuity correction
    d = [5, 5, 5, -5, 10, 10, -10, 15, 15, 20, 20, 20, -20, 25, 30, 30, -35, 40, 45, 50]
    pre = [40] * len(d)
    r = normalized_gain(pre, [40 + x for x in d])
    n = len(d)
    ranks = _midranks([abs(x) for x in d])
    w_plus = sum(rank for rank, x in zip(ranks, d, strict=True) if x > 0)
    ties = [[abs(x) for x in d].count(v) for v in {abs(x) for x in d}]
    sigma = math.sqrt(n * (n + 1) * (2 * n + 1) / 24 - sum(t**3 - t for t in ties) / 48)
    z = (w_plus - n * (n + 1) / 4) / sigma
    assert r.wilcoxon is not None
    assert r.wilcoxon.method == "normal approximation"
    assert r.wilcoxon.statistic == pytest.approx(min(w_plus, n * (n + 1) / 2 - w_plus))
    assert r.wilcoxon.p_value == pytest.approx(2 * statistics.NormalDist().cdf(-abs(z)))


def test_wilcoxon_sees_ties_through_rounding_error() -> None:
    # 12.3 − 0.1 and 12.5 − 0.3 are both 12.2 in decimals but differ in binary; they must tie
    r = normalized_gain([0.1, 0.3, 50], [12.3, 12.5, 40])
    assert 12.3 - 0.1 != 12.5 - 0.3
    assert r.wilcoxon is not None
    # |d| = 12.2, 12.2, 10 → ranks 2.5, 2.5, 1; W- = 1
    assert (r.wilcoxon.method, r.wilcoxon.statistic) == ("permutation", 1.0)


def test_nan_pairs_are_dropped() -> None:
    pre = [40, float("nan"), 50, 60, None, 30, 70]
    post = [70, 80, 80, float("nan"), 90, 65, 85]
    complete = normalized_gain([40, 50, 30, 70], [70, 80, 65, 85])
    for a, b in [
        (pre, post),
        (np.array(pre, dtype=float), np.array(post, dtype=float)),
        (pd.Series(pre, dtype="Float64"), pd.Series(post)),
        (pd.Series([40, None, 50, 60, None, 30, 70], dtype="Int64"), pd.Series(post)),
    ]:
        r = normalized_gain(a, b)
        assert (r.n, r.n_dropped) == (4, 3)
        assert r.class_average_gain == pytest.approx(complete.class_average_gain)
        assert r.t_test == complete.t_test
        assert any("index 1, 3, 4" in note["en"] for note in r.notes)


@pytest.mark.parametrize(
    ("pre", "post", "kwargs", "message"),
    [
        ([40, 50, 120], [50, 60, 70], {}, r"pre\[2\] = 120: expected a score from 0 to 100"),
        ([40, 50], [50, -1], {}, r"post\[1\] = -1: expected a score from 0 to 100"),
        ([4, 5], [5, 11], {"max_score": 10}, r"post\[1\] = 11: expected a score from 0 to 10"),
        ([40, "lima puluh"], [50, 60], {}, r"pre\[1\] = 'lima puluh': expected a number"),
        ([40, True], [50, 60], {}, r"pre\[1\] = True: expected a number"),
        ([40, 50], [50, float("inf")], {}, r"post\[1\] = inf"),
        ([40, 50, 60], [50, 60], {}, "pre has 3 scores and post has 2"),
        ([40, 50], [50, 60], {"max_score": 0}, "max_score = 0: expected a positive number"),
        ([40, 50], [50, 60], {"max_score": "100"}, "max_score = '100'"),
        ([None, 50], [50, None], {}, "no participant has both"),
        ([], [], {}, "no participant has both"),
        ("40 50", [50, 60], {}, "pre: expected a sequence"),
        ({"a": 40}, [50], {}, "pre: expected a sequence"),
        (np.array([[40, 50]]), [50, 60], {}, "pre: expected one score per participant"),
    ],
)
def test_bad_input_names_what_is_wrong(pre: object, post: object, kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(CalculationError, match=message):
        normalized_gain(pre, post, **kwargs)  # type: ignore[arg-type]


def test_bad_input_in_a_series_names_the_label_too() -> None:
    with pytest.raises(CalculationError, match=r"pre\[1\] \(label 'budi'\) = 120"):
        normalized_gain(pd.Series([40, 120], index=["siti", "budi"]), [50, 60])
    with pytest.raises(CalculationError, match="different indexes"):
        normalized_gain(pd.Series([40, 50], index=["siti", "budi"]), pd.Series([50, 60], index=["budi", "siti"]))


def test_one_pair_has_no_paired_tests() -> None:
    r = normalized_gain([40], [70])
    # ⟨g⟩ = 30/60 = 0.5 is still given; the tests need a variance
    assert r.class_average_gain == pytest.approx(0.5)
    assert r.t_test is None and r.wilcoxon is None
    assert any("at least 2" in note["en"] for note in r.notes)


@pytest.mark.parametrize(
    ("pre", "post", "max_score", "wilcoxon_p"),
    [
        ([10, 20, 30], [20, 30, 40], 100, 0.25),  # d = 10 each: W- = 0, 2 of 8 sign patterns as extreme
        ([0.1, 0.2, 0.3], [0.2, 0.3, 0.4], 1, 0.25),  # d = 0.1 each in decimals, not quite in binary
        ([10, 20, 30], [10, 20, 30], 100, None),  # d = 0 each: nothing to rank
    ],
)
def test_all_equal_differences_give_no_t_test_and_no_warning(
    pre: list[float], post: list[float], max_score: float, wilcoxon_p: float | None
) -> None:
    # pytest turns warnings into errors, so reaching the asserts means scipy did not warn
    r = normalized_gain(pre, post, max_score=max_score)
    assert r.t_test is None
    assert any("SD 0" in note["en"] for note in r.notes)
    if wilcoxon_p is None:
        assert r.wilcoxon is None
    else:
        assert r.wilcoxon is not None and r.wilcoxon.p_value == pytest.approx(wilcoxon_p)


def test_to_dict_is_plain_json() -> None:
    r = normalized_gain(np.array(PRE), pd.Series(POST))
    data = r.to_dict()
    assert {"class_average_gain", "mean_individual_gain", "n"} <= data.keys()
    assert data["labels"]["mean_individual_gain"] == {
        "id": "Rata-rata N-gain individu",
        "en": "mean of individual normalised gains",
    }
    assert json.loads(json.dumps(data)) == data

    def plain(value: object) -> bool:
        if isinstance(value, dict):
            return all(isinstance(k, str) and plain(v) for k, v in value.items())
        if isinstance(value, list):
            return all(plain(v) for v in value)
        return value is None or type(value) in (bool, int, float, str)

    assert plain(data)


def test_result_is_frozen() -> None:
    r = normalized_gain(PRE, POST)
    assert isinstance(r, GainResult)
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.n = 6  # type: ignore[misc]
    assert hash(r) == hash(normalized_gain(PRE, POST))
