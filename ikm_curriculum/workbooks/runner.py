"""Running a facilitator notebook through papermill, inside the ``ikm`` process.

The kernel gets its working folder through nbclient's ``resources`` (not
papermill's ``cwd``, which changes the process's folder and is not
thread-safe). When a cell fails, papermill has already saved the executed
notebook; :class:`NotebookRunError` then says which cell failed and where the
notebook is.
"""

from __future__ import annotations

import secrets
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ikm_curriculum.errors import NotebookRunError


def import_papermill() -> Any:
    """Import papermill without the one-second cost of ``rfc3987_syntax``.

    papermill imports nbformat, which imports jsonschema, whose format checkers
    import ``rfc3987_syntax`` when it is installed; that module compiles ~35 Lark
    grammars at import time (about 1 s here). No notebook schema uses the
    ``iri`` formats it checks (python-jsonschema/jsonschema#1428). Marking the
    module as absent makes jsonschema skip those two format checks.
    """
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
    import papermill

    return papermill


def run_stamp() -> str:
    """A sortable, unique name for one notebook run: UTC time plus 4 random hex digits."""
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(2)


def run_notebook(source: Path, output: Path, parameters: dict[str, Any], cwd: Path) -> Any:
    """Execute ``source`` with ``parameters`` into ``output``; return the executed notebook node."""
    papermill = import_papermill()
    from papermill.exceptions import PapermillExecutionError

    try:
        return papermill.execute_notebook(
            str(source),
            str(output),
            parameters=parameters,
            kernel_name="python3",
            progress_bar=False,
            resources={"metadata": {"path": str(cwd)}},
            # The kernel warns at every start that its localhost TCP ports are not
            # encrypted; that is noise in a facilitator's terminal. Errors still show.
            extra_arguments=["--IPKernelApp.log_level=ERROR"],
            # Every result is stored (gradebook, outputs) when the last cell ends: stop
            # the kernel at once instead of waiting for a graceful shutdown.
            shutdown_kernel="immediate",
        )
    except PapermillExecutionError as exc:
        raise NotebookRunError(str(output), exc.cell_index, f"{exc.ename}: {exc.evalue}") from exc
