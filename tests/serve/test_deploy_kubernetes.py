"""The Kubernetes configuration deploy/kubernetes/values.yaml, on a real workspace.

It is parsed with PyYAML; its ``hub.extraConfig`` is run with ``exec`` on a ``c`` holding what the chart's
``jupyterhub_config.py`` sets from these values (:func:`chart_config`, a model of the lines of zero-to-jupyterhub-k8s
``jupyterhub/files/hub/jupyterhub_config.py`` this deployment depends on), and a real KubeSpawner
(jupyterhub-kubespawner) builds a participant's pod manifest from the result. No cluster is contacted: the pod is
only built, never created.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import yaml
from deploy_helpers import (
    DEPLOY_DOC,
    DOCKERFILE,
    FACILITATOR,
    VALUES,
    participant_codes,
    run_coroutine,
    user,
)
from tornado import web
from traitlets.config import Config

from ikm_curriculum.cohort.cohorts import create_cohort
from ikm_curriculum.cohort.workspace import Workspace, init_workspace
from ikm_curriculum.errors import WorkspaceError
from ikm_curriculum.serve.landing import LANG_ENV
from ikm_curriculum.serve.shared_server import (
    KUBE_CONFIG_DIR,
)

KUBE_COHORT = "kendari-2026-11"  # the cohort deploy/kubernetes/values.yaml names


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
