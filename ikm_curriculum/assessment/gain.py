"""Learning gain (*N-gain*) from a pre-test and a post-test, with a paired test of pre vs post.

Formulas (scores out of ``max``, participant i = 1..n, both scores present):

* class-average normalised gain (Hake 1998, there on percentage scores; the ratio is the same on any scale)::

      ⟨g⟩ = (⟨post⟩ − ⟨pre⟩) / (max − ⟨pre⟩)

  undefined when ⟨pre⟩ = max (everyone had a perfect pre-test);
* individual gain and their mean (the "average of single-student gains")::

      gᵢ = (postᵢ − preᵢ) / (max − preᵢ),   ḡ = mean of gᵢ over participants with preᵢ < max

  gᵢ is undefined at a perfect pre-test (preᵢ = max): such participants are left
  out of ḡ and counted, never divided by zero. ⟨g⟩ and ḡ are different numbers
  (⟨g⟩ weights participants by their room to improve, ḡ weights them equally;
  L. Bao 2006), so both are shown, each with its label;
* Hake's bands of ⟨g⟩ (Hake 1998): high-g ⟨g⟩ ≥ 0.7; medium-g
  0.7 > ⟨g⟩ ≥ 0.3; low-g ⟨g⟩ < 0.3. A boundary value belongs to the band above it
  (0.3 is medium, 0.7 is high). A negative ⟨g⟩ (the class did worse) is low.
  Indonesian training and classroom-action reports commonly use these bands as
  the N-gain categories *rendah / sedang / tinggi*; that is common practice, the
  bands themselves are Hake's.

Sources: R. R. Hake (1998), "Interactive-engagement versus traditional methods:
a six-thousand-student survey of mechanics test data for introductory physics
courses", *Am. J. Phys.* 66(1), 64–74. L. Bao (2006), "Theoretical comparisons of
average normalized gain calculations", *Am. J. Phys.* 74(10), 917–922. Paired
t-test and Wilcoxon signed-rank test: any statistics text, e.g. W. J. Conover,
*Practical Nonparametric Statistics* (Wilcoxon); F. Wilcoxon (1945), *Biometrics
Bulletin* 1(6), 80–83.

SciPy is imported only when a paired test is computed (it takes about a second
to import, and this package is imported by every participant workbook).
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ikm_curriculum.assessment.exercise import bilingual
from ikm_curriculum.errors import CalculationError

CONFIDENCE = 0.95
"""Confidence level of the interval of the mean difference."""

LABELS: Mapping[str, tuple[str, str]] = {
    "class_average_gain": ("N-gain rata-rata kelas ⟨g⟩ (Hake)", "class-average normalised gain ⟨g⟩ (Hake)"),
    "mean_individual_gain": ("Rata-rata N-gain individu", "mean of individual normalised gains"),
}
"""(Indonesian, English) labels of the two gains; :meth:`GainResult.to_dict` gives them as bilingual dicts."""

_BANDS = {"low": ("rendah", "low"), "medium": ("sedang", "medium"), "high": ("tinggi", "high")}
_EXACT_WILCOXON_MAX_N = 50  # exact null distribution up to here when there are no ties (as scipy's "auto")
_PERMUTATION_MAX_N = 13  # 2**13 < 9999 resamples: scipy's permutation test enumerates every sign pattern
_RESOLUTION = 1e-9  # differences closer than this fraction of max_score are treated as equal


@dataclass(frozen=True)
class PairedTTest:
    """Paired t-test of post vs pre on dᵢ = postᵢ − preᵢ (scipy.stats.ttest_rel, two-sided).

    t = d̄ / (s_d/√n), df = n − 1, CI = d̄ ± t₀.₉₇₅,ₙ₋₁ · s_d/√n.
    """

    n: int
    df: int
    mean_difference: float
    sd_difference: float
    t: float
    p_value: float
    ci_low: float
    ci_high: float
    confidence: float = CONFIDENCE

    def to_dict(self) -> dict[str, Any]:
        """Plain values (JSON-able)."""
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


@dataclass(frozen=True)
class WilcoxonTest:
    """Wilcoxon signed-rank test of post vs pre (scipy.stats.wilcoxon, two-sided).

    ``statistic`` is min(W⁺, W⁻), the smaller sum of ranks of |dᵢ| over positive or
    negative differences; zero differences are dropped first (Wilcoxon's method)
    and counted in ``n_zero``; ``n`` is the number of pairs ranked. ``method``:
    ``"exact"`` (no ties, n ≤ 50), ``"permutation"`` (ties, n ≤ 13: every sign
    pattern enumerated, so still exact) or ``"normal approximation"`` (with the
    tie-corrected variance, no continuity correction).
    """

    n: int
    n_zero: int
    statistic: float
    p_value: float
    method: str

    def to_dict(self) -> dict[str, Any]:
        """Plain values (JSON-able)."""
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


@dataclass(frozen=True)
class GainResult:
    """Normalised gains of a class, Hake's band and the paired tests (see :func:`normalized_gain`).

    ``class_average_gain`` is ⟨g⟩ (None when every pre-test is perfect);
    ``mean_individual_gain`` is ḡ over the ``n - n_individual_undefined``
    participants whose pre-test was below the maximum (None when there are
    none). ``band`` is ``"low"``, ``"medium"`` or ``"high"`` (None with ⟨g⟩) and
    ``band_label`` its bilingual label. ``t_test`` and ``wilcoxon`` are None when
    they cannot be computed; ``notes`` say why, and what was left out, in
    Indonesian and English.
    """

    n: int
    n_dropped: int
    max_score: float
    mean_pre: float
    mean_post: float
    class_average_gain: float | None
    mean_individual_gain: float | None
    n_individual_undefined: int
    band: str | None
    band_label: dict[str, str] | None = field(hash=False)
    t_test: PairedTTest | None
    wilcoxon: WilcoxonTest | None
    notes: tuple[dict[str, str], ...] = field(default=(), hash=False)

    def to_dict(self) -> dict[str, Any]:
        """Plain values (JSON-able), with the bilingual ``labels`` of the two gains.

        >>> normalized_gain([50, 60], [75, 80]).to_dict()["labels"]["class_average_gain"]["en"]
        'class-average normalised gain ⟨g⟩ (Hake)'
        """
        return {
            "n": self.n,
            "n_dropped": self.n_dropped,
            "max_score": self.max_score,
            "mean_pre": self.mean_pre,
            "mean_post": self.mean_post,
            "class_average_gain": self.class_average_gain,
            "mean_individual_gain": self.mean_individual_gain,
            "n_individual_undefined": self.n_individual_undefined,
            "band": self.band,
            "band_label": None if self.band_label is None else dict(self.band_label),
            "t_test": None if self.t_test is None else self.t_test.to_dict(),
            "wilcoxon": None if self.wilcoxon is None else self.wilcoxon.to_dict(),
            "notes": [dict(note) for note in self.notes],
            "labels": {key: bilingual(*text) for key, text in LABELS.items()},
        }


def individual_gain(pre: float, post: float, max_score: float = 100) -> float | None:
    """One participant's normalised gain gᵢ = (postᵢ − preᵢ) / (max − preᵢ); None at a perfect pre-test.

    The individual gain of the module docstring (the gains that :func:`normalized_gain` averages; L. Bao 2006).

    >>> individual_gain(40, 70), individual_gain(100, 90)
    (0.5, None)
    """
    room = max_score - pre
    return None if room <= 0 else (post - pre) / room


def hake_band(gain: float) -> str:
    """Hake's band of a class-average gain: ``"low"``, ``"medium"`` or ``"high"``.

    Hake (1998): high-g ⟨g⟩ ≥ 0.7; medium-g 0.7 > ⟨g⟩ ≥ 0.3; low-g ⟨g⟩ < 0.3.
    The gain is compared after rounding to 9 decimals, so that a gain that is
    exactly 0.3 in decimal arithmetic is not pushed below 0.3 by binary
    rounding; there is no rounding to display precision (0.699 is medium).

    >>> hake_band(0.3), hake_band(0.2999), hake_band(0.7), hake_band(-0.1)
    ('medium', 'low', 'high', 'low')
    """
    if isinstance(gain, bool) or not isinstance(gain, numbers.Real) or not math.isfinite(float(gain)):
        raise CalculationError(f"gain = {gain!r}: expected a finite number")
    g = round(float(gain), 9)
    if g >= 0.7:
        return "high"
    if g >= 0.3:
        return "medium"
    return "low"


def band_label(band: str) -> dict[str, str]:
    """Bilingual label of a band (a new dict each call).

    >>> band_label("medium")
    {'id': 'sedang', 'en': 'medium'}
    """
    if band not in _BANDS:
        raise CalculationError(f"band = {band!r}: expected one of {', '.join(_BANDS)}")
    return bilingual(*_BANDS[band])


def normalized_gain(pre: Iterable[Any], post: Iterable[Any], max_score: float = 100) -> GainResult:
    """Normalised learning gain of a class (*N-gain*), Hake's band and paired tests of pre vs post.

    Parameters
    ----------
    pre, post : sequence of float
        Pre-test and post-test scores of the same participants in the same
        order (list, tuple, 1-D numpy array or pandas Series); pairs are made
        by position, so two Series must have the same index. A missing score
        is NaN or None (or ``pd.NA``); a pair with a missing score is dropped and
        counted in ``n_dropped``.
    max_score : float, default 100
        The highest possible score; every score must be within [0, max_score].

    Returns
    -------
    GainResult
        With dᵢ = postᵢ − preᵢ over the n complete pairs:

        * ``class_average_gain`` ⟨g⟩ = (⟨post⟩ − ⟨pre⟩)/(max − ⟨pre⟩), computed
          as Σdᵢ / Σ(max − preᵢ) (the same ratio);
        * ``mean_individual_gain`` ḡ = mean of gᵢ = dᵢ/(max − preᵢ) over preᵢ < max;
        * ``band``: Hake's band of ⟨g⟩ (see :func:`hake_band`);
        * ``t_test``: paired t-test, t = d̄/(s_d/√n) with n − 1 degrees of freedom,
          and the 95 % CI d̄ ± t₀.₉₇₅,ₙ₋₁·s_d/√n of the mean difference;
        * ``wilcoxon``: Wilcoxon signed-rank test on the same differences.

    Raises
    ------
    CalculationError
        If the inputs are not sequences of the same length, a score is not a
        number or is outside [0, max_score] (the message names the index and
        the value), max_score is not a positive number, or no pair is complete.

    Notes
    -----
    Which test to read. The paired t-test assumes the differences are roughly
    normal; with about 30 pairs or more (a rule of thumb) the central limit
    theorem makes it robust to moderate non-normality. The Wilcoxon signed-rank test assumes only that the differences
    are symmetric about their median; read it for small classes (fewer than
    about 30), when the differences are skewed or have outliers, or when many
    scores sit at the ceiling. Both are reported; they usually agree.

    With n < 2 neither test is computed (no variance). When every difference is
    the same (to 1e-9 of max_score) the t statistic is undefined (s_d = 0), so
    ``t_test`` is None; the Wilcoxon test still works unless every difference
    is zero. Differences are rounded to 1e-9 of max_score before ranking, so
    that 12.3 − 0.1 and 12.5 − 0.3 tie as they do in decimal arithmetic.

    References
    ----------
    R. R. Hake (1998), *Am. J. Phys.* 66(1), 64–74 (⟨g⟩ and the bands).
    L. Bao (2006), *Am. J. Phys.* 74(10), 917–922 (⟨g⟩ vs the mean of gᵢ).

    Examples
    --------
    Five participants, scores out of 100: ⟨pre⟩ = 50, ⟨post⟩ = 75, so
    ⟨g⟩ = 25/50 = 0.5 (medium); gᵢ = 0.5, 0.6, 0.375, 0.5, 0.5, mean 0.495.

    >>> r = normalized_gain([40, 50, 60, 30, 70], [70, 80, 75, 65, 85])
    >>> r.class_average_gain, r.mean_individual_gain, r.band, r.band_label
    (0.5, 0.495, 'medium', {'id': 'sedang', 'en': 'medium'})
    >>> round(r.t_test.t, 3), r.t_test.df, r.wilcoxon.p_value
    (5.976, 4, 0.0625)
    """
    top = _max_score(max_score)
    pre_values, pre_labels = _scores(pre, "pre", top)
    post_values, post_labels = _scores(post, "post", top)
    if pre_labels is not None and post_labels is not None and pre_labels != post_labels:
        raise CalculationError(
            "pre and post are pandas Series with different indexes: pairs are made by position, so put them in "
            "the same participant order first (e.g. post.reindex(pre.index)) or pass columns of one DataFrame"
        )
    if len(pre_values) != len(post_values):
        raise CalculationError(
            f"pre has {len(pre_values)} scores and post has {len(post_values)}: "
            "expected one pre-test and one post-test score per participant, in the same order"
        )
    rows = list(enumerate(zip(pre_values, post_values, strict=True)))
    pairs = [(a, b) for _, (a, b) in rows if a is not None and b is not None]
    kept = [i for i, (a, b) in rows if a is not None and b is not None]
    dropped = [i for i, (a, b) in rows if a is None or b is None]
    if not pairs:
        raise CalculationError(
            f"no participant has both a pre-test and a post-test score ({len(pre_values)} rows, all incomplete)"
        )
    n = len(pairs)
    notes: list[dict[str, str]] = []
    if dropped:
        where = _indices(dropped)
        notes.append(
            bilingual(
                f"{len(dropped)} pasangan tidak dihitung karena nilai pre-test atau post-test kosong ({where}).",
                f"{len(dropped)} pair(s) left out because the pre-test or post-test score is missing ({where}).",
            )
        )

    diffs = [b - a for a, b in pairs]
    room = [top - a for a, _ in pairs]
    class_gain = math.fsum(diffs) / math.fsum(room) if any(r > 0 for r in room) else None
    individual = [d / r for d, r in zip(diffs, room, strict=True) if r > 0]
    perfect = [i for i, (a, _) in zip(kept, pairs, strict=True) if a == top]
    if class_gain is None:
        notes.append(
            bilingual(
                f"Semua peserta mendapat nilai pre-test sempurna ({top:g}): N-gain tidak terdefinisi.",
                f"Every participant had a perfect pre-test ({top:g}): the normalised gain is undefined.",
            )
        )
    elif perfect:
        notes.append(
            bilingual(
                f"N-gain individu tidak terdefinisi untuk {len(perfect)} peserta dengan pre-test sempurna "
                f"({top:g}, {_indices(perfect)}); mereka tidak dihitung dalam rata-rata N-gain individu.",
                f"Individual gain undefined for {len(perfect)} participant(s) with a perfect pre-test "
                f"({top:g}, {_indices(perfect)}): left out of the mean of individual gains.",
            )
        )
    band = None if class_gain is None else hake_band(class_gain)
    t_test, wilcoxon = _paired_tests(diffs, [a for a, _ in pairs], [b for _, b in pairs], top, notes)
    return GainResult(
        n=n,
        n_dropped=len(dropped),
        max_score=top,
        mean_pre=math.fsum(a for a, _ in pairs) / n,
        mean_post=math.fsum(b for _, b in pairs) / n,
        class_average_gain=class_gain,
        mean_individual_gain=math.fsum(individual) / len(individual) if individual else None,
        n_individual_undefined=len(perfect),
        band=band,
        band_label=None if band is None else band_label(band),
        t_test=t_test,
        wilcoxon=wilcoxon,
        notes=tuple(notes),
    )


def _paired_tests(
    diffs: list[float], pre: list[float], post: list[float], top: float, notes: list[dict[str, str]]
) -> tuple[PairedTTest | None, WilcoxonTest | None]:
    """Both paired tests, or None for each that cannot be computed (guarded so scipy never warns)."""
    n = len(diffs)
    if n < 2:
        notes.append(
            bilingual(
                "Uji berpasangan memerlukan minimal 2 peserta; tidak dihitung.",
                "Paired tests need at least 2 participants; not computed.",
            )
        )
        return None, None
    from scipy import stats  # imported here: see the module docstring

    t_test = None
    if max(diffs) - min(diffs) <= _RESOLUTION * top:
        notes.append(
            bilingual(
                f"Semua selisih post − pre sama ({diffs[0]:g}): uji t tidak terdefinisi (simpangan baku 0).",
                f"Every post − pre difference is the same ({diffs[0]:g}): the t-test is undefined (SD 0).",
            )
        )
    else:
        res = stats.ttest_rel(post, pre)
        low, high = res.confidence_interval(confidence_level=CONFIDENCE)
        mean_d = math.fsum(diffs) / n
        sd = math.sqrt(math.fsum((d - mean_d) ** 2 for d in diffs) / (n - 1))
        t_test = PairedTTest(
            n=n,
            df=int(res.df),
            mean_difference=mean_d,
            sd_difference=sd,
            t=float(res.statistic),
            p_value=float(res.pvalue),
            ci_low=float(low),
            ci_high=float(high),
        )

    # Differences in units of _RESOLUTION·max_score: ranks and signs (all the test uses) are unchanged.
    steps = [float(round(d / (_RESOLUTION * top))) for d in diffs]
    nonzero = [s for s in steps if s != 0]
    if not nonzero:
        notes.append(
            bilingual(
                "Semua selisih post − pre nol: uji Wilcoxon tidak dapat dihitung.",
                "Every post − pre difference is zero: the Wilcoxon test cannot be computed.",
            )
        )
        return t_test, None
    ties = len({abs(s) for s in nonzero}) < len(nonzero)
    if not ties and len(nonzero) <= _EXACT_WILCOXON_MAX_N:
        method, scipy_method = "exact", "exact"
    elif ties and len(nonzero) <= _PERMUTATION_MAX_N:
        method, scipy_method = "permutation", stats.PermutationMethod()
    else:
        method, scipy_method = "normal approximation", "asymptotic"
    res = stats.wilcoxon(nonzero, method=scipy_method)
    wilcoxon = WilcoxonTest(
        n=len(nonzero),
        n_zero=n - len(nonzero),
        statistic=float(res.statistic),
        p_value=float(res.pvalue),
        method=method,
    )
    return t_test, wilcoxon


def _max_score(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not (math.isfinite(value) and value > 0):
        raise CalculationError(f"max_score = {value!r}: expected a positive number (the highest possible score)")
    return float(value)


def _scores(values: object, name: str, top: float) -> tuple[list[float | None], list[object] | None]:
    """Scores as floats (None where missing) and the Series labels; a bad score's error names index and value."""
    if isinstance(values, (str, bytes, Mapping)) or not isinstance(values, Iterable):
        raise CalculationError(f"{name}: expected a sequence of scores (list, numpy array or pandas Series)")
    if getattr(values, "ndim", 1) != 1:
        raise CalculationError(f"{name}: expected one score per participant (1-D), got {values.ndim} dimensions")
    labels = list(values.index) if hasattr(values, "iloc") else None
    items = values.tolist() if hasattr(values, "tolist") else list(values)
    out: list[float | None] = []
    for i, v in enumerate(items):
        if _missing(v):
            out.append(None)
            continue
        where = f"{name}[{i}]" if labels is None or labels[i] == i else f"{name}[{i}] (label {labels[i]!r})"
        if isinstance(v, bool) or not isinstance(v, numbers.Real):
            raise CalculationError(f"{where} = {v!r}: expected a number (NaN or None for a missing score)")
        if not 0 <= v <= top:
            raise CalculationError(f"{where} = {v!r}: expected a score from 0 to {top:g} (max_score)")
        out.append(float(v))
    return out, labels


def _missing(v: object) -> bool:
    if v is None:
        return True
    if isinstance(v, numbers.Real) and not isinstance(v, bool):
        return math.isnan(v)
    return type(v).__name__ == "NAType"  # pandas.NA, without importing pandas


def _indices(positions: list[int]) -> str:
    shown = ", ".join(str(i) for i in positions[:10])
    more = f" … (+{len(positions) - 10})" if len(positions) > 10 else ""
    return f"index {shown}{more}"
