"""Issue 8's screens in a real browser: Voilà + headless Chromium.

A participant answers the day-1 pre-test by clicking an option and rates the first
statement of the satisfaction survey and writes a comment; both reach the answer file.
A facilitator opens the hand-grading notebook written by ``prepare_hand_grading``,
gives points and a comment to the first answer shown and saves: the gradebook then
holds a ``manual`` score with those points and that comment.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import nbformat
import pytest
from answer_files import answers_in, wait_for_answers

from ikm_curriculum.cohort.cohorts import create_cohort
from ikm_curriculum.cohort.scores import cohort_scores
from ikm_curriculum.cohort.workspace import Workspace, init_workspace
from ikm_curriculum.demo import fill_answers
from ikm_curriculum.evaluation.forms import SURVEY_WORKBOOK, TEST_INTRO, TEST_TITLES, form_workbook
from ikm_curriculum.evaluation.survey import load_survey
from ikm_curriculum.workbooks.collect import collect
from ikm_curriculum.workbooks.grading import grade_cohort
from ikm_curriculum.workbooks.hand_grading import pending_manual, prepare_hand_grading
from ikm_curriculum.workbooks.release import release_cohort

pytestmark = pytest.mark.slow

RENDER_TIMEOUT_MS = 90_000  # Voilà runs the notebook in a fresh kernel before the widgets show (2 cores)
SAVE_TIMEOUT_MS = 15_000
COHORT = "uji"

# Fictional people (no real person is meant).
ROSTER = """\
nama,sentra,komoditas,kabupaten_kota
Siti Rahmawati,Sentra Abon Ikan Lapulu,abon ikan,Kota Kendari
La Ode Hamzah,Sentra Abon Ikan Lapulu,abon ikan,Kota Kendari
"""


def _cohort(tmp_path: Path) -> tuple[Workspace, list[str]]:
    """A workspace with a 2-person cohort; the participants' codes in roster order."""
    workspace, _ = init_workspace(tmp_path / "ws")
    roster = tmp_path / "peserta.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    created = create_cohort(workspace, COHORT, roster)
    return workspace, [code for code, *_ in created.participants]


def _released(tmp_path: Path, workbook: str) -> tuple[Path, dict[str, Any]]:
    """Release ``workbook`` only; the first participant's folder and the parameters injected into their notebook."""
    workspace, codes = _cohort(tmp_path)
    release_cohort(workspace, COHORT, module=workbook)
    folder = workspace.release_dir(COHORT) / codes[0]
    notebook = nbformat.read(folder / f"{workbook}.ipynb", as_version=4)
    return folder, dict(notebook.metadata.papermill.parameters)


def _css(exercise_id: str) -> str:
    """fronts.py marks each exercise's box with the class ``ikm-exercise-<id with '.' → '-'>``."""
    return f".ikm-exercise-{exercise_id.replace('.', '-')}"


