"""The load benchmark: one command, loopback only.

    make bench                       # full size: 10,000 stories, 100,000 comments
    .venv/bin/python bench/run.py --small
    .venv/bin/python bench/run.py --growth  # 1,000, 10,000 and 50,000 stories, each in its own database

It fills a PostgreSQL database (default cc_bench on 127.0.0.1) with `generate_load_data`
(once: a second run reuses it), runs collectstatic, starts gunicorn with production settings
on 127.0.0.1 (2 sync workers, Redis on loopback for the cache), measures the cold start (until
the first 200), warms up, then runs wrk against each page type in two tiers:

- anonymous: no cookie, as a resident who has never signed in: answered from the page cache;
- editor: with the session cookie of a real staff user (in the Communications team group,
  signed in through Wagtail's login form), so the page renders as for a signed-in
  editor, with Wagtail's userbar; the page cache never serves it, the answers and fragments
  kept until the next publication are used.

It also times the first render after a publication (the cache generation moved on before
each of 15 anonymous requests, so the page and every fragment are rendered afresh; median).
Search is measured twice: one query repeated, and varied queries (bench/wrk.lua draws one
or two words per request from bench/words.txt, made from the strategy text and the sample
content). The floor is bench/floor_app.py, a WSGI application returning a fixed small page,
served by gunicorn with the same settings in the same run: anonymous req/s are shown as a
fraction of it. It prints a table of req/s, p50, p95, p99, SQL queries per page (an editor's
view between publications, and the first render after one), HTML size, the cold start and the
workers' memory after load, compared with the reference figures of issue #8, and writes the
same as JSON to bench/results/ (gitignored: figures belong to the machine they were measured on).

`--reference URL --reference-page NAME=PATH ...` measures another site already running on
loopback (Wagtail's bakerydemo, say) in the same run: each of its pages straight after this
site's page of the same name, with the same wrk settings, as an anonymous visitor (a site
without a page cache renders every request); the table then compares this site's signed-in
editor tier with it. With `--reference-login USER:PASSWORD` (a staff account there) its pages are
measured signed in as well, through its own Wagtail login form. For the varied search the reference gets the same words, as `?q=`.

`--growth` runs the whole benchmark at three sizes, each in its own database (1,000/10,000/50,000
stories, 30/300/1,500 pledges, 100/1,000/100,000 comments all on one consultation, the one
measured), and ends with one growth table per page type.
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
import urllib.error
import urllib.parse
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = Path(sys.executable).with_name("gunicorn")
RESULTS = BASE_DIR / "bench" / "results"
WRK_SCRIPT = BASE_DIR / "bench" / "wrk.lua"
WORDS = BASE_DIR / "bench" / "words.txt"
HOST = "127.0.0.1"
# Behind a TLS-terminating proxy, as in production: the proxy says the request was https.
HEADERS = {"X-Forwarded-Proto": "https"}
VARIED_SEARCH = "search (varied queries)"
# bakerydemo on this kind of machine (issue #8), uncached: req/s and SQL queries per page,
# compared with the editor tier (rendered every time, as bakerydemo was).
REFERENCE = {
    "home": {"rps": 42, "queries": 43},
    "story listing": {"rps": 61, "queries": 40},
    "story": {"rps": 77, "queries": 22},
    "search (one query repeated)": {"rps": 37, "queries": 39},
}
REFERENCE_COLD_START = 1.6
REFERENCE_RSS_MB = 142
FULL = {"stories": 10_000, "pledges": 300, "updates": 5_000, "consultations": 100, "comments": 100_000}
SMALL = {"stories": 500, "pledges": 30, "updates": 500, "consultations": 10, "comments": 5_000}

# --growth: each size in its own database; every comment on the consultation that is measured.
GROWTH = [
    {"stories": 1_000, "pledges": 30, "updates": 500, "consultations": 10, "comments": 100},
    {"stories": 10_000, "pledges": 300, "updates": 5_000, "consultations": 100, "comments": 1_000},
    {"stories": 50_000, "pledges": 1_500, "updates": 25_000, "consultations": 500, "comments": 100_000},
]
GROWTH_SMALL = [  # --growth --small: to check the script works
    {"stories": 100, "pledges": 3, "updates": 30, "consultations": 4, "comments": 10},
    {"stories": 300, "pledges": 9, "updates": 90, "consultations": 4, "comments": 100},
]
TIERS = ("anonymous", "editor")

# Run inside Django, before the benchmark: the addresses of one page of each type; a staff
# user signed in (the session stays in the database, so its cookie works for gunicorn); each
# page's query count as that editor sees it, after one warm-up render (the steady state
# between publications), and for an anonymous visitor straight after a publication (the page
# and every cached answer and fragment stale); the HTML size as an anonymous visitor gets it.
PROBE = r"""
import json
import secrets
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext
from consultations.models import Comment, ConsultationPage, State
from core.caching.page_cache import GENERATION_KEY, invalidate, page_cache
from core.staff_roles import ADMIN_ACCESS, COMMUNICATIONS_TEAM
from pledges.models import PledgePage
from stories.models import StoryPage

