"""Certificates: who earns one, stable codes, the page, and ``verify`` as people type codes.

The cohort (quality workbook only, 40 points over 14 graded items): Wa Ode Sarimah answers
four items right (x̄-R 6 + Pareto share 2 + vital few 3 + 5R 2 = 13 / 40 = 32.5 %), La Ode
Kasim one (5 of 6 x̄-R cells: 5 / 40 = 12.5 %), Hasniah Rauf hands in nothing.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
from datetime import date

import pypdf
import pytest
from sqlalchemy import select

from ikm_curriculum.cohort.gradebook import Certificate, Cohort, ExerciseInstanceRow
from ikm_curriculum.cohort.training_info import set_training_info
from ikm_curriculum.curriculum import default_curriculum
from ikm_curriculum.errors import ReportError
from ikm_curriculum.reports.certificates import (
    CODE_ALPHABET,
    CompletionRule,
    certificate_code,
    certificate_eligibility,
    issue_certificates,
    normalize_code,
    verify_certificate,
)
from ikm_curriculum.workbooks.collect import collect
from ikm_curriculum.workbooks.grading import grade_cohort

RFC4648 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"  # base64.b32encode's alphabet (RFC 4648, section 6)


@pytest.fixture
def graded(workspace, released) -> dict[str, str]:
    """The cohort of the module docstring, collected and graded; returns name → participant code."""
    gradebook = workspace.gradebook()
    with gradebook.session() as session:
        rows = {(r.participant.nama, r.exercise_id): r for r in session.scalars(select(ExerciseInstanceRow))}
        codes = {nama: row.participant.code for (nama, _), row in rows.items()}
    gradebook.dispose()
    right = ("mutu.pareto_top_share", "value"), ("mutu.pareto_vital_few", "correct"), ("mutu.5r_scenario", "correct")
    answers = {
        "Wa Ode Sarimah": {"mutu.xbar_r_limits": rows[("Wa Ode Sarimah", "mutu.xbar_r_limits")].key["values"]}
        | {e: rows[("Wa Ode Sarimah", e)].key[field] for e, field in right},
        "La Ode Kasim": {
            "mutu.xbar_r_limits": {**rows[("La Ode Kasim", "mutu.xbar_r_limits")].key["values"], "lcl_x": 0.0}
        },  # one cell of six wrong
    }
    for nama, given in answers.items():
        path = workspace.release_dir(released) / codes[nama] / "01_manajemen_mutu.answers.json"
        data = json.loads(path.read_text("utf-8"))
        data["answers"] = {k: {"value": v, "saved_at": "2026-11-25T10:00:00+08:00"} for k, v in given.items()}
        path.write_text(json.dumps(data), "utf-8")
    collect(workspace, released, workspace.release_dir(released))
    grade_cohort(str(workspace.root), released, "uji-run")
    return codes


def secret_of(workspace, cohort: str = "uji") -> str:
    gradebook = workspace.gradebook()
    with gradebook.session() as session:
        secret = session.scalar(select(Cohort.secret).where(Cohort.name == cohort))
    gradebook.dispose()
    return secret


def test_code_is_crockford_base32_of_the_hmac() -> None:
    secret, participant = "ab" * 32, "wa-ode-sarimah-6058"
    # independently: HMAC-SHA256 (hmac module), first 5 bytes in RFC 4648 base32, each symbol's value
    # re-spelled in Crockford's alphabet (same 5-bit values, other symbols)
    digest = hmac.new(secret.encode(), f"certificate:{participant}".encode(), hashlib.sha256).digest()
    rfc = base64.b32encode(digest[:5]).decode()
    crockford = "".join(CODE_ALPHABET[RFC4648.index(ch)] for ch in rfc)
    assert certificate_code(secret, participant) == f"IKM-{crockford[:4]}-{crockford[4:]}"
    assert not set("ILOU") & set(CODE_ALPHABET) and len(CODE_ALPHABET) == 32
    assert certificate_code(secret, "la-ode-kasim-f195") != certificate_code(secret, participant)
    assert certificate_code("cd" * 32, participant) != certificate_code(secret, participant)


def test_normalize_reads_codes_as_typed() -> None:
    assert normalize_code("ikm-43gf-tjr0") == "IKM-43GF-TJR0"
    assert normalize_code("43GFTJRO") == "IKM-43GF-TJR0"  # O read as zero, prefix left out
    assert normalize_code("IKM 43GF TJR0") == "IKM-43GF-TJR0"
    assert normalize_code("ikm-43gf-tjr0-") == "IKM-43GF-TJR0"
    assert normalize_code("IKM-L3GF-TJRI") == "IKM-13GF-TJR1"  # L and I read as one
    # too short, too long, U (not a symbol), a sign that is neither letter nor digit
    for bad in ("", "IKM", "IKM-43GF-TJR", "IKM-43GF-TJR00", "IKM-43GF-TJRU", "IKM-43GF-TJR#"):
        assert normalize_code(bad) is None, bad


def test_eligibility_rule(workspace, graded) -> None:
    found = {e.nama: e for e in certificate_eligibility(workspace, "uji")}
    assert found["Wa Ode Sarimah"].eligible and found["Wa Ode Sarimah"].percent == pytest.approx(32.5)
    assert found["La Ode Kasim"].eligible and found["La Ode Kasim"].percent == pytest.approx(12.5)
    assert not found["Hasniah Rauf"].eligible and found["Hasniah Rauf"].missing == ("Manajemen Mutu",)
    strict = {e.nama: e for e in certificate_eligibility(workspace, "uji", CompletionRule(min_percent=20))}
    assert strict["Wa Ode Sarimah"].eligible
    assert not strict["La Ode Kasim"].eligible and strict["La Ode Kasim"].below_minimum
    for bad in (-1, 100.5, True, "50"):
        with pytest.raises(ReportError, match=r"min_percent: expected a number from 0 to 100"):
            CompletionRule(min_percent=bad)


def test_issue_is_idempotent_and_codes_are_stable(workspace, graded) -> None:
    first = issue_certificates(workspace, "uji", pdf=False)
    assert sorted(c.nama for c in first) == ["La Ode Kasim", "Wa Ode Sarimah"]  # Hasniah Rauf gets none
    assert all(c.new for c in first)
    secret = secret_of(workspace)
    assert all(c.code == certificate_code(secret, c.participant) for c in first)
    assert all(re.fullmatch(r"IKM-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}", c.code) for c in first)
    again = issue_certificates(workspace, "uji", pdf=False)
    assert [(c.participant, c.code, c.issued_at) for c in again] == [
        (c.participant, c.code, c.issued_at) for c in first
    ]
    assert not any(c.new for c in again)
    assert json.loads(json.dumps(again[0].to_dict()))["code"] == again[0].code
    gradebook = workspace.gradebook()
    with gradebook.session() as session:
        stored = sorted(session.scalars(select(Certificate.code)).all())
    gradebook.dispose()
    assert stored == sorted(c.code for c in first)
    assert not (workspace.report_dir("uji") / "sertifikat" / f"{graded['Hasniah Rauf']}.html").exists()


def test_verify_accepts_variants_and_rejects_wrong_codes(workspace, graded) -> None:
    set_training_info(workspace, "uji", start_date=date(2026, 11, 24), end_date=date(2026, 11, 26))
    issued = {c.nama: c for c in issue_certificates(workspace, "uji", pdf=False)}
    code = issued["Wa Ode Sarimah"].code
    typed = code.lower().replace("-", "").replace("0", "o").replace("1", "l")
    for variant in (code, code.lower(), code.replace("-", ""), code[4:], typed, f"  {code} "):
        result = verify_certificate(workspace, variant)
        assert result.valid, variant
        assert (result.code, result.nama, result.sentra, result.cohort) == (
            code,
            "Wa Ode Sarimah",
            "Sentra Abon Ikan Abeli",
            "uji",
        )
        assert result.percent == pytest.approx(32.5) and result.end_date == date(2026, 11, 26)
        assert result.title == "Pelatihan Manajemen Mutu dan Pengelolaan Sentra IKM"
    symbols = code.replace("-", "")[3:]
    changed = symbols[:-1] + CODE_ALPHABET[(CODE_ALPHABET.index(symbols[-1]) + 1) % 32]  # one character off
    other = f"IKM-{changed[:4]}-{changed[4:]}"
    assert other not in {c.code for c in issued.values()}
    result = verify_certificate(workspace, other)
    assert not result.valid and result.reason == f"tidak ada sertifikat dengan kode {other} di buku nilai ini"
    assert result.nama == "" and result.percent is None
    wrong = verify_certificate(workspace, "IKM-12", "en")
    assert not wrong.valid and "not of the form IKM-XXXX-XXXX" in wrong.reason
    assert wrong.to_dict()["valid"] is False


def test_tampered_record_is_not_valid(workspace, graded) -> None:
    issued = issue_certificates(workspace, "uji", pdf=False)
    gradebook = workspace.gradebook()
    with gradebook.transaction() as session:  # someone moves Wa Ode's certificate row to La Ode
        rows = {r.participant.nama: r for r in session.scalars(select(Certificate))}
        session.delete(rows["La Ode Kasim"])
        session.flush()
        rows["Wa Ode Sarimah"].participant_id = rows["La Ode Kasim"].participant_id
    gradebook.dispose()
    code = next(c.code for c in issued if c.nama == "Wa Ode Sarimah")
    result = verify_certificate(workspace, code)
    assert not result.valid and "tidak cocok" in result.reason


def test_certificate_page_and_pdf(workspace, graded) -> None:
    set_training_info(
        workspace,
        "uji",
        place="Kendari",
        start_date=date(2026, 11, 24),
        end_date=date(2026, 11, 26),
        facilitators=["Dr. Rahmawati", "Ir. La Ode Amin"],
        organiser="Dinas Perindustrian Kota Kendari",
    )
    issued = {c.nama: c for c in issue_certificates(workspace, "uji", engine="weasyprint")}
    cert = issued["Wa Ode Sarimah"]
    assert cert.html.parent == workspace.report_dir("uji") / "sertifikat" and cert.pdf.suffix == ".pdf"
    page = cert.html.read_text("utf-8")
    assert not re.findall(r"(?:src|href)\s*=", page) and "http" not in page  # no external links
    hours = default_curriculum().total_lesson_hours()
    for text in (
        "Wa Ode Sarimah",
        "Sentra Abon Ikan Abeli",
        "Pelatihan Manajemen Mutu dan Pengelolaan Sentra IKM",
        "24–26 November 2026",
        "Kendari",
        f"{hours} jam pelajaran (JP)",
        "Dr. Rahmawati",
        "Ir. La Ode Amin",
        "Dinas Perindustrian Kota Kendari",
        cert.code,
        f"ikm verify {cert.code}",
        "size: A4 landscape",
    ):
        assert text in page, text
    reader = pypdf.PdfReader(cert.pdf)
    assert len(reader.pages) == 1
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert round(width) == 842 and round(height) == 595  # A4 landscape in points (ISO 216: 297 × 210 mm)
    text = reader.pages[0].extract_text()
    assert "Wa Ode Sarimah" in text and cert.code in text
    english = issue_certificates(workspace, "uji", lang="en", pdf=False)
    assert english[0].html.parent.name == "certificates"
    assert "Certificate" in english[0].html.read_text("utf-8")


@pytest.mark.slow
def test_certificate_pdf_with_chromium_is_one_landscape_page(workspace, graded) -> None:
    from ikm_curriculum.reports.pdf import find_chromium

    if find_chromium() is None:
        pytest.skip("no Chromium on this machine")
    set_training_info(workspace, "uji", facilitators=["A", "B", "C", "D", "E"], organiser="Dinas", place="Kendari")
    for cert in issue_certificates(workspace, "uji", engine="chromium"):
        reader = pypdf.PdfReader(cert.pdf)
        assert len(reader.pages) == 1 and cert.code in reader.pages[0].extract_text()
        assert float(reader.pages[0].mediabox.width) > float(reader.pages[0].mediabox.height)
