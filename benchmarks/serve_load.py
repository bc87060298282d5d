"""Load of ``ikm serve``: participants log in to the hub at once, open a workbook in Voilà and save answers.

Run: ``python benchmarks/serve_load.py [--participants 20] [--workbooks pretest_hari1 01_manajemen_mutu]
[--rounds 10] [--pause 1.0] [--no-prestart] [--keep]``

Set-up (not timed): a workspace in a temporary folder, a cohort of fictional participants ("Peserta Fiktif"),
the workbooks released, PINs issued; then for each workbook a fresh hub (``prepare_serve``: JupyterHub and its
proxy on free ports of 127.0.0.1, log in ``hub-<workbook>.log``), so every participant's server starts from
nothing. Every participant, each in a thread of this process, at the same moment:

1. logs in through the hub's real login form (GET ``/hub/login`` for the ``_xsrf`` cookie and field, POST name
   and PIN), following the hub's redirects, its spawn-pending page (the progress event stream its script reads)
   and the OAuth hand-off to their own server, up to their landing page ``/user/<name>/ikm``;
2. opens the workbook in Voilà (``/user/<name>/voila/render/<workbook>.ipynb``; the HTML is complete once the
   notebook ran in a fresh kernel), connects to that kernel's websocket with the session's cookies and sends a
   ``kernel_info_request`` (Jupyter messaging 5.3): "usable" is its reply, timed from the login POST;
3. does what Voilà's page script does: a comm to ``jupyter.widget.control`` with ``request_states`` (ipywidgets
   8, ``ipywidgets/widgets/widget.py``) for every widget's state; finds the input in each exercise box (CSS class
   ``ikm-exercise-<id>``); then ``--rounds`` times changes every answer it can drive (single choice: the radio
   buttons' ``index``; numeric: the text box; short text: the text area; table: its first cell) with a
   ``comm_msg`` ``{"method": "update", "state": ..., "buffer_paths": []}``, one at a time, each awaited until the
   kernel reports idle for it (the widget's handler, which writes the answer file, has returned).

Then, with every page still connected: each participant's server's memory (PSS from ``/proc/<pid>/smaps_rollup``
summed over the processes working in the participant's release folder and their children: the
``jupyterhub.singleuser`` server with Voilà, and the kernel; RSS for reference) and CPU time, the hub's (with
its proxy and services: the fork server, the culler), and every answer file read back: the last value sent for
each answer must be there. PSS counts a page shared by n processes as 1/n to each, so the memory that forked
servers and kernels share with the fork server (``ikm_curriculum/serve/forkserver.py``) is split among them.

By default every participant's server is started before the logins, as ``ikm serve`` does
(:func:`ikm_curriculum.serve.run.start_servers`, not timed; the "server start" row then shows those starts);
``--no-prestart`` measures servers starting at the logins, all 20 at once.

Targets (issue 9), on this 2-core machine with 20 logging in together: every workbook usable within 20 s of the
login; memory per participant ≤ 150 MB.
"""

from __future__ import annotations

import argparse
import ast
import csv
import json
import os
import re
import shutil
import signal
import socket
import statistics
import struct
import subprocess
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import requests
import websocket

from ikm_curriculum.cohort.cohorts import create_cohort
from ikm_curriculum.cohort.workspace import Workspace, init_workspace
from ikm_curriculum.serve.hub_config import ServeSettings
from ikm_curriculum.serve.pins import issue_logins
from ikm_curriculum.serve.run import prepare_serve, start_servers
from ikm_curriculum.workbooks.release import release_cohort

COHORT = "beban-fiktif"
TARGET_USABLE_S = 20.0
TARGET_MEMORY_MB = 150.0
TIMEOUT_S = 300.0
INPUT_MODEL = {"single_choice": "RadioButtonsModel", "numeric": "TextModel", "short_text": "TextareaModel",
               "table": "TextModel"}  # fmt: skip


# --- the kernel's websocket, as Voilà's page script uses it -------------------------------------------------------


