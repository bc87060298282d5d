"""The registry of report sections, and the HTML helpers every section uses.

A section is a function ``ReportData -> list of displayable objects``
registered with :func:`register_section`. The report notebook holds one cell
``show(report, "<name>")`` per section, in the order of :data:`REPORT_ORDER`.
"""

from __future__ import annotations

import html
import math
import numbers
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from ikm_curriculum.reports.labels import format_number, label
from ikm_curriculum.reports.report_data import ReportData

Section = Callable[[ReportData], list[Any]]
SECTIONS: dict[str, Section] = {}
"""Registered report sections, by name, in registration order."""

REPORT_ORDER: tuple[str, ...] = (
    "cover",
    "summary",
    "attendance",
    "participants",
    "heatmap",
    "modules",
    "distribution",
    "pre_post",
    "item_analysis",
    "simulation",
    "field_visit",
    "survey",
    "readiness",
)
"""The sections of the cohort report, in the order it prints them."""


def register_section(name: str) -> Callable[[Section], Section]:
    """Decorator: register a section function under ``name`` (a later one replaces an earlier)."""

    def register(function: Section) -> Section:
        SECTIONS[name] = function
        return function

    return register


def show(data: ReportData, name: str) -> None:
    """Display section ``name`` of the report in the running notebook."""
    from IPython.display import display

    import ikm_curriculum.reports.all_sections  # noqa: F401  (registers every section)

    if name not in SECTIONS:
        raise KeyError(f"unknown report section {name!r}; known: {', '.join(SECTIONS)}")
    for part in SECTIONS[name](data):
        display(part)


def _cell(value: Any, lang: str, decimals: int) -> str:
    """One ``<td>``: numbers right-aligned (``num``), one decimal comma in Indonesian; blanks as a dash."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "<td class='num'>–</td>"
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (numbers.Real, np.number)):
        return f"<td>{html.escape(str(value))}</td>"
    if isinstance(value, (numbers.Integral, np.integer)):
        return f"<td class='num'>{int(value)}</td>"
    return f"<td class='num'>{format_number(float(value), lang, decimals)}</td>"


def table_html(frame: pd.DataFrame, lang: str = "id", decimals: int = 1) -> str:
    """``frame`` as an HTML table: no index; numbers right-aligned with ``decimals`` decimals (decimal comma in
    Indonesian), text left-aligned, a missing value as a dash."""
    head = "".join(f"<th>{html.escape(str(column))}</th>" for column in frame.columns)
    body = "".join(
        "<tr>" + "".join(_cell(value, lang, decimals) for value in row) + "</tr>"
        for row in frame.itertuples(index=False, name=None)
    )
    return f"<table class='ikm-table'><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def html_part(text: str) -> Any:
    """An HTML output of the notebook."""
    from IPython.display import HTML

    return HTML(text)


def image_part(png: bytes, alt: str) -> Any:
    """A PNG output of the notebook (embedded in the HTML report)."""
    from IPython.display import Image

    return Image(data=png, format="png", alt=alt)


def heading(key: str, lang: str, **fields: Any) -> str:
    """A section heading ``<h2>`` from label ``key``; its id lets the contents list link to it."""
    return f"<h2 id='{html.escape(key)}'>{html.escape(label(key, lang, **fields))}</h2>"


def note(key: str, lang: str, **fields: Any) -> str:
    """A small explanatory paragraph from label ``key``."""
    return f"<p class='ikm-note'>{html.escape(label(key, lang, **fields))}</p>"


def key_value_table(rows: list[tuple[str, str]], css: str = "ikm-summary") -> str:
    """A two-column table of (label, value) rows, both escaped."""
    body = "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>" for k, v in rows)
    return f"<table class='{css}'>{body}</table>"
