"""Exercise generators on the use of the centre's assets (pemanfaatan) and on the size class of members.

Generators return ``(public, key)`` as described in :mod:`.exercises`, set in the
participant's own centre (its members: :func:`.centre_assets.members_of`).

>>> import numpy as np
>>> from ikm_curriculum.assessment import ParticipantContext
>>> item = lawful_form.instance(np.random.default_rng(1), ParticipantContext("p1", "tenun"))
>>> item.kind, item.key["correct"] in [o["id"] for o in item.public["options"]]
('single_choice', True)
"""

from __future__ import annotations

import dataclasses
import datetime

import numpy as np

from ikm_curriculum.assessment import ParticipantContext, bilingual, column, exercise
from ikm_curriculum.modules.assets.centre_assets import centre_goods, members_of
from ikm_curriculum.modules.assets.sample_data import COUNT_YEAR, Key, Public, date_text, rupiah
from ikm_curriculum.modules.assets.size_class import (
    BUSINESS_LABELS,
    BUSINESS_THRESHOLDS,
    INDUSTRY_LABELS,
    INDUSTRY_THRESHOLDS,
    classify_business,
    classify_industry,
)
from ikm_curriculum.modules.assets.use_agreements import (
    FORMS,
    PARTY_KINDS,
    UseAgreement,
    check_agreements,
    fee_due,
)
from ikm_curriculum.modules.facility.sample_data import inline

TODAY = datetime.date(COUNT_YEAR, 6, 30)  # the day the agreements are checked (teaching data)
BILLION = 1_000_000_000
MILLION = 1_000_000

# Scenarios of use, each with the one form that fits it (FORMS; PP 27/2014 as amended by PP 28/2020). Each text
# has a {room} and a {member} to fill in.
SCENARIOS = (
    ("sewa",
     "{member}, usaha swasta anggota sentra, ingin memakai {room} selama 2 tahun untuk usahanya sendiri dan siap "
     "membayar setiap bulan.",
     "{member}, a private member business of the centre, wants to use the {room} for 2 years for its own business "
     "and will pay every month."),
    ("pinjam_pakai",
     "Dinas Kesehatan kota ingin memakai {room} selama 6 bulan untuk pelatihan keamanan pangan, tanpa membayar.",
     "The city health office wants to use the {room} for 6 months for food-safety training, without paying."),
    ("bgs_bsg",
     "Seorang investor swasta ingin membangun gudang pendingin di tanah kosong sentra, mengelolanya 20 tahun, lalu "
     "menyerahkan bangunannya kepada pemerintah kota.",
     "A private investor wants to build a cold store on the centre's empty land, run it for 20 years, then hand "
     "the building over to the city government."),
    ("ksp",
     "Koperasi sentra ingin mengelola {room} bersama pemerintah kota selama 10 tahun; koperasi membayar kontribusi "
     "tetap dan berbagi keuntungan dengan kas daerah.",
     "The centre's cooperative wants to run the {room} together with the city for 10 years; it pays a fixed "
     "contribution and shares its profit with the regional treasury."),
)  # fmt: skip