class Kernel:
    """A kernel's websocket (jupyter_server's JSON frames; binary frames for messages with buffers)."""

    def __init__(self, base: str, path: str, cookie: str, username: str) -> None:
        self.session, self.username = uuid.uuid4().hex, username
        self.ws = websocket.create_connection(
            f"{base.replace('http', 'ws', 1)}{path}?session_id={self.session}",
            timeout=TIMEOUT_S,
            cookie=cookie,
            origin=base,
            header=[
                "Sec-Fetch-Mode: websocket"
            ],  # as a browser sends it (JupyterHub checks cookie-authenticated sockets)
        )

    def send(self, msg_type: str, content: dict[str, Any], metadata: dict[str, Any] | None = None) -> str:
        msg_id = uuid.uuid4().hex
        header = {"msg_id": msg_id, "msg_type": msg_type, "username": self.username, "session": self.session,
                  "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "version": "5.3"}  # fmt: skip
        message = {"header": header, "parent_header": {}, "metadata": metadata or {}, "content": content,
                   "channel": "shell", "buffers": []}  # fmt: skip
        self.ws.send(json.dumps(message))
        return msg_id

    def receive(self) -> dict[str, Any]:
        opcode, data = self.ws.recv_data()
        if opcode == websocket.ABNF.OPCODE_BINARY:  # jupyter_server's serialize_binary_message: offsets, JSON, buffers
            count = struct.unpack("!I", data[:4])[0]
            offsets = struct.unpack("!" + "I" * count, data[4 : 4 + 4 * count])
            return dict(json.loads(data[offsets[0] : offsets[1] if count > 1 else len(data)]))
        return dict(json.loads(data))

    def wait(self, test: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
        deadline = time.monotonic() + TIMEOUT_S
        while time.monotonic() < deadline:
            message = self.receive()
            if test(message):
                return message
        raise TimeoutError("no answer from the kernel")

    def kernel_info(self) -> None:
        msg_id = self.send("kernel_info_request", {})
        self.wait(
            lambda m: m["header"]["msg_type"] == "kernel_info_reply" and m["parent_header"].get("msg_id") == msg_id
        )

    def widget_states(self) -> dict[str, Any]:
        """Every widget's state, asked as Voilà's page does (a ``jupyter.widget.control`` comm, ``request_states``)."""
        comm_id = uuid.uuid4().hex
        target = {"comm_id": comm_id, "target_name": "jupyter.widget.control", "data": {}}
        self.send("comm_open", target, metadata={"version": "1.0.0"})  # ipywidgets' control protocol 1.0.0
        self.send("comm_msg", {"comm_id": comm_id, "data": {"method": "request_states"}})
        reply = self.wait(
            lambda m: (
                m["header"]["msg_type"] == "comm_msg"
                and m["content"].get("comm_id") == comm_id
                and m["content"]["data"].get("method") == "update_states"
            )
        )
        return dict(reply["content"]["data"]["states"])

    def update(self, model_id: str, state: dict[str, Any]) -> float:
        """Change a widget as the browser does; seconds until the kernel is idle after handling it."""
        start = time.monotonic()
        data = {"method": "update", "state": state, "buffer_paths": []}
        msg_id = self.send("comm_msg", {"comm_id": model_id, "data": data})
        self.wait(
            lambda m: (
                m["header"]["msg_type"] == "status"
                and m["parent_header"].get("msg_id") == msg_id
                and m["content"].get("execution_state") == "idle"
            )
        )
        return time.monotonic() - start

    def close(self) -> None:
        try:
            self.ws.close()
        except (OSError, websocket.WebSocketException):
            pass


# --- processes, from /proc ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Proc:
    """One process: PSS and RSS (MB, ``smaps_rollup``), CPU seconds so far and start time (``stat``)."""

    pid: int
    kernel: bool
    pss: float
    rss: float
    cpu: float
    started: int


def proc(pid: int) -> Proc | None:
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        kernel = b"ipykernel" in Path(f"/proc/{pid}/cmdline").read_bytes()  # started as a process
        kernel |= Path(f"/proc/{pid}/comm").read_text().strip() == "ikm-kernel"  # forked (serve/forkserver.py)
    except OSError:
        return None
    kb = {line.split(":")[0]: int(line.split()[1]) for line in rollup.splitlines() if line.endswith(" kB")}
    cpu = (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK")
    return Proc(pid, kernel, kb["Pss"] / 1024, kb["Rss"] / 1024, cpu, int(stat[19]))


def tree(pids: set[int]) -> set[int]:
    """``pids`` and all their descendants."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry.name))
    found, todo = set(), list(pids)
    while todo:
        pid = todo.pop()
        if pid not in found:
            found.add(pid)
            todo += children.get(pid, [])
    return found


def procs_in(folder: Path) -> list[Proc]:
    """The processes working in ``folder`` (a participant's server and kernels), and their children."""
    roots = set()
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and Path(os.readlink(entry / "cwd")) == folder:
                roots.add(int(entry.name))
        except OSError:
            continue
    return [p for p in map(proc, sorted(tree(roots))) if p is not None]


# --- set-up -------------------------------------------------------------------------------------------------------


def make_workspace(root: Path, size: int, workbooks: list[str]) -> tuple[Workspace, dict[str, str]]:
    """A workspace with a cohort of ``size`` fictional participants and ``workbooks`` released; login → PIN."""
    workspace, _ = init_workspace(root / "workspace")
    roster = root / "roster.csv"
    with roster.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["nama", "sentra", "komoditas", "kabupaten_kota"])
        for i in range(size):
            writer.writerow([f"Peserta Fiktif {i:02d}", f"Sentra Uji {i % 5}", "tenun", "Kota Kendari"])
    create_cohort(workspace, COHORT, roster)
    for workbook in workbooks:
        release_cohort(workspace, COHORT, module=workbook)
    gradebook = workspace.gradebook()
    try:
        return workspace, {login.username: login.pin for login in issue_logins(gradebook, COHORT)}
    finally:
        gradebook.dispose()


def released_exercises(notebook: Path) -> list[dict[str, Any]]:
    """The ``exercises`` parameter papermill injected into a released workbook (the public parts)."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    source = next("".join(c["source"]) for c in cells if "injected-parameters" in c["metadata"].get("tags", []))
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "exercises":
            return list(ast.literal_eval(node.value))
    raise ValueError(f"{notebook}: no exercises parameter")


def free_ports(n: int) -> list[int]:
    sockets = [socket.socket() for _ in range(n)]
    for s in sockets:
        s.bind(("127.0.0.1", 0))
    ports = [s.getsockname()[1] for s in sockets]
    for s in sockets:
        s.close()
    return ports


class Hub:
    """JupyterHub for the cohort as ``ikm serve`` starts it (``prepare_serve``); stopped with its process group."""

    def __init__(self, workspace: Workspace, log: Path, prestart: bool) -> None:
        port, hub_port, api_port = free_ports(3)
        settings = ServeSettings(
            COHORT, host="127.0.0.1", port=port, hub_port=hub_port, proxy_api_port=api_port, prestart=prestart
        )
        self.plan = prepare_serve(workspace, settings)
        self.base, self.log = f"http://127.0.0.1:{port}", log
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Hub:
        with self.log.open("wb") as out:
            self.process = subprocess.Popen(
                self.plan.command, cwd=self.plan.folders.hub, env=self.plan.environment, stdout=out,
                stderr=subprocess.STDOUT, start_new_session=True,
            )  # fmt: skip
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the hub exited ({self.process.returncode}); see {self.log}")
            try:
                if requests.get(f"{self.base}/hub/login", timeout=5).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.5)
        raise RuntimeError(f"the hub did not answer within 90 s; see {self.log}")

    def __exit__(self, *_: object) -> None:
        if self.process is None:
            return
        started = [p for p in map(proc, tree({self.process.pid})) if p is not None]
        try:
            os.killpg(self.process.pid, signal.SIGTERM)  # the hub stops the servers it started (cleanup_servers)
            self.process.wait(timeout=60)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            pass
        time.sleep(1)
        for p in started:  # anything of ours still there (same pid and same start time): killed
            now = proc(p.pid)
            if now is not None and now.started == p.started:
                os.kill(p.pid, signal.SIGKILL)


# --- one participant ----------------------------------------------------------------------------------------------


@dataclass
class Outcome:
    name: str
    landing_s: float | None = None
    html_s: float | None = None
    usable_s: float | None = None
    boxes: int = 0
    driven: int = 0
    sent: int = 0
    acked: int = 0
    save_ms: list[float] = field(default_factory=list)
    expected: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    kernel: Kernel | None = None


def log_in(session: requests.Session, base: str, name: str, pin: str, start: threading.Barrier) -> float:
    """Log in through the form (all participants POST together) up to the landing page; the time of the POST."""
    page = session.get(f"{base}/hub/login", params={"username": name}, timeout=TIMEOUT_S)
    page.raise_for_status()
    xsrf = re.search(r'name="_xsrf" value="([^"]+)"', page.text)
    if xsrf is None:
        raise RuntimeError("no _xsrf field in the login form")
    start.wait()
    t0 = time.monotonic()
    form = {"username": name, "password": pin, "_xsrf": xsrf.group(1)}
    response = session.post(f"{base}/hub/login", data=form, timeout=TIMEOUT_S)
    if "/spawn-pending/" in response.url:  # slower than the hub's slow_spawn_timeout: read the page's event stream
        progress = re.search(r'new EventSource\("([^"]+)"\)', response.text)
        if progress is None:
            raise RuntimeError(f"spawn-pending page without a progress URL ({response.url})")
        url = f"{base}/user/{name}/"
        with session.get(base + progress.group(1).replace("&amp;", "&"), stream=True, timeout=TIMEOUT_S) as events:
            for line in events.iter_lines(decode_unicode=True):
                event = json.loads(line[5:]) if line and line.startswith("data:") else {}
                if event.get("failed"):
                    raise RuntimeError(f"spawn failed: {event.get('message')}")
                if event.get("ready"):
                    url = base + event.get("url", f"/user/{name}/")
                    break
        response = session.get(url, timeout=TIMEOUT_S)
    response.raise_for_status()
    if not response.url.rstrip("/").endswith(f"/user/{name}/ikm"):
        raise RuntimeError(f"login ended at {response.url}, not the landing page")
    return t0


def inputs_of(states: dict[str, Any], exercises: list[dict[str, Any]]) -> tuple[int, dict[str, str]]:
    """How many exercise boxes there are, and for each exercise this benchmark drives, its input's model id."""
    by_class = {"ikm-exercise-" + e["exercise_id"].replace(".", "-"): e for e in exercises}

    def first(model_id: str, wanted: str) -> str | None:  # depth first, through the boxes' children
        model_id = model_id.removeprefix("IPY_MODEL_")
        model = states.get(model_id)
        if model is None or model["model_name"] == wanted:
            return None if model is None else model_id
        return next(filter(None, (first(c, wanted) for c in model["state"].get("children", []))), None)

    boxes, found = 0, {}
    for model_id, model in states.items():
        for exercise in (by_class[c] for c in model["state"].get("_dom_classes", []) if c in by_class):
            boxes += 1
            hit = first(model_id, INPUT_MODEL[exercise["kind"]]) if exercise["kind"] in INPUT_MODEL else None
            if hit:
                found[exercise["exercise_id"]] = hit
    return boxes, found


def change(exercise: dict[str, Any], round_: int, k: int) -> tuple[dict[str, Any], Any]:
    """The widget state sent in ``round_`` to the ``k``-th exercise, and the answer it must leave in the file."""
    kind = exercise["kind"]
    if kind == "single_choice":
        index = (round_ + k) % len(exercise["options"])
        return {"index": index}, exercise["options"][index]["id"]
    if kind == "numeric":
        return {"value": str(100 + round_)}, float(100 + round_)
    if kind == "table":  # the first cell; the others stay empty
        first = exercise["cells"][0]["id"]
        return {"value": str(200 + round_)}, {c["id"]: float(200 + round_) if c["id"] == first else None
                                              for c in exercise["cells"]}  # fmt: skip
    text = f"Putaran {round_ + 1}: jadwal 5R tiap Senin, penanggung jawab ketua sentra."
    return {"value": text}, text


def participant(base: str, name: str, pin: str, workbook: str, exercises: list[dict[str, Any]],
                args: argparse.Namespace, start: threading.Barrier) -> Outcome:  # fmt: skip
    outcome, session = Outcome(name), requests.Session()
    try:
        t0 = log_in(session, base, name, pin, start)
        outcome.landing_s = time.monotonic() - t0
        page = session.get(f"{base}/user/{name}/voila/render/{workbook}.ipynb", timeout=TIMEOUT_S)
        page.raise_for_status()
        outcome.html_s = time.monotonic() - t0
        kernel_id = re.search(r'"kernelId": "([0-9a-f-]+)"', page.text)
        if kernel_id is None:
            raise RuntimeError("no kernelId in the Voilà page")
        path = f"/user/{name}/api/kernels/{kernel_id.group(1)}/channels"
        cookie = "; ".join(f"{c.name}={c.value}" for c in session.cookies if path.startswith(c.path))
        outcome.kernel = kernel = Kernel(base, path, cookie, name)
        kernel.kernel_info()
        outcome.usable_s = time.monotonic() - t0
        outcome.boxes, inputs = inputs_of(kernel.widget_states(), exercises)
        driven = [e for e in exercises if e["exercise_id"] in inputs]
        outcome.driven = len(driven)
        for round_ in range(args.rounds):
            for k, exercise in enumerate(driven):
                state, outcome.expected[exercise["exercise_id"]] = change(exercise, round_, k)
                outcome.sent += 1
                outcome.save_ms.append(1000 * kernel.update(inputs[exercise["exercise_id"]], state))
                outcome.acked += 1
            time.sleep(args.pause)
    except Exception as exc:  # noqa: BLE001 - one participant's failure is a figure, not the end of the benchmark
        outcome.error = f"{type(exc).__name__}: {exc}"[:300]
    return outcome


# --- figures ------------------------------------------------------------------------------------------------------


def lost_answers(release: Path, outcomes: list[Outcome], workbook: str) -> tuple[int, list[str]]:
    """How many answers hold the last value sent, and a line for each one that does not."""
    found, lost = 0, []
    for outcome in outcomes:
        path = release / outcome.name / f"{workbook}.answers.json"
        answers = json.loads(path.read_text(encoding="utf-8")).get("answers", {})
        for exercise_id, expected in outcome.expected.items():
            saved = answers.get(exercise_id, {}).get("value", "<missing>")
            found += saved == expected
            lost += [] if saved == expected else [f"{outcome.name} {exercise_id}: sent {expected!r}, file {saved!r}"]
    return found, lost


def spread(values: list[float]) -> str:
    if not values:
        return "—"
    ordered = sorted(values)
    p90 = ordered[max(0, -(-9 * len(ordered) // 10) - 1)]  # nearest-rank 90th percentile
    return f"median {statistics.median(ordered):6.1f}   p90 {p90:6.1f}   worst {ordered[-1]:6.1f}"


def spawn_seconds(log: Path) -> list[float]:
    """Server start times as the hub logs them ("User <name> took <s> seconds to start")."""
    text = log.read_text(encoding="utf-8", errors="replace")
    return [float(s) for s in re.findall(r"took ([0-9.]+) seconds to start", text)]


def report(hub: Hub, workspace: Workspace, workbook: str, outcomes: list[Outcome], args: argparse.Namespace) -> None:
    def between(first: str | None, last: str) -> list[float]:
        pairs = [(getattr(o, last), getattr(o, first) if first else 0.0) for o in outcomes]
        return [b - a for b, a in pairs if b is not None and a is not None]

    def medians(value: Callable[[Proc], float]) -> str:
        server = [sum(value(p) for p in ps if not p.kernel) for ps in users]
        kernel = [sum(value(p) for p in ps if p.kernel) for ps in users]
        return " / ".join(f"{statistics.median(v):.1f}" if v else "—" for v in (server, kernel)) + " (medians)"

    release = workspace.release_dir(COHORT).resolve()
    users = [ps for ps in (procs_in(release / o.name) for o in outcomes) if ps]
    pss, usable = [sum(p.pss for p in ps) for ps in users], between(None, "usable_s")
    theirs = {p.pid for ps in users for p in ps}
    hub_pid = hub.process.pid if hub.process else -1
    hub_all = [p for p in map(proc, tree({hub_pid})) if p is not None and p.pid not in theirs]
    hub_alone = next((p for p in hub_all if p.pid == hub_pid), Proc(hub_pid, False, 0, 0, 0, 0))
    found, lost = lost_answers(workspace.release_dir(COHORT), outcomes, workbook)
    rows = [
        ("completed without error", f"{sum(o.error is None for o in outcomes)} of {len(outcomes)}"),
        ("login POST → landing page (s)", spread(between(None, "landing_s"))),
        ("  server start, in the hub's log (s)", spread(spawn_seconds(hub.log))),
        ("landing → workbook HTML (s)", spread(between("landing_s", "html_s"))),
        ("HTML → kernel answers (s)", spread(between("html_s", "usable_s"))),
        ("login POST → usable workbook (s)", spread(usable)),
        (f"  target ≤ {TARGET_USABLE_S:.0f} s", f"worst/target = {max(usable, default=0) / TARGET_USABLE_S:.2f}; "
                                                f"{sum(u <= TARGET_USABLE_S for u in usable)} within"),
        ("memory per participant, PSS (MB)", spread(pss)),
        ("  server / kernel, PSS (MB)", medians(lambda p: p.pss)),
        ("memory per participant, RSS (MB)", spread([sum(p.rss for p in ps) for ps in users])),
        (f"  target ≤ {TARGET_MEMORY_MB:.0f} MB", f"median PSS/target = "
                                                  f"{statistics.median(pss or [0]) / TARGET_MEMORY_MB:.2f}"),
        ("CPU used, server / kernel (s)", medians(lambda p: p.cpu)),
        ("  all participants' CPU ÷ CPUs (s)", f"{sum(p.cpu for ps in users for p in ps) / (os.cpu_count() or 1):.1f}"),
        ("hub process: PSS / RSS (MB); CPU (s)", f"{hub_alone.pss:.1f} / {hub_alone.rss:.1f}; {hub_alone.cpu:.1f}"),
        ("hub + proxy + services: PSS / RSS (MB)", f"{sum(p.pss for p in hub_all):.1f} / "
                                                 f"{sum(p.rss for p in hub_all):.1f}"),
        ("answers driven per participant", f"{max((o.driven for o in outcomes), default=0)} of "
                                           f"{max((o.boxes for o in outcomes), default=0)} exercises"),
        ("save round trip (ms)", spread([ms for o in outcomes for ms in o.save_ms])),
        ("saves sent / acknowledged", f"{sum(o.sent for o in outcomes)} / {sum(o.acked for o in outcomes)}"),
        ("last answers in the answer files", f"{found} of {found + len(lost)} found; lost = {len(lost)}"),
    ]  # fmt: skip
    before = "; servers started before the logins" if args.prestart else "; servers started at the logins"
    print(f"\n{workbook}: {len(outcomes)} participants logging in at once, {args.rounds} rounds of saves{before}")
    for label, value in rows:
        print(f"  {label:<38} {value}")
    for line in [f"{o.name}: {o.error}" for o in outcomes if o.error] + lost[:20]:
        print(f"    {line}")


def run(workspace: Workspace, logins: dict[str, str], workbook: str, args: argparse.Namespace, root: Path) -> None:
    release = workspace.release_dir(COHORT)
    exercises = {name: released_exercises(release / name / f"{workbook}.ipynb") for name in logins}
    start = threading.Barrier(len(logins))
    with Hub(workspace, root / f"hub-{workbook}.log", args.prestart) as hub:
        if args.prestart:
            started = start_servers(hub.plan)  # what `ikm serve` does by default once the hub is up
            if len(started) != len(logins):
                raise RuntimeError(f"only {len(started)} of {len(logins)} servers started; see {hub.log}")
        with ThreadPoolExecutor(max_workers=len(logins)) as pool:
            futures = [
                pool.submit(participant, hub.base, name, pin, workbook, exercises[name], args, start)
                for name, pin in logins.items()
            ]
            outcomes = [f.result() for f in futures]
        time.sleep(2)  # the last writes and the kernels settle before memory is read
        try:
            report(hub, workspace, workbook, outcomes, args)
        finally:
            for o in outcomes:
                if o.kernel is not None:
                    o.kernel.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=20)
    parser.add_argument("--workbooks", nargs="+", default=["pretest_hari1", "01_manajemen_mutu"],
                        help="released; each is opened in turn, with a fresh hub")  # fmt: skip
    parser.add_argument("--rounds", type=int, default=10, help="times each participant changes every answer")
    parser.add_argument("--pause", type=float, default=1.0, help="seconds between rounds")
    parser.add_argument(
        "--prestart",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="start every participant's server before the logins (not timed), as `ikm serve` does by default",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary workspace and the hub's logs")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="ikm-serve-load-"))
    try:
        print(f"Set-up (not timed): {args.participants} fictional participants; {os.cpu_count()} CPUs")
        workspace, logins = make_workspace(root, args.participants, args.workbooks)
        for workbook in args.workbooks:
            run(workspace, dict(logins), workbook, args, root)
    finally:
        if args.keep:
            print(f"\nKept {root} (the hub's logs: hub-<workbook>.log)")
        else:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
