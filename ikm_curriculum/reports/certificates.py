"""Certificates of completion with a verification code, and checking such a code (``ikm verify``).

**Who gets one** (:class:`CompletionRule`, rule ``"completion"``): a participant who
handed in an answer in every training-module workbook released to them (the
curriculum's modules; the daily tests and the survey do not count) and whose
training score is at least ``min_percent`` (default 0: completing the work is
enough; a facilitator may ask for more).

**The code** is ``IKM-`` and 8 characters of Crockford's base32 (digits and
capital letters without I, L, O, U; https://www.crockford.com/base32.html) taken
from the first 40 bits of HMAC-SHA256 (RFC 2104) keyed with the cohort secret,
of the participant's code: nobody without the secret can make a valid code, and
the same participant always gets the same code. It is printed ``IKM-XXXX-XXXX``
and stored in the gradebook's ``certificates`` table. :func:`verify_certificate`
reads codes as people type them: lower case, without dashes, ``O`` for ``0`` and
``I`` or ``L`` for ``1`` (Crockford's decoding rule).

Issuing again is idempotent: a participant keeps their code and first issue
date; their stored percent is brought up to date. A certificate already issued
is never withdrawn by a later run.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import asdict, dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, ClassVar

from sqlalchemy import select

from ikm_curriculum.cohort.gradebook import Certificate, ExerciseInstanceRow, utcnow
from ikm_curriculum.cohort.scores import cohort_scores
from ikm_curriculum.cohort.training_info import TrainingInfo, training_info
from ikm_curriculum.cohort.workspace import Workspace
from ikm_curriculum.curriculum import check_lang, default_curriculum
from ikm_curriculum.errors import ReportError
from ikm_curriculum.reports.labels import format_date, format_date_range, label, module_title
from ikm_curriculum.reports.pdf import html_to_pdf_many, render_page, write_text_atomic
from ikm_curriculum.workbooks.grading import latest_responses

CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
"""Crockford's base32 symbols (no I, L, O, U)."""
CODE_PREFIX = "IKM"
CODE_LENGTH = 8
TYPED_AS = {"O": "0", "I": "1", "L": "1"}
"""Letters people type for digits, read as Crockford's decoding rule says."""
TEMPLATE_DIR = ("templates", "certificate")


@dataclass(frozen=True)
class CompletionRule:
    """Rule ``"completion"``: an answer handed in for every training-module workbook, and a minimum score.

    Attributes
    ----------
    min_percent : float
        Lowest training score (percent, 0–100) that earns a certificate; default 0.
    """

    name: ClassVar[str] = "completion"
    min_percent: float = 0.0

    def __post_init__(self) -> None:
        if (
            isinstance(self.min_percent, bool)
            or not isinstance(self.min_percent, (int, float))
            or not (0.0 <= self.min_percent <= 100.0)
        ):
            raise ReportError(f"min_percent: expected a number from 0 to 100, got {self.min_percent!r}")


@dataclass(frozen=True)
class Eligibility:
    """Whether one participant earns a certificate, and if not, why (modules not handed in, score too low)."""

    participant: str
    nama: str
    eligible: bool
    percent: float
    missing: tuple[str, ...] = ()
    below_minimum: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class IssuedCertificate:
    """A certificate issued by :func:`issue_certificates`; ``new`` is False when it was issued before."""

    code: str
    participant: str
    nama: str
    percent: float
    issued_at: datetime
    new: bool
    html: Path | None = None
    pdf: Path | None = None

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["issued_at"] = self.issued_at.isoformat()
        out["html"] = str(self.html) if self.html else None
        out["pdf"] = str(self.pdf) if self.pdf else None
        return out


@dataclass(frozen=True)
class Verification:
    """The answer of :func:`verify_certificate`: valid with the certificate's details, or not with a reason."""

    valid: bool
    code: str
    reason: str = ""
    participant: str = ""
    nama: str = ""
    sentra: str = ""
    cohort: str = ""
    title: str = ""
    start_date: date | None = None
    end_date: date | None = None
    percent: float | None = None
    issued_at: datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        for key in ("start_date", "end_date", "issued_at"):
            out[key] = out[key].isoformat() if out[key] else None
        return out


