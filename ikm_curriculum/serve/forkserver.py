"""Participants' servers and kernels forked from one process that has already imported them (Voilà mode).

Why: a participant's Jupyter server imports jupyter_server, Voilà and JupyterHub's single-user code, and each
workbook's kernel imports ipykernel, ipywidgets, matplotlib and ikm-curriculum, before doing anything. For 20
participants on 2 cores that is most of the time to a usable workbook, and each process holds its own copy of
those modules (``benchmarks/serve_load.py``). A process made by ``fork()`` starts with its parent's memory
already loaded, and shares those pages with it until one of them writes to a page (copy-on-write, fork(2)).

How: ``ikm serve`` runs this module as a hub service (:func:`ikm_curriculum.serve.hub_config.configure_hub`)::

    python -m ikm_curriculum.serve.forkserver SOCKET

It imports :data:`PRELOAD`, draws one chart (matplotlib loads its fonts), moves every object to the garbage
collector's permanent generation (``gc.freeze()``, so later collections do not write to the shared pages), then
answers on a Unix socket in a folder only its user can enter. One request per connection, a JSON line
``{"run": "server" | "kernel", "argv": [...], "env": {...}, "cwd": "...", "watch": pid}``; the answer
``{"pid": N}`` or ``{"error": "..."}``. The forked child starts its own session (a process group, as JupyterHub's
``Popen(start_new_session=True)`` does), takes the given environment, folder and arguments, and runs
``python -m jupyterhub.singleuser`` or ``python -m ipykernel_launcher`` in-process. A kernel also stops when the
process ``watch`` (its server) is gone, as ipykernel's parent poller does for a kernel its server started.

Only servers running as the hub's own user are forked (Voilà mode, where participants run no code); with
separate operating-system users every server and kernel is started the usual way.
"""

from __future__ import annotations

import ctypes
import gc
import json
import os
import random
import signal
import socket
import struct
import sys
import threading
import time
import traceback
import warnings
from pathlib import Path
from typing import Any

PRELOAD = (
    "jupyterhub.singleuser",
    "jupyter_server.serverapp",
    "voila.server_extension",
    "ikm_curriculum.serve.landing",
    "ikm_curriculum.serve.participant_server",
    "ipykernel.kernelapp",
    "ipykernel.ipkernel",
    "ipywidgets",
    "matplotlib.backends.backend_agg",
    "ikm_curriculum.widgets",
)
"""What the fork server imports once for all: a participant's server and the modules every workbook imports."""
SOCKET_ENV = "IKM_FORK_SOCKET"
"""Where a participant's server finds the fork server's socket (set by the spawner)."""
PROVISIONER = "ikm-forked-provisioner"
"""The kernel provisioner's entry-point name (``pyproject.toml``); jupyter_client's default when the spawner sets
``JUPYTER_DEFAULT_PROVISIONER_NAME``."""
RUNS = {"server": "jupyterhub.singleuser", "kernel": "ipykernel_launcher"}
"""What a request may run: the module ``python -m`` would run."""
CONNECT_TIMEOUT_S = 60.0
REQUEST_TIMEOUT_S = 10.0
STOP_SIGNALS = {signal.SIGTERM, signal.SIGINT}


# --- the fork server --------------------------------------------------------------------------------------------


def preload() -> None:
    """Import :data:`PRELOAD` and warm matplotlib (its font list), then freeze every object in place."""
    import importlib

    for name in PRELOAD:
        importlib.import_module(name)
    from ikm_curriculum.widgets.charts import new_figure, png_bytes

    png_bytes(new_figure(1, 1))
    gc.collect()
    gc.freeze()


def serve(socket_path: str) -> None:
    """Preload, then fork a child for every request on ``socket_path`` until SIGTERM (which stops the children)."""
    children: set[int] = set()

    def stop(signum: int, frame: Any) -> None:
        for pid in children:
            for kill in (os.killpg, os.kill):  # its group; or itself, if it has not made its group yet
                try:
                    kill(pid, signal.SIGTERM)
                    break
                except OSError:
                    continue
        Path(socket_path).unlink(missing_ok=True)
        try:
            Path(socket_path).parent.rmdir()  # the private folder made for it (hub_config), if now empty
        except OSError:
            pass
        os._exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    if sys.path and sys.path[0] in ("", os.getcwd()):
        del sys.path[0]  # children import installed packages, never from the folder the hub was started in
    preload()
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the system: no zombies
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    Path(socket_path).unlink(missing_ok=True)
    listener.bind(socket_path)
    os.chmod(socket_path, 0o600)
    listener.listen(64)
    print(f"ikm fork server: ready on {socket_path}", file=sys.stderr, flush=True)
    while True:
        connection, _ = listener.accept()
        with connection:
            connection.settimeout(REQUEST_TIMEOUT_S)  # a client that never finishes its line must not stall it
            try:
                request = _read_request(connection)
            except TimeoutError:
                _answer(connection, {"error": f"request: no complete line within {REQUEST_TIMEOUT_S:.0f} s"})
                continue
            except (ValueError, OSError) as error:
                _answer(connection, {"error": str(error)})
                continue
            signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)  # none lost or handled as ours in the child
            pid = os.fork()
            if pid == 0:
                listener.close()
                connection.close()
                _run_child(request)  # never returns
            children.difference_update({child for child in children if not _alive(child)})
            children.add(pid)
            signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
            _answer(connection, {"pid": pid})


def _answer(connection: socket.socket, answer: dict[str, Any]) -> None:
    try:
        connection.sendall(json.dumps(answer).encode() + b"\n")
    except OSError:
        pass  # the client is gone; the fork server goes on


