"""Directory search latency at 5,000 entries: fills a database and times the directory's list.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cc_directory_bench .venv/bin/python bench/directory_search.py

Options: --assets N (default 5,000), --requests N (default 400), --json PATH (default
bench/results/directory.json). On PostgreSQL the database is created when missing, then
migrated and filled (the real site, then N entries in bulk by sample_content's load data,
indexed for search); a second run reuses them and only times.

Each request is the whole directory page through Django's test client, in process: a mix of
what residents do, drawn at random (fixed seed) from search words (one or two from the entries'
vocabulary, and some that find nothing), type, place, theme, accessibility, "open now" and
"near" a town or parish, alone and together, and a later page of results. Every request is
different, so none is served from the page cache (off here) and a search's ranked matches are
computed afresh, except where two requests happen to share their words. The caches every page
view uses (site, sections, filter choices) are warm, as on a running site: one request first.
Reported: p50 and p95 over all requests, and per kind; the goal is p95 < 50 ms.
"""

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "connected_communities.settings.dev")

from search_benchmark import ensure_postgres_database, percentile, say  # noqa: E402

TARGET_P95_MS = 50
# Words the load data's entries are written in (sample_content/load_data.py WORDS), and some that find nothing.
SEARCH_WORDS = (  # noqa: SIM905 (easier to read as one text)
    "community volunteers library garden allotment repair café transport bus youth young people older "
    "neighbours loneliness health walking parish hall food bank climate trees river flood skills jobs digital "
    "broadband arts music festival market heritage school playground choir lunch club orchard footpath "
    "club group scheme pantry foodbank centre society circle trust network choir team"
).split()
NOTHING = ["zeppelin", "xylophone", "quokka", "submarine"]
ACCESS = ["step_free_access", "accessible_toilet", "hearing_loop", "accessible_parking"]


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--assets", type=int, default=int(os.environ.get("BENCH_ASSETS", "5000")))
    parser.add_argument("--requests", type=int, default=int(os.environ.get("BENCH_REQUESTS", "400")))
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "directory.json")
    return parser.parse_args()


def fill(target):
    """The real site, then entries until there are `target` (bulk, indexed), then fresh statistics."""
    from django.db import connection, transaction

    from directory.models import AssetPage, DirectoryPage
    from home.loader import load_site
    from sample_content.load_data import add_assets

    home = load_site()
    directory = DirectoryPage.objects.child_of(home).get()
    have = AssetPage.objects.count()
    if have < target:
        started = time.perf_counter()
        with transaction.atomic():
            add_assets(random.Random(2041), directory, target, say)
        say(f"…added in {time.perf_counter() - started:.1f} s")
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
    return directory


def requests(count, choices, seed=23):
    """`count` distinct (kind, query string parameters) a resident might send."""
    rng = random.Random(seed)
    seen, drawn = set(), []
    while len(drawn) < count:
        params, kinds = {}, []
        roll = rng.random()
        if roll < 0.55:
            words = rng.sample(SEARCH_WORDS, rng.choice((1, 1, 2)))
            if rng.random() < 0.05:
                words = [rng.choice(NOTHING)]
            params["q"] = " ".join(words)
            kinds.append("search")
        if rng.random() < 0.3:
            params["type"] = rng.choice(choices["type"])
        if rng.random() < 0.3:
            params["place"] = rng.choice(choices["place"])
        if rng.random() < 0.2:
            params["theme"] = rng.choice(choices["theme"])
        if rng.random() < 0.2:
            params["access"] = rng.sample(ACCESS, rng.randint(1, 2))
        if rng.random() < 0.15:
            params["open_now"] = "on"
            kinds.append("open now")
        if rng.random() < 0.25:
            params["near"] = rng.choice(choices["place"])
            kinds.append("near")
        if rng.random() < 0.15:
            params["page"] = str(rng.randint(2, 4))
        if len(params) > (1 if "q" in params else 0) and not any(k in kinds for k in ("open now", "near")):
            kinds.append("filters")
        key = json.dumps(params, sort_keys=True)
        if key in seen:
            continue
        seen.add(key)
        drawn.append((" + ".join(kinds) or "list", params))
    return drawn


def summary(values):
    return {
        "requests": len(values),
        "p50_ms": round(statistics.median(values), 2),
        "p95_ms": round(percentile(values, 0.95), 2),
    }


def main():
    options = arguments()
    ensure_postgres_database()

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from directory.models import AssetPage, AssetType
    from strategy.models import Place, Theme

    settings.DEBUG = False
    settings.PAGE_CACHE_SECONDS = 0  # every request renders: the page cache would hide the search
    call_command("migrate", verbosity=0)
    directory = fill(options.assets)
    entries = AssetPage.objects.live().count()
    choices = {
        "type": list(AssetType.objects.values_list("slug", flat=True)),
        "place": list(Place.objects.values_list("slug", flat=True)),
        "theme": list(Theme.objects.values_list("slug", flat=True)),
    }
    url = directory.url
    client = Client(HTTP_HOST="localhost")
    for _ in range(2):  # warm: site, sections, filter choices
        assert client.get(url).status_code == 200
    timings = {}
    for kind, params in requests(options.requests, choices):
        started = time.perf_counter()
        response = client.get(url, params)
        elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 200, (params, response.status_code)
        timings.setdefault(kind, []).append(elapsed)
    every = [value for values in timings.values() for value in values]
    report = {
        "database": connection.vendor,
        "entries": entries,
        "measured": "one whole directory page request through Django's test client, in milliseconds",
        "load_average": [round(load, 2) for load in os.getloadavg()],
        "overall": summary(every),
        "kinds": {kind: summary(values) for kind, values in sorted(timings.items())},
        "target_p95_ms": TARGET_P95_MS,
    }
    report["meets_target"] = report["overall"]["p95_ms"] < TARGET_P95_MS
    say(f"{report['database']}, {entries} entries, {len(every)} requests, load {report['load_average']}")
    say(f"  {'kind':34} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8}")
    for kind, figures in report["kinds"].items():
        say(f"  {kind:34} {figures['requests']:8} {figures['p50_ms']:8.1f} {figures['p95_ms']:8.1f}")
    overall = report["overall"]
    say(
        f"  {'ALL':34} {overall['requests']:8} {overall['p50_ms']:8.1f} {overall['p95_ms']:8.1f}"
        f"   (target: p95 < {TARGET_P95_MS} ms: {'met' if report['meets_target'] else 'NOT met'})"
    )
    options.json.parent.mkdir(parents=True, exist_ok=True)
    options.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    say(f"Written to {options.json}")


if __name__ == "__main__":
    main()
