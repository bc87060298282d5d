"""Report sections of the training's evaluation: pre/post-tests and gain, item analysis, the satisfaction survey."""

from __future__ import annotations

import html
from collections import Counter
from typing import Any

import numpy as np
import pandas as pd

from ikm_curriculum.assessment.survey_stats import SurveySummary, overall_summary, survey_summary
from ikm_curriculum.evaluation.survey import load_survey
from ikm_curriculum.reports.charts import pre_post_png
from ikm_curriculum.reports.labels import format_number, label
from ikm_curriculum.reports.pre_post import (
    MIN_PARTICIPANTS,
    exercise_items_table,
    form_days,
    form_item_analysis,
    form_items_table,
    gain,
    gain_table,
    pre_post_table,
)
from ikm_curriculum.reports.report_data import ReportData
from ikm_curriculum.reports.sections import (
    heading,
    html_part,
    image_part,
    key_value_table,
    note,
    register_section,
    table_html,
)


def format_p(value: float | None, lang: str) -> str:
    """A p-value as a report prints it: three decimals, or ``< 0,001``.

    >>> format_p(0.0004, "id"), format_p(0.0512, "en"), format_p(None, "id")
    ('< 0,001', '0.051', '–')
    """
    if value is None or value != value:
        return "–"
    return f"< {format_number(0.001, lang, 3)}" if value < 0.001 else format_number(value, lang, 3)


@register_section("pre_post")
def pre_post_section(data: ReportData) -> list[Any]:
    """Mean pre and post percent per day and overall, ⟨g⟩ and mean individual g, band, paired tests; per person."""
    lang = data.lang
    days = form_days(data)
    if not days:
        return [html_part(heading("pre_post_heading", lang) + note("pre_post_none", lang))]
    summary = gain_table(data, lang)
    names = list(summary[label("test", lang)])
    chart = pre_post_png(
        names,
        [np.nan if v is None else float(v) for v in summary[label("mean_pre", lang)]],
        [np.nan if v is None else float(v) for v in summary[label("mean_post", lang)]],
        lang,
    )
    overall = gain(data, days)
    shown = summary.copy()
    for column in (label("p_t", lang), label("p_wilcoxon", lang)):
        shown[column] = [format_p(v, lang) for v in shown[column]]
    notes = "".join(f"<li>{html.escape(n[lang])}</li>" for n in overall.notes)
    return [
        html_part(heading("pre_post_heading", lang) + note("pre_post_intro", lang)),
        image_part(chart, label("pre_post_heading", lang)),
        html_part(
            table_html(shown, lang, decimals=2)
            + note("gain_note", lang)
            + (f"<ul class='ikm-note'>{notes}</ul>" if notes else "")
            + f"<h3>{html.escape(label('pre_post_people', lang))}</h3>"
            + table_html(pre_post_table(data, lang), lang, decimals=1)
        ),
    ]


@register_section("item_analysis")
def item_analysis_section(data: ReportData) -> list[Any]:
    """Statistics of the post-test as a whole and of each test item, with flags; then the training exercises."""
    lang = data.lang
    result = form_item_analysis(data, "post")
    parts = [heading("item_analysis_heading", lang), note("item_analysis_intro", lang)]
    if result is None:
        parts.append(note("item_analysis_too_few", lang, n=MIN_PARTICIPANTS))
    else:
        test = result.test
        top = test["max_total"]
        rows = [
            (label("n", lang), str(int(test["n"]))),
            (label("n_items", lang), str(int(test["n_items"]))),
            (label("test_mean", lang), f"{format_number(100 * test['mean'] / top, lang)} %"),
            (label("test_sd", lang), f"{format_number(100 * test['sd'] / top, lang)} %"),
            (label("alpha", lang), format_number(test["alpha"], lang, 2)),
            (label("error_ratio", lang), f"{format_number(100 * test['error_ratio'], lang)} %"),
            (
                label("standard_error", lang),
                f"{format_number(100 * test['standard_error'] / top, lang)} %",
            ),
        ]
        flagged = form_items_table(data, lang)
        parts += [key_value_table(rows), note("alpha_note", lang), table_html(flagged, lang, decimals=0)]
    exercises = exercise_items_table(data, lang)
    if len(exercises):
        to_review = exercises[exercises[label("flags", lang)] != ""]
        parts += [f"<h3>{html.escape(label('exercises_review', lang))}</h3>", note("exercises_review_note", lang)]
        parts.append(table_html(to_review, lang, decimals=0) if len(to_review) else note("nothing_flagged", lang))
    return [html_part("".join(parts))]


