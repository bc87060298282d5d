"""The programme of the training: each module's ``content.yaml`` and the three-day agenda.

This is the one place that reads ``content.yaml`` files (``modules/`` itself
does no file I/O). Each training module is a folder ``modules/<id>/`` with a
``content.yaml`` (objectives, sessions, glossary; Indonesian and English) and an
``exercises.py`` whose ``EXERCISES`` list must match the ``exercises`` key of
the yaml, in workbook order.

Every problem in a content file raises :class:`~ikm_curriculum.errors.ContentError`
with the file path and the key path, e.g.
``.../quality/content.yaml: sessions[1].format: expected one of bimtek,
diskusi_kelas, kunjungan_lapangan, got 'ceramah'``.
"""

from __future__ import annotations

import functools
import importlib
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Annotated, Any, Hashable, Mapping, Sequence

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictInt,
    StrictStr,
    ValidationError,
    field_validator,
)
from pydantic_core import ErrorDetails

from ikm_curriculum.assessment import ExerciseSpec
from ikm_curriculum.errors import ContentError

LANGS: tuple[str, ...] = ("id", "en")
"""Languages of participant-facing text: Bahasa Indonesia (default) and English."""

FORMATS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "bimtek": {"id": "Bimbingan teknis", "en": "Guided practice"},
        "diskusi_kelas": {"id": "Diskusi kelas", "en": "Class discussion"},
        "kunjungan_lapangan": {"id": "Kunjungan lapangan", "en": "Field visit"},
    }
)
"""Session formats and their labels in each language."""

DAYS: tuple[int, ...] = (1, 2, 3)
JP_MINUTES = 45  # one lesson hour (jam pelajaran, JP)
CONTENT_FILE = "content.yaml"
_NAME = r"^[a-z][a-z0-9_]*$"


def check_lang(lang: str) -> str:
    """Return ``lang`` if it is a supported language, else raise ``ValueError``.

    >>> check_lang("en")
    'en'
    """
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(repr(x) for x in LANGS)}")
    return lang


# --------------------------------------------------------------------------- schema


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Text(_Frozen):
    """A text in both languages, e.g. ``{id: "Manajemen Mutu", en: "Quality Management"}``."""

    id: StrictStr
    en: StrictStr

    @field_validator("id", "en")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("expected non-empty text")
        return value

    def get(self, lang: str = "id") -> str:
        """The text in ``lang`` (``"id"`` or ``"en"``).

        >>> Text(id="Hari", en="Day").get("en")
        'Day'
        """
        return self.id if check_lang(lang) == "id" else self.en


class Session(_Frozen):
    """One session of the agenda (``day`` 1–3, ``order`` within the day, length in JP)."""

    day: StrictInt
    order: Annotated[StrictInt, Field(gt=0)]
    format: StrictStr
    lesson_hours: Annotated[StrictInt, Field(gt=0)]
    title: Text

    @field_validator("day")
    @classmethod
    def _day(cls, value: int) -> int:
        if value not in DAYS:
            raise ValueError(f"expected a day from {DAYS[0]} to {DAYS[-1]}, got {value!r}")
        return value

    @field_validator("format")
    @classmethod
    def _format(cls, value: str) -> str:
        if value not in FORMATS:
            raise ValueError(f"expected one of {', '.join(FORMATS)}, got {value!r}")
        return value


class GlossaryEntry(_Frozen):
    """A term (as written in class, usually Indonesian) and its meaning in both languages."""

    term: Annotated[StrictStr, Field(min_length=1)]
    meaning: Text


class Topic(_Frozen):
    """One topic of a workbook: a short explanation, an optional worked example, its exercises.

    ``example`` names a worked example in the module's ``worked_examples.py``
    (``EXAMPLES``), computed on each participant's own data at release.
    """

    id: Annotated[StrictStr, Field(pattern=_NAME)]
    title: Text
    explanation: Text
    example: Annotated[StrictStr, Field(pattern=_NAME)] | None = None
    exercises: tuple[StrictStr, ...] = ()


