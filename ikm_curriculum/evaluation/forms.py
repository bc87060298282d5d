"""Every workbook a participant receives: the training modules', the daily pre/post-tests and the survey.

A :class:`WorkbookPlan` says what one workbook holds and how the gradebook files
its exercises. Release, collect, grading, the demo and the reports all read the
plans from :func:`workbook_plans`, so a new kind of workbook is added here once.

- **Module workbooks** (``01_manajemen_mutu`` …): topics, worked examples and
  exercises of one training module (``content.yaml`` + ``exercises.py``).
- **Pre-test and post-test of each day** (``pretest_hari1``, ``posttest_hari1``
  …): the item-bank questions of the modules that start that day; the *same*
  items before and after, one point each, in an order shuffled per participant
  and per form, options shuffled too. Learning gain (Kirkpatrick level 2) is
  measured on these; their points do not count in the training score.
- **Satisfaction survey** (``survei_kepuasan``, Kirkpatrick level 1): one
  Likert exercise per aspect, not graded.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import numpy as np

from ikm_curriculum.assessment import ExerciseSpec, ParticipantContext
from ikm_curriculum.curriculum import DAYS, Curriculum, Module, default_curriculum
from ikm_curriculum.evaluation.item_bank import ItemBank, TestItem, load_item_bank, shuffled_options, test_form_items
from ikm_curriculum.evaluation.survey import Survey, load_survey

PHASES: tuple[str, ...] = ("pre", "post")
"""The two forms of each day's test, in the order they are taken."""

SURVEY_WORKBOOK = "survei_kepuasan"
EVALUATION_NOTEBOOK = "evaluasi"  # notebooks/participant/evaluasi.ipynb serves every test form and the survey

TEST_TITLES = {
    "pre": {"id": "Tes awal (pre-test) hari ke-{day}", "en": "Pre-test, day {day}"},
    "post": {"id": "Tes akhir (post-test) hari ke-{day}", "en": "Post-test, day {day}"},
}
TEST_INTRO = {
    "pre": {
        "id": "Jawablah sendiri, tanpa melihat catatan. Tidak apa-apa kalau belum tahu jawabannya: tes ini "
        "mengukur titik awal Anda, dan nilainya tidak masuk nilai akhir pelatihan.",
        "en": "Answer on your own, without notes. It is fine not to know the answer yet: this test measures "
        "where you start, and its score does not count in the training score.",
    },
    "post": {
        "id": "Soalnya sama dengan tes awal, urutannya berbeda. Jawablah sendiri, tanpa melihat catatan. "
        "Selisih dengan tes awal menunjukkan apa yang Anda pelajari hari ini.",
        "en": "The questions are those of the pre-test, in another order. Answer on your own, without notes. "
        "The difference from the pre-test shows what you learned today.",
    },
}
SURVEY_TITLE = {"id": "Survei kepuasan peserta", "en": "Participant satisfaction survey"}
SURVEY_INTRO = {
    "id": "Pendapat Anda membantu kami memperbaiki pelatihan berikutnya. Tidak ada jawaban benar atau salah, "
    "dan nilai pelatihan Anda tidak terpengaruh.",
    "en": "Your opinion helps us improve the next training. There are no right or wrong answers, and your "
    "training score is not affected.",
}


@dataclass(frozen=True)
class WorkbookPlan:
    """One workbook of every participant.

    Attributes
    ----------
    workbook : str
        File name without suffix (``<workbook>.ipynb``, ``<workbook>.answers.json``).
    module : str
        What the gradebook files its exercises under (``ExerciseInstanceRow.module``):
        the module id for a module workbook, else the workbook name.
    kind : str
        ``"module"``, ``"pre"``, ``"post"`` or ``"survey"``.
    title : dict
        ``{"id": ..., "en": ...}``.
    specs : tuple of ExerciseSpec
        The exercises, in the order of the workbook (before any shuffle).
    notebook : str
        The participant notebook released for it (``notebooks/participant/<notebook>.ipynb``).
    day : int or None
        The day the workbook belongs to (``None`` for the survey).
    shuffle : bool
        Whether each participant gets the exercises in an order of their own.
    intro : dict or None
        A text shown above the exercises, in both languages.
    source : Module or None
        The training module of a module workbook (its topics and worked examples).
    """

    workbook: str
    module: str
    kind: str
    title: dict[str, str]
    specs: tuple[ExerciseSpec, ...]
    notebook: str
    day: int | None = None
    shuffle: bool = False
    intro: dict[str, str] | None = None
    source: Module | None = None

    @property
    def is_training(self) -> bool:
        """Whether its points count in the training score (module workbooks only)."""
        return self.kind == "module"


