"""JupyterLab mode: participants run code, each as their own Linux user, and cannot read what is not theirs.

Runs only as root on Linux (it creates users with ``useradd`` and removes them after) and only where another
user can run this Python (a Python under a private home, e.g. pyenv in a 0700 /root, cannot: the test then
skips and says so). The workspace lives in a folder of its own under /tmp, since pytest's tmp folders are
private to root.
"""

from __future__ import annotations

import json
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Iterator

import pytest
import requests
from hub_client import KernelChannel, login, open_server_page, xsrf_headers

from ikm_curriculum.cohort.cohorts import create_cohort
from ikm_curriculum.cohort.workspace import Workspace, init_workspace
from ikm_curriculum.serve.hub_config import SERVE_TOKEN_ENV, serve_folders
from ikm_curriculum.serve.os_users import create_os_users
from ikm_curriculum.serve.pins import issue_logins
from ikm_curriculum.serve.run import start_servers
from ikm_curriculum.workbooks.release import release_cohort

pytestmark = pytest.mark.slow

COHORT = "uji-lab"
# Fictional people (no real person is meant).
ROSTER = """\
nama,sentra,komoditas,kabupaten_kota
Rosmiati Bunga,Sentra Tenun Puuwatu,tenun,Kota Kendari
Muhammad Arsyad,Sentra Tenun Puuwatu,tenun,Kota Kendari
"""

PROBE = """
import json, os, pwd
found = {"user": pwd.getpwuid(os.getuid()).pw_name}
for name, path in PATHS.items():
    try:
        if os.path.isdir(path):
            os.listdir(path)
        else:
            open(path, "rb").read(1)
        found[name] = "read"
    except PermissionError:
        found[name] = "PermissionError"
open("probe.txt", "w").write("mine")
found["own folder"] = "written"
print(json.dumps(found))
"""


def _can_run_python_as(name: str) -> str:
    """'' if the user ``name`` can import this Python's ikm_curriculum and jupyterhub; else why not."""
    user = pwd.getpwnam(name)

    def become() -> None:
        os.setgid(user.pw_gid)
        os.setgroups([])
        os.setuid(user.pw_uid)

    try:
        result = subprocess.run(
            [sys.executable, "-c", "import ikm_curriculum, jupyterhub"],
            preexec_fn=become,
            capture_output=True,
            text=True,
            cwd="/",
        )
    except OSError as exc:  # the interpreter itself cannot be opened
        return str(exc)
    return "" if result.returncode == 0 else (result.stderr.strip().splitlines() or ["?"])[-1]


@pytest.fixture
def lab_cohort() -> Iterator[tuple[Workspace, dict[str, str]]]:
    """A 2-person cohort in a workspace other users can enter, its OS users created (and removed after)."""
    if sys.platform != "linux" or os.geteuid() != 0 or shutil.which("useradd") is None:
        pytest.skip("needs root on Linux with useradd, to run participants as users of their own")
    root = Path(tempfile.mkdtemp(prefix="ikm-lab-", dir="/tmp"))
    root.chmod(0o711)
    created: list[str] = []
    try:
        workspace, _ = init_workspace(root / "ws")
        roster = root / "peserta.csv"
        roster.write_text(ROSTER, encoding="utf-8")
        create_cohort(workspace, COHORT, roster)
        release_cohort(workspace, COHORT, module="pretest_hari1")
        gradebook = workspace.gradebook()
        pins = {login.username: login.pin for login in issue_logins(gradebook, COHORT)}
        gradebook.dispose()
        created = create_os_users(list(pins), serve_folders(workspace, COHORT).homes)  # as `ikm serve` would
        why = _can_run_python_as(next(iter(pins)))
        if why:
            pytest.skip(f"another user cannot run {sys.executable} on this machine ({why}); see docs/deploy.md")
        yield workspace, pins
    finally:
        for name in created:
            subprocess.run(["userdel", name], capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


def test_lab_participant_runs_code_as_their_own_user_and_cannot_read_the_gradebook(
    lab_cohort: tuple[Workspace, dict[str, str]], hub_server: Any
) -> None:
    workspace, pins = lab_cohort
    (a, a_pin), (b, _) = pins.items()
    hub = hub_server(workspace, COHORT, create_users=True, ui="lab", separate_users=True)
    session, _ = login(hub.url, a, a_pin)
    assert open_server_page(session, hub.url, a, "lab").status_code == 200
    user = f"{hub.url}/user/{a}"
    headers = xsrf_headers(session, a)
    assert session.post(f"{user}/api/terminals", headers=headers, timeout=30).status_code in (403, 404)
    response = session.post(f"{user}/api/kernels", json={}, headers=headers, timeout=60)
    assert response.status_code == 201, response.text[:300]  # lab mode: a participant may start a kernel
    release = workspace.release_dir(COHORT)
    paths = {
        "gradebook": str(workspace.root / "ikm.db"),
        "workspace config": str(workspace.root / "ikm.toml"),
        "other participant's folder": str(release / b),
        "other participant's answers": str(release / b / "pretest_hari1.answers.json"),
        "hub's files": str(workspace.cohort_dir(COHORT) / "serve" / "hub"),
    }
    channel = KernelChannel(session, hub.url, a, response.json()["id"])
    try:
        output = channel.run(PROBE.replace("PATHS", repr(paths)), seconds=60)
    finally:
        channel.close()
    last = output.strip().splitlines()[-1] if output.strip() else ""
    found = json.loads(last) if last.startswith("{") else {"output": output}
    assert found == {"user": a, **{name: "PermissionError" for name in paths}, "own folder": "written"}
    probe = release / a / "probe.txt"
    assert probe.read_text() == "mine" and probe.stat().st_uid == pwd.getpwnam(a).pw_uid

    # Stopped (by the culler, say) and started again: the kernel left a ~/.ipython in the participant's HOME, and
    # jupyter_core's one-time migration then wanted to write in the (root's) config folder; the server must start.
    token = {"Authorization": f"token {hub.plan.environment[SERVE_TOKEN_ENV]}"}
    assert requests.delete(f"{hub.url}/hub/api/users/{a}/server", headers=token, timeout=60).status_code in (202, 204)
    deadline = time.monotonic() + 60
    while requests.get(f"{hub.url}/hub/api/users/{a}", headers=token, timeout=30).json()["servers"]:
        assert time.monotonic() < deadline, "the server did not stop"
        time.sleep(1)
    assert a in start_servers(hub.plan, timeout=120)
