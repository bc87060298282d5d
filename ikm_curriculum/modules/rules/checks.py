"""The check of each kind of rule (pemeriksaan per jenis aturan): :data:`CHECKS`.

One function per kind of :data:`~.ruleset.KINDS`, each ``(rule, context) →
findings``; the fee rule lives in :mod:`.fees_check`. What each kind counts as
a violation is this format's definition (see :mod:`.ruleset`; sure, as a
definition); the hours, limits and places are the centre's own (check). A
finding's time is the time of the event that broke the rule, or the moment a
deadline passed (cleaning); a deadline after ``context.until`` (the log is
complete up to then) is not judged.

The examples use :data:`EXAMPLE_RULES` (a fictional centre, one rule of each kind but the fee).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from types import MappingProxyType
from typing import Mapping

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.quality.commodities import Text
from ikm_curriculum.modules.rules import fees_check
from ikm_curriculum.modules.rules.events import (
    Event,
    normalise,
    read_events,  # noqa: F401 (used by the examples)
)
from ikm_curriculum.modules.rules.evidence import Context, Finding, clock, days_text, num, what
from ikm_curriculum.modules.rules.ruleset import (
    DAYS,
    DAYS_EN,
    Rule,
    load,  # noqa: F401 (used by the examples)
)

EXAMPLE_RULES = """\
sentra: Sentra Contoh (fiktif)
mesin:
  - {id: oven, nama: Oven, perlu_operator_terlatih: ya, alat_pelindung: [sarung tangan, masker]}
operator_terlatih: {oven: [A01]}
jam_buka: {hari: [senin, selasa, rabu, kamis, jumat], mulai: "07:30", selesai: "16:00"}
sanksi: {tangga: [teguran_lisan, teguran_tertulis], jendela_hari: 90}
aturan:
  - {id: JB, nama: Jam buka, jenis: jam_buka}
  - {id: BP, nama: Batas pesanan, jenis: batas_pemesanan, jam_per_minggu: 10}
  - {id: WP, nama: Wajib pesan, jenis: wajib_pesan}
  - {id: OT, nama: Operator terlatih, jenis: operator_terlatih}
  - {id: KB, nama: Bersihkan mesin, jenis: kebersihan, menit: 30}
  - {id: LB, nama: Limbah, jenis: limbah, tempat_boleh: [IPAL]}
  - {id: AP, nama: Alat pelindung, jenis: alat_pelindung}