story = StoryPage.objects.live().filter(slug__startswith="load-").order_by("-date").first()
pledge = PledgePage.objects.live().filter(slug__startswith="load-").first()
comments = dict(Comment.objects.values_list("consultation").annotate(n=Count("id")))
consultations = {}
for page in ConsultationPage.objects.live().filter(slug__startswith="load-").order_by("pk"):
    best = consultations.get(page.state)
    if best is None or comments.get(page.pk, 0) >= comments.get(best.pk, 0):
        consultations[page.state] = page  # of each state, the one with the most comments
consultation = consultations.get(State.OUTCOME) or consultations.get(State.CLOSED)
urls = {
    "home": "/",
    "story listing": "/stories/",
    "story": story.url,
    "search (one query repeated)": "/search/?q=community+garden",
    __VARIED__: "/search/?q=" + __WORD__,
    "pledge dashboard": pledge.get_parent().url,
    "pledge": pledge.url,
    "consultation index": consultation.get_parent().url,
    "consultation": consultation.url,
}
if State.OPEN in consultations:
    urls["consultation (open, form)"] = consultations[State.OPEN].url

editor, _ = get_user_model().objects.get_or_create(
    username="bench-editor", defaults={"email": "bench-editor@example.invalid", "is_staff": True}
)
editor.groups.add(Group.objects.get(name=COMMUNICATIONS_TEAM))
password = secrets.token_urlsafe(24)
editor.set_password(password)
editor.save()
editor = get_user_model().objects.get(pk=editor.pk)
assert editor.has_perm(ADMIN_ACCESS), "the bench editor cannot reach the admin"
# Signed in through Wagtail's login form, as an editor would be (django-axes sees it too).
signed_in = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
response = signed_in.post("/admin/login/", {"username": editor.username, "password": password})
assert response.status_code == 302, f"the login form answered {response.status_code}"
anonymous = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
queries, first_queries, html_bytes = {}, {}, {}
for name, url in urls.items():
    # Twice: a first view can save something (the site's contact details on a new database).
    for _ in range(2):
        assert signed_in.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as captured:
        response = signed_in.get(url)
    assert b"wagtail-userbar" in response.content, "the editor's page has no userbar: not signed in?"
    queries[name] = len(captured)
    invalidate()  # what any publication does: the next render reads everything afresh
    with CaptureQueriesContext(connection) as captured:
        response = anonymous.get(url)
    assert response.status_code == 200, url
    first_queries[name] = len(captured)
    html_bytes[name] = len(response.content)
