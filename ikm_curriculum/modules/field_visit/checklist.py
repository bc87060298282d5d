"""Observation checklist of the field visit (lembar pengamatan kunjungan lapangan), as data.

During the visit to a sentra IKM, each group walks through the centre for a
short time and answers every item ``ya`` (met), ``tidak`` (not met) or ``tb``
(*tidak berlaku*, not applicable); :mod:`.observation` scores the answers.
Four sections (:data:`SECTIONS`):

* ``5r`` — two items per R that a visitor can see (the R and its meaning come
  from :mod:`ikm_curriculum.modules.quality.five_r`; ``aspect`` is the R code
  ``r1``–``r5``). For a full 0–4 audit, see
  :mod:`ikm_curriculum.modules.quality.five_r_audit`;
* ``cppb`` — one or two items per CPPB-IRT aspect (``aspect`` is the letter
  A–N of :data:`~ikm_curriculum.modules.quality.cppb_irt.ASPECTS`), each with
  the grade a "not met" gets on the inspection form (``grade_if_not_met``, a
  code of :data:`~ikm_curriculum.modules.quality.cppb_irt.GRADES`). Only for
  food centres: see :func:`is_food_centre`;
* ``tata_letak`` — layout: flow, separation, aisles;
* ``aset`` — regional assets in use: KIB labels, idle or broken machines, KIR,
  use agreements, the machine-use log.

The items are this project's teaching checklist (certainty: check): a centre
or city may pass its own tuple of :class:`ChecklistItem` instead of
:data:`CHECKLIST`.

>>> len(CHECKLIST), len(checklist_for("abon ikan tuna")), len(checklist_for("tenun"))
(42, 42, 22)
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.quality.commodities import GENERIC_KEY, Text, normalise_commodity, profile_for
from ikm_curriculum.modules.quality.cppb_irt import aspect_code, grade_code
from ikm_curriculum.modules.quality.five_r import FIVE_R


@dataclass(frozen=True)
class Section:
    """A section of the checklist: key and bilingual name."""

    key: str
    name: Text


SECTIONS: tuple[Section, ...] = (
    Section("5r", Text("5R (Ringkas, Rapi, Resik, Rawat, Rajin)", "5R (the Indonesian 5S)")),
    Section("cppb", Text("CPPB-IRT (cara produksi pangan yang baik)", "CPPB-IRT (good practice, home food industry)")),
    Section("tata_letak", Text("Tata letak", "Layout")),
    Section("aset", Text("Aset (barang milik daerah)", "Assets (regional assets)")),
)
SECTION_BY_KEY: Mapping[str, Section] = MappingProxyType({s.key: s for s in SECTIONS})
_R_CODES = frozenset(r.code for r in FIVE_R)


@dataclass(frozen=True)
class ChecklistItem:
    """One thing to look at, worded so that ``ya`` means "met".

    ``aspect``: the R code (``r1``–``r5``) for section ``5r``, the CPPB-IRT
    aspect letter (A–N) for ``cppb``, free text or None for the others.
    ``grade_if_not_met``: the CPPB-IRT grade of a "not met" (``minor``,
    ``major``, ``serious``, ``critical``); required for ``cppb``, None elsewhere.
    Aspect letters and grade names are normalised on creation.

    >>> ChecklistItem("cppb.x", "cppb", Text("Air bersih", "Clean water"), "d", "Kritis").grade_if_not_met
    'critical'
    """

    key: str
    section: str
    text: Text
    aspect: str | None
    grade_if_not_met: str | None

    def __post_init__(self) -> None:
        if not isinstance(self.key, str) or not self.key.strip():
            raise CalculationError(f"checklist item key must be a non-empty text, got {self.key!r}")
        if self.section not in SECTION_BY_KEY:
            raise CalculationError(
                f"item {self.key!r}: section must be one of {list(SECTION_BY_KEY)}, got {self.section!r}"
            )
        if not isinstance(self.text, Text):
            raise CalculationError(f"item {self.key!r}: text must be a Text(id=..., en=...)")
        if self.section == "5r" and self.aspect not in _R_CODES:
            raise CalculationError(f"item {self.key!r}: a 5r item needs aspect r1–r5, got {self.aspect!r}")
        if self.section == "cppb":
            if self.aspect is None or self.grade_if_not_met is None:
                raise CalculationError(f"item {self.key!r}: a cppb item needs an aspect (A–N) and a grade_if_not_met")
            try:
                object.__setattr__(self, "aspect", aspect_code(self.aspect))
                object.__setattr__(self, "grade_if_not_met", grade_code(self.grade_if_not_met))
            except CalculationError as err:
                raise CalculationError(f"item {self.key!r}: {err}") from None
        elif self.grade_if_not_met is not None:
            raise CalculationError(
                f"item {self.key!r}: only cppb items carry a grade_if_not_met, got {self.grade_if_not_met!r}"
            )


def _i(key: str, text_id: str, text_en: str, aspect: str | None = None, grade: str | None = None) -> ChecklistItem:
    return ChecklistItem(key, key.split(".")[0], Text(text_id, text_en), aspect, grade)


# --- 5R: two items per R that can be seen in a short walk-through -----------------------------
_FIVE_R_ITEMS = (
    _i("5r.r1_unused", "Tidak ada barang yang tidak dipakai (alat rusak, karung bekas, sisa bahan lama) di area "
       "produksi.", "No unused things (broken tools, old sacks, old leftovers) in the production area.", "r1"),
    _i("5r.r1_bench", "Di meja kerja hanya ada alat dan bahan untuk pekerjaan hari ini.",
       "Only the tools and materials for today's work are on the benches.", "r1"),
    _i("5r.r2_marked", "Alat punya tempat yang ditandai (gantungan, gambar bentuk, label rak) dan memang ada di "
       "tempatnya.", "Tools have a marked place (hook, outline, shelf label) and are actually in it.", "r2"),
    _i("5r.r2_labelled", "Bahan dan barang jadi disimpan menurut jenisnya, dengan label yang terbaca.",
       "Materials and finished goods are stored by kind, with labels that can be read.", "r2"),
    _i("5r.r3_floor", "Lantai dan meja kerja bersih: tidak ada serbuk, minyak atau sisa bahan berceceran.",
       "Floor and benches are clean: no dust, oil or scraps lying around.", "r3"),
    _i("5r.r3_machines", "Mesin dan alat yang sudah dipakai hari ini sudah dibersihkan.",
       "Machines and tools used today have been cleaned.", "r3"),
    _i("5r.r4_roster", "Jadwal piket kebersihan ditempel dan terisi untuk minggu ini.",
       "A cleaning roster is posted and filled in for this week.", "r4"),
    _i("5r.r4_standard", "Ada aturan 5R tertulis atau foto kondisi standar yang ditempel di area kerja.",
       "Written 5R rules or a photo of the standard condition are posted in the work area.", "r4"),
    _i("5r.r5_habit", "Selama kunjungan, pekerja mengembalikan alat dan membersihkan tempatnya tanpa disuruh.",
       "During the visit, workers put tools back and clean up without being told.", "r5"),
    _i("5r.r5_audit", "Pengelola bisa menunjukkan hasil pemeriksaan 5R terakhir dan apa yang sudah diperbaiki "
       "sesudahnya.", "The manager can show the latest 5R check and what has been fixed since.", "r5"),
)  # fmt: skip

# --- CPPB-IRT: what a visitor can see or ask to be shown in about ten minutes ----------------
# Grades: the grade of the matching item of the inspection form (CPPB_FORM_ITEMS). Check.
_CPPB_ITEMS = (
    _i("cppb.a_surroundings", "Halaman dan lingkungan sekitar tempat produksi terawat: tidak ada tumpukan sampah, "
       "genangan air atau debu tebal.", "The yard and surroundings of the production place are kept up: no "
       "rubbish heaps, standing water or thick dust.", "A", "serious"),
    _i("cppb.b_food_only", "Ruang produksi cukup luas, mudah dibersihkan dan hanya dipakai untuk membuat pangan "
       "(bukan untuk menjemur baju atau menyimpan barang rumah tangga).", "The production room is roomy, easy to "
       "clean and used only for making food (not for drying laundry or storing household things).", "B", "major"),
    _i("cppb.b_floor_walls", "Lantai, dinding dan langit-langit ruang produksi bersih: tidak berdebu, berjamur "
       "atau berlendir.", "Floor, walls and ceiling of the production room are clean: no dust, mould or slime.",
       "B", "serious"),
    _i("cppb.c_contact_surfaces", "Permukaan alat yang menyentuh pangan (wajan, meja, baskom, pisau) bersih dan "
       "tidak berkarat.", "Surfaces that touch the food (woks, tables, basins, knives) are clean and free of rust.",
       "C", "critical"),
    _i("cppb.c_scale", "Ada timbangan untuk menimbang isi bersih, dan hasilnya tepat (dicek dengan anak timbangan "
       "atau kemasan yang beratnya diketahui).", "There is a scale for the net contents and it reads right "
       "(checked with a test weight or a pack of known weight).", "C", "serious"),
    _i("cppb.d_clean_water", "Air untuk produksi berasal dari sumber yang bersih (PDAM atau sumur terlindung): "
       "jernih dan tidak berbau.", "Water for production comes from a clean source (piped water or a protected "
       "well): clear, no smell.", "D", "critical"),
    _i("cppb.e_handwash", "Ada tempat cuci tangan dengan air mengalir, sabun dan lap atau tisu pengering.",
       "There is a hand-washing place with running water, soap and a towel or paper to dry hands.", "E", "serious"),
    _i("cppb.e_bins", "Tempat sampah di ruang produksi tertutup.", "Rubbish bins in the production room have lids.",
       "E", "critical"),
    _i("cppb.f_work_clothes", "Pekerja yang mengolah pangan memakai pakaian kerja (celemek, penutup kepala) dan "
       "tidak memakai perhiasan.", "Workers handling food wear work clothes (apron, hair cover) and no jewellery.",
       "F", "serious"),
    _i("cppb.f_no_eating", "Tidak ada pekerja yang makan, minum atau merokok sambil mengolah pangan.",
       "No worker eats, drinks or smokes while handling food.", "F", "major"),
    _i("cppb.g_chemicals", "Sabun, pembersih dan bahan kimia lain disimpan dalam wadah berlabel, terpisah dari "
       "bahan pangan.", "Soap, cleaners and other chemicals are kept in labelled containers, away from food.",
       "G", "major"),
    _i("cppb.g_no_pets", "Tidak ada hewan (kucing, ayam, anjing) di dalam atau di sekitar ruang produksi.",
       "No animals (cats, chickens, dogs) in or around the production room.", "G", "critical"),
    _i("cppb.h_storage_apart", "Bahan baku, kemasan dan produk jadi disimpan terpisah di tempat yang bersih dan "
       "kering, tidak langsung di lantai atau menempel dinding.", "Raw materials, packaging and finished products "
       "are stored apart in a clean, dry place, not on the floor or against the wall.", "H", "critical"),
    _i("cppb.h_clean_tools", "Alat yang sudah dicuci disimpan di tempat yang bersih (rak atau lemari tertutup).",
       "Washed tools are kept in a clean place (a rack or a closed cupboard).", "H", "critical"),
    _i("cppb.i_food_packaging", "Kemasan yang dipakai adalah kemasan khusus pangan (food grade), bukan plastik "
       "atau kertas bekas.", "Packs are food-grade packaging, not reused plastic or paper.", "I", "serious"),
    _i("cppb.j_label", "Label kemasan memuat nama produk, daftar bahan, berat bersih, nama dan alamat produsen, "
       "tanggal kedaluwarsa, kode produksi dan nomor P-IRT.", "The pack label shows product name, ingredients, "
       "net weight, maker's name and address, expiry date, production code and P-IRT number.", "J", "critical"),
    _i("cppb.k_pkp", "Penanggung jawab produksi bisa menunjukkan sertifikat Penyuluhan Keamanan Pangan (PKP).",
       "The person in charge of production can show a food-safety counselling (PKP) certificate.", "K",
       "critical"),
    _i("cppb.l_recall", "Pengelola bisa menjelaskan cara menarik produk yang tidak aman dari pembeli, dan kode "
       "produksi di kemasan memungkinkan itu.", "The manager can explain how unsafe products are taken back from "
       "buyers, and the production code on the pack makes that possible.", "L", "critical"),
    _i("cppb.m_records", "Ada catatan produksi (tanggal, jumlah, bahan yang dipakai) yang bisa ditunjukkan.",
       "Production records (date, quantity, materials used) can be shown.", "M", "serious"),
    _i("cppb.n_training", "Ada program atau catatan pelatihan keamanan pangan untuk pekerja.",
       "There is a food-safety training programme or record for the workers.", "N", "critical"),
)  # fmt: skip

# --- Layout (tata letak) ----------------------------------------------------------------------
_LAYOUT_ITEMS = (
    _i("tata_letak.one_way_flow", "Bahan bergerak searah dari bahan baku sampai barang jadi, tidak bolak-balik "
       "melewati tempat yang sama.", "Material moves one way from raw material to finished goods, without going "
       "back through the same place."),
    _i("tata_letak.raw_finished_apart", "Bahan baku dan barang jadi ditaruh di tempat yang terpisah, tidak "
       "bercampur.", "Raw materials and finished goods are kept in separate places, not mixed."),
    _i("tata_letak.clear_aisles", "Jalan di dalam ruang kerja lapang: tidak terhalang karung, kotak atau alat, dan "
       "bisa dilalui orang yang membawa barang.", "Aisles are clear: not blocked by sacks, boxes or tools, wide "
       "enough for someone carrying goods."),
    _i("tata_letak.steps_close", "Meja atau mesin untuk langkah kerja yang berurutan letaknya berdekatan, pekerja "
       "tidak perlu berjalan jauh.", "Benches or machines for consecutive steps stand close together; workers do "
       "not walk far between steps."),
    _i("tata_letak.light_air", "Tempat kerja cukup terang dan udaranya mengalir.",
       "The workplace has enough light and fresh air."),
    _i("tata_letak.exits_clear", "Pintu keluar dan alat pemadam api (APAR) mudah dicapai, tidak terhalang.",
       "Exits and the fire extinguisher are easy to reach, not blocked."),
)  # fmt: skip

# --- Assets (barang milik daerah) -------------------------------------------------------------
_ASSET_ITEMS = (
    _i("aset.kib_label", "Setiap mesin bantuan pemerintah diberi label kode barang (nomor register KIB) yang masih "
       "terbaca.", "Every government-funded machine carries an asset-code label (KIB register number) that can "
       "still be read."),
    _i("aset.no_idle_machine", "Tidak ada mesin yang menganggur: semua mesin bantuan dipakai untuk produksi.",
       "No machine stands idle: every funded machine is used for production."),
    _i("aset.no_broken_machine", "Tidak ada mesin rusak yang dibiarkan: yang rusak sudah dilaporkan atau sedang "
       "diperbaiki.", "No broken machine is left as it is: broken ones are reported or being repaired."),
    _i("aset.kir_posted", "Kartu Inventaris Ruangan (KIR) ditempel di setiap ruangan dan isinya cocok dengan barang "
       "yang ada.", "A room inventory card (KIR) is posted in each room and matches what is in the room."),
    _i("aset.use_agreement", "Untuk ruang atau unit yang dipakai anggota, perjanjian pemanfaatan (misalnya sewa) "
       "ditempel atau bisa ditunjukkan.", "For rooms or units used by members, the use agreement (e.g. a lease) is "
       "posted or can be shown."),
    _i("aset.machine_log", "Buku pemakaian mesin diisi (tanggal, pemakai, jam) sampai minggu ini.",
       "The machine-use log is filled in (date, user, hours) up to this week."),
)  # fmt: skip

CHECKLIST: tuple[ChecklistItem, ...] = _FIVE_R_ITEMS + _CPPB_ITEMS + _LAYOUT_ITEMS + _ASSET_ITEMS
"""The whole checklist, in section order (5r, cppb, tata_letak, aset)."""

CPPB_FORM_ITEMS: Mapping[str, int] = MappingProxyType(
    {
        "cppb.a_surroundings": 1,
        "cppb.b_food_only": 2,
        "cppb.b_floor_walls": 3,
        "cppb.c_contact_surfaces": 5,
        "cppb.c_scale": 7,
        "cppb.d_clean_water": 9,
        "cppb.e_handwash": 11,
        "cppb.e_bins": 13,
        "cppb.f_work_clothes": 15,
        "cppb.f_no_eating": 17,
        "cppb.g_chemicals": 19,
        "cppb.g_no_pets": 21,
        "cppb.h_storage_apart": 23,
        "cppb.h_clean_tools": 24,
        "cppb.i_food_packaging": 27,
        "cppb.j_label": 30,
        "cppb.k_pkp": 32,
        "cppb.l_recall": 34,
        "cppb.m_records": 35,
        "cppb.n_training": 37,
    }
)
"""Number (1–37) of the inspection-form item each cppb item stands for; its grade is that item's grade."""

