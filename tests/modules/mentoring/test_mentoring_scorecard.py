"""KPI definitions (kpi.py) and the quarterly KPI scorecard (scorecard.py), against a hand-worked example."""

from __future__ import annotations

import json
from typing import Any

import pytest

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.mentoring.kpi import (
    DEFAULT_KPIS,
    DIRECTIONS,
    Kpi,
    KpiSet,
    kpi_set_from_rows,
)
from ikm_curriculum.modules.mentoring.scorecard import (
    ACHIEVEMENT_CAP,
    TRAFFIC_LIGHTS,
    TrafficLights,
    parse_quarter,
    scorecard,
    scorecard_frame,
    traffic_light,
)
from ikm_curriculum.modules.quality.commodities import Text

# A small KPI table as a Dinas might type it (values invented for the hand-worked example).
KPI_ROWS = [
    dict(key="utilisation", name_id="Pemakaian mesin", name_en="Machine use", unit="%", direction="higher",
         target=60, weight=3, numerator="hours_used", denominator="hours_available"),
    dict(key="production", name_id="Produksi", name_en="Production", unit="kg", direction="higher",
         target=1000, weight=2),
    dict(key="defect_rate", name_id="Produk cacat", name_en="Defects", unit="%", direction="lower",
         target=4, weight=2, numerator="defects", denominator="production"),
    dict(key="sales", name_id="Penjualan", name_en="Sales", unit="Rp", direction="higher",
         target=50_000_000, weight=2),
    dict(key="cash", name_id="Saldo kas", name_en="Cash", unit="Rp", direction="higher",
         target=10_000_000, weight=1),
]  # fmt: skip
KPIS = kpi_set_from_rows(KPI_ROWS)

# Three quarters, given out of order (the scorecard sorts them). Q2 has no cash figure (blank cell).
DATA: dict[str, dict[str, Any]] = {
    "2026-Q3": dict(hours_used=180, hours_available=480, production=700, defects=56, sales=30_000_000, cash=0),
    "2026-Q1": dict(hours_used=270, hours_available=450, production=800, defects=40, sales=60_000_000,
                    cash=5_000_000),
    "2026-Q2": dict(hours_used=216, hours_available=480, production=1000, defects=20, sales=30_000_000, cash=None),
}  # fmt: skip


def one_kpi(direction: str = "higher", target: float = 100) -> KpiSet:
    return KpiSet((Kpi("x", Text("X", "X"), "%", direction, target, 1),))


def error(call: Any, *args: Any, **kwargs: Any) -> str:
    with pytest.raises(CalculationError) as info:
        call(*args, **kwargs)
    return str(info.value)


# ---------------------------------------------------------------- KPI definitions


def test_default_kpis_cover_the_brief_and_weights_sum_to_one() -> None:
    assert DEFAULT_KPIS.keys == (
        "machine_utilisation", "active_members", "production", "sales", "defect_rate", "certified_members",
        "assets_good", "cash_balance",
    )  # fmt: skip
    assert sum(k.weight for k in DEFAULT_KPIS.kpis) == pytest.approx(1.0)
    assert DEFAULT_KPIS["defect_rate"].direction == "lower"
    assert all(k.direction == "higher" for k in DEFAULT_KPIS.kpis if k.key != "defect_rate")
    assert "check" in DEFAULT_KPIS.source and set(DIRECTIONS) == {"higher", "lower"}
    assert DEFAULT_KPIS["sales"].unit == "Rp" and isinstance(DEFAULT_KPIS["sales"].target, int)  # whole rupiah


@pytest.mark.parametrize(
    ("key", "raw", "expected"),
    [
        # 300 h used of 400 h available → 300/400 × 100 = 75 %
        ("machine_utilisation", {"machine_hours_used": 300, "machine_hours_available": 400}, 75.0),
        # 120 kg defective of 4 000 kg → 3 %
        ("defect_rate", {"defects": 120, "production": 4000}, 3.0),
        # 9 members with P-IRT / halal / SNI of 18 active → 50 %
        ("certified_members", {"members_certified": 9, "active_members": 18}, 50.0),
        # 27 items in condition B (Baik) of 30 → 90 %
        ("assets_good", {"assets_condition_b": 27, "assets_total": 30}, 90.0),
        # a direct value is taken as it is
        ("defect_rate", {"defect_rate": 2.5, "production": 4000}, 2.5),
        ("sales", {"sales": 0}, 0.0),
    ],
)
def test_kpi_values_from_raw_inputs(key: str, raw: dict[str, Any], expected: float) -> None:
    assert DEFAULT_KPIS[key].value_from(raw) == pytest.approx(expected)


