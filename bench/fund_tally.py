"""Time the count and tally of a People Make Places Fund vote: 10,000 ballots over 40 projects.

    .venv/bin/python bench/fund_tally.py                 # 10,000 ballots, 40 projects, 7 runs
    .venv/bin/python bench/fund_tally.py --ballots 50000 --projects 60 --runs 11

The goal (issue #18) is under one second for counting and tallying 10,000 ballots. Ballots
are made once, before timing, from a fixed seed: one to six choices each, a few favourite
projects and a long tail, 1% naming a project no longer on the list. Each run times
`count_votes` then `tally` on the same ballot box, as the results page does after the vote
closes; the figure is the median of the runs, with the fastest and slowest beside it.
Pure Python on plain values: no database and no Django settings are needed.
"""

import argparse
import platform
import random
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fund.tally import Project, count_votes, tally  # noqa: E402 (the path is set just above)

GOAL_SECONDS = 1.0


def say(text=""):
    sys.stdout.write(text + "\n")


def ballot_box(ballots, projects, seed):
    rng = random.Random(seed)
    costs = {project_id: Decimal(rng.randrange(250, 15_001, 50)) for project_id in range(1, projects + 1)}
    popularity = [rng.random() ** 2 for _ in costs]
    box = []
    for _ in range(ballots):
        choices = rng.choices(list(costs), weights=popularity, k=rng.randint(1, 6))
        if rng.random() < 0.01:
            choices.append(projects + 1)
        box.append(choices)
    return costs, box


def count_and_tally(costs, box, budget):
    votes = count_votes(box, costs)
    projects = [Project(id=i, cost=cost, votes=votes[i], submission_order=i) for i, cost in costs.items()]
    return tally(budget, projects)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ballots", type=int, default=10_000)
    parser.add_argument("--projects", type=int, default=40)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--budget", type=Decimal, default=Decimal("100000"))
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()

    costs, box = ballot_box(args.ballots, args.projects, args.seed)
    choices = sum(len(ballot) for ballot in box)
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        result = count_and_tally(costs, box, args.budget)
        times.append(time.perf_counter() - start)
    median = statistics.median(times)

    say(f"Count and tally: {args.ballots:,} ballots ({choices:,} choices) over {args.projects} projects")
    say(
        f"  median {median * 1000:.1f} ms over {args.runs} runs (fastest {min(times) * 1000:.1f} ms, slowest {max(times) * 1000:.1f} ms)"
    )
    say(f"  goal under {GOAL_SECONDS:.0f} s: {'met' if median < GOAL_SECONDS else 'NOT met'}")
    say(
        f"  result: {len(result.funded)} projects funded, £{result.total_funded:,} of £{args.budget:,}, £{result.left:,} left"
    )
    say(
        f"  how: Python {platform.python_version()} ({platform.python_implementation()}) on {platform.machine()}, "
        f"seed {args.seed}, ballots built before timing, time.perf_counter per run"
    )
    return 0 if median < GOAL_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
