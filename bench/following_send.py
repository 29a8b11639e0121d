"""Following at scale: one announcement to 50,000 subscribers, while the site keeps serving pages.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cc_following_bench .venv/bin/python bench/following_send.py

Options: --subscribers N (default 50,000), --batch N (FOLLOWING_BATCH_SIZE, default 500),
--queue database|immediate (default database), --json PATH (default bench/results/following.json). On PostgreSQL the database is created
when missing, migrated and filled (the real site and the load data's stories, then N
confirmed subscribers following Malvern, in bulk); a second run reuses them.

What runs is the site's own code: announce() inside a transaction, the fan-out task, and a
send task per batch. With --queue database (as deployed): announce() enqueues the fan-out in
the database queue (timed: "enqueue"), then a separate worker process (`db_worker --batch`,
the site's worker) runs the fan-out, which enqueues a task per batch, and every batch, until
the queue is empty (timed: "send"; its peak RSS is the worker's memory). With --queue
immediate each task runs as it is enqueued, inside announce(), in this process, with
tracemalloc on. Emails go to Django's file email backend (every email written
to a temporary folder, so it is really rendered and serialised; the folder is deleted
after). The sending rate is set high enough not to wait (FOLLOWING_SEND_RATE paces a real
send; at its default of 1,200 a minute, 50,000 emails take 42 minutes by design).

Reported: wall time, emails sent (Delivery rows marked sent), the Python heap's peak during
the send (tracemalloc) and the process's peak resident size (ru_maxrss), and, from a second
thread with its own database connection requesting the home page and the story listing
throughout, each page's SQL queries against its pin in tests/performance/test_query_budget.py.
"""

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "connected_communities.settings.dev")

from search_benchmark import ensure_postgres_database, say  # noqa: E402

PAGES = {"home": "/", "story index": "/stories/"}
PLACE = "malvern"


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--subscribers", type=int, default=int(os.environ.get("BENCH_SUBSCRIBERS", "50000")))
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--queue", choices=("database", "immediate"), default="database")
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "following.json")
    parser.add_argument("--as-worker", metavar="OUTBOX", help=argparse.SUPPRESS)  # the worker process
    return parser.parse_args()


def configure(settings, batch, outbox):
    """The settings the sender runs with, in this process and in the worker's."""
    settings.DEBUG = False
    settings.FOLLOWING_BATCH_SIZE = batch
    settings.FOLLOWING_SEND_RATE = 100_000_000  # measure the sender, not the pacing
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(outbox)


def run_worker(options):
    """The site's worker (django_tasks_db's db_worker), until the queue is empty."""
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    configure(settings, options.batch, options.as_worker)
    # As strings: the command checks its --backend default ("default", not a database queue) when parsing.
    worker = [
        "--batch",
        "--no-startup-delay",
        "--interval",
        "0.05",
        "--backend",
        "background",
        "--queue-name",
        "default",
    ]
    call_command("db_worker", *worker, verbosity=0)


def fill_site():
    from sample_content.load_data import LoadSizes, generate_load_data
    from stories.models import StoryPage

    if not StoryPage.objects.filter(slug__startswith="load-").exists():
        say("Building the site and its load data…")
        generate_load_data(LoadSizes(stories=50, images=2, tags=5, pledges=3, updates=6, consultations=4, comments=10))


def fill_subscribers(target):
    """Confirmed subscribers following Malvern as it happens, in bulk, until there are `target`."""
    from django.db import connection, transaction
    from django.utils import timezone

    from following.models import Follow, Subscriber

    have = Subscriber.objects.filter(email__endswith="@bench.example").count()
    if have >= target:
        return
    say(f"Adding {target - have} subscribers…")
    started = time.perf_counter()
    now = timezone.now()
    chunk = 5000
    for first in range(have, target, chunk):
        numbers = range(first, min(first + chunk, target))
        with transaction.atomic():
            subscribers = Subscriber.objects.bulk_create(
                [Subscriber(email=f"resident{n}@bench.example", language="en", confirmed_at=now) for n in numbers]
            )
            if subscribers[0].pk is None:  # SQLite before 3.35 returns no ids
                subscribers = Subscriber.objects.filter(email__in=[s.email for s in subscribers])
            Follow.objects.bulk_create(
                [Follow(subscriber=s, kind="place", key=PLACE, confirmed_at=now) for s in subscribers]
            )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    say(f"…added in {time.perf_counter() - started:.1f} s")


