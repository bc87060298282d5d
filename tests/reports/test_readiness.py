"""Readiness per centre: the mentoring module's scorecard and follow-up list applied to the training's scores.

Sentra Abeli has two participants: quality 8/10 and 6/10 (mean 70 %), facility 5/10 and 3/10 (mean 40 %).
With target 70 % per module and equal weights (mentoring scorecard: achievement = actual ÷ target, index =
Σ weight × min(achievement, 1.2) × 100): quality 70/70 = 1.0, facility 40/70 = 0.571;
index = (1.0 + 0.571) / 2 × 100 = 78.6 → kuning (70 ≤ index < 90, TRAFFIC_LIGHTS).
Facility is below target with light merah (57.1 < 70) → priority 1 (tinggi) in the follow-up list.
Sentra Puuwatu's one participant handed in nothing: no scorecard, one action (contact them).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from ikm_curriculum.cohort.scores import CohortScores, ParticipantScores
from ikm_curriculum.reports.readiness import MONEV_AFTER_DAYS, centre_readiness, quarter_of

LAST_DAY = date(2026, 11, 26)


def _person(code: str, sentra: str, quality: float, facility: float, submitted: bool = True) -> ParticipantScores:
    by_module = {"quality": (quality, 10.0), "facility": (facility, 10.0)}
    return ParticipantScores(code, code, sentra, "abon", "Kota Kendari", submitted, quality + facility, 20.0, 0,
                             by_module)  # fmt: skip


def test_a_centre_below_target_in_one_module_gets_one_action() -> None:
    scores = CohortScores(
        "uji",
        ("quality", "facility"),
        (
            _person("a", "Sentra Abeli", 8, 5),
            _person("b", "Sentra Abeli", 6, 3),
            _person("c", "Sentra Puuwatu", 0, 0, False),
        ),
        (),
    )
    abeli, puuwatu = centre_readiness(scores, LAST_DAY, "id")
    assert abeli.module_percent == pytest.approx({"quality": 70.0, "facility": 40.0})
    assert abeli.index == pytest.approx((1.0 + 40 / 70) / 2 * 100, abs=0.01)
    assert abeli.status == "kuning"
    assert len(abeli.actions) == 1
    proposed = abeli.actions[0]
    assert proposed.priority == 1
    assert "tata letak" in proposed.action.action  # the facility module's follow-up action
    assert proposed.action.due == LAST_DAY + timedelta(days=MONEV_AFTER_DAYS)
    assert proposed.action.status == "belum"
    assert puuwatu.index is None and puuwatu.status is None
    assert "Hubungi peserta" in puuwatu.actions[0].action.action


def test_a_centre_on_target_everywhere_has_nothing_to_follow_up() -> None:
    scores = CohortScores("uji", ("quality", "facility"), (_person("a", "Sentra Abeli", 9, 9),), ())
    (abeli,) = centre_readiness(scores, LAST_DAY, "en")
    assert abeli.status == "hijau" and abeli.actions == ()


def test_quarter_label() -> None:
    assert quarter_of(date(2026, 1, 1)) == "2026-Q1"  # January is in the first quarter
    assert quarter_of(date(2026, 11, 26)) == "2026-Q4"