CPPB_GRADE_SOURCE = (
    "Inspection form of production premises (formulir pemeriksaan sarana produksi pangan IRT, 37 items in "
    "sections A-N, each with one grade MI/MA/SE/KR), Peraturan BPOM 22/2018 annex, as implemented in the "
    "BPOM SPP-IRT information system (riyanirawan007/bpom_sppirt, application/views/irtp/pemeriksaan_sarana/"
    "input_pemeriksaan_sarana.php). The wording of the items here is this project's, for visitors."
)
CPPB_GRADE_CERTAINTY = "check"  # the form's text could not be read from the regulation itself

FOOD_PROFILE_KEYS: frozenset[str] = frozenset({"abon ikan", "jambu mete"})
"""Commodity profiles (:data:`~ikm_curriculum.modules.quality.commodities.PROFILES`) that are food."""

FOOD_KEYWORDS: tuple[str, ...] = (
    "pangan", "makanan", "minuman", "kue", "roti", "keripik", "kerupuk", "sambal", "dodol", "madu",
    "ikan", "sagu", "sinonggi", "kelor", "cokelat", "coklat", "kakao", "kopi", "teh", "gula",
    "food", "snack", "chocolate", "coffee",
)  # fmt: skip
"""Words (whole words) that make a commodity of the generic profile a food; e.g. sago, moringa, chocolate."""

