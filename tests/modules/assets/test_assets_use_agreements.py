"""Forms of use of regional assets (PP 27/2014 as amended by PP 28/2020; Permendagri 19/2016) and agreement checks."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pandas as pd
import pytest

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.assets import use_forms
from ikm_curriculum.modules.assets.use_agreements import (
    FINDING_SEVERITY,
    FORMS,
    MESSAGES,
    PARTY_KINDS,
    UseAgreement,
    agreement_from_dict,
    check_agreement,
    check_agreements,
    fee_due,
    lawful_forms,
)

D = dt.date
JT = 1_000_000  # one million rupiah (Rp1 juta)


def lease(**changes: object) -> UseAgreement:
    """A fictional lease of a UPT unit to a member business: Rp1.5 juta a month, 2024 and 2025."""
    base = UseAgreement(
        "SW-01", "C-UPT-01", "sewa", "UD Abon Bahari (fiktif)", "usaha_swasta", D(2024, 1, 1), D(2025, 12, 31),
        fee_per_period=3 * JT // 2, period_months=1, fee_paid=0,
    )  # fmt: skip
    return dataclasses.replace(base, **changes)


def codes(agreement: UseAgreement, as_of: object = "2024-01-01", **kwargs: object) -> list[str]:
    return [f.code for f in check_agreement(agreement, as_of, **kwargs)]  # type: ignore[arg-type]


# --- the table of forms ---------------------------------------------------------------------------------------


def test_tables_are_those_of_use_forms() -> None:
    # the data tables moved to use_forms.py and are the same objects when imported from use_agreements
    assert FORMS is use_forms.FORMS and PARTY_KINDS is use_forms.PARTY_KINDS and MESSAGES is use_forms.MESSAGES
    assert FINDING_SEVERITY is use_forms.FINDING_SEVERITY


def test_forms_table() -> None:
    # PP 27/2014 art. 1: sewa paid, by another party; pinjam pakai only central–regional / region–region, unpaid;
    # KSP another party with a contribution; BGS/BSG on land. Terms (check): sewa 5 (art. 29(2)), pinjam pakai 5,
    # KSP 30, BGS/BSG 30.
    table = {k: (f.party, f.paid, f.cards, f.max_years) for k, f in FORMS.items()}
    assert table == {
        "sewa": ("any", True, ("A", "B", "C", "D", "E"), 5),
        "pinjam_pakai": ("government", False, ("A", "B", "C", "D", "E"), 5),
        "ksp": ("any", True, ("A", "B", "C", "D", "E"), 30),
        "bgs_bsg": ("any", True, ("A",), 30),
    }
    assert set(PARTY_KINDS) == {"instansi_pemerintah", "usaha_swasta", "koperasi", "perorangan", "bumd"}
    assert set(MESSAGES) == set(FINDING_SEVERITY)
    assert json.loads(json.dumps(FORMS["sewa"].to_dict()))["name"] == {"id": "Sewa", "en": "Lease"}


# --- lawful forms for a scenario ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("party", "paid", "card", "expected"),
    [
        # DOMAIN.md: a private member business using a unit (building, KIB C) is not pinjam pakai; it pays → sewa/KSP.
        ("usaha_swasta", True, "C", ("sewa", "ksp")),
        ("usaha_swasta", False, "C", ()),  # no free use of regional assets by a private business
        ("usaha_swasta", True, "A", ("sewa", "ksp", "bgs_bsg")),  # BGS/BSG: land only
        ("usaha_swasta", True, "B", ("sewa", "ksp")),  # a machine (KIB B)
        # pinjam pakai: only between government bodies, unpaid.
        ("instansi_pemerintah", False, "B", ("pinjam_pakai",)),
        ("instansi_pemerintah", False, "A", ("pinjam_pakai",)),
        ("instansi_pemerintah", True, "C", ("sewa", "ksp")),
        # BUMD, cooperative and individual are not government bodies: no pinjam pakai.
        ("bumd", False, "C", ()),
        ("koperasi", False, "B", ()),
        ("perorangan", False, "C", ()),
        ("bumd", True, "C", ("sewa", "ksp")),
        ("koperasi", True, "A", ("sewa", "ksp", "bgs_bsg")),
        ("perorangan", True, "D", ("sewa", "ksp")),
        # construction in progress (KIB F) is not usable yet: no form.
        ("usaha_swasta", True, "F", ()),
        ("instansi_pemerintah", False, "F", ()),
        # names as typed in a table: case and spaces ignored.
        ("Usaha Swasta", True, " c ", ("sewa", "ksp")),
    ],
)
def test_lawful_forms(party: str, paid: bool, card: str, expected: tuple[str, ...]) -> None:
    assert lawful_forms(party, paid, card) == expected


def test_lawful_forms_with_a_custom_table() -> None:
    # A region whose rule (hypothetically) allows KSP only with government bodies.
    forms = {**FORMS, "ksp": dataclasses.replace(FORMS["ksp"], party="government")}
    assert lawful_forms("usaha_swasta", True, "C", forms=forms) == ("sewa",)
    assert lawful_forms("instansi_pemerintah", True, "C", forms=forms) == ("sewa", "ksp")


@pytest.mark.parametrize(
    ("party", "paid", "card", "field"),
    [
        ("swasta", True, "C", "party_kind"),
        (None, True, "C", "party_kind"),
        ("usaha_swasta", "ya", "C", "paid"),
        ("usaha_swasta", 1, "C", "paid"),
        ("usaha_swasta", True, "G", "card"),
        ("usaha_swasta", True, 3, "card"),
    ],
)
def test_lawful_forms_rejects_bad_input(party: object, paid: object, card: object, field: str) -> None:
    with pytest.raises(CalculationError, match=field):
        lawful_forms(party, paid, card)  # type: ignore[arg-type]


# --- fee due --------------------------------------------------------------------------------------------------


def test_fee_due_monthly_in_advance() -> None:
    a = lease()
    assert fee_due(a, "2023-12-31") == 0  # before start: nothing due
    assert fee_due(a, "2024-01-01") == 1_500_000  # first month due on the first day (in advance)
    assert fee_due(a, "2024-01-31") == 1_500_000  # hand-computed: still 1 period begun
    assert fee_due(a, "2024-02-01") == 3_000_000  # 2 periods × Rp1.5 juta
    assert fee_due(a, D(2024, 6, 15)) == 9_000_000  # 6 periods (Jan–Jun) × Rp1.5 juta
    assert fee_due(a, "2025-12-31") == 36_000_000  # 24 months × Rp1.5 juta
    assert fee_due(a, "2027-05-01") == 36_000_000  # no period begins after the end date


def test_fee_due_yearly_and_month_ends() -> None:
    # Yearly fee of Rp6 juta from 2024-03-15: second year begins 2025-03-15 (hand-computed: 12 whole months).
    a = lease(start=D(2024, 3, 15), end=D(2027, 3, 14), fee_per_period=6 * JT, period_months=12)
    assert (fee_due(a, "2025-03-14"), fee_due(a, "2025-03-15")) == (6 * JT, 12 * JT)
    # Monthly from 31 January: February has no 31st, so the second month begins on 1 March.
    b = lease(start=D(2024, 1, 31), fee_per_period=JT)
    assert (fee_due(b, "2024-02-29"), fee_due(b, "2024-03-01")) == (JT, 2 * JT)


# --- findings -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("party", ["usaha_swasta", "koperasi", "perorangan", "bumd"])
def test_pinjam_pakai_with_a_non_government_party_is_unlawful(party: str) -> None:
    # PP 27/2014 art. 1: pinjam pakai only between central and regional governments or between regions.
    a = lease(form="pinjam_pakai", party_kind=party, fee_per_period=0)
    [finding] = check_agreement(a, "2024-05-01")
    assert (finding.code, finding.severity, finding.amount) == ("unlawful_form", "high", 0)
    assert "SW-01" in finding.message.id and "UD Abon Bahari" in finding.message.en
    # the message names the lawful alternatives for a paying party on a building: sewa, KSP.
    assert "Sewa, Kerja sama pemanfaatan (KSP)" in finding.message.id


def test_pinjam_pakai_between_government_bodies_is_fine() -> None:
    a = lease(form="pinjam_pakai", party_kind="instansi_pemerintah", party_name="Dinas Perikanan", fee_per_period=0)
    assert codes(a, "2024-05-01") == []


def test_lease_to_any_party_is_lawful() -> None:
    for party in PARTY_KINDS:  # sewa: "any" other party (PP 27/2014 art. 29(1) "Pihak Lain")
        assert codes(lease(party_kind=party, fee_paid=36 * JT), "2024-01-01", forms=FORMS) == []


@pytest.mark.parametrize(
    ("form", "card", "found"),
    [
        ("bgs_bsg", "C", True),  # BGS/BSG: land only (PP 27/2014 art. 1)
        ("bgs_bsg", "A", False),
        ("sewa", "F", True),  # construction in progress: not usable yet (likely)
        ("sewa", "C", False),
        ("ksp", "B", False),
        ("sewa", None, False),  # card not recorded: not checked
    ],
)
def test_wrong_card(form: str, card: str | None, found: bool) -> None:
    a = lease(form=form, asset_card=card, fee_per_period=JT, period_months=12, fee_paid=JT)
    assert ("wrong_card" in codes(a, "2024-01-01")) is found


@pytest.mark.parametrize(
    ("form", "end", "found"),
    [
        # sewa ≤ 5 years (PP 27/2014 art. 29(2), check); end day included: 2024-01-01..2028-12-31 is 5 years.
        ("sewa", D(2028, 12, 31), False),
        ("sewa", D(2029, 1, 1), True),
        ("pinjam_pakai", D(2028, 12, 31), False),  # pinjam pakai ≤ 5 years (check)
        ("pinjam_pakai", D(2029, 1, 1), True),
        ("ksp", D(2053, 12, 31), False),  # KSP ≤ 30 years (check)
        ("ksp", D(2054, 1, 1), True),
        ("bgs_bsg", D(2053, 12, 31), False),  # BGS/BSG ≤ 30 years from signing (check)
        ("bgs_bsg", D(2054, 1, 1), True),
    ],
)
def test_term_too_long(form: str, end: dt.date, found: bool) -> None:
    paid = FORMS[form].paid
    a = lease(form=form, end=end, party_kind="instansi_pemerintah", fee_per_period=JT if paid else 0, fee_paid=JT)
    assert ("term_too_long" in codes(a, "2024-01-01")) is found


def test_term_is_configurable_and_leap_day() -> None:
    # A city rule (hypothetical) allowing leases of 10 years: 2024-01-01..2031-12-31 is then fine.
    a = lease(end=D(2031, 12, 31), fee_paid=2 * JT)
    assert "term_too_long" in codes(a)
    forms = {**FORMS, "sewa": dataclasses.replace(FORMS["sewa"], max_years=10)}
    assert "term_too_long" not in codes(a, forms=forms)
    # Start on 29 Feb 2024: 5 years end on 28 Feb 2029 (no 29 Feb), so 27 Feb 2029 is the last allowed day.
    assert "term_too_long" not in codes(lease(start=D(2024, 2, 29), end=D(2029, 2, 27)), "2024-02-29")
    assert "term_too_long" in codes(lease(start=D(2024, 2, 29), end=D(2029, 2, 28)), "2024-02-29")


@pytest.mark.parametrize("form", ["sewa", "ksp"])
def test_paid_form_without_fee(form: str) -> None:
    # sewa "menerima imbalan uang tunai"; KSP pays a fixed contribution: fee 0 is a finding.
    [finding] = check_agreement(lease(form=form, fee_per_period=0), "2024-03-01")
    assert (finding.code, finding.severity) == ("paid_form_without_fee", "high")


def test_fee_on_pinjam_pakai() -> None:
    a = lease(form="pinjam_pakai", party_kind="instansi_pemerintah", fee_per_period=500_000)
    [finding] = check_agreement(a, "2024-03-01")
    assert finding.code == "fee_on_unpaid_form"
    assert "Rp500.000" in finding.message.id and "Rp500,000" in finding.message.en


@pytest.mark.parametrize(
    ("as_of", "in_use", "found"),
    [
        (D(2025, 12, 31), True, False),  # the end day itself is still inside the agreement
        (D(2026, 1, 1), True, True),  # one day after the end, still in use → expired
        (D(2026, 1, 1), False, False),  # ended and handed back: nothing to report
    ],
)
def test_expired(as_of: dt.date, in_use: bool, found: bool) -> None:
    a = lease(in_use=in_use, fee_paid=36 * JT)  # fully paid: hand-computed 24 × Rp1.5 juta
    assert codes(a, as_of) == (["expired"] if found else [])


def test_unpaid_fee_amount() -> None:
    # Hand-computed: on 2024-06-15, 6 monthly periods begun × Rp1.5 juta = Rp9 juta due; Rp4.5 juta paid → Rp4.5 juta.
    [finding] = check_agreement(lease(fee_paid=4_500_000), "2024-06-15")
    assert (finding.code, finding.severity, finding.amount) == ("unpaid_fee", "medium", 4_500_000)
    assert "Rp4.500.000" in finding.message.id and "Rp9.000.000" in finding.message.id
    assert "Rp4,500,000 outstanding" in finding.message.en
    assert codes(lease(fee_paid=9 * JT), "2024-06-15") == []  # paid exactly what is due
    assert codes(lease(fee_paid=9 * JT), "2024-07-01") == ["unpaid_fee"]  # 7th month begins
    assert codes(lease(fee_paid=20 * JT), "2024-06-15") == []  # paid in advance


def test_all_findings_at_once_in_rule_order() -> None:
    # BGS/BSG on a building (card C), 36 years, no contribution, still in use after the end; fee 0 → nothing unpaid.
    a = lease(form="bgs_bsg", asset_card="C", end=D(2060, 1, 1), fee_per_period=0)
    assert codes(a, "2061-01-01") == ["wrong_card", "term_too_long", "paid_form_without_fee", "expired"]
    b = lease(form="pinjam_pakai", fee_per_period=JT, end=D(2030, 1, 1))
    assert codes(b, "2031-01-01") == ["unlawful_form", "term_too_long", "fee_on_unpaid_form", "expired"]


def test_finding_to_dict_is_plain() -> None:
    d = check_agreement(lease(), "2024-02-01")[0].to_dict()
    assert json.loads(json.dumps(d)) == d
    assert (d["code"], d["amount"]) == ("unpaid_fee", 3 * JT)  # hand-computed: 2 months × Rp1.5 juta, nothing paid


def test_check_agreement_rejects_bad_input() -> None:
    with pytest.raises(CalculationError, match="agreement"):
        check_agreement({"id": "x"}, "2024-01-01")  # type: ignore[arg-type]
    with pytest.raises(CalculationError, match="as_of"):
        check_agreement(lease(), "15/03/2024")
    with pytest.raises(CalculationError, match="field 'form'"):
        check_agreement(lease(form="hibah"), "2024-01-01")


# --- many agreements -----------------------------------------------------------------------------------------


def test_check_agreements() -> None:
    good = lease(id="A", fee_paid=36 * JT)
    lent = lease(id="B", form="pinjam_pakai", fee_per_period=0)
    found = check_agreements([good, lent, lease(id="C")], D(2024, 3, 1))
    # hand-computed for C: 3 months × Rp1.5 juta = Rp4.5 juta outstanding.
    assert [(f.agreement_id, f.code, f.amount) for f in found] == [
        ("B", "unlawful_form", 0),
        ("C", "unpaid_fee", 4_500_000),
    ]
    assert check_agreements([], "2024-01-01") == []
    with pytest.raises(CalculationError, match=r"agreements\[1\].*'A' appears twice"):
        check_agreements([good, good], "2024-01-01")
    with pytest.raises(CalculationError, match=r"agreements\[0\]"):
        check_agreements(["A"], "2024-01-01")  # type: ignore[list-item]


# --- reading a table row -------------------------------------------------------------------------------------

ROW = {
    "id": "SW-07", "asset_code": "02.06.01.05.001", "form": "Sewa", "party_name": "KUB Tenun Kolaka Indah (fiktif)",
    "party_kind": "Koperasi", "start": "2024-03-15", "end": "2026-03-14",
}  # fmt: skip


def test_agreement_from_dict_defaults_and_parsing() -> None:
    a = agreement_from_dict(ROW, row_number=3)
    assert (a.form, a.party_kind, a.start, a.end) == ("sewa", "koperasi", D(2024, 3, 15), D(2026, 3, 14))
    assert (a.fee_per_period, a.period_months, a.fee_paid, a.asset_card, a.in_use) == (0, 12, 0, None, True)
    b = agreement_from_dict(
        {**ROW, "form": "BGS", "fee_per_period": "2500000", "period_months": 1.0, "fee_paid": float("nan"),
         "asset_card": "a", "in_use": "tidak", "start": dt.datetime(2024, 3, 15, 8, 30), "end": D(2026, 3, 14)},
    )  # fmt: skip
    assert (b.form, b.fee_per_period, b.period_months, b.fee_paid, b.asset_card, b.in_use) == (
        "bgs_bsg", 2_500_000, 1, 0, "A", False,
    )  # fmt: skip
    assert b.start == D(2024, 3, 15)
    assert agreement_from_dict({**ROW, "form": "pinjam-pakai", "in_use": ""}).form == "pinjam_pakai"
    assert agreement_from_dict({**ROW, "in_use": False}).in_use is False
    blank = agreement_from_dict({**ROW, "fee_paid": pd.NA, "asset_card": None, "in_use": pd.NA})  # empty cells
    assert (blank.fee_paid, blank.asset_card, blank.in_use) == (0, None, True)
    d = a.to_dict()
    assert json.loads(json.dumps(d)) == d and d["end"] == "2026-03-14"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"form": "hibah"}, "field 'form'"),
        ({"form": ""}, "field 'form'"),
        ({"party_kind": "swasta"}, "field 'party_kind'"),
        ({"start": "15/03/2024"}, "field 'start'"),
        ({"end": None}, "field 'end'"),
        ({"end": "2024-03-14"}, "field 'end'"),  # before start
        ({"fee_per_period": -1}, "field 'fee_per_period'"),
        ({"fee_per_period": "1.500.000"}, "field 'fee_per_period'"),
        ({"fee_paid": 10.5}, "field 'fee_paid'"),
        ({"fee_paid": "²"}, "field 'fee_paid'"),  # a digit to str.isdigit() but not to int()
        ({"period_months": 0}, "field 'period_months'"),
        ({"asset_card": "G"}, "field 'asset_card'"),
        ({"in_use": "mungkin"}, "field 'in_use'"),
        ({"party_name": "  "}, "field 'party_name'"),
        ({"id": 7}, "field 'id'"),
    ],
)
def test_agreement_from_dict_rejects_bad_fields(changes: dict[str, object], field: str) -> None:
    with pytest.raises(CalculationError, match=f"^row 5: .*{field}"):
        agreement_from_dict({**ROW, **changes}, row_number=5)


def test_agreement_from_dict_missing_fields_and_not_a_row() -> None:
    row = {k: v for k, v in ROW.items() if k not in ("start", "party_kind")}
    with pytest.raises(CalculationError, match=r"^agreement 'SW-07': field\(s\) 'party_kind', 'start' missing"):
        agreement_from_dict(row)
    with pytest.raises(CalculationError, match="^row 2: expected a mapping"):
        agreement_from_dict(["SW-07"], row_number=2)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"party_kind": "swasta"}, "party_kind"),
        ({"start": "2024-01-01"}, "start"),
        ({"end": dt.datetime(2025, 1, 1)}, "end"),
        ({"fee_per_period": "1500000"}, "fee_per_period"),
        ({"period_months": 0}, "period_months"),
        ({"fee_paid": True}, "fee_paid"),
        ({"asset_card": "c"}, "asset_card"),
        ({"in_use": "ya"}, "in_use"),
        ({"form": ""}, "form"),
    ],
)
def test_constructor_checks_types(changes: dict[str, object], field: str) -> None:
    with pytest.raises(CalculationError, match=field):
        lease(**changes)