class Module(_Frozen):
    """The content of one training module, as written in its ``content.yaml``."""

    id: Annotated[StrictStr, Field(pattern=_NAME)]
    order: Annotated[StrictInt, Field(gt=0)]
    title: Text
    summary: Text
    objectives: Annotated[tuple[Text, ...], Field(min_length=3, max_length=6)]
    sessions: Annotated[tuple[Session, ...], Field(min_length=1)]
    workbook: Annotated[StrictStr, Field(pattern=r"^[a-z0-9][a-z0-9_]*$")] | None = None
    topics: tuple[Topic, ...] = ()
    glossary: tuple[GlossaryEntry, ...] = ()

    @property
    def exercises(self) -> tuple[str, ...]:
        """Exercise ids in workbook order: the exercises of each topic, topic by topic."""
        return tuple(e for topic in self.topics for e in topic.exercises)

    def lesson_hours(self) -> int:
        """Total JP of this module's sessions."""
        return sum(s.lesson_hours for s in self.sessions)


@dataclass(frozen=True)
class AgendaRow:
    """One line of the three-day agenda."""

    day: int
    order: int
    module_id: str
    module_title: Text
    session_title: Text
    format: str
    lesson_hours: int


@dataclass(frozen=True)
class Curriculum:
    """All training modules, in order, with their exercise specs."""

    modules: tuple[Module, ...]
    _specs: Mapping[str, tuple[ExerciseSpec, ...]] = field(repr=False, compare=False)

    def module(self, module_id: str) -> Module:
        """The module with id ``module_id``; ``KeyError`` naming the known ids otherwise."""
        for module in self.modules:
            if module.id == module_id:
                return module
        raise KeyError(f"unknown module {module_id!r}; known: {', '.join(m.id for m in self.modules)}")

    def exercise_specs(self, module_id: str | None = None) -> list[ExerciseSpec]:
        """Exercise specs in workbook order, of one module or (``None``) of all modules in order."""
        ids = [m.id for m in self.modules] if module_id is None else [self.module(module_id).id]
        return [spec for mid in ids for spec in self._specs[mid]]

    def spec(self, exercise_id: str) -> ExerciseSpec:
        """The spec of exercise ``exercise_id``; ``KeyError`` if no module declares it."""
        for spec in self.exercise_specs():
            if spec.exercise_id == exercise_id:
                return spec
        raise KeyError(f"unknown exercise {exercise_id!r}")

    def workbooks(self) -> dict[str, Module]:
        """Workbook name (``notebooks/participant/<name>.ipynb``) -> the module it belongs to."""
        return {m.workbook: m for m in self.modules if m.workbook is not None}

    def agenda(self) -> list[AgendaRow]:
        """Every session of every module, sorted by day and order within the day."""
        rows = [
            AgendaRow(s.day, s.order, m.id, m.title, s.title, s.format, s.lesson_hours)
            for m in self.modules
            for s in m.sessions
        ]
        return sorted(rows, key=lambda r: (r.day, r.order))

    def total_lesson_hours(self) -> int:
        """Total JP of the training."""
        return sum(m.lesson_hours() for m in self.modules)


# --------------------------------------------------------------------------- loading


