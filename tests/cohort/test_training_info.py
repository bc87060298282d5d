"""Training details (cover of the report, certificates) are stored per cohort and changed field by field."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner

from ikm_curriculum.cli import cli
from ikm_curriculum.cohort.cohorts import create_cohort
from ikm_curriculum.cohort.training_info import DEFAULT_TITLE, set_training_info, training_info
from ikm_curriculum.errors import WorkspaceError


def test_defaults_then_fields_change_one_by_one(workspace, roster_csv) -> None:
    create_cohort(workspace, "k1", roster_csv)
    assert training_info(workspace, "k1").title == DEFAULT_TITLE
    set_training_info(workspace, "k1", place="Aula Dinas", start_date=date(2026, 11, 24), facilitators=["A", " B "])
    info = set_training_info(workspace, "k1", end_date=date(2026, 11, 26))
    assert (info.place, info.start_date, info.end_date) == ("Aula Dinas", date(2026, 11, 24), date(2026, 11, 26))
    assert info.facilitators == ("A", "B")
    assert info.to_dict()["start_date"] == "2026-11-24"


def test_end_before_start_is_refused_and_nothing_changes(workspace, roster_csv) -> None:
    create_cohort(workspace, "k1", roster_csv)
    set_training_info(workspace, "k1", start_date=date(2026, 11, 24))
    with pytest.raises(WorkspaceError, match="end date 2026-11-20 is before the start date 2026-11-24"):
        set_training_info(workspace, "k1", end_date=date(2026, 11, 20), place="X")
    assert training_info(workspace, "k1").place == ""


def test_cli_cohort_info_sets_and_rejects_a_bad_date(workspace, roster_csv) -> None:
    create_cohort(workspace, "k1", roster_csv)
    runner = CliRunner()
    args = ["cohort", "info", "k1", "--workspace", str(workspace.root)]
    result = runner.invoke(cli, [*args, "--place", "Kendari", "--facilitator", "Dr. A", "--facilitator", "Dr. B"])
    assert result.exit_code == 0, result.output
    assert "Dr. A, Dr. B" in result.output
    bad = runner.invoke(cli, [*args, "--start", "24/11/2026"])
    assert bad.exit_code == 1
    assert "--start: expected a date written YYYY-MM-DD" in bad.output
    unknown = runner.invoke(cli, ["cohort", "info", "nope", "--workspace", str(workspace.root)])
    assert "no cohort 'nope'" in unknown.output
