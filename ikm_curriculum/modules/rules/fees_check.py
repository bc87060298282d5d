"""The monthly fee rule (iuran anggota) of the house rules: :func:`check_fee`.

A rule of kind ``iuran`` (see :mod:`.ruleset`) with fee F = ``jumlah``, due
day D = ``jatuh_tempo`` and late fee L = ``denda_telat``. Payments are the
``bayar`` events of the member; a payment counts for the month it is made in.
For each member and month:

* paid in full (payments add up to F) on a date ≥ the late date — the day
  ``denda_mulai`` if given, else the day after D — is a violation *paid late*,
  with the late fee L due;
* not paid in full by the end of the month is a violation *not paid* (nothing
  paid) or *paid less* (the shortfall), at the month's last second, judged
  only if the log is complete to then (``until``).

Days past the month's end mean its last day (D = 31 in February → 28/29).
Months run from the month of the first event of the log to the month of
``until``; a member counts from the start when the rule set lists
``anggota``, else from the month of the member's first event (the log does
not say when a member joined). Fee, days and late fee are the centre's own
rule, or the regional regulation for a levy (Perda retribusi) — check.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator

from ikm_curriculum.modules.assets.books import rupiah
from ikm_curriculum.modules.quality.commodities import Text
from ikm_curriculum.modules.rules.events import Event
from ikm_curriculum.modules.rules.evidence import Context, Finding, month_name
from ikm_curriculum.modules.rules.ruleset import Rule


def fee_dates(year: int, month: int, due_day: int, late_from: int | None = None) -> tuple[dt.date, dt.date]:
    """The due date and the late date (from which a payment is late) of one month.

    >>> fee_dates(2024, 2, 31)
    (datetime.date(2024, 2, 29), datetime.date(2024, 3, 1))
    >>> fee_dates(2024, 3, 10, late_from=15)
    (datetime.date(2024, 3, 10), datetime.date(2024, 3, 15))
    """
    last = calendar.monthrange(year, month)[1]
    due = dt.date(year, month, min(due_day, last))
    late = dt.date(year, month, min(late_from, last)) if late_from else due + dt.timedelta(days=1)
    return due, late


def _months(first: tuple[int, int], last: tuple[int, int]) -> Iterator[tuple[int, int]]:
    year, month = first
    while (year, month) <= last:
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def check_fee(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """``iuran``: fee paid late, not paid, or paid less, per member and month (see the module docstring).

    >>> from ikm_curriculum.modules.rules.ruleset import EXAMPLE, load
    >>> from ikm_curriculum.modules.rules.events import read_events
    >>> log = read_events([{"waktu": "2024-03-14 09:00", "anggota": "A01", "kejadian": "bayar", "jumlah": 50000}])
    >>> rs = load(EXAMPLE)
    >>> [f.evidence.id for f in check_fee(rs.rule("IU1"), Context(rs, log, dt.datetime(2024, 4, 1)))]
    ['iuran Maret 2024 lunas tanggal 14, lewat jatuh tempo tanggal 10: denda Rp5.000']
    """
    fee, due_day = int(rule.params["jumlah"]), int(rule.params["jatuh_tempo"])
    late_fee, late_from = int(rule.params["denda_telat"]), rule.params.get("denda_mulai")
    if not ctx.events:
        return
    start = (ctx.events[0].time.year, ctx.events[0].time.month)
    members: dict[str, tuple[int, int]] = {}
    if ctx.ruleset.members is not None:
        members = {m: start for m in ctx.ruleset.members}
    for e in ctx.events:
        members.setdefault(e.member, (e.time.year, e.time.month))
    paid: dict[tuple[str, int, int], list[Event]] = {}
    for e in ctx.events:
        if e.kind == "bayar":
            paid.setdefault((e.member, e.time.year, e.time.month), []).append(e)
    for year, month in _months(start, (ctx.until.year, ctx.until.month)):
        due, late = fee_dates(year, month, due_day, late_from)
        close = dt.datetime(year, month, calendar.monthrange(year, month)[1], 23, 59, 59)
        name = Text(month_name(year, month, "id"), month_name(year, month))
        for member, first in members.items():
            if (year, month) < first:
                continue
            total, rows, done = 0, [], None
            for p in paid.get((member, year, month), []):
                total, rows = total + p.amount, rows + [p.row]
                if total >= fee:
                    done = p
                    break
            if done is not None and done.time.date() >= late:
                yield Finding(
                    member, done.time, _late_text(name, done.time.day, due.day, late_fee, late_from), (done.row,)
                )
            elif done is None and close <= ctx.until:
                yield Finding(member, close, _short_text(name, total, fee), tuple(rows))


def _late_text(name: Text, day: int, due: int, late_fee: int, late_from: int | None) -> Text:
    grace = (
        Text(f" (denda mulai tanggal {late_from})", f" (late fee from day {late_from})") if late_from else Text("", "")
    )
    fine = Text(f": denda {rupiah(late_fee)}", f": late fee {rupiah(late_fee, 'en')} due") if late_fee else Text("", "")
    return Text(
        f"iuran {name.id} lunas tanggal {day}, lewat jatuh tempo tanggal {due}{grace.id}{fine.id}",
        f"fee for {name.en} paid in full on day {day}, after the due day {due}{grace.en}{fine.en}",
    )


def _short_text(name: Text, total: int, fee: int) -> Text:
    if total == 0:
        return Text(
            f"iuran {name.id} {rupiah(fee)} belum dibayar sampai akhir bulan",
            f"fee for {name.en} ({rupiah(fee, 'en')}) not paid by the end of the month",
        )
    return Text(
        f"iuran {name.id} dibayar {rupiah(total)} dari {rupiah(fee)}, kurang {rupiah(fee - total)}",
        f"fee for {name.en}: paid {rupiah(total, 'en')} of {rupiah(fee, 'en')}, {rupiah(fee - total, 'en')} short",
    )