def counted(comments: tuple[str, ...]) -> list[tuple[str, int]]:
    """Each different comment once, with how many wrote it, most frequent first (ties in order of first writing).

    >>> counted(("Kopi terlambat.", "Ruang dingin.", "Kopi terlambat."))
    [('Kopi terlambat.', 2), ('Ruang dingin.', 1)]
    """
    counts = Counter(comments)
    return sorted(counts.items(), key=lambda pair: -pair[1])


def survey_summaries(data: ReportData) -> list[tuple[Any, SurveySummary]]:
    """Each aspect of the survey with the summary of the participants' answers."""
    survey = load_survey()
    return [
        (aspect, survey_summary(data.survey.get(aspect.exercise_id, []), list(aspect.statement_ids), aspect=aspect.id))
        for aspect in survey.aspects
    ]


def survey_statements_table(data: ReportData, summaries: list[tuple[Any, SurveySummary]]) -> pd.DataFrame:
    """One row per statement: aspect, statement, answers, mean, % agree, counts 1–5."""
    lang = data.lang
    rows = []
    for aspect, summary in summaries:
        for statement in aspect.statements:
            row = summary.statements.loc[statement.id]
            rows.append(
                {
                    label("aspect", lang): aspect.title.get(lang),
                    label("statement", lang): statement.text.get(lang),
                    label("n", lang): int(row["n"]),
                    label("mean_rating", lang): row["mean"],
                    label("favourable", lang): row["favourable_pct"],
                    **{str(v): int(row[f"n_{v}"]) for v in (1, 2, 3, 4, 5)},
                }
            )
    return pd.DataFrame(rows)


@register_section("survey")
def survey_section(data: ReportData) -> list[Any]:
    """Satisfaction per aspect and per statement, and the participants' comments."""
    lang = data.lang
    summaries = survey_summaries(data)
    if not any(summary.n_respondents for _, summary in summaries):
        return [html_part(heading("survey_heading", lang) + note("survey_none", lang))]
    overall = overall_summary([summary for _, summary in summaries])
    aspects = pd.DataFrame(
        [
            {
                label("aspect", lang): aspect.title.get(lang),
                label("n", lang): s.n_respondents,
                label("mean_rating", lang): s.mean,
                label("favourable", lang): s.favourable_pct,
            }
            for aspect, s in summaries
        ]  # fmt: skip
    )
    head = key_value_table(
        [
            (label("survey_overall", lang), format_number(overall.mean, lang, 2)),
            (label("favourable", lang), f"{format_number(overall.favourable_pct, lang)} %"),
        ]
    )
    comments = "".join(
        f"<h4>{html.escape(aspect.title.get(lang))}</h4><ul>"
        + "".join(f"<li>{html.escape(c)}{f' ({n}×)' if n > 1 else ''}</li>" for c, n in counted(summary.comments))
        + "</ul>"
        for aspect, summary in summaries
        if summary.comments
    )
    return [
        html_part(
            heading("survey_heading", lang)
            + head
            + note("survey_note", lang)
            + table_html(aspects, lang, decimals=2)
            + f"<h3>{html.escape(label('survey_statements', lang))}</h3>"
            + table_html(survey_statements_table(data, summaries), lang, decimals=2)
            + (f"<h3>{html.escape(label('survey_comments', lang))}</h3>{comments}" if comments else "")
        )
    ]
