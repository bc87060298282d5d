"""Forms of use (bentuk pemanfaatan) of regional assets (Barang Milik Daerah) and checks of use agreements.

A centre built with public money is a regional asset; use by anyone other than
the region's own office needs a lawful form (PP 27/2014 as amended by PP 28/2020;
Permendagri 19/2016) — firm:

* **sewa** (lease): fixed term, paid in cash; the party may be private;
* **pinjam pakai** (loan for use): ONLY between government bodies (central–regional
  or region–region), fixed term, free. A private member business using a unit of
  the centre is therefore never *pinjam pakai*;
* **KSP** (*kerja sama pemanfaatan*, utilisation partnership): another party,
  private included, fixed term, pays a fixed contribution and a profit share;
* **BGS/BSG** (*bangun guna serah* / *bangun serah guna*, build-operate-transfer /
  build-transfer-operate): on regional LAND (KIB A) only.

The forms are DATA (:data:`FORMS`, replaceable with ``forms=``). Maximum terms are
"check" (:data:`TERM_CONFIDENCE`): lease 5 years, extendable, longer for
infrastructure (PP 27/2014 art. 29(2)–(3)); pinjam pakai 5, extendable; KSP 30,
extendable; BGS/BSG 30 from signing. Construction in progress (KIB F) is not yet
usable, so no form applies to it (likely).

The tables (:data:`FORMS`, :data:`PARTY_KINDS`, :data:`MESSAGES`, …) are kept in
:mod:`~ikm_curriculum.modules.assets.use_forms` and can be imported from here too.

>>> lawful_forms("usaha_swasta", paid=True, card="C")
('sewa', 'ksp')
>>> lawful_forms("usaha_swasta", paid=False, card="C")  # no free use for a private business
()
"""

from __future__ import annotations

import datetime as dt
import numbers
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.assets.cards import KIB_CARDS
from ikm_curriculum.modules.assets.use_forms import DATED as DATED
from ikm_curriculum.modules.assets.use_forms import (
    FINDING_SEVERITY,
    FORM_ALIASES,
    FORMS,
    MESSAGE_PREFIX,
    MESSAGES,
    PARTY_KINDS,
    UseForm,
)
from ikm_curriculum.modules.assets.use_forms import GOVERNMENT_PARTY_KINDS as GOVERNMENT_PARTY_KINDS
from ikm_curriculum.modules.assets.use_forms import SOURCE as SOURCE
from ikm_curriculum.modules.assets.use_forms import TERM_CONFIDENCE as TERM_CONFIDENCE
from ikm_curriculum.modules.quality.commodities import Text
from ikm_curriculum.modules.table_cells import is_empty, parse_whole

_YES_NO = {"ya": True, "yes": True, "true": True, "y": True, "tidak": False, "no": False, "false": False, "n": False}


def _key(value: str) -> str:
    key = "_".join(value.strip().lower().replace("-", " ").split())
    return FORM_ALIASES.get(key, key)