FOOD_SOURCE = (
    "CPPB-IRT applies to home food industry (industri rumah tangga pangan) only: Peraturan BPOM 22/2018 (firm). "
    "Which commodities are food: this project's tables FOOD_PROFILE_KEYS and FOOD_KEYWORDS (check)."
)


def is_food_centre(
    commodity: str,
    food_profiles: frozenset[str] = FOOD_PROFILE_KEYS,
    food_keywords: tuple[str, ...] = FOOD_KEYWORDS,
) -> bool:
    """Whether a centre makes food, so that CPPB-IRT applies (industri rumah tangga pangan).

    The commodity profiles carry no food flag, so the rule is (certainty:
    check; :data:`FOOD_SOURCE`): food if ``profile_for(commodity).key`` is in
    ``food_profiles`` (fish floss, cashew); for a commodity that falls to the
    generic profile (``"umum"``), food if one of ``food_keywords`` is a whole
    word of it (sago *sinonggi*, moringa *kelor*, chocolate …); otherwise not
    food (woven cloth, filigree silver, furniture, unknown crafts).

    Parameters
    ----------
    commodity : str
        The commodity as written in the roster.
    food_profiles, food_keywords
        Tables a facilitator can replace.

    Returns
    -------
    bool

    Raises
    ------
    CalculationError
        An empty or non-text commodity.

    Examples
    --------
    >>> is_food_centre("Abon Ikan Tuna"), is_food_centre("kain tenun"), is_food_centre("Sinonggi (sagu)")
    (True, False, True)
    """
    if not isinstance(commodity, str) or not commodity.strip():
        raise CalculationError(f"commodity must be a non-empty text (e.g. 'abon ikan'), got {commodity!r}")
    profile = profile_for(commodity)
    if profile.key in food_profiles:
        return True
    if profile.key != GENERIC_KEY:
        return False
    words = f" {normalise_commodity(commodity)} "
    return any(f" {normalise_commodity(word)} " in words for word in food_keywords)


