"""Kernels of a participant's server forked by the fork server (:mod:`ikm_curriculum.serve.forkserver`).

A jupyter_client kernel provisioner (its extension point for how kernels start; entry point
:data:`~ikm_curriculum.serve.forkserver.PROVISIONER` in ``pyproject.toml``). The spawner makes it the default of
participants' servers in Voilà mode (``JUPYTER_DEFAULT_PROVISIONER_NAME``) and tells them the fork server's socket
(:data:`~ikm_curriculum.serve.forkserver.SOCKET_ENV`). A kernel command other than this Python's
``-m ipykernel_launcher``, no socket, or no fork server answering there, starts the usual way.

A forked kernel stops when its server is gone (the fork server watches that) and, as for any kernel a server
started, when its parent, here the fork server, is gone (ipykernel's parent poller). JupyterHub starts a managed
service again when it exits, so a participant whose kernel stopped that way reloads the page (answers already
given are in their answer file); the case is not tested.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
from typing import Any

from jupyter_client.connect import KernelConnectionInfo
from jupyter_client.provisioning import LocalProvisioner

from ikm_curriculum.serve.forkserver import SOCKET_ENV, ForkedProcess, ForkServerUnavailable, fork


def forkable(cmd: list[str]) -> bool:
    """Whether ``cmd`` is ``<this Python> -m ipykernel_launcher ...``, which the fork server can run.

    >>> forkable([sys.executable, "-m", "ipykernel_launcher", "-f", "k.json"]), forkable(["R", "--vanilla"])
    (True, False)
    """
    if cmd[1:3] != ["-m", "ipykernel_launcher"]:
        return False
    program = shutil.which(cmd[0]) or cmd[0]
    return os.path.realpath(program) == os.path.realpath(sys.executable)


class ForkedKernelProvisioner(LocalProvisioner):  # type: ignore[misc]
    """jupyter_client's local provisioner, but the kernel process is forked by the fork server."""

    async def launch_kernel(self, cmd: list[str], **kwargs: Any) -> KernelConnectionInfo:
        socket_path = os.environ.get(SOCKET_ENV, "")
        if not socket_path or not forkable(cmd):
            return await super().launch_kernel(cmd, **kwargs)
        env = dict(kwargs.get("env") or os.environ)
        env["JPY_PARENT_PID"] = str(os.getpid())  # as jupyter_client's launch_kernel: the kernel has a server
        cwd = str(kwargs.get("cwd") or os.getcwd())
        try:
            pid = await asyncio.to_thread(fork, socket_path, "kernel", cmd[3:], env, cwd, os.getpid())
        except ForkServerUnavailable as error:
            self.log.warning("%s; starting the kernel as a new process", error)
            return await super().launch_kernel(cmd, **kwargs)
        self.process = ForkedProcess(pid)
        self.pid = self.pgid = pid  # the child leads its own process group (forkserver._run_child)
        self.cwd = cwd
        return self.connection_info
