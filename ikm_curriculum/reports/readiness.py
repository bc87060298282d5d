"""Readiness of each centre after the training, and its follow-up list, with the mentoring module's own tools.

The training's results are read as a KPI scorecard of the centre
(:func:`ikm_curriculum.modules.mentoring.scorecard.scorecard`): one KPI per
training module, its value the mean percent of the centre's participants who
handed in work, its target :data:`READINESS_TARGET`. The index, the traffic light
(hijau ≥ 90, kuning ≥ 70 of target) and the follow-up list
(:func:`ikm_curriculum.modules.mentoring.follow_up.follow_up`: priority from the
light) are exactly those taught in module 5, so the city office reads the same
scale in the report as in its monitoring visits (*monev*).

For each module below target an action is proposed for the first monitoring
visit, :data:`MONEV_AFTER_DAYS` days after the training's last day, as an
:class:`~ikm_curriculum.modules.mentoring.mentoring_log.ActionItem` of the
centre's mentoring plan (status *belum*).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from types import MappingProxyType
from typing import Any, Mapping

import numpy as np

from ikm_curriculum.cohort.scores import CohortScores
from ikm_curriculum.modules.mentoring.follow_up import FollowUp, follow_up
from ikm_curriculum.modules.mentoring.kpi import Kpi, KpiSet
from ikm_curriculum.modules.mentoring.mentoring_log import ActionItem
from ikm_curriculum.modules.mentoring.scorecard import scorecard
from ikm_curriculum.modules.quality.commodities import Text
from ikm_curriculum.reports.labels import module_title
from ikm_curriculum.reports.tables import percent

READINESS_TARGET = 70.0
"""Target percent of each module's points for a centre to count as ready (a teaching default: check)."""

MONEV_AFTER_DAYS = 90
"""Days from the training's last day to the first monitoring visit (DOMAIN.md: 'months later'; a default: check)."""

FOLLOW_UP_OWNER = Text("Pengelola sentra, didampingi narasumber", "Centre manager, with the facilitator")

FOLLOW_UP_ACTIONS: Mapping[str, Text] = MappingProxyType(
    {
        "quality": Text(
            "Dampingi pencatatan mutu di sentra: lembar periksa, peta kendali satu produk, audit 5R bulanan.",
            "Mentor quality records at the centre: check sheet, a control chart of one product, a monthly 5R audit.",
        ),
        "facility": Text(
            "Tinjau tata letak dan kapasitas ruang produksi bersama pengelola; hitung ulang kebutuhan mesin.",
            "Review the production room's layout and capacity with the manager; recount the machines needed.",
        ),
        "assets": Text(
            "Periksa KIB dan KIR sentra bersama pengurus barang; cocokkan dengan hasil inventarisasi.",
            "Check the centre's asset cards (KIB, KIR) with the asset keeper; match them with a stock count.",
        ),
        "rules": Text(
            "Bantu menyusun tata tertib tertulis dan buku catatan pemakaian mesin; periksa sebulan catatannya.",
            "Help write the house rules and a machine-use log; check one month of the log.",
        ),
        "mentoring": Text(
            "Isi kartu skor KPI triwulan pertama bersama pengelola dan susun rencana tindak pendampingan.",
            "Fill in the first quarter's KPI scorecard with the manager and write the mentoring action plan.",
        ),
        "field_visit": Text(
            "Ulangi daftar periksa pengamatan di sentra sendiri dan bahas temuan yang paling sering.",
            "Repeat the observation checklist at the centre itself and discuss the most frequent findings.",
        ),
        "technical_simulation": Text(
            "Bahas ulang keputusan simulasi (harga sewa mesin, jadwal, pemeriksaan mutu) dengan data sentra.",
            "Go over the simulation's decisions again (machine fee, schedule, quality checks) with the centre's data.",
        ),
    }
)
"""What to do at the first monitoring visit when a module is below target (editable data)."""

