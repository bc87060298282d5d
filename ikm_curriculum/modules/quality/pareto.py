"""Pareto analysis (analisis Pareto): which few defect types make most of the defects.

Source: J. M. Juran's Pareto principle, the "vital few and the trivial many"
(Juran's *Quality Control Handbook*); D. C. Montgomery, *Introduction to
Statistical Quality Control*, section 5.4 (the Pareto chart among the seven
basic quality tools).

Small categories may be merged into one "other" bar (*Lainnya*), drawn last
whatever its size — the usual practice for Pareto charts (Montgomery, section
5.4; Juran's *Quality Control Handbook*).
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass
from typing import Any, Mapping

from ikm_curriculum.errors import CalculationError

OTHER_LABEL = "Lainnya"


@dataclass(frozen=True)
class ParetoRow:
    """One category of a Pareto table: its count, share and cumulative share (percent)."""

    category: str
    count: int
    percent: float
    cumulative_percent: float

    def to_dict(self) -> dict[str, Any]:
        """Plain values (JSON-able).

        >>> ParetoRow("a", 1, 50.0, 50.0).to_dict()["percent"]
        50.0
        """
        return {
            "category": self.category,
            "count": self.count,
            "percent": self.percent,
            "cumulative_percent": self.cumulative_percent,
        }


@dataclass(frozen=True)
class ParetoTable:
    """Categories sorted by count (largest first, ties by name) with percentages.

    ``other`` names the merged "other" row (always the last row) when small
    categories were merged, and ``merged`` lists the categories inside it.
    """

    rows: tuple[ParetoRow, ...]
    total: int
    other: str | None = None
    merged: tuple[str, ...] = ()

    def vital_few(self, cutoff: float = 80.0) -> tuple[str, ...]:
        """The "vital few": categories up to and including the first whose cumulative percent reaches ``cutoff``.

        With rows sorted by count, the vital few are rows 1..m where m is the
        smallest index with cumulativeₘ ≥ cutoff (Juran's Pareto principle;
        Montgomery section 5.4 reads the Pareto chart the same way). A merged
        "other" row is a bucket, not a cause, and is never among the vital few.

        Parameters
        ----------
        cutoff : float, default 80.0
            Cumulative percentage, 0 < cutoff ≤ 100.

        Returns
        -------
        tuple of str
            Category names, largest first.

        Raises
        ------
        CalculationError
            A cutoff outside (0, 100].

        Examples
        --------
        >>> pareto_table({"a": 50, "b": 30, "c": 20}).vital_few()
        ('a', 'b')
        >>> pareto_table({"a": 50, "b": 30, "c": 20}).vital_few(50)
        ('a',)
        """
        if isinstance(cutoff, bool) or not isinstance(cutoff, numbers.Real) or not 0 < cutoff <= 100:
            raise CalculationError(f"cutoff must be a percentage in (0, 100], got {cutoff!r}")
        chosen: list[str] = []
        for row in self.rows:
            if self.other is not None and row.category == self.other:
                break
            chosen.append(row.category)
            if row.cumulative_percent >= cutoff:
                break
        return tuple(chosen)

    def counts(self) -> dict[str, int]:
        """Count per row, in table order.

        >>> pareto_table({"a": 1, "b": 3}).counts()
        {'b': 3, 'a': 1}
        """
        return {row.category: row.count for row in self.rows}

    def to_dict(self) -> dict[str, Any]:
        """Plain values (JSON-able).

        >>> pareto_table({"a": 3, "b": 1}).to_dict()["rows"][0]["cumulative_percent"]
        75.0
        """
        return {
            "total": self.total,
            "rows": [row.to_dict() for row in self.rows],
            "other": self.other,
            "merged": list(self.merged),
        }


def _checked_counts(counts: Mapping[str, int]) -> dict[str, int]:
    if not isinstance(counts, Mapping):
        raise CalculationError("counts must be a mapping of category name to count")
    checked: dict[str, int] = {}
    for category, count in counts.items():
        if not isinstance(category, str) or not category.strip():
            raise CalculationError(f"category name must be a non-empty string, got {category!r}")
        if isinstance(count, bool) or not isinstance(count, numbers.Integral) or count < 0:
            raise CalculationError(f"count of {category!r} must be a non-negative integer, got {count!r}")
        checked[category] = int(count)
    return checked


def _to_merge(
    ordered: list[tuple[str, int]], total: int, merge_below: float | None, max_categories: int | None
) -> set[str]:
    """Categories that go into the "other" row (only when at least two qualify)."""
    if merge_below is not None and (
        isinstance(merge_below, bool) or not isinstance(merge_below, numbers.Real) or not 0 < merge_below < 100
    ):
        raise CalculationError(f"merge_below must be a percentage in (0, 100), got {merge_below!r}")
    if max_categories is not None and (
        isinstance(max_categories, bool) or not isinstance(max_categories, numbers.Integral) or max_categories < 2
    ):
        raise CalculationError(f"max_categories must be an integer ≥ 2, got {max_categories!r}")
    merged: set[str] = set()
    if merge_below is not None:
        merged |= {c for c, n in ordered if 100.0 * n / total < merge_below}
    if max_categories is not None and len(ordered) > max_categories:
        merged |= {c for c, _ in ordered[max_categories - 1 :]}
    return merged if len(merged) >= 2 else set()


def pareto_table(
    counts: Mapping[str, int],
    *,
    merge_below: float | None = None,
    max_categories: int | None = None,
    other_label: str = OTHER_LABEL,
) -> ParetoTable:
    """Sort categories by count and add percent and cumulative percent.

    With categories sorted so that c₁ ≥ c₂ ≥ … (ties by name) and N = Σ cᵢ::

        percentᵢ = 100 · cᵢ / N
        cumulativeᵢ = 100 · (c₁ + … + cᵢ) / N

    (Montgomery, *Introduction to Statistical Quality Control*, section 5.4;
    Juran's Pareto principle). The cumulative percent is computed from the
    cumulative count, so the last row is exactly 100.

    Optionally, small categories are merged into one row ``other_label``
    (default *Lainnya*), placed last whatever its count: those below
    ``merge_below`` percent of the total, and those beyond the first
    ``max_categories − 1`` rows. Merging happens only when at least two
    categories qualify (merging one would only rename it).

    Parameters
    ----------
    counts : mapping of str to int
        Non-negative integer count per category; the total must be positive.
    merge_below : float, optional
        Percentage in (0, 100): categories with a smaller share are merged.
    max_categories : int, optional
        At most this many rows (≥ 2), the last being the merged row.
    other_label : str, default "Lainnya"
        Name of the merged row; must not be one of the categories.

    Returns
    -------
    ParetoTable

    Raises
    ------
    CalculationError
        A category name that is not a non-empty string, a count that is not a
        non-negative integer, a total of zero, a bad merge parameter, or an
        ``other_label`` that is already a category. (``CalculationError`` is a
        ``ValueError``.)

    Examples
    --------
    >>> table = pareto_table({"gosong": 12, "berminyak": 30, "bocor": 8})
    >>> [(r.category, r.count, r.percent, r.cumulative_percent) for r in table.rows]
    [('berminyak', 30, 60.0, 60.0), ('gosong', 12, 24.0, 84.0), ('bocor', 8, 16.0, 100.0)]
    >>> table.vital_few(80)
    ('berminyak', 'gosong')
    >>> merged = pareto_table({"a": 60, "b": 30, "c": 6, "d": 4}, merge_below=10)
    >>> merged.counts(), merged.merged
    ({'a': 60, 'b': 30, 'Lainnya': 10}, ('c', 'd'))
    """
    checked = _checked_counts(counts)
    total = sum(checked.values())
    if total <= 0:
        raise CalculationError("the counts add up to 0: a Pareto table needs at least one counted defect")
    ordered = sorted(checked.items(), key=lambda item: (-item[1], item[0]))
    merge = _to_merge(ordered, total, merge_below, max_categories)
    other: str | None = None
    if merge:
        if not isinstance(other_label, str) or not other_label.strip() or other_label in checked:
            raise CalculationError(f"other_label must be a new, non-empty category name, got {other_label!r}")
        other = other_label
        kept = [item for item in ordered if item[0] not in merge]
        ordered = kept + [(other_label, sum(checked[c] for c in merge))]
    rows: list[ParetoRow] = []
    running = 0
    for category, count in ordered:
        running += count
        rows.append(ParetoRow(category, count, 100.0 * count / total, 100.0 * running / total))
    merged = tuple(c for c, _ in sorted(checked.items(), key=lambda item: (-item[1], item[0])) if c in merge)
    return ParetoTable(tuple(rows), total, other, merged)
