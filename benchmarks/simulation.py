"""Time the sentra simulation (issue 7): one participant, a cohort of 20, and 2,000 participants.

Run: ``python benchmarks/simulation.py [--scenarios 100] [--months 12] [--repeat 5]``

1. One participant's decisions over 100 scenarios × 12 months: ``simulate`` + the KPI index of every
   scenario (target ≤ 0.2 s). The scenario set is drawn once beforehand (its time is printed too).
2. ``score_participants`` for a cohort of 20 different decisions, reference policy included (target ≤ 5 s).
3. ``score_participants`` for 2,000 different decisions (target ≤ 60 s).

Decisions are drawn at random (fixed seed), all different, so no run is saved by the cache of identical
decisions. The best of ``--repeat`` runs is printed for 1 and 2; 3 runs once.
"""

from __future__ import annotations

import argparse
import random
import time

from ikm_curriculum.simulation import Decisions, cohort_seed, scenarios_from_seed, score_participants, simulate
from ikm_curriculum.simulation.outputs import scenario_index

TARGETS = {"one": 0.2, "cohort": 5.0, "many": 60.0}


def random_decisions(count: int, seed: int = 7) -> dict[str, Decisions]:
    rnd = random.Random(seed)
    out: dict[str, Decisions] = {}
    seen: set[Decisions] = set()
    while len(out) < count:
        n = rnd.choice([0, 8, 13, 20, 32, 50, 80, 125, 200])
        d = Decisions(
            production_plan=round(rnd.uniform(0.5, 1.5), 2), inspection_n=n,
            inspection_c=0 if n == 0 else rnd.randrange(0, min(n, 6)),
            maintenance_interval_months=rnd.randrange(0, 13), fee_level=rnd.randrange(0, 200_001, 5_000),
            enforcement=rnd.choice(["longgar", "sedang", "ketat"]), mentoring_visits=rnd.randrange(0, 5),
            layout=rnd.choice("ABC"), control_charts=rnd.random() < 0.5,
            certification=frozenset(c for c in ("pirt", "halal", "sni") if rnd.random() < 0.4),
        )  # fmt: skip
        if d not in seen:
            seen.add(d)
            out[f"p{len(out) + 1:04d}"] = d
    return out


def best_of(repeat: int, func) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenarios", type=int, default=100)
    parser.add_argument("--months", type=int, default=12)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    start = time.perf_counter()
    scenarios = scenarios_from_seed(cohort_seed("benchmark secret"), n=args.scenarios, months=args.months)
    draw = time.perf_counter() - start
    cohort = random_decisions(20)
    many = random_decisions(2_000)
    one = next(iter(cohort.values()))
    rows = [
        ("draw scenarios (once per cohort)", draw, None),
        ("1 participant: simulate + index", best_of(args.repeat, lambda: scenario_index(simulate(one, scenarios))),
         TARGETS["one"]),
        ("cohort of 20: score_participants", best_of(args.repeat, lambda: score_participants(cohort, scenarios)),
         TARGETS["cohort"]),
        ("2,000 participants: score_participants", best_of(1, lambda: score_participants(many, scenarios)),
         TARGETS["many"]),
    ]  # fmt: skip
    print(f"Simulation benchmark: {args.scenarios} scenarios × {args.months} months")
    for name, seconds, target in rows:
        verdict = "" if target is None else f"  target ≤ {target:g} s  ({'OK' if seconds <= target else 'SLOW'})"
        print(f"  {name:42s} {seconds:8.3f} s{verdict}")
    per = rows[3][1] / 2_000
    print(f"  per participant in the 2,000 run: {1000 * per:.1f} ms")


if __name__ == "__main__":
    main()
