"""Charts of the cohort report, as PNG bytes (matplotlib's object API; no pyplot, no display needed)."""

from __future__ import annotations

import io
from typing import Any

import numpy as np

from ikm_curriculum.cohort.scores import CohortScores
from ikm_curriculum.reports.labels import format_number, label
from ikm_curriculum.reports.tables import BIN_WIDTH, final_percents, module_titles, percent

HEATMAP_MAX_ROWS = 60
"""Above this many participants the heat map shows one row per centre (a taller chart would not print)."""

HEATMAP_COLOURS = "RdYlGn"
"""Red (low) – yellow – green (high), as the traffic lights of the mentoring scorecard."""


def _png(figure: Any) -> bytes:
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def histogram_png(scores: CohortScores, lang: str = "id", width: int = BIN_WIDTH) -> bytes:
    """PNG of a histogram of final percents (participants who submitted), ``width``-point bins."""
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    figure = Figure(figsize=(7.0, 3.2), dpi=100)
    axes = figure.subplots()
    axes.hist(
        np.clip(final_percents(scores), 0, 100),
        bins=np.arange(0, 100 + width, width),
        color="#3b6ea5",
        edgecolor="white",
    )
    axes.set_xlim(0, 100)
    axes.set_xticks(np.arange(0, 100 + width, width))
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xlabel(label("hist_x", lang))
    axes.set_ylabel(label("hist_y", lang))
    axes.set_title(label("hist_title", lang))
    axes.spines[["top", "right"]].set_visible(False)
    return _png(figure)


def heatmap_rows(scores: CohortScores, max_rows: int = HEATMAP_MAX_ROWS) -> tuple[list[str], np.ndarray]:
    """Row labels and percents (rows × modules) of the heat map: one row per participant (roster order), or per
    centre (mean of its participants who handed in work) when there are more than ``max_rows`` participants.

    A participant or centre without work handed in has NaN (a grey row).
    """

    def row(people: list[Any]) -> list[float]:
        done = [p for p in people if p.submitted]
        if not done:
            return [np.nan] * len(scores.modules)
        return [float(np.mean([percent(*p.by_module.get(m, (0.0, 0.0))) for p in done])) for m in scores.modules]

    if len(scores.participants) <= max_rows:
        labels = [p.nama for p in scores.participants]
        values = [row([p]) for p in scores.participants]
    else:
        centres: dict[str, list[Any]] = {}
        for person in scores.participants:
            centres.setdefault(person.sentra, []).append(person)
        labels = [f"{sentra} ({len(people)})" for sentra, people in centres.items()]
        values = [row(people) for people in centres.values()]
    return labels, np.array(values, dtype=float).reshape(len(labels), len(scores.modules))


def heatmap_png(scores: CohortScores, lang: str = "id") -> bytes:
    """PNG of participants (or centres, see :func:`heatmap_rows`) × modules: each cell its percent, red → green."""
    from matplotlib.figure import Figure

    titles = list(module_titles(scores, lang).values())
    labels, values = heatmap_rows(scores)
    height = 1.2 + 0.32 * max(len(labels), 1)
    figure = Figure(figsize=(8.0, height), dpi=100)
    axes = figure.subplots()
    image = axes.imshow(np.ma.masked_invalid(values), cmap=HEATMAP_COLOURS, vmin=0, vmax=100, aspect="auto")
    image.cmap.set_bad("#dddddd")
    axes.set_xticks(range(len(titles)), [_wrap(t) for t in titles], fontsize=7)
    axes.set_yticks(range(len(labels)), labels, fontsize=7)
    axes.xaxis.tick_top()
    for r in range(values.shape[0]):
        for c in range(values.shape[1]):
            if not np.isnan(values[r, c]):
                axes.text(c, r, format_number(values[r, c], lang, 0), ha="center", va="center", fontsize=7)
    colour_bar = figure.colorbar(image, ax=axes, fraction=0.03, pad=0.02)
    colour_bar.set_label(label("heatmap_scale", lang), fontsize=7)
    colour_bar.ax.tick_params(labelsize=7)
    return _png(figure)


def _wrap(text: str, width: int = 14) -> str:
    """``text`` broken into lines of about ``width`` characters (column labels of the heat map)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


def pre_post_png(days: list[str], pre: list[float], post: list[float], lang: str = "id") -> bytes:
    """PNG of mean pre-test and post-test percent per day (and over all days), side by side."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(7.0, 3.0), dpi=100)
    axes = figure.subplots()
    x = np.arange(len(days))
    axes.bar(x - 0.2, pre, 0.4, label=label("mean_pre", lang), color="#b7c7dd")
    axes.bar(x + 0.2, post, 0.4, label=label("mean_post", lang), color="#3b6ea5")
    for position, value in [*zip(x - 0.2, pre, strict=True), *zip(x + 0.2, post, strict=True)]:
        if not np.isnan(value):
            axes.text(position, value + 1, format_number(value, lang, 0), ha="center", fontsize=8)
    axes.set_xticks(x, days)
    axes.set_ylim(0, 105)
    axes.set_ylabel("%")
    axes.legend(frameon=False, fontsize=8)
    axes.spines[["top", "right"]].set_visible(False)
    return _png(figure)
