"""Follow-up list: overdue actions, KPIs below target and falling KPIs, by priority (on crafted data)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.mentoring.follow_up import (
    FOLLOW_UP_RULES,
    KINDS,
    PRIORITIES,
    FollowUpRules,
    follow_up,
    follow_up_frame,
)
from ikm_curriculum.modules.mentoring.kpi import DEFAULT_KPIS, Kpi, KpiSet
from ikm_curriculum.modules.mentoring.mentoring_log import ActionItem, MentoringLog
from ikm_curriculum.modules.mentoring.scorecard import scorecard
from ikm_curriculum.modules.quality.commodities import Text

AS_OF = date(2026, 10, 5)

# Fictional members and owners (no real person is meant). Due dates relative to AS_OF = 5 Oct 2026.
ACTIONS = (
    ActionItem("A1", "UD Abon Bahari", "Daftar SPP-IRT", "Pemilik", "2026-08-31", "belum"),  # 35 days late
    ActionItem("A2", "UD Abon Bahari", "Tera timbangan", "Ketua", "2026-09-05", "berjalan"),  # exactly 30 days late
    ActionItem("A3", "KUB Mina", "Buku kas", "Bendahara", "2026-10-05", "belum"),  # due today: not overdue
    ActionItem("A4", "KUB Mina", "Label baru", "Pemilik", "2026-09-01", "selesai", "2026-09-20"),  # done late
    ActionItem("A5", "KUB Mina", "Pameran", "Ketua", "2026-08-01", "batal"),  # cancelled
    ActionItem("A6", "KUB Mina", "Kemasan vakum", "Pemilik", "2026-10-04", "in progress"),  # 1 day late
    ActionItem("A7", "UD Abon Bahari", "Terapkan 5R", "Pemilik", "2026-12-31", "belum"),  # not yet due
)


def kpis() -> KpiSet:
    return KpiSet((
        Kpi("sales", Text("Penjualan", "Sales"), "Rp", "higher", 100_000_000, 1),
        Kpi("defects", Text("Produk cacat", "Defect rate"), "%", "lower", 4, 1),
        Kpi("members", Text("Anggota aktif", "Active members"), "anggota", "higher", 20, 1),
        Kpi("machine", Text("Pemakaian mesin", "Machine use"), "%", "higher", 60, 1),
    ))  # fmt: skip


# Four quarters. Scores (× 100) per KPI, computed by hand:
#   sales   100 M → 95 M → 90 M → 60 M       : 100, 95, 90, 60   → falls 3 times; latest 60 % (merah)
#   defects 4 % → 4 % → 5 % → 5 %             : 100, 100, 80, 80  → latest 80 % (kuning), below target
#   members 20 → 22 → 21 → 19                 : 100, 110, 105, 95 → falls twice; latest 95 % (hijau) below target
#   machine 60 → 66 → 60 → 60                 : 100, 110, 100, 100 → at target, fell once only
DATA = {
    "2025-Q4": {"sales": 100_000_000, "defects": 4, "members": 20, "machine": 60},
    "2026-Q1": {"sales": 95_000_000, "defects": 4, "members": 22, "machine": 66},
    "2026-Q2": {"sales": 90_000_000, "defects": 5, "members": 21, "machine": 60},
    "2026-Q3": {"sales": 60_000_000, "defects": 5, "members": 19, "machine": 60},
}


def error(call: Any, *args: Any, **kwargs: Any) -> str:
    with pytest.raises(CalculationError) as info:
        call(*args, **kwargs)
    return str(info.value)


def test_overdue_actions_only_open_and_past_due() -> None:
    result = follow_up(ACTIONS, None, AS_OF)
    # A1 35 days (> 30 → tinggi), A2 30 days (not > 30 → sedang), A6 1 day (sedang);
    # A3 due today, A4 done late, A5 cancelled, A7 not yet due: not listed
    assert [(i.subject, i.days_overdue, i.priority) for i in result.items] == [
        ("A1", 35, 1),
        ("A2", 30, 2),
        ("A6", 1, 2),
    ]
    first = result.items[0]
    assert (first.kind, first.member, first.owner, first.due) == ("overdue_action", "UD Abon Bahari", "Pemilik",
                                                                  date(2026, 8, 31))  # fmt: skip
    assert first.message.id == ("Tindakan A1 untuk UD Abon Bahari (Daftar SPP-IRT) terlambat 35 hari dari batas "
                                "waktu 2026-08-31; penanggung jawab: Pemilik.")  # fmt: skip
    assert "35 days past its due date 2026-08-31; owner: Pemilik" in first.message.en


def test_overdue_threshold_is_a_parameter() -> None:
    rules = FollowUpRules(0, 2, 2, {"merah": 1, "kuning": 2, "hijau": 3})
    assert [i.priority for i in follow_up(ACTIONS, None, AS_OF, rules).items] == [1, 1, 1]  # every day late > 0


def test_follow_up_accepts_a_log_and_an_iso_date() -> None:
    result = follow_up(MentoringLog(actions=ACTIONS), None, "2026-10-05")
    assert result.as_of == AS_OF and len(result.items) == 3
    assert follow_up([], None, AS_OF).items == ()


def test_kpis_below_target_and_falling_over_four_quarters() -> None:
    result = follow_up([], scorecard(DATA, kpis()), AS_OF)
    got = [(i.kind, i.subject, i.priority) for i in result.items]
    assert got == [
        ("kpi_below_target", "sales", 1),  # 60 % → merah → tinggi
        ("kpi_below_target", "defects", 2),  # 4/5 = 80 % → kuning → sedang
        ("kpi_falling", "members", 2),  # 110 → 105 → 95: turun twice
        ("kpi_falling", "sales", 2),  # 95 → 90 → 60: turun twice (and a third time before)
        ("kpi_below_target", "members", 3),  # 19/20 = 95 % → hijau, but below target → rendah
    ]  # machine: at target and fell only once (110 → 100, then tetap) → not listed
    sales = result.items[0]
    assert sales.quarter == "2026-Q3" and sales.days_overdue == 0 and sales.due is None
    assert sales.message.id == "Penjualan di 2026-Q3: Rp 60.000.000, target Rp 100.000.000 (capaian 60 %)."
    assert sales.message.en == "Sales in 2026-Q3: Rp 60,000,000, target Rp 100,000,000 (achievement 60 %)."
    assert result.items[1].message.id == "Produk cacat di 2026-Q3: 5 %, target 4 % (capaian 80 %)."
    assert result.items[2].message.id == "Anggota aktif turun 2 triwulan berturut-turut (skor 110 % → 105 % → 95 %)."
    assert result.items[4].message.en == "Active members in 2026-Q3: 19 anggota, target 20 anggota (achievement 95 %)."


def test_falling_needs_enough_quarters_with_data() -> None:
    # two quarters only: one fall cannot be "two in a row"
    two = follow_up([], scorecard({"2026-Q2": DATA["2026-Q2"], "2026-Q3": DATA["2026-Q3"]}, kpis()), AS_OF)
    assert all(i.kind != "kpi_falling" for i in two.items)
    # members missing in 2026-Q2: no trend in Q2 nor Q3, so no "falling" for members
    gap = DATA | {"2026-Q2": DATA["2026-Q2"] | {"members": None}}
    assert "members" not in [i.subject for i in follow_up([], scorecard(gap, kpis()), AS_OF).items if
                             i.kind == "kpi_falling"]  # fmt: skip
    # three falls in a row are needed with falling_quarters=3: sales only
    rules = FollowUpRules(30, 3, 1, {"merah": 1, "kuning": 2, "hijau": 3})
    falling = [(i.subject, i.priority) for i in follow_up([], scorecard(DATA, kpis()), AS_OF, rules).items
               if i.kind == "kpi_falling"]  # fmt: skip
    assert falling == [("sales", 1)]


def test_kpi_at_target_or_without_data_is_not_listed() -> None:
    data = {"2026-Q3": {"sales": 100_000_000, "defects": 4, "members": None, "machine": 61}}
    assert follow_up([], scorecard(data, kpis()), AS_OF).items == ()


def test_actions_and_kpis_sorted_together() -> None:
    result = follow_up(ACTIONS, scorecard(DATA, kpis()), AS_OF)
    got = [(i.priority, i.subject, i.days_overdue) for i in result.items]
    # priority 1: A1 (35 days) before the sales KPI (0 days); priority 2: A2 (30), A6 (1), then KPI items
    # (below target before falling; then by key); priority 3: members below target
    assert got == [
        (1, "A1", 35), (1, "sales", 0),
        (2, "A2", 30), (2, "A6", 1), (2, "defects", 0), (2, "members", 0), (2, "sales", 0),
        (3, "members", 0),
    ]  # fmt: skip


def test_default_kpis_follow_up_over_several_quarters() -> None:
    base = dict(machine_hours_used=300, machine_hours_available=480, active_members=20, production=4000,
                sales=300_000_000, defects=100, members_certified=12, assets_condition_b=28, assets_total=30,
                cash_balance=20_000_000)  # fmt: skip
    # assets in condition B of 30: 28 → 93.3 % of target 90 → score 103.7 %; 26 → 86.7 % → 96.3 %;
    # 24 → 80 % → 88.9 %. Defects 100/4000 = 2.5 % (met), then 160/4000 = 4 % → 3/4 = 75 %.
    data = {
        "2026-Q1": base,
        "2026-Q2": base | {"assets_condition_b": 26},
        "2026-Q3": base | {"assets_condition_b": 24, "defects": 160},
    }
    items = follow_up([], scorecard(data, DEFAULT_KPIS), AS_OF).items
    assert [(i.kind, i.subject, i.priority) for i in items] == [
        ("kpi_below_target", "assets_good", 2),  # 88.9 % → kuning
        ("kpi_below_target", "defect_rate", 2),  # 75 % → kuning
        ("kpi_falling", "assets_good", 2),  # 103.7 → 96.3 → 88.9
    ]
    assert "(skor 103,7 % → 96,3 % → 88,9 %)" in items[2].message.id


def test_to_dict_and_frame() -> None:
    result = follow_up(ACTIONS, scorecard(DATA, kpis()), AS_OF)
    d = json.loads(json.dumps(result.to_dict()))
    assert d["as_of"] == "2026-10-05" and d["items"][0]["due"] == "2026-08-31"
    assert d["items"][1]["message"]["en"].startswith("Sales in 2026-Q3")
    frame = follow_up_frame(result)
    assert list(frame.columns) == ["Prioritas", "Jenis", "Pokok", "Anggota", "Penanggung Jawab", "Batas Waktu",
                                   "Hari Terlambat", "Keterangan"]  # fmt: skip
    assert frame.iloc[0]["Prioritas"] == "Tinggi" and frame.iloc[0]["Jenis"] == "Tindakan terlambat"
    english = follow_up_frame(result, lang="en")
    assert english.iloc[1]["Kind"] == "KPI below target" and english.iloc[2]["Days overdue"] == 30
    assert "lang" in error(follow_up_frame, result, "jv")
    assert "FollowUp" in error(follow_up_frame, [])
    assert set(PRIORITIES) == {1, 2, 3} and list(KINDS)[0] == "overdue_action"


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("A1", None, AS_OF), "actions: expected a MentoringLog or a list of ActionItem"),
        (([{"id": "A1"}], None, AS_OF), "actions: expected ActionItem objects"),
        ((ACTIONS, {"2026-Q1": {}}, AS_OF), "scorecard_result: expected a ScorecardResult"),
        ((ACTIONS, None, "5 Oktober"), "as_of: expected a date"),
        ((ACTIONS, None, None), "as_of: expected a date"),
        ((ACTIONS, None, AS_OF, {"overdue_high_days": 30}), "rules: expected a FollowUpRules"),
    ],
)
def test_follow_up_bad_inputs(args: tuple[Any, ...], fragment: str) -> None:
    assert fragment in error(follow_up, *args)


@pytest.mark.parametrize(
    ("fields", "fragment"),
    [
        (dict(overdue_high_days=-1), "rules.overdue_high_days: expected a whole number ≥ 0"),
        (dict(overdue_high_days=1.5), "rules.overdue_high_days"),
        (dict(falling_quarters=0), "rules.falling_quarters: expected a whole number ≥ 1"),
        (dict(falling_priority=4), "rules priority"),
        (dict(light_priority={"merah": 1, "kuning": 2}), "rules.light_priority"),
        (dict(light_priority={"merah": 1, "kuning": 2, "hijau": 0}), "rules priority"),
    ],
)
def test_follow_up_rules_bad_fields(fields: dict[str, Any], fragment: str) -> None:
    base = dict(overdue_high_days=30, falling_quarters=2, falling_priority=2,
                light_priority={"merah": 1, "kuning": 2, "hijau": 3})  # fmt: skip
    assert fragment in error(FollowUpRules, **(base | fields))
    assert FOLLOW_UP_RULES.overdue_high_days == 30 and "check" in FOLLOW_UP_RULES.source
