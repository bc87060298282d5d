"""``ikm serve`` for real: JupyterHub + configurable-http-proxy on localhost, the PIN login, Voilà, Chromium.

A participant logs in with the PIN from their card, lands on their list of workbooks, opens the day-1 pre-test,
answers with a click, and the answer lands in the workspace, where ``ikm collect COHORT`` (no source) reads it.
Wrong PINs are refused and, repeated, must wait; a participant cannot reach another's server; in Voilà mode a
participant's browser cannot start kernels, write files, open terminals or execute code over the websocket.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path
from typing import Any

import nbformat
import pytest
from answer_files import wait_for_answers
from click.testing import CliRunner
from hub_client import SPAWN_TIMEOUT, KernelChannel, login, open_server_page, xsrf_headers

from ikm_curriculum.cli import cli
from ikm_curriculum.cohort.cohorts import create_cohort
from ikm_curriculum.cohort.gradebook import Participant, Response, Submission
from ikm_curriculum.cohort.workspace import Workspace, init_workspace
from ikm_curriculum.evaluation.forms import form_workbook
from ikm_curriculum.serve.pins import issue_logins
from ikm_curriculum.workbooks.release import release_cohort

pytestmark = pytest.mark.slow

COHORT = "uji-hub"
WORKBOOK = form_workbook("pre", 1)  # "pretest_hari1": small, quick to render
RENDER_TIMEOUT_MS = 120_000  # login, server start and the notebook run in a fresh kernel (2 cores)
SAVE_TIMEOUT_S = 15.0

# Fictional people (no real person is meant).
ROSTER = """\
nama,sentra,komoditas,kabupaten_kota
Siti Rahmawati,Sentra Abon Ikan Lapulu,abon ikan,Kota Kendari
La Ode Hamzah,Sentra Abon Ikan Lapulu,abon ikan,Kota Kendari
"""


def _cohort(tmp_path: Path) -> tuple[Workspace, dict[str, str]]:
    """A 2-person cohort with the day-1 pre-test released and PINs issued: participant code → PIN."""
    workspace, _ = init_workspace(tmp_path / "ws")
    roster = tmp_path / "peserta.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    create_cohort(workspace, COHORT, roster)
    release_cohort(workspace, COHORT, module=WORKBOOK)
    gradebook = workspace.gradebook()
    pins = {login.username: login.pin for login in issue_logins(gradebook, COHORT)}
    gradebook.dispose()
    return workspace, pins


def _process_names_in(folder: Path) -> set[str]:
    """The names (``/proc/<pid>/comm``) of the processes working in ``folder``."""
    names = set()
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and Path(os.readlink(entry / "cwd")) == folder.resolve():
                names.add((entry / "comm").read_text().strip())
        except OSError:
            continue
    return names


def _wrong(pin: str) -> str:
    return f"{(int(pin) + 1) % 10**6:06d}"


def test_participant_logs_in_with_the_pin_answers_and_collect_reads_it(
    tmp_path: Path, hub_server: Any, page: Any
) -> None:
    from playwright.sync_api import expect

    workspace, pins = _cohort(tmp_path)
    code, pin = next(iter(pins.items()))
    folder = workspace.release_dir(COHORT) / code
    parameters = nbformat.read(folder / f"{WORKBOOK}.ipynb", as_version=4).metadata.papermill.parameters
    first_id = parameters["topics"][0]["exercises"][0]
    chosen = next(p for p in parameters["exercises"] if p["exercise_id"] == first_id)["options"][-1]
    hub = hub_server(workspace, COHORT)
    outside: list[str] = []
    page.on("request", lambda r: None if r.url.startswith((hub.url, "data:", "blob:")) else outside.append(r.url))

    page.goto(f"{hub.url}/hub/login?username={code}")  # what the card's QR code opens
    expect(page.locator("#username_input")).to_have_value(code)
    expect(page.get_by_text("PIN (6 angka di kartu Anda)")).to_be_visible()  # serve/labels.py
    page.fill("#password_input", pin)
    started = time.monotonic()
    page.click("#login_submit")
    page.wait_for_url(f"**/user/{code}/ikm", timeout=RENDER_TIMEOUT_MS)
    expect(page.get_by_role("heading", name="Buku kerja saya")).to_be_visible()  # landing.py
    page.get_by_role("link", name=re.compile(r"Tes awal \(pre-test\) hari ke-1")).click()
    block = page.locator(f".ikm-exercise-{first_id.replace('.', '-')}")
    expect(block).to_be_visible(timeout=RENDER_TIMEOUT_MS)
    print(f"login to a usable workbook: {time.monotonic() - started:.1f} s")  # a figure, not a limit
    block.get_by_role("radio", name=chosen["label"]["id"], exact=True).click()
    saved = wait_for_answers(folder / f"{WORKBOOK}.answers.json", lambda a: first_id in a, SAVE_TIMEOUT_S)
    assert saved.get(first_id, {}).get("value") == chosen["id"], saved
    assert outside == [], f"the browser loaded from outside the hub: {outside}"
    assert _process_names_in(folder) == {"ikm-server", "ikm-kernel"}  # both forked (serve/forkserver.py)
    page.goto(f"{hub.url}/user/{code}/voila/tree")  # not linked, but a participant may type it
    expect(page.get_by_text(f"{WORKBOOK}.ipynb")).to_be_visible()
    page.goto(f"{hub.url}/user/{code}/voila/render/tidak-ada.ipynb")  # Voilà's error page
    expect(page.get_by_text("404")).to_be_visible()
    assert outside == [], f"Voilà's own pages loaded from outside the hub: {outside}"  # templates/.../ikm/page.html

    result = CliRunner().invoke(cli, ["collect", COHORT, "-w", str(workspace.root)])  # no SOURCE
    assert result.exit_code == 0, result.output
    gradebook = workspace.gradebook()
    with gradebook.session() as session:
        values = (
            session.query(Response.value)
            .join(Submission)
            .join(Participant)
            .filter(Participant.code == code, Response.exercise_id == first_id)
            .all()
        )
    gradebook.dispose()
    assert [v for (v,) in values] == [chosen["id"]]


def test_wrong_pins_are_refused_and_repeated_ones_must_wait(tmp_path: Path, hub_server: Any) -> None:
    workspace, pins = _cohort(tmp_path)
    code, pin = next(iter(pins.items()))
    hub = hub_server(workspace, COHORT)
    for _ in range(5):  # authenticator.PinAuthenticator.max_failures
        _, response = login(hub.url, code, _wrong(pin))
        assert response.status_code == 403 and "Nama pengguna atau PIN salah" in response.text
        assert f"/user/{code}/" not in response.url
    _, response = login(hub.url, code, pin)  # even the right PIN waits now
    assert response.status_code == 429 and "Terlalu banyak PIN salah" in response.text
    other, other_pin = list(pins.items())[1]
    _, response = login(hub.url, other, other_pin)  # another participant is not locked out
    assert response.status_code == 200, response.text[:500]


def test_a_participant_cannot_reach_another_participants_server(tmp_path: Path, hub_server: Any) -> None:
    workspace, pins = _cohort(tmp_path)
    (a, a_pin), (b, b_pin) = pins.items()
    hub = hub_server(workspace, COHORT)
    session_a, _ = login(hub.url, a, a_pin)
    assert open_server_page(session_a, hub.url, a).status_code == 200
    path = f"files/{WORKBOOK}.answers.json"
    assert session_a.get(f"{hub.url}/user/{a}/{path}", timeout=30).status_code == 200  # A's own file: yes
    for b_running in (False, True):
        if b_running:
            session_b, _ = login(hub.url, b, b_pin)
            assert open_server_page(session_b, hub.url, b).status_code == 200
        for what in ("ikm", "api/contents", path, f"voila/render/{WORKBOOK}.ipynb"):
            response = session_a.get(f"{hub.url}/user/{b}/{what}", timeout=30)
            assert response.status_code in (403, 404), (b_running, what, response.status_code, response.url)
            assert "La Ode Hamzah" not in response.text and b_pin not in response.text


def test_in_voila_mode_the_browser_cannot_run_code(tmp_path: Path, hub_server: Any) -> None:
    workspace, pins = _cohort(tmp_path)
    code, pin = next(iter(pins.items()))
    hub = hub_server(workspace, COHORT)
    session, _ = login(hub.url, code, pin)
    page = open_server_page(session, hub.url, code, f"voila/render/{WORKBOOK}.ipynb")
    assert page.status_code == 200
    kernel_id = re.search(r'"kernelId":\s*"([0-9a-f-]{36})"', page.text).group(1)
    user = f"{hub.url}/user/{code}"
    headers = xsrf_headers(session, code)
    assert session.get(f"{user}/api/contents", timeout=30).status_code == 200  # reading their folder: allowed
    refused = {
        "start a kernel": session.post(f"{user}/api/kernels", json={}, headers=headers, timeout=30),
        "write a file": session.put(
            f"{user}/api/contents/x.py",
            json={"type": "file", "format": "text", "content": "print(1)"},
            headers=headers,
            timeout=30,
        ),
        "restart the kernel": session.post(f"{user}/api/kernels/{kernel_id}/restart", headers=headers, timeout=30),
        "open a terminal": session.post(f"{user}/api/terminals", headers=headers, timeout=30),
    }
    for what, response in refused.items():
        assert response.status_code in (403, 404), (what, response.status_code, response.text[:300])
        assert "xsrf" not in response.text.lower(), (what, response.text[:300])  # refused for the right reason
    assert not (workspace.release_dir(COHORT) / code / "x.py").exists()

    channel = KernelChannel(session, hub.url, code, kernel_id)
    try:
        info = channel.replies_to(channel.send("kernel_info_request", {}), 30)
        assert any(m["header"]["msg_type"] == "kernel_info_reply" for m in info)  # the websocket itself works
        marker = tmp_path / "ran.txt"
        assert channel.run(f"open({str(marker)!r}, 'w').write('code ran')", seconds=5) == ""
    finally:
        channel.close()
    assert not marker.exists()


def test_the_facilitator_logs_in_to_jupyterlab_on_every_participants_folder(tmp_path: Path, hub_server: Any) -> None:
    workspace, pins = _cohort(tmp_path)
    gradebook = workspace.gradebook()
    (admin,) = issue_logins(gradebook, COHORT, participants=[], admins=["fasilitator"])
    gradebook.dispose()
    hub = hub_server(workspace, COHORT)
    session, _ = login(hub.url, "fasilitator", admin.pin)
    assert open_server_page(session, hub.url, "fasilitator", "lab").status_code == 200  # spawner.FACILITATOR_URL
    listing = session.get(f"{hub.url}/user/fasilitator/api/contents", timeout=30).json()
    assert {item["name"] for item in listing["content"]} == set(pins)  # the cohort's release folder
    first = next(iter(pins))
    answers = session.get(f"{hub.url}/user/fasilitator/api/contents/{first}/{WORKBOOK}.answers.json", timeout=30)
    assert answers.status_code == 200 and answers.json()["content"]  # a participant's answers, to help them


def test_servers_started_before_the_logins_are_ready_when_participants_arrive(tmp_path: Path, hub_server: Any) -> None:
    """ikm serve's default: run.start_servers starts every participant's server through the hub's API."""
    from ikm_curriculum.serve.run import start_servers

    workspace, pins = _cohort(tmp_path)
    hub = hub_server(workspace, COHORT)
    assert set(hub.plan.prestart) == set(pins)
    assert sorted(start_servers(hub.plan, timeout=SPAWN_TIMEOUT)) == sorted(pins)
    for code, pin in pins.items():
        session, response = login(hub.url, code, pin)
        assert response.status_code == 200 and response.url.endswith(f"/user/{code}/ikm")  # no waiting for a spawn
