"""One cohort on a hub that someone else runs: The Littlest JupyterHub (TLJH) or Zero to JupyterHub on Kubernetes.

:func:`~ikm_curriculum.serve.hub_config.configure_hub` makes a whole hub for ``ikm serve``. On a managed hub the
installer already owns the network addresses, the hub's own database, its cookie secret and the proxy, so
:func:`configure_cohort_on_managed_hub` adds our parts (PIN login, the participants' UI, the login page) and gives
those keys back as the installer set them (:data:`MANAGED_HUB_KEYS`). See ``docs/deploy.md``.

- TLJH (:func:`configure_tljh`, from a ``jupyterhub_config.d`` file): every participant's server runs as the
  operating-system user named by their participant code, made at their first spawn (:class:`SharedServerSpawner`;
  TLJH's hub runs as root), with the Python of TLJH's user environment.
- Zero to JupyterHub (:func:`configure_kubernetes`, from ``hub.extraConfig``): the chart's KubeSpawner; the
  workspace is one ReadWriteMany volume, mounted whole in the hub pod and, in each participant's pod, only that
  participant's release folder (``singleuser.storage`` static, ``subPath``) plus their Jupyter configuration
  read-only (:class:`KubePreSpawn`). Idle servers are stopped by the chart's culler (``cull``).
"""

from __future__ import annotations

import asyncio
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tornado import web

from ikm_curriculum.cohort.workspace import open_workspace
from ikm_curriculum.errors import WorkspaceError
from ikm_curriculum.resources import resource_path
from ikm_curriculum.serve.hub_config import ServeSettings, configure_hub
from ikm_curriculum.serve.landing import INDEX_ENV, INDEX_FILE, LANG_ENV
from ikm_curriculum.serve.os_users import create_os_users, os_user_exists
from ikm_curriculum.serve.run import protect_workspace
from ikm_curriculum.serve.spawner import CohortSpawner

MANAGED_HUB_KEYS: tuple[tuple[str, str], ...] = (
    ("JupyterHub", "bind_url"),
    ("JupyterHub", "hub_bind_url"),
    ("JupyterHub", "db_url"),
    ("JupyterHub", "cookie_secret_file"),
    ("JupyterHub", "pid_file"),
    ("JupyterHub", "cleanup_servers"),
    ("ConfigurableHTTPProxy", "api_url"),
)
"""Keys :func:`configure_hub` sets that a managed hub owns (TLJH: ``tljh/jupyterhub_config.py``; Zero to JupyterHub:
``jupyterhub/files/hub/jupyterhub_config.py``)."""
TLJH_USER_PYTHON = "/opt/tljh/user/bin/python"
"""The Python of TLJH's user environment (TLJH's ``USER_ENV_PREFIX`` is ``/opt/tljh/user``)."""
KUBE_VOLUME = "home"
"""The name Zero to JupyterHub gives the volume of ``singleuser.storage`` (type static)."""
KUBE_CONFIG_DIR = "/etc/ikm/jupyter"
"""Where a participant's pod sees its Jupyter configuration (read-only; ``JUPYTER_CONFIG_DIR``)."""


def configure_cohort_on_managed_hub(c: Any, workspace_root: str, settings: ServeSettings) -> None:
    """:func:`configure_hub`, then each key of :data:`MANAGED_HUB_KEYS` as it was before: restored if ``c`` had
    it (Zero to JupyterHub runs extraConfig on its own ``c``), removed if not (TLJH loads a
    ``jupyterhub_config.d`` file into a fresh ``c`` and merges it over its own)."""
    kept = {(section, key): c[section][key] for section, key in MANAGED_HUB_KEYS if key in c[section]}
    configure_hub(c, workspace_root, settings)
    for section, key in MANAGED_HUB_KEYS:
        if (section, key) in kept:
            c[section][key] = kept[(section, key)]
        else:
            c[section].pop(key, None)


class SharedServerSpawner(CohortSpawner):
    """:class:`CohortSpawner` that makes the participant's operating-system user at their first spawn.

    Needs a hub running as root (TLJH's does). A PIN issued while the hub runs needs no restart: the user is made
    when that participant first logs in.
    """

    async def start(self) -> object:
        if self.runs_as_own_user and not os_user_exists(self.user.name):
            await asyncio.to_thread(create_os_users, [self.user.name], Path(self.homes_dir))
        return await super().start()


def configure_tljh(
    c: Any, workspace_root: str, cohort: str, ui: str = "voila", lang: str | None = None, user_python: str | None = None
) -> None:
    """Serve ``cohort`` on The Littlest JupyterHub (call it from a file in ``/opt/tljh/config/jupyterhub_config.d``).

    Participants' servers run as their own operating-system users in both UIs (a shared server has other
    people's files on it), with ``user_python`` (default :data:`TLJH_USER_PYTHON`); the workspace is made private
    as ``ikm serve --create-users`` makes it (:func:`~ikm_curriculum.serve.os_users.private_workspace`). Idle
    servers are stopped by TLJH's own culler (``tljh-config set services.cull.timeout``).
    """
    if os.geteuid() != 0:
        raise WorkspaceError(
            "configure_tljh: the hub must run as root (TLJH's jupyterhub.service does) to start each participant's "
            "server as their own user"
        )
    workspace = open_workspace(workspace_root)
    settings = ServeSettings(cohort, ui=ui, separate_users=True, cull_idle_minutes=0, lang=lang or workspace.lang)
    configure_cohort_on_managed_hub(c, str(workspace.root), settings)
    c.JupyterHub.spawner_class = f"{__name__}.SharedServerSpawner"
    c.SharedServerSpawner.cmd = [user_python or TLJH_USER_PYTHON, "-m", "jupyterhub.singleuser"]
    protect_workspace(workspace, cohort)


