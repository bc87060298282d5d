"""Loading a rule set (YAML, with line numbers) and reading an event log.

Everything is fictional. Expected values are read off the YAML given in each test (line numbers counted by
hand from its first line = 1) and the format documented in ikm_curriculum/modules/rules/ruleset.py.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from ikm_curriculum.errors import CalculationError, IkmError, RuleSetError
from ikm_curriculum.modules.rules.events import read_events
from ikm_curriculum.modules.rules.lint import LintIssue
from ikm_curriculum.modules.rules.ruleset import EXAMPLE, KINDS, load

HEAD = "sentra: Sentra Uji\nsanksi: {tangga: [teguran_lisan], jendela_hari: 90}\n"  # lines 1–2


def errors(text: str) -> list[tuple[str, int, str]]:
    with pytest.raises(RuleSetError) as info:
        load(text)
    return [(i.rule, i.line, i.code) for i in info.value.issues]


# --- the format ----------------------------------------------------------------------------------------------


def test_example_loads_with_every_section() -> None:
    rs = load(EXAMPLE)
    assert rs.centre == "Sentra Abon Ikan Contoh"
    assert [(m.id, m.name, m.needs_trained_operator, m.gear) for m in rs.machines] == [
        ("oven", "Oven pengering", True, ("sarung tangan",))
    ]
    assert dict(rs.trained) == {"oven": ("A01",)}
    hours = rs.opening_hours
    assert (hours.days, hours.start, hours.end) == (
        ("senin", "selasa", "rabu", "kamis", "jumat"),
        dt.time(7, 30),
        dt.time(16, 0),
    )
    assert (rs.sanctions.window_days, rs.sanctions.count) == (90, "sama_aturan")
    fee = rs.rule("IU1")
    # defaults filled in: denda_mulai None (= the day after jatuh_tempo)
    assert (fee.line, dict(fee.params)) == (
        9,
        {"jumlah": 50000, "jatuh_tempo": 10, "denda_telat": 5000, "denda_mulai": None},
    )
    assert rs.rule("JB1").params["kejadian"] == ("pesan", "pakai")  # default of jam_buka
    assert rs.members is None and rs.lines["aturan"] == 7


def test_plain_yaml_values_are_read_as_written() -> None:
    # PyYAML (YAML 1.1) reads 7:30 as the number 450 and `no` as False: the reader keeps the text
    text = HEAD + (
        "anggota: ['001', 002]\n"
        "mesin: [{id: m1, nama: M, perlu_operator_terlatih: tidak}]\n"
        "jam_buka: {hari: [Senin, sabtu], mulai: 7:30, selesai: '12.00'}\n"
        "aturan: [{id: L, nama: L, jenis: limbah, tempat_boleh: [no, IPAL]}]\n"
    )
    rs = load(text)
    assert rs.members == ("001", "002")
    assert rs.opening_hours.start == dt.time(7, 30) and rs.opening_hours.end == dt.time(12, 0)
    assert rs.opening_hours.days == ("senin", "sabtu")
    assert rs.rule("L").params["tempat_boleh"] == ("no", "IPAL")
    assert rs.machines[0].needs_trained_operator is False


def test_rule_ladders_and_machine_scope() -> None:
    text = HEAD + (
        "aturan:\n"
        "  - {id: A, nama: a, jenis: limbah, tempat_boleh: IPAL, sanksi: tidak_ada}\n"
        "  - {id: B, nama: b, jenis: kebersihan, menit: 30, mesin: oven, sanksi: [teguran_tertulis]}\n"
    )
    rs = load(text)
    assert rs.rule("A").sanction == () and rs.ladder(rs.rule("A")) == ()
    assert rs.ladder(rs.rule("B")) == ("teguran_tertulis",) and rs.rule("B").machines() == ("oven",)
    assert rs.rule("A").params["tempat_boleh"] == ("IPAL",)  # one text stands for a list of one


def test_loaded_rule_set_is_frozen_and_plain() -> None:
    rs = load(EXAMPLE)
    with pytest.raises(dataclasses.FrozenInstanceError):
        rs.centre = "X"  # type: ignore[misc]
    with pytest.raises(TypeError):
        rs.rules[0].params["kejadian"] = ()  # type: ignore[index]
    plain = json.loads(json.dumps(rs.to_dict()))
    assert plain["rules"][1]["params"]["jumlah"] == 50000 and plain["opening_hours"]["end"] == "16:00"


def test_load_reads_the_one_file_named(tmp_path: Path) -> None:
    path = tmp_path / "tata_tertib.yaml"
    path.write_text(EXAMPLE, encoding="utf-8")
    assert load(path).centre == load(str(path)).centre == "Sentra Abon Ikan Contoh"
    with pytest.raises(RuleSetError, match="cannot read the rule set file .*tidak_ada.yaml"):
        load(str(tmp_path / "tidak_ada.yaml"))
    with pytest.raises(RuleSetError, match="path_or_text"):
        load(42)


# --- hard errors name the rule and the line ------------------------------------------------------------------


def test_rule_set_error_is_a_value_error_with_issues() -> None:
    with pytest.raises(ValueError) as info:
        load(HEAD + "aturan: [{id: A, nama: a, jenis: jam_bukaa}]")
    assert isinstance(info.value, IkmError) and isinstance(info.value.issues[0], LintIssue)
    assert "line 3, rule 'A': unknown kind 'jam_bukaa'" in str(info.value) and "did you mean 'jam_buka'" in str(
        info.value
    )


def test_unknown_fields_at_every_level() -> None:
    text = HEAD + (
        "jam_bka: 1\n"  # line 3
        "mesin:\n"
        "  - {id: oven, nama: Oven, warna: merah}\n"  # line 5
        "aturan:\n"
        "  - id: K1\n"  # line 7
        "    nama: Bersih\n"
        "    jenis: kebersihan\n"
        "    menit: 30\n"
        "    menitt: 20\n"  # line 11
    )
    assert errors(text) == [("", 3, "unknown_field"), ("mesin[oven]", 5, "unknown_field"), ("K1", 11, "unknown_field")]
    with pytest.raises(RuleSetError, match=r"line 11, rule 'K1': unknown field 'menitt'.*did you mean 'menit'"):
        load(text)


def test_missing_fields_and_missing_parameters() -> None:
    assert errors("") == [("", 0, "missing_field")] * 3  # sentra, sanksi, aturan
    text = (
        HEAD + "aturan:\n  - {id: B, nama: b, jenis: batas_pemesanan}\n  - {nama: c, jenis: limbah, tempat_boleh: x}\n"
    )
    assert errors(text) == [("B", 4, "missing_field"), ("aturan[1]", 5, "missing_field")]


def test_opening_hours_rule_needs_the_section() -> None:
    with pytest.raises(RuleSetError, match=r"line 3, rule 'J'.*needs the section 'jam_buka'"):
        load(HEAD + "aturan: [{id: J, nama: j, jenis: jam_buka}]")


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("{id: I, nama: i, jenis: iuran, jumlah: 50.000, jatuh_tempo: 10}", "'jumlah': expected an integer ≥ 1"),
        ("{id: I, nama: i, jenis: iuran, jumlah: 50000, jatuh_tempo: 32}", "'jatuh_tempo': expected an integer 1–31"),
        ("{id: I, nama: i, jenis: iuran, jumlah: 0, jatuh_tempo: 10}", "'jumlah'"),
        ("{id: B, nama: b, jenis: batas_pemesanan, jam_per_minggu: 0}", "'jam_per_minggu': expected a number greater"),
        ("{id: B, nama: b, jenis: batas_pemesanan, jam_per_minggu: 5, kejadian: bayar}", "'kejadian': expected one of"),
        ("{id: K, nama: k, jenis: kebersihan, menit: -5}", "'menit'"),
        ("{id: K, nama: k, jenis: kebersihan, menit: true}", "'menit'"),
        ("{id: L, nama: l, jenis: limbah, tempat_boleh: []}", "'tempat_boleh': expected a non-empty list"),
        ("{id: W, nama: w, jenis: wajib_pesan, toleransi_menit: 1.5}", "'toleransi_menit'"),
        ("{id: W, nama: w, jenis: limbah, tempat_boleh: x, sanksi: 3}", "'sanksi': expected a list of sanction steps"),
        ("{id: W, nama: w, jenis: jam_buka, kejadian: [pakai, makan]}", "'kejadian': expected one of"),
    ],
)
def test_wrong_types_name_the_rule_line_and_field(line: str, field: str) -> None:
    text = HEAD + "jam_buka: {hari: [senin], mulai: '08:00', selesai: '12:00'}\n" + f"aturan:\n  - {line}\n"
    with pytest.raises(RuleSetError, match="wrong_type|expected") as info:
        load(text)
    message = str(info.value)
    assert f"line 5, rule '{line[5]}'" in message and field in message, message
    assert info.value.issues[0].code == "wrong_type"


@pytest.mark.parametrize(
    ("section", "where", "field"),
    [
        ("jam_buka: {hari: [senin], mulai: '25:00', selesai: '12:00'}", "'jam_buka'", "'mulai'"),
        ("jam_buka: {hari: [sabtuu], mulai: '07:00', selesai: '12:00'}", "'jam_buka'", "'hari'"),
        ("jam_buka: {hari: [senin], mulai: '07:00', selesai: '12:00', libur: [17-08-2024]}", "'jam_buka'", "'libur'"),
        ("mesin: [{id: m, nama: M, perlu_operator_terlatih: mungkin}]", "'mesin[m]'", "'perlu_operator_terlatih'"),
        ("mesin: {id: m}", "'mesin'", "'mesin'"),
        ("operator_terlatih: [A01]", "'operator_terlatih'", "machine: [members]"),
    ],
)
def test_wrong_types_in_sections(section: str, where: str, field: str) -> None:
    with pytest.raises(RuleSetError) as info:
        load(HEAD + section + "\naturan: []\n")
    assert f"line 3, section {where}" in str(info.value) and field in str(info.value)


@pytest.mark.parametrize(
    ("sanksi", "field"),
    [
        ("{tangga: [teguran_lisan], jendela_hari: 0}", "'jendela_hari'"),
        ("{tangga: [teguran_lisan], jendela_hari: 90, hitung: semua}", "'hitung': expected one of: sama_aturan"),
        ("{tangga: teguran_lisan, jendela_hari: 90}", "'tangga'"),
        ("{jendela_hari: 90}", "required field 'tangga' missing"),
    ],
)
def test_wrong_sanction_section(sanksi: str, field: str) -> None:
    with pytest.raises(RuleSetError, match="line 2, section 'sanksi'") as info:
        load(f"sentra: X\nsanksi: {sanksi}\naturan: []\n")
    assert field in str(info.value)


def test_duplicate_ids_and_keys() -> None:
    text = HEAD + (
        "mesin: [{id: m, nama: M}, {id: m, nama: N}]\n"  # line 3
        "aturan:\n"
        "  - {id: A, nama: a, jenis: limbah, tempat_boleh: x}\n"
        "  - {id: A, nama: b, jenis: limbah, tempat_boleh: y}\n"  # line 6
        "  - {id: C, nama: c, nama: d, jenis: limbah, tempat_boleh: y}\n"  # line 7
    )
    assert errors(text) == [("mesin[m]", 3, "duplicate_id"), ("A", 6, "duplicate_id"), ("C", 7, "duplicate_key")]


def test_every_error_is_listed_at_once() -> None:
    text = HEAD + "aturan:\n  - {id: A, nama: a, jenis: x}\n  - {id: B, nama: b, jenis: kebersihan, menit: nol}\n"
    with pytest.raises(RuleSetError, match=r"2 error\(s\)") as info:
        load(text)
    assert [i.code for i in info.value.issues] == ["unknown_kind", "wrong_type"]


def test_yaml_syntax_error_names_the_line() -> None:
    # PyYAML stops at the end of the text (line 4) and says where the open bracket began (line 3)
    with pytest.raises(RuleSetError, match=r"line 4: YAML syntax: .*begun on line 3"):
        load(HEAD + "aturan: [{id: A\n")
    assert errors("- a\n- b\n") == [("", 1, "wrong_type")]  # a list, not a mapping


def test_every_kind_documented_in_the_module_docstring() -> None:
    import ikm_curriculum.modules.rules.ruleset as module

    for kind, params in KINDS.items():
        assert f"``{kind}``" in module.__doc__
        for name in params:
            assert f"``{name}``" in module.__doc__, name


# --- the event log -------------------------------------------------------------------------------------------

CSV = """\
waktu,anggota,kejadian,mesin,durasi_menit,jumlah,tempat,alat_pelindung
2024-03-11 10:00,A01,pakai,oven,60,,,sarung tangan;masker
2024-03-11T08:00,A02,pesan,oven,120,,,
2024-03-11 10:00,A03,bayar,,,50000,,
2024-03-11,A04,limbah,,,,IPAL,
"""


def test_csv_log_is_read_and_sorted_stably() -> None:
    events = read_events(CSV)
    # sorted by time; the two 10:00 events keep their order (rows 1 then 3); a date alone is 00:00
    assert [e.row for e in events] == [4, 2, 1, 3]
    use = events[2]
    assert (use.machine, use.minutes, use.gear, use.end) == (
        "oven",
        60.0,
        ("sarung tangan", "masker"),
        dt.datetime(2024, 3, 11, 11),
    )
    assert events[3].amount == 50_000 and events[0].place == "IPAL"
    assert json.loads(json.dumps(use.to_dict()))["time"] == "2024-03-11T10:00:00"


def test_semicolon_csv_and_english_aliases() -> None:
    text = "time;member;event;machine;duration\n2024-03-11 10:00;A01;use;oven;45\n2024-03-11 11:00;7;clean;oven;\n"
    events = read_events(text)
    assert [(e.member, e.kind, e.minutes) for e in events] == [("A01", "pakai", 45.0), ("7", "bersih", 0.0)]


def test_dataframe_and_list_of_dicts() -> None:
    frame = pd.DataFrame(
        {
            "waktu": pd.to_datetime(["2024-03-11 09:00", "2024-03-11 08:00"]),
            "anggota": ["A01", "A02"],
            "kejadian": ["bayar", "pakai"],
            "mesin": [np.nan, "oven"],
            "durasi_menit": [np.nan, 30.0],
            "jumlah": [50000.0, np.nan],
        }
    )
    events = read_events(frame)
    assert [(e.row, e.kind, e.amount) for e in events] == [(2, "pakai", 0), (1, "bayar", 50_000)]
    assert type(events[0].time) is dt.datetime
    assert (
        read_events([{"time": dt.date(2024, 3, 1), "member": "A01", "event": "waste", "place": "IPAL"}])[0].kind
        == "limbah"
    )
    assert read_events([]) == ()


def test_every_bad_row_is_listed_with_field_expected_and_got() -> None:
    rows = [
        {"waktu": "2024-03-11 08:00", "anggota": "A01", "kejadian": "pakai", "mesin": "oven"},  # no duration
        {"waktu": "11/03/2024", "anggota": "", "kejadian": "bayar", "jumlah": "Rp50.000"},
        {"waktu": "2024-03-11 08:00", "anggota": "A01", "kejadian": "limbah"},  # no place
        {"waktu": "2024-03-11 08:00", "anggota": "A01", "kejadian": "pesan", "mesin": "oven", "durasi_menit": "0"},
        {
            "waktu": dt.datetime(2024, 3, 11, tzinfo=dt.timezone.utc),
            "anggota": "A01",
            "kejadian": "bersih",
            "mesin": "oven",
        },
        "not a row",
    ]
    with pytest.raises(CalculationError) as info:
        read_events(rows)
    message = str(info.value)
    assert "events: 8 problem(s)" in message
    for expected in (
        "row 1, 'durasi_menit' (duration): expected a value (a 'pakai' event needs durasi_menit), got (blank)",
        "row 2, 'waktu' (time): expected an ISO date-time 'YYYY-MM-DD HH:MM', got '11/03/2024'",
        "row 2, 'anggota' (member): expected a member id, got (blank)",
        "row 2, 'jumlah' (amount): expected whole rupiah greater than 0 (such as 50000, no 'Rp' or dots), "
        "got 'Rp50.000'",
        "row 3, 'tempat' (place): expected a value",
        "row 4, 'durasi_menit' (duration): expected minutes greater than 0",
        "row 5, 'waktu' (time): expected a date-time without time zone",
        "row 6: expected a dict",
    ):
        assert expected in message, expected


@pytest.mark.parametrize("events", ["log.csv", 42, {"waktu": "2024-03-11"}])
def test_log_of_the_wrong_type(events) -> None:
    with pytest.raises(CalculationError, match="events: expected"):
        read_events(events)


def test_sections_written_but_left_empty() -> None:
    rs = load(HEAD + "mesin:\noperator_terlatih:\naturan:\n")
    assert (rs.rules, rs.machines, dict(rs.trained)) == ((), (), {})
