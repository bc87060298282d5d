"""The participant's workbook list: training order, titles, saved-answer counts, nothing loaded from elsewhere."""

from __future__ import annotations

import json
import re
from pathlib import Path

from ikm_curriculum.serve.landing import landing_page, saved_answers, workbook_index


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "siti"
    folder.mkdir()
    for name in ("survei_kepuasan", "posttest_hari1", "01_manajemen_mutu", "pretest_hari1", "02_perencanaan_fasilitas"):
        (folder / f"{name}.ipynb").write_text("{}")
    (folder / "pretest_hari1.answers.json").write_text(json.dumps({"answers": {"a": {}, "b": {}, "c": {}}}))
    (folder / "01_manajemen_mutu.answers.json").write_text("{ torn")  # unreadable: counted as none, no crash
    return folder


def test_workbooks_are_listed_day_by_day_in_training_order(tmp_path: Path) -> None:
    page = landing_page(_folder(tmp_path), "/user/siti/voila/", "/hub/logout")
    titles = re.findall(r'<span class="t">([^<]+)</span>', page)
    # forms.py titles; day 1: pre-test, module, post-test; day 2: facility planning; the survey (no day) last
    assert titles == [
        "Tes awal (pre-test) hari ke-1",
        "Manajemen Mutu",
        "Tes akhir (post-test) hari ke-1",
        "Perencanaan Fasilitas",
        "Survei kepuasan peserta",
    ]
    assert page.index("Hari ke-1") < page.index("Hari ke-2") < page.index("Lainnya")
    assert 'href="/user/siti/voila/render/pretest_hari1.ipynb"' in page
    assert "3 jawaban tersimpan" in page and "belum ada jawaban" in page


def test_english_page_and_no_outside_resources(tmp_path: Path) -> None:
    page = landing_page(_folder(tmp_path), "/user/siti/voila/", "/hub/logout", lang="en")
    assert "My workbooks" in page and "Day 1" in page and "3 answers saved" in page and "Quality Management" in page
    assert not re.search(r'(src|href)="https?://', page)


def test_empty_folder_says_to_ask_a_facilitator(tmp_path: Path) -> None:
    assert "Tanyakan kepada fasilitator" in landing_page(tmp_path, "/v/", "/hub/logout")


def test_saved_answers_counts_only_readable_files(tmp_path: Path) -> None:
    assert saved_answers(tmp_path / "missing.answers.json") == 0
    (tmp_path / "list.answers.json").write_text("[1, 2]")
    assert saved_answers(tmp_path / "list.answers.json") == 0


def test_the_index_the_hub_writes_gives_the_same_page(tmp_path: Path) -> None:
    """The servers read workbook_index() from a JSON file (no curriculum loaded): same page as computing it."""
    folder = _folder(tmp_path)
    index = json.loads(json.dumps(workbook_index()))
    assert [e["workbook"] for e in index][:3] == ["pretest_hari1", "01_manajemen_mutu", "posttest_hari1"]
    assert landing_page(folder, "/v/", "/hub/logout", index=index) == landing_page(folder, "/v/", "/hub/logout")
