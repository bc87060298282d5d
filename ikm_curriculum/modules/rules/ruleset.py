"""House rules of a centre (tata tertib sentra) as a small YAML rule set: the format and the data model.

A centre writes its rules in one YAML file that participants can read and
change: Indonesian keys, one section per topic. :func:`load` reads it into a
frozen :class:`RuleSet`, with the YAML line of every rule and section;
:func:`~.lint.lint` finds soft problems; :func:`~.checker.check` finds the
violations in a log of events (:mod:`.events`). The format is this project's
own (no standard exists); every number in it is the centre's decision.

Format
------
Top level (a mapping; any other key is an error ``unknown_field``):

``sentra`` : text, required
    Name of the centre.
``anggota`` : list of text, optional (default: the members seen in the log)
    Member ids. When given, every member of an event log must be one of
    them, and a fee rule (``iuran``) is checked for every one of them.
``mesin`` : list, default ``[]``
    The shared machines. Each item: ``id`` (text, required, unique), ``nama``
    (text, required), ``perlu_operator_terlatih`` (true/false, also ``ya`` /
    ``tidak``; default false), ``alat_pelindung`` (list of text: protective
    gear to wear when using it; default ``[]``).
``operator_terlatih`` : mapping machine id → list of member ids, default ``{}``
    Who is trained to run a machine that needs a trained operator.
``jam_buka`` : mapping, required if a rule of kind ``jam_buka`` exists
    ``hari`` (list of ``senin selasa rabu kamis jumat sabtu minggu``),
    ``mulai`` and ``selesai`` (time ``"HH:MM"``, quoted; ``7:30`` and
    ``07.30`` are read too), ``libur`` (list of ISO dates ``2025-08-17``
    when the centre is closed; default ``[]``).
``sanksi`` : mapping, required
    ``tangga`` (list of text, the ladder of sanctions, lightest first, e.g.
    ``[teguran_lisan, teguran_tertulis, skorsing_7_hari, pemberhentian]``;
    an empty list or ``tidak_ada`` means no sanction), ``jendela_hari`` (integer ≥ 1: the
    look-back window in days), ``hitung`` (``sama_aturan``: earlier
    violations of the same rule count, the default; ``semua_aturan``: earlier
    violations of any rule count). See :mod:`.sanctions`.
``aturan`` : list, required
    The rules. Each item: ``id`` (text, required, unique), ``nama`` (text,
    required), ``keterangan`` (text, optional), ``jenis`` (one of the kinds
    below, required), ``sanksi`` (optional: ``tidak_ada`` or the rule's own
    ladder as a list; default the ladder of ``sanksi``), and the parameters of
    its kind (any other key is an error).

``mesin``, ``operator_terlatih`` and ``aturan`` may be written and left empty.

Kinds of rule and their parameters (``mesin`` is one machine id or a list;
left out, the rule covers every machine):

``jam_buka`` — events outside the opening days and hours (or on a ``libur`` day)
    ``kejadian`` (list of event kinds, default ``[pesan, pakai]``), ``mesin``.
``batas_pemesanan`` — hours per member per ISO week above a limit
    ``jam_per_minggu`` (number > 0, required), ``mesin`` (the hours on these
    machines are added up), ``kejadian`` (``pesan`` or ``pakai``; default ``pesan``).
``wajib_pesan`` — use of a machine not covered by the member's bookings of it
    ``mesin``, ``toleransi_menit`` (integer ≥ 0, default 0: a booking counts
    this much earlier and later).
``operator_terlatih`` — use of a machine with ``perlu_operator_terlatih`` by a member not listed as trained
    ``mesin``.
``iuran`` — the monthly fee (iuran anggota) paid late, not paid or paid less (:mod:`.fees_check`)
    ``jumlah`` (whole rupiah > 0, required), ``jatuh_tempo`` (day of month
    1–31, required; past the month's end it means the last day),
    ``denda_telat`` (whole rupiah ≥ 0, default 0), ``denda_mulai`` (day of
    month from which the late fee applies; default the day after
    ``jatuh_tempo``).
``kebersihan`` — after a use, a ``bersih`` event by the same member for the machine within N minutes
    ``menit`` (integer > 0, required), ``mesin``.
``limbah`` — waste (``limbah`` events) only at an allowed place
    ``tempat_boleh`` (non-empty list of text, required; compared without case).
``alat_pelindung`` — use of a machine without all of its ``alat_pelindung`` recorded in the event
    ``mesin``.

Text values are read as written (``07:30``, ``no``, ``001`` stay text);
integers must be written without dots (``50000`` or ``50_000``, not ``50.000``).
:func:`load` raises :class:`~ikm_curriculum.errors.RuleSetError` listing every
hard error with its rule (or section) and YAML line; :mod:`.lint` lists the codes.

Example::

    sentra: Sentra Abon Ikan Contoh
    mesin:
      - {id: oven, nama: Oven pengering, perlu_operator_terlatih: ya, alat_pelindung: [sarung tangan]}
    operator_terlatih: {oven: [A01]}
    jam_buka: {hari: [senin, selasa, rabu, kamis, jumat], mulai: "07:30", selesai: "16:00"}
    sanksi: {jendela_hari: 90, hitung: sama_aturan, tangga: [teguran_lisan, teguran_tertulis, pemberhentian]}
    aturan:
      - {id: JB1, nama: Pakai mesin hanya pada jam buka, jenis: jam_buka}
      - {id: IU1, nama: Iuran bulanan, jenis: iuran, jumlah: 50000, jatuh_tempo: 10, denda_telat: 5000}

>>> rs = load(EXAMPLE)
>>> [r.id for r in rs.rules], rs.opening_hours.weekly_hours(), rs.ladder(rs.rules[1])
(['JB1', 'IU1'], 42.5, ('teguran_lisan', 'teguran_tertulis', 'pemberhentian'))

Source of the format: this project's design (sure: it is a definition). The
numbers in any rule set (hours, fees, windows) are the centre's own — check;
levies on a regional facility follow the city's regional regulation (Perda
retribusi).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from ikm_curriculum.errors import RuleSetError
from ikm_curriculum.modules.quality.commodities import Text

EXAMPLE = """\
sentra: Sentra Abon Ikan Contoh
mesin:
  - {id: oven, nama: Oven pengering, perlu_operator_terlatih: ya, alat_pelindung: [sarung tangan]}
