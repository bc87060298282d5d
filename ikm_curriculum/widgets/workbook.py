"""A participant's workbook on screen: a header, then topic by topic its explanation,
its worked example (on data like the participant's product) and its exercises."""

from __future__ import annotations

import html
import os
from pathlib import Path
from typing import Any

import ipywidgets as w

from ikm_curriculum.curriculum import check_lang
from ikm_curriculum.widgets.autosave import AnswerStore
from ikm_curriculum.widgets.charts import CHART_FOLDER, example_widget
from ikm_curriculum.widgets.fronts import ExerciseFront
from ikm_curriculum.widgets.labels import label, text

STYLE = """<style>
.ikm-data { border-collapse: collapse; margin: 6px 0; font-size: 92%; }
.ikm-data th, .ikm-data td { border: 1px solid #ccc; padding: 2px 10px; text-align: right; }
.ikm-data th { background: #f3f5f8; }
.ikm-data td:first-child, .ikm-data th:first-child { text-align: left; }
</style>"""


class Workbook:
    """The exercises of one released workbook, bound to its answer file."""

    def __init__(
        self,
        cohort: str,
        participant: str,
        participant_name: str,
        workbook: str,
        lang: str,
        exercises: list[dict[str, Any]],
        title: dict[str, str] | str = "",
        topics: list[dict[str, Any]] | None = None,
        examples: dict[str, dict[str, Any]] | None = None,
        folder: str | os.PathLike[str] | None = None,
    ) -> None:
        check_lang(lang)
        self.lang = lang
        self.participant_name = participant_name
        self.title = title
        answers_path = Path(folder or os.getcwd()) / f"{workbook}.answers.json"
        self.store = AnswerStore(answers_path, cohort, participant, workbook)
        self.fronts = {part["exercise_id"]: ExerciseFront(part, self.store, lang) for part in exercises}
        # Without topics, all exercises form one untitled topic.
        self.topics = topics or [{"id": "", "exercises": list(self.fronts)}]
        self.examples = examples or {}

    def header(self) -> w.HTML:
        lang = self.lang
        parts = [
            STYLE,
            f"<h2>{html.escape(text(self.title, lang))}</h2>",
            f"<p><b>{label(lang, 'greeting')} {html.escape(self.participant_name)}</b></p>",
            f"<p>{html.escape(label(lang, 'how_to'))}</p>",
        ]
        if self.store.answers:
            parts.append(f"<p>✓ {label(lang, 'answers_restored')} ({len(self.store.answers)}).</p>")
        if self.store.problem:
            parts.append(
                f"<p style='color:#b00'>⚠ {label(lang, 'file_problem')}: {html.escape(self.store.problem)}</p>"
            )
        return w.HTML("".join(parts))

    def show(self, exercise_id: str) -> w.Widget:
        return self.fronts[exercise_id].widget

    def topic(self, topic: dict[str, Any]) -> w.VBox:
        """One topic: its title and explanation, its worked example, then its exercises."""
        parts: list[w.Widget] = []
        if topic.get("title") or topic.get("explanation"):  # a test form's topic has an introduction, no title
            title = f"<h2>{html.escape(text(topic['title'], self.lang))}</h2>" if topic.get("title") else ""
            parts.append(w.HTML(f"{title}<p>{html.escape(text(topic.get('explanation', ''), self.lang))}</p>"))
        if topic["id"] in self.examples:
            charts = self.store.path.parent / CHART_FOLDER  # drawn there at release
            parts.append(example_widget(self.examples[topic["id"]], self.lang, charts))
        parts += [self.fronts[exercise_id].widget for exercise_id in topic["exercises"]]
        return w.VBox(parts)

    def show_all(self) -> w.VBox:
        return w.VBox([self.header(), *(self.topic(topic) for topic in self.topics)])


def open_workbook(**parameters: Any) -> Workbook:
    """Build the workbook from the parameters papermill injected at release."""
    return Workbook(**parameters)
