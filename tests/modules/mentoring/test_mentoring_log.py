"""Mentoring log: visits, action items, statuses, the table import and the per-member summary."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.mentoring.mentoring_log import (
    ACTION_STATUSES,
    OPEN_STATUSES,
    ActionItem,
    MentoringLog,
    Visit,
    member_summary,
    mentoring_log_from_rows,
    parse_findings,
    parse_status,
)

# Fictional member businesses and mentors of a fish-floss centre in Kendari (no real person is meant).
VISITS = [
    {"Tanggal": "2026-02-10", "Anggota": "UD Abon Bahari", "Pendamping": "Rina Lestari",
     "Temuan": "Label tanpa nomor P-IRT; timbangan belum ditera"},
    {"Tanggal": "12/05/2026", "Anggota": "KUB Mina Sejahtera", "Pendamping": "Rina Lestari", "Temuan": ""},
    {"Tanggal": date(2026, 6, 2), "Anggota": "ud abon bahari", "Pendamping": "Andi Saputra",
     "Temuan": "Ruang kemas belum 5R"},
]  # fmt: skip
ACTIONS = [
    {"No": "A1", "Anggota": "UD Abon Bahari", "Tindakan": "Daftar SPP-IRT", "Penanggung Jawab": "Pemilik",
     "Batas Waktu": "2026-04-30", "Status": "selesai", "Tanggal Selesai": "2026-04-28",
     "Ukuran Keberhasilan": "Nomor P-IRT terbit"},
    {"No": "A2", "Anggota": "UD Abon Bahari", "Tindakan": "Tera timbangan", "Penanggung Jawab": "Ketua sentra",
     "Batas Waktu": "2026-03-31", "Status": "done", "Tanggal Selesai": "2026-04-15"},
    {"No": "A3", "Anggota": "UD Abon Bahari", "Tindakan": "Terapkan 5R di ruang kemas", "Penanggung Jawab": "Pemilik",
     "Batas Waktu": "2026-07-31", "Status": "in progress"},
    {"No": "A4", "Anggota": "KUB Mina Sejahtera", "Tindakan": "Buku kas harian", "Penanggung Jawab": "Bendahara",
     "Batas Waktu": "2026-06-30", "Status": "belum"},
    {"No": "A5", "Anggota": "KUB Mina Sejahtera", "Tindakan": "Pameran daerah", "Penanggung Jawab": "Ketua",
     "Batas Waktu": "2026-05-31", "Status": "cancelled"},
]  # fmt: skip


def error(call: Any, *args: Any, **kwargs: Any) -> str:
    with pytest.raises(CalculationError) as info:
        call(*args, **kwargs)
    return str(info.value)


def action(**changes: Any) -> ActionItem:
    fields = dict(id="A1", member="UD Abon Bahari", action="Tera timbangan", owner="Ketua", due="2026-03-31",
                  status="berjalan")  # fmt: skip
    return ActionItem(**(fields | changes))


def test_statuses() -> None:
    assert list(ACTION_STATUSES) == ["belum", "berjalan", "selesai", "batal"]
    assert ACTION_STATUSES["berjalan"].en == "In progress" and OPEN_STATUSES == {"belum", "berjalan"}


@pytest.mark.parametrize(
    ("word", "status"),
    [("belum", "belum"), ("Not started", "belum"), ("not_started", "belum"), ("BERJALAN", "berjalan"),
     ("in-progress", "berjalan"), ("Sedang  berjalan", "berjalan"), ("selesai", "selesai"), ("Done", "selesai"),
     ("completed", "selesai"), ("batal", "batal"), ("Cancelled", "batal"), ("canceled", "batal")],
)  # fmt: skip
def test_status_words_in_both_languages(word: str, status: str) -> None:
    assert parse_status(word) == status


@pytest.mark.parametrize("word", ["finished?", "", None, 1])
def test_bad_status(word: Any) -> None:
    message = error(parse_status, word)
    assert message.startswith("status: expected one of belum, berjalan, selesai, batal")


def test_findings_from_text_or_list() -> None:
    assert parse_findings("a;  b \n c;") == ("a", "b", "c")
    assert parse_findings(["Label  lama", " ", "Timbangan"]) == ("Label lama", "Timbangan")
    assert parse_findings(None) == () and parse_findings(float("nan")) == ()
    assert "findings" in error(parse_findings, 3)
    assert "texts only" in error(parse_findings, ["a", 2])


def test_visit_tidies_its_fields() -> None:
    v = Visit("2026-02-10", "  UD  Abon Bahari ", "Rina", "label; timbangan")
    assert v.date == date(2026, 2, 10) and v.member == "UD Abon Bahari" and v.findings == ("label", "timbangan")
    assert v.to_dict() == {"date": "2026-02-10", "member": "UD Abon Bahari", "mentor": "Rina",
                           "findings": ["label", "timbangan"]}  # fmt: skip


def test_visit_lists_all_its_problems() -> None:
    message = error(Visit, "2026-02-30", "", None)
    assert message.startswith("visit: ")
    assert "date: expected a date" in message and "member: expected a text" in message
    assert "mentor: expected a text" in message


def test_action_item_fields_and_on_time() -> None:
    a = action(status="Done", done_on="2026-03-31", measure="Sertifikat tera")
    assert a.status == "selesai" and a.due == date(2026, 3, 31) and a.on_time is True  # done on the due date
    assert action(status="selesai", done_on="2026-04-01").on_time is False  # one day late
    assert action().on_time is None and action().is_open and not a.is_open
    assert a.to_dict()["done_on"] == "2026-03-31" and json.dumps(a.to_dict())


def test_days_overdue() -> None:
    # due 2026-03-31, open: 0 on the due date, 1 the day after, 0 before; a closed action is never overdue
    assert action().days_overdue("2026-03-31") == 0
    assert action().days_overdue(date(2026, 4, 1)) == 1
    assert action().days_overdue("2026-03-01") == 0
    assert action(status="belum").days_overdue("2026-05-30") == 60  # 30 days of April + 30 of May
    assert action(status="selesai", done_on="2026-05-01").days_overdue("2026-05-30") == 0
    assert action(status="batal").days_overdue("2026-05-30") == 0
    assert "as_of" in error(action().days_overdue, "besok")


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        (dict(id=""), "id: expected a text"),
        (dict(owner=None), "owner: expected a text"),
        (dict(action=" "), "action: expected a text"),
        (dict(due="31-03-2026"), "due: expected a date"),
        (dict(status="finished"), "status: expected one of"),
        (dict(status="selesai"), "done_on: expected the date the action was done"),
        (dict(status="berjalan", done_on="2026-03-01"), "done_on: expected nothing for status 'berjalan'"),
        (dict(status="batal", done_on="2026-03-01"), "done_on: expected nothing for status 'batal'"),
        (dict(status="selesai", done_on="kemarin"), "done_on: expected a date"),
        (dict(measure=5.5), "measure: expected a text"),
    ],
)
def test_action_item_bad_fields(changes: dict[str, Any], fragment: str) -> None:
    assert fragment in error(action, **changes)


def test_log_checks_types_and_unique_ids() -> None:
    log = MentoringLog([Visit("2026-02-10", "X", "Rina")], [action()])
    assert isinstance(log.visits, tuple) and len(log.actions) == 1
    assert "each id once" in error(MentoringLog, (), (action(), action(id=" a1 ")))
    assert "visits: expected a list of Visit" in error(MentoringLog, ({"date": "2026-01-01"},))
    assert "actions: expected a list of ActionItem" in error(MentoringLog, (), "A1")


def test_log_from_rows_with_headers_in_either_language() -> None:
    log = mentoring_log_from_rows(VISITS, ACTIONS)
    assert [v.date for v in log.visits] == [date(2026, 2, 10), date(2026, 5, 12), date(2026, 6, 2)]
    assert log.visits[1].findings == () and log.visits[0].findings[0] == "Label tanpa nomor P-IRT"
    assert [a.status for a in log.actions] == ["selesai", "selesai", "berjalan", "belum", "batal"]
    assert log.actions[0].measure == "Nomor P-IRT terbit" and log.actions[3].done_on is None
    english = mentoring_log_from_rows(
        [{"Date": "2026-02-10", "Member": "X", "Mentor": "Y", "Findings": None}],
        [{"id": "B1", "member": "X", "action": "Z", "owner": "Q", "due_date": "2026-03-01", "status": "open",
          "done_on": None, "measure": None}],
    )  # fmt: skip
    assert english.actions[0].status == "belum" and english.actions[0].measure == ""
    json.dumps(log.to_dict())


def test_log_from_rows_skips_blank_lines_and_allows_empty_tables() -> None:
    log = mentoring_log_from_rows([{"Tanggal": None, "Anggota": ""}, *VISITS], [])
    assert len(log.visits) == 3 and log.actions == ()


def test_log_from_rows_lists_every_problem_with_its_row() -> None:
    visits = [VISITS[0], dict(VISITS[1], Tanggal="kemarin", Pendamping=""), "row"]
    actions = [
        ACTIONS[0],
        dict(ACTIONS[1], **{"Batas Waktu": None}),
        dict(ACTIONS[2], No="a1"),
        dict(ACTIONS[3], Warna="merah", Status="?"),
    ]
    message = error(mentoring_log_from_rows, visits, actions, first_row=2)
    assert message.startswith("mentoring log has 7 problem(s):")
    assert "visits row 3: date: expected a date" in message
    assert "visits row 3: mentor: expected a text, got nothing" in message
    assert "visits row 4: expected a mapping of fields" in message
    assert "actions row 3 (id 'A2'): due: expected a date" in message
    assert "actions row 4 (id 'a1'): id: expected an id not used before, got it again (first in row 2)" in message
    assert "actions row 5 (id 'A4'): unknown field 'Warna'" in message
    assert "actions row 5 (id 'A4'): status: expected one of" in message


@pytest.mark.parametrize(
    ("visits", "actions", "field"), [("a,b", [], "visits"), ([], 5, "actions"), ({}, [], "visits")]
)
def test_log_from_rows_rejects_non_tables(visits: Any, actions: Any, field: str) -> None:
    assert error(mentoring_log_from_rows, visits, actions).startswith(f"{field}: expected a list")


def test_member_summary_hand_worked() -> None:
    summary = member_summary(mentoring_log_from_rows(VISITS, ACTIONS), as_of="2026-07-01")
    assert [s.member for s in summary] == ["KUB Mina Sejahtera", "UD Abon Bahari"]  # sorted; case-insensitive names
    kub, ud = summary
    # UD Abon Bahari: visits 10 Feb and 2 Jun (written in lower case); A1 done 28 Apr (due 30 Apr, on time),
    # A2 done 15 Apr (due 31 Mar, late), A3 open and due 31 Jul → on time 1 of 2 = 50 %, none overdue on 1 Jul
    assert (ud.visits, ud.last_visit, ud.actions, ud.open_actions) == (2, date(2026, 6, 2), 3, 1)
    assert (ud.done, ud.done_on_time, ud.done_on_time_pct, ud.overdue_actions) == (2, 1, 50.0, 0)
    # KUB: A4 not started, due 30 Jun → overdue on 1 Jul; A5 cancelled; nothing done → no percentage
    assert (kub.visits, kub.actions, kub.open_actions, kub.overdue_actions) == (1, 2, 1, 1)
    assert (kub.done, kub.done_on_time_pct, kub.cancelled) == (0, None, 1)
    assert json.loads(json.dumps(ud.to_dict()))["last_visit"] == "2026-06-02"


def test_member_summary_without_as_of_and_bad_inputs() -> None:
    summary = member_summary(mentoring_log_from_rows(VISITS, ACTIONS))
    assert all(s.overdue_actions is None for s in summary)
    assert member_summary(MentoringLog()) == ()
    assert "log: expected a MentoringLog" in error(member_summary, [VISITS])
    assert "as_of" in error(member_summary, MentoringLog(), "1 Juli")
