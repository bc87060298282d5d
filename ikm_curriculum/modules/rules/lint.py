"""Lint of a rule set (memeriksa tata tertib sebelum dipakai): :func:`lint`.

Codes, severity ``error`` (:func:`~.ruleset.load` refuses the text):

* ``syntax`` — the YAML cannot be read;
* ``wrong_type`` / ``missing_field`` — a value of the wrong type or range, a required key left out;
* ``unknown_field``, ``duplicate_key`` — a key the format does not have, a key written twice;
* ``unknown_kind`` — a ``jenis`` that is not a kind of rule;
* ``duplicate_id`` — two rules (or machines) with the same id.

Severity ``warning`` (loaded, but probably not what the centre meant):

* ``no_sanction`` — a rule with ``sanksi: tidak_ada``, or using an empty ladder;
* ``contradiction`` — opening end ≤ start, or no opening day; a weekly
  booking limit above the weekly opening hours (it can never be reached);
  two rules of the same kind on a common machine with different limits (a
  booking limit: on the same machines, since it limits their total); a
  late fee that starts on or before the due day;
* ``unreachable`` — a rule (or ``operator_terlatih``) naming a machine not in
  ``mesin``; a rule with no machine it can apply to; a machine that needs a
  trained operator with nobody trained; a sanction step after ``pemberhentian``;
* ``duplicate_rule`` — two rules of the same kind and limits on a common
  machine: each violation would be counted twice;
* ``unknown_member`` — a trained operator not listed in ``anggota``.

These checks are this project's (sure: definitions); what a centre decides
is its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ikm_curriculum.errors import RuleSetError
from ikm_curriculum.modules.quality.commodities import Text
from ikm_curriculum.modules.rules.evidence import num
from ikm_curriculum.modules.rules.ruleset import LAST_STEP, SECTIONS, Rule, RuleSet, read_source

__all__ = ["LintIssue", "lint", "LIMITS", "SEVERITIES"]

SEVERITIES: tuple[str, ...] = ("error", "warning")
"""``error``: :func:`~.ruleset.load` refuses the text; ``warning``: loaded, but probably not what the centre meant."""

LIMITS: dict[str, tuple[str, ...]] = {
    "batas_pemesanan": ("jam_per_minggu",),
    "wajib_pesan": ("toleransi_menit",),
    "kebersihan": ("menit",),
    "iuran": ("jumlah", "jatuh_tempo", "denda_telat", "denda_mulai"),
    "limbah": ("tempat_boleh",),
    "jam_buka": (),
    "operator_terlatih": (),
    "alat_pelindung": (),
}
"""Kind → the parameters that make two rules of it on a common machine differ (other than ``mesin``, ``kejadian``)."""

MACHINE_KINDS: tuple[str, ...] = ("batas_pemesanan", "wajib_pesan", "operator_terlatih", "kebersihan", "alat_pelindung")
"""Kinds of rule that are about machines (no machine in their scope: ``unreachable``)."""


@dataclass(frozen=True)
class LintIssue:
    """A problem of a rule set: where (rule id or section, YAML line), a code, a bilingual message, a severity.

    ``rule`` is the rule id, or for a problem outside ``aturan`` the section (``"jam_buka"``,
    ``"mesin[oven]"`` …); ``line`` is 1-based (0 when unknown). Codes: see :mod:`.lint`.
    """

    rule: str
    line: int
    code: str
    message: Text
    severity: str = "error"

    def to_dict(self) -> dict[str, Any]:
        """Plain values; ``message`` as ``{"id": ..., "en": ...}``."""
        return {
            "rule": self.rule,
            "line": self.line,
            "code": self.code,
            "message": self.message.to_dict(),
            "severity": self.severity,
        }

    def describe(self, lang: str = "en") -> str:
        """One line naming the line and the rule (or section): ``line 12, rule 'JB1': ...``.

        >>> LintIssue("JB1", 12, "unknown_field", Text("kolom x", "field x")).describe()
        "line 12, rule 'JB1': field x"
        >>> LintIssue("mesin[oven]", 4, "unknown_field", Text("kolom x", "field x")).describe("id")
        "baris 4, bagian 'mesin[oven]': kolom x"
        """
        text = self.message.id if lang == "id" else self.message.en
        line = f"{'baris' if lang == 'id' else 'line'} {self.line}"
        if not self.rule:
            return f"{line}: {text}"
        section = self.rule.split("[")[0] in SECTIONS
        noun = ("bagian" if section else "aturan") if lang == "id" else ("section" if section else "rule")
        return f"{line}, {noun} {self.rule!r}: {text}"


def _warn(rule: str, line: int, code: str, id_: str, en: str) -> LintIssue:
    return LintIssue(rule, line, code, Text(id_, en), "warning")


def _ladders(rs: RuleSet) -> Iterator[LintIssue]:
    ladders = [("sanksi", rs.sanctions.line, rs.sanctions.ladder)]
    ladders += [(r.id, r.line, r.sanction) for r in rs.rules if r.sanction]
    for where, line, ladder in ladders:
        if LAST_STEP in ladder[:-1]:
            later = ", ".join(ladder[ladder.index(LAST_STEP) + 1 :])
            yield _warn(
                where,
                line,
                "unreachable",
                f"sanksi {later} sesudah {LAST_STEP} tidak pernah bisa diberikan",
                f"sanction {later} after {LAST_STEP} can never be given",
            )
    for rule in rs.rules:
        if not rs.ladder(rule):
            why = (
                ("sanksi: tidak_ada", "sanksi: tidak_ada") if rule.sanction == () else ("tangga kosong", "empty ladder")
            )
            yield _warn(
                rule.id,
                rule.line,
                "no_sanction",
                f"aturan tanpa sanksi ({why[0]}): pelanggaran hanya dicatat",
                f"a rule without a sanction ({why[1]}): violations are only recorded",
            )


def _machines(rs: RuleSet) -> Iterator[LintIssue]:
    known = {m.id for m in rs.machines}
    listed = ", ".join(sorted(known)) or "-"
    for rule in rs.rules:
        for machine in rule.machines() or ():
            if machine not in known:
                yield _warn(
                    rule.id,
                    rule.line,
                    "unreachable",
                    f"mesin {machine!r} tidak ada di daftar 'mesin' ({listed})",
                    f"machine {machine!r} is not in 'mesin' ({listed})",
                )
        scope = [m for m in rs.machines if rule.machines() is None or m.id in (rule.machines() or ())]
        if rule.kind == "operator_terlatih":
            scope = [m for m in scope if m.needs_trained_operator]
        if rule.kind == "alat_pelindung":
            scope = [m for m in scope if m.gear]
        if rule.kind in MACHINE_KINDS and not scope:
            yield _warn(
                rule.id,
                rule.line,
                "unreachable",
                "tidak ada mesin yang bisa dikenai aturan ini (periksa daftar 'mesin')",
                "no machine this rule can apply to (check the list 'mesin')",
            )
    for machine_id in rs.trained:
        if machine_id not in known:
            yield _warn(
                f"operator_terlatih[{machine_id}]",
                rs.lines.get("operator_terlatih", 0),
                "unreachable",
                f"mesin {machine_id!r} tidak ada di daftar 'mesin'",
                f"machine {machine_id!r} is not in 'mesin'",
            )
    for m in rs.machines:
        if m.needs_trained_operator and not rs.trained.get(m.id):
            yield _warn(
                f"mesin[{m.id}]",
                m.line,
                "unreachable",
                f"{m.name} perlu operator terlatih, tetapi belum ada yang terlatih: tidak ada yang boleh memakainya",
                f"{m.name} needs a trained operator but nobody is trained: nobody may use it",
            )
    if rs.members is not None:
        for machine_id, people in rs.trained.items():
            for person in people:
                if person not in rs.members:
                    yield _warn(
                        f"operator_terlatih[{machine_id}]",
                        rs.lines.get("operator_terlatih", 0),
                        "unknown_member",
                        f"{person!r} tidak ada di daftar 'anggota'",
                        f"{person!r} is not in the list 'anggota'",
                    )


def _overlap(a: Rule, b: Rule) -> bool:
    """Two rules of one kind apply to a common machine and event (a booking limit: the same total, same machines)."""
    ma, mb = a.machines(), b.machines()
    events_a, events_b = a.params.get("kejadian"), b.params.get("kejadian")
    if isinstance(events_a, str):
        events_a, events_b = (events_a,), (events_b,)
    if events_a is not None and not set(events_a) & set(events_b or ()):
        return False  # about different events (bookings / uses): both can hold
    if a.kind == "batas_pemesanan":
        return (ma is None and mb is None) or (ma is not None and mb is not None and set(ma) == set(mb))
    return ma is None or mb is None or bool(set(ma) & set(mb))


def _contradictions(rs: RuleSet) -> Iterator[LintIssue]:
    hours = rs.opening_hours
    if hours is not None and (hours.end <= hours.start or not hours.days):
        yield _warn(
            "jam_buka",
            hours.line,
            "contradiction",
            "jam buka tidak masuk akal: jam selesai tidak sesudah jam mulai, atau tidak ada hari buka",
            "opening hours impossible: the end is not after the start, or no opening day",
        )
    for rule in rs.rules:
        p = rule.params
        if rule.kind == "batas_pemesanan" and hours is not None and 0 < hours.weekly_hours() < p["jam_per_minggu"]:
            yield _warn(
                rule.id,
                rule.line,
                "contradiction",
                f"batas {num(p['jam_per_minggu'], 'id')} jam per minggu lebih dari jam buka sentra "
                f"{num(hours.weekly_hours(), 'id')} jam per minggu: batas ini tidak pernah tercapai",
                f"limit of {num(p['jam_per_minggu'])} hours per week is above the {num(hours.weekly_hours())} "
                "opening hours per week: it can never be reached",
            )
        if rule.kind == "iuran" and p.get("denda_mulai") is not None and p["denda_mulai"] <= p["jatuh_tempo"]:
            yield _warn(
                rule.id,
                rule.line,
                "contradiction",
                f"denda mulai tanggal {p['denda_mulai']}, padahal jatuh tempo tanggal {p['jatuh_tempo']}",
                f"late fee from day {p['denda_mulai']}, but the fee is only due on day {p['jatuh_tempo']}",
            )
    for i, a in enumerate(rs.rules):
        for b in rs.rules[i + 1 :]:
            if a.kind != b.kind or not _overlap(a, b):
                continue
            same = all(a.params.get(k) == b.params.get(k) for k in LIMITS.get(a.kind, ()))
            code = "duplicate_rule" if same else "contradiction"
            yield _warn(
                b.id,
                b.line,
                code,
                f"aturan {a.id!r} sudah mengatur hal yang sama"
                + (": pelanggaran terhitung dua kali" if same else " dengan batas yang berbeda"),
                f"rule {a.id!r} already covers the same"
                + (": each violation would count twice" if same else " with a different limit"),
            )


def lint(ruleset_or_text: RuleSet | str) -> list[LintIssue]:
    """Every problem of a rule set, hard and soft, sorted by line; never raises on a text.

    Parameters
    ----------
    ruleset_or_text : RuleSet or str
        A loaded rule set (only the soft checks apply), its YAML text (for a
        live check while it is written) or the path of a ``.yaml`` file. Rules
        with a hard error are left out of the soft checks.

    Returns
    -------
    list of LintIssue

    Raises
    ------
    RuleSetError
        If the argument is neither a RuleSet, a str nor a path, or a ``pathlib.Path`` cannot be read
        (a str naming no file is linted as YAML text).

    Examples
    --------
    >>> text = '''
    ... sentra: X
    ... jam_buka: {hari: [senin], mulai: "08:00", selesai: "12:00"}
    ... sanksi: {tangga: [teguran_lisan, pemberhentian, teguran_tertulis], jendela_hari: 30}
    ... aturan:
    ...   - {id: B1, nama: Batas, jenis: batas_pemesanan, jam_per_minggu: 10, warna: merah}
    ... '''
    >>> [(i.rule, i.line, i.code, i.severity) for i in lint(text)]  # doctest: +NORMALIZE_WHITESPACE
    [('sanksi', 4, 'unreachable', 'warning'), ('B1', 6, 'unknown_field', 'error')]
    """
    if isinstance(ruleset_or_text, RuleSet):
        ruleset, issues = ruleset_or_text, []
    elif isinstance(ruleset_or_text, str) or hasattr(ruleset_or_text, "__fspath__"):
        from ikm_curriculum.modules.rules.reader import parse  # reader imports this module

        try:
            text = read_source(ruleset_or_text)
        except RuleSetError:
            if not isinstance(ruleset_or_text, str):
                raise
            text = ruleset_or_text  # "x.yaml" typed in a text box but no such file: lint it as text
        ruleset, issues = parse(text)
    else:
        raise RuleSetError(f"ruleset_or_text: expected a RuleSet or YAML text, got {type(ruleset_or_text).__name__}")
    if ruleset is not None:
        issues = issues + [*_ladders(ruleset), *_machines(ruleset), *_contradictions(ruleset)]
    return sorted(issues, key=lambda i: i.line)
