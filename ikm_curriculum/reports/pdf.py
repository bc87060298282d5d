"""Printable pages: a Jinja2 template rendered to one self-contained HTML file, and that file printed to PDF.

Two PDF engines print the same HTML; the page size and margins come from the
page's own CSS ``@page`` rule (e.g. ``@page { size: A4; margin: 15mm }``), which
both honour:

- ``chromium``: the system's headless Chromium (Debian: ``apt-get install -y
  chromium``), found through the ``IKM_CHROMIUM`` environment variable, else
  ``chromium``, ``chromium-browser`` or ``google-chrome`` on ``PATH``; run as
  ``chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer
  --print-to-pdf=<file> file://<html>`` (Chromium's documented command-line
  printing, https://developer.chrome.com/docs/chromium/headless);
- ``weasyprint``: the WeasyPrint library (``pip install "ikm-curriculum[pdf]"``),
  used in-process.

``engine="auto"`` takes Chromium when it is there, else WeasyPrint, else raises
:class:`~ikm_curriculum.errors.ReportError` saying how to get one. Every file is
written under a temporary name and then renamed: never a half-written PDF.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from ikm_curriculum.errors import ReportError
from ikm_curriculum.resources import resource_path

ENGINES: tuple[str, ...] = ("chromium", "weasyprint")
"""PDF engines, in the order ``engine="auto"`` tries them."""
BROWSERS: tuple[str, ...] = ("chromium", "chromium-browser", "google-chrome")
"""Names of a Chromium executable looked up on ``PATH`` when ``IKM_CHROMIUM`` is not set."""
CHROMIUM_ENV = "IKM_CHROMIUM"
CHROMIUM_TIMEOUT = 120.0
"""Seconds one Chromium print may take before it is stopped."""
PARALLEL_PRINTS = 4
"""Most Chromium processes printing at the same time in :func:`html_to_pdf_many` (never more than the CPUs)."""
HOW_TO_GET_ENGINE = (
    "install Chromium (Debian/Ubuntu: `apt-get install -y chromium`, or set IKM_CHROMIUM to a Chromium "
    'executable) or WeasyPrint (`pip install "ikm-curriculum[pdf]"`)'
)


def find_chromium() -> str | None:
    """The Chromium executable to print with: ``IKM_CHROMIUM``, else the first of :data:`BROWSERS` on ``PATH``.

    Raises
    ------
    ReportError
        ``IKM_CHROMIUM`` is set but names no executable file (a wrong setting is reported, not skipped).
    """
    configured = os.environ.get(CHROMIUM_ENV, "").strip()
    if configured:
        found = shutil.which(configured)
        if found is None:
            raise ReportError(f"{CHROMIUM_ENV}={configured!r} is not an executable file; fix it or unset it")
        return found
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


def weasyprint_available() -> bool:
    """Whether the ``weasyprint`` package can be imported (with its system libraries)."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


def choose_engine(engine: str = "auto") -> str:
    """The engine that will print: ``engine`` itself if it is available, or the first available for ``"auto"``.

    Raises
    ------
    ReportError
        ``engine`` is unknown, or not available (the message says how to install one).
    """
    if engine not in ("auto", *ENGINES):
        raise ReportError(f"PDF engine {engine!r}: expected one of auto, {', '.join(ENGINES)}")
    if engine in ("auto", "chromium") and find_chromium():
        return "chromium"
    if engine == "chromium":
        raise ReportError(
            f"no Chromium found ({CHROMIUM_ENV} not set; none of {', '.join(BROWSERS)} on PATH); " + HOW_TO_GET_ENGINE
        )
    if weasyprint_available():
        return "weasyprint"
    if engine == "weasyprint":
        raise ReportError('the weasyprint package cannot be imported; pip install "ikm-curriculum[pdf]"')
    raise ReportError(f"no PDF engine found: {HOW_TO_GET_ENGINE}")


def _partial(path: Path) -> Path:
    return path.with_name(f".{path.stem}.partial{path.suffix}")


def _check_pdf(path: Path, source: Path, engine: str) -> None:
    if not path.is_file() or path.stat().st_size == 0:
        raise ReportError(f"{engine} wrote no PDF for {source}")
    with path.open("rb") as handle:
        if handle.read(5) != b"%PDF-":
            raise ReportError(f"{engine} wrote a file that is not a PDF for {source}")


def _print_chromium(browser: str, html_path: Path, target: Path, timeout: float) -> None:
    with tempfile.TemporaryDirectory(prefix="ikm-chromium-") as profile:
        command = [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--no-pdf-header-footer",
            f"--user-data-dir={profile}",
            f"--print-to-pdf={target}",
            html_path.as_uri(),
        ]
        process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
        )
        try:
            _, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # the browser's own child processes too
            process.communicate()
            raise ReportError(f"Chromium did not print {html_path} within {timeout:g} s") from None
    if process.returncode != 0:
        tail = stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
        raise ReportError(f"Chromium failed to print {html_path} (exit code {process.returncode}): {' | '.join(tail)}")


def _print_weasyprint(html_path: Path, target: Path) -> None:
    import weasyprint

    weasyprint.HTML(filename=str(html_path)).write_pdf(str(target))


def html_to_pdf(
    html_path: str | os.PathLike[str],
    pdf_path: str | os.PathLike[str],
    engine: str = "auto",
    timeout: float = CHROMIUM_TIMEOUT,
) -> Path:
    """Print the HTML file ``html_path`` to ``pdf_path`` with ``engine`` (module docstring).

    Parameters
    ----------
    html_path, pdf_path : path-like
    engine : str
        ``"auto"``, ``"chromium"`` or ``"weasyprint"``.
    timeout : float
        Seconds Chromium may take.

    Returns
    -------
    Path
        ``pdf_path``; it starts with ``%PDF-``.

    Raises
    ------
    ReportError
        The HTML file is missing, no engine is available, or printing failed.
    """
    source = Path(html_path).resolve()
    if not source.is_file():
        raise ReportError(f"{source}: no such HTML file to print")
    chosen = choose_engine(engine)
    output = Path(pdf_path)
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = _partial(output)
    try:
        if chosen == "chromium":
            _print_chromium(str(find_chromium()), source, partial.resolve(), timeout)
        else:
            _print_weasyprint(source, partial)
        _check_pdf(partial, source, chosen)
        os.replace(partial, output)
    finally:
        partial.unlink(missing_ok=True)
    return output


def html_to_pdf_many(
    pairs: Sequence[tuple[Path, Path]], engine: str = "auto", workers: int = PARALLEL_PRINTS
) -> list[Path]:
    """Print every ``(html, pdf)`` pair; Chromium prints ``workers`` pages at a time, WeasyPrint one by one."""
    chosen = choose_engine(engine)
    workers = min(workers, os.cpu_count() or 1)
    if chosen == "weasyprint" or workers <= 1 or len(pairs) <= 1:
        return [html_to_pdf(html, pdf, chosen) for html, pdf in pairs]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda pair: html_to_pdf(pair[0], pair[1], chosen), pairs))


def write_text_atomic(path: Path, text: str) -> Path:
    """Write ``text`` (UTF-8) to ``path`` under a temporary name, then rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = _partial(path)
    try:
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def render_page(
    template_dir: tuple[str, ...],
    name: str,
    context: Mapping[str, Any],
    filters: Mapping[str, Callable[..., Any]] | None = None,
) -> str:
    """Render the bundled Jinja2 template ``templates/<...>/<name>`` (HTML-escaped, strict about unknown names)."""
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(resource_path(*template_dir))),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters.update(filters or {})
    return environment.get_template(name).render(**context)