operator_terlatih: {oven: [A01]}
jam_buka: {hari: [senin, selasa, rabu, kamis, jumat], mulai: "07:30", selesai: "16:00"}
sanksi: {jendela_hari: 90, hitung: sama_aturan, tangga: [teguran_lisan, teguran_tertulis, pemberhentian]}
aturan:
  - {id: JB1, nama: Pakai mesin hanya pada jam buka, jenis: jam_buka}
  - {id: IU1, nama: Iuran bulanan, jenis: iuran, jumlah: 50000, jatuh_tempo: 10, denda_telat: 5000}
"""
"""The example of the module docstring, as text."""

DAYS: tuple[str, ...] = ("senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu")
"""Day names of ``jam_buka.hari``, Monday first (index + 1 = ISO weekday)."""
DAYS_EN: tuple[str, ...] = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

EVENT_KINDS: tuple[str, ...] = ("pesan", "pakai", "bersih", "bayar", "limbah")
"""Kinds of event in a log: booking, use, cleaning, payment, waste disposal."""
EVENT_ALIASES: Mapping[str, str] = MappingProxyType(
    {"book": "pesan", "use": "pakai", "clean": "bersih", "pay": "bayar", "waste": "limbah"}
)
"""English event words accepted in a log."""

COUNT_MODES: tuple[str, ...] = ("sama_aturan", "semua_aturan")
"""``sanksi.hitung``: which earlier violations count (same rule / all rules)."""
NO_SANCTION = "tidak_ada"
"""A rule's ``sanksi: tidak_ada``: no sanction."""
LAST_STEP = "pemberhentian"
"""End of membership: a step after it can never be given."""


@dataclass(frozen=True)
class Param:
    """One parameter of a kind of rule: its value type (read by :mod:`.reader`), whether required, its default."""

    type: str
    required: bool = False
    default: Any = None


KINDS: Mapping[str, Mapping[str, Param]] = MappingProxyType(
    {
        "jam_buka": {"kejadian": Param("events", default=("pesan", "pakai")), "mesin": Param("machines")},
        "batas_pemesanan": {
            "jam_per_minggu": Param("hours", required=True),
            "mesin": Param("machines"),
            "kejadian": Param("event", default="pesan"),
        },
        "wajib_pesan": {"mesin": Param("machines"), "toleransi_menit": Param("minutes", default=0)},
        "operator_terlatih": {"mesin": Param("machines")},
        "iuran": {
            "jumlah": Param("rupiah_pos", required=True),
            "jatuh_tempo": Param("day", required=True),
            "denda_telat": Param("rupiah", default=0),
            "denda_mulai": Param("day_opt"),
        },
        "kebersihan": {"menit": Param("minutes_pos", required=True), "mesin": Param("machines")},
        "limbah": {"tempat_boleh": Param("texts", required=True)},
        "alat_pelindung": {"mesin": Param("machines")},
    }
)
"""Kinds of rule (``jenis``) → their parameters (see the module docstring)."""

