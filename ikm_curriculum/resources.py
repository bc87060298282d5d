"""Where the bundled notebooks, templates and data are.

In an installed wheel they sit inside the package (``ikm_curriculum/notebooks``,
``ikm_curriculum/templates``); in a source checkout they sit beside it, at the
top of the repository.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def resource_path(*parts: str) -> Path:
    """The bundled file or folder ``parts`` (e.g. ``"notebooks", "facilitator", "grade_cohort.ipynb"``)."""
    for base in (PACKAGE_DIR, PACKAGE_DIR.parent):
        candidate = base.joinpath(*parts)
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"bundled resource {'/'.join(parts)} not found in {PACKAGE_DIR} or beside it")
