"""Exercise generators and worked examples of the facility module, and the centres they are set in."""

from __future__ import annotations

import json
import math
import re
from typing import Any

import numpy as np
import pytest
from exercise_checks import COMMODITIES, make_instance, number_in_text, right_answer, wrong_answer

from ikm_curriculum.assessment import ExerciseInstance, ParticipantContext, get_kind
from ikm_curriculum.modules.facility import (
    layout_cost,
    layout_distances,
    line_balance,
    machine_load,
    machines_required,
    pairwise_exchange,
    space_requirement,
    takt_time,
)
from ikm_curriculum.modules.facility.centres import CENTRES, centre_for, rel_chart
from ikm_curriculum.modules.facility.exercises import EXERCISES
from ikm_curriculum.modules.facility.exercises_layout import row_cost, swapped
from ikm_curriculum.modules.facility.worked_examples import EXAMPLES
from ikm_curriculum.modules.quality.commodities import PROFILES

SEEDS = range(5)
# The layout grid has a test file of its own (test_facility_layout_grid.py).
SPECS = {spec.exercise_id: spec for spec in EXERCISES if spec.exercise_id != "fasilitas.layout_grid"}


def _instance(exercise_id: str, seed: int, commodity: str = "abon ikan") -> ExerciseInstance:
    return make_instance(SPECS[exercise_id], seed, commodity)


def test_exercise_list() -> None:
    assert [(s.exercise_id, s.kind, s.max_points, s.graded) for s in EXERCISES] == [
        ("fasilitas.takt_time", "numeric", 2, True),
        ("fasilitas.utilisation_practice", "numeric", 0, False),
        ("fasilitas.machines_required", "table", 3, True),
        ("fasilitas.bottleneck", "single_choice", 2, True),
        ("fasilitas.theoretical_stations_practice", "numeric", 0, False),
        ("fasilitas.line_balance", "table", 3, True),
        ("fasilitas.line_balance_station1", "multi_choice", 2, True),
        ("fasilitas.rel_reading", "single_choice", 0, False),
        ("fasilitas.flow_cost", "numeric", 3, True),
        ("fasilitas.best_swap", "single_choice", 3, True),
        ("fasilitas.layout_grid", "layout", 6, True),
        ("fasilitas.space_requirement", "numeric", 3, True),
    ]


@pytest.mark.parametrize("commodity", COMMODITIES)
@pytest.mark.parametrize("exercise_id", list(SPECS))
def test_every_instance_is_valid_scorable_and_keeps_its_key(exercise_id: str, commodity: str) -> None:
    for seed in SEEDS:
        item = _instance(exercise_id, seed, commodity)
        kind, public, key = get_kind(item.kind), item.public, item.key
        text = json.dumps(public, ensure_ascii=False)
        assert json.loads(text) == public
        for part in ("title", "prompt"):
            assert set(public[part]) == {"id", "en"} and all(public[part].values())
        columns = public["data"]["columns"]
        assert all(set(c) == {"id", "label"} and set(c["label"]) == {"id", "en"} for c in columns)
        for row in public["data"]["rows"]:
            assert len(row) == len(columns)
            for v in row:  # a number, a text, or a text in both languages
                assert (isinstance(v, dict) and set(v) == {"id", "en"}) or (
                    isinstance(v, (int, float, str)) and not isinstance(v, bool)
                )
        for choice in public.get("options", []) + public.get("cells", []):
            assert set(choice["label"]) == {"id", "en"}
        right = kind.validate(public, right_answer(item.kind, key))
        assert kind.score(public, key, right, 1.0).points == 1.0, (seed, key)
        assert kind.score(public, key, right, item.max_points).points == item.max_points
        wrong = kind.validate(public, wrong_answer(item.kind, public, key))
        assert kind.score(public, key, wrong, 1.0).points < 1.0
        if item.graded:
            assert item.max_points > 0 and "practice_key" not in item.release_part()
            for word in ('"correct"', '"abs_tol"', '"rel_tol"', '"values"', '"swap"', '"question"'):
                assert word not in text
            numbers = [key["value"]] if "value" in key else list(key.get("values", {}).values())
            assert not any(number_in_text(v, text) for v in numbers if v != 0), (seed, numbers)
        else:
            assert item.max_points == 0 and item.release_part()["practice_key"] == key