"""
"""A small rule set for the examples (2024-03-11 is a Monday)."""

MINUTES_TOLERANCE = 1e-9
"""Float noise allowed when summed minutes are compared with a limit (not a rule)."""


def _in_scope(rule: Rule, event: Event) -> bool:
    machines = rule.machines()
    return machines is None or event.machine in machines


def _uses(rule: Rule, ctx: Context, kind: str = "pakai") -> Iterator[Event]:
    return (e for e in ctx.events if e.kind == kind and _in_scope(rule, e))


def check_opening_hours(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """``jam_buka``: an event on a closed day or a holiday, before opening, or ending after closing.

    Kept if the day is open and mulai ≤ start and start + duration ≤ selesai (same day).

    >>> rs = load(EXAMPLE_RULES)
    >>> log = read_events([{"waktu": "2024-03-11 17:10", "anggota": "A01", "kejadian": "pakai",
    ...                     "mesin": "oven", "durasi_menit": 20}])
    >>> [f.evidence.id for f in check_opening_hours(rs.rule("JB"), Context(rs, log, log[-1].time))]
    ['pakai Oven pukul 17.10–17.30, di luar jam buka 07.30–16.00']
    """
    hours = ctx.ruleset.opening_hours
    if hours is None:
        raise CalculationError(f"ruleset: rule {rule.id!r} (jam_buka) needs opening hours (section 'jam_buka')")
    span = Text(f"{clock(hours.start, 'id')}–{clock(hours.end, 'id')}", f"{clock(hours.start)}–{clock(hours.end)}")
    for e in ctx.events:
        if e.kind not in rule.params["kejadian"] or not _in_scope(rule, e):
            continue
        did, day = what(ctx, e), e.time.weekday()
        close = dt.datetime.combine(e.time.date(), hours.end)
        if e.time.date() in hours.holidays:
            date = e.time.date().isoformat()
            text = Text(f"{did.id} tanggal {date}, hari libur sentra", f"{did.en} on {date}, a holiday of the centre")
        elif DAYS[day] not in hours.days:
            text = Text(
                f"{did.id} hari {DAYS[day].capitalize()}, sentra tutup (buka {days_text(hours.days, 'id')})",
                f"{did.en} on {DAYS_EN[day]}, the centre is closed (open {days_text(hours.days, 'en')})",
            )
        elif e.time.time() < hours.start or e.end > close:
            when = Text(clock(e.time, "id"), clock(e.time))
            if e.minutes:
                when = Text(f"{when.id}–{clock(e.end, 'id')}", f"{when.en}–{clock(e.end)}")
            text = Text(
                f"{did.id} pukul {when.id}, di luar jam buka {span.id}",
                f"{did.en} at {when.en}, outside the opening hours {span.en}",
            )
        else:
            continue
        yield Finding(e.member, e.time, text, (e.row,))


def check_booking_limit(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """``batas_pemesanan``: a member's hours in one ISO week above ``jam_per_minggu`` (once per week).

    Broken when Σ minutes of the member's bookings (or uses) on the rule's machines in
    one ISO week > 60 × ``jam_per_minggu``. A booking counts in full in the week it
    starts. The violation is at the event that took the total over the limit; the
    evidence gives the week's total.

    >>> rs = load(EXAMPLE_RULES)
    >>> log = read_events([{"waktu": f"2024-03-1{d} 08:00", "anggota": "A01", "kejadian": "pesan",
    ...                     "mesin": "oven", "durasi_menit": 330} for d in (1, 2)])
    >>> [f.evidence.en for f in check_booking_limit(rs.rule("BP"), Context(rs, log, log[-1].time))]
    ['11 hours of bookings in week 2024-W11, above the limit of 10 hours per week (passed with the booking of \
Oven at 08:00)']
    """
    limit, kind = float(rule.params["jam_per_minggu"]), rule.params["kejadian"]
    totals: dict[tuple[str, str], float] = {}
    crossed: dict[tuple[str, str], Event] = {}
    for e in _uses(rule, ctx, kind):
        year, week, _ = e.time.isocalendar()
        key = (e.member, f"{year}-W{week:02d}")
        totals[key] = totals.get(key, 0.0) + e.minutes
        if totals[key] > limit * 60 + MINUTES_TOLERANCE and key not in crossed:
            crossed[key] = e
    for (member, week), e in crossed.items():
        hours, did = totals[(member, week)] / 60, what(ctx, e)
        yield Finding(
            member,
            e.time,
            Text(
                f"total {kind} {num(hours, 'id')} jam pada minggu {week}, lebih dari batas {num(limit, 'id')} jam "
                f"per minggu (terlewati saat {did.id} pukul {clock(e.time, 'id')})",
                f"{num(hours)} hours of {'bookings' if kind == 'pesan' else 'use'} in week {week}, above the limit "
                f"of {num(limit)} hours per week (passed with the {did.en} at {clock(e.time)})",
            ),
            (e.row,),
        )


def _first_gap(
    start: dt.datetime, end: dt.datetime, covers: list[tuple[dt.datetime, dt.datetime]]
) -> tuple[dt.datetime, dt.datetime] | None:
    """The first part of [start, end] no interval covers, or ``None``."""
    cursor = start
    for low, high in sorted(covers):
        if low > cursor:
            return (cursor, min(low, end)) if cursor < end else None
        cursor = max(cursor, high)
        if cursor >= end:
            return None
    return (cursor, end) if cursor < end else None


def check_booking_required(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """``wajib_pesan``: a use of a machine not covered by the same member's bookings of it (± tolerance).

    Kept if [start, end] of the use lies within the union of the member's bookings of
    that machine, each widened by ``toleransi_menit`` on both sides; the evidence names
    the first part not booked.

    >>> rs = load(EXAMPLE_RULES)
    >>> log = read_events([
    ...     {"waktu": "2024-03-11 09:00", "anggota": "A01", "kejadian": "pesan", "mesin": "oven", "durasi_menit": 60},
    ...     {"waktu": "2024-03-11 09:00", "anggota": "A01", "kejadian": "pakai", "mesin": "oven", "durasi_menit": 90}])
    >>> [f.evidence.id for f in check_booking_required(rs.rule("WP"), Context(rs, log, log[-1].time))]
    ['pakai Oven pukul 09.00–10.30 tanpa pesanan untuk 10.00–10.30']
    """
    tolerance = dt.timedelta(minutes=int(rule.params["toleransi_menit"]))
    booked: dict[tuple[str, str], list[tuple[dt.datetime, dt.datetime]]] = {}
    for b in _uses(rule, ctx, "pesan"):
        booked.setdefault((b.member, b.machine), []).append((b.time - tolerance, b.end + tolerance))
    for e in _uses(rule, ctx):
        gap = _first_gap(e.time, e.end, booked.get((e.member, e.machine), []))
        if gap is None:
            continue
        did = what(ctx, e)
        whole = gap == (e.time, e.end)
        yield Finding(
            e.member,
            e.time,
            Text(
                f"{did.id} pukul {clock(e.time, 'id')}–{clock(e.end, 'id')} "
                + ("tanpa pesanan" if whole else f"tanpa pesanan untuk {clock(gap[0], 'id')}–{clock(gap[1], 'id')}"),
                f"{did.en} at {clock(e.time)}–{clock(e.end)} "
                + ("without a booking" if whole else f"without a booking for {clock(gap[0])}–{clock(gap[1])}"),
            ),
            (e.row,),
        )


def check_trained_operator(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """``operator_terlatih``: a use of a machine that needs a trained operator by a member not listed.

    >>> rs = load(EXAMPLE_RULES)
    >>> log = read_events([{"waktu": "2024-03-11 09:00", "anggota": m, "kejadian": "pakai", "mesin": "oven",
    ...                     "durasi_menit": 30} for m in ("A01", "A02")])
    >>> [f.member for f in check_trained_operator(rs.rule("OT"), Context(rs, log, log[-1].time))]
    ['A02']
    """
    for e in _uses(rule, ctx):
        machine = ctx.ruleset.machine(e.machine)
        if machine is None or not machine.needs_trained_operator or e.member in ctx.ruleset.trained.get(machine.id, ()):
            continue
        did = what(ctx, e)
        yield Finding(
            e.member,
            e.time,
            Text(
                f"{did.id}, mesin yang perlu operator terlatih; {e.member} belum tercatat terlatih",
                f"{did.en}, a machine that needs a trained operator; {e.member} is not listed as trained",
            ),
            (e.row,),
        )


def check_protective_gear(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """``alat_pelindung``: a use without every item of the machine's ``alat_pelindung`` (compared without case).

    >>> rs = load(EXAMPLE_RULES)
    >>> log = read_events([{"waktu": "2024-03-11 09:00", "anggota": "A01", "kejadian": "pakai", "mesin": "oven",
    ...                     "durasi_menit": 30, "alat_pelindung": "Sarung tangan"}])
    >>> [f.evidence.id for f in check_protective_gear(rs.rule("AP"), Context(rs, log, log[-1].time))]
    ['pakai Oven tanpa masker']
    """
    for e in _uses(rule, ctx):
        machine = ctx.ruleset.machine(e.machine)
        worn = {normalise(g) for g in e.gear}
        missing = [g for g in (machine.gear if machine else ()) if normalise(g) not in worn]
        if missing:
            did = what(ctx, e)
            yield Finding(
                e.member,
                e.time,
                Text(f"{did.id} tanpa {', '.join(missing)}", f"{did.en} without {', '.join(missing)}"),
                (e.row,),
            )


def check_cleaning(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """``kebersihan``: no ``bersih`` event of the member for the machine from the start of use to ``menit`` after.

    Kept if a ``bersih`` event of the same member and machine has start ≤ time ≤ end + ``menit``.

    >>> rs = load(EXAMPLE_RULES)
    >>> log = read_events([{"waktu": "2024-03-11 09:00", "anggota": "A01", "kejadian": "pakai", "mesin": "oven",
    ...                     "durasi_menit": 60}])
    >>> [(f.time.strftime("%H:%M"), f.evidence.en) for f in check_cleaning(rs.rule("KB"),
    ...  Context(rs, log, dt.datetime(2024, 3, 11, 12)))]
    [('10:30', 'use of Oven ended at 10:00, no cleaning recorded by 10:30 (limit 30 minutes)')]
    """
    minutes = int(rule.params["menit"])
    cleaned: dict[tuple[str, str], list[dt.datetime]] = {}
    for c in ctx.events:
        if c.kind == "bersih":
            cleaned.setdefault((c.member, c.machine), []).append(c.time)
    for e in _uses(rule, ctx):
        deadline = e.end + dt.timedelta(minutes=minutes)
        if deadline > ctx.until or any(e.time <= t <= deadline for t in cleaned.get((e.member, e.machine), [])):
            continue
        did = what(ctx, e)
        yield Finding(
            e.member,
            deadline,
            Text(
                f"{did.id} selesai pukul {clock(e.end, 'id')}, tidak ada catatan bersih sampai {clock(deadline, 'id')} "
                f"(batas {minutes} menit)",
                f"{did.en} ended at {clock(e.end)}, no cleaning recorded by {clock(deadline)} "
                f"(limit {minutes} minutes)",
            ),
            (e.row,),
        )


def check_waste(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """``limbah``: waste put anywhere but the ``tempat_boleh`` (compared without case and extra spaces).

    >>> rs = load(EXAMPLE_RULES)
    >>> log = read_events([{"waktu": "2024-03-11 09:00", "anggota": "A01", "kejadian": "limbah", "tempat": p}
    ...                    for p in ("ipal", "selokan")])
    >>> [f.evidence.id for f in check_waste(rs.rule("LB"), Context(rs, log, log[-1].time))]
    ["buang limbah di 'selokan', bukan tempat yang boleh (IPAL)"]
    """
    allowed = tuple(rule.params["tempat_boleh"])
    for e in ctx.events:
        if e.kind == "limbah" and normalise(e.place) not in {normalise(p) for p in allowed}:
            yield Finding(
                e.member,
                e.time,
                Text(
                    f"buang limbah di {e.place!r}, bukan tempat yang boleh ({', '.join(allowed)})",
                    f"waste put at {e.place!r}, not an allowed place ({', '.join(allowed)})",
                ),
                (e.row,),
            )


CHECKS: Mapping[str, Callable[[Rule, Context], Iterator[Finding]]] = MappingProxyType(
    {
        "jam_buka": check_opening_hours,
        "batas_pemesanan": check_booking_limit,
        "wajib_pesan": check_booking_required,
        "operator_terlatih": check_trained_operator,
        "iuran": fees_check.check_fee,
        "kebersihan": check_cleaning,
        "limbah": check_waste,
        "alat_pelindung": check_protective_gear,
    }
)
"""Kind of rule → its check (one per kind of :data:`~.ruleset.KINDS`)."""
