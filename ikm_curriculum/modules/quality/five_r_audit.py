"""5R audit (audit 5R): a checklist scored 0–4 per item, scores per R, and before/after comparison.

The five R and their meaning come from :mod:`.five_r` (5S: Osada 1991). The
checklist items and the 0–4 scale are this project's teaching checklist,
written for sentra IKM workshops and kitchens in the style of common 5S audit
sheets; they are data, not a standard (certainty: check — a centre or city may
use its own sheet; pass it as ``checklist``).

Scoring (decision):

* each item gets an integer 0–4 on :data:`SCALE`;
* an item missing from the scores was not audited (e.g. no such area): it is
  left out of the means, not counted as 0;
* per R: mean = Σ scores / n audited, percent = 100 · Σ scores / (4 · n audited);
* total: the same over all audited items (every item weighs the same).
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Mapping

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.quality.commodities import Text
from ikm_curriculum.modules.quality.five_r import FIVE_R, r_by_code

MAX_SCORE = 4

# Scale wording (Indonesian first). Project convention — check.
SCALE: Mapping[int, Text] = MappingProxyType(
    {
        0: Text("Tidak ada: belum dilakukan sama sekali", "None: not done at all"),
        1: Text("Kurang: baru sebagian kecil, tidak rutin", "Poor: a small part only, not routine"),
        2: Text("Cukup: sebagian besar dilakukan, masih ada kekurangan", "Fair: mostly done, some gaps remain"),
        3: Text("Baik: dilakukan dengan rutin, kekurangan kecil", "Good: done routinely, minor gaps"),
        4: Text("Sangat baik: selalu dilakukan dan menjadi kebiasaan", "Very good: always done, a habit"),
    }
)


@dataclass(frozen=True)
class AuditItem:
    """One checklist item: id (``r1.1`` …), the R it belongs to (``r1``–``r5``) and the question."""

    id: str
    r_code: str
    text: Text


def _i(item_id: str, id_text: str, en_text: str) -> AuditItem:
    return AuditItem(item_id, item_id.split(".")[0], Text(id_text, en_text))


CHECKLIST: tuple[AuditItem, ...] = (
    _i(
        "r1.1",
        "Tidak ada barang rusak atau tidak terpakai di area kerja.",
        "No broken or unused items in the work area.",
    ),
    _i(
        "r1.2",
        "Bahan dan bumbu kedaluwarsa sudah dipisahkan atau dibuang.",
        "Expired materials are separated or discarded.",
    ),
    _i(
        "r1.3",
        "Hanya alat dan bahan untuk pekerjaan hari ini yang ada di meja kerja.",
        "Only today's tools and materials are on the workbench.",
    ),
    _i(
        "r2.1",
        "Setiap alat punya tempat yang ditandai (label, gambar bentuk, rak).",
        "Every tool has a marked place (label, outline, shelf).",
    ),
    _i(
        "r2.2",
        "Lantai diberi garis atau papan nama untuk area kerja dan jalur.",
        "Floor lines or signs mark work areas and aisles.",
    ),
    _i(
        "r2.3",
        "Bahan disimpan menurut jenis dan urutan pakai (yang lama dipakai dulu).",
        "Materials are stored by type and first-in, first-out.",
    ),
    _i(
        "r3.1",
        "Lantai, dinding dan meja kerja bersih dari debu, minyak dan sisa produksi.",
        "Floor, walls and benches are free of dust, oil and scraps.",
    ),
    _i(
        "r3.2",
        "Mesin dan alat dibersihkan setiap selesai dipakai.",
        "Machines and tools are cleaned after each use.",
    ),
    _i(
        "r3.3",
        "Sambil membersihkan, kerusakan kecil dicatat dan dilaporkan.",
        "Small faults found while cleaning are noted and reported.",
    ),
    _i(
        "r4.1",
        "Ada jadwal piket kebersihan yang tertulis dan ditempel.",
        "A written cleaning roster is posted.",
    ),
    _i(
        "r4.2",
        "Ada daftar periksa 5R harian yang diisi dan ditandatangani.",
        "A daily 5R checklist is filled in and signed.",
    ),
    _i(
        "r4.3",
        "Ada foto atau gambar kondisi standar di setiap area.",
        "A photo of the standard condition is posted in each area.",
    ),
    _i(
        "r5.1",
        "Anggota menjalankan 5R tanpa harus diingatkan.",
        "Members practise 5R without being reminded.",
    ),
    _i(
        "r5.2",
        "Audit 5R dilakukan berkala dan hasilnya dibahas bersama.",
        "5R audits are held regularly and discussed together.",
    ),
    _i(
        "r5.3",
        "Anggota baru dibimbing menjalankan 5R sejak hari pertama.",
        "New members are coached in 5R from the first day.",
    ),
)


@dataclass(frozen=True)
class RScore:
    """Score of one R: items audited (of total), sum, mean (0–4) and percent (None if none audited)."""

    code: str
    name: str
    audited: int
    items: int
    points: int
    mean: float | None
    percent: float | None

    def to_dict(self) -> dict[str, Any]:
        """Plain values.

        >>> RScore("r1", "Ringkas", 1, 3, 4, 4.0, 100.0).to_dict()["percent"]
        100.0
        """
        return {
            "code": self.code,
            "name": self.name,
            "audited": self.audited,
            "items": self.items,
            "points": self.points,
            "mean": self.mean,
            "percent": self.percent,
        }


@dataclass(frozen=True)
class AuditResult:
    """Scores per R (in 5R order) and the total over all audited items."""

    per_r: tuple[RScore, ...]
    audited: int
    items: int
    points: int
    mean: float
    percent: float

    def percent_of(self, code: str) -> float | None:
        """Percent of one R (``r1``…``r5``).

        >>> score_audit({"r1.1": 2}).percent_of("r1")
        50.0
        """
        r_by_code(code)
        return next(r.percent for r in self.per_r if r.code == code)

    def to_dict(self) -> dict[str, Any]:
        """Plain values (JSON-able).

        >>> score_audit({"r1.1": 4, "r2.1": 2}).to_dict()["percent"]
        75.0
        """
        return {
            "per_r": [r.to_dict() for r in self.per_r],
            "audited": self.audited,
            "items": self.items,
            "points": self.points,
            "mean": self.mean,
            "percent": self.percent,
        }


def _check_checklist(checklist: tuple[AuditItem, ...]) -> dict[str, AuditItem]:
    by_id: dict[str, AuditItem] = {}
    for item in checklist:
        r_by_code(item.r_code)  # ValueError for a bad R code
        if item.id in by_id:
            raise CalculationError(f"checklist item id {item.id!r} appears twice")
        by_id[item.id] = item
    return by_id


def score_audit(scores: Mapping[str, int], checklist: tuple[AuditItem, ...] = CHECKLIST) -> AuditResult:
    """Score a 5R audit: per R and in total, as mean (0–4) and percent.

    For the audited items I (missing items are not audited and left out)::

        mean = Σ_{i∈I} scoreᵢ / |I|,     percent = 100 · Σ_{i∈I} scoreᵢ / (4 |I|)

    per R and over all items. See the module docstring for the decisions.

    Parameters
    ----------
    scores : mapping of str to int
        Item id → score 0–4 (see :data:`SCALE`). At least one item.
    checklist : tuple of AuditItem, default CHECKLIST

    Returns
    -------
    AuditResult

    Raises
    ------
    CalculationError
        An unknown item id, a score that is not an integer 0–4, no scores.

    Examples
    --------
    >>> r = score_audit({"r1.1": 4, "r1.2": 2, "r3.1": 1})
    >>> r.percent_of("r1"), r.percent_of("r2"), r.percent_of("r3"), round(r.percent, 2)
    (75.0, None, 25.0, 58.33)
    """
    by_id = _check_checklist(checklist)
    if not isinstance(scores, Mapping):
        raise CalculationError("scores must be a mapping of item id to score 0–4")
    if not scores:
        raise CalculationError("no item was scored: give at least one score 0–4")
    for item_id, score in scores.items():
        if item_id not in by_id:
            raise CalculationError(f"unknown checklist item {item_id!r}; expected one of {sorted(by_id)}")
        if isinstance(score, bool) or not isinstance(score, numbers.Integral) or not 0 <= score <= MAX_SCORE:
            raise CalculationError(f"score of {item_id!r} must be an integer from 0 to {MAX_SCORE}, got {score!r}")
    per_r: list[RScore] = []
    for r in FIVE_R:
        ids = [item.id for item in checklist if item.r_code == r.code]
        got = [int(scores[i]) for i in ids if i in scores]
        points = sum(got)
        mean = points / len(got) if got else None
        percent = 100.0 * points / (MAX_SCORE * len(got)) if got else None
        per_r.append(RScore(r.code, r.name, len(got), len(ids), points, mean, percent))
    audited = len(scores)
    points = sum(int(s) for s in scores.values())
    return AuditResult(
        tuple(per_r), audited, len(checklist), points, points / audited, 100.0 * points / (MAX_SCORE * audited)
    )


@dataclass(frozen=True)
class AuditComparison:
    """Change from one audit to the next, in percentage points (None where an R was not audited both times)."""

    per_r: Mapping[str, float | None]
    total: float
    before: AuditResult
    after: AuditResult

    def to_dict(self) -> dict[str, Any]:
        """Plain values (JSON-able).

        >>> compare_audits(score_audit({"r1.1": 1}), score_audit({"r1.1": 3})).to_dict()["total"]
        50.0
        """
        return {
            "per_r": dict(self.per_r),
            "total": self.total,
            "before": self.before.to_dict(),
            "after": self.after.to_dict(),
        }


def compare_audits(before: AuditResult, after: AuditResult) -> AuditComparison:
    """Per-R and total change, after − before, in percentage points.

    Δᵣ = percentᵣ(after) − percentᵣ(before), ``None`` when R was not audited
    in one of the two; Δ = percent(after) − percent(before).

    Examples
    --------
    >>> c = compare_audits(score_audit({"r1.1": 1, "r2.1": 2}), score_audit({"r1.1": 3, "r3.1": 4}))
    >>> dict(c.per_r)["r1"], dict(c.per_r)["r2"], c.total
    (50.0, None, 50.0)
    """
    if not isinstance(before, AuditResult) or not isinstance(after, AuditResult):
        raise CalculationError("compare_audits needs two results of score_audit (before, after)")
    change: dict[str, float | None] = {}
    for b, a in zip(before.per_r, after.per_r, strict=True):
        change[b.code] = None if a.percent is None or b.percent is None else a.percent - b.percent
    return AuditComparison(MappingProxyType(change), after.percent - before.percent, before, after)
