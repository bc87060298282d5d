"""The hand-grading widget, driven as a facilitator would, with plain data and a recording save callback."""

from __future__ import annotations

from typing import Any

import pytest

from ikm_curriculum.errors import AnswerFormatError
from ikm_curriculum.widgets.hand_grading import HAND_LABELS, HandGrading, hand_label

RUBRIC = {"id": "2 poin. 1 poin: penyebab. 1 poin: tindakan.", "en": "2 points. 1 point: cause. 1 point: action."}
CRITERIA = [
    {"number": 1, "points": 1.0, "text": {"id": "penyebab.", "en": "cause."}},
    {"number": 2, "points": 1.0, "text": {"id": "tindakan.", "en": "action."}},
]


def item(code: str, exercise_id: str, status: str, answer: str, **extra: Any) -> dict[str, Any]:
    return {
        "participant": code,
        "nama": f"Peserta {code}",
        "exercise_id": exercise_id,
        "module": "quality",
        "kind": "short_text",
        "title": {"id": "Tindakan perbaikan", "en": "Corrective action"} if exercise_id == "mutu.a" else "Temuan",
        "prompt": {"id": "Tulis penyebab dan tindakan.", "en": "Write a cause and an action."},
        "data": None,
        "answer": answer,
        "max_points": 2.0 if exercise_id == "mutu.a" else 3.0,
        "rubric": RUBRIC if exercise_id == "mutu.a" else "",
        "criteria": CRITERIA if exercise_id == "mutu.a" else [],
        "key": {} if exercise_id == "mutu.a" else {"hint": "tiga temuan"},
        "status": status,
        **extra,
    }


ITEMS = [
    item("p1", "mutu.a", "awaiting", "Suhu <tidak> dicatat."),
    item(
        "p2",
        "mutu.a",
        "scored",
        "Mesin kotor.",
        points=1.5,
        comment="Kurang tindakan.",
        rubric_checked=[1],
        grader="Pak Amir",
    ),
    item("p3", "mutu.a", "blank", ""),
    item("p1", "visit.b", "awaiting", "Gudang rapi."),
]


class Recorder:
    def __init__(self, fail: Exception | None = None) -> None:
        self.calls: list[tuple] = []
        self.fail = fail

    def __call__(self, *args: Any, **kwargs: Any) -> None:
        self.calls.append((*args, kwargs))
        if self.fail:
            raise self.fail


def build(save=None, lang: str = "id", **kwargs: Any) -> HandGrading:
    return HandGrading([dict(i) for i in ITEMS], save=save or Recorder(), lang=lang, grader="Bu Rina", **kwargs)


def test_first_exercise_first_answer_and_progress() -> None:
    grading = build()
    assert [value for _, value in grading.exercise.options] == ["mutu.a", "visit.b"]  # first appearance order
    assert grading.exercise.options[0][0] == "Tindakan perbaikan (mutu.a, 2 poin)"
    assert grading.current["participant"] == "p1"
    assert "Peserta 1 dari 3" in grading.position_label.value
    # of the three answers, one is blank (not counted), one is scored
    assert "1 dari 2 sudah dinilai" in grading.progress.value and "1 tidak menjawab" in grading.progress.value
    assert "Semua soal: 1 dari 3 sudah dinilai" in grading.overall.value
    assert "Suhu &lt;tidak&gt; dicatat." in grading.view.value  # the answer is shown escaped
    assert "Rubrik" in grading.view.value and "1 poin: penyebab" in grading.view.value
    assert grading.points.max == 2.0 and grading.points.value == 0.0
    assert grading.previous.disabled and not grading.next.disabled
    assert grading.clear_button.layout.display == "none"  # no clear callback given


def test_save_calls_back_with_the_values_on_screen() -> None:
    save = Recorder()
    grading = build(save)
    grading.points.value = 1.5
    grading.comment.value = "Penyebab jelas, tindakan tanpa waktu."
    grading.save_button.click()
    assert save.calls == [
        (
            "p1",
            "mutu.a",
            1.5,
            {"comment": "Penyebab jelas, tindakan tanpa waktu.", "grader": "Bu Rina", "rubric_checked": []},
        )
    ]
    assert "Tersimpan" in grading.status.value and "1,5 poin" in grading.status.value
    assert "2 dari 2 sudah dinilai" in grading.progress.value
    assert grading.current["status"] == "scored"


