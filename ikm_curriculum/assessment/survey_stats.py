"""Aggregates of the satisfaction survey (*survei kepuasan*): a training-reaction survey, Kirkpatrick level 1.

Each aspect of the survey (material, facilitators, facilities, catering, organisation) is one ``likert``
exercise: every participant rates each statement from 1 (strongly disagree) to 5 (strongly agree) and may
leave a comment. This module summarises one aspect across the cohort (:func:`survey_summary`) and the
aspects together (:func:`overall_summary`).

Per statement: the number of ratings n, the mean, the sample standard deviation (divisor n − 1), the median,
the share of favourable ratings (4 or 5, in percent) and the count of each rating 1–5. Per aspect: the mean
of the statement means, the pooled favourable share and the non-blank comments. Overall: the mean of the
aspect means (every aspect weighs the same, whatever its number of statements) and the pooled favourable share.

Sources
-------
* Likert, R. (1932). A technique for the measurement of attitudes. *Archives of Psychology*, 140: the
  five-point agreement format.
* Kirkpatrick, D. L. & Kirkpatrick, J. D. (2006). *Evaluating Training Programs: The Four Levels* (3rd ed.):
  level 1, reaction, measured by a questionnaire after the training.
* Jamieson, S. (2004). Likert scales: how to (ab)use them. *Medical Education*, 38(12), 1217–1218: ratings
  are ordinal, so the median and the distribution are reported beside the mean.
* The favourable share of ratings 4–5 ("top-two-box") is a reporting convention for agreement scales, not a
  standard; :data:`FAVOURABLE` makes it a configurable default.

Not to be confused with the *Survei Kepuasan Masyarakat* (SKM) of public services (PermenPAN-RB 14/2017,
a 4-point scale turned into an index 25–100): that is a different instrument, for public services.

Missing ratings are NaN and are left out of that statement's statistics (each statement has its own n).
A statistic that is undefined is NaN, never an error: the sd of a single rating, anything of a statement
nobody rated. :meth:`SurveySummary.to_dict` turns NaN into ``None``.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

from ikm_curriculum.errors import CalculationError

if TYPE_CHECKING:  # pandas is imported inside functions: `import ikm_curriculum.assessment` stays light
    import pandas as pd

SCALE: tuple[int, ...] = (1, 2, 3, 4, 5)
"""The ratings of the survey's scale (1 = strongly disagree … 5 = strongly agree)."""

FAVOURABLE: tuple[int, ...] = (4, 5)
"""Ratings counted as favourable (agree, strongly agree): a configurable default ("top-two-box")."""

STATEMENT_COLUMNS: tuple[str, ...] = ("n", "mean", "sd", "median", "favourable_pct", *(f"n_{v}" for v in SCALE))
"""Columns of :attr:`SurveySummary.statements`, in this order."""


def _plain(value: Any) -> Any:
    """A JSON-able number: NaN → ``None``, numpy scalars → Python numbers."""
    if isinstance(value, numbers.Integral):
        return int(value)
    number = float(value)
    return None if math.isnan(number) else number


@dataclass(frozen=True, eq=False)
class SurveySummary:
    """Summary of one aspect of the survey (result of :func:`survey_summary`).

    ``statements`` is a DataFrame indexed by statement id (in the order given) with the columns of
    :data:`STATEMENT_COLUMNS`: ``n`` ratings, ``mean``, ``sd`` (sample, ddof = 1), ``median``,
    ``favourable_pct`` (percent of the n ratings that are 4 or 5) and ``n_1`` … ``n_5`` (count of each rating).
    ``n_participants`` counts the rows given (answered or not), ``n_respondents`` those with at least one rating.
    ``mean`` is the mean of the statement means (statements nobody rated left out), ``favourable_pct`` the
    favourable share of all the aspect's ratings pooled. ``comments`` are the non-blank comments, stripped,
    in participant order. ``eq=False``: DataFrames do not compare with ``==``.
    """

    aspect: str
    n_participants: int
    n_respondents: int
    statements: pd.DataFrame
    mean: float
    favourable_pct: float
    comments: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """Plain values (JSON-able), NaN as ``None``.

        >>> summary = survey_summary([{"ratings": {"s1": 4, "s2": None}}, None], ["s1", "s2"], aspect="materi")
        >>> summary.to_dict()["statements"]["s1"]["counts"]
        {'1': 0, '2': 0, '3': 0, '4': 1, '5': 0}
        >>> summary.to_dict()["statements"]["s2"]["mean"] is None
        True
        """
        statements: dict[str, dict[str, Any]] = {}
        for statement_id, row in self.statements.iterrows():
            entry = {column: _plain(row[column]) for column in ("mean", "sd", "median", "favourable_pct")}
            entry["n"] = int(row["n"])
            entry["counts"] = {str(v): int(row[f"n_{v}"]) for v in SCALE}
            statements[str(statement_id)] = entry
        return {
            "aspect": self.aspect,
            "n_participants": self.n_participants,
            "n_respondents": self.n_respondents,
            "mean": _plain(self.mean),
            "favourable_pct": _plain(self.favourable_pct),
            "statements": statements,
            "comments": list(self.comments),
        }


