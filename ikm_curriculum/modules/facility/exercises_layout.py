"""Exercise generators on layout (tata letak): reading a REL chart, flow × distance cost, a CRAFT swap.

The rooms, flows and REL chart are the participant's centre's (:mod:`.centres`);
the arrangement of rooms and the flows are varied per participant
(:func:`.sample_data.draw_grid`, :func:`.sample_data.draw_flows`).

>>> import numpy as np
>>> from ikm_curriculum.assessment import ParticipantContext
>>> [spec.exercise_id for spec in EXERCISES_LAYOUT]
['fasilitas.rel_reading', 'fasilitas.flow_cost', 'fasilitas.best_swap']
>>> item = EXERCISES_LAYOUT[2].instance(np.random.default_rng(2), ParticipantContext("p1", "tenun"))
>>> len(item.public["options"]), len(item.public["data"]["rows"])
(4, 5)
"""

from __future__ import annotations

from itertools import combinations
from typing import Any

import numpy as np

from ikm_curriculum.assessment import ExerciseSpec, ParticipantContext, bilingual, column, exercise
from ikm_curriculum.modules.facility.centres import Centre, centre_for, rel_chart
from ikm_curriculum.modules.facility.flow import layout_cost, layout_distances
from ikm_curriculum.modules.facility.layout_search import pairwise_exchange
from ikm_curriculum.modules.facility.relationships import CLOSENESS_RATINGS, REASON_CODES
from ikm_curriculum.modules.facility.sample_data import MAX_DRAWS, Key, Public, draw_flows, draw_grid, grid_text, leaks

LETTERS = "abcd"


def rel_cell(rating: str, reasons: tuple[int, ...]) -> str:
    """A REL chart cell: the rating and its reason codes, e.g. 'A (2, 6)'.

    >>> rel_cell("A", (2, 6)), rel_cell("U", ())
    ('A (2, 6)', 'U')
    """
    return f"{rating} ({', '.join(map(str, reasons))})" if reasons else rating


def rel_data(centre: Centre) -> dict[str, Any]:
    """The REL chart as a square table: numbered rooms, each cell rating (reasons), '—' on the diagonal."""
    chart = rel_chart(centre)
    keys = [d.key for d in centre.departments]
    columns = [column("no", "No.", "No."), column("room", "Ruang", "Room")]
    columns += [column(f"r{i}", str(i), str(i)) for i in range(1, len(keys) + 1)]
    rows = [
        [i, d.name.to_dict()] + ["—" if a == d.key else rel_cell(chart.rating(d.key, a), chart.reasons(d.key, a))
                                 for a in keys]
        for i, d in enumerate(centre.departments, start=1)
    ]  # fmt: skip
    return {"columns": columns, "rows": rows}


def _legend(reasons: set[int]) -> dict[str, str]:
    codes_id = "; ".join(f"{c} = {CLOSENESS_RATINGS[c][1].lower()}" for c in CLOSENESS_RATINGS)
    codes_en = "; ".join(f"{c} = {CLOSENESS_RATINGS[c][0].lower()}" for c in CLOSENESS_RATINGS)
    why_id = "; ".join(f"{r} = {REASON_CODES[r][1].lower()}" for r in sorted(reasons))
    why_en = "; ".join(f"{r} = {REASON_CODES[r][0].lower()}" for r in sorted(reasons))
    return bilingual(f"Kode: {codes_id}.\nAlasan: {why_id}.", f"Codes: {codes_en}.\nReasons: {why_en}.")


def _pair_label(centre: Centre, a: str, b: str) -> dict[str, str]:
    x, y = centre.department(a).name, centre.department(b).name
    return bilingual(f"{x.id} – {y.id}", f"{x.en} – {y.en}")


