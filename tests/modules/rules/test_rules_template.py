"""The template rule set of a centre with a UPT (template_upt.yaml) and the public functions of the module.

The centre, members and log are fictional. Expected violations are worked out by hand from the rules of the
template (each one in a comment: which rule, why, which step of the ladder).
"""

from __future__ import annotations

import datetime as dt
from importlib import resources

from ikm_curriculum.modules.rules import api
from ikm_curriculum.modules.rules.ruleset import KINDS, load


def test_template_ships_in_the_package_and_loads() -> None:
    assert resources.files("ikm_curriculum.modules.rules").joinpath("template_upt.yaml").is_file()
    assert api.template().to_dict() == load(api.template_text()).to_dict()


def test_template_warns_that_amounts_follow_the_regional_regulation() -> None:
    head = "\n".join(api.template_text().splitlines()[:6])
    assert "Perda" in head and "retribusi" in head and "CONTOH" in head and "fiktif" in head


def test_template_is_lint_clean_and_uses_every_kind() -> None:
    rs = api.template()
    assert api.lint(rs) == [] and api.lint(api.template_text()) == []
    assert {r.kind for r in rs.rules} == set(KINDS)
    assert 5 <= len(rs.machines) <= 6
    assert any(r.sanction for r in rs.rules)  # at least one rule shows its own ladder


def test_template_sections_are_explained_by_a_comment() -> None:
    lines = api.template_text().splitlines()
    for number, line in enumerate(lines):
        if line and not line.startswith(("#", " ", "sentra:")):  # a top-level section
            before = [x for x in lines[:number] if x.strip()][-1]
            assert before.startswith("#"), f"section {line!r} has no comment above it"
    rules_text = api.template_text().split("\naturan:\n")[1]
    assert rules_text.count("  # ") >= len(api.template().rules)  # a comment above every rule


def test_template_text_for_participants_is_indonesian() -> None:
    rs = api.template()
    words = " ".join([rs.centre] + [r.name for r in rs.rules] + [m.name for m in rs.machines]).lower()
    for word in ("mesin", "pesanan", "iuran", "limbah", "bersihkan", "alat pelindung", "operator terlatih"):
        assert word in words, word


def test_template_machines_needing_operators_have_trained_members() -> None:
    rs = api.template()
    flagged = [m.id for m in rs.machines if m.needs_trained_operator]
    assert flagged and all(rs.trained[m] for m in flagged)


def ev(time: str, member: str, kind: str, machine: str = "", minutes=None, amount=None, place=None, gear=None):
    return {
        "waktu": time,
        "anggota": member,
        "kejadian": kind,
        "mesin": machine,
        "durasi_menit": minutes,
        "jumlah": amount,
        "tempat": place,
        "alat_pelindung": gear,
    }


# One week in March 2026 (2026-03-02 is a Monday), fictional members.
WEEK = [
    ev("2026-03-02 08:00", "A01", "pesan", "pencabik", 120),
    ev("2026-03-02 08:00", "A01", "pakai", "pencabik", 120, gear="sarung tangan;celemek;penutup kepala"),
    ev("2026-03-02 10:10", "A01", "bersih", "pencabik"),
    ev("2026-03-02 10:00", "A04", "pakai", "spinner", 30, gear="sarung tangan;penutup kepala"),
    ev("2026-03-03 15:30", "A02", "pesan", "pengering", 60),
    ev("2026-03-03 15:30", "A02", "pakai", "pengering", 60, gear="sarung tangan tahan panas"),
    ev("2026-03-03 16:40", "A02", "bersih", "pengering"),
    ev("2026-03-04 08:00", "A03", "pesan", "pengering", 240),
    ev("2026-03-05 08:00", "A03", "pesan", "pengering", 180),
    ev("2026-03-06 09:00", "A05", "limbah", place="ipal"),
    ev("2026-03-06 09:30", "A06", "limbah", place="selokan"),
    ev("2026-03-09 09:00", "A01", "bayar", amount=50_000),
    ev("2026-03-12 09:00", "A02", "bayar", amount=50_000),
    ev("2026-03-16 09:00", "A03", "bayar", amount=50_000),
]


def test_a_week_of_the_template_centre() -> None:
    table = api.check(api.template(), WEEK, until="2026-03-20")
    assert [tuple(row) for row in table[["rule", "member", "sanction"]].itertuples(index=False)] == [
        ("PS-01", "A04", "teguran_lisan"),  # spinner 10:00–10:30 not booked
        ("OP-01", "A04", "teguran_tertulis"),  # A04 not trained for the spinner; OP-01's own ladder starts written
        ("KB-01", "A04", "teguran_lisan"),  # no cleaning by 10:30 + 30 min = 11:00
        ("JB-01", "A02", "teguran_lisan"),  # booking 15:30–16:30 ends after 16:00
        ("JB-01", "A02", "teguran_tertulis"),  # the use 15:30–16:30 too: 2nd JB-01 violation within 90 days
        ("PS-03", "A03", "teguran_lisan"),  # oven dryer 240 + 180 min = 7 h > 6 h in week 2026-W10
        ("LB-01", "A06", "teguran_tertulis"),  # 'selokan' is not an allowed place; LB-01's own ladder
        ("IU-01", "A03", "teguran_lisan"),  # paid on the 16th = denda_mulai: late fee
    ]
    assert list(table["time"].dt.strftime("%d %H:%M")) == [
        "02 10:00", "02 10:00", "02 11:00", "03 15:30", "03 15:30", "05 08:00", "06 09:30", "16 09:00"
    ]  # fmt: skip
    assert table["evidence"].iloc[-1] == (
        "iuran Maret 2026 lunas tanggal 16, lewat jatuh tempo tanggal 10 (denda mulai tanggal 16): denda Rp5.000"
    )


def test_the_template_month_closed() -> None:
    # with the log complete to 1 April, March is judged: A04–A10 paid nothing (A01, A02, A03 paid)
    found = api.check_violations(api.template(), WEEK, until=dt.date(2026, 4, 1))
    unpaid = [v.member for v in found if v.rule == "IU-01" and v.time == dt.datetime(2026, 3, 31, 23, 59, 59)]
    assert unpaid == ["A04", "A05", "A06", "A07", "A08", "A09", "A10"]


def test_public_names() -> None:
    for name in ("load", "check", "lint", "template", "template_text", "check_violations"):
        assert callable(getattr(api, name)), name
    assert set(api.__all__) >= {"load", "check", "lint", "template"}
