"""Item bank of the pre-test / post-test: multiple-choice items of each module, from its ``test_items.yaml``.

Every training module folder ``modules/<id>/`` holds a ``test_items.yaml`` next
to its ``content.yaml``: four-option items, each tagged with the learning
objective it tests (a 1-based index into the module's ``objectives``), every
wrong option with the misconception it reflects, and an explanation of the key
for the participant's feedback page. This file reads them, like
:mod:`ikm_curriculum.curriculum` reads ``content.yaml``: every problem raises
:class:`~ikm_curriculum.errors.ContentError` naming the file and the key path,
e.g. ``.../quality/test_items.yaml: items[3].options: expected exactly one
correct option, got 2 (a, c)``.

A day's test form holds the items of the modules whose first session is on
that day (:func:`test_form_items`); the same items are used before and after,
with options shuffled per participant (:func:`shuffled_options`): the key is an
option id, so the shuffle never changes the scoring.

>>> bank = load_item_bank()
>>> item = bank.item("quality.01")
>>> item.module, item.key()["correct"] in [o["id"] for o in item.options]
('quality', True)
>>> [i.module for i in test_form_items(bank, default_curriculum(), 1)][:1]
['quality']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import numpy as np
from pydantic import Field, StrictBool, StrictInt, StrictStr, ValidationError, field_validator

# The curriculum's private helpers are shared on purpose: one wording of content errors for both kinds of file.
from ikm_curriculum.curriculum import (
    DAYS,
    Curriculum,
    Module,
    Text,
    _describe,
    _duplicate,
    _Frozen,
    _key_path,
    _read_yaml,
    _short,
    default_curriculum,
)
from ikm_curriculum.errors import ContentError

ITEMS_FILE = "test_items.yaml"
"""Name of the item file in every module folder."""

OPTION_IDS: tuple[str, ...] = ("a", "b", "c", "d")
"""Option ids of every item, in the order they are written."""

MODULES_ROOT = Path(__file__).resolve().parent.parent / "modules"
"""The package's module folders (as :func:`ikm_curriculum.curriculum.load_curriculum` reads them)."""


# --------------------------------------------------------------------------- schema (structure and types)


class _OptionModel(_Frozen):
    id: StrictStr
    text: Text
    correct: StrictBool = False
    misconception: Text | None = None


