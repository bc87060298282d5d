"""Shared by the test files: reference data sets and the checks every exercise generator must pass.

pytest puts this folder on ``sys.path`` (``pythonpath`` in pyproject.toml), so
test files ``from exercise_checks import …``.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from ikm_curriculum.assessment import ExerciseInstance, ExerciseSpec, ParticipantContext
from ikm_curriculum.modules.quality.commodities import PROFILES

# Every commodity profile, roster spellings of them, and an unknown commodity (generic profile).
COMMODITIES = [*PROFILES, "Abon Ikan Tuna", "kain tenun Buton", "Kerajinan Perak", "Sinonggi"]

# Montgomery, Introduction to Statistical Quality Control, Example 6.1 / Table 6.1: flow width
# (microns) of a hard-bake process, 25 samples of 5 wafers, as transcribed from copies of the table on
# question-and-answer sites; it matches the book's sums. The book prints x̿ = 1.5056 and
# R̄ = 0.32521 (Σx̄ᵢ = 37.6400, ΣRᵢ = 8.1302).
HARD_BAKE = [
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
    [1.5797, 1.3663, 1.6240, 1.3732, 1.6887],
]


def make_instance(spec: ExerciseSpec, seed: int, commodity: str = "abon ikan", city: str = "") -> ExerciseInstance:
    """The instance a participant with this commodity would get from ``seed``."""
    return spec.instance(np.random.default_rng(seed), ParticipantContext("p01", commodity, city=city))


def right_answer(kind: str, key: dict[str, Any]) -> Any:
    """The key's answer in the form a widget saves it."""
    if kind == "single_choice":
        return key["correct"]
    if kind == "multi_choice":
        return list(reversed(key["correct"]))
    if kind == "numeric":
        return key["value"]
    if kind in ("table", "classify"):
        return dict(key["values"])
    if kind == "short_text":
        return "Penyebab: suhu wajan tidak diukur (Metode). Tindakan: pasang termometer, ketua regu cek tiap batch."
    raise AssertionError(f"no right answer for kind {kind!r}")


def _off(value: float, key: dict[str, Any]) -> float:
    """A number clearly outside the key's tolerance around ``value``."""
    return value + 3 * max(key.get("abs_tol", 0.0), key.get("rel_tol", 0.0) * abs(value)) + 1


def wrong_answer(kind: str, public: dict[str, Any], key: dict[str, Any]) -> Any:
    """A plausible slip: another option, one extra tick, or numbers outside the tolerance."""
    ids = [o["id"] for o in public.get("options", [])]
    if kind == "single_choice":
        return next(i for i in ids if i != key["correct"])
    if kind == "multi_choice":
        extra = [i for i in ids if i not in key["correct"]]
        return [*key["correct"], extra[0]] if extra else key["correct"][1:]
    if kind == "numeric":
        return _off(key["value"], key)
    if kind == "table":
        return {cell: _off(value, key) for cell, value in key["values"].items()}
    if kind == "classify":
        categories = [c["id"] for c in public["categories"]]
        return {item: next(c for c in categories if c != right) for item, right in key["values"].items()}
    raise AssertionError(f"no wrong answer for kind {kind!r}")


def number_in_text(value: float, text: str) -> bool:
    """True when ``value`` to 2 decimals appears in ``text`` as a number of its own (not inside 2.114).

    >>> number_in_text(2.114, '{"v": 2.11}'), number_in_text(2.11, "D4 = 2.114"), number_in_text(1.5, "101.50")
    (True, False, False)
    """
    return re.search(rf"(?<![\d.]){re.escape(f'{value:.2f}')}(?!\d)", text) is not None
