"""Checking event logs against house rules: each kind of rule broken and kept, escalation, the table.

Centre, members (A01 …) and logs are fictional. Expected values are read off the rule text (the format in
ikm_curriculum/modules/rules/ruleset.py) or computed by hand in the comment beside them.
Calendar: 2024-03-11 is a Monday (ISO week 11), 2024-03-16 a Saturday, 2024-03-18 a Monday (week 12).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.rules.checker import CHECKS, check, check_violations
from ikm_curriculum.modules.rules.ruleset import KINDS, load

BASE = """\
sentra: Sentra Uji (fiktif)
mesin:
  - {{id: oven, nama: Oven, perlu_operator_terlatih: ya, alat_pelindung: [sarung tangan, masker]}}
  - {{id: wajan, nama: Wajan}}
operator_terlatih: {{oven: [A01]}}
jam_buka: {{hari: [senin, selasa, rabu, kamis, jumat], mulai: "07:30", selesai: "16:00", libur: [2024-03-29]}}
sanksi:
  tangga: [teguran_lisan, teguran_tertulis, skorsing_7_hari, pemberhentian]
  jendela_hari: {window}
  hitung: {count}
aturan:
{rules}
"""


def rules(*items: str, window: int = 90, count: str = "sama_aturan"):
    """A rule set with the machines, hours and ladder of BASE and the given rules (one YAML flow mapping each)."""
    return load(BASE.format(rules="\n".join(f"  - {i}" for i in items), window=window, count=count))


def ev(time: str, member: str, kind: str, machine: str = "", minutes=None, amount=None, place=None, gear=None):
    row = {"waktu": time, "anggota": member, "kejadian": kind, "mesin": machine}
    row |= {"durasi_menit": minutes, "jumlah": amount, "tempat": place, "alat_pelindung": gear}
    return row


def found(ruleset, log, until=None):
    return [(v.rule, v.member, v.time.strftime("%Y-%m-%d %H:%M")) for v in check_violations(ruleset, log, until)]


def test_every_kind_has_a_check() -> None:
    assert set(CHECKS) == set(KINDS)


# --- jam_buka ------------------------------------------------------------------------------------------------

JB = "{id: JB, nama: Jam buka, jenis: jam_buka}"


def test_opening_hours_kept_exactly_at_the_edges() -> None:
    # 07:30 + 510 min = 16:00: starts at opening, ends at closing (rule: start ≥ mulai and end ≤ selesai)
    log = [ev("2024-03-12 07:30", "A01", "pakai", "wajan", 510), ev("2024-03-12 08:00", "A02", "pesan", "oven", 60)]
    assert found(rules(JB), log) == []


def test_opening_hours_broken_one_minute_early_or_late() -> None:
    log = [ev("2024-03-12 07:29", "A01", "pakai", "wajan", 30), ev("2024-03-13 07:30", "A02", "pakai", "wajan", 511)]
    out = check_violations(rules(JB), log)
    assert [(v.member, v.rows) for v in out] == [("A01", (1,)), ("A02", (2,))]
    # 07:30 + 511 min = 16:01
    assert out[1].evidence.id == "pakai Wajan pukul 07.30–16.01, di luar jam buka 07.30–16.00"
    assert out[1].evidence.en == "use of Wajan at 07:30–16:01, outside the opening hours 07:30–16:00"


def test_opening_hours_closed_day_and_holiday() -> None:
    log = [ev("2024-03-16 09:00", "A01", "pesan", "oven", 60), ev("2024-03-29 09:00", "A02", "pakai", "wajan", 60)]
    out = check_violations(rules(JB), log)
    assert out[0].evidence.id == "pesan Oven hari Sabtu, sentra tutup (buka Senin–Jumat)"  # 2024-03-16 = Saturday
    assert out[1].evidence.id == "pakai Wajan tanggal 2024-03-29, hari libur sentra"  # libur: [2024-03-29]


def test_opening_hours_only_for_the_events_and_machines_named() -> None:
    log = [ev("2024-03-12 17:00", "A01", "bersih", "wajan"), ev("2024-03-12 17:00", "A02", "pakai", "oven", 30)]
    assert found(rules(JB), log) == [("JB", "A02", "2024-03-12 17:00")]  # default kejadian: pesan, pakai
    only_cleaning = "{id: JB, nama: J, jenis: jam_buka, kejadian: [bersih], mesin: wajan}"
    assert found(rules(only_cleaning), log) == [("JB", "A01", "2024-03-12 17:00")]


# --- batas_pemesanan -----------------------------------------------------------------------------------------

LIMIT = "{id: BP, nama: Batas, jenis: batas_pemesanan, jam_per_minggu: 10}"


def test_booking_limit_reached_exactly_is_kept() -> None:
    log = [ev("2024-03-11 08:00", "A01", "pesan", "oven", 300), ev("2024-03-12 08:00", "A01", "pesan", "wajan", 300)]
    assert found(rules(LIMIT), log) == []  # 300 + 300 min = 10 h, not above 10


def test_booking_limit_passed_by_one_minute_once_per_week() -> None:
    log = [ev(f"2024-03-1{d} 08:00", "A01", "pesan", "oven", 300) for d in (1, 2)]
    log += [ev("2024-03-13 08:00", "A01", "pesan", "wajan", 1), ev("2024-03-14 08:00", "A01", "pesan", "oven", 60)]
    out = check_violations(rules(LIMIT), log)
    assert [(v.time.day, v.rows) for v in out] == [(13, (3,))]  # 600 + 1 min > 600 at the 3rd booking; once a week
    # week total: 300 + 300 + 1 + 60 = 661 min = 11.0167 h → "11,02"
    assert out[0].evidence.id.startswith("total pesan 11,02 jam pada minggu 2024-W11, lebih dari batas 10 jam")


def test_booking_limit_counts_per_member_per_iso_week() -> None:
    # Sunday 2024-03-17 is ISO week 11, Monday 2024-03-18 week 12: 6 h + 6 h in two weeks
    log = [ev("2024-03-17 08:00", "A01", "pesan", "oven", 360), ev("2024-03-18 08:00", "A01", "pesan", "oven", 360)]
    log += [ev("2024-03-18 09:00", "A02", "pesan", "oven", 360)]  # another member: own 6 h
    assert found(rules(LIMIT), log) == []


def test_booking_limit_on_named_machines_and_on_use() -> None:
    oven_only = "{id: BP, nama: B, jenis: batas_pemesanan, jam_per_minggu: 2, mesin: oven}"
    log = [ev("2024-03-11 08:00", "A01", "pesan", "wajan", 180), ev("2024-03-12 08:00", "A01", "pakai", "oven", 180)]
    assert found(rules(oven_only), log) == []  # wajan not counted; a use is not a booking
    use = "{id: BP, nama: B, jenis: batas_pemesanan, jam_per_minggu: 2, mesin: oven, kejadian: pakai}"
    assert found(rules(use), log) == [("BP", "A01", "2024-03-12 08:00")]  # 3 h of use > 2


# --- wajib_pesan ---------------------------------------------------------------------------------------------

BOOK = "{id: WP, nama: Pesan dulu, jenis: wajib_pesan}"


def test_use_inside_a_booking_or_two_adjacent_bookings_is_kept() -> None:
    log = [ev("2024-03-11 08:00", "A01", "pesan", "oven", 60), ev("2024-03-11 09:00", "A01", "pesan", "oven", 60)]
    log += [ev("2024-03-11 08:00", "A01", "pakai", "oven", 120)]  # 08:00–10:00 = union of the two bookings
    assert found(rules(BOOK), log) == []


def test_use_beyond_the_booking_names_the_part_not_booked() -> None:
    log = [ev("2024-03-11 09:00", "A01", "pesan", "oven", 60), ev("2024-03-11 09:00", "A01", "pakai", "oven", 120)]
    out = check_violations(rules(BOOK), log)
    assert out[0].evidence.id == "pakai Oven pukul 09.00–11.00 tanpa pesanan untuk 10.00–11.00"


def test_a_booking_of_another_member_or_machine_does_not_cover() -> None:
    log = [ev("2024-03-11 09:00", "A02", "pesan", "oven", 60), ev("2024-03-11 09:00", "A01", "pesan", "wajan", 60)]
    log += [ev("2024-03-11 09:00", "A01", "pakai", "oven", 60)]
    out = check_violations(rules(BOOK), log)
    assert [(v.member, v.evidence.en) for v in out] == [("A01", "use of Oven at 09:00–10:00 without a booking")]


def test_booking_tolerance_boundary() -> None:
    tolerant = "{id: WP, nama: P, jenis: wajib_pesan, toleransi_menit: 15}"
    booking = ev("2024-03-11 08:00", "A01", "pesan", "oven", 60)  # 08:00–09:00, counts 07:45–09:15
    assert found(rules(tolerant), [booking, ev("2024-03-11 07:45", "A01", "pakai", "oven", 90)]) == []
    out = check_violations(rules(tolerant), [booking, ev("2024-03-11 07:44", "A01", "pakai", "oven", 60)])
    assert out[0].evidence.id.endswith("tanpa pesanan untuk 07.44–07.45")


# --- operator_terlatih ---------------------------------------------------------------------------------------

TRAINED = "{id: OT, nama: Operator, jenis: operator_terlatih}"


def test_trained_operator() -> None:
    log = [ev("2024-03-11 08:00", m, "pakai", machine, 30) for m, machine in (("A01", "oven"), ("A02", "wajan"))]
    assert found(rules(TRAINED), log) == []  # A01 is trained for the oven; the wajan needs nobody trained
    out = check_violations(rules(TRAINED), [ev("2024-03-11 08:00", "A02", "pakai", "oven", 30)])
    assert out[0].evidence.id == "pakai Oven, mesin yang perlu operator terlatih; A02 belum tercatat terlatih"


# --- iuran ---------------------------------------------------------------------------------------------------

FEE = "{id: IU, nama: Iuran, jenis: iuran, jumlah: 50000, jatuh_tempo: 10, denda_telat: 5000}"


def pay(day: str, member: str = "A01", amount: int = 50_000):
    return ev(f"2024-03-{day} 09:00", member, "bayar", amount=amount)


def test_fee_paid_on_the_due_day_is_kept_and_a_day_later_is_late() -> None:
    assert found(rules(FEE), [pay("10")], until="2024-04-01") == []
    out = check_violations(rules(FEE), [pay("11")], until="2024-04-01")
    assert out[0].evidence.id == "iuran Maret 2024 lunas tanggal 11, lewat jatuh tempo tanggal 10: denda Rp5.000"
    assert out[0].evidence.en.endswith("late fee Rp5,000 due")


def test_fee_grace_days_until_the_late_fee_day() -> None:
    grace = "{id: IU, nama: I, jenis: iuran, jumlah: 50000, jatuh_tempo: 10, denda_telat: 5000, denda_mulai: 15}"
    assert found(rules(grace), [pay("14")], until="2024-04-01") == []
    assert found(rules(grace), [pay("15")], until="2024-04-01") == [("IU", "A01", "2024-03-15 09:00")]


def test_fee_not_paid_or_paid_less_by_month_end() -> None:
    log = [pay("05", "A01", 30_000), ev("2024-03-05 10:00", "A02", "pakai", "wajan", 30)]
    out = check_violations(rules(FEE), log, until="2024-04-01")
    assert [(v.member, v.time) for v in out] == [("A01", dt.datetime(2024, 3, 31, 23, 59, 59))] * 1 + [
        ("A02", dt.datetime(2024, 3, 31, 23, 59, 59))
    ]
    assert out[0].evidence.id == "iuran Maret 2024 dibayar Rp30.000 dari Rp50.000, kurang Rp20.000"  # 50 000 − 30 000
    assert out[1].evidence.id == "iuran Maret 2024 Rp50.000 belum dibayar sampai akhir bulan"


def test_fee_month_end_not_judged_before_the_log_reaches_it() -> None:
    assert found(rules(FEE), [pay("05", amount=30_000)]) == []  # until = the last event, 5 March


def test_fee_paid_in_two_parts_is_late_when_the_second_part_is() -> None:
    out = check_violations(rules(FEE), [pay("05", amount=30_000), pay("12", amount=20_000)], until="2024-04-01")
    assert [(v.time.day, v.rows) for v in out] == [(12, (2,))]  # 30 000 + 20 000 complete on the 12th > 10th


def test_fee_due_day_past_the_month_end_is_the_last_day() -> None:
    feb = "{id: IU, nama: I, jenis: iuran, jumlah: 50000, jatuh_tempo: 31}"
    log = [ev("2024-02-29 09:00", "A01", "bayar", amount=50_000)]  # 2024 is a leap year: 29 Feb is the last day
    assert found(rules(feb), log, until="2024-03-01") == []


def test_fee_members_listed_owe_from_the_start_of_the_log() -> None:
    listed = BASE.replace("mesin:\n", "anggota: [A01, A02]\nmesin:\n", 1)
    ruleset = load(listed.format(rules=f"  - {FEE}", window=90, count="sama_aturan"))
    log = [ev("2024-03-01 09:00", "A01", "bayar", amount=50_000), ev("2024-04-02 09:00", "A01", "bayar", amount=50_000)]
    assert found(ruleset, log, until="2024-05-01") == [
        ("IU", "A02", "2024-03-31 23:59"),
        ("IU", "A02", "2024-04-30 23:59"),
    ]
    # without 'anggota', a member counts from the month of the first event: A02 first seen in April
    log.append(ev("2024-04-03 09:00", "A02", "bayar", amount=50_000))
    assert found(rules(FEE), log, until="2024-05-01") == []


# --- kebersihan ----------------------------------------------------------------------------------------------

CLEAN = "{id: KB, nama: Bersih, jenis: kebersihan, menit: 30}"
USE = ev("2024-03-11 08:00", "A01", "pakai", "wajan", 60)  # ends 09:00, deadline 09:30


def test_cleaning_within_the_minutes_is_kept() -> None:
    assert found(rules(CLEAN), [USE, ev("2024-03-11 09:30", "A01", "bersih", "wajan")]) == []


def test_cleaning_late_by_another_member_or_of_another_machine_is_a_violation() -> None:
    for cleaning in (
        ev("2024-03-11 09:31", "A01", "bersih", "wajan"),
        ev("2024-03-11 09:10", "A02", "bersih", "wajan"),
        ev("2024-03-11 09:10", "A01", "bersih", "oven"),
    ):
        out = check_violations(rules(CLEAN), [USE, cleaning], until="2024-03-11 12:00")
        assert [(v.member, v.time.strftime("%H:%M")) for v in out] == [("A01", "09:30")]
    assert (
        out[0].evidence.id == "pakai Wajan selesai pukul 09.00, tidak ada catatan bersih sampai 09.30 (batas 30 menit)"
    )


def test_cleaning_deadline_after_the_end_of_the_log_is_not_judged() -> None:
    assert found(rules(CLEAN), [USE]) == []  # the log ends at 08:00, the deadline is 09:30
    assert found(rules(CLEAN), [USE], until="2024-03-11 09:30") == [("KB", "A01", "2024-03-11 09:30")]


# --- limbah --------------------------------------------------------------------------------------------------

WASTE = "{id: LB, nama: Limbah, jenis: limbah, tempat_boleh: [IPAL, bak sampah]}"


def test_waste_at_an_allowed_place_written_in_any_case_is_kept() -> None:
    assert found(rules(WASTE), [ev("2024-03-11 10:00", "A01", "limbah", place=" ipal ")]) == []


def test_waste_elsewhere_is_a_violation() -> None:
    out = check_violations(rules(WASTE), [ev("2024-03-11 10:00", "A01", "limbah", place="selokan")])
    assert out[0].evidence.id == "buang limbah di 'selokan', bukan tempat yang boleh (IPAL, bak sampah)"


# --- alat_pelindung ------------------------------------------------------------------------------------------

GEAR = "{id: AP, nama: APD, jenis: alat_pelindung}"


def test_all_gear_recorded_is_kept() -> None:
    log = [ev("2024-03-11 08:00", "A01", "pakai", "oven", 30, gear="Sarung Tangan; masker")]
    log += [ev("2024-03-11 08:00", "A02", "pakai", "wajan", 30)]  # the wajan needs no gear
    assert found(rules(GEAR), log) == []


def test_missing_gear_is_named() -> None:
    log = [ev("2024-03-11 08:00", "A01", "pakai", "oven", 30, gear="sarung tangan")]
    log += [ev("2024-03-11 09:00", "A01", "pakai", "oven", 30, gear=["kacamata"])]
    out = check_violations(rules(GEAR), log)
    assert [v.evidence.id for v in out] == ["pakai Oven tanpa masker", "pakai Oven tanpa sarung tangan, masker"]


# --- escalation ----------------------------------------------------------------------------------------------


def late(day: int, member: str = "A01") -> dict:
    """A use at 17:00 (after closing) on 2024-01-01 + day."""
    when = dt.datetime(2024, 1, 1, 17) + dt.timedelta(days=day)
    return ev(when.isoformat(sep=" "), member, "pakai", "wajan", 30)


def test_three_violations_in_the_window_then_one_after_it() -> None:
    # days 0, 10, 20 → k = 1, 2, 3; day 200: the others are 180–200 days old, outside 90 → k = 1
    out = check_violations(rules(JB), [late(0), late(10), late(20), late(200)])
    assert [v.sanction for v in out] == ["teguran_lisan", "teguran_tertulis", "skorsing_7_hari", "teguran_lisan"]
    assert [v.sanction_step for v in out] == [0, 1, 2, 0]
    assert [v.count for v in out] == [1, 2, 3, 1]


def test_the_last_step_is_the_cap() -> None:
    out = check_violations(rules(JB), [late(d) for d in range(6)])
    assert [v.sanction_step for v in out] == [0, 1, 2, 3, 3, 3]  # 4 steps: k ≥ 4 → pemberhentian


def test_window_boundary_is_exclusive() -> None:
    # t − t' < W days counts: 89 days counts, exactly 90 days does not
    assert [v.count for v in check_violations(rules(JB), [late(0), late(89)])] == [1, 2]
    assert [v.count for v in check_violations(rules(JB), [late(0), late(90)])] == [1, 1]
    # W = 30: day 29 sees day 0 (29 < 30); day 58 sees day 29 (29 days) but not day 0 (58 days)
    assert [v.count for v in check_violations(rules(JB, window=30), [late(0), late(29), late(58)])] == [1, 2, 2]


def test_each_member_has_their_own_history() -> None:
    out = check_violations(rules(JB), [late(0, "A01"), late(1, "A02"), late(2, "A01")])
    assert [(v.member, v.sanction) for v in out] == [
        ("A01", "teguran_lisan"),
        ("A02", "teguran_lisan"),
        ("A01", "teguran_tertulis"),
    ]


def test_same_rule_or_all_rules_counted() -> None:
    log = [late(0), ev("2024-01-02 10:00", "A01", "limbah", place="selokan")]
    same = check_violations(rules(JB, WASTE, count="sama_aturan"), log)
    every = check_violations(rules(JB, WASTE, count="semua_aturan"), log)
    assert [(v.rule, v.sanction) for v in same] == [("JB", "teguran_lisan"), ("LB", "teguran_lisan")]
    assert [(v.rule, v.sanction) for v in every] == [("JB", "teguran_lisan"), ("LB", "teguran_tertulis")]


def test_a_rule_of_its_own_ladder_and_a_rule_without_sanction() -> None:
    own = "{id: LB, nama: L, jenis: limbah, tempat_boleh: [IPAL], sanksi: [teguran_tertulis, pemberhentian]}"
    free = "{id: JB, nama: J, jenis: jam_buka, sanksi: tidak_ada}"
    log = [
        late(0),
        ev("2024-01-02 10:00", "A01", "limbah", place="x"),
        ev("2024-01-03 10:00", "A01", "limbah", place="x"),
    ]
    out = check_violations(rules(free, own, count="semua_aturan"), log)
    # the free rule's violation still counts: k = 1, 2, 3 → own ladder steps 2 (capped) and 2
    assert [(v.rule, v.sanction, v.sanction_step, v.count) for v in out] == [
        ("JB", "tidak_ada", None, 1),
        ("LB", "pemberhentian", 1, 2),
        ("LB", "pemberhentian", 1, 3),
    ]
    assert out[0].to_dict()["sanction_label"] == {"id": "tidak ada sanksi", "en": "no sanction"}


# --- the table and bad input ---------------------------------------------------------------------------------


def test_check_table_has_exactly_the_columns_sorted_by_time() -> None:
    log = [late(5), late(0), ev("2024-01-02 10:00", "A02", "limbah", place="selokan")]
    table = check(rules(JB, WASTE), log)
    assert list(table.columns) == ["rule", "member", "time", "evidence", "sanction"]
    assert list(table["time"]) == sorted(table["time"]) and len(table) == 3
    assert pd.api.types.is_datetime64_any_dtype(table["time"])
    assert table.iloc[0].to_dict()["evidence"] == "pakai Wajan pukul 17.00–17.30, di luar jam buka 07.30–16.00"
    assert check(rules(JB), log, lang="en")["evidence"][0].startswith("use of Wajan at 17:00–17:30")


def test_check_of_an_empty_log_and_of_yaml_text() -> None:
    empty = check(rules(JB), [])
    assert list(empty.columns) == ["rule", "member", "time", "evidence", "sanction"] and empty.empty
    text = BASE.format(rules=f"  - {JB}", window=90, count="sama_aturan")
    assert list(check(text, [late(0)])["rule"]) == ["JB"]


def test_violation_to_dict_is_plain() -> None:
    d = check_violations(rules(JB), [late(0)])[0].to_dict()
    assert d["time"] == "2024-01-01T17:00:00" and d["rows"] == [1] and d["sanction_label"]["en"] == "oral warning"


def test_events_naming_unknown_machines_or_members_are_refused() -> None:
    with pytest.raises(CalculationError, match=r"row 2, 'mesin' \(machine\).*got 'ovn'"):
        check_violations(rules(JB), [late(0), ev("2024-01-02 08:00", "A01", "pakai", "ovn", 30)])
    listed = load(
        BASE.replace("mesin:\n", "anggota: [A01]\nmesin:\n", 1).format(
            rules=f"  - {JB}", window=9, count="semua_aturan"
        )
    )
    with pytest.raises(CalculationError, match=r"row 1, 'anggota' \(member\).*got 'A09'"):
        check_violations(listed, [late(0, "A09")])


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [({"until": "kemarin"}, "until"), ({"lang": "jv"}, "lang")],
)
def test_bad_arguments_name_the_argument(kwargs, field) -> None:
    with pytest.raises(CalculationError, match=field):
        check(rules(JB), [late(0)], **kwargs)


def test_bad_ruleset_argument() -> None:
    with pytest.raises(CalculationError, match="ruleset"):
        check_violations(42, [])  # type: ignore[arg-type]


def test_sanction_functions_refuse_bad_arguments() -> None:
    from ikm_curriculum.modules.rules.sanctions import escalation_counts, step_due, step_label

    with pytest.raises(CalculationError, match="window_days"):
        escalation_counts([], 0)
    with pytest.raises(CalculationError, match="count: expected one of sama_aturan, semua_aturan"):
        escalation_counts([], 90, "semua")
    with pytest.raises(CalculationError, match="k: expected"):
        step_due(("teguran_lisan",), 0)
    assert step_label("skorsing_30_hari").en == "30-day suspension (no use of the machines)"


def test_rule_sets_built_in_python_that_cannot_be_checked() -> None:
    from ikm_curriculum.modules.rules.ruleset import Rule, RuleSet, SanctionPolicy

    policy = SanctionPolicy(("teguran_lisan",), 30)
    no_hours = RuleSet("X", (Rule("J", "j", "jam_buka", {"kejadian": ("pakai",), "mesin": None}),), policy)
    with pytest.raises(CalculationError, match="rule 'J' \\(jam_buka\\) needs opening hours"):
        check_violations(no_hours, [ev("2024-03-11 08:00", "A01", "limbah", place="x")])
    odd = RuleSet("X", (Rule("Q", "q", "parkir"),), policy)
    with pytest.raises(CalculationError, match="rule 'Q' has an unknown kind 'parkir'"):
        check_violations(odd, [])
