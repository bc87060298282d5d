"""The facilitator's hand-grading screen: one answer at a time, beside its prompt and rubric.

Plain data in, a callback out: the widget gets the items to score (dicts as
:meth:`ikm_curriculum.workbooks.hand_grading.ManualItem.to_dict` gives them)
and a ``save(participant, exercise_id, points, comment=, grader=, rubric_checked=)``
callable; it never touches the gradebook itself (widgets/ sits below cohort/).
Facilitator-facing text is Bahasa Indonesia by default, English with ``lang="en"``.
"""

from __future__ import annotations

import html
import json
from typing import Any, Callable, Mapping, Sequence

import ipywidgets as w

from ikm_curriculum.curriculum import check_lang
from ikm_curriculum.widgets.charts import data_table_html
from ikm_curriculum.widgets.fronts import LINTERS, display_number
from ikm_curriculum.widgets.labels import text
from ikm_curriculum.widgets.workbook import STYLE

HAND_LABELS: dict[str, dict[str, str]] = {
    "id": {
        "heading": "Penilaian jawaban uraian",
        "exercise": "Soal",
        "previous": "◀ Sebelumnya",
        "next": "Berikutnya ▶",
        "position": "Peserta {i} dari {n}",
        "progress": "{done} dari {total} sudah dinilai",
        "blank_count": "{n} tidak menjawab (otomatis 0 poin)",
        "overall": "Semua soal",
        "prompt": "Pertanyaan",
        "answer": "Jawaban peserta",
        "no_answer": "(tidak menjawab: otomatis 0 poin; boleh tetap diberi nilai)",
        "rubric": "Rubrik",
        "key": "Kunci (soal ini tidak punya rubrik)",
        "criteria": "Centang yang terpenuhi (poin terisi otomatis):",
        "lint": "Pemeriksaan otomatis tata tertib",
        "lint_clean": "tidak ada masalah",
        "points": "Poin",
        "comment": "Komentar",
        "grader": "Penilai",
        "save": "Simpan nilai",
        "clear": "Hapus nilai",
        "reload": "Muat ulang",
        "saved": "Tersimpan",
        "cleared": "Nilai dihapus",
        "not_saved": "Tidak tersimpan",
        "awaiting": "menunggu dinilai",
        "scored": "sudah dinilai",
        "blank": "tidak menjawab",
        "changed": "jawaban dikirim ulang setelah dinilai: periksa lagi",
        "nothing": "Tidak ada jawaban uraian untuk dinilai di kohort ini.",
        "of": "dari",
        "unit": "poin",
    },
    "en": {
        "heading": "Hand grading of open answers",
        "exercise": "Exercise",
        "previous": "◀ Previous",
        "next": "Next ▶",
        "position": "Participant {i} of {n}",
        "progress": "{done} of {total} scored",
        "blank_count": "{n} left blank (0 points automatically)",
        "overall": "All exercises",
        "prompt": "Question",
        "answer": "Participant's answer",
        "no_answer": "(left blank: 0 points automatically; you may still score it)",
        "rubric": "Rubric",
        "key": "Key (this exercise has no rubric)",
        "criteria": "Tick what the answer meets (fills in the points):",
        "lint": "Automatic check of the house rules",
        "lint_clean": "no problems",
        "points": "Points",
        "comment": "Comment",
        "grader": "Grader",
        "save": "Save score",
        "clear": "Remove score",
        "reload": "Reload",
        "saved": "Saved",
        "cleared": "Score removed",
        "not_saved": "Not saved",
        "awaiting": "awaiting",
        "scored": "scored",
        "blank": "blank",
        "changed": "answer handed in again after scoring: check it again",
        "nothing": "No open answers to score in this cohort.",
        "of": "of",
        "unit": "points",
    },
}

Item = dict[str, Any]
Save = Callable[..., None]


