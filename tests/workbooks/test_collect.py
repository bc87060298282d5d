"""Collect: answer files as data; each bad file rejected by name while the rest goes on."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from ikm_curriculum.cohort.gradebook import Response, Submission
from ikm_curriculum.errors import WorkspaceError
from ikm_curriculum.workbooks.collect import collect


def folders(workspace, cohort) -> list[Path]:
    return sorted(p for p in workspace.release_dir(cohort).iterdir() if p.is_dir())


def answer(folder: Path, exercise_id: str, value) -> None:
    path = folder / "01_manajemen_mutu.answers.json"
    data = json.loads(path.read_text("utf-8"))
    data["answers"][exercise_id] = {"value": value, "saved_at": "2026-11-27T10:00:00+08:00"}
    path.write_text(json.dumps(data), "utf-8")


def by_status(outcomes, status):
    return [o for o in outcomes if o.status == status]


def count_submissions(workspace) -> int:
    gradebook = workspace.gradebook()
    with gradebook.session() as session:
        n = session.scalar(select(func.count(Submission.id)))
    gradebook.dispose()
    return n


def test_new_unchanged_and_changed_files(workspace, released) -> None:
    first = folders(workspace, released)[0]
    answer(first, "mutu.pareto_top_share", 62.5)
    outcomes = collect(workspace, released, workspace.release_dir(released))
    assert len(by_status(outcomes, "accepted")) == 3
    again = collect(workspace, released, workspace.release_dir(released))
    assert [o.status for o in again] == ["unchanged"] * 3  # an identical file is a no-op
    answer(first, "mutu.pareto_top_share", 70.0)
    third = collect(workspace, released, workspace.release_dir(released))
    changed = by_status(third, "accepted")
    assert [(o.participant, o.attempt) for o in changed] == [(first.name, 2)]
    gradebook = workspace.gradebook()
    with gradebook.session() as session:
        values = session.execute(
            select(Submission.attempt, Response.value)
            .join(Response)
            .where(Response.exercise_id == "mutu.pareto_top_share")
            .order_by(Submission.attempt)
        ).all()
    gradebook.dispose()
    assert [tuple(v) for v in values] == [(1, 62.5), (2, 70.0)]  # the history stays


BAD_FILES = {
    "malformed JSON": (b'{"format": "ikm-answers/1", "answers": {', "valid JSON"),
    "non-UTF-8": ('{"cohort": "uji", "nama": "Ma\u2019ruf"}'.encode("cp1252"), "UTF-8"),
    "wrong schema": (
        b'{"format": "ikm-answers/1", "cohort": "uji", "participant": "x", "workbook": "w", "extra": 1}',
        "extra: expected no such field",
    ),
    "not an object": (b"[1, 2]", "a JSON object"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_file_is_rejected_and_the_rest_goes_on(workspace, released, case) -> None:
    good, bad, _ = folders(workspace, released)
    answer(good, "mutu.pareto_top_share", 55.0)
    data, expected = BAD_FILES[case]
    (bad / "01_manajemen_mutu.answers.json").write_bytes(data)
    outcomes = collect(workspace, released, workspace.release_dir(released))
    (rejected,) = by_status(outcomes, "rejected")
    assert rejected.participant == bad.name and rejected.file == f"{bad.name}/01_manajemen_mutu.answers.json"
    assert expected in rejected.reason
    assert len(by_status(outcomes, "accepted")) == 2


def test_checks_against_the_cohort(workspace, released) -> None:
    a, b, c = folders(workspace, released)
    answer(a, "mutu.pareto_top_share", "enam puluh")  # a word, not a number
    data = json.loads((b / "01_manajemen_mutu.answers.json").read_text("utf-8"))
    data["participant"] = "orang-lain-0000"
    (b / "01_manajemen_mutu.answers.json").write_text(json.dumps(data), "utf-8")
    data = json.loads((c / "01_manajemen_mutu.answers.json").read_text("utf-8"))
    data["cohort"] = "kohort-lain"
    (c / "01_manajemen_mutu.answers.json").write_text(json.dumps(data), "utf-8")
    reasons = {o.participant: o.reason for o in collect(workspace, released, workspace.release_dir(released))}
    assert reasons[a.name] == "answers.mutu.pareto_top_share.value: expected a number, got 'enam puluh'"
    assert "'orang-lain-0000' is not in cohort uji" in reasons["orang-lain-0000"]
    assert reasons[c.name] == "cohort: expected 'uji', got 'kohort-lain'"


def test_file_in_another_participants_folder(workspace, released) -> None:
    a, b, _ = folders(workspace, released)
    (b / "01_manajemen_mutu.answers.json").write_bytes((a / "01_manajemen_mutu.answers.json").read_bytes())
    outcomes = collect(workspace, released, workspace.release_dir(released))
    (rejected,) = by_status(outcomes, "rejected")
    assert f"sits in folder '{b.name}'" in rejected.reason


def test_unknown_exercise(workspace, released) -> None:
    a = folders(workspace, released)[0]
    answer(a, "mutu.tidak_ada", 1)
    (rejected,) = by_status(collect(workspace, released, workspace.release_dir(released)), "rejected")
    assert "answers.mutu.tidak_ada: no such exercise" in rejected.reason


def test_file_over_the_size_limit(workspace, released) -> None:
    a = folders(workspace, released)[0]
    answer(a, "mutu.improvement_action", "x" * 1_000_001)
    (rejected,) = by_status(collect(workspace, released, workspace.release_dir(released)), "rejected")
    assert "over the limit of 1,000,000 bytes" in rejected.reason


def test_zip_source_with_an_escaping_entry(workspace, released, tmp_path: Path) -> None:
    a, b, c = folders(workspace, released)
    answer(a, "mutu.pareto_top_share", 40.0)
    archive = tmp_path / "kumpul.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for folder in (a, b):
            z.write(folder / "01_manajemen_mutu.answers.json", f"{folder.name}/01_manajemen_mutu.answers.json")
        z.writestr(f"../{c.name}/01_manajemen_mutu.answers.json", (c / "01_manajemen_mutu.answers.json").read_bytes())
    outcomes = collect(workspace, released, archive)
    assert len(by_status(outcomes, "accepted")) == 2
    (rejected,) = by_status(outcomes, "rejected")
    assert "escapes its folder" in rejected.reason


def test_rejected_file_loses_nothing_already_stored(workspace, released) -> None:
    a = folders(workspace, released)[0]
    answer(a, "mutu.pareto_top_share", 40.0)
    collect(workspace, released, workspace.release_dir(released))
    before = count_submissions(workspace)
    (a / "01_manajemen_mutu.answers.json").write_text("{broken", "utf-8")
    outcomes = collect(workspace, released, workspace.release_dir(released))
    assert by_status(outcomes, "rejected")[0].participant == a.name
    assert count_submissions(workspace) == before


def test_source_that_is_not_a_zip(workspace, released, tmp_path: Path) -> None:
    bogus = tmp_path / "kumpul.zip"
    bogus.write_bytes(b"PK no zip")
    with pytest.raises(WorkspaceError, match="not a readable .zip"):
        collect(workspace, released, bogus)
