"""The decision form of the technical simulation: each decision, its range or options, and its label (data).

The participant's workbook builds its widgets from :data:`DECISION_FORM` (the
public part of the exercise ``simulasi.decisions``); the simulation
(:mod:`ikm_curriculum.simulation.decisions`) checks decisions against the same
limits. One place for both, so the form and the model never disagree.

>>> [f["id"] for f in DECISION_FORM][:3]
['production_plan', 'inspection_n', 'inspection_c']
>>> DECISION_FORM[0]["type"], DECISION_FORM[0]["min"], DECISION_FORM[0]["max"]
('number', 0.5, 1.5)
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any, Mapping

from ikm_curriculum.modules.quality.commodities import Text

ENFORCEMENT_LEVELS = ("longgar", "sedang", "ketat")
"""Enforcement of the house rules, lax → strict."""
LAYOUTS = ("A", "B", "C")
"""Layout options: A best flow, B process order in rows, C as built."""
CERTIFICATIONS = ("pirt", "halal", "sni")
"""Certificates the centre may help its members obtain."""

PLAN_RANGE = (0.5, 1.5)
MAX_SAMPLE = 200
MAX_INTERVAL = 12
MAX_FEE = 200_000
MAX_VISITS = 4

DECISION_LABELS: Mapping[str, Text] = MappingProxyType(
    {
        "production_plan": Text("Rencana produksi (× perkiraan permintaan)", "Production plan (× demand forecast)"),
        "inspection_n": Text("Jumlah sampel per lot (n)", "Sample size per lot (n)"),
        "inspection_c": Text("Angka penerimaan (c)", "Acceptance number (c)"),
        "maintenance_interval_months": Text("Servis mesin tiap … bulan (0 = tidak pernah)",
                                            "Service machines every … months (0 = never)"),
        "fee_level": Text("Iuran anggota per bulan (Rp)", "Member fee per month (Rp)"),
        "enforcement": Text("Penegakan tata tertib", "Enforcement of house rules"),
        "mentoring_visits": Text("Kunjungan pendampingan per bulan", "Mentoring visits per month"),
        "layout": Text("Tata letak", "Layout"),
        "certification": Text("Sertifikasi yang difasilitasi", "Certification facilitated"),
        "control_charts": Text("Memakai peta kendali", "Control charts in use"),
    }
)  # fmt: skip
"""Participant-facing name of each decision (Bahasa Indonesia, English)."""

CHOICE_LABELS: Mapping[str, Text] = MappingProxyType(
    {
        "longgar": Text("Longgar: aturan jarang ditegakkan", "Lax: rules seldom enforced"),
        "sedang": Text("Sedang: teguran dan sanksi bertahap", "Moderate: warnings and stepwise sanctions"),
        "ketat": Text("Ketat: setiap pelanggaran disanksi", "Strict: every violation sanctioned"),
        "A": Text("A: alur bahan terpendek (hasil perbaikan tata letak)", "A: shortest material flow (improved)"),
        "B": Text("B: ruang berurutan sesuai proses, dua baris", "B: rooms in process order, two rows"),
        "C": Text("C: tata letak sekarang (apa adanya)", "C: current layout (as built)"),
        "pirt": Text("SPP-IRT (P-IRT)", "Home-industry food permit (P-IRT)"),
        "halal": Text("Sertifikat halal", "Halal certificate"),
        "sni": Text("SNI (SPPT-SNI)", "National standard SNI"),
    }
)
"""Names of the options of ``enforcement``, ``layout`` and ``certification``."""


def _options(keys: tuple[str, ...]) -> list[dict[str, Any]]:
    return [{"id": key, "label": CHOICE_LABELS[key].to_dict()} for key in keys]


def _field(key: str, kind: str, **spec: Any) -> dict[str, Any]:
    return {"id": key, "label": DECISION_LABELS[key].to_dict(), "type": kind, **spec}


DECISION_FORM: tuple[dict[str, Any], ...] = (
    _field("production_plan", "number", min=PLAN_RANGE[0], max=PLAN_RANGE[1], step=0.05),
    _field("inspection_n", "int", min=0, max=MAX_SAMPLE),
    _field("inspection_c", "int", min=0, max=MAX_SAMPLE - 1),
    _field("maintenance_interval_months", "int", min=0, max=MAX_INTERVAL),
    _field("fee_level", "int", min=0, max=MAX_FEE, step=5_000),
    _field("enforcement", "choice", options=_options(ENFORCEMENT_LEVELS)),
    _field("mentoring_visits", "int", min=0, max=MAX_VISITS),
    _field("layout", "choice", options=_options(LAYOUTS)),
    _field("certification", "multi", options=_options(CERTIFICATIONS)),
    _field("control_charts", "bool"),
)
"""The form, field by field, as the ``decisions`` exercise kind reads it (:mod:`ikm_curriculum.assessment.kinds`)."""
