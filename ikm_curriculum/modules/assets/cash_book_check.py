"""Errors a trainee should find in a written cash book ("temukan kesalahan di buku kas").

:func:`check_cash_book` reads a cash book as written (see :mod:`.cash_book`
for the book itself, its running balance and monthly closing) and lists its
errors, each a :class:`CashFinding` with a bilingual message from
:data:`MESSAGES`. The rules are standard cash-book practice
(:data:`.cash_book.SOURCE`) — likely.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from types import MappingProxyType
from typing import Any, Iterable, Mapping, Sequence

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.assets.books import LANGS, as_rupiah, is_blank
from ikm_curriculum.modules.assets.books import rupiah as _rp
from ikm_curriculum.modules.assets.books import whole_rupiah as _whole_rupiah
from ikm_curriculum.modules.assets.cash_book import CashEntry, _out_of_order, _read
from ikm_curriculum.modules.quality.commodities import Text

_COLUMN = {"cash_in": Text("Masuk", "In"), "cash_out": Text("Keluar", "Out")}

FINDINGS: Mapping[str, Text] = MappingProxyType(
    {
        "negative_amount": Text("Jumlah negatif", "Negative amount"),
        "both_in_and_out": Text("Masuk dan keluar di satu baris", "Cash in and out on one row"),
        "missing_receipt": Text("Tidak ada nomor bukti", "No receipt number"),
        "duplicate_receipt": Text("Nomor bukti dipakai dua kali", "Receipt number used twice"),
        "date_out_of_order": Text("Tanggal tidak urut", "Date out of order"),
        "balance_mismatch": Text("Saldo salah hitung", "Balance miscalculated"),
        "negative_balance": Text("Saldo kas di bawah nol", "Cash balance below zero"),
    }
)
"""Codes of :func:`check_cash_book` findings, in the order they are checked on a row, with short names."""

MESSAGES: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "negative_amount": (
            "Baris {row}: jumlah di kolom {column} negatif ({amount}). Tulis angka positif di kolom yang benar.",
            "Row {row}: negative amount in the {column} column ({amount}). "
            "Write a positive number in the right column.",
        ),
        "both_in_and_out": (
            "Baris {row}: kolom Masuk dan Keluar sama-sama terisi. Satu baris untuk satu transaksi.",
            "Row {row}: both the In and the Out column are filled. One row for one transaction.",
        ),
        "missing_receipt": (
            "Baris {row}: tidak ada nomor bukti. Setiap transaksi perlu bukti (kuitansi atau nota).",
            "Row {row}: no receipt number. Every transaction needs a receipt.",
        ),
        "duplicate_receipt": (
            "Baris {row}: nomor bukti {receipt} sudah dipakai di baris {first}.",
            "Row {row}: receipt number {receipt} is already used on row {first}.",
        ),
        "date_out_of_order": (
            "Baris {row}: tanggal {date} lebih awal dari tanggal di atasnya ({above}). "
            "Catat transaksi menurut urutan tanggal.",
            "Row {row}: date {date} is earlier than a date above it ({above}). Record transactions in date order.",
        ),
        "balance_mismatch": (
            "Baris {row}: saldo tertulis {stated}, seharusnya {computed} (selisih {difference}).",
            "Row {row}: the stated balance is {stated}, it should be {computed} (difference {difference}).",
        ),
        "negative_balance": (
            "Baris {row}: saldo kas menjadi {computed}. Uang kas tidak bisa kurang dari nol: "
            "ada penerimaan yang belum dicatat atau pengeluaran yang salah.",
            "Row {row}: the cash balance falls to {computed}. Cash cannot be less than zero: "
            "a receipt is missing or a payment is wrong.",
        ),
    }
)
"""Message templates (Indonesian, English) of each finding; rupiah and dates are written per language."""


@dataclass(frozen=True)
class CashFinding:
    """An error in a written cash book: code (a key of :data:`FINDINGS`), row (1-based), field, message.

    ``stated`` and ``computed`` are filled for ``balance_mismatch`` (the
    written and the correct balance) and ``computed`` for ``negative_balance``.
    """

    code: str
    row: int
    field: str
    message: Text
    stated: int | None = None
    computed: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain values, the message as ``{"id": ..., "en": ...}``."""
        return {**asdict(self), "message": self.message.to_dict()}


def _stated(stated_balances: object, count: int) -> list[int | None]:
    if stated_balances is None:
        return [None] * count
    if isinstance(stated_balances, (str, bytes, Mapping)) or not isinstance(stated_balances, Iterable):
        raise CalculationError(f"stated_balances: expected a list with one balance per entry, got {stated_balances!r}")
    values = list(stated_balances)
    if len(values) != count:
        raise CalculationError(f"stated_balances: expected {count} values (one per entry), got {len(values)}")
    problems = [
        f"  - stated_balances[{i}] (row {i + 1}): expected whole rupiah or None, got {v!r}"
        for i, v in enumerate(values)
        if not is_blank(v) and as_rupiah(v) is None
    ]
    if problems:
        raise CalculationError(f"stated_balances: {len(problems)} problem(s):\n" + "\n".join(problems))
    return [None if is_blank(v) else as_rupiah(v) for v in values]


