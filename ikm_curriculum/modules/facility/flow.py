"""Flow and distance (aliran bahan dan jarak): from-to charts, centroids, distances and layout cost.

Sources: J. A. Tompkins, J. A. White, Y. A. Bozer, J. M. A. Tanchoco, *Facilities
Planning* (Wiley, 4th ed. 2010), ch. 3 (from-to charts) and ch. 6 (layout
evaluation with flows × distances, the quadratic assignment formulation);
S. S. Heragu, *Facilities Design* (CRC Press, 3rd ed. 2008), ch. 5.

A from-to chart ``f`` gives the material moved from department i to department j
(trips/day, kg/day …; directed, non-negative, zero diagonal). With the distance
``d_ij`` between the departments (centroid to centroid) and a cost ``c`` per
unit of flow per unit of distance::

    layout cost = Σ_i Σ_j f_ij · d_ij · c
    rectilinear d_ij = |x_i − x_j| + |y_i − y_j|,   Euclidean d_ij = √((x_i − x_j)² + (y_i − y_j)²)

A grid layout maps each department to one cell ``(row, col)`` or a list of
cells; cell (r, c) has its centre at x = (c + ½)·s, y = (r + ½)·s for a cell
size s. A department's centroid is the mean of its cell centres (Tompkins,
ch. 6, CRAFT centroids).
"""

from __future__ import annotations

import math
import numbers
import sys
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    import pandas as pd

from ikm_curriculum.errors import CalculationError

Cell = tuple[int, int]
METRICS = ("rectilinear", "euclidean")


def _name(value: object, what: str) -> Hashable:
    """A department/activity name: a non-empty string or an integer."""
    if isinstance(value, str) and value.strip():
        return value
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return int(value)
    raise CalculationError(f"{what}: expected a department name (text or whole number), got {value!r}")


def _number(value: object, what: str, *, minimum: float | None = None) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(float(value)):
        raise CalculationError(f"{what}: expected a finite number, got {value!r}")
    if minimum is not None and float(value) < minimum:
        raise CalculationError(f"{what}: expected a number ≥ {minimum:g}, got {value!r}")
    return float(value)


def is_frame(value: object) -> bool:
    """True for a pandas DataFrame. pandas is imported only when a result is built (it costs
    ~0.2 s at every ``ikm`` start otherwise); a value cannot be a DataFrame before pandas is loaded.
    """
    pandas = sys.modules.get("pandas")
    return pandas is not None and isinstance(value, pandas.DataFrame)


def _square(
    table: object, what: str, *, fill_missing: bool, names: Sequence[Hashable] | None = None
) -> tuple[tuple[Hashable, ...], np.ndarray]:
    """Names and values of a square table (DataFrame or nested mapping ``{row: {col: value}}``).

    Values must be finite and ≥ 0. ``fill_missing`` lets a nested mapping omit
    entries (taken as 0); otherwise every off-diagonal entry must be present.
    With ``names``, the table must cover exactly those names; rows/columns are
    put in that order.
    """
    if is_frame(table):
        rows = [_name(r, f"{what}: row label") for r in table.index]
        cols = [_name(c, f"{what}: column label") for c in table.columns]
        if len(set(rows)) != len(rows) or len(set(cols)) != len(cols):
            raise CalculationError(f"{what}: row and column labels must be unique")
        if set(rows) != set(cols):
            only_rows, only_cols = sorted(map(str, set(rows) - set(cols))), sorted(map(str, set(cols) - set(rows)))
            raise CalculationError(
                f"{what}: expected a square table with the same names on rows and columns; "
                f"rows only: {only_rows}, columns only: {only_cols}"
            )
        got = tuple(rows)
        values = {(r, c): table.iloc[i, j] for i, r in enumerate(rows) for j, c in enumerate(cols)}
    elif isinstance(table, Mapping):
        got = tuple(_name(r, f"{what}: row label") for r in table)
        values = {}
        for r, inner in table.items():
            if not isinstance(inner, Mapping):
                raise CalculationError(f"{what}[{r!r}]: expected a mapping of column name → number")
            for c, v in inner.items():
                if c not in table:
                    raise CalculationError(f"{what}[{r!r}][{c!r}]: {c!r} is not one of the row names {list(got)}")
                values[(r, c)] = v
    else:
        raise CalculationError(f"{what}: expected a pandas DataFrame or a nested mapping, got {type(table).__name__}")
    if not got:
        raise CalculationError(f"{what}: the table is empty")
    if names is not None:
        if set(got) != set(names):
            raise CalculationError(
                f"{what}: the department names do not match; missing {sorted(map(str, set(names) - set(got)))}, "
                f"unexpected {sorted(map(str, set(got) - set(names)))}"
            )
        got = tuple(names)
    matrix = np.zeros((len(got), len(got)))
    for i, r in enumerate(got):
        for j, c in enumerate(got):
            if (r, c) in values:
                matrix[i, j] = _number(values[(r, c)], f"{what}[{r!r}][{c!r}]", minimum=0.0)
            elif i != j and not fill_missing:
                raise CalculationError(f"{what}: the entry from {r!r} to {c!r} is missing")
    return got, matrix


