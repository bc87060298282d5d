"""Member register and fees of the centre (buku daftar anggota, iuran / retribusi): :func:`fees_owed`.

From the member register (*buku daftar anggota*) and the fee receipts:
months owed, amount due, paid, outstanding, overpaid, and the members in
arrears (*menunggak*). The fee of each member is a column of the register
and the months that count are a :class:`FeeRule`: both are the centre's own
rule (its house rules, *tata tertib*, or a user levy, *retribusi*, set by a
regional regulation), never a constant here — check.

Rows are read as in :mod:`.books`: dicts or dataclasses (:class:`Member`,
:class:`FeeReceipt`), dates as ``datetime.date`` or ISO text, money in whole
rupiah; every row problem of one table is raised in one
:class:`~ikm_curriculum.errors.CalculationError`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from types import MappingProxyType
from typing import Any, Iterable, Mapping

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.assets.books import Table, month_of, months_between, parse_month

FEE_RULE_SOURCE = (
    "The centre's own rule: fees (iuran / retribusi) and the months they are owed for are set by the centre's "
    "house rules (tata tertib) or, for a levy on a regional asset, by the city's regional regulation (Perda "
    "retribusi). The default - every month in which the member was a member counts in full - is a teaching "
    "assumption."
)
FEE_RULE_DATE = "2026-11-27"
"""When the default rule was set (ISO date); it rests on no regulation."""
FEE_RULE_CERTAINTY = "check"

STATUS_WORDS: Mapping[str, str] = MappingProxyType(
    {"active": "active", "aktif": "active", "inactive": "inactive", "tidak aktif": "inactive"}
    | {"nonaktif": "inactive", "non-aktif": "inactive", "keluar": "inactive"}
)
"""Status words of the register (case-insensitive) → ``"active"`` or ``"inactive"``."""

_ID = ("member_id", "no_anggota")
_JOINED, _LEFT = ("joined", "tanggal_masuk"), ("left", "tanggal_keluar")
_FEE, _STATUS = ("monthly_fee", "iuran"), ("status",)
_DATE, _AMOUNT, _RECEIPT = ("date", "tanggal"), ("amount", "jumlah"), ("receipt", "bukti", "no_bukti")


@dataclass(frozen=True)
class FeeRule:
    """Which months a member owes the fee for (the centre's own rule — check).

    A month counts if the member was a member in it, from the month of
    joining to ``to_month``, or to the month of leaving (``left``) for an
    inactive member. ``count_joining_month`` / ``count_leaving_month`` say
    whether those two months count (default: yes, in full). An inactive
    member without a date of leaving owes nothing in the period (the
    register does not say when they stopped).
    """

    count_joining_month: bool = True
    count_leaving_month: bool = True


DEFAULT_FEE_RULE = FeeRule()
"""Every month in which the member was a member counts in full (:data:`FEE_RULE_SOURCE`)."""


@dataclass(frozen=True)
class Member:
    """A line of the member register (buku daftar anggota); ``left`` only for an inactive member."""

    member_id: str
    business_name: str
    owner: str
    product: str
    joined: dt.date | str
    monthly_fee: int
    status: str = "active"
    left: dt.date | str | None = None


@dataclass(frozen=True)
class FeeReceipt:
    """A fee payment: member id, date, amount (whole rupiah > 0) and receipt number (nomor bukti)."""

    member_id: str
    date: dt.date | str
    amount: int
    receipt: str


@dataclass(frozen=True)
class MemberFees:
    """Fees of one member in the period: months owed, due = months × fee, paid, outstanding, overpaid."""

    member_id: str
    business_name: str
    status: str
    monthly_fee: int
    months: tuple[str, ...]
    due: int
    paid: int
    outstanding: int
    overpaid: int
    receipts: tuple[str, ...]

    @property
    def months_owed(self) -> int:
        """Number of months owed."""
        return len(self.months)

    def to_dict(self) -> dict[str, Any]:
        """Plain values (lists for tuples), with ``months_owed``."""
        data = asdict(self)
        return {**data, "months": list(self.months), "receipts": list(self.receipts), "months_owed": self.months_owed}


@dataclass(frozen=True)
class FeesOwed:
    """Fees of all members in the period (see :func:`fees_owed`)."""

    from_month: str
    to_month: str
    members: tuple[MemberFees, ...]
    in_arrears: tuple[str, ...]
    total_due: int
    total_paid: int
    total_outstanding: int
    total_overpaid: int
    receipts_outside_period: tuple[int, ...]

    def member(self, member_id: str) -> MemberFees:
        """The fees of one member, by id (``KeyError`` if not in the register)."""
        for fees in self.members:
            if fees.member_id == member_id:
                return fees
        raise KeyError(member_id)

    def to_dict(self) -> dict[str, Any]:
        """Plain values, JSON-able."""
        return {
            **{k: getattr(self, k) for k in ("from_month", "to_month", "total_due", "total_paid")},
            **{k: getattr(self, k) for k in ("total_outstanding", "total_overpaid")},
            "members": [m.to_dict() for m in self.members],
            "in_arrears": list(self.in_arrears),
            "receipts_outside_period": list(self.receipts_outside_period),
        }


def _read_members(members: object) -> list[tuple[Member, dt.date, dt.date | None]]:
    table = Table(members, "members (buku daftar anggota)")
    register, seen = [], {}
    for n, row in table.readable:
        member_id = table.text(n, row, _ID, required=True)
        if member_id in seen:
            table.problem(n, _ID, f"an id not used before (already on row {seen[member_id]})", member_id)
        elif member_id:
            seen[member_id] = n
        joined, left = table.date(n, row, _JOINED), table.date(n, row, _LEFT, required=False)
        fee = table.money(n, row, _FEE, blank=None)
        if fee is not None and fee < 0:
            table.problem(n, _FEE, "a fee ≥ 0 rupiah", fee)
        word = table.text(n, row, _STATUS, required=True)
        status = STATUS_WORDS.get(word.casefold())
        if word and status is None:
            table.problem(n, _STATUS, f"one of {', '.join(STATUS_WORDS)}", word)
        if left is not None and status == "active":
            table.problem(n, _LEFT, "no date of leaving for an active member", left.isoformat())
        if left is not None and joined is not None and left < joined:
            table.problem(n, _LEFT, f"a date not before joining ({joined.isoformat()})", left.isoformat())
        texts = [table.text(n, row, names) for names in (("business_name", "nama_usaha"), ("owner", "pemilik"))]
        product = table.text(n, row, ("product", "produk"))
        if joined is not None and fee is not None and status is not None:
            register.append((Member(member_id, *texts, product, joined, fee, status, left), joined, left))
    table.check()
    return register


def _read_receipts(receipts: object, known: list[str]) -> list[tuple[int, str, dt.date, int, str]]:
    table = Table(receipts, "receipts (bukti pembayaran retribusi)")
    read, seen = [], {}
    shown = ", ".join(known[:10]) + (", …" if len(known) > 10 else "")
    for n, row in table.readable:
        member_id = table.text(n, row, _ID, required=True)
        if member_id and member_id not in known:
            table.problem(n, _ID, f"a member id of the register ({shown})", member_id)
        day, amount = table.date(n, row, _DATE), table.money(n, row, _AMOUNT, blank=None)
        if amount is not None and amount <= 0:
            table.problem(n, _AMOUNT, "an amount > 0 rupiah", amount)
        receipt = table.text(n, row, _RECEIPT, required=True)
        key = receipt.casefold()
        if key in seen:
            table.problem(n, _RECEIPT, f"a receipt number not used before (already on row {seen[key]})", receipt)
        elif key:
            seen[key] = n
        if day is not None and amount is not None:
            read.append((n, member_id, day, amount, receipt))
    table.check()
    return read


def fees_owed(
    members: Iterable[Mapping[str, Any] | Member],
    receipts: Iterable[Mapping[str, Any] | FeeReceipt],
    from_month: str | dt.date,
    to_month: str | dt.date,
    rule: FeeRule = DEFAULT_FEE_RULE,
) -> FeesOwed:
    """Fees owed by each member (tunggakan retribusi / iuran anggota) from ``from_month`` to ``to_month``.

    For each member of the register:

    * months owed = the months of the period in which the member was a
      member (see :class:`FeeRule`): from max(month joined, ``from_month``)
      to ``to_month`` — or to the month of leaving for an inactive member;
    * due = months owed × monthly fee (the fee column of the register);
    * paid = Σ receipts of the member dated within the period;
    * outstanding = max(due − paid, 0); overpaid = max(paid − due, 0);
      members with outstanding > 0 are *in arrears* (``in_arrears``).

    Receipts dated outside the period are not counted; their row numbers are
    listed in ``receipts_outside_period``. The fee and the months that count
    are the centre's own rule (:data:`FEE_RULE_SOURCE`) — check.

    Parameters
    ----------
    members : list of dict or Member
        Fields ``member_id`` (``no_anggota``), ``business_name``, ``owner``,
        ``product``, ``joined`` (``tanggal_masuk``), ``monthly_fee``
        (``iuran``, whole rupiah ≥ 0), ``status`` (see :data:`STATUS_WORDS`),
        optional ``left`` (``tanggal_keluar``, inactive members only).
    receipts : list of dict or FeeReceipt
        Fields ``member_id``, ``date``, ``amount`` (whole rupiah > 0),
        ``receipt`` (unique receipt number).
    from_month, to_month : str or date
        First and last month of the period, ``"YYYY-MM"`` or a date in the month.
    rule : FeeRule, default DEFAULT_FEE_RULE

    Returns
    -------
    FeesOwed

    Raises
    ------
    CalculationError
        A bad month or rule; in the register: missing or duplicate ids, bad
        dates, fees or status words, a date of leaving for an active member
        or before joining; in the receipts: a member id not in the register,
        bad dates, amounts ≤ 0, missing or duplicate receipt numbers. Every
        problem of a table is listed in one message, by row and field.

    Examples
    --------
    Hand-computed: period January–March 2024, fee Rp25 000. A-01 (joined
    2023) owes 3 × 25 000 = 75 000 and paid 50 000 → 25 000 in arrears;
    A-02 joined 10 February → owes February and March = 50 000, paid 50 000.

    >>> register = [
    ...     Member("A-01", "Abon Mawar", "Ibu Sari", "abon ikan", "2023-05-01", 25_000),
    ...     Member("A-02", "Mete Jaya", "Pak Anto", "kacang mete", "2024-02-10", 25_000),
    ... ]
    >>> paid = [FeeReceipt("A-01", "2024-01-05", 50_000, "R-001"), FeeReceipt("A-02", "2024-03-01", 50_000, "R-002")]
    >>> result = fees_owed(register, paid, "2024-01", "2024-03")
    >>> [(m.member_id, m.months_owed, m.due, m.outstanding) for m in result.members], result.in_arrears
    ([('A-01', 3, 75000, 25000), ('A-02', 2, 50000, 0)], ('A-01',))
    """
    first, last = parse_month(from_month, "from_month"), parse_month(to_month, "to_month")
    if first > last:
        raise CalculationError(f"to_month: expected a month not before from_month ({first}), got {last!r}")
    if not isinstance(rule, FeeRule):
        raise CalculationError(f"rule: expected a FeeRule, got {type(rule).__name__}")
    register = _read_members(members)
    payments = _read_receipts(receipts, [m.member_id for m, _, _ in register])
    inside = [p for p in payments if first <= month_of(p[2]) <= last]
    period = months_between(first, last)
    rows = []
    for member, joined, left in register:
        start, count_start = month_of(joined), rule.count_joining_month
        months = [m for m in period if m > start or (m == start and count_start)]
        if member.status == "inactive":
            end = month_of(left) if left is not None else ""
            months = [m for m in months if m < end or (m == end and rule.count_leaving_month)]
        own = [p for p in inside if p[1] == member.member_id]
        due, paid = len(months) * member.monthly_fee, sum(p[3] for p in own)
        rows.append(
            MemberFees(
                member.member_id,
                member.business_name,
                member.status,
                member.monthly_fee,
                tuple(months),
                due,
                paid,
                max(due - paid, 0),
                max(paid - due, 0),
                tuple(p[4] for p in own),
            )
        )
    return FeesOwed(
        first,
        last,
        tuple(rows),
        tuple(r.member_id for r in rows if r.outstanding > 0),
        sum(r.due for r in rows),
        sum(r.paid for r in rows),
        sum(r.outstanding for r in rows),
        sum(r.overpaid for r in rows),
        tuple(p[0] for p in payments if p not in inside),
    )
