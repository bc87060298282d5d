"""Fixtures of the tests of serve/."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Iterator

import pytest


@pytest.fixture
def traversable_tmp(tmp_path: Path) -> Iterator[Path]:
    """tmp_path with its parents enterable by other users (o+x), as /srv is; modes restored afterwards.

    The shared server makes the workspace private and refuses one that participants' users cannot reach.
    """
    changed = []
    for parent in [tmp_path, *tmp_path.parents]:
        mode = parent.stat().st_mode
        if not mode & stat.S_IXOTH:
            parent.chmod(stat.S_IMODE(mode) | stat.S_IXOTH)
            changed.append((parent, stat.S_IMODE(mode)))
    yield tmp_path
    for parent, mode in changed:
        parent.chmod(mode)


# --- The Littlest JupyterHub -------------------------------------------------------------------------------------