def _utc(moment: datetime) -> datetime:
    """A stored time as UTC (SQLite gives it back without its time zone; it was written in UTC)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def certificate_code(secret: str, participant: str) -> str:
    """The verification code of ``participant``'s certificate: ``IKM-`` + 8 base32 symbols of HMAC-SHA256.

    >>> certificate_code("00" * 32, "siti-rahma-13f3")
    'IKM-43GF-TJR0'
    """
    digest = hmac.new(secret.encode("utf-8"), f"certificate:{participant}".encode(), hashlib.sha256).digest()
    bits = int.from_bytes(digest[:5], "big")  # 40 bits = 8 symbols of 5 bits
    symbols = "".join(CODE_ALPHABET[(bits >> (5 * (CODE_LENGTH - 1 - i))) & 31] for i in range(CODE_LENGTH))
    return f"{CODE_PREFIX}-{symbols[:4]}-{symbols[4:]}"


def normalize_code(text: str) -> str | None:
    """``text`` as a certificate code ``IKM-XXXX-XXXX``, or ``None`` if it cannot be one.

    >>> normalize_code(" ikm 43gf tjro "), normalize_code("43GF-TJRO"), normalize_code("43GFTIR0")
    ('IKM-43GF-TJR0', 'IKM-43GF-TJR0', 'IKM-43GF-T1R0')
    >>> normalize_code("IKM-43GF-TJR"), normalize_code("IKM-43GF-TJRU")
    (None, None)
    """
    compact = "".join(ch for ch in str(text).upper() if ch.isalnum())
    if compact.startswith(CODE_PREFIX) and len(compact) == len(CODE_PREFIX) + CODE_LENGTH:
        compact = compact[len(CODE_PREFIX) :]
    symbols = "".join(TYPED_AS.get(ch, ch) for ch in compact)
    if len(symbols) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in symbols):
        return None
    return f"{CODE_PREFIX}-{symbols[:4]}-{symbols[4:]}"


def certificate_eligibility(
    workspace: Workspace, cohort: str, rule: CompletionRule | None = None, lang: str = "id"
) -> list[Eligibility]:
    """Apply ``rule`` (default :class:`CompletionRule` ``()``) to every participant of ``cohort``, in roster order."""
    rule = rule or CompletionRule()
    lang = check_lang(lang)
    training = [m.id for m in default_curriculum().modules if m.workbook]
    scores = {p.code: p for p in cohort_scores(workspace, cohort).participants}
    gradebook = workspace.gradebook()
    try:
        with gradebook.session() as session:
            found = gradebook.cohort(session, cohort)
            people = [(p.id, p.code, p.nama) for p in found.participants]
            rows = session.execute(
                select(ExerciseInstanceRow.participant_id, ExerciseInstanceRow.module, ExerciseInstanceRow.exercise_id)
                .where(ExerciseInstanceRow.participant_id.in_([pid for pid, _, _ in people]))
                .where(ExerciseInstanceRow.module.in_(training))
            ).all()
            responses = latest_responses(session, found.id)
    finally:
        gradebook.dispose()
    released: dict[int, dict[str, bool]] = {}
    for pid, module, exercise_id in rows:
        answered = responses.get((pid, exercise_id), (None, None))[0] is not None
        modules = released.setdefault(pid, {})
        modules[module] = modules.get(module, False) or answered
    out = []
    for pid, code, nama in people:
        handed = released.get(pid, {})
        missing = tuple(module_title(m, lang) for m in training if m in handed and not handed[m])
        points = [scores[code].by_module[m] for m in training if m in scores[code].by_module]
        maximum = sum(mx for _, mx in points)
        percent = 100.0 * sum(p for p, _ in points) / maximum if maximum else 0.0
        below = percent < rule.min_percent
        out.append(Eligibility(code, nama, bool(handed) and not missing and not below, percent, missing, below))
    return out


@dataclass(frozen=True)
class Holder:
    """Who a certificate is for, as printed: name, centre, regency/city."""

    nama: str
    sentra: str
    kabupaten_kota: str = ""


def certificate_html(info: TrainingInfo, holder: Holder, code: str, issued: date, lang: str = "id") -> str:
    """The certificate page (A4 landscape, self-contained) from ``templates/certificate/certificate.html.j2``."""
    context = {
        "t": lambda key, **fields: label(key, lang, **fields),
        "lang": lang,
        "info": info,
        "p": holder,
        "code": code,
        "dates": format_date_range(info.start_date, info.end_date, lang),
        "issued": format_date(issued, lang),
        "hours": default_curriculum().total_lesson_hours(),
    }
    return render_page(TEMPLATE_DIR, "certificate.html.j2", context)


def issue_certificates(
    workspace: Workspace,
    cohort: str,
    lang: str = "id",
    pdf: bool = True,
    *,
    min_percent: float = 0.0,
    engine: str = "auto",
) -> list[IssuedCertificate]:
    """Issue (or issue again) a certificate to every participant of ``cohort`` the rule admits.

    Stores each code in the gradebook (one transaction), then writes per participant
    ``reports/<cohort>/sertifikat/<participant code>.html`` and ``.pdf`` (English ``certificates/``).
    The database rows are written first: if printing fails, run it again (the codes stay).

    Raises
    ------
    WorkspaceError
        No such cohort.
    ReportError
        ``min_percent`` out of range; no PDF engine (with ``pdf``); two participants' codes collide.
    """
    lang = check_lang(lang)
    rule = CompletionRule(min_percent)
    eligible = {e.participant: e for e in certificate_eligibility(workspace, cohort, rule, lang) if e.eligible}
    info = training_info(workspace, cohort)
    issued: list[tuple[IssuedCertificate, Holder]] = []
    gradebook = workspace.gradebook()
    try:
        with gradebook.transaction() as session:
            found = gradebook.cohort(session, cohort)
            for participant in found.participants:
                if participant.code not in eligible:
                    continue
                percent = eligible[participant.code].percent
                row = session.scalar(select(Certificate).where(Certificate.participant_id == participant.id))
                new = row is None
                if row is None:
                    code = certificate_code(found.secret, participant.code)
                    taken = session.get(Certificate, code)
                    if taken is not None:
                        raise ReportError(
                            f"certificate code {code} for {participant.code} is already held by "
                            f"{taken.participant.code} (two codes of 40 bits met); nothing was issued"
                        )
                    row = Certificate(code=code, participant_id=participant.id, issued_at=utcnow(), percent=percent)
                    session.add(row)
                row.percent = percent
                holder = Holder(participant.nama, participant.sentra, participant.kabupaten_kota)
                issued.append(
                    (
                        IssuedCertificate(
                            row.code, participant.code, participant.nama, percent, _utc(row.issued_at), new
                        ),
                        holder,
                    )
                )
    finally:
        gradebook.dispose()
    folder = workspace.report_dir(cohort) / label("cert_dir", lang)
    out, pages = [], []
    for certificate, holder in issued:
        day = info.end_date or certificate.issued_at.date()
        html = write_text_atomic(
            folder / f"{certificate.participant}.html", certificate_html(info, holder, certificate.code, day, lang)
        )
        pages.append((html, folder / f"{certificate.participant}.pdf"))
        out.append(IssuedCertificate(**{**certificate.__dict__, "html": html}))
    if pdf and pages:
        printed = html_to_pdf_many(pages, engine)
        out = [IssuedCertificate(**{**c.__dict__, "pdf": path}) for c, path in zip(out, printed, strict=True)]
    return out


def verify_certificate(workspace: Workspace, code: str, lang: str = "id") -> Verification:
    """Check a certificate code against the gradebook (see the module docstring).

    Returns
    -------
    Verification
        Valid: the participant's name, centre, cohort, training title and dates, percent and
        issue date. Not valid: ``reason`` says why (malformed code, no such certificate, or a
        stored code that does not match its participant under the cohort secret).
    """
    lang = check_lang(lang)
    canonical = normalize_code(code)
    if canonical is None:
        return Verification(False, str(code), label("verify_format", lang, code=str(code)))
    gradebook = workspace.gradebook()
    try:
        with gradebook.session() as session:
            row = session.get(Certificate, canonical)
            if row is None:
                return Verification(False, canonical, label("verify_unknown", lang, code=canonical))
            participant = row.participant
            cohort = participant.cohort
            expected = certificate_code(cohort.secret, participant.code)
            details = (participant.code, participant.nama, participant.sentra, cohort.name)
            percent, issued_at = row.percent, _utc(row.issued_at)
    finally:
        gradebook.dispose()
    if not hmac.compare_digest(expected, canonical):
        return Verification(False, canonical, label("verify_mismatch", lang, code=canonical))
    info = training_info(workspace, details[3])
    return Verification(True, canonical, "", *details, info.title, info.start_date, info.end_date, percent, issued_at)
