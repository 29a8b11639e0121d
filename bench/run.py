"""The load benchmark: one command, loopback only.

    make bench                       # full size: 10,000 stories, 100,000 comments
    .venv/bin/python bench/run.py --small

It fills a PostgreSQL database (default cc_bench on 127.0.0.1) with `generate_load_data`
(once: a second run reuses it), runs collectstatic, starts gunicorn with production settings
on 127.0.0.1 (2 sync workers, Redis on loopback for the cache), measures the cold start (until
the first 200), warms up, then runs wrk against each page type twice: with the page cache
bypassed (a cookie, which the page cache never serves or stores) and cached. With the page
cache bypassed, the answers and fragments kept until the next publication are still used, as
for a signed-in visitor; so it also times the first render after a publication, when all of
them are stale (median of 15, one request at a time). It prints a table of req/s, p50, p99,
SQL queries per page (between publications and straight after one), the cold start and the
workers' memory after load, compared with the reference figures of issue #8, and writes the
same as JSON to bench/results/ (gitignored: figures belong to the machine they were measured on).
"""

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = Path(sys.executable).with_name("gunicorn")
RESULTS = BASE_DIR / "bench" / "results"
HOST = "127.0.0.1"
# Behind a TLS-terminating proxy, as in production: the proxy says the request was https.
HEADERS = {"X-Forwarded-Proto": "https"}
BYPASS_COOKIE = "bench=uncached"
# bakerydemo on this kind of machine (issue #8): req/s and SQL queries per page.
REFERENCE = {
    "home": {"rps": 42, "queries": 43},
    "story listing": {"rps": 61, "queries": 40},
    "story": {"rps": 77, "queries": 22},
    "search": {"rps": 37, "queries": 39},
}
REFERENCE_COLD_START = 1.6
REFERENCE_RSS_MB = 142
FULL = {"stories": 10_000, "pledges": 300, "updates": 5_000, "consultations": 100, "comments": 100_000}
SMALL = {"stories": 500, "pledges": 30, "updates": 500, "consultations": 10, "comments": 5_000}

# Run inside Django: the addresses of one page of each type, and its query count with the
# page cache bypassed, after one warm-up render (the steady state between publications) and
# straight after a publication (every cached answer and fragment stale).
PROBE = r"""
import json
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from consultations.models import ConsultationPage, State
from core.caching.page_cache import GENERATION_KEY, invalidate, page_cache
from pledges.models import PledgePage
from stories.models import StoryPage

story = StoryPage.objects.live().filter(slug__startswith="load-").order_by("-date").first()
pledge = PledgePage.objects.live().filter(slug__startswith="load-").first()
consultations = {c.state: c for c in ConsultationPage.objects.live().filter(slug__startswith="load-")}
urls = {
    "home": "/",
    "story listing": "/stories/",
    "story": story.url,
    "search": "/search/?q=community+garden",
    "pledge": pledge.url,
    "consultation": (consultations.get(State.OUTCOME) or consultations.get(State.CLOSED)).url,
}
if State.OPEN in consultations:
    urls["consultation (open, form)"] = consultations[State.OPEN].url
client = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
client.cookies["bench"] = "uncached"
queries, first_queries = {}, {}
for name, url in urls.items():
    # Twice: a first view can save something (the site's contact details on a new database).
    for _ in range(2):
        assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    queries[name] = len(captured)
    invalidate()  # what any publication does: the next render reads everything afresh
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    first_queries[name] = len(captured)
# The generation's key as the Redis cache stores it (with the key prefix and version).
generation_key = page_cache().make_key(GENERATION_KEY)
print("PROBE" + json.dumps({"urls": urls, "queries": queries, "first_queries": first_queries, "generation_key": generation_key}))
"""


def say(text=""):
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def run(command, env, **kwargs):
    return subprocess.run(command, env=env, cwd=BASE_DIR, check=True, **kwargs)