def hand_label(lang: str, key: str, **values: Any) -> str:
    """The facilitator label ``key`` in ``lang``, with ``values`` filled in.

    >>> hand_label("id", "progress", done=7, total=18)
    '7 dari 18 sudah dinilai'
    """
    return HAND_LABELS[check_lang(lang)][key].format(**values)


def _as_item(item: Mapping[str, Any] | Any) -> Item:
    return dict(item.to_dict() if hasattr(item, "to_dict") else item)


class HandGrading:
    """Score the answers of one exercise after another, one participant at a time.

    Parameters
    ----------
    items
        Items to score; each needs ``participant``, ``nama``, ``exercise_id``,
        ``max_points``, ``answer`` and ``status`` (``awaiting``, ``scored`` or
        ``blank``), and may hold ``title``, ``prompt``, ``data``, ``rubric``,
        ``criteria``, ``key``, ``lint``, ``points``, ``comment``, ``grader``,
        ``rubric_checked`` and ``answer_changed``.
    save
        Called as ``save(participant, exercise_id, points, comment=…, grader=…,
        rubric_checked=[…])``; an exception it raises is shown, and nothing changes.
    clear, reload
        Optional: ``clear(participant, exercise_id)`` removes a score;
        ``reload()`` returns fresh items (another grader may be at work).
    """

    def __init__(
        self,
        items: Sequence[Mapping[str, Any] | Any],
        save: Save,
        lang: str = "id",
        grader: str = "",
        clear: Callable[[str, str], Any] | None = None,
        reload: Callable[[], Sequence[Mapping[str, Any] | Any]] | None = None,
        title: str = "",
    ) -> None:
        self.lang = check_lang(lang)
        self._save, self._clear, self._reload = save, clear, reload
        self._loading = False
        self.exercise = w.Dropdown(description=self._l("exercise"), layout=w.Layout(width="95%"))
        self.previous = w.Button(description=self._l("previous"))
        self.next = w.Button(description=self._l("next"))
        self.position_label = w.HTML()
        self.progress = w.HTML()
        self.overall = w.HTML()
        self.view = w.HTML()
        self.criteria = w.VBox()
        self.rubric_boxes: list[tuple[w.Checkbox, int, float]] = []  # checkbox, rubric line number, its points
        self.points = w.BoundedFloatText(description=self._l("points"), min=0.0, max=1.0, step=0.5)
        self.maximum = w.HTML()
        self.comment = w.Textarea(description=self._l("comment"), layout=w.Layout(width="95%", height="5em"))
        self.grader = w.Text(description=self._l("grader"), value=grader)
        self.save_button = w.Button(description=self._l("save"), button_style="primary")
        self.clear_button = w.Button(description=self._l("clear"), layout=w.Layout(display="" if clear else "none"))
        self.reload_button = w.Button(description=self._l("reload"), layout=w.Layout(display="" if reload else "none"))
        self.status = w.HTML()
        self.previous.on_click(lambda _: self.go(self.position - 1))
        self.next.on_click(lambda _: self.go(self.position + 1))
        self.save_button.on_click(lambda _: self.save())
        self.clear_button.on_click(lambda _: self.clear())
        self.reload_button.on_click(lambda _: self.reload())
        self.exercise.observe(lambda _: self.go(0), names="value")
        heading = hand_label(self.lang, "heading") + (f" — {title}" if title else "")
        self.form = w.VBox(
            [
                w.HBox([self.previous, self.position_label, self.next]),
                self.view,
                self.criteria,
                w.HBox([self.points, self.maximum]),
                self.comment,
                self.grader,
                w.HBox([self.save_button, self.clear_button, self.reload_button]),
                self.status,
            ]
        )
        self.widget = w.VBox(
            [w.HTML(f"{STYLE}<h2>{html.escape(heading)}</h2>"), self.overall, self.exercise, self.progress, self.form]
        )
        self.items: list[Item] = []
        self.position = 0
        self.set_items(items)

    def _l(self, key: str, **values: Any) -> str:
        return hand_label(self.lang, key, **values)

    # ------------------------------------------------------------------ data

    def set_items(self, items: Sequence[Mapping[str, Any] | Any]) -> None:
        """Show ``items`` (e.g. after a reload), staying on the same exercise and participant when possible."""
        here = self.current
        self.items = [_as_item(item) for item in items]
        exercises: dict[str, str] = {}
        for item in self.items:
            if item["exercise_id"] not in exercises:
                name = text(item.get("title"), self.lang) or item["exercise_id"]
                points = display_number(float(item["max_points"]), self.lang)
                exercises[item["exercise_id"]] = f"{name} ({item['exercise_id']}, {points} {self._l('unit')})"
        self._loading = True
        self.exercise.options = [(label, exercise_id) for exercise_id, label in exercises.items()]
        if exercises:  # an empty Dropdown given options chooses none of them
            self.exercise.value = (
                here["exercise_id"] if here and here["exercise_id"] in exercises else next(iter(exercises))
            )
        self._loading = False
        self.form.layout.display = "" if self.items else "none"
        codes = [item["participant"] for item in self.shown]
        self.go(codes.index(here["participant"]) if here and here["participant"] in codes else 0)

    @property
    def shown(self) -> list[Item]:
        """The items of the chosen exercise, in the order given."""
        return [item for item in self.items if item["exercise_id"] == self.exercise.value]

    @property
    def current(self) -> Item | None:
        shown = self.shown if self.items else []
        return shown[self.position] if 0 <= self.position < len(shown) else None

    # ------------------------------------------------------------------ screen

    def go(self, position: int) -> None:
        """Show the answer at ``position`` of the chosen exercise (kept within the list)."""
        if self._loading:
            return
        shown = self.shown if self.items else []
        self.position = max(0, min(position, len(shown) - 1))
        self.previous.disabled = self.position <= 0
        self.next.disabled = self.position >= len(shown) - 1
        self.status.value = ""
        self._show_progress()
        item = self.current
        if item is None:
            self.view.value = ""
            self.position_label.value = ""
            return
        self.position_label.value = f"<b>{self._l('position', i=self.position + 1, n=len(shown))}</b>"
        self.view.value = self._item_html(item)
        self._loading = True
        self.points.max = float(item["max_points"])
        self.points.value = float(item.get("points") or 0.0)
        self.maximum.value = f"{self._l('of')} {display_number(float(item['max_points']), self.lang)}"
        self.comment.value = str(item.get("comment") or "")
        checked = set(item.get("rubric_checked") or ())
        self.criteria.children = self._criteria_boxes(item, checked)
        self._loading = False
        self.clear_button.disabled = item["status"] != "scored"

    def _show_progress(self) -> None:
        def line(items: list[Item]) -> str:
            scored = sum(i["status"] == "scored" for i in items)
            blank = sum(i["status"] == "blank" for i in items)
            out = self._l("progress", done=scored, total=len(items) - blank)
            return out + (f" · {self._l('blank_count', n=blank)}" if blank else "")

        self.progress.value = f"<b>{html.escape(line(self.shown))}</b>" if self.items else ""
        everything = f"{self._l('overall')}: {line(self.items)}" if self.items else self._l("nothing")
        self.overall.value = html.escape(everything)

    def _item_html(self, item: Item) -> str:
        lang, esc = self.lang, html.escape
        badge = self._l(item["status"]) + (f" ({item['grader']})" if item.get("grader") else "")
        badge += f" · ⚠ {self._l('changed')}" if item.get("answer_changed") else ""
        parts = [
            f"<h3>{esc(item['nama'])} <small>({esc(item['participant'])}) — {esc(badge)}</small></h3>",
            f"<p><b>{self._l('prompt')}:</b> {esc(text(item.get('prompt'), lang))}</p>",
            data_table_html(item.get("data"), lang),
        ]
        answer = str(item.get("answer") or "")
        shown = esc(answer) if answer.strip() else f"<i>{esc(self._l('no_answer'))}</i>"
        parts.append(
            f"<p><b>{self._l('answer')}:</b></p><div style='white-space:pre-wrap;border:1px solid #ccc;"
            f"padding:6px;background:#fafafa;max-height:24em;overflow:auto'>{shown}</div>"
        )
        lint = item.get("lint")
        if lint in LINTERS and answer.strip():
            found = LINTERS[lint](answer, lang)
            listed = "".join(f"<li>{esc(p)}</li>" for p in found)
            parts.append(f"<p><b>{self._l('lint')}:</b> {'' if found else esc(self._l('lint_clean'))}</p>")
            parts.append(f"<ul>{listed}</ul>" if found else "")
        if item.get("rubric"):
            parts.append(f"<p><b>{self._l('rubric')}:</b> {esc(text(item['rubric'], lang))}</p>")
        elif item.get("key"):
            key = json.dumps(item["key"], ensure_ascii=False, indent=1)
            parts.append(f"<p><b>{self._l('key')}:</b></p><pre>{esc(key)}</pre>")
        return "".join(parts)

    def _criteria_boxes(self, item: Item, checked: set[int]) -> tuple[w.Widget, ...]:
        criteria = item.get("criteria") or []
        self.rubric_boxes = []
        if not criteria:
            return ()
        for criterion in criteria:
            points = display_number(float(criterion["points"]), self.lang)
            box = w.Checkbox(
                value=criterion["number"] in checked,
                description=f"{points} {self._l('unit')}: {text(criterion['text'], self.lang)}",
                indent=False,
                layout=w.Layout(width="95%"),
            )
            box.observe(self._criteria_changed, names="value")
            self.rubric_boxes.append((box, int(criterion["number"]), float(criterion["points"])))
        return (w.HTML(f"<i>{html.escape(self._l('criteria'))}</i>"), *(box for box, _, _ in self.rubric_boxes))

    def _criteria_changed(self, _: Any) -> None:
        if not self._loading:
            self.points.value = sum(points for box, _, points in self.rubric_boxes if box.value)

    # ------------------------------------------------------------------ actions

    def save(self) -> None:
        """Call ``save`` with what is on screen; on success the item counts as scored."""
        item = self.current
        if item is None:
            return
        checked = [number for box, number, _ in self.rubric_boxes if box.value]
        points, comment, grader = float(self.points.value), self.comment.value, self.grader.value
        try:
            self._save(
                item["participant"], item["exercise_id"], points, comment=comment, grader=grader, rubric_checked=checked
            )
        except Exception as error:  # shown to the facilitator, who can correct and save again
            self._say(False, f"{self._l('not_saved')}: {error}")
            return
        item.update(
            status="scored", points=points, comment=comment, grader=grader, rubric_checked=checked, answer_changed=False
        )
        self._show_progress()
        self.view.value = self._item_html(item)
        self.clear_button.disabled = False
        shown = display_number(points, self.lang)
        self._say(True, f"{self._l('saved')}: {shown} {self._l('unit')} — {item['nama']}")

    def clear(self) -> None:
        """Call ``clear`` for the item on screen; it then awaits scoring again (or is blank)."""
        item = self.current
        if item is None or self._clear is None:
            return
        try:
            self._clear(item["participant"], item["exercise_id"])
        except Exception as error:  # shown to the facilitator
            self._say(False, f"{self._l('not_saved')}: {error}")
            return
        blank = not str(item.get("answer") or "").strip()
        item.update(status="blank" if blank else "awaiting", points=None, comment="", rubric_checked=[])
        self.go(self.position)
        self._say(True, self._l("cleared"))

    def reload(self) -> None:
        """Read the items again through ``reload``."""
        if self._reload is not None:
            self.set_items(self._reload())

    def _say(self, ok: bool, message: str) -> None:
        colour, mark = ("#070", "✓") if ok else ("#b00", "⚠")
        self.status.value = f"<span style='color:{colour}'>{mark} {html.escape(message)}</span>"
