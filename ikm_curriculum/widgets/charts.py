"""Worked examples on screen: their steps as text and their chart as a PNG image.

A registry maps an example's ``kind`` (set by the module's ``worked_examples``)
to a function that returns HTML (steps, tables) and a matplotlib figure. The
figure is drawn with matplotlib's object API (no pyplot state, no backend),
saved as PNG and shown in an ``ipywidgets.Image``, so it looks the same in
Voilà, JupyterLab and tests.

``ikm release`` draws each workbook's charts once, into :data:`CHART_FOLDER`
beside it (:func:`save_charts`); opening the workbook then reads them instead
of drawing them again. Drawing the ten charts of module 1 took about 1 s of
CPU at every opening, which 20 participants opening it together on 2 cores
felt as 10 s (``benchmarks/serve_load.py``).
"""

from __future__ import annotations

import hashlib
import html
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Callable

import ipywidgets as w

from ikm_curriculum import __version__
from ikm_curriculum.widgets.autosave import write_atomic
from ikm_curriculum.widgets.labels import label, text

Renderer = Callable[[dict[str, Any], str], tuple[str, Any]]
RENDERERS: dict[str, Renderer] = {}
CHART_FOLDER = ".charts"
"""Beside a participant's released workbooks: their charts as PNG files, named by :func:`chart_file_name`."""


def renderer(kind: str) -> Callable[[Renderer], Renderer]:
    """Register the renderer of worked examples of ``kind``."""

    def register(function: Renderer) -> Renderer:
        RENDERERS[kind] = function
        return function

    return register


def new_figure(width: float = 7.5, height: float = 3.2) -> Any:
    """A matplotlib figure of ``width`` × ``height`` inches, without pyplot (no global state, no GUI)."""
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=100)


def png_bytes(figure: Any) -> bytes:
    """The figure as PNG bytes, for an ipywidgets Image or an HTML report."""
    buffer = io.BytesIO()
    figure.tight_layout()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def cell_text(value: Any, lang: str) -> str:
    """A data cell as the participant reads it: decimal comma in Indonesian.

    >>> cell_text(99.7, "id"), cell_text(99.7, "en"), cell_text(12, "id")
    ('99,7', '99.7', '12')
    """
    if isinstance(value, float) and lang == "id":
        return repr(value).replace(".", ",")
    return text(value, lang)


def data_table_html(data: dict[str, Any] | list[dict[str, Any]] | None, lang: str) -> str:
    """The exercise's data as small HTML tables (escaped): one table, or a list of tables each with a ``caption``.

    >>> data_table_html([{"caption": "KIB", "columns": [{"id": "a"}], "rows": [[1.5]]}], "id")[24:67]
    '<caption>KIB</caption><thead><tr><th>a</th>'
    """
    if not data:
        return ""
    if isinstance(data, list):
        return "".join(data_table_html(table, lang) for table in data)
    caption = f"<caption>{html.escape(text(data['caption'], lang))}</caption>" if data.get("caption") else ""
    head = "".join(f"<th>{html.escape(text(c.get('label', c['id']), lang))}</th>" for c in data["columns"])
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(cell_text(v, lang))}</td>" for v in row) + "</tr>" for row in data["rows"]
    )
    return f'<table class="ikm-data">{caption}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _steps_html(example: dict[str, Any], lang: str) -> str:
    """The example's steps as a numbered list, then its data table if it has one."""
    items = "".join(f"<li>{html.escape(text(step, lang))}</li>" for step in example.get("steps", []))
    table = example.get("table")
    return (f"<ol>{items}</ol>" if items else "") + (data_table_html(table, lang) if isinstance(table, dict) else "")


def _number(value: float, lang: str) -> str:
    shown = f"{value:.2f}"
    return shown.replace(".", ",") if lang == "id" else shown


@renderer("xbar_r")
def xbar_r(example: dict[str, Any], lang: str) -> tuple[str, Any]:
    """Two panels: subgroup means with x̿ and limits, ranges with R̄ and limits; points outside in red."""
    figure = new_figure(7.5, 4.6)
    top, bottom = figure.subplots(2, 1, sharex=True)
    numbers = list(range(1, len(example["xbars"]) + 1))
    outside = set(example["out_of_control"])
    for axes, points, center, lcl, ucl, name in (
        (top, example["xbars"], example["center_x"], example["lcl_x"], example["ucl_x"], "x̄"),
        (bottom, example["ranges"], example["center_r"], example["lcl_r"], example["ucl_r"], "R"),
    ):
        axes.plot(numbers, points, marker="o", color="#3b6ea5")
        red = [(n, p) for n, p in zip(numbers, points, strict=True) if n - 1 in outside and not lcl <= p <= ucl]
        if red:
            axes.plot(*zip(*red, strict=True), "o", color="#c0392b")
        for value, style, tag in (
            (ucl, "--", label(lang, "ucl")),
            (center, "-", label(lang, "cl")),
            (lcl, "--", label(lang, "lcl")),
        ):
            axes.axhline(value, linestyle=style, color="#555555", linewidth=1)
            axes.annotate(f"{tag} {_number(value, lang)}", (numbers[-1] + 0.3, value), fontsize=8, va="center")
        axes.set_ylabel(f"{name} ({example['unit']})")
        axes.set_xlim(0.5, numbers[-1] + 3.5)
    bottom.set_xlabel(label(lang, "subgroup"))
    top.set_title(text(example["characteristic"], lang))
    return _steps_html(example, lang), figure