# The generation's key as the Redis cache stores it (with the key prefix and version).
generation_key = page_cache().make_key(GENERATION_KEY)
session = settings.SESSION_COOKIE_NAME + "=" + signed_in.cookies[settings.SESSION_COOKIE_NAME].value
print("PROBE" + json.dumps({
    "urls": urls, "queries": queries, "first_queries": first_queries, "html_bytes": html_bytes,
    "generation_key": generation_key, "session_cookie": session,
    "consultation_comments": comments.get(consultation.pk, 0),
}))
"""


def say(text=""):
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def run(command, env, **kwargs):
    return subprocess.run(command, env=env, cwd=env["BENCH_TREE"], check=True, **kwargs)


def environment(args, database):
    env = dict(os.environ)
    tree = Path(args.tree).resolve()
    env.update(
        BENCH_TREE=str(tree),
        DJANGO_SETTINGS_MODULE="connected_communities.settings.production",
        DATABASE_URL=f"postgres://postgres@{HOST}:5432/{database}",
        REDIS_URL=f"redis://{HOST}:6379/{args.redis_db}",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=f"{HOST},localhost",
        SITE_URL=f"http://{HOST}:{args.port}",
        STATIC_ROOT=str(tree / "var" / "bench-static"),
        MEDIA_ROOT=str(tree / "var" / "bench-media"),
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


def prepare(args, env, database, sizes, comments_on_one=False):
    ensure_database(database)
    started = time.perf_counter()
    run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
    options = [f"--{name}={count}" for name, count in sizes.items()]
    if comments_on_one:
        options.append("--comments-on-one")
    # The generator belongs to sample_content, installed only in development and test settings;
    # the site it fills is then served with production settings.
    generator_env = {**env, "DJANGO_SETTINGS_MODULE": "connected_communities.settings.dev"}
    run([PYTHON, "manage.py", "generate_load_data", f"--seed={args.seed}", *options], generator_env)
    say(f"Load data ready in {time.perf_counter() - started:.0f} s")
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env)
    word = WORDS.read_text().split()[0]
    probe_code = PROBE.replace("__VARIED__", repr(VARIED_SEARCH)).replace("__WORD__", repr(word))
    probe = run([PYTHON, "manage.py", "shell", "-c", probe_code], env, stdout=subprocess.PIPE, text=True).stdout
    import redis

    # A cold start for gunicorn: only the benchmark's own Redis database is emptied.
    redis.Redis(host=HOST, port=6379, db=args.redis_db).flushdb()
    return json.loads(probe[probe.index("PROBE") + 5 :])


def fetch(url, cookie=None, body=False):
    request = urllib.request.Request(url, headers={**HEADERS, **({"Cookie": cookie} if cookie else {})})
    with urllib.request.urlopen(request, timeout=30) as response:
        content = response.read()
        return (response.status, content) if body else response.status


def start_gunicorn(args, env, app="connected_communities.wsgi", port=None, extra=()):
    port = port or args.port
    # The same server settings for the site and for the floor.
    command = [str(GUNICORN), app, f"--bind={HOST}:{port}", "--workers=2", *extra]
    command += [
        "--worker-class=sync",
        f"--forwarded-allow-ips={HOST}",
        "--access-logfile=-" if args.verbose else "--log-level=warning",
    ]
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=env["BENCH_TREE"])
    while True:
        if process.poll() is not None:
            raise SystemExit("gunicorn stopped during start-up")
        try:
            if fetch(f"http://{HOST}:{port}/") == 200:
                return process, time.perf_counter() - started
        except OSError:
            time.sleep(0.05)
        if time.perf_counter() - started > 60:
            process.kill()
            raise SystemExit("gunicorn did not answer within 60 s")


def stop(process):
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=30)


def worker_rss_mb(master_pid):
    rss = []
    for pid in Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split():
        status = Path(f"/proc/{pid}/status").read_text()
        rss.append(int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024)
    return rss


def first_render_ms(url, redis_db, generation_key, samples=15):
    """Median time of the first anonymous render after a publication.

    A publication starts a new cache generation; here the generation is moved on directly
    in the benchmark's Redis database, so each sample misses the page cache and renders with
    every fragment stale (and stores the page for the next visitor).
    """
    import redis

    connection = redis.Redis(host=HOST, port=6379, db=redis_db)
    times = []
    for _ in range(samples):
        connection.incr(generation_key)
        started = time.perf_counter()
        fetch(url)
        times.append((time.perf_counter() - started) * 1000)
    return round(sorted(times)[len(times) // 2], 1)


# wrk.lua's seed for the varied search, per tier: each draws its own words.
SEEDS = {"anonymous": 1000, "editor": 2000, "reference": 3000, "reference editor": 4000}


def wrk(url, args, cookie=None, varied=False, seed=SEEDS["anonymous"]):
    """wrk through bench/wrk.lua: req/s, p50, p75, p90, p95 and p99 (ms), non-2xx responses."""
    command = ["wrk", "-t2", f"-c{args.connections}", f"-d{args.duration}s", "--latency", "-s", str(WRK_SCRIPT)]
    for name, value in {**HEADERS, **({"Cookie": cookie} if cookie else {})}.items():
        command += ["-H", f"{name}: {value}"]
    command.append(url)
    if varied:
        command += ["--", str(WORDS), str(seed)]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    result = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))}
    for percentile, microseconds in re.findall(r"^PERCENTILE (\d+) (\d+)$", output, re.MULTILINE):
        result[f"p{percentile}_ms"] = round(int(microseconds) / 1000, 2)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    result["non_2xx"] = int(errors.group(1)) if errors else 0
    return result


def measure_floor(args, env):
    """The same gunicorn settings serving bench/floor_app.py: the most any page could do."""
    floor_env = {**env, "BENCH_TREE": str(BASE_DIR)}
    process, _ = start_gunicorn(args, floor_env, "floor_app:application", args.port + 1, ["--pythonpath=bench"])
    try:
        url = f"http://{HOST}:{args.port + 1}/"
        for _ in range(20):
            fetch(url)
        say(f"wrk {args.duration}s: the floor (bench/floor_app.py)")
        return wrk(url, args)
    finally:
        stop(process)


def reference_login(args):
    """A session cookie for the reference site, signed in through Wagtail's login form."""
    username, password = args.reference_login.split(":", 1)
    login = args.reference + "/admin/login/"

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)

    def cookies_of(response):  # by hand: the cookies may be marked Secure, as behind a TLS proxy
        return dict(
            re.match(r"([^=]+)=([^;]*)", header).groups() for header in response.headers.get_all("Set-Cookie", [])
        )

    with opener.open(urllib.request.Request(login, headers=HEADERS)) as response:
        form, cookies = response.read().decode(), cookies_of(response)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": username, "password": password})
    # The request is https to the site (X-Forwarded-Proto), so the referer must be too.
    headers = {**HEADERS, "Referer": login.replace("http://", "https://", 1)}
    headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in cookies.items())
    try:
        opener.open(urllib.request.Request(login, data=body.encode(), headers=headers))
        raise SystemExit("the reference site's login form did not redirect: check --reference-login")
    except urllib.error.HTTPError as answer:
        status, session = answer.code, cookies_of(answer).get("sessionid")
    if status != 302 or not session:
        raise SystemExit(f"could not sign in to the reference site ({status}): check --reference-login")
    cookie = f"sessionid={session}"
    status, content = fetch(args.reference + "/", cookie, body=True)
    if b"userbar" not in content:
        raise SystemExit("the reference site's session cookie does not sign in: no userbar on its home page")
    return cookie


