"""The answer file: what a workbook's widgets write and what ``collect`` reads.

One JSON file per workbook, ``<workbook>.answers.json``, beside the workbook::

    {
      "format": "ikm-answers/1",
      "cohort": "kendari-2026-11",
      "participant": "siti-rahma-13f3",
      "workbook": "01_manajemen_mutu",
      "saved_at": "2026-11-27T09:12:03+08:00",
      "answers": {
        "mutu.pareto_top_share": {"value": 64.2, "saved_at": "2026-11-27T09:12:03+08:00"}
      }
    }

``value`` depends on the exercise kind: an option id (single choice), a list of
option ids (multiple choice), a number (numeric), an object of cell id → number
(table), a string (short text), or ``null`` when cleared. This module parses
bytes only; reading and writing files is the caller's job.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ikm_curriculum.errors import AnswerFormatError

FORMAT = "ikm-answers/1"
SAVED_AT = Field(default="", max_length=40, pattern=r"^[^\x00]*$")
"""An ISO 8601 time as the widget writes it; at most 40 characters (``responses.saved_at``), no NUL character
(which PostgreSQL refuses in text)."""


class SavedAnswer(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    value: Any = None
    saved_at: str = SAVED_AT


class AnswerFile(BaseModel):
    """A parsed answer file (values not yet checked against their exercises)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    format: str = Field(pattern=r"^ikm-answers/1$")
    cohort: str = Field(min_length=1, max_length=100)
    participant: str = Field(min_length=1, max_length=64)
    workbook: str = Field(min_length=1, max_length=64)
    saved_at: str = SAVED_AT
    answers: dict[str, SavedAnswer] = Field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(self.model_dump(), ensure_ascii=False, indent=1, sort_keys=True)


def now_iso() -> str:
    return datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds")


def empty_answer_file(cohort: str, participant: str, workbook: str) -> AnswerFile:
    """The answer file a release writes: no answers yet."""
    return AnswerFile(format=FORMAT, cohort=cohort, participant=participant, workbook=workbook)


def parse_answer_file(data: bytes) -> AnswerFile:
    """Parse the bytes of an answer file; raise :class:`AnswerFormatError` naming the field.

    >>> parse_answer_file(b'{"format": "ikm-answers/1", "cohort": "c", "participant": "p", "workbook": "w"}').answers
    {}
    >>> parse_answer_file(b'{"format": "ikm-answers/1"}')
    Traceback (most recent call last):
    ...
    ikm_curriculum.errors.AnswerFormatError: cohort: expected a value (field required)
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise AnswerFormatError("(file)", "UTF-8 text", f"undecodable byte at position {exc.start}") from None
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise AnswerFormatError("(file)", "valid JSON", f"{exc.msg} at line {exc.lineno} column {exc.colno}") from None
    if not isinstance(raw, dict):
        raise AnswerFormatError("(file)", "a JSON object", type(raw).__name__)
    try:
        return AnswerFile.model_validate(raw)
    except ValidationError as exc:
        error = exc.errors()[0]
        field = ".".join(str(part) for part in error["loc"]) or "(file)"
        if error["type"] == "missing":
            raise AnswerFormatError(field, "a value (field required)") from None
        if error["type"] == "extra_forbidden":
            raise AnswerFormatError(field, "no such field") from None
        raise AnswerFormatError(field, error["msg"].lower(), error.get("input")) from None
