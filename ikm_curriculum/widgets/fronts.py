"""The ipywidgets front of each exercise kind.

A front shows the title, prompt and data of one released exercise, an input
for its kind, and a status line. Every change is checked for format, saved to
the answer file at once, and (for practice items only) scored on the spot.
"""

from __future__ import annotations

import html
import re
from typing import Any, Callable

import ipywidgets as w

from ikm_curriculum.assessment.kinds import LIKERT_COMMENT_CHARS, get_kind
from ikm_curriculum.assessment.layout import flow_cost, rel_score
from ikm_curriculum.errors import AnswerFormatError
from ikm_curriculum.widgets.autosave import AnswerStore
from ikm_curriculum.widgets.charts import CHART_FOLDER, chart_image, data_table_html
from ikm_curriculum.widgets.labels import label, text
from ikm_curriculum.widgets.simulation_front import decisions_builder

THOUSANDS = re.compile(r"^-?\d{1,3}([.,]\d{3})+$")  # 4.500.000 or 4,500,000


def parse_number(raw: str, rupiah: bool = False) -> float | None:
    """Read a number as a participant types it: ``"12,5"``, ``"12.5"``, ``"1.234,5"``.

    A comma is the decimal mark (Indonesian usage) and dots before it group
    thousands; with no comma a dot is the decimal mark. Empty text is ``None``.
    For amounts of money (``rupiah=True``) dots or commas between groups of
    three digits always group thousands, as prices are written:
    ``"4.500.000"``, ``"4,500,000"`` and ``"45.000"`` are whole rupiah.

    >>> parse_number("12,5"), parse_number("1.234,5"), parse_number(" 7 "), parse_number("")
    (12.5, 1234.5, 7.0, None)
    >>> parse_number("4.500.000", rupiah=True), parse_number("45.000", rupiah=True), parse_number("45.000")
    (4500000.0, 45000.0, 45.0)
    >>> parse_number("12a")
    Traceback (most recent call last):
    ...
    ValueError: not a number: '12a'
    """
    cleaned = raw.strip().replace(" ", "")
    if not cleaned:
        return None
    if rupiah and THOUSANDS.match(cleaned):
        cleaned = cleaned.replace(".", "").replace(",", "")
    elif "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    try:
        number = float(cleaned)
    except ValueError:
        raise ValueError(f"not a number: {raw!r}") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueError(f"not a number: {raw!r}")
    return number


def format_number(value: float | None) -> str:
    """A saved number shown back in an input: ``12.5`` → ``"12.5"``, whole numbers without ``.0``."""
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def display_number(value: float, lang: str) -> str:
    """A number as the participant reads it: decimal comma in Indonesian.

    >>> display_number(1234.5, "id"), display_number(1234.5, "en")
    ('1234,5', '1234.5')
    """
    shown = format_number(value)
    return shown.replace(".", ",") if lang == "id" else shown


def display_rupiah(value: float, lang: str) -> str:
    """An amount of money as it is written: ``Rp4.500.000`` in Indonesian, ``Rp4,500,000`` in English.

    >>> display_rupiah(4500000, "id"), display_rupiah(4500000.5, "en")
    ('Rp4.500.000', 'Rp4,500,000.5')
    """
    whole, _, decimals = format_number(value).partition(".")
    grouped = f"{int(whole):,}"
    if lang == "id":
        return "Rp" + grouped.replace(",", ".") + ("," + decimals if decimals else "")
    return "Rp" + grouped + ("." + decimals if decimals else "")


class CellError(ValueError):
    """A cell of a table exercise that is not a number."""

    def __init__(self, cell: str) -> None:
        self.cell = cell
        super().__init__(f"not a number in cell {cell!r}")


FORMAT_PROBLEM = {"short_text": "too_long", "likert": "comment_too_long"}  # on a format error; default "invalid_number"
UNGRADED_TAG = {"likert": "survey"}  # label in the title of an ungraded item; default "practice"