def reference_pages(args):
    """The reference site's pages by name, each warmed up (its first renders are not measured)."""
    pages = dict(page.split("=", 1) for page in args.reference_page)
    unknown = set(pages) - {"home", "story listing", "story", "search (one query repeated)", VARIED_SEARCH}
    if unknown:
        raise SystemExit(f"--reference-page names a page this benchmark does not measure: {sorted(unknown)}")
    for path in pages.values():
        for _ in range(5):
            fetch(args.reference + path)
    return pages


def measure(args, database, sizes, comments_on_one=False):
    """One full benchmark at one size: returns the report (also written as JSON)."""
    env = environment(args, database)
    probe = prepare(args, env, database, sizes, comments_on_one)
    floor = measure_floor(args, env)
    say(f"Starting gunicorn (production settings, 2 sync workers) on {HOST}:{args.port}")
    process, cold_start = start_gunicorn(args, env)
    session = probe["session_cookie"]
    try:
        base = f"http://{HOST}:{args.port}"
        # gunicorn knows the session: the editor tier really is a signed-in editor's page.
        status, content = fetch(base + "/", session, body=True)
        if status != 200 or b"wagtail-userbar" not in content:
            raise SystemExit("the editor's session cookie does not sign in: no userbar on the home page")
        for url in probe["urls"].values():
            for _ in range(5):
                fetch(base + url, session)
                fetch(base + url)
        references = reference_pages(args) if args.reference else {}
        reference_cookie = reference_login(args) if args.reference and args.reference_login else None
        pages = {}
        for name, url in probe["urls"].items():
            varied = name == VARIED_SEARCH
            target = base + ("/search/" if varied else url)
            say(f"wrk {args.duration}s × 2: {name} {'(words from bench/words.txt)' if varied else url}")
            pages[name] = {
                "url": url,
                "queries": probe["queries"][name],
                "first_queries": probe["first_queries"][name],
                "html_bytes": probe["html_bytes"][name],
                "anonymous": wrk(target, args, varied=varied),
                "editor": wrk(target, args, session, varied=varied, seed=SEEDS["editor"]),
                "first_render_ms": first_render_ms(base + url, args.redis_db, probe["generation_key"]),
            }
            pages[name]["anonymous_of_floor"] = round(pages[name]["anonymous"]["rps"] / floor["rps"], 3)
            if name in references:
                # Straight after this site's page, so a machine growing busier affects both alike.
                say(f"wrk {args.duration}s: the reference's {name} {references[name]}")
                reference_target = args.reference + ("/search/" if varied else references[name])
                pages[name]["reference"] = {
                    "url": references[name],
                    **wrk(reference_target, args, varied=varied, seed=SEEDS["reference"]),
                }
                if reference_cookie:
                    say(f"wrk {args.duration}s: the reference's {name}, signed in")
                    pages[name]["reference_editor"] = wrk(
                        reference_target, args, reference_cookie, varied=varied, seed=SEEDS["reference editor"]
                    )
        rss = worker_rss_mb(process.pid)
    finally:
        stop(process)
    report = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "tree": env["BENCH_TREE"],
        "database": database,
        "sizes": sizes,
        "comments_on_one_consultation": comments_on_one,
        "consultation_comments": probe["consultation_comments"],
        "load_average": os.getloadavg(),
        "wrk": {"connections": args.connections, "duration_s": args.duration, "threads": 2},
        "tiers": {
            "anonymous": "no cookie: the page cache's answer",
            "editor": "a signed-in staff user's session cookie: rendered for an editor (userbar), never from the page cache",
            "first_render_ms": "anonymous, straight after a publication (cache generation moved on): median of 15",
            "queries": "an editor's view between publications; first_queries: the first render after a publication",
        },
        "floor": floor,
        "reference": args.reference,
        "cold_start_s": round(cold_start, 2),
        "worker_rss_mb": [round(value, 1) for value in rss],
        "pages": pages,
    }
    print_table(report)
    return report


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--small", action="store_true", help="500 stories, 5,000 comments: to check the script works")
    parser.add_argument(
        "--growth", action="store_true", help="three sizes, each in its own database, and a growth table"
    )
    for name, count in FULL.items():
        parser.add_argument(f"--{name}", type=int, help=f"default {count:,} ({SMALL[name]:,} with --small)")
    parser.add_argument("--seed", type=int, default=2041)
    parser.add_argument("--database", default="cc_bench", help="PostgreSQL database on 127.0.0.1 (created if missing)")
    parser.add_argument("--redis-db", type=int, default=13, help="Redis database number on 127.0.0.1 (flushed)")
    parser.add_argument("--port", type=int, default=8765, help="the site's port; the floor uses the next one")
    parser.add_argument("--duration", type=int, default=15, help="seconds of wrk per page and tier")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument(
        "--tree", default=str(BASE_DIR), help="the checkout to serve (bench/compare.py: an earlier commit)"
    )
    parser.add_argument(
        "--reference", help="another site on loopback to measure in the same run, e.g. http://127.0.0.1:8100"
    )
    parser.add_argument(
        "--reference-page",
        action="append",
        default=[],
        metavar="NAME=PATH",
        help="one of its pages, by this benchmark's page name: 'home=/', 'story=/blog/wild-yeast/'",
    )
    parser.add_argument(
        "--reference-login",
        metavar="USER:PASSWORD",
        help="a staff account on the reference site: its pages are measured signed in too",
    )
    parser.add_argument("--output", help="where to write the JSON (default bench/results/bench-<time>.json)")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: apt-get install wrk")
    if args.growth:
        reports = []
        for sizes in GROWTH_SMALL if args.small else GROWTH:
            database = f"{args.database}_growth_{sizes['stories']}"  # never mix sizes in one database
            say(f"\n=== growth: {sizes} in {database} ===")
            reports.append(measure(args, database, sizes, comments_on_one=True))
        print_growth(reports)
        write({"growth": reports}, args, "growth")
        return
    sizes = {name: getattr(args, name) or (SMALL if args.small else FULL)[name] for name in FULL}
    if args.small and args.database == "cc_bench":
        args.database = "cc_bench_small"  # never mix sizes in one database
    write(measure(args, args.database, sizes), args, "bench")


