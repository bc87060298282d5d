"""Collect: participants' answer files into the gradebook, as data.

SOURCE is a folder or a ``.zip`` of participant folders
(``<participant>/<workbook>.answers.json``; the release folder itself works).
Each answer file is read as bytes, size-limited, decoded as UTF-8, parsed as
JSON and checked against the answer-file schema and against the participant's
own exercises. Participant code is never executed and notebooks are not read.

Each accepted file that is new or changed becomes a submission (attempt n+1;
the latest counts, the history stays) in one transaction of its own; a file
identical to the latest attempt is a no-op. A rejected file is reported with
the participant and the file, and the rest of the cohort goes on.
"""

from __future__ import annotations

import hashlib
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Iterator

from sqlalchemy import func, select

from ikm_curriculum.assessment.answers import AnswerFile, parse_answer_file
from ikm_curriculum.assessment.kinds import get_kind
from ikm_curriculum.cohort.gradebook import (
    ExerciseInstanceRow,
    Gradebook,
    Participant,
    Response,
    Submission,
)
from ikm_curriculum.cohort.workspace import Workspace
from ikm_curriculum.errors import AnswerFormatError, SubmissionRejected, WorkspaceError
from ikm_curriculum.evaluation.forms import workbook_of_module

SUFFIX = ".answers.json"


@dataclass(frozen=True)
class CollectOutcome:
    """What happened to one answer file: accepted, unchanged or rejected (with why)."""

    participant: str
    file: str
    status: str
    attempt: int | None = None
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class FoundFile:
    """An answer file found in SOURCE: its path there, the folder it sits in, and its bytes (or why not)."""

    name: str
    folder: str
    data: bytes | None
    problem: str = ""


def _too_big(size: int, limit: int) -> str:
    return f"file is {size:,} bytes, over the limit of {limit:,} bytes"


def find_in_folder(source: Path, limit: int) -> Iterator[FoundFile]:
    root = source.resolve()
    for path in sorted(source.rglob(f"*{SUFFIX}")):
        name = path.relative_to(source).as_posix()
        if path.is_symlink() or not path.resolve().is_relative_to(root):
            yield FoundFile(name, path.parent.name, None, "the file links outside SOURCE; not read")
            continue
        size = path.stat().st_size
        if size > limit:
            yield FoundFile(name, path.parent.name, None, _too_big(size, limit))
            continue
        yield FoundFile(name, path.parent.name, path.read_bytes())


def find_in_zip(source: Path, limit: int) -> Iterator[FoundFile]:
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError) as exc:
        raise WorkspaceError(f"{source}: not a readable .zip file ({exc})") from exc
    with archive:
        for info in sorted(archive.infolist(), key=lambda i: i.filename):
            name = info.filename
            if info.is_dir() or not name.endswith(SUFFIX):
                continue
            path = PurePosixPath(name.replace("\\", "/"))
            folder = path.parent.name
            if path.is_absolute() or ".." in path.parts or (path.parts and ":" in path.parts[0]):
                yield FoundFile(name, folder, None, "zip entry escapes its folder (absolute path or '..'); not read")
                continue
            if info.file_size > limit:
                yield FoundFile(name, folder, None, _too_big(info.file_size, limit))
                continue
            with archive.open(info) as handle:
                data = handle.read(limit + 1)  # never trust the declared size alone
            if len(data) > limit:
                yield FoundFile(name, folder, None, _too_big(len(data), limit))
                continue
            yield FoundFile(name, folder, data)


class _CohortIndex:
    """What collect needs to know of the cohort, read once."""

    def __init__(self, session: Any, gradebook: Gradebook, cohort_name: str) -> None:
        cohort = gradebook.cohort(session, cohort_name)
        self.name = cohort_name
        self.participants = {p.code: p.id for p in cohort.participants}
        self.instances: dict[tuple[int, str], tuple[str, dict[str, Any], str]] = {}
        module_workbooks = workbook_of_module()
        for row in session.scalars(
            select(ExerciseInstanceRow).where(ExerciseInstanceRow.participant_id.in_(self.participants.values()))
        ):
            workbook = module_workbooks.get(row.module, "")
            self.instances[(row.participant_id, row.exercise_id)] = (row.kind, row.public, workbook)


