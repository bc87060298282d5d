"""Autosave: every change of a widget goes to the answer file at once.

Writes are atomic: the new content goes to a temporary file in the same folder,
is flushed to disk, then renamed over the answer file (``os.replace``), so a
crash or a power cut leaves either the old file or the new one, never a torn
one. Reopening the workbook reads the file back into the widgets.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from ikm_curriculum.assessment.answers import AnswerFile, SavedAnswer, empty_answer_file, now_iso, parse_answer_file
from ikm_curriculum.errors import AnswerFormatError


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class AnswerStore:
    """The answers of one workbook, kept in memory and mirrored to its answer file."""

    def __init__(self, path: str | os.PathLike[str], cohort: str, participant: str, workbook: str) -> None:
        self.path = Path(path)
        self.problem: str | None = None
        self._file = self._load(cohort, participant, workbook)

    def _load(self, cohort: str, participant: str, workbook: str) -> AnswerFile:
        if not self.path.exists():
            return empty_answer_file(cohort, participant, workbook)
        try:
            loaded = parse_answer_file(self.path.read_bytes())
        except AnswerFormatError as exc:
            # Keep the damaged file for the facilitator and start again.
            backup = self.path.with_name(f"{self.path.name}.damaged-{now_iso().replace(':', '')}")
            os.replace(self.path, backup)
            self.problem = f"{self.path.name}: {exc}; kept as {backup.name}"
            return empty_answer_file(cohort, participant, workbook)
        if (loaded.cohort, loaded.participant, loaded.workbook) != (cohort, participant, workbook):
            self.problem = (
                f"{self.path.name} belongs to {loaded.participant} ({loaded.cohort}/{loaded.workbook}), "
                f"not to {participant} ({cohort}/{workbook})"
            )
            raise AnswerFormatError("participant", participant, loaded.participant)
        return loaded

    @property
    def answers(self) -> dict[str, SavedAnswer]:
        return dict(self._file.answers)

    def get(self, exercise_id: str) -> Any:
        saved = self._file.answers.get(exercise_id)
        return None if saved is None else saved.value

    def set(self, exercise_id: str, value: Any) -> str:
        """Record one answer and write the file at once; returns the time stamp."""
        stamp = now_iso()
        answers = {**self._file.answers, exercise_id: SavedAnswer(value=value, saved_at=stamp)}
        self._file = self._file.model_copy(update={"answers": answers, "saved_at": stamp})
        self.save()
        return stamp

    def save(self) -> None:
        write_atomic(self.path, self._file.to_json() + "\n")
