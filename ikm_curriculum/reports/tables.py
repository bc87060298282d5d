"""Tables of a cohort's scores (pandas DataFrames), for the HTML report and Excel.

Every function takes the :class:`~ikm_curriculum.cohort.scores.CohortScores`
read from the gradebook and a language, and returns a DataFrame whose column
headers are already in that language. Percent values stay floats (one decimal
is applied when displayed or written to Excel).

Rules used throughout (also written in the report, see ``summary_note``):

- percent of a module = 100 × points / maximum points of the module's items;
- a participant who has not submitted scores 0 and counts as *needing
  follow-up* (below :data:`FOLLOW_UP_BELOW` percent);
- mean, median, lowest and highest values are over participants who submitted.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import pandas as pd

from ikm_curriculum.cohort.scores import CohortScores, ItemScore, ParticipantScores
from ikm_curriculum.reports.labels import label, module_title

FOLLOW_UP_BELOW = 60.0
"""A final score below this percent marks a participant for follow-up mentoring."""

BIN_WIDTH = 10
"""Width of a bin of the score distribution, in percentage points."""


def percent(points: float, maximum: float) -> float:
    """``100 * points / maximum``; NaN when there is nothing to score (``maximum`` = 0).

    >>> percent(7.5, 10)
    75.0
    >>> percent(0, 0)
    nan
    """
    return 100.0 * points / maximum if maximum else float("nan")


def module_titles(scores: CohortScores, lang: str = "id") -> dict[str, str]:
    """Module id → title in ``lang``, for every module that has scored items, in order."""
    return {module: module_title(module, lang) for module in scores.modules}


@dataclass(frozen=True)
class CohortSummary:
    """The headline numbers of a cohort.

    Attributes
    ----------
    n_participants : int
        Participants on the roster.
    n_submitted : int
        Participants with at least one accepted submission.
    mean_percent : float
        Mean final percent over participants who submitted (NaN if none did).
    n_below : int
        Participants whose final percent is below ``threshold`` (non-submitters included).
    awaiting_manual : int
        Items still waiting for a facilitator's score.
    threshold : float
        The follow-up threshold, in percent.
    """

    n_participants: int
    n_submitted: int
    mean_percent: float
    n_below: int
    awaiting_manual: int
    threshold: float = FOLLOW_UP_BELOW

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def cohort_summary(scores: CohortScores, threshold: float = FOLLOW_UP_BELOW) -> CohortSummary:
    """Headline numbers of ``scores`` (see :class:`CohortSummary`)."""
    submitted = [p.percent for p in scores.participants if p.submitted]
    return CohortSummary(
        n_participants=len(scores.participants),
        n_submitted=len(submitted),
        mean_percent=float(np.mean(submitted)) if submitted else float("nan"),
        n_below=sum(1 for p in scores.participants if p.percent < threshold),
        awaiting_manual=sum(p.awaiting_manual for p in scores.participants),
        threshold=threshold,
    )


def summary_table(summary: CohortSummary, lang: str = "id") -> pd.DataFrame:
    """The summary as two columns (description, value), one row per number."""
    threshold = f"{summary.threshold:g}"
    rows: list[tuple[str, Any]] = [
        (label("n_participants", lang), summary.n_participants),
        (label("n_submitted", lang), summary.n_submitted),
        (label("mean_percent", lang), round(summary.mean_percent, 1)),
        (label("n_below", lang, threshold=threshold), summary.n_below),
    ]
    if summary.awaiting_manual:
        rows.append((label("awaiting_manual", lang), summary.awaiting_manual))
    return pd.DataFrame(rows, columns=[label("key", lang), label("value", lang)])


_EMPTY = ParticipantScores("", "", "", "", "", False, 0.0, 0.0, 0)


def _identity(p: ParticipantScores, number: int, lang: str, detail: bool) -> dict[str, Any]:
    row: dict[str, Any] = {label("no", lang): number}
    if detail:
        row[label("code", lang)] = p.code
    row[label("nama", lang)] = p.nama
    row[label("sentra", lang)] = p.sentra
    row[label("komoditas", lang)] = p.komoditas
    if detail:
        row[label("kabupaten_kota", lang)] = p.kabupaten_kota
    row[label("submitted", lang)] = label("yes" if p.submitted else "no_answer", lang)
    return row


def participants_table(scores: CohortScores, lang: str = "id", *, detail: bool = False) -> pd.DataFrame:
    """One row per participant, in roster order: who they are and their percent per module.

    Parameters
    ----------
    scores : CohortScores
    lang : str
        ``"id"`` or ``"en"``: language of the column headers.
    detail : bool
        Also the participant code, the regency/city, and the points and maximum
        of each module and of the total (the Excel sheet); without it, only the
        percent columns (the printed report).

    Returns
    -------
    pandas.DataFrame
        Columns: number, [code], name, sentra, commodity, [regency/city],
        submitted, then per module ``"<title> (%)"`` (with ``detail`` preceded by
        ``"<title> (poin)"`` and ``"<title> (maks)"``), [total points, maximum],
        final percent.
    """
    titles = module_titles(scores, lang)
    rows = []
    for number, p in enumerate(scores.participants, start=1):
        row = _identity(p, number, lang, detail)
        for module, title in titles.items():
            points, maximum = p.by_module.get(module, (0.0, 0.0))
            if detail:
                row[f"{title} ({label('points', lang)})"] = points
                row[f"{title} ({label('max', lang)})"] = maximum
            row[f"{title} (%)"] = percent(points, maximum)
        if detail:
            row[label("total_points", lang)] = p.total
            row[label("total_max", lang)] = p.max_total
        row[label("total_percent", lang)] = p.percent
        rows.append(row)
    if not rows:
        columns = list(_identity(_EMPTY, 0, lang, detail)) + [label("total_percent", lang)]
        return pd.DataFrame(columns=columns)
    return pd.DataFrame(rows)


def module_summary(scores: CohortScores, lang: str = "id") -> pd.DataFrame:
    """Per module: how many participants were scored, and mean, median, min, max percent.

    Over participants who submitted and have items of the module; a module with
    none of them has NaN statistics and 0 participants.
    """
    columns = [label(k, lang) for k in ("module", "n", "mean", "median", "min", "max_stat")]
    rows = []
    for module, title in module_titles(scores, lang).items():
        values = np.array(
            [
                percent(*p.by_module[module])
                for p in scores.participants
                if p.submitted and p.by_module.get(module, (0.0, 0.0))[1] > 0
            ]
        )
        if values.size:
            stats = [float(values.mean()), float(np.median(values)), float(values.min()), float(values.max())]
        else:
            stats = [float("nan")] * 4
        rows.append([title, int(values.size), *stats])
    return pd.DataFrame(rows, columns=columns)


def final_percents(scores: CohortScores) -> list[float]:
    """Final percent of every participant who submitted, in roster order."""
    return [p.percent for p in scores.participants if p.submitted]


def score_distribution(scores: CohortScores, lang: str = "id", width: int = BIN_WIDTH) -> pd.DataFrame:
    """How many participants (who submitted) fall in each ``width``-point range of final percent.

    Ranges are 0–10, 10–20, …, 90–100; each includes its lower bound, the last
    also includes 100.

    Parameters
    ----------
    scores : CohortScores
    lang : str
    width : int
        Width of a range in percentage points; must divide 100.
    """
    if width <= 0 or 100 % width:
        raise ValueError(f"bin width must divide 100, got {width}")
    edges = np.arange(0, 100 + width, width)
    counts, _ = np.histogram(np.clip(final_percents(scores), 0, 100), bins=edges)
    ranges = [f"{lo}–{hi}" for lo, hi in zip(edges[:-1], edges[1:], strict=True)]
    return pd.DataFrame({label("range", lang): ranges, label("count", lang): counts.astype(int)})


def _method(item: ItemScore, lang: str) -> str:
    if item.method and item.points is None:
        return label("method_awaiting", lang)
    methods = {"auto": "method_auto", "manual": "method_manual", "sim": "method_simulation"}
    return label(methods.get(item.method, "method_none"), lang)


def items_table(scores: CohortScores, lang: str = "id") -> pd.DataFrame:
    """Item-level scores: one row per participant and scored item, in roster then workbook order."""
    titles = module_titles(scores, lang)
    people: Mapping[str, ParticipantScores] = {p.code: p for p in scores.participants}
    order = {p.code: i for i, p in enumerate(scores.participants)}
    rows = [
        {
            label("code", lang): item.participant,
            label("nama", lang): people[item.participant].nama if item.participant in people else "",
            label("module", lang): titles.get(item.module, item.module),
            label("item", lang): item.exercise_id,
            label("item_points", lang): item.points,
            label("item_max", lang): item.max_points,
            label("method", lang): _method(item, lang),
        }
        for item in sorted(scores.items, key=lambda i: order.get(i.participant, len(order)))
    ]
    columns = [label(k, lang) for k in ("code", "nama", "module", "item", "item_points", "item_max", "method")]
    return pd.DataFrame(rows, columns=columns)
