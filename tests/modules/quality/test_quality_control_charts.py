"""x̄-R chart limits against a hand-computed example and Montgomery's Example 6.1."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from ikm_curriculum.modules.quality.control_charts import XbarRLimits, xbar_r_limits


def test_hand_computed_example_n4() -> None:
    # Hand computation, n = 4, factors from Montgomery Appendix Table VI (A2 = 0.729, D3 = 0, D4 = 2.282):
    #   subgroup 1: 10 12 11 13 → x̄ = 46/4 = 11.5, R = 13 − 10 = 3
    #   subgroup 2: 12 14 13 13 → x̄ = 52/4 = 13.0, R = 14 − 12 = 2
    #   subgroup 3: 11 10 12  9 → x̄ = 42/4 = 10.5, R = 12 −  9 = 3
    #   x̿ = (11.5 + 13 + 10.5)/3 = 35/3 = 11.666667;  R̄ = 8/3 = 2.666667
    #   A2 R̄ = 0.729 · 8/3 = 1.944 → UCL_x̄ = 13.610667, LCL_x̄ = 9.722667
    #   UCL_R = 2.282 · 8/3 = 6.085333, LCL_R = 0 · R̄ = 0
    lim = xbar_r_limits([[10, 12, 11, 13], [12, 14, 13, 13], [11, 10, 12, 9]])
    assert (lim.n, lim.k) == (4, 3)
    assert lim.xbars == (11.5, 13.0, 10.5)
    assert lim.ranges == (3.0, 2.0, 3.0)
    assert lim.grand_mean == pytest.approx(35 / 3)
    assert lim.cl_x == lim.grand_mean
    assert lim.mean_range == pytest.approx(8 / 3)
    assert lim.cl_r == lim.mean_range
    assert lim.ucl_x == pytest.approx(13.610667, abs=1e-6)
    assert lim.lcl_x == pytest.approx(9.722667, abs=1e-6)
    assert lim.ucl_r == pytest.approx(6.085333, abs=1e-6)
    assert lim.lcl_r == 0.0


def test_hand_computed_example_n7_has_positive_lower_range_limit() -> None:
    # Hand computation, n = 7 (A2 = 0.419, D3 = 0.076, D4 = 1.924, Montgomery Appendix Table VI):
    #   1..7 → x̄ = 4, R = 6;  2..8 → x̄ = 5, R = 6;  x̿ = 4.5, R̄ = 6
    #   UCL_x̄ = 4.5 + 0.419 · 6 = 7.014, LCL_x̄ = 1.986, UCL_R = 11.544, LCL_R = 0.456
    lim = xbar_r_limits([list(range(1, 8)), list(range(2, 9))])
    assert lim.grand_mean == 4.5 and lim.mean_range == 6.0
    assert lim.ucl_x == pytest.approx(7.014)
    assert lim.lcl_x == pytest.approx(1.986)
    assert lim.ucl_r == pytest.approx(11.544)
    assert lim.lcl_r == pytest.approx(0.456)


# Montgomery, Introduction to Statistical Quality Control, Example 6.1 / Table 6.1:
# flow width (microns) of a hard-bake process, 25 samples of 5 wafers. Values as
# transcribed in a public SPC tutorial (SPC-kit, "Table 6.1").
HARD_BAKE_FLOW_WIDTH = [
    [1.3235, 1.4128, 1.6744, 1.4573, 1.6914],
    [1.4314, 1.3592, 1.6075, 1.4666, 1.6109],
    [1.4284, 1.4871, 1.4932, 1.4324, 1.5674],
    [1.5028, 1.6352, 1.3841, 1.2831, 1.5507],
    [1.5604, 1.2735, 1.5265, 1.4363, 1.6441],
    [1.5955, 1.5451, 1.3574, 1.3281, 1.4198],
    [1.6274, 1.5064, 1.8366, 1.4177, 1.5144],
    [1.4190, 1.4303, 1.6637, 1.6067, 1.5519],
    [1.3884, 1.7277, 1.5355, 1.5176, 1.3688],
    [1.4039, 1.6697, 1.5089, 1.4627, 1.5220],
    [1.4158, 1.7667, 1.4278, 1.5928, 1.4181],
    [1.5821, 1.3355, 1.5777, 1.3908, 1.7559],
    [1.2856, 1.4106, 1.4447, 1.6398, 1.1928],
    [1.4951, 1.4036, 1.5893, 1.6458, 1.4969],
    [1.3589, 1.2863, 1.5996, 1.2497, 1.5471],
    [1.5747, 1.5301, 1.5171, 1.1839, 1.8662],
    [1.3680, 1.7269, 1.3957, 1.5014, 1.4449],
    [1.4163, 1.3864, 1.3057, 1.6210, 1.5573],
    [1.5796, 1.4185, 1.6541, 1.5116, 1.7247],
    [1.7106, 1.4412, 1.2361, 1.3820, 1.7601],
    [1.4371, 1.5051, 1.3485, 1.5670, 1.4880],
    [1.4738, 1.5936, 1.6583, 1.4973, 1.4720],
    [1.5917, 1.4333, 1.5551, 1.5295, 1.6866],
    [1.6399, 1.5243, 1.5705, 1.5563, 1.5530],
    [1.5797, 1.3663, 1.6240, 1.3732, 1.6877],
]


def test_montgomery_example_6_1_hard_bake() -> None:
    # Published in Montgomery Example 6.1: x̿ = 1.5056, R̄ = 0.32521, UCL = 1.6932,
    # LCL = 1.3180, UCL_R = 0.68749, LCL_R = 0. The x̄-chart values agree to the 4
    # printed decimals. The book's R̄ comes from its column of ranges, which sums to
    # 8.1302, while these data give 8.1292 (R̄ = 0.325168), so R̄ and UCL_R are
    # compared within 2e-4 relative (the 0.001 difference in the sum, divided by 8.13).
    lim = xbar_r_limits(HARD_BAKE_FLOW_WIDTH)
    assert (lim.n, lim.k) == (5, 25)
    assert round(lim.grand_mean, 4) == 1.5056
    assert round(lim.ucl_x, 4) == 1.6932
    assert round(lim.lcl_x, 4) == 1.3180
    assert lim.mean_range == pytest.approx(0.32521, rel=2e-4)
    assert lim.ucl_r == pytest.approx(0.68749, rel=2e-4)
    assert lim.lcl_r == 0.0


def test_accepts_numpy_arrays_and_to_dict_is_json() -> None:
    data = np.array([[1.0, 2.0, 3.0], [2.0, 3.0, 4.0]])
    lim = xbar_r_limits(list(data))
    assert isinstance(lim, XbarRLimits)
    as_dict = json.loads(json.dumps(lim.to_dict()))
    assert as_dict["xbars"] == [2.0, 3.0]
    assert as_dict["ucl_x"] == pytest.approx(4.546)  # 2.5 + 1.023 · 2, A2 for n = 3 (Appendix VI)
    with pytest.raises(AttributeError):
        lim.grand_mean = 0.0  # type: ignore[misc]


@pytest.mark.parametrize(
    ("subgroups", "message"),
    [
        ([[1, 2, 3]], r"at least 2 subgroups"),
        ([], r"at least 2 subgroups"),
        ([[1, 2, 3], [1, 2]], r"subgroup 2 has 2 values but subgroup 1 has 3"),
        ([[1], [2]], r"subgroup 1 has 1 values; subgroup size must be 2–10"),
        ([list(range(11)), list(range(11))], r"subgroup 1 has 11 values; subgroup size must be 2–10"),
        ([[1, 2], [3, math.nan]], r"subgroup 2, value 2 is not a finite number"),
        ([[1, 2], [math.inf, 2], [1, 2]], r"subgroup 2, value 1 is not a finite number"),
        ([[1, 2], [3, "4"]], r"subgroup 2, value 2 is not a number"),
        ([[1, 2], [True, 4]], r"subgroup 2, value 1 is not a number"),
        ([[1, 2], 3], r"subgroup 2 is not a list of numbers"),
        ("12", r"list of subgroups"),
    ],
)
def test_invalid_input_names_the_subgroup(subgroups: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        xbar_r_limits(subgroups)  # type: ignore[arg-type]
