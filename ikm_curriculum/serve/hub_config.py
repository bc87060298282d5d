"""JupyterHub's configuration for one cohort, made from the workspace.

``ikm serve`` writes ``cohorts/<cohort>/serve/hub/jupyterhub_config.py``, a file of two lines that calls
:func:`configure_hub`; JupyterHub reads it (``jupyterhub -f <file>``). Another JupyterHub (a shared server, see
``docs/deploy.md``) can call :func:`configure_hub` from its own configuration the same way.

Folders, under ``cohorts/<cohort>/serve/``::

    hub/       the hub's own files: its database, cookie secret, this config (owner only, 0700)
    jupyter/   <ui>/jupyter_server_config.json: the participants' servers' Jupyter configuration (readable)
    homes/     <user>/: each server's HOME (Jupyter's runtime files; not the release folder)
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ikm_curriculum.cohort.workspace import Workspace, open_workspace
from ikm_curriculum.errors import WorkspaceError
from ikm_curriculum.resources import resource_path
from ikm_curriculum.serve.address import DEFAULT_PORT
from ikm_curriculum.serve.labels import login_labels
from ikm_curriculum.serve.landing import INDEX_FILE, LANG_ENV, workbook_index
from ikm_curriculum.serve.participant_server import WIDGET_MESSAGES

UIS: dict[str, str] = {"voila": "/ikm", "lab": "/lab"}
"""What a participant sees after login: the list of their workbooks, each opening as a Voilà app (no code), or
JupyterLab (:mod:`ikm_curriculum.serve.landing` is the list)."""
VOILA_TEMPLATE = "ikm"
"""Voilà's "lab" page without its CDN stylesheets (``templates/jupyter/voila/templates/ikm``)."""
IDLE_CULLER_SCOPES = ["list:users", "read:users:activity", "read:servers", "delete:servers"]
"""What jupyterhub-idle-culler needs (its README, "Permissions")."""
SERVE_TOKEN_ENV = "IKM_SERVE_TOKEN"
"""An API token ``ikm serve`` makes for itself at each start (never written to disk) to start participants' servers
before they log in (:func:`ikm_curriculum.serve.run.start_servers`)."""
SERVE_SCOPES = ["admin:users", "servers", "read:servers"]
"""What that needs: make the hub's users, start their servers, see when they are ready (JupyterHub's scopes)."""


FORKSERVER_ENVIRONMENT = {"HOME": os.path.expanduser("~"), "PYTHONWARNINGS": "ignore::DeprecationWarning"}
"""The fork server's (:mod:`ikm_curriculum.serve.forkserver`): a hub service starts with little of the hub's own
environment, and matplotlib, imported there, keeps its font list under ``HOME``."""


@dataclass(frozen=True)
class ServeSettings:
    """How ``ikm serve`` runs the hub of one cohort (see ``ikm serve --help``)."""

    cohort: str
    ui: str = "voila"
    host: str = "0.0.0.0"
    port: int = DEFAULT_PORT
    hub_port: int = 8081
    proxy_api_port: int = 8001
    separate_users: bool = False
    cull_idle_minutes: int = 60
    lang: str = "id"
    prestart: bool = True

    def __post_init__(self) -> None:
        if self.ui not in UIS:
            raise WorkspaceError(f"ui: expected one of {', '.join(UIS)}, got {self.ui!r}")
        if self.ui == "lab" and not self.separate_users:
            raise WorkspaceError(
                "ui 'lab' lets participants run code, so each must run as their own operating-system user: "
                "add --create-users (as root), or serve with the default ui 'voila'"
            )
        for name in ("port", "hub_port", "proxy_api_port"):
            value = getattr(self, name)
            if not 0 < value < 65536:
                raise WorkspaceError(f"{name}: expected a TCP port 1–65535, got {value}")
        if self.cull_idle_minutes < 0:
            raise WorkspaceError(f"cull_idle_minutes: expected 0 (never) or more, got {self.cull_idle_minutes}")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ServeFolders:
    """Where a cohort's hub keeps its files (module docstring)."""

    root: Path

    @property
    def hub(self) -> Path:
        return self.root / "hub"

    @property
    def jupyter(self) -> Path:
        return self.root / "jupyter"

    @property
    def homes(self) -> Path:
        return self.root / "homes"

    @property
    def config_file(self) -> Path:
        return self.hub / "jupyterhub_config.py"


