"""Escalating sanctions (sanksi bertahap): which step of the ladder a violation gets.

The rule (the format's own, see :mod:`.ruleset`)::

    k    = 1 + number of earlier violations of the same member with  t − t' < W days
           (of the same rule if ``hitung: sama_aturan``, of any rule if ``semua_aturan``)
    step = ladder[min(k, len(ladder)) − 1]          (none if the ladder is empty)

with W = ``sanksi.jendela_hari``: a violation older than the window no longer
counts, so a member who keeps the rules for W days starts again at the first
step. Every violation counts, also one of a rule with ``sanksi: tidak_ada``.

Sources: progressive discipline — oral warning, written warning, suspension,
dismissal, each step for a repeated offence — is the textbook pattern of
G. Dessler, *Human Resource Management* (Pearson), the section on employee
discipline ("progressive discipline") — likely. Indonesian labour law uses
the same idea with a look-back: warning letters SP1–SP3, each valid at most
6 months (UU 13/2003 art. 161(2), carried on by PP 35/2021) — an analogy for
employees, not a rule for members of a centre; cited from memory: check the
article numbers. The steps, their order and the window of a centre are its
own decision, agreed by its members (check).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from types import MappingProxyType
from typing import Mapping

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.quality.commodities import Text
from ikm_curriculum.modules.rules.ruleset import COUNT_MODES, NO_SANCTION

ESCALATION_SOURCE = (
    "Progressive discipline (oral warning, written warning, suspension, dismissal): G. Dessler, Human Resource "
    "Management (Pearson), section on employee discipline; look-back of warning letters: UU 13/2003 art. 161(2), "
    "6 months each (employment, an analogy only). The steps and window of a centre are its own decision."
)
ESCALATION_CERTAINTY = "likely"  # the pattern; any centre's steps and window: check

STEP_LABELS: Mapping[str, Text] = MappingProxyType(
    {
        "teguran_lisan": Text("teguran lisan", "oral warning"),
        "teguran_tertulis": Text("teguran tertulis", "written warning"),
        "pemberhentian": Text("pemberhentian sebagai anggota", "end of membership"),
        NO_SANCTION: Text("tidak ada sanksi", "no sanction"),
    }
)
"""Labels of the usual steps; ``skorsing_N_hari`` is read as an N-day suspension, other steps as written."""

_SUSPENSION = re.compile(r"^skorsing_(\d+)_hari$")


def step_label(step: str) -> Text:
    """Participant-facing label of a step of the ladder.

    >>> step_label("skorsing_7_hari")
    Text(id='skorsing 7 hari (tidak boleh memakai mesin)', en='7-day suspension (no use of the machines)')
    >>> step_label("denda_ganti_rugi").en
    'denda ganti rugi'
    """
    if step in STEP_LABELS:
        return STEP_LABELS[step]
    match = _SUSPENSION.match(step)
    if match:
        days = match.group(1)
        return Text(
            f"skorsing {days} hari (tidak boleh memakai mesin)", f"{days}-day suspension (no use of the machines)"
        )
    plain = step.replace("_", " ")
    return Text(plain, plain)


def escalation_counts(
    violations: Sequence[tuple[str, str, dt.datetime]], window_days: int, count: str = "sama_aturan"
) -> list[int]:
    """k of each violation: 1 + the earlier ones of the same member (and rule) within the window.

    Parameters
    ----------
    violations : sequence of (member, rule id, time)
        In time order (ties: the order given).
    window_days : int
        W, the look-back window in days (≥ 1); an earlier violation counts if t − t' < W days.
    count : {"sama_aturan", "semua_aturan"}
        Count earlier violations of the same rule only, or of every rule.

    Returns
    -------
    list of int

    Examples
    --------
    Hand-computed, W = 90: days 0, 10, 20 → k = 1, 2, 3; day 200 → nothing in (110, 200] → k = 1.

    >>> t0 = dt.datetime(2024, 1, 1)
    >>> days = [0, 10, 20, 200]
    >>> escalation_counts([("A01", "R1", t0 + dt.timedelta(days=d)) for d in days], 90)
    [1, 2, 3, 1]

    Two rules: counted apart (sama_aturan) or together (semua_aturan).

    >>> v = [("A01", "R1", t0), ("A01", "R2", t0 + dt.timedelta(days=1))]
    >>> escalation_counts(v, 90), escalation_counts(v, 90, "semua_aturan")
    ([1, 1], [1, 2])
    """
    if isinstance(window_days, bool) or not isinstance(window_days, int) or window_days < 1:
        raise CalculationError(f"window_days: expected a whole number of days ≥ 1, got {window_days!r}")
    if count not in COUNT_MODES:
        raise CalculationError(f"count: expected one of {', '.join(COUNT_MODES)}, got {count!r}")
    window = dt.timedelta(days=window_days)
    history: dict[tuple[str, str], list[dt.datetime]] = {}
    out: list[int] = []
    for member, rule, time in violations:
        key = (member, rule if count == "sama_aturan" else "")
        earlier = history.setdefault(key, [])
        out.append(1 + sum(1 for t in earlier if time - t < window))
        earlier.append(time)
    return out


def step_due(ladder: Sequence[str], k: int) -> tuple[str, int | None]:
    """The step for the k-th violation: ``ladder[min(k, n) − 1]`` and its 0-based index.

    An empty ladder gives ``("tidak_ada", None)``.

    >>> ladder = ("teguran_lisan", "teguran_tertulis", "pemberhentian")
    >>> step_due(ladder, 1), step_due(ladder, 5), step_due((), 2)
    (('teguran_lisan', 0), ('pemberhentian', 2), ('tidak_ada', None))
    """
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        raise CalculationError(f"k: expected the number of the violation (1, 2, ...), got {k!r}")
    if not ladder:
        return NO_SANCTION, None
    index = min(k, len(ladder)) - 1
    return ladder[index], index
