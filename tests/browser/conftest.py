"""Fixtures of the browser tests: a free port, a Voilà server, a headless Chromium.

Voilà runs as a subprocess in its own process group, with Jupyter's config,
data and runtime folders inside the test's tmp_path, so that nothing from the
user's Jupyter setup leaks in and nothing is left behind. Its kernels run in
sessions of their own (jupyter_client starts them so); the finalizer stops
Voilà (which shuts its kernels down) and then kills whatever is left of its
process tree.
"""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SERVER_START_TIMEOUT = 60.0  # seconds; 2 cores, other tests may be running


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _descendants(pid: int) -> list[int]:
    """Every process below ``pid`` (Linux /proc); empty elsewhere."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir() if Path("/proc").is_dir() else []:
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # the command name is in parentheses and may hold spaces: ppid follows ") state "
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    found: list[int] = []
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


@dataclass
class VoilaServer:
    process: subprocess.Popen[bytes]
    port: int
    url: str
    command: list[str]
    log: Path

    def log_text(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""


def _wait_until_serving(server: VoilaServer, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    last_error = ""
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"Voilà exited with {server.process.returncode} before serving:\n{server.log_text()}")
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
        try:
            # Any answer will do (this one is a redirect to the login page): the
            # server is up. Not the notebook's page, which would start a kernel.
            connection.request("GET", "/api/status")
            connection.getresponse().read()
            return
        except (OSError, http.client.HTTPException) as exc:
            last_error = repr(exc)
        finally:
            connection.close()
        time.sleep(0.25)
    raise RuntimeError(f"Voilà did not answer at {server.url} in {timeout:.0f} s ({last_error}):\n{server.log_text()}")


def _stop(server: VoilaServer) -> None:
    process = server.process
    tree = _descendants(process.pid)  # kernels live in sessions of their own
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGTERM)  # Voilà shuts its kernels down on SIGTERM
        except ProcessLookupError:
            pass
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            process.wait(timeout=10)
    for pid in tree:
        _kill(pid)


@pytest.fixture
def voila_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[Path, str], VoilaServer]]:
    """Start Voilà on ``notebook`` in ``folder`` (call it: ``voila_server(folder, "01_manajemen_mutu.ipynb")``)."""
    started: list[VoilaServer] = []

    def start(folder: Path, notebook: str) -> VoilaServer:
        port = free_port()
        jupyter = tmp_path_factory.mktemp("jupyter")
        env = {
            **os.environ,
            "JUPYTER_CONFIG_DIR": str(jupyter / "config"),
            "JUPYTER_DATA_DIR": str(jupyter / "data"),
            "JUPYTER_RUNTIME_DIR": str(jupyter / "runtime"),
            "PYTHONUNBUFFERED": "1",
        }
        command = [
            sys.executable,
            "-m",
            "voila",
            notebook,
            "--no-browser",
            f"--port={port}",
            "--Voila.ip=127.0.0.1",
            "--Voila.port_retries=0",  # fail rather than quietly serve on another port
            "--show_tracebacks=True",
        ]
        log = jupyter / "voila.log"
        with log.open("wb") as out:
            process = subprocess.Popen(
                command, cwd=folder, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )
        server = VoilaServer(process, port, f"http://127.0.0.1:{port}/", command, log)
        started.append(server)
        _wait_until_serving(server, SERVER_START_TIMEOUT)
        return server

    yield start
    for server in started:
        _stop(server)


@pytest.fixture(scope="session")
def chromium_browser() -> Iterator[object]:
    """A headless Debian Chromium driven by Playwright (skips if either is missing)."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(chromium_browser: object) -> Iterator[object]:
    """A fresh browser context and page; closed after the test."""
    context = chromium_browser.new_context()  # type: ignore[attr-defined]
    try:
        yield context.new_page()
    finally:
        context.close()


@dataclass
class RunningHub:
    """A JupyterHub started from ``prepare_serve``'s plan; ``url`` ends without a slash."""

    process: subprocess.Popen[bytes]
    url: str
    log: Path
    plan: Any

    def log_text(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""


def _wait_for_hub(hub: RunningHub, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    port = int(hub.url.rsplit(":", 1)[1])
    while time.monotonic() < deadline:
        if hub.process.poll() is not None:
            raise RuntimeError(f"JupyterHub exited with {hub.process.returncode}:\n{hub.log_text()}")
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            connection.request("GET", "/hub/api/")
            if connection.getresponse().status == 200:
                return
        except (OSError, http.client.HTTPException):
            pass
        finally:
            connection.close()
        time.sleep(0.25)
    raise RuntimeError(f"JupyterHub did not answer at {hub.url} in {timeout:.0f} s:\n{hub.log_text()}")


def _stop_tree(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM to the process group (the hub stops its servers), then kill whatever is left of the tree."""
    tree = _descendants(process.pid)
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
    for pid in tree:
        _kill(pid)


@pytest.fixture
def hub_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[..., RunningHub]]:
    """Start ``ikm serve``'s JupyterHub for a cohort on free localhost ports: ``hub_server(workspace, cohort, ...)``
    (extra keyword arguments go to ``ServeSettings``). Skips when configurable-http-proxy is not installed."""
    import shutil

    from ikm_curriculum.serve.hub_config import ServeSettings
    from ikm_curriculum.serve.run import PROXY, prepare_serve

    if shutil.which(PROXY) is None:
        pytest.skip(f"{PROXY} is not installed (npm install -g configurable-http-proxy)")
    started: list[RunningHub] = []

    def start(workspace: object, cohort: str, create_users: bool = False, **options: object) -> RunningHub:
        ports = {"port": free_port(), "hub_port": free_port(), "proxy_api_port": free_port()}
        settings = ServeSettings(cohort, host="127.0.0.1", **ports, **options)  # type: ignore[arg-type]
        plan = prepare_serve(workspace, settings, create_users=create_users)  # type: ignore[arg-type]
        log = tmp_path_factory.mktemp("hub") / "jupyterhub.log"
        with log.open("wb") as out:
            process = subprocess.Popen(
                plan.command,
                cwd=plan.folders.hub,
                env=plan.environment,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        hub = RunningHub(process, f"http://127.0.0.1:{ports['port']}", log, plan)
        started.append(hub)
        _wait_for_hub(hub, SERVER_START_TIMEOUT)
        return hub

    yield start
    for hub in started:
        _stop_tree(hub.process)
