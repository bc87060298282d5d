"""CPPB-IRT inspection (pemeriksaan sarana produksi pangan IRT): aspects, graded findings, IRTP level.

A district/city food inspector checks the premises of a home food industry
(IRTP) against CPPB-IRT (good manufacturing practice for home food industry)
before an SPP-IRT is issued and in routine checks. Each nonconformity is
graded minor, mayor (major), serius (serious) or kritis (critical); the
numbers of findings per grade give the IRTP level (Level I–IV), the frequency
of the IRTP's own internal audit, and whether an SPP-IRT can be issued.

The level rule is DATA (:data:`DEFAULT_RULE`), so a city can pass its own
:class:`InspectionRule`. How sure we are — **check**:

* the official rule is the "Level IRTP" table in the annex on the inspection
  of production premises of :data:`SOURCE`; its text could not be read
  verbatim while writing this module;
* the thresholds below are those of the inspection form of the SPP-IRT
  information system built for BPOM (public code: repository
  ``riyanirawan007/bpom_sppirt``, file
  ``application/views/irtp/pemeriksaan_sarana/input_pemeriksaan_sarana.php``,
  function ``retr``): Level I up to 1 major; Level II 2–3 major; Level III
  4 or more major, or 1–4 serious; Level IV 5 or more serious, or any
  critical; minor findings do not change the level. Internal-audit
  frequencies from the same form: every two months, every month, every two
  weeks, every day;
* SPP-IRT can be issued at Level I–II, not at Level III–IV (the guideline as
  commonly taught; check against the city's own procedure).

The 14 aspects follow the inspection form (sections A–N); DOMAIN notes mark
the list firm, the last aspect check.
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Iterable, Mapping

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.quality.commodities import Text

SOURCE = (
    "Peraturan Badan Pengawas Obat dan Makanan Nomor 22 Tahun 2018 tentang Pedoman Pemberian Sertifikat "
    "Produksi Pangan Industri Rumah Tangga, lampiran Pemeriksaan Sarana Produksi Pangan Industri Rumah Tangga "
    "(tabel Level IRTP); thresholds as implemented in the BPOM SPP-IRT information system "
    "(riyanirawan007/bpom_sppirt, input_pemeriksaan_sarana.php)"
)
SOURCE_DATE = "2018"
CERTAINTY = "check"


@dataclass(frozen=True)
class Aspect:
    """An inspected aspect: letter of the form section (A–N) and bilingual name."""

    code: str
    name: Text


ASPECTS: tuple[Aspect, ...] = (
    Aspect("A", Text("Lokasi dan lingkungan produksi", "Location and production surroundings")),
    Aspect("B", Text("Bangunan dan fasilitas", "Building and facilities")),
    Aspect("C", Text("Peralatan produksi", "Production equipment")),
    Aspect("D", Text("Suplai air atau sarana penyediaan air", "Water supply")),
    Aspect("E", Text("Fasilitas dan kegiatan higiene dan sanitasi", "Hygiene and sanitation facilities")),
    Aspect("F", Text("Kesehatan dan higiene karyawan", "Staff health and hygiene")),
    Aspect("G", Text("Pemeliharaan dan program higiene dan sanitasi", "Maintenance and sanitation programme")),
    Aspect("H", Text("Penyimpanan", "Storage")),
    Aspect("I", Text("Pengendalian proses", "Process control")),
    Aspect("J", Text("Pelabelan pangan", "Food labelling")),
    Aspect("K", Text("Pengawasan oleh penanggung jawab", "Supervision by the person in charge")),
    Aspect("L", Text("Penarikan produk", "Product recall")),
    Aspect("M", Text("Pencatatan dan dokumentasi", "Records and documentation")),
    Aspect("N", Text("Pelatihan karyawan", "Staff training")),
)


@dataclass(frozen=True)
class Grade:
    """A grade of nonconformity (kriteria ketidaksesuaian): code, abbreviation on the form, names."""

    code: str
    abbreviation: str
    name: Text


GRADES: tuple[Grade, ...] = (
    Grade("minor", "MI", Text("Minor", "Minor")),
    Grade("major", "MA", Text("Mayor", "Major")),
    Grade("serious", "SE", Text("Serius", "Serious")),
    Grade("critical", "KR", Text("Kritis", "Critical")),
)

_GRADE_BY_KEY: Mapping[str, str] = MappingProxyType(
    {key.lower(): g.code for g in GRADES for key in (g.code, g.abbreviation, g.name.id, g.name.en)}
    | {"kritikal": "critical", "mayor": "major"}
)
_ASPECT_BY_KEY: Mapping[str, str] = MappingProxyType(
    {key.lower(): a.code for a in ASPECTS for key in (a.code, a.name.id, a.name.en)}
)


def grade_code(name: str) -> str:
    """Grade code for an Indonesian, English or form name (case-insensitive).

    >>> grade_code("Mayor"), grade_code("KR"), grade_code("serious")
    ('major', 'critical', 'serious')
    """
    key = name.strip().lower() if isinstance(name, str) else None
    if key is None or key not in _GRADE_BY_KEY:
        names = ", ".join(f"{g.name.id} ({g.abbreviation})" for g in GRADES)
        raise CalculationError(f"unknown grade {name!r}; expected one of: {names}")
    return _GRADE_BY_KEY[key]


def aspect_code(name: str) -> str:
    """Aspect letter for a letter or a full Indonesian/English aspect name (case-insensitive).

    >>> aspect_code("h"), aspect_code("Penarikan produk")
    ('H', 'L')
    """
    key = name.strip().lower() if isinstance(name, str) else None
    if key is None or key not in _ASPECT_BY_KEY:
        raise CalculationError(f"unknown aspect {name!r}; expected a letter A–N ({ASPECTS[0].name.id}, …)")
    return _ASPECT_BY_KEY[key]


@dataclass(frozen=True)
class Finding:
    """One nonconformity found: aspect (A–N), grade and an optional note (PLOR: problem, location, evidence).

    Aspect and grade are normalised on creation.

    >>> Finding("d", "Kritis", "air keruh dipakai untuk produksi").grade
    'critical'
    """

    aspect: str
    grade: str
    note: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "aspect", aspect_code(self.aspect))
        object.__setattr__(self, "grade", grade_code(self.grade))


@dataclass(frozen=True)
class LevelRow:
    """One IRTP level: the highest count allowed per grade (None: no limit), audit frequency, SPP-IRT."""

    level: int
    max_minor: int | None
    max_major: int | None
    max_serious: int | None
    max_critical: int | None
    internal_audit_frequency: Text
    spp_irt_issuable: bool

    @property
    def name(self) -> str:
        """``"Level I"`` … ``"Level IV"``."""
        return f"Level {_ROMAN.get(self.level, str(self.level))}"

    def limits(self) -> dict[str, int | None]:
        """Highest allowed count per grade code."""
        return {
            "minor": self.max_minor,
            "major": self.max_major,
            "serious": self.max_serious,
            "critical": self.max_critical,
        }

    def admits(self, counts: Mapping[str, int]) -> bool:
        """True when no grade count exceeds this level's limit."""
        return all(limit is None or counts[g] <= limit for g, limit in self.limits().items())