def test_kpi_without_data_is_none_and_a_blank_is_no_data() -> None:
    assert DEFAULT_KPIS["defect_rate"].value_from({"production": 4000}) is None  # no defects given
    assert DEFAULT_KPIS["sales"].value_from({"sales": None}) is None
    assert DEFAULT_KPIS["sales"].value_from({"sales": float("nan")}) is None


@pytest.mark.parametrize(
    ("raw", "field", "fragment"),
    [
        ({"defect_rate": 2, "defects": 3, "production": 100}, "defect_rate", "not both"),
        ({"defects": 3}, "production", "needed with defects"),
        ({"defects": 3, "production": 0}, "production", "> 0"),
        ({"defects": 300, "production": 100}, "defects", "at most production"),
        ({"defects": -1, "production": 100}, "defects", "≥ 0"),
        ({"defects": True, "production": 100}, "defects", "finite number"),
        ({"defects": "3", "production": 100}, "defects", "finite number"),
    ],
)
def test_kpi_value_bad_inputs(raw: dict[str, Any], field: str, fragment: str) -> None:
    message = error(DEFAULT_KPIS["defect_rate"].value_from, raw)
    assert field in message and fragment in message


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        (dict(key="Defect Rate"), "key: expected"),
        (dict(name="Cacat"), "name: expected"),
        (dict(unit=None), "unit: expected"),
        (dict(direction="up"), "direction: expected"),
        (dict(target=0), "target: expected"),
        (dict(weight=-1), "weight: expected"),
        (dict(numerator="defects", denominator=""), "numerator/denominator: expected both"),
        (dict(numerator="defects", denominator="defects"), "numerator/denominator: expected two inputs"),
        (dict(numerator="Bad Name", denominator="units"), "numerator: expected"),
    ],
)
def test_kpi_bad_fields(changes: dict[str, Any], fragment: str) -> None:
    fields = dict(key="defects_pct", name=Text("Cacat", "Defects"), unit="%", direction="lower", target=2, weight=1)
    assert fragment in error(Kpi, **(fields | changes))


def test_kpi_set_normalises_weights_and_rejects_bad_sets() -> None:
    # weights 3, 2, 2, 2, 1 → ÷ 10
    assert [k.weight for k in KPIS.kpis] == pytest.approx([0.3, 0.2, 0.2, 0.2, 0.1])
    kpi = one_kpi().kpis[0]
    assert "non-empty" in error(KpiSet, ())
    assert "each key once" in error(KpiSet, (kpi, kpi))
    assert "weight" in error(KpiSet, (Kpi("x", Text("X", "X"), "%", "higher", 1, 0),))
    assert "Kpi" in error(KpiSet, ("x",))


def test_kpi_set_with_changes_and_its_errors() -> None:
    mine = DEFAULT_KPIS.with_changes(targets={"sales": 250_000_000}, weights={"sales": 0.3}, source="Dinas, 2027")
    assert mine["sales"].target == 250_000_000 and mine.source == "Dinas, 2027"
    # weights 0.15 0.10 0.15 0.30 0.10 0.10 0.10 0.10 → sum 1.10; sales 0.30 / 1.10
    assert mine["sales"].weight == pytest.approx(0.3 / 1.1)
    assert DEFAULT_KPIS["sales"].target == 300_000_000  # the default is untouched
    assert "salez" in error(DEFAULT_KPIS.with_changes, targets={"salez": 1})
    with pytest.raises(KeyError):
        DEFAULT_KPIS["nothing"]


def test_kpi_table_accepts_indonesian_headers_and_direction_words() -> None:
    kpis = kpi_set_from_rows([
        {"Kode": "sales", "Nama": "Penjualan", "Satuan": "Rp", "Arah": "Tinggi", "Target": 1e8, "Bobot": 1},
        {"kode": "cacat", "nama": "Cacat", "satuan": "%", "arah": "negatif", "target": 2, "bobot": 1,
         "pembilang": "defects", "penyebut": "units"},
        {"kode": None, "nama": "", "satuan": None},  # a blank spreadsheet line: skipped
    ])  # fmt: skip
    assert kpis.keys == ("sales", "cacat") and kpis["cacat"].direction == "lower"
    assert kpis["sales"].name == Text("Penjualan", "Penjualan")  # name_en defaults to name_id


