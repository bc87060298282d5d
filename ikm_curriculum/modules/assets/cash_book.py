"""Cash book of the centre (buku kas umum sentra): running balance and monthly closing.

A single-column cash book has one line per cash transaction: date, description
(*uraian*), receipt number (*nomor bukti*), cash in (*masuk*, *penerimaan*),
cash out (*keluar*, *pengeluaran*) and the running balance (*saldo*)::

    saldo_i = saldo_(i−1) + masuk_i − keluar_i,      saldo_0 = opening balance

At the end of each month the book is closed (*tutup buku*): opening balance of
the month, total in, total out, closing balance; the closing balance of one
month is the opening balance of the next. The running-balance identity is
firm (it is what a balance is); the column layout and the monthly closing are
standard cash-book practice, here as in the village *Buku Kas Umum* format of
:data:`SOURCE` — likely (a village form borrowed for a centre; the centre's
own committee may prescribe another layout).

Rows are read as described in :mod:`.books` (dicts or dataclasses such as
:class:`CashEntry`; field names ``date``/``tanggal``, ``description``/``uraian``,
``receipt``/``bukti``/``no_bukti``, ``cash_in``/``masuk``, ``cash_out``/``keluar``;
a blank amount is 0). The errors a trainee should find in a written book are
checked by :func:`.cash_book_check.check_cash_book`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.assets.books import Table, check_lang, month_of, months_between
from ikm_curriculum.modules.assets.books import whole_rupiah as _whole_rupiah

if TYPE_CHECKING:
    import pandas as pd

SOURCE = (
    "Standard single-column cash-book practice. Column layout as in the Buku Kas Umum of village finance "
    "administration: Permendagri 113/2014 tentang Pengelolaan Keuangan Desa, lampiran format penatausahaan "
    "(No., Tgl., Uraian, Penerimaan, Pengeluaran, No. Bukti, Saldo; recorded in date order), replaced by "
    "Permendagri 20/2018 which keeps the Buku Kas Umum and the closing of the books at the end of each month."
)
SOURCE_DATE = "2014 / 2018"
"""Years of the two regulations whose Buku Kas Umum layout is followed."""
CERTAINTY = "likely"

_DATE = ("date", "tanggal")
_DESCRIPTION = ("description", "uraian")
_RECEIPT = ("receipt", "bukti", "no_bukti")
_IN = ("cash_in", "masuk")
_OUT = ("cash_out", "keluar")


@dataclass(frozen=True)
class CashEntry:
    """One line of the cash book as written: date, description (uraian), receipt no. (bukti), in, out."""

    date: dt.date | str
    description: str = ""
    receipt: str = ""
    cash_in: int = 0
    cash_out: int = 0


@dataclass(frozen=True)
class CashBookRow:
    """A line of the computed cash book; ``row`` is its 1-based number in the input."""

    row: int
    date: dt.date
    description: str
    receipt: str
    cash_in: int
    cash_out: int
    balance: int

    def to_dict(self) -> dict[str, Any]:
        """Plain values, the date as ISO text."""
        return {**asdict(self), "date": self.date.isoformat()}


@dataclass(frozen=True)
class MonthClosing:
    """Closing of one month (tutup buku bulanan): opening, total in, total out, closing = opening + in − out."""

    month: str
    opening: int
    total_in: int
    total_out: int
    closing: int

    def to_dict(self) -> dict[str, Any]:
        """Plain values."""
        return asdict(self)


@dataclass(frozen=True)
class CashBook:
    """A computed cash book (see :func:`cash_book`): its rows in date order with their running balance."""

    opening_balance: int
    rows: tuple[CashBookRow, ...]
    total_in: int
    total_out: int
    closing_balance: int
    out_of_order: tuple[int, ...]

    def monthly_closing(self) -> tuple[MonthClosing, ...]:
        """Closing of every month from the first to the last entry (see :func:`monthly_closing`).

        >>> [m.closing for m in cash_book([CashEntry("2024-01-05", cash_in=100)]).monthly_closing()]
        [100]
        """
        if not self.rows:
            return ()
        closings = []
        balance = self.opening_balance
        for month in months_between(month_of(self.rows[0].date), month_of(self.rows[-1].date)):
            lines = [r for r in self.rows if month_of(r.date) == month]
            total_in, total_out = sum(r.cash_in for r in lines), sum(r.cash_out for r in lines)
            closings.append(MonthClosing(month, balance, total_in, total_out, balance + total_in - total_out))
            balance = closings[-1].closing
        return tuple(closings)

    def to_dict(self) -> dict[str, Any]:
        """Plain values: the rows, totals, rows that were out of order, and the monthly closings.

        >>> cash_book([CashEntry("2024-01-05", cash_in=100)], 50).to_dict()["closing_balance"]
        150
        """
        return {
            "opening_balance": self.opening_balance,
            "rows": [r.to_dict() for r in self.rows],
            "total_in": self.total_in,
            "total_out": self.total_out,
            "closing_balance": self.closing_balance,
            "out_of_order": list(self.out_of_order),
            "monthly_closing": [m.to_dict() for m in self.monthly_closing()],
        }


@dataclass(frozen=True)
class _Line:
    """A line as read (shared with :mod:`.cash_book_check`, which checks the book as written)."""

    row: int
    date: dt.date
    description: str
    receipt: str
    cash_in: int
    cash_out: int


def _read(entries: object, allow_negative: bool) -> list[_Line]:
    table = Table(entries, "entries (cash book)")
    lines = []
    for n, row in table.readable:
        day, description, receipt = (
            table.date(n, row, _DATE),
            table.text(n, row, _DESCRIPTION),
            table.text(n, row, _RECEIPT),
        )
        amounts = [table.money(n, row, names) for names in (_IN, _OUT)]
        for names, amount in zip((_IN, _OUT), amounts, strict=True):
            if not allow_negative and amount is not None and amount < 0:
                expected = "an amount ≥ 0 (write it as a positive number in the right column)"
                table.problem(n, names, expected, amount)
        if day is not None and None not in amounts:
            lines.append(_Line(n, day, description, receipt, *amounts))  # type: ignore[arg-type]
    table.check()
    return lines


def _out_of_order(lines: Sequence[_Line]) -> list[tuple[_Line, dt.date]]:
    """Lines dated earlier than some line above them, with the latest date above."""
    found, latest = [], None
    for line in lines:
        if latest is not None and line.date < latest:
            found.append((line, latest))
        latest = line.date if latest is None else max(latest, line.date)
    return found


def cash_book(entries: Iterable[Mapping[str, Any] | CashEntry], opening_balance: int = 0) -> CashBook:
    """Cash book (buku kas umum) with the running balance of every row.

    saldo_i = saldo_(i−1) + masuk_i − keluar_i, starting from the opening
    balance (*saldo awal*); standard cash-book practice, see :data:`SOURCE`
    (identity firm; layout likely). Rows are sorted **stably by date**: rows
    of the same date keep the order in which they were written. The input row
    numbers of rows dated earlier than a row above them are reported in
    ``out_of_order`` (the same rows
    :func:`.cash_book_check.check_cash_book` flags).

    A row with both cash in and cash out is computed as written (in − out),
    and a balance below zero is shown as it comes out;
    :func:`.cash_book_check.check_cash_book` reports both as errors for the
    trainee to find.

    Parameters
    ----------
    entries : list of dict or CashEntry
        The lines of the book (see the module notes for field names).
    opening_balance : int, default 0
        Cash at the start, whole rupiah ≥ 0.

    Returns
    -------
    CashBook

    Raises
    ------
    CalculationError
        Every row whose date is not a date, or whose amount is not whole
        rupiah or is negative (all listed in one message, by row and field;
        :func:`.cash_book_check.check_cash_book` reports negative amounts as
        findings instead); an opening balance that is not whole rupiah ≥ 0.

    Examples
    --------
    Hand-computed: 500 000 + 200 000 − 150 000 = 550 000; the row of 3 Jan
    written after 5 Jan is moved up.

    >>> book = cash_book(
    ...     [
    ...         {"date": "2024-01-05", "description": "Beli plastik", "receipt": "BKK-02", "cash_out": 150_000},
    ...         {"date": "2024-01-03", "description": "Retribusi", "receipt": "BKM-01", "cash_in": 200_000},
    ...     ],
    ...     opening_balance=500_000,
    ... )
    >>> [(r.row, r.balance) for r in book.rows], book.closing_balance, book.out_of_order
    ([(2, 700000), (1, 550000)], 550000, (2,))
    """
    opening = _whole_rupiah(opening_balance, "opening_balance", minimum=0)
    lines = _read(entries, allow_negative=False)
    rows, balance = [], opening
    for line in sorted(lines, key=lambda x: x.date):
        balance += line.cash_in - line.cash_out
        rows.append(
            CashBookRow(line.row, line.date, line.description, line.receipt, line.cash_in, line.cash_out, balance)
        )
    return CashBook(
        opening_balance=opening,
        rows=tuple(rows),
        total_in=sum(r.cash_in for r in rows),
        total_out=sum(r.cash_out for r in rows),
        closing_balance=balance,
        out_of_order=tuple(line.row for line, _ in _out_of_order(lines)),
    )


def monthly_closing(
    book: CashBook | Iterable[Mapping[str, Any] | CashEntry], opening_balance: int | None = None
) -> tuple[MonthClosing, ...]:
    """Monthly closing (tutup buku bulanan) of a cash book.

    For each month ``YYYY-MM`` from the month of the first entry to the month
    of the last: opening, total in, total out, closing = opening + in − out;
    the closing of one month is the opening of the next, and the first
    opening is the book's opening balance. A month without entries in between
    is listed with zero totals (closing = opening). Standard cash-book
    practice, see :data:`SOURCE` — likely.

    Parameters
    ----------
    book : CashBook or list of entries
        A result of :func:`cash_book`, or entries to pass to it.
    opening_balance : int, optional
        Only with entries (default 0); a :class:`CashBook` has its own.

    Returns
    -------
    tuple of MonthClosing

    Raises
    ------
    CalculationError
        As :func:`cash_book`; or an ``opening_balance`` given with a :class:`CashBook`.

    Examples
    --------
    Hand-computed: January 100 000 + 50 000 = 150 000; nothing in February;
    March 150 000 − 20 000 = 130 000.

    >>> entries = [CashEntry("2024-01-10", "Iuran", "M-1", 50_000), CashEntry("2024-03-02", "ATK", "K-1", 0, 20_000)]
    >>> closings = monthly_closing(entries, opening_balance=100_000)
    >>> [(m.month, m.opening, m.closing) for m in closings]
    [('2024-01', 100000, 150000), ('2024-02', 150000, 150000), ('2024-03', 150000, 130000)]
    """
    if isinstance(book, CashBook):
        if opening_balance is not None:
            raise CalculationError(
                f"opening_balance: expected nothing with a CashBook (it has its own, {book.opening_balance}), "
                f"got {opening_balance!r}"
            )
        return book.monthly_closing()
    return cash_book(book, 0 if opening_balance is None else opening_balance).monthly_closing()


_HEADERS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "id": ("Baris", "Tanggal", "Uraian", "No. Bukti", "Masuk (Rp)", "Keluar (Rp)", "Saldo (Rp)"),
        "en": ("Row", "Date", "Description", "Receipt No.", "In (Rp)", "Out (Rp)", "Balance (Rp)"),
    }
)


def cash_book_frame(result: CashBook, lang: str = "id") -> pd.DataFrame:
    """The cash book as a table: Tanggal, Uraian, No. Bukti, Masuk (Rp), Keluar (Rp), Saldo (Rp).

    English headers with ``lang="en"``: Date, Description, Receipt No., In
    (Rp), Out (Rp), Balance (Rp). The index (*Baris* / *Row*) is the input
    row number, so rows moved by the date sort show where they were written.

    Parameters
    ----------
    result : CashBook
        A result of :func:`cash_book`.
    lang : {"id", "en"}, default "id"

    Returns
    -------
    pandas.DataFrame

    Raises
    ------
    CalculationError
        ``result`` is not a :class:`CashBook`, or an unknown ``lang``.

    Examples
    --------
    >>> frame = cash_book_frame(cash_book([CashEntry("2024-01-05", "Iuran", "M-1", cash_in=50_000)], 10_000))
    >>> list(frame.columns), int(frame.loc[1, "Saldo (Rp)"])
    (['Tanggal', 'Uraian', 'No. Bukti', 'Masuk (Rp)', 'Keluar (Rp)', 'Saldo (Rp)'], 60000)
    """
    if not isinstance(result, CashBook):
        raise CalculationError(f"result: expected a CashBook from cash_book(...), got {type(result).__name__}")
    index, *columns = _HEADERS[check_lang(lang)]
    import pandas as pd

    data = [(r.date, r.description, r.receipt, r.cash_in, r.cash_out, r.balance) for r in result.rows]
    frame = pd.DataFrame(data, columns=columns, index=pd.Index([r.row for r in result.rows], name=index))
    return frame.astype(dict.fromkeys(columns[3:], "int64"))
