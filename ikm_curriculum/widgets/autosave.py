"""Autosave: every change of a widget goes to the answer file at once.

Writes are atomic: the new content goes to a temporary file in the same folder,
is flushed to disk, then renamed over the answer file (``os.replace``), so a
crash or a power cut leaves either the old file or the new one, never a torn
one. Reopening the workbook reads the file back into the widgets.

Each save re-reads the file under a lock and changes only the answer that
changed, so two kernels on the same workbook (two browser tabs, or a kernel
left running by a reload) do not erase each other's answers.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no lock, the rename is still atomic
    fcntl = None  # type: ignore[assignment]

from ikm_curriculum.assessment.answers import (
    AnswerFile,
    SavedAnswer,
    empty_answer_file,
    now_iso,
    parse_answer_file,
)
from ikm_curriculum.errors import AnswerFormatError


def write_atomic(path: Path, text: str | bytes) -> None:
    """Write ``text`` (UTF-8) or bytes to ``path`` through a temporary file and a rename."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8") if isinstance(text, str) else text)
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
        with self._locked():
            on_disk = self._read_same_owner()
            base = on_disk.answers if on_disk is not None else self._file.answers
            answers = {**base, exercise_id: SavedAnswer(value=value, saved_at=stamp)}
            self._file = self._file.model_copy(update={"answers": answers, "saved_at": stamp})
            write_atomic(self.path, self._file.to_json() + "\n")
        return stamp

    def _read_same_owner(self) -> AnswerFile | None:
        """The file as it is now on disk, if it is readable and this participant's."""
        try:
            current = parse_answer_file(self.path.read_bytes())
        except (OSError, AnswerFormatError):
            return None
        owner = (current.cohort, current.participant, current.workbook)
        return current if owner == (self._file.cohort, self._file.participant, self._file.workbook) else None

    @contextmanager
    def _locked(self) -> Iterator[None]:
        if fcntl is None:
            yield
            return
        with open(self.path.with_name(f".{self.path.name}.lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)