def _text(value: object, field: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise CalculationError(f"field {field!r}: expected non-empty text, got {value!r}")
    return value.strip()


def _date(value: object, field: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()  # e.g. a pandas Timestamp from a spreadsheet
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise CalculationError(f"{field}: expected a date or ISO text such as '2024-03-15', got {value!r}") from None


def _is_whole(value: object, minimum: int) -> bool:
    return not isinstance(value, bool) and isinstance(value, numbers.Integral) and value >= minimum


def _whole(value: object, field: str, minimum: int) -> int:
    try:
        return parse_whole(value, field, minimum)  # digit text, and 1500000.0 from a spreadsheet column
    except CalculationError:
        raise CalculationError(f"field {field!r}: expected a whole number ≥ {minimum}, got {value!r}") from None


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


@dataclass(frozen=True)
class UseAgreement:
    """An agreement for the use of a regional asset (perjanjian pemanfaatan BMD).

    ``start`` and ``end`` are the first and last day of use (both included).
    ``fee_per_period`` (rupiah, 0 allowed) is due at the start of every period
    of ``period_months`` months; ``fee_paid`` is the total paid so far (from
    the cash book). ``asset_card`` (KIB A–F) is optional; ``in_use`` says
    whether the party still uses the asset. The constructor checks every
    field; :func:`agreement_from_dict` also reads table rows.
    """

    id: str
    asset_code: str
    form: str
    party_name: str
    party_kind: str
    start: dt.date
    end: dt.date
    fee_per_period: int = 0
    period_months: int = 12
    fee_paid: int = 0
    asset_card: str | None = None
    in_use: bool = True

    def __post_init__(self) -> None:
        for field in ("id", "asset_code", "form", "party_name"):
            _text(getattr(self, field), field)
        is_date = {f: isinstance(getattr(self, f), dt.date) and not isinstance(getattr(self, f), dt.datetime)
                   for f in ("start", "end")}  # fmt: skip
        problems = {
            "party_kind": (self.party_kind not in PARTY_KINDS, f"one of {', '.join(PARTY_KINDS)}"),
            "start": (not is_date["start"], "a datetime.date"),
            "end": (not is_date["end"] or (is_date["start"] and self.end < self.start), "a date on or after start"),
            **{f: (not _is_whole(getattr(self, f), low), f"a whole number ≥ {low}")
               for f, low in (("fee_per_period", 0), ("period_months", 1), ("fee_paid", 0))},
            "asset_card": (self.asset_card is not None and self.asset_card not in KIB_CARDS, "A–F or None"),
            "in_use": (not isinstance(self.in_use, bool), "True or False"),
        }  # fmt: skip
        for field, (bad, expected) in problems.items():
            if bad:
                got = getattr(self, field)
                raise CalculationError(f"agreement {self.id!r}, field {field!r}: expected {expected}, got {got!r}")

    def to_dict(self) -> dict[str, Any]:
        """Plain values; dates as ISO text.

        >>> EXAMPLE.to_dict()["start"]
        '2024-01-01'
        """
        return {**asdict(self), "start": self.start.isoformat(), "end": self.end.isoformat()}


EXAMPLE = UseAgreement(
    "SW-01", "C-UPT-01", "sewa", "UD Abon Bahari (fiktif)", "usaha_swasta",
    dt.date(2024, 1, 1), dt.date(2025, 12, 31), fee_per_period=6_000_000, fee_paid=6_000_000,
)  # fmt: skip
"""A fictional lease of a unit of the UPT building, for examples."""


def agreement_from_dict(
    row: Mapping[str, Any], row_number: int | None = None, forms: Mapping[str, UseForm] = FORMS
) -> UseAgreement:
    """Build a :class:`UseAgreement` from a table row, checking every field.

    Required keys: ``id``, ``asset_code``, ``form`` (a key of ``forms``; case,
    spaces and hyphens ignored, "BGS" or "BSG" → ``bgs_bsg``), ``party_name``,
    ``party_kind`` (a key of :data:`PARTY_KINDS`), ``start``, ``end`` (dates,
    or ISO text "2024-03-15"). Optional (empty → default): ``fee_per_period``
    (0), ``period_months`` (12), ``fee_paid`` (0) — whole numbers, digit text
    accepted; ``asset_card`` (A–F); ``in_use`` (True; "ya"/"tidak" accepted).

    Raises
    ------
    CalculationError
        Message starting "row N" (or the agreement id) and naming the field.

    Examples
    --------
    >>> a = agreement_from_dict({"id": "PP-1", "asset_code": "B-07", "form": "Pinjam pakai",
    ...     "party_name": "Dinas Perikanan", "party_kind": "instansi_pemerintah",
    ...     "start": "2024-03-15", "end": "2026-03-14", "in_use": "ya"}, row_number=2)
    >>> a.form, a.start, a.in_use
    ('pinjam_pakai', datetime.date(2024, 3, 15), True)
    """
    if not isinstance(row, Mapping):
        raise CalculationError(f"row {row_number}: expected a mapping of field → value, got {row!r}")
    where = f"row {row_number}" if row_number is not None else f"agreement {row.get('id')!r}"
    try:
        missing = [f for f in ("id", "asset_code", "form", "party_name", "party_kind", "start", "end") if f not in row]
        if missing:
            raise CalculationError(f"field(s) {', '.join(repr(f) for f in missing)} missing")
        form = _key(_text(row["form"], "form"))
        if form not in forms:
            raise CalculationError(f"field 'form': expected one of {', '.join(forms)}, got {row['form']!r}")
        options: dict[str, Any] = {}
        for field, minimum in (("fee_per_period", 0), ("period_months", 1), ("fee_paid", 0)):
            if not is_empty(row.get(field)):
                options[field] = _whole(row[field], field, minimum)
        if not is_empty(row.get("asset_card")):
            options["asset_card"] = _text(row["asset_card"], "asset_card").upper()
        flag = row.get("in_use")
        if isinstance(flag, bool) or (isinstance(flag, str) and flag.strip().lower() in _YES_NO):
            options["in_use"] = flag if isinstance(flag, bool) else _YES_NO[flag.strip().lower()]
        elif not is_empty(flag):
            raise CalculationError(f"field 'in_use': expected yes/no (ya/tidak, True/False), got {flag!r}")
        texts = {f: _text(row[f], f) for f in ("id", "asset_code", "party_name", "party_kind")}
        return UseAgreement(
            texts["id"], texts["asset_code"], form, texts["party_name"], _key(texts["party_kind"]),
            _date(row["start"], "field 'start'"), _date(row["end"], "field 'end'"), **options,
        )  # fmt: skip
    except CalculationError as error:
        raise CalculationError(f"{where}: {error}") from None


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return dt.date(day.year + years, 2, 28)


def fee_due(agreement: UseAgreement, as_of: dt.date | str) -> int:
    """Fee due up to ``as_of``, in rupiah: fee per period × periods begun.

    Periods of p = ``period_months`` months begin on ``start``, ``start`` + p
    months, … and each is paid in advance, so on day d (start ≤ d ≤ end):
    due = fee_per_period × (⌊m / p⌋ + 1), m = whole calendar months from
    start to d (a month is complete on the same day of the month). Nothing is
    due before ``start``; no period begins after ``end``. (Permendagri
    19/2016 asks for lease money in one payment before signing, instalments
    allowed in some cases — check; then set ``period_months`` to the term.)

    >>> fee_due(EXAMPLE, "2024-12-31"), fee_due(EXAMPLE, "2025-01-01"), fee_due(EXAMPLE, "2030-01-01")
    (6000000, 12000000, 12000000)
    """
    day = _date(as_of, "as_of")
    if day < agreement.start:
        return 0
    last, start = min(day, agreement.end), agreement.start
    months = (last.year - start.year) * 12 + last.month - start.month - (1 if last.day < start.day else 0)
    return agreement.fee_per_period * (months // agreement.period_months + 1)


@dataclass(frozen=True)
class Finding:
    """A problem in a use agreement: code, severity, bilingual message; ``amount`` in rupiah where it applies."""

    agreement_id: str
    code: str
    severity: str
    message: Text
    amount: int = 0

    def to_dict(self) -> dict[str, Any]:
        """Plain values.

        >>> check_agreement(EXAMPLE, "2025-02-01")[0].to_dict()["amount"]
        6000000
        """
        return {**asdict(self), "message": self.message.to_dict()}


def check_agreement(
    agreement: UseAgreement, as_of: dt.date | str, forms: Mapping[str, UseForm] = FORMS
) -> list[Finding]:
    """Check one use agreement on the day ``as_of``; an empty list means no problem found.

    Rules (:data:`SOURCE`; severities :data:`FINDING_SEVERITY`; texts :data:`MESSAGES`):

    * ``unlawful_form`` — the form does not allow this party kind (pinjam pakai
      with anyone but a government body);
    * ``wrong_card`` — ``asset_card`` given and not a card of the form (BGS/BSG off land);
    * ``term_too_long`` — ``end`` on or after ``start`` + max years (the end day
      is included, so 2024-01-01 to 2028-12-31 is 5 years) — check;
    * ``paid_form_without_fee`` — lease, KSP or BGS/BSG with fee 0;
    * ``fee_on_unpaid_form`` — pinjam pakai with a fee (a disguised lease);
    * ``expired`` — ``end`` before ``as_of`` and the asset still in use;
    * ``unpaid_fee`` — paid forms: :func:`fee_due` − ``fee_paid`` > 0, in ``amount``.

    Raises
    ------
    CalculationError
        Not a :class:`UseAgreement`, a form not in ``forms``, or a bad ``as_of``.

    Examples
    --------
    >>> [f.code for f in check_agreement(EXAMPLE, "2024-06-30")]
    []
    >>> lent = UseAgreement("PP-2", "C-02", "pinjam_pakai", "CV Mete Jaya (fiktif)", "usaha_swasta",
    ...                     dt.date(2023, 1, 1), dt.date(2024, 12, 31))
    >>> [f.code for f in check_agreement(lent, "2025-03-01")]
    ['unlawful_form', 'expired']
    """
    if not isinstance(agreement, UseAgreement):
        raise CalculationError(f"agreement: expected a UseAgreement, got {type(agreement).__name__}")
    a, day = agreement, _date(as_of, "as_of")
    if a.form not in forms:
        raise CalculationError(f"agreement {a.id!r}, field 'form': unknown form {a.form!r}; known: {', '.join(forms)}")
    form = forms[a.form]
    due = fee_due(a, day) if form.paid else 0
    checks = {
        "unlawful_form": not form.allows(a.party_kind),
        "wrong_card": a.asset_card is not None and a.asset_card not in form.cards,
        "term_too_long": form.max_years is not None and a.end >= _add_years(a.start, form.max_years),
        "paid_form_without_fee": form.paid and a.fee_per_period == 0,
        "fee_on_unpaid_form": not form.paid and a.fee_per_period > 0,
        "expired": a.end < day and a.in_use,
        "unpaid_fee": form.paid and due > a.fee_paid,
    }
    others = [forms[k].name for k in lawful_forms(a.party_kind, True, a.asset_card or "C", forms)]
    values = {"id": a.id, "party": a.party_name, "asset": a.asset_code, "start": a.start, "end": a.end, "day": day,
              "cards": "/".join(form.cards), "card": a.asset_card, "max_years": form.max_years}  # fmt: skip
    money = {"fee": a.fee_per_period, "due": due, "paid": a.fee_paid, "outstanding": due - a.fee_paid}
    kind = PARTY_KINDS[a.party_kind]
    context = {
        lang: {**values, "form": getattr(form.name, lang), "kind": _lower_first(getattr(kind, lang)),
               "options": ", ".join(getattr(t, lang) for t in others) or none,
               **{k: "Rp" + f"{v:,}".replace(",", sep) for k, v in money.items()}}
        for lang, sep, none in (("id", ".", "tidak ada"), ("en", ",", "none"))
    }  # fmt: skip

    def message(code: str) -> Text:
        return Text(
            *(
                (getattr(MESSAGE_PREFIX, lang) + getattr(MESSAGES[code], lang)).format(**context[lang])
                for lang in ("id", "en")
            )
        )

    return [
        Finding(a.id, code, FINDING_SEVERITY[code], message(code), due - a.fee_paid if code == "unpaid_fee" else 0)
        for code, hit in checks.items()
        if hit
    ]


def check_agreements(
    agreements: Iterable[UseAgreement], as_of: dt.date | str, forms: Mapping[str, UseForm] = FORMS
) -> list[Finding]:
    """Check many agreements (see :func:`check_agreement`); findings in agreement order. Ids must be unique.

    >>> [f.code for f in check_agreements([EXAMPLE], "2026-02-01")]
    ['expired', 'unpaid_fee']
    """
    seen: set[str] = set()
    found: list[Finding] = []
    for index, agreement in enumerate(agreements):
        if not isinstance(agreement, UseAgreement):
            raise CalculationError(f"agreements[{index}]: expected a UseAgreement, got {type(agreement).__name__}")
        if agreement.id in seen:
            raise CalculationError(f"agreements[{index}]: id {agreement.id!r} appears twice; ids must be unique")
        seen.add(agreement.id)
        found.extend(check_agreement(agreement, as_of, forms))
    return found


def lawful_forms(party_kind: str, paid: bool, card: str, forms: Mapping[str, UseForm] = FORMS) -> tuple[str, ...]:
    """Keys of the forms that fit a scenario: who the party is, whether it pays, which asset card.

    A form fits when it allows ``party_kind`` (:meth:`UseForm.allows`), its
    ``paid`` equals ``paid`` and ``card`` is one of its cards. Used by the
    exercise "pick the lawful form". An empty tuple means no lawful form, e.g.
    a private business using an asset for free, or construction in progress
    (KIB F).

    Raises
    ------
    CalculationError
        Unknown ``party_kind``, ``paid`` not a bool, ``card`` not A–F.

    Examples
    --------
    >>> lawful_forms("instansi_pemerintah", paid=False, card="B")
    ('pinjam_pakai',)
    >>> lawful_forms("koperasi", paid=True, card="A")
    ('sewa', 'ksp', 'bgs_bsg')
    """
    if not isinstance(party_kind, str) or _key(party_kind) not in PARTY_KINDS:
        raise CalculationError(f"party_kind: expected one of {', '.join(PARTY_KINDS)}, got {party_kind!r}")
    if not isinstance(paid, bool):
        raise CalculationError(f"paid: expected True or False, got {paid!r}")
    if not isinstance(card, str) or card.strip().upper() not in KIB_CARDS:
        raise CalculationError(f"card: expected a KIB letter A–F, got {card!r}")
    kind, letter = _key(party_kind), card.strip().upper()
    return tuple(k for k, f in forms.items() if f.allows(kind) and f.paid == paid and letter in f.cards)
