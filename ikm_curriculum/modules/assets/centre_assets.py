"""The goods of each fictional centre (teaching data): what its asset register holds.

Every centre of :mod:`ikm_curriculum.modules.facility.centres` (fish floss,
weaving, cashew, silver, furniture, generic) owns, besides the UPT machines
listed there, the goods a centre built with DAK funds usually has: its land, the
UPT building, a packing house, a paved yard and drainage, a wastewater plant
(IPAL), office furniture and a computer, a scale, a three-wheeled motorbike for
goods, training books, and a store still being built.

Each :class:`AssetTemplate` gives the card (KIB A–F), the useful-life category
(:mod:`.useful_lives`; ``None`` for land and construction in progress, which
are not depreciated), a range of plausible costs in rupiah and the room where
it stands (the room card, KIR). Prices are rough market values of 2023–2026
for teaching, not survey results or price standards; exercises draw a cost from
the range. All names of centres and members are fictional.

>>> goods = centre_goods("abon ikan")
>>> [g.card for g in goods][:4], sum(g.card == "B" for g in goods) >= 8
(['A', 'C', 'C', 'D'], True)
>>> next(g for g in goods if g.key == "fryer").life_category
'mesin_bertenaga'
"""

from __future__ import annotations

from dataclasses import dataclass

from ikm_curriculum.modules.facility.centres import centre_for
from ikm_curriculum.modules.quality.commodities import Text

MILLION = 1_000_000


@dataclass(frozen=True)
class AssetTemplate:
    """One good of a centre: key, name, KIB card, useful-life category, cost range (Rp) and room."""

    key: str
    name: Text
    card: str
    life_category: str | None
    cost: tuple[int, int]
    room: Text


OFFICE = Text("Kantor pengelola", "Office")
PRODUCTION = Text("Ruang produksi UPT", "UPT production room")
PACKING = Text("Rumah kemasan", "Packing house")
STORE = Text("Gudang", "Store")
OUTSIDE = Text("Halaman sentra", "Centre yard")
NO_ROOM = Text("", "")

_SHARED_BEFORE = (
    AssetTemplate("tanah", Text("Tanah lokasi sentra (± 2.000 m²)", "Land of the centre (about 2,000 m²)"), "A",
                  None, (400 * MILLION, 900 * MILLION), NO_ROOM),
    AssetTemplate("gedung_upt", Text("Gedung UPT (bangunan permanen)", "UPT building (permanent)"), "C",
                  "gedung_permanen", (1_200 * MILLION, 2_400 * MILLION), NO_ROOM),
    AssetTemplate("rumah_kemasan", Text("Gedung rumah kemasan (permanen)", "Packing-house building (permanent)"),
                  "C", "gedung_permanen", (450 * MILLION, 900 * MILLION), NO_ROOM),
    AssetTemplate("ipal", Text("Instalasi pengolahan air limbah (IPAL)", "Wastewater treatment plant (IPAL)"), "D",
                  "ipal_ipab", (250 * MILLION, 600 * MILLION), OUTSIDE),
)  # fmt: skip

_SHARED_AFTER = (
    AssetTemplate("timbangan", Text("Timbangan digital 150 kg", "Digital scale, 150 kg"), "B", "alat_ukur",
                  (3 * MILLION, 9 * MILLION), STORE),
    AssetTemplate("komputer", Text("Komputer dan printer kantor", "Office computer and printer"), "B", "komputer",
                  (9 * MILLION, 16 * MILLION), OFFICE),
    AssetTemplate("meja_kursi", Text("Meja dan kursi kantor (1 set)", "Office desk and chairs (1 set)"), "B",
                  "mebel_kantor", (4 * MILLION, 9 * MILLION), OFFICE),
    AssetTemplate("motor_roda_tiga", Text("Sepeda motor roda tiga pengangkut barang", "Three-wheeled goods motorbike"),
                  "B", "kendaraan_darat", (28 * MILLION, 38 * MILLION), STORE),
    AssetTemplate("buku", Text("Buku referensi dan modul pelatihan", "Reference books and training modules"), "E",
                  None, (2 * MILLION, 6 * MILLION), OFFICE),
    AssetTemplate("gudang_baru", Text("Gudang bahan baku (sedang dibangun)", "Raw-material store (being built)"), "F",
                  None, (300 * MILLION, 700 * MILLION), NO_ROOM),
)  # fmt: skip

# UPT machines of each centre (keys of facility.centres): useful-life category and cost range in million rupiah.
_MACHINES: dict[str, dict[str, tuple[str, int, int]]] = {
    "abon ikan": {"fryer": ("mesin_bertenaga", 25, 45), "spinner": ("mesin_bertenaga", 8, 15),
                  "steamer": ("alat_tanpa_tenaga", 4, 9), "sealer": ("mesin_bertenaga", 12, 25),
                  "grinder": ("mesin_bertenaga", 6, 12)},
    "tenun": {"dye": ("alat_tanpa_tenaga", 6, 12), "warper": ("mesin_bertenaga", 35, 60),
              "winder": ("mesin_bertenaga", 7, 14), "sewing": ("mesin_bertenaga", 4, 9),
              "press": ("mesin_bertenaga", 10, 20)},
    "jambu mete": {"sheller": ("alat_tanpa_tenaga", 2, 4), "steamer": ("mesin_bertenaga", 30, 55),
                   "oven": ("mesin_bertenaga", 25, 45), "roaster": ("mesin_bertenaga", 12, 22),
                   "sealer": ("mesin_bertenaga", 15, 30)},
    "perak": {"furnace": ("mesin_bertenaga", 15, 30), "mill": ("mesin_bertenaga", 25, 45),
              "bench": ("alat_tanpa_tenaga", 5, 10), "solder": ("alat_tanpa_tenaga", 3, 7),
              "polisher": ("mesin_bertenaga", 4, 9)},
    "meubel": {"saw": ("mesin_bertenaga", 20, 40), "planer": ("mesin_bertenaga", 15, 30),
               "mortiser": ("mesin_bertenaga", 12, 25), "lathe": ("mesin_bertenaga", 10, 22),
               "booth": ("mesin_bertenaga", 20, 45)},
    "umum": {"cutter": ("mesin_bertenaga", 8, 18), "mixer": ("mesin_bertenaga", 10, 20),
             "cooker": ("mesin_bertenaga", 12, 28), "sealer": ("mesin_bertenaga", 8, 16),
             "scale": ("alat_ukur", 3, 8)},
}  # fmt: skip


def centre_goods(commodity: str) -> tuple[AssetTemplate, ...]:
    """The goods of the participant's centre: shared buildings and grounds, its UPT machines, then office goods.

    >>> [g.key for g in centre_goods("meubel")][4:7]
    ['saw', 'planer', 'mortiser']
    """
    centre = centre_for(commodity)
    prices = _MACHINES[centre.key]
    machines = tuple(
        AssetTemplate(m.key, m.name, "B", prices[m.key][0], (prices[m.key][1] * MILLION, prices[m.key][2] * MILLION),
                      PRODUCTION)
        for m in centre.machines
    )  # fmt: skip
    return _SHARED_BEFORE + machines + _SHARED_AFTER


def members_of(commodity: str) -> tuple[str, ...]:
    """The fictional member businesses of the participant's centre (:mod:`ikm_curriculum.modules.facility.centres`).

    >>> members_of("tenun")[0]
    'KUB Tenun Kolaka Indah'
    """
    return centre_for(commodity).members