@renderer("pareto")
def pareto(example: dict[str, Any], lang: str) -> tuple[str, Any]:
    """Bars of counts, largest first, with the cumulative percent line and the cut-off."""
    rows = example["rows"]
    figure = new_figure(7.5, 3.6)
    axes = figure.subplots()
    names = [text(r["category"], lang) for r in rows]
    positions = list(range(len(rows)))
    axes.bar(positions, [r["count"] for r in rows], color="#3b6ea5")
    axes.set_xticks(positions, names, rotation=25, ha="right", fontsize=8)
    axes.set_ylabel(label(lang, "count"))
    line = axes.twinx()
    line.plot(positions, [r["cumulative"] for r in rows], marker="o", color="#c0392b")
    line.axhline(example["cutoff"], linestyle="--", color="#555555", linewidth=1)
    line.set_ylim(0, 105)
    line.set_ylabel(label(lang, "cumulative_percent"))
    head = "".join(f"<th>{html.escape(label(lang, k))}</th>" for k in ("defect", "count", "percent", "cumulative"))
    body = "".join(
        f"<tr><td>{html.escape(text(r['category'], lang))}</td><td>{r['count']}</td>"
        f"<td>{_number(r['percent'], lang)}</td><td>{_number(r['cumulative'], lang)}</td></tr>"
        for r in rows
    )
    vital = ", ".join(text(v, lang) for v in example["vital_few"])
    note = f"<p>{html.escape(label(lang, 'vital_few'))}: <b>{html.escape(vital)}</b></p>"
    return f'<table class="ikm-data"><tr>{head}</tr>{body}</table>{note}', figure


@renderer("control_chart")
def control_chart(chart: dict[str, Any], lang: str) -> tuple[str, Any]:
    """One panel: the points, the centre line and the limits (lists for varying limits), optional σ zones.

    Keys: ``points``, ``center``, ``lcl``, ``ucl`` (numbers or one per point),
    ``ylabel`` (bilingual), ``title`` (bilingual, optional), ``zones`` (bool:
    draw the 1σ and 2σ lines used by the run rules).
    """
    points = chart["points"]
    numbers = list(range(1, len(points) + 1))
    figure = new_figure(7.5, 3.2)
    axes = figure.subplots()
    axes.plot(numbers, points, marker="o", color="#3b6ea5")
    for key, style, tag in (("ucl", "--", "ucl"), ("center", "-", "cl"), ("lcl", "--", "lcl")):
        value = chart[key]
        if isinstance(value, list):
            axes.step(numbers, value, where="mid", linestyle=style, color="#555555", linewidth=1)
        else:
            axes.axhline(value, linestyle=style, color="#555555", linewidth=1)
            axes.annotate(f"{label(lang, tag)} {_number(value, lang)}", (numbers[-1] + 0.3, value), fontsize=8)
    if chart.get("zones") and not isinstance(chart["ucl"], list):
        sigma = (chart["ucl"] - chart["center"]) / 3
        for k in (-2, -1, 1, 2):
            axes.axhline(chart["center"] + k * sigma, linestyle=":", color="#999999", linewidth=0.8)
    axes.set_xticks(numbers)
    axes.tick_params(axis="x", labelsize=7)
    axes.set_xlim(0.5, numbers[-1] + 3.5)
    axes.set_xlabel(label(lang, "subgroup"))
    axes.set_ylabel(text(chart.get("ylabel", ""), lang))
    if chart.get("title"):
        axes.set_title(text(chart["title"], lang))
    return _steps_html(chart, lang), figure


@renderer("oc_curve")
def oc_curve(chart: dict[str, Any], lang: str) -> tuple[str, Any]:
    """Probability of acceptance against lot fraction defective (in %), for the plan (n, c).

    Keys: ``n``, ``c``, ``fractions`` (0–1), ``probabilities``; optional ``aql``
    (a fraction, marked with a dotted line) and ``title`` (bilingual).
    """
    figure = new_figure(6.5, 3.4)
    axes = figure.subplots()
    axes.plot([100 * f for f in chart["fractions"]], chart["probabilities"], color="#3b6ea5")
    if chart.get("aql") is not None:
        axes.axvline(100 * chart["aql"], linestyle=":", color="#555555", linewidth=1)
    axes.set_ylim(0, 1.02)
    axes.set_xlim(0, 100 * max(chart["fractions"]))
    axes.grid(alpha=0.3)
    axes.set_xlabel(label(lang, "lot_percent_defective"))
    axes.set_ylabel(label(lang, "probability_accept"))
    axes.set_title(text(chart.get("title", f"n = {chart['n']}, c = {chart['c']}"), lang))
    return _steps_html(chart, lang), figure


