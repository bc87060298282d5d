"""Pareto analysis (analisis Pareto): which few defect types make most of the defects.

Source: J. M. Juran's Pareto principle, the "vital few and the trivial many"
(Juran's *Quality Control Handbook*); D. C. Montgomery, *Introduction to
Statistical Quality Control*, section 5.4 (the Pareto chart among the seven
basic quality tools).
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass
from typing import Any, Mapping


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
    """Categories sorted by count (largest first, ties by name) with percentages."""

    rows: tuple[ParetoRow, ...]
    total: int

    def vital_few(self, cutoff: float = 80.0) -> tuple[str, ...]:
        """The "vital few": categories up to and including the first whose cumulative percent reaches ``cutoff``.

        With rows sorted by count, the vital few are rows 1..m where m is the
        smallest index with cumulativeₘ ≥ cutoff (Juran's Pareto principle;
        Montgomery section 5.4 reads the Pareto chart the same way).

        Parameters
        ----------
        cutoff : float, default 80.0
            Cumulative percentage, 0 < cutoff ≤ 100.

        Returns
        -------
        tuple of str
            Category names, largest first.

        Examples
        --------
        >>> pareto_table({"a": 50, "b": 30, "c": 20}).vital_few()
        ('a', 'b')
        >>> pareto_table({"a": 50, "b": 30, "c": 20}).vital_few(50)
        ('a',)
        """
        if isinstance(cutoff, bool) or not isinstance(cutoff, numbers.Real) or not 0 < cutoff <= 100:
            raise ValueError(f"cutoff must be a percentage in (0, 100], got {cutoff!r}")
        chosen: list[str] = []
        for row in self.rows:
            chosen.append(row.category)
            if row.cumulative_percent >= cutoff:
                break
        return tuple(chosen)

    def to_dict(self) -> dict[str, Any]:
        """Plain values (JSON-able).

        >>> pareto_table({"a": 3, "b": 1}).to_dict()["rows"][0]["cumulative_percent"]
        75.0
        """
        return {"total": self.total, "rows": [row.to_dict() for row in self.rows]}


def pareto_table(counts: Mapping[str, int]) -> ParetoTable:
    """Sort categories by count and add percent and cumulative percent.

    With categories sorted so that c₁ ≥ c₂ ≥ … (ties by name) and N = Σ cᵢ::

        percentᵢ = 100 · cᵢ / N
        cumulativeᵢ = 100 · (c₁ + … + cᵢ) / N

    (Montgomery, *Introduction to Statistical Quality Control*, section 5.4;
    Juran's Pareto principle). The cumulative percent is computed from the
    cumulative count, so the last row is exactly 100.

    Parameters
    ----------
    counts : mapping of str to int
        Non-negative integer count per category; the total must be positive.

    Returns
    -------
    ParetoTable

    Raises
    ------
    ValueError
        A category name that is not a non-empty string, a count that is not a
        non-negative integer, or a total of zero.

    Examples
    --------
    >>> table = pareto_table({"gosong": 12, "berminyak": 30, "bocor": 8})
    >>> [(r.category, r.count, r.percent, r.cumulative_percent) for r in table.rows]
    [('berminyak', 30, 60.0, 60.0), ('gosong', 12, 24.0, 84.0), ('bocor', 8, 16.0, 100.0)]
    >>> table.vital_few(80)
    ('berminyak', 'gosong')
    """
    if not isinstance(counts, Mapping):
        raise ValueError("counts must be a mapping of category name to count")
    checked: dict[str, int] = {}
    for category, count in counts.items():
        if not isinstance(category, str) or not category.strip():
            raise ValueError(f"category name must be a non-empty string, got {category!r}")
        if isinstance(count, bool) or not isinstance(count, numbers.Integral) or count < 0:
            raise ValueError(f"count of {category!r} must be a non-negative integer, got {count!r}")
        checked[category] = int(count)
    total = sum(checked.values())
    if total <= 0:
        raise ValueError("the counts add up to 0: a Pareto table needs at least one counted defect")
    ordered = sorted(checked.items(), key=lambda item: (-item[1], item[0]))
    rows: list[ParetoRow] = []
    running = 0
    for category, count in ordered:
        running += count
        rows.append(ParetoRow(category, count, 100.0 * count / total, 100.0 * running / total))
    return ParetoTable(tuple(rows), total)