@pytest.mark.parametrize("exercise_id", list(SPECS))
def test_same_seed_same_instance_different_seeds_differ(exercise_id: str) -> None:
    assert _instance(exercise_id, 11, "tenun").to_dict() == _instance(exercise_id, 11, "tenun").to_dict()
    variants = {json.dumps(_instance(exercise_id, seed, "tenun").to_dict(), sort_keys=True) for seed in range(8)}
    assert len(variants) == 8


# --- Answers recomputed from what the participant sees, with the facility library --------------------------------


def _en(item: ExerciseInstance) -> str:
    return item.public["prompt"]["en"]


def _rows(item: ExerciseInstance) -> list[list[Any]]:
    return item.public["data"]["rows"]


def _label(item: ExerciseInstance, option_id: str) -> str:
    return next(o["label"]["en"] for o in item.public["options"] if o["id"] == option_id)


def _machines_shown(item: ExerciseInstance) -> dict[str, tuple[int, float, float]]:
    found = re.findall(r"• (.+?) \((\d+) units?\): ([\d.]+) min per .+?; ([\d.]+) min per", _en(item))
    return {name: (int(n), float(a), float(b)) for name, n, a, b in found}


def _load(item: ExerciseInstance) -> Any:
    machines = _machines_shown(item)
    orders = {row[0]: {"p1": row[1], "p2": row[2]} for row in _rows(item)}
    times = {name: {"p1": a, "p2": b} for name, (_, a, b) in machines.items()}
    available = {name: n * 6 * 420.0 for name, (n, _, _) in machines.items()}  # 6 days × 420 min, in the prompt
    return machine_load(orders, times, available)


def _tasks(item: ExerciseInstance) -> tuple[dict[str, Any], float]:
    tasks = {r[0]: {"time": r[2], "predecessors": [] if r[3] == "—" else r[3].split(", ")} for r in _rows(item)}
    return tasks, float(re.search(r"C = (\d+) minutes", _en(item)).group(1))


@pytest.mark.parametrize("commodity", COMMODITIES)
def test_capacity_answers_follow_from_the_data_shown(commodity: str) -> None:
    for seed in SEEDS:
        item = _instance("fasilitas.takt_time", seed, commodity)
        demand, start, end, rest, cleaning = (row[1] for row in _rows(item))
        (h0, m0), (h1, m1) = (map(int, clock["en"].split(":")) for clock in (start, end))
        minutes = (h1 * 60 + m1) - (h0 * 60 + m0) - rest - cleaning
        assert item.key["value"] == pytest.approx(takt_time(minutes, demand))
        assert start["id"] == start["en"].replace(":", ".")

        item = _instance("fasilitas.utilisation_practice", seed, commodity)
        assert item.key["value"] == pytest.approx(_load(item).machines[0].utilisation_pct)

        item = _instance("fasilitas.bottleneck", seed, commodity)
        assert len(_machines_shown(item)) == 4
        assert _label(item, item.key["correct"]) == _load(item).bottleneck

        item = _instance("fasilitas.machines_required", seed, commodity)
        demand, std, hours, eff, rel, scrap = (row[1] for row in _rows(item))
        result = machines_required(demand, std, hours, eff, rel, 1 - scrap / 100)
        assert item.key["values"] == {"exact": pytest.approx(result.exact), "required": result.required}
        assert 0.1 <= result.exact % 1 <= 0.9  # rounding up is never in doubt

        item = _instance("fasilitas.space_requirement", seed, commodity)
        text = _en(item)
        operator = float(re.search(r"plus ([\d.]+) m² for the operator", text).group(1))
        material = float(re.search(r"material space of (\d+)%", text).group(1))
        aisle = float(re.search(r"then add (\d+)%", text).group(1))
        machines = [(r[0]["en"], r[1], r[2], r[3]) for r in _rows(item)]
        result = space_requirement(machines, operator_area=operator, material_percent=material, aisle_percent=aisle)
        assert item.key["value"] == pytest.approx(result.total_area)


@pytest.mark.parametrize("commodity", COMMODITIES)
def test_line_balance_answers_follow_from_the_data_shown(commodity: str) -> None:
    for seed in SEEDS:
        item = _instance("fasilitas.theoretical_stations_practice", seed, commodity)
        tasks, cycle = _tasks(item)
        assert item.key["value"] == math.ceil(sum(t["time"] for t in tasks.values()) / cycle)

        item = _instance("fasilitas.line_balance", seed, commodity)
        result = line_balance(*_tasks(item), rule="most_followers")
        assert item.key["values"] == {
            "stations": result.n_stations,
            "efficiency": pytest.approx(100 * result.efficiency),
            "idle": pytest.approx(result.idle_time),
        }

        item = _instance("fasilitas.line_balance_station1", seed, commodity)
        first = line_balance(*_tasks(item), rule="most_followers").stations[0]
        assert item.key["correct"] == sorted(first) and len(first) >= 2