def test_pre_test_answered_in_the_browser(tmp_path: Path, voila_server: Any, page: Any) -> None:
    """The day-1 pre-test: its title, intro and "Soal 1" show; a clicked option is saved to the answer file."""
    from playwright.sync_api import expect

    workbook = form_workbook("pre", 1)  # "pretest_hari1"
    folder, parameters = _released(tmp_path, workbook)
    first_id = parameters["topics"][0]["exercises"][0]  # this participant's own order (release.py shuffles)
    part = next(p for p in parameters["exercises"] if p["exercise_id"] == first_id)
    assert first_id.startswith("pre1.") and part["kind"] == "single_choice" and len(part["options"]) >= 2
    chosen = part["options"][-1]  # the last option on screen: not the one a default would pick
    answers_file = folder / f"{workbook}.answers.json"
    assert first_id not in answers_in(answers_file)

    server = voila_server(folder, f"{workbook}.ipynb")
    page.goto(server.url, timeout=RENDER_TIMEOUT_MS)
    block = page.locator(_css(first_id))
    expect(block).to_be_visible(timeout=RENDER_TIMEOUT_MS)
    # forms.TEST_TITLES / TEST_INTRO: the form's title and the intro of the pre-test, above the questions
    # (once: the workbook's header prints it; the form's one topic has the intro only)
    expect(page.get_by_role("heading", name=TEST_TITLES["pre"]["id"].format(day=1))).to_have_count(1)
    expect(page.get_by_text(TEST_INTRO["pre"]["id"][:60])).to_be_visible()
    # release.py numbers the questions in the participant's order: the first box on the page is "Soal 1"
    first_on_page = page.locator("[class*='ikm-exercise-pre1-']").first
    expect(first_on_page).to_have_class(re.compile(rf"(^|\s){_css(first_id)[1:]}(\s|$)"))
    expect(block.locator("h3")).to_contain_text(re.compile(r"^Soal 1 "))
    expect(block).to_contain_text(part["prompt"]["id"][:40])

    # fronts._single: ipywidgets RadioButtons, one <input type=radio> inside a <label> per option
    radio = block.get_by_role("radio", name=chosen["label"]["id"], exact=True)
    expect(radio).not_to_be_checked()
    radio.click()
    expect(radio).to_be_checked()
    expect(block.locator(".ikm-status")).to_contain_text("Tersimpan", timeout=SAVE_TIMEOUT_MS)
    saved = wait_for_answers(answers_file, lambda a: first_id in a, SAVE_TIMEOUT_MS / 1000)
    assert saved.get(first_id, {}).get("value") == chosen["id"], saved
    assert list(saved) == [first_id]  # nothing else was answered


def test_survey_rated_and_commented_in_the_browser(tmp_path: Path, voila_server: Any, page: Any) -> None:
    """The survey: a click on "4" for the first statement and a typed comment reach the answer file."""
    from playwright.sync_api import expect

    aspect = load_survey().aspects[0]  # survey.yaml: the first aspect ("materi"), first on the page (no shuffle)
    statement = aspect.statements[0]
    comment = "Contoh soalnya dekat dengan usaha kami; tambah waktu praktik."
    folder, parameters = _released(tmp_path, SURVEY_WORKBOOK)
    assert parameters["topics"][0]["exercises"][0] == aspect.exercise_id
    answers_file = folder / f"{SURVEY_WORKBOOK}.answers.json"

    server = voila_server(folder, f"{SURVEY_WORKBOOK}.ipynb")
    page.goto(server.url, timeout=RENDER_TIMEOUT_MS)
    block = page.locator(_css(aspect.exercise_id))
    # fronts._likert: one ToggleButtons (a <button> per value 1–5) per statement, class ikm-likert-<statement id>
    toggles = block.locator(f".ikm-likert-{statement.id}")
    expect(toggles).to_be_visible(timeout=RENDER_TIMEOUT_MS)
    expect(block.locator("h3")).to_contain_text(aspect.title.id)
    expect(block).to_contain_text(statement.text.id)
    expect(toggles.get_by_role("button")).to_have_count(5)
    toggles.get_by_role("button", name="4", exact=True).click()
    expect(block.locator(".ikm-status")).to_contain_text("Tersimpan", timeout=SAVE_TIMEOUT_MS)
    block.locator(".ikm-likert-comment textarea").fill(comment)

    expected = {"ratings": {s.id: None for s in aspect.statements} | {statement.id: 4}, "comment": comment}
    saved = wait_for_answers(
        answers_file, lambda a: (a.get(aspect.exercise_id) or {}).get("value") == expected, SAVE_TIMEOUT_MS / 1000
    )
    assert saved.get(aspect.exercise_id, {}).get("value") == expected, saved
    assert list(saved) == [aspect.exercise_id]