def _flows(flows: object, names: Sequence[Hashable] | None = None) -> tuple[tuple[Hashable, ...], np.ndarray]:
    got, matrix = _square(flows, "flows", fill_missing=True, names=names)
    for i, r in enumerate(got):
        if matrix[i, i] != 0:
            raise CalculationError(
                f"flows[{r!r}][{r!r}] = {matrix[i, i]:g}: a department has no flow to itself (use 0)"
            )
    return got, matrix


def _unit_cost(unit_cost: object, names: Sequence[Hashable]) -> np.ndarray | float:
    if is_frame(unit_cost) or isinstance(unit_cost, Mapping):
        return _square(unit_cost, "unit_cost", fill_missing=False, names=names)[1]
    return _number(unit_cost, "unit_cost", minimum=0.0)


def _frame(names: Sequence[Hashable], matrix: np.ndarray) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(matrix, index=list(names), columns=list(names))


def from_to_chart(flows: object, departments: Sequence[Hashable] | None = None) -> pd.DataFrame:
    """Validated from-to chart (*peta dari-ke*) as a float DataFrame (rows: from, columns: to).

    Parameters
    ----------
    flows : DataFrame, nested mapping or iterable of moves
        ``{from: {to: quantity}}`` (missing entries are 0), a square DataFrame,
        or moves ``(from, to, quantity)`` which are summed per pair.
    departments : sequence, optional
        Names and their order; needed to list departments without moves.

    Raises
    ------
    CalculationError
        Not square, names differ, a negative or non-numeric flow, flow on the diagonal.

    Examples
    --------
    >>> chart = from_to_chart([("Cuci", "Rebus", 3), ("Rebus", "Suwir", 2), ("Cuci", "Rebus", 1)])
    >>> float(chart.loc["Cuci", "Rebus"]), float(chart.loc["Suwir", "Cuci"])
    (4.0, 0.0)
    """
    if is_frame(flows) or isinstance(flows, Mapping):
        return _frame(*_flows(flows, departments))
    if isinstance(flows, (str, bytes)) or not isinstance(flows, Iterable):
        raise CalculationError(f"flows: expected a DataFrame, a nested mapping or a list of moves, got {flows!r}")
    order: list[Hashable] = [] if departments is None else [_name(d, "departments") for d in departments]
    nested: dict[Hashable, dict[Hashable, float]] = {}
    for k, move in enumerate(flows):
        if isinstance(move, (str, bytes)) or not isinstance(move, Sequence) or len(move) != 3:
            raise CalculationError(f"flows[{k}]: expected a move (from, to, quantity), got {move!r}")
        a, b = _name(move[0], f"flows[{k}] from"), _name(move[1], f"flows[{k}] to")
        q = _number(move[2], f"flows[{k}] quantity", minimum=0.0)
        for d in (a, b):
            if departments is None and d not in order:
                order.append(d)
        nested.setdefault(a, {})[b] = nested.get(a, {}).get(b, 0.0) + q
    for a in nested:
        if a not in order:
            raise CalculationError(f"flows: department {a!r} is not in departments {order}")
    table = {d: dict(nested.get(d, {})) for d in order}
    return _frame(*_flows(table, order))


