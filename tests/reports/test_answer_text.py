"""Answers in words: every exercise kind, on hand-made items and on every generated exercise of the curriculum."""

from __future__ import annotations

import numpy as np
import pytest

from ikm_curriculum.assessment import ParticipantContext
from ikm_curriculum.assessment.kinds import KINDS, get_kind
from ikm_curriculum.curriculum import default_curriculum
from ikm_curriculum.reports.answer_text import (
    ANSWER_TEXTS,
    RIGHT,
    SKIPPED,
    WRONG,
    answer_texts,
    decimals_for,
    number_text,
    unhandled_kinds,
)

OPTIONS = {
    "options": [
        {"id": "a", "label": {"id": "Ringkas", "en": "Sort"}},
        {"id": "b", "label": {"id": "Rapi", "en": "Set in order"}},
        {"id": "c", "label": {"id": "Resik", "en": "Shine"}},
    ]
}


def test_every_kind_has_an_answer_text_or_is_skipped() -> None:
    assert unhandled_kinds() == []
    assert SKIPPED <= set(KINDS)  # no stale name in SKIPPED
    assert not SKIPPED & set(ANSWER_TEXTS)


@pytest.mark.parametrize("kind", sorted(SKIPPED))
def test_skipped_kinds_give_none(kind: str) -> None:
    assert answer_texts(kind, {}, {}, {"x": 1}, "id") is None


def test_unknown_kind_lists_the_known_ones() -> None:
    with pytest.raises(KeyError, match=r"no answer text for exercise kind 'essay'; known: \[.*'numeric'"):
        answer_texts("essay", {}, {}, None, "id")


def test_single_choice_in_both_languages() -> None:
    assert answer_texts("single_choice", OPTIONS, {"correct": "b"}, "a", "id") == ("Ringkas", "Rapi")
    assert answer_texts("single_choice", OPTIONS, {"correct": "b"}, None, "en") == ("(no answer)", "Set in order")


def test_multi_choice_marks_each_option_ticked() -> None:
    given, right = answer_texts("multi_choice", OPTIONS, {"correct": ["a", "c"]}, ["c", "b"], "id")
    assert given == f"Rapi {WRONG}\nResik {RIGHT}"  # in the options' order, not the order ticked
    assert right == "Ringkas\nResik"
    assert answer_texts("multi_choice", OPTIONS, {"correct": ["a"]}, [], "id")[0] == "(tidak ada yang dipilih)"


def test_numeric_uses_decimal_comma_unit_and_tolerance() -> None:
    key = {"value": 65.298507, "abs_tol": 0.5}
    # tolerance 0.5 → one decimal: 65.298507 → 65,3 (Indonesian decimal comma)
    assert answer_texts("numeric", {"unit": "%"}, key, 60.25, "id") == ("60,25 %", "65,3 % (boleh selisih ± 0,5 %)")
    assert answer_texts("numeric", {"unit": "%"}, key, 60.25, "en") == ("60.25 %", "65.3 % (within ± 0.5 %)")
    unit = {"unit": {"id": "menit per kemasan", "en": "minutes per pack"}}
    # relative tolerance: max(0.01, 0.005 × 0.928899) = 0.01 → two decimals, as within_tolerance allows
    takt = {"value": 0.928899, "rel_tol": 0.005, "abs_tol": 0.01}
    assert answer_texts("numeric", unit, takt, None, "id") == (
        "(tidak dijawab)",
        "0,93 menit per kemasan (boleh selisih ± 0,01)",  # a long unit is not repeated
    )


def test_numeric_money_is_written_in_rupiah() -> None:
    # Indonesian money: Rp, dots between thousands, no decimals (Rp600.000)
    given, right = answer_texts("numeric", {"rupiah": True}, {"value": 600000, "abs_tol": 0}, 450000, "id")
    assert (given, right) == ("Rp450.000", "Rp600.000")
    assert answer_texts("numeric", {"rupiah": True}, {"value": 1250000}, 1.5e6, "en")[1] == "Rp1,250,000"


def test_table_cell_by_cell_agrees_with_the_scoring() -> None:
    public = {
        "cells": [{"id": "cp", "label": "Cp"}, {"id": "cpk", "label": "Cpk"}, {"id": "n", "label": "n"}],
        "unit": "g",
    }  # the unit of the data table, not of Cp: not shown
    key = {"values": {"cp": 1.520913, "cpk": 0.768061, "n": 50}, "abs_tol": 0.02}
    value = {"cp": 1.51, "cpk": 0.9, "n": None}
    given, right = answer_texts("table", public, key, value, "id")
    assert given.splitlines() == [f"Cp: 1,51 {RIGHT}", f"Cpk: 0,9 {WRONG}", f"n: (tidak dijawab) {WRONG}"]
    assert right.splitlines() == ["Cp: 1,52", "Cpk: 0,77", "n: 50", "boleh selisih ± 0,02"]
    marks = [line.endswith(RIGHT) for line in given.splitlines()]
    scored = get_kind("table").score(public, key, value, 3.0).detail["cells"]
    assert marks == list(scored.values())


