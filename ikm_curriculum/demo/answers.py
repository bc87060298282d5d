"""Simulated participants: answers as people of a given ability would give them.

Used by ``ikm demo`` and by the benchmarks. The answers are written through the
same :class:`AnswerStore` the widgets use, so the files are exactly what a
workbook in a browser writes.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ikm_curriculum.assessment import ExerciseInstance

SHORT_TEXTS = [
    "Penyebab (Metode): suhu penggorengan tidak dicatat. "
    "Tindakan: buat lembar catatan suhu tiap batch dan latih operator.",
    "Penyebab (Mesin): alat press sering macet. Tindakan: jadwal perawatan mingguan dan simpan suku cadang.",
    "Penyebab (Manusia): pekerja baru belum dilatih. "
    "Tindakan: buat SOP bergambar dan pendampingan oleh pekerja senior.",
    "Penyebab (Material): bahan baku dari pemasok berbeda-beda. "
    "Tindakan: periksa bahan saat diterima dengan daftar periksa.",
    "Penyebab (Pengukuran): timbangan tidak dikalibrasi. Tindakan: kalibrasi timbangan tiap bulan.",
]

SURVEY_COMMENTS = {
    "materi": [
        "Contoh soal memakai data sentra sendiri, jadi mudah dipahami.",
        "Materi aset dan penyusutan perlu waktu lebih banyak.",
        "Latihan peta kendali paling berguna untuk usaha kami.",
    ],
    "narasumber": ["Narasumber sabar menjawab pertanyaan.", "Kadang terlalu cepat saat menjelaskan rumus."],
    "fasilitas": ["Internet sempat putus di hari kedua.", "Ruangan nyaman, layar proyektor kurang terang."],
    "konsumsi": ["Makan siang enak dan tepat waktu.", "Kopi pagi datang terlambat."],
    "penyelenggaraan": ["Sebaiknya ada kunjungan lapangan lagi.", "Jadwal hari ketiga terlalu padat."],
}


def pre_post_ability(kind: str, ability: float) -> float:
    """The chance of a right answer on a test form: before the day about half of it, after the day a bit above.

    A demo assumption (not data): pre = 0.15 + 0.45 × ability, post = 0.10 + 0.90 × ability;
    other workbooks keep ``ability``.
    """
    if kind == "pre":
        return 0.15 + 0.45 * ability
    if kind == "post":
        return 0.10 + 0.90 * ability
    return ability


def simulated_answer(instance: ExerciseInstance, rng: np.random.Generator, ability: float) -> Any:
    """An answer to ``instance`` from someone who gets an item right with probability ``ability``.

    Blank answers come with probability ``0.15 × (1 − ability)``. Wrong numbers
    are the right ones off by 5–30 %, as a slip in a hand calculation would be.
    """
    if rng.random() < 0.15 * (1 - ability):
        return None
    key, public = instance.key, instance.public
    right = rng.random() < ability
    kind = instance.kind
    if kind == "single_choice":
        ids = [o["id"] for o in public["options"]]
        wrong = [i for i in ids if i != key["correct"]]
        return key["correct"] if right or not wrong else str(rng.choice(wrong))
    if kind == "multi_choice":
        ids = [o["id"] for o in public["options"]]
        chosen = set(key["correct"])
        if not right:
            extra = [i for i in ids if i not in chosen]
            if extra and rng.random() < 0.5:
                chosen.add(str(rng.choice(extra)))
            elif len(chosen) > 1:
                chosen.discard(str(rng.choice(sorted(chosen))))
        return sorted(chosen)
    if kind == "numeric":
        return _typed(key["value"], rng, right)
    if kind == "table":
        return {cell: _typed(value, rng, rng.random() < ability) for cell, value in key["values"].items()}
    if kind == "decisions":
        return _decisions(public, rng, ability)
    if kind == "observation":  # what an observer saw: mostly met, some not, a few not applicable
        return {item["id"]: str(rng.choice(["ya", "ya", "ya", "tidak", "tb"])) for item in public["items"]}
    if kind == "classify":
        categories = [c["id"] for c in public["categories"]]
        return {
            item: category if rng.random() < ability else str(rng.choice(categories))
            for item, category in key["values"].items()
        }
    if kind == "short_text":
        return str(rng.choice(SHORT_TEXTS))
    if kind == "likert":  # mostly satisfied, a little more so the more one learned; some write a comment
        ratings = {s["id"]: int(np.clip(round(rng.normal(3.3 + ability, 0.7)), 1, 5)) for s in public["statements"]}
        comments = SURVEY_COMMENTS.get(instance.exercise_id.rsplit(".", 1)[-1], [])
        comment = str(rng.choice(comments)) if comments and rng.random() < 0.4 else ""
        return {"ratings": ratings, "comment": comment}
    if kind == "layout":
        if right:
            return {dept: list(cell) for dept, cell in key["best_layout"].items()}
        grid = public["grid"]
        cells = [[r, c] for r in range(grid["rows"]) for c in range(grid["cols"])]
        order = rng.permutation(len(cells)).tolist()
        return {d["id"]: cells[order[i]] for i, d in enumerate(public["departments"])}
    raise ValueError(f"no simulated answer for exercise kind {kind!r}")


def _typed(value: float, rng: np.random.Generator, right: bool) -> float:
    """A number as a participant types it: 3 decimals; off by 5–30 % when wrong."""
    if not right:
        value = value * (1 + rng.choice([-1, 1]) * rng.uniform(0.05, 0.30)) + (0.5 if value == 0 else 0)
    return round(float(value), 3)


def _decisions(public: dict[str, Any], rng: np.random.Generator, ability: float) -> dict[str, Any]:
    """Each decision as the reference policy has it with probability ``ability``, else a value drawn in its range."""
    from ikm_curriculum.simulation import REFERENCE_POLICY

    reference = REFERENCE_POLICY.to_dict()
    chosen: dict[str, Any] = {}
    for spec in public["fields"]:
        field = spec["id"]
        if rng.random() < ability:
            chosen[field] = reference[field]
        elif spec["type"] == "number":
            chosen[field] = round(float(rng.uniform(spec["min"], spec["max"])), 2)
        elif spec["type"] == "int":
            chosen[field] = int(rng.integers(spec["min"], spec["max"] + 1))
        elif spec["type"] == "bool":
            chosen[field] = bool(rng.random() < 0.5)
        elif spec["type"] == "choice":
            chosen[field] = str(rng.choice([o["id"] for o in spec["options"]]))
        else:
            chosen[field] = sorted(o["id"] for o in spec["options"] if rng.random() < 0.5)
    if chosen.get("inspection_c", 0) >= max(chosen.get("inspection_n", 0), 1):  # c < n, as the form explains
        chosen["inspection_c"] = max(chosen.get("inspection_n", 0) - 1, 0) // 2
    return chosen
