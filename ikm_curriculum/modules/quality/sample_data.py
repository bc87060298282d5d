"""Data shaped like each participant's product, shared by the exercises and the worked examples.

Measurements come from the commodity's profile (:mod:`.commodities`): its
quality characteristic (target and typical σ) and its kinds of defect with
their typical frequencies. Everything here takes a numpy random generator, so
a participant's data is fixed by the seed derived from the cohort secret.
"""

from __future__ import annotations

from typing import Any, Callable

import numpy as np

from ikm_curriculum.assessment import bilingual, column
from ikm_curriculum.modules.quality.commodities import CommodityProfile, DefectCategory
from ikm_curriculum.modules.quality.pareto import ParetoTable, pareto_table

Public = dict[str, Any]
Key = dict[str, Any]

SUBGROUPS = 20
SUBGROUP_SIZE = 5
VITAL_FEW_CUTOFF = 80.0
# A vital-few answer must not hinge on how a participant rounds percentages:
# the category that crosses 80 % is at least this far past it, the one before
# at least this far short of it (percentage points).
CUTOFF_MARGIN = 0.5
# Dirichlet concentration of a participant's defect shares around the profile's
# typical frequencies: large enough to keep the profile's shape, small enough
# that the order of categories differs between participants.
CONCENTRATION = 40.0
MAX_DRAWS = 1000


def category_cell(defect: DefectCategory) -> dict[str, str]:
    """A category as a data cell: bilingual, the workbook shows the participant's language."""
    return bilingual(defect.name.id, defect.name.en)


def subgroup_data(rng: np.random.Generator, profile: CommodityProfile) -> np.ndarray:
    """20 × 5 measurements, rounded to 0.1 as read off a scale or a tape; half the time with a mean shift."""
    characteristic = profile.characteristic
    sigma = characteristic.sigma
    # The process mean is not the label value (packers overfill, cutters drift),
    # so the label does not give the grand mean away.
    mean = characteristic.target + rng.uniform(-1.0, 1.5) * sigma
    values = rng.normal(mean, sigma, size=(SUBGROUPS, SUBGROUP_SIZE))
    if rng.random() < 0.5:
        start = int(rng.integers(10, 17))
        values[start:] += rng.choice([-1.0, 1.0]) * rng.uniform(1.0, 2.0) * sigma
    return np.round(values, 1)


def defect_tallies(
    rng: np.random.Generator, profile: CommodityProfile, accept: Callable[[ParetoTable], bool]
) -> tuple[dict[str, int], ParetoTable]:
    """A month of defect counts (total 150–400), redrawn until ``accept`` holds for its Pareto table.

    Shares are drawn around the profile's typical frequencies (Dirichlet), the
    counts from them (multinomial). Returns counts by category key, in profile
    order, and the table.
    """
    weights = np.array([d.weight for d in profile.defects], dtype=float)
    alpha = CONCENTRATION * weights / weights.sum()
    for _ in range(MAX_DRAWS):
        total = int(rng.integers(150, 401))
        counts = rng.multinomial(total, rng.dirichlet(alpha))
        tallies = {d.key: int(c) for d, c in zip(profile.defects, counts, strict=True)}
        if min(tallies.values()) == 0:
            continue
        table = pareto_table(tallies)
        if accept(table):
            return tallies, table
    raise RuntimeError(f"no acceptable defect tally for {profile.key!r} in {MAX_DRAWS} draws")  # pragma: no cover


def tally_data(rng: np.random.Generator, profile: CommodityProfile, tallies: dict[str, int]) -> dict[str, Any]:
    """The tallies as a table, in a random order (not sorted: sorting is the participant's work)."""
    order = rng.permutation(len(profile.defects))
    return {
        "columns": [column("defect", "Jenis cacat", "Defect type"), column("count", "Jumlah", "Count")],
        "rows": [[category_cell(profile.defects[i]), tallies[profile.defects[i].key]] for i in order.tolist()],
    }


def month_text(profile: CommodityProfile) -> dict[str, str]:
    def lower_first(text: str) -> str:  # "Kacang mete" → "kacang mete"; keeps "(Kendari Werk)"
        return text[:1].lower() + text[1:]

    return bilingual(
        f"Tabel berisi jumlah cacat pada {lower_first(profile.product.id)} yang ditemukan selama satu bulan, "
        "menurut jenis cacat (belum diurutkan).",
        f"The table gives the number of defects on {lower_first(profile.product.en)} found in one month, "
        "by defect type (not sorted).",
    )