@dataclass(frozen=True, eq=False)
class OverallSummary:
    """The aspects together (result of :func:`overall_summary`).

    ``aspects`` is a DataFrame indexed by aspect with columns ``n_respondents, mean, favourable_pct``;
    ``mean`` is the mean of the aspect means (aspects nobody rated left out) and ``favourable_pct`` the
    favourable share of every rating of every aspect, pooled.
    """

    aspects: pd.DataFrame
    mean: float
    favourable_pct: float

    def to_dict(self) -> dict[str, Any]:
        """Plain values (JSON-able), NaN as ``None``."""
        aspects = {
            str(aspect): {
                "n_respondents": int(row["n_respondents"]),
                "mean": _plain(row["mean"]),
                "favourable_pct": _plain(row["favourable_pct"]),
            }
            for aspect, row in self.aspects.iterrows()
        }
        return {"aspects": aspects, "mean": _plain(self.mean), "favourable_pct": _plain(self.favourable_pct)}


def _rating(where: str, value: Any) -> float:
    """One rating as a float (NaN when missing); anything but a point of the scale is an error."""
    if value is None:
        return math.nan
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise CalculationError(f"{where}: expected an integer {SCALE[0]}–{SCALE[-1]} or nothing, got {value!r}")
    number = float(value)
    if math.isnan(number):
        return math.nan
    if number not in SCALE:
        raise CalculationError(f"{where}: expected an integer {SCALE[0]}–{SCALE[-1]} or nothing, got {value!r}")
    return number


def ratings_frame(
    responses: Sequence[Mapping[str, Any] | None], statements: Sequence[str]
) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """The ratings of ``likert`` answers as a participants × statements DataFrame, and the comments.

    Parameters
    ----------
    responses : sequence of dict or None
        One answer value per participant, as the ``likert`` kind saves it:
        ``{"ratings": {statement id: 1..5 or None}, "comment": "text"}``; ``None`` for no answer.
    statements : sequence of str
        The aspect's statement ids: the columns, in this order.

    Returns
    -------
    (pandas.DataFrame, tuple of str)
        Ratings as floats (NaN where missing), one row per response in order; the non-blank comments, stripped.

    Raises
    ------
    CalculationError
        A response that is not a mapping, a rating off the scale, or a statement id not in ``statements``
        (the message names ``responses[i].ratings.<id>``).

    >>> frame, comments = ratings_frame([{"ratings": {"s1": 5}, "comment": " Bagus "}, None], ["s1", "s2"])
    >>> frame.to_dict("list"), comments
    ({'s1': [5.0, nan], 's2': [nan, nan]}, ('Bagus',))
    """
    import pandas as pd

    ids = [str(s) for s in statements]
    rows: list[list[float]] = []
    comments: list[str] = []
    for i, response in enumerate(responses):
        if response is None:
            rows.append([math.nan] * len(ids))
            continue
        if not isinstance(response, Mapping):
            raise CalculationError(f"responses[{i}]: expected an answer {{ratings, comment}} or None, got {response!r}")
        ratings = response.get("ratings") or {}
        if not isinstance(ratings, Mapping):
            raise CalculationError(f"responses[{i}].ratings: expected a mapping statement id → rating, got {ratings!r}")
        unknown = sorted(str(k) for k in ratings if str(k) not in ids)
        if unknown:
            raise CalculationError(f"responses[{i}].ratings.{unknown[0]}: expected a statement id from {ids}")
        rows.append([_rating(f"responses[{i}].ratings.{s}", ratings.get(s)) for s in ids])
        comment = response.get("comment")
        if comment is not None and not isinstance(comment, str):
            raise CalculationError(f"responses[{i}].comment: expected text, got {comment!r}")
        if comment and comment.strip():
            comments.append(comment.strip())
    return pd.DataFrame(rows, columns=ids, dtype=float), tuple(comments)


def _checked_frame(frame: pd.DataFrame, statements: Sequence[str]) -> pd.DataFrame:
    """The statement columns of ``frame`` as floats, every value a scale point or NaN."""
    import pandas as pd

    if not isinstance(frame, pd.DataFrame):
        raise CalculationError(f"responses: expected a DataFrame or a list of answers, got {type(frame).__name__}")
    missing = [s for s in statements if s not in frame.columns]
    if missing:
        raise CalculationError(f"responses: no column for statement {missing[0]!r} (columns: {list(frame.columns)})")
    out = {}
    for s in statements:
        out[s] = [_rating(f"responses[{label!r}].{s}", value) for label, value in frame[s].items()]
    return pd.DataFrame(out, index=frame.index, columns=list(statements), dtype=float)


