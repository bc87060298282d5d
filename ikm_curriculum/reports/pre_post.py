"""Pre-test / post-test results (Kirkpatrick level 2) and item analysis, as tables for the report and Excel.

Who counts: a participant *took* a form when their answer file of that form was
accepted (``ReportData.workbooks``); an item they left blank scores 0, as on a
paper test. Percentages are 100 × points / number of items of the form.

- Learning gain per day and over the three days: :func:`ikm_curriculum.assessment.normalized_gain`
  (Hake's ⟨g⟩ and the mean of individual gains, paired t-test and Wilcoxon test), on
  participants who took both the pre-test and the post-test.
- Item analysis: :func:`ikm_curriculum.assessment.item_analysis` (Moodle's quiz statistics)
  of the post-tests of all days as one test (the items are those of the pre-tests), and of
  the training exercises (each item's marks as fractions of its maximum).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ikm_curriculum.assessment import item_analysis, normalized_gain
from ikm_curriculum.assessment.gain import GainResult, individual_gain
from ikm_curriculum.assessment.item_analysis import ItemAnalysis
from ikm_curriculum.curriculum import DAYS
from ikm_curriculum.evaluation.forms import PHASES, form_workbook, item_id_of
from ikm_curriculum.evaluation.item_bank import load_item_bank
from ikm_curriculum.reports.labels import label, module_title
from ikm_curriculum.reports.report_data import ReportData

if TYPE_CHECKING:
    import pandas as pd

MIN_PARTICIPANTS = 3
"""Fewer participants than this on a test: no item analysis (a correlation needs at least three people)."""


def form_days(data: ReportData) -> tuple[int, ...]:
    """The days that have a test form with scored items."""
    modules = {item.module for item in data.scores.evaluation}
    return tuple(day for day in DAYS if form_workbook("pre", day) in modules)


def took(data: ReportData, code: str, phase: str, day: int) -> bool:
    """Whether participant ``code`` handed in the ``phase`` form of ``day``."""
    return form_workbook(phase, day) in data.workbooks.get(code, frozenset())


def form_matrix(data: ReportData, phase: str, days: tuple[int, ...] | None = None) -> pd.DataFrame:
    """Points per participant (rows, codes) and item (columns, item-bank ids) on the ``phase`` forms of ``days``.

    A participant who did not take a form has NaN on its items; one who took none
    of them is left out.
    """
    import numpy as np
    import pandas as pd

    days = days or form_days(data)
    forms = {form_workbook(phase, day): day for day in days}
    rows: dict[str, dict[str, float]] = {}
    for item in data.scores.evaluation:
        day = forms.get(item.module)
        if day is None or not took(data, item.participant, phase, day):
            continue
        rows.setdefault(item.participant, {})[item_id_of(item.exercise_id)] = float(item.points or 0.0)
    order = [p.code for p in data.scores.participants if p.code in rows]
    frame = pd.DataFrame([rows[code] for code in order], index=pd.Index(order, name="participant"))
    return frame.astype(float) if len(frame) else pd.DataFrame(dtype=np.float64)


def percent_of_form(matrix: pd.DataFrame) -> pd.Series:
    """Each participant's percent of the items they were given (NaN items are forms not taken)."""
    return 100.0 * matrix.sum(axis=1) / matrix.notna().sum(axis=1)


def gain(data: ReportData, days: tuple[int, ...] | None = None) -> GainResult:
    """Normalised gain of the participants who took the pre- and post-test of every day in ``days``."""
    days = days or form_days(data)
    pre, post = (form_matrix(data, phase, days) for phase in PHASES)
    both = [code for code in pre.index if code in post.index]
    complete = [c for c in both if pre.loc[c].notna().all() and post.loc[c].notna().all()]
    return normalized_gain(
        percent_of_form(pre.loc[complete]).tolist(), percent_of_form(post.loc[complete]).tolist(), max_score=100
    )


def pre_post_table(data: ReportData, lang: str = "id") -> pd.DataFrame:
    """One row per participant: pre %, post % and individual gain of each day (blank where a form is missing)."""
    import pandas as pd

    days = form_days(data)
    percents = {
        (phase, day): percent_of_form(form_matrix(data, phase, (day,))).to_dict() for phase in PHASES for day in days
    }
    rows = []
    for number, person in enumerate(data.scores.participants, start=1):
        row: dict[str, Any] = {label("no", lang): number, label("nama", lang): person.nama,
                               label("sentra", lang): person.sentra}  # fmt: skip
        for day in days:
            pre, post = (percents[(phase, day)].get(person.code) for phase in PHASES)
            row[label("pre_day", lang, day=day)] = pre
            row[label("post_day", lang, day=day)] = post
            both = pre is not None and post is not None
            row[label("gain_day", lang, day=day)] = individual_gain(pre, post) if both else None
        rows.append(row)
    return pd.DataFrame(rows)


