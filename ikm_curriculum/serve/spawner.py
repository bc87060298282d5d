"""Each participant's Jupyter server, started by the hub in the participant's own release folder.

A JupyterHub ``LocalProcessSpawner`` with three differences:

- the server's root folder is ``cohorts/<cohort>/release/<participant code>`` (a facilitator's: the cohort's
  ``release`` folder, so they can look over everyone's workbooks), so answers land in the workspace directly and
  ``ikm collect COHORT`` reads them there;
- with ``separate_users`` each participant's server runs as the operating-system user named by their code
  (``ikm serve --create-users`` makes them; a spawn hands the release folder to its user); otherwise every
  server runs as the hub's own user, which is safe only in Voilà mode, where participants run no code
  (:mod:`ikm_curriculum.serve.participant_server`);
- participants' servers read the Jupyter configuration that ``ikm serve`` wrote for the chosen UI
  (``JUPYTER_CONFIG_DIR``), and their ``HOME`` is a folder of their own beside the hub's files, not the release
  folder (Jupyter's own files stay out of the workbooks). Their runtime folder (``JUPYTER_RUNTIME_DIR``, where
  kernels' Unix sockets live) is a fresh private folder in the system's temporary folder: a socket's path may
  not exceed 107 bytes, which a runtime folder inside a workspace easily does;
- with a fork server (``fork_socket``; Voilà mode, every server running as the hub's user) a server and its
  kernels are forked from a process that has already imported them (:mod:`ikm_curriculum.serve.forkserver`).
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
import tempfile
from pathlib import Path

from jupyterhub.spawner import LocalProcessSpawner, set_user_setuid
from jupyterhub.utils import random_port
from tornado import web
from traitlets import Bool, Unicode, default

from ikm_curriculum.serve.forkserver import PROVISIONER, SOCKET_ENV, ForkServerUnavailable, fork
from ikm_curriculum.serve.landing import INDEX_ENV, INDEX_FILE
from ikm_curriculum.serve.os_users import give_folder_to

FACILITATOR_URL = "/lab"
"""Where a facilitator's server opens: JupyterLab on the cohort's release folder (every participant's workbooks)."""


SERVER_COMMAND = (sys.executable, "-m", "jupyterhub.singleuser")
"""A participant's server: the Python that has ikm-curriculum, and JupyterHub's single-user server."""


class CohortSpawner(LocalProcessSpawner):
    """Start a participant's server in their release folder (module docstring)."""

    release_dir = Unicode(config=True, help="the cohort's release folder (one subfolder per participant)")
    homes_dir = Unicode(config=True, help="folder of the servers' HOME folders, one per user")
    participant_config_dir = Unicode(config=True, help="JUPYTER_CONFIG_DIR of participants' servers")
    separate_users = Bool(False, config=True, help="run each participant's server as the OS user of that name")
    runtime_dir = Unicode("", help="this server's JUPYTER_RUNTIME_DIR, made at start, removed at stop")
    fork_socket = Unicode("", config=True, help="the fork server's socket; empty: servers start as processes")

    @default("cmd")
    def _cmd(self) -> list[str]:
        return list(SERVER_COMMAND)

    @property
    def is_participant(self) -> bool:
        return not self.user.admin

    @property
    def runs_as_own_user(self) -> bool:
        return self.separate_users and self.is_participant

    def folder(self) -> Path:
        release = Path(self.release_dir)
        return release / self.user.name if self.is_participant else release

    def home(self) -> Path:
        return Path(self.homes_dir) / self.user.name

    async def start(self) -> object:
        folder = self.folder()
        if not folder.is_dir():
            raise web.HTTPError(
                409, f"no workbooks released for {self.user.name} (no folder {folder}); a facilitator runs ikm release"
            )
        self.notebook_dir = str(folder)
        if not self.is_participant:
            self.default_url = FACILITATOR_URL
        home = self.home()
        home.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.runtime_dir = tempfile.mkdtemp(prefix="ikm-")  # 0700; short: kernels' sockets live here
        if self.runs_as_own_user:
            give_folder_to(self.user.name, folder)
            give_folder_to(self.user.name, home)
            give_folder_to(self.user.name, Path(self.runtime_dir))
        if self.forked:
            try:
                return await self.start_forked()
            except ForkServerUnavailable as error:
                self.log.warning("%s; starting %s's server as a new process", error, self.user.name)
        return await super().start()

    @property
    def forked(self) -> bool:
        """Whether the fork server starts this server: it runs as the hub's user, with the usual command."""
        return bool(self.fork_socket) and not self.runs_as_own_user and self.cmd == list(SERVER_COMMAND)

    async def start_forked(self) -> tuple[str, int]:
        """``LocalProcessSpawner.start``, with the process forked by the fork server instead of run."""
        if self.port == 0:
            self.port = random_port()
        env = self.get_env()
        env[SOCKET_ENV] = self.fork_socket
        env["JUPYTER_DEFAULT_PROVISIONER_NAME"] = PROVISIONER  # jupyter_client: this server's kernels are forked too
        argv = list(self.get_args())
        pid = await asyncio.to_thread(fork, self.fork_socket, "server", argv, env, self.notebook_dir)
        self.log.info("Forked %s's server: process %d", self.user.name, pid)
        self.proc = None  # not our child: JupyterHub then polls and stops it by process id
        self.pid = pid
        return (self.ip or "127.0.0.1", self.port)

    async def stop(self, now: bool = False) -> None:
        await super().stop(now=now)
        if self.runtime_dir:
            shutil.rmtree(self.runtime_dir, ignore_errors=True)
            self.runtime_dir = ""

    def get_args(self) -> list[str]:
        args = list(super().get_args())
        if not self.runs_as_own_user and os.geteuid() == 0:
            args.append("--ServerApp.allow_root=True")  # a hub started as root runs facilitators' servers as root
        return args

    def make_preexec_fn(self, name: str) -> object:
        """Become the participant's OS user (``separate_users``), then start in the server's folder."""
        become = set_user_setuid(name, chdir=False) if self.runs_as_own_user else None
        folder = self.notebook_dir

        def preexec() -> None:
            if become is not None:
                become()
            os.chdir(folder)  # kernels started without a notebook path work here too

        return preexec

    def user_env(self, env: dict[str, str]) -> dict[str, str]:
        if self.runs_as_own_user:
            env = super().user_env(env)
        env["USER"] = self.user.name
        env["HOME"] = str(self.home())
        env["PYTHONWARNINGS"] = "ignore::DeprecationWarning"  # keeps `ikm serve`'s terminal readable
        if self.runtime_dir:
            env["JUPYTER_RUNTIME_DIR"] = self.runtime_dir
        if self.is_participant:
            env["JUPYTER_CONFIG_DIR"] = self.participant_config_dir
            env[INDEX_ENV] = str(Path(self.participant_config_dir) / INDEX_FILE)
        return env
