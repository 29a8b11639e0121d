"""Before and after in one run: `make bench` for an earlier commit and for this tree, alternated.

    make bench-compare BEFORE=6ff9a5d              # full size, two rounds each
    .venv/bin/python bench/compare.py --before 6ff9a5d --small --rounds 1

The earlier commit is checked out into var/bench-before (a git worktree) and served with this
tree's .venv and measured by this tree's bench/run.py (`--tree`), so both sides are measured
the same way; each side against its own PostgreSQL database filled by its own
`generate_load_data` with the same seed, on its own port and Redis database. Rounds alternate
(before, after, before, after, ...) so that a machine growing busier or quieter during the run
affects both sides alike. For each page and tier the table shows the median over the rounds
and the change (anonymous req/s from the page cache, a signed-in editor's req/s and p95, the
first render after a publication), and marks any page more than the tolerance (10%) slower.
"""

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
WORKTREE = BASE_DIR / "var" / "bench-before"
TOLERANCE = 0.10


def say(text=""):
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def checkout(commit):
    if WORKTREE.exists():
        subprocess.run(["git", "worktree", "remove", "--force", str(WORKTREE)], cwd=BASE_DIR, check=True)
    WORKTREE.parent.mkdir(exist_ok=True)
    subprocess.run(["git", "worktree", "add", "--detach", str(WORKTREE), commit], cwd=BASE_DIR, check=True)


def bench(tree, database, port, redis_db, output, passthrough):
    command = [sys.executable, str(BASE_DIR / "bench" / "run.py"), f"--tree={tree}", f"--database={database}"]
    command += [f"--port={port}", f"--redis-db={redis_db}", f"--output={output}", *passthrough]
    subprocess.run(command, cwd=BASE_DIR, check=True)
    return json.loads(output.read_text())


TIERS = ("anonymous r/s", "editor r/s", "editor p95 ms", "first render ms")


def tiers(page):
    return {
        "anonymous r/s": page["anonymous"]["rps"],
        "editor r/s": page["editor"]["rps"],
        "editor p95 ms": page["editor"]["p95_ms"],
        "first render ms": page["first_render_ms"],
    }


def summarise(runs):
    """Median of each page's figures over the rounds of one side."""
    summary = {}
    for name in runs[0]["pages"]:
        values = [tiers(run["pages"][name]) for run in runs if name in run["pages"]]
        summary[name] = {tier: statistics.median(v[tier] for v in values) for tier in values[0]}
        summary[name]["queries"] = runs[-1]["pages"][name]["queries"]
    return summary


def slower_by(tier, before, after):
    """How much worse after is than before, as a fraction (negative when better)."""
    if tier.endswith("ms"):
        return after / before - 1
    return before / after - 1


def print_comparison(before, after, label):
    say(f"\n{'page':28} {'tier':16} {'before':>9} {'after':>9} {'change':>8}")
    worse = []
    for name in after:
        if name not in before:
            say(f"{name:28} (new page type: not measured before)")
            continue
        for tier in TIERS:
            old, new = before[name][tier], after[name][tier]
            change = slower_by(tier, old, new)
            flag = "  SLOWER" if change > TOLERANCE else ""
            if flag:
                worse.append(f"{name} {tier}")
            say(f"{name:28} {tier:16} {old:>9.1f} {new:>9.1f} {-change:>+8.1%}{flag}")
        say(f"{'':28} {'queries':16} {before[name]['queries']:>9} {after[name]['queries']:>9}")
    say(f"\nbefore = {label}, after = this tree; change > 0 means faster.")
    say("Every page within 10%." if not worse else "More than 10% slower: " + "; ".join(worse))
    return worse


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", required=True, help="the commit to compare against")
    parser.add_argument("--rounds", type=int, default=2)
    args, passthrough = parser.parse_known_args()
    checkout(args.before)
    small = "--small" in passthrough
    sides = {
        "before": (WORKTREE, "cc_bench_before" + ("_small" if small else ""), 8767, 12),
        "after": (BASE_DIR, "cc_bench" + ("_small" if small else ""), 8765, 13),
    }
    runs = {"before": [], "after": []}
    output = BASE_DIR / "bench" / "results" / "compare-round.json"
    for round_number in range(1, args.rounds + 1):
        for side, (tree, database, port, redis_db) in sides.items():
            say(f"\n=== round {round_number} of {args.rounds}: {side} ===")
            runs[side].append(bench(tree, database, port, redis_db, output, passthrough))
    before, after = summarise(runs["before"]), summarise(runs["after"])
    worse = print_comparison(before, after, args.before)
    out = BASE_DIR / "bench" / "results" / "compare.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"before_commit": args.before, "runs": runs}, indent=2) + "\n")
    say(f"All runs written to {out.relative_to(BASE_DIR)}")
    sys.exit(1 if worse else 0)


if __name__ == "__main__":
    main()