def _grid_layout(layout: object, what: str = "layout") -> dict[Hashable, tuple[Cell, ...]]:
    """``{department: cells}`` from a mapping to one cell ``(row, col)`` or to a list of cells."""
    if not isinstance(layout, Mapping) or not layout:
        raise CalculationError(f"{what}: expected a mapping department → (row, col) or → list of cells")
    owner: dict[Cell, Hashable] = {}
    result: dict[Hashable, tuple[Cell, ...]] = {}
    for dept, value in layout.items():
        name = _name(dept, f"{what} key")
        single = isinstance(value, (tuple, list)) and len(value) == 2 and isinstance(value[0], numbers.Number)
        raw = [value] if single else value
        if isinstance(raw, (str, bytes)) or not isinstance(raw, (Sequence, np.ndarray)) or len(raw) == 0:
            raise CalculationError(f"{what}[{name!r}]: expected a cell (row, col) or a non-empty list of cells")
        cells = []
        for cell in raw:
            ok = isinstance(cell, (tuple, list, np.ndarray)) and len(cell) == 2
            if not ok or any(isinstance(v, bool) or not isinstance(v, numbers.Integral) for v in cell):
                raise CalculationError(f"{what}[{name!r}]: expected cells (row, col) of whole numbers, got {cell!r}")
            rc = (int(cell[0]), int(cell[1]))
            if rc in owner:
                other = owner[rc]
                raise CalculationError(f"{what}: cell {rc} is given to both {other!r} and {name!r}")
            owner[rc] = name
            cells.append(rc)
        result[name] = tuple(cells)
    return result


def centroids(layout: Mapping[Hashable, Any], cell_size: float = 1.0) -> dict[Hashable, tuple[float, float]]:
    """Centroid ``(x, y)`` of each department of a grid layout: the mean of its cell centres.

    Cell (row r, column c) has its centre at x = (c + ½)·s, y = (r + ½)·s, with
    s = ``cell_size`` (e.g. metres per cell). Non-contiguous departments are
    allowed (the centroid is still the mean).

    Examples
    --------
    >>> centroids({"Gudang": [(0, 0), (0, 1)], "Produksi": (1, 0)}, cell_size=2.0)
    {'Gudang': (2.0, 1.0), 'Produksi': (1.0, 3.0)}
    """
    size = _number(cell_size, "cell_size", minimum=0.0)
    if size <= 0:
        raise CalculationError(f"cell_size: expected a number > 0, got {cell_size!r}")
    result = {}
    for name, cells in _grid_layout(layout).items():
        arr = np.asarray(cells, dtype=float)
        result[name] = (float((arr[:, 1].mean() + 0.5) * size), float((arr[:, 0].mean() + 0.5) * size))
    return result


def _point(value: object, what: str) -> tuple[float, float]:
    if not isinstance(value, (tuple, list, np.ndarray)) or len(value) != 2:
        raise CalculationError(f"{what}: expected a point (x, y), got {value!r}")
    return _number(value[0], f"{what} x"), _number(value[1], f"{what} y")


def _pairwise(points: np.ndarray, metric: str) -> np.ndarray:
    diff = points[:, None, :] - points[None, :, :]
    if metric == "rectilinear":
        return np.abs(diff).sum(axis=2)
    if metric == "euclidean":
        return np.sqrt((diff**2).sum(axis=2))
    raise CalculationError(f"metric: expected one of {list(METRICS)}, got {metric!r}")


