"""Shared pieces of the asset exercises and worked examples: money and dates as people write them, draws.

>>> rupiah(45_000_000)
{'id': 'Rp45.000.000', 'en': 'Rp45,000,000'}
>>> import datetime
>>> date_text(datetime.date(2023, 8, 10))
{'id': '10 Agustus 2023', 'en': '10 August 2023'}
"""

from __future__ import annotations

import datetime
from typing import Any

import numpy as np

from ikm_curriculum.assessment import bilingual
from ikm_curriculum.modules.assets.books import rupiah as rupiah_text
from ikm_curriculum.modules.assets.centre_assets import AssetTemplate

Public = dict[str, Any]
Key = dict[str, Any]

MONTHS_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
             "November", "Desember")  # fmt: skip
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")  # fmt: skip
COUNT_YEAR = 2026  # the year of the inventory count and of "today" in the exercises (teaching data)
RUPIAH_HINT = bilingual(
    "Tulis dalam rupiah, tanpa 'Rp', misalnya 4500000 atau 4.500.000.",
    "Write it in rupiah, without 'Rp', for example 4500000 or 4,500,000.",
)


def rupiah(value: int) -> dict[str, str]:
    """An amount in rupiah as written in Indonesian (dots group thousands) and in English (commas)."""
    return bilingual(rupiah_text(value, "id"), rupiah_text(value, "en"))


def date_text(day: datetime.date) -> dict[str, str]:
    """A date as people write it: ``10 Agustus 2023`` / ``10 August 2023``."""
    return bilingual(
        f"{day.day} {MONTHS_ID[day.month - 1]} {day.year}", f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"
    )


def month_text(year: int, month: int) -> dict[str, str]:
    """A month of a year: ``Maret 2026`` / ``March 2026``."""
    return bilingual(f"{MONTHS_ID[month - 1]} {year}", f"{MONTHS_EN[month - 1]} {year}")


def draw_cost(rng: np.random.Generator, template: AssetTemplate, step: int = 100_000) -> int:
    """A cost in the template's range, rounded to ``step`` rupiah (prices are quoted in round figures)."""
    low, high = template.cost
    return int(rng.integers(low // step, high // step + 1)) * step


def draw_date(rng: np.random.Generator, first_year: int, last_year: int) -> datetime.date:
    """A working day (Monday–Friday) between 1 January ``first_year`` and 31 December ``last_year``."""
    start = datetime.date(first_year, 1, 1)
    span = (datetime.date(last_year, 12, 31) - start).days
    while True:
        day = start + datetime.timedelta(days=int(rng.integers(0, span + 1)))
        if day.weekday() < 5:
            return day


def funding(rng: np.random.Generator, year: int) -> str:
    """A funding source as the asset card writes it: mostly DAK of that year, sometimes the city budget (APBD)."""
    return f"DAK {year}" if rng.random() < 0.7 else f"APBD {year}"