@pytest.mark.parametrize("commodity", COMMODITIES)
def test_layout_answers_follow_from_the_data_shown(commodity: str) -> None:
    for seed in SEEDS:
        item = _instance("fasilitas.flow_cost", seed, commodity)
        names = {n for r in _rows(item) for n in (r[0]["en"], r[1]["en"])}
        distances = {a: {b: 0 for b in names} for a in names}  # pairs without flow: any distance costs 0
        flows: dict[str, dict[str, int]] = {a: {} for a in names}
        for a, b, flow, distance in _rows(item):
            flows[a["en"]][b["en"]] = flow
            distances[a["en"]][b["en"]] = distances[b["en"]][a["en"]] = distance
        assert item.key["value"] == pytest.approx(layout_cost(flows, distances))
        # the distances shown are those of the layout described in the prompt (bays of `size` m, 2 rows)
        size = int(re.search(r"one bay of (\d+) m", _en(item)).group(1))
        rows = [re.search(rf"Row {k}: (.+?)\.", _en(item)).group(1).split(" | ") for k in (1, 2)]
        layout = {short: (r, c) for r, row in enumerate(rows) for c, short in enumerate(row) if short != "—"}
        grid = layout_distances(layout, cell_size=size)
        centre = centre_for(commodity)
        short = {d.name.en: d.short.en for d in centre.departments}
        for a, b, _, distance in _rows(item):
            assert grid.loc[short[a["en"]], short[b["en"]]] == distance

        item = _instance("fasilitas.best_swap", seed, commodity)
        order = re.search(r"from left to right: (.+?)\. ", _en(item)).group(1).split(" | ")
        spacing = int(re.search(r"centres are (\d+) m apart", _en(item)).group(1))
        flows = {
            r[0]["en"]: {b: v for b, v in zip(order, r[1:], strict=True) if v not in ("—", 0)} for r in _rows(item)
        }
        start = row_cost(flows, order, spacing)
        costs = {}
        for option in item.public["options"]:
            a, b = re.fullmatch(r"Swap (.+) and (.+)", option["label"]["en"]).groups()
            costs[option["id"]] = row_cost(flows, swapped(order, a, b), spacing)
        best = min(costs, key=costs.get)
        assert best == item.key["correct"] and costs[best] < start
        assert sorted(costs.values())[0] < sorted(costs.values())[1]  # one clear answer
        step = pairwise_exchange({k: (0, i * spacing) for i, k in enumerate(order)}, flows).steps[0]
        assert _label(item, best) == f"Swap {step.first} and {step.second}"

        item = _instance("fasilitas.rel_reading", seed, commodity)
        rows = _rows(item)
        number = {r[1]["en"]: i for i, r in enumerate(rows)}

        question = item.key["question"]
        for option in item.public["options"]:
            if question == "meaning":
                continue
            a, b = option["label"]["en"].split(" – ")
            letter = rows[number[a]][2 + number[b]][0]
            assert (letter == question.upper()) == (option["id"] == item.key["correct"])


def test_rel_reading_asks_all_three_questions() -> None:
    asked = {_instance("fasilitas.rel_reading", seed).key["question"] for seed in range(20)}
    assert asked == {"x", "a", "meaning"}


def test_bottleneck_answer_varies_within_one_commodity() -> None:
    for commodity in PROFILES:
        answers = {_label(item, item.key["correct"]) for item in
                   (_instance("fasilitas.bottleneck", seed, commodity) for seed in range(30))}  # fmt: skip
        letters = {_instance("fasilitas.bottleneck", seed, commodity).key["correct"] for seed in range(30)}
        assert len(answers) >= 3 and len(letters) == 4, (commodity, answers)


# --- Reference values ---------------------------------------------------------------------------------------------


def test_row_cost_and_swap_on_a_textbook_example() -> None:
    # Tompkins et al., Facilities Planning, ch. 6, pairwise exchange: four departments in a row 1 m apart,
    # order 1-2-3-4 costs 125; swapping 1 and 3 gives 95 (the same example as layout_search's doctest).
    flows = {"1": {"2": 10, "3": 15, "4": 20}, "2": {"3": 10, "4": 5}, "3": {"4": 5}, "4": {}}
    assert row_cost(flows, ["1", "2", "3", "4"], 1) == 125.0
    assert row_cost(flows, swapped(["1", "2", "3", "4"], "1", "3"), 1) == 95.0


