"""Reading a participant's answer file in tests while a browser writes it."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any, Callable


def answers_in(path: Path) -> dict[str, Any]:
    """The ``answers`` of an answer file."""
    return json.loads(path.read_text(encoding="utf-8"))["answers"]


def wait_for_answers(path: Path, condition: Callable[[dict[str, Any]], bool], timeout: float) -> dict[str, Any]:
    """Poll the answer file until ``condition(answers)`` holds; the last answers seen on timeout."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            answers = answers_in(path)
        except (OSError, ValueError):  # cannot happen with an atomic write, but do not mask it as a hang
            answers = {}
        if condition(answers) or time.monotonic() > deadline:
            return answers
        time.sleep(0.1)
