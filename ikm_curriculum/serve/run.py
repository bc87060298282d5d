"""``ikm serve``: check what the hub needs, write its configuration, and run JupyterHub in the foreground."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass, field

from ikm_curriculum.cohort.workspace import Workspace
from ikm_curriculum.errors import WorkspaceError
from ikm_curriculum.serve.address import hub_url
from ikm_curriculum.serve.hub_config import ServeFolders, ServeSettings, serve_folders, write_hub_config
from ikm_curriculum.serve.os_users import create_os_users, give_folder_to, os_user_exists, private_workspace
from ikm_curriculum.serve.pins import hub_users

PROXY = "configurable-http-proxy"
HOW_TO_GET_PROXY = "install it with `npm install -g configurable-http-proxy` (Node.js; Debian: apt-get install npm)"


@dataclass(frozen=True)
class ServePlan:
    """What ``ikm serve`` is about to run, and what a facilitator should know first."""

    url: str
    command: list[str]
    folders: ServeFolders
    participants: int
    warnings: list[str] = field(default_factory=list)
    created_users: list[str] = field(default_factory=list)


def prepare_serve(workspace: Workspace, settings: ServeSettings, create_users: bool = False) -> ServePlan:
    """Check the proxy, the released folders and the logins; create OS users if asked; write the config."""
    if shutil.which(PROXY) is None:
        raise WorkspaceError(f"JupyterHub needs {PROXY}, which is not on PATH: {HOW_TO_GET_PROXY}")
    gradebook = workspace.gradebook()
    try:
        users = hub_users(gradebook, settings.cohort)
    finally:
        gradebook.dispose()
    release = workspace.release_dir(settings.cohort)
    warnings = []
    if not users.participants:
        warnings.append(f"no PINs issued for {settings.cohort}: nobody can log in; run `ikm cards {settings.cohort}`")
    missing = [code for code in users.participants if not (release / code).is_dir()]
    if missing:
        warnings.append(f"nothing released yet (`ikm release`) for {len(missing)} participant(s): {', '.join(missing)}")
    created: list[str] = []
    folders = serve_folders(workspace, settings.cohort)
    if settings.separate_users:
        if create_users:
            created = create_os_users(list(users.participants), folders.homes)
        absent = [code for code in users.participants if not os_user_exists(code)]
        if absent:
            raise WorkspaceError(f"no operating-system user for {', '.join(absent)}: add --create-users (as root)")
        protect_workspace(workspace, settings.cohort)
        for code in users.participants:  # each folder its participant's (0700) before anyone logs in
            if (release / code).is_dir():
                give_folder_to(code, release / code)
    write_hub_config(workspace, settings)
    command = [sys.executable, "-m", "jupyterhub", "-f", str(folders.config_file)]
    url = hub_url(settings.host, settings.port)
    return ServePlan(url, command, folders, len(users.participants), warnings, created)


def protect_workspace(workspace: Workspace, cohort: str) -> None:
    """The workspace as participants running as their own users must see it (:func:`private_workspace`): the way
    down to their folders and homes open, the Jupyter configuration readable, everything else the owner's."""
    folders = serve_folders(workspace, cohort)
    folders.homes.mkdir(parents=True, exist_ok=True)
    private_workspace(
        workspace.root,
        workspace.cohort_dir(cohort),
        workspace.release_dir(cohort),
        also_traversable=[folders.root, folders.homes],
        readable=[folders.jupyter],
    )


def run_hub(plan: ServePlan) -> int:
    """Run JupyterHub in the foreground until Ctrl-C; its exit code."""
    try:
        return subprocess.run(plan.command, cwd=plan.folders.hub).returncode
    except KeyboardInterrupt:
        return 0
