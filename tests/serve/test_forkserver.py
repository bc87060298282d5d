"""The fork server (``serve/forkserver.py``) and its kernel provisioner, as real processes.

A kernel forked by it answers like any kernel (through jupyter_client, as a participant's server starts it), in
the folder and environment asked for, with the widgets' comm targets in place; it stops when its server is gone;
bad requests get a clear answer and the fork server goes on; stopping the fork server stops what it started.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from jupyter_client.connect import write_connection_file
from jupyter_client.manager import KernelManager
from jupyter_client.provisioning.factory import KernelProvisionerFactory

from ikm_curriculum.serve.forked_kernel import ForkedKernelProvisioner
from ikm_curriculum.serve.forkserver import PROVISIONER, REQUEST_TIMEOUT_S, SOCKET_ENV, ForkServerUnavailable, fork

READY_S = 90.0  # the fork server imports Jupyter's server and kernel first (a few seconds on 2 cores)


def _start_fork_server() -> tuple[subprocess.Popen[bytes], str]:
    folder = tempfile.mkdtemp(prefix="ikm-fork-")  # as hub_config makes it: short, 0700
    socket_path = str(Path(folder) / "socket")
    process = subprocess.Popen([sys.executable, "-m", "ikm_curriculum.serve.forkserver", socket_path])
    deadline = time.monotonic() + READY_S
    while not Path(socket_path).exists():
        assert process.poll() is None, "the fork server stopped while starting"
        assert time.monotonic() < deadline, f"no fork server socket after {READY_S} s"
        time.sleep(0.2)
    return process, socket_path


def _stop(process: subprocess.Popen[bytes], socket_path: str) -> None:
    process.terminate()
    process.wait(timeout=30)
    shutil.rmtree(Path(socket_path).parent, ignore_errors=True)


@pytest.fixture(scope="module")
def fork_server() -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    process, socket_path = _start_fork_server()
    yield process, socket_path
    _stop(process, socket_path)


def _alive(pid: int) -> bool:
    return Path(f"/proc/{pid}").exists() and "Z" not in Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1][:3]


def _wait_gone(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while _alive(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def _ask(socket_path: str, raw: bytes) -> dict[str, object]:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.connect(socket_path)
        client.sendall(raw)
        return dict(json.loads(client.makefile("rb").readline()))


def test_a_kernel_started_through_jupyter_client_is_forked_and_works(fork_server, tmp_path, monkeypatch) -> None:
    process, socket_path = fork_server
    monkeypatch.setenv(SOCKET_ENV, socket_path)
    monkeypatch.setenv("JUPYTER_DEFAULT_PROVISIONER_NAME", PROVISIONER)  # what the spawner sets
    KernelProvisionerFactory.clear_instance()  # one made earlier in this process read the default already
    monkeypatch.setattr(KernelProvisionerFactory, "_instance", None)  # and none made here outlives the test
    manager = KernelManager(kernel_name="python3")
    manager.start_kernel(cwd=str(tmp_path), env={**os.environ, "IKM_UJI": "ya"})
    client = manager.client()
    try:
        assert isinstance(manager.provisioner, ForkedKernelProvisioner)
        pid = manager.provisioner.pid
        assert Path(f"/proc/{pid}/comm").read_text().strip() == "ikm-kernel"
        assert int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1]) == process.pid  # its parent
        client.start_channels()
        client.wait_for_ready(timeout=60)
        printed: list[str] = []

        def keep(message: dict) -> None:
            if message["header"]["msg_type"] == "stream":
                printed.append(message["content"]["text"])

        code = (
            "import os, comm, ipywidgets\n"
            "print(os.getcwd(), os.environ['IKM_UJI'], sorted(comm.get_comm_manager().targets))"
        )
        reply = client.execute_interactive(code, output_hook=keep, timeout=60)
        assert reply["content"]["status"] == "ok", reply["content"]
        assert "".join(printed).split(" ", 2) == [str(tmp_path), "ya", "['jupyter.widget', 'jupyter.widget.control']\n"]
        manager.interrupt_kernel()  # a signal to its process group, as for any local kernel
        assert client.execute_interactive("1 + 1", timeout=60)["content"]["status"] == "ok"
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=False)
    assert _wait_gone(pid, 10)


def test_a_forked_kernel_stops_when_its_server_is_gone(fork_server, tmp_path) -> None:
    _, socket_path = fork_server
    server = subprocess.Popen(["sleep", "300"])  # stands in for the participant's server
    connection_file, _ = write_connection_file(str(tmp_path / "kernel.json"))
    pid = fork(socket_path, "kernel", ["-f", connection_file], dict(os.environ), str(tmp_path), watch=server.pid)
    assert _alive(pid)
    server.kill()
    server.wait()
    assert _wait_gone(pid, 15), "the kernel outlived its server"  # forkserver._stop_when_gone checks every 2 s


def test_bad_requests_get_a_clear_answer_and_the_fork_server_goes_on(fork_server, tmp_path) -> None:
    _, socket_path = fork_server
    assert "expected one JSON line" in str(_ask(socket_path, b"bukan json\n")["error"])
    request = {"run": "bash", "argv": [], "env": {}, "cwd": str(tmp_path)}
    assert _ask(socket_path, json.dumps(request).encode() + b"\n") == {
        "error": "request 'run': expected one of server, kernel"
    }
    request["run"] = "kernel"
    del request["cwd"]
    assert _ask(socket_path, json.dumps(request).encode() + b"\n") == {"error": "request 'cwd': expected a str"}
    with pytest.raises(ForkServerUnavailable, match="request 'argv': expected a list"):
        fork(socket_path, "kernel", "-f x", {}, str(tmp_path))  # type: ignore[arg-type]
    connection_file, _ = write_connection_file(str(tmp_path / "kernel.json"))
    pid = fork(socket_path, "kernel", ["-f", connection_file], dict(os.environ), str(tmp_path))  # still serving
    os.kill(pid, signal.SIGTERM)
    assert _wait_gone(pid, 10)


def test_a_client_that_never_finishes_its_request_does_not_stall_the_fork_server(fork_server, tmp_path) -> None:
    _, socket_path = fork_server
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as stalled:
        stalled.connect(socket_path)
        stalled.sendall(b'{"run": "kern')  # and nothing more
        connection_file, _ = write_connection_file(str(tmp_path / "kernel.json"))
        pid = fork(socket_path, "kernel", ["-f", connection_file], dict(os.environ), str(tmp_path))  # served after
        answer = json.loads(stalled.makefile("rb").readline())
    assert answer == {"error": f"request: no complete line within {REQUEST_TIMEOUT_S:.0f} s"}
    os.kill(pid, signal.SIGTERM)
    assert _wait_gone(pid, 10)


def test_without_a_fork_server_asking_fails_clearly(tmp_path) -> None:
    with pytest.raises(ForkServerUnavailable, match="no fork server at .*nothing.sock after 0 s"):
        fork(str(tmp_path / "nothing.sock"), "kernel", [], {}, str(tmp_path), timeout_s=0.3)


def test_stopping_the_fork_server_stops_what_it_started(tmp_path) -> None:
    process, socket_path = _start_fork_server()
    try:
        connection_file, _ = write_connection_file(str(tmp_path / "kernel.json"))
        pid = fork(socket_path, "kernel", ["-f", connection_file], dict(os.environ), str(tmp_path))
        assert _alive(pid)
    finally:
        _stop(process, socket_path)
    assert _wait_gone(pid, 15)
    assert not Path(socket_path).exists()
