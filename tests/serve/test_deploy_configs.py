"""The shared-server and Kubernetes configurations of deploy/, loaded the way their hubs load them, on a real workspace.

- deploy/tljh/ikm_cohort.py is loaded as The Littlest JupyterHub loads a ``jupyterhub_config.d`` file: a fresh
  ``PyFileConfigLoader`` whose config is merged over TLJH's own (``load_subconfig``, traitlets).
- deploy/kubernetes/values.yaml is parsed with PyYAML; its ``hub.extraConfig`` is run with ``exec`` on a ``c``
  holding what the chart's ``jupyterhub_config.py`` sets from these values (:func:`chart_config`, a model of the
  lines of zero-to-jupyterhub-k8s ``jupyterhub/files/hub/jupyterhub_config.py`` this deployment depends on), and a
  real KubeSpawner (jupyterhub-kubespawner) builds a participant's pod manifest from the result. No cluster is
  contacted: the pod is only built, never created.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import re
import stat
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Iterator

import pytest
import yaml
from tornado import web
from traitlets.config import Config, PyFileConfigLoader

from ikm_curriculum.cohort.cohorts import create_cohort
from ikm_curriculum.cohort.workspace import Workspace, init_workspace
from ikm_curriculum.errors import WorkspaceError
from ikm_curriculum.serve.authenticator import PinAuthenticator
from ikm_curriculum.serve.hub_config import serve_folders
from ikm_curriculum.serve.landing import LANG_ENV
from ikm_curriculum.serve.shared_server import (
    KUBE_CONFIG_DIR,
    TLJH_USER_PYTHON,
    SharedServerSpawner,
    configure_tljh,
)
from ikm_curriculum.serve.spawner import CohortSpawner

REPO = Path(__file__).resolve().parents[2]
TLJH_SNIPPET = REPO / "deploy" / "tljh" / "ikm_cohort.py"
VALUES = REPO / "deploy" / "kubernetes" / "values.yaml"
DOCKERFILE = REPO / "deploy" / "kubernetes" / "Dockerfile"
FACILITATOR = REPO / "deploy" / "kubernetes" / "facilitator.yaml"
DEPLOY_DOC = REPO / "docs" / "deploy.md"
KUBE_COHORT = "kendari-2026-11"  # the cohort deploy/kubernetes/values.yaml names

needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="TLJH's hub runs as root; configure_tljh refuses otherwise")


def run_coroutine(function, *args):  # type: ignore[no-untyped-def]
    """``asyncio.run(function(*args))`` in a thread of its own: the browser tests' Playwright keeps an event loop
    running in the main thread of the same pytest process, where ``asyncio.run`` is refused."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(lambda: asyncio.run(function(*args))).result()


def user(name: str, admin: bool = False) -> SimpleNamespace:
    """What a spawner reads of JupyterHub's User."""
    return SimpleNamespace(name=name, admin=admin, id=7, url=f"/user/{name}/", escaped_name=name)


def participant_codes(workspace: Workspace, cohort: str) -> list[str]:
    gradebook = workspace.gradebook()
    with gradebook.session() as session:
        codes = [p.code for p in gradebook.cohort(session, cohort).participants]
    gradebook.dispose()
    return codes


@pytest.fixture
def traversable_tmp(tmp_path: Path) -> Iterator[Path]:
    """tmp_path with its parents enterable by other users (o+x), as /srv is; modes restored afterwards.

    The shared server makes the workspace private and refuses one that participants' users cannot reach.
    """
    changed = []
    for parent in [tmp_path, *tmp_path.parents]:
        mode = parent.stat().st_mode
        if not mode & stat.S_IXOTH:
            parent.chmod(stat.S_IMODE(mode) | stat.S_IXOTH)
            changed.append((parent, stat.S_IMODE(mode)))
    yield tmp_path
    for parent, mode in changed:
        parent.chmod(mode)


# --- The Littlest JupyterHub -------------------------------------------------------------------------------------


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


# --- Kubernetes: Zero to JupyterHub ------------------------------------------------------------------------------


def values() -> dict[str, Any]:
    return yaml.safe_load(VALUES.read_text("utf-8"))


