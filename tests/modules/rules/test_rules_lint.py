"""The lint of a rule set on crafted bad rule sets: every code, its rule and line, and no crash on any text.

Line numbers are counted by hand in the YAML of each test (first line = 1); the expected codes follow the list
in ikm_curriculum/modules/rules/lint.py.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ikm_curriculum.errors import RuleSetError
from ikm_curriculum.modules.rules.api import template, template_text
from ikm_curriculum.modules.rules.lint import LintIssue, lint
from ikm_curriculum.modules.rules.ruleset import (
    Machine,
    OpeningHours,
    Rule,
    RuleSet,
    SanctionPolicy,
)

# lines 1–7; rules start on line 8
BASE = """\
sentra: Sentra Uji (fiktif)
mesin:
  - {id: oven, nama: Oven, perlu_operator_terlatih: ya, alat_pelindung: [masker]}
  - {id: wajan, nama: Wajan}
operator_terlatih: {oven: [A01]}
jam_buka: {hari: [senin, selasa], mulai: "08:00", selesai: "12:00"}
sanksi: {tangga: [teguran_lisan, teguran_tertulis, pemberhentian], jendela_hari: 90}
aturan:
"""


def issues(*rule_lines: str, base: str = BASE) -> list[tuple[str, int, str, str]]:
    text = base + "".join(f"  - {r}\n" for r in rule_lines)
    return [(i.rule, i.line, i.code, i.severity) for i in lint(text)]


def test_a_clean_rule_set_has_no_issue() -> None:
    assert issues("{id: K, nama: Bersih, jenis: kebersihan, menit: 30}") == []


def test_hard_errors_are_reported_not_raised() -> None:
    found = issues(
        "{id: A, nama: a, jenis: kebersihann, menit: 3}",  # line 9
        "{id: B, nama: b, jenis: kebersihan, menit: 30, warna: merah}",  # line 10
        "{id: C, nama: c, jenis: kebersihan, menit: tiga}",  # line 11
        "{id: B, nama: d, jenis: limbah, tempat_boleh: IPAL}",  # line 12
    )
    assert found == [
        ("A", 9, "unknown_kind", "error"),
        ("B", 10, "unknown_field", "error"),
        ("C", 11, "wrong_type", "error"),
    ]  # rule B (line 10) had an error and was left out, so line 12 is the first 'B' loaded: no duplicate_id
    assert issues(
        "{id: B, nama: b, jenis: limbah, tempat_boleh: x}", "{id: B, nama: c, jenis: limbah, tempat_boleh: x}"
    )[0] == ("B", 10, "duplicate_id", "error")


def test_syntax_error_is_one_issue() -> None:
    found = lint("sentra: [\n")
    assert [(i.code, i.severity) for i in found] == [("syntax", "error")]
    assert found[0].message.id.startswith("penulisan YAML salah")


def test_no_sanction_by_tidak_ada_or_an_empty_ladder() -> None:
    assert issues("{id: K, nama: k, jenis: kebersihan, menit: 30, sanksi: tidak_ada}") == [
        ("K", 9, "no_sanction", "warning")
    ]
    empty = BASE.replace("tangga: [teguran_lisan, teguran_tertulis, pemberhentian]", "tangga: []")
    assert issues("{id: K, nama: k, jenis: kebersihan, menit: 30}", base=empty) == [("K", 9, "no_sanction", "warning")]
    # the rule's own ladder rescues it from an empty general ladder
    assert issues("{id: K, nama: k, jenis: kebersihan, menit: 30, sanksi: [teguran_lisan]}", base=empty) == []


def test_sanction_after_end_of_membership_is_unreachable() -> None:
    base = BASE.replace("tangga: [teguran_lisan, teguran_tertulis, pemberhentian]", "tangga: [pemberhentian, denda]")
    assert issues(base=base) == [("sanksi", 7, "unreachable", "warning")]
    own = "{id: K, nama: k, jenis: kebersihan, menit: 30, sanksi: [teguran_lisan, pemberhentian, skorsing_7_hari]}"
    assert issues(own) == [("K", 9, "unreachable", "warning")]


def test_opening_hours_end_not_after_start() -> None:
    base = BASE.replace('selesai: "12:00"', 'selesai: "08:00"')  # end = start
    assert issues(base=base) == [("jam_buka", 6, "contradiction", "warning")]
    assert issues(base=BASE.replace("hari: [senin, selasa]", "hari: []")) == [
        ("jam_buka", 6, "contradiction", "warning")
    ]


def test_booking_limit_above_the_weekly_opening_hours() -> None:
    # open 2 days × 4 h = 8 h per week: a limit of 8 can be reached, 8.5 cannot
    assert issues("{id: B, nama: b, jenis: batas_pemesanan, jam_per_minggu: 8}") == []
    found = lint(BASE + "  - {id: B, nama: b, jenis: batas_pemesanan, jam_per_minggu: 8.5}\n")
    assert [(i.rule, i.line, i.code) for i in found] == [("B", 9, "contradiction")]
    assert "8,5 jam per minggu lebih dari jam buka sentra 8 jam" in found[0].message.id


def test_two_rules_of_a_kind_on_a_common_machine() -> None:
    assert issues(
        "{id: K1, nama: a, jenis: kebersihan, menit: 30}",
        "{id: K2, nama: b, jenis: kebersihan, menit: 60, mesin: oven}",  # line 10: oven covered by both
    ) == [("K2", 10, "contradiction", "warning")]
    assert (
        issues(
            "{id: K1, nama: a, jenis: kebersihan, menit: 30, mesin: wajan}",
            "{id: K2, nama: b, jenis: kebersihan, menit: 60, mesin: oven}",
        )
        == []
    )  # no machine in common
    assert issues(
        "{id: A1, nama: a, jenis: alat_pelindung}",
        "{id: A2, nama: b, jenis: alat_pelindung, mesin: [oven]}",
    ) == [("A2", 10, "duplicate_rule", "warning")]


def test_booking_limits_on_different_machine_sets_are_different_totals() -> None:
    assert (
        issues(
            "{id: B1, nama: a, jenis: batas_pemesanan, jam_per_minggu: 8}",
            "{id: B2, nama: b, jenis: batas_pemesanan, jam_per_minggu: 3, mesin: oven}",
        )
        == []
    )
    assert issues(
        "{id: B1, nama: a, jenis: batas_pemesanan, jam_per_minggu: 4, mesin: [oven, wajan]}",
        "{id: B2, nama: b, jenis: batas_pemesanan, jam_per_minggu: 3, mesin: [wajan, oven]}",
    ) == [("B2", 10, "contradiction", "warning")]


def test_late_fee_day_on_or_before_the_due_day() -> None:
    fee = "{{id: I, nama: i, jenis: iuran, jumlah: 50000, jatuh_tempo: 10, denda_mulai: {day}}}"
    assert issues(fee.format(day=10)) == [("I", 9, "contradiction", "warning")]
    assert issues(fee.format(day=11)) == []


def test_rules_about_machines_that_are_not_listed() -> None:
    assert issues("{id: K, nama: k, jenis: kebersihan, menit: 30, mesin: [oven, presto]}") == [
        ("K", 9, "unreachable", "warning")
    ]
    base = BASE.replace("{oven: [A01]}", "{oven: [A01], presto: [A02]}")
    assert issues(base=base) == [("operator_terlatih[presto]", 5, "unreachable", "warning")]


def test_rules_with_no_machine_to_apply_to() -> None:
    assert issues("{id: O, nama: o, jenis: operator_terlatih, mesin: wajan}") == [("O", 9, "unreachable", "warning")]
    assert issues("{id: A, nama: a, jenis: alat_pelindung, mesin: wajan}") == [("A", 9, "unreachable", "warning")]
    no_machines = "sentra: X\nsanksi: {tangga: [teguran_lisan], jendela_hari: 9}\naturan:\n"
    assert issues("{id: W, nama: w, jenis: wajib_pesan}", base=no_machines) == [("W", 4, "unreachable", "warning")]
    assert issues("{id: L, nama: l, jenis: limbah, tempat_boleh: IPAL}", base=no_machines) == []  # not about machines


def test_machine_needing_a_trained_operator_with_nobody_trained() -> None:
    assert issues(base=BASE.replace("{oven: [A01]}", "{oven: []}")) == [("mesin[oven]", 3, "unreachable", "warning")]


def test_trained_operator_who_is_not_a_member() -> None:
    base = BASE.replace("mesin:\n", "anggota: [A02]\nmesin:\n", 1)
    assert issues(base=base) == [("operator_terlatih[oven]", 6, "unknown_member", "warning")]


def test_lint_of_a_loaded_rule_set_and_of_one_built_in_python() -> None:
    assert lint(template()) == []
    rs = RuleSet(
        "X",
        (Rule("B", "b", "batas_pemesanan", {"jam_per_minggu": 50, "mesin": None, "kejadian": "pesan"}),),
        SanctionPolicy(("teguran_lisan",), 30),
        (Machine("oven", "Oven"),),
        opening_hours=OpeningHours(("senin",), __import__("datetime").time(8), __import__("datetime").time(16)),
    )
    assert [(i.rule, i.code) for i in lint(rs)] == [("B", "contradiction")]  # 50 h > 1 day × 8 h


def test_issues_are_sorted_by_line_and_plain() -> None:
    found = lint(BASE + "  - {id: Z, nama: z, jenis: kebersihan, menit: 3, sanksi: tidak_ada}\n  - {id: Y}\n")
    assert [i.line for i in found] == sorted(i.line for i in found)
    for issue in found:
        plain = json.loads(json.dumps(issue.to_dict()))
        assert plain["message"]["id"] and plain["message"]["en"] and plain["severity"] in ("error", "warning")
    assert isinstance(found[0], LintIssue)


def test_lint_of_a_file(tmp_path) -> None:
    path = tmp_path / "tata_tertib.yaml"
    path.write_text(BASE + "  - {id: K, nama: k, jenis: kebersihan, menit: 30, sanksi: tidak_ada}\n", encoding="utf-8")
    assert [(i.rule, i.code) for i in lint(path)] == [("K", "no_sanction")]
    with pytest.raises(RuleSetError, match="cannot read"):
        lint(tmp_path / "hilang.yaml")


def test_lint_of_something_that_is_not_a_rule_set() -> None:
    with pytest.raises(RuleSetError, match="ruleset_or_text"):
        lint(42)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    ["", "   ", "- a\n- b\n", "42", "sentra: [", "aturan: 5", "aturan: [5, [1], {id: {a: b}}]", "::::", "a: &x [*x]"]
    + ["mesin: [{id: [a]}, 3]", "jam_buka: {hari: 3, mulai: [1], selesai: {}}", "sanksi: {tangga: {a: 1}}"]
    + ["operator_terlatih: {oven: {a: 1}}", "aturan: [{jenis: [x]}]", "? [a, b]\n: c\n", "--- a\n--- b\n"]
    + ["tata_tertib.yaml"],  # looks like a file name, no such file: linted as text
)
def test_lint_never_raises_on_a_text(text: str) -> None:
    assert all(isinstance(i, LintIssue) for i in lint(text))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.booleans(), min_size=len(template_text().splitlines()), max_size=len(template_text().splitlines())))
def test_lint_never_raises_on_a_template_with_lines_cut(keep: list[bool]) -> None:
    """Any subset of the template's lines (as a participant half-way through editing) lints without raising."""
    lines = [line for line, k in zip(template_text().splitlines(), keep, strict=True) if k]
    assert all(isinstance(i, LintIssue) for i in lint("\n".join(lines)))


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="ab:-[]{}, \n'\"#&*!|>0123456789", max_size=80))
def test_lint_never_raises_on_random_yaml_like_text(text: str) -> None:
    assert all(isinstance(i, LintIssue) for i in lint(text))


def test_rules_of_a_kind_about_different_events_do_not_clash() -> None:
    assert (
        issues(
            "{id: J1, nama: a, jenis: jam_buka, kejadian: pesan}",
            "{id: J2, nama: b, jenis: jam_buka, kejadian: [pakai, bersih]}",
            "{id: B1, nama: c, jenis: batas_pemesanan, jam_per_minggu: 6}",
            "{id: B2, nama: d, jenis: batas_pemesanan, jam_per_minggu: 4, kejadian: pakai}",
        )
        == []
    )
    assert issues(
        "{id: J1, nama: a, jenis: jam_buka, kejadian: [pesan, bersih]}",
        "{id: J2, nama: b, jenis: jam_buka, kejadian: [bersih]}",
    ) == [("J2", 10, "duplicate_rule", "warning")]
