"""Tables of ISO 2859-1 single sampling by attributes (*sampling penerimaan*), as data.

Pure data, no logic: :mod:`.sampling` reads these tables. Contents:

* :data:`LOT_SIZE_CODE_LETTERS` — Table 1, sample size code letters by lot
  size and inspection level (special S-1..S-4, general I, II, III);
* :data:`SAMPLE_SIZES`, :data:`REDUCED_SAMPLE_SIZES` — code letter → sample
  size (the "sample size" column of Tables 2-A/2-B and 2-C);
* :data:`NORMAL`, :data:`TIGHTENED`, :data:`REDUCED` — the master tables of
  single sampling (Tables 2-A, 2-B, 2-C; "II-A", "II-B", "II-C" in
  MIL-STD-105E and ANSI/ASQ Z1.4), one string per AQL column, read down the
  code letters A B C D E F G H J K L M N P Q R (TIGHTENED adds S = 3150).

Cells of a master-table column:

* ``"2"`` — a plan with acceptance number Ac = 2 and rejection number Re = Ac + 1 = 3;
* ``"1/4"`` — a plan with Ac = 1, Re = 4 (only the reduced table has Re > Ac + 1);
* ``"↓"`` — use the first sampling plan below the arrow (same column);
* ``"↑"`` — use the first sampling plan above the arrow (same column);
* ``"-"`` — no entry printed (only in the extra row S of the tightened table).

>>> len(NORMAL), len(NORMAL["1.0"].split()), NORMAL["1.0"].split()[CODE_LETTERS.index("J")]
(26, 16, '2')
>>> SAMPLE_SIZES["J"], REDUCED_SAMPLE_SIZES["J"], TIGHTENED["0.025"].split()[-1]
(80, 32, '1')
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Mapping

SOURCE = (
    "ISO 2859-1:1999 'Sampling procedures for inspection by attributes - Part 1: Sampling schemes "
    "indexed by acceptance quality limit (AQL) for lot-by-lot inspection', adopted in Indonesia as "
    "SNI ISO 2859-1:2015: Table 1 and Tables 2-A, 2-B. Table 1, 2-A and 2-B have the same content as "
    "ANSI/ASQ Z1.4-2003 and MIL-STD-105E (1989) Tables I, II-A and II-B, from which they were copied. "
    "REDUCED is MIL-STD-105E / ANSI/ASQ Z1.4 Table II-C, NOT ISO 2859-1:1999 Table 2-C: the 1999 "
    "edition of ISO 2859-1 says in its foreword that its 'reduced plans have been changed to eliminate "
    "the gap between the acceptance and rejection numbers', and its Table 2-C was not available to copy."
)
"""Where the tables come from."""

CROSS_CHECK = (
    "Table 1: three independent copies agree cell by cell: the ANSI/ASQC Z1.4 / MIL-STD-105E / ISO 2859 "
    "'AQL sampling chart' (pdfcoffee.com), the MIL-STD-105E Table I in scribd document 212342834 "
    "('Plan-Ilha'), and the letter matrix of the R package AQLSchemes 1.7-2 (J. S. Lawson, CRAN; "
    "copy in github.com/fjgonzalezmgt/AQLSchemesCust, R/AAZ14Single.R). Tables 2-A, 2-B, 2-C: every "
    "one of the 3 x 26 x 16 cells, resolved through its arrows, gives the same sample size, Ac and "
    "Re as the resolved plans typed from MIL-STD-105E in AQLSchemes 1.7-2; the arrows and numbers of "
    "2-A and 2-B for AQL 0.65 to 15 (code letters A to Q) also agree with the transcription of "
    "MIL-STD-105E Tables II-A and II-B in the NIBS facility-management guide (nibs.org, "
    "FMOC/DPW_AC/AC-TABLE.ASC). Not confirmed by a second copy: the corner cells R/0.015 (normal, "
    "tightened, reduced), row S of the tightened table, and the Ac 30/44 (27/41 tightened) cells, "
    "which rest on AQLSchemes and on the diagonal pattern of the tables."
)
"""How the tables were checked."""

CODE_LETTERS = "ABCDEFGHJKLMNPQR"
"""Sample size code letters, in table order (I and O are not used)."""

TIGHTENED_CODE_LETTERS = CODE_LETTERS + "S"
"""Rows of the tightened table: it has one extra row S (sample size 3150)."""

LEVELS: tuple[str, ...] = ("S-1", "S-2", "S-3", "S-4", "I", "II", "III")
"""Inspection levels, in the column order of Table 1."""

AQLS: tuple[str, ...] = (
    "0.010", "0.015", "0.025", "0.040", "0.065", "0.10", "0.15", "0.25", "0.40", "0.65",
    "1.0", "1.5", "2.5", "4.0", "6.5", "10", "15", "25", "40", "65",
    "100", "150", "250", "400", "650", "1000",
)  # fmt: skip
"""Preferred AQLs (percent nonconforming, or nonconformities per 100 items above 10), as printed."""

# Table 1. (lowest lot size, highest lot size or None for "and over", letters for S-1 S-2 S-3 S-4 I II III)
LOT_SIZE_CODE_LETTERS: tuple[tuple[int, int | None, str], ...] = (
    (2, 8, "A A A A A A B"),
    (9, 15, "A A A A A B C"),
    (16, 25, "A A B B B C D"),
    (26, 50, "A B B C C D E"),
    (51, 90, "B B C C C E F"),
    (91, 150, "B B C D D F G"),
    (151, 280, "B C D E E G H"),
    (281, 500, "B C D E F H J"),
    (501, 1200, "C C E F G J K"),
    (1201, 3200, "C D E G H K L"),
    (3201, 10000, "C D F G J L M"),
    (10001, 35000, "C D F H K M N"),
    (35001, 150000, "D E G J L N P"),
    (150001, 500000, "D E G J M P Q"),
    (500001, None, "D E H K N Q R"),
)

SAMPLE_SIZES: Mapping[str, int] = MappingProxyType(
    dict(
        zip(
            TIGHTENED_CODE_LETTERS,
            (2, 3, 5, 8, 13, 20, 32, 50, 80, 125, 200, 315, 500, 800, 1250, 2000, 3150),
            strict=True,
        )
    )
)
"""Code letter → sample size under normal and tightened inspection (S = 3150 only in Table 2-B)."""

REDUCED_SAMPLE_SIZES: Mapping[str, int] = MappingProxyType(
    dict(
        zip(
            CODE_LETTERS,
            (2, 2, 2, 3, 5, 8, 13, 20, 32, 50, 80, 125, 200, 315, 500, 800),
            strict=True,
        )
    )
)
"""Code letter → sample size under reduced inspection (Table 2-C / II-C)."""

# Table 2-A (II-A), normal inspection. Ac down A B C D E F G H J K L M N P Q R; Re = Ac + 1.
NORMAL: Mapping[str, str] = MappingProxyType({
    "0.010": "↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0 ↑",
    "0.015": "↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0 ↑ ↑",
    "0.025": "↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0 ↑ ↓ 1",
    "0.040": "↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0 ↑ ↓ 1 2",
    "0.065": "↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0 ↑ ↓ 1 2 3",
    "0.10": "↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0 ↑ ↓ 1 2 3 5",
    "0.15": "↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0 ↑ ↓ 1 2 3 5 7",
    "0.25": "↓ ↓ ↓ ↓ ↓ ↓ ↓ 0 ↑ ↓ 1 2 3 5 7 10",
    "0.40": "↓ ↓ ↓ ↓ ↓ ↓ 0 ↑ ↓ 1 2 3 5 7 10 14",
    "0.65": "↓ ↓ ↓ ↓ ↓ 0 ↑ ↓ 1 2 3 5 7 10 14 21",
    "1.0": "↓ ↓ ↓ ↓ 0 ↑ ↓ 1 2 3 5 7 10 14 21 ↑",
    "1.5": "↓ ↓ ↓ 0 ↑ ↓ 1 2 3 5 7 10 14 21 ↑ ↑",
    "2.5": "↓ ↓ 0 ↑ ↓ 1 2 3 5 7 10 14 21 ↑ ↑ ↑",
    "4.0": "↓ 0 ↑ ↓ 1 2 3 5 7 10 14 21 ↑ ↑ ↑ ↑",
    "6.5": "0 ↑ ↓ 1 2 3 5 7 10 14 21 ↑ ↑ ↑ ↑ ↑",
    "10": "↑ ↓ 1 2 3 5 7 10 14 21 ↑ ↑ ↑ ↑ ↑ ↑",
    "15": "↓ 1 2 3 5 7 10 14 21 ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    "25": "1 2 3 5 7 10 14 21 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    "40": "2 3 5 7 10 14 21 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    "65": "3 5 7 10 14 21 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    "100": "5 7 10 14 21 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    "150": "7 10 14 21 30 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    "250": "10 14 21 30 44 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    "400": "14 21 30 44 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    "650": "21 30 44 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    "1000": "30 44 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑",
})  # fmt: skip

# Table 2-B (II-B), tightened inspection. Ac down A B C D E F G H J K L M N P Q R S; Re = Ac + 1.
TIGHTENED: Mapping[str, str] = MappingProxyType({
    "0.010": "↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0 -",
    "0.015": "↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0 ↑ -",
    "0.025": "↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0 ↓ ↓ 1",
    "0.040": "↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0 ↓ ↓ 1 -",
    "0.065": "↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0 ↓ ↓ 1 2 -",
    "0.10": "↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0 ↓ ↓ 1 2 3 -",
    "0.15": "↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0 ↓ ↓ 1 2 3 5 -",
    "0.25": "↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0 ↓ ↓ 1 2 3 5 8 -",
    "0.40": "↓ ↓ ↓ ↓ ↓ ↓ ↓ 0 ↓ ↓ 1 2 3 5 8 12 -",
    "0.65": "↓ ↓ ↓ ↓ ↓ ↓ 0 ↓ ↓ 1 2 3 5 8 12 18 -",
    "1.0": "↓ ↓ ↓ ↓ ↓ 0 ↓ ↓ 1 2 3 5 8 12 18 ↑ -",
    "1.5": "↓ ↓ ↓ ↓ 0 ↓ ↓ 1 2 3 5 8 12 18 ↑ ↑ -",
    "2.5": "↓ ↓ ↓ 0 ↓ ↓ 1 2 3 5 8 12 18 ↑ ↑ ↑ -",
    "4.0": "↓ ↓ 0 ↓ ↓ 1 2 3 5 8 12 18 ↑ ↑ ↑ ↑ -",
    "6.5": "↓ 0 ↓ ↓ 1 2 3 5 8 12 18 ↑ ↑ ↑ ↑ ↑ -",
    "10": "↓ ↓ ↓ 1 2 3 5 8 12 18 ↑ ↑ ↑ ↑ ↑ ↑ -",
    "15": "↓ ↓ 1 2 3 5 8 12 18 ↑ ↑ ↑ ↑ ↑ ↑ ↑ -",
    "25": "↓ 1 2 3 5 8 12 18 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ -",
    "40": "1 2 3 5 8 12 18 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ -",
    "65": "2 3 5 8 12 18 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ -",
    "100": "3 5 8 12 18 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ -",
    "150": "5 8 12 18 27 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ -",
    "250": "8 12 18 27 41 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ -",
    "400": "12 18 27 41 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ -",
    "650": "18 27 41 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ -",
    "1000": "27 41 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ -",
})  # fmt: skip

# MIL-STD-105E / ANSI/ASQ Z1.4 Table II-C, reduced inspection. Ac/Re down A B C D E F G H J K L M N P Q R.
REDUCED: Mapping[str, str] = MappingProxyType({
    "0.010": "↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0/1 ↑",
    "0.015": "↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0/1 ↑ ↑",
    "0.025": "↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0/1 ↑ ↓ 0/2",
    "0.040": "↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0/1 ↑ ↓ 0/2 1/3",
    "0.065": "↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0/1 ↑ ↓ 0/2 1/3 1/4",
    "0.10": "↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0/1 ↑ ↓ 0/2 1/3 1/4 2/5",
    "0.15": "↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0/1 ↑ ↓ 0/2 1/3 1/4 2/5 3/6",
    "0.25": "↓ ↓ ↓ ↓ ↓ ↓ ↓ 0/1 ↑ ↓ 0/2 1/3 1/4 2/5 3/6 5/8",
    "0.40": "↓ ↓ ↓ ↓ ↓ ↓ 0/1 ↑ ↓ 0/2 1/3 1/4 2/5 3/6 5/8 7/10",
    "0.65": "↓ ↓ ↓ ↓ ↓ 0/1 ↑ ↓ 0/2 1/3 1/4 2/5 3/6 5/8 7/10 10/13",
    "1.0": "↓ ↓ ↓ ↓ 0/1 ↑ ↓ 0/2 1/3 1/4 2/5 3/6 5/8 7/10 10/13 ↑",
    "1.5": "↓ ↓ ↓ 0/1 ↑ ↓ 0/2 1/3 1/4 2/5 3/6 5/8 7/10 10/13 ↑ ↑",
    "2.5": "↓ ↓ 0/1 ↑ ↓ 0/2 1/3 1/4 2/5 3/6 5/8 7/10 10/13 ↑ ↑ ↑",
    "4.0": "↓ 0/1 ↑ ↓ 0/2 1/3 1/4 2/5 3/6 5/8 7/10 10/13 ↑ ↑ ↑ ↑",
    "6.5": "0/1 ↑ ↓ 0/2 1/3 1/4 2/5 3/6 5/8 7/10 10/13 ↑ ↑ ↑ ↑ ↑",
    "10": "↑ ↓ 0/2 1/3 1/4 2/5 3/6 5/8 7/10 10/13 ↑ ↑ ↑ ↑ ↑ ↑",
    "15": "↓ 0/2 1/3 1/4 2/5 3/6 5/8 7/10 10/13 ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    "25": "1/2 1/3 1/4 2/5 3/6 5/8 7/10 10/13 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    "40": "2/3 2/4 2/5 3/6 5/8 7/10 10/13 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    "65": "3/4 3/5 3/6 5/8 7/10 10/13 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    "100": "5/6 5/6 5/8 7/10 10/13 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    "150": "7/8 7/8 7/10 10/13 14/17 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    "250": "10/11 10/11 10/13 14/17 21/24 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    "400": "14/15 14/15 14/17 21/24 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    "650": "21/22 21/22 21/24 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    "1000": "30/31 30/31 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑",
})  # fmt: skip