def distance_matrix(points: Mapping[Hashable, Any], metric: str = "rectilinear") -> pd.DataFrame:
    """Distances between department points ``{name: (x, y)}``: rectilinear |Δx| + |Δy| or Euclidean.

    Rectilinear distance models travel along aisles at right angles (forklift,
    hand cart); Euclidean, a straight line (conveyor, crane) — Tompkins, ch. 6.

    Examples
    --------
    >>> d = distance_matrix({"A": (0, 0), "B": (3, 4)})
    >>> float(d.loc["A", "B"]), float(distance_matrix({"A": (0, 0), "B": (3, 4)}, "euclidean").loc["B", "A"])
    (7.0, 5.0)
    """
    if not isinstance(points, Mapping) or not points:
        raise CalculationError("points: expected a mapping department → (x, y)")
    names = [_name(n, "points key") for n in points]
    arr = np.array([_point(points[n], f"points[{n!r}]") for n in points])
    return _frame(names, _pairwise(arr, metric))


def layout_distances(
    layout: Mapping[Hashable, Any], metric: str = "rectilinear", cell_size: float = 1.0
) -> pd.DataFrame:
    """Centroid-to-centroid distances of a grid layout (:func:`centroids`, then :func:`distance_matrix`).

    >>> float(layout_distances({"A": (0, 0), "B": [(1, 1), (1, 2)]}).loc["A", "B"])
    2.5
    """
    return distance_matrix(centroids(layout, cell_size), metric)


def cost_table(flows: object, distances: object, unit_cost: object = 1.0) -> pd.DataFrame:
    """Cost of each directed pair, f_ij · d_ij · c_ij, as a DataFrame in the order of ``flows``.

    ``flows`` and ``distances`` are square tables (DataFrame or nested mapping)
    over the same department names; ``unit_cost`` is a number or a square table
    (CRAFT's cost matrix). See :func:`layout_cost`.

    >>> float(cost_table({"A": {"B": 2}, "B": {}}, {"A": {"B": 5}, "B": {"A": 5}}).loc["A", "B"])
    10.0
    """
    names, f = _flows(flows)
    _, d = _square(distances, "distances", fill_missing=False, names=names)
    return _frame(names, f * d * _unit_cost(unit_cost, names))


def layout_cost(flows: object, distances: object, unit_cost: object = 1.0) -> float:
    """Flow × distance cost of a layout: Σ_i Σ_j f_ij · d_ij · c.

    Tompkins et al., *Facilities Planning*, ch. 6 (the quadratic-assignment
    objective used by CRAFT and the pairwise-exchange method); Heragu,
    *Facilities Design*, ch. 5.

    Parameters
    ----------
    flows : DataFrame or nested mapping
        From-to chart (directed, ≥ 0, zero diagonal; a nested mapping may omit zeros).
    distances : DataFrame or nested mapping
        Square table over the same names (any order), ≥ 0, every pair given.
    unit_cost : float or square table, default 1.0
        Cost per unit of flow per unit of distance (≥ 0).

    Returns
    -------
    float

    Raises
    ------
    CalculationError
        Non-square tables, names that differ, negative or missing entries.

    Examples
    --------
    Three stations in a row 10 m apart (hand-computed: 4·10 + 2·10 + 1·20 = 80 trip-metres):

    >>> flows = {"Terima": {"Olah": 4}, "Olah": {"Kemas": 2}, "Kemas": {"Terima": 1}}
    >>> dist = {"Terima": {"Olah": 10, "Kemas": 20}, "Olah": {"Terima": 10, "Kemas": 10},
    ...         "Kemas": {"Terima": 20, "Olah": 10}}
    >>> layout_cost(flows, dist)
    80.0
    """
    return float(cost_table(flows, distances, unit_cost).to_numpy().sum())
