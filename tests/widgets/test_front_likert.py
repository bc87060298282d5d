"""The likert front (satisfaction survey), driven as a participant would: values set on the widgets."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import ipywidgets as w
import numpy as np

from ikm_curriculum.assessment import ParticipantContext
from ikm_curriculum.assessment.kinds import LIKERT_COMMENT_CHARS
from ikm_curriculum.evaluation.survey import load_survey
from ikm_curriculum.widgets import Workbook

SURVEY = load_survey()
# The released part of the first aspect (material: five statements, a comment box), as a workbook receives it.
PART = (
    SURVEY.exercise_specs()[0]
    .instance(np.random.default_rng(0), ParticipantContext("siti-0001", "abon"))
    .release_part()
)
STATEMENTS = [s["id"] for s in PART["statements"]]
EXERCISE = PART["exercise_id"]


def open_wb(folder: Path, lang: str = "id") -> Workbook:
    return Workbook("uji", "siti-0001", "Siti", "survei_kepuasan", lang, [PART], folder=folder)


def saved(folder: Path) -> dict[str, Any]:
    return json.loads((folder / "survei_kepuasan.answers.json").read_text("utf-8"))["answers"]


def find(widget: w.Widget, css_class: str) -> Any:
    """The widget under ``widget`` that carries ``css_class``."""
    if css_class in getattr(widget, "_dom_classes", ()):
        return widget
    for child in getattr(widget, "children", ()):
        found = find(child, css_class)
        if found is not None:
            return found
    return None


def test_each_rating_and_the_comment_are_saved_at_once(tmp_path: Path) -> None:
    front = open_wb(tmp_path).fronts[EXERCISE]
    find(front.input, f"ikm-likert-{STATEMENTS[0]}").value = 5
    assert saved(tmp_path)[EXERCISE]["value"] == {
        "ratings": {STATEMENTS[0]: 5, **dict.fromkeys(STATEMENTS[1:])},
        "comment": "",
    }
    find(front.input, f"ikm-likert-{STATEMENTS[2]}").value = 2
    find(front.input, "ikm-likert-comment").value = "Tambah waktu praktik"
    value = saved(tmp_path)[EXERCISE]["value"]
    assert value["ratings"][STATEMENTS[2]] == 2 and value["comment"] == "Tambah waktu praktik"
    assert "Tersimpan" in front.status.value
    assert "Benar" not in front.status.value and "Belum" not in front.status.value  # a survey gives no feedback


def test_reopening_restores_ratings_and_comment_without_rewriting(tmp_path: Path) -> None:
    front = open_wb(tmp_path).fronts[EXERCISE]
    for statement_id, rating in zip(STATEMENTS, [5, 4, 3, 2, 1], strict=True):
        find(front.input, f"ikm-likert-{statement_id}").value = rating
    find(front.input, "ikm-likert-comment").value = "Ruangan agak panas"
    before = (tmp_path / "survei_kepuasan.answers.json").read_bytes()
    again = open_wb(tmp_path).fronts[EXERCISE]
    assert [find(again.input, f"ikm-likert-{s}").value for s in STATEMENTS] == [5, 4, 3, 2, 1]
    assert find(again.input, "ikm-likert-comment").value == "Ruangan agak panas"
    assert (tmp_path / "survei_kepuasan.answers.json").read_bytes() == before  # restoring is not a new answer


def test_a_comment_over_the_limit_is_flagged_and_not_saved(tmp_path: Path) -> None:
    front = open_wb(tmp_path).fronts[EXERCISE]
    find(front.input, "ikm-likert-comment").value = "x" * (LIKERT_COMMENT_CHARS + 1)
    assert "komentar terlalu panjang (paling banyak 1000 karakter)" in front.status.value  # LIKERT_COMMENT_CHARS
    assert not (tmp_path / "survei_kepuasan.answers.json").exists()


def test_scale_labels_as_legend_and_tooltips_and_the_survey_tag(tmp_path: Path) -> None:
    front = open_wb(tmp_path).fronts[EXERCISE]
    toggle = find(front.input, f"ikm-likert-{STATEMENTS[0]}")
    assert toggle.options == tuple((str(v), v) for v in range(1, 6)) and toggle.value is None
    assert toggle.tooltips[0] == "Sangat tidak setuju" and toggle.tooltips[4] == "Sangat setuju"
    texts = " ".join(child.value for child in front.input.children if isinstance(child, w.HTML))
    assert "1 = Sangat tidak setuju" in texts and "(boleh dikosongkan)" in texts
    header = front.widget.children[0].value
    assert "Materi pelatihan" in header and "Survei (tidak dinilai)" in header and "poin" not in header
    (tmp_path / "en").mkdir()
    english = open_wb(tmp_path / "en", lang="en").fronts[EXERCISE]
    assert find(english.input, f"ikm-likert-{STATEMENTS[0]}").tooltips[3] == "Agree"
    assert "Survey (not scored)" in english.widget.children[0].value


def test_an_item_without_comment_box_shows_none(tmp_path: Path) -> None:
    part = {**PART, "exercise_id": "survei.tanpa_komentar"}
    del part["comment"]
    wb = Workbook("uji", "siti-0001", "Siti", "survei_kepuasan", "id", [part], folder=tmp_path)
    front = wb.fronts["survei.tanpa_komentar"]
    assert find(front.input, "ikm-likert-comment") is None
    find(front.input, f"ikm-likert-{STATEMENTS[1]}").value = 4
    assert saved(tmp_path)["survei.tanpa_komentar"]["value"]["comment"] == ""


def test_a_saved_rating_off_the_scale_is_shown_as_not_rated(tmp_path: Path) -> None:
    from ikm_curriculum.widgets.autosave import AnswerStore

    store = AnswerStore(tmp_path / "survei_kepuasan.answers.json", "uji", "siti-0001", "survei_kepuasan")
    store.set(EXERCISE, {"ratings": {STATEMENTS[0]: 9, STATEMENTS[1]: 4}, "comment": 7})
    front = open_wb(tmp_path).fronts[EXERCISE]
    assert [find(front.input, f"ikm-likert-{s}").value for s in STATEMENTS[:2]] == [None, 4]
    assert find(front.input, "ikm-likert-comment").value == ""
