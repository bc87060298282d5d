"""The asset cards KIB A–F and the condition codes B / RR / RB: one definition for the whole module.

Regional assets (*Barang Milik Daerah*, BMD) are recorded on asset cards
(*Kartu Inventaris Barang*, KIB), one card per class of fixed asset. The six
classes are those of PSAP 07 *Aset Tetap* (PP 71/2010, Lampiran I); the KIB
and KIR forms and the conditions Baik / Rusak Ringan / Rusak Berat are those
of Permendagri 19/2016 *Pedoman Pengelolaan Barang Milik Daerah* — firm.
Land (A) and construction in progress (F) are not depreciated (PSAP 07
par. 53; Permendagri 64/2013 Lampiran I) — firm.

The register, the useful-life table, depreciation and the forms of use all
read these tables from here.

>>> KIB_CARDS, NOT_DEPRECIATED_CARDS, DEPRECIABLE_CARDS
(('A', 'B', 'C', 'D', 'E', 'F'), ('A', 'F'), ('B', 'C', 'D', 'E'))
>>> CARDS["B"].en, CONDITIONS["RB"].id
('Equipment and machines', 'Rusak Berat')
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from ikm_curriculum.modules.quality.commodities import Text
from ikm_curriculum.modules.table_cells import bad_value

SOURCE = (
    "PSAP 07 'Akuntansi Aset Tetap' (PP 71/2010, Lampiran I): the six classes of fixed assets, and par. 53 "
    "'selain tanah dan konstruksi dalam pengerjaan, seluruh aset tetap disusutkan'. Permendagri 19/2016 "
    "'Pedoman Pengelolaan Barang Milik Daerah': KIB A-F, KIR, conditions Baik / Rusak Ringan / Rusak Berat. "
    "Checked 2024."
)
"""Where the cards, conditions and card rules come from (firm)."""

CARDS: Mapping[str, Text] = MappingProxyType(
    {
        "A": Text("Tanah", "Land"),
        "B": Text("Peralatan dan mesin", "Equipment and machines"),
        "C": Text("Gedung dan bangunan", "Buildings"),
        "D": Text("Jalan, irigasi dan jaringan", "Roads, irrigation and networks"),
        "E": Text("Aset tetap lainnya", "Other fixed assets"),
        "F": Text("Konstruksi dalam pengerjaan", "Construction in progress"),
    }
)
"""Kartu Inventaris Barang (asset card), categories A–F (PSAP 07; Permendagri 19/2016) — firm."""

KIB_CARDS: tuple[str, ...] = tuple(CARDS)
"""The card letters A–F, in order."""

CONDITIONS: Mapping[str, Text] = MappingProxyType(
    {"B": Text("Baik", "Good"), "RR": Text("Rusak Ringan", "Minor damage"), "RB": Text("Rusak Berat", "Major damage")}
)
"""Kondisi barang (condition): Baik, Rusak Ringan, Rusak Berat (Permendagri 19/2016) — firm."""

NOT_DEPRECIATED_CARDS: tuple[str, ...] = ("A", "F")
"""Cards without useful life: land (A) and construction in progress (F) are not depreciated
(PSAP 07 par. 53; Permendagri 64/2013 Lampiran I) — firm."""

DEPRECIABLE_CARDS: tuple[str, ...] = tuple(c for c in KIB_CARDS if c not in NOT_DEPRECIATED_CARDS)
"""Cards B–E: depreciated over a useful life."""

ROOM_REQUIRED_CARDS = frozenset({"B", "E"})
"""Cards whose items stand in a room and so appear on a KIR (Permendagri 19/2016, KIR form) — likely."""

WRITE_OFF_CONDITIONS = frozenset({"RB"})
"""Conditions that usually start a write-off (*penghapusan*): Rusak Berat (Permendagri 19/2016) — likely."""

_CARD_LIST = "A, B, C, D, E, F (KIB A–F, also 'KIB B' or 'b')"
_CONDITION_LIST = "B, RR, RB or Baik, Rusak Ringan, Rusak Berat"


def parse_card(value: object, what: str = "card") -> str:
    """Asset card letter A–F from ``"B"``, ``"b"`` or ``"KIB B"``.

    >>> parse_card("KIB b"), parse_card(" c ")
    ('B', 'C')
    """
    text = re.sub(r"^KIB\s*", "", str(value).strip().upper()) if isinstance(value, str) else ""
    if text not in CARDS:
        raise bad_value(what, f"one of {_CARD_LIST}", value)
    return text


def parse_condition(value: object, what: str = "condition") -> str:
    """Condition code B / RR / RB from the code or the name spelled out (any case).

    >>> parse_condition("rusak  berat"), parse_condition("rr"), parse_condition("Baik")
    ('RB', 'RR', 'B')
    """
    if isinstance(value, str):
        text = " ".join(value.split()).casefold()
        for code, label in CONDITIONS.items():
            if text in (code.casefold(), label.id.casefold()):
                return code
    raise bad_value(what, f"one of {_CONDITION_LIST}", value)