def chart_config(v: dict[str, Any]) -> Config:
    """The part of the chart's jupyterhub_config.py (zero-to-jupyterhub-k8s 4.x) that runs before extraConfig and
    that this deployment meets: spawner, hub addresses, hub database, culler, image, static storage, cmd."""
    c = Config()
    c.JupyterHub.spawner_class = "kubespawner.KubeSpawner"
    c.ConfigurableHTTPProxy.api_url = "http://proxy-api:8001"
    c.ConfigurableHTTPProxy.should_start = False
    c.JupyterHub.cleanup_servers = False
    c.JupyterHub.db_url = "sqlite:///jupyterhub.sqlite"  # hub.db.type sqlite-pvc (the chart's default)
    c.JupyterHub.hub_bind_url = "http://:8081"
    c.JupyterHub.hub_connect_url = "http://hub:8081"
    c.JupyterHub.cookie_secret = b"\x00" * 32
    single = v["singleuser"]
    c.KubeSpawner.image = f"{single['image']['name']}:{single['image']['tag']}"
    storage = single["storage"]
    if storage["type"] == "static":
        c.KubeSpawner.volumes = [{"name": "home", "persistentVolumeClaim": {"claimName": storage["static"]["pvcName"]}}]
        c.KubeSpawner.volume_mounts = [
            {"mountPath": storage["homeMountPath"], "name": "home", "subPath": storage["static"]["subPath"]}
        ]
    c.JupyterHub.services = []
    if v.get("cull", {}).get("enabled"):
        command = ["python3", "-m", "jupyterhub_idle_culler", f"--timeout={v['cull']['timeout']}"]
        c.JupyterHub.services.append({"name": "jupyterhub-idle-culler", "command": command})
    c.Spawner.cmd = single["cmd"]
    return c


def run_extra_config(v: dict[str, Any], c: Config) -> None:
    """Run hub.extraConfig as the chart does: each snippet, in key order, exec'd where ``c`` is the config."""
    for _key, code in sorted(v["hub"]["extraConfig"].items()):
        exec(compile(code, "hub.extraConfig", "exec"), {"c": c})


