"""Shared fixtures: a real workspace with a real SQLite gradebook, a small cohort."""

from __future__ import annotations

from pathlib import Path

import pytest

from ikm_curriculum.cohort.cohorts import create_cohort
from ikm_curriculum.cohort.workspace import Workspace, init_workspace

# Fictional people (no real person is meant).
ROSTER_CSV = """\
nama,sentra,komoditas,kabupaten_kota,jabatan,telepon,email
Wa Ode Sarimah,Sentra Abon Ikan Abeli,Abon ikan tuna,Kota Kendari,Ketua sentra,081200000001,
La Ode Kasim,Sentra Tenun Puuwatu,Tenun,Kota Kendari,Pengelola,081200000002,
Hasniah Rauf,Sentra Mete Kambu,Jambu mete,Kota Kendari,,,hasniah@example.org
"""


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    ws, _ = init_workspace(tmp_path / "ws")
    return ws


@pytest.fixture
def roster_csv(tmp_path: Path) -> Path:
    path = tmp_path / "peserta.csv"
    path.write_text(ROSTER_CSV, "utf-8")
    return path


@pytest.fixture
def cohort(workspace: Workspace, roster_csv: Path) -> str:
    create_cohort(workspace, "uji", roster_csv)
    return "uji"


@pytest.fixture
def released(workspace: Workspace, cohort: str) -> str:
    from ikm_curriculum.workbooks.release import release_cohort

    release_cohort(workspace, cohort, module="quality", charts=False)  # one workbook is enough; charts: test_release.py
    return cohort
