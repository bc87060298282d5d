"""Pre/post-test tables, gains and item analysis of the report, on a small cohort computed by hand.

Day 1 has four items (quality.01–04, one point each). Points per participant:

=====  ================  ================  ============================
who    pre               post              individual gain
=====  ================  ================  ============================
A      1 0 0 0 → 25 %    1 1 1 0 → 75 %    (75 − 25) / 75  = 0.6667
B      1 1 0 0 → 50 %    1 1 1 1 → 100 %   (100 − 50) / 50 = 1.0
C      0 0 0 0 → 0 %     1 0 0 0 → 25 %    25 / 100        = 0.25
D      1 1 1 1 → 100 %   1 1 1 1 → 100 %   undefined (perfect pre-test)
E      0 1 0 0 → 25 %    did not take it   (dropped from the gain)
=====  ================  ================  ============================

Mean pre of the four pairs = (25 + 50 + 0 + 100) / 4 = 43.75; mean post = 75;
⟨g⟩ = (75 − 43.75) / (100 − 43.75) = 31.25 / 56.25 = 0.5556 (Hake's formula);
mean of individual gains = (0.6667 + 1 + 0.25) / 3 = 0.6389.
"""

from __future__ import annotations

import pandas as pd
import pytest

from ikm_curriculum.cohort.scores import CohortScores, ItemScore, ParticipantScores
from ikm_curriculum.reports.pre_post import (
    form_days,
    form_item_analysis,
    form_items_table,
    form_matrix,
    gain,
    gain_table,
    pre_post_table,
)
from ikm_curriculum.reports.report_data import ReportData, anonymized

PRE = {"A": [1, 0, 0, 0], "B": [1, 1, 0, 0], "C": [0, 0, 0, 0], "D": [1, 1, 1, 1], "E": [0, 1, 0, 0]}
POST = {"A": [1, 1, 1, 0], "B": [1, 1, 1, 1], "C": [1, 0, 0, 0], "D": [1, 1, 1, 1]}
ITEMS = ["quality.01", "quality.02", "quality.03", "quality.04"]


def _data() -> ReportData:
    people = tuple(
        ParticipantScores(code, f"Peserta {code}", f"Sentra {code}", "abon", "Kota Kendari", True, 0, 0, 0)
        for code in "ABCDE"
    )
    evaluation = []
    for phase, table in (("pre", PRE), ("post", POST)):
        for code, points in table.items():
            for item, value in zip(ITEMS, points, strict=True):
                evaluation.append(ItemScore(code, f"{phase}test_hari1", f"{phase}1.{item}", float(value), 1.0, "auto"))
    handed = {code: frozenset({"pretest_hari1"} | ({"posttest_hari1"} if code in POST else set())) for code in "ABCDE"}
    scores = CohortScores("uji", (), people, (), tuple(evaluation))
    return ReportData(scores, "id", workbooks=handed)


def test_matrix_has_only_those_who_took_the_form() -> None:
    data = _data()
    assert form_days(data) == (1,)
    assert list(form_matrix(data, "pre").index) == list("ABCDE")
    post = form_matrix(data, "post")
    assert list(post.index) == list("ABCD") and list(post.columns) == ITEMS
    assert post.loc["A"].tolist() == [1, 1, 1, 0]


def test_gain_matches_the_hand_computation() -> None:
    result = gain(_data())
    assert result.n == 4  # E took only the pre-test
    assert result.mean_pre == pytest.approx(43.75)
    assert result.mean_post == pytest.approx(75.0)
    assert result.class_average_gain == pytest.approx(31.25 / 56.25)
    assert result.mean_individual_gain == pytest.approx((2 / 3 + 1 + 0.25) / 3)
    assert result.n_individual_undefined == 1  # D: perfect pre-test, never divided by zero


def test_tables_per_day_and_per_person() -> None:
    data = _data()
    table = gain_table(data, "en")
    assert list(table["Test"]) == ["Day 1", "All three days"]
    assert table["Class normalised gain ⟨g⟩"].tolist() == pytest.approx([0.5556, 0.5556], abs=1e-4)
    people = pre_post_table(data, "id").set_index("Nama")
    assert people.loc["Peserta A", "Awal hari 1"] == pytest.approx(25.0)
    assert people.loc["Peserta A", "N-gain hari 1"] == pytest.approx(2 / 3)
    assert pd.isna(people.loc["Peserta E", "Akhir hari 1"])  # E took no post-test
    assert people["N-gain hari 1"].isna()["Peserta D"]


def test_item_analysis_of_the_post_test() -> None:
    data = _data()
    result = form_item_analysis(data, "post")
    # facility = mean mark / max: quality.01 4/4, quality.02 3/4, quality.03 3/4, quality.04 2/4 (table above)
    assert result.items["facility"].tolist() == pytest.approx([1.0, 0.75, 0.75, 0.5])
    table = form_items_table(data, "en").set_index("Item")
    assert table.loc["quality.04", "Facility, post-test (%)"] == pytest.approx(50.0)
    assert table.loc["quality.04", "Facility, pre-test (%)"] == pytest.approx(20.0)  # 1 of 5 (D) before
    assert "easy" in table.loc["quality.01", "To review"]  # everyone right: too easy


def test_no_tests_means_empty_tables_not_errors() -> None:
    data = ReportData(CohortScores("uji", (), (), ()), "id")
    assert form_days(data) == ()
    assert gain_table(data, "id").empty
    assert form_item_analysis(data) is None


def test_anonymized_data_keeps_the_numbers_and_drops_the_names() -> None:
    data = anonymized(_data())
    assert [p.nama for p in data.scores.participants] == ["P01", "P02", "P03", "P04", "P05"]
    assert gain(data).class_average_gain == pytest.approx(31.25 / 56.25)
    assert "Peserta A" not in pre_post_table(data, "id").to_string()


def test_post_test_statistics_for_excel() -> None:
    from ikm_curriculum.reports.pre_post import form_statistics_table

    table = form_statistics_table(_data()).set_index("Statistik tes akhir")["Nilai"]
    # post-test totals from the docstring table: A 3, B 4, C 1, D 4 (E took no post-test)
    assert table["n"] == 4 and table["n_items"] == 4 and table["max_total"] == 4
    assert table["mean"] == pytest.approx(3.0) and table["median"] == pytest.approx(3.5)
    assert table["sd"] == pytest.approx((((0 + 1 + 4 + 1) / 3) ** 0.5))  # sample sd of 3, 4, 1, 4