@dataclass(frozen=True)
class KubePreSpawn:
    """KubeSpawner's ``pre_spawn_hook``: mount what this user may see of the workspace volume.

    A participant gets their own release folder at ``workbooks_dir`` and their Jupyter configuration read-only at
    :data:`KUBE_CONFIG_DIR`; a facilitator (hub admin) gets the cohort's whole release folder and full JupyterLab.
    ``release_dir`` is the release folder as the hub pod sees it (to refuse a participant with nothing released,
    as :class:`CohortSpawner` does); the subpaths are relative to the volume's root.

    >>> from types import SimpleNamespace
    >>> hook = KubePreSpawn("/srv/ikm/cohorts/c/release", "cohorts/c/release", "cohorts/c/serve/jupyter/voila",
    ...                     "/home/jovyan/workbooks")
    >>> facilitator = SimpleNamespace(user=SimpleNamespace(name="fasilitator", admin=True), volume_mounts=[],
    ...                               environment={"JUPYTER_CONFIG_DIR": "/etc/ikm/jupyter"})
    >>> hook(facilitator)
    >>> facilitator.volume_mounts, facilitator.environment
    ([{'name': 'home', 'mountPath': '/home/jovyan/workbooks', 'subPath': 'cohorts/c/release'}], {})
    """

    release_dir: str
    release_subpath: str
    config_subpath: str
    workbooks_dir: str
    volume: str = KUBE_VOLUME

    def __call__(self, spawner: Any) -> None:
        name, admin = spawner.user.name, bool(spawner.user.admin)
        if not admin and not (Path(self.release_dir) / name).is_dir():
            raise web.HTTPError(409, f"no workbooks released for {name}; a facilitator runs ikm release")
        mounts = spawner.volume_mounts
        mounts = list(mounts.values()) if isinstance(mounts, dict) else list(mounts)
        ours = (self.workbooks_dir, KUBE_CONFIG_DIR)
        kept = [m for m in mounts if not (m.get("name") == self.volume and m.get("mountPath") in ours)]
        subpath = self.release_subpath if admin else f"{self.release_subpath}/{name}"
        kept.append({"name": self.volume, "mountPath": self.workbooks_dir, "subPath": subpath})
        environment = {k: v for k, v in dict(spawner.environment).items() if k not in ("JUPYTER_CONFIG_DIR", INDEX_ENV)}
        if not admin:
            config = {"name": self.volume, "mountPath": KUBE_CONFIG_DIR, "subPath": self.config_subpath}
            kept.append({**config, "readOnly": True})
            environment["JUPYTER_CONFIG_DIR"] = KUBE_CONFIG_DIR
            environment[INDEX_ENV] = f"{KUBE_CONFIG_DIR}/{INDEX_FILE}"
        spawner.volume_mounts = kept
        spawner.environment = environment


def _chart_workbooks_dir(c: Any, release_subpath: str) -> str:
    """The mount path of ``singleuser.storage`` (static), checked against the cohort; a clear error otherwise."""
    expected = f"{release_subpath}/{{unescaped_username}}"
    wanted = (
        f"singleuser.storage: expected type static, static.pvcName the workspace volume and static.subPath {expected!r}"
    )
    volumes = c.KubeSpawner.get("volumes")
    mounts = c.KubeSpawner.get("volume_mounts")
    if not isinstance(volumes, list) or not isinstance(mounts, list):
        raise WorkspaceError(f"{wanted}; the chart set no volumes")
    if not any(v.get("name") == KUBE_VOLUME and "persistentVolumeClaim" in v for v in volumes):
        raise WorkspaceError(f"{wanted}; no persistent volume claim named {KUBE_VOLUME!r} (storage type not static?)")
    mount = next((m for m in mounts if m.get("name") == KUBE_VOLUME), None)
    if mount is None or str(mount.get("subPath", "")).rsplit("/", 1)[0] != release_subpath:
        got = None if mount is None else mount.get("subPath")
        raise WorkspaceError(f"{wanted}; got subPath {got!r}")
    return str(mount["mountPath"])


def configure_kubernetes(c: Any, workspace_root: str, cohort: str, ui: str = "voila", lang: str | None = None) -> None:
    """Serve ``cohort`` with Zero to JupyterHub (call it from ``hub.extraConfig``; ``workspace_root`` is where the
    hub pod mounts the workspace volume).

    Each participant's server is a pod of their own, so JupyterLab mode needs no OS users; the participant's
    pod mounts only their release folder (:class:`KubePreSpawn`). The hub and participants' servers must use the
    same image (``deploy/kubernetes/Dockerfile``): the Voilà template is found at the hub's path of the package.
    """
    workspace = open_workspace(workspace_root)
    settings = ServeSettings(cohort, ui=ui, separate_users=True, cull_idle_minutes=0, lang=lang or workspace.lang)
    configure_cohort_on_managed_hub(c, str(workspace.root), settings)
    release_subpath = f"cohorts/{cohort}/release"
    workbooks_dir = _chart_workbooks_dir(c, release_subpath)
    c.JupyterHub.spawner_class = "kubespawner.KubeSpawner"
    c.KubeSpawner.notebook_dir = workbooks_dir
    c.KubeSpawner.working_dir = workbooks_dir
    c.KubeSpawner.environment.update(
        {"JUPYTER_PATH": str(resource_path("templates", "jupyter")), LANG_ENV: settings.lang}
    )
    c.KubeSpawner.pre_spawn_hook = KubePreSpawn(
        release_dir=str(workspace.release_dir(cohort)),
        release_subpath=release_subpath,
        config_subpath=f"cohorts/{cohort}/serve/jupyter/{ui}",
        workbooks_dir=workbooks_dir,
    )
