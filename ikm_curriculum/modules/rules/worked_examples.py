"""Worked example of the house-rules workbook: a week of the UPT's event log checked against the rules.

>>> import numpy as np
>>> from ikm_curriculum.assessment import ParticipantContext
>>> example = EXAMPLES["rule_check"](np.random.default_rng(2), ParticipantContext("p1", "abon ikan"))
>>> example["kind"], len(example["categories"]), sum(example["series"][0]["values"]) >= 2
('bars', 4, True)
"""

from __future__ import annotations

from typing import Any, Callable

import numpy as np

from ikm_curriculum.assessment import ParticipantContext, bilingual, column
from ikm_curriculum.modules.rules.checker import check_violations
from ikm_curriculum.modules.rules.exercises import centre_rules, week_of_events
from ikm_curriculum.modules.rules.ruleset import load
from ikm_curriculum.modules.rules.sanctions import step_label

Example = dict[str, Any]


def rule_check_example(rng: np.random.Generator, ctx: ParticipantContext) -> Example:
    """Each event is compared with each rule; a violation gets the sanction due for that member (:mod:`.checker`)."""
    rs = load(centre_rules(ctx))
    rows, _ = week_of_events(rng, rs)
    violations = check_violations(rs, rows)
    first = violations[0]
    steps = [
        ("Tata tertib ditulis sebagai aturan yang bisa diperiksa: siapa, apa, kapan, dan sanksinya. Setiap baris "
         "buku kegiatan dibandingkan dengan setiap aturan.",
         "The house rules are written so that they can be checked: who, what, when, and the sanction. Every row of "
         "the event log is compared with every rule."),
        (f"Contoh: baris {first.rows[0]} — {first.evidence.id}. Ini melanggar {first.rule} ({first.rule_name}).",
         f"For example: row {first.rows[0]} — {first.evidence.en}. This breaks {first.rule} ({first.rule_name})."),
        ("Sanksi bertahap: pelanggaran pertama atas aturan yang sama dalam 90 hari mendapat teguran lisan, yang "
         "kedua teguran tertulis, lalu skorsing, lalu pemberhentian.",
         "Escalating sanctions: the first violation of the same rule within 90 days gets a verbal warning, the "
         "second a written warning, then a suspension, then the end of membership."),
        (f"Minggu ini ada {len(violations)} pelanggaran (tabel). Hasil pemeriksaan dicatat dan disampaikan kepada "
         "anggota dengan bukti barisnya, supaya adil dan jelas.",
         f"This week has {len(violations)} violations (table). The results are recorded and told to the member "
         "with the row as evidence, so that it is fair and clear."),
    ]  # fmt: skip
    per_rule = [sum(v.rule == r.id for v in violations) for r in rs.rules]
    return {
        "kind": "bars",
        "categories": [r.id for r in rs.rules],
        "series": [{"name": bilingual("Pelanggaran minggu ini", "Violations this week"), "values": per_rule}],
        "ylabel": bilingual("pelanggaran", "violations"),
        "title": bilingual("Pelanggaran per aturan", "Violations per rule"),
        "steps": [bilingual(a, b) for a, b in steps],
        "table": {
            "columns": [
                column("row", "Baris", "Row"),
                column("rule", "Aturan", "Rule"),
                column("member", "Anggota", "Member"),
                column("evidence", "Bukti", "Evidence"),
                column("sanction", "Sanksi", "Sanction"),
            ],
            "rows": [
                [", ".join(map(str, v.rows)), v.rule, v.member, v.evidence.to_dict(), step_label(v.sanction).to_dict()]
                for v in violations
            ],
        },  # fmt: skip
    }


EXAMPLES: dict[str, Callable[[np.random.Generator, ParticipantContext], Example]] = {"rule_check": rule_check_example}
"""Worked examples by the name a topic's ``example`` gives in ``content.yaml``."""