def serve_folders(workspace: Workspace, cohort: str) -> ServeFolders:
    return ServeFolders(workspace.cohort_dir(cohort) / "serve")


def participant_server_config(ui: str) -> dict[str, Any]:
    """The Jupyter configuration of a participant's server in ``ui`` (terminals off in both; Voilà only in voila).

    Kernels idle for an hour are shut down (jupyter_server's ``cull_idle_timeout``); the hub's culler stops whole
    servers (:func:`configure_hub`).
    """
    kernels: dict[str, Any] = {"cull_idle_timeout": 3600, "cull_interval": 300}
    server: dict[str, Any] = {"terminals_enabled": False, "jpserver_extensions": {"jupyter_server_terminals": False}}
    server["jpserver_extensions"].update({"voila": True, "ikm_curriculum.serve.landing": True})
    server["tornado_settings"] = {"mathjax_url": ""}  # the workbooks have no formulas; never fetch MathJax from a CDN
    if ui == "voila":
        server["jpserver_extensions"].update({"jupyterlab": False, "notebook": False, "jupyter_lsp": False})
        server["authorizer_class"] = "ikm_curriculum.serve.participant_server.VoilaOnlyAuthorizer"
        kernels["allowed_message_types"] = list(WIDGET_MESSAGES)
    # JupyterLab asks on first start whether to fetch news and checks for updates online: never, in the room
    lab = {"news_url": None, "check_for_updates_class": "jupyterlab.handlers.announcements.NeverCheckForUpdate"}
    voila = {"show_tracebacks": False, "template": VOILA_TEMPLATE}
    # Kernels talk over Unix sockets in the server's runtime folder, not TCP ports: with 20 servers starting
    # kernels at once, ports picked free by one server were taken by another's kernel ("Address already in use",
    # seen in benchmarks/serve_load.py), and the workbook never opened.
    kernel = {"transport": "ipc"}
    return {
        "ServerApp": server,
        "MappingKernelManager": kernels,
        "KernelManager": kernel,
        "VoilaConfiguration": voila,
        "LabApp": lab,
    }


def write_hub_config(workspace: Workspace, settings: ServeSettings) -> ServeFolders:
    """Write ``jupyterhub_config.py`` for ``settings`` (and make the serve folders); returns the folders."""
    folders = serve_folders(workspace, settings.cohort)
    folders.root.mkdir(parents=True, exist_ok=True)
    folders.hub.mkdir(exist_ok=True, mode=0o700)
    folders.hub.chmod(0o700)
    options = ", ".join(f"{key}={value!r}" for key, value in settings.to_dict().items() if key != "cohort")
    folders.config_file.write_text(
        "# Written by `ikm serve`; run it again to change this file. JupyterHub reads it: jupyterhub -f <this file>\n"
        "from ikm_curriculum.serve.hub_config import ServeSettings, configure_hub\n\n"
        f"configure_hub(c, {str(workspace.root)!r}, ServeSettings({settings.cohort!r}, {options}))\n",
        encoding="utf-8",
    )
    return folders


