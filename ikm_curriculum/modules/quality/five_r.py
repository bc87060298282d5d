"""5R (Ringkas, Rapi, Resik, Rawat, Rajin): the Indonesian form of 5S, as data.

Source: the 5S of Japanese workplace organisation (Seiri, Seiton, Seiso,
Seiketsu, Shitsuke; T. Osada, *The 5S's: Five Keys to a Total Quality
Environment*, 1991), taught in Indonesia as 5R. The scenarios are fictional
situations in sentra IKM of Kendari (fish-floss kitchen, weaving house, cashew
roasting, silver workshop, furniture workshop); each practises exactly one R.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping

from ikm_curriculum.modules.quality.commodities import Text


@dataclass(frozen=True)
class FiveR:
    """One of the five R: code (r1..r5), Indonesian name, Japanese 5S equivalent, meaning."""

    code: str
    name: str
    japanese: str
    meaning: Text


@dataclass(frozen=True)
class Scenario:
    """A short workplace situation in a sentra IKM and the R it practises (``answer``, a code)."""

    key: str
    commodity: str
    text: Text
    answer: str


FIVE_R: tuple[FiveR, ...] = (
    FiveR(
        "r1",
        "Ringkas",
        "Seiri",
        Text(
            "Memilah: singkirkan barang yang tidak diperlukan dari tempat kerja.",
            "Sort: remove what is not needed from the workplace.",
        ),
    ),
    FiveR(
        "r2",
        "Rapi",
        "Seiton",
        Text(
            "Menata: setiap barang punya tempat yang ditandai, mudah diambil dan dikembalikan.",
            "Set in order: a marked place for everything, easy to take and to put back.",
        ),
    ),
    FiveR(
        "r3",
        "Resik",
        "Seiso",
        Text(
            "Membersihkan sambil memeriksa: tempat kerja dan alat bersih, kerusakan cepat terlihat.",
            "Shine: clean and inspect, so that faults show early.",
        ),
    ),
    FiveR(
        "r4",
        "Rawat",
        "Seiketsu",
        Text(
            "Menjaga standar: tiga R pertama dijadikan aturan, jadwal dan daftar periksa tertulis.",
            "Standardise: keep the first three R as routine through written rules, schedules and checklists.",
        ),
    ),
    FiveR(
        "r5",
        "Rajin",
        "Shitsuke",
        Text(
            "Membiasakan: disiplin menjalankan aturan setiap hari sampai menjadi kebiasaan.",
            "Sustain: the discipline to follow the rules every day until it is a habit.",
        ),
    ),
)

_BY_CODE: Mapping[str, FiveR] = MappingProxyType({r.code: r for r in FIVE_R})


def r_by_code(code: str) -> FiveR:
    """The R with code ``r1`` (Ringkas) … ``r5`` (Rajin), in the order of 5S (Seiri … Shitsuke).

    Parameters
    ----------
    code : str
        ``"r1"`` to ``"r5"``.

    Returns
    -------
    FiveR

    Raises
    ------
    ValueError
        For any other code.

    Examples
    --------
    >>> r_by_code("r3").name, r_by_code("r3").japanese
    ('Resik', 'Seiso')
    """
    try:
        return _BY_CODE[code]
    except KeyError:
        raise ValueError(f"unknown 5R code {code!r}; expected one of {sorted(_BY_CODE)}") from None


def _s(key: str, commodity: str, answer: str, text_id: str, text_en: str) -> Scenario:
    return Scenario(key, commodity, Text(text_id, text_en), answer)


SCENARIOS: tuple[Scenario, ...] = (
    _s(
        "abon-1",
        "abon ikan",
        "r1",
        "Di dapur abon, pengelola mengeluarkan wajan rusak, karung bekas dan bumbu kedaluwarsa yang berbulan-bulan "
        "menumpuk di sudut, lalu membuangnya atau memindahkannya ke gudang.",
        "In the floss kitchen, the manager takes out broken woks, old sacks and expired spices that have piled up in "
        "a corner for months, and throws them away or moves them to the store.",
    ),
    _s(
        "abon-2",
        "abon ikan",
        "r2",
        "Sodet, timbangan dan alat press plastik diberi gantungan dan gambar bentuknya di dinding, sehingga semua "
        "orang tahu tempatnya dan langsung melihat alat yang belum dikembalikan.",
        "Spatulas, scales and the bag sealer get hooks and an outline painted on the wall, so everyone knows where "
        "each belongs and sees at once which tool has not been put back.",
    ),
    _s(
        "abon-3",
        "abon ikan",
        "r3",
        "Setiap selesai menggoreng, pekerja mengelap mesin peniris minyak dan, sambil membersihkan, memeriksa apakah "
        "ada baut yang kendor atau kabel yang terkelupas.",
        "After each frying batch, workers wipe the oil spinner and, while cleaning, check for loose bolts or "
        "frayed cables.",
    ),
    _s(
        "abon-4",
        "abon ikan",
        "r4",
        "Pengelola menempel jadwal piket kebersihan dan daftar periksa harian di pintu dapur: apa yang dibersihkan, "
        "oleh siapa dan kapan.",
        "The manager posts a cleaning roster and a daily checklist on the kitchen door: what is cleaned, by whom "
        "and when.",
    ),
    _s(
        "abon-5",
        "abon ikan",
        "r5",
        "Tiga bulan kemudian, anggota tetap memakai penutup kepala dan mencuci tangan tanpa perlu diingatkan; ketua "
        "kelompok memberi contoh dan mengajak anggota baru melakukan hal yang sama.",
        "Three months later, members still wear hair covers and wash their hands without being reminded; the group "
        "leader sets the example and brings new members along.",
    ),
    _s(
        "tenun-1",
        "tenun",
        "r1",
        "Di rumah tenun, benang sisa yang kusut, alat tenun rusak yang tidak terpakai dan kain contoh lama dipilah; "
        "yang tidak diperlukan dikeluarkan dari ruang kerja.",
        "In the weaving house, tangled leftover yarn, broken looms no one uses and old sample cloths are sorted; "
        "whatever is not needed leaves the workroom.",
    ),
    _s(
        "tenun-2",
        "tenun",
        "r2",
        "Gulungan benang disusun di rak menurut warna dan setiap rak diberi label warna, sehingga penenun tidak "
        "perlu membongkar karung untuk mencari benang.",
        "Yarn cones are arranged on shelves by colour and every shelf carries a colour label, so weavers no longer "
        "dig through sacks to find a yarn.",
    ),
    _s(
        "tenun-3",
        "tenun",
        "r3",
        "Sebelum mulai bekerja, penenun menyapu debu benang di sekitar alat tenun dan sekaligus memeriksa apakah "
        "sisir (suri) atau tali alat tenun ada yang aus.",
        "Before starting work, weavers sweep the lint around the loom and at the same time check whether the reed "
        "or the loom cords are worn.",
    ),
    _s(
        "tenun-4",
        "tenun",
        "r4",
        "Pengelola membuat aturan tertulis bergambar: cara menyimpan benang, jadwal membersihkan alat tenun setiap "
        "Sabtu, dan foto contoh ruang yang rapi, lalu menempelnya di dinding.",
        "The manager writes illustrated rules: how yarn is stored, a loom-cleaning schedule every Saturday and a "
        "photo of the tidy room, and posts them on the wall.",
    ),
    _s(
        "tenun-5",
        "tenun",
        "r5",
        "Penenun baru dibimbing penenun senior, dan semua anggota sudah terbiasa merapikan alat dan benang sebelum "
        "pulang, walaupun tidak ada yang mengawasi.",
        "New weavers are coached by senior weavers, and every member now tidies tools and yarn before going home, "
        "even when nobody is watching.",
    ),
    _s(
        "mete-1",
        "jambu mete",
        "r1",
        "Di ruang sangrai mete, drum bekas, kulit mete sisa dan kemasan salah cetak dikumpulkan dan dikeluarkan; "
        "hanya barang yang dipakai minggu ini yang tinggal di ruang produksi.",
        "In the cashew roasting room, old drums, leftover shells and misprinted packs are collected and taken out; "
        "only what is used this week stays in the production room.",
    ),
    _s(
        "mete-2",
        "jambu mete",
        "r2",
        "Lantai gudang diberi garis cat: kotak kuning untuk mete mentah dan kotak hijau untuk mete siap kemas, "
        "sehingga karung tidak tercampur dan mudah dihitung.",
        "The store floor gets painted lines: a yellow box for raw nuts and a green box for nuts ready to pack, so "
        "sacks are not mixed up and are easy to count.",
    ),
    _s(
        "mete-3",
        "jambu mete",
        "r3",
        "Setelah menyangrai, pekerja membersihkan kuali dan tungku dari kerak dan abu, sambil memeriksa apakah ada "
        "retak pada kuali atau kebocoran pada selang gas.",
        "After roasting, workers scrape crust and ash from the pans and the stove, checking at the same time for "
        "cracked pans or a leaking gas hose.",
    ),
    _s(
        "mete-4",
        "jambu mete",
        "r4",
        "Kelompok menyepakati standar ruang sangrai: daftar periksa kebersihan ditandatangani setiap hari dan foto "
        "'kondisi standar' ditempel di setiap meja kerja.",
        "The group agrees a standard for the roasting room: a cleaning checklist signed every day and a "
        "'standard condition' photo posted at every workbench.",
    ),
    _s(
        "mete-5",
        "jambu mete",
        "r5",
        "Ketua sentra memberi contoh dengan selalu membersihkan mejanya sendiri, dan kebiasaan baik itu tetap "
        "berjalan walaupun pesanan sedang ramai.",
        "The centre's chair sets the example by always cleaning her own bench, and the good habit keeps going even "
        "in the busy order season.",
    ),
    _s(
        "perak-1",
        "perak",
        "r1",
        "Di bengkel perak, meja kerja penuh kawat sisa, pinset patah dan cetakan lama; pengrajin memilah dan "
        "mengeluarkan semua yang tidak dipakai lagi.",
        "In the silver workshop, benches are covered with wire offcuts, broken tweezers and old moulds; the "
        "craftsmen sort them and take out everything no longer used.",
    ),
    _s(
        "perak-2",
        "perak",
        "r2",
        "Setiap pengrajin mendapat papan alat dengan tempat bernomor untuk tiap tang, pinset dan kikir, sehingga alat "
        "selalu kembali ke tempatnya.",
        "Each craftsman gets a tool board with a numbered place for every plier, tweezer and file, so tools always "
        "go back to their place.",
    ),
    _s(
        "perak-3",
        "perak",
        "r3",
        "Setiap sore serbuk perak di meja dan lantai dikumpulkan dan dibersihkan; sambil membersihkan, pengrajin "
        "memeriksa nyala api dan selang alat solder.",
        "Every afternoon the silver dust on benches and floor is gathered and cleaned up; while cleaning, the "
        "craftsmen check the torch flame and the soldering hose.",
    ),
    _s(
        "perak-4",
        "perak",
        "r4",
        "Pengelola menulis prosedur baku: urutan membersihkan meja, tempat menyimpan kawat menurut ukuran, dan "
        "jadwal pemeriksaan alat solder; semua bengkel memakai prosedur yang sama.",
        "The manager writes a standard procedure: the order of cleaning a bench, where wire is stored by gauge, and "
        "a schedule for checking the soldering kit; every workshop uses the same procedure.",
    ),
    _s(
        "perak-5",
        "perak",
        "r5",
        "Tanpa perlu disuruh, para pengrajin kini selalu mengembalikan alat dan membersihkan meja sebelum pulang; "
        "anggota baru ikut terbiasa karena melihat yang lain.",
        "Without being told, the craftsmen now always put tools back and clean their bench before going home; new "
        "members pick up the habit from watching the others.",
    ),
    _s(
        "meubel-1",
        "meubel",
        "r1",
        "Potongan kayu yang tidak mungkin dipakai lagi, kaleng cat kosong dan mesin amplas rusak dipilah dari "
        "bengkel meubel, lalu dijual atau dibuang.",
        "Wood offcuts too small to use, empty paint tins and a broken sander are sorted out of the furniture "
        "workshop, then sold or thrown away.",
    ),
    _s(
        "meubel-2",
        "meubel",
        "r2",
        "Bengkel meubel dibagi menjadi area potong, rakit, finishing dan barang jadi, dengan garis di lantai dan "
        "papan nama di setiap area.",
        "The furniture workshop is divided into cutting, assembly, finishing and finished-goods areas, with lines "
        "on the floor and a name board in each area.",
    ),
    _s(
        "meubel-3",
        "meubel",
        "r3",
        "Setiap hari setelah kerja, serbuk gergaji disapu dan mesin gergaji dibersihkan; sambil membersihkan, "
        "operator memeriksa mata gergaji dan sabuk mesin.",
        "Every day after work the sawdust is swept and the saw cleaned; while cleaning, the operator checks the "
        "blade and the drive belt.",
    ),
    _s(
        "meubel-4",
        "meubel",
        "r4",
        "Kelompok membuat lembar standar 5R bengkel: apa yang harus bersih, di mana setiap alat disimpan dan siapa "
        "yang bertanggung jawab tiap minggu; lembar itu ditempel di setiap area.",
        "The group writes a 5R standard sheet for the workshop: what must be clean, where each tool is kept and who "
        "is responsible each week; the sheet is posted in every area.",
    ),
    _s(
        "meubel-5",
        "meubel",
        "r5",
        "Rapat mingguan bengkel selalu dibuka dengan lima menit membahas 5R; setelah setengah tahun para tukang tetap "
        "menjaga bengkel rapi dan bersih tanpa harus ditegur.",
        "The weekly workshop meeting always opens with five minutes on 5R; half a year later the carpenters still "
        "keep the workshop tidy and clean without being told off.",
    ),
)

# Practice and graded items draw from disjoint halves of the bank, so that a
# participant's practice scenario is never their graded one.
PRACTICE_SCENARIOS: tuple[Scenario, ...] = SCENARIOS[0::2]
GRADED_SCENARIOS: tuple[Scenario, ...] = SCENARIOS[1::2]
