"""Process capability: Montgomery's hard-bake example, hand-computed cases, ppm by NormalDist."""

from __future__ import annotations

import json
import math
import statistics
from statistics import NormalDist

import pytest
from exercise_checks import HARD_BAKE

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.quality.capability import (
    _c4,
    capability_from_subgroups,
    process_capability,
)

# D. C. Montgomery, Introduction to Statistical Quality Control (6th ed.), Table 6.1 "Flow width measurements
# (microns) for the hard-bake process", 25 samples of 5 wafers (Example 6.1). The book prints x̿ = 1.5056 and
# R̄ = 0.32521 (Σx̄ᵢ = 37.6400, ΣRᵢ = 8.1302); the test below checks the transcription against those sums.
# With specifications 1.50 ± 0.50 µm it estimates σ̂ = R̄/d2 = 0.32521/2.326 = 0.1398 and
# Cp = (2.00 − 1.00)/(6 · 0.1398) = 1.192 (section 6.2, "estimating process capability").
ALL_VALUES = [x for row in HARD_BAKE for x in row]


def _ppm(mean: float, sigma: float, lsl: float, usl: float) -> float:
    """ppm = 10⁶ [Φ((LSL − μ)/σ) + 1 − Φ((USL − μ)/σ)], by hand with the standard library."""
    z = NormalDist()
    return 1e6 * (z.cdf((lsl - mean) / sigma) + 1 - z.cdf((usl - mean) / sigma))


def test_transcription_of_table_6_1_matches_the_printed_sums() -> None:
    assert sum(statistics.fmean(row) for row in HARD_BAKE) == pytest.approx(37.6400, abs=5e-4)
    assert sum(max(row) - min(row) for row in HARD_BAKE) == pytest.approx(8.1302, abs=1e-9)


def test_hard_bake_cp_from_r_bar_over_d2() -> None:
    r = capability_from_subgroups(HARD_BAKE, 1.00, 2.00)
    assert (r.k, r.n, r.method) == (25, 5, "range")
    assert r.mean == pytest.approx(1.5056, abs=5e-5)  # Montgomery: x̿ = 1.5056
    assert r.mean_range == pytest.approx(0.32521, abs=5e-6)  # Montgomery: R̄ = 0.32521
    assert r.sigma_within == pytest.approx(0.1398, abs=5e-5)  # Montgomery: σ̂ = 0.1398
    assert r.cp == pytest.approx(1.192, abs=5e-4)  # Montgomery: Cp = 1.192
    # Hand: Cpk = min(2.00 − 1.5056104, 1.5056104 − 1.00) / (3 · 0.325208/2.326) = 0.4943896 / 0.4194428 = 1.1787
    assert r.cpk == pytest.approx(1.1787, abs=5e-5)
    assert r.cpk == r.cpu


def test_hard_bake_ppm_within_and_overall_by_normal_dist() -> None:
    r = capability_from_subgroups(HARD_BAKE, 1.00, 2.00)
    # Hand: μ = Σ of the 125 values / 125 = 188.2013 / 125 = 1.5056104; σ within = 0.325208 / 2.326.
    mean, sigma_w = 188.2013 / 125, 0.325208 / 2.326
    assert r.ppm_within["total"] == pytest.approx(_ppm(mean, sigma_w, 1.0, 2.0), rel=1e-9)
    assert r.ppm_within["below"] == pytest.approx(1e6 * NormalDist(mean, sigma_w).cdf(1.0), rel=1e-9)
    assert r.ppm_within["total"] == pytest.approx(352.5, abs=0.1)  # ≈ 0.00035 fraction nonconforming
    sigma_o = statistics.stdev(ALL_VALUES)  # overall σ: sample sd of all 125 values
    assert r.sigma_overall == pytest.approx(sigma_o, rel=1e-12)
    assert r.ppm_overall["total"] == pytest.approx(_ppm(mean, sigma_o, 1.0, 2.0), rel=1e-9)
    assert r.pp == pytest.approx(1.0 / (6 * sigma_o), rel=1e-12)
    assert r.ppk == pytest.approx((2.0 - mean) / (3 * sigma_o), rel=1e-9)


def test_s_bar_over_c4_method() -> None:
    r = capability_from_subgroups(HARD_BAKE, 1.00, 2.00, method="s", target=1.50)
    s_bar = statistics.fmean(statistics.stdev(row) for row in HARD_BAKE)
    assert r.mean_sd == pytest.approx(s_bar, rel=1e-12)
    assert r.sigma_within == pytest.approx(s_bar / 0.9400, rel=1e-4)  # c4(5) = 0.9400, Montgomery Appendix VI
    # Cpm with σ overall: 1 / (6 √(σₒ² + (μ − 1.50)²))
    sigma_o, mean = statistics.stdev(ALL_VALUES), statistics.fmean(ALL_VALUES)
    assert r.cpm == pytest.approx(1.0 / (6 * math.sqrt(sigma_o**2 + (mean - 1.5) ** 2)), rel=1e-12)


@pytest.mark.parametrize(
    ("n", "published"),
    # Montgomery, Appendix Table VI, column c4.
    [(2, 0.7979), (3, 0.8862), (4, 0.9213), (5, 0.9400), (10, 0.9727), (25, 0.9896)],
)
def test_c4_matches_the_published_table(n: int, published: float) -> None:
    assert _c4(n) == pytest.approx(published, abs=5e-5)


def test_process_capability_with_a_given_sigma_reproduces_montgomery() -> None:
    r = process_capability(ALL_VALUES, 1.00, 2.00, sigma=0.32521 / 2.326)
    assert r.sigma_source == "given"
    assert r.cp == pytest.approx(1.192, abs=5e-4)  # Montgomery section 6.2: Cp = 1.192
    assert r.ppm_total == pytest.approx(_ppm(r.mean, 0.32521 / 2.326, 1.0, 2.0), rel=1e-9)