class PageWatcher(threading.Thread):
    """Requests the pages over and over in its own thread (own DB connection), counting queries."""

    def __init__(self):
        super().__init__(daemon=True)
        self.stop = threading.Event()
        self.counts = {name: [] for name in PAGES}
        self.errors = []

    def run(self):
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext

        client = Client(HTTP_HOST="localhost")
        try:
            for url in PAGES.values():  # warm: as a running site between two publications
                for _ in range(2):
                    client.get(url)
            while not self.stop.is_set():
                for name, url in PAGES.items():
                    with CaptureQueriesContext(connection) as queries:
                        status = client.get(url).status_code
                    if status != 200:
                        self.errors.append((name, status))
                    self.counts[name].append(len(queries))
                time.sleep(0.2)
        finally:
            connection.close()


def main():
    options = arguments()
    os.environ["TASKS_BACKEND"] = "database" if options.as_worker else options.queue
    if options.as_worker:
        return run_worker(options)
    ensure_postgres_database()

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection, transaction

    settings.PAGE_CACHE_SECONDS = 0  # every request renders, so its queries can be counted
    outbox = Path(tempfile.mkdtemp(prefix="cc-following-bench-"))
    configure(settings, options.batch, outbox)

    from following.announcements import announce
    from following.models import Delivery
    from tests.performance.test_query_budget import PINS

    call_command("migrate", verbosity=0)
    fill_site()
    fill_subscribers(options.subscribers)

    watcher = PageWatcher()
    watcher.start()
    time.sleep(2)  # the watcher has warmed its pages
    key = f"bench:{time.time_ns()}"
    say(f"Announcing to {options.subscribers} followers in batches of {options.batch}…")
    database_queue = options.queue == "database"
    if not database_queue:
        tracemalloc.start()
    started = time.perf_counter()
    with transaction.atomic():
        announcement = announce(
            key,
            title="Road closure in Malvern",
            summary="Church Street is closed for resurfacing next week.",
            url="/stories/",
            targets=[("place", PLACE)],
        )
    enqueued = time.perf_counter()
    if database_queue:
        # The worker in its own process, as deployed: `manage.py db_worker`, here until the queue is empty.
        worker = [sys.executable, __file__, "--as-worker", str(outbox), "--batch", str(options.batch)]
        subprocess.run(worker, check=True, cwd=ROOT)
        peak = None
    else:
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    finished = time.perf_counter()
    elapsed = finished - started
    watcher.stop.set()
    watcher.join()
    sent = Delivery.objects.filter(announcement=announcement, state=Delivery.State.SENT).count()
    outbox_bytes = sum(path.stat().st_size for path in outbox.iterdir())
    shutil.rmtree(outbox)

    # KiB on Linux: the worker process's peak with the database queue, else this process's.
    maxrss_kib = resource.getrusage(resource.RUSAGE_CHILDREN if database_queue else resource.RUSAGE_SELF).ru_maxrss
    pages = {
        name: {"requests": len(counts), "max_queries": max(counts, default=None), "pin": PINS[name]}
        for name, counts in watcher.counts.items()
    }
    report = {
        "database": connection.vendor,
        "queue": options.queue,
        "subscribers": options.subscribers,
        "batch_size": options.batch,
        "emails_sent": sent,
        "enqueue_seconds": round(enqueued - started, 3),
        "wall_seconds": round(elapsed, 1),
        "emails_per_second": round(sent / elapsed, 1) if elapsed else None,
        "tracemalloc_peak_mib": round(peak / 2**20, 1) if peak is not None else None,
        "ru_maxrss_mib": round(maxrss_kib / 1024, 1),
        "ru_maxrss_of": "worker process" if database_queue else "this process",
        "outbox_mib": round(outbox_bytes / 2**20, 1),
        "pages_during_send": pages,
        "page_errors": watcher.errors,
        "pages_within_pins": all(
            page["max_queries"] is not None and page["max_queries"] <= page["pin"] for page in pages.values()
        )
        and not watcher.errors,
        "load_average": [round(load, 2) for load in os.getloadavg()],
    }
    say(
        f"{report['database']}, {options.queue} queue: enqueued in {report['enqueue_seconds']} s; "
        f"{sent} emails in {report['wall_seconds']} s ({report['emails_per_second']}/s)"
    )
    # The Python heap is traced only where the send runs in this process (--queue immediate).
    heap = report["tracemalloc_peak_mib"]
    say(
        f"  peak RSS {report['ru_maxrss_mib']} MiB ({report['ru_maxrss_of']})"
        + (f", Python heap peak {heap} MiB" if heap is not None else "")
    )
    for name, page in pages.items():
        say(
            f"  {name}: {page['requests']} requests during the send, at most {page['max_queries']} queries (pin {page['pin']})"
        )
    options.json.parent.mkdir(parents=True, exist_ok=True)
    options.json.write_text(json.dumps(report, indent=2) + "\n")
    say(f"Written to {options.json}")
    if sent != options.subscribers or not report["pages_within_pins"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