def write(report, args, kind):
    path = Path(args.output) if args.output else RESULTS / f"{kind}-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2) + "\n")
    say(f"Written to {path}")


def print_table(report):
    floor = report["floor"]
    say()
    say(f"Sizes: {report['sizes']}; load average at the end {report['load_average'][0]:.1f}")
    say(
        f"Floor (bench/floor_app.py, same gunicorn settings): {floor['rps']:.0f} req/s, p50 {floor['p50_ms']:.1f} ms,"
        f" p95 {floor['p95_ms']:.1f} ms"
    )
    say(f"{'':28} {'':7} {'':6} {'anonymous (page cache)':^32} {'editor (signed in)':^26} {'first render':^13}")
    say(
        f"{'page':28} {'queries':>7} {'KB':>6} {'r/s':>6} {'floor':>6} {'p50':>6} {'p95':>6} {'p99':>6}"
        f" {'r/s':>5} {'p50':>6} {'p95':>6} {'p99':>6} {'ms':>6} {'q':>4}  editor vs reference"
    )
    for name, page in report["pages"].items():
        anonymous, editor = page["anonymous"], page["editor"]
        if "reference" in page:  # measured in this run
            reference = page["reference"]
            versus = f"{editor['rps'] / reference['rps']:.1f}× anonymous ({reference['rps']:.0f} r/s)"
            if "reference_editor" in page:
                signed_in = page["reference_editor"]["rps"]
                versus += f", {editor['rps'] / signed_in:.1f}× signed in ({signed_in:.0f} r/s)"
        elif name in REFERENCE:  # issue #8's figures, from an earlier run
            reference = REFERENCE[name]
            versus = f"{editor['rps'] / reference['rps']:.1f}× r/s (#8), {reference['queries']} queries"
        else:
            versus = ""
        errors = anonymous["non_2xx"] + editor["non_2xx"]
        say(
            f"{name:28} {page['queries']:>7} {page['html_bytes'] / 1024:>6.1f}"
            f" {anonymous['rps']:>6.0f} {page['anonymous_of_floor']:>6.0%} {anonymous['p50_ms']:>6.1f}"
            f" {anonymous['p95_ms']:>6.1f} {anonymous['p99_ms']:>6.1f}"
            f" {editor['rps']:>5.0f} {editor['p50_ms']:>6.1f} {editor['p95_ms']:>6.1f} {editor['p99_ms']:>6.1f}"
            f" {page['first_render_ms']:>6.0f} {page['first_queries']:>4}  {versus}"
            + (f"  ({errors} non-2xx)" if errors else "")
        )
    rss = ", ".join(f"{value:.0f}" for value in report["worker_rss_mb"])
    say(
        "Latencies in ms. queries: an editor's view between publications; q: the first render after one."
        f"\nCold start {report['cold_start_s']:.2f} s (reference {REFERENCE_COLD_START} s);"
        f" worker RSS after load {rss} MB (reference {REFERENCE_RSS_MB} MB)"
    )


