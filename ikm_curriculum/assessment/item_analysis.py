"""Item analysis (*analisis butir soal*) of a test, with the definitions of Moodle's quiz statistics.

Sources
-------
* Moodle developer documentation, *Quiz statistics calculations*,
  https://docs.moodle.org/dev/Quiz_statistics_calculations (notation and formulas).
* Moodle source, which is what the report actually computes and what this module follows where the two differ:
  ``question/classes/statistics/questions/calculator.php`` (per-question statistics),
  ``mod/quiz/report/statistics/classes/calculator.php`` (test statistics) and
  ``mod/quiz/report/statistics/statistics_table.php`` (how they are displayed, and the "dubious question" rule).
* Moodle user documentation, *Quiz report statistics* (https://docs.moodle.org/dev/Quiz_report_statistics),
  for the interpretation bands of the facility index.

Notation: participants s = 1..S, items i = 1..P, x_i(s) the mark of participant s on item i, T(s) = Σ_i x_i(s)
the total, X_i(s) = T(s) − x_i(s) the rest-of-test score, x̄ a mean over participants, and every variance and
covariance the sample one, with divisor S − 1 (as in Moodle):
V(x) = Σ_s (x(s) − x̄)² / (S − 1), C(x, y) = Σ_s (x(s) − x̄)(y(s) − ȳ) / (S − 1).

Scaling: every index that Moodle shows as a percentage is returned here as a **fraction** (Moodle's value / 100):
facility, item SD, discrimination index, discriminative efficiency, alpha (Moodle's CIC) and error ratio. Test mean,
median, SD and standard error are in marks (the same unit as ``scores``); ``max_total`` lets a caller turn them into
percentages as Moodle shows them.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Mapping

import numpy as np

from ikm_curriculum.errors import CalculationError

if TYPE_CHECKING:  # pandas is imported where a table is built: `import ikm_curriculum.assessment` stays light
    import pandas as pd

ITEM_COLUMNS = ("facility", "sd", "discrimination_index", "discriminative_efficiency")
"""The first four columns of :attr:`ItemAnalysis.items`, in this order; ``n``, ``max_mark`` and ``flags`` follow."""

THRESHOLDS: Mapping[str, float] = MappingProxyType(
    {
        # Facility above 0.90: Moodle's facility bands call 90–94 % "very easy" and 95–100 % "extremely easy"
        # (Quiz report statistics). The cut-off itself is this project's choice on that band boundary.
        "too_easy": 0.90,
        # Facility below 0.20: Moodle's bands call 11–20 % "difficult", 6–10 % "very difficult" and 5 % or less
        # "extremely difficult". Again the cut-off is our choice on a band boundary.
        "too_hard": 0.20,
        # Discrimination index (as a correlation) below 0.20: a convention of classical test theory (Ebel's
        # guideline, e.g. Ebel & Frisbie, *Essentials of Educational Measurement*: 0.20–0.29 marginal, below that
        # poor). Moodle's code applies no cut-off to the discrimination index.
        "low_discrimination": 0.20,
        # Below 0: stronger participants did worse on the item than weaker ones; an item to check (wrong key,
        # ambiguous wording). A convention, stated in most item-analysis guides.
        "negative_discrimination": 0.0,
        # Discriminative efficiency below 0.15: Moodle's own rule; statistics_table.php marks a question "dubious"
        # when its discriminative efficiency is below 15 %.
        "low_efficiency": 0.15,
    }
)
"""Cut-offs for the flags of :func:`item_analysis` (fractions, not percentages)."""

_CONSTANT_RTOL = 1e-12


@dataclass(frozen=True, eq=False)
class ItemAnalysis:
    """Result of :func:`item_analysis`.

    ``items`` is a DataFrame indexed by item with columns ``facility, sd, discrimination_index,
    discriminative_efficiency, n, max_mark, flags`` (``n``: participants with a mark on the item, i.e. not NaN;
    ``max_mark``: the maximum used; ``flags``: a tuple of flag keys from :data:`THRESHOLDS`). ``test`` maps
    ``n, n_excluded, n_items, max_total, mean, median, sd, skewness, kurtosis, alpha, error_ratio, standard_error``
    to numbers. ``flags`` maps each item to its reasons, each ``{"key": ..., "id": ..., "en": ...}`` (``id`` is the
    Indonesian text, ``en`` the English). ``eq=False``: DataFrames do not compare with ``==``.
    """

    items: pd.DataFrame
    test: Mapping[str, float]
    flags: Mapping[Any, tuple[Mapping[str, str], ...]]

    def to_dict(self) -> dict[str, Any]:
        """Plain values (JSON-able): item labels become strings and NaN becomes ``None``.

            >>> import pandas as pd
            >>> import pandas as pd
        >>> scores = pd.DataFrame({"q1": [1, 1, 0], "q2": [1, 0, 0]})
            >>> item_analysis(scores).to_dict()["items"]["q2"]["facility"]
            0.3333333333333333
        """
        items: dict[str, dict[str, Any]] = {}
        for label, row in self.items.iterrows():
            entry: dict[str, Any] = {column: _plain(row[column]) for column in (*ITEM_COLUMNS, "max_mark")}
            entry["n"] = int(row["n"])
            entry["flags"] = list(row["flags"])
            items[str(label)] = entry
        return {
            "items": items,
            "test": {key: _plain(value) for key, value in self.test.items()},
            "flags": {str(label): [dict(reason) for reason in reasons] for label, reasons in self.flags.items()},
        }


def item_analysis(scores: pd.DataFrame, max_marks: Mapping[Any, float] | None = None) -> ItemAnalysis:
    r"""Item analysis of a test as in Moodle's quiz statistics report.

    Per item i (``.items``):

    * facility index (*indeks kemudahan*, the classical difficulty index p) F_i = x̄_i / max_i. Moodle's code
      (``calculator.php``) uses mean / max mark; the developer page also subtracts the item's minimum possible
      mark, (x̄_i − x_i,min) / (x_i,max − x_i,min), which is the same for ordinary questions (minimum 0).
    * sd: SD_i = √V(x_i) / max_i (Moodle stores √V(x_i) in marks and displays it divided by the max mark).
    * discrimination index (*daya pembeda*): D_i = C(x_i, X_i) / √(V(x_i) V(X_i)), the Pearson correlation between
      the item mark and the rest-of-test score X_i = T − x_i. Moodle shows 100 D_i.
    * discriminative efficiency: DE_i = C(x_i, X_i) / C_max(x_i, X_i), where
      C_max = Σ_k (x_i(k) − x̄_i)(X_i(k) − X̄_i) / (S − 1) pairs the k-th smallest item mark with the k-th smallest
      rest-of-test score (both sorted ascending, independently): the largest covariance the two sets of values
      could have. Moodle shows 100 DE_i.

    Test (``.test``, from the totals T):

    * mean, median (mean of the two middle totals when S is even), sd = √V(T);
    * with m_k = Σ_s (T(s) − T̄)^k / S, k2 = S m2 / (S − 1), k3 = S² m3 / ((S − 1)(S − 2)),
      k4 = S² ((S + 1) m4 − 3 (S − 1) m2²) / ((S − 1)(S − 2)(S − 3)):
      skewness = k3 / k2^(3/2) (needs S > 2), kurtosis = k4 / k2² (excess kurtosis, needs S > 3). These are the
      sample-size-corrected G1 and G2, equal to ``scipy.stats.skew(bias=False)`` and
      ``scipy.stats.kurtosis(bias=False)``;
    * alpha (Moodle's coefficient of internal consistency, CIC, shown as 100 α; Cronbach's alpha, equal to KR-20
      for 0/1 items): α = P / (P − 1) · (1 − Σ_i V(x_i) / V(T)), needs P > 1;
    * error_ratio ER = √(1 − α) (Moodle shows 100 √(1 − α/100) with α in percent, the same number × 100);
    * standard_error SE = ER · sd, in marks (Moodle: ER / 100 × SD, the standard error of measurement).

    Parameters
    ----------
    scores : pandas.DataFrame
        Participants × items, the marks (numbers; bools count as 0/1). NaN means "not attempted" and counts as
        a mark of 0, as in Moodle, where a question left unanswered in a finished attempt contributes 0 to the
        statistics; the ``n`` column still counts only real marks. A participant with no mark at all (a row of
        NaN) made no attempt and is left out (Moodle analyses attempts only); ``test["n_excluded"]`` counts them.
        Marks may be negative (penalties), as in Moodle.
    max_marks : mapping of item to float, optional
        The maximum mark of every item. When omitted, each item's maximum is **the highest mark observed** in its
        column — then an item nobody got full marks on looks easier than it is, and an item everybody scored 0 on
        has no facility (NaN). Pass the true maxima whenever they are known.

    Returns
    -------
    ItemAnalysis
        ``.items`` (DataFrame), ``.test`` (read-only mapping), ``.flags`` (reasons per item), ``.to_dict()``.

    Raises
    ------
    CalculationError
        ``scores`` is not a DataFrame, has no items, repeated item labels, non-numeric or infinite marks, fewer
        than 2 participants with a mark; or ``max_marks`` misses an item, has a maximum that is not a positive
        number, or a mark exceeds its item's maximum.

    Notes
    -----
    Undefined values are NaN and raise no warning: discrimination index and efficiency when the item or its
    rest-of-test score is the same for everyone (Moodle shows them empty); facility and sd when the maximum is
    not positive; skewness when S ≤ 2, kurtosis when S ≤ 3, and skewness, kurtosis and alpha when every total is
    the same; alpha, error ratio and standard error when there is one item. Unlike Moodle, which computes the CIC
    only when S > 2, alpha is given from S = 2. NaN values raise no flag.

    Flags (cut-offs in :data:`THRESHOLDS`): ``too_easy`` facility > 0.90; ``too_hard`` facility < 0.20;
    ``negative_discrimination`` D < 0; ``low_discrimination`` 0 ≤ D < 0.20; ``low_efficiency`` DE < 0.15 when D ≥ 0
    (Moodle's "dubious question"; a negative D already implies a negative DE, so it is flagged once).

    Examples
    --------
    >>> import pandas as pd
    >>> scores = pd.DataFrame(
    ...     {"q1": [1, 1, 1, 0], "q2": [1, 1, 0, 0], "q3": [1, 0, 0, 0], "q4": [0, 0, 0, 1]},
    ...     index=["Ani", "Budi", "Citra", "Dedi"],
    ... )
    >>> result = item_analysis(scores, max_marks={"q1": 1, "q2": 1, "q3": 1, "q4": 1})
    >>> result.items[["facility", "discrimination_index"]].round(3)
        facility  discrimination_index
    q1      0.75                 0.000
    q2      0.50                 0.577
    q3      0.25                 0.577
    q4      0.25                -0.775
    >>> result.items.loc["q4", "flags"]
    ('negative_discrimination',)
    >>> print(result.flags["q4"][0]["en"])  # also ["id"], the Indonesian text
    Negative discrimination (-0.77): stronger participants did worse on this item; check the answer key and the wording
    >>> result.test["mean"], result.test["median"], round(result.test["alpha"], 3)
    (1.75, 1.5, -0.242)
    """
    marks, answered, participants = _checked_marks(scores)
    labels = list(scores.columns)
    maxima = _maxima(marks, labels, participants, max_marks)
    n_participants, n_items = marks.shape

    totals = marks.sum(axis=1)
    rows = []
    variances = []
    for j in range(n_items):
        x = marks[:, j]
        rest = np.delete(marks, j, axis=1).sum(axis=1)
        var_x = _variance(x)
        variances.append(var_x)
        if maxima[j] > 0:
            facility, sd = float(x.mean() / maxima[j]), math.sqrt(var_x) / maxima[j]
        else:
            facility, sd = math.nan, math.nan
        if _constant(x) or _constant(rest):
            discrimination, efficiency = math.nan, math.nan
        else:
            covariance = _covariance(x, rest)
            discrimination = covariance / math.sqrt(var_x * _variance(rest))
            efficiency = covariance / _covariance_max(x, rest)
        rows.append((facility, sd, discrimination, efficiency, int(answered[:, j].sum()), float(maxima[j])))

    import pandas as pd

    items = pd.DataFrame(rows, index=scores.columns, columns=[*ITEM_COLUMNS, "n", "max_mark"])
    reasons = {label: _reasons(items.loc[label]) for label in labels}
    items["flags"] = [tuple(reason["key"] for reason in reasons[label]) for label in labels]
    test = _test_statistics(totals, variances, len(scores) - n_participants, float(np.sum(maxima)))
    return ItemAnalysis(items=items, test=test, flags=MappingProxyType(reasons))


def _checked_marks(scores: Any) -> tuple[np.ndarray, np.ndarray, pd.Index]:
    import pandas as pd

    """Marks as floats (NaN → 0) of the participants with at least one mark, which marks were given (not NaN), and
    the labels of those participants."""
    if not isinstance(scores, pd.DataFrame):
        raise CalculationError(f"scores must be a pandas DataFrame (participants × items), got {type(scores).__name__}")
    if scores.shape[1] == 0:
        raise CalculationError("scores has no items (no columns); expected one column of marks per item")
    repeated = sorted({str(label) for label in scores.columns[scores.columns.duplicated()]})
    if repeated:
        raise CalculationError(f"scores has repeated item labels {repeated}; each item must be one column")
    for label in scores.columns:
        column = scores[label]
        if not (pd.api.types.is_numeric_dtype(column) or pd.api.types.is_bool_dtype(column)):
            raise CalculationError(f"item {label!r}: marks must be numbers, got a column of dtype {column.dtype}")
    values = scores.to_numpy(dtype=float, na_value=np.nan)
    infinite = np.argwhere(np.isinf(values))
    if infinite.size:
        row, col = infinite[0]
        raise CalculationError(
            f"participant {scores.index[row]!r}, item {scores.columns[col]!r}: mark {values[row, col]} is not finite"
        )
    answered = ~np.isnan(values)
    attempted = answered.any(axis=1)
    if attempted.sum() < 2:
        raise CalculationError(
            f"item analysis needs at least 2 participants with a mark, got {int(attempted.sum())} "
            f"(of {len(scores)} rows; a row of NaN counts as no attempt)"
        )
    return np.nan_to_num(values[attempted], nan=0.0), answered[attempted], scores.index[attempted]


def _maxima(marks: np.ndarray, labels: list[Any], participants: pd.Index, max_marks: Any) -> np.ndarray:
    if max_marks is None:
        return marks.max(axis=0)
    if not isinstance(max_marks, Mapping):
        raise CalculationError(f"max_marks must be a mapping of item to maximum mark, got {type(max_marks).__name__}")
    missing = [label for label in labels if label not in max_marks]
    if missing:
        raise CalculationError(f"max_marks has no maximum for item(s) {missing}")
    maxima = np.empty(len(labels))
    for j, label in enumerate(labels):
        value = max_marks[label]
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise CalculationError(f"max_marks[{label!r}] must be a number, got {value!r}")
        if not math.isfinite(value) or value <= 0:
            raise CalculationError(f"max_marks[{label!r}] must be a positive finite number, got {value!r}")
        maxima[j] = float(value)
        over = np.flatnonzero(marks[:, j] > maxima[j] * (1 + 1e-9))
        if over.size:
            row = over[0]
            raise CalculationError(
                f"participant {participants[row]!r}, item {label!r}: mark {marks[row, j]:g} exceeds the maximum "
                f"mark {maxima[j]:g} given in max_marks"
            )
    return maxima


def _constant(values: np.ndarray) -> bool:
    """True when every value is the same (up to rounding of sums)."""
    scale = max(1.0, float(np.max(np.abs(values))))
    return float(np.ptp(values)) <= _CONSTANT_RTOL * scale


def _variance(values: np.ndarray) -> float:
    return float(np.sum((values - values.mean()) ** 2) / (len(values) - 1))


def _covariance(x: np.ndarray, y: np.ndarray) -> float:
    return float(np.sum((x - x.mean()) * (y - y.mean())) / (len(x) - 1))


def _covariance_max(x: np.ndarray, y: np.ndarray) -> float:
    """Moodle's C_max: the covariance after sorting both variables ascending, independently."""
    return float(np.sum((np.sort(x) - x.mean()) * (np.sort(y) - y.mean())) / (len(x) - 1))


def _test_statistics(totals: np.ndarray, variances: list[float], n_excluded: int, max_total: float) -> Mapping:
    s = len(totals)
    p = len(variances)
    deviations = totals - totals.mean()
    m2, m3, m4 = (float(np.sum(deviations**k) / s) for k in (2, 3, 4))
    k2 = s * m2 / (s - 1)
    skewness = kurtosis = alpha = math.nan
    if not _constant(totals):
        if s > 2:
            k3 = s * s * m3 / ((s - 1) * (s - 2))
            skewness = k3 / k2**1.5
        if s > 3:
            k4 = s * s * ((s + 1) * m4 - 3 * (s - 1) * m2 * m2) / ((s - 1) * (s - 2) * (s - 3))
            kurtosis = k4 / (k2 * k2)
        if p > 1:
            alpha = p / (p - 1) * (1 - sum(variances) / k2)
    sd = math.sqrt(k2)
    error_ratio = math.sqrt(max(0.0, 1 - alpha)) if not math.isnan(alpha) else math.nan
    return MappingProxyType(
        {
            "n": s,
            "n_excluded": n_excluded,
            "n_items": p,
            "max_total": max_total,
            "mean": float(totals.mean()),
            "median": float(np.median(totals)),
            "sd": sd,
            "skewness": skewness,
            "kurtosis": kurtosis,
            "alpha": alpha,
            "error_ratio": error_ratio,
            "standard_error": error_ratio * sd,
        }
    )


def _reasons(row: pd.Series) -> tuple[Mapping[str, str], ...]:
    facility = row["facility"]
    discrimination = row["discrimination_index"]
    efficiency = row["discriminative_efficiency"]
    found: list[Mapping[str, str]] = []
    if facility > THRESHOLDS["too_easy"]:
        found.append(
            _reason(
                "too_easy",
                f"Terlalu mudah: indeks kemudahan {_id(facility)} > {_id(THRESHOLDS['too_easy'])}",
                f"Too easy: facility {facility:.2f} > {THRESHOLDS['too_easy']:.2f}",
            )
        )
    if facility < THRESHOLDS["too_hard"]:
        found.append(
            _reason(
                "too_hard",
                f"Terlalu sukar: indeks kemudahan {_id(facility)} < {_id(THRESHOLDS['too_hard'])}",
                f"Too hard: facility {facility:.2f} < {THRESHOLDS['too_hard']:.2f}",
            )
        )
    if discrimination < THRESHOLDS["negative_discrimination"]:
        found.append(
            _reason(
                "negative_discrimination",
                f"Daya pembeda negatif ({_id(discrimination)}): peserta bernilai tinggi justru lebih sering salah; "
                "periksa kunci jawaban dan kalimat soal",
                f"Negative discrimination ({discrimination:.2f}): stronger participants did worse on this item; "
                "check the answer key and the wording",
            )
        )
    elif discrimination < THRESHOLDS["low_discrimination"]:
        found.append(
            _reason(
                "low_discrimination",
                f"Daya pembeda rendah: {_id(discrimination)} < {_id(THRESHOLDS['low_discrimination'])}",
                f"Low discrimination: {discrimination:.2f} < {THRESHOLDS['low_discrimination']:.2f}",
            )
        )
    if discrimination >= 0 and efficiency < THRESHOLDS["low_efficiency"]:
        found.append(
            _reason(
                "low_efficiency",
                f"Efisiensi pembeda rendah: {_id(efficiency)} < {_id(THRESHOLDS['low_efficiency'])} "
                "(Moodle menandai soal ini meragukan)",
                f"Low discriminative efficiency: {efficiency:.2f} < {THRESHOLDS['low_efficiency']:.2f} "
                "(Moodle marks such a question as dubious)",
            )
        )
    return tuple(found)


def _reason(key: str, indonesian: str, english: str) -> Mapping[str, str]:
    return MappingProxyType({"key": key, "id": indonesian, "en": english})


def _id(value: float) -> str:
    """A number with two decimals and a decimal comma, as written in Indonesian."""
    return f"{value:.2f}".replace(".", ",")


def _plain(value: Any) -> Any:
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        return int(value)
    number = float(value)
    return None if math.isnan(number) else number