def test_kpi_table_lists_every_problem_with_its_row() -> None:
    rows = [
        KPI_ROWS[0],
        dict(KPI_ROWS[1], direction="sideways"),
        dict(KPI_ROWS[2], key="utilisation"),
        dict(KPI_ROWS[3], colour="red"),
        dict(KPI_ROWS[4], name_id="", target=-5),
        "not a row",
    ]
    message = error(kpi_set_from_rows, rows, first_row=2)
    assert "KPI table has" in message
    assert "row 3: direction" in message
    assert "row 4: key: expected a key not used before, got 'utilisation' again (first in row 2)" in message
    assert "row 5: unknown field 'colour'" in message
    assert "row 6: name_id" in message
    assert "row 7: expected a mapping" in message


@pytest.mark.parametrize(
    ("rows", "fragment"),
    [
        ("key,name", "rows"),
        ([], "at least one KPI"),
        ([dict(KPI_ROWS[0], weight=0)], "weight"),
        ([dict(KPI_ROWS[0], target=0)], "target"),
    ],
)
def test_kpi_table_bad_inputs(rows: Any, fragment: str) -> None:
    assert fragment in error(kpi_set_from_rows, rows)


# ---------------------------------------------------------------- the hand-worked scorecard


def test_hand_worked_scorecard_over_three_quarters() -> None:
    r = scorecard(DATA, KPIS)
    assert [q.quarter for q in r.quarters] == ["2026-Q1", "2026-Q2", "2026-Q3"]  # sorted oldest first
    q1, q2, q3 = r.quarters

    # Q1. Normalised weights 0.3 / 0.2 / 0.2 / 0.2 / 0.1 (3, 2, 2, 2, 1 ÷ 10).
    # utilisation 270/450 × 100 = 60 % → a = 60/60 = 1.0
    # production 800 kg → a = 800/1000 = 0.8
    # defect rate 40/800 × 100 = 5 %, lower is better → a = 4/5 = 0.8
    # sales 60 M → a = 60/50 = 1.2 (exactly the cap)
    # cash 5 M → a = 5/10 = 0.5
    # index = 100 × (0.3·1.0 + 0.2·0.8 + 0.2·0.8 + 0.2·1.2 + 0.1·0.5) = 30 + 16 + 16 + 24 + 5 = 91.0 → hijau
    assert q1["utilisation"].actual == pytest.approx(60.0)
    assert q1["defect_rate"].actual == pytest.approx(5.0)
    assert [q1[k].achievement for k in KPIS.keys] == pytest.approx([1.0, 0.8, 0.8, 1.2, 0.5])
    assert [q1[k].points for k in KPIS.keys] == pytest.approx([30, 16, 16, 24, 5])
    assert q1.index == pytest.approx(91.0) and q1.status == "hijau"
    assert q1.index_change is None and q1.index_trend is None and q1.excluded == ()
    assert [q1[k].met for k in KPIS.keys] == [True, False, False, True, False]

    # Q2. cash has no data: left out, weights 0.3 0.2 0.2 0.2 ÷ 0.9 = 1/3, 2/9, 2/9, 2/9.
    # utilisation 216/480 × 100 = 45 % → 0.75; production 1000 → 1.0;
    # defect rate 20/1000 × 100 = 2 % → a = 4/2 = 2.0, score capped at 1.2; sales 30 M → 0.6
    # index = 100 × (0.3·0.75 + 0.2·1.0 + 0.2·1.2 + 0.2·0.6) / 0.9 = 78.5 / 0.9 = 87.2222… → kuning
    assert q2.excluded == ("cash",)
    assert q2["cash"].actual is None and q2["cash"].weight == 0 and q2["cash"].status is None
    assert "Saldo kas" in q2.notes[0].id and "no data in 2026-Q2" in q2.notes[0].en
    assert q2["utilisation"].weight == pytest.approx(1 / 3) and q2["sales"].weight == pytest.approx(2 / 9)
    assert q2["defect_rate"].achievement == pytest.approx(2.0) and q2["defect_rate"].score == pytest.approx(1.2)
    assert q2.index == pytest.approx(78.5 / 0.9) and q2.status == "kuning"
    assert q2.index_change == pytest.approx(78.5 / 0.9 - 91.0) and q2.index_trend == "turun"  # −3.78 points

    # Q3. utilisation 180/480 × 100 = 37.5 % → 0.625; production 700 → 0.7;
    # defect rate 56/700 × 100 = 8 % → 4/8 = 0.5; sales 0.6; cash 0 → 0
    # index = 100 × (0.3·0.625 + 0.2·0.7 + 0.2·0.5 + 0.2·0.6 + 0.1·0) = 18.75 + 14 + 10 + 12 + 0 = 54.75 → merah
    assert q3.index == pytest.approx(54.75) and q3.status == "merah"
    assert q3.index_change == pytest.approx(54.75 - 78.5 / 0.9)  # −32.47 points