@pytest.fixture
def kube_workspace(tmp_path: Path, roster_csv: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    """The workspace volume as the hub pod sees it, with the gradebook at IKM_DATABASE_URL, and the hub pod's
    environment from hub.extraEnv (the workspace path and the gradebook URL replaced by this test's)."""
    env = values()["hub"]["extraEnv"]
    for name, value in env.items():
        if isinstance(value, str):
            monkeypatch.setenv(name, value)
    monkeypatch.setenv("IKM_DATABASE_URL", f"sqlite:///{tmp_path / 'postgres-stand-in.db'}")
    workspace, _ = init_workspace(tmp_path / "srv-ikm")
    monkeypatch.setenv("IKM_WORKSPACE", str(workspace.root))
    create_cohort(workspace, KUBE_COHORT, roster_csv)
    (workspace.release_dir(KUBE_COHORT) / participant_codes(workspace, KUBE_COHORT)[0]).mkdir()
    return workspace


@pytest.fixture
def kube(kube_workspace: Workspace) -> SimpleNamespace:
    """values.yaml, and the hub's config after the chart's own settings and our extraConfig."""
    v = values()
    c = chart_config(v)
    run_extra_config(v, c)
    return SimpleNamespace(workspace=kube_workspace, values=v, c=c)


def test_values_have_what_the_chart_and_our_extra_config_need() -> None:
    v = values()
    assert set(v) == {"hub", "singleuser", "cull"}
    hub, single = v["hub"], v["singleuser"]
    assert all(isinstance(code, str) and "configure_kubernetes" in code for code in hub["extraConfig"].values())
    secret = hub["extraEnv"]["IKM_DATABASE_URL"]["valueFrom"]["secretKeyRef"]
    assert set(secret) == {"name", "key"}  # the URL (with its password) comes from a Secret, not from this file
    assert {"IKM_WORKSPACE", "IKM_COHORT", "IKM_UI"} <= set(hub["extraEnv"])
    assert hub["extraEnv"]["IKM_UI"] in ("voila", "lab")
    claim = single["storage"]["static"]["pvcName"]
    hub_volume = next(vol["name"] for vol in hub["extraVolumes"] if vol["persistentVolumeClaim"]["claimName"] == claim)
    mount = next(m for m in hub["extraVolumeMounts"] if m["name"] == hub_volume)
    assert mount["mountPath"] == hub["extraEnv"]["IKM_WORKSPACE"]  # the hub sees the same volume, whole
    assert single["image"] == hub["image"]  # one image: the Voilà template at the same path on both sides
    assert single["storage"]["type"] == "static"
    cohort = hub["extraEnv"]["IKM_COHORT"]
    assert single["storage"]["static"]["subPath"] == f"cohorts/{cohort}/release/{{unescaped_username}}"
    assert single["networkPolicy"]["egressAllowRules"]["privateIPs"] is False
    assert v["cull"]["enabled"] is True and isinstance(v["cull"]["timeout"], int) and v["cull"]["timeout"] > 0


def test_facilitator_pod_sees_the_volume_and_gradebook_the_hub_sees() -> None:
    v = values()
    claim, pod = yaml.safe_load_all(FACILITATOR.read_text("utf-8"))
    assert claim["kind"] == "PersistentVolumeClaim" and claim["spec"]["accessModes"] == ["ReadWriteMany"]
    assert claim["metadata"]["name"] == v["singleuser"]["storage"]["static"]["pvcName"]
    assert pod["kind"] == "Pod"
    (container,) = pod["spec"]["containers"]
    assert container["image"] == f"{v['hub']['image']['name']}:{v['hub']['image']['tag']}"
    env = {e["name"]: e.get("value", e.get("valueFrom")) for e in container["env"]}
    assert env["IKM_DATABASE_URL"] == v["hub"]["extraEnv"]["IKM_DATABASE_URL"]["valueFrom"]  # the same Secret
    assert env["IKM_WORKSPACE"] == v["hub"]["extraEnv"]["IKM_WORKSPACE"]
    (volume,) = pod["spec"]["volumes"]
    (mount,) = container["volumeMounts"]
    assert volume["persistentVolumeClaim"]["claimName"] == claim["metadata"]["name"] and mount["name"] == volume["name"]
    assert mount["mountPath"] == env["IKM_WORKSPACE"]
    assert pod["spec"]["securityContext"]["runAsUser"] == 1000  # as the hub and participants' pods (chart default)


def test_chart_version_is_the_same_in_dockerfile_values_and_docs() -> None:
    (dockerfile_version,) = re.findall(r"^ARG Z2JH_VERSION=(\S+)$", DOCKERFILE.read_text("utf-8"), re.M)
    assert re.search(r"^FROM quay\.io/jupyterhub/k8s-hub:\$\{Z2JH_VERSION\}$", DOCKERFILE.read_text("utf-8"), re.M)
    assert re.findall(r"--version (\S+)", VALUES.read_text("utf-8")) == [dockerfile_version]
    assert set(re.findall(r"--version (\S+)", DEPLOY_DOC.read_text("utf-8"))) == {dockerfile_version}


def test_extra_config_keeps_the_chart_hub_and_names_our_login(kube: SimpleNamespace) -> None:
    c = kube.c
    assert c.JupyterHub.authenticator_class == "ikm_curriculum.serve.authenticator.PinAuthenticator"
    assert c.PinAuthenticator.database_url == os.environ["IKM_DATABASE_URL"]  # from hub.extraEnv, not ikm.toml
    assert c.PinAuthenticator.cohort == KUBE_COHORT
    assert c.JupyterHub.spawner_class == "kubespawner.KubeSpawner"
    # the chart's hub: addresses, database, pods kept over hub restarts, its culler (not a second one of ours)
    assert c.JupyterHub.hub_bind_url == "http://:8081" and c.ConfigurableHTTPProxy.api_url == "http://proxy-api:8001"
    assert c.JupyterHub.db_url == "sqlite:///jupyterhub.sqlite" and c.JupyterHub.cleanup_servers is False
    assert "bind_url" not in c.JupyterHub and "cookie_secret_file" not in c.JupyterHub
    assert [s["name"] for s in c.JupyterHub.services] == ["jupyterhub-idle-culler"]
    assert c.Spawner.default_url == "/ikm"
    config_file = kube.workspace.root / f"cohorts/{KUBE_COHORT}/serve/jupyter/voila/jupyter_server_config.json"
    assert config_file.is_file()  # on the volume, where the participant's pod mounts it read-only


def test_extra_config_refuses_values_whose_storage_names_another_cohort(kube_workspace: Workspace) -> None:
    v = values()
    v["singleuser"]["storage"]["static"]["subPath"] = "cohorts/lain/release/{unescaped_username}"
    with pytest.raises(WorkspaceError, match="singleuser.storage.*got subPath 'cohorts/lain/release"):
        run_extra_config(v, chart_config(v))
    v["singleuser"]["storage"]["type"] = "dynamic"
    with pytest.raises(WorkspaceError, match="singleuser.storage: expected type static"):
        run_extra_config(v, chart_config(v))


async def pod_for(c: Config, who: SimpleNamespace) -> Any:
    """The pod KubeSpawner would create for ``who``, after our pre_spawn_hook (nothing is sent to a cluster)."""
    from kubespawner import KubeSpawner

    spawner = KubeSpawner(_mock=True, config=c, user=who)
    try:
        spawner.run_pre_spawn_hook()
        return await spawner.get_pod_manifest()
    finally:
        await spawner.api.api_client.close()


@pytest.fixture
def kubeconfig(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A kubeconfig naming no reachable cluster: KubeSpawner reads one when made, and never connects here."""
    pytest.importorskip("kubespawner", reason="jupyterhub-kubespawner is not installed (test extras)")
    path = tmp_path / "kubeconfig"
    path.write_text(
        "apiVersion: v1\nkind: Config\ncurrent-context: none\n"
        "clusters: [{name: none, cluster: {server: 'https://127.0.0.1:9'}}]\n"
        "contexts: [{name: none, context: {cluster: none, user: none}}]\n"
        "users: [{name: none, user: {token: none}}]\n"
    )
    from kubernetes_asyncio.config import kube_config

    monkeypatch.setattr(kube_config, "KUBE_CONFIG_DEFAULT_LOCATION", str(path))  # read from $KUBECONFIG at import


def mounts_of(pod: Any) -> dict[str, tuple[str, bool]]:
    return {m.mount_path: (m.sub_path, bool(m.read_only)) for m in pod.spec.containers[0].volume_mounts}


def env_of(pod: Any) -> dict[str, str]:
    return {e.name: e.value for e in pod.spec.containers[0].env}


def test_a_participant_pod_mounts_only_their_folder_and_their_config(kube: SimpleNamespace, kubeconfig: None) -> None:
    v, c = kube.values, kube.c
    code = participant_codes(kube.workspace, KUBE_COHORT)[0]
    pod = run_coroutine(pod_for, c, user(code))
    workbooks = v["singleuser"]["storage"]["homeMountPath"]
    assert mounts_of(pod) == {
        workbooks: (f"cohorts/{KUBE_COHORT}/release/{code}", False),
        KUBE_CONFIG_DIR: (f"cohorts/{KUBE_COHORT}/serve/jupyter/voila", True),
    }
    env = env_of(pod)
    assert env["JUPYTER_CONFIG_DIR"] == KUBE_CONFIG_DIR and env[LANG_ENV] == "id"
    assert (Path(env["JUPYTER_PATH"]) / "voila" / "templates" / "ikm").is_dir()  # the offline Voilà template
    assert env["JUPYTERHUB_ROOT_DIR"] == workbooks and pod.spec.containers[0].working_dir == workbooks
    assert env["JUPYTERHUB_DEFAULT_URL"] == "/ikm"
    assert "IKM_DATABASE_URL" not in env  # the gradebook's URL stays in the hub pod
    assert pod.spec.containers[0].image == f"{v['singleuser']['image']['name']}:{v['singleuser']['image']['tag']}"


def test_a_facilitator_pod_sees_the_whole_release_folder_and_full_jupyter(
    kube: SimpleNamespace, kubeconfig: None
) -> None:
    v, c = kube.values, kube.c
    pod = run_coroutine(pod_for, c, user("fasilitator", admin=True))
    assert mounts_of(pod) == {v["singleuser"]["storage"]["homeMountPath"]: (f"cohorts/{KUBE_COHORT}/release", False)}
    assert "JUPYTER_CONFIG_DIR" not in env_of(pod)


def test_a_participant_with_nothing_released_gets_a_clear_refusal(kube: SimpleNamespace, kubeconfig: None) -> None:
    c = kube.c
    code = participant_codes(kube.workspace, KUBE_COHORT)[1]  # the fixture released a folder for the first only
    with pytest.raises(web.HTTPError) as refused:
        run_coroutine(pod_for, c, user(code))
    assert refused.value.status_code == 409 and code in refused.value.log_message


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
        release_cohort(workspace, cohort, module="quality")
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
