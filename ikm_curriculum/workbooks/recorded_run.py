"""One facilitator notebook run for a whole cohort, recorded in the gradebook (grading, simulation).

:func:`run_recorded` adds a :class:`~ikm_curriculum.cohort.gradebook.GradingRun`
row, executes the notebook once through papermill into
``cohorts/<cohort>/runs/<prefix>-<run id>.ipynb`` (the audit trail), marks the
run *failed* if a cell fails, and returns the result the notebook displayed
under its own JSON mimetype.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ikm_curriculum.cohort.gradebook import GradingRun, utcnow
from ikm_curriculum.cohort.workspace import Workspace
from ikm_curriculum.errors import NotebookRunError
from ikm_curriculum.resources import resource_path
from ikm_curriculum.workbooks.runner import run_notebook, run_stamp


def result_from_notebook(notebook: Any, path: str, mimetype: str) -> dict[str, Any]:
    """The result the notebook displayed as ``mimetype`` (without its ``notebook`` field)."""
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if mimetype in data:
                return {k: v for k, v in data[mimetype].items() if k != "notebook"}
    raise NotebookRunError(path, None, f"the notebook displayed no {mimetype} result")


def run_recorded(
    workspace: Workspace, cohort_name: str, notebook: str, prefix: str, parameters: dict[str, Any], mimetype: str
) -> tuple[dict[str, Any], Path]:
    """Run ``notebooks/facilitator/<notebook>`` once for the cohort; its displayed result and the executed copy.

    ``parameters`` get ``workspace``, ``cohort`` and ``run_id`` added. Raises
    :class:`~ikm_curriculum.errors.WorkspaceError` for an unknown cohort (before
    any kernel starts) and :class:`NotebookRunError` when a cell fails (the run is
    then marked failed and the executed notebook kept).
    """
    gradebook = workspace.gradebook()
    run_id = run_stamp()
    runs = workspace.runs_dir(cohort_name)
    output = runs / f"{prefix}-{run_id}.ipynb"
    try:
        with gradebook.transaction() as session:
            cohort = gradebook.cohort(session, cohort_name)
            session.add(GradingRun(id=run_id, cohort_id=cohort.id, notebook_path=str(output)))
        runs.mkdir(parents=True, exist_ok=True)
        try:
            executed = run_notebook(
                resource_path("notebooks", "facilitator", notebook),
                output,
                {"workspace": str(workspace.root), "cohort": cohort_name, "run_id": run_id, **parameters},
                cwd=runs,
            )
        except NotebookRunError:
            with gradebook.transaction() as session:
                run = session.get(GradingRun, run_id)
                if run is not None:
                    run.status, run.finished_at = "failed", utcnow()
            raise
        return result_from_notebook(executed, str(output), mimetype), output
    finally:
        gradebook.dispose()