def test_hand_worked_trends_per_kpi() -> None:
    q1, q2, q3 = scorecard(DATA, KPIS).quarters
    # change = (score now − score before) × 100 points; ±1 point is 'tetap'
    # utilisation 100 → 75 → 62.5: −25, −12.5 (turun twice)
    assert (q2["utilisation"].change, q2["utilisation"].trend) == (pytest.approx(-25), "turun")
    assert (q3["utilisation"].change, q3["utilisation"].trend) == (pytest.approx(-12.5), "turun")
    # defect rate 5 % → 2 % → 8 %: a lower value is better, so the score goes 80 → 120 (capped) → 50: naik, turun
    assert (q2["defect_rate"].change, q2["defect_rate"].trend) == (pytest.approx(40), "naik")
    assert (q3["defect_rate"].change, q3["defect_rate"].trend) == (pytest.approx(-70), "turun")
    # sales 120 → 60 → 60: turun, tetap
    assert q2["sales"].trend == "turun" and (q3["sales"].change, q3["sales"].trend) == (0, "tetap")
    # cash: no data in Q2, so no trend in Q2 nor Q3
    assert q2["cash"].trend is None and q3["cash"].trend is None and q3["cash"].change is None
    assert q1["sales"].trend is None  # first quarter


@pytest.mark.parametrize(
    ("before", "after", "trend"),
    [(50, 51, "tetap"), (50, 49, "tetap"), (50, 51.5, "naik"), (50, 48.5, "turun"), (50, 50, "tetap")],
)
def test_trend_tolerance_is_one_point(before: float, after: float, trend: str) -> None:
    # one KPI, target 100: the score × 100 equals the actual; the tolerance (±1 point) is inclusive
    r = scorecard({"2026-Q1": {"x": before}, "2026-Q2": {"x": after}}, one_kpi())
    assert r.latest["x"].trend == trend and r.latest.index_trend == trend


def test_trend_tolerance_parameter() -> None:
    r = scorecard({"2026-Q1": {"x": 50}, "2026-Q2": {"x": 53}}, one_kpi(), trend_tolerance=5)
    assert r.latest["x"].trend == "tetap"  # +3 points within ±5


def test_lower_is_better_kpi() -> None:
    kpis = one_kpi("lower", target=4)
    # actual 5 → 4/5 = 0.8; actual 4 → 1.0 (met); actual 0 → the full cap 1.2 (no division by zero)
    r = scorecard({"2026-Q1": {"x": 5}, "2026-Q2": {"x": 4}, "2026-Q3": {"x": 0}}, kpis)
    assert [q["x"].achievement for q in r.quarters] == pytest.approx([0.8, 1.0, 1.2])
    assert [q["x"].met for q in r.quarters] == [False, True, True]
    assert r.quarters[2].index == pytest.approx(120.0)


def test_cap_keeps_one_kpi_from_hiding_another() -> None:
    two = KpiSet((Kpi("a", Text("A", "A"), "%", "higher", 100, 1), Kpi("b", Text("B", "B"), "%", "higher", 100, 1)))
    data = {"2026-Q1": {"a": 300, "b": 50}}
    # capped: (1.2 + 0.5) / 2 × 100 = 85 → kuning; b is far below target and the light shows it
    capped = scorecard(data, two).latest
    assert capped.index == pytest.approx(85.0) and capped.status == "kuning"
    assert capped["a"].achievement == pytest.approx(3.0) and capped["a"].score == pytest.approx(ACHIEVEMENT_CAP)
    # with the cap raised to 3: (3.0 + 0.5) / 2 × 100 = 175 → hijau, hiding b
    assert scorecard(data, two, cap=3).latest.index == pytest.approx(175.0)
    # cap 1: (1.0 + 0.5) / 2 × 100 = 75
    assert scorecard(data, two, cap=1).latest.index == pytest.approx(75.0)