def gain_table(data: ReportData, lang: str = "id") -> pd.DataFrame:
    """Per day and over all days: participants, mean pre %, mean post %, ⟨g⟩, mean of g, band, p-values."""
    import pandas as pd

    rows: list[dict[str, Any]] = []
    days = form_days(data)
    if not days:
        return pd.DataFrame(rows)
    for name, chosen in [*((label("day_n", lang, day=d), (d,)) for d in days), (label("all_days", lang), days)]:
        result = gain(data, chosen)
        rows.append(
            {
                label("test", lang): name,
                label("n", lang): result.n,
                label("mean_pre", lang): result.mean_pre,
                label("mean_post", lang): result.mean_post,
                label("class_gain", lang): result.class_average_gain,
                label("mean_individual_gain", lang): result.mean_individual_gain,
                label("gain_band", lang): (result.band_label or {}).get(lang, "–"),
                label("p_t", lang): result.t_test.p_value if result.t_test else None,
                label("p_wilcoxon", lang): result.wilcoxon.p_value if result.wilcoxon else None,
            }
        )
    return pd.DataFrame(rows)


def form_item_analysis(data: ReportData, phase: str = "post") -> ItemAnalysis | None:
    """Item analysis of the ``phase`` forms of all days as one test (None with fewer than 3 participants)."""
    matrix = form_matrix(data, phase)
    if len(matrix) < MIN_PARTICIPANTS:
        return None
    return item_analysis(matrix, max_marks={item: 1.0 for item in matrix.columns})


TEST_STATISTICS = ("n", "n_items", "max_total", "mean", "median", "sd", "skewness", "kurtosis", "alpha",
                   "error_ratio", "standard_error")  # fmt: skip
"""The test statistics of :func:`ikm_curriculum.assessment.item_analysis` listed in Excel, in this order."""


def form_statistics_table(data: ReportData, phase: str = "post") -> pd.DataFrame:
    """The whole-test statistics of the ``phase`` forms (Moodle's names, marks as in the item analysis)."""
    import pandas as pd

    result = form_item_analysis(data, phase)
    columns = [label("statistic", data.lang), label("value", data.lang)]
    if result is None:
        return pd.DataFrame(columns=columns)
    return pd.DataFrame([(name, float(result.test[name])) for name in TEST_STATISTICS], columns=columns)


def form_items_table(data: ReportData, lang: str = "id") -> pd.DataFrame:
    """Per test item: module, question, facility before and after, discrimination and efficiency after, flags."""
    import pandas as pd

    bank = load_item_bank()
    pre, post = form_item_analysis(data, "pre"), form_item_analysis(data, "post")
    items = post.items.index if post is not None else (pre.items.index if pre is not None else [])
    rows = []
    for item_id in items:
        item = bank.item(item_id)
        after = post.items.loc[item_id] if post is not None else None
        rows.append(
            {
                label("item", lang): item_id,
                label("module", lang): module_title(item.module, lang),
                label("question", lang): item.stem[lang],
                label("facility_pre", lang): _fraction(pre, item_id, "facility"),
                label("facility_post", lang): _fraction(post, item_id, "facility"),
                label("discrimination", lang): None if after is None else 100 * after["discrimination_index"],
                label("efficiency", lang): None if after is None else 100 * after["discriminative_efficiency"],
                label("flags", lang): "; ".join(reason[lang] for reason in post.flags.get(item_id, ())) if post else "",
            }
        )
    return pd.DataFrame(rows)


def _fraction(result: ItemAnalysis | None, item_id: str, column: str) -> float | None:
    if result is None or item_id not in result.items.index:
        return None
    value = result.items.loc[item_id, column]
    return None if value != value else 100 * float(value)  # NaN stays blank


def exercise_matrix(data: ReportData) -> tuple[pd.DataFrame, dict[str, float]]:
    """Training exercises: points per participant who submitted (rows) and exercise (columns), and each maximum."""
    import pandas as pd

    submitted = {p.code for p in data.scores.participants if p.submitted}
    rows: dict[str, dict[str, float]] = {}
    maxima: dict[str, float] = {}
    for item in data.scores.items:
        if item.participant in submitted and item.max_points > 0 and item.method != "sim":
            rows.setdefault(item.participant, {})[item.exercise_id] = float(item.points or 0.0)
            maxima[item.exercise_id] = item.max_points
    order = [p.code for p in data.scores.participants if p.code in rows]
    return pd.DataFrame([rows[c] for c in order], index=pd.Index(order, name="participant")), maxima


def exercise_items_table(data: ReportData, lang: str = "id") -> pd.DataFrame:
    """Per training exercise: module, facility, discrimination, efficiency (all in %), flags."""
    import pandas as pd

    matrix, maxima = exercise_matrix(data)
    columns = [label(k, lang) for k in ("item", "module", "facility", "discrimination", "efficiency", "flags")]
    if len(matrix) < MIN_PARTICIPANTS:
        return pd.DataFrame(columns=columns)
    result = item_analysis(matrix, max_marks=maxima)
    module_of = {item.exercise_id: item.module for item in data.scores.items}
    rows = [
        [exercise, module_title(module_of[exercise], lang), 100 * row["facility"],
         100 * row["discrimination_index"], 100 * row["discriminative_efficiency"],
         "; ".join(reason[lang] for reason in result.flags.get(exercise, ()))]
        for exercise, row in result.items.iterrows()
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)
