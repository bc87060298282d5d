"""Creating a cohort from a roster, and listing its participants."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from ikm_curriculum.cohort.gradebook import Cohort, Participant
from ikm_curriculum.cohort.roster import participant_codes, read_roster
from ikm_curriculum.cohort.workspace import Workspace
from ikm_curriculum.errors import WorkspaceError

COHORT_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,62}$")


@dataclass(frozen=True)
class CohortCreated:
    name: str
    participants: tuple[tuple[str, str], ...]  # (code, nama)


def create_cohort(workspace: Workspace, name: str, roster: str | Path, lang: str | None = None) -> CohortCreated:
    """Import ``roster`` as a new cohort ``name`` in one transaction.

    The roster is read and checked first (:func:`read_roster`); with any problem
    nothing is written. A new random cohort secret (256 bits) is kept in the
    gradebook: it seeds every participant's variants and never leaves it.
    """
    if not COHORT_NAME.match(name):
        raise WorkspaceError(
            f"cohort name {name!r}: expected lower-case letters, digits, '-' or '_' (e.g. kendari-2026-11)"
        )
    rows = read_roster(roster)
    codes = participant_codes(name, rows)
    gradebook = workspace.gradebook()
    try:
        with gradebook.transaction() as session:
            if session.scalar(select(Cohort.id).where(Cohort.name == name)) is not None:
                raise WorkspaceError(f"cohort {name!r} already exists in {workspace.root}")
            cohort = Cohort(name=name, secret=secrets.token_hex(32), lang=lang or workspace.lang)
            session.add(cohort)
            for code, row in zip(codes, rows, strict=True):
                fields = row.to_dict()
                roster_row = fields.pop("row")
                cohort.participants.append(Participant(code=code, roster_row=roster_row, **fields))
    finally:
        gradebook.dispose()
    workspace.release_dir(name).mkdir(parents=True, exist_ok=True)
    workspace.runs_dir(name).mkdir(parents=True, exist_ok=True)
    return CohortCreated(name, tuple((code, row.nama) for code, row in zip(codes, rows, strict=True)))