_MONEY = frozenset({"amount", "stated", "computed", "difference"})


def _shown(key: str, value: object, lang: str) -> object:
    if isinstance(value, Text):
        return value.id if lang == "id" else value.en
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y") if lang == "id" else value.isoformat()
    return _rp(value, lang) if key in _MONEY else value  # type: ignore[arg-type]


def _finding(code: str, row: int, field: str, **values: Any) -> CashFinding:
    """A finding with its message filled from :data:`MESSAGES` (rupiah and dates written per language)."""
    id_, en = (
        template.format(row=row, **{k: _shown(k, v, lang) for k, v in values.items()})
        for template, lang in zip(MESSAGES[code], LANGS, strict=True)
    )
    numbers = {k: values[k] for k in ("stated", "computed") if k in values}
    return CashFinding(code, row, field, Text(id_, en), **numbers)


def check_cash_book(
    entries: Iterable[Mapping[str, Any] | CashEntry],
    opening_balance: int = 0,
    stated_balances: Sequence[int | None] | None = None,
) -> list[CashFinding]:
    """Errors a trainee should find in a written cash book ("temukan kesalahan di buku kas").

    The book is checked **as written** (input order, not sorted). On each
    row, in this order (codes of :data:`FINDINGS`):

    * ``negative_amount`` — a negative cash in or cash out (one finding per column);
    * ``both_in_and_out`` — cash in and cash out on the same row (one row, one transaction);
    * ``missing_receipt`` — no receipt number (every transaction needs a receipt, *bukti*);
    * ``duplicate_receipt`` — a receipt number already used on a row above
      (compared without surrounding spaces and case);
    * ``date_out_of_order`` — a date earlier than a date above it (the book is kept in date order);
    * ``balance_mismatch`` — the stated balance differs from the computed
      running balance saldo_i = saldo_(i−1) + masuk_i − keluar_i (amounts as
      written). Only the row where a difference appears or changes is
      flagged: a row whose stated balance carries the same difference as the
      stated row above only copies an earlier error forward;
    * ``negative_balance`` — the computed balance falls below zero (cash
      cannot be less than nothing); flagged where it crosses below zero.

    Rules from standard cash-book practice (:data:`SOURCE`) — likely.

    Parameters
    ----------
    entries : list of dict or CashEntry
        The lines as written (see the module notes for field names).
    opening_balance : int, default 0
        Whole rupiah ≥ 0.
    stated_balances : list of int or None, optional
        The balance written on each row (``None`` where none was written);
        one value per entry.

    Returns
    -------
    list of CashFinding
        Sorted by row, then in the order above; empty for a clean book.

    Raises
    ------
    CalculationError
        Dates that are not dates, amounts that are not whole rupiah (all
        rows in one message); a bad opening balance; ``stated_balances`` of
        the wrong length or with non-rupiah values.

    Examples
    --------
    >>> entries = [
    ...     CashEntry("2024-02-01", "Retribusi Februari", "BKM-01", cash_in=300_000),
    ...     CashEntry("2024-02-03", "Beli gas", "", cash_out=90_000),
    ... ]
    >>> found = check_cash_book(entries, 100_000, stated_balances=[400_000, 320_000])
    >>> [(f.code, f.row) for f in found]
    [('missing_receipt', 2), ('balance_mismatch', 2)]
    >>> found[1].stated, found[1].computed, found[1].message.en
    (320000, 310000, 'Row 2: the stated balance is Rp320,000, it should be Rp310,000 (difference Rp10,000).')
    """
    opening = _whole_rupiah(opening_balance, "opening_balance", minimum=0)
    lines = _read(entries, allow_negative=True)
    stated = _stated(stated_balances, len(lines))
    late = {line.row: latest for line, latest in _out_of_order(lines)}
    found: list[CashFinding] = []
    first_use: dict[str, int] = {}
    balance, last_difference = opening, 0
    for line, written in zip(lines, stated, strict=True):
        r = line.row
        for field in ("cash_in", "cash_out"):
            if getattr(line, field) < 0:
                found.append(_finding("negative_amount", r, field, column=_COLUMN[field], amount=getattr(line, field)))
        if line.cash_in != 0 and line.cash_out != 0:
            found.append(_finding("both_in_and_out", r, "cash_in"))
        key = line.receipt.casefold()
        if not key:
            found.append(_finding("missing_receipt", r, "receipt"))
        elif key in first_use:
            found.append(_finding("duplicate_receipt", r, "receipt", receipt=line.receipt, first=first_use[key]))
        else:
            first_use[key] = r
        if r in late:
            found.append(_finding("date_out_of_order", r, "date", date=line.date, above=late[r]))
        previous, balance = balance, balance + line.cash_in - line.cash_out
        if written is not None:
            difference = written - balance
            if difference not in (0, last_difference):
                found.append(
                    _finding("balance_mismatch", r, "balance", stated=written, computed=balance, difference=difference)
                )
            last_difference = difference
        if balance < 0 <= previous:
            found.append(_finding("negative_balance", r, "balance", computed=balance))
    return found
