"""Widget fronts and autosave, driven as a participant would (values set on the widgets)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ikm_curriculum.widgets import Workbook
from ikm_curriculum.widgets.autosave import AnswerStore

NUMERIC = {
    "exercise_id": "mutu.n",
    "kind": "numeric",
    "graded": True,
    "max_points": 2,
    "title": {"id": "Persen", "en": "Percent"},
    "prompt": {"id": "Berapa?", "en": "How much?"},
    "unit": "%",
}
TABLE = {
    "exercise_id": "mutu.t",
    "kind": "table",
    "graded": True,
    "max_points": 2,
    "title": {"id": "Batas", "en": "Limits"},
    "prompt": {"id": "Isi", "en": "Fill in"},
    "cells": [{"id": "ucl", "label": {"id": "BKA", "en": "UCL"}}, {"id": "lcl", "label": {"id": "BKB", "en": "LCL"}}],
}
PRACTICE = {
    "exercise_id": "mutu.p",
    "kind": "single_choice",
    "graded": False,
    "max_points": 0,
    "title": {"id": "Latihan", "en": "Practice"},
    "prompt": {"id": "Pilih", "en": "Pick"},
    "options": [
        {"id": "r1", "label": {"id": "Ringkas", "en": "Sort"}},
        {"id": "r2", "label": {"id": "Rapi", "en": "Set in order"}},
    ],
    "practice_key": {"correct": "r2"},
}
MULTI = {
    "exercise_id": "mutu.m",
    "kind": "multi_choice",
    "graded": True,
    "max_points": 3,
    "title": "Pareto",
    "prompt": "Pilih",
    "options": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}],
}
TEXT = {
    "exercise_id": "mutu.s",
    "kind": "short_text",
    "graded": True,
    "max_points": 3,
    "prompt": "Tulis",
    "max_chars": 20,
}


def open_wb(folder: Path, lang: str = "id") -> Workbook:
    return Workbook("uji", "siti-0001", "Siti", "mutu", lang, [NUMERIC, TABLE, PRACTICE, MULTI, TEXT], folder=folder)


def saved(folder: Path) -> dict:
    return json.loads((folder / "mutu.answers.json").read_text("utf-8"))["answers"]


def test_every_change_is_saved_at_once(tmp_path: Path) -> None:
    wb = open_wb(tmp_path)
    wb.fronts["mutu.n"].input.value = "64,5"  # Indonesian decimal comma
    assert saved(tmp_path)["mutu.n"]["value"] == 64.5
    assert "Tersimpan" in wb.fronts["mutu.n"].status.value and "64,5" in wb.fronts["mutu.n"].status.value
    boxes = wb.fronts["mutu.t"].input.children
    boxes[0].children[1].value = "12.4"
    assert saved(tmp_path)["mutu.t"]["value"] == {"ucl": 12.4, "lcl": None}
    for box in wb.fronts["mutu.m"].input.children:
        box.value = True
    assert saved(tmp_path)["mutu.m"]["value"] == ["a", "b"]
    wb.fronts["mutu.s"].input.value = "Kalibrasi timbangan"
    assert saved(tmp_path)["mutu.s"]["value"] == "Kalibrasi timbangan"
    assert not list(tmp_path.glob("*.tmp"))  # no temporary file left behind


def test_invalid_number_is_flagged_and_not_saved(tmp_path: Path) -> None:
    wb = open_wb(tmp_path)
    wb.fronts["mutu.n"].input.value = "50"
    wb.fronts["mutu.n"].input.value = "50a"
    assert "angka tidak valid" in wb.fronts["mutu.n"].status.value
    assert saved(tmp_path)["mutu.n"]["value"] == 50.0


def test_invalid_table_cell_is_named(tmp_path: Path) -> None:
    wb = open_wb(tmp_path)
    wb.fronts["mutu.t"].input.children[1].children[1].value = "-"
    assert "angka tidak valid (contoh: 12,5): BKB" in wb.fronts["mutu.t"].status.value


def test_text_over_its_limit_is_flagged(tmp_path: Path) -> None:
    wb = open_wb(tmp_path, lang="en")
    wb.fronts["mutu.s"].input.value = "x" * 21
    assert "too long" in wb.fronts["mutu.s"].status.value
    assert not (tmp_path / "mutu.answers.json").exists()  # nothing was saved


def test_practice_gives_feedback_graded_does_not(tmp_path: Path) -> None:
    wb = open_wb(tmp_path)
    wb.fronts["mutu.p"].input.value = "r1"
    assert "Belum tepat" in wb.fronts["mutu.p"].status.value
    wb.fronts["mutu.p"].input.value = "r2"
    assert "Benar" in wb.fronts["mutu.p"].status.value
    wb.fronts["mutu.n"].input.value = "1"
    assert "Benar" not in wb.fronts["mutu.n"].status.value and "Belum" not in wb.fronts["mutu.n"].status.value


def test_reopening_restores_answers_without_rewriting(tmp_path: Path) -> None:
    wb = open_wb(tmp_path)
    wb.fronts["mutu.n"].input.value = "64,5"
    wb.fronts["mutu.p"].input.value = "r2"
    before = (tmp_path / "mutu.answers.json").read_bytes()
    again = open_wb(tmp_path)
    assert again.fronts["mutu.n"].input.value == "64.5"
    assert again.fronts["mutu.p"].input.value == "r2"
    assert (tmp_path / "mutu.answers.json").read_bytes() == before  # restoring is not a new answer
    assert "dimuat kembali" in again.header().value


def test_damaged_answer_file_is_kept_aside(tmp_path: Path) -> None:
    (tmp_path / "mutu.answers.json").write_text('{"format": "ikm-ans', "utf-8")
    wb = open_wb(tmp_path)
    assert "Masalah pada berkas jawaban" in wb.header().value
    assert len(list(tmp_path.glob("mutu.answers.json.damaged-*"))) == 1
    wb.fronts["mutu.n"].input.value = "3"
    assert saved(tmp_path)["mutu.n"]["value"] == 3.0


def test_answer_file_of_someone_else_is_refused(tmp_path: Path) -> None:
    AnswerStore(tmp_path / "mutu.answers.json", "uji", "orang-lain", "mutu").set("mutu.n", 1.0)
    with pytest.raises(ValueError, match="participant"):
        open_wb(tmp_path)


def test_unknown_language(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="expected one of 'id', 'en'"):
        open_wb(tmp_path, lang="jv")


def test_two_kernels_on_one_workbook_keep_both_answers(tmp_path: Path) -> None:
    first = open_wb(tmp_path)
    second = open_wb(tmp_path)  # e.g. a second browser tab
    first.fronts["mutu.n"].input.value = "12"
    second.fronts["mutu.s"].input.value = "Rapikan gudang"
    answers = saved(tmp_path)
    assert answers["mutu.n"]["value"] == 12.0 and answers["mutu.s"]["value"] == "Rapikan gudang"


def test_topics_show_explanation_worked_example_and_exercises(tmp_path: Path) -> None:
    import numpy as np

    from ikm_curriculum.assessment import ParticipantContext
    from ikm_curriculum.modules.quality.worked_examples import EXAMPLES

    context = ParticipantContext("siti-0001", "tenun")
    examples = {
        "charts": EXAMPLES["xbar_r"](np.random.default_rng(1), context),
        "pareto": EXAMPLES["pareto"](np.random.default_rng(2), context),
    }
    topics = [
        {
            "id": "charts",
            "title": {"id": "Peta kendali", "en": "Control charts"},
            "explanation": {"id": "Penjelasan", "en": "Explanation"},
            "exercises": ["mutu.n", "mutu.t"],
        },
        {
            "id": "pareto",
            "title": {"id": "Pareto", "en": "Pareto"},
            "explanation": {"id": "Urutkan", "en": "Sort"},
            "exercises": ["mutu.p", "mutu.m", "mutu.s"],
        },
    ]
    wb = Workbook(
        "uji",
        "siti-0001",
        "Siti",
        "mutu",
        "id",
        [NUMERIC, TABLE, PRACTICE, MULTI, TEXT],
        topics=topics,
        examples=examples,
        folder=tmp_path,
    )
    page = wb.show_all()
    header, charts, pareto = page.children
    intro, example, *fronts = charts.children
    assert "<h2>Peta kendali</h2>" in intro.value
    steps, image = example.children
    assert "BKA x̄ = x̿ + A2·R̄" in steps.value
    assert image.value[:8] == b"\x89PNG\r\n\x1a\n"  # a real chart, drawn by matplotlib
    assert [f for f in fronts] == [wb.fronts["mutu.n"].widget, wb.fronts["mutu.t"].widget]
    assert "Sedikit yang penting" in pareto.children[1].children[0].value


def test_an_exercise_can_show_a_chart_to_read(tmp_path: Path) -> None:
    chart = {
        "kind": "control_chart",
        "points": [0.1, 0.3, 0.2, 0.5],
        "center": 0.25,
        "lcl": 0.0,
        "ucl": [0.45, 0.5, 0.45, 0.48],
        "ylabel": {"id": "Proporsi cacat", "en": "Fraction defective"},
    }
    part = {**MULTI, "chart": chart}
    wb = Workbook("uji", "siti-0001", "Siti", "mutu", "id", [part], folder=tmp_path)
    header, image, *_ = wb.fronts["mutu.m"].widget.children
    assert image.value[:4] == b"\x89PNG"


@pytest.mark.parametrize(
    "chart",
    [
        {
            "kind": "oc_curve",
            "n": 80,
            "c": 2,
            "fractions": [0.0, 0.01, 0.02, 0.05],
            "probabilities": [1, 0.95, 0.79, 0.24],
            "aql": 0.01,
        },
        {
            "kind": "capability",
            "values": [99.1, 100.2, 100.9, 99.7, 100.4, 101.2],
            "lsl": 98.0,
            "usl": 102.0,
            "target": 100.0,
            "unit": "g",
            "title": {"id": "Berat", "en": "Weight"},
        },
        {"kind": "control_chart", "points": [1, 2, 3, 2], "center": 2, "lcl": 0, "ucl": 4, "zones": True},
    ],
)
def test_chart_kinds_draw_a_png(chart: dict) -> None:
    from ikm_curriculum.widgets.charts import chart_image

    for lang in ("id", "en"):
        assert chart_image(chart, lang).value[:4] == b"\x89PNG"


LAYOUT = {
    "exercise_id": "fasilitas.l",
    "kind": "layout",
    "graded": True,
    "max_points": 6,
    "prompt": "Atur",
    "grid": {"rows": 2, "cols": 2, "cell_size": 5.0},
    "departments": [
        {"id": "terima", "label": {"id": "Penerimaan", "en": "Receiving"}},
        {"id": "goreng", "label": {"id": "Penggorengan", "en": "Frying"}},
        {"id": "kemas", "label": {"id": "Pengemasan", "en": "Packing"}},
    ],
    "flows": [["terima", "goreng", 10], ["goreng", "kemas", 8]],
    "relationships": [["terima", "goreng", "A"], ["terima", "kemas", "U"], ["goreng", "kemas", "E"]],
    "weights": {"A": 4, "E": 3, "I": 2, "O": 1, "U": 0, "X": -1},
    "rel_factor": 10.0,
}


def test_layout_grid_places_swaps_saves_and_restores(tmp_path: Path) -> None:
    wb = Workbook("uji", "siti-0001", "Siti", "mutu", "id", [LAYOUT], folder=tmp_path)
    front = wb.fronts["fasilitas.l"]
    _, chooser, grid, info = front.input.children
    cells = {tuple(int(x) for x in b._dom_classes[0].split("-")[2:]): b for b in grid.children}
    chooser.value = "terima"
    cells[(0, 0)].click()
    chooser.value = "goreng"
    cells[(0, 1)].click()
    chooser.value = "kemas"
    cells[(1, 1)].click()
    assert saved(tmp_path)["fasilitas.l"]["value"] == {"terima": [0, 0], "goreng": [0, 1], "kemas": [1, 1]}
    # by hand: flows 10 × 5 m + 8 × 5 m = 90; REL: A (terima-goreng) 4 + E (goreng-kemas) 3 = 7
    assert "<b>90</b>" in info.value and "<b>7</b>" in info.value
    chooser.value = "kemas"
    cells[(0, 0)].click()  # kemas takes terima's cell, terima moves to kemas's old cell
    assert saved(tmp_path)["fasilitas.l"]["value"] == {"terima": [1, 1], "goreng": [0, 1], "kemas": [0, 0]}
    again = Workbook("uji", "siti-0001", "Siti", "mutu", "id", [LAYOUT], folder=tmp_path)
    restored = {b.description for b in again.fronts["fasilitas.l"].input.children[2].children}
    assert {"Penerimaan", "Penggorengan", "Pengemasan"} <= restored


CLASSIFY = {
    "exercise_id": "aset.kib",
    "kind": "classify",
    "graded": False,
    "max_points": 0,
    "prompt": {"id": "Pilih KIB", "en": "Pick the card"},
    "items": [{"id": "oven", "label": {"id": "Oven", "en": "Oven"}}, {"id": "tanah", "label": "Tanah"}],
    "categories": [{"id": "A", "label": "KIB A"}, {"id": "B", "label": "KIB B"}],
    "practice_key": {"values": {"oven": "B", "tanah": "A"}},
}


def test_classify_menus_save_each_choice_and_give_practice_feedback(tmp_path: Path) -> None:
    wb = Workbook("uji", "siti-0001", "Siti", "aset", "id", [CLASSIFY], folder=tmp_path)
    front = wb.fronts["aset.kib"]
    oven, tanah = (row.children[1] for row in front.input.children)
    oven.value = "B"
    answer = json.loads((tmp_path / "aset.answers.json").read_text("utf-8"))["answers"]["aset.kib"]["value"]
    assert answer == {"oven": "B", "tanah": None}
    assert "Sebagian benar" in front.status.value
    tanah.value = "A"
    assert "Benar" in front.status.value
    reopened = Workbook("uji", "siti-0001", "Siti", "aset", "id", [CLASSIFY], folder=tmp_path)
    assert [row.children[1].value for row in reopened.fronts["aset.kib"].input.children] == ["B", "A"]


RULES_TEXT = {
    "exercise_id": "tertib.own_rules",
    "kind": "short_text",
    "graded": True,
    "max_points": 4,
    "prompt": {"id": "Sesuaikan", "en": "Adapt"},
    "max_chars": 8000,
    "lint": "rules",
    "initial": "sentra: Contoh\n",
}


def test_rules_text_box_starts_from_the_template_and_lints_live(tmp_path: Path) -> None:
    from ikm_curriculum.modules.rules.api import template_text

    wb = Workbook("uji", "siti-0001", "Siti", "tertib", "id", [RULES_TEXT], folder=tmp_path)
    area, problems = wb.fronts["tertib.own_rules"].input.children
    assert area.value == "sentra: Contoh\n" and "wajib diisi" in problems.value  # 'sanksi', 'aturan' missing
    assert not (tmp_path / "tertib.answers.json").exists()  # showing the template is not an answer
    area.value = template_text()
    assert "tidak ada masalah" in problems.value
    area.value = template_text().replace("aturan:", "atoeran:", 1)
    assert "baris" in problems.value and "atoeran" in problems.value
    saved = json.loads((tmp_path / "tertib.answers.json").read_text("utf-8"))["answers"]["tertib.own_rules"]
    assert "atoeran:" in saved["value"]  # a text with problems is still saved: the participant is not done yet


def test_simulation_decisions_try_on_practice_scenarios_then_submit(tmp_path: Path) -> None:
    import numpy as np

    from ikm_curriculum.assessment import ParticipantContext
    from ikm_curriculum.modules.technical_simulation.exercises import EXERCISES, STARTING_POINT

    part = EXERCISES[0].instance(np.random.default_rng(1), ParticipantContext("p", "abon ikan")).release_part()
    wb = Workbook("uji", "siti-0001", "Siti", "sim", "id", [part], folder=tmp_path)
    front = wb.fronts["simulasi.decisions"]
    form, buttons, result, chart = front.input.children
    _seed, run, submit = buttons.children
    sliders = {spec["id"]: widget for spec, widget in zip(part["fields"], form.children, strict=True)}
    assert sliders["layout"].value == "C" and sliders["maintenance_interval_months"].value == 0  # as it runs today
    sliders["maintenance_interval_months"].value = 3
    assert not (tmp_path / "sim.answers.json").exists()  # moving a slider saves nothing
    run.click()
    assert "Indeks kartu skor" in result.value and "Permintaan" in result.value and chart.value[:4] == b"\x89PNG"
    sliders["inspection_n"].value, sliders["inspection_c"].value = 5, 9
    run.click()
    assert "Angka penerimaan (c): 9" in result.value and "lebih kecil dari jumlah sampel n" in result.value
    assert "expected" not in result.value  # the participant reads Indonesian, not the model's English message
    sliders["inspection_c"].value = 1
    submit.click()
    saved = json.loads((tmp_path / "sim.answers.json").read_text("utf-8"))["answers"]["simulasi.decisions"]["value"]
    assert saved == {**STARTING_POINT, "maintenance_interval_months": 3, "inspection_n": 5, "inspection_c": 1}
    assert "Tersimpan" in front.status.value
