"""Scenario banks of the standards exercises: lots, workplaces, CPPB-IRT findings and fishbone causes.

Fictional teaching data for :mod:`.exercises_standards`: no real centre,
person, buyer or inspection is meant. Keys of :data:`LOTS`, :data:`WORKPLACES`
and the ``commodity`` of each cause are the profile keys of :mod:`.commodities`.

>>> sorted(LOTS) == sorted(WORKPLACES)
True
>>> from ikm_curriculum.modules.quality.qc_tools import SIX_M
>>> len(CAUSES) >= 12, {c.category for c in CAUSES} == {m.code for m in SIX_M}
(True, True)
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping

from ikm_curriculum.modules.quality.commodities import Text


@dataclass(frozen=True)
class LotSetting:
    """What a lot of the product holds (plural noun after a number), the usual lot sizes and a buyer."""

    items: Text
    low: int
    high: int
    step: int
    buyer: Text


def _lot(items_id: str, items_en: str, low: int, high: int, step: int, buyer_id: str, buyer_en: str) -> LotSetting:
    return LotSetting(Text(items_id, items_en), low, high, step, Text(buyer_id, buyer_en))


# Lot sizes are teaching values (a week's to a month's output of a centre), not survey data.
LOTS: Mapping[str, LotSetting] = MappingProxyType(
    {
        "abon ikan": _lot(
            "kemasan abon ikan 100 g", "100 g packs of fish floss", 150, 3000, 10,
            "Sebuah jaringan toko oleh-oleh di Makassar", "A chain of souvenir shops in Makassar",
        ),
        "tenun": _lot(
            "lembar kain tenun", "pieces of woven cloth", 30, 400, 5,
            "Sebuah butik di Jakarta", "A boutique in Jakarta",
        ),
        "jambu mete": _lot(
            "kemasan kacang mete 250 g", "250 g bags of cashew nuts", 200, 5000, 10,
            "Seorang distributor di Surabaya", "A distributor in Surabaya",
        ),
        "perak": _lot(
            "bros perak filigri", "filigree silver brooches", 60, 600, 10,
            "Sebuah toko perhiasan di Bali", "A jewellery shop in Bali",
        ),
        "meubel": _lot(
            "kursi kayu", "wooden chairs", 30, 300, 5,
            "Dinas yang memesan kursi sekolah", "A government office ordering school chairs",
        ),
        "umum": _lot(
            "kemasan produk", "packs of the product", 100, 3000, 10,
            "Seorang pembeli dari luar daerah", "A buyer from outside the region",
        ),
    }
)  # fmt: skip

WORKPLACES: Mapping[str, tuple[Text, ...]] = MappingProxyType(
    {
        "abon ikan": (
            Text(
                "dapur produksi abon di rumah produksi bersama sentra (ikan dicuci, direbus, disuwir, digoreng)",
                "the floss kitchen of the centre's shared production house (fish washed, boiled, shredded, fried)",
            ),
            Text("ruang pengemasan abon di UPT sentra", "the floss packing room of the centre's UPT"),
        ),
        "tenun": (
            Text(
                "rumah tenun sentra dengan delapan alat tenun dan rak benang",
                "the centre's weaving house with eight looms and yarn shelves",
            ),
            Text("ruang pewarnaan benang di belakang rumah tenun", "the yarn-dyeing room behind the weaving house"),
        ),
        "jambu mete": (
            Text("ruang kacip dan sangrai mete di UPT sentra", "the cashew cutting and roasting room of the UPT"),
            Text("gudang mete gelondong dan ruang kemas", "the raw-nut store and the packing room"),
        ),
        "perak": (
            Text(
                "bengkel perak bersama dengan enam meja kerja, alat solder dan tungku lebur",
                "the shared silver workshop with six benches, soldering kit and a melting furnace",
            ),
            Text("ruang poles dan kemas perhiasan", "the polishing and packing room for jewellery"),
        ),
        "meubel": (
            Text(
                "bengkel meubel bersama: area potong, rakit dan finishing",
                "the shared furniture workshop: cutting, assembly and finishing areas",
            ),
            Text("gudang kayu dan barang jadi sentra meubel", "the timber and finished-goods store"),
        ),
        "umum": (
            Text("ruang produksi bersama di UPT sentra", "the shared production room of the centre's UPT"),
            Text("gudang bahan dan barang jadi sentra", "the centre's store for materials and finished goods"),
        ),
    }
)

# --- CPPB-IRT findings (grade as an inspector would give it; aspect letters of cppb_irt.ASPECTS) ------------------


@dataclass(frozen=True)
class FindingText:
    """A finding of a CPPB-IRT inspection: aspect letter, grade code and what was seen."""

    aspect: str
    grade: str
    text: Text


def _f(aspect: str, grade: str, text_id: str, text_en: str) -> FindingText:
    return FindingText(aspect, grade, Text(text_id, text_en))


FINDINGS: tuple[FindingText, ...] = (
    _f("A", "minor", "Rumput liar dan genangan kecil di halaman samping.", "Weeds and small puddles in the side yard."),
    _f("B", "minor", "Cat dinding ruang produksi mengelupas di beberapa bagian.", "Wall paint is peeling in places."),
    _f("E", "minor", "Lap tangan di wastafel kotor dan jarang diganti.", "The hand towel at the sink is dirty."),
    _f("K", "minor", "Jadwal pengawasan tidak ditempel di ruang produksi.", "The supervision schedule is not posted."),
    _f("M", "minor", "Beberapa tanggal di catatan pembelian bahan kosong.",
       "Some dates in the purchase record are blank."),
    _f("N", "minor", "Materi pelatihan karyawan tidak disimpan.", "Staff training materials are not kept."),
    _f("C", "major", "Talenan kayu yang retak masih dipakai.", "A cracked wooden cutting board is still in use."),
    _f("E", "major", "Tidak ada sabun di tempat cuci tangan karyawan.", "No soap at the staff hand-wash sink."),
    _f("F", "major", "Karyawan tidak memakai penutup kepala saat mengolah.", "Staff handle food without hair covers."),
    _f("G", "major", "Tidak ada jadwal pembersihan ruang dan alat.", "No cleaning schedule for room and equipment."),
    _f("H", "major", "Bahan baku disimpan langsung di lantai tanpa alas.",
       "Raw materials are stored on the bare floor."),
    _f("M", "major", "Tidak ada catatan produksi (tanggal, jumlah, kode).",
       "No production record (date, quantity, code)."),
    _f("J", "major", "Label tidak mencantumkan tanggal kedaluwarsa.", "The label gives no expiry date."),
    _f(
        "D", "serious", "Air sumur untuk mencuci bahan keruh dan belum pernah diperiksa.",
        "The well water used to wash ingredients is cloudy and was never tested.",
    ),
    _f(
        "B", "serious", "Ruang produksi terbuka ke kandang ayam; ayam bisa masuk.",
        "The production room opens onto a chicken coop; chickens can walk in.",
    ),
    _f("G", "serious", "Ada kecoa dan kotoran tikus di ruang produksi.", "Cockroaches and rat droppings in the room."),
    _f(
        "I", "serious", "Suhu dan lama memasak tidak ditetapkan dan tidak dikendalikan.",
        "Cooking temperature and time are neither set nor controlled.",
    ),
    _f(
        "L", "serious", "Produk tidak diberi kode produksi, sehingga tidak bisa ditarik bila bermasalah.",
        "Products carry no batch code, so a faulty batch cannot be recalled.",
    ),
    _f(
        "F", "serious", "Karyawan yang sedang diare tetap mengolah pangan.",
        "A worker with diarrhoea keeps handling food.",
    ),
    _f(
        "H", "critical", "Racun tikus dan cairan pembersih disimpan di rak bahan pangan.",
        "Rat poison and cleaning fluid are kept on the food-ingredient shelf.",
    ),
    _f(
        "I", "critical", "Boraks ditambahkan supaya produk lebih renyah.",
        "Borax is added to make the product crisper.",
    ),
    _f(
        "D", "critical", "Air produksi diambil dari saluran yang tercemar limbah.",
        "Production water is taken from a channel polluted by waste water.",
    ),
)  # fmt: skip

FOOD_PRODUCTS: Mapping[str, Text] = MappingProxyType(
    {"abon ikan": Text("abon ikan", "fish floss"), "jambu mete": Text("kacang mete sangrai", "roasted cashew nuts")}
)
"""Home-food products of the food commodities: the IRTP is then one of the centre's own members."""

