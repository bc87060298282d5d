"""The public contract of issue 3: names and result shapes other people's scripts rely on."""

from __future__ import annotations

import pytest

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules import quality

# Montgomery, Introduction to SQC, Table 6.1 (hard-bake flow width), first 3 subgroups are enough for shapes.
SUBGROUPS = [
    [1.3235, 1.4128, 1.6744, 1.4573, 1.6914],
    [1.4314, 1.3592, 1.6075, 1.4666, 1.6109],
    [1.4284, 1.4871, 1.4932, 1.4324, 1.5674],
]


def test_constants_mapping_keys() -> None:
    factors = quality.control_chart_constants(5)
    assert set(factors) == {"A2", "A3", "D3", "D4", "B3", "B4", "d2", "c4", "d3"}
    assert factors["A2"] == 0.577  # Montgomery, Appendix Table VI, n = 5


def test_chart_result_shapes() -> None:
    xr = quality.xbar_r_chart(SUBGROUPS).to_dict()
    assert set(xr["xbar"]) >= {"center", "lcl", "ucl"} and set(xr["range"]) >= {"center", "lcl", "ucl"}
    assert isinstance(xr["out_of_control"], list)
    xs = quality.xbar_s_chart(SUBGROUPS).to_dict()
    assert set(xs["s"]) >= {"center", "lcl", "ucl"}
    constant = quality.p_chart([3, 5, 2], 50).to_dict()
    assert isinstance(constant["ucl"], float) and {"center", "lcl", "out_of_control"} <= set(constant)
    varying = quality.p_chart([3, 5, 2], [50, 60, 40]).to_dict()
    assert isinstance(varying["ucl"], list) and len(varying["ucl"]) == 3


def test_capability_plan_and_oc_shapes() -> None:
    cap = quality.process_capability([9.8, 10.1, 10.0, 10.2, 9.9], 9.5, 10.5, target=10.0).to_dict()
    assert {"mean", "sigma", "cp", "cpk", "cpm"} <= set(cap)
    plan = quality.sampling_plan(1000, 1.0).to_dict()
    # ISO 2859-1 Table 1 (lot 501-1200, level II) -> J; Table 2-A, J at AQL 1.0 -> n 80, Ac 2, Re 3
    assert (plan["code_letter"], plan["sample_size"], plan["accept"], plan["reject"]) == ("J", 80, 2, 3)
    assert [round(p, 4) for p in quality.oc_curve(50, 1, [0.0, 0.02])] == [1.0, 0.7358]  # binomial by hand


@pytest.mark.parametrize(
    ("call", "named"),
    [
        (lambda: quality.control_chart_constants(1), "n=1"),
        (lambda: quality.xbar_r_chart([[1, 2], [1, 2, 3]]), "subgroups[1]"),
        (lambda: quality.xbar_r_chart([[1, "x"], [1, 2]]), "subgroups[0][1]"),
        (lambda: quality.p_chart([-1, 2], 10), "defectives[0]"),
        (lambda: quality.p_chart([12, 2], 10), "defectives[0] = 12"),
        (lambda: quality.process_capability([1, 2, 3], 5, 4), "lsl"),
        (lambda: quality.sampling_plan(1000, 0.3), "aql"),
    ],
)
def test_bad_input_raises_the_package_error_naming_the_argument(call, named: str) -> None:
    with pytest.raises(CalculationError) as caught:
        call()
    assert named in str(caught.value)
