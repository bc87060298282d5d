"""What the checks of :mod:`.checker` share: the context of a check, a finding, and how evidence is written.

Evidence is a short sentence in Indonesian and English with the numbers that
prove the violation. Indonesian writes clock times with a dot (``17.10``)
and decimals with a comma (``12,5``); English with a colon and a point.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ikm_curriculum.modules.quality.commodities import Text
from ikm_curriculum.modules.rules.events import Event
from ikm_curriculum.modules.rules.ruleset import DAYS, DAYS_EN, RuleSet

MONTHS_ID: tuple[str, ...] = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
MONTHS_EN: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

VERBS: dict[str, Text] = {
    "pesan": Text("pesan", "booking of"),
    "pakai": Text("pakai", "use of"),
    "bersih": Text("bersih", "cleaning of"),
    "bayar": Text("bayar", "payment"),
    "limbah": Text("buang limbah", "waste disposal"),
}
"""Kind of event → how the evidence names it, before the machine name."""


@dataclass(frozen=True)
class Context:
    """What a check reads: the rule set, the sorted log, and up to when the log is complete."""

    ruleset: RuleSet
    events: tuple[Event, ...]
    until: dt.datetime


@dataclass(frozen=True)
class Finding:
    """What a check found, before the sanction is set: member, time, evidence, rows of the log."""

    member: str
    time: dt.datetime
    evidence: Text
    rows: tuple[int, ...]


def clock(moment: dt.datetime | dt.time, lang: str = "en") -> str:
    """Clock time: ``17.10`` (id) or ``17:10`` (en).

    >>> clock(dt.time(17, 10), "id"), clock(dt.datetime(2024, 3, 11, 7, 5))
    ('17.10', '07:05')
    """
    return moment.strftime("%H.%M" if lang == "id" else "%H:%M")


def num(value: float, lang: str = "en") -> str:
    """A number as written: whole numbers bare, else up to 2 decimals (comma in Indonesian).

    >>> num(13.0), num(12.5, "id"), num(2 / 3)
    ('13', '12,5', '0.67')
    """
    text = f"{value:.0f}" if float(value).is_integer() else f"{value:.2f}".rstrip("0")
    return text.replace(".", ",") if lang == "id" else text


def month_name(year: int, month: int, lang: str = "en") -> str:
    """``Maret 2024`` (id) or ``March 2024`` (en).

    >>> month_name(2024, 3, "id")
    'Maret 2024'
    """
    return f"{(MONTHS_ID if lang == 'id' else MONTHS_EN)[month - 1]} {year}"


def days_text(days: tuple[str, ...], lang: str = "en") -> str:
    """Opening days, runs of consecutive days shortened: ``Senin–Jumat, Minggu``.

    >>> days_text(("senin", "selasa", "rabu", "kamis", "jumat", "minggu"), "id")
    'Senin–Jumat, Minggu'
    >>> days_text(("senin", "rabu"))
    'Monday, Wednesday'
    """
    names = [n.capitalize() for n in DAYS] if lang == "id" else list(DAYS_EN)
    index = sorted(DAYS.index(d) for d in days)
    runs: list[list[int]] = []
    for i in index:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    parts: list[str] = []
    for run in runs:
        parts += [f"{names[run[0]]}–{names[run[-1]]}"] if len(run) >= 3 else [names[i] for i in run]
    return ", ".join(parts) if parts else ("tidak ada hari" if lang == "id" else "no day")


def what(ctx: Context, event: Event) -> Text:
    """``pakai Oven pengering`` / ``use of Oven pengering``: the event and the machine's name.

    >>> rs = RuleSet("X", (), None, ())  # type: ignore[arg-type]
    >>> what(Context(rs, (), dt.datetime(2024, 1, 1)), Event(1, dt.datetime(2024, 1, 1), "A01", "bayar")).en
    'payment'
    """
    verb = VERBS[event.kind]
    machine = ctx.ruleset.machine(event.machine) if event.machine else None
    name = machine.name if machine else event.machine
    if not name:
        return verb
    return Text(f"{verb.id} {name}", f"{verb.en} {name}")
