"""A participant's side of ``ikm serve`` over plain HTTP (requests) and a kernel websocket (websocket-client).

Used by the hub tests to act as one participant without a browser: log in through the real login form, wait
for their server, call its REST API with the XSRF token a browser would send, and talk to a kernel with
Jupyter messages (messaging spec 5.3, JSON over the websocket).
"""

from __future__ import annotations

import json
import time
import uuid
from typing import Any

import requests

SPAWN_TIMEOUT = 120.0  # seconds: a server starting on 2 cores while other tests run


def login(base: str, username: str, pin: str) -> tuple[requests.Session, requests.Response]:
    """POST the hub's login form as a browser would (the ``_xsrf`` cookie and field); the final response."""
    session = requests.Session()
    session.get(f"{base}/hub/login", timeout=30).raise_for_status()
    form = {"username": username, "password": pin, "_xsrf": session.cookies.get("_xsrf", path="/hub/") or ""}
    response = session.post(f"{base}/hub/login", data=form, timeout=SPAWN_TIMEOUT)
    return session, response


def open_server_page(session: requests.Session, base: str, username: str, path: str = "ikm") -> requests.Response:
    """GET ``/user/<username>/<path>`` until the participant's server answers it (it may still be starting)."""
    deadline = time.monotonic() + SPAWN_TIMEOUT
    while True:
        response = session.get(f"{base}/user/{username}/{path}", timeout=SPAWN_TIMEOUT)
        ready = response.status_code == 200 and f"/user/{username}/{path}" in response.url
        if ready or time.monotonic() > deadline:
            return response
        time.sleep(1)


def xsrf_headers(session: requests.Session, username: str) -> dict[str, str]:
    """The header a browser's JavaScript sends with a POST to the user's server (its ``_xsrf`` cookie)."""
    token = session.cookies.get("_xsrf", path=f"/user/{username}/") or session.cookies.get("_xsrf") or ""
    return {"X-XSRFToken": token}


def _message(msg_type: str, content: dict[str, Any], channel: str = "shell") -> dict[str, Any]:
    header = {
        "msg_id": uuid.uuid4().hex,
        "msg_type": msg_type,
        "username": "test",
        "session": uuid.uuid4().hex,
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "version": "5.3",
    }
    return {
        "header": header,
        "parent_header": {},
        "metadata": {},
        "content": content,
        "channel": channel,
        "buffers": [],
    }


class KernelChannel:
    """The websocket of one kernel of the participant's server, opened with the participant's cookies."""

    def __init__(self, session: requests.Session, base: str, username: str, kernel_id: str) -> None:
        import websocket

        url = f"{base.replace('http', 'ws', 1)}/user/{username}/api/kernels/{kernel_id}/channels"
        cookie = "; ".join(f"{c.name}={c.value}" for c in session.cookies)
        self.socket = websocket.create_connection(url, cookie=cookie, header=xsrf_headers(session, username), timeout=5)

    def send(self, msg_type: str, content: dict[str, Any]) -> str:
        message = _message(msg_type, content)
        self.socket.send(json.dumps(message))
        return str(message["header"]["msg_id"])

    def replies_to(self, msg_id: str, seconds: float) -> list[dict[str, Any]]:
        """Every message whose parent is ``msg_id`` received within ``seconds``."""
        import websocket

        found: list[dict[str, Any]] = []
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                raw = self.socket.recv()
            except websocket.WebSocketTimeoutException:
                continue
            message = json.loads(raw)
            if message.get("parent_header", {}).get("msg_id") == msg_id:
                found.append(message)
                if message["header"]["msg_type"] in ("execute_reply", "kernel_info_reply"):
                    break
        return found

    def run(self, code: str, seconds: float = 30) -> str:
        """Execute ``code``; its standard output (and error names), or "" when nothing came back."""
        msg_id = self.send("execute_request", {"code": code, "silent": False, "store_history": False})
        out = []
        for message in self.replies_to(msg_id, seconds):
            content = message["content"]
            if message["header"]["msg_type"] == "stream":
                out.append(content["text"])
            elif message["header"]["msg_type"] == "error":
                out.append(f"{content['ename']}: {content['evalue']}")
        return "".join(out)

    def close(self) -> None:
        self.socket.close()
