"""Product profiles of Kendari's sentra IKM, used to give each participant data from their own trade.

Each profile names one measured quality characteristic (for an x̄-R chart:
target and a typical process standard deviation) and 5–7 defect categories
with typical relative frequencies (for a Pareto exercise). The numbers are
realistic teaching values, not survey results: they make exercises feel like
the participant's own centre and are not a standard of any product.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping


@dataclass(frozen=True)
class Text:
    """A participant-facing text in Bahasa Indonesia (``id``) and English (``en``)."""

    id: str
    en: str

    def to_dict(self) -> dict[str, str]:
        """``{"id": ..., "en": ...}``, the form used in public parts of exercises.

        >>> Text("Rapi", "Set in order").to_dict()
        {'id': 'Rapi', 'en': 'Set in order'}
        """
        return {"id": self.id, "en": self.en}


@dataclass(frozen=True)
class Characteristic:
    """A measured quality characteristic: what is measured, its unit, target and typical sigma."""

    name: Text
    unit: str
    target: float
    sigma: float


@dataclass(frozen=True)
class DefectCategory:
    """A kind of defect (jenis cacat) and its typical relative frequency (a weight, not a percent)."""

    key: str
    name: Text
    weight: float


@dataclass(frozen=True)
class CommodityProfile:
    """What a sentra of one commodity makes, measures and typically finds wrong."""

    key: str
    product: Text
    keywords: tuple[str, ...]
    characteristic: Characteristic
    defects: tuple[DefectCategory, ...]


def _measure(name_id: str, name_en: str, unit: str, target: float, sigma: float) -> Characteristic:
    return Characteristic(Text(name_id, name_en), unit, target, sigma)


def _defects(*rows: tuple[str, str, str, float]) -> tuple[DefectCategory, ...]:
    return tuple(DefectCategory(key, Text(name_id, name_en), weight) for key, name_id, name_en, weight in rows)


GENERIC_KEY = "umum"

_PROFILES = (
    CommodityProfile(
        key="abon ikan",
        product=Text("Abon ikan", "Fish floss"),
        keywords=("abon",),
        characteristic=_measure("Berat bersih kemasan abon 100 g", "Net weight of a 100 g floss pack", "g", 100.0, 1.5),
        defects=_defects(
            ("oily", "Terlalu berminyak", "Too oily", 40),
            ("burnt", "Gosong / warna terlalu gelap", "Burnt / too dark", 27),
            ("underweight", "Berat kurang", "Underweight", 14),
            ("seal", "Kemasan bocor / segel tidak rapat", "Leaking pack / poor seal", 7),
            ("bones", "Ada duri atau tulang", "Bones left in", 5),
            ("label", "Label tidak lengkap", "Incomplete label", 4),
            ("lumpy", "Menggumpal / tekstur kasar", "Lumpy / coarse texture", 3),
        ),
    ),
    CommodityProfile(
        key="tenun",
        product=Text("Kain tenun", "Woven cloth"),
        keywords=("tenun", "sarung", "woven", "weaving"),
        characteristic=_measure("Lebar kain tenun", "Width of the woven cloth", "cm", 70.0, 0.5),
        defects=_defects(
            ("threads", "Benang putus atau loncat", "Broken or skipped threads", 38),
            ("motif", "Motif tidak simetris", "Motif out of line", 29),
            ("dye", "Warna belang atau luntur", "Uneven or bleeding colour", 14),
            ("width", "Lebar tidak rata", "Uneven width", 9),
            ("selvedge", "Pinggir kain tidak rapi", "Untidy selvedge", 6),
            ("stain", "Noda atau kotor", "Stains or dirt", 4),
        ),
    ),
    CommodityProfile(
        key="jambu mete",
        product=Text("Kacang mete", "Cashew nuts"),
        keywords=("mete", "mente", "cashew"),
        characteristic=_measure(
            "Berat bersih kemasan mete 250 g", "Net weight of a 250 g cashew pack", "g", 250.0, 2.5
        ),
        defects=_defects(
            ("broken", "Biji pecah", "Broken kernels", 42),
            ("scorched", "Gosong", "Over-roasted", 25),
            ("testa", "Kulit ari masih menempel", "Skin (testa) left on", 13),
            ("underweight", "Berat kurang", "Underweight", 9),
            ("soft", "Melempem (kemasan tidak kedap)", "Gone soft (pack not airtight)", 7),
            ("foreign", "Ada benda asing", "Foreign matter", 4),
        ),
    ),
    CommodityProfile(
        key="perak",
        product=Text("Kerajinan perak filigri (Kendari Werk)", "Filigree silver (Kendari Werk)"),
        keywords=("perak", "silver", "filigri", "filigree", "kendari werk"),
        characteristic=_measure("Berat bros perak", "Weight of a silver brooch", "g", 12.0, 0.3),
        defects=_defects(
            ("solder", "Sambungan solder terlihat atau lepas", "Visible or loose solder joint", 39),
            ("pattern", "Pola filigri tidak rapi", "Irregular filigree pattern", 28),
            ("tarnish", "Permukaan kusam atau menghitam", "Dull or tarnished surface", 14),
            ("scratch", "Goresan", "Scratches", 9),
            ("pin", "Peniti atau kait bengkok", "Bent pin or clasp", 6),
            ("size", "Ukuran tidak sesuai pesanan", "Size not as ordered", 4),
        ),
    ),
    CommodityProfile(
        key="meubel",
        product=Text("Meubel kayu", "Wooden furniture"),
        keywords=("meubel", "mebel", "furnitur", "furniture"),
        characteristic=_measure("Panjang kaki kursi", "Chair-leg length", "mm", 450.0, 1.2),
        defects=_defects(
            ("finish", "Finishing kasar atau cat menetes", "Rough finish or paint runs", 40),
            ("joint", "Sambungan longgar", "Loose joints", 26),
            ("dimension", "Ukuran tidak presisi", "Dimensions off", 15),
            ("crack", "Kayu retak atau pecah", "Cracked or split wood", 9),
            ("knot", "Mata kayu atau lubang", "Knots or holes", 6),
            ("transport", "Lecet saat pengiriman", "Scuffed in transport", 4),
        ),
    ),
    CommodityProfile(
        key=GENERIC_KEY,
        product=Text("Produk IKM", "Small-industry product"),
        keywords=(),
        characteristic=_measure("Berat bersih kemasan 500 g", "Net weight of a 500 g pack", "g", 500.0, 4.0),
        defects=_defects(
            ("pack", "Kemasan rusak", "Damaged pack", 38),
            ("size", "Ukuran atau berat tidak sesuai", "Wrong size or weight", 27),
            ("dirt", "Kotor atau bernoda", "Dirty or stained", 15),
            ("colour", "Warna tidak seragam", "Uneven colour", 10),
            ("surface", "Cacat permukaan", "Surface defect", 6),
            ("label", "Label salah atau tidak lengkap", "Wrong or incomplete label", 4),
        ),
    ),
)

PROFILES: Mapping[str, CommodityProfile] = MappingProxyType({p.key: p for p in _PROFILES})


def normalise_commodity(commodity: str) -> str:
    """Lower case, punctuation to spaces, single spaces: the form keywords are matched against.

    Parameters
    ----------
    commodity : str
        A commodity as written in a roster.

    Returns
    -------
    str

    Examples
    --------
    >>> normalise_commodity("  Abon-Ikan   TUNA ")
    'abon ikan tuna'
    """
    return " ".join(re.sub(r"[^\w]+", " ", commodity.lower()).split())


def profile_for(commodity: str) -> CommodityProfile:
    """The product profile whose keyword occurs as a whole word (or phrase) in ``commodity``.

    Matching is case-insensitive on the normalised text (see
    :func:`normalise_commodity`), so "Abon Ikan Tuna" finds *abon ikan* and
    "kain tenun" finds *tenun*; whole words only, so "perakitan" (assembly) is
    not *perak*. A commodity no profile recognises gets the generic profile
    (key ``"umum"``).

    Parameters
    ----------
    commodity : str
        The commodity as written in the roster.

    Returns
    -------
    CommodityProfile

    Examples
    --------
    >>> profile_for("Abon Ikan Tuna").key, profile_for("kain tenun").key
    ('abon ikan', 'tenun')
    >>> profile_for("Kacang Mete").key, profile_for("sinonggi").key
    ('jambu mete', 'umum')
    """
    text = f" {normalise_commodity(str(commodity))} "
    for profile in _PROFILES:
        if any(f" {keyword} " in text for keyword in profile.keywords):
            return profile
    return PROFILES[GENERIC_KEY]
