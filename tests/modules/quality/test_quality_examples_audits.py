"""Worked examples of the 5R audit and the CPPB-IRT inspection: numbers follow the library, charts draw."""

from __future__ import annotations

import json

import numpy as np
import pytest

from ikm_curriculum.assessment import ParticipantContext
from ikm_curriculum.modules.quality.commodities import PROFILES
from ikm_curriculum.modules.quality.cppb_irt import GRADES, inspection_level
from ikm_curriculum.modules.quality.examples_audits import cppb_example, five_r_audit_example
from ikm_curriculum.modules.quality.worked_examples import EXAMPLES

COMMODITIES = [*PROFILES, "sagu (sinonggi)"]


@pytest.mark.parametrize("commodity", COMMODITIES)
def test_five_r_audit_example(commodity: str) -> None:
    for seed in range(5):
        example = five_r_audit_example(np.random.default_rng(seed), ParticipantContext("p", commodity))
        assert json.loads(json.dumps(example)) == example
        before, after = (s["values"] for s in example["series"])
        changes = [round(a - b, 1) for a, b in zip(after, before, strict=True)]
        shown = [float(row[3]) for row in example["table"]["rows"]]
        assert shown == pytest.approx(changes, abs=0.11)  # the table's change column is after − before
        best = example["categories"][changes.index(max(changes))]
        assert best in example["steps"][2]["id"]  # the step names the R that rose most


@pytest.mark.parametrize("commodity", COMMODITIES)
def test_cppb_example_level_follows_the_rule(commodity: str) -> None:
    for seed in range(8):
        example = cppb_example(np.random.default_rng(seed), ParticipantContext("p", commodity))
        counts = dict(zip([g.code for g in GRADES], example["series"][0]["values"], strict=True))
        assert len(example["table"]["rows"]) == sum(counts.values())
        assert inspection_level(counts).level_name in example["title"]["id"]


def test_examples_are_registered_and_draw() -> None:
    from ikm_curriculum.widgets.charts import example_widget

    for name in ("five_r_audit", "cppb"):
        example = EXAMPLES[name](np.random.default_rng(1), ParticipantContext("p", "abon ikan"))
        body, image = example_widget(example, "id").children
        assert "<ol>" in body.value and "<table" in body.value
        assert image.value[:4] == b"\x89PNG"