def _key_path(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _describe(err: ErrorDetails) -> str:
    """Turn one pydantic error into a sentence a content writer can act on."""
    kind, ctx, got = err["type"], err.get("ctx") or {}, err.get("input")
    if kind == "missing":
        return "required key is missing"
    if kind == "extra_forbidden":
        return "unknown key (check the spelling)"
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    expected = {
        "int_type": "a whole number",
        "string_type": "text",
        "tuple_type": "a list",
        "model_type": "a mapping",
        "model_attributes_type": "a mapping",
        "dict_type": "a mapping",
    }.get(kind)
    if expected is not None:
        return f"expected {expected}, got {_short(got)}"
    if kind == "greater_than":
        return f"expected a number greater than {ctx.get('gt')}, got {_short(got)}"
    if kind == "too_short":
        return f"expected at least {ctx.get('min_length')} item(s), got {ctx.get('actual_length')}"
    if kind == "too_long":
        return f"expected at most {ctx.get('max_length')} item(s), got {ctx.get('actual_length')}"
    if kind == "string_pattern_mismatch":
        return f"expected a lowercase name (letters, digits, _), got {_short(got)}"
    return f"{err['msg']}, got {_short(got)}"


class _StrictLoader(yaml.SafeLoader):
    """Safe YAML loader that rejects a key written twice in one mapping."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        self.flatten_mapping(node)
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, (str, int, float, bool)):
                continue  # unhashable keys are reported by the base class
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping", node.start_mark, f"found duplicate key {key!r}", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _duplicate(items: Sequence[Hashable]) -> tuple[int, int] | None:
    """Indices ``(first, again)`` of the first item that repeats, or ``None``.

    >>> _duplicate(["a", "b", "a"])
    (0, 2)
    """
    first: dict[Hashable, int] = {}
    for i, item in enumerate(items):
        if item in first:
            return first[item], i
        first[item] = i
    return None


def _read_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(f"{path}: file is missing (every module folder needs a {CONTENT_FILE})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentError(f"{path}: cannot be read as UTF-8 text: {exc}") from exc
    try:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark is not None else ""
        raise ContentError(f"{path}: {where}invalid YAML: {exc.problem or exc.context}") from exc
    except yaml.YAMLError as exc:
        raise ContentError(f"{path}: invalid YAML: {exc}") from exc


def _exercises_of(path: Path, module_id: str) -> tuple[ExerciseSpec, ...]:
    name = f"ikm_curriculum.modules.{module_id}.exercises"
    try:
        found = importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name not in (name, name.rsplit(".", 1)[0]):
            raise  # the exercises module exists but imports something missing
        raise ContentError(f"{path}: exercises: cannot import {name} (every module needs an exercises.py)") from exc
    specs = getattr(found, "EXERCISES", None)
    if not isinstance(specs, (list, tuple)) or not all(isinstance(s, ExerciseSpec) for s in specs):
        raise ContentError(f"{path}: exercises: {name}.EXERCISES must be a list of ExerciseSpec")
    return tuple(specs)


def _check_examples(path: Path, module: Module) -> None:
    """Every topic's ``example`` must be a key of the module's ``worked_examples.EXAMPLES``."""
    named = [(t, topic.example) for t, topic in enumerate(module.topics) if topic.example]
    if not named:
        return
    examples = getattr(importlib.import_module(f"ikm_curriculum.modules.{module.id}.worked_examples"), "EXAMPLES", {})
    for t, name in named:
        if name not in examples:
            raise ContentError(
                f"{path}: topics[{t}].example: unknown worked example {name!r} "
                f"(worked_examples.py declares: {', '.join(examples) or 'none'})"
            )


def _load(folder: Path) -> tuple[Module, tuple[ExerciseSpec, ...]]:
    path = folder / CONTENT_FILE
    data = _read_yaml(path)
    if not isinstance(data, dict):
        raise ContentError(f"{path}: (top level): expected a mapping (id, order, title, ...), got {_short(data)}")
    try:
        module = Module.model_validate(data)
    except ValidationError as exc:
        lines = [f"{path}: {_key_path(tuple(e['loc']))}: {_describe(e)}" for e in exc.errors()]
        raise ContentError("\n".join(lines)) from None
    if module.id != folder.name:
        raise ContentError(f"{path}: id: expected the folder name {folder.name!r}, got {module.id!r}")
    slots = _duplicate([(x.day, x.order) for x in module.sessions])
    if slots is not None:
        first, again = slots
        x = module.sessions[again]
        raise ContentError(
            f"{path}: sessions[{again}]: day {x.day}, order {x.order} is already used by sessions[{first}]"
        )
    declared = _exercises_of(path, module.id)
    specs = {spec.exercise_id: spec for spec in declared}
    twice = _duplicate([spec.exercise_id for spec in declared])
    if twice is not None:
        raise ContentError(f"{path}: exercises: exercises.py declares {declared[twice[1]].exercise_id!r} twice")
    listed = [
        (f"topics[{t}].exercises[{i}]", e)
        for t, topic in enumerate(module.topics)
        for i, e in enumerate(topic.exercises)
    ]
    twice = _duplicate([e for _, e in listed])
    if twice is not None:
        raise ContentError(
            f"{path}: {listed[twice[1]][0]}: {listed[twice[1]][1]!r} is already listed at {listed[twice[0]][0]}"
        )
    for where, exercise_id in listed:
        if exercise_id not in specs:
            known = ", ".join(specs) or "none"
            raise ContentError(f"{path}: {where}: unknown exercise id {exercise_id!r} (exercises.py declares: {known})")
    missing = [e for e in specs if e not in module.exercises]
    if missing:
        raise ContentError(f"{path}: topics: declared in exercises.py but in no topic: {', '.join(missing)}")
    twice = _duplicate([topic.id for topic in module.topics])
    if twice is not None:
        raise ContentError(f"{path}: topics[{twice[1]}].id: {module.topics[twice[1]].id!r} is already used")
    _check_examples(path, module)
    return module, tuple(specs[e] for e in module.exercises)


def load_module(folder: Path) -> Module:
    """Load and check one module folder (its ``content.yaml`` and ``exercises.py``).

    Parameters
    ----------
    folder : Path
        ``modules/<id>/``; the yaml's ``id`` must equal the folder name, and
        ``ikm_curriculum.modules.<id>.exercises`` must declare exactly the
        exercises the yaml lists.

    Returns
    -------
    Module

    Raises
    ------
    ContentError
        Naming the file and the key path of the first problem(s).
    """
    return _load(Path(folder))[0]


def _module_folders(root: Path) -> list[Path]:
    if not root.is_dir():
        raise ContentError(f"{root}: the modules folder does not exist")
    folders = [
        p
        for p in sorted(root.iterdir())
        if p.is_dir()
        and not p.name.startswith(("_", "."))
        and ((p / CONTENT_FILE).exists() or (p / "__init__.py").exists())
    ]
    if not folders:
        raise ContentError(f"{root}: no module folders with a {CONTENT_FILE} found")
    return folders


def load_curriculum(root: Path | None = None) -> Curriculum:
    """Load every module under ``root`` and check them against each other.

    Parameters
    ----------
    root : Path, optional
        Folder holding one sub-folder per module; default: the package's ``modules/``.

    Returns
    -------
    Curriculum
        Modules sorted by ``order``.

    Raises
    ------
    ContentError
        A file is invalid, two modules share an ``order``, a workbook name or
        an exercise id, or two sessions share the same day and order.
    """
    root = Path(__file__).parent / "modules" if root is None else Path(root)
    loaded = sorted(
        ((folder / CONTENT_FILE, *_load(folder)) for folder in _module_folders(root)), key=lambda item: item[1].order
    )
    seen: dict[tuple[object, ...], str] = {}
    for path, module, _ in loaded:
        claims = [("order", ("order", module.order), str(module.order))]
        claims += [
            (f"sessions[{i}]", ("slot", s.day, s.order), f"day {s.day}, order {s.order}")
            for i, s in enumerate(module.sessions)
        ]
        claims += [(f"exercises[{i}]", ("exercise", e), repr(e)) for i, e in enumerate(module.exercises)]
        if module.workbook is not None:
            claims.append(("workbook", ("workbook", module.workbook), repr(module.workbook)))
        for where, claim, shown in claims:
            if claim in seen:
                raise ContentError(f"{path}: {where}: {shown} is already used by {seen[claim]}")
            seen[claim] = f"{path} ({where})"
    return Curriculum(
        modules=tuple(module for _, module, _ in loaded),
        _specs=MappingProxyType({module.id: specs for _, module, specs in loaded}),
    )


@functools.cache
def default_curriculum() -> Curriculum:
    """The package's own curriculum, loaded once per process."""
    return load_curriculum()