def test_rubric_ticks_fill_in_the_points_and_are_saved() -> None:
    save = Recorder()
    grading = build(save)
    boxes = [box for box, _, _ in grading.rubric_boxes]
    assert [box.description for box in boxes] == ["1 poin: penyebab.", "1 poin: tindakan."]
    boxes[0].value = True
    boxes[1].value = True
    assert grading.points.value == 2.0
    boxes[0].value = False
    assert grading.points.value == 1.0
    grading.save_button.click()
    assert save.calls[0][2] == 1.0 and save.calls[0][3]["rubric_checked"] == [2]


def test_previous_and_next_show_stored_scores() -> None:
    grading = build()
    grading.next.click()
    assert grading.current["participant"] == "p2" and "Peserta 2 dari 3" in grading.position_label.value
    assert grading.points.value == 1.5 and grading.comment.value == "Kurang tindakan."
    assert [box.value for box, _, _ in grading.rubric_boxes] == [True, False]  # as stored, points not recomputed
    assert "sudah dinilai (Pak Amir)" in grading.view.value and grading.grader.value == "Bu Rina"  # who grades now
    grading.next.click()
    assert grading.current["participant"] == "p3" and grading.next.disabled
    assert "tidak menjawab: otomatis 0 poin" in grading.view.value
    grading.next.click()  # at the end: stays
    assert grading.current["participant"] == "p3"
    grading.previous.click()
    grading.previous.click()
    assert grading.current["participant"] == "p1" and grading.previous.disabled and grading.comment.value == ""


def test_other_exercise_without_rubric_shows_its_key() -> None:
    grading = build()
    grading.exercise.value = "visit.b"
    assert grading.current["exercise_id"] == "visit.b" and grading.points.max == 3.0
    assert not grading.rubric_boxes and "Kunci" in grading.view.value and "tiga temuan" in grading.view.value
    assert "0 dari 1 sudah dinilai" in grading.progress.value


def test_refused_save_is_shown_and_changes_nothing() -> None:
    refuse = Recorder(AnswerFormatError("points", "a number from 0 to 2 for mutu.a of p1", 9))
    grading = build(refuse)
    grading.points.value = 1.0
    grading.save_button.click()
    assert len(refuse.calls) == 1
    assert "Tidak tersimpan" in grading.status.value and "points: expected a number from 0 to 2" in grading.status.value
    assert grading.current["status"] == "awaiting" and "1 dari 2 sudah dinilai" in grading.progress.value


def test_points_box_is_bounded_by_the_maximum() -> None:
    grading = build()
    grading.points.value = 7.0  # BoundedFloatText clamps what the facilitator types
    assert grading.points.value == 2.0


def test_clear_and_reload_callbacks() -> None:
    cleared = Recorder()
    # what the gradebook holds after the clear, and after another grader scored p1's answer meanwhile
    changed = {"p1": {"status": "scored", "points": 1.0}, "p2": {"status": "awaiting", "points": None}}
    fresh = [dict(i, **changed.get(i["participant"], {})) for i in ITEMS]
    grading = build(clear=cleared, reload=lambda: fresh)
    grading.next.click()  # p2 holds a score
    assert not grading.clear_button.disabled
    grading.clear_button.click()
    assert cleared.calls == [("p2", "mutu.a", {})]
    assert grading.current["status"] == "awaiting" and grading.points.value == 0.0
    assert "Nilai dihapus" in grading.status.value
    grading.reload_button.click()
    assert grading.current["participant"] == "p2"  # stays where the facilitator was
    assert "1 dari 2 sudah dinilai" in grading.progress.value  # p1 is scored now, p2 not (the fresh data)


def test_english_labels() -> None:
    grading = build(lang="en")
    assert grading.save_button.description == "Save score"
    assert "1 of 2 scored" in grading.progress.value and "Participant 1 of 3" in grading.position_label.value
    assert "Rubric" in grading.view.value and "1 point: cause." in grading.view.value
    assert set(HAND_LABELS["id"]) == set(HAND_LABELS["en"])  # every label in both languages
    with pytest.raises(ValueError, match="unknown language"):
        hand_label("fr", "save")


def test_no_items_says_so() -> None:
    grading = HandGrading([], save=Recorder())
    assert "Tidak ada jawaban uraian" in grading.overall.value and grading.form.layout.display == "none"
    grading.save_button.click()  # nothing on screen: nothing saved, no error
