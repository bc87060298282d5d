"""Scoring a field-visit observation (hasil pengamatan kunjungan lapangan): scores, findings, comparison.

Each item of the checklist (:mod:`.checklist`) is answered ``ya`` (met),
``tidak`` (not met) or ``tb`` (*tidak berlaku*, not applicable), with an
optional note; an item left empty is *unanswered*. Scoring (project
decisions, certainty: check — in the style of
:mod:`ikm_curriculum.modules.quality.five_r_audit`, where an item not audited
is left out rather than counted as 0)::

    section score  S = 100 · met / (met + not met)      (tb and unanswered left out;
                                                           None if met + not met = 0)
    overall score    = mean of the section scores that are not None
                       (each section weighs the same; None if no section has a score)

Every section weighs the same in the overall score, so that a food centre's
20 CPPB-IRT items do not drown its 5R, layout and asset observations, and a
food and a non-food centre stay comparable. A "not met" is a *finding*;
for a CPPB-IRT item it carries the grade of the inspection form
(:data:`~.checklist.CPPB_FORM_ITEMS`, check). The counts per grade can be
passed to :func:`ikm_curriculum.modules.quality.cppb_irt.inspection_level`
for an indicative IRTP level — indicative only: a visit is not an inspection.
"""

from __future__ import annotations

import difflib
from dataclasses import asdict, dataclass
from types import MappingProxyType
from typing import Any, Mapping

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.field_visit.checklist import (
    CHECKLIST,
    CPPB_GRADE_CERTAINTY,
    SECTIONS,
    ChecklistItem,
    check_checklist,
    checklist_for,
    is_food_centre,
)
from ikm_curriculum.modules.quality.commodities import Text, profile_for
from ikm_curriculum.modules.quality.cppb_irt import GRADES

ANSWERS: Mapping[str, Text] = MappingProxyType(
    {
        "ya": Text("Ya (terpenuhi)", "Yes (met)"),
        "tidak": Text("Tidak (tidak terpenuhi)", "No (not met)"),
        "tb": Text("Tidak berlaku", "Not applicable"),
    }
)
"""The three answers, with the label a widget shows."""

_ALIASES: Mapping[str, str] = MappingProxyType({"tidak berlaku": "tb"})

OVERALL_RULE = "mean of the section scores (each section weighs the same); sections without a score left out"


@dataclass(frozen=True)
class SectionScore:
    """Counts and score (0–100, None if nothing applicable was answered) of one section."""

    section: str
    name: Text
    items: int
    met: int
    not_met: int
    not_applicable: int
    unanswered: int
    score: float | None

    def to_dict(self) -> dict[str, Any]:
        """Plain values.

        >>> SectionScore("aset", Text("Aset", "Assets"), 6, 3, 1, 2, 0, 75.0).to_dict()["score"]
        75.0
        """
        return asdict(self)


@dataclass(frozen=True)
class VisitFinding:
    """An item answered ``tidak``: where, what, the CPPB-IRT grade (cppb items only) and the note."""

    key: str
    section: str
    text: Text
    aspect: str | None
    grade: str | None
    note: str

    def to_dict(self) -> dict[str, Any]:
        """Plain values.

        >>> VisitFinding("aset.kib_label", "aset", Text("a", "b"), None, None, "").to_dict()["grade"] is None
        True
        """
        return asdict(self)


