"""The gradebook is a real SQLite file: WAL, schema version, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from ikm_curriculum.cohort.gradebook import SCHEMA_VERSION, Gradebook, Meta
from ikm_curriculum.cohort.workspace import init_workspace, open_workspace
from ikm_curriculum.errors import WorkspaceError


def test_init_makes_config_and_gradebook(tmp_path: Path) -> None:
    workspace, created = init_workspace(tmp_path / "ws")
    assert created
    assert (workspace.root / "ikm.toml").is_file() and (workspace.root / "ikm.db").is_file()
    again, created_again = init_workspace(tmp_path / "ws")
    assert not created_again and again.root == workspace.root


def test_sqlite_runs_in_wal_mode_with_schema_version(workspace) -> None:
    gradebook = workspace.gradebook()
    with gradebook.session() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.get(Meta, "schema_version").value == str(SCHEMA_VERSION)
    gradebook.dispose()


def test_newer_schema_is_refused(workspace) -> None:
    gradebook = workspace.gradebook()
    with gradebook.transaction() as session:
        session.get(Meta, "schema_version").value = str(SCHEMA_VERSION + 1)
    gradebook.dispose()
    with pytest.raises(WorkspaceError, match="upgrade ikm-curriculum"):
        workspace.gradebook()


def test_a_file_that_is_not_a_gradebook(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    path.write_bytes(b"not sqlite at all" * 100)
    with pytest.raises(WorkspaceError, match="not an ikm gradebook"):
        Gradebook.open(f"sqlite:///{path}")


def test_database_url_from_environment(workspace, tmp_path: Path, monkeypatch) -> None:
    other = tmp_path / "elsewhere.db"
    monkeypatch.setenv("IKM_DATABASE_URL", f"sqlite:///{other}")
    init_workspace(workspace.root)
    assert other.is_file()
    assert open_workspace(workspace.root).database_url == f"sqlite:///{other}"


def test_workspace_from_environment_and_missing_workspace(workspace, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("IKM_WORKSPACE", str(workspace.root))
    assert open_workspace().root == workspace.root
    with pytest.raises(WorkspaceError, match="ikm init"):
        open_workspace(tmp_path / "nothing-here")


def test_bad_language_in_config(workspace) -> None:
    config = workspace.root / "ikm.toml"
    config.write_text(config.read_text("utf-8").replace('lang = "id"', 'lang = "jv"'), "utf-8")
    with pytest.raises(WorkspaceError, match="workspace.lang"):
        open_workspace(workspace.root)


def test_a_version_1_gradebook_is_upgraded_and_keeps_its_data(workspace, roster_csv) -> None:
    """Schema 1 had no cohort_info/certificates/hub_logins tables nor the index of responses; opening it adds them
    and keeps every row."""
    from ikm_curriculum.cohort.cohorts import create_cohort

    create_cohort(workspace, "lama", roster_csv)
    gradebook = workspace.gradebook()
    with gradebook.transaction() as session:
        session.execute(text("DROP TABLE certificates"))
        session.execute(text("DROP TABLE cohort_info"))
        session.execute(text("DROP TABLE hub_logins"))
        session.execute(text("DROP INDEX ix_responses_submission_id"))
        session.get(Meta, "schema_version").value = "1"
    gradebook.dispose()
    upgraded = workspace.gradebook()
    with upgraded.session() as session:
        assert session.get(Meta, "schema_version").value == str(SCHEMA_VERSION)
        tables = set(session.execute(text("SELECT name FROM sqlite_master WHERE type='table'")).scalars())
        assert {"cohort_info", "certificates", "hub_logins"} <= tables
        indexes = set(session.execute(text("SELECT name FROM sqlite_master WHERE type='index'")).scalars())
        assert "ix_responses_submission_id" in indexes
        assert session.execute(text("SELECT count(*) FROM participants")).scalar() > 0
    upgraded.dispose()


def test_a_database_url_is_never_printed_with_its_password(tmp_path: Path, monkeypatch) -> None:
    """A PostgreSQL URL from IKM_DATABASE_URL: `ikm init` and errors show it with the password masked."""
    workspace, _ = init_workspace(tmp_path / "ws")
    monkeypatch.setenv("IKM_DATABASE_URL", "sqlite:///" + str(tmp_path / "ws" / "ikm.db"))
    assert workspace.database_url_shown == workspace.database_url  # nothing to mask
    monkeypatch.setenv("IKM_DATABASE_URL", "postgresql+psycopg://ikm:rahasia-sekali@db.example/ikm")
    assert "rahasia-sekali" not in workspace.database_url_shown and "***" in workspace.database_url_shown
