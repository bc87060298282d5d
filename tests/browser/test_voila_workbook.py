"""A released workbook in a real browser: Voilà + headless Chromium.

A participant types answers into the ipywidgets of their ``mutu`` workbook;
every valid change is autosaved to ``01_manajemen_mutu.answers.json``, an invalid number is
refused on screen and never saved, and a reload (a new kernel) shows the saved
answer again. In the facility workbook the participant places every room on the
layout grid by clicking, and the answer file holds the layout. In the asset workbook a
drop-down per good picks its asset card, and "4.500.000" is read as rupiah.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from answer_files import answers_in, wait_for_answers

from ikm_curriculum.cohort.cohorts import create_cohort
from ikm_curriculum.cohort.workspace import init_workspace
from ikm_curriculum.workbooks.release import release_cohort

pytestmark = pytest.mark.slow

RENDER_TIMEOUT_MS = 90_000  # Voilà runs the notebook in a fresh kernel before the widgets show (2 cores)
SAVE_TIMEOUT_MS = 15_000

ROSTER = """\
nama,sentra,komoditas,kabupaten_kota
Siti Rahmawati,Sentra Abon Ikan Lapulu,abon ikan,Kota Kendari
La Ode Hamzah,Sentra Abon Ikan Lapulu,abon ikan,Kota Kendari
"""


def _released_folder(tmp_path: Path) -> Path:
    workspace, _ = init_workspace(tmp_path / "ws")
    roster = tmp_path / "peserta.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    created = create_cohort(workspace, "uji", roster)
    release_cohort(workspace, "uji", charts=False)  # drawn as the workbook opens
    code = created.participants[0][0]
    folder = workspace.release_dir("uji") / code
    assert (folder / "01_manajemen_mutu.ipynb").is_file() and (folder / "01_manajemen_mutu.answers.json").is_file()
    return folder


def _open_exercise(tmp_path: Path, voila_server: Any, page: Any, workbook: str, exercise_id: str) -> tuple[Path, Any]:
    """Release, serve ``workbook`` with Voilà, open it; the answer file and the exercise's block on the page.

    fronts.py marks each exercise's box with the class ``ikm-exercise-<id with '.' → '-'>``.
    """
    folder = _released_folder(tmp_path)
    server = voila_server(folder, f"{workbook}.ipynb")
    page.goto(server.url, timeout=RENDER_TIMEOUT_MS)
    return folder / f"{workbook}.answers.json", page.locator(f".ikm-exercise-{exercise_id.replace('.', '-')}")


def test_answers_autosave_and_come_back_after_reload(tmp_path: Path, voila_server: Any, page: Any) -> None:
    from playwright.sync_api import expect

    started = time.monotonic()
    folder = _released_folder(tmp_path)
    answers_file = folder / "01_manajemen_mutu.answers.json"
    server = voila_server(folder, "01_manajemen_mutu.ipynb")
    t_server = time.monotonic()

    page.goto(server.url, timeout=RENDER_TIMEOUT_MS)
    # fronts.py: VBox.add_class(f"ikm-exercise-{exercise_id with '.' → '-'}"); ipywidgets 8
    # renders w.Text as <div class="widget-text ..."><label/><input type="text" class="widget-input"/></div>
    share = page.locator(".ikm-exercise-mutu-pareto_top_share")
    share_input = share.locator(".widget-text input[type=text]")
    expect(share_input).to_be_visible(timeout=RENDER_TIMEOUT_MS)
    expect(share_input).to_be_editable()
    t_rendered = time.monotonic()

    # 1. A decimal comma (Indonesian usage) is read and saved at once.
    share_input.fill("64,5")
    expect(share.locator(".ikm-status")).to_contain_text("Tersimpan", timeout=SAVE_TIMEOUT_MS)
    saved = wait_for_answers(answers_file, lambda a: "mutu.pareto_top_share" in a, SAVE_TIMEOUT_MS / 1000)
    assert saved.get("mutu.pareto_top_share", {}).get("value") == 64.5, saved

    # 2. An invalid number in a table cell is refused on screen and never reaches the file.
    limits = page.locator(".ikm-exercise-mutu-xbar_r_limits")
    first_cell = limits.locator(".widget-text input[type=text]").first
    first_cell.fill("12a")
    expect(limits).to_contain_text("angka tidak valid", timeout=SAVE_TIMEOUT_MS)
    # The status line changed, so the kernel has handled "12a" (and did not save it).
    after_invalid = answers_in(answers_file)
    assert "mutu.xbar_r_limits" not in after_invalid, after_invalid
    assert after_invalid["mutu.pareto_top_share"]["value"] == 64.5
    assert "12a" not in answers_file.read_text(encoding="utf-8")

    # 3. A reload starts a new kernel, which reads the answer file back into the widgets.
    page.reload(timeout=RENDER_TIMEOUT_MS)
    share_input = page.locator(".ikm-exercise-mutu-pareto_top_share .widget-text input[type=text]")
    expect(share_input).to_have_value("64.5", timeout=RENDER_TIMEOUT_MS)
    expect(page.locator(".ikm-exercise-mutu-xbar_r_limits .widget-text input[type=text]").first).to_have_value("")
    expect(page.get_by_text("Jawaban yang sudah tersimpan dimuat kembali")).to_be_visible()
    t_done = time.monotonic()

    print(
        f"\ntimings: release+server {t_server - started:.1f} s, first render {t_rendered - t_server:.1f} s, "
        f"answers+reload {t_done - t_rendered:.1f} s, total {t_done - started:.1f} s"
    )


def test_layout_grid_by_clicking_in_the_browser(tmp_path: Path, voila_server: Any, page: Any) -> None:
    """Place every room of the facility workbook's layout grid by clicks; the answer file holds the layout."""
    from playwright.sync_api import expect

    answers_file, block = _open_exercise(
        tmp_path, voila_server, page, "02_perencanaan_fasilitas", "fasilitas.layout_grid"
    )
    # ipywidgets 8: ToggleButtons render one <button class="widget-toggle-button"> per option
    rooms = block.locator(".ikm-layout-chooser button")
    expect(rooms.first).to_be_visible(timeout=RENDER_TIMEOUT_MS)
    count = rooms.count()
    cells = [(r, c) for r in range(2) for c in range((count + 1) // 2)]
    for i in range(count):
        rooms.nth(i).click()
        block.locator(f".ikm-cell-{cells[i][0]}-{cells[i][1]}").click()
    expect(block).to_contain_text("Biaya aliran", timeout=SAVE_TIMEOUT_MS)
    saved = wait_for_answers(
        answers_file, lambda a: len((a.get("fasilitas.layout_grid") or {}).get("value") or {}) == count, 15
    )
    layout = saved["fasilitas.layout_grid"]["value"]
    assert sorted(tuple(cell) for cell in layout.values()) == sorted(cells[:count])
    expect(block.locator(".ikm-status")).to_contain_text("Tersimpan")


def test_cards_by_drop_down_and_rupiah_with_thousand_dots(tmp_path: Path, voila_server: Any, page: Any) -> None:
    """In the asset workbook: pick a KIB card per good from drop-downs; type "4.500.000" as rupiah."""
    from playwright.sync_api import expect

    answers_file, block = _open_exercise(tmp_path, voila_server, page, "03_pengelolaan_aset", "aset.kib_classify")
    # fronts.py _classify: one ipywidgets Dropdown (a <select>) per good, options "—" then KIB A … KIB F
    menus = block.locator("select")
    expect(menus.first).to_be_visible(timeout=RENDER_TIMEOUT_MS)
    count = menus.count()
    for i in range(count):
        menus.nth(i).select_option(label="KIB B – Peralatan dan mesin")
    expect(block.locator(".ikm-status")).to_contain_text("Tersimpan", timeout=SAVE_TIMEOUT_MS)
    saved = wait_for_answers(
        answers_file,
        lambda a: list((a.get("aset.kib_classify") or {}).get("value", {}).values()).count("B") == count,
        15,
    )
    assert set(saved["aset.kib_classify"]["value"].values()) == {"B"} and count == 6

    money = page.locator(".ikm-exercise-aset-depreciation_year .widget-text input[type=text]")
    money.fill("4.500.000")
    status = page.locator(".ikm-exercise-aset-depreciation_year .ikm-status")
    expect(status).to_contain_text("Rp4.500.000", timeout=SAVE_TIMEOUT_MS)
    saved = wait_for_answers(answers_file, lambda a: "aset.depreciation_year" in a, 15)
    assert saved["aset.depreciation_year"]["value"] == 4_500_000


def test_house_rules_text_box_lints_as_the_participant_types(tmp_path: Path, voila_server: Any, page: Any) -> None:
    """In the house-rules workbook the template is in the box, checked live; a typo is named with its line."""
    from playwright.sync_api import expect

    answers_file, block = _open_exercise(tmp_path, voila_server, page, "04_tata_tertib", "tertib.own_rules")
    box = block.locator("textarea")
    expect(box).to_be_visible(timeout=RENDER_TIMEOUT_MS)
    expect(block.locator(".ikm-lint")).to_contain_text("tidak ada masalah")
    text = box.input_value()
    box.fill(text.replace("jenis: limbah", "jenis: sampah"))
    expect(block.locator(".ikm-lint")).to_contain_text("Perlu diperbaiki", timeout=SAVE_TIMEOUT_MS)
    expect(block.locator(".ikm-lint")).to_contain_text("sampah")
    saved = wait_for_answers(answers_file, lambda a: "tertib.own_rules" in a, 15)
    assert "jenis: sampah" in saved["tertib.own_rules"]["value"]


def test_simulation_played_and_submitted_in_the_browser(tmp_path: Path, voila_server: Any, page: Any) -> None:
    """In the simulation workbook: try the decisions on the practice scenarios, then submit them."""
    from playwright.sync_api import expect

    answers_file, block = _open_exercise(tmp_path, voila_server, page, "07_simulasi_sentra", "simulasi.decisions")
    run = block.locator(".ikm-sim-run")
    expect(run).to_be_visible(timeout=RENDER_TIMEOUT_MS)
    block.locator("select").first.select_option(label="Ketat: setiap pelanggaran disanksi")  # enforcement
    run.click()
    expect(block).to_contain_text("Indeks kartu skor", timeout=SAVE_TIMEOUT_MS)
    expect(block.locator("img")).to_be_visible()
    assert not answers_file.exists() or "simulasi.decisions" not in answers_in(answers_file)  # trying saves nothing
    block.locator(".ikm-sim-submit").click()
    saved = wait_for_answers(answers_file, lambda a: "simulasi.decisions" in a, 15)
    assert saved["simulasi.decisions"]["value"]["enforcement"] == "ketat"
    expect(block.locator(".ikm-status")).to_contain_text("Tersimpan")