@renderer("capability")
def capability(chart: dict[str, Any], lang: str) -> tuple[str, Any]:
    """Histogram of measurements with the specification limits (and the target, if any).

    Keys: ``values``, ``lsl`` and/or ``usl`` (None for a one-sided spec),
    optional ``target``, ``unit`` and ``title`` (bilingual).
    """
    figure = new_figure(6.5, 3.2)
    axes = figure.subplots()
    axes.hist(chart["values"], bins="sturges", color="#3b6ea5", edgecolor="white")
    for key, tag in (("lsl", "lsl_spec"), ("usl", "usl_spec"), ("target", "target")):
        if chart.get(key) is not None:
            axes.axvline(chart[key], color="#c0392b" if key != "target" else "#555555", linestyle="--")
            axes.annotate(
                f"{label(lang, tag)} {_number(chart[key], lang)}",
                (chart[key], axes.get_ylim()[1] * 0.95),
                fontsize=8,
                ha="center",
                backgroundcolor="white",
            )
    axes.set_xlabel(f"{text(chart.get('title', ''), lang)} ({chart.get('unit', '')})")
    axes.set_ylabel(label(lang, "count"))
    return _steps_html(chart, lang), figure


@renderer("bars")
def bars(chart: dict[str, Any], lang: str) -> tuple[str, Any]:
    """Grouped bars: one group per category, one bar per series (e.g. before and after).

    Keys: ``categories`` (bilingual or text), ``series`` (list of ``name``,
    ``values``), optional ``ylabel``, ``ylim`` and ``title``.
    """
    categories = [text(c, lang) for c in chart["categories"]]
    series = chart["series"]
    width = 0.8 / len(series)
    figure = new_figure(6.5, 3.2)
    axes = figure.subplots()
    colours = ["#9db4d0", "#3b6ea5", "#c0392b"]
    for k, one in enumerate(series):
        positions = [i + (k - (len(series) - 1) / 2) * width for i in range(len(categories))]
        axes.bar(positions, one["values"], width=width, label=text(one["name"], lang), color=colours[k % 3])
    axes.set_xticks(range(len(categories)), categories, fontsize=8)
    if chart.get("ylim"):
        axes.set_ylim(*chart["ylim"])
    axes.set_ylabel(text(chart.get("ylabel", ""), lang))
    if len(series) > 1:
        axes.legend(fontsize=8)
    if chart.get("title"):
        axes.set_title(text(chart["title"], lang))
    return _steps_html(chart, lang), figure


def chart_file_name(chart: dict[str, Any], lang: str) -> str:
    """The PNG file of a chart in :data:`CHART_FOLDER`: a hash of what it shows, in which language, drawn by which
    version of ikm-curriculum (a changed chart gets a new file, never an old picture).

    >>> chart_file_name({"kind": "pareto", "rows": []}, "id") != chart_file_name({"kind": "pareto", "rows": []}, "en")
    True
    """
    shown = json.dumps([chart, lang, __version__], sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(shown.encode("utf-8")).hexdigest()[:32] + ".png"


def _render(chart: dict[str, Any], lang: str) -> tuple[str, Any]:
    if chart["kind"] not in RENDERERS:
        raise KeyError(f"no renderer for chart kind {chart['kind']!r}; known: {sorted(RENDERERS)}")
    return RENDERERS[chart["kind"]](chart, lang)


def _image(chart: dict[str, Any], lang: str, folder: Path | None, figure: Any = None) -> w.Image:
    """The chart as an image widget: its PNG from ``folder`` if drawn at release, else drawn now."""
    drawn = folder / chart_file_name(chart, lang) if folder is not None else None
    if drawn is not None and drawn.is_file():
        value = drawn.read_bytes()
    else:
        value = png_bytes(figure if figure is not None else _render(chart, lang)[1])
    return w.Image(value=value, format="png", layout=w.Layout(width="720px"))


def chart_image(chart: dict[str, Any], lang: str, folder: Path | None = None) -> w.Image:
    """Only the chart of a worked example or an exercise (e.g. a control chart to read)."""
    return _image(chart, lang, folder)


def example_widget(example: dict[str, Any], lang: str, folder: Path | None = None) -> w.Widget:
    """The worked example: a heading, its steps or table, and its chart (from ``folder`` if drawn at release)."""
    body, figure = _render(example, lang)  # the steps come with the figure (not yet drawn: that is the cost)
    heading = f"<h4>{html.escape(label(lang, 'worked_example'))}</h4>"
    return w.VBox([w.HTML(heading + body), _image(example, lang, folder, figure)])


def save_charts(charts: Iterable[dict[str, Any]], lang: str, folder: Path) -> int:
    """Draw each chart into ``folder`` (:func:`chart_file_name`) unless it is there already; returns how many
    were drawn. ``ikm release`` calls it for every workbook it releases."""
    drawn = 0
    for chart in charts:
        path = folder / chart_file_name(chart, lang)
        if path.is_file():
            continue
        folder.mkdir(exist_ok=True)
        write_atomic(path, png_bytes(_render(chart, lang)[1]))
        drawn += 1
    return drawn