KIND_LABELS: Mapping[str, Text] = MappingProxyType(
    {
        "jam_buka": Text("Jam buka", "Opening hours"),
        "batas_pemesanan": Text("Batas pemesanan per minggu", "Weekly booking limit"),
        "wajib_pesan": Text("Wajib pesan sebelum memakai", "Booking required before use"),
        "operator_terlatih": Text("Operator terlatih", "Trained operator"),
        "iuran": Text("Iuran bulanan", "Monthly fee"),
        "kebersihan": Text("Kebersihan setelah memakai", "Cleaning after use"),
        "limbah": Text("Pembuangan limbah", "Waste disposal"),
        "alat_pelindung": Text("Alat pelindung diri", "Protective gear"),
    }
)
COMMON_RULE_KEYS: tuple[str, ...] = ("id", "nama", "keterangan", "jenis", "sanksi")
SECTIONS: tuple[str, ...] = ("sentra", "anggota", "mesin", "operator_terlatih", "jam_buka", "sanksi", "aturan")
"""Top-level keys of a rule set, in the order of the format."""
"""Keys every rule may have, besides the parameters of its kind."""


@dataclass(frozen=True)
class Machine:
    """A shared machine of the UPT (mesin), ``line`` its line in the YAML (0 if built in Python)."""

    id: str
    name: str
    needs_trained_operator: bool = False
    gear: tuple[str, ...] = ()
    line: int = 0


@dataclass(frozen=True)
class OpeningHours:
    """Opening days and hours (jam buka); ``days`` are names of :data:`DAYS`, ``holidays`` closed dates."""

    days: tuple[str, ...]
    start: dt.time
    end: dt.time
    holidays: tuple[dt.date, ...] = ()
    line: int = 0

    def weekly_hours(self) -> float:
        """Open hours per week: days × (end − start); 0 if end ≤ start.

        >>> OpeningHours(("senin", "selasa"), dt.time(7, 30), dt.time(16)).weekly_hours()
        17.0
        """
        minutes = (self.end.hour * 60 + self.end.minute) - (self.start.hour * 60 + self.start.minute)
        return len(self.days) * max(0, minutes) / 60


@dataclass(frozen=True)
class SanctionPolicy:
    """The ladder of sanctions (tangga sanksi), the look-back window in days and what counts (:data:`COUNT_MODES`)."""

    ladder: tuple[str, ...]
    window_days: int
    count: str = "sama_aturan"
    line: int = 0


@dataclass(frozen=True)
class Rule:
    """One rule (aturan): its kind (:data:`KINDS`) and parameters, keyed by their YAML names.

    ``sanction`` is ``None`` to use the rule set's ladder, ``()`` for ``tidak_ada``, or the rule's own ladder.
    ``params`` holds every parameter of the kind, defaults filled in (``mesin`` ``None`` = every machine).
    """

    id: str
    name: str
    kind: str
    params: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    sanction: tuple[str, ...] | None = None
    description: str = ""
    line: int = 0

    def machines(self) -> tuple[str, ...] | None:
        """The machine ids the rule is limited to, ``None`` for every machine.

        >>> Rule("K1", "Bersih", "kebersihan", {"menit": 30, "mesin": ("oven",)}).machines()
        ('oven',)
        """
        value = self.params.get("mesin")
        return None if value is None else tuple(value)

    def to_dict(self) -> dict[str, Any]:
        """Plain values (tuples as lists).

        >>> Rule("L1", "Limbah", "limbah", {"tempat_boleh": ("IPAL",)}).to_dict()["params"]
        {'tempat_boleh': ['IPAL']}
        """
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "params": {k: _plain(v) for k, v in self.params.items()},
            "sanction": None if self.sanction is None else list(self.sanction),
            "description": self.description,
            "line": self.line,
        }


