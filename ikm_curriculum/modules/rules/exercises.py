"""Exercises of the module Tata tertib sentra (house rules): violations, sanctions, a rule set to repair, own rules.

Each generator sets its exercise in the participant's own centre: the UPT
machines of its commodity (:mod:`ikm_curriculum.modules.facility.centres`)
under a small rule set written in the YAML format of :mod:`.ruleset`
(:func:`centre_rules`). Keys come from the checker (:func:`.checker.check_violations`)
and the lint (:func:`.lint.lint`), never typed by hand.

>>> import numpy as np
>>> from ikm_curriculum.assessment import ParticipantContext
>>> [spec.exercise_id for spec in EXERCISES]
['tertib.find_violations', 'tertib.sanction', 'tertib.repair_rules', 'tertib.own_rules']
>>> item = EXERCISES[0].instance(np.random.default_rng(3), ParticipantContext("p1", "meubel"))
>>> item.kind, 2 <= len(item.key["correct"]) <= 4
('multi_choice', True)
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np

from ikm_curriculum.assessment import ExerciseSpec, ParticipantContext, bilingual, column, exercise
from ikm_curriculum.modules.facility.centres import centre_for
from ikm_curriculum.modules.rules.api import template_text
from ikm_curriculum.modules.rules.checker import check_violations
from ikm_curriculum.modules.rules.lint import lint
from ikm_curriculum.modules.rules.ruleset import RuleSet, load
from ikm_curriculum.modules.rules.sanctions import step_label

Public = dict[str, Any]
Key = dict[str, Any]
MONDAY = dt.date(2026, 3, 2)  # the week of the event log (teaching data)
MEMBERS = ("A01", "A02", "A03", "A04", "A05", "A06")
GEAR = ("sarung tangan", "penutup kepala")
PLACES = ("IPAL", "bak limbah padat")
LADDER = ("teguran_lisan", "teguran_tertulis", "skorsing_7_hari", "pemberhentian")


def centre_rules(ctx: ParticipantContext, window_days: int = 90) -> str:
    """A rule set (YAML) for the participant's centre: opening hours, trained operators, gear, waste places.

    The first two UPT machines need a trained operator (A01 and A02 are trained);
    every machine needs gloves and a head cover.

    >>> rs = load(centre_rules(ParticipantContext("p", "tenun")))
    >>> [r.id for r in rs.rules], rs.trained["dye"]
    (['JB-01', 'OP-01', 'AP-01', 'LB-01'], ('A01', 'A02'))
    """
    centre = centre_for(ctx.commodity)
    machines = "\n".join(
        f"  - {{id: {m.key}, nama: {m.name.id}, perlu_operator_terlatih: {'ya' if k < 2 else 'tidak'}, "
        f"alat_pelindung: [{', '.join(GEAR)}]}}"
        for k, m in enumerate(centre.machines)
    )
    trained = "\n".join(f"  {m.key}: [A01, A02]" for m in centre.machines[:2])
    places = ", ".join(PLACES)
    return f"""sentra: Sentra contoh ({centre.key})
anggota: [{", ".join(MEMBERS)}]
mesin:
{machines}
operator_terlatih:
{trained}
jam_buka: {{hari: [senin, selasa, rabu, kamis, jumat], mulai: "07:30", selesai: "16:00"}}
sanksi: {{tangga: [{", ".join(LADDER)}], jendela_hari: {window_days}, hitung: sama_aturan}}
aturan:
  - {{id: JB-01, nama: Pakai mesin hanya pada jam buka, jenis: jam_buka, kejadian: [pakai]}}
  - {{id: OP-01, nama: Mesin tertentu hanya dijalankan operator terlatih, jenis: operator_terlatih}}
  - {{id: AP-01, nama: Wajib memakai alat pelindung, jenis: alat_pelindung}}
  - {{id: LB-01, nama: Buang limbah hanya di tempat yang disediakan, jenis: limbah, tempat_boleh: [{places}]}}