def environment(args):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="connected_communities.settings.production",
        DATABASE_URL=f"postgres://postgres@{HOST}:5432/{args.database}",
        REDIS_URL=f"redis://{HOST}:6379/{args.redis_db}",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=f"{HOST},localhost",
        SITE_URL=f"http://{HOST}:{args.port}",
        STATIC_ROOT=str(BASE_DIR / "var" / "bench-static"),
        MEDIA_ROOT=str(BASE_DIR / "var" / "bench-media"),
        LOG_LEVEL="WARNING",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    )
    env.pop("CLOUDFLARE_API_TOKEN", None)  # never purge a real CDN from a benchmark
    env.pop("AWS_STORAGE_BUCKET_NAME", None)
    return env


def ensure_database(name):
    import psycopg2

    connection = psycopg2.connect(host=HOST, user="postgres", dbname="postgres")
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()


def prepare(args, env, sizes):
    ensure_database(args.database)
    started = time.perf_counter()
    run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
    options = [f"--{name}={count}" for name, count in sizes.items()]
    # The generator belongs to sample_content, installed only in development and test settings;
    # the site it fills is then served with production settings.
    generator_env = {**env, "DJANGO_SETTINGS_MODULE": "connected_communities.settings.dev"}
    run([PYTHON, "manage.py", "generate_load_data", f"--seed={args.seed}", *options], generator_env)
    say(f"Load data ready in {time.perf_counter() - started:.0f} s")
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env)
    probe = run([PYTHON, "manage.py", "shell", "-c", PROBE], env, capture_output=True, text=True).stdout
    import redis

    # A cold start for gunicorn: only the benchmark's own Redis database is emptied.
    redis.Redis(host=HOST, port=6379, db=args.redis_db).flushdb()
    return json.loads(probe[probe.index("PROBE") + 5 :])


def fetch(url, cookie=None):
    request = urllib.request.Request(url, headers={**HEADERS, **({"Cookie": cookie} if cookie else {})})
    with urllib.request.urlopen(request, timeout=30) as response:
        response.read()
        return response.status


def start_gunicorn(args, env):
    command = [str(GUNICORN), "connected_communities.wsgi", f"--bind={HOST}:{args.port}", "--workers=2"]
    command += [
        "--worker-class=sync",
        f"--forwarded-allow-ips={HOST}",
        "--access-logfile=-" if args.verbose else "--log-level=warning",
    ]
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=BASE_DIR)
    while True:
        if process.poll() is not None:
            raise SystemExit("gunicorn stopped during start-up")
        try:
            if fetch(f"http://{HOST}:{args.port}/") == 200:
                return process, time.perf_counter() - started
        except OSError:
            time.sleep(0.05)
        if time.perf_counter() - started > 60:
            raise SystemExit("gunicorn did not answer within 60 s")


def worker_rss_mb(master_pid):
    rss = []
    for pid in Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split():
        status = Path(f"/proc/{pid}/status").read_text()
        rss.append(int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024)
    return rss


def to_ms(text):
    value, unit = re.match(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}[unit]