def test_zero_weight_kpi_is_shown_but_not_counted() -> None:
    two = KpiSet((Kpi("a", Text("A", "A"), "%", "higher", 100, 1), Kpi("b", Text("B", "B"), "%", "higher", 100, 0)))
    q = scorecard({"2026-Q1": {"a": 80, "b": 10}}, two).latest
    assert q.index == pytest.approx(80.0) and q["b"].achievement == pytest.approx(0.1) and q["b"].points == 0
    assert "weight 0" in error(scorecard, {"2026-Q1": {"b": 10}}, two)


@pytest.mark.parametrize(
    ("actual", "status"),
    [(90, "hijau"), (90.1, "hijau"), (89.9, "kuning"), (70, "kuning"), (70.1, "kuning"), (69.9, "merah"),
     (0, "merah"), (120, "hijau")],
)  # fmt: skip
def test_traffic_light_boundaries(actual: float, status: str) -> None:
    # one KPI of target 100 and weight 1: index = actual (90 → 90.000…01 in floats: still hijau)
    q = scorecard({"2026-Q1": {"x": actual}}, one_kpi()).latest
    assert q.index == pytest.approx(actual) and q.status == status and q["x"].status == status
    assert traffic_light(actual) == status


def test_traffic_light_parameters() -> None:
    lights = TrafficLights(80, 60)
    assert [traffic_light(v, lights) for v in (80, 79.9, 60, 59.9)] == ["hijau", "kuning", "kuning", "merah"]
    assert scorecard({"2026-Q1": {"x": 85}}, one_kpi(), lights=lights).latest.status == "hijau"
    assert (TRAFFIC_LIGHTS.green, TRAFFIC_LIGHTS.yellow) == (90, 70)  # teaching defaults (check)
    assert "yellow < green" in error(TrafficLights, 70, 90)
    assert "lights.green" in error(TrafficLights, "90", 70)


def test_default_kpis_over_four_quarters_from_raw_inputs() -> None:
    # A fictional fish-floss centre; raw counts as the manager collects them each quarter.
    base = dict(machine_hours_used=240, machine_hours_available=480, active_members=20, production=4000,
                sales=300_000_000, defects=120, members_certified=10, assets_condition_b=27, assets_total=30,
                cash_balance=15_000_000)  # fmt: skip
    data = {
        "2025-Q4": base,
        "2026-Q1": base | {"production": 3000, "defects": 150},
        "2026-Q2": base | {"production": 2000, "defects": 200, "cash_balance": None},
        "2026-Q3": base | {"production": 2000, "defects": 40, "machine_hours_used": 480},
    }
    r = scorecard(data, DEFAULT_KPIS)
    assert [q.quarter for q in r.quarters] == ["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"]  # year turns over
    first = r.quarters[0]
    # machine use 240/480 = 50 % of target 60 → 50/60; defects 120/4000 = 3 % = target → 1.0;
    # certified 10/20 = 50 % → 1.0; assets 27/30 = 90 % → 1.0; the others exactly at target → 1.0
    assert first["machine_utilisation"].achievement == pytest.approx(50 / 60)
    assert first["defect_rate"].actual == pytest.approx(3.0) and first["certified_members"].actual == 50.0
    # index = 100 × (1 − 0.15 × (1 − 50/60)) = 100 − 2.5 = 97.5
    assert first.index == pytest.approx(97.5)
    # 2026-Q1: production 3000 → 0.75; defects 150/3000 = 5 % → 3/5 = 0.6
    # index = 97.5 − 100 × (0.15 × 0.25 + 0.10 × 0.4) = 97.5 − 7.75 = 89.75 → kuning
    assert r.quarters[1].index == pytest.approx(89.75) and r.quarters[1].status == "kuning"
    # 2026-Q2: no cash: weights of the other seven ÷ 0.9
    # production 2000 → 0.5; defects 200/2000 = 10 % → 0.3; machine 50/60
    # Σ w·s = 0.15·(50/60) + 0.10 + 0.15·0.5 + 0.20 + 0.10·0.3 + 0.10 + 0.10 = 0.73 → 73 / 0.9 = 81.11
    assert r.quarters[2].excluded == ("cash_balance",)
    assert r.quarters[2].index == pytest.approx(73 / 0.9)
    # 2026-Q3: machine 480/480 = 100 % → 100/60 capped 1.2; defects 40/2000 = 2 % → 3/2 capped 1.2
    # Σ = 0.15·1.2 + 0.10 + 0.15·0.5 + 0.20 + 0.10·1.2 + 0.10 + 0.10 + 0.10 = 0.975 → 97.5
    assert r.latest.index == pytest.approx(97.5) and r.latest.status == "hijau"
    assert r.latest["production"].trend == "tetap"  # 2000 → 2000
    json.dumps(r.to_dict())