def test_without_sigma_the_sample_sd_is_used_so_cp_equals_pp() -> None:
    r = process_capability(ALL_VALUES, 1.00, 2.00)
    sub = capability_from_subgroups(HARD_BAKE, 1.00, 2.00)
    assert r.sigma_source == "sample"
    assert r.sigma == pytest.approx(statistics.stdev(ALL_VALUES), rel=1e-12)
    assert r.cp == pytest.approx(sub.pp, rel=1e-12)
    assert r.cpk == pytest.approx(sub.ppk, rel=1e-12)


def test_hand_computed_off_target_process() -> None:
    # Hand: values 10, 11, 12 → μ = 11, s = 1; specs 8–14, T = 10.
    #   Cp = 6/6 = 1; CPU = (14 − 11)/3 = 1; CPL = (11 − 8)/3 = 1; Cpk = 1
    #   Cpm = 6 / (6 √(1 + (11 − 10)²)) = 1/√2 = 0.70711
    r = process_capability([10, 11, 12], 8, 14, target=10)
    assert (r.mean, r.sigma, r.cp, r.cpk) == (11.0, 1.0, 1.0, 1.0)
    assert r.cpm == pytest.approx(1 / math.sqrt(2))
    # Hand: ppm = 10⁶ · 2Φ(−3) = 2699.796
    assert r.ppm_total == pytest.approx(2699.796, abs=1e-3)
    assert r.ppm_below == pytest.approx(r.ppm_above)


def test_one_sided_specifications() -> None:
    # Hand: μ = 11, σ = 1. Only USL 14 → Cpk = CPU = 3/3 = 1; only LSL 9.5 → Cpk = CPL = 1.5/3 = 0.5.
    upper = process_capability([10, 11, 12], None, 14)
    assert (upper.cp, upper.cpl, upper.cpk, upper.ppm_below) == (None, None, 1.0, 0.0)
    assert upper.ppm_above == pytest.approx(1e6 * (1 - NormalDist().cdf(3.0)))
    lower = process_capability([10, 11, 12], 9.5, None, target=11)
    assert (lower.cp, lower.cpu, lower.cpk, lower.cpm, lower.ppm_above) == (None, None, 0.5, None, 0.0)
    assert lower.ppm_below == pytest.approx(1e6 * NormalDist().cdf(-1.5))
    sub = capability_from_subgroups(HARD_BAKE, None, 2.0)
    assert sub.cp is None and sub.pp is None and sub.cpk == sub.cpu and sub.ppm_within["below"] == 0.0


def test_to_dict_is_plain_and_has_cpm_only_with_a_target() -> None:
    assert "cpm" not in process_capability([10, 11, 12], 8, 14).to_dict()
    data = json.loads(json.dumps(process_capability([10, 11, 12], 8, 14, target=11).to_dict()))
    assert {"mean", "sigma", "cp", "cpk", "cpm"} <= data.keys() and data["cpm"] == 1.0
    sub = json.loads(json.dumps(capability_from_subgroups(HARD_BAKE, 1.0, 2.0).to_dict()))
    assert {"sigma_within", "sigma_overall", "cp", "cpk", "pp", "ppk", "ppm_within", "ppm_overall"} <= sub.keys()
    assert set(sub["ppm_within"]) == {"below", "above", "total"}


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"values": [1.0], "lsl": 0, "usl": 2}, "at least 2"),
        ({"values": [1.0, "2"], "lsl": 0, "usl": 2}, r"values\[1\] must be a finite number"),
        ({"values": [1.0, float("nan")], "lsl": 0, "usl": 2}, "finite"),
        ({"values": [1.0, True], "lsl": 0, "usl": 2}, "finite number"),
        ({"values": "12", "lsl": 0, "usl": 2}, "list of numbers"),
        ({"values": [1, 2], "lsl": 2, "usl": 2}, "lsl must be below usl"),
        ({"values": [1, 2], "lsl": 3, "usl": 2}, "lsl must be below usl"),
        ({"values": [1, 2], "lsl": None, "usl": None}, "at least one specification limit"),
        ({"values": [1, 2], "lsl": 0, "usl": 3, "sigma": 0}, "sigma must be greater than 0"),
        ({"values": [1, 2], "lsl": 0, "usl": 3, "sigma": -1}, "sigma must be greater than 0"),
        ({"values": [1, 1], "lsl": 0, "usl": 3}, "all values are equal"),
        ({"values": [1, 2], "lsl": 0, "usl": 3, "target": 4}, "target 4 lies outside"),
    ],
)
def test_process_capability_rejects_bad_input(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(CalculationError, match=message):
        process_capability(**kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("subgroups", "kwargs", "message"),
    [
        ([[1, 2, 3]], {}, "at least 2 subgroups"),
        ([[1, 2, 3], [1, 2]], {}, "same size"),
        ([[1, 2], [1, "x"]], {}, r"subgroup 2\[1\]"),
        ([[1, 2], [3, 4]], {"method": "median"}, "method must be"),
        ([[1, 1], [1, 1]], {}, "no variation"),
        ([list(range(30)), list(range(30))], {}, "method 'range' needs a d2 value for n=30"),
    ],
)
def test_capability_from_subgroups_rejects_bad_input(
    subgroups: list[list[object]], kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(CalculationError, match=message):
        capability_from_subgroups(subgroups, 0, 40, **kwargs)  # type: ignore[arg-type]


def test_large_subgroups_work_with_the_s_method() -> None:
    r = capability_from_subgroups([list(range(30)), list(range(1, 31))], 0, 40, method="s")
    assert r.sigma_within == pytest.approx(statistics.stdev(range(30)) / _c4(30))
