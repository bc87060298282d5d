"""Exceptions of ikm-curriculum.

One base class, one subclass per kind of failure. Messages are written for a
facilitator: they name the participant, file, row or field, and what was
expected. Where a builtin type fits, subclasses inherit it too, so callers can
catch what they already know.
"""

from __future__ import annotations


class IkmError(Exception):
    """Base class of every error this package raises on purpose."""


class ContentError(IkmError, ValueError):
    """A ``content.yaml`` file (or an exercise declared in it) is invalid."""


class RosterError(IkmError, ValueError):
    """A roster file cannot be imported; ``problems`` lists every problem found."""

    def __init__(self, path: str, problems: list[str]) -> None:
        self.path = path
        self.problems = list(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"Roster {path} was not imported ({len(self.problems)} problem(s)):\n{lines}")


class WorkspaceError(IkmError):
    """The workspace folder, its ``ikm.toml`` or a cohort in it is missing or invalid."""


class AnswerFormatError(IkmError, ValueError):
    """An answer (from a widget or an answer file) does not have the expected form."""

    def __init__(self, field: str, expected: str, got: object = None) -> None:
        self.field = field
        self.expected = expected
        self.got = got
        shown = "" if got is None else f", got {got!r}"
        super().__init__(f"{field}: expected {expected}{shown}")


class SubmissionRejected(IkmError):
    """An answer file could not be accepted by ``collect``; the rest of the cohort goes on."""

    def __init__(self, participant: str, file: str, reason: str) -> None:
        self.participant = participant
        self.file = file
        self.reason = reason
        super().__init__(f"{participant}: {file}: {reason}")


class NotebookRunError(IkmError, RuntimeError):
    """A facilitator notebook failed; the executed notebook was kept at ``output_path``."""

    def __init__(self, output_path: str, cell_index: int | None, error: str) -> None:
        self.output_path = output_path
        self.cell_index = cell_index
        self.error = error
        where = f"cell {cell_index}" if cell_index is not None else "an unknown cell"
        super().__init__(f"Notebook failed in {where}: {error}\nExecuted notebook kept at {output_path}")


class CalculationError(IkmError, ValueError):
    """Bad input to a domain calculation (non-numbers, ragged subgroups, out-of-range sizes …).

    The message says which argument or element is wrong and what was expected.
    """


class RuleSetError(IkmError, ValueError):
    """A rule set of house rules (*tata tertib*, YAML) cannot be loaded.

    The message lists every hard error, each naming the rule (or section) and the YAML line;
    ``issues`` holds them as records (``LintIssue`` of :mod:`ikm_curriculum.modules.rules.lint`).
    """

    def __init__(self, message: str, issues: tuple[object, ...] = ()) -> None:
        self.issues = tuple(issues)
        super().__init__(message)


class DecisionError(IkmError, ValueError):
    """Decisions for the simulation of a centre are out of range; ``problems`` lists every one.

    Each problem is ``(field, expected, got)``; the message names the participant when known.
    """

    def __init__(self, problems: list[tuple[str, str, object]], participant: str = "") -> None:
        self.problems = tuple(problems)
        self.participant = participant
        who = f"{participant}: " if participant else ""
        lines = "\n".join(f"  - {field}: expected {expected}, got {got!r}" for field, expected, got in self.problems)
        super().__init__(f"{who}decisions not accepted ({len(self.problems)} problem(s)):\n{lines}")


class ReportError(IkmError):
    """A report, feedback page or certificate cannot be made (e.g. no PDF engine, or printing failed).

    The message says what is missing or failed and how to fix it.
    """