def survey_summary(
    responses: pd.DataFrame | Sequence[Mapping[str, Any] | None],
    statements: Sequence[str],
    *,
    aspect: str = "",
    comments: Iterable[str | None] | None = None,
) -> SurveySummary:
    """Summarise one aspect of the survey across the cohort.

    Per statement, over its n ratings (missing ones left out): mean x̄ = Σx / n; sample standard deviation
    s = √(Σ(x − x̄)² / (n − 1)) (NaN when n < 2); median; favourable share 100 · #{x ∈ FAVOURABLE} / n;
    counts of each rating. Aspect: mean of the statement means; favourable share of all ratings pooled.
    Treating ratings as numbers for a mean is a convention; the median and the counts are given because
    the ratings are ordinal (Jamieson 2004; see the module docstring).

    Parameters
    ----------
    responses : pandas.DataFrame or sequence of dict or None
        Either a DataFrame participants × statement ids of ratings 1–5 (NaN or None where missing; other
        columns are ignored), or the answer values of the ``likert`` kind, one per participant (``None``
        for no answer), whose comments are then collected too.
    statements : sequence of str
        The aspect's statement ids, in the order of the result.
    aspect : str, optional
        The aspect's id (e.g. ``"materi"``), carried into the result.
    comments : iterable of str or None, optional
        Comments to list, with a DataFrame only (with answer values the comments come from the answers).

    Returns
    -------
    SurveySummary

    Raises
    ------
    CalculationError
        A rating off the scale, a statement without a column, or ``comments`` given with answer values.

    Examples
    --------
    >>> import pandas as pd
    >>> ratings = pd.DataFrame({"s1": [4, 5, 3], "s2": [2, None, 4]})
    >>> summary = survey_summary(ratings, ["s1", "s2"], aspect="materi")
    >>> summary.statements.loc["s1", ["n", "mean", "sd", "median", "favourable_pct"]].tolist()
    [3.0, 4.0, 1.0, 4.0, 66.66666666666667]
    >>> summary.mean, summary.favourable_pct
    (3.5, 60.0)
    """
    import pandas as pd

    ids = [str(s) for s in statements]
    if len(set(ids)) != len(ids):
        raise CalculationError(f"statements: expected each statement id once, got {ids}")
    if isinstance(responses, pd.DataFrame):
        frame = _checked_frame(responses, ids)
        listed = tuple(c.strip() for c in (comments or ()) if isinstance(c, str) and c.strip())
    else:
        if comments is not None:
            raise CalculationError("comments: give comments only with a DataFrame; answers carry their own")
        frame, listed = ratings_frame(list(responses), ids)
    rows = {}
    for s in ids:
        x = frame[s].dropna()
        n = int(x.count())
        counts = {f"n_{v}": int((x == v).sum()) for v in SCALE}
        favourable = sum(counts[f"n_{v}"] for v in FAVOURABLE)
        rows[s] = {
            "n": n,
            "mean": float(x.mean()) if n else math.nan,
            "sd": float(x.std(ddof=1)) if n > 1 else math.nan,
            "median": float(x.median()) if n else math.nan,
            "favourable_pct": 100.0 * favourable / n if n else math.nan,
            **counts,
        }
    table = pd.DataFrame.from_dict(rows, orient="index", columns=list(STATEMENT_COLUMNS))
    table = table.astype({c: int for c in STATEMENT_COLUMNS if c == "n" or c.startswith("n_")})
    table.index.name = "statement"
    rated = table["mean"].dropna()
    total = int(table["n"].sum())
    favourable_total = int(sum(table[f"n_{v}"].sum() for v in FAVOURABLE))
    return SurveySummary(
        aspect=aspect,
        n_participants=len(frame),
        n_respondents=int(frame.notna().any(axis=1).sum()),
        statements=table,
        mean=float(rated.mean()) if len(rated) else math.nan,
        favourable_pct=100.0 * favourable_total / total if total else math.nan,
        comments=listed,
    )


def overall_summary(summaries: Sequence[SurveySummary]) -> OverallSummary:
    """The survey as a whole: the mean of the aspect means and the favourable share of all ratings.

    Aspects nobody rated (mean NaN) are left out of the mean; with none rated the mean is NaN.

    >>> import pandas as pd
    >>> a = survey_summary(pd.DataFrame({"s1": [4, 5]}), ["s1"], aspect="materi")
    >>> b = survey_summary(pd.DataFrame({"t1": [3, 3], "t2": [2, 4]}), ["t1", "t2"], aspect="konsumsi")
    >>> result = overall_summary([a, b])
    >>> result.mean, result.favourable_pct
    (3.75, 50.0)
    """
    import pandas as pd

    names = [s.aspect for s in summaries]
    if len(set(names)) != len(names):
        raise CalculationError(f"summaries: expected each aspect once, got {names}")
    aspects = pd.DataFrame(
        {
            "n_respondents": [s.n_respondents for s in summaries],
            "mean": [s.mean for s in summaries],
            "favourable_pct": [s.favourable_pct for s in summaries],
        },
        index=pd.Index(names, name="aspect"),
    )
    rated = aspects["mean"].dropna()
    total = sum(int(s.statements["n"].sum()) for s in summaries)
    favourable = sum(int(s.statements[f"n_{v}"].sum()) for s in summaries for v in FAVOURABLE)
    return OverallSummary(
        aspects=aspects,
        mean=float(rated.mean()) if len(rated) else math.nan,
        favourable_pct=100.0 * favourable / total if total else math.nan,
    )