def check_checklist(checklist: tuple[ChecklistItem, ...]) -> dict[str, ChecklistItem]:
    """Items by key; a CalculationError for a non-item or a key that appears twice.

    >>> len(check_checklist(CHECKLIST))
    42
    """
    if isinstance(checklist, (str, bytes)) or not isinstance(checklist, tuple):
        raise CalculationError("checklist must be a tuple of ChecklistItem")
    by_key: dict[str, ChecklistItem] = {}
    for i, item in enumerate(checklist, start=1):
        if not isinstance(item, ChecklistItem):
            raise CalculationError(f"checklist entry {i} must be a ChecklistItem, got {item!r}")
        if item.key in by_key:
            raise CalculationError(f"checklist item key {item.key!r} appears twice")
        by_key[item.key] = item
    return by_key


def checklist_for(
    commodity: str, food: bool | None = None, checklist: tuple[ChecklistItem, ...] = CHECKLIST
) -> tuple[ChecklistItem, ...]:
    """The checklist for a visit to a centre of ``commodity``: without the cppb section if it is not food.

    CPPB-IRT is good practice for home food industry (Peraturan BPOM
    22/2018, firm), so weaving, silver and furniture centres are observed on
    5R, layout and assets only. Whether a centre is food: :func:`is_food_centre`
    (check), or ``food=True/False`` when the facilitator knows better.

    Parameters
    ----------
    commodity : str
        The commodity as written in the roster.
    food : bool or None, default None
        None: decide with :func:`is_food_centre`.
    checklist : tuple of ChecklistItem, default CHECKLIST

    Returns
    -------
    tuple of ChecklistItem

    Raises
    ------
    CalculationError
        An empty commodity, ``food`` not a bool, a bad checklist.

    Examples
    --------
    >>> sorted({item.section for item in checklist_for("perak")})
    ['5r', 'aset', 'tata_letak']
    >>> len(checklist_for("kelor", food=False))
    22
    """
    check_checklist(checklist)
    if food is None:
        food = is_food_centre(commodity)
    elif not isinstance(food, bool):
        raise CalculationError(f"food must be True, False or None (decide from the commodity), got {food!r}")
    elif not isinstance(commodity, str) or not commodity.strip():
        raise CalculationError(f"commodity must be a non-empty text (e.g. 'abon ikan'), got {commodity!r}")
    return checklist if food else tuple(item for item in checklist if item.section != "cppb")
