"""The front of a ``decisions`` exercise: the simulation's decision form, a practice run, and "submit".

Sliders, drop-downs and tick boxes are built from the public part's ``fields``
(:data:`ikm_curriculum.modules.technical_simulation.decision_form.DECISION_FORM`)
and start from the saved answer, else from ``initial``. Moving a slider saves
nothing: "Coba jalankan" runs the simulation (:mod:`ikm_curriculum.simulation`)
on the practice scenarios of the visible seed and shows the months as a table
and a chart; "Kirim keputusan" saves the decisions to the answer file.
"""

from __future__ import annotations

import html
from typing import Any, Callable

import ipywidgets as w

from ikm_curriculum.errors import DecisionError
from ikm_curriculum.widgets.charts import new_figure, png_bytes
from ikm_curriculum.widgets.labels import label, text

Reader = Callable[[], Any]
Writer = Callable[[Any], None]
SHOWN_COLUMNS = ("periode", "permintaan", "produksi", "cacat_lolos", "jam_henti", "anggota_aktif", "kepuasan",
                 "pendapatan", "biaya", "kas_akhir")  # fmt: skip


def _field_widget(spec: dict[str, Any], lang: str) -> w.Widget:
    style = {"description_width": "22em"}
    layout = w.Layout(width="44em")
    name = text(spec["label"], lang)
    if spec["type"] == "number":
        return w.FloatSlider(description=name, min=spec["min"], max=spec["max"], step=spec.get("step", 0.05),
                             readout_format=".2f", style=style, layout=layout)  # fmt: skip
    if spec["type"] == "int":
        return w.IntSlider(description=name, min=spec["min"], max=spec["max"], step=spec.get("step", 1),
                           style=style, layout=layout)  # fmt: skip
    if spec["type"] == "bool":
        return w.Checkbox(description=name, indent=False)
    options = [(text(o["label"], lang), o["id"]) for o in spec["options"]]
    if spec["type"] == "choice":
        return w.Dropdown(description=name, options=options, style=style, layout=layout)
    return w.VBox([w.HTML(f"<b>{html.escape(name)}</b>"),
                   *(w.Checkbox(description=label_, indent=False) for label_, _ in options)])  # fmt: skip


def _get(spec: dict[str, Any], widget: w.Widget) -> Any:
    if spec["type"] == "multi":
        return [o["id"] for o, box in zip(spec["options"], widget.children[1:], strict=True) if box.value]
    return widget.value


def _set(spec: dict[str, Any], widget: w.Widget, value: Any) -> None:
    if spec["type"] == "multi":
        for option, box in zip(spec["options"], widget.children[1:], strict=True):
            box.value = option["id"] in (value or [])
    elif value is not None:
        widget.value = value


def practice_run(values: dict[str, Any], seed: int, scenarios: int, lang: str) -> tuple[str, bytes]:
    """The practice scenarios of ``seed`` under these decisions: a table of the months (means) and a chart (PNG)."""
    from ikm_curriculum.simulation import (
        COLUMN_LABELS,
        decisions_from_dict,
        final_scorecard,
        monthly_table,
        scenarios_from_seed,
        simulate,
    )

    result = simulate(decisions_from_dict(values), scenarios_from_seed(seed, n=scenarios))
    table = monthly_table(result)[list(SHOWN_COLUMNS)]
    head = "".join(f"<th>{html.escape(text(COLUMN_LABELS[c].to_dict(), lang))}</th>" for c in SHOWN_COLUMNS)
    body = "".join(
        "<tr>" + "".join(f"<td>{_cell(row[c], lang)}</td>" for c in SHOWN_COLUMNS) + "</tr>"
        for _, row in table.iterrows()
    )
    index = final_scorecard(result).index
    summary = f"<p><b>{html.escape(label(lang, 'sim_index'))}: {_cell(round(index, 1), lang)}</b></p>"
    table_html = f"<table class='ikm-data'><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    return summary + table_html, _months_chart(table, lang)


def _months_chart(table: Any, lang: str) -> bytes:
    """Demand and output per month (bars) and the cash at month end (line, right axis)."""
    from ikm_curriculum.simulation import COLUMN_LABELS

    figure = new_figure(7.5, 3.2)
    axes = figure.subplots()
    months = list(range(1, len(table) + 1))
    for shift, column, colour in ((-0.2, "permintaan", "#9db4d0"), (0.2, "produksi", "#3b6ea5")):
        name = text(COLUMN_LABELS[column].to_dict(), lang)
        axes.bar([m + shift for m in months], table[column], width=0.4, label=name, color=colour)
    axes.set_xticks(months, list(table["periode"]), fontsize=7)
    axes.legend(fontsize=8)
    cash = axes.twinx()
    cash.plot(months, table["kas_akhir"] / 1e6, color="#c0392b", marker="o")
    cash.set_ylabel(label(lang, "sim_cash"), color="#c0392b")
    return png_bytes(figure)


def _cell(value: Any, lang: str) -> str:
    if isinstance(value, float):
        shown = f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.1f}"
        if lang == "id":
            shown = shown.replace(",", "_").replace(".", ",").replace("_", ".")
        return shown
    return html.escape(str(value))


def _refused_html(error: DecisionError, specs: list[dict[str, Any]], lang: str) -> str:
    """Which decisions the model refuses, by their names on the form, in the participant's language."""
    names = {spec["id"]: text(spec["label"], lang) for spec in specs}
    lines = []
    for field, _, got in error.problems:
        line = f"{names.get(field, field)}: {got}"
        if field == "inspection_c":  # the one limit that depends on another decision
            line += f" — {label(lang, 'sim_c_rule')}"
        lines.append(f"<li>{html.escape(line)}</li>")
    return f"<span style='color:#b00'>⚠ {html.escape(label(lang, 'sim_refused'))}</span><ul>{''.join(lines)}</ul>"


def decisions_builder(part: dict[str, Any], lang: str, changed: Callable[..., None]) -> tuple[w.Widget, Reader, Writer]:
    """Builder of the ``decisions`` kind for :class:`ikm_curriculum.widgets.fronts.ExerciseFront`."""
    specs = part["fields"]
    widgets = {spec["id"]: _field_widget(spec, lang) for spec in specs}
    practice = part.get("practice", {})
    seed = w.IntText(
        value=int(practice.get("seed", 1)), description=label(lang, "sim_seed"), layout=w.Layout(width="16em")
    )
    run = w.Button(description=label(lang, "sim_try"), button_style="info")
    submit = w.Button(description=label(lang, "sim_submit"), button_style="success")
    run.add_class("ikm-sim-run")
    submit.add_class("ikm-sim-submit")
    result_html, chart = w.HTML(), w.Image(format="png", layout=w.Layout(width="720px", display="none"))

    def read() -> dict[str, Any]:
        return {spec["id"]: _get(spec, widgets[spec["id"]]) for spec in specs}

    def write(value: Any) -> None:
        chosen = value or part.get("initial") or {}
        for spec in specs:
            _set(spec, widgets[spec["id"]], chosen.get(spec["id"]))

    def on_run(_: Any) -> None:
        try:
            body, png = practice_run(read(), int(seed.value), int(practice.get("scenarios", 20)), lang)
        except DecisionError as error:
            result_html.value = _refused_html(error, specs, lang)
            chart.layout.display = "none"
            return
        result_html.value = body
        chart.value, chart.layout.display = png, ""

    run.on_click(on_run)
    submit.on_click(lambda _: changed())
    form = w.VBox([widgets[spec["id"]] for spec in specs])
    return w.VBox([form, w.HBox([seed, run, submit]), result_html, chart]), read, write