@exercise("fasilitas.rel_reading", kind="single_choice", points=0, graded=False)
def rel_reading(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """Read the centre's REL chart: the pair rated X, the pair rated A, or what a cell means.

    Closeness ratings and reason codes of Muther, *Systematic Layout Planning*
    (1973), as in :mod:`.relationships`.
    """
    centre = centre_for(ctx.commodity)
    chart = rel_chart(centre)
    entries = list(chart.entries)
    question = str(rng.choice(["x", "a", "meaning"]))
    if question in ("x", "a"):
        wanted = question.upper()
        right = entries[int(rng.choice([i for i, e in enumerate(entries) if e.rating == wanted]))]
        others = [i for i, e in enumerate(entries) if e.rating not in (wanted, "U")]
        picks = [right] + [entries[int(i)] for i in rng.choice(others, 3, replace=False)]
        labels = [_pair_label(centre, e.first, e.second) for e in picks]
        ask = {
            "X": ("Pasangan ruang mana yang menurut peta REL tidak dikehendaki berdekatan (kode X)?",
                  "Which pair of rooms must, by the REL chart, not be close together (code X)?"),
            "A": ("Pasangan ruang mana yang menurut peta REL mutlak perlu didekatkan (kode A)?",
                  "Which pair of rooms must, by the REL chart, absolutely be close together (code A)?"),
        }[wanted]  # fmt: skip
    else:
        right = entries[int(rng.choice([i for i, e in enumerate(entries) if e.rating != "U" and e.reasons]))]
        reason = int(rng.choice(right.reasons))
        other_ratings = [str(r) for r in rng.choice([r for r in "AEIOX" if r != right.rating], 2, replace=False)]
        other_reason = int(rng.choice([r for r in REASON_CODES if r not in right.reasons]))
        combos = [(right.rating, reason), (other_ratings[0], reason), (right.rating, other_reason),
                  (other_ratings[1], other_reason)]  # fmt: skip
        labels = [
            bilingual(f"{CLOSENESS_RATINGS[r][1]}, karena {REASON_CODES[w][1].lower()}",
                      f"{CLOSENESS_RATINGS[r][0]}, because of: {REASON_CODES[w][0].lower()}")
            for r, w in combos
        ]  # fmt: skip
        pair = _pair_label(centre, right.first, right.second)
        ask = (f"Menurut peta REL, seberapa penting {pair['id']} berdekatan, dan apa alasannya?",
               f"By the REL chart, how important is it for {pair['en']} to be close, and why?")  # fmt: skip
    order = rng.permutation(4)
    options = [{"id": LETTERS[k], "label": labels[int(i)]} for k, i in enumerate(order)]
    legend = _legend({r for e in entries for r in e.reasons})
    public: Public = {
        "title": bilingual("Membaca peta keterkaitan kegiatan (peta REL)", "Reading an activity relationship chart"),
        "prompt": bilingual(
            "Tabel adalah peta REL sentra: setiap sel memberi kode kedekatan dua ruang (baris dan kolom bernomor "
            f"sama menunjuk ruang yang sama) dan, dalam kurung, nomor alasannya.\n{legend['id']}\n{ask[0]}",
            "The table is the centre's REL chart: each cell gives the closeness code of two rooms (a row and a "
            "column with the same number are the same room) and, in brackets, the numbers of its reasons."
            f"\n{legend['en']}\n{ask[1]}",
        ),
        "data": rel_data(centre),
        "options": options,
    }
    return public, {"correct": LETTERS[int(np.flatnonzero(order == 0)[0])], "question": question}


@exercise("fasilitas.flow_cost", kind="numeric", points=3)
def flow_cost(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """Flow × distance cost of the centre's current layout: Σ f_ij · d_ij.

    Tompkins et al., *Facilities Planning*, ch. 6 (quadratic-assignment
    objective); distances centroid to centroid, rectilinear;
    :func:`.flow.layout_cost`, :func:`.flow.layout_distances`.
    """
    centre = centre_for(ctx.commodity)
    keys = [d.key for d in centre.departments]
    for _ in range(MAX_DRAWS):
        layout, size = draw_grid(rng, centre)
        flows = draw_flows(rng, centre, keys)
        distances = layout_distances(layout, "rectilinear", cell_size=size)
        rows = [[centre.department(a).name.to_dict(), centre.department(b).name.to_dict(), flows[a][b],
                 int(distances.loc[a, b])] for a, b, _ in centre.flows]  # fmt: skip
        grid, unit = grid_text(centre, layout, size), centre.flow_unit
        public: Public = {
            "title": bilingual("Biaya aliran × jarak sebuah tata letak", "Flow × distance cost of a layout"),
            "prompt": bilingual(
                f"Tata letak sentra saat ini: {grid['id']} Tabel berisi perpindahan bahan antarruang "
                f"({unit.id}) dan jarak antarruang, diukur dari pusat ke pusat ruang mengikuti lorong yang "
                "siku-siku. Hitung biaya tata letak ini: jumlah (aliran × jarak) untuk semua baris. Jawab dalam "
                f"meter-trip per hari (bilangan bulat).",
                f"The centre's current layout: {grid['en']} The table gives the material moves between rooms "
                f"({unit.en}) and the distance between the rooms, centre to centre along aisles at right angles. "
                "Compute the cost of this layout: the sum of (flow × distance) over all rows. Answer in "
                "trip-metres per day (a whole number).",
            ),
            "data": {
                "columns": [column("from", "Dari", "From"), column("to", "Ke", "To"),
                            column("flow", f"Aliran ({unit.id})", f"Flow ({unit.en})"),
                            column("distance", "Jarak (m)", "Distance (m)")],
                "rows": rows,
            },
            "unit": bilingual("meter-trip per hari", "trip-metres per day"),
        }  # fmt: skip
        cost = layout_cost(flows, distances)
        if not leaks(public, [cost]):
            # ±0.5: flows and distances are whole numbers, so the cost is; one wrong product moves it by ≥ 4.
            return public, {"value": round(cost, 6), "abs_tol": 0.5}
    raise RuntimeError("every flow-cost draw showed its answer")  # pragma: no cover


ROW = 5  # rooms in the row of the CRAFT exercise


def row_cost(flows: dict[str, dict[str, int]], order: list[str], spacing: int) -> float:
    """Flow × distance cost of rooms in a row, ``spacing`` metres apart (:func:`.flow.layout_cost`).

    >>> row_cost({"a": {"b": 2}, "b": {"c": 1}, "c": {}}, ["a", "c", "b"], 5)
    25.0
    """
    where = {k: i for i, k in enumerate(order)}
    distances = {a: {b: abs(where[a] - where[b]) * spacing for b in order} for a in order}
    return layout_cost(flows, distances)


def swapped(order: list[str], a: str, b: str) -> list[str]:
    """``order`` with rooms ``a`` and ``b`` exchanged."""
    return [b if k == a else a if k == b else k for k in order]


@exercise("fasilitas.best_swap", kind="single_choice", points=3)
def best_swap(rng: np.random.Generator, ctx: ParticipantContext) -> tuple[Public, Key]:
    """One step of pairwise exchange (CRAFT): the swap of two rooms that lowers the flow × distance cost most.

    Armour & Buffa (1963); Tompkins et al., ch. 6 "pairwise exchange method";
    :func:`.layout_search.pairwise_exchange` (its first step). The best swap is
    unique among all swaps and lowers the cost.
    """
    centre = centre_for(ctx.commodity)
    for _ in range(MAX_DRAWS):
        keys = [str(k) for k in rng.choice([d.key for d in centre.departments], ROW, replace=False)]
        flows = draw_flows(rng, centre, keys)
        if sum(len(v) for v in flows.values()) < ROW:
            continue
        spacing = int(rng.choice([4, 5, 6]))
        start = row_cost(flows, keys, spacing)
        costs = {(a, b): row_cost(flows, swapped(keys, a, b), spacing) for a, b in combinations(keys, 2)}
        ranked = sorted(costs.values())
        if not ranked[0] < min(start, ranked[1]):
            continue
        step = pairwise_exchange({k: (0, i * spacing) for i, k in enumerate(keys)}, flows).steps[0]
        best = (str(step.first), str(step.second))
        others = [p for p in costs if p != best]
        picks = [best] + [others[int(i)] for i in rng.choice(len(others), 3, replace=False)]
        order = rng.permutation(4)
        short = {k: centre.department(k).short for k in keys}
        options = [{"id": LETTERS[n], "label": bilingual(f"Tukar {short[picks[i][0]].id} dengan "
                    f"{short[picks[i][1]].id}", f"Swap {short[picks[i][0]].en} and {short[picks[i][1]].en}")}
                   for n, i in enumerate(order.tolist())]  # fmt: skip
        names_id, names_en = (" | ".join(getattr(short[k], lang) for k in keys) for lang in ("id", "en"))
        unit = centre.flow_unit
        public: Public = {
            "title": bilingual("Menukar dua ruang (metode CRAFT)", "Swapping two rooms (the CRAFT method)"),
            "prompt": bilingual(
                f"Lima ruang sentra berjajar dalam satu baris, dari kiri ke kanan: {names_id}. Jarak pusat dua "
                f"ruang yang bersebelahan {spacing} m, jadi jarak dua ruang = selisih posisinya × {spacing} m. "
                f"Tabel dari-ke berisi perpindahan bahan ({unit.id}; baris = dari, kolom = ke). Biaya tata "
                "letak = jumlah (aliran × jarak). Jika dua ruang ditukar tempatnya, pertukaran mana yang paling "
                "menurunkan biaya?",
                f"Five rooms of the centre stand in one row, from left to right: {names_en}. Neighbouring rooms' "
                f"centres are {spacing} m apart, so the distance between two rooms = the difference of their "
                f"positions × {spacing} m. The from-to chart gives the material moves ({unit.en}; row = from, "
                "column = to). The layout's cost = the sum of (flow × distance). If two rooms swap places, which "
                "swap lowers the cost most?",
            ),
            "data": {
                "columns": [column("from", "Dari \\ Ke", "From \\ To")]
                + [column(k, short[k].id, short[k].en) for k in keys],
                "rows": [[short[a].to_dict()] + ["—" if a == b else flows[a].get(b, 0) for b in keys] for a in keys],
            },
            "options": options,
        }
        return public, {"correct": LETTERS[int(np.flatnonzero(order == 0)[0])], "swap": list(best)}
    raise RuntimeError("no clear best swap")  # pragma: no cover


EXERCISES_LAYOUT: list[ExerciseSpec] = [rel_reading, flow_cost, best_swap]