"""


def _rules_data(rs: RuleSet) -> dict[str, Any]:
    rows = [[r.id, r.name] for r in rs.rules]
    return {"caption": bilingual("Tata tertib", "House rules"),
            "columns": [column("id", "Kode", "Code"), column("rule", "Aturan", "Rule")], "rows": rows}  # fmt: skip


def _machines_text(rs: RuleSet) -> dict[str, str]:
    trained = "; ".join(f"{rs.machine(m).name}: {', '.join(who)}" for m, who in rs.trained.items())  # type: ignore[union-attr]
    return bilingual(
        f"Operator terlatih — {trained}. Alat pelindung semua mesin: {', '.join(GEAR)}. Limbah dibuang ke: "
        f"{', '.join(PLACES)}. UPT buka Senin–Jumat pukul 07.30–16.00.",
        f"Trained operators — {trained}. Protective gear for every machine: {', '.join(GEAR)}. Waste goes to: "
        f"{', '.join(PLACES)}. The UPT is open Monday–Friday 07:30–16:00.",
    )


def week_of_events(rng: np.random.Generator, rs: RuleSet) -> tuple[list[dict[str, Any]], list[str]]:
    """About twelve events of one week, with one violation of two to four of the rules planted."""
    planted = [str(r) for r in rng.choice(["JB-01", "OP-01", "AP-01", "LB-01"], int(rng.integers(2, 5)), replace=False)]
    machines = [m.id for m in rs.machines]
    rows: list[dict[str, Any]] = []
    for k in range(12):
        day = MONDAY + dt.timedelta(days=int(rng.integers(0, 5)))
        member = str(rng.choice(["A01", "A02"]))
        row = {"waktu": f"{day} {int(rng.integers(8, 14)):02d}:{int(rng.choice([0, 15, 30])):02d}", "anggota": member,
               "kejadian": "pakai", "mesin": str(rng.choice(machines)), "durasi_menit": int(rng.choice([60, 90, 120])),
               "alat_pelindung": ";".join(GEAR)}  # fmt: skip
        if k % 4 == 3:
            row = {"waktu": row["waktu"], "anggota": member, "kejadian": "limbah", "tempat": str(rng.choice(PLACES))}
        rows.append(row)
    for rule in planted:
        k = int(rng.integers(len(rows)))
        while rows[k].get("planted"):
            k = int(rng.integers(len(rows)))
        row = rows[k]
        if rule == "LB-01":
            row.update(kejadian="limbah", tempat="selokan depan", planted=rule)
            for name in ("mesin", "durasi_menit", "alat_pelindung"):
                row.pop(name, None)
        else:
            row.setdefault("mesin", machines[2])
            row.setdefault("durasi_menit", 60)
            row.setdefault("alat_pelindung", ";".join(GEAR))
            row.update(kejadian="pakai", planted=rule)
            if rule == "JB-01":
                row["waktu"] = f"{row['waktu'][:10]} {int(rng.choice([17, 18, 19]))}:00"
            elif rule == "OP-01":
                row.update(mesin=machines[int(rng.integers(2))], anggota=str(rng.choice(["A03", "A04", "A05"])))
            else:
                row["alat_pelindung"] = GEAR[0]
    rows.sort(key=lambda r: r["waktu"])
    for row in rows:
        row.pop("planted", None)
    return rows, planted


@exercise("tertib.find_violations", kind="multi_choice", points=3)
def find_violations(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """Find the events of a week that break a house rule (:func:`.checker.check_violations`)."""
    rs = load(centre_rules(ctx))
    names = {m.id: m.name for m in rs.machines}
    rows, _ = week_of_events(rng, rs)
    violations = check_violations(rs, rows)
    wrong = sorted({str(row) for v in violations for row in v.rows}, key=int)
    use, waste = bilingual("memakai mesin", "machine use"), bilingual("membuang limbah", "waste")
    table = [
        [str(k), row["waktu"].replace(" ", " pukul ").replace(":", "."), row["anggota"],
         use if row["kejadian"] == "pakai" else waste, names.get(row.get("mesin", ""), row.get("tempat", "")),
         row.get("alat_pelindung", "").replace(";", ", ") or "—"]
        for k, row in enumerate(rows, start=1)
    ]  # fmt: skip
    public: Public = {
        "title": bilingual("Mencari pelanggaran di buku kegiatan", "Finding the violations in the event log"),
        "prompt": bilingual(
            "Ini catatan kegiatan UPT selama satu minggu. Baris mana yang melanggar tata tertib? Pilih semua yang "
            "benar. " + _machines_text(rs)["id"],
            "This is the UPT's event log for one week. Which rows break a house rule? Tick every right answer. "
            + _machines_text(rs)["en"],
        ),
        "data": [
            _rules_data(rs),
            {
                "caption": bilingual("Catatan kegiatan", "Event log"),
                "columns": [
                    column("row", "Baris", "Row"),
                    column("time", "Waktu", "Time"),
                    column("member", "Anggota", "Member"),
                    column("event", "Kegiatan", "Event"),
                    column("where", "Mesin / tempat", "Machine / place"),
                    column("gear", "Alat pelindung dipakai", "Gear worn"),
                ],
                "rows": table,
            },
        ],  # fmt: skip
        "options": [{"id": str(k), "label": bilingual(f"Baris {k}", f"Row {k}")} for k in range(1, len(rows) + 1)],
    }
    return public, {"correct": wrong, "rules_broken": sorted({v.rule for v in violations})}


@exercise("tertib.sanction", kind="single_choice", points=2)
def sanction(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """The sanction due on a repeat offence: the k-th violation of the same rule within the window (:mod:`.sanctions`).

    Earlier violations older than the look-back window no longer count.
    """
    window = int(rng.choice([60, 90]))
    rs = load(centre_rules(ctx, window))
    gaps = [int(rng.integers(8, window // 3)) for _ in range(int(rng.integers(1, 4)))]  # newest gap first
    if rng.random() < 0.5:
        gaps.append(window + int(rng.integers(5, 40)))  # the oldest one lies outside the window
    days = [MONDAY + dt.timedelta(days=30)]
    for gap in gaps:
        days.insert(0, days[0] - dt.timedelta(days=gap))
    rows = [{"waktu": f"{day} 10:00", "anggota": "A04", "kejadian": "limbah", "tempat": "selokan depan"}
            for day in days]  # fmt: skip
    last = check_violations(rs, rows)[-1]
    listed = [bilingual(f"{day.day}/{day.month}/{day.year}", f"{day.isoformat()}") for day in days]
    public: Public = {
        "title": bilingual("Sanksi untuk pelanggaran berulang", "The sanction for a repeat offence"),
        "prompt": bilingual(
            f"Anggota A04 membuang limbah ke selokan (aturan LB-01) pada tanggal-tanggal di tabel. Tata tertib: "
            f"sanksi bertahap teguran lisan → teguran tertulis → skorsing 7 hari → pemberhentian; hanya pelanggaran "
            f"aturan yang sama dalam {window} hari terakhir yang dihitung. Sanksi apa yang diberikan untuk "
            "pelanggaran terakhir?",
            f"Member A04 dumped waste into the drain (rule LB-01) on the dates in the table. House rules: escalating "
            "sanctions verbal warning → written warning → 7-day suspension → end of membership; only violations of "
            f"the same rule in the last {window} days count. Which sanction is due for the last violation?",
        ),
        "data": {
            "columns": [column("no", "Ke-", "No."), column("date", "Tanggal", "Date")],
            "rows": [[k, d] for k, d in enumerate(listed, start=1)],
        },  # fmt: skip
        "options": [{"id": step, "label": step_label(step).to_dict()} for step in LADDER],
    }
    return public, {"correct": last.sanction, "count": last.count}


# A rule set with faults the lint finds (:func:`.lint.lint`): each fault → (rule id, why it is wrong).
FAULTS = {
    "limit": "  - {id: PS-01, nama: Pesan paling lama 60 jam per minggu, jenis: batas_pemesanan, jam_per_minggu: 60}",
    "machine": "  - {id: KB-01, nama: Bersihkan mesin jahit dalam 30 menit, jenis: kebersihan, menit: 30, "
    "mesin: jahit}",
    "free": "  - {id: LB-01, nama: Buang limbah di IPAL, jenis: limbah, tempat_boleh: [IPAL], sanksi: tidak_ada}",
}
SOUND = (
    "  - {id: JB-01, nama: Pakai mesin hanya pada jam buka, jenis: jam_buka}",
    "  - {id: AP-01, nama: Wajib memakai alat pelindung, jenis: alat_pelindung}",
    "  - {id: OP-01, nama: Operator terlatih, jenis: operator_terlatih}",
)


def _settings(params: dict[str, Any]) -> str:
    """A rule's settings as the YAML file shows them: ``jam_per_minggu: 60, kejadian: pesan, pakai``.

    >>> _settings({"jam_per_minggu": 60.0, "kejadian": ("pesan", "pakai"), "mesin": ()})
    'jam_per_minggu: 60, kejadian: pesan, pakai'
    """

    def shown(value: Any) -> str:
        if isinstance(value, (tuple, list)):
            return ", ".join(shown(v) for v in value)
        return f"{value:g}" if isinstance(value, float) else str(value)

    return ", ".join(f"{k}: {shown(v)}" for k, v in params.items() if v not in (None, ())) or "—"


@exercise("tertib.repair_rules", kind="multi_choice", points=2)
def repair_rules(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """Which rules of a draft need repair: a limit above the opening hours, an unknown machine, no sanction (lint)."""
    faults = [str(f) for f in rng.choice(sorted(FAULTS), int(rng.integers(1, 3)), replace=False)]
    lines = [*SOUND, *(FAULTS[f] for f in faults)]
    lines = [lines[int(i)] for i in rng.permutation(len(lines))]
    base = centre_rules(ctx).split("aturan:\n")[0]
    text = base + "aturan:\n" + "\n".join(lines) + "\n"
    issues = [i for i in lint(text) if i.rule]
    flagged = sorted({i.rule for i in issues})
    rs = load(text)
    rows = [[r.id, r.name, r.kind, _settings(r.params),
             "tidak ada" if r.sanction == () else "ikut tangga umum" if r.sanction is None else "sendiri"]
            for r in rs.rules]  # fmt: skip
    public: Public = {
        "title": bilingual("Memperbaiki rancangan tata tertib", "Repairing a draft of the house rules"),
        "prompt": bilingual(
            "Pengurus menulis rancangan aturan ini. UPT buka Senin–Jumat 07.30–16.00 (42,5 jam seminggu); mesin "
            "UPT ada di daftar tata tertib. Aturan mana yang perlu diperbaiki (tidak masuk akal, tidak bisa "
            "berlaku, atau tanpa sanksi)? Pilih semua yang benar.",
            "The committee wrote this draft. The UPT is open Monday–Friday 07:30–16:00 (42.5 hours a week); the "
            "UPT's machines are listed in the rules. Which rules need repair (make no sense, can never apply, or "
            "have no sanction)? Tick every right answer.",
        ),
        "data": {
            "columns": [
                column("id", "Kode", "Code"),
                column("name", "Aturan", "Rule"),
                column("kind", "Jenis", "Kind"),
                column("params", "Isian", "Settings"),
                column("sanction", "Sanksi", "Sanction"),
            ],
            "rows": rows,
        },  # fmt: skip
        "options": [{"id": r.id, "label": bilingual(f"{r.id} – {r.name}", f"{r.id} – {r.name}")} for r in rs.rules],
    }
    return public, {"correct": flagged, "faults": faults}


@exercise("tertib.own_rules", kind="short_text", points=4)
def own_rules(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """Adapt the template rule set to one's own centre, with live lint in the text box; scored by hand."""
    public: Public = {
        "title": bilingual("Tata tertib sentra Anda", "Your centre's house rules"),
        "prompt": bilingual(
            "Di kotak ini ada contoh tata tertib sebuah sentra. Ubahlah untuk sentra Anda: nama sentra, mesin UPT, "
            "siapa operator terlatih, jam buka, iuran dan sanksi. Di bawah kotak tampak langsung bagian yang perlu "
            "diperbaiki. Anda tidak perlu menulis program.",
            "The box holds an example of a centre's house rules. Change it for your centre: its name, the UPT's "
            "machines, who is a trained operator, opening hours, fees and sanctions. Below the box you see at once "
            "what needs fixing. You do not need to write a program.",
        ),
        "lint": "rules",
        "initial": template_text(),
        "rows": 24,
        "max_chars": 12000,
    }
    rubric = bilingual(
        "4 poin. 1: nama sentra, mesin dan operator terlatih sesuai sentra peserta. 1: jam buka dan batas pesanan "
        "masuk akal. 1: iuran dan denda jelas (dan disebut mengikuti Perda/keputusan rapat). 1: tidak ada masalah "
        "di pemeriksaan otomatis, dan sanksi bertahap untuk setiap aturan.",
        "4 points. 1: centre name, machines and trained operators fit the participant's centre. 1: opening hours "
        "and booking limits make sense. 1: fees and late fees are clear (and said to follow the regional "
        "regulation or the members' meeting). 1: no problems left in the automatic check, and escalating "
        "sanctions for every rule.",
    )
    return public, {"rubric": rubric}


EXERCISES: list[ExerciseSpec] = [find_violations, sanction, repair_rules, own_rules]
"""Every exercise of the house-rules module, in workbook order."""