def form_workbook(phase: str, day: int) -> str:
    """The workbook name of a day's test form.

    >>> form_workbook("pre", 1)
    'pretest_hari1'
    """
    if phase not in PHASES:
        raise ValueError(f"test phase {phase!r}: expected one of {', '.join(PHASES)}")
    return f"{phase}test_hari{day}"


def form_exercise_id(phase: str, day: int, item_id: str) -> str:
    """The exercise id of an item on a day's test form; pre and post share the item id after the dot.

    >>> form_exercise_id("post", 2, "assets.03")
    'post2.assets.03'
    """
    return f"{phase}{day}.{item_id}"


def item_id_of(exercise_id: str) -> str:
    """The item-bank id inside a test exercise id.

    >>> item_id_of("pre1.quality.05")
    'quality.05'
    """
    return exercise_id.split(".", 1)[1]


def first_day(module: Module) -> int:
    """The day of the module's first session."""
    return min(session.day for session in module.sessions)


def _item_spec(exercise_id: str, item: TestItem) -> ExerciseSpec:
    def generate(rng: np.random.Generator, context: ParticipantContext) -> tuple[dict[str, Any], dict[str, Any]]:
        return shuffled_options(item, rng), item.key()

    return ExerciseSpec(exercise_id, "single_choice", 1.0, True, generate)


def module_plan(module: Module, curriculum: Curriculum) -> WorkbookPlan:
    """The plan of a training module's workbook."""
    return WorkbookPlan(
        workbook=str(module.workbook),
        module=module.id,
        kind="module",
        title=module.title.model_dump(),
        specs=tuple(curriculum.exercise_specs(module.id)),
        notebook=str(module.workbook),
        day=first_day(module),
        source=module,
    )


def daily_test_plans(curriculum: Curriculum, bank: ItemBank, day: int) -> tuple[WorkbookPlan, ...]:
    """The pre-test and post-test of ``day`` (none if no module starts that day)."""
    items = test_form_items(bank, curriculum, day)
    if not items:
        return ()
    plans = []
    for phase in PHASES:
        name = form_workbook(phase, day)
        specs = tuple(_item_spec(form_exercise_id(phase, day, item.item_id), item) for item in items)
        title = {lang: text.format(day=day) for lang, text in TEST_TITLES[phase].items()}
        plans.append(WorkbookPlan(name, name, phase, title, specs, EVALUATION_NOTEBOOK, day, True, TEST_INTRO[phase]))
    return tuple(plans)


def survey_plan(survey: Survey) -> WorkbookPlan:
    """The plan of the satisfaction survey's workbook."""
    specs = tuple(survey.exercise_specs())
    return WorkbookPlan(
        SURVEY_WORKBOOK, SURVEY_WORKBOOK, "survey", SURVEY_TITLE, specs, EVALUATION_NOTEBOOK, intro=SURVEY_INTRO
    )


def workbook_plans(
    curriculum: Curriculum | None = None, bank: ItemBank | None = None, survey: Survey | None = None
) -> tuple[WorkbookPlan, ...]:
    """Every workbook of the training: module workbooks in module order, then each day's tests, then the survey."""
    curriculum = curriculum or default_curriculum()
    bank = bank or load_item_bank(curriculum)
    survey = survey or load_survey()
    modules = tuple(module_plan(m, curriculum) for m in curriculum.modules if m.workbook)
    tests = tuple(plan for day in DAYS for plan in daily_test_plans(curriculum, bank, day))
    return modules + tests + (survey_plan(survey),)


@functools.lru_cache(maxsize=1)
def default_plans() -> tuple[WorkbookPlan, ...]:
    """:func:`workbook_plans` of the shipped curriculum, item bank and survey (loaded once)."""
    return workbook_plans()


def plan_of_workbook(workbook: str, plans: tuple[WorkbookPlan, ...] | None = None) -> WorkbookPlan:
    """The plan of ``workbook``; ``KeyError`` naming the known workbooks otherwise."""
    for plan in plans or default_plans():
        if plan.workbook == workbook:
            return plan
    known = ", ".join(p.workbook for p in plans or default_plans())
    raise KeyError(f"unknown workbook {workbook!r}; known: {known}")


def workbook_of_module(plans: tuple[WorkbookPlan, ...] | None = None) -> dict[str, str]:
    """Gradebook module (``ExerciseInstanceRow.module``) → the workbook its exercises are released in."""
    return {plan.module: plan.workbook for plan in plans or default_plans()}


def training_modules(plans: tuple[WorkbookPlan, ...] | None = None) -> tuple[str, ...]:
    """The gradebook modules whose points make the training score (module workbooks), in order."""
    return tuple(plan.module for plan in plans or default_plans() if plan.is_training)