def test_to_dict_and_lookup() -> None:
    r = scorecard(DATA, KPIS)
    d = json.loads(json.dumps(r.to_dict()))
    assert d["cap"] == 1.2 and d["lights"]["green"] == 90 and d["quarters"][1]["excluded"] == ["cash"]
    assert d["quarters"][0]["kpis"][0]["name"] == {"id": "Pemakaian mesin", "en": "Machine use"}
    assert r["2026-q2"].quarter == "2026-Q2"
    with pytest.raises(KeyError):
        r["2025-Q1"]
    with pytest.raises(KeyError):
        r.latest["nothing"]


def test_scorecard_frame_in_both_languages() -> None:
    r = scorecard(DATA, KPIS)
    frame = scorecard_frame(r)
    assert list(frame.columns[:5]) == ["Triwulan", "KPI", "Satuan", "Target", "Realisasi"]
    assert len(frame) == 3 * (5 + 1)  # 5 KPIs and an index row per quarter
    index_row = frame.iloc[5]
    assert index_row["KPI"] == "Indeks tertimbang" and index_row["Nilai"] == pytest.approx(91.0)
    assert index_row["Lampu"].startswith("Hijau")
    english = scorecard_frame(r, lang="en")
    assert english.iloc[6]["Trend"] == "down (worse)"  # utilisation Q1 → Q2
    assert english.iloc[8]["Achievement (%)"] == pytest.approx(200.0)  # defect rate Q2: 4/2
    assert english.iloc[8]["Score (%)"] == pytest.approx(120.0)
    assert "lang" in error(scorecard_frame, r, lang="fr")
    assert "ScorecardResult" in error(scorecard_frame, {"quarters": []})


@pytest.mark.parametrize(
    ("label", "ok"),
    [("2026-Q1", "2026-Q1"), (" 2026-q4 ", "2026-Q4"), ("2026Q1", None), ("2026-Q5", None), ("Q1-2026", None),
     (2026, None), ("2026-Q0", None)],
)  # fmt: skip
def test_quarter_labels(label: Any, ok: str | None) -> None:
    if ok:
        assert parse_quarter(label) == ok
    else:
        assert "quarter" in error(parse_quarter, label) and "2026-Q1" in error(parse_quarter, label)


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ({}, "quarters_data"),
        ([("2026-Q1", {"x": 1})], "quarters_data"),
        ({"2026Q1": {"x": 1}}, "quarter: expected a label like '2026-Q1'"),
        ({"2026-Q1": {"x": 1}, "2026-q1": {"x": 2}}, "quarter 2026-Q1: given twice"),
        ({"2026-Q1": [1]}, "quarter 2026-Q1: expected a mapping"),
        ({"2026-Q1": {"x": 1, "y": 2}}, "unknown key(s) ['y']"),
        ({"2026-Q1": {"x": -1}}, "quarter 2026-Q1: x: expected a number ≥ 0"),
        ({"2026-Q1": {"x": "80"}}, "x: expected a finite number"),
        ({"2026-Q1": {"x": None}}, "expected a value for at least one KPI"),
    ],
)
def test_scorecard_bad_data(data: Any, fragment: str) -> None:
    assert fragment in error(scorecard, data, one_kpi())


def test_scorecard_lists_all_data_problems_at_once() -> None:
    message = error(scorecard, {"2026-Q1": {"x": -1}, "2026-Q9": {"x": 1}, "2026-Q2": {"z": 1}}, one_kpi())
    # Q1 negative, Q9 label, Q2 unknown key (its "no KPI value" is not repeated: the unknown key explains it)
    assert "quarters_data has 3 problem(s)" in message
    assert "2026-Q9" in message and "['z']" in message


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        (dict(kpis=[1]), "kpis"),
        (dict(cap=0.9), "cap"),
        (dict(cap="1.2"), "cap"),
        (dict(lights=(90, 70)), "lights"),
        (dict(trend_tolerance=-1), "trend_tolerance"),
    ],
)
def test_scorecard_bad_arguments(kwargs: dict[str, Any], fragment: str) -> None:
    args = {"kpis": one_kpi()} | kwargs
    assert fragment in error(scorecard, {"2026-Q1": {"x": 1}}, **args)
