"""Acceptance sampling by attributes (*sampling penerimaan*), ISO 2859-1 / SNI ISO 2859-1.

How a single sampling plan is chosen (ISO 2859-1:1999, clause 10 and Tables 1, 2-A, 2-B, 2-C):

1. Table 1 gives the sample size code letter from the lot size and the
   inspection level (general level II unless stated; I, III; special S-1..S-4).
2. The master table of the inspection severity (normal, tightened, reduced)
   gives, at that letter and the AQL, either a plan (sample size n, acceptance
   number Ac, rejection number Re) or an arrow: follow it to the first plan
   below (↓) or above (↑) in the same AQL column. The sample size is then the
   one of the row whose plan is used, not of the original letter.
3. If the sample size equals or exceeds the lot size, inspect every item
   (100 % inspection; note to Tables 2-A/2-B/2-C).

A lot is accepted if the number of nonconforming items in the sample is at
most Ac, and not accepted if it is at least Re.

The tables themselves, their sources and how they were checked are in
:mod:`.iso2859_tables`. The reduced table there is the MIL-STD-105E /
ANSI/ASQ Z1.4 Table II-C, which differs from ISO 2859-1:1999 Table 2-C.

The probability of acceptance of a plan (its operating characteristic, OC) is
the binomial sum of :func:`oc_curve` (type B OC curve, for a lot from a
process, or a lot much larger than the sample: D. C. Montgomery,
*Introduction to Statistical Quality Control*, ch. 15 "Lot-by-lot acceptance
sampling for attributes"; the Table 10 series of ISO 2859-1, one table per
code letter, tabulates the OC curves of its plans, for percent nonconforming
from this binomial distribution).
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.quality import iso2859_tables as tables

INSPECTIONS: tuple[str, ...] = ("normal", "tightened", "reduced")

_TABLE_NAMES = {
    "normal": "ISO 2859-1 Table 2-A (= ANSI/ASQ Z1.4, MIL-STD-105E Table II-A), normal inspection",
    "tightened": "ISO 2859-1 Table 2-B (= ANSI/ASQ Z1.4, MIL-STD-105E Table II-B), tightened inspection",
    "reduced": "ANSI/ASQ Z1.4 / MIL-STD-105E Table II-C, reduced inspection (not ISO 2859-1:1999 Table 2-C)",
}
_ALLOWED_AQLS = ", ".join(tables.AQLS)


@dataclass(frozen=True)
class SamplingPlan:
    """A single sampling plan chosen by :func:`sampling_plan`.

    ``code_letter`` is the letter of Table 1; ``plan_code_letter`` the letter
    of the row whose plan is used after following the arrows (the sample size
    is that row's). ``hundred_percent`` is true when the sample size reached
    the lot size, in which case ``sample_size`` is the lot size.
    """

    lot_size: int
    aql: float
    level: str
    inspection: str
    code_letter: str
    plan_code_letter: str
    sample_size: int
    accept: int
    reject: int
    hundred_percent: bool
    table: str

    def to_dict(self) -> dict[str, Any]:
        """Plain values (JSON-able).

        >>> sampling_plan(1000, 1.0).to_dict()["reject"]
        3
        """
        return asdict(self)


@dataclass(frozen=True)
class OCCurve:
    """Probability of acceptance of the plan (n, c) at each fraction nonconforming."""

    n: int
    c: int
    fractions: tuple[float, ...]
    probabilities: tuple[float, ...]

    def to_dict(self) -> dict[str, Any]:
        """Plain values (JSON-able).

        >>> oc_curve(2, 0, [0.5]).to_dict()
        {'n': 2, 'c': 0, 'fractions': [0.5], 'probabilities': [0.25]}
        """
        return {"n": self.n, "c": self.c, "fractions": list(self.fractions), "probabilities": list(self.probabilities)}

    def __iter__(self) -> Iterator[float]:
        """Iterating gives the probabilities of acceptance, one per fraction.

        >>> [round(p, 4) for p in oc_curve(50, 1, [0.0, 0.02])]
        [1.0, 0.7358]
        """
        return iter(self.probabilities)

    def __len__(self) -> int:
        return len(self.probabilities)

    def __getitem__(self, index: int) -> float:
        return self.probabilities[index]


def code_letter(lot_size: int, level: str = "II") -> str:
    """Sample size code letter of ISO 2859-1 Table 1 (*huruf kode ukuran sampel*).

    Parameters
    ----------
    lot_size : int
        Number of items in the lot, at least 2.
    level : str, default "II"
        Inspection level: "S-1", "S-2", "S-3", "S-4", "I", "II" or "III".

    Returns
    -------
    str
        One of A B C D E F G H J K L M N P Q R.

    Raises
    ------
    CalculationError
        ``lot_size`` is not a whole number ≥ 2, or ``level`` is unknown.

    Examples
    --------
    >>> code_letter(1000), code_letter(2000), code_letter(500, "I"), code_letter(10000, "S-3")
    ('J', 'K', 'F', 'F')
    """
    lot_size = _check_lot_size(lot_size)
    column = _check_level(level)
    for low, high, letters in tables.LOT_SIZE_CODE_LETTERS:
        if lot_size >= low and (high is None or lot_size <= high):
            return letters.split()[column]
    raise RuntimeError("Table 1 covers every lot size from 2 up")  # pragma: no cover


def sampling_plan(lot_size: int, aql: float, level: str = "II", inspection: str = "normal") -> SamplingPlan:
    """Single sampling plan of ISO 2859-1 for a lot size, an AQL, a level and a severity.

    The code letter comes from Table 1; the plan from the master table of the
    severity (Table 2-A normal, 2-B tightened, II-C reduced) at that letter and
    the AQL. An arrow means "use the first sampling plan below (↓) / above (↑)
    the arrow" in the same AQL column, and the sample size is then the one of
    the row whose plan is used. If the sample size equals or exceeds the lot
    size, every item is inspected (``hundred_percent``; ``sample_size`` is then
    the lot size; Ac and Re stay those of the plan). Two printed arrows point
    off the table (↑ in row A under AQL 10 of the normal and reduced tables):
    there the first plan in the other direction is used, as in the R package
    AQLSchemes (Lawson).

    Parameters
    ----------
    lot_size : int
        Number of items in the lot, at least 2.
    aql : float
        Acceptance quality limit, one of the preferred values 0.010 … 1000
        (percent nonconforming; above 10, nonconformities per 100 items).
    level : str, default "II"
        Inspection level "S-1", "S-2", "S-3", "S-4", "I", "II" or "III".
    inspection : str, default "normal"
        "normal", "tightened" or "reduced".

    Returns
    -------
    SamplingPlan

    Raises
    ------
    CalculationError
        An argument is outside what the tables cover; the message names it and
        lists the allowed values.

    Examples
    --------
    Lot of 1000, level II → letter J, n = 80; AQL 1.0 → Ac 2, Re 3:

    >>> plan = sampling_plan(1000, 1.0)
    >>> plan.code_letter, plan.sample_size, plan.accept, plan.reject
    ('J', 80, 2, 3)

    Letter A (lot of 5) at AQL 1.0 is an arrow ↓ down to letter E (n = 13),
    which exceeds the lot, so all 5 items are inspected:

    >>> plan = sampling_plan(5, 1.0)
    >>> plan.code_letter, plan.plan_code_letter, plan.sample_size, plan.accept, plan.hundred_percent
    ('A', 'E', 5, 0, True)
    """
    lot_size = _check_lot_size(lot_size)
    aql_key = _check_aql(aql)
    if not isinstance(inspection, str) or inspection not in INSPECTIONS:
        raise CalculationError(f"inspection = {inspection!r}: expected one of {', '.join(INSPECTIONS)}")
    letter = code_letter(lot_size, level)
    rows, sizes, column = _master_table(inspection, aql_key)
    row = _follow_arrows(column, rows.index(letter))
    plan_letter = rows[row]
    accept, reject = _parse_plan(column[row])
    sample_size = sizes[plan_letter]
    hundred_percent = sample_size >= lot_size
    return SamplingPlan(
        lot_size=lot_size,
        aql=float(aql_key),
        level=level,
        inspection=inspection,
        code_letter=letter,
        plan_code_letter=plan_letter,
        sample_size=lot_size if hundred_percent else sample_size,
        accept=accept,
        reject=reject,
        hundred_percent=hundred_percent,
        table=_TABLE_NAMES[inspection],
    )


def probability_of_acceptance(n: int, c: int, p: float) -> float:
    """Probability of accepting a lot with fraction nonconforming ``p`` under the plan (n, c).

    Binomial (type B) OC: Pa(p) = Σ_{d=0..c} C(n, d) p^d (1 − p)^(n − d)
    (Montgomery, *Introduction to Statistical Quality Control*, ch. 15).
    Computed term by term in logarithms, so large n do not overflow.

    Examples
    --------
    >>> round(probability_of_acceptance(50, 1, 0.02), 4)
    0.7358
    """
    n, c = _check_plan(n, c)
    return _pa(n, c, _check_fraction(p, "p"))


def oc_curve(n: int, c: int, fractions: Iterable[float]) -> OCCurve:
    """Operating characteristic curve of the single sampling plan (n, c).

    For each fraction nonconforming p (0 ≤ p ≤ 1)::

        Pa(p) = Σ_{d=0..c} C(n, d) p^d (1 − p)^(n − d)

    the binomial probability of finding at most c nonconforming items in a
    sample of n: the type B OC curve, exact for a lot drawn from a process and
    close to the hypergeometric one when the lot is large against the sample
    (Montgomery, ch. 15; the Table 10 series of ISO 2859-1 tabulates these
    curves for percent nonconforming). Pa(0) = 1, Pa(1) = 0, and Pa never increases with p.

    Parameters
    ----------
    n : int
        Sample size, at least 1.
    c : int
        Acceptance number, 0 ≤ c < n.
    fractions : sequence of float
        Fractions nonconforming, each in [0, 1].

    Returns
    -------
    OCCurve

    Raises
    ------
    CalculationError
        n, c or a fraction out of range, or ``fractions`` not a sequence of numbers.

    Examples
    --------
    n = 50, c = 1 at p = 0, 0.02, 1 (0.98^50 + 50 · 0.02 · 0.98^49 = 0.7358):

    >>> [round(pa, 4) for pa in oc_curve(50, 1, [0.0, 0.02, 1.0]).probabilities]
    [1.0, 0.7358, 0.0]
    """
    n, c = _check_plan(n, c)
    if isinstance(fractions, (str, bytes)) or not isinstance(fractions, Iterable):
        raise CalculationError(f"fractions: expected a sequence of numbers in [0, 1], got {type(fractions).__name__}")
    ps = tuple(_check_fraction(p, f"fractions[{i}]") for i, p in enumerate(fractions))
    return OCCurve(n=n, c=c, fractions=ps, probabilities=tuple(_pa(n, c, p) for p in ps))


def _pa(n: int, c: int, p: float) -> float:
    if p == 0.0:
        return 1.0
    if p == 1.0:
        return 0.0  # c < n, so at least one good item would be needed
    log_p, log_q = math.log(p), math.log1p(-p)
    terms = [math.log(math.comb(n, d)) + d * log_p + (n - d) * log_q for d in range(c + 1)]
    top = max(terms)
    return min(1.0, math.exp(top) * math.fsum(math.exp(t - top) for t in terms))


def _master_table(inspection: str, aql_key: str) -> tuple[str, Mapping[str, int], list[str]]:
    if inspection == "normal":
        return tables.CODE_LETTERS, tables.SAMPLE_SIZES, tables.NORMAL[aql_key].split()
    if inspection == "tightened":
        return tables.TIGHTENED_CODE_LETTERS, tables.SAMPLE_SIZES, tables.TIGHTENED[aql_key].split()
    return tables.CODE_LETTERS, tables.REDUCED_SAMPLE_SIZES, tables.REDUCED[aql_key].split()


def _follow_arrows(column: list[str], row: int) -> int:
    """Index of the row whose plan is used, starting at ``row`` of one AQL column."""
    cell = column[row]
    if cell not in ("↓", "↑"):
        return row
    step = 1 if cell == "↓" else -1
    for direction in (step, -step):  # the other direction only for an arrow pointing off the table
        i = row + direction
        while 0 <= i < len(column):
            if column[i] not in ("↓", "↑", "-"):
                return i
            i += direction
    raise RuntimeError("every AQL column holds at least one plan")  # pragma: no cover


def _parse_plan(cell: str) -> tuple[int, int]:
    if "/" in cell:
        accept, reject = cell.split("/")
        return int(accept), int(reject)
    return int(cell), int(cell) + 1


def _check_lot_size(lot_size: object) -> int:
    if isinstance(lot_size, bool) or not isinstance(lot_size, numbers.Integral) or lot_size < 2:
        raise CalculationError(f"lot_size = {lot_size!r}: expected a whole number of items, at least 2")
    return int(lot_size)


def _check_level(level: object) -> int:
    if not isinstance(level, str) or level not in tables.LEVELS:
        raise CalculationError(f"level = {level!r}: expected one of {', '.join(tables.LEVELS)}")
    return tables.LEVELS.index(level)


def _check_aql(aql: object) -> str:
    if not isinstance(aql, bool) and isinstance(aql, numbers.Real) and math.isfinite(aql):
        for key in tables.AQLS:
            if math.isclose(float(aql), float(key), rel_tol=1e-9):
                return key
    raise CalculationError(f"aql = {aql!r}: expected one of the preferred AQLs (percent) {_ALLOWED_AQLS}")


def _check_plan(n: object, c: object) -> tuple[int, int]:
    if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 1:
        raise CalculationError(f"n = {n!r}: expected a whole-number sample size, at least 1")
    if isinstance(c, bool) or not isinstance(c, numbers.Integral) or not 0 <= c < n:
        raise CalculationError(f"c = {c!r}: expected a whole-number acceptance number with 0 ≤ c < n = {int(n)}")
    return int(n), int(c)


def _check_fraction(p: object, name: str) -> float:
    if isinstance(p, bool) or not isinstance(p, numbers.Real) or not 0.0 <= float(p) <= 1.0:
        raise CalculationError(f"{name} = {p!r}: expected a fraction nonconforming between 0 and 1")
    return float(p)