def check_answer_file(found: FoundFile, index: _CohortIndex) -> tuple[AnswerFile, int, bytes]:
    """Parse and check one answer file; raise :class:`SubmissionRejected` naming participant, file, field."""
    who = found.folder or "?"
    if found.data is None:
        raise SubmissionRejected(who, found.name, found.problem)
    try:
        answers = parse_answer_file(found.data)
    except AnswerFormatError as exc:
        raise SubmissionRejected(who, found.name, str(exc)) from None
    who = answers.participant
    if answers.cohort != index.name:
        raise SubmissionRejected(who, found.name, f"cohort: expected {index.name!r}, got {answers.cohort!r}")
    participant_id = index.participants.get(answers.participant)
    if participant_id is None:
        raise SubmissionRejected(who, found.name, f"participant: {answers.participant!r} is not in cohort {index.name}")
    if found.folder in index.participants and found.folder != answers.participant:
        raise SubmissionRejected(
            who, found.name, f"participant: the file says {answers.participant!r} but sits in folder {found.folder!r}"
        )
    expected_name = f"{answers.workbook}{SUFFIX}"
    if PurePosixPath(found.name).name != expected_name:
        raise SubmissionRejected(
            who, found.name, f"workbook: the file says {answers.workbook!r}; expected file name {expected_name}"
        )
    for exercise_id, saved in answers.answers.items():
        field = f"answers.{exercise_id}"
        known = index.instances.get((participant_id, exercise_id))
        if known is None or known[2] != answers.workbook:
            raise SubmissionRejected(who, found.name, f"{field}: no such exercise in workbook {answers.workbook!r}")
        kind, public, _ = known
        try:
            get_kind(kind).validate(public, saved.value)
        except AnswerFormatError as exc:
            raise SubmissionRejected(who, found.name, f"{field}.{exc}") from None
    return answers, participant_id, found.data


def store_submission(
    gradebook: Gradebook, name: str, data: bytes, answers: AnswerFile, participant_id: int
) -> CollectOutcome:
    """Store one checked answer file as a new attempt, unless it equals the latest one."""
    digest = hashlib.sha256(data).hexdigest()
    with gradebook.transaction() as session:
        latest = session.execute(
            select(Submission.attempt, Submission.sha256)
            .where(Submission.participant_id == participant_id, Submission.workbook == answers.workbook)
            .order_by(Submission.attempt.desc())
            .limit(1)
        ).first()
        if latest is not None and latest.sha256 == digest:
            return CollectOutcome(answers.participant, name, "unchanged", latest.attempt)
        attempt = (latest.attempt if latest else 0) + 1
        submission = Submission(
            participant_id=participant_id,
            workbook=answers.workbook,
            source=name,
            sha256=digest,
            attempt=attempt,
            raw=data.decode("utf-8"),
        )
        submission.responses = [
            Response(exercise_id=exercise_id, value=saved.value, saved_at=saved.saved_at)
            for exercise_id, saved in sorted(answers.answers.items())
        ]
        session.add(submission)
    return CollectOutcome(answers.participant, name, "accepted", attempt)


def collect(workspace: Workspace, cohort_name: str, source: str | Path) -> list[CollectOutcome]:
    """Collect every answer file in ``source`` (folder or .zip); see the module docstring."""
    source = Path(source)
    if not source.exists():
        raise WorkspaceError(f"{source} does not exist: expected a folder or a .zip of participant folders")
    limit = workspace.max_answer_bytes
    found_files = find_in_zip(source, limit) if source.is_file() else find_in_folder(source, limit)
    gradebook = workspace.gradebook()
    outcomes: list[CollectOutcome] = []
    try:
        with gradebook.session() as session:
            index = _CohortIndex(session, gradebook, cohort_name)
        for found in found_files:
            try:
                answers, participant_id, data = check_answer_file(found, index)
            except SubmissionRejected as exc:
                outcomes.append(CollectOutcome(exc.participant, exc.file, "rejected", None, exc.reason))
                continue
            outcomes.append(store_submission(gradebook, found.name, data, answers, participant_id))
    finally:
        gradebook.dispose()
    return outcomes


def submission_count(gradebook: Gradebook, cohort_name: str) -> int:
    """How many submissions (all attempts) the cohort has in the gradebook."""
    with gradebook.session() as session:
        cohort = gradebook.cohort(session, cohort_name)
        return (
            session.scalar(
                select(func.count(Submission.id)).join(Participant).where(Participant.cohort_id == cohort.id)
            )
            or 0
        )
