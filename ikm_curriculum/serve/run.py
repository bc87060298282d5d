"""``ikm serve``: check what the hub needs, write its configuration, and run JupyterHub in the foreground.

With ``prestart`` (the default) every participant's server is started as soon as the hub is up, before anyone
logs in, so that a login only opens a workbook. A server started as a new process (separate operating-system
users) costs about 4.7 s of CPU, 20 of them most of a minute of 2 cores; one forked by the fork server (Voilà
mode, :mod:`ikm_curriculum.serve.forkserver`) about 0.2 s (``benchmarks/serve_load.py``). Servers left idle
are still stopped by the culler after ``cull_idle_minutes``.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Any

from ikm_curriculum.cohort.workspace import Workspace
from ikm_curriculum.errors import WorkspaceError
from ikm_curriculum.serve.address import hub_url
from ikm_curriculum.serve.hub_config import (
    SERVE_TOKEN_ENV,
    ServeFolders,
    ServeSettings,
    serve_folders,
    write_hub_config,
)
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
    environment: dict[str, str] = field(default_factory=dict, repr=False)
    api_url: str = ""
    prestart: tuple[str, ...] = ()


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
    environment = {**os.environ, SERVE_TOKEN_ENV: secrets.token_hex(32)}
    ready = tuple(code for code in users.participants if code not in missing) if settings.prestart else ()
    api_url = f"http://127.0.0.1:{settings.hub_port}/hub/api"
    return ServePlan(url, command, folders, len(users.participants), warnings, created, environment, api_url, ready)


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


def _api(plan: ServePlan, method: str, path: str, body: Any = None) -> tuple[int, Any]:
    """One call to the hub's REST API with ``ikm serve``'s token; (status, decoded JSON or None)."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(f"{plan.api_url}{path}", data=data, method=method)
    request.add_header("Authorization", f"token {plan.environment[SERVE_TOKEN_ENV]}")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            text = response.read()
            return response.status, json.loads(text) if text else None
    except urllib.error.HTTPError as error:
        return error.code, None


def wait_for_api(plan: ServePlan, process: subprocess.Popen[bytes] | None = None, timeout: float = 60) -> None:
    """Until the hub answers on its API (a clear error if it stops or does not answer in ``timeout`` s)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise WorkspaceError(f"JupyterHub stopped (exit code {process.returncode}); its messages are above")
        try:
            if _api(plan, "GET", "/")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise WorkspaceError(f"JupyterHub did not answer at {plan.api_url} within {timeout:.0f} s")


def start_servers(plan: ServePlan, timeout: float = 300) -> list[str]:
    """Start the server of every participant in ``plan.prestart`` through the hub's API and wait until they are
    ready (or ``timeout`` s); returns those ready. A server that fails is left to start at its participant's login."""
    if not plan.prestart:
        return []
    _api(plan, "POST", "/users", {"usernames": list(plan.prestart)})  # 409 when they all exist already
    for name in plan.prestart:
        _api(plan, "POST", f"/users/{name}/server")  # 201 started, 202 starting, 400 already running
    ready: list[str] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready = []
        for name in plan.prestart:
            status, user = _api(plan, "GET", f"/users/{name}")
            server = (user or {}).get("servers", {}).get("") if status == 200 else None
            if server and server.get("ready"):
                ready.append(name)
        if len(ready) == len(plan.prestart):
            break
        time.sleep(2)
    return ready


def run_hub(plan: ServePlan, report: Any = print) -> int:
    """Run JupyterHub in the foreground until Ctrl-C; its exit code. ``report`` gets one line on the pre-start."""
    process = subprocess.Popen(plan.command, cwd=plan.folders.hub, env=plan.environment)
    try:
        if plan.prestart:
            wait_for_api(plan, process)
            started = time.monotonic()
            ready = start_servers(plan)
            report(
                f"{len(ready)} of {len(plan.prestart)} participants' servers ready "
                f"({time.monotonic() - started:.0f} s); participants can log in"
            )
        return process.wait()
    except KeyboardInterrupt:  # Ctrl-C: the hub stops its participants' servers and the proxy, then exits
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)  # also when the interrupt reached only this process
        process.wait()
        return 0
