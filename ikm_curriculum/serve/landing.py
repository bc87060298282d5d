"""A participant's first page after login: their workbooks by day, in the training's words, each opening in Voilà.

A Jupyter Server extension (``ikm_curriculum.serve.landing``, enabled in participants' servers by
:func:`ikm_curriculum.serve.hub_config.participant_server_config`) adding one page, ``<server>/ikm``. It lists the
``.ipynb`` files of the server's root folder (the participant's release folder) in the order of the training
(day by day, pre-test, modules, post-test; the survey last), with each workbook's title and how many answers are
saved in its answer file. The order and titles come from :func:`workbook_index`, which the hub writes once to a
JSON file (``IKM_WORKBOOK_INDEX``), so a participant's server never loads the curriculum (0.9 s of CPU and 27 MB
each, measured by ``benchmarks/serve_load.py``). The page is one self-contained HTML file: nothing is loaded from
elsewhere. Only the server's owner gets it (JupyterHub's login and the server's own check).
"""

from __future__ import annotations

import html
import json
import os
from pathlib import Path
from typing import Any

from jupyter_server.base.handlers import JupyterHandler
from jupyter_server.utils import url_path_join
from tornado import web

from ikm_curriculum.serve.labels import serve_label

LANG_ENV = "IKM_LANG"
"""Language of the page (``id`` or ``en``); set by the hub's spawner from ``ikm serve --lang``."""
INDEX_ENV = "IKM_WORKBOOK_INDEX"
"""Path of the JSON file of :func:`workbook_index`; set by the hub's spawner."""
INDEX_FILE = "workbooks.json"
"""That file's name, beside each UI's Jupyter configuration (``serve/jupyter/<ui>/``)."""
ANSWERS_SUFFIX = ".answers.json"
KIND_ORDER = {"pre": 0, "module": 1, "post": 2, "survey": 3}


def saved_answers(path: Path) -> int:
    """How many answers the answer file at ``path`` holds (0 when it is missing or unreadable)."""
    try:
        data = json.loads(path.read_bytes())
        return len(data.get("answers", {})) if isinstance(data, dict) else 0
    except (OSError, ValueError):
        return 0


def workbook_index() -> list[dict[str, Any]]:
    """Every workbook of the training in the order a participant meets them: ``workbook``, ``title`` (id, en)
    and ``day`` (None for the survey), from :func:`ikm_curriculum.evaluation.forms.default_plans`."""
    from ikm_curriculum.evaluation.forms import default_plans

    plans = sorted(default_plans(), key=lambda p: (p.day or 98, KIND_ORDER.get(p.kind, 9), p.workbook))
    return [{"workbook": p.workbook, "title": dict(p.title), "day": p.day} for p in plans]


def landing_page(
    folder: Path, voila_base: str, logout_url: str, lang: str = "id", index: list[dict[str, Any]] | None = None
) -> str:
    """The HTML of the page for the workbooks in ``folder``; links go to ``<voila_base>render/<file>``.

    ``index`` is :func:`workbook_index` (computed when not given); a notebook not in it comes last, as "Other".
    """

    def words(key: str, **fields: object) -> str:
        return serve_label(f"list_{key}", lang, **fields)

    entries = {entry["workbook"]: (n, entry) for n, entry in enumerate(index or workbook_index())}
    notebooks = sorted(
        (path for path in folder.glob("*.ipynb") if not path.name.startswith(".")),
        key=lambda path: (entries.get(path.stem, (len(entries), None))[0], path.stem),
    )
    sections: dict[str, list[str]] = {}
    for path in notebooks:
        entry = entries.get(path.stem, (0, None))[1]
        title = entry["title"].get(lang, entry["title"]["id"]) if entry else path.stem.replace("_", " ")
        heading = words("day", day=entry["day"]) if entry and entry["day"] else words("other")
        n = saved_answers(folder / f"{path.stem}{ANSWERS_SUFFIX}")
        status = words("saved", n=n) if n else words("none_saved")
        href = html.escape(url_path_join(voila_base, "render", path.name))
        sections.setdefault(heading, []).append(
            f'<li><a href="{href}"><span class="t">{html.escape(title)}</span>'
            f'<span class="s">{html.escape(status)}</span></a></li>'
        )
    body = "".join(f"<h2>{html.escape(h)}</h2><ul>{''.join(items)}</ul>" for h, items in sections.items())
    return PAGE.format(
        lang="en" if lang == "en" else "id",
        title=html.escape(words("title")),
        intro=html.escape(words("intro")),
        body=body or f"<p>{html.escape(words('empty'))}</p>",
        logout=html.escape(logout_url),
        logout_label=html.escape(words("logout")),
    )


PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 0 auto; max-width: 40rem; padding: 1rem; color: #222; }}
h1 {{ font-size: 1.5rem; }} h2 {{ font-size: 1.1rem; margin-top: 1.5rem; color: #8a4b08; }}
ul {{ list-style: none; padding: 0; }}
li a {{ display: flex; justify-content: space-between; gap: 1rem; padding: .9rem 1rem; margin: .4rem 0;
  border: 1px solid #ccc; border-radius: .5rem; text-decoration: none; color: inherit; font-size: 1.05rem; }}
li a:hover, li a:focus {{ background: #fff4e5; border-color: #f37726; }}
.s {{ color: #666; font-size: .9rem; white-space: nowrap; }}
.top {{ display: flex; justify-content: space-between; align-items: baseline; }}
</style></head>
<body><div class="top"><h1>{title}</h1><a href="{logout}">{logout_label}</a></div>
<p>{intro}</p>{body}</body></html>
"""


class LandingHandler(JupyterHandler):
    """``GET <server>/ikm``: the page of :func:`landing_page` for the server's own folder."""

    @web.authenticated
    def get(self) -> None:
        folder = Path(self.settings["server_root_dir"]).expanduser()
        hub_prefix = os.environ.get("JUPYTERHUB_BASE_URL", "/")
        index_file = os.environ.get(INDEX_ENV)
        page = landing_page(
            folder,
            url_path_join(self.base_url, "voila") + "/",
            url_path_join(hub_prefix, "hub", "logout"),
            os.environ.get(LANG_ENV, "id"),
            json.loads(Path(index_file).read_text("utf-8")) if index_file else None,
        )
        self.set_header("Cache-Control", "no-store")  # the counts of saved answers change
        self.finish(page)


def _jupyter_server_extension_points() -> list[dict[str, Any]]:
    return [{"module": "ikm_curriculum.serve.landing"}]


def _load_jupyter_server_extension(serverapp: Any) -> None:
    web_app = serverapp.web_app
    route = url_path_join(web_app.settings["base_url"], "ikm") + "/?"
    web_app.add_handlers(".*$", [(route, LandingHandler)])