_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI"}


@dataclass(frozen=True)
class InspectionRule:
    """Levels in order; the level of an inspection is the first row whose limits all hold.

    The last row must have no limits, so that every inspection gets a level;
    limits may not decrease from one level to the next.
    """

    rows: tuple[LevelRow, ...]
    source: str
    source_date: str
    certainty: str

    def __post_init__(self) -> None:
        if not self.rows:
            raise CalculationError("an inspection rule needs at least one level")
        for i, row in enumerate(self.rows, start=1):
            if row.level != i:
                raise CalculationError(f"levels must be numbered 1, 2, … in order; row {i} has level {row.level}")
            for grade, limit in row.limits().items():
                if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 0):
                    raise CalculationError(f"{row.name}: limit for {grade} must be a count ≥ 0 or None, got {limit!r}")
        if any(limit is not None for limit in self.rows[-1].limits().values()):
            raise CalculationError(f"the last level ({self.rows[-1].name}) must have no limits (None)")
        for lower, upper in zip(self.rows, self.rows[1:], strict=False):
            for grade, limit in lower.limits().items():
                nxt = upper.limits()[grade]
                if limit is not None and nxt is not None and nxt < limit:
                    raise CalculationError(f"{upper.name} allows fewer {grade} findings than {lower.name}")

    def to_dict(self) -> dict[str, Any]:
        """The rule as a plain table (JSON-able).

        >>> DEFAULT_RULE.to_dict()["levels"][1]["max"]["major"]
        3
        """
        return {
            "source": self.source,
            "source_date": self.source_date,
            "certainty": self.certainty,
            "levels": [
                {
                    "level": row.level,
                    "name": row.name,
                    "max": row.limits(),
                    "internal_audit_frequency": row.internal_audit_frequency.to_dict(),
                    "spp_irt_issuable": row.spp_irt_issuable,
                }
                for row in self.rows
            ],
        }


