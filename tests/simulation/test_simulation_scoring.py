"""Scoring with common random numbers against the reference policy; rubric text."""

from __future__ import annotations

import pytest

from ikm_curriculum.errors import DecisionError
from ikm_curriculum.simulation import (
    REFERENCE_POLICY,
    RUBRIC,
    reference_text,
    rubric_text,
    scenarios_from_seed,
    score_participants,
)
from ikm_curriculum.simulation.scoring import points_for

SCENARIOS = scenarios_from_seed(404, n=30)
NEGLECT = REFERENCE_POLICY.replace(maintenance_interval_months=0, enforcement="longgar")


def test_reference_policy_gets_full_marks_and_ties_share_a_rank() -> None:
    scores = score_participants(
        {"p1": REFERENCE_POLICY, "p2": NEGLECT, "p3": REFERENCE_POLICY.to_dict(), "p4": NEGLECT.replace(fee_level=0)},
        SCENARIOS,
        max_points=20,
    )
    p1, p2, p3, p4 = (scores[p] for p in ("p1", "p2", "p3", "p4"))
    assert p1.points == 20.0 and p1.ratio == 1.0 and p1.index == p1.reference_index
    assert p3.index == p1.index and p1.rank == p3.rank == 1 and p1.beats_reference_share == 1.0
    assert p2.rank == 3 and p4.rank == 4 and p4.points < p2.points < 20
    assert p2.points == pytest.approx(points_for(p2.ratio, 20)) and p2.cohort_size == 4
    assert p2.index_low <= p2.index <= p2.index_high
    assert set(p1.to_dict()) >= {"participant", "points", "rank", "reference_index"}


def test_points_are_linear_between_half_and_full() -> None:
    assert [points_for(r, 10) for r in (0.3, 0.5, 0.6, 0.75, 0.99, 1.0, 1.3)] == pytest.approx(
        [0, 0, 2, 5, 9.8, 10, 10]
    )


def test_invalid_plain_decisions_name_every_participant() -> None:
    bad = REFERENCE_POLICY.to_dict() | {"fee_level": -1}
    worse = REFERENCE_POLICY.to_dict() | {"layout": "Z", "mentoring_visits": 9}
    with pytest.raises(DecisionError) as info:
        score_participants({"p1": REFERENCE_POLICY, "p2": bad, "p3": worse}, SCENARIOS)
    assert [field for field, _, _ in info.value.problems] == ["p2: fee_level", "p3: mentoring_visits", "p3: layout"]
    assert "p2" in str(info.value) and "p3" in str(info.value)


def test_rubric_is_bilingual_and_states_the_numbers() -> None:
    assert "SAMA" in RUBRIC.id and "SAME" in RUBRIC.en
    text = rubric_text(10, "id")
    assert text.startswith(RUBRIC.id) and "Nilai maksimum: 10." in text and "75 % → 5" in text
    assert "90 % → 8" in rubric_text(10, "en")
    assert "Servis mesin tiap … bulan (0 = tidak pernah): 3" in reference_text("id")
    assert "Member fee per month (Rp): 50,000" in reference_text("en")