class ExerciseFront:
    """One exercise on screen, wired to the answer store."""

    def __init__(self, part: dict[str, Any], store: AnswerStore, lang: str) -> None:
        self.part = part
        self.store = store
        self.lang = lang
        self.exercise_id: str = part["exercise_id"]
        self.kind = get_kind(part["kind"])
        self.status = w.HTML(layout=w.Layout(min_height="1.6em"))
        build = BUILDERS[part["kind"]]
        self.input, self._read, self._write = build(part, lang, self._changed)
        self._restoring = True  # showing the saved answer is not a new answer
        try:
            self._write(store.get(self.exercise_id))
        finally:
            self._restoring = False
        charts = store.path.parent / CHART_FOLDER  # drawn there at release
        chart = [chart_image(part["chart"], lang, charts)] if part.get("chart") else []
        self.widget = w.VBox(
            [w.HTML(self._header_html()), *chart, self.input, self.status],
            layout=w.Layout(border="1px solid #ccc", padding="8px", margin="8px 0"),
        )
        self.widget.add_class(f"ikm-exercise-{self.exercise_id.replace('.', '-')}")

    def _header_html(self) -> str:
        part, lang = self.part, self.lang
        tag = label(lang, "graded") if part["graded"] else label(lang, UNGRADED_TAG.get(part["kind"], "practice"))
        points = f" · {part['max_points']:g} {label(lang, 'points')}" if part["graded"] else ""
        title = html.escape(text(part.get("title", part["exercise_id"]), lang))
        prompt = html.escape(text(part["prompt"], lang)).replace("\n", "<br>")
        unit = f"<p>{label(lang, 'unit')}: {html.escape(text(part['unit'], lang))}</p>" if part.get("unit") else ""
        return (
            f"<h3>{title} <small>({tag}{points})</small></h3><p>{prompt}</p>"
            f"{data_table_html(part.get('data'), lang)}{unit}"
        )

    def _changed(self, *_: Any) -> None:
        if self._restoring:
            return
        try:
            value = self._read()
            value = self.kind.validate(self.part, value)
        except (ValueError, AnswerFormatError) as exc:
            problem = label(self.lang, FORMAT_PROBLEM.get(self.part["kind"], "invalid_number")).format(
                limit=LIKERT_COMMENT_CHARS
            )
            if isinstance(exc, CellError):
                problem += f": {exc.cell}"
            self.status.value = f"<span style='color:#b00'>⚠ {html.escape(problem)}</span>"
            return
        stamp = self.store.set(self.exercise_id, value)
        message = f"✓ {label(self.lang, 'saved')} {stamp[11:19]}"
        if self.part["kind"] == "numeric" and value is not None:  # shows how "1.500" was read
            shown = display_rupiah(value, self.lang) if self.part.get("rupiah") else display_number(value, self.lang)
            message += f": {shown}"
        if not self.part["graded"] and value is not None and self.kind.feedback:
            message += " — " + self._practice_feedback(value)
        self.status.value = f"<span class='ikm-status'>{html.escape(message)}</span>"

    def _practice_feedback(self, value: Any) -> str:
        result = self.kind.score(self.part, self.part["practice_key"], value, 1.0)
        if result.points is None:
            return label(self.lang, "saved")
        if result.points >= 1.0:
            return label(self.lang, "correct")
        return label(self.lang, "partly") if result.points > 0 else label(self.lang, "not_yet")


Reader = Callable[[], Any]
Writer = Callable[[Any], None]
Builder = Callable[[dict[str, Any], str, Callable[..., None]], tuple[w.Widget, Reader, Writer]]


def _single(part: dict[str, Any], lang: str, changed: Callable[..., None]) -> tuple[w.Widget, Reader, Writer]:
    options = [(text(o["label"], lang), o["id"]) for o in part["options"]]
    radio = w.RadioButtons(options=options, value=None, layout=w.Layout(width="auto"))

    def write(value: Any) -> None:
        radio.value = value if value in [o[1] for o in options] else None

    radio.observe(changed, names="value")
    return radio, lambda: radio.value, write


def _multi(part: dict[str, Any], lang: str, changed: Callable[..., None]) -> tuple[w.Widget, Reader, Writer]:
    boxes = {o["id"]: w.Checkbox(description=text(o["label"], lang), indent=False) for o in part["options"]}

    def read() -> list[str]:
        return [option_id for option_id, box in boxes.items() if box.value]

    def write(value: Any) -> None:
        for option_id, box in boxes.items():
            box.value = option_id in (value or [])

    for box in boxes.values():
        box.observe(changed, names="value")
    return w.VBox(list(boxes.values())), read, write


def _numeric(part: dict[str, Any], lang: str, changed: Callable[..., None]) -> tuple[w.Widget, Reader, Writer]:
    rupiah = bool(part.get("rupiah"))
    box = w.Text(placeholder="0" if rupiah else "0,0", description=label(lang, "answer"), continuous_update=True)

    def write(value: Any) -> None:
        box.value = format_number(value)

    box.observe(changed, names="value")
    return box, lambda: parse_number(box.value, rupiah), write


