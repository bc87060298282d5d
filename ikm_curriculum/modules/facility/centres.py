"""The centres of the facility exercises: one fictional sentra IKM per commodity profile (teaching data).

Each :class:`Centre` gives, for the commodity profiles of
:mod:`ikm_curriculum.modules.quality.commodities` (``abon ikan``, ``tenun``,
``jambu mete``, ``perak``, ``meubel`` and the generic ``umum``):

* 6–8 departments (rooms) with bilingual names and short names for charts;
* a from-to chart of material moves (trips per day) and a REL chart (Muther's
  A/E/I/O/U/X, reason codes of :data:`.relationships.REASON_CODES`; pairs not listed are U);
* the tasks of making one unit, with times (minutes) and immediate predecessors;
* the UPT's shared machines: footprint (m), units owned, minutes per unit of each of two products;
* fictional member businesses that book those machines.

All numbers are realistic teaching values, not survey results or standards; all
names of members are fictional. Exercises vary them per participant (:mod:`.sample_data`).

>>> centre_for("Abon Ikan Tuna").key, len(centre_for("abon ikan").departments)
('abon ikan', 8)
>>> centre_for("sinonggi").key, rel_chart(centre_for("tenun")).rating("celup", "kantor")
('umum', 'X')
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from types import MappingProxyType
from typing import Mapping

from ikm_curriculum.modules.facility.relationships import RelChart
from ikm_curriculum.modules.quality.commodities import GENERIC_KEY, Text, profile_for


@dataclass(frozen=True)
class Department:
    """A room or area of the centre: a key, its name and a short name for chart labels."""

    key: str
    name: Text
    short: Text


@dataclass(frozen=True)
class Task:
    """One task of making a unit (letter id, name, minutes, immediate predecessors)."""

    key: str
    name: Text
    time: float
    predecessors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Machine:
    """A shared machine of the UPT: footprint (m), units owned, minutes per unit of each of the two products."""

    key: str
    name: Text
    length: float
    width: float
    count: int
    minutes: tuple[float, float]


@dataclass(frozen=True)
class Centre:
    """A fictional sentra IKM of one commodity (see the module docstring)."""

    key: str
    departments: tuple[Department, ...]
    flow_unit: Text
    flows: tuple[tuple[str, str, float], ...]
    rel: tuple[tuple[str, str, str, tuple[int, ...]], ...]
    line_unit: Text
    tasks: tuple[Task, ...]
    products: tuple[Text, Text]
    demand: tuple[int, int]
    order_step: int
    machines: tuple[Machine, ...]
    members: tuple[str, ...]

    def department(self, key: str) -> Department:
        """The department called ``key``."""
        return next(d for d in self.departments if d.key == key)


def _departments(*rows: tuple[str, str, str, str, str]) -> tuple[Department, ...]:
    return tuple(Department(k, Text(i, e), Text(si, se)) for k, i, e, si, se in rows)


def _tasks(*rows: tuple[str, str, str, float, str]) -> tuple[Task, ...]:
    return tuple(Task(k, Text(i, e), t, tuple(before)) for k, i, e, t, before in rows)


def _machines(*rows: tuple[str, str, str, float, float, int, float, float]) -> tuple[Machine, ...]:
    return tuple(Machine(k, Text(i, e), ln, w, n, (t1, t2)) for k, i, e, ln, w, n, t1, t2 in rows)


_TRIPS = Text("trip per hari", "trips per day")

_CENTRES = (
    Centre(
        key="abon ikan", flow_unit=_TRIPS,  # a fish-processing centre beside the fish auction (DOMAIN.md)
        departments=_departments(
            ("terima", "Penerimaan ikan", "Fish receiving", "Terima", "Receive"),
            ("dingin", "Ruang pendingin", "Cold store", "Dingin", "Cold"),
            ("olah", "Ruang pengolahan (cuci, kukus, suwir)", "Processing (wash, steam, shred)", "Olah", "Process"),
            ("goreng", "Ruang penggorengan", "Frying room", "Goreng", "Fry"),
            ("kemas", "Ruang pengemasan", "Packing room", "Kemas", "Pack"),
            ("gudang", "Gudang produk jadi", "Finished-goods store", "Gudang", "Store"),
            ("ipal", "IPAL (pengolahan air limbah)", "Wastewater plant (IPAL)", "IPAL", "IPAL"),
            ("kantor", "Kantor pengelola", "Office", "Kantor", "Office"),
        ),
        flows=(("terima", "dingin", 12), ("terima", "olah", 6), ("dingin", "olah", 14), ("olah", "goreng", 10),
               ("goreng", "kemas", 8), ("kemas", "gudang", 6), ("olah", "ipal", 4), ("goreng", "ipal", 2),
               ("olah", "terima", 4), ("kantor", "kemas", 2), ("gudang", "kantor", 1)),
        rel=(("terima", "dingin", "A", (6,)), ("dingin", "olah", "A", (6,)), ("olah", "goreng", "A", (6, 2)),
             ("goreng", "kemas", "E", (6,)), ("kemas", "gudang", "E", (6,)), ("terima", "olah", "E", (6,)),
             ("olah", "ipal", "I", (6, 9)), ("kemas", "kantor", "I", (1, 5)), ("gudang", "kantor", "I", (1, 5)),
             ("terima", "kantor", "O", (5,)), ("goreng", "dingin", "X", (9,)), ("ipal", "kemas", "X", (9,)),
             ("ipal", "gudang", "X", (9,)), ("ipal", "kantor", "X", (9,))),
        line_unit=Text("satu batch (10 kg ikan)", "one batch (10 kg of fish)"),
        tasks=_tasks(
            ("A", "Terima dan timbang ikan", "Receive and weigh the fish", 4, ""),
            ("B", "Cuci dan siangi ikan", "Wash and gut the fish", 8, "A"),
            ("C", "Kukus ikan", "Steam the fish", 12, "B"),
            ("D", "Giling bumbu", "Grind the spices", 7, ""),
            ("E", "Suwir daging dan buang duri", "Shred the flesh, remove bones", 14, "C"),
            ("F", "Campur daging dengan bumbu", "Mix flesh and spices", 5, "DE"),
            ("G", "Goreng sambil diaduk", "Fry while stirring", 15, "F"),
            ("H", "Tiriskan minyak dengan spinner", "Remove oil in the spinner", 6, "G"),
            ("I", "Timbang dan isi kemasan", "Weigh and fill the packs", 9, "H"),
            ("J", "Siapkan kemasan dan cetak label", "Prepare packs, print labels", 5, ""),
            ("K", "Segel dan tempel label", "Seal and label", 4, "IJ"),
        ),
        products=(Text("kemasan abon 100 g", "100 g pack of floss"), Text("kemasan abon 250 g", "250 g pack of floss")),
        demand=(150, 480), order_step=10,
        machines=_machines(
            ("fryer", "Wajan penggoreng berpengaduk", "Stirring fryer", 1.6, 1.2, 2, 2.0, 5.0),
            ("spinner", "Spinner peniris minyak", "Oil spinner", 0.8, 0.8, 1, 0.9, 2.3),
            ("steamer", "Kukusan (dandang besar)", "Steamer", 1.0, 1.0, 2, 2.0, 4.4),
            ("sealer", "Mesin segel dan kode tanggal", "Sealing and date-coding machine", 1.2, 0.6, 1, 1.2, 1.3),
            ("grinder", "Mesin giling bumbu", "Spice grinder", 0.7, 0.5, 1, 0.6, 1.4),
        ),
        members=("KUB Mina Sejahtera", "UD Abon Bahari", "KWN Puday Mandiri", "UD Sari Laut", "KUB Lapulu Jaya",
                 "UD Tuna Kendari"),
    ),
    Centre(
        key="tenun", flow_unit=_TRIPS,
        departments=_departments(
            ("benang", "Gudang benang", "Yarn store", "Benang", "Yarn"),
            ("ikat", "Ruang ikat motif", "Ikat tying room", "Ikat", "Ikat"),
            ("celup", "Ruang pencelupan", "Dyeing room", "Celup", "Dye"),
            ("hani", "Ruang hani dan palet", "Warping and winding", "Hani", "Warp"),
            ("tenun", "Ruang tenun (ATBM)", "Loom hall (hand looms)", "Tenun", "Looms"),
            ("finishing", "Ruang finishing (jahit, setrika)", "Finishing (sewing, pressing)", "Finishing", "Finish"),
            ("showroom", "Ruang pamer (showroom)", "Showroom", "Pamer", "Show"),
            ("kantor", "Kantor pengelola", "Office", "Kantor", "Office"),
        ),
        flows=(("benang", "ikat", 3), ("ikat", "celup", 3), ("benang", "celup", 6), ("celup", "hani", 7),
               ("benang", "hani", 4), ("hani", "tenun", 8), ("benang", "tenun", 3), ("tenun", "finishing", 5),
               ("finishing", "showroom", 4), ("showroom", "kantor", 2), ("finishing", "kantor", 1)),
        rel=(("hani", "tenun", "A", (6,)), ("ikat", "celup", "E", (6, 7)), ("benang", "celup", "E", (6,)),
             ("tenun", "finishing", "E", (6,)), ("finishing", "showroom", "E", (6,)), ("celup", "hani", "I", (6,)),
             ("benang", "hani", "I", (6,)), ("showroom", "kantor", "I", (4, 5)), ("benang", "kantor", "O", (1,)),
             ("celup", "showroom", "X", (9,)), ("celup", "kantor", "X", (9,)), ("celup", "finishing", "X", (9,))),
        line_unit=Text("selembar sarung tenun", "one woven sarong"),
        tasks=_tasks(
            ("A", "Gulung benang pakan ke palet", "Wind weft yarn on bobbins", 20, ""),
            ("B", "Hani benang lungsi", "Warp the yarn", 35, ""),
            ("C", "Cucuk dan pasang lungsi di alat tenun", "Thread the warp on the loom", 30, "B"),
            ("D", "Tenun badan kain", "Weave the body of the cloth", 60, "AC"),
            ("E", "Tenun kepala kain (motif)", "Weave the head panel (motif)", 45, "D"),
            ("F", "Potong dan rapikan benang", "Cut and trim threads", 15, "E"),
            ("G", "Jahit sambungan sarung", "Sew the sarong seam", 20, "F"),
            ("H", "Cuci ringan dan jemur", "Rinse and dry", 15, "G"),
            ("I", "Setrika dan lipat", "Press and fold", 10, "H"),
            ("J", "Siapkan kartu motif dan label", "Prepare motif card and label", 6, ""),
            ("K", "Pasang label dan kemas", "Label and pack", 8, "IJ"),
        ),
        products=(Text("sarung tenun", "woven sarong"), Text("selendang tenun", "woven shawl")),
        demand=(6, 20), order_step=1,
        machines=_machines(
            ("dye", "Bak celup dengan kompor", "Dye vat with burner", 2.0, 1.2, 1, 45, 25),
            ("warper", "Mesin hani (warping)", "Warping machine", 3.0, 1.2, 1, 50, 20),
            ("winder", "Mesin palet (pemintal pakan)", "Bobbin winder", 1.0, 0.6, 1, 30, 22),
            ("sewing", "Mesin jahit", "Sewing machine", 1.2, 0.6, 1, 20, 10),
            ("press", "Meja setrika uap", "Steam-pressing table", 1.6, 0.8, 1, 15, 12),
        ),
        members=("KUB Tenun Kolaka Indah", "UD Sarung Tolaki", "Kelompok Tenun Wua-Wua", "UD Benang Emas",
                 "KUB Motif Buton", "Kelompok Tenun Puuwatu"),
    ),
    Centre(
        key="jambu mete", flow_unit=_TRIPS,
        departments=_departments(
            ("terima", "Penerimaan gelondong", "Raw-nut receiving", "Terima", "Receive"),
            ("jemur", "Lantai jemur", "Drying floor", "Jemur", "Dry"),
            ("kukus", "Ruang kukus dan sangrai", "Steaming and roasting", "Kukus", "Steam"),
            ("kacip", "Ruang kacip (pemecahan)", "Shelling room", "Kacip", "Shell"),
            ("kupas", "Ruang kupas kulit ari", "Peeling room", "Kupas", "Peel"),
            ("sortir", "Ruang sortir mutu", "Grading room", "Sortir", "Grade"),
            ("kemas", "Ruang pengemasan", "Packing room", "Kemas", "Pack"),
            ("gudang", "Gudang", "Store", "Gudang", "Store"),
        ),
        flows=(("terima", "jemur", 10), ("jemur", "gudang", 6), ("gudang", "kukus", 8), ("terima", "kukus", 3),
               ("kukus", "kacip", 8), ("kacip", "kupas", 6), ("kupas", "sortir", 6), ("sortir", "kupas", 1),
               ("sortir", "kemas", 5), ("kemas", "gudang", 5), ("kacip", "gudang", 2)),
        rel=(("kukus", "kacip", "A", (6,)), ("kupas", "sortir", "A", (6, 2)), ("sortir", "kemas", "A", (6,)),
             ("terima", "jemur", "E", (6,)), ("kacip", "kupas", "E", (6,)), ("kemas", "gudang", "E", (6,)),
             ("jemur", "gudang", "I", (6, 8)), ("gudang", "kukus", "I", (6,)), ("terima", "gudang", "O", (1,)),
             ("kacip", "kemas", "X", (9,)), ("kukus", "kemas", "X", (9,)), ("kacip", "sortir", "X", (9,))),
        line_unit=Text("satu batch (10 kg gelondong)", "one batch (10 kg of raw nuts)"),
        tasks=_tasks(
            ("A", "Timbang dan sortir gelondong", "Weigh and sort raw nuts", 6, ""),
            ("B", "Kukus gelondong", "Steam the raw nuts", 15, "A"),
            ("C", "Angin-anginkan sampai dingin", "Cool in the air", 8, "B"),
            ("D", "Kacip (belah) cangkang", "Crack the shells", 25, "C"),
            ("E", "Keluarkan biji dari cangkang", "Take kernels out of the shells", 12, "D"),
            ("F", "Panaskan oven", "Heat the oven", 5, ""),
            ("G", "Oven biji", "Dry kernels in the oven", 10, "EF"),
            ("H", "Kupas kulit ari", "Peel the skin (testa)", 20, "G"),
            ("I", "Sortir mutu (utuh, belah, pecah)", "Grade (whole, split, broken)", 12, "H"),
            ("J", "Siapkan kemasan dan label", "Prepare packs and labels", 5, ""),
            ("K", "Timbang dan kemas", "Weigh and pack", 9, "IJ"),
        ),
        products=(Text("kemasan mete mentah 250 g", "250 g pack of raw cashews"),
                  Text("kemasan mete goreng 250 g", "250 g pack of fried cashews")),
        demand=(120, 400), order_step=10,
        machines=_machines(
            ("sheller", "Kacip (alat pemecah mete)", "Cashew sheller", 0.8, 0.6, 5, 6.0, 6.0),
            ("steamer", "Ketel kukus", "Steam boiler", 1.5, 1.2, 1, 0.8, 0.8),
            ("oven", "Oven pengering biji", "Kernel-drying oven", 1.8, 1.0, 1, 1.5, 1.2),
            ("roaster", "Wajan sangrai/penggoreng", "Roaster/fryer", 1.5, 1.0, 1, 0.2, 1.8),
            ("sealer", "Vacuum sealer", "Vacuum sealer", 0.8, 0.6, 1, 0.9, 0.9),
        ),
        members=("KUB Mete Konawe", "UD Mete Sultra", "Kelompok Tani Mete Abeli", "UD Kacang Mete Kambu",
                 "KUB Mete Baruga", "UD Mete Mandonga"),
    ),
    Centre(
        key="perak", flow_unit=Text("trip baki per hari", "tray trips per day"),
        departments=_departments(
            ("bahan", "Gudang bahan (brankas perak)", "Raw store (silver safe)", "Bahan", "Raw"),
            ("lebur", "Ruang lebur", "Melting room", "Lebur", "Melt"),
            ("tarik", "Ruang giling dan tarik kawat", "Rolling and wire drawing", "Kawat", "Wire"),
            ("rakit", "Ruang rakit filigri", "Filigree assembly", "Rakit", "Assemble"),
            ("patri", "Ruang patri (solder)", "Soldering room", "Patri", "Solder"),
            ("poles", "Ruang poles dan sepuh", "Polishing and plating", "Poles", "Polish"),
            ("showroom", "Ruang pamer (showroom)", "Showroom", "Pamer", "Show"),
            ("kantor", "Kantor pengelola", "Office", "Kantor", "Office"),
        ),
        flows=(("bahan", "lebur", 4), ("lebur", "tarik", 6), ("tarik", "rakit", 8), ("rakit", "patri", 10),
               ("patri", "rakit", 4), ("patri", "poles", 7), ("poles", "showroom", 5), ("poles", "lebur", 2),
               ("showroom", "kantor", 2), ("kantor", "bahan", 1)),
        rel=(("lebur", "tarik", "A", (6,)), ("rakit", "patri", "A", (6, 2)), ("bahan", "lebur", "E", (6, 1)),
             ("tarik", "rakit", "E", (6,)), ("patri", "poles", "E", (6,)), ("showroom", "kantor", "E", (4, 5)),
             ("bahan", "kantor", "E", (1, 5)), ("poles", "showroom", "I", (6,)), ("lebur", "patri", "O", (8,)),
             ("lebur", "showroom", "X", (9,)), ("lebur", "kantor", "X", (9,)), ("poles", "rakit", "X", (9,))),
        line_unit=Text("sebuah bros filigri", "one filigree brooch"),
        tasks=_tasks(
            ("A", "Timbang perak dan lebur", "Weigh and melt the silver", 12, ""),
            ("B", "Giling jadi lempeng", "Roll into a strip", 8, "A"),
            ("C", "Tarik kawat", "Draw the wire", 15, "B"),
            ("D", "Pilin kawat", "Twist the wire", 10, "C"),
            ("E", "Gambar pola di kertas", "Draw the pattern on paper", 6, ""),
            ("F", "Bentuk rangka bros", "Shape the brooch frame", 14, "DE"),
            ("G", "Isi rangka dengan filigri", "Fill the frame with filigree", 25, "F"),
            ("H", "Patri sambungan", "Solder the joints", 16, "G"),
            ("I", "Pasang peniti", "Fix the pin", 7, "H"),
            ("J", "Rendam asam dan cuci", "Pickle and rinse", 6, "I"),
            ("K", "Poles dan sepuh", "Polish and plate", 12, "J"),
        ),
        products=(Text("bros filigri", "filigree brooch"), Text("cincin filigri", "filigree ring")),
        demand=(12, 40), order_step=1,
        machines=_machines(
            ("furnace", "Tungku lebur", "Melting furnace", 0.8, 0.8, 1, 6, 4),
            ("mill", "Mesin giling (rolling mill)", "Rolling mill", 0.9, 0.6, 1, 8, 5),
            ("bench", "Bangku tarik kawat", "Draw bench", 2.5, 0.6, 1, 14, 5),
            ("solder", "Meja patri dengan brander", "Soldering bench with torch", 1.2, 0.8, 2, 21, 20),
            ("polisher", "Mesin poles", "Polishing motor", 1.0, 0.6, 1, 7, 12),
        ),
        members=("UD Perak Kendari Werk", "Pengrajin Filigri Kandai", "UD Perak Kampung Salo", "KUB Perak Anduonohu",
                 "UD Bros Sulawesi", "Pengrajin Perak Benu-Benua"),
    ),
    Centre(
        key="meubel", flow_unit=Text("trip troli per hari", "trolley trips per day"),
        departments=_departments(
            ("kayu", "Lapangan kayu", "Timber yard", "Kayu", "Timber"),
            ("gergaji", "Ruang gergaji", "Sawing", "Gergaji", "Saw"),
            ("ketam", "Ruang ketam (serut)", "Planing", "Ketam", "Plane"),
            ("rakit", "Ruang perakitan", "Assembly", "Rakit", "Assemble"),
            ("amplas", "Ruang amplas", "Sanding", "Amplas", "Sand"),
            ("cat", "Ruang finishing (cat, pernis)", "Finishing (paint, varnish)", "Cat", "Paint"),
            ("gudang", "Gudang barang jadi", "Finished-goods store", "Gudang", "Store"),
            ("kantor", "Kantor dan ruang pamer", "Office and showroom", "Kantor", "Office"),
        ),
        flows=(("kayu", "gergaji", 10), ("gergaji", "ketam", 9), ("ketam", "rakit", 8), ("rakit", "amplas", 7),
               ("amplas", "cat", 7), ("cat", "gudang", 6), ("gergaji", "kayu", 2), ("ketam", "gergaji", 1),
               ("gudang", "kantor", 1), ("kantor", "gudang", 1)),
        rel=(("kayu", "gergaji", "A", (6, 8)), ("gergaji", "ketam", "A", (6,)), ("ketam", "rakit", "E", (6,)),
             ("rakit", "amplas", "E", (6,)), ("cat", "gudang", "E", (6,)), ("amplas", "cat", "I", (6,)),
             ("gudang", "kantor", "I", (4, 5)), ("kayu", "kantor", "O", (1,)), ("rakit", "gudang", "O", (3,)),
             ("gergaji", "cat", "X", (9,)), ("cat", "kantor", "X", (9,)), ("gergaji", "kantor", "X", (9,))),
        line_unit=Text("sebuah kursi makan", "one dining chair"),
        tasks=_tasks(
            ("A", "Potong kayu sesuai ukuran", "Cut timber to size", 20, ""),
            ("B", "Ketam permukaan", "Plane the surfaces", 15, "A"),
            ("C", "Buat purus dan lubang", "Cut tenons and mortises", 25, "B"),
            ("D", "Bubut kaki kursi", "Turn the chair legs", 18, "B"),
            ("E", "Rakit rangka (lem dan pasak)", "Assemble the frame (glue, dowels)", 22, "CD"),
            ("F", "Siapkan anyaman dudukan", "Prepare the woven seat", 16, ""),
            ("G", "Pasang dudukan dan sandaran", "Fit seat and back", 15, "EF"),
            ("H", "Amplas", "Sand", 20, "G"),
            ("I", "Dempul", "Fill", 8, "H"),
            ("J", "Cat dasar", "Prime", 12, "I"),
            ("K", "Pernis akhir", "Varnish", 14, "J"),
            ("L", "Periksa dan kemas", "Inspect and pack", 6, "K"),
        ),
        products=(Text("kursi makan", "dining chair"), Text("meja makan", "dining table")),
        demand=(4, 14), order_step=1,
        machines=_machines(
            ("saw", "Gergaji meja (table saw)", "Table saw", 2.0, 1.2, 1, 18, 52),
            ("planer", "Mesin ketam", "Planer", 2.2, 0.8, 1, 15, 40),
            ("mortiser", "Mesin pahat purus", "Mortiser", 1.0, 0.8, 1, 28, 30),
            ("lathe", "Mesin bubut kayu", "Wood lathe", 1.8, 0.6, 1, 20, 26),
            ("booth", "Bilik semprot cat", "Spray booth", 2.5, 2.0, 1, 22, 50),
        ),
        members=("UD Jati Konawe", "UD Mebel Poasia", "Bengkel Kayu Kambu", "UD Karya Kadia", "UD Meubel Wundudopi",
                 "Bengkel Kayu Lepo-Lepo"),
    ),
    Centre(
        key=GENERIC_KEY, flow_unit=_TRIPS,
        departments=_departments(
            ("bahan", "Gudang bahan baku", "Raw-material store", "Bahan", "Raw"),
            ("siap", "Ruang persiapan bahan", "Preparation room", "Siap", "Prep"),
            ("proses", "Ruang produksi utama", "Main production room", "Proses", "Process"),
            ("qc", "Ruang uji mutu", "Quality lab", "Mutu", "QC"),
            ("kemas", "Ruang pengemasan", "Packing room", "Kemas", "Pack"),
            ("gudang", "Gudang produk jadi", "Finished-goods store", "Gudang", "Store"),
            ("toilet", "Ruang ganti dan toilet", "Changing room and toilets", "Toilet", "WC"),
            ("kantor", "Kantor pengelola", "Office", "Kantor", "Office"),
        ),
        flows=(("bahan", "siap", 9), ("siap", "proses", 10), ("proses", "kemas", 8), ("proses", "qc", 3),
               ("qc", "kemas", 2), ("kemas", "gudang", 7), ("bahan", "proses", 3), ("gudang", "kantor", 1),
               ("kantor", "kemas", 2)),
        rel=(("siap", "proses", "A", (6,)), ("proses", "kemas", "A", (6,)), ("bahan", "siap", "E", (6,)),
             ("kemas", "gudang", "E", (6,)), ("proses", "qc", "I", (6, 1)), ("qc", "kemas", "I", (1,)),
             ("gudang", "kantor", "I", (1, 5)), ("kantor", "qc", "O", (1,)), ("toilet", "kantor", "O", (2,)),
             ("toilet", "proses", "X", (9,)), ("toilet", "kemas", "X", (9,)), ("toilet", "siap", "X", (9,))),
        line_unit=Text("satu batch produk", "one batch of product"),
        tasks=_tasks(
            ("A", "Terima dan periksa bahan", "Receive and check materials", 5, ""),
            ("B", "Sortir dan cuci bahan", "Sort and wash materials", 10, "A"),
            ("C", "Potong dan timbang", "Cut and weigh", 12, "B"),
            ("D", "Siapkan bahan tambahan", "Prepare other ingredients", 6, ""),
            ("E", "Proses utama (masak atau bentuk)", "Main process (cook or form)", 18, "CD"),
            ("F", "Dinginkan", "Cool", 8, "E"),
            ("G", "Periksa mutu", "Check quality", 5, "F"),
            ("H", "Isi kemasan", "Fill the packs", 10, "G"),
            ("I", "Siapkan kemasan dan label", "Prepare packs and labels", 6, ""),
            ("J", "Segel dan tempel label", "Seal and label", 5, "HI"),
            ("K", "Simpan di gudang", "Put in store", 3, "J"),
        ),
        products=(Text("kemasan 250 g", "250 g pack"), Text("kemasan 500 g", "500 g pack")),
        demand=(150, 450), order_step=10,
        machines=_machines(
            ("cutter", "Mesin pemotong", "Cutting machine", 1.2, 0.8, 1, 0.6, 1.2),
            ("mixer", "Mesin pengaduk", "Mixer", 1.0, 0.8, 1, 0.7, 1.5),
            ("cooker", "Kompor atau oven produksi", "Cooker or oven", 1.5, 1.0, 2, 1.6, 3.4),
            ("sealer", "Mesin segel kemasan", "Sealing machine", 1.0, 0.6, 1, 1.0, 1.1),
            ("scale", "Meja timbang", "Weighing table", 0.8, 0.6, 1, 0.5, 0.8),
        ),
        members=("UD Maju Bersama", "KUB Sinar Harapan", "UD Karya Ibu", "KUB Sejahtera Abadi", "UD Berkah Sentra",
                 "KUB Mekar Jaya"),
    ),
)  # fmt: skip

CENTRES: Mapping[str, Centre] = MappingProxyType({c.key: c for c in _CENTRES})


def centre_for(commodity: str) -> Centre:
    """The centre of the participant's commodity (:func:`.commodities.profile_for`); the generic one otherwise.

    >>> centre_for("kursi jati (meubel)").key, centre_for("Kendari Werk").key
    ('meubel', 'perak')
    """
    return CENTRES.get(profile_for(commodity).key, CENTRES[GENERIC_KEY])


def rel_chart(centre: Centre) -> RelChart:
    """The centre's REL chart, every pair not listed rated U (no reason).

    >>> chart = rel_chart(centre_for("abon ikan"))
    >>> chart.rating("olah", "goreng"), chart.reasons("goreng", "olah"), chart.rating("terima", "gudang")
    ('A', (2, 6), 'U')
    """
    keys = [d.key for d in centre.departments]
    given = {frozenset((a, b)): (rating, reasons) for a, b, rating, reasons in centre.rel}
    pairs = {(a, b): given.get(frozenset((a, b)), ("U", ())) for a, b in combinations(keys, 2)}
    return RelChart.from_pairs(keys, pairs)
