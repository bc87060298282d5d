"""The gradebook on a real PostgreSQL server (``IKM_DATABASE_URL``), as on a shared server or Kubernetes.

A throwaway server is started in a temporary folder (``initdb`` + ``pg_ctl``, Debian's ``postgresql`` package; as the
``postgres`` user when the tests run as root, since ``initdb`` refuses root) on a free loopback port, with a password,
and stopped afterwards. The whole facilitator path runs against it: init, cohort, release, collect, grade, PINs.
"""

from __future__ import annotations

import json
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any, Iterator

import pytest
from sqlalchemy import func, select, text

from ikm_curriculum.cohort.cohorts import create_cohort
from ikm_curriculum.cohort.gradebook import (
    SCHEMA_VERSION,
    ExerciseInstanceRow,
    HubLogin,
    Meta,
    Response,
    Score,
    Submission,
)
from ikm_curriculum.cohort.workspace import Workspace, init_workspace, open_workspace

pytestmark = pytest.mark.slow

PASSWORD = "rahasia-uji"  # a throwaway server on 127.0.0.1, gone after the test
ANSWERS = "01_manajemen_mutu.answers.json"


def postgres_bin() -> Path | None:
    """The newest ``/usr/lib/postgresql/<version>/bin`` with initdb and pg_ctl (Debian's layout), else PATH's."""
    for folder in sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: p.parent.name, reverse=True):
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if initdb and pg_ctl:
        return Path(initdb).resolve().parent
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    """``postgresql+psycopg://`` URL of a fresh server with an empty database ``ikm``."""
    bindir = postgres_bin()
    if bindir is None:
        pytest.skip("no PostgreSQL server programs (initdb, pg_ctl): apt-get install postgresql")
    pytest.importorskip("psycopg", reason="no PostgreSQL driver: pip install 'psycopg[binary]'")
    run_as: dict[str, Any] = {}
    base = Path(tempfile.mkdtemp(prefix="ikm-pg-"))
    if os.geteuid() == 0:  # initdb refuses to run as root
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            shutil.rmtree(base)
            pytest.skip("running as root and there is no 'postgres' user to run initdb as")
        os.chown(base, owner.pw_uid, owner.pw_gid)
        run_as = {"user": owner.pw_uid, "group": owner.pw_gid, "extra_groups": []}
    data, log, pwfile = base / "data", base / "server.log", base / "pw"
    pwfile.write_text(PASSWORD + "\n")
    if run_as:
        os.chown(pwfile, run_as["user"], run_as["group"])
    port = free_port()

    def run(*args: str) -> None:
        subprocess.run(args, check=True, capture_output=True, cwd=base, **run_as)

    try:
        run(
            str(bindir / "initdb"),
            f"--pgdata={data}",
            "--username=ikm",
            f"--pwfile={pwfile}",
            "--auth=scram-sha-256",
            "--encoding=UTF8",
            "--locale=C",
        )
        options = f"-p {port} -c listen_addresses=127.0.0.1 -k {base} -c fsync=off"
        run(str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w", "start")
    except subprocess.CalledProcessError as exc:
        detail = exc.stderr.decode(errors="replace") + (log.read_text() if log.exists() else "")
        shutil.rmtree(base, ignore_errors=True)
        raise RuntimeError(f"could not start a PostgreSQL server: {detail}") from exc
    try:
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=port, user="ikm", password=PASSWORD, dbname="postgres", autocommit=True
        ) as connection:
            connection.execute("CREATE DATABASE ikm")
        yield f"postgresql+psycopg://ikm:{PASSWORD}@127.0.0.1:{port}/ikm"
    finally:
        subprocess.run(
            [str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"], capture_output=True, **run_as
        )
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def pg_workspace(postgres_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Workspace]:
    """A workspace whose gradebook is the PostgreSQL database (through IKM_DATABASE_URL); emptied afterwards."""
    monkeypatch.setenv("IKM_DATABASE_URL", postgres_url)  # the grading kernel inherits it too
    workspace, _ = init_workspace(tmp_path / "ws")
    yield workspace
    gradebook = workspace.gradebook()
    with gradebook.transaction() as session:
        session.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    gradebook.dispose()


def write_answers(folder: Path, answers: dict[str, Any]) -> None:
    path = folder / ANSWERS
    data = json.loads(path.read_text("utf-8"))
    data["answers"] = {k: {"value": v, "saved_at": "2026-11-27T10:00:00+08:00"} for k, v in answers.items()}
    path.write_text(json.dumps(data), "utf-8")


def test_the_facilitator_path_runs_on_postgresql(pg_workspace: Workspace, roster_csv: Path) -> None:
    from ikm_curriculum.serve.pins import FACILITATOR, PARTICIPANT, issue_logins, login_matches
    from ikm_curriculum.workbooks.collect import collect
    from ikm_curriculum.workbooks.grading import run_grading
    from ikm_curriculum.workbooks.release import release_cohort

    workspace = pg_workspace
    assert workspace.database_url.startswith("postgresql+psycopg://")
    assert not (workspace.root / "ikm.db").exists()  # nothing went to the default SQLite file
    gradebook = workspace.gradebook()
    assert gradebook.engine.dialect.name == "postgresql"
    gradebook.dispose()

    create_cohort(workspace, "uji", roster_csv)
    release_cohort(workspace, "uji", module="quality", charts=False)
    gradebook = workspace.gradebook()
    with gradebook.session() as session:
        keys = {(r.participant.code, r.exercise_id): r.key for r in session.scalars(select(ExerciseInstanceRow))}
        assert session.get(Meta, "schema_version").value == str(SCHEMA_VERSION)
    gradebook.dispose()
    folders = sorted(p for p in workspace.release_dir("uji").iterdir() if p.is_dir())
    assert len(folders) == 3  # the three people of tests/conftest.py's roster
    first = folders[0]
    share = keys[(first.name, "mutu.pareto_top_share")]["value"]  # the key, read back from a JSON column
    write_answers(first, {"mutu.pareto_top_share": share, "mutu.improvement_action": "Catat suhu tiap batch."})

    outcomes = collect(workspace, "uji", workspace.release_dir("uji"))
    assert sorted(o.status for o in outcomes) == ["accepted"] * 3
    assert [o.status for o in collect(workspace, "uji", workspace.release_dir("uji"))] == ["unchanged"] * 3

    result = run_grading(workspace, "uji")  # a real kernel, which opens the gradebook through IKM_DATABASE_URL
    assert (result.participants, result.submitted) == (3, 1)
    gradebook = workspace.gradebook()
    with gradebook.session() as session:
        score = session.scalar(
            select(Score).where(Score.exercise_id == "mutu.pareto_top_share", Score.points.is_not(None))
        )
        assert score is not None and score.points == score.max_points  # the key itself earns full points
        assert isinstance(score.detail, dict)
        received = session.scalar(select(Submission.received_at).where(Submission.attempt == 1))
        assert isinstance(received, datetime) and received.utcoffset() is not None  # timestamptz keeps the zone
        stored = session.scalar(select(Response.value).where(Response.exercise_id == "mutu.improvement_action"))
        assert stored == "Catat suhu tiap batch."
    gradebook.dispose()

    gradebook = workspace.gradebook()
    try:
        issued = issue_logins(gradebook, "uji", admins=["fasilitator"])
        by_role = {login.role: login for login in issued}
        participant, admin = by_role[PARTICIPANT], by_role[FACILITATOR]
        assert login_matches(gradebook, "uji", participant.username, participant.pin) == PARTICIPANT
        assert login_matches(gradebook, "uji", admin.username, admin.pin) == FACILITATOR
        wrong = f"{(int(participant.pin) + 1) % 10**6:06d}"
        assert login_matches(gradebook, "uji", participant.username, wrong) is None
        again = issue_logins(gradebook, "uji", participants=[participant.username])[0]  # a lost card
        assert login_matches(gradebook, "uji", participant.username, participant.pin) in (None, PARTICIPANT)
        assert login_matches(gradebook, "uji", participant.username, again.pin) == PARTICIPANT
        with gradebook.session() as session:
            assert session.scalar(select(func.count(HubLogin.id))) == 4  # 3 participants + 1 facilitator, no copies
    finally:
        gradebook.dispose()


def test_an_answer_postgresql_json_cannot_hold_is_rejected_and_the_rest_goes_on(
    pg_workspace: Workspace, roster_csv: Path
) -> None:
    """Python's json reads NaN and Infinity, PostgreSQL's json type refuses them: such a file must be rejected by
    name, not break the collect of the cohort."""
    from ikm_curriculum.workbooks.collect import collect
    from ikm_curriculum.workbooks.release import release_cohort

    create_cohort(pg_workspace, "uji", roster_csv)
    release_cohort(pg_workspace, "uji", module="quality", charts=False)
    good, odd, _ = sorted(p for p in pg_workspace.release_dir("uji").iterdir() if p.is_dir())
    write_answers(good, {"mutu.pareto_top_share": 55.0})
    path = odd / ANSWERS
    path.write_text(
        path.read_text("utf-8").replace(
            '"answers": {}',
            '"answers": {"mutu.pareto_top_share": {"value": NaN, "saved_at": "2026-11-27T10:00:00+08:00"}}',
        ),
        "utf-8",
    )
    assert "NaN" in path.read_text("utf-8")
    outcomes = {o.participant: o for o in collect(pg_workspace, "uji", pg_workspace.release_dir("uji"))}
    assert outcomes[good.name].status == "accepted"
    assert outcomes[odd.name].status == "rejected"
    assert "finite number" in outcomes[odd.name].reason


@pytest.mark.parametrize("saved_at", ["2026-11-27T10:00:00+08:00" + "x" * 20, "2026-11-27\u0000"])
def test_a_saved_at_postgresql_cannot_store_is_rejected_by_name(
    pg_workspace: Workspace, roster_csv: Path, saved_at: str
) -> None:
    """SQLite stores any text in a VARCHAR(40); PostgreSQL raises, which must not stop the cohort's collect."""
    from ikm_curriculum.workbooks.collect import collect
    from ikm_curriculum.workbooks.release import release_cohort

    create_cohort(pg_workspace, "uji", roster_csv)
    release_cohort(pg_workspace, "uji", module="quality", charts=False)
    first, odd, last = sorted(p for p in pg_workspace.release_dir("uji").iterdir() if p.is_dir())
    data = json.loads((odd / ANSWERS).read_text("utf-8"))
    data["answers"] = {"mutu.pareto_top_share": {"value": 55.0, "saved_at": saved_at}}
    (odd / ANSWERS).write_text(json.dumps(data), "utf-8")
    write_answers(last, {"mutu.pareto_top_share": 60.0})
    outcomes = {o.participant: o for o in collect(pg_workspace, "uji", pg_workspace.release_dir("uji"))}
    assert outcomes[odd.name].status == "rejected" and "saved_at" in outcomes[odd.name].reason
    assert outcomes[last.name].status == "accepted"


def test_an_old_gradebook_on_postgresql_is_upgraded(pg_workspace: Workspace, roster_csv: Path) -> None:
    """Schema 3 had no hub_logins table; opening it adds the table inside one transaction and keeps every row."""
    create_cohort(pg_workspace, "lama", roster_csv)
    gradebook = pg_workspace.gradebook()
    with gradebook.transaction() as session:
        session.execute(text("DROP TABLE hub_logins"))
        session.get(Meta, "schema_version").value = "3"
    gradebook.dispose()
    upgraded = open_workspace(pg_workspace.root).gradebook()
    with upgraded.session() as session:
        assert session.get(Meta, "schema_version").value == str(SCHEMA_VERSION)
        assert session.execute(text("SELECT count(*) FROM hub_logins")).scalar() == 0
        assert session.execute(text("SELECT count(*) FROM participants")).scalar() == 3
    upgraded.dispose()
