"""Forms of use (bentuk pemanfaatan) of regional assets as DATA: who may use, paying or not, which cards, how long.

The tables :func:`~ikm_curriculum.modules.assets.use_agreements.check_agreement`
reads (PP 27/2014 as amended by PP 28/2020; Permendagri 19/2016). Forms,
parties and payment are firm; the maximum terms are "check"
(:data:`TERM_CONFIDENCE`): the region's own Perda/Perkada on BMD applies. A
caller may pass a different ``forms`` table to every function of
:mod:`~ikm_curriculum.modules.assets.use_agreements`.

>>> FORMS["pinjam_pakai"].paid, FORMS["sewa"].max_years, FORMS["bgs_bsg"].cards
(False, 5, ('A',))
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from types import MappingProxyType
from typing import Any

from ikm_curriculum.modules.quality.commodities import Text

SOURCE = (
    "PP 27/2014 tentang Pengelolaan Barang Milik Negara/Daerah as amended by PP 28/2020 (Pasal 1: sewa; pinjam "
    "pakai between Pemerintah Pusat and Pemerintah Daerah or between regions, without payment; KSP; BGS/BSG on "
    "land; Pasal 29(2)-(3): sewa at most 5 years, extendable, longer for infrastructure); Permendagri 19/2016 "
    "tentang Pedoman Pengelolaan Barang Milik Daerah, Bab VII Pemanfaatan. Forms, parties and payment: firm. "
    "Maximum terms: check (the region's own Perda/Perkada on BMD applies)."
)
"""Where the table of forms comes from."""

DATED = "2026-11-27"
"""When :data:`FORMS` was last reviewed (ISO date)."""

TERM_CONFIDENCE = "check"
"""How sure we are of the maximum terms in :data:`FORMS`."""

PARTY_KINDS: Mapping[str, Text] = MappingProxyType({
    "instansi_pemerintah": Text("Instansi pemerintah (pusat atau daerah)", "Government body (central or regional)"),
    "usaha_swasta": Text("Usaha swasta (misalnya usaha anggota sentra)", "Private business (e.g. a member business)"),
    "koperasi": Text("Koperasi", "Cooperative"),
    "perorangan": Text("Perorangan", "Individual"),
    "bumd": Text("Badan usaha milik daerah (BUMD)", "Regional enterprise (BUMD)"),
})  # fmt: skip
"""Kinds of the other party. A BUMD is a company, not a government body."""

GOVERNMENT_PARTY_KINDS: tuple[str, ...] = ("instansi_pemerintah",)
"""Party kinds that count as "government" for a form restricted to government bodies."""


@dataclass(frozen=True)
class UseForm:
    """A form of use: key, name, who may be the other party ("government"/"any"), paid, cards, max term (years)."""

    key: str
    name: Text
    party: str
    paid: bool
    cards: tuple[str, ...]
    max_years: int | None

    def allows(self, party_kind: str) -> bool:
        """Whether ``party_kind`` may be the other party.

        >>> FORMS["pinjam_pakai"].allows("usaha_swasta"), FORMS["sewa"].allows("usaha_swasta")
        (False, True)
        """
        return self.party == "any" or party_kind in GOVERNMENT_PARTY_KINDS

    def to_dict(self) -> dict[str, Any]:
        """Plain values.

        >>> FORMS["bgs_bsg"].to_dict()["cards"]
        ['A']
        """
        return {**asdict(self), "name": self.name.to_dict(), "cards": list(self.cards)}


_A_TO_E = ("A", "B", "C", "D", "E")
FORMS: Mapping[str, UseForm] = MappingProxyType({
    "sewa": UseForm("sewa", Text("Sewa", "Lease"), "any", True, _A_TO_E, 5),
    "pinjam_pakai": UseForm("pinjam_pakai", Text("Pinjam pakai", "Loan for use between government bodies"),
                            "government", False, _A_TO_E, 5),
    "ksp": UseForm("ksp", Text("Kerja sama pemanfaatan (KSP)", "Utilisation partnership (KSP)"), "any", True,
                   _A_TO_E, 30),
    "bgs_bsg": UseForm("bgs_bsg", Text("Bangun guna serah / bangun serah guna (BGS/BSG)",
                                       "Build-operate-transfer / build-transfer-operate (BGS/BSG)"),
                       "any", True, ("A",), 30),
})  # fmt: skip
"""Forms of use as data (:data:`SOURCE`); ``max_years``: :data:`TERM_CONFIDENCE`."""

FINDING_SEVERITY: Mapping[str, str] = MappingProxyType({
    "unlawful_form": "high", "wrong_card": "high", "paid_form_without_fee": "high", "fee_on_unpaid_form": "high",
    "expired": "high", "unpaid_fee": "medium", "term_too_long": "medium",
})  # fmt: skip
"""Severity ("high"/"medium") of each finding code."""

MESSAGE_PREFIX = Text("{id} ({party}, {form}, aset {asset}): ", "{id} ({party}, {form}, asset {asset}): ")
"""Start of every finding message: the agreement, its party, form and asset."""

MESSAGES: Mapping[str, Text] = MappingProxyType({
    "unlawful_form": Text(
        "bentuk ini hanya boleh antar instansi pemerintah, bukan dengan {kind}. Bentuk yang bisa dipakai: {options}.",
        "this form is only allowed between government bodies, not with this party ({kind}). Lawful forms: {options}."),
    "wrong_card": Text("bentuk ini hanya untuk barang di KIB {cards}, barang ini di KIB {card}.",
                       "this form only applies to asset cards {cards}; this asset is on card {card}."),
    "term_too_long": Text(
        "berlaku {start} s.d. {end}, lebih dari {max_years} tahun. Cek aturan daerah; perpanjangan = perjanjian baru.",
        "runs {start} to {end}, more than {max_years} years. Check the regional rule; an extension = a new agreement."),
    "paid_form_without_fee": Text(
        "tanpa bayaran. Barang daerah tidak boleh dipakai gratis dengan bentuk ini; tetapkan tarif atau kontribusi.",
        "no fee. Regional assets may not be used for free under this form; set a rent or contribution."),
    "fee_on_unpaid_form": Text(
        "pinjam pakai tidak boleh dipungut bayaran ({fee} per periode). Kalau memang dibayar, bentuknya sewa.",
        "a loan for use must be free of charge ({fee} per period). If it is paid, it is a lease."),
    "expired": Text(
        "perjanjian berakhir {end}, tetapi barang masih dipakai. Buat perjanjian baru atau minta barang dikembalikan.",
        "the agreement ended on {end} but the asset is still in use. Make a new agreement or ask for it back."),
    "unpaid_fee": Text("tunggakan {outstanding} per {day} (terutang {due}, dibayar {paid}).",
                       "{outstanding} outstanding on {day} (due {due}, paid {paid})."),
})  # fmt: skip
"""Message templates of the findings (after :data:`MESSAGE_PREFIX`), filled by ``check_agreement``."""

FORM_ALIASES: Mapping[str, str] = MappingProxyType(
    {"bgs": "bgs_bsg", "bsg": "bgs_bsg", "bgs/bsg": "bgs_bsg", "bgs_/_bsg": "bgs_bsg"}
)
"""Other spellings of a form key (after lower case, spaces and hyphens → ``_``)."""