def _table(part: dict[str, Any], lang: str, changed: Callable[..., None]) -> tuple[w.Widget, Reader, Writer]:
    rupiah = bool(part.get("rupiah"))
    boxes = {c["id"]: w.Text(placeholder="0" if rupiah else "0,0", continuous_update=True) for c in part["cells"]}
    rows = [
        w.HBox([w.Label(text(c["label"], lang), layout=w.Layout(width="22em")), boxes[c["id"]]]) for c in part["cells"]
    ]

    labels = {c["id"]: text(c["label"], lang) for c in part["cells"]}

    def read() -> dict[str, float | None]:
        values: dict[str, float | None] = {}
        for cell_id, box in boxes.items():
            try:
                values[cell_id] = parse_number(box.value, rupiah)
            except ValueError:
                raise CellError(labels[cell_id]) from None
        return values

    def write(value: Any) -> None:
        for cell_id, box in boxes.items():
            box.value = format_number((value or {}).get(cell_id))

    for box in boxes.values():
        box.observe(changed, names="value")
    return w.VBox(rows), read, write


def _classify(part: dict[str, Any], lang: str, changed: Callable[..., None]) -> tuple[w.Widget, Reader, Writer]:
    """One drop-down of categories per item; "—" until the participant picks one."""
    choices = [("—", None)] + [(text(c["label"], lang), c["id"]) for c in part["categories"]]
    menus = {}
    for item in part["items"]:
        menu = w.Dropdown(options=choices, value=None, layout=w.Layout(width="20em"))
        menu.add_class(f"ikm-classify-{item['id']}")
        menus[item["id"]] = menu
    rows = [
        w.HBox([w.Label(text(item["label"], lang), layout=w.Layout(width="24em")), menus[item["id"]]])
        for item in part["items"]
    ]

    def read() -> dict[str, str | None] | None:
        chosen = {item_id: menu.value for item_id, menu in menus.items()}
        return chosen if any(v is not None for v in chosen.values()) else None

    def write(value: Any) -> None:
        for item_id, menu in menus.items():
            chosen = (value or {}).get(item_id)
            menu.value = chosen if chosen in [c[1] for c in choices] else None

    for menu in menus.values():
        menu.observe(changed, names="value")
    return w.VBox(rows), read, write


def _rules_lint(source: str, lang: str) -> list[str]:
    """Problems of a house-rules text, one line each (:func:`ikm_curriculum.modules.rules.lint.lint`)."""
    from ikm_curriculum.modules.rules.lint import lint

    where = label(lang, "line")
    return [f"{where} {i.line} · {i.rule or '—'}: {text(i.message.to_dict(), lang)}" for i in lint(source)]


LINTERS: dict[str, Callable[[str, str], list[str]]] = {"rules": _rules_lint}
"""Live checks a short-text exercise may ask for (``"lint"`` in its public part): name → text → problems."""


def _short_text(part: dict[str, Any], lang: str, changed: Callable[..., None]) -> tuple[w.Widget, Reader, Writer]:
    """A text box; with ``"lint"`` in the public part, its problems are listed live under the box.

    ``"initial"`` fills an empty box (a template to adapt), ``"rows"`` sets its height in lines.
    """
    height = f"{int(part.get('rows', 4)) * 1.5}em"
    area = w.Textarea(layout=w.Layout(width="100%", height=height), continuous_update=True)
    area.add_class("ikm-text")
    checker = LINTERS[part["lint"]] if part.get("lint") else None
    problems = w.HTML()
    problems.add_class("ikm-lint")

    def show_problems(*_: Any) -> None:
        if checker is None:
            return
        found = checker(area.value, lang)
        if not found:
            problems.value = f"<span style='color:#070'>✓ {html.escape(label(lang, 'lint_clean'))}</span>"
        else:
            items = "".join(f"<li>{html.escape(line)}</li>" for line in found)
            problems.value = (
                f"<span style='color:#b00'>{html.escape(label(lang, 'lint_problems'))}</span><ul>{items}</ul>"
            )

    def write(value: Any) -> None:
        area.value = value or part.get("initial", "")
        show_problems()

    area.observe(changed, names="value")
    area.observe(show_problems, names="value")
    widget = w.VBox([area, problems]) if checker else area
    return widget, lambda: area.value or None, write


