"""Straight-line depreciation (penyusutan garis lurus) and book value (nilai buku) of regional assets.

Formula (PSAP 07 "Akuntansi Aset Tetap" in PP 71/2010, straight-line
method; Permendagri 64/2013 Lampiran I, fixed-asset policy of regions)::

    depreciable       = cost − residual                 (residual value usually 0)
    per period        = depreciable ÷ (useful life in years × periods per year)
    accumulated (k)   = sum of the first k periods
    book value (k)    = cost − accumulated (k)

Per-period amounts are whole rupiah, rounded half up; the LAST period
absorbs the rounding, so the total is exactly the depreciable cost (and the
final book value exactly the residual). Confidence: firm for the method, the
zero residual and "land (KIB A) and construction in progress (KIB F) are not
depreciated"; check for the period convention below, which each region's
accounting policy (Perkada kebijakan akuntansi) sets.

Period conventions:

* ``period`` — ``"year"``, ``"semester"`` (January–June, July–December) or
  ``"month"``, calendar periods.
* ``first_period="full"`` — the period in which the asset was acquired counts
  as a whole period (e.g. semester-based policies: acquired any day in a
  semester → a full semester of depreciation);
  ``first_period="next"`` — depreciation starts in the period after the one
  of acquisition. Either way there are life × periods-per-year periods.

Dates are :class:`datetime.date` or ISO text (``"2024-03-15"``), since they
often come from an asset table (KIB).

>>> depreciation_schedule(10_000_000, 3, "2023-05-02")
  period  depreciation  accumulated  book_value
0   2023       3333333      3333333     6666667
1   2024       3333333      6666666     3333334
2   2025       3333334     10000000           0
"""

from __future__ import annotations

import datetime as dt
import numbers
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.assets.cards import KIB_CARDS, NOT_DEPRECIATED_CARDS

if TYPE_CHECKING:
    import pandas as pd

PERIODS_PER_YEAR: dict[str, int] = {"year": 1, "semester": 2, "month": 12}
"""Calendar periods a schedule can use, and how many there are in a year."""

FIRST_PERIOD_CONVENTIONS: tuple[str, ...] = ("full", "next")
"""``full``: the period of acquisition counts whole; ``next``: start in the following period."""

SCHEDULE_COLUMNS: tuple[str, ...] = ("period", "depreciation", "accumulated", "book_value")
"""Columns of :func:`depreciation_schedule`."""


def is_depreciable(card: str) -> bool:
    """Whether assets on Kartu Inventaris Barang (KIB, asset card) ``card`` are depreciated.

    Land (A) and construction in progress (F) are not; B equipment and
    machines, C buildings, D roads/irrigation/networks and E other fixed
    assets are (Permendagri 64/2013 Lampiran I; PSAP 07) — firm.

    Raises
    ------
    CalculationError
        ``card`` is not one of A–F (case and spaces are ignored).

    Examples
    --------
    >>> is_depreciable("A"), is_depreciable("b"), is_depreciable("F")
    (False, True, False)
    """
    return _card(card) not in NOT_DEPRECIATED_CARDS


def _card(card: object) -> str:
    letter = card.strip().upper() if isinstance(card, str) else None
    if letter not in KIB_CARDS:
        raise CalculationError(f"card: expected a KIB card letter, one of {' '.join(KIB_CARDS)}, got {card!r}")
    return letter


