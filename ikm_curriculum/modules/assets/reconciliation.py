"""Inventory count (*inventarisasi*, *hitung fisik*) reconciled with the asset register.

The users of regional assets count them physically at least once every 5 years
(a census, *sensus*: Permendagri 19/2016 art. 476(1), as cited in regents'
census guidelines) — firm; construction in progress and stock every year —
check (see :data:`CENSUS_INTERVAL_YEARS`). They match the count with the
KIB/KIR records; the procedure here is that matching, as a census team does it:

* **found** (*ada*) — a register code seen in the count with a quantity > 0;
* **missing** (*tidak ditemukan*) — a register code not counted, or counted 0;
* **surplus** (*tidak tercatat*) — a counted row with no code or a code not on
  the register: it must be recorded (or traced) before anything else;
* **condition_changed** / **location_changed** — found items whose counted
  condition / room differs from the register (rooms compared ignoring case
  and spaces);
* **quantity_short** / **quantity_over** — found items counted with fewer /
  more units than recorded;
* **write_off_candidates** — found items counted Rusak Berat, or Rusak Berat
  on the register: the usual start of a write-off (*penghapusan*) — likely.

Codes are matched ignoring case and outer spaces. Totals (records, units,
cost) by card and by condition are given for the register, the found items
(by their counted condition, at register cost) and the missing items.

>>> reg = [dict(code="B1", name="Sealer", card="B", acquired="2023-01-05", cost=12_500_000,
...             funding="DAK 2023", room="Ruang Kemas", condition="B", useful_life_years=5)]
>>> r = reconcile(reg, [dict(code="", name="Kompor", room="Dapur", condition="B")]).to_dict()
>>> [m["code"] for m in r["missing"]], [s["name"] for s in r["surplus"]]
(['B1'], ['Kompor'])
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, cast

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.assets.cards import WRITE_OFF_CONDITIONS, parse_condition
from ikm_curriculum.modules.assets.register import (
    AssetRecord,
    AssetRegister,
    register_from_frame,
    register_from_rows,
    totals_of,
)
from ikm_curriculum.modules.quality.commodities import Text
from ikm_curriculum.modules.table_cells import (
    build_rows,
    check_lang,
    code_key,
    field_names,
    frame_rows,
    is_empty,
    parse_text,
    parse_whole,
    problem_list,
    rename_row,
    room_key,
    row_label,
)

if TYPE_CHECKING:
    import pandas as pd

CENSUS_SOURCE = (
    "Permendagri 19/2016 'Pedoman Pengelolaan Barang Milik Daerah' art. 476(1): inventarisasi (census) of BMD "
    "at least once in 5 years (firm; cited e.g. by Perbup Mimika 95/2017). Construction in progress and stock "
    "every year: check (older rule PP 6/2006 art. 69(2); confirm in the region's own rule). Checked 2024."
)
"""Where the census intervals come from."""

CENSUS_INTERVAL_YEARS: Mapping[str, int] = MappingProxyType({"census": 5, "construction_in_progress": 1, "stock": 1})
"""Longest interval between physical counts, in years (see :data:`CENSUS_SOURCE`); information for content."""

COUNT_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("code", "Kode Barang", "Asset code"),
    ("name", "Nama Barang", "Asset name"),
    ("room", "Ruang", "Room"),
    ("condition", "Kondisi", "Condition"),
    ("quantity", "Jumlah", "Quantity"),
)
"""Columns of a count sheet (*lembar hitung fisik*): (field, Indonesian header, English header)."""

COUNT_ALIASES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {"code": ("kode",), "name": ("nama",), "room": ("ruang", "ruang_kir"), "condition": ("kondisi",),
     "quantity": ("jumlah",)}
)  # fmt: skip
"""Short Indonesian column names accepted besides the headers and field names."""

STATUSES: Mapping[str, Text] = MappingProxyType(
    {
        "found": Text("ada", "found"),
        "missing": Text("tidak ditemukan", "missing"),
        "surplus": Text("tidak tercatat", "not on register"),
    }
)
"""Status of a line of the reconciliation table."""

NOTES: Mapping[str, Text] = MappingProxyType(
    {
        "condition_changed": Text("kondisi berubah", "condition changed"),
        "location_changed": Text("pindah ruang", "moved to another room"),
        "quantity_short": Text("jumlah kurang", "fewer units"),
        "quantity_over": Text("jumlah lebih", "more units"),
        "write_off": Text("usul penghapusan", "propose write-off"),
    }
)
"""Remarks of a found line of the reconciliation table."""

TABLE_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("code", "Kode Barang", "Asset code"),
    ("name", "Nama Barang", "Asset name"),
    ("card", "KIB", "Asset card (KIB)"),
    ("register_room", "Ruang (KIB)", "Room (register)"),
    ("counted_room", "Ruang (hitung)", "Room (count)"),
    ("register_condition", "Kondisi (KIB)", "Condition (register)"),
    ("counted_condition", "Kondisi (hitung)", "Condition (count)"),
    ("register_quantity", "Jumlah (KIB)", "Quantity (register)"),
    ("counted_quantity", "Jumlah (hitung)", "Quantity (count)"),
    ("cost", "Harga Perolehan (Rp)", "Acquisition cost (IDR)"),
    ("status", "Status", "Status"),
    ("notes", "Catatan", "Notes"),
)
"""Columns of :func:`reconciliation_table`: (key, Indonesian header, English header)."""


def _check_count(raw: Mapping[str, Any], row_number: int | None, earlier: Iterable[str] = ()) -> dict[str, Any]:
    out: dict[str, Any] = {"code": ""}
    problems: list[str] = list(earlier)
    parsers = {
        "code": lambda v: parse_text(v, "code", required=False),
        "name": lambda v: parse_text(v, "name", required=False),
        "room": lambda v: parse_text(v, "room", required=False),
        "condition": parse_condition,
        "quantity": lambda v: 1 if is_empty(v) else parse_whole(v, "quantity", 0),
    }
    for field, parse in parsers.items():
        try:
            out[field] = parse(raw.get(field))
        except CalculationError as exc:
            problems.append(str(exc))
    if out["code"] == "" and out.get("name") == "":
        problems.append("name: expected the name of the item (needed when there is no code), got nothing")
    if problems:
        where = row_label(out["code"], row_number)
        raise CalculationError("\n".join(f"{where}: {p}" for p in problems))
    return out


@dataclass(frozen=True)
class CountRow:
    """One line of a count sheet: what the census team saw.

    ``code`` may be ``""`` (an item found without a label); ``name`` is then
    required. ``quantity`` is a whole number ≥ 0 (default 1); 0 means "looked
    for, not there" and makes the register item missing.
    """

    code: str
    name: str
    room: str
    condition: str
    quantity: int = 1

    def __post_init__(self) -> None:
        for key, value in _check_count({f.name: getattr(self, f.name) for f in fields(self)}, None).items():
            object.__setattr__(self, key, value)

    def to_dict(self) -> dict[str, Any]:
        """Plain values."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, row: Mapping[Any, Any], row_number: int | None = None) -> CountRow:
        """A count row from a table row; keys are field names, headers (either language) or short names.

        >>> CountRow.from_dict({"Kode Barang": "B1", "Ruang": "Dapur", "Kondisi": "rusak ringan"}).condition
        'RR'
        """
        if not isinstance(row, Mapping):
            raise CalculationError(f"{row_label(None, row_number)}: expected a mapping of fields, got {row!r}")
        named, unknown = rename_row(row, field_names(COUNT_COLUMNS, COUNT_ALIASES))
        return cls(**_check_count(named, row_number, unknown))