class _ItemModel(_Frozen):
    id: StrictStr
    objective: StrictInt
    stem: Text
    options: tuple[_OptionModel, ...]
    explanation: Text
    source: StrictStr | None = None

    @field_validator("source")
    @classmethod
    def _source(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise ValueError("expected non-empty text (or leave the key out)")
        return value


class _FileModel(_Frozen):
    module: StrictStr
    items: Annotated[tuple[_ItemModel, ...], Field(min_length=1)]


# --------------------------------------------------------------------------- public types


@dataclass(frozen=True)
class TestItem:
    """One multiple-choice item: stem, four options, the key and why it is right.

    ``options`` are dicts ``{"id", "text": {"id", "en"}, "misconception": {"id", "en"} | None}``
    in the written order (a–d); ``correct`` is the id of the right option.
    """

    __test__ = False  # a library class whose name starts with "Test": pytest must not collect it

    item_id: str
    module: str
    objective: int
    stem: dict[str, str]
    options: tuple[dict[str, Any], ...]
    correct: str
    explanation: dict[str, str]
    source: str = ""

    def to_public(self) -> dict[str, Any]:
        """The public part of a ``single_choice`` exercise, in both languages (never the key).

        ``{"prompt": {"id", "en"}, "options": [{"id", "label": {"id", "en"}}, ...]}``, the shape the
        widget front (:mod:`ikm_curriculum.widgets.fronts`) and the kind's checks read.

        >>> part = load_item_bank().item("quality.03").to_public()
        >>> sorted(part), [o["id"] for o in part["options"]]
        (['options', 'prompt'], ['a', 'b', 'c', 'd'])
        """
        return {
            "prompt": dict(self.stem),
            "options": [{"id": o["id"], "label": dict(o["text"])} for o in self.options],
        }

    def key(self) -> dict[str, Any]:
        """The key of the exercise: the right option's id and the explanation shown on the feedback page."""
        return {"correct": self.correct, "explanation": dict(self.explanation)}

    def option(self, option_id: str) -> dict[str, Any]:
        """The option ``option_id`` (a copy); ``KeyError`` naming the item otherwise."""
        for option in self.options:
            if option["id"] == option_id:
                return dict(option)
        raise KeyError(f"{self.item_id}: no option {option_id!r}; options: {', '.join(o['id'] for o in self.options)}")

    def to_dict(self) -> dict[str, Any]:
        """Plain values (options as a list)."""
        return {
            "item_id": self.item_id,
            "module": self.module,
            "objective": self.objective,
            "stem": dict(self.stem),
            "options": [dict(o) for o in self.options],
            "correct": self.correct,
            "explanation": dict(self.explanation),
            "source": self.source,
        }


@dataclass(frozen=True)
class ItemBank:
    """All items, in module order (the curriculum's), then by id within a module."""

    items: tuple[TestItem, ...]

    @property
    def modules(self) -> tuple[str, ...]:
        """Module ids that have items, in bank order."""
        return tuple(dict.fromkeys(item.module for item in self.items))

    def for_modules(self, module_ids: Iterable[str] | str) -> tuple[TestItem, ...]:
        """Items of ``module_ids``, module by module in the order given; ``KeyError`` on an unknown module."""
        ids = (module_ids,) if isinstance(module_ids, str) else tuple(module_ids)
        unknown = [m for m in ids if m not in self.modules]
        if unknown:
            raise KeyError(f"no items for module(s) {', '.join(map(repr, unknown))}; known: {', '.join(self.modules)}")
        return tuple(item for module_id in ids for item in self.items if item.module == module_id)

    def item(self, item_id: str) -> TestItem:
        """The item ``item_id`` (e.g. ``"assets.03"``); ``KeyError`` otherwise."""
        for item in self.items:
            if item.item_id == item_id:
                return item
        raise KeyError(f"unknown test item {item_id!r}")


# --------------------------------------------------------------------------- loading


def _check_item(item: _ItemModel, i: int, module: Module) -> list[str]:
    """Problems of one item that its types do not catch, each as ``key path: message``."""
    where = f"items[{i}]"
    problems: list[str] = []
    n = len(module.objectives)
    if not 1 <= item.objective <= n:
        problems.append(
            f"{where}.objective: expected the number of one of the module's objectives, 1 to {n} "
            f"(content.yaml), got {item.objective}"
        )
    options = item.options
    if len(options) != len(OPTION_IDS):
        problems.append(f"{where}.options: expected exactly {len(OPTION_IDS)} options (a, b, c, d), got {len(options)}")
    else:
        for k, (option, expected) in enumerate(zip(options, OPTION_IDS, strict=True)):
            if option.id != expected:
                problems.append(
                    f"{where}.options[{k}].id: expected {expected!r} (a, b, c, d in order), got {_short(option.id)}"
                )
    right = [o.id for o in options if o.correct]
    if len(right) != 1:
        problems.append(
            f"{where}.options: expected exactly one correct option, got {len(right)} ({', '.join(right) or 'none'})"
        )
    for k, option in enumerate(options):
        if not option.correct and option.misconception is None:
            problems.append(
                f"{where}.options[{k}].misconception: required on every wrong option (the real mistake it reflects)"
            )
        if option.correct and option.misconception is not None:
            problems.append(f"{where}.options[{k}].misconception: the correct option takes no misconception")
    for lang in ("id", "en"):
        twice = _duplicate([o.text.get(lang).strip().casefold() for o in options])
        if twice is not None:
            problems.append(f"{where}.options[{twice[1]}].text.{lang}: same text as options[{twice[0]}]")
    return problems


def _check_ids(items: tuple[_ItemModel, ...], module_id: str) -> list[str]:
    pattern = re.compile(rf"{re.escape(module_id)}\.(0[1-9]|[1-9][0-9])")
    problems: list[str] = []
    seen: dict[str, int] = {}
    last = None
    for i, item in enumerate(items):
        match = pattern.fullmatch(item.id)
        if item.id in seen:
            problems.append(f"items[{i}].id: {item.id!r} is already used by items[{seen[item.id]}]")
        elif match is None:
            problems.append(
                f"items[{i}].id: expected '{module_id}.NN' (the module id, a dot and two digits from 01), "
                f"got {_short(item.id)}"
            )
        elif last is not None and match.group(1) <= last:
            problems.append(
                f"items[{i}].id: expected ids in increasing order, {item.id!r} comes after '{module_id}.{last}'"
            )
        seen.setdefault(item.id, i)
        last = match.group(1) if match is not None else last
    return problems


def _to_item(item: _ItemModel, module_id: str) -> TestItem:
    options = tuple(
        {
            "id": o.id,
            "text": o.text.model_dump(),
            "misconception": None if o.misconception is None else o.misconception.model_dump(),
        }
        for o in item.options
    )
    return TestItem(
        item_id=item.id,
        module=module_id,
        objective=item.objective,
        stem=item.stem.model_dump(),
        options=options,
        correct=next(o.id for o in item.options if o.correct),
        explanation=item.explanation.model_dump(),
        source=item.source or "",
    )


def load_items_file(path: Path, module: Module) -> tuple[TestItem, ...]:
    """Load and check one module's ``test_items.yaml``.

    Parameters
    ----------
    path : Path
        The file; its folder is named after the module.
    module : Module
        The module of the curriculum it belongs to (for the objectives).

    Returns
    -------
    tuple of TestItem
        In the written order.

    Raises
    ------
    ContentError
        The file is missing or not valid YAML, a key is missing, misspelt or of
        the wrong type, or an item breaks a rule of the bank (module id, item
        ids, objective number, four options a–d, exactly one correct option, a
        misconception on every wrong option). Every problem found is listed,
        each naming the file and the key path.
    """
    path = Path(path)
    if not path.is_file():
        raise ContentError(f"{path}: file is missing (every module needs a {ITEMS_FILE} with its pre/post-test items)")
    data = _read_yaml(path)
    if not isinstance(data, dict):
        raise ContentError(f"{path}: (top level): expected a mapping (module, items), got {_short(data)}")
    try:
        parsed = _FileModel.model_validate(data)
    except ValidationError as exc:
        raise ContentError(
            "\n".join(f"{path}: {_key_path(tuple(e['loc']))}: {_describe(e)}" for e in exc.errors())
        ) from None
    problems = []
    if parsed.module != module.id:
        problems.append(f"module: expected the folder's module id {module.id!r}, got {_short(parsed.module)}")
    problems += _check_ids(parsed.items, module.id)
    for i, item in enumerate(parsed.items):
        problems += _check_item(item, i, module)
    if problems:
        raise ContentError("\n".join(f"{path}: {problem}" for problem in problems))
    return tuple(_to_item(item, module.id) for item in parsed.items)


def _load_bank(curriculum: Curriculum, root: Path) -> ItemBank:
    known = {module.id for module in curriculum.modules}
    for stray in sorted(root.glob(f"*/{ITEMS_FILE}")):
        if stray.parent.name not in known:
            raise ContentError(
                f"{stray}: module: folder {stray.parent.name!r} is not a module of the curriculum "
                f"(modules: {', '.join(m.id for m in curriculum.modules)})"
            )
    items = tuple(
        item for module in curriculum.modules for item in load_items_file(root / module.id / ITEMS_FILE, module)
    )
    return ItemBank(items)


@functools.cache
def _default_item_bank() -> ItemBank:
    return _load_bank(default_curriculum(), MODULES_ROOT)


def load_item_bank(curriculum: Curriculum | None = None, *, root: Path | str | None = None) -> ItemBank:
    """The item bank: every module's ``test_items.yaml``, checked against the curriculum.

    Parameters
    ----------
    curriculum : Curriculum, optional
        Its modules say which files to read (``<root>/<module id>/test_items.yaml``)
        and how many objectives each module has; default :func:`default_curriculum`.
    root : Path, optional
        Folder holding one sub-folder per module; default the package's ``modules/``.

    Returns
    -------
    ItemBank
        The package's own bank (default curriculum and folder) is loaded once per process.

    Raises
    ------
    ContentError
        A module's file is missing or invalid (see :func:`load_items_file`), or a
        folder under ``root`` has a ``test_items.yaml`` but is no module of the curriculum.
    """
    if root is None and (curriculum is None or curriculum is default_curriculum()):
        return _default_item_bank()
    return _load_bank(curriculum or default_curriculum(), MODULES_ROOT if root is None else Path(root))


def test_form_items(bank: ItemBank, curriculum: Curriculum, day: int) -> tuple[TestItem, ...]:
    """Items of a day's test form: those of the modules whose FIRST session is on ``day``.

    Modules come in the order of their first session that day (agenda order),
    items by id within a module. A day on which no module starts gives ``()``.

    >>> [m for m in dict.fromkeys(i.module for i in test_form_items(load_item_bank(), default_curriculum(), 2))]
    ['field_visit', 'facility', 'assets']
    """
    if isinstance(day, bool) or day not in DAYS:
        raise ValueError(f"day: expected one of {', '.join(map(str, DAYS))}, got {day!r}")
    firsts = sorted((min((s.day, s.order) for s in module.sessions), module.id) for module in curriculum.modules)
    return bank.for_modules([module_id for (first_day, _), module_id in firsts if first_day == day])


test_form_items.__test__ = False  # type: ignore[attr-defined]  # its name starts with "test": not a pytest test


def shuffled_options(item: TestItem, rng: np.random.Generator) -> dict[str, Any]:
    """The public part of ``item`` (:meth:`TestItem.to_public`) with its options in an order drawn from ``rng``.

    Option ids travel with their labels, so the key (:meth:`TestItem.key`) is unchanged.

    >>> item = load_item_bank().item("assets.03")
    >>> part = shuffled_options(item, np.random.default_rng(7))
    >>> sorted(o["id"] for o in part["options"]), part["prompt"] == item.stem
    (['a', 'b', 'c', 'd'], True)
    """
    if not isinstance(rng, np.random.Generator):
        raise TypeError(f"rng: expected a numpy.random.Generator, got {type(rng).__name__}")
    public = item.to_public()
    options = public["options"]
    public["options"] = [options[int(k)] for k in rng.permutation(len(options))]
    return public
