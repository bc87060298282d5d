"""Report sections about the centres: the simulation, the field visit, readiness and follow-up per centre."""

from __future__ import annotations

import html
from typing import Any

import pandas as pd

from ikm_curriculum.modules.field_visit.checklist import SECTIONS as SHEET_SECTIONS
from ikm_curriculum.modules.mentoring.follow_up import PRIORITIES
from ikm_curriculum.modules.mentoring.scorecard import STATUS_LABELS
from ikm_curriculum.modules.quality.cppb_irt import GRADES
from ikm_curriculum.reports.labels import format_date, format_number, label
from ikm_curriculum.reports.readiness import READINESS_TARGET, centre_readiness
from ikm_curriculum.reports.report_data import ReportData
from ikm_curriculum.reports.sections import heading, html_part, note, register_section, table_html

TOP_FINDINGS = 8  # findings listed in the field-visit section
GRADE_NAMES = {grade.code: grade.name for grade in GRADES}
STATUS_COLOURS = {"hijau": "#2e7d32", "kuning": "#b08900", "merah": "#c62828"}


def simulation_table(data: ReportData) -> pd.DataFrame:
    """One row per participant scored by the simulation, best first: index (range), reference, points, rank."""
    lang = data.lang
    names = {p.code: p.nama for p in data.scores.participants}
    rows = []
    for code, detail in data.simulation.items():
        if "refused" in detail:
            rows.append({label("nama", lang): names.get(code, code), label("sim_index", lang): None,
                         label("sim_range", lang): label("sim_refused", lang), label("sim_reference", lang): None,
                         label("points", lang): 0.0, label("rank", lang): None})  # fmt: skip
            continue
        low, high = format_number(detail["index_low"], lang), format_number(detail["index_high"], lang)
        rows.append({label("nama", lang): names.get(code, code), label("sim_index", lang): detail["index"],
                     label("sim_range", lang): f"{low} – {high}",
                     label("sim_reference", lang): detail["reference_index"],
                     label("points", lang): detail["points"], label("rank", lang): detail["rank"]})  # fmt: skip
    frame = pd.DataFrame(rows)
    return frame.sort_values(label("rank", lang), na_position="last") if len(frame) else frame


@register_section("simulation")
def simulation_section(data: ReportData) -> list[Any]:
    """The simulation's index of each participant on the hidden scenarios, with the reference policy's."""
    lang = data.lang
    if not data.simulation:
        return [html_part(heading("simulation_heading", lang) + note("simulation_none", lang))]
    return [html_part(heading("simulation_heading", lang) + note("simulation_intro", lang)
                      + table_html(simulation_table(data), lang))]  # fmt: skip


@register_section("field_visit")
def field_visit_section(data: ReportData) -> list[Any]:
    """Scores of each participant's observation sheets, and the findings seen most often (not met)."""
    lang = data.lang
    if not data.observations:
        return [html_part(heading("field_visit_heading", lang) + note("field_visit_none", lang))]
    names = {s.key: s.name.id if lang == "id" else s.name.en for s in SHEET_SECTIONS}
    rows = []
    for nama, result in data.observations.items():
        scores = {s.section: s.score for s in result.sections}
        rows.append({label("name", lang): nama, **{names[k]: scores.get(k) for k in names},
                     label("overall", lang): result.overall})  # fmt: skip
    counts: dict[str, tuple[int, Any]] = {}
    for result in data.observations.values():
        for finding in result.findings:
            seen, _ = counts.get(finding.key, (0, finding))
            counts[finding.key] = (seen + 1, finding)
    top = sorted(counts.values(), key=lambda c: -c[0])[:TOP_FINDINGS]
    findings = pd.DataFrame(
        [
            {
                label("finding", lang): f.text.id if lang == "id" else f.text.en,
                label("times_seen", lang): f"{n} / {len(data.observations)}",
                label("cppb_grade", lang): getattr(GRADE_NAMES[f.grade], lang) if f.grade else "–",
            }
            for n, f in top
        ]  # fmt: skip
    )
    return [html_part(heading("field_visit_heading", lang) + table_html(pd.DataFrame(rows), lang)
                      + f"<h3>{html.escape(label('findings', lang))}</h3>" + table_html(findings, lang)
                      + note("field_visit_note", lang))]  # fmt: skip


@register_section("readiness")
def readiness_section(data: ReportData) -> list[Any]:
    """Per centre: the training scorecard (index, light), the modules below target and the actions proposed."""
    lang = data.lang
    info = data.training
    last_day = info.end_date or info.start_date or data.day
    centres = centre_readiness(data.scores, last_day, lang)
    parts = [heading("readiness_heading", lang), note("readiness_intro", lang, target=f"{READINESS_TARGET:g}")]
    overview = pd.DataFrame(
        [
            {
                label("sentra", lang): c.sentra,
                label("participants_n", lang): len(c.participants),
                label("readiness_index", lang): c.index,
                label("status", lang): getattr(STATUS_LABELS[c.status], lang) if c.status else label("no_work", lang),
                label("n_actions", lang): len(c.actions),
            }
            for c in centres
        ]  # fmt: skip
    )
    parts.append(table_html(overview, lang))
    for centre in centres:
        colour = STATUS_COLOURS.get(centre.status or "", "#666")
        people = html.escape(", ".join(centre.participants))
        title, who = html.escape(centre.sentra), html.escape(label("participants_n", lang))
        parts.append(f"<h3 style='border-left: 6px solid {colour}; padding-left: 6px'>{title}</h3>"
                     f"<p class='ikm-meta'>{who}: {people}</p>")  # fmt: skip
        if not centre.actions:
            parts.append(note("readiness_ready", lang))
            continue
        actions = pd.DataFrame(
            [
                {
                    label("priority", lang): getattr(PRIORITIES[p.priority], lang) if p.priority else "–",
                    label("finding", lang): getattr(p.finding, lang),
                    label("action", lang): p.action.action,
                    label("owner", lang): p.action.owner,
                    label("due", lang): format_date(p.action.due, lang),
                    label("measure", lang): p.action.measure,
                }
                for p in centre.actions
            ]  # fmt: skip
        )
        parts.append(table_html(actions, lang))
    parts.append(note("readiness_note", lang))
    return [html_part("".join(parts))]