def count_from_rows(rows: Iterable[Any], first_row: int | None = None) -> tuple[CountRow, ...]:
    """Check every count row; raise ONE error listing every problem (a code counted twice is one).

    ``rows`` are dicts, :class:`CountRow` or a DataFrame (headers as in
    :data:`COUNT_COLUMNS`, any language or case). Rows are numbered from
    ``first_row``: 1 for a list, 2 for a DataFrame (its header is row 1).
    Blank rows are skipped. An empty count is allowed (everything missing).

    >>> [c.code for c in count_from_rows([{"kode": "B1", "ruang": "Dapur", "kondisi": "B", "jumlah": 2}])]
    ['B1']
    """
    if type(rows).__name__ == "DataFrame":
        rows, first_row = frame_rows(rows, COUNT_COLUMNS, COUNT_ALIASES, {"quantity"}), first_row or 2
    if isinstance(rows, (str, bytes)) or not isinstance(rows, Iterable):
        raise CalculationError(f"count: expected a list of count rows (dicts), got {rows!r}")
    items, problems = build_rows(
        enumerate(rows, first_row or 1),
        lambda row, n: row if isinstance(row, CountRow) else CountRow.from_dict(row, n),
        field_names(COUNT_COLUMNS, COUNT_ALIASES),
        "count",
    )
    if problems:
        raise problem_list("count", problems)
    return tuple(items)