def first_render_ms(url, redis_db, generation_key, samples=15):
    """Median time of the first render after a publication, the page cache bypassed.

    A publication starts a new cache generation; here the generation is moved on directly
    in the benchmark's Redis database, so each sample renders with every fragment stale.
    """
    import redis

    connection = redis.Redis(host=HOST, port=6379, db=redis_db)
    times = []
    for _ in range(samples):
        connection.incr(generation_key)
        started = time.perf_counter()
        fetch(url, BYPASS_COOKIE)
        times.append((time.perf_counter() - started) * 1000)
    return round(sorted(times)[len(times) // 2], 1)


def wrk(url, args, cookie=None):
    command = ["wrk", "-t2", f"-c{args.connections}", f"-d{args.duration}s", "--latency", url]
    for name, value in {**HEADERS, **({"Cookie": cookie} if cookie else {})}.items():
        command[1:1] = ["-H", f"{name}: {value}"]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    result = {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50_ms": to_ms(re.search(r"\s50%\s+(\S+)", output).group(1)),
        "p99_ms": to_ms(re.search(r"\s99%\s+(\S+)", output).group(1)),
    }
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    result["non_2xx"] = int(errors.group(1)) if errors else 0
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--small", action="store_true", help="500 stories, 5,000 comments: to check the script works")
    for name, count in FULL.items():
        parser.add_argument(f"--{name}", type=int, help=f"default {count:,} ({SMALL[name]:,} with --small)")
    parser.add_argument("--seed", type=int, default=2041)
    parser.add_argument("--database", default="cc_bench", help="PostgreSQL database on 127.0.0.1 (created if missing)")
    parser.add_argument("--redis-db", type=int, default=13, help="Redis database number on 127.0.0.1 (flushed)")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--duration", type=int, default=15, help="seconds of wrk per page and mode")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: apt-get install wrk")
    sizes = {name: getattr(args, name) or (SMALL if args.small else FULL)[name] for name in FULL}
    if args.small and args.database == "cc_bench":
        args.database = "cc_bench_small"  # never mix sizes in one database
    env = environment(args)
    probe = prepare(args, env, sizes)
    say(f"Starting gunicorn (production settings, 2 sync workers) on {HOST}:{args.port}")
    process, cold_start = start_gunicorn(args, env)
    try:
        base = f"http://{HOST}:{args.port}"
        for url in probe["urls"].values():
            for _ in range(5):
                fetch(base + url, BYPASS_COOKIE)
                fetch(base + url)
        pages = {}
        for name, url in probe["urls"].items():
            say(f"wrk {args.duration}s × 2: {name} {url}")
            pages[name] = {
                "url": url,
                "queries": probe["queries"][name],
                "first_queries": probe["first_queries"][name],
                "uncached": wrk(base + url, args, BYPASS_COOKIE),
                "cached": wrk(base + url, args),
                "first_render_ms": first_render_ms(base + url, args.redis_db, probe["generation_key"]),
            }
        rss = worker_rss_mb(process.pid)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
    report = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "sizes": sizes,
        "load_average": os.getloadavg(),
        "wrk": {"connections": args.connections, "duration_s": args.duration, "threads": 2},
        "cold_start_s": round(cold_start, 2),
        "worker_rss_mb": [round(value, 1) for value in rss],
        "pages": pages,
    }
    print_table(report)
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"bench-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.json"
    path.write_text(json.dumps(report, indent=2) + "\n")
    say(f"Written to {path.relative_to(BASE_DIR)}")


def print_table(report):
    say()
    say(f"Sizes: {report['sizes']}; load average at the end {report['load_average'][0]:.1f}")
    say(
        f"{'page':28} {'queries':>7} {'uncached r/s':>12} {'p50 ms':>7} {'p99 ms':>7} {'cached r/s':>10} {'p50 ms':>7} {'p99 ms':>7}"
        f" {'first render':>12}  vs reference"
    )
    for name, page in report["pages"].items():
        uncached, cached = page["uncached"], page["cached"]
        reference = REFERENCE.get(name)
        versus = f"{uncached['rps'] / reference['rps']:.1f}× r/s, {reference['queries']} queries" if reference else ""
        errors = uncached["non_2xx"] + cached["non_2xx"]
        say(
            f"{name:28} {page['queries']:>7} {uncached['rps']:>12.0f} {uncached['p50_ms']:>7.1f} {uncached['p99_ms']:>7.1f}"
            f" {cached['rps']:>10.0f} {cached['p50_ms']:>7.1f} {cached['p99_ms']:>7.1f}"
            f" {page['first_render_ms']:>5.0f} ms/{page['first_queries']:>2}q  {versus}"
            + (f"  ({errors} non-2xx)" if errors else "")
        )
    rss = ", ".join(f"{value:.0f}" for value in report["worker_rss_mb"])
    say(
        f"Cold start {report['cold_start_s']:.2f} s (reference {REFERENCE_COLD_START} s); worker RSS after load {rss} MB (reference {REFERENCE_RSS_MB} MB)"
    )


if __name__ == "__main__":
    main()