DEFAULT_RULE = InspectionRule(
    rows=(
        LevelRow(1, None, 1, 0, 0, Text("Setiap dua bulan", "Every two months"), True),
        LevelRow(2, None, 3, 0, 0, Text("Setiap bulan", "Every month"), True),
        LevelRow(3, None, None, 4, 0, Text("Setiap dua minggu", "Every two weeks"), False),
        LevelRow(4, None, None, None, None, Text("Setiap hari", "Every day"), False),
    ),
    source=SOURCE,
    source_date=SOURCE_DATE,
    certainty=CERTAINTY,
)


@dataclass(frozen=True)
class InspectionResult:
    """Counts per grade, the resulting level and what follows from it."""

    counts: Mapping[str, int]
    level: int
    level_name: str
    internal_audit_frequency: Text
    spp_irt_issuable: bool
    source: str
    certainty: str

    def to_dict(self) -> dict[str, Any]:
        """Plain values (JSON-able).

        >>> inspection_level({"minor": 3}).to_dict()["level_name"]
        'Level I'
        """
        return {
            "counts": dict(self.counts),
            "level": self.level,
            "level_name": self.level_name,
            "internal_audit_frequency": self.internal_audit_frequency.to_dict(),
            "spp_irt_issuable": self.spp_irt_issuable,
            "source": self.source,
            "certainty": self.certainty,
        }


def _counts(findings: Mapping[str, int] | Iterable[Finding]) -> dict[str, int]:
    counts = {g.code: 0 for g in GRADES}
    if isinstance(findings, Mapping):
        for name, count in findings.items():
            if isinstance(count, bool) or not isinstance(count, numbers.Integral) or count < 0:
                raise CalculationError(f"count of {name!r} findings must be a non-negative integer, got {count!r}")
            counts[grade_code(name)] += int(count)
        return counts
    if isinstance(findings, (str, bytes)) or not isinstance(findings, Iterable):
        raise CalculationError("findings must be counts per grade (a mapping) or a list of Finding")
    for i, item in enumerate(findings, start=1):
        if not isinstance(item, Finding):
            raise CalculationError(f"finding {i} must be a Finding(aspect, grade, note), got {item!r}")
        counts[item.grade] += 1
    return counts


def inspection_level(
    findings: Mapping[str, int] | Iterable[Finding], rule: InspectionRule = DEFAULT_RULE
) -> InspectionResult:
    """The IRTP level of an inspection from the numbers of findings per grade.

    Level = the first level of ``rule`` whose limits all hold (no grade count
    above its limit). With :data:`DEFAULT_RULE` (source and certainty in the
    module docstring — check): Level I ≤ 1 major, no serious, no critical;
    Level II 2–3 major; Level III ≥ 4 major or 1–4 serious, no critical;
    Level IV ≥ 5 serious or ≥ 1 critical; minor findings do not change the
    level. SPP-IRT can be issued at Level I–II only.

    Parameters
    ----------
    findings : mapping of grade to count, or iterable of Finding
        Grades by code, Indonesian name or form abbreviation (``"mayor"``,
        ``"SE"`` …).
    rule : InspectionRule, default DEFAULT_RULE
        A city's own table can be passed here.

    Returns
    -------
    InspectionResult

    Raises
    ------
    CalculationError
        An unknown grade or aspect, a negative or non-integer count.

    Examples
    --------
    >>> inspection_level({"mayor": 2, "minor": 5}).level_name
    'Level II'
    >>> r = inspection_level([Finding("D", "serius"), Finding("F", "mayor")])
    >>> r.level_name, r.internal_audit_frequency.id, r.spp_irt_issuable
    ('Level III', 'Setiap dua minggu', False)
    """
    if not isinstance(rule, InspectionRule):
        raise CalculationError("rule must be an InspectionRule")
    counts = _counts(findings)
    row = next(r for r in rule.rows if r.admits(counts))  # the last row admits everything
    return InspectionResult(
        counts=MappingProxyType(counts),
        level=row.level,
        level_name=row.name,
        internal_audit_frequency=row.internal_audit_frequency,
        spp_irt_issuable=row.spp_irt_issuable,
        source=rule.source,
        certainty=rule.certainty,
    )
