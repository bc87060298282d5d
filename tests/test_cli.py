"""The `ikm` command as a facilitator types it: real workspace, clear errors, exit codes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from ikm_curriculum.cli import cli
from ikm_curriculum.evaluation.forms import default_plans, training_modules


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


def test_init_create_release_collect_scores(tmp_path: Path, roster_csv: Path) -> None:
    ws = str(tmp_path / "ws")
    assert run("init", ws).exit_code == 0
    created = run("cohort", "create", "uji", "--roster", str(roster_csv), "--workspace", ws)
    assert created.exit_code == 0 and "3 participants" in created.output
    assert "uji" in run("cohort", "list", "-w", ws).output
    released = run("release", "uji", "-w", ws)
    assert released.exit_code == 0 and "to 3 participants" in released.output
    collected = run("collect", "uji", str(tmp_path / "ws" / "cohorts" / "uji" / "release"), "-w", ws)
    workbooks = default_plans()
    assert f"accepted {3 * len(workbooks)}, unchanged 0, rejected 0" in collected.output  # 3 participants
    rows = list(csv.DictReader(io.StringIO(run("scores", "uji", "--format", "csv", "-w", ws).output)))
    assert [r["nama"] for r in rows] == ["Wa Ode Sarimah", "La Ode Kasim", "Hasniah Rauf"]
    data = json.loads(run("scores", "uji", "--format", "json", "-w", ws).output)
    assert data["modules"] == list(training_modules()) and len(data["participants"]) == 3


def test_workspace_from_environment(tmp_path: Path, roster_csv: Path) -> None:
    ws = str(tmp_path / "ws")
    run("init", ws)
    result = run("cohort", "create", "uji", "--roster", str(roster_csv), env={"IKM_WORKSPACE": ws})
    assert result.exit_code == 0


def test_bad_roster_lists_every_problem_and_exits_1(tmp_path: Path) -> None:
    ws = str(tmp_path / "ws")
    run("init", ws)
    roster = tmp_path / "r.csv"
    roster.write_text("nama,sentra,komoditas,kabupaten_kota\n,A,abon,Kendari\nSiti,,abon,Kendari\n", "utf-8")
    result = run("cohort", "create", "uji", "--roster", str(roster), "-w", ws)
    assert result.exit_code == 1
    assert "row 2, column nama: empty" in result.output and "row 3, column sentra: empty" in result.output


def test_not_a_workspace(tmp_path: Path) -> None:
    result = run("scores", "uji", "-w", str(tmp_path))
    assert result.exit_code == 1 and "ikm init" in result.output


def test_curriculum_in_both_languages() -> None:
    assert "Hari 1" in run("curriculum").output
    assert "Day 3" in run("curriculum", "--lang", "en").output


@pytest.mark.slow
def test_python_dash_m_entry_point() -> None:
    result = subprocess.run([sys.executable, "-m", "ikm_curriculum", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and "ikm, version" in result.stdout


def test_broken_content_stops_every_command_with_file_and_key(tmp_path: Path, monkeypatch) -> None:
    import shutil

    from ikm_curriculum import curriculum

    root = tmp_path / "modules"
    shutil.copytree(Path(curriculum.__file__).parent / "modules", root)
    content = root / "facility" / "content.yaml"
    content.write_text(content.read_text("utf-8").replace("format: bimtek", "format: ceramah", 1), "utf-8")
    monkeypatch.setattr(curriculum, "default_curriculum", lambda: curriculum.load_curriculum(root))
    result = run("init", str(tmp_path / "ws"))
    assert result.exit_code == 1
    assert "facility/content.yaml" in result.output and "format" in result.output and "ceramah" in result.output
    assert not (tmp_path / "ws").exists()


REGISTER_CSV = (  # a fictional centre's KIB, typed as a city office would (semicolons, dotted rupiah)
    "Kode Barang;Nama Barang;KIB;Tanggal Perolehan;Harga Perolehan (Rp);Sumber Dana;Ruang (KIR);Kondisi;"
    "Masa Manfaat (tahun);Jumlah\n"
    "01.01.11.04.001;Tanah sentra;KIB A;01/03/2019;250.000.000;APBD 2019;;Baik;;1\n"
    "02.06.01.05.001;Mesin giling daging ikan;B;10/02/2022;45.000.000;DAK 2022;Ruang Produksi;Rusak Berat;10;1\n"
    "02.07.01.01.001;Meja kerja stainless;B;2022-02-10;16.000.000;DAK 2022;Ruang Produksi;Baik;5;4\n"
)


def test_register_prints_totals_and_write_off_candidates(tmp_path: Path) -> None:
    path = tmp_path / "kib.csv"
    path.write_text(REGISTER_CSV, encoding="utf-8")
    result = run("register", str(path))
    assert result.exit_code == 0, result.output
    assert "Rp250.000.000" in result.output and "Rp61.000.000" in result.output  # KIB B: 45 + 16 million
    assert "Usulan penghapusan (Rusak Berat): 02.06.01.05.001 Mesin giling daging ikan" in result.output


def test_register_with_a_bad_row_names_file_row_and_field(tmp_path: Path) -> None:
    path = tmp_path / "kib.csv"
    path.write_text(REGISTER_CSV.replace(";Baik;5;4", ";Bagus;5;4"), encoding="utf-8")
    result = run("register", str(path))
    assert result.exit_code == 1
    assert "kib.csv" in result.output and "row 4" in result.output and "Bagus" in result.output


EVENTS_CSV = """waktu,anggota,kejadian,mesin,durasi_menit,jumlah,tempat,alat_pelindung
2026-03-02 08:00,A01,pesan,pencabik,120,,,
2026-03-02 08:00,A01,pakai,pencabik,120,,,"sarung tangan;celemek;penutup kepala"
2026-03-02 10:10,A01,bersih,pencabik,,,,
2026-03-02 10:00,A04,pakai,spinner,30,,,"sarung tangan;penutup kepala"
2026-03-02 11:00,A06,limbah,,,,selokan,
"""


def test_rules_template_lint_and_check_an_event_log(tmp_path: Path) -> None:
    rules_file = tmp_path / "aturan.yaml"
    rules_file.write_text(run("rules", "template").output, encoding="utf-8")
    assert "Tidak ada masalah" in run("rules", "lint", str(rules_file)).output
    events = tmp_path / "kegiatan.csv"
    events.write_text(EVENTS_CSV, encoding="utf-8")
    result = run("rules", "check", str(events), "--rules", str(rules_file), "--until", "2026-03-02 18:00")
    assert result.exit_code == 0, result.output
    # template_upt.yaml: A04 used the spinner unbooked (PS-01), untrained (OP-01), did not clean it (KB-01);
    # A06 put waste in the drain (LB-01). A01 booked, wore the gear and cleaned within 30 minutes.
    assert "4 pelanggaran" in result.output
    for rule in ("PS-01", "OP-01", "KB-01", "LB-01"):
        assert rule in result.output
    assert "A01" not in result.output
    assert "teguran lisan" in result.output and "teguran_lisan" not in result.output  # sanctions in words


def test_rules_lint_names_the_line_and_exits_1(tmp_path: Path) -> None:
    broken = tmp_path / "aturan.yaml"
    broken.write_text(run("rules", "template").output.replace("jenis: limbah", "jenis: sampah"), encoding="utf-8")
    result = run("rules", "lint", str(broken))
    assert result.exit_code == 1 and "aturan.yaml:" in result.output and "sampah" in result.output