@dataclass(frozen=True)
class RuleSet:
    """A centre's house rules (tata tertib), as loaded by :func:`load`.

    ``trained`` maps machine id → trained member ids; ``members`` is ``None`` when the
    file lists no ``anggota``; ``lines`` maps top-level section names to their YAML line.
    """

    centre: str
    rules: tuple[Rule, ...]
    sanctions: SanctionPolicy
    machines: tuple[Machine, ...] = ()
    trained: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    opening_hours: OpeningHours | None = None
    members: tuple[str, ...] | None = None
    lines: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))

    def machine(self, machine_id: str) -> Machine | None:
        """The machine with this id, or ``None``."""
        return next((m for m in self.machines if m.id == machine_id), None)

    def rule(self, rule_id: str) -> Rule | None:
        """The rule with this id, or ``None``."""
        return next((r for r in self.rules if r.id == rule_id), None)

    def ladder(self, rule: Rule) -> tuple[str, ...]:
        """The ladder of sanctions of ``rule``: its own, else the rule set's (empty = no sanction)."""
        return self.sanctions.ladder if rule.sanction is None else rule.sanction

    def to_dict(self) -> dict[str, Any]:
        """Plain, JSON-able values (times ``"HH:MM"``, dates ISO).

        >>> load(EXAMPLE).to_dict()["opening_hours"]["start"]
        '07:30'
        """
        hours = self.opening_hours
        return {
            "centre": self.centre,
            "members": None if self.members is None else list(self.members),
            "machines": [
                {"id": m.id, "name": m.name, "needs_trained_operator": m.needs_trained_operator, "gear": list(m.gear)}
                for m in self.machines
            ],
            "trained": {k: list(v) for k, v in self.trained.items()},
            "opening_hours": None
            if hours is None
            else {
                "days": list(hours.days),
                "start": hours.start.strftime("%H:%M"),
                "end": hours.end.strftime("%H:%M"),
                "holidays": [d.isoformat() for d in hours.holidays],
            },
            "sanctions": {
                "ladder": list(self.sanctions.ladder),
                "window_days": self.sanctions.window_days,
                "count": self.sanctions.count,
            },
            "rules": [r.to_dict() for r in self.rules],
        }


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def read_source(path_or_text: object) -> str:
    """The YAML text: ``path_or_text`` itself, or the text of the one file it names.

    A ``str`` is a path only if it has no line break and ends in ``.yaml`` / ``.yml``.

    >>> read_source("sentra: X\\naturan: []")
    'sentra: X\\naturan: []'
    """
    if isinstance(path_or_text, os.PathLike) or (
        isinstance(path_or_text, str)
        and "\n" not in path_or_text
        and path_or_text.strip().lower().endswith((".yaml", ".yml"))
    ):
        path = Path(os.fspath(path_or_text))  # type: ignore[arg-type]
        try:
            return path.read_text(encoding="utf-8")
        except OSError as exc:
            raise RuleSetError(f"path_or_text: cannot read the rule set file {str(path)!r}: {exc.strerror}") from exc
    if not isinstance(path_or_text, str):
        raise RuleSetError(
            f"path_or_text: expected YAML text or the path of a .yaml file, got {type(path_or_text).__name__}"
        )
    return path_or_text


def load(path_or_text: str | object) -> RuleSet:
    """Read a rule set (tata tertib) from YAML text or from the one file a path names.

    A ``str`` is the YAML text, unless it has no line break and ends in
    ``.yaml`` / ``.yml``: then it is a path, like any ``os.PathLike``. The
    format is described in the module docstring. Soft problems are left to
    :func:`~.lint.lint`.

    Parameters
    ----------
    path_or_text : str or os.PathLike
        The YAML text, or the path of a YAML file (UTF-8).

    Returns
    -------
    RuleSet

    Raises
    ------
    RuleSetError
        Every hard error (YAML syntax, unknown or missing fields, unknown kinds,
        wrong types, duplicate ids), each naming the rule or section and the line.

    Examples
    --------
    >>> load(EXAMPLE).rule("IU1").params["denda_telat"]
    5000
    >>> load("sentra: X\\nsanksi: {tangga: [], jendela_hari: 90}\\naturan: [{id: A, nama: a, jenis: jam_bukaa}]")
    Traceback (most recent call last):
    ...
    ikm_curriculum.errors.RuleSetError: Rule set not loaded, 1 error(s):
      - line 3, rule 'A': unknown kind 'jam_bukaa'; expected one of: jam_buka, batas_pemesanan, wajib_pesan, \
operator_terlatih, iuran, kebersihan, limbah, alat_pelindung (did you mean 'jam_buka'?)
    """
    from ikm_curriculum.modules.rules.reader import parse

    text = read_source(path_or_text)
    ruleset, issues = parse(text)
    errors = [i for i in issues if i.severity == "error"]
    if errors or ruleset is None:
        lines = "\n".join(f"  - {i.describe('en')}" for i in errors)
        raise RuleSetError(f"Rule set not loaded, {len(errors)} error(s):\n{lines}", tuple(errors))
    return ruleset
