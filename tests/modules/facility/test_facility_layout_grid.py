"""The layout-grid exercise: the key is the library's best layout, and it scores full marks."""

from __future__ import annotations

import json

import numpy as np
import pytest

from ikm_curriculum.assessment import ParticipantContext
from ikm_curriculum.assessment.kinds import get_kind
from ikm_curriculum.assessment.layout import objective
from ikm_curriculum.modules import facility
from ikm_curriculum.modules.facility.exercise_layout_grid import layout_grid
from ikm_curriculum.modules.quality.commodities import PROFILES

COMMODITIES = [*PROFILES, "Sinonggi"]
KIND = get_kind("layout")


@pytest.mark.parametrize("commodity", COMMODITIES)
def test_best_layout_is_the_key_and_scores_full(commodity: str) -> None:
    for seed in range(3):
        item = layout_grid.instance(np.random.default_rng(seed), ParticipantContext("p", commodity))
        public, key = item.public, item.key
        assert json.loads(json.dumps(public)) == public
        assert not any(k.startswith("best") for k in public)  # the best layout stays in the key
        best_cells = {d: tuple(c) for d, c in key["best_layout"].items()}
        assert objective(public, best_cells) == pytest.approx(key["best_objective"])
        assert KIND.score(public, key, KIND.validate(public, key["best_layout"]), 6).points == 6
        # recompute the best from the public data with the library: nothing better exists
        keys = [d["id"] for d in public["departments"]]
        flows = {a: dict.fromkeys(keys, 0.0) for a in keys}
        for a, b, q in public["flows"]:
            flows[a][b] = float(q)
        chart = facility.RelChart.from_pairs(keys, {(a, b): r for a, b, r in public["relationships"]})
        grid = public["grid"]
        slots = [(r, c) for r in range(grid["rows"]) for c in range(grid["cols"])]
        again = facility.best_layout(
            slots, keys, flows, chart, public["weights"], unit_cost=grid["cell_size"], rel_factor=public["rel_factor"]
        )
        assert again.cost == pytest.approx(key["best_objective"])
        rng = np.random.default_rng(seed + 100)
        for _ in range(20):  # no random layout beats the best
            order = rng.permutation(len(slots))[: len(keys)]
            cells = {d: slots[int(i)] for d, i in zip(keys, order, strict=True)}
            assert objective(public, cells) >= key["best_objective"] - 1e-9


def test_same_seed_same_exercise_other_seed_other_flows() -> None:
    context = ParticipantContext("p", "abon ikan")
    one = layout_grid.instance(np.random.default_rng(5), context)
    assert one == layout_grid.instance(np.random.default_rng(5), context)
    assert one.public["flows"] != layout_grid.instance(np.random.default_rng(6), context).public["flows"]
