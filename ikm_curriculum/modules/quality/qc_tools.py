"""Three of the seven basic quality tools (7 alat QC): check sheet, histogram, fishbone.

Sources: K. Ishikawa, *Guide to Quality Control* (Asian Productivity
Organization, 2nd ed., 1982), chapters on the check sheet, the histogram and
the cause-and-effect diagram; D. C. Montgomery, *Introduction to Statistical
Quality Control*, section 5.4 ("The rest of the magnificent seven"). The
number of histogram classes follows H. A. Sturges, "The choice of a class
interval", *Journal of the American Statistical Association* 21 (1926) 65–66.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Iterable, Mapping, Sequence

import numpy as np

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.quality.commodities import Text

# --- check sheet (lembar periksa) ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckSheet:
    """Tallies per category, in the order of the sheet (``other`` collects unlisted observations)."""

    categories: tuple[str, ...]
    counts: tuple[int, ...]
    total: int
    other: str | None = None

    def as_mapping(self) -> dict[str, int]:
        """Count per category, e.g. as input for :func:`~.pareto.pareto_table`.

        >>> check_sheet(["bocor", "gosong", "bocor"]).as_mapping()
        {'bocor': 2, 'gosong': 1}
        """
        return dict(zip(self.categories, self.counts, strict=True))

    def to_dict(self) -> dict[str, Any]:
        """Plain values (JSON-able).

        >>> check_sheet(["a"], categories=["a", "b"]).to_dict()["rows"]
        [{'category': 'a', 'count': 1}, {'category': 'b', 'count': 0}]
        """
        return {
            "total": self.total,
            "other": self.other,
            "rows": [{"category": c, "count": n} for c, n in zip(self.categories, self.counts, strict=True)],
        }


def _label(value: object, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise CalculationError(f"{what} must be a non-empty text, got {value!r}")
    return value.strip()


def check_sheet(
    observations: Iterable[str], categories: Sequence[str] | None = None, other: str | None = None
) -> CheckSheet:
    """Tally observations into a check sheet (lembar periksa, Ishikawa ch. 3).

    countᵢ = number of observations equal to categoryᵢ (surrounding spaces
    ignored, case kept). With ``categories`` the sheet lists exactly those, in
    that order, zeros included; without, the categories are those observed, in
    order of first appearance.

    Unknown categories (decision): an observation that is not one of the given
    ``categories`` is an error — a typing mistake must not silently become a
    new defect type — unless ``other`` names a bucket (e.g. ``"lainnya"``),
    which is then added as the last row and collects all such observations.

    Parameters
    ----------
    observations : iterable of str
        One entry per observed item (defect type, cause, …).
    categories : sequence of str, optional
        The rows printed on the sheet; unique names.
    other : str, optional
        Bucket for observations outside ``categories`` (ignored without them).

    Returns
    -------
    CheckSheet

    Raises
    ------
    CalculationError
        Empty or non-text entries, duplicate categories, an unknown
        observation (when ``other`` is not given), no observations and no
        categories.

    Examples
    --------
    >>> sheet = check_sheet(["gosong", "bocor", "gosong", "basi"], ["gosong", "bocor"], other="lainnya")
    >>> sheet.as_mapping(), sheet.total
    ({'gosong': 2, 'bocor': 1, 'lainnya': 1}, 4)
    """
    if isinstance(observations, (str, bytes)):
        raise CalculationError("observations must be a list of texts, not one text")
    seen = [_label(o, f"observation {i}") for i, o in enumerate(observations, start=1)]
    if categories is None:
        if not seen:
            raise CalculationError("no observations and no categories: nothing to tally")
        names = list(dict.fromkeys(seen))
        bucket = None
    else:
        if isinstance(categories, (str, bytes)):
            raise CalculationError("categories must be a list of texts, not one text")
        names = [_label(c, f"category {i}") for i, c in enumerate(categories, start=1)]
        if len(set(names)) != len(names):
            raise CalculationError(f"categories must be unique, got {names}")
        bucket = None if other is None else _label(other, "other")
        if bucket in names:
            raise CalculationError(f"other={bucket!r} is already one of the categories")
        unknown = sorted({o for o in seen if o not in names})
        if unknown and bucket is None:
            raise CalculationError(f"unknown categories {unknown}; expected one of {names} (or give other=...)")
        if bucket is not None:
            names.append(bucket)
    known = set(names)
    tally = dict.fromkeys(names, 0)
    for o in seen:
        tally[o if o in known else bucket] += 1  # type: ignore[index]
    return CheckSheet(tuple(names), tuple(tally.values()), len(seen), bucket)


# --- histogram ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HistogramSummary:
    """Descriptive statistics and class counts of a histogram."""

    n: int
    mean: float
    sd: float
    min: float
    max: float
    bin_edges: tuple[float, ...]
    counts: tuple[int, ...]
    rule: str

    def to_dict(self) -> dict[str, Any]:
        """Plain numbers and lists (JSON-able).

        >>> histogram_summary([1, 2, 2, 3]).to_dict()["counts"]
        [1, 2, 1]
        """
        return {
            "n": self.n,
            "mean": self.mean,
            "sd": self.sd,
            "min": self.min,
            "max": self.max,
            "bin_edges": list(self.bin_edges),
            "counts": list(self.counts),
            "rule": self.rule,
        }


def sturges_bins(n: int) -> int:
    """Number of classes by Sturges' rule: k = ⌈log₂ n⌉ + 1 (Sturges 1926).

    >>> sturges_bins(100), sturges_bins(64)
    (8, 7)
    """
    if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 1:
        raise CalculationError(f"n must be a positive integer, got {n!r}")
    return math.ceil(math.log2(int(n))) + 1


def histogram_summary(values: Sequence[float], bins: int | Sequence[float] | None = None) -> HistogramSummary:
    """n, mean, standard deviation (ddof = 1), min, max and class counts.

    Classes: ``bins`` equal-width classes from min to max, or the given
    increasing edges; with ``bins=None``, k = ⌈log₂ n⌉ + 1 classes (Sturges'
    rule, Sturges 1926; Montgomery section 3.2 on histograms). Every class is
    [left, right) except the last, [left, right] (as ``numpy.histogram``). If
    all values are equal, the classes span value ± 0.5.

    Parameters
    ----------
    values : sequence of float
        At least 2 finite numbers.
    bins : int or sequence of float, optional
        Number of classes (≥ 1) or class edges (≥ 2, strictly increasing).

    Returns
    -------
    HistogramSummary

    Raises
    ------
    CalculationError
        Non-numbers, fewer than 2 values, bad bins.

    Examples
    --------
    >>> h = histogram_summary([2, 4, 4, 4, 5, 5, 7, 9])
    >>> h.n, h.mean, round(h.sd, 4), h.counts, h.rule  # k = ⌈log₂ 8⌉ + 1 = 4 classes of width 1.75
    (8, 5.0, 2.1381, (1, 5, 1, 1), 'sturges')
    """
    if isinstance(values, (str, bytes)) or not isinstance(values, (Sequence, np.ndarray)):
        raise CalculationError("values must be a list of numbers")
    data = []
    for i, v in enumerate(values):
        if isinstance(v, bool) or not isinstance(v, numbers.Real) or not math.isfinite(float(v)):
            raise CalculationError(f"values[{i}] must be a finite number, got {v!r}")
        data.append(float(v))
    if len(data) < 2:
        raise CalculationError(f"a histogram summary needs at least 2 values, got {len(data)}")
    arr = np.asarray(data)
    edges_arg: Any
    if bins is None:
        edges_arg, rule = sturges_bins(arr.size), "sturges"
    elif isinstance(bins, numbers.Integral) and not isinstance(bins, bool):
        if bins < 1:
            raise CalculationError(f"bins must be at least 1, got {bins}")
        edges_arg, rule = int(bins), "count"
    elif isinstance(bins, (Sequence, np.ndarray)) and not isinstance(bins, (str, bytes)):
        edges = [float(b) for b in bins if isinstance(b, numbers.Real) and not isinstance(b, bool)]
        if len(edges) != len(bins) or len(edges) < 2 or any(b <= a for a, b in zip(edges, edges[1:], strict=False)):
            raise CalculationError(f"bin edges must be at least 2 strictly increasing numbers, got {list(bins)!r}")
        edges_arg, rule = np.asarray(edges), "edges"
    else:
        raise CalculationError(f"bins must be a number of classes or a list of edges, got {bins!r}")
    counts, edges_out = np.histogram(arr, bins=edges_arg)
    return HistogramSummary(
        n=int(arr.size),
        mean=float(arr.mean()),
        sd=float(arr.std(ddof=1)),
        min=float(arr.min()),
        max=float(arr.max()),
        bin_edges=tuple(float(e) for e in edges_out),
        counts=tuple(int(c) for c in counts),
        rule=rule,
    )


# --- fishbone (diagram tulang ikan, diagram sebab-akibat Ishikawa) ------------------------------------------------


@dataclass(frozen=True)
class CauseCategory:
    """One of the 6M: code (the Indonesian name in lower case), names and English aliases."""

    code: str
    name: Text
    aliases: tuple[str, ...]


SIX_M: tuple[CauseCategory, ...] = (
    CauseCategory("manusia", Text("Manusia", "Man"), ("man", "people", "personnel", "manpower")),
    CauseCategory("mesin", Text("Mesin", "Machine"), ("machine", "machines", "equipment")),
    CauseCategory("metode", Text("Metode", "Method"), ("method", "methods")),
    CauseCategory("material", Text("Material", "Material"), ("material", "materials", "bahan")),
    CauseCategory("lingkungan", Text("Lingkungan", "Environment (Mother Nature)"), ("environment", "mother nature")),
    CauseCategory("pengukuran", Text("Pengukuran", "Measurement"), ("measurement", "measurements")),
)

_CATEGORY_BY_KEY: Mapping[str, str] = MappingProxyType(
    {key: m.code for m in SIX_M for key in (m.code, m.name.id.lower(), m.name.en.lower(), *m.aliases)}
)


def category_code(name: str) -> str:
    """The 6M code for an Indonesian or English category name (case-insensitive).

    >>> category_code("Machine"), category_code("Lingkungan"), category_code("mother nature")
    ('mesin', 'lingkungan', 'lingkungan')
    """
    key = name.strip().lower() if isinstance(name, str) else None
    if key is None or key not in _CATEGORY_BY_KEY:
        six = ", ".join(f"{m.name.id} ({m.name.en})" for m in SIX_M)
        raise CalculationError(f"unknown fishbone category {name!r}; expected one of the 6M: {six}")
    return _CATEGORY_BY_KEY[key]


@dataclass(frozen=True)
class Cause:
    """A cause on a bone of the fishbone, with optional deeper causes (answers to "why?")."""

    category: str
    text: str
    sub_causes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Fishbone:
    """Cause-and-effect (Ishikawa) diagram: an effect and its causes under the 6M.

    Immutable: :meth:`add` returns a new diagram. Categories are the 6M
    (Manusia, Mesin, Metode, Material, Lingkungan, Pengukuran — Man, Machine,
    Method, Material, Environment/Mother Nature, Measurement; Ishikawa 1982;
    Montgomery section 5.4).

    Examples
    --------
    >>> fb = Fishbone("Abon terlalu berminyak").add("Mesin", "Peniris minyak rusak", ["sabuk aus"])
    >>> fb = fb.add("manusia", "Waktu tiris tidak dicatat")
    >>> [c["code"] for c in fb.to_dict()["categories"] if c["causes"]]
    ['manusia', 'mesin']
    >>> fb.empty_categories()
    ('metode', 'material', 'lingkungan', 'pengukuran')
    """

    effect: str
    causes: tuple[Cause, ...] = ()

    def add(self, category: str, cause: str, sub_causes: Sequence[str] = ()) -> Fishbone:
        """A copy with one more cause under ``category`` (Indonesian or English 6M name).

        Raises :class:`CalculationError` for an unknown category (the message
        lists the six), an empty text, or a cause already under that category.
        """
        code = category_code(category)
        text = _label(cause, "cause")
        if isinstance(sub_causes, (str, bytes)):
            raise CalculationError("sub_causes must be a list of texts, not one text")
        subs = tuple(_label(s, "sub-cause") for s in sub_causes)
        if any(c.category == code and c.text.lower() == text.lower() for c in self.causes):
            raise CalculationError(f"cause {text!r} is already listed under {code!r}")
        return Fishbone(self.effect, (*self.causes, Cause(code, text, subs)))

    def validate(self) -> None:
        """Raise :class:`CalculationError` unless the diagram is well formed.

        Checks: a non-empty effect; every cause under one of the 6M codes with
        a non-empty text; no cause twice under one category; at least one
        cause. (A diagram built with :meth:`add` passes all but the last.)

        >>> Fishbone("Kain luntur").add("material", "Pewarna murah").validate()
        """
        _label(self.effect, "effect")
        if not self.causes:
            raise CalculationError("the fishbone has no causes yet: add at least one under the 6M")
        seen: set[tuple[str, str]] = set()
        for cause in self.causes:
            if cause.category not in {m.code for m in SIX_M}:
                category_code(cause.category)  # raises, listing the six
            key = (cause.category, _label(cause.text, "cause").lower())
            if key in seen:
                raise CalculationError(f"cause {cause.text!r} is listed twice under {cause.category!r}")
            seen.add(key)
            for sub in cause.sub_causes:
                _label(sub, "sub-cause")

    def empty_categories(self) -> tuple[str, ...]:
        """6M codes without any cause yet, in 6M order (a prompt for discussion)."""
        used = {c.category for c in self.causes}
        return tuple(m.code for m in SIX_M if m.code not in used)

    def to_dict(self) -> dict[str, Any]:
        """Effect and the six categories in 6M order, each with its causes (JSON-able).

        >>> Fishbone("x").to_dict()["categories"][0]["name"]
        {'id': 'Manusia', 'en': 'Man'}
        """
        return {
            "effect": self.effect,
            "categories": [
                {
                    "code": m.code,
                    "name": m.name.to_dict(),
                    "causes": [
                        {"text": c.text, "sub_causes": list(c.sub_causes)} for c in self.causes if c.category == m.code
                    ],
                }
                for m in SIX_M
            ],
        }
