"""CPPB-IRT inspection: aspects, grades, the IRTP level rule (data) and its source logic."""

from __future__ import annotations

import itertools
import json

import pytest

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.quality.commodities import Text
from ikm_curriculum.modules.quality.cppb_irt import (
    ASPECTS,
    CERTAINTY,
    DEFAULT_RULE,
    GRADES,
    SOURCE,
    SOURCE_DATE,
    Finding,
    InspectionRule,
    LevelRow,
    inspection_level,
)


def _source_level(minor: int, major: int, serious: int, critical: int) -> int:
    """Transliteration of ``retr()`` in the BPOM SPP-IRT system's inspection form (secondary source):
    repository riyanirawan007/bpom_sppirt, application/views/irtp/pemeriksaan_sarana/input_pemeriksaan_sarana.php.
    """
    if major == 1 and serious == 0 and critical == 0:
        return 1
    if 1 < major <= 3 and serious == 0 and critical == 0:
        return 2
    if 1 <= serious <= 4 and critical == 0:
        return 3
    if major >= 4 and serious == 0 and critical == 0:
        return 3
    if critical >= 1:
        return 4
    if critical == 0 and serious >= 5:
        return 4
    return 1


def test_data_rule_equals_the_source_logic_on_every_small_count() -> None:
    for mi, ma, se, kr in itertools.product(range(4), range(7), range(8), range(3)):
        counts = {"minor": mi, "major": ma, "serious": se, "critical": kr}
        assert inspection_level(counts).level == _source_level(mi, ma, se, kr), counts


@pytest.mark.parametrize(
    ("counts", "level", "frequency", "issuable"),
    [
        # Boundaries of the secondary source (see _source_level); frequencies from the same form.
        ({}, "Level I", "Setiap dua bulan", True),
        ({"minor": 9, "mayor": 1}, "Level I", "Setiap dua bulan", True),
        ({"mayor": 2}, "Level II", "Setiap bulan", True),
        ({"mayor": 3, "minor": 4}, "Level II", "Setiap bulan", True),
        ({"mayor": 4}, "Level III", "Setiap dua minggu", False),
        ({"serius": 1}, "Level III", "Setiap dua minggu", False),
        ({"serius": 4, "mayor": 9}, "Level III", "Setiap dua minggu", False),
        ({"serius": 5}, "Level IV", "Setiap hari", False),
        ({"kritis": 1}, "Level IV", "Setiap hari", False),
    ],
)
def test_level_boundaries(counts: dict[str, int], level: str, frequency: str, issuable: bool) -> None:
    result = inspection_level(counts)
    assert (result.level_name, result.internal_audit_frequency.id, result.spp_irt_issuable) == (
        level,
        frequency,
        issuable,
    )


def test_findings_as_a_list_with_aspects_and_aliases() -> None:
    findings = [
        Finding("a", "MI", "lingkungan berdebu"),
        Finding("Suplai air atau sarana penyediaan air", "Major"),
        Finding("F", "mayor", "karyawan tidak memakai penutup kepala"),
    ]
    result = inspection_level(findings)
    assert dict(result.counts) == {"minor": 1, "major": 2, "serious": 0, "critical": 0}
    assert findings[1].aspect == "D" and result.level == 2
    data = json.loads(json.dumps(result.to_dict()))
    assert data["certainty"] == "check" and data["internal_audit_frequency"]["en"] == "Every month"


def test_aspects_and_grades_are_bilingual_data() -> None:
    assert [a.code for a in ASPECTS] == list("ABCDEFGHIJKLMN")
    assert all(a.name.id and a.name.en for a in ASPECTS)
    assert [g.name.id for g in GRADES] == ["Minor", "Mayor", "Serius", "Kritis"]
    assert [g.name.en for g in GRADES] == ["Minor", "Major", "Serious", "Critical"]
    assert "22 Tahun 2018" in SOURCE and SOURCE_DATE == "2018" and CERTAINTY == "check"


def test_the_rule_is_data_that_a_city_can_replace() -> None:
    table = json.loads(json.dumps(DEFAULT_RULE.to_dict()))
    assert [row["spp_irt_issuable"] for row in table["levels"]] == [True, True, False, False]
    assert table["levels"][2]["max"] == {"minor": None, "major": None, "serious": 4, "critical": 0}
    strict = InspectionRule(
        rows=(
            LevelRow(1, 5, 0, 0, 0, Text("Setiap bulan", "Every month"), True),
            LevelRow(2, None, None, None, None, Text("Setiap minggu", "Every week"), False),
        ),
        source="Peraturan Wali Kota (fictional example)",
        source_date="2026",
        certainty="check",
    )
    result = inspection_level({"mayor": 1}, rule=strict)
    assert (result.level_name, result.spp_irt_issuable, result.source) == ("Level II", False, strict.source)
    assert inspection_level({"minor": 5}, rule=strict).level == 1


def _row(level: int, *limits: int | None) -> LevelRow:
    return LevelRow(level, *limits, Text("x", "x"), True)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ((), "at least one level"),
        ((_row(2, None, None, None, None),), "numbered 1, 2"),
        ((_row(1, 0, 0, 0, 0),), "must have no limits"),
        ((_row(1, None, 3, 0, 0), _row(2, None, 1, 0, 0), _row(3, None, None, None, None)), "allows fewer major"),
        ((_row(1, None, -1, 0, 0), _row(2, None, None, None, None)), "count ≥ 0 or None"),
    ],
)
def test_invalid_rules_are_rejected(rows: tuple[LevelRow, ...], message: str) -> None:
    with pytest.raises(CalculationError, match=message):
        InspectionRule(rows, "x", "x", "check")


@pytest.mark.parametrize(
    ("findings", "message"),
    [
        ({"sedang": 1}, r"unknown grade 'sedang'; expected one of: Minor \(MI\), Mayor \(MA\), Serius"),
        ({"mayor": -1}, "non-negative integer"),
        ({"mayor": 1.5}, "non-negative integer"),
        ("mayor", "mapping"),
        ([("A", "mayor")], "must be a Finding"),
    ],
)
def test_inspection_level_rejects_bad_input(findings: object, message: str) -> None:
    with pytest.raises(CalculationError, match=message):
        inspection_level(findings)  # type: ignore[arg-type]


def test_finding_rejects_unknown_aspect_or_grade() -> None:
    with pytest.raises(CalculationError, match="unknown aspect 'Z'"):
        Finding("Z", "minor")
    with pytest.raises(CalculationError, match="unknown grade"):
        Finding("A", "berat")
    with pytest.raises(CalculationError, match="InspectionRule"):
        inspection_level({}, rule="BPOM")  # type: ignore[arg-type]
