"""The Littlest JupyterHub file deploy/tljh/ikm_cohort.py, loaded the way TLJH loads a ``jupyterhub_config.d``
file (a fresh ``PyFileConfigLoader`` whose config is merged over TLJH's own, traitlets' ``load_subconfig``) on a
real workspace, and a real hub (as root, with configurable-http-proxy in place of TLJH's traefik) loading it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from deploy_helpers import (
    REPO,
    TLJH_SNIPPET,
    participant_codes,
    run_coroutine,
    user,
)
from traitlets.config import Config, PyFileConfigLoader

from ikm_curriculum.cohort.cohorts import create_cohort
from ikm_curriculum.cohort.workspace import Workspace, init_workspace
from ikm_curriculum.errors import WorkspaceError
from ikm_curriculum.serve.authenticator import PinAuthenticator
from ikm_curriculum.serve.hub_config import serve_folders
from ikm_curriculum.serve.shared_server import (
    TLJH_USER_PYTHON,
    SharedServerSpawner,
    configure_tljh,
)
from ikm_curriculum.serve.spawner import CohortSpawner

needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="TLJH's hub runs as root; configure_tljh refuses otherwise")


def tljh_config() -> Config:
    """What TLJH's own jupyterhub_config.py (and tljh/configurer.py's defaults) set before the .d files load."""
    c = Config()
    c.JupyterHub.spawner_class = "tljh.user_creating_spawner.UserCreatingSpawner"
    c.JupyterHub.cleanup_servers = False
    c.JupyterHub.hub_port = 15001
    c.JupyterHub.proxy_class = "traefik_file"
    c.JupyterHub.authenticator_class = "firstuseauthenticator.FirstUseAuthenticator"
    c.Authenticator.allowed_users = set()
    c.Authenticator.admin_users = set()
    c.Spawner.default_url = "/lab"
    c.JupyterHub.services = [{"name": "cull-idle", "command": ["python3", "-m", "jupyterhub_idle_culler"]}]
    return c


def load_tljh_snippet(monkeypatch: pytest.MonkeyPatch, workspace_root: Path, cohort: str, ui: str = "voila") -> Config:
    monkeypatch.setenv("IKM_WORKSPACE", str(workspace_root))
    monkeypatch.setenv("IKM_COHORT", cohort)
    monkeypatch.setenv("IKM_UI", ui)
    c = tljh_config()
    c.merge(PyFileConfigLoader(TLJH_SNIPPET.name, path=str(TLJH_SNIPPET.parent)).load_config())  # load_subconfig
    return c


@needs_root
def test_tljh_snippet_puts_our_login_and_spawner_over_tljh_and_keeps_its_network(
    traversable_tmp: Path, roster_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace, _ = init_workspace(traversable_tmp / "srv-ikm")
    create_cohort(workspace, "uji", roster_csv)
    c = load_tljh_snippet(monkeypatch, workspace.root, "uji")

    assert c.JupyterHub.authenticator_class == "ikm_curriculum.serve.authenticator.PinAuthenticator"
    assert c.PinAuthenticator.database_url == f"sqlite:///{workspace.root / 'ikm.db'}"  # ikm.toml's default
    assert c.PinAuthenticator.cohort == "uji"
    assert PinAuthenticator(config=c).allow_all  # TLJH's empty allowed_users must not lock participants out
    assert c.JupyterHub.spawner_class == "ikm_curriculum.serve.shared_server.SharedServerSpawner"
    assert c.Spawner.default_url == "/ikm"  # Voilà, not TLJH's /lab
    # TLJH's own: the hub port its traefik routes to, its proxy, its culler; and no address or database of ours
    assert (c.JupyterHub.hub_port, c.JupyterHub.proxy_class, c.JupyterHub.cleanup_servers) == (
        15001,
        "traefik_file",
        False,
    )
    assert [s["name"] for s in c.JupyterHub.services] == ["cull-idle"]
    for key in ("bind_url", "hub_bind_url", "db_url", "cookie_secret_file", "pid_file"):
        assert key not in c.JupyterHub, key
    assert "api_url" not in c.ConfigurableHTTPProxy

    code = participant_codes(workspace, "uji")[0]
    spawner = SharedServerSpawner(config=c, user=user(code))
    assert isinstance(spawner, CohortSpawner) and spawner.separate_users and spawner.runs_as_own_user
    assert spawner.folder() == workspace.release_dir("uji") / code
    assert spawner.cmd == [TLJH_USER_PYTHON, "-m", "jupyterhub.singleuser"]
    assert spawner.participant_config_dir == str(serve_folders(workspace, "uji").jupyter / "voila")
    facilitator = SharedServerSpawner(config=c, user=user("fasilitator", admin=True))
    assert facilitator.folder() == workspace.release_dir("uji") and not facilitator.runs_as_own_user
    # the workspace made private as `ikm serve --create-users` makes it: gradebook (keys, PINs) the owner's alone
    assert stat.S_IMODE((workspace.root / "ikm.db").stat().st_mode) == 0o600
    assert stat.S_IMODE(workspace.release_dir("uji").stat().st_mode) == 0o711


@needs_root
def test_tljh_snippet_reads_the_gradebook_from_ikm_database_url(
    traversable_tmp: Path, roster_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{traversable_tmp / 'gradebook-elsewhere.db'}"
    monkeypatch.setenv("IKM_DATABASE_URL", url)
    workspace, _ = init_workspace(traversable_tmp / "srv-ikm")
    create_cohort(workspace, "uji", roster_csv)
    c = load_tljh_snippet(monkeypatch, workspace.root, "uji", ui="lab")
    assert c.PinAuthenticator.database_url == url
    assert c.Spawner.default_url == "/lab" and c.CohortSpawner.separate_users is True


@needs_root
def test_tljh_snippet_with_an_unknown_cohort_stops_the_hub_with_a_clear_error(
    traversable_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace, _ = init_workspace(traversable_tmp / "srv-ikm")
    with pytest.raises(WorkspaceError, match="no cohort 'belum-ada'"):
        load_tljh_snippet(monkeypatch, workspace.root, "belum-ada")


def test_tljh_refuses_a_hub_not_running_as_root(workspace: Workspace, cohort: str, monkeypatch) -> None:
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    with pytest.raises(WorkspaceError, match="must run as root"):
        configure_tljh(Config(), str(workspace.root), cohort)


def test_shared_server_spawner_makes_the_participant_user_once(monkeypatch, tmp_path: Path) -> None:
    import ikm_curriculum.serve.shared_server as shared

    made: list[tuple[list[str], Path]] = []
    existing: set[str] = {"ada-1234"}
    monkeypatch.setattr(shared, "os_user_exists", lambda name: name in existing)
    monkeypatch.setattr(shared, "create_os_users", lambda names, home: made.append((names, home)) or names)

    async def started(self: CohortSpawner) -> tuple[str, int]:
        return ("127.0.0.1", 1)

    monkeypatch.setattr(CohortSpawner, "start", started)
    c = Config()
    c.CohortSpawner.separate_users = True
    c.CohortSpawner.homes_dir = str(tmp_path / "homes")
    for name, admin in [("baru-5678", False), ("ada-1234", False), ("fasilitator", True)]:
        spawner = SharedServerSpawner(config=c, user=user(name, admin))
        assert run_coroutine(spawner.start) == ("127.0.0.1", 1)
    assert made == [(["baru-5678"], tmp_path / "homes")]  # neither the existing user nor the facilitator


# --- A real hub loading the TLJH file -----------------------------------------------------------------------------

TLJH_LIKE_MAIN = """\
# What TLJH's own jupyterhub_config.py does around the .d files, on free localhost ports: its hub and proxy
# settings first, then load_subconfig of each file in jupyterhub_config.d (here: ours).
c.JupyterHub.bind_url = "http://127.0.0.1:{port}"
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{api_port}"
c.JupyterHub.db_url = "sqlite:///{folder}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = "{folder}/jupyterhub_cookie_secret"
c.JupyterHub.cleanup_servers = True  # TLJH keeps servers over restarts; here the test's hub takes them with it
c.JupyterHub.authenticator_class = "dummy"
c.JupyterHub.spawner_class = "simple"
c.Authenticator.allowed_users = set()
load_subconfig({snippet!r})
# No TLJH user environment on this machine: participants' servers use this Python instead of /opt/tljh/user's.
c.SharedServerSpawner.cmd = [{python!r}, "-m", "jupyterhub.singleuser"]
"""


def _free_port() -> int:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _processes_of(uid: int) -> list[str]:
    """Command lines of the processes running as ``uid`` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid:
                    found.append((entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace"))
            except OSError:
                continue
    return found


@pytest.mark.slow
def test_a_hub_loading_the_tljh_file_makes_the_participant_user_at_login_and_serves_as_them(roster_csv: Path) -> None:
    import pwd
    import shutil
    import signal
    import subprocess
    import sys
    import tempfile
    import time

    import requests
    from hub_client import login, open_server_page

    from ikm_curriculum.serve.os_users import os_user_exists
    from ikm_curriculum.serve.pins import issue_logins
    from ikm_curriculum.workbooks.release import release_cohort

    if os.geteuid() != 0 or shutil.which("useradd") is None:
        pytest.skip("needs root with useradd (TLJH's hub runs as root and makes users)")
    if shutil.which("configurable-http-proxy") is None:
        pytest.skip("configurable-http-proxy is not installed (npm install -g configurable-http-proxy)")
    nobody = pwd.getpwnam("nobody")
    check = subprocess.run(
        [sys.executable, "-c", "import ikm_curriculum, jupyterhub"],
        user=nobody.pw_uid,
        group=nobody.pw_gid,
        extra_groups=[],
        capture_output=True,
        cwd="/",
    )
    if check.returncode != 0:
        pytest.skip(f"another user cannot run {sys.executable} here, so no participant's server could start")
    root = Path(tempfile.mkdtemp(prefix="ikm-tljh-", dir="/tmp"))  # pytest's tmp folders are private to root
    root.chmod(0o711)
    cohort, code, process = "uji-tljh", "", None
    try:
        workspace, _ = init_workspace(root / "srv-ikm")
        create_cohort(workspace, cohort, roster_csv)
        release_cohort(workspace, cohort, module="quality", charts=False)
        gradebook = workspace.gradebook()
        participant = issue_logins(gradebook, cohort)[0]
        gradebook.dispose()
        code = participant.username
        if os_user_exists(code):
            code = ""  # not ours to remove afterwards
            pytest.skip(f"an operating-system user {participant.username} exists already on this machine")
        hub_folder = root / "hub"
        hub_folder.mkdir()
        port = _free_port()
        main = TLJH_LIKE_MAIN.format(
            port=port,
            hub_port=_free_port(),
            api_port=_free_port(),
            folder=hub_folder,
            snippet=str(TLJH_SNIPPET),
            python=sys.executable,
        )
        (hub_folder / "jupyterhub_config.py").write_text(main, encoding="utf-8")
        env = {**os.environ, "IKM_WORKSPACE": str(workspace.root), "IKM_COHORT": cohort, "IKM_UI": "voila"}
        env["PYTHONPATH"] = os.pathsep.join([str(REPO), *filter(None, [os.environ.get("PYTHONPATH")])])  # this code
        log = hub_folder / "jupyterhub.log"
        with log.open("wb") as out:
            process = subprocess.Popen(
                [sys.executable, "-m", "jupyterhub", "-f", str(hub_folder / "jupyterhub_config.py")],
                cwd=hub_folder,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise AssertionError(f"the hub exited with {process.returncode}:\n{log.read_text()[-3000:]}")
            try:
                if requests.get(f"{base}/hub/api/", timeout=5).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            if time.monotonic() > deadline:
                raise AssertionError(f"the hub did not answer in 60 s:\n{log.read_text()[-3000:]}")
            time.sleep(0.5)

        assert not os_user_exists(code)
        session, _ = login(base, code, participant.pin)
        page = open_server_page(session, base, code, "ikm")
        assert page.status_code == 200, log.read_text()[-3000:]
        uid = pwd.getpwnam(code).pw_uid  # made by the spawner at this first login
        folder = workspace.release_dir(cohort) / code
        assert folder.stat().st_uid == uid and stat.S_IMODE(folder.stat().st_mode) == 0o700
        servers = [line for line in _processes_of(uid) if "jupyterhub.singleuser" in line]
        assert servers, f"no server runs as {code}"
        assert stat.S_IMODE((workspace.root / "ikm.db").stat().st_mode) == 0o600
    finally:
        if process is not None and process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
        if code and os_user_exists(code):
            leftover = pwd.getpwnam(code).pw_uid
            for entry in Path("/proc").iterdir():
                if entry.name.isdigit():
                    try:
                        if entry.stat().st_uid == leftover:
                            os.kill(int(entry.name), signal.SIGKILL)
                    except OSError:
                        continue
            subprocess.run(["userdel", code], capture_output=True)
        shutil.rmtree(root, ignore_errors=True)
