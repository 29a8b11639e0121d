"""Search latency at 10,000 stories: fills a database and times typical queries.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cc_search_bench python bench/search_benchmark.py

The database named in DATABASE_URL is migrated and filled (stories are added once; a second
run reuses them). Reports median and 95th percentile latency of the search page's own work
(search, facets, result pages) per query and overall.
"""

import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "connected_communities.settings.dev")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402

STORIES = int(os.environ.get("BENCH_STORIES", "10000"))
RUNS = int(os.environ.get("BENCH_RUNS", "20"))
QUERIES = [
    "volunteer",
    "volunteering food bank",
    "library",
    "repair café",
    "community transport",
    "young people",
    "allotment garden",
    "Upton upon Severn",
    "loneliness",
    "zeppelin",
]
WORDS = (  # noqa: SIM905 (easier to read as one text)
    "community volunteers library garden allotment repair café transport bus youth young people "
    "older neighbours loneliness health walking parish hall food bank climate trees river flood "
    "skills jobs digital broadband arts music festival market heritage school playground"
).split()


def say(text):
    """The benchmark's report goes to standard output as it runs."""
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def fill():
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    from stories.models import StoryIndexPage, StoryPage
    from strategy.loader import load_strategy

    if not StoryIndexPage.objects.exists():
        home = load_strategy()
        home.add_child(instance=StoryIndexPage(title="Stories of change", slug="stories"))
    index = StoryIndexPage.objects.first()
    have = StoryPage.objects.count()
    if have >= STORIES:
        return
    rng = random.Random(42)
    say(f"Adding {STORIES - have} stories…")
    started = time.perf_counter()
    with transaction.atomic():
        index = Page.objects.get(pk=index.pk)
        position = index.numchild
        for n in range(have, STORIES):
            words = rng.sample(WORDS, 12)
            position += 1
            story = StoryPage(
                title=f"{words[0].capitalize()} {words[1]} story {n}",
                slug=f"bench-story-{n}",
                summary=" ".join(words[2:10]) + ".",
                told_by="A community group",
                body=[{"type": "paragraph", "value": "<p>" + " ".join(rng.choices(WORDS, k=80)) + "</p>"}],
                live=True,
                locale_id=index.locale_id,
                depth=index.depth + 1,
                path=index._get_path(index.path, index.depth + 1, position),
                url_path=f"{index.url_path}bench-story-{n}/",
            )
            story.save(clean=False)
        Page.objects.filter(pk=index.pk).update(numchild=position)
        backend = get_search_backend()
        backend.add_bulk(StoryPage, list(StoryPage.objects.filter(slug__startswith="bench-story-")))
    say(f"…in {time.perf_counter() - started:.0f} s")


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    call_command("migrate", verbosity=0)
    fill()
    client = Client()
    timings = {q: [] for q in QUERIES}
    for q in QUERIES:  # warm up
        client.get("/search/", {"q": q})
    for _ in range(RUNS):
        for q in QUERIES:
            started = time.perf_counter()
            response = client.get("/search/", {"q": q})
            timings[q].append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.status_code
    say(f"{connection.vendor}, {STORIES} stories, {RUNS} runs per query (ms, whole /search/ request)")
    everything = []
    for q, values in timings.items():
        everything += values
        say(f"  {q!r:28} median {statistics.median(values):7.1f}  p95 {percentile(values, 0.95):7.1f}")
    say(f"  {'ALL':28} median {statistics.median(everything):7.1f}  p95 {percentile(everything, 0.95):7.1f}")


if __name__ == "__main__":
    main()
