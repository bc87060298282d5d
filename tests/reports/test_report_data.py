"""Report data: several cohorts combined into one report, and names replaced by codes."""

from __future__ import annotations

from datetime import date

import pytest

from ikm_curriculum.cohort.scores import CohortScores, ItemScore, ParticipantScores
from ikm_curriculum.cohort.training_info import TrainingInfo, set_training_info
from ikm_curriculum.errors import WorkspaceError
from ikm_curriculum.reports.charts import heatmap_rows
from ikm_curriculum.reports.report_data import COMBINED_NAME, ReportData, anonymized, combined, load_report_data


def _part(cohort: str, people: list[str], start: date, place: str) -> ReportData:
    participants = tuple(
        ParticipantScores(f"{cohort}-{n}", n, f"Sentra {n[0]}", "tenun", "Kota Kendari", True, 5.0, 10.0, 0,
                          {"quality": (5.0, 10.0)})
        for n in people
    )  # fmt: skip
    items = tuple(ItemScore(p.code, "quality", "q1", 5.0, 10.0, "auto") for p in participants)
    info = TrainingInfo(cohort, place=place, start_date=start, end_date=start, facilitators=("Dr. A", place))
    return ReportData(
        CohortScores(cohort, ("quality",), participants, items),
        "id",
        info=info,
        survey={"survei.materi": [{"ratings": {"s": 4}, "comment": cohort}]},
        workbooks={p.code: frozenset({"01_manajemen_mutu"}) for p in participants},
    )


def test_combined_cohorts_follow_each_other_and_merge_training_details() -> None:
    one = _part("k1", ["Ani", "Budi"], date(2026, 3, 2), "Kendari")
    two = _part("k2", ["Citra"], date(2026, 8, 10), "Konawe")
    data = combined([one, two])
    assert data.scores.cohort == COMBINED_NAME and data.cohorts == ("k1", "k2")
    assert [p.nama for p in data.scores.participants] == ["Ani", "Budi", "Citra"]
    assert len(data.scores.items) == 3 and data.scores.modules == ("quality",)
    assert (data.training.start_date, data.training.end_date) == (date(2026, 3, 2), date(2026, 8, 10))
    assert data.training.place == "Kendari; Konawe"
    assert data.training.facilitators == ("Dr. A", "Kendari", "Konawe")  # each name once, in order met
    assert [a["comment"] for a in data.survey["survei.materi"]] == ["k1", "k2"]
    assert set(data.workbooks) == {"k1/k1-Ani", "k1/k1-Budi", "k2/k2-Citra"}  # codes qualified by cohort
    hidden = anonymized(data)
    assert [p.nama for p in hidden.scores.participants] == ["P01", "P02", "P03"]
    assert {i.participant for i in hidden.scores.items} == {"P01", "P02", "P03"}


def test_heat_map_rows_are_centres_for_a_large_report() -> None:
    data = combined([_part("k1", ["Ani", "Adi", "Budi"], date(2026, 3, 2), "Kendari")])
    labels, values = heatmap_rows(data.scores)
    assert labels == ["Ani", "Adi", "Budi"] and values.shape == (3, 1)
    labels, values = heatmap_rows(data.scores, max_rows=2)
    assert labels == ["Sentra A (2)", "Sentra B (1)"]  # Ani and Adi share Sentra A
    assert values[:, 0].tolist() == pytest.approx([50.0, 50.0])  # 5 of 10 points each


def test_loading_several_cohorts_from_the_gradebook(workspace, roster_csv) -> None:
    from ikm_curriculum.cohort.cohorts import create_cohort

    create_cohort(workspace, "k1", roster_csv)
    create_cohort(workspace, "k2", roster_csv)
    set_training_info(workspace, "k2", start_date=date(2026, 11, 24))
    data = load_report_data(workspace, ["k1", "k2"], "en")
    assert len(data.scores.participants) == 6 and data.cohorts == ("k1", "k2")
    assert data.training.start_date == date(2026, 11, 24)
    with pytest.raises(WorkspaceError, match="no cohort 'k3'"):
        load_report_data(workspace, ["k1", "k3"])
    with pytest.raises(WorkspaceError, match="no cohort given"):
        load_report_data(workspace, [])


def test_codes_that_repeat_across_cohorts_stay_apart() -> None:
    """Codes are unique within a cohort only: the same code in two cohorts must stay two people."""
    one = _part("k1", ["Ani"], date(2026, 3, 2), "Kendari")
    two = replace_codes(_part("k2", ["Ani"], date(2026, 8, 10), "Konawe"), "k1-Ani")
    data = combined([one, two])
    assert [p.code for p in data.scores.participants] == ["k1/k1-Ani", "k2/k1-Ani"]
    assert len(data.workbooks) == 2 and len({i.participant for i in data.scores.items}) == 2
    assert [p.nama for p in anonymized(data).scores.participants] == ["P01", "P02"]  # same name, two codes


def replace_codes(data: ReportData, code: str) -> ReportData:
    from dataclasses import replace

    people = tuple(replace(p, code=code) for p in data.scores.participants)
    items = tuple(replace(i, participant=code) for i in data.scores.items)
    return replace(data, scores=replace(data.scores, participants=people, items=items),
                   workbooks={code: next(iter(data.workbooks.values()))})  # fmt: skip
