"""Daftar tindak lanjut (follow-up list): overdue actions and KPIs that need attention, by priority.

After each monitoring round (*monev*) the centre manager needs one short list:

* actions of the mentoring plan that are overdue on ``as_of``: due date
  before ``as_of`` and status still ``belum`` / ``berjalan`` (an action due
  today is not overdue; a done or cancelled one never is);
* KPIs below target in the latest quarter of the scorecard;
* KPIs whose score fell in each of the last two quarters (``turun`` twice in
  a row, :mod:`.scorecard` trend), even if still above target.

Priorities (1 tinggi / 2 sedang / 3 rendah, :data:`PRIORITIES`) follow
:data:`FOLLOW_UP_RULES` — teaching values, check: an action more than 30
days overdue is tinggi, less is sedang; a KPI below target takes the priority
of its traffic light (merah → tinggi, kuning → sedang, hijau but below
target → rendah); a falling KPI is sedang. The list is sorted by priority,
then most days overdue first, then kind and name.

>>> from ikm_curriculum.modules.mentoring.mentoring_log import ActionItem
>>> a = ActionItem("A1", "UD Bahari", "Tera timbangan", "Ketua", "2026-03-01", "belum")
>>> item = follow_up([a], None, "2026-04-15").items[0]
>>> item.kind, item.days_overdue, item.priority
('overdue_action', 45, 1)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from ikm_curriculum.modules.mentoring.mentoring_log import ActionItem, MentoringLog
from ikm_curriculum.modules.mentoring.scorecard import ScorecardResult
from ikm_curriculum.modules.quality.commodities import Text
from ikm_curriculum.modules.table_cells import bad_value, check_lang, parse_date

if TYPE_CHECKING:
    import pandas as pd

PRIORITIES: Mapping[int, Text] = MappingProxyType(
    {1: Text("Tinggi", "High"), 2: Text("Sedang", "Medium"), 3: Text("Rendah", "Low")}
)
"""Priority levels, 1 first."""

KINDS: Mapping[str, Text] = MappingProxyType(
    {
        "overdue_action": Text("Tindakan terlambat", "Overdue action"),
        "kpi_below_target": Text("KPI di bawah target", "KPI below target"),
        "kpi_falling": Text("KPI terus turun", "KPI falling"),
    }
)
"""Kinds of follow-up item, in the order they are listed within one priority and days overdue."""


@dataclass(frozen=True)
class FollowUpRules:
    """When an item is raised and how urgent it is (see the module docstring)."""

    overdue_high_days: int
    falling_quarters: int
    falling_priority: int
    light_priority: Mapping[str, int]
    source: str = ""

    def __post_init__(self) -> None:
        for name, least in (("overdue_high_days", 0), ("falling_quarters", 1)):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < least:
                raise bad_value(f"rules.{name}", f"a whole number ≥ {least}", value)
        for value in (self.falling_priority, *self.light_priority.values()):
            if value not in PRIORITIES:
                raise bad_value("rules priority", f"one of {list(PRIORITIES)}", value)
        if set(self.light_priority) != {"hijau", "kuning", "merah"}:
            raise bad_value("rules.light_priority", "a priority for each of hijau, kuning, merah", self.light_priority)


FOLLOW_UP_RULES = FollowUpRules(
    overdue_high_days=30,
    falling_quarters=2,
    falling_priority=2,
    light_priority=MappingProxyType({"merah": 1, "kuning": 2, "hijau": 3}),
    source="Teaching values (check, November 2026); a centre or Dinas sets its own.",
)
"""Default rules: > 30 days overdue → tinggi; falling 2 quarters in a row → sedang; KPI light → priority."""


@dataclass(frozen=True)
class FollowUpItem:
    """One line of the follow-up list. ``subject`` is the action id or the KPI key."""

    kind: str
    priority: int
    subject: str
    member: str
    owner: str
    due: date | None
    days_overdue: int
    quarter: str | None
    message: Text

    def to_dict(self) -> dict[str, Any]:
        """Plain values; date as ISO text; message as ``{"id": …, "en": …}``."""
        return {
            "kind": self.kind, "priority": self.priority, "subject": self.subject, "member": self.member,
            "owner": self.owner, "due": None if self.due is None else self.due.isoformat(),
            "days_overdue": self.days_overdue, "quarter": self.quarter, "message": self.message.to_dict(),
        }  # fmt: skip


@dataclass(frozen=True)
class FollowUp:
    """The follow-up list on ``as_of``, sorted (see :func:`follow_up`)."""

    as_of: date
    items: tuple[FollowUpItem, ...]

    def to_dict(self) -> dict[str, Any]:
        """Plain lists (JSON-able)."""
        return {"as_of": self.as_of.isoformat(), "items": [i.to_dict() for i in self.items]}


def _fmt(value: float, lang: str) -> str:
    """A number as people write it: 1.500.000 / 2,5 in Indonesian; 1,500,000 / 2.5 in English.

    >>> _fmt(1_500_000, "id"), _fmt(2.5, "id"), _fmt(1_500_000, "en")
    ('1.500.000', '2,5', '1,500,000')
    """
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    return text.translate(str.maketrans(",.", ".,")) if lang == "id" else text


def _amount(value: float, unit: str, lang: str) -> str:
    """A value with its unit: ``Rp 1.500.000``, ``8 %``, ``700 kg``.

    >>> _amount(1_500_000, "Rp", "id"), _amount(8, "%", "en"), _amount(700, "kg", "id")
    ('Rp 1.500.000', '8 %', '700 kg')
    """
    number = _fmt(value, lang)
    if unit == "Rp":
        return f"Rp {number}"
    return f"{number} {unit}".rstrip()


def _action_items(actions: Iterable[ActionItem], day: date, rules: FollowUpRules) -> list[FollowUpItem]:
    items = []
    for a in actions:
        late = a.days_overdue(day)
        if late <= 0:
            continue
        due = a.due.isoformat()
        items.append(FollowUpItem(
            "overdue_action", 1 if late > rules.overdue_high_days else 2, a.id, a.member, a.owner, a.due, late, None,
            Text(f"Tindakan {a.id} untuk {a.member} ({a.action}) terlambat {late} hari dari batas waktu {due}; "
                 f"penanggung jawab: {a.owner}.",
                 f"Action {a.id} for {a.member} ({a.action}) is {late} days past its due date {due}; "
                 f"owner: {a.owner}."),
        ))  # fmt: skip
    return items


def _kpi_items(result: ScorecardResult, rules: FollowUpRules) -> list[FollowUpItem]:
    items = []
    latest = result.latest
    for k in latest.kpis:
        if k.actual is None or k.achievement is None:
            continue
        pct = {lang: _fmt(round(100 * k.achievement, 1), lang) for lang in ("id", "en")}
        if not k.met:
            items.append(FollowUpItem(
                "kpi_below_target", rules.light_priority[str(k.status)], k.key, "", "", None, 0, latest.quarter,
                Text(f"{k.name.id} di {latest.quarter}: {_amount(k.actual, k.unit, 'id')}, target "
                     f"{_amount(k.target, k.unit, 'id')} (capaian {pct['id']} %).",
                     f"{k.name.en} in {latest.quarter}: {_amount(k.actual, k.unit, 'en')}, target "
                     f"{_amount(k.target, k.unit, 'en')} (achievement {pct['en']} %)."),
            ))  # fmt: skip
        trends = [q[k.key].trend for q in result.quarters[-rules.falling_quarters :]]
        if len(result.quarters) > rules.falling_quarters and all(t == "turun" for t in trends):
            scores = [q[k.key].score for q in result.quarters[-rules.falling_quarters - 1 :]]
            path = {lang: " → ".join(f"{_fmt(round(100 * s, 1), lang)} %" for s in scores if s is not None)
                    for lang in ("id", "en")}  # fmt: skip
            n = rules.falling_quarters
            items.append(FollowUpItem(
                "kpi_falling", rules.falling_priority, k.key, "", "", None, 0, latest.quarter,
                Text(f"{k.name.id} turun {n} triwulan berturut-turut (skor {path['id']}).",
                     f"{k.name.en} fell {n} quarters in a row (score {path['en']})."),
            ))  # fmt: skip
    return items


def follow_up(
    actions: MentoringLog | Iterable[ActionItem],
    scorecard_result: ScorecardResult | None,
    as_of: date | str,
    rules: FollowUpRules = FOLLOW_UP_RULES,
) -> FollowUp:
    """The follow-up list on ``as_of``: overdue actions, KPIs below target, falling KPIs.

    Parameters
    ----------
    actions : MentoringLog or iterable of ActionItem
        The action plan (only its actions are read).
    scorecard_result : ScorecardResult or None
        The centre's scorecard (see :func:`.scorecard.scorecard`); ``None``
        gives only the overdue actions.
    as_of : date or ISO text
        The day of the list; an action is overdue if due < as_of and open.
    rules : FollowUpRules
        Priority rules (default :data:`FOLLOW_UP_RULES`, check).

    Returns
    -------
    FollowUp
        Items sorted by priority (1 first), days overdue (most first), kind
        (as in :data:`KINDS`) and subject.

    Raises
    ------
    CalculationError
        ``actions`` not a log or a list of ActionItem, ``scorecard_result``
        of the wrong type, or a bad ``as_of``.
    """
    day = parse_date(as_of, "as_of")
    items_in = actions.actions if isinstance(actions, MentoringLog) else actions
    if isinstance(items_in, (str, bytes, Mapping)) or not isinstance(items_in, Iterable):
        raise bad_value("actions", "a MentoringLog or a list of ActionItem", actions)
    items_in = tuple(items_in)
    wrong = [a for a in items_in if not isinstance(a, ActionItem)]
    if wrong:
        raise bad_value("actions", "ActionItem objects only (see mentoring_log_from_rows)", wrong[0])
    if scorecard_result is not None and not isinstance(scorecard_result, ScorecardResult):
        raise bad_value("scorecard_result", "a ScorecardResult (see scorecard) or None", scorecard_result)
    if not isinstance(rules, FollowUpRules):
        raise bad_value("rules", "a FollowUpRules", rules)
    items = _action_items(items_in, day, rules)
    if scorecard_result is not None:
        items += _kpi_items(scorecard_result, rules)
    order = list(KINDS)
    items.sort(key=lambda i: (i.priority, -i.days_overdue, order.index(i.kind), i.subject.casefold()))
    return FollowUp(day, tuple(items))


FOLLOW_UP_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("priority", "Prioritas", "Priority"),
    ("kind", "Jenis", "Kind"),
    ("subject", "Pokok", "Subject"),
    ("member", "Anggota", "Member"),
    ("owner", "Penanggung Jawab", "Owner"),
    ("due", "Batas Waktu", "Due date"),
    ("days_overdue", "Hari Terlambat", "Days overdue"),
    ("message", "Keterangan", "Message"),
)
"""Columns of :func:`follow_up_frame`: (field, Indonesian header, English header)."""


def follow_up_frame(result: FollowUp, lang: str = "id") -> pd.DataFrame:
    """The follow-up list as a table, in its order, labels in ``lang``.

    >>> from ikm_curriculum.modules.mentoring.mentoring_log import ActionItem
    >>> a = ActionItem("A1", "UD Bahari", "Tera timbangan", "Ketua", "2026-03-01", "belum")
    >>> follow_up_frame(follow_up([a], None, "2026-03-11")).iloc[0]["Prioritas"]
    'Sedang'
    """
    import pandas as pd

    if not isinstance(result, FollowUp):
        raise bad_value("result", "a FollowUp (see follow_up)", result)
    lang = check_lang(lang)
    rows = [
        (getattr(PRIORITIES[i.priority], lang), getattr(KINDS[i.kind], lang), i.subject, i.member, i.owner, i.due,
         i.days_overdue, getattr(i.message, lang))
        for i in result.items
    ]  # fmt: skip
    return pd.DataFrame.from_records(rows, columns=[c[1] if lang == "id" else c[2] for c in FOLLOW_UP_COLUMNS])
