"""Reading the YAML of a rule set node by node, keeping line numbers: :func:`parse`.

Every problem is collected as a :class:`~.ruleset.LintIssue` (severity
``error``) instead of stopping at the first; a rule with an error is left out
of the :class:`~.ruleset.RuleSet` built from the rest, so that :func:`~.lint.lint`
can still check the others. The format is described in :mod:`.ruleset`.

>>> rs, issues = parse("sentra: X\\nsanksi: {tangga: [], jendela_hari: 30}\\naturan: [{id: A, nama: a, jenis: x}]")
>>> rs.rules, [(i.rule, i.line, i.code) for i in issues]
((), [('A', 3, 'unknown_kind')])
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from types import MappingProxyType
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ikm_curriculum.modules.quality.commodities import Text
from ikm_curriculum.modules.rules.lint import LintIssue
from ikm_curriculum.modules.rules.ruleset import (
    COMMON_RULE_KEYS,
    COUNT_MODES,
    DAYS,
    EVENT_KINDS,
    KINDS,
    NO_SANCTION,
    SECTIONS,
    Machine,
    OpeningHours,
    Param,
    Rule,
    RuleSet,
    SanctionPolicy,
)

MACHINE_KEYS: tuple[str, ...] = ("id", "nama", "perlu_operator_terlatih", "alat_pelindung")
HOURS_KEYS: tuple[str, ...] = ("hari", "mulai", "selesai", "libur")
SANCTION_KEYS: tuple[str, ...] = ("tangga", "jendela_hari", "hitung")
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")
_TRUE, _FALSE = ("true", "yes", "ya", "on"), ("false", "no", "tidak", "off")
_INT, _FLOAT = "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"


def _line(node: Node | None) -> int:
    return 0 if node is None or node.start_mark is None else node.start_mark.line + 1


def _id_of(node: Node) -> str | None:
    """The ``id`` of a mapping, read before the mapping is checked (to name it in messages)."""
    for key, value in node.value if isinstance(node, MappingNode) else []:
        if key.value == "id" and isinstance(value, ScalarNode) and str(value.value).strip():
            return str(value.value).strip()
    return None


class _Reader:
    """Reads nodes into values, recording each problem as an error issue."""

    def __init__(self) -> None:
        self.issues: list[LintIssue] = []

    def error(self, where: str, node: Node | None, code: str, id_: str, en: str) -> None:
        self.issues.append(LintIssue(where, _line(node), code, Text(id_, en), "error"))

    def mapping(
        self, node: Node, where: str, allowed: tuple[str, ...], required: tuple[str, ...]
    ) -> dict[str, Node] | None:
        """Keys → value nodes; reports a non-mapping, unknown, repeated and missing keys."""
        if not isinstance(node, MappingNode):
            self.error(
                where, node, "wrong_type", "harus berupa pasangan kunci: nilai", "expected a mapping (key: value)"
            )
            return None
        out: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in out:
                self.error(where, key_node, "duplicate_key", f"kunci {key!r} ditulis dua kali", f"key {key!r} repeated")
            elif key not in allowed:
                self.unknown(where, key_node, "unknown_field", key, allowed)
            else:
                out[key] = value_node
        for key in required:
            if key not in out:
                self.error(
                    where, node, "missing_field", f"kolom {key!r} wajib diisi", f"required field {key!r} missing"
                )
        return out

    def unknown(self, where: str, node: Node, code: str, word: str, choices: tuple[str, ...]) -> None:
        """A key or kind not in ``choices``; suggests the closest one."""
        close = difflib.get_close_matches(word, choices, n=1)
        hint = Text(f" (maksudnya {close[0]!r}?)", f" (did you mean {close[0]!r}?)") if close else Text("", "")
        noun, listed = (Text("jenis", "kind") if code == "unknown_kind" else Text("kolom", "field")), ", ".join(choices)
        self.error(
            where,
            node,
            code,
            f"{noun.id} {word!r} tidak dikenal; yang ada: {listed}{hint.id}",
            f"unknown {noun.en} {word!r}; expected one of: {listed}{hint.en}",
        )

    def wrong(self, where: str, node: Node, name: str, id_expected: str, en_expected: str) -> None:
        got = node.value if isinstance(node, ScalarNode) else type(node).__name__.replace("Node", "").lower()
        self.error(
            where,
            node,
            "wrong_type",
            f"{name!r} harus {id_expected}, tertulis {got!r}",
            f"{name!r}: expected {en_expected}, got {got!r}",
        )

    def text(self, node: Node, where: str, name: str) -> str | None:
        if isinstance(node, ScalarNode) and node.tag != "tag:yaml.org,2002:null" and str(node.value).strip():
            return str(node.value).strip()
        self.wrong(where, node, name, "teks yang tidak kosong", "a non-empty text")
        return None

    def texts(self, node: Node, where: str, name: str, single: bool = False) -> tuple[str, ...] | None:
        """A list of texts (or, if ``single``, one text standing for a list of one)."""
        if single and isinstance(node, ScalarNode):
            one = self.text(node, where, name)
            return None if one is None else (one,)
        if not isinstance(node, SequenceNode):
            self.wrong(where, node, name, "daftar teks, mis. [a, b]", "a list of texts, e.g. [a, b]")
            return None
        values = [self.text(item, where, name) for item in node.value]
        return None if any(v is None for v in values) else tuple(v for v in values if v is not None)

    def integer(self, node: Node, where: str, name: str, low: int, high: int | None = None) -> int | None:
        ok = isinstance(node, ScalarNode) and node.tag == _INT
        value = int(yaml.constructor.SafeConstructor().construct_yaml_int(node)) if ok else None  # type: ignore[arg-type]
        if value is None or value < low or (high is not None and value > high):
            span = f"{low}–{high}" if high is not None else f"≥ {low}"
            self.wrong(where, node, name, f"bilangan bulat {span} (tanpa titik)", f"an integer {span} (no dots)")
            return None
        return value

    def number(self, node: Node, where: str, name: str) -> float | None:
        if isinstance(node, ScalarNode) and node.tag in (_INT, _FLOAT):
            value = float(yaml.constructor.SafeConstructor().construct_object(node))
            if value > 0 and value != float("inf"):
                return value
        self.wrong(where, node, name, "angka lebih dari 0", "a number greater than 0")
        return None

    def boolean(self, node: Node, where: str, name: str) -> bool | None:
        word = str(node.value).strip().lower() if isinstance(node, ScalarNode) else ""
        if word in _TRUE or word in _FALSE:
            return word in _TRUE
        self.wrong(where, node, name, "ya/tidak (true/false)", "true/false (ya/tidak)")
        return None

    def time(self, node: Node, where: str, name: str) -> dt.time | None:
        match = _TIME.match(str(node.value).strip()) if isinstance(node, ScalarNode) else None
        if match and int(match.group(1)) < 24 and int(match.group(2)) < 60:
            return dt.time(int(match.group(1)), int(match.group(2)))
        self.wrong(where, node, name, 'jam "JJ:MM", mis. "07:30"', 'a time "HH:MM", e.g. "07:30"')
        return None

    def choice(self, node: Node, where: str, name: str, choices: tuple[str, ...]) -> str | None:
        word = str(node.value).strip().lower() if isinstance(node, ScalarNode) else ""
        if word in choices:
            return word
        listed = ", ".join(choices)
        self.wrong(where, node, name, f"salah satu dari: {listed}", f"one of: {listed}")
        return None

    def ladder(self, node: Node, where: str, name: str) -> tuple[str, ...] | None:
        """A ladder of sanctions: a list of steps, or ``tidak_ada`` (= empty)."""
        if isinstance(node, ScalarNode) and str(node.value).strip().lower() == NO_SANCTION:
            return ()
        if isinstance(node, SequenceNode):
            return self.texts(node, where, name)
        self.wrong(where, node, name, "daftar sanksi atau tidak_ada", f"a list of sanction steps or {NO_SANCTION}")
        return None

    def param(self, node: Node, where: str, name: str, spec: Param) -> Any:
        kind = spec.type
        if kind == "machines":
            return self.texts(node, where, name, single=True)
        if kind == "texts":
            values = self.texts(node, where, name, single=True)
            if values == ():
                self.wrong(where, node, name, "daftar yang tidak kosong", "a non-empty list")
            return values
        if kind == "events":
            items = _items(node)
            events = [self.choice(item, where, name, EVENT_KINDS) for item in items]
            if not items:
                self.wrong(where, node, name, "daftar yang tidak kosong", "a non-empty list")
            return tuple(e for e in events if e is not None)
        if kind == "event":
            return self.choice(node, where, name, ("pesan", "pakai"))
        if kind == "hours":
            return self.number(node, where, name)
        if kind in ("minutes", "minutes_pos"):
            return self.integer(node, where, name, 0 if kind == "minutes" else 1)
        if kind in ("rupiah", "rupiah_pos"):
            return self.integer(node, where, name, 0 if kind == "rupiah" else 1)
        return self.integer(node, where, name, 1, 31)  # day, day_opt


def _items(node: Node) -> list[Node]:
    return list(node.value) if isinstance(node, SequenceNode) else [node]


def _rule(reader: _Reader, node: Node, index: int, opening: bool) -> Rule | None:
    """One item of ``aturan``; ``None`` if it has an error (recorded)."""
    where = _id_of(node) or f"aturan[{index}]"
    kind_node = next((v for k, v in node.value if k.value == "jenis"), None) if isinstance(node, MappingNode) else None
    kind = str(kind_node.value).strip() if isinstance(kind_node, ScalarNode) else None
    params: dict[str, Param] = dict(KINDS.get(kind or "", {}))
    if kind_node is not None and kind not in KINDS:
        reader.unknown(where, kind_node, "unknown_kind", str(kind), tuple(KINDS))
    before = len(reader.issues)
    allowed = COMMON_RULE_KEYS + tuple(params) if kind in KINDS else _any_keys(node)
    fields = reader.mapping(node, where, allowed, ("id", "nama", "jenis"))
    if fields is None:
        return None
    values: dict[str, Any] = {}
    for name, spec in params.items():
        if name in fields:
            values[name] = reader.param(fields[name], where, name, spec)
        elif spec.required:
            reader.error(
                where, node, "missing_field", f"jenis {kind} perlu kolom {name!r}", f"kind {kind} needs field {name!r}"
            )
        else:
            values[name] = spec.default
    rule_id = reader.text(fields["id"], where, "id") if "id" in fields else None
    name = reader.text(fields["nama"], where, "nama") if "nama" in fields else None
    desc = reader.text(fields["keterangan"], where, "keterangan") if "keterangan" in fields else ""
    sanction = reader.ladder(fields["sanksi"], where, "sanksi") if "sanksi" in fields else None
    if kind == "jam_buka" and not opening:
        reader.error(
            where,
            node,
            "missing_field",
            "aturan jenis jam_buka perlu bagian 'jam_buka' (hari, mulai, selesai) di atas",
            "a rule of kind jam_buka needs the section 'jam_buka' (hari, mulai, selesai)",
        )
    if len(reader.issues) > before or kind not in KINDS:
        return None  # every None value above came with an error
    return Rule(str(rule_id), str(name), str(kind), MappingProxyType(values), sanction, desc or "", _line(node))


def _any_keys(node: Node) -> tuple[str, ...]:
    """For a rule of unknown kind: accept every key (its parameters cannot be judged)."""
    return tuple(str(k.value) for k, _ in node.value) if isinstance(node, MappingNode) else ()


def _machines(reader: _Reader, node: Node) -> tuple[Machine, ...]:
    if not isinstance(node, SequenceNode):
        reader.wrong("mesin", node, "mesin", "daftar mesin", "a list of machines")
        return ()
    machines: list[Machine] = []
    for index, item in enumerate(node.value):
        where = f"mesin[{_id_of(item) or index}]"
        fields = reader.mapping(item, where, MACHINE_KEYS, ("id", "nama"))
        if fields is None or "id" not in fields or "nama" not in fields:
            continue
        machine_id = reader.text(fields["id"], where, "id")
        name = reader.text(fields["nama"], where, "nama")
        flag = (
            reader.boolean(fields["perlu_operator_terlatih"], where, "perlu_operator_terlatih")
            if ("perlu_operator_terlatih" in fields)
            else False
        )
        gear = reader.texts(fields["alat_pelindung"], where, "alat_pelindung") if "alat_pelindung" in fields else ()
        if machine_id is None or name is None or flag is None or gear is None:
            continue
        if any(m.id == machine_id for m in machines):
            reader.error(where, item, "duplicate_id", f"id mesin {machine_id!r} dipakai dua kali", "duplicate id")
            continue
        machines.append(Machine(machine_id, name, flag, gear, _line(item)))
    return tuple(machines)


def _trained(reader: _Reader, node: Node) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    if not isinstance(node, MappingNode):
        reader.wrong("operator_terlatih", node, "operator_terlatih", "mesin: [anggota, ...]", "machine: [members]")
        return out
    for key, value in node.value:
        members = reader.texts(value, f"operator_terlatih[{key.value}]", str(key.value), single=True)
        if members is not None:
            out[str(key.value)] = members
    return out


def _opening(reader: _Reader, node: Node, line: int) -> OpeningHours | None:
    fields = reader.mapping(node, "jam_buka", HOURS_KEYS, ("hari", "mulai", "selesai"))
    if fields is None or not {"hari", "mulai", "selesai"} <= set(fields):
        return None
    days_node = fields["hari"]
    days = [reader.choice(n, "jam_buka", "hari", DAYS) for n in _items(days_node)]
    start, end = (
        reader.time(fields["mulai"], "jam_buka", "mulai"),
        reader.time(fields["selesai"], "jam_buka", "selesai"),
    )
    holidays: list[dt.date | None] = []
    for item in _items(fields["libur"]) if "libur" in fields else []:
        try:
            holidays.append(dt.date.fromisoformat(str(item.value).strip()))
        except (ValueError, TypeError):
            reader.wrong("jam_buka", item, "libur", "tanggal 'TTTT-BB-HH'", "an ISO date 'YYYY-MM-DD'")
            holidays.append(None)
    if None in days or start is None or end is None or None in holidays:
        return None
    ordered = tuple(d for d in DAYS if d in days)
    return OpeningHours(ordered, start, end, tuple(h for h in holidays if h is not None), line)


def _sanctions(reader: _Reader, node: Node, line: int) -> SanctionPolicy | None:
    fields = reader.mapping(node, "sanksi", SANCTION_KEYS, ("tangga", "jendela_hari"))
    if fields is None or not {"tangga", "jendela_hari"} <= set(fields):
        return None
    ladder = reader.ladder(fields["tangga"], "sanksi", "tangga")
    window = reader.integer(fields["jendela_hari"], "sanksi", "jendela_hari", 1)
    count = reader.choice(fields["hitung"], "sanksi", "hitung", COUNT_MODES) if "hitung" in fields else COUNT_MODES[0]
    if ladder is None or window is None or count is None:
        return None
    return SanctionPolicy(ladder, window, count, line)


def parse(text: str) -> tuple[RuleSet | None, list[LintIssue]]:
    """The rule set in ``text`` (``None`` if the YAML cannot be read at all) and every hard error found.

    Errors have severity ``error`` and codes ``syntax``, ``wrong_type``, ``missing_field``,
    ``unknown_field``, ``duplicate_key``, ``unknown_kind``, ``duplicate_id``.

    >>> parse("sentra: [")[1][0].code
    'syntax'
    """
    reader = _Reader()
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = 0 if mark is None else mark.line + 1
        problem = str(exc.problem or exc.context or "")
        if exc.context and exc.context_mark is not None and exc.problem_mark is not None:
            problem += f" ({exc.context}, begun on line {exc.context_mark.line + 1})"
        reader.issues.append(
            LintIssue("", line, "syntax", Text(f"penulisan YAML salah: {problem}", f"YAML syntax: {problem}"))
        )
        return None, reader.issues
    if root is None:
        root = MappingNode("tag:yaml.org,2002:map", [])
    fields = reader.mapping(root, "", SECTIONS, ("sentra", "sanksi", "aturan"))
    if fields is None:
        return None, reader.issues
    for key in ("mesin", "operator_terlatih", "aturan"):  # written but left empty: an empty list / mapping
        node = fields.get(key)
        if isinstance(node, ScalarNode) and node.tag == "tag:yaml.org,2002:null":
            empty = MappingNode if key == "operator_terlatih" else SequenceNode
            fields[key] = empty(node.tag, [], node.start_mark, node.end_mark)
    centre = reader.text(fields["sentra"], "sentra", "sentra") if "sentra" in fields else None
    members = reader.texts(fields["anggota"], "anggota", "anggota") if "anggota" in fields else None
    machines = _machines(reader, fields["mesin"]) if "mesin" in fields else ()
    trained = _trained(reader, fields["operator_terlatih"]) if "operator_terlatih" in fields else {}
    lines = {str(key.value): _line(key) for key, _ in root.value if str(key.value) in fields}
    opening = _opening(reader, fields["jam_buka"], lines["jam_buka"]) if "jam_buka" in fields else None
    policy = _sanctions(reader, fields["sanksi"], lines["sanksi"]) if "sanksi" in fields else None
    rules: list[Rule] = []
    rules_node = fields.get("aturan")
    if rules_node is not None and not isinstance(rules_node, SequenceNode):
        reader.wrong("aturan", rules_node, "aturan", "daftar aturan", "a list of rules")
    for index, item in enumerate(rules_node.value if isinstance(rules_node, SequenceNode) else []):
        rule = _rule(reader, item, index, "jam_buka" in fields)
        if rule is not None and any(r.id == rule.id for r in rules):
            reader.error(
                rule.id,
                item,
                "duplicate_id",
                f"id aturan {rule.id!r} dipakai dua kali",
                f"rule id {rule.id!r} repeated",
            )
        elif rule is not None:
            rules.append(rule)
    ruleset = RuleSet(
        centre=centre or "",
        rules=tuple(rules),
        sanctions=policy or SanctionPolicy((), 1),
        machines=machines,
        trained=MappingProxyType(trained),
        opening_hours=opening,
        members=members,
        lines=MappingProxyType(lines),
    )
    return ruleset, reader.issues
