"""Asset register (*daftar barang*) in the layout of the asset cards KIB A–F and the room card KIR.

The regional assets (*Barang Milik Daerah*, BMD) of a centre are recorded on
asset cards (*Kartu Inventaris Barang*, KIB), one card per class of fixed
asset, and every movable item also on the card of the room it is kept in
(*Kartu Inventaris Ruangan*, KIR). The six classes are those of PSAP 07
*Aset Tetap* (PP 71/2010, Lampiran I); the KIB/KIR forms and the condition
codes B / RR / RB are those of Permendagri 19/2016 *Pedoman Pengelolaan Barang
Milik Daerah* — firm.

One :class:`AssetRecord` is one line of a KIB; an :class:`AssetRegister` is the
set of lines, keyed by the asset code (*kode barang*). Inputs from a table are
accepted in the forms people type: card ``"KIB B"`` or ``"b"``; condition
``"RB"`` or ``"Rusak Berat"``; dates as :class:`datetime.date`, ISO
``"2023-05-17"`` or ``"17/05/2023"``; cost ``12500000`` or ``"12.500.000"``
(the cell readers are in :mod:`ikm_curriculum.modules.table_cells`; the
cards and conditions in :mod:`ikm_curriculum.modules.assets.cards`, whose
:data:`CARDS` and :data:`CONDITIONS` callers may import from here too).

>>> reg = register_from_rows([
...     {"code": "02.06.01.05.001", "name": "Mesin giling ikan", "card": "KIB B", "acquired": "17/05/2023",
...      "cost": "45.000.000", "funding": "DAK 2023", "room": "Ruang Produksi", "condition": "Baik",
...      "useful_life_years": 10}])
>>> reg.records[0].card, reg.records[0].cost, reg.totals().cost
('B', 45000000, 45000000)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from datetime import date
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from ikm_curriculum.errors import CalculationError
from ikm_curriculum.modules.assets.cards import (
    CARDS,
    CONDITIONS,
    NOT_DEPRECIATED_CARDS,
    ROOM_REQUIRED_CARDS,
    WRITE_OFF_CONDITIONS,
    parse_card,
    parse_condition,
)
from ikm_curriculum.modules.table_cells import (
    bad_value,
    build_rows,
    check_lang,
    code_key,
    field_names,
    frame_rows,
    is_empty,
    parse_cost,
    parse_date,
    parse_text,
    parse_whole,
    problem_list,
    rename_row,
    room_key,
    row_label,
)

if TYPE_CHECKING:
    import pandas as pd

REGISTER_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("code", "Kode Barang", "Asset code"),
    ("name", "Nama Barang", "Asset name"),
    ("card", "KIB", "Asset card (KIB)"),
    ("acquired", "Tanggal Perolehan", "Acquisition date"),
    ("cost", "Harga Perolehan (Rp)", "Acquisition cost (IDR)"),
    ("funding", "Sumber Dana", "Source of funds"),
    ("room", "Ruang (KIR)", "Room (KIR)"),
    ("condition", "Kondisi", "Condition"),
    ("useful_life_years", "Masa Manfaat (tahun)", "Useful life (years)"),
    ("quantity", "Jumlah", "Quantity"),
)
"""Columns of a register table, in order: (field, Indonesian header, English header)."""

REGISTER_ALIASES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "code": ("kode",),
        "name": ("nama",),
        "card": ("kib", "card"),
        "acquired": ("tanggal_perolehan", "tanggal"),
        "cost": ("harga", "harga_perolehan"),
        "funding": ("sumber_dana",),
        "room": ("ruang",),
        "condition": ("kondisi",),
        "useful_life_years": ("masa_manfaat",),
        "quantity": ("jumlah",),
    }
)
"""Short Indonesian column names accepted besides the headers and field names."""

_OPTIONAL_COLUMNS = frozenset({"quantity"})


def _check_record(
    raw: Mapping[str, Any], row_number: int | None, earlier: Iterable[str] = ()
) -> tuple[dict[str, Any], list[str]]:
    """Parse every field of one record; return the clean values and ALL problems, each prefixed by the row."""
    out: dict[str, Any] = {}
    try:
        out["code"] = parse_text(raw.get("code"), "code")
        problems: list[str] = []
    except CalculationError as exc:
        problems = [str(exc)]
    where = row_label(out.get("code"), row_number)
    problems = [f"{where}: {p}" for p in (*earlier, *problems)]
    life = raw.get("useful_life_years")
    parsers = {
        "name": lambda v: parse_text(v, "name"),
        "card": parse_card,
        "acquired": parse_date,
        "cost": parse_cost,
        "funding": lambda v: parse_text(v, "funding"),
        "room": lambda v: parse_text(v, "room", required=False),
        "condition": parse_condition,
        "useful_life_years": lambda v: None if is_empty(v) else parse_whole(v, "useful_life_years", 1),
        "quantity": lambda v: 1 if is_empty(v) else parse_whole(v, "quantity", 1),
    }
    for field, parse in parsers.items():
        try:
            out[field] = parse(raw.get(field))
        except CalculationError as exc:
            problems.append(f"{where}: {exc}")
    card = out.get("card")
    if card in NOT_DEPRECIATED_CARDS and "useful_life_years" in out and out["useful_life_years"] is not None:
        problems.append(
            f"{where}: useful_life_years: expected empty for card {card} ({CARDS[card].id}, not depreciated), "
            f"got {life!r}"
        )
    if card and card not in NOT_DEPRECIATED_CARDS and "useful_life_years" in out and out["useful_life_years"] is None:
        problems.append(
            f"{where}: useful_life_years: expected a whole number of years ≥ 1 for card {card}, got nothing"
        )
    if card in ROOM_REQUIRED_CARDS and out.get("room") == "":
        problems.append(f"{where}: room: expected the room (KIR) where the item is kept, for card {card}, got nothing")
    return out, problems


@dataclass(frozen=True)
class AssetRecord:
    """One line of a Kartu Inventaris Barang (asset card).

    Every field is checked (and tidied) when the record is made; see
    :func:`make_record` for the accepted forms. ``cost`` is the acquisition
    cost of the whole line (all ``quantity`` units) in whole rupiah.
    """

    code: str
    name: str
    card: str
    acquired: date
    cost: int
    funding: str
    room: str
    condition: str
    useful_life_years: int | None
    quantity: int = 1

    def __post_init__(self) -> None:
        clean, problems = _check_record({f.name: getattr(self, f.name) for f in fields(self)}, None)
        if problems:
            raise CalculationError("\n".join(problems))
        for key, value in clean.items():
            object.__setattr__(self, key, value)

    def to_dict(self) -> dict[str, Any]:
        """Plain values; the date as ISO text.

        >>> make_record(code="X1", name="Tanah", card="A", acquired="2019-03-01", cost=1,
        ...             funding="APBD", room="", condition="B", useful_life_years=None).to_dict()["acquired"]
        '2019-03-01'
        """
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        out["acquired"] = self.acquired.isoformat()
        return out

    @classmethod
    def from_dict(cls, row: Mapping[Any, Any], row_number: int | None = None) -> AssetRecord:
        """A record from a table row; keys are field names, headers (either language) or short names.

        All problems of the row are raised together, each as ``row N (code X): field: expected …, got …``.
        """
        if not isinstance(row, Mapping):
            raise CalculationError(f"{row_label(None, row_number)}: expected a mapping of fields, got {row!r}")
        named, unknown = rename_row(row, field_names(REGISTER_COLUMNS, REGISTER_ALIASES))
        clean, problems = _check_record(named, row_number, unknown)
        if problems:
            raise CalculationError("\n".join(problems))
        return cls(**clean)


def make_record(**fields_: Any) -> AssetRecord:
    """An :class:`AssetRecord` (one line of a KIB) from keyword fields, checked and tidied.

    Rules (data: :data:`NOT_DEPRECIATED_CARDS`, :data:`ROOM_REQUIRED_CARDS`):

    * ``useful_life_years`` (*masa manfaat*) empty for cards A and F — land and
      construction in progress are not depreciated (PSAP 07 par. 53, firm);
      a whole number ≥ 1 for cards B–E (its value is the region's accounting
      policy, not checked here);
    * ``room`` (the KIR) required for cards B and E, whose items stand in a
      room (Permendagri 19/2016 KIR form, likely); may be empty for A, C, D, F;
    * ``cost`` (*harga perolehan*) whole rupiah > 0 for the whole line;
      ``quantity`` (*jumlah*) ≥ 1, default 1.

    Parameters
    ----------
    **fields_
        ``code, name, card, acquired, cost, funding, room, condition,
        useful_life_years, quantity``; keys may also be the headers of
        :data:`REGISTER_COLUMNS` (either language) or the short names of
        :data:`REGISTER_ALIASES`. Accepted forms: ``card`` ``"B"``, ``"b"``,
        ``"KIB B"``; ``condition`` ``"RB"`` or ``"Rusak Berat"`` (any case);
        ``acquired`` a date, ``"YYYY-MM-DD"`` or ``"DD/MM/YYYY"``; ``cost``
        ``12500000`` or ``"12.500.000"``.

    Returns
    -------
    AssetRecord

    Raises
    ------
    CalculationError
        Every problem of the record at once, each ``code X: field: expected …, got …``.

    Examples
    --------
    >>> make_record(code="02.06.03.02.001", name="Timbangan digital", card="b", acquired="01/02/2023",
    ...             cost="3.250.000", funding="APBD 2023", room="Ruang Kemas", condition="rusak berat",
    ...             useful_life_years=5).condition
    'RB'
    """
    return AssetRecord.from_dict(fields_)


def _bucket() -> dict[str, int]:
    return {"records": 0, "quantity": 0, "cost": 0}


@dataclass(frozen=True)
class RegisterTotals:
    """Number of records, units and cost (Rp), overall and by card and by condition."""

    records: int
    quantity: int
    cost: int
    by_card: dict[str, dict[str, int]]
    by_condition: dict[str, dict[str, int]]

    def to_dict(self) -> dict[str, Any]:
        """Plain dicts; every card A–F and every condition appears, with zeros where empty."""
        return {
            "records": self.records,
            "quantity": self.quantity,
            "cost": self.cost,
            "by_card": {k: dict(v) for k, v in self.by_card.items()},
            "by_condition": {k: dict(v) for k, v in self.by_condition.items()},
        }


def totals_of(records: Iterable[AssetRecord]) -> RegisterTotals:
    """Count and cost of records, by card (KIB) and by condition (*rekapitulasi*).

    For each card k: records = number of lines, quantity = Σ quantity,
    cost = Σ cost of the lines on card k; the same by condition and overall
    (the recapitulation of a KIB, Permendagri 19/2016 — firm).

    >>> totals_of([]).to_dict()["by_condition"]["RB"]
    {'records': 0, 'quantity': 0, 'cost': 0}
    """
    by_card = {card: _bucket() for card in CARDS}
    by_condition = {cond: _bucket() for cond in CONDITIONS}
    total = _bucket()
    for record in records:
        for bucket in (total, by_card[record.card], by_condition[record.condition]):
            bucket["records"] += 1
            bucket["quantity"] += record.quantity
            bucket["cost"] += record.cost
    return RegisterTotals(total["records"], total["quantity"], total["cost"], by_card, by_condition)


@dataclass(frozen=True)
class AssetRegister:
    """The asset register of a centre: records with unique codes (compared ignoring case and spaces)."""

    records: tuple[AssetRecord, ...]

    def __post_init__(self) -> None:
        records = tuple(self.records)
        seen: dict[str, int] = {}
        for i, record in enumerate(records):
            if not isinstance(record, AssetRecord):
                raise CalculationError(f"records[{i}]: expected an AssetRecord, got {record!r}")
            if code_key(record.code) in seen:
                first = seen[code_key(record.code)]
                raise CalculationError(f"records[{i}]: code {record.code!r} is already used by records[{first}]")
            seen[code_key(record.code)] = i
        object.__setattr__(self, "records", records)

    def find(self, code: str) -> AssetRecord | None:
        """The record with this code (ignoring case and outer spaces), or ``None``."""
        key = code_key(code)
        return next((r for r in self.records if code_key(r.code) == key), None)

    def by_card(self, card: str) -> tuple[AssetRecord, ...]:
        """Records on one asset card (``"B"``, ``"b"`` or ``"KIB B"``)."""
        letter = parse_card(card)
        return tuple(r for r in self.records if r.card == letter)

    def rooms(self) -> tuple[str, ...]:
        """The rooms named on the register, sorted."""
        return tuple(sorted({r.room for r in self.records if r.room}))

    def room_card(self, room: str) -> tuple[AssetRecord, ...]:
        """Kartu Inventaris Ruangan (room card): the records kept in one room (case and spaces ignored)."""
        key = room_key(room) if isinstance(room, str) else ""
        found = tuple(r for r in self.records if key and room_key(r.room) == key)
        if not found:
            raise CalculationError(f"room: expected one of {', '.join(self.rooms()) or '(no rooms)'}, got {room!r}")
        return found

    def totals(self) -> RegisterTotals:
        """Counts and cost by card and by condition (see :func:`totals_of`)."""
        return totals_of(self.records)

    def write_off_candidates(self, conditions: Iterable[str] = WRITE_OFF_CONDITIONS) -> tuple[AssetRecord, ...]:
        """Records whose condition usually starts a write-off (*penghapusan*).

        Rusak Berat is the usual path to *penghapusan* (Permendagri 19/2016;
        DOMAIN.md: firm / likely); the final decision follows the region's
        procedure. ``conditions`` replaces :data:`WRITE_OFF_CONDITIONS`.

        >>> reg = register_from_rows([dict(code="T1", name="Timbangan", card="B", acquired="2023-01-05",
        ...     cost=3_250_000, funding="APBD 2023", room="Ruang Kemas", condition="RB", useful_life_years=5)])
        >>> [r.code for r in reg.write_off_candidates()]
        ['T1']
        """
        wanted = {parse_condition(c, "conditions") for c in conditions}
        return tuple(r for r in self.records if r.condition in wanted)

    def to_dict(self) -> dict[str, Any]:
        """``{"records": [record.to_dict(), ...]}``."""
        return {"records": [r.to_dict() for r in self.records]}


def register_from_rows(rows: Iterable[Mapping[Any, Any]], first_row: int = 1) -> AssetRegister:
    """Check every row and build the register; raise ONE error listing every problem of every row.

    Rows are numbered from ``first_row`` (use 2 for a sheet whose header is row 1);
    rows whose cells are all empty are skipped. A code used twice is a problem.
    """
    if type(rows).__name__ == "DataFrame":
        return register_from_frame(rows)  # type: ignore[arg-type]
    if isinstance(rows, (str, bytes)) or not isinstance(rows, Iterable):
        raise CalculationError(f"rows: expected a list of asset rows (dicts), got {rows!r}")
    items, problems = build_rows(
        enumerate(rows, first_row), AssetRecord.from_dict, field_names(REGISTER_COLUMNS, REGISTER_ALIASES), "register"
    )
    if problems:
        raise problem_list("asset register", problems)
    if not items:
        raise CalculationError("rows: expected at least one asset, got none")
    return AssetRegister(tuple(items))


def register_to_frame(register: AssetRegister, lang: str = "id") -> pd.DataFrame:
    """The register as a table with the headers of :data:`REGISTER_COLUMNS` in ``lang`` (``"id"``/``"en"``).

    >>> register_to_frame(register_from_rows([dict(code="A1", name="Tanah sentra", card="A",
    ...     acquired="2019-03-01", cost=250_000_000, funding="APBD 2019", room="", condition="B",
    ...     useful_life_years=None)])).columns[:3].tolist()
    ['Kode Barang', 'Nama Barang', 'KIB']
    """
    import pandas as pd

    column = 1 if check_lang(lang) == "id" else 2
    if not isinstance(register, AssetRegister):
        raise bad_value("register", "an AssetRegister (see register_from_rows)", register)
    names = [spec[0] for spec in REGISTER_COLUMNS]
    frame = pd.DataFrame([[getattr(r, f) for f in names] for r in register.records], columns=names)
    frame = frame.astype({"cost": "int64", "quantity": "int64", "useful_life_years": "Int64"})
    return frame.rename(columns={spec[0]: spec[column] for spec in REGISTER_COLUMNS})


def register_from_frame(frame: pd.DataFrame, first_row: int = 2) -> AssetRegister:
    """A register from a table whose headers are in Indonesian, English or field names (any case/spacing).

    Columns not in :data:`REGISTER_COLUMNS` are ignored; ``Jumlah`` may be left out
    (1 each). Rows are numbered as a spreadsheet shows them (header = row 1).
    """
    return register_from_rows(frame_rows(frame, REGISTER_COLUMNS, REGISTER_ALIASES, _OPTIONAL_COLUMNS), first_row)