def test_classify_item_by_item() -> None:
    public = {
        "items": [{"id": "tanah", "label": {"id": "Tanah", "en": "Land"}}, {"id": "mixer", "label": "Mixer"}],
        "categories": [{"id": "A", "label": "KIB A"}, {"id": "B", "label": "KIB B"}],
    }
    given, right = answer_texts("classify", public, {"values": {"tanah": "A", "mixer": "B"}}, {"tanah": "B"}, "en")
    assert given == f"Land: KIB B {WRONG}\nMixer: (no answer) {WRONG}"
    assert right == "Land: KIB A\nMixer: KIB B"


def test_layout_gives_flow_costs_and_the_grid() -> None:
    public = {
        "grid": {"rows": 1, "cols": 3, "cell_size": 2.0},
        "departments": [{"id": "a", "label": "Bahan"}, {"id": "b", "label": "Proses"}, {"id": "c", "label": "Kemas"}],
        "flows": [["a", "b", 10], ["b", "c", 5]],
    }
    key = {"best_objective": 30.0, "best_flow_cost": 30.0, "best_layout": {"a": [0, 0], "b": [0, 1], "c": [0, 2]}}
    # by hand: a|c|b → a→b 10 moves × 2 cells × 2 m + b→c 5 × 1 × 2 m = 40 + 10 = 50 metre-moves; best a|b|c = 30
    given, right = answer_texts("layout", public, key, {"a": [0, 0], "c": [0, 1], "b": [0, 2]}, "id")
    assert given.splitlines() == [
        "tata letak dengan biaya aliran 50 meter-angkut per hari (terbaik 30)",
        "Baris 1: Bahan · Kemas · Proses",
    ]
    assert right.splitlines() == [
        "tata letak terbaik, biaya aliran 30 meter-angkut per hari",
        "Baris 1: Bahan · Proses · Kemas",
    ]
    partial, _ = answer_texts("layout", public, key, {"a": [0, 0]}, "en")
    assert "not every room placed" in partial and "Row 1: Bahan · – · –" in partial
    assert answer_texts("layout", public, key, None, "id")[0] == "(tidak dijawab)"


def test_short_text_shows_the_answer_and_the_guide() -> None:
    rubric = {"rubric": {"id": "3 poin: penyebab, tindakan, waktu.", "en": "3 points: cause, action, time."}}
    assert answer_texts("short_text", {}, rubric, "Catat suhu tiap batch.", "en") == (
        "Catat suhu tiap batch.",
        "3 points: cause, action, time.",
    )
    model = {"model_answer": "Metode: tidak ada SOP."}
    assert answer_texts("short_text", {}, model, "  ", "id") == ("(tidak dijawab)", "Metode: tidak ada SOP.")
    assert answer_texts("short_text", {}, {}, "x", "id")[1] == "(dinilai oleh narasumber)"
    long_answer = "kata " * 400
    given, _ = answer_texts("short_text", {}, rubric, long_answer, "id")
    assert len(given) <= 602 and given.endswith(" …")


def test_number_helpers() -> None:
    assert [decimals_for(t) for t in (0.05, 0.5, 5.0, 0.003, 0.0, 1.0)] == [2, 1, 0, 3, 4, 0]
    assert number_text(-0.0001, "id", 2) == "0"
    assert number_text(1234.5, "id", 1) == "1.234,5"  # Indonesian: dot groups thousands, comma before decimals


def wrong_value(kind: str, public: dict, key: dict):
    """A plausible wrong answer of each kind, built from the key."""
    if kind == "single_choice":
        return next(o["id"] for o in public["options"] if o["id"] != key["correct"])
    if kind == "multi_choice":
        return [public["options"][-1]["id"]]
    if kind == "numeric":
        return key["value"] + 10 * max(key.get("abs_tol", 0.0), 1.0)
    if kind == "table":
        return {cell: v + 1000 for cell, v in key["values"].items()}
    if kind == "classify":
        first = public["categories"][0]["id"]
        return {item: first for item in key["values"]}
    if kind == "layout":
        return {
            d["id"]: [i // public["grid"]["cols"], i % public["grid"]["cols"]]
            for i, d in enumerate(public["departments"])
        }
    return "jawaban singkat"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_generated_exercise_reads_well(lang: str) -> None:
    curriculum = default_curriculum()
    context = ParticipantContext("uji-0001", "Abon ikan tuna", "Sentra Abon Ikan Abeli", "Kota Kendari")
    seen = set()
    for spec in curriculum.exercise_specs():
        instance = spec.instance(np.random.default_rng(7), context)
        texts = answer_texts(
            instance.kind,
            instance.public,
            instance.key,
            wrong_value(instance.kind, instance.public, instance.key),
            lang,
        )
        if instance.kind in SKIPPED:
            assert texts is None
            continue
        seen.add(instance.kind)
        given, right = texts
        assert given.strip() and right.strip(), spec.exercise_id
        assert "{" not in given + right and "None" not in given + right, spec.exercise_id  # no raw dicts or None
    assert seen == set(ANSWER_TEXTS)  # the curriculum exercises every registered kind