def _write_participant_configs(folders: ServeFolders) -> None:
    """Per UI, the participants' servers' Jupyter configuration and the workbook list's :data:`INDEX_FILE`."""
    index = json.dumps(workbook_index(), ensure_ascii=False, indent=1)
    for ui in UIS:
        folder = folders.jupyter / ui
        folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps(participant_server_config(ui), indent=2)
        (folder / "jupyter_server_config.json").write_text(text + "\n", encoding="utf-8")
        (folder / INDEX_FILE).write_text(index + "\n", encoding="utf-8")
        # jupyter_core migrates IPython 3 files once a ~/.ipython exists (after a participant's first kernel) and
        # then writes this marker in JUPYTER_CONFIG_DIR, which a participant running as their own user may not
        # write: the server stopped with PermissionError at its second start. With the marker there, it skips.
        (folder / "migrated").write_text("ikm serve: nothing to migrate\n", encoding="utf-8")
    labconfig = folders.jupyter / "lab" / "labconfig"
    labconfig.mkdir(exist_ok=True)
    # JupyterLab's first-start question "get notified about official Jupyter news?": not for participants
    disabled = {"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}}
    (labconfig / "page_config.json").write_text(json.dumps(disabled, indent=2) + "\n", encoding="utf-8")
    folders.homes.mkdir(exist_ok=True)


def configure_hub(c: Any, workspace_root: str, settings: ServeSettings) -> None:
    """Fill JupyterHub's config object ``c`` for serving ``settings.cohort`` of the workspace at ``workspace_root``.

    The PIN login (:class:`~ikm_curriculum.serve.authenticator.PinAuthenticator`), one server per participant in
    their release folder (:class:`~ikm_curriculum.serve.spawner.CohortSpawner`), the participant's UI, the login
    page in the workspace's language, and jupyterhub-idle-culler as a hub service when ``cull_idle_minutes`` > 0.
    """
    workspace = open_workspace(workspace_root)
    gradebook = workspace.gradebook()
    try:
        with gradebook.session() as session:  # the cohort must exist: a clear error, not a hub that 500s
            gradebook.cohort(session, settings.cohort)
    finally:
        gradebook.dispose()
    folders = serve_folders(workspace, settings.cohort)
    _write_participant_configs(folders)

    c.JupyterHub.bind_url = f"http://{settings.host}:{settings.port}"
    c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{settings.hub_port}"
    c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{settings.proxy_api_port}"
    c.JupyterHub.db_url = f"sqlite:///{folders.hub / 'jupyterhub.sqlite'}"
    c.JupyterHub.cookie_secret_file = str(folders.hub / "jupyterhub_cookie_secret")
    c.JupyterHub.pid_file = str(folders.hub / "jupyterhub.pid")
    c.JupyterHub.cleanup_servers = True
    c.JupyterHub.admin_access = True  # facilitators may open a participant's server to help
    c.JupyterHub.template_paths = [str(resource_path("templates", "hub"))]
    c.JupyterHub.template_vars = {"ikm": login_labels(settings.lang)}

    c.JupyterHub.authenticator_class = "ikm_curriculum.serve.authenticator.PinAuthenticator"
    c.PinAuthenticator.database_url = workspace.database_url
    c.PinAuthenticator.cohort = settings.cohort
    c.PinAuthenticator.lang = settings.lang

    c.JupyterHub.spawner_class = "ikm_curriculum.serve.spawner.CohortSpawner"
    c.CohortSpawner.release_dir = str(workspace.release_dir(settings.cohort))
    c.CohortSpawner.homes_dir = str(folders.homes)
    c.CohortSpawner.participant_config_dir = str(folders.jupyter / settings.ui)
    c.CohortSpawner.separate_users = settings.separate_users
    c.CohortSpawner.environment = {"JUPYTER_PATH": str(resource_path("templates", "jupyter")), LANG_ENV: settings.lang}
    fork_socket = ""
    if not settings.separate_users:  # every server runs as the hub's user: fork them and their kernels
        fork_socket = str(Path(tempfile.mkdtemp(prefix="ikm-fork-")) / "socket")  # a short path, in a 0700 folder
        c.CohortSpawner.fork_socket = fork_socket
    c.Spawner.default_url = UIS[settings.ui]
    c.Spawner.disable_user_config = True  # participants' own ~/.jupyter files are not read
    c.Spawner.start_timeout = 120
    c.Spawner.http_timeout = 90  # 20 people starting at once on 2 cores

    services: list[dict[str, Any]] = []
    roles: list[dict[str, Any]] = []
    token = os.environ.get(SERVE_TOKEN_ENV)
    if token:
        services.append({"name": "ikm-serve", "api_token": token})
        roles.append({"name": "ikm-serve", "scopes": SERVE_SCOPES, "services": ["ikm-serve"]})
    if fork_socket:
        command = [sys.executable, "-m", "ikm_curriculum.serve.forkserver", fork_socket]
        services.append({"name": "ikm-forkserver", "command": command, "environment": FORKSERVER_ENVIRONMENT})
    if settings.cull_idle_minutes:
        services.append(
            {
                "name": "idle-culler",
                "command": [
                    sys.executable,
                    "-m",
                    "jupyterhub_idle_culler",
                    f"--timeout={settings.cull_idle_minutes * 60}",
                    "--cull-every=120",
                ],
            }
        )
        roles.append({"name": "idle-culler", "scopes": IDLE_CULLER_SCOPES, "services": ["idle-culler"]})
    if services:
        c.JupyterHub.services = services
        c.JupyterHub.load_roles = roles