@dataclass(frozen=True)
class ItemCheck:
    """One register item and the count row of its code (``None`` when not counted)."""

    record: AssetRecord
    counted: CountRow | None
    write_off_reason: str = ""

    @property
    def found(self) -> bool:
        return self.counted is not None and self.counted.quantity > 0

    @property
    def condition_changed(self) -> bool:
        return self.counted is not None and self.found and self.counted.condition != self.record.condition

    @property
    def location_changed(self) -> bool:
        return self.counted is not None and self.found and room_key(self.counted.room) != room_key(self.record.room)

    @property
    def quantity_difference(self) -> int:
        """Counted − recorded units (0 when missing)."""
        return self.counted.quantity - self.record.quantity if self.counted is not None and self.found else 0


def _found_dict(c: ItemCheck) -> dict[str, Any]:
    r, n = c.record, cast(CountRow, c.counted)  # called for found items only
    return {
        "code": r.code, "name": r.name, "card": r.card, "register_room": r.room, "counted_room": n.room,
        "register_condition": r.condition, "counted_condition": n.condition,
        "register_quantity": r.quantity, "counted_quantity": n.quantity, "cost": r.cost,
    }  # fmt: skip


@dataclass(frozen=True)
class Reconciliation:
    """Result of :func:`reconcile`: one :class:`ItemCheck` per register item, and the surplus rows."""

    items: tuple[ItemCheck, ...]
    surplus: tuple[CountRow, ...]

    @property
    def found(self) -> tuple[ItemCheck, ...]:
        return tuple(c for c in self.items if c.found)

    @property
    def missing(self) -> tuple[ItemCheck, ...]:
        return tuple(c for c in self.items if not c.found)

    @property
    def write_off_candidates(self) -> tuple[ItemCheck, ...]:
        return tuple(c for c in self.items if c.write_off_reason)

    def to_dict(self) -> dict[str, Any]:
        """Lists of plain dicts: ``found, missing, surplus, condition_changed, location_changed,
        quantity_short, quantity_over, write_off_candidates``, then ``summary`` (list lengths) and
        ``totals`` (``register``, ``found``, ``missing``: records, units and cost by card and condition)."""
        found = self.found
        out: dict[str, Any] = {
            "found": [_found_dict(c) for c in found],
            "missing": [
                {k: getattr(c.record, k) for k in ("code", "name", "card", "room", "condition", "quantity", "cost")}
                for c in self.missing
            ],
            "surplus": [row.to_dict() for row in self.surplus],
        }
        pick = {
            "condition_changed": ("register_condition", "counted_condition"),
            "location_changed": ("register_room", "counted_room"),
            "quantity_short": ("register_quantity", "counted_quantity"),
            "quantity_over": ("register_quantity", "counted_quantity"),
        }
        tests = {
            "condition_changed": lambda c: c.condition_changed,
            "location_changed": lambda c: c.location_changed,
            "quantity_short": lambda c: c.quantity_difference < 0,
            "quantity_over": lambda c: c.quantity_difference > 0,
        }
        for key, keep in pick.items():
            out[key] = [
                {k: d[k] for k in ("code", "name", *keep)}
                for c, d in zip(found, out["found"], strict=True)
                if tests[key](c)
            ]
        out["write_off_candidates"] = [
            {k: d[k] for k in ("code", "name", "card", "register_condition", "counted_condition", "cost")}
            | {"reason": c.write_off_reason}
            for c, d in zip(found, out["found"], strict=True)
            if c.write_off_reason
        ]
        out["summary"] = {"register": len(self.items)} | {k: len(v) for k, v in out.items()}
        out["totals"] = {
            "register": totals_of(c.record for c in self.items).to_dict(),
            "found": totals_of(
                replace(c.record, condition=c.counted.condition) for c in found if c.counted is not None
            ).to_dict(),
            "missing": totals_of(c.record for c in self.missing).to_dict(),
        }
        return out


def _as_register(register: object) -> AssetRegister:
    if isinstance(register, AssetRegister):
        return register
    if type(register).__name__ == "DataFrame":
        return register_from_frame(register)  # type: ignore[arg-type]
    return register_from_rows(register)  # type: ignore[arg-type]