SNACKS: tuple[Text, ...] = (
    Text("keripik pisang", "banana chips"),
    Text("kue bagea sagu", "sago bagea biscuits"),
    Text("teh daun kelor", "moringa leaf tea"),
    Text("sambal ikan dalam botol", "bottled fish sambal"),
)
"""Home-food products of a neighbour's IRTP, for centres whose own product is not food."""

# --- fishbone causes (one unambiguous 6M category each) ------------------------------------------------------------


@dataclass(frozen=True)
class CauseText:
    """A cause of one defect of a commodity's product and its 6M category code (:data:`~.qc_tools.SIX_M`)."""

    key: str
    commodity: str
    defect: str
    category: str
    text: Text


def _c(key: str, commodity: str, defect: str, category: str, text_id: str, text_en: str) -> CauseText:
    return CauseText(key, commodity, defect, category, Text(text_id, text_en))


CAUSES: tuple[CauseText, ...] = (
    _c("abon-1", "abon ikan", "oily", "mesin", "Mesin peniris minyak berputar lambat karena sabuknya aus.",
       "The oil spinner turns slowly because its belt is worn."),
    _c("abon-2", "abon ikan", "burnt", "pengukuran", "Termometer wajan rusak, suhu minyak tidak bisa dibaca.",
       "The frying thermometer is broken, so the oil temperature cannot be read."),
    _c("abon-3", "abon ikan", "bones", "manusia", "Penyuwir ikan mengantuk karena bekerja sejak subuh tanpa istirahat.",
       "The fish shredder is drowsy after working since dawn without a break."),
    _c("abon-4", "abon ikan", "oily", "metode",
       "Tidak ada aturan berapa menit abon ditiriskan; tiap regu mengira-ngira.",
       "There is no rule for how many minutes floss is drained; each team guesses."),
    _c("abon-5", "abon ikan", "lumpy", "material", "Ikan dari pemasok baru sudah lama dibekukan dan sangat berair.",
       "Fish from a new supplier was frozen for long and is very watery."),
    _c("abon-6", "abon ikan", "seal", "lingkungan", "Ruang kemas sangat lembap di musim hujan.",
       "The packing room is very humid in the rainy season."),
    _c("tenun-1", "tenun", "threads", "material", "Benang lungsin yang dibeli kali ini mutunya rendah dan mudah putus.",
       "The warp yarn bought this time is of poor quality and breaks easily."),
    _c("tenun-2", "tenun", "motif", "manusia", "Penenun baru belum terampil menghitung benang motif.",
       "A new weaver is not yet skilled at counting the motif threads."),
    _c("tenun-3", "tenun", "dye", "metode", "Takaran pewarna dan lama celup tidak ditetapkan; tiap orang punya cara.",
       "Dye dose and dipping time are not fixed; everyone has their own way."),
    _c("tenun-4", "tenun", "width", "mesin", "Sisir (suri) alat tenun sudah aus dan sebagian giginya bengkok.",
       "The loom's reed is worn and some of its teeth are bent."),
    _c("tenun-5", "tenun", "stain", "lingkungan", "Atap rumah tenun bocor; air hujan menetes ke kain.",
       "The weaving-house roof leaks; rain drips onto the cloth."),
    _c("tenun-6", "tenun", "width", "pengukuran", "Meteran kain sudah molor, jadi lebar yang terbaca salah.",
       "The cloth tape has stretched, so the width read off it is wrong."),
    _c("mete-1", "jambu mete", "broken", "mesin", "Pisau alat kacip mete sudah tumpul.",
       "The blade of the cashew cutter is blunt."),
    _c("mete-2", "jambu mete", "scorched", "metode",
       "Lama sangrai tidak ditetapkan; mete diangkat kalau 'kelihatan matang'.",
       "Roasting time is not set; nuts come off when they 'look done'."),
    _c("mete-3", "jambu mete", "soft", "lingkungan", "Gudang mete lembap dan panas karena tidak ada ventilasi.",
       "The nut store is damp and hot because it has no ventilation."),
    _c("mete-4", "jambu mete", "underweight", "pengukuran",
       "Baterai timbangan digital lemah dan angkanya berubah-ubah.",
       "The digital scale's battery is low and its reading jumps about."),
    _c("mete-5", "jambu mete", "foreign", "manusia", "Pekerja sortir kurang teliti karena bekerja sambil main ponsel.",
       "The sorters are careless because they use their phones while working."),
    _c("mete-6", "jambu mete", "testa", "material", "Gelondong mete dari kebun baru masih basah saat dibeli.",
       "Raw nuts from a new orchard were still wet when bought."),
    _c("perak-1", "perak", "solder", "material", "Kawat solder yang dibeli kali ini kadar peraknya lebih rendah.",
       "The solder wire bought this time has a lower silver content."),
    _c("perak-2", "perak", "pattern", "manusia", "Pengrajin muda belum terlatih memilin kawat filigri.",
       "A young craftsman has not been trained to twist filigree wire."),
    _c("perak-3", "perak", "tarnish", "lingkungan", "Bengkel dekat pantai; udara lembap dan asin.",
       "The workshop is near the beach; the air is humid and salty."),
    _c("perak-4", "perak", "scratch", "mesin", "Sikat mesin poles sudah aus dan keras.",
       "The polishing machine's brush is worn and hard."),
    _c("perak-5", "perak", "size", "pengukuran", "Jangka sorong bengkel tidak pernah dicek; titik nolnya bergeser.",
       "The workshop's caliper was never checked; its zero has shifted."),
    _c("perak-6", "perak", "pin", "metode", "Tidak ada urutan kerja baku memasang peniti; tiap orang berbeda.",
       "There is no standard sequence for fitting pins; everyone does it differently."),
    _c("meubel-1", "meubel", "crack", "material", "Kayu yang dipakai belum kering (kadar air masih tinggi).",
       "The timber used is not dry yet (moisture content still high)."),
    _c("meubel-2", "meubel", "finish", "lingkungan",
       "Pengecatan di halaman terbuka; debu dan angin menempel ke cat basah.",
       "Painting is done in the open yard; dust blows onto the wet paint."),
    _c("meubel-3", "meubel", "joint", "mesin", "Mata bor mesin pembuat lubang pasak sudah goyang.",
       "The drill bit of the dowel-hole machine wobbles."),
    _c("meubel-4", "meubel", "dimension", "pengukuran", "Ujung meteran tukang patah, setiap ukuran kurang 1 cm.",
       "The end of the carpenter's tape is broken; every reading is 1 cm short."),
    _c("meubel-5", "meubel", "joint", "metode", "Tidak ada gambar kerja; tiap tukang membuat sambungan dengan caranya.",
       "There are no working drawings; each carpenter makes joints his own way."),
    _c("meubel-6", "meubel", "finish", "manusia", "Tukang amplas baru belum diajari mengamplas searah serat.",
       "A new sander has not been taught to sand along the grain."),
    _c("umum-1", "umum", "pack", "mesin", "Pemanas mesin sealer tidak rata; sebagian kemasan tidak rekat.",
       "The sealer heats unevenly; some packs do not seal."),
    _c("umum-2", "umum", "label", "manusia", "Petugas label baru sering lupa menempel label.",
       "The new labelling worker often forgets to stick the label on."),
    _c("umum-3", "umum", "dirt", "lingkungan", "Ruang produksi berdebu karena jendelanya terbuka ke jalan.",
       "The production room is dusty because its windows open onto the road."),
    _c("umum-4", "umum", "size", "pengukuran", "Gelas takar sudah penyok, isi yang terukur kurang.",
       "The measuring cup is dented, so it measures short."),
    _c("umum-5", "umum", "colour", "material", "Bahan baku dari dua pemasok berbeda warnanya.",
       "Raw material from two suppliers differs in colour."),
    _c("umum-6", "umum", "colour", "metode", "Tidak ada resep tertulis; takaran berubah setiap kali produksi.",
       "There is no written recipe; quantities change from batch to batch."),
)  # fmt: skip