@dataclass(frozen=True)
class ObservationResult:
    """Scores per section and overall, findings, CPPB-IRT counts per grade, unanswered items."""

    commodity: str
    profile: str
    food: bool
    sections: tuple[SectionScore, ...]
    overall: float | None
    findings: tuple[VisitFinding, ...]
    cppb_counts: Mapping[str, int] | None
    unanswered: tuple[str, ...]
    answers: Mapping[str, str]
    notes: Mapping[str, str]
    checklist: tuple[ChecklistItem, ...]

    def score_of(self, section: str) -> float | None:
        """Score of one section of this observation (None: nothing applicable answered).

        >>> observation_result({"aset.kib_label": "ya"}, "tenun").score_of("aset")
        100.0
        """
        for s in self.sections:
            if s.section == section:
                return s.score
        raise CalculationError(
            f"section {section!r} is not in this observation; it has {[s.section for s in self.sections]}"
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain values (JSON-able) for the cohort report.

        >>> observation_result({"5r.r1_bench": "tidak"}, "meubel").to_dict()["findings"][0]["key"]
        '5r.r1_bench'
        """
        return {
            "commodity": self.commodity,
            "profile": self.profile,
            "food": self.food,
            "sections": [s.to_dict() for s in self.sections],
            "overall": self.overall,
            "overall_rule": OVERALL_RULE,
            "findings": [f.to_dict() for f in self.findings],
            "cppb_counts": None if self.cppb_counts is None else dict(self.cppb_counts),
            "cppb_grade_certainty": None if self.cppb_counts is None else CPPB_GRADE_CERTAINTY,
            "unanswered": list(self.unanswered),
            "answers": dict(self.answers),
            "notes": dict(self.notes),
        }


def _answer(key: str, value: object) -> tuple[str | None, str]:
    """(answer or None if unanswered, note) from a text, None, or ``{"answer": ..., "note": ...}``."""
    note: object = ""
    if isinstance(value, Mapping):
        extra = sorted(str(k) for k in value if k not in ("answer", "note"))
        if extra:
            raise CalculationError(f"item {key!r}: expected the fields 'answer' and 'note', got also {extra}")
        note = "" if value.get("note") is None else value.get("note")
        value = value.get("answer")
    if not isinstance(note, str):
        raise CalculationError(f"item {key!r}: note must be text, got {note!r}")
    if value is None:
        return None, note.strip()
    if not isinstance(value, str):
        raise CalculationError(f"item {key!r}: answer must be 'ya', 'tidak' or 'tb' (tidak berlaku), got {value!r}")
    text = " ".join(value.lower().split())
    text = _ALIASES.get(text, text)
    if text == "":
        return None, note.strip()
    if text not in ANSWERS:
        raise CalculationError(
            f"item {key!r}: answer must be 'ya' (met), 'tidak' (not met) or 'tb' (tidak berlaku), got {value!r}"
        )
    return text, note.strip()


def _unknown_key(key: object, in_use: dict[str, ChecklistItem], full: dict[str, ChecklistItem], commodity: str) -> str:
    if isinstance(key, str) and key in full:
        return (
            f"item {key!r} is a CPPB-IRT item, which is for food centres only; {commodity!r} is observed "
            "without it (leave the item out, or pass food=True if the centre does make food)"
        )
    close = difflib.get_close_matches(str(key), list(in_use), n=1)
    hint = f"did you mean {close[0]!r}?" if close else f"keys look like {next(iter(in_use))!r}"
    return f"unknown checklist item {key!r} in answers; {hint}"


def observation_result(
    answers: Mapping[str, object],
    commodity: str,
    food: bool | None = None,
    checklist: tuple[ChecklistItem, ...] = CHECKLIST,
) -> ObservationResult:
    """Score one group's observation of a centre; list the findings (module docstring: the formulas).

    S = 100 · met / (met + not met) per section, ``tb`` and unanswered items
    left out, None when nothing applicable was answered; overall = mean of
    the section scores that are not None. Certainty: check (project
    decisions, see the module docstring). A non-food centre has no cppb
    section (:func:`~.checklist.checklist_for`).

    Parameters
    ----------
    answers : mapping of item key to answer
        An answer is ``"ya"``, ``"tidak"`` or ``"tb"`` (case and spaces
        ignored; ``"tidak berlaku"`` = ``"tb"``), or a mapping
        ``{"answer": ..., "note": ...}`` as a widget gives it. ``None``, an
        empty text or a missing key: unanswered (listed, not scored).
    commodity : str
        The centre's commodity as in the roster (decides food / non-food).
    food : bool or None, default None
        Override of :func:`~.checklist.is_food_centre`.
    checklist : tuple of ChecklistItem, default CHECKLIST

    Returns
    -------
    ObservationResult

    Raises
    ------
    CalculationError
        ``answers`` not a mapping; an unknown item key (or a cppb item for a
        non-food centre); an answer other than ya / tidak / tb; a note that is
        not text; an empty commodity; a bad checklist.

    Examples
    --------
    5R: 1 met, 1 not met → 50; assets: 1 not met, 1 n/a → 0; layout: none → None;
    overall (50 + 0) / 2 = 25.

    >>> r = observation_result({"5r.r1_unused": "ya", "5r.r1_bench": "tidak",
    ...     "aset.kib_label": {"answer": "tidak", "note": "label mixer lepas"}, "aset.use_agreement": "tb"}, "tenun")
    >>> r.score_of("5r"), r.score_of("aset"), r.score_of("tata_letak"), r.overall
    (50.0, 0.0, None, 25.0)
    >>> [(f.key, f.note) for f in r.findings]
    [('5r.r1_bench', ''), ('aset.kib_label', 'label mixer lepas')]

    CPPB-IRT findings carry the form's grade; the counts fit ``inspection_level``:

    >>> from ikm_curriculum.modules.quality.cppb_irt import inspection_level
    >>> f = observation_result({"cppb.e_bins": "tidak", "cppb.f_no_eating": "tidak"}, "abon ikan")
    >>> dict(f.cppb_counts), inspection_level(f.cppb_counts).level_name
    ({'minor': 0, 'major': 1, 'serious': 0, 'critical': 1}, 'Level IV')
    """
    full = check_checklist(checklist)
    if food is None:
        food = is_food_centre(commodity)
    items = checklist_for(commodity, food, checklist)
    in_use = {item.key: item for item in items}
    if not isinstance(answers, Mapping):
        raise CalculationError("answers must be a mapping of item key to 'ya', 'tidak' or 'tb'")
    if not in_use:
        raise CalculationError(f"the checklist for {commodity!r} has no items")
    given: dict[str, str] = {}
    notes: dict[str, str] = {}
    for key, value in answers.items():
        if key not in in_use:
            raise CalculationError(_unknown_key(key, in_use, full, commodity))
        answer, note = _answer(key, value)
        if answer is not None:
            given[key] = answer
        if note:
            notes[key] = note

    sections: list[SectionScore] = []
    for section in SECTIONS:
        keys = [item.key for item in items if item.section == section.key]
        if not keys:
            continue
        got = [given.get(k) for k in keys]
        met, not_met, na = got.count("ya"), got.count("tidak"), got.count("tb")
        score = 100.0 * met / (met + not_met) if met + not_met else None
        sections.append(SectionScore(section.key, section.name, len(keys), met, not_met, na, got.count(None), score))
    scored = [s.score for s in sections if s.score is not None]

    findings = tuple(
        VisitFinding(item.key, item.section, item.text, item.aspect, item.grade_if_not_met, notes.get(item.key, ""))
        for item in items
        if given.get(item.key) == "tidak"
    )
    counts: dict[str, int] | None = None
    if any(item.section == "cppb" for item in items):
        counts = {g.code: 0 for g in GRADES}
        for finding in findings:
            if finding.grade is not None:
                counts[finding.grade] += 1
    return ObservationResult(
        commodity=commodity,
        profile=profile_for(commodity).key,
        food=food,
        sections=tuple(sections),
        overall=sum(scored) / len(scored) if scored else None,
        findings=findings,
        cppb_counts=None if counts is None else MappingProxyType(counts),
        unanswered=tuple(item.key for item in items if item.key not in given),
        answers=MappingProxyType({item.key: given[item.key] for item in items if item.key in given}),
        notes=MappingProxyType(notes),
        checklist=items,
    )


@dataclass(frozen=True)
class Disagreement:
    """An item both observations answered, differently; with both notes, for class discussion."""

    key: str
    section: str
    text: Text
    answer_a: str
    answer_b: str
    note_a: str
    note_b: str

    def to_dict(self) -> dict[str, Any]:
        """Plain values.

        >>> Disagreement("k", "aset", Text("a", "b"), "ya", "tidak", "", "rusak").to_dict()["answer_b"]
        'tidak'
        """
        return asdict(self)


@dataclass(frozen=True)
class ObservationComparison:
    """Differences b − a per section and overall (points), items answered differently, percent agreement."""

    per_section: Mapping[str, float | None]
    overall: float | None
    disagreements: tuple[Disagreement, ...]
    only_one_answered: tuple[str, ...]
    agreement: float | None
    a: ObservationResult
    b: ObservationResult

    def to_dict(self) -> dict[str, Any]:
        """Plain values (JSON-able).

        >>> t = observation_result({"aset.kib_label": "ya"}, "tenun")
        >>> compare_observations(t, t).to_dict()["agreement"]
        100.0
        """
        return {
            "per_section": dict(self.per_section),
            "overall": self.overall,
            "disagreements": [d.to_dict() for d in self.disagreements],
            "only_one_answered": list(self.only_one_answered),
            "agreement": self.agreement,
            "a": self.a.to_dict(),
            "b": self.b.to_dict(),
        }


def _difference(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None else b - a


def compare_observations(a: ObservationResult, b: ObservationResult) -> ObservationComparison:
    """Compare two observations of the same centre (two visits, or two groups on one visit).

    Δ per section = S_b − S_a and Δ overall = overall_b − overall_a, in
    points (None if either is None); the items both answered differently
    (``ya`` / ``tidak`` / ``tb``), with both notes; the items only one of
    them answered; and the percent agreement p_o = 100 · (items answered
    alike) / (items answered by both), the observed agreement of J. Cohen,
    "A coefficient of agreement for nominal scales", *Educational and
    Psychological Measurement* 20 (1960) — firm (a definition). None if no
    item was answered by both.

    Parameters
    ----------
    a, b : ObservationResult
        Results of :func:`observation_result` on the same checklist.

    Returns
    -------
    ObservationComparison

    Raises
    ------
    CalculationError
        Not two results, or results on different checklists (e.g. a food and
        a non-food centre).

    Examples
    --------
    Group A: KIB label ya, log ya; group B: KIB label tidak, log ya. Assets
    100 → 50: Δ = −50; they agree on 1 of 2 items answered by both: 50 %.

    >>> ga = observation_result({"aset.kib_label": "ya", "aset.machine_log": "ya"}, "perak")
    >>> gb = observation_result({"aset.kib_label": "tidak", "aset.machine_log": "ya", "5r.r1_bench": "ya"}, "perak")
    >>> c = compare_observations(ga, gb)
    >>> c.per_section["aset"], c.per_section["5r"], c.agreement, [d.key for d in c.disagreements]
    (-50.0, None, 50.0, ['aset.kib_label'])
    >>> c.only_one_answered
    ('5r.r1_bench',)
    """
    if not isinstance(a, ObservationResult) or not isinstance(b, ObservationResult):
        raise CalculationError("compare_observations needs two results of observation_result (a, b)")
    if [i.key for i in a.checklist] != [i.key for i in b.checklist]:
        kind = {True: "food", False: "non-food"}
        raise CalculationError(
            f"the two observations used different checklists (a: {a.commodity!r}, {kind[a.food]}, "
            f"{len(a.checklist)} items; b: {b.commodity!r}, {kind[b.food]}, {len(b.checklist)} items); "
            "compare observations of the same centre"
        )
    items = {i.key: i for i in a.checklist}
    per_section = {sa.section: _difference(sa.score, sb.score) for sa, sb in zip(a.sections, b.sections, strict=True)}
    both = [i.key for i in a.checklist if i.key in a.answers and i.key in b.answers]
    notes = (a.notes.get, b.notes.get)
    disagreements = tuple(
        Disagreement(k, items[k].section, items[k].text, a.answers[k], b.answers[k], notes[0](k, ""), notes[1](k, ""))
        for k in both
        if a.answers[k] != b.answers[k]
    )
    only_one = tuple(i.key for i in a.checklist if (i.key in a.answers) != (i.key in b.answers))
    agreement = 100.0 * (len(both) - len(disagreements)) / len(both) if both else None
    return ObservationComparison(
        per_section=MappingProxyType(per_section),
        overall=_difference(a.overall, b.overall),
        disagreements=disagreements,
        only_one_answered=only_one,
        agreement=agreement,
        a=a,
        b=b,
    )