@exercise("aset.lawful_form", kind="single_choice", points=2)
def lawful_form(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """The lawful form of use for a scenario: lease, loan for use, KSP or BGS/BSG (:data:`.use_agreements.FORMS`)."""
    form, text_id, text_en = SCENARIOS[int(rng.integers(len(SCENARIOS)))]
    member = members_of(ctx.commodity)[int(rng.integers(len(members_of(ctx.commodity))))]
    rooms = [g for g in centre_goods(ctx.commodity) if g.card == "C"]
    room = rooms[int(rng.integers(len(rooms)))].name
    room_id, room_en = inline(room.id.split(" (")[0]), inline(room.en.split(" (")[0])
    public: Public = {
        "title": bilingual("Bentuk pemanfaatan yang sah", "The lawful form of use"),
        "prompt": bilingual(
            text_id.format(member=member, room=room_id) + " Bentuk pemanfaatan apa yang sesuai aturan?",
            text_en.format(member=member, room=room_en) + " Which form of use fits the rules?",
        ),
        "options": [{"id": key, "label": form_.name.to_dict()} for key, form_ in FORMS.items()],
    }
    return public, {"correct": form}


def _agreement(rng: np.random.Generator, number: int, party: str, kind: str, form: str, problem: str) -> UseAgreement:
    """An agreement of the centre for a term of 2–3 years, lawful unless ``problem`` names the rule it breaks.

    Agreements end after :data:`TODAY`, except an ``expired`` one; the fee is paid in full up to today
    (:func:`.use_agreements.fee_due`), except for ``unpaid_fee``, which is one year's fee short.
    """
    years = int(rng.integers(2, 4))
    first_year = TODAY.year - years - (1 if problem == "expired" else -1)
    start = datetime.date(first_year, int(rng.integers(1, 13)), 1)
    end = datetime.date(start.year + years, start.month, 1) - datetime.timedelta(days=1)
    fee = int(rng.integers(12, 60)) * 100_000 if FORMS[form].paid else 0
    unpaid = UseAgreement(f"PJ-{number:02d}", f"C-{number:02d}", form, party, kind, start, end, fee)
    paid = fee_due(unpaid, TODAY) - (fee if problem == "unpaid_fee" else 0)
    return dataclasses.replace(unpaid, fee_paid=paid)


@exercise("aset.agreement_problems", kind="multi_choice", points=3)
def agreement_problems(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """Which use agreements break a rule: unlawful form, expired while in use, fee not paid in full.

    The key is what :func:`.use_agreements.check_agreements` finds on :data:`TODAY`.
    """
    members = [str(m) for m in rng.permutation(members_of(ctx.commodity))]
    problems = [str(p) for p in rng.permutation(["unlawful_form", "expired", "unpaid_fee", "none", "none"])]
    agreements = []
    for number, problem in enumerate(problems, start=1):
        if problem == "unlawful_form":
            agreements.append(_agreement(rng, number, members[number], "usaha_swasta", "pinjam_pakai", problem))
        elif number % 2 and problem == "none":
            agreements.append(_agreement(rng, number, "Dinas Koperasi dan UKM", "instansi_pemerintah",
                                         "pinjam_pakai", problem))  # fmt: skip
        else:
            agreements.append(_agreement(rng, number, members[number], "usaha_swasta", "sewa", problem))
    broken = sorted({finding.agreement_id for finding in check_agreements(agreements, TODAY)})
    rows = [
        [a.id, a.party_name, PARTY_KINDS[a.party_kind].to_dict(), FORMS[a.form].name.to_dict(),
         bilingual(f"{date_text(a.start)['id']} – {date_text(a.end)['id']}",
                   f"{date_text(a.start)['en']} – {date_text(a.end)['en']}"),
         rupiah(a.fee_per_period) if a.fee_per_period else bilingual("tanpa bayar", "free"),
         rupiah(a.fee_paid)]
        for a in agreements
    ]  # fmt: skip
    public: Public = {
        "title": bilingual("Memeriksa perjanjian pemanfaatan", "Checking the use agreements"),
        "prompt": bilingual(
            f"Ini perjanjian pemakaian ruang sentra. Hari ini {date_text(TODAY)['id']}, dan semua pihak masih "
            "memakai ruangnya. Biaya sewa dibayar setiap tahun di awal tahun perjanjian. Perjanjian mana yang "
            "bermasalah (bentuknya tidak sah, sudah berakhir, atau bayarannya kurang)? Pilih semua yang benar.",
            f"These are the agreements for the use of the centre's rooms. Today is {date_text(TODAY)['en']}, and "
            "every party still uses its room. Rent is paid every year at the start of each agreement year. Which "
            "agreements have a problem (unlawful form, already ended, or not fully paid)? Tick every right answer.",
        ),
        "data": {
            "columns": [
                column("id", "No.", "No."),
                column("party", "Pihak", "Party"),
                column("kind", "Jenis pihak", "Kind of party"),
                column("form", "Bentuk", "Form"),
                column("term", "Jangka waktu", "Term"),
                column("fee", "Bayaran per tahun", "Fee per year"),
                column("paid", "Sudah dibayar", "Paid so far"),
            ],
            "rows": rows,
        },  # fmt: skip
        "options": [
            {"id": a.id, "label": bilingual(f"{a.id} – {a.party_name}", f"{a.id} – {a.party_name}")} for a in agreements
        ],  # fmt: skip
    }
    return public, {"correct": broken}


def _members_table(names: list[str], columns: list[dict], values: list[list]) -> dict:
    return {"columns": [column("member", "Anggota", "Member"), *columns],
            "rows": [[name, *row] for name, row in zip(names, values, strict=True)]}  # fmt: skip


@exercise("aset.size_industry", kind="classify", points=2)
def size_industry(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """Size class by the industry rule (Permenperin 64/2016): workers and investment without land and buildings.

    :func:`.size_class.classify_industry`. One member near each boundary: ≤ 19 workers under and over Rp1 bn,
    ≥ 20 workers under Rp15 bn, and one large.
    """
    t = INDUSTRY_THRESHOLDS
    cases = [
        (int(rng.integers(3, t.small_max_workers + 1)), int(rng.integers(2, 9)) * 100 * MILLION),
        (int(rng.integers(8, t.small_max_workers + 1)), int(rng.integers(11, 30)) * 100 * MILLION),
        (int(rng.integers(t.small_max_workers + 1, 60)), int(rng.integers(2, 14)) * BILLION),
        (int(rng.integers(40, 150)), int(rng.integers(16, 30)) * BILLION),
    ]
    order = [int(i) for i in rng.permutation(len(cases))]
    names = [str(n) for n in rng.permutation(members_of(ctx.commodity))][: len(cases)]
    shown = [cases[i] for i in order]
    public: Public = {
        "title": bilingual("Ukuran industri anggota (aturan industri)", "Members' industry size (industry rule)"),
        "prompt": bilingual(
            "Golongkan setiap anggota menurut aturan industri (Permenperin 64/2016): jumlah tenaga kerja dan "
            "nilai investasi, tidak termasuk tanah dan bangunan tempat usaha.",
            "Classify each member by the industry rule (Permenperin 64/2016): number of workers and investment, "
            "not counting the land and buildings of the business.",
        ),
        "data": _members_table(
            names,
            [
                column("workers", "Tenaga kerja (orang)", "Workers"),
                column("investment", "Investasi tanpa tanah dan bangunan", "Investment without land and buildings"),
            ],
            [[w, rupiah(v)] for w, v in shown],
        ),  # fmt: skip
        "items": [{"id": f"m{k + 1}", "label": name} for k, name in enumerate(names)],
        "categories": [{"id": key, "label": label.to_dict()} for key, label in INDUSTRY_LABELS.items()],
    }
    values = {f"m{k + 1}": classify_industry(w, v) for k, (w, v) in enumerate(shown)}
    return public, {"values": values}


@exercise("aset.size_business", kind="classify", points=2)
def size_business(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """Size class by the business rule (PP 7/2021 art. 35): business capital without land and buildings.

    :func:`.size_class.classify_business` (by capital). One member in each class, drawn away from the limits.
    """
    limits = BUSINESS_THRESHOLDS.capital_max
    bands = [
        (100 * MILLION, limits[0] - 100 * MILLION),
        (limits[0] + 200 * MILLION, limits[1] - 200 * MILLION),
        (limits[1] + 300 * MILLION, limits[2] - 300 * MILLION),
        (limits[2] + 1 * BILLION, limits[2] * 3),
    ]
    capitals = [int(rng.integers(low // (100 * MILLION), high // (100 * MILLION) + 1)) * 100 * MILLION
                for low, high in bands]  # fmt: skip
    capitals = [capitals[int(i)] for i in rng.permutation(len(capitals))]
    names = [str(n) for n in rng.permutation(members_of(ctx.commodity))][: len(capitals)]
    public: Public = {
        "title": bilingual("Ukuran usaha anggota (aturan usaha)", "Members' business size (business rule)"),
        "prompt": bilingual(
            "Golongkan setiap anggota menurut aturan usaha (PP 7/2021) dari modal usahanya, tidak termasuk tanah "
            "dan bangunan tempat usaha.",
            "Classify each member by the business rule (PP 7/2021) from its business capital, not counting the "
            "land and buildings of the business.",
        ),
        "data": _members_table(
            names, [column("capital", "Modal usaha", "Business capital")], [[rupiah(c)] for c in capitals]
        ),  # fmt: skip
        "items": [{"id": f"m{k + 1}", "label": name} for k, name in enumerate(names)],
        "categories": [{"id": key, "label": label.to_dict()} for key, label in BUSINESS_LABELS.items()],
    }
    return public, {"values": {f"m{k + 1}": classify_business(capital=c) for k, c in enumerate(capitals)}}


EXERCISES_USE = [lawful_form, agreement_problems, size_industry, size_business]
"""The exercises of the topics use of assets and size of members, in workbook order."""