def reconcile(
    register: AssetRegister | Iterable[Mapping[str, Any]],
    count: Iterable[CountRow | Mapping[str, Any]],
    write_off_conditions: Iterable[str] = WRITE_OFF_CONDITIONS,
) -> Reconciliation:
    """Match a physical count with the register (*rekonsiliasi hasil inventarisasi*).

    Parameters
    ----------
    register : AssetRegister, list of dicts or DataFrame
        The KIB records (dicts and frames go through :func:`register_from_rows`).
    count : list of CountRow or dicts, or DataFrame
        The count sheet (see :func:`count_from_rows`); one row per code.
    write_off_conditions : iterable of str, default ``{"RB"}``
        Conditions that make a found item a write-off candidate (Rusak Berat
        is the usual start of *penghapusan*, Permendagri 19/2016 — likely).

    Returns
    -------
    Reconciliation
        ``.to_dict()`` holds the lists ``found, missing, surplus,
        condition_changed, location_changed`` (public contract), and
        ``quantity_short, quantity_over, write_off_candidates, summary, totals``.

    Raises
    ------
    CalculationError
        Any bad register or count row (all listed), a code counted twice.

    Examples
    --------
    >>> reg = [dict(code="B1", name="Sealer", card="B", acquired="2023-01-05", cost=12_500_000,
    ...             funding="DAK 2023", room="Ruang Kemas", condition="B", useful_life_years=5)]
    >>> out = reconcile(reg, [dict(code="b1", name="Sealer", room="Ruang Produksi", condition="RB")]).to_dict()
    >>> out["location_changed"][0]["counted_room"], out["write_off_candidates"][0]["reason"]
    ('Ruang Produksi', 'counted RB')
    """
    reg = _as_register(register)
    rows = count_from_rows(count)
    wanted = {parse_condition(c, "write_off_conditions") for c in write_off_conditions}
    codes = {code_key(r.code) for r in reg.records}
    by_code = {code_key(row.code): row for row in rows if code_key(row.code) in codes}
    items = []
    for record in reg.records:
        check = ItemCheck(record, by_code.get(code_key(record.code)))
        if check.found and check.counted is not None:
            if check.counted.condition in wanted:
                check = replace(check, write_off_reason=f"counted {check.counted.condition}")
            elif record.condition in wanted:
                check = replace(check, write_off_reason=f"{record.condition} on register")
        items.append(check)
    surplus = tuple(row for row in rows if code_key(row.code) not in codes)
    return Reconciliation(tuple(items), surplus)


def reconciliation_table(result: Reconciliation, lang: str = "id") -> pd.DataFrame:
    """One row per register item, then one per surplus row, with a bilingual status and remarks.

    >>> reg = [dict(code="B1", name="Sealer", card="B", acquired="2023-01-05", cost=12_500_000,
    ...             funding="DAK 2023", room="Ruang Kemas", condition="B", useful_life_years=5)]
    >>> reconciliation_table(reconcile(reg, []))["Status"].tolist()
    ['tidak ditemukan']
    """
    import pandas as pd

    column = 1 if check_lang(lang) == "id" else 2
    if not isinstance(result, Reconciliation):
        raise CalculationError(f"result: expected a Reconciliation (see reconcile), got {result!r}")

    def say(text: Text) -> str:
        return text.id if lang == "id" else text.en

    lines = []
    for c in result.items:
        r, n = c.record, c.counted if c.found else None
        notes = [
            key
            for key, on in (
                ("condition_changed", c.condition_changed),
                ("location_changed", c.location_changed),
                ("quantity_short", c.quantity_difference < 0),
                ("quantity_over", c.quantity_difference > 0),
                ("write_off", bool(c.write_off_reason)),
            )
            if on
        ]
        lines.append(
            {"code": r.code, "name": r.name, "card": r.card, "register_room": r.room,
             "counted_room": n.room if n else None, "register_condition": r.condition,
             "counted_condition": n.condition if n else None, "register_quantity": r.quantity,
             "counted_quantity": n.quantity if n else None, "cost": r.cost,
             "status": say(STATUSES["found" if c.found else "missing"]),
             "notes": "; ".join(say(NOTES[k]) for k in notes)}
        )  # fmt: skip
    for s in result.surplus:
        lines.append(
            {"code": s.code, "name": s.name, "card": None, "register_room": None, "counted_room": s.room,
             "register_condition": None, "counted_condition": s.condition, "register_quantity": None,
             "counted_quantity": s.quantity, "cost": None, "status": say(STATUSES["surplus"]), "notes": ""}
        )  # fmt: skip
    frame = pd.DataFrame(lines, columns=[spec[0] for spec in TABLE_COLUMNS])
    frame = frame.astype({"register_quantity": "Int64", "counted_quantity": "Int64", "cost": "Int64"})
    return frame.rename(columns={spec[0]: spec[column] for spec in TABLE_COLUMNS})