def print_growth(reports):
    """One table: each page type at each size."""
    say("\nGrowth (comments all on the consultation measured; latencies in ms)")
    say(
        f"{'page':28} {'stories':>7} {'pledges':>7} {'comments':>8} {'anon r/s':>8} {'p50':>6} {'p95':>6}"
        f" {'editor r/s':>10} {'p50':>6} {'p95':>6} {'queries':>7} {'first ms':>8} {'KB':>6}"
    )
    for name in reports[0]["pages"]:
        for report in reports:
            page = report["pages"].get(name)
            if page is None:
                continue
            sizes, anonymous, editor = report["sizes"], page["anonymous"], page["editor"]
            say(
                f"{name:28} {sizes['stories']:>7} {sizes['pledges']:>7} {report['consultation_comments']:>8}"
                f" {anonymous['rps']:>8.0f} {anonymous['p50_ms']:>6.1f} {anonymous['p95_ms']:>6.1f}"
                f" {editor['rps']:>10.0f} {editor['p50_ms']:>6.1f} {editor['p95_ms']:>6.1f}"
                f" {page['queries']:>7} {page['first_render_ms']:>8.0f} {page['html_bytes'] / 1024:>6.1f}"
            )
    rss = "; ".join(
        f"{report['sizes']['stories']}: " + ", ".join(f"{v:.0f}" for v in report["worker_rss_mb"]) for report in reports
    )
    say(f"Worker RSS after load (MB) by stories: {rss}")


if __name__ == "__main__":
    main()