def _rupiah(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise CalculationError(f"{name}: expected whole rupiah (an integer), got {value!r}")
    if isinstance(value, numbers.Integral):
        return int(value)
    if not float(value).is_integer():
        raise CalculationError(f"{name}: expected whole rupiah (an integer), got {value!r}")
    return int(value)


def _date(value: object, name: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise CalculationError(f"{name}: expected a date or ISO text such as '2024-03-15', got {value!r}")


def _period_index(day: dt.date, per_year: int) -> int:
    """Serial number of the calendar period containing ``day`` (year × periods per year + position)."""
    return day.year * per_year + (day.month - 1) * per_year // 12


def _label(index: int, per_year: int) -> str:
    year, position = divmod(index, per_year)
    if per_year == 1:
        return str(year)
    if per_year == 2:
        return f"{year}-S{position + 1}"
    return f"{year}-{position + 1:02d}"


def _bounds(index: int, per_year: int) -> tuple[dt.date, dt.date]:
    year, position = divmod(index, per_year)
    months = 12 // per_year
    start = dt.date(year, position * months + 1, 1)
    after = dt.date(year + 1, 1, 1) if position == per_year - 1 else dt.date(year, (position + 1) * months + 1, 1)
    return start, after - dt.timedelta(days=1)


@dataclass(frozen=True)
class ScheduleRow:
    """One period of a depreciation schedule; ``start``/``end`` are its first and last day."""

    period: str
    start: dt.date
    end: dt.date
    depreciation: int
    accumulated: int
    book_value: int


@dataclass(frozen=True)
class DepreciationSchedule:
    """A straight-line schedule (see :func:`schedule_rows`)."""

    cost: int
    residual: int
    useful_life_years: int
    acquired: dt.date
    period: str
    first_period: str
    rows: tuple[ScheduleRow, ...]

    @property
    def depreciable(self) -> int:
        """cost − residual."""
        return self.cost - self.residual

    def to_dict(self) -> dict[str, Any]:
        """Plain values; dates as ISO text.

        >>> schedule_rows(1_000_000, 1, "2024-02-10", period="semester").to_dict()["rows"][1]["end"]
        '2024-12-31'
        """
        rows = [{**asdict(r), "start": r.start.isoformat(), "end": r.end.isoformat()} for r in self.rows]
        return {
            "cost": self.cost,
            "residual": self.residual,
            "depreciable": self.depreciable,
            "useful_life_years": self.useful_life_years,
            "acquired": self.acquired.isoformat(),
            "period": self.period,
            "first_period": self.first_period,
            "rows": rows,
        }


def schedule_rows(
    cost: int,
    useful_life_years: int,
    acquired: dt.date | str,
    residual: int = 0,
    period: str = "year",
    *,
    first_period: str = "full",
    card: str | None = None,
) -> DepreciationSchedule:
    """Straight-line depreciation schedule, one row per period until fully depreciated.

    per period = round_half_up((cost − residual) ÷ (life × periods per year)),
    whole rupiah; the last period takes what is left, so Σ = cost − residual
    exactly. A period never takes more than what is still to depreciate (this
    only matters for absurdly small amounts, under half a rupiah per period,
    where late periods then show 0). Sources: PSAP 07 (PP 71/2010) for the
    straight-line method; Permendagri 64/2013 Lampiran I — firm. The period
    and first-period conventions are set by the region's accounting policy —
    check (see the module docstring).

    Parameters
    ----------
    cost : int
        Acquisition cost (harga perolehan), whole rupiah > 0.
    useful_life_years : int
        Useful life (masa manfaat), whole years > 0 (see :mod:`.useful_lives`).
    acquired : datetime.date or str
        Acquisition date, or ISO text.
    residual : int, default 0
        Residual value (nilai sisa), whole rupiah, 0 ≤ residual < cost.
    period : {"year", "semester", "month"}
        Length of a period.
    first_period : {"full", "next"}
        Whether the period of acquisition counts whole or depreciation starts in the next one.
    card : str, optional
        KIB card of the asset; A (land) and F (construction in progress) are refused.

    Returns
    -------
    DepreciationSchedule
        ``rows`` has exactly life × periods-per-year rows.

    Raises
    ------
    CalculationError
        Naming the argument: cost ≤ 0 or not whole; life not a whole number > 0;
        residual < 0 or ≥ cost; unknown period or first_period; a card that is
        A or F, or not a KIB letter; a date that is neither a date nor ISO text;
        a schedule running past the year 9999.

    Examples
    --------
    Hand-computed: Rp 12 000 000, 1 year by semester from 2024-08-01, next →
    12 000 000 / 2 = 6 000 000 in 2025-S1 and 2025-S2.

    >>> s = schedule_rows(12_000_000, 1, "2024-08-01", period="semester", first_period="next")
    >>> [(r.period, r.depreciation, r.book_value) for r in s.rows]
    [('2025-S1', 6000000, 6000000), ('2025-S2', 6000000, 0)]
    """
    cost_ = _rupiah(cost, "cost")
    if cost_ <= 0:
        raise CalculationError(f"cost: expected whole rupiah greater than 0, got {cost!r}")
    if (
        isinstance(useful_life_years, bool)
        or not isinstance(useful_life_years, numbers.Real)
        or not float(useful_life_years).is_integer()
        or useful_life_years <= 0
    ):
        raise CalculationError(f"useful_life_years: expected a whole number of years > 0, got {useful_life_years!r}")
    life = int(useful_life_years)
    residual_ = _rupiah(residual, "residual")
    if not 0 <= residual_ < cost_:
        raise CalculationError(f"residual: expected 0 ≤ residual < cost ({cost_}), got {residual!r}")
    if not isinstance(period, str) or period not in PERIODS_PER_YEAR:
        raise CalculationError(f"period: expected one of {', '.join(PERIODS_PER_YEAR)}, got {period!r}")
    if not isinstance(first_period, str) or first_period not in FIRST_PERIOD_CONVENTIONS:
        raise CalculationError(
            f"first_period: expected one of {', '.join(FIRST_PERIOD_CONVENTIONS)}, got {first_period!r}"
        )
    if card is not None and not is_depreciable(card):
        raise CalculationError(f"card: {card!r} is land (A) or construction in progress (F), which is not depreciated")
    acquired_ = _date(acquired, "acquired")
    per_year = PERIODS_PER_YEAR[period]
    count = life * per_year
    depreciable = cost_ - residual_
    amount = (2 * depreciable + count) // (2 * count)  # depreciable / count, rounded half up, in integers
    first = _period_index(acquired_, per_year) + (1 if first_period == "next" else 0)
    if (first + count - 1) // per_year > dt.MAXYEAR:
        raise CalculationError(
            f"useful_life_years: {life} years from {acquired_.isoformat()} runs past the year {dt.MAXYEAR}"
        )
    rows = []
    accumulated = 0
    for k in range(count):
        step = depreciable - accumulated if k == count - 1 else min(amount, depreciable - accumulated)
        accumulated += step
        start, end = _bounds(first + k, per_year)
        rows.append(ScheduleRow(_label(first + k, per_year), start, end, step, accumulated, cost_ - accumulated))
    return DepreciationSchedule(cost_, residual_, life, acquired_, period, first_period, tuple(rows))


def depreciation_schedule(
    cost: int,
    useful_life_years: int,
    acquired: dt.date | str,
    residual: int = 0,
    period: str = "year",
    *,
    first_period: str = "full",
    card: str | None = None,
) -> pd.DataFrame:
    """The schedule of :func:`schedule_rows` as a table with columns ``period, depreciation, accumulated, book_value``.

    ``period`` holds labels "2023" (year), "2023-S1"/"2023-S2" (semester) or
    "2023-01" (month). Same formula, sources, arguments and errors as
    :func:`schedule_rows`.

    Examples
    --------
    Hand-computed: Rp 2 400 000 over 1 year by month, acquired 2024-11-20 (full first month):
    2 400 000 / 12 = 200 000 a month, Nov 2024 to Oct 2025.

    >>> t = depreciation_schedule(2_400_000, 1, "2024-11-20", period="month")
    >>> len(t), t["period"].iloc[0], t["period"].iloc[-1], int(t["depreciation"].iloc[0])
    (12, '2024-11', '2025-10', 200000)
    """
    import pandas as pd

    schedule = schedule_rows(cost, useful_life_years, acquired, residual, period, first_period=first_period, card=card)
    return pd.DataFrame(
        [(r.period, r.depreciation, r.accumulated, r.book_value) for r in schedule.rows],
        columns=list(SCHEDULE_COLUMNS),
    )


def accumulated_depreciation(
    cost: int,
    useful_life_years: int,
    acquired: dt.date | str,
    as_of: dt.date | str,
    residual: int = 0,
    period: str = "year",
    *,
    first_period: str = "full",
) -> int:
    """Accumulated depreciation (akumulasi penyusutan) at ``as_of``: the periods ENDED on or before it.

    A period counts when ``as_of`` ≥ its last day (31 December for a year,
    30 June / 31 December for a semester, the month's last day for a month);
    a period still running at ``as_of`` does not count yet. This matches
    recording depreciation at the end of each period (closing of the books).
    Same formula, sources and errors as :func:`schedule_rows`, plus
    ``as_of`` before ``acquired`` is refused.

    Examples
    --------
    Hand-computed: Rp 10 000 000, 3 years, acquired 2023-05-02 (full first year):
    2023 and 2024 ended by 2025-06-30 → 3 333 333 + 3 333 333 = 6 666 666.

    >>> accumulated_depreciation(10_000_000, 3, "2023-05-02", "2025-06-30")
    6666666
    """
    schedule = schedule_rows(cost, useful_life_years, acquired, residual, period, first_period=first_period)
    return _accumulated_at(schedule, as_of)


def _accumulated_at(schedule: DepreciationSchedule, as_of: object) -> int:
    day = _date(as_of, "as_of")
    if day < schedule.acquired:
        raise CalculationError(
            f"as_of: {day.isoformat()} is before the acquisition date (acquired = {schedule.acquired.isoformat()})"
        )
    ended = [r for r in schedule.rows if r.end <= day]
    return ended[-1].accumulated if ended else 0


def book_value(
    cost: int,
    useful_life_years: int,
    acquired: dt.date | str,
    as_of: dt.date | str,
    residual: int = 0,
    period: str = "year",
    *,
    first_period: str = "full",
) -> int:
    """Book value (nilai buku) at ``as_of``: cost − depreciation of every period ENDED on or before ``as_of``.

    A period counts when ``as_of`` ≥ its last day; the period still running
    at ``as_of`` is not deducted yet (see :func:`accumulated_depreciation`).
    Once every period has ended, the book value is the residual. Straight
    line as in :func:`schedule_rows` (PSAP 07 in PP 71/2010; Permendagri
    64/2013 Lampiran I) — firm; period conventions — check.

    Returns
    -------
    int
        Whole rupiah.

    Raises
    ------
    CalculationError
        As :func:`schedule_rows`, and ``as_of`` before ``acquired``.

    Examples
    --------
    Hand-computed: Rp 10 000 000, 3 years from 2023-05-02: on 2023-12-30 no
    year has ended → 10 000 000; on 2023-12-31 → 10 000 000 − 3 333 333.

    >>> book_value(10_000_000, 3, "2023-05-02", "2023-12-30"), book_value(10_000_000, 3, "2023-05-02", "2023-12-31")
    (10000000, 6666667)
    """
    schedule = schedule_rows(cost, useful_life_years, acquired, residual, period, first_period=first_period)
    return schedule.cost - _accumulated_at(schedule, as_of)
