"""What the report's cover and the certificates say of a cohort's training: title, place, dates, facilitators.

Stored in the gradebook's ``cohort_info`` table; set with ``ikm cohort create``
or changed later with ``ikm cohort info``. A field left unset keeps its value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ikm_curriculum.cohort.gradebook import CohortInfo
from ikm_curriculum.cohort.workspace import Workspace
from ikm_curriculum.errors import WorkspaceError

DEFAULT_TITLE = "Pelatihan Manajemen Mutu dan Pengelolaan Sentra IKM"


@dataclass(frozen=True)
class TrainingInfo:
    """The training a cohort took part in."""

    cohort: str
    title: str = DEFAULT_TITLE
    place: str = ""
    organiser: str = ""
    start_date: date | None = None
    end_date: date | None = None
    facilitators: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        out = dict(self.__dict__)
        out["facilitators"] = list(self.facilitators)
        for key in ("start_date", "end_date"):
            out[key] = out[key].isoformat() if out[key] else None
        return out


def parse_date(text: str, field_name: str) -> date:
    """A date written ``YYYY-MM-DD`` (e.g. ``2026-11-24``); the error names the field.

    >>> parse_date("2026-11-24", "--start")
    datetime.date(2026, 11, 24)
    """
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        expected = "a date written YYYY-MM-DD (e.g. 2026-11-24)"
        raise WorkspaceError(f"{field_name}: expected {expected}, got {text!r}") from None


def training_info(workspace: Workspace, cohort: str) -> TrainingInfo:
    """The stored training details of ``cohort`` (defaults where nothing was set)."""
    gradebook = workspace.gradebook()
    try:
        with gradebook.session() as session:
            found = gradebook.cohort(session, cohort)
            row = session.get(CohortInfo, found.id)
            if row is None:
                return TrainingInfo(cohort)
            return TrainingInfo(
                cohort,
                row.title or DEFAULT_TITLE,
                row.place,
                row.organiser,
                row.start_date,
                row.end_date,
                tuple(row.facilitators or ()),
            )
    finally:
        gradebook.dispose()


def set_training_info(
    workspace: Workspace,
    cohort: str,
    *,
    title: str | None = None,
    place: str | None = None,
    organiser: str | None = None,
    start_date: date | None = None,
    end_date: date | None = None,
    facilitators: list[str] | tuple[str, ...] | None = None,
) -> TrainingInfo:
    """Change the given fields of ``cohort``'s training details (``None`` keeps a field); return them all."""
    gradebook = workspace.gradebook()
    try:
        with gradebook.transaction() as session:
            found = gradebook.cohort(session, cohort)
            row = session.get(CohortInfo, found.id) or CohortInfo(cohort_id=found.id, facilitators=[])
            session.add(row)
            start = start_date if start_date is not None else row.start_date
            end = end_date if end_date is not None else row.end_date
            if start and end and end < start:
                raise WorkspaceError(f"cohort {cohort!r}: the end date {end} is before the start date {start}")
            for name, value in (("title", title), ("place", place), ("organiser", organiser)):
                if value is not None:
                    setattr(row, name, value.strip())
            row.start_date, row.end_date = start, end
            if facilitators is not None:
                row.facilitators = [name.strip() for name in facilitators if name.strip()]
    finally:
        gradebook.dispose()
    return training_info(workspace, cohort)