def _layout(part: dict[str, Any], lang: str, changed: Callable[..., None]) -> tuple[w.Widget, Reader, Writer]:
    """Click a department, then a cell: it moves there (a department already in that cell swaps places).

    The flow cost and REL score of the layout so far update at every click.
    """
    names = {d["id"]: text(d["label"], lang) for d in part["departments"]}
    rows, cols = part["grid"]["rows"], part["grid"]["cols"]
    chooser = w.ToggleButtons(options=[(name, dept) for dept, name in names.items()], value=None)
    chooser.add_class("ikm-layout-chooser")
    placed: dict[str, tuple[int, int]] = {}
    buttons = {}
    for r in range(rows):
        for c in range(cols):
            button = w.Button(layout=w.Layout(width="11em", height="4em"))
            button.add_class(f"ikm-cell-{r}-{c}")
            buttons[(r, c)] = button
    info = w.HTML()

    def refresh() -> None:
        at = {cell: dept for dept, cell in placed.items()}
        for cell, button in buttons.items():
            button.description = names.get(at.get(cell, ""), "·")
            button.button_style = "info" if cell in at else ""
        cost, rel = flow_cost(part, placed), rel_score(part, placed)
        missing = len(names) - len(placed)
        info.value = (
            f"{html.escape(label(lang, 'flow_cost'))}: <b>{display_number(round(cost, 1), lang)}</b> · "
            f"{html.escape(label(lang, 'rel_score'))}: <b>{display_number(rel, lang)}</b>"
            + (f" · {html.escape(label(lang, 'not_placed'))}: {missing}" if missing else "")
        )

    def click(cell: tuple[int, int]) -> Callable[[Any], None]:
        def handler(_: Any) -> None:
            dept = chooser.value
            if dept is None:
                return
            occupant = next((d for d, c in placed.items() if c == cell), None)
            if occupant is not None and occupant != dept:
                if dept in placed:
                    placed[occupant] = placed[dept]  # swap places
                else:
                    del placed[occupant]
            placed[dept] = cell
            refresh()
            changed()

        return handler

    for cell, button in buttons.items():
        button.on_click(click(cell))

    def read() -> dict[str, list[int]] | None:
        return {dept: list(cell) for dept, cell in placed.items()} or None

    def write(value: Any) -> None:
        placed.clear()
        placed.update({dept: (int(cell[0]), int(cell[1])) for dept, cell in (value or {}).items() if dept in names})
        refresh()

    grid = w.GridBox(list(buttons.values()), layout=w.Layout(grid_template_columns=f"repeat({cols}, 11.5em)"))
    refresh()
    return w.VBox([w.HTML(f"<i>{html.escape(label(lang, 'layout_how'))}</i>"), chooser, grid, info]), read, write


def _likert(part: dict[str, Any], lang: str, changed: Callable[..., None]) -> tuple[w.Widget, Reader, Writer]:
    """A survey item: per statement its text and buttons 1–5, the scale's labels as legend and tooltips; a comment box.

    The answer is ``{"ratings": {statement id: 1..5 | None}, "comment": text}`` (kind ``likert``), or
    ``None`` while nothing is rated or written.
    """
    values = [int(point["value"]) for point in part["scale"]]
    tips = [text(point["label"], lang) for point in part["scale"]]
    legend = " · ".join(f"{value} = {tip}" for value, tip in zip(values, tips, strict=True))
    toggles: dict[str, w.ToggleButtons] = {}
    rows: list[w.Widget] = [w.HTML(f"<p><i>{html.escape(legend)}</i></p>")]
    for number, statement in enumerate(part["statements"], start=1):
        toggle = w.ToggleButtons(
            options=[(str(value), value) for value in values], value=None, tooltips=tips, style={"button_width": "3em"}
        )
        toggle.add_class(f"ikm-likert-{statement['id']}")
        toggles[statement["id"]] = toggle
        shown = html.escape(text(statement["text"], lang))
        rows.append(w.HBox([w.HTML(f"{number}. {shown}", layout=w.Layout(width="30em")), toggle]))
    area = w.Textarea(layout=w.Layout(width="100%", height="4.5em"), continuous_update=True)
    area.add_class("ikm-likert-comment")
    if part.get("comment"):
        rows += [w.HTML(f"<p>{html.escape(text(part['comment'], lang))}</p>"), area]

    def read() -> dict[str, Any] | None:
        ratings = {statement_id: toggle.value for statement_id, toggle in toggles.items()}
        if all(rating is None for rating in ratings.values()) and not area.value.strip():
            return None
        return {"ratings": ratings, "comment": area.value}

    def write(value: Any) -> None:
        saved = value if isinstance(value, dict) else {}
        ratings = saved.get("ratings") if isinstance(saved.get("ratings"), dict) else {}
        for statement_id, toggle in toggles.items():
            rating = ratings.get(statement_id)
            toggle.value = rating if rating in values else None
        comment = saved.get("comment")
        area.value = comment if isinstance(comment, str) else ""

    for toggle in toggles.values():
        toggle.observe(changed, names="value")
    area.observe(changed, names="value")
    return w.VBox(rows), read, write


BUILDERS: dict[str, Builder] = {
    "single_choice": _single,
    "multi_choice": _multi,
    "numeric": _numeric,
    "table": _table,
    "classify": _classify,
    "observation": _classify,
    "short_text": _short_text,
    "layout": _layout,
    "decisions": decisions_builder,
    "likert": _likert,
}