def test_hand_grading_in_the_browser(tmp_path: Path, voila_server: Any, page: Any) -> None:
    """The facilitator scores the first answer shown; a manual score with those points and comment is stored."""
    from playwright.sync_api import expect

    workspace, codes = _cohort(tmp_path)
    # its short-text item mutu.improvement_action (3 points)
    release_cohort(workspace, COHORT, module="quality", charts=False)
    fill_answers(workspace, COHORT)  # the demo's simulated participants answer every released workbook
    outcomes = collect(workspace, COHORT, workspace.release_dir(COHORT))
    assert [o.status for o in outcomes] == ["accepted", "accepted"]
    grade_cohort(str(workspace.root), COHORT, "run-1")
    prepared = prepare_hand_grading(workspace, COHORT)
    # Voilà's kernel runs in the cohort folder: it finds the gradebook only through the injected parameters
    notebook = nbformat.read(prepared.path, as_version=4)
    assert notebook.metadata.papermill.parameters["workspace"] == str(workspace.root)
    injected = [c for c in notebook.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1 and f'workspace = "{workspace.root}"' in injected[0].source

    before = pending_manual(workspace, COHORT)
    first = before[0]  # the widget shows the first exercise's answers in roster order: this one first
    # fill_answers' seed 2026 gives both participants a short answer (checked: both "awaiting")
    assert first.participant == codes[0] and first.status == "awaiting" and first.answer.strip(), first
    points, comment = 2.5, "Penyebab jelas; tindakan belum punya penanggung jawab dan waktu."
    assert points <= first.max_points

    server = voila_server(prepared.path.parent, prepared.path.name)
    page.goto(server.url, timeout=RENDER_TIMEOUT_MS)
    save = page.get_by_role("button", name="Simpan nilai")
    expect(save).to_be_visible(timeout=RENDER_TIMEOUT_MS)
    expect(page.get_by_text(f"Penilaian jawaban uraian — {COHORT}")).to_be_visible()
    expect(page.get_by_text("Peserta 1 dari 2")).to_be_visible()
    total = sum(i.status != "blank" for i in before)  # widgets/hand_grading.py: blank answers are not counted
    expect(page.get_by_text(f"0 dari {total} sudah dinilai").first).to_be_visible()
    expect(page.locator("h3", has_text=first.nama)).to_be_visible()
    expect(page.get_by_text(first.answer[:40])).to_be_visible()

    # ipywidgets 8: BoundedFloatText is <div class="widget-text"><label>Poin</label><input type="number"/></div>,
    # Textarea is <div class="widget-textarea"><label>Komentar</label><textarea/></div>
    points_box = page.locator(".widget-text", has=page.locator("label", has_text=re.compile("^Poin$"))).locator("input")
    comment_box = page.locator(".widget-textarea", has=page.locator("label", has_text=re.compile("^Komentar$")))
    points_box.fill(str(points))
    points_box.press("Tab")  # continuous_update=False: the value reaches the kernel on change (blur)
    comment_box.locator("textarea").fill(comment)
    save.click()
    # widgets/hand_grading.py HandGrading.save: "✓ Tersimpan: 2,5 poin — <nama>" (display_number, Indonesian comma)
    expect(page.get_by_text(f"Tersimpan: 2,5 poin — {first.nama}")).to_be_visible(timeout=SAVE_TIMEOUT_MS)
    expect(page.get_by_text(f"1 dari {total} sudah dinilai").first).to_be_visible()

    after = {(i.participant, i.exercise_id): i for i in pending_manual(workspace, COHORT)}
    scored = after[(first.participant, first.exercise_id)]
    assert (scored.status, scored.points, scored.comment, scored.grader) == ("scored", points, comment, "")
    assert [i.status for key, i in after.items() if key != (first.participant, first.exercise_id)] == [
        b.status for b in before[1:]
    ]  # nothing else changed
    item = next(
        i
        for i in cohort_scores(workspace, COHORT).items
        if (i.participant, i.exercise_id) == (first.participant, first.exercise_id)
    )
    assert (item.method, item.points) == ("manual", points)  # the manual score wins over grading's None
