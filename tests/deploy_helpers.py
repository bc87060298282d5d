"""What the deploy/ tests share: the files under test, a JupyterHub user for spawners, coroutines run aside."""

from __future__ import annotations

import asyncio
import concurrent.futures
from pathlib import Path
from types import SimpleNamespace

from ikm_curriculum.cohort.workspace import Workspace

REPO = Path(__file__).resolve().parents[1]
TLJH_SNIPPET = REPO / "deploy" / "tljh" / "ikm_cohort.py"
VALUES = REPO / "deploy" / "kubernetes" / "values.yaml"
DOCKERFILE = REPO / "deploy" / "kubernetes" / "Dockerfile"
FACILITATOR = REPO / "deploy" / "kubernetes" / "facilitator.yaml"
DEPLOY_DOC = REPO / "docs" / "deploy.md"


def run_coroutine(function, *args):  # type: ignore[no-untyped-def]
    """``asyncio.run(function(*args))`` in a thread of its own: the browser tests' Playwright keeps an event loop
    running in the main thread of the same pytest process, where ``asyncio.run`` is refused."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(lambda: asyncio.run(function(*args))).result()


def user(name: str, admin: bool = False) -> SimpleNamespace:
    """What a spawner reads of JupyterHub's User."""
    return SimpleNamespace(name=name, admin=admin, id=7, url=f"/user/{name}/", escaped_name=name)


def participant_codes(workspace: Workspace, cohort: str) -> list[str]:
    gradebook = workspace.gradebook()
    with gradebook.session() as session:
        codes = [p.code for p in gradebook.cohort(session, cohort).participants]
    gradebook.dispose()
    return codes