_NO_WORK = Text("Belum ada tugas yang dikumpulkan.", "No work handed in yet.")
_CONTACT_ACTION = Text(
    "Hubungi peserta dan minta tugasnya dikumpulkan.", "Contact the participants and collect their work."
)
_GENERIC_ACTION = Text(
    "Ulangi materi modul ini bersama pengelola sentra.", "Go over this module again with the centre manager."
)


@dataclass(frozen=True)
class ProposedAction:
    """A finding of the centre's follow-up list (priority 1–3, or None) and the action proposed for it."""

    finding: Text
    priority: int | None
    action: ActionItem

    def to_dict(self) -> dict[str, Any]:
        return {"finding": self.finding.to_dict(), "priority": self.priority, "action": self.action.to_dict()}


@dataclass(frozen=True)
class CentreReadiness:
    """One centre's scorecard of the training, its follow-up list and the proposed actions."""

    sentra: str
    participants: tuple[str, ...]
    module_percent: Mapping[str, float]
    index: float | None
    status: str | None
    follow_up: FollowUp | None
    actions: tuple[ProposedAction, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentra": self.sentra, "participants": list(self.participants),
            "module_percent": dict(self.module_percent), "index": self.index, "status": self.status,
            "follow_up": None if self.follow_up is None else self.follow_up.to_dict(),
            "actions": [a.to_dict() for a in self.actions],
        }  # fmt: skip


def quarter_of(day: date) -> str:
    """The quarter label of ``day`` as the scorecard writes it.

    >>> quarter_of(date(2026, 11, 26))
    '2026-Q4'
    """
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def training_kpis(modules: tuple[str, ...], target: float = READINESS_TARGET) -> KpiSet:
    """One KPI per training module: percent of its points, higher is better, ``target`` each, equal weights."""
    kpis = tuple(
        Kpi(module, Text(module_title(module, "id"), module_title(module, "en")), "%", "higher", target, 1.0)
        for module in modules
    )
    return KpiSet(kpis, f"training modules, target {target:g} % each (teaching default: check)")


def centre_readiness(
    scores: CohortScores, last_day: date, lang: str = "id", target: float = READINESS_TARGET
) -> tuple[CentreReadiness, ...]:
    """Every centre of the cohort, in roster order of its first participant (see the module docstring).

    A centre whose participants handed in nothing has no scorecard (index and
    status ``None``) and one action: contact them.
    """
    centres: dict[str, list[Any]] = {}
    for person in scores.participants:
        centres.setdefault(person.sentra, []).append(person)
    kpis = training_kpis(scores.modules, target) if scores.modules else None
    due = last_day + timedelta(days=MONEV_AFTER_DAYS)
    out = []
    for sentra, people in centres.items():
        names = tuple(p.nama for p in people)
        active = [p for p in people if p.submitted]
        if not active or kpis is None:
            owner = getattr(FOLLOW_UP_OWNER, lang)
            action = ActionItem("1", sentra, getattr(_CONTACT_ACTION, lang), owner, due, "belum")
            out.append(CentreReadiness(sentra, names, {}, None, None, None, (ProposedAction(_NO_WORK, None, action),)))
            continue
        values = {
            module: float(np.mean([percent(*p.by_module[module]) for p in active if p.by_module[module][1] > 0]))
            for module in scores.modules
            if any(p.by_module[module][1] > 0 for p in active)
        }
        result = scorecard({quarter_of(last_day): values}, kpis)
        listed = follow_up([], result, last_day)
        actions = tuple(
            ProposedAction(
                item.message,
                item.priority,
                ActionItem(
                    str(number),
                    sentra,
                    getattr(FOLLOW_UP_ACTIONS.get(item.subject, _GENERIC_ACTION), lang),
                    getattr(FOLLOW_UP_OWNER, lang),
                    due,
                    "belum",
                    measure=f"≥ {target:g} %",
                ),
            )
            for number, item in enumerate(listed.items, start=1)
        )
        out.append(CentreReadiness(sentra, names, values, result.latest.index, result.latest.status, listed, actions))
    return tuple(out)