def _read_request(connection: socket.socket) -> dict[str, Any]:
    """One request, from a process of the fork server's own user only (the socket's folder is theirs alone)."""
    uid = struct.unpack("3i", connection.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, 12))[2]
    if uid != os.getuid():
        raise ValueError(f"request from user id {uid}; only {os.getuid()} may ask")
    data = b""
    while not data.endswith(b"\n"):
        chunk = connection.recv(65536)
        if not chunk:
            break
        data += chunk
    try:
        request = json.loads(data)
    except json.JSONDecodeError as error:
        raise ValueError(f"request: expected one JSON line, got {data[:80]!r} ({error})") from None
    if not isinstance(request, dict) or request.get("run") not in RUNS:
        raise ValueError(f"request 'run': expected one of {', '.join(RUNS)}")
    for key, kind in (("argv", list), ("env", dict), ("cwd", str)):
        if not isinstance(request.get(key), kind):
            raise ValueError(f"request {key!r}: expected a {kind.__name__}")
    return request


def _run_child(request: dict[str, Any]) -> None:
    """In the forked child: become the requested process, run it, and exit with its status."""
    code = 1
    try:
        for signum in (signal.SIGCHLD, signal.SIGTERM):
            signal.signal(signum, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)  # one sent meanwhile now acts as for any process
        os.setsid()
        _name_process(f"ikm-{request['run']}")
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update({str(k): str(v) for k, v in request["env"].items()})
        # PYTHONWARNINGS, as the interpreter reads it at start (CPython Lib/warnings.py), ahead of the filters that
        # imports here added (Voilà shows traitlets' DeprecationWarnings): the spawner quiets them in the log
        warnings._processoptions([o for o in os.environ.get("PYTHONWARNINGS", "").split(",") if o])
        random.seed()  # not the fork server's (or a sibling's) sequence
        if "numpy" in sys.modules:
            sys.modules["numpy"].random.seed()
        module = RUNS[request["run"]]
        sys.argv = [module, *map(str, request["argv"])]
        if request.get("watch"):
            _stop_when_gone(int(request["watch"]))
        if request["run"] == "server":
            from jupyterhub.singleuser import main

            main()
        else:
            _run_kernel()
        code = 0
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
    except BaseException:
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def _run_kernel() -> None:
    """ipykernel's ``launch_new_instance``, and then what importing ipywidgets in a running kernel does (register
    the widgets' comm targets, ``ipywidgets._handle_ipython``): here it was imported before any kernel existed."""
    import ipywidgets
    from ipykernel.kernelapp import IPKernelApp

    app = IPKernelApp.instance()
    app.initialize()
    ipywidgets.load_ipython_extension(app.shell)
    app.start()


def _name_process(name: str) -> None:
    """Show the child as ``name`` in ``ps`` and ``top`` (Linux ``prctl(PR_SET_NAME)``; elsewhere nothing)."""
    try:
        libc = ctypes.CDLL(None)
        libc.prctl(15, name.encode()[:15], 0, 0, 0)  # 15: PR_SET_NAME, linux/prctl.h
    except (OSError, AttributeError):
        pass


def _stop_when_gone(pid: int, every_s: float = 2.0) -> None:
    """Exit this process once ``pid`` is gone (a kernel whose server stopped)."""

    def watch() -> None:
        while _alive(pid):
            time.sleep(every_s)
        os._exit(0)

    threading.Thread(target=watch, name="ikm-watch-server", daemon=True).start()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


# --- asking it --------------------------------------------------------------------------------------------------


class ForkServerUnavailable(OSError):
    """The fork server did not answer (not started yet, or stopped)."""


def fork(socket_path: str, run: str, argv: list[str], env: dict[str, str], cwd: str, watch: int = 0,
         timeout_s: float = CONNECT_TIMEOUT_S) -> int:  # fmt: skip
    """Ask the fork server at ``socket_path`` to start ``run`` (:data:`RUNS`); returns the new process's id.

    Waits up to ``timeout_s`` for the fork server to listen (it imports for a few seconds after the hub starts).
    """
    deadline = time.monotonic() + timeout_s
    while True:
        client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            client.connect(socket_path)
            break
        except (FileNotFoundError, ConnectionRefusedError) as error:
            client.close()
            if time.monotonic() > deadline:
                raise ForkServerUnavailable(f"no fork server at {socket_path} after {timeout_s:.0f} s") from error
            time.sleep(0.2)
    with client:
        request = {"run": run, "argv": argv, "env": env, "cwd": cwd, "watch": watch}
        client.sendall(json.dumps(request).encode() + b"\n")
        answer = json.loads(client.makefile("rb").readline() or b"{}")
    if "pid" not in answer:
        raise ForkServerUnavailable(f"fork server at {socket_path}: {answer.get('error', 'no answer')}")
    return int(answer["pid"])


class ForkedProcess:
    """What jupyter_client and JupyterHub ask of a ``Popen``, for a process the fork server started.

    It is the fork server's child, not ours: its exit status is not ours to read, so a finished process reports 0
    (as JupyterHub's ``LocalProcessSpawner`` does for a server it knows only by process id).
    """

    stdin = stdout = stderr = None

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None and not _alive(self.pid):
            self.returncode = 0
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise TimeoutError(f"process {self.pid} still running after {timeout} s")
            time.sleep(0.05)
        return 0

    def send_signal(self, signum: int) -> None:
        os.kill(self.pid, signum)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m ikm_curriculum.serve.forkserver SOCKET")
    serve(sys.argv[1])