def test_hand_computed_capacity_of_the_fish_floss_centre() -> None:
    centre = centre_for("abon ikan")
    fryer = next(m for m in centre.machines if m.key == "fryer")
    # By hand: 300 packs of 100 g and 100 of 250 g on 2 fryers, 2.0 and 5.0 min each:
    # 300 × 2 + 100 × 5 = 1100 min of 2 × 2520 → 21.8 %.
    load = machine_load({"A": {"p1": 300, "p2": 100}}, {"fryer": dict(zip(("p1", "p2"), fryer.minutes, strict=True))},
                        {"fryer": fryer.count * 2520.0})  # fmt: skip
    assert load.machines[0].load == 1100.0
    assert load.machines[0].utilisation_pct == pytest.approx(21.825, abs=1e-3)
    # By hand: 11 tasks of the floss batch add up to 89 minutes; C = 20 → ⌈4.45⌉ = 5 stations.
    tasks = {t.key: {"time": t.time, "predecessors": list(t.predecessors)} for t in centre.tasks}
    assert sum(t.time for t in centre.tasks) == 89 and line_balance(tasks, 20).theoretical_min_stations == 5


# --- The centres ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", list(PROFILES))
def test_every_profile_has_a_complete_centre(key: str) -> None:
    centre = CENTRES[key]
    assert centre_for(key) is centre
    keys = [d.key for d in centre.departments]
    assert 6 <= len(keys) <= 8 and len(set(keys)) == len(keys)
    assert all(d.name.id and d.name.en and d.short.id and d.short.en for d in centre.departments)
    assert {a for a, b, _ in centre.flows} | {b for _, b, _ in centre.flows} <= set(keys)
    assert all(q > 0 and a != b for a, b, q in centre.flows)
    assert len({(a, b) for a, b, _ in centre.flows}) == len(centre.flows)
    ratings = [e.rating for e in rel_chart(centre).entries]
    assert "A" in ratings and "X" in ratings and all(e.reasons for e in rel_chart(centre).entries if e.rating != "U")
    tasks = {t.key: {"time": t.time, "predecessors": list(t.predecessors)} for t in centre.tasks}
    assert sum(1 for t in centre.tasks if not t.predecessors) >= 2  # parallel work: the rule has choices
    line_balance(tasks, max(t.time for t in centre.tasks))  # acyclic, known predecessors
    assert len(centre.machines) >= 5 and all(m.length > 0 and m.width > 0 and m.count >= 1 for m in centre.machines)
    assert len(centre.members) >= 5 and centre.demand[0] < centre.demand[1]


# --- Worked examples --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("commodity", COMMODITIES)
@pytest.mark.parametrize("name", ["takt_machines", "line_balance", "flow_cost"])
def test_worked_examples_render(name: str, commodity: str) -> None:
    from ikm_curriculum.widgets.charts import RENDERERS, example_widget

    example = EXAMPLES[name](np.random.default_rng(3), ParticipantContext("p01", commodity))
    assert json.loads(json.dumps(example)) == example
    assert example["kind"] == "bars" and example["kind"] in RENDERERS
    assert all(len(s["values"]) == len(example["categories"]) for s in example["series"])
    assert example["steps"] and all(set(step) == {"id", "en"} and all(step.values()) for step in example["steps"])
    table = example["table"]
    assert all(len(row) == len(table["columns"]) for row in table["rows"])
    for lang in ("id", "en"):
        assert example_widget(example, lang) is not None
    again = EXAMPLES[name](np.random.default_rng(3), ParticipantContext("p01", commodity))
    assert again == example


def test_example_numbers_agree_with_the_library() -> None:
    example = EXAMPLES["line_balance"](np.random.default_rng(8), ParticipantContext("p01", "meubel"))
    rows = example["table"]["rows"]
    tasks = {r[0]: {"time": r[2], "predecessors": [] if r[3] == "—" else r[3].split(", ")} for r in rows}
    cycle = example["series"][1]["values"][0]
    result = line_balance(tasks, cycle)
    assert example["series"][0]["values"] == list(result.station_times)
    assert [r[5] for r in rows] == [next(k for k, s in enumerate(result.stations, 1) if r[0] in s) for r in rows]
    example = EXAMPLES["flow_cost"](np.random.default_rng(8), ParticipantContext("p01", "perak"))
    assert sum(r[4] for r in example["table"]["rows"]) == pytest.approx(
        sum(r[2] * r[3] for r in example["table"]["rows"])
    )
