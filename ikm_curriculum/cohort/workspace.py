"""A facilitator's workspace: config, gradebook and the folders of each cohort.

Layout::

    DIR/
      ikm.toml                                  config (see CONFIG_TEMPLATE)
      ikm.db                                    the SQLite gradebook (default)
      cohorts/<cohort>/release/<participant>/   workbooks + <workbook>.answers.json + MANIFEST.json
      cohorts/<cohort>/runs/                    executed grading notebooks (audit trail)
      reports/<cohort>/                         HTML report, Excel workbook

The workspace folder comes from ``--workspace``, else ``IKM_WORKSPACE``, else
the current folder.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ikm_curriculum.cohort.gradebook import Gradebook
from ikm_curriculum.errors import WorkspaceError

CONFIG_NAME = "ikm.toml"
DB_NAME = "ikm.db"
DEFAULT_MAX_ANSWER_BYTES = 1_000_000

CONFIG_TEMPLATE = """\
# ikm-curriculum workspace, created {created}
[workspace]
lang = "id"            # language of workbooks and reports: "id" or "en"

[database]
# url = "postgresql+psycopg://user:password@host/ikm"   # default: ikm.db beside this file
# (the environment variable IKM_DATABASE_URL overrides this)

[collect]
max_answer_file_bytes = {max_bytes}
"""


@dataclass(frozen=True)
class Workspace:
    """Paths and settings of one workspace folder."""

    root: Path
    config: dict[str, Any]

    @property
    def database_url(self) -> str:
        env = os.environ.get("IKM_DATABASE_URL")
        if env:
            return env
        configured = self.config.get("database", {}).get("url")
        return configured or f"sqlite:///{self.root / DB_NAME}"

    @property
    def database_url_shown(self) -> str:
        """:attr:`database_url` as it may be printed: with its password masked."""
        from sqlalchemy.engine import make_url

        return make_url(self.database_url).render_as_string(hide_password=True)

    @property
    def lang(self) -> str:
        return str(self.config.get("workspace", {}).get("lang", "id"))

    @property
    def max_answer_bytes(self) -> int:
        return int(self.config.get("collect", {}).get("max_answer_file_bytes", DEFAULT_MAX_ANSWER_BYTES))

    def cohort_dir(self, cohort: str) -> Path:
        return self.root / "cohorts" / cohort

    def release_dir(self, cohort: str) -> Path:
        return self.cohort_dir(cohort) / "release"

    def runs_dir(self, cohort: str) -> Path:
        return self.cohort_dir(cohort) / "runs"

    def report_dir(self, cohort: str) -> Path:
        return self.root / "reports" / cohort

    def gradebook(self) -> Gradebook:
        return Gradebook.open(self.database_url)


def resolve_root(path: str | os.PathLike[str] | None) -> Path:
    """``path``, else ``IKM_WORKSPACE``, else the current folder (absolute)."""
    chosen = path or os.environ.get("IKM_WORKSPACE") or os.getcwd()
    return Path(chosen).expanduser().resolve()


def init_workspace(path: str | os.PathLike[str]) -> tuple[Workspace, bool]:
    """Make a workspace at ``path``; returns it and whether it was new.

    An existing workspace is left as it is (its gradebook is only upgraded).
    """
    root = Path(path).expanduser().resolve()
    if root.exists() and not root.is_dir():
        raise WorkspaceError(f"{root} exists and is not a folder")
    root.mkdir(parents=True, exist_ok=True)
    config_path = root / CONFIG_NAME
    created = not config_path.exists()
    if created:
        stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
        config_path.write_text(CONFIG_TEMPLATE.format(created=stamp, max_bytes=DEFAULT_MAX_ANSWER_BYTES), "utf-8")
    (root / "cohorts").mkdir(exist_ok=True)
    (root / "reports").mkdir(exist_ok=True)
    workspace = open_workspace(root)
    Gradebook.open(workspace.database_url, create=True).dispose()
    return workspace, created


def open_workspace(path: str | os.PathLike[str] | None = None) -> Workspace:
    """Open the workspace at ``path`` (see :func:`resolve_root`)."""
    root = resolve_root(path)
    config_path = root / CONFIG_NAME
    if not config_path.is_file():
        raise WorkspaceError(f"{root} is not an ikm workspace (no {CONFIG_NAME}); create one with `ikm init {root}`")
    try:
        config = tomllib.loads(config_path.read_text("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise WorkspaceError(f"{config_path}: {exc}") from exc
    lang = config.get("workspace", {}).get("lang", "id")
    if lang not in ("id", "en"):
        raise WorkspaceError(f"{config_path}: workspace.lang: expected 'id' or 'en', got {lang!r}")
    return Workspace(root, config)
