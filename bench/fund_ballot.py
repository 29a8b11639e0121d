"""The residents' ballot under load: how fast the site takes votes from 8 voters at once.

    .venv/bin/python bench/fund_ballot.py                    # 2,000 ballots, 8 voters at once
    .venv/bin/python bench/fund_ballot.py --ballots 40       # a quick check that it works

Loopback only, like bench/run.py, whose helpers it uses: a PostgreSQL database (default
cc_bench_fund on 127.0.0.1, created if missing, migrated), Redis on loopback for the cache,
gunicorn with production settings (2 sync workers). It makes (or reuses) a fund with one round
whose vote is open now and --projects shortlisted projects, and empties that round's ballots.

Then --voters threads, each with its own connection (http.client), do what a browser does:
GET the round's page once for the CSRF cookie, the form's token and its signed start time,
then POST ballots, each from a new email address (one in ten re-sends an address already
used, which replaces that ballot), with two or three projects that fit the budget. Only the
POSTs are timed: each is the whole vote (checks, the row lock, the ballot and its choices
written, the confirmation email queued in the database for the worker; no worker runs, so
nothing is sent). Rate limits and the fill-time check are lifted for the run (environment).

Prints req/s, p50, p95, p99 and the number of refusals; the goal (issue #18) is p95 under
200 ms with 8 voters at once. Writes the same as JSON to bench/results/ (gitignored).

wrk is not used: each POST needs the CSRF cookie and token of a page the same client fetched,
which a thread pool of real clients does plainly.
"""

import argparse
import http.client
import json
import random
import re
import statistics
import subprocess
import sys
import threading
import time
from html import unescape
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run as bench  # noqa: E402 - bench/run.py, beside this file

SETUP = r"""
import json
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone
from wagtail.models import Page, Site

from fund.models import Ballot, FundPage, FundRoundPage, Priority, ProjectPage
from home.models import HomePage

site = Site.objects.filter(is_default_site=True).first()
home = site.root_page.specific if site else None
if not isinstance(home, HomePage):
    home = HomePage.objects.first()
    if home is None:
        home = HomePage(title="Connected Communities", slug="cc-home")
        Page.objects.get(depth=1).add_child(instance=home)
        home.save_revision().publish()
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})

fund = FundPage.objects.first()
if fund is None:
    fund = FundPage(title="People Make Places Fund", slug="fund")
    home.add_child(instance=fund)
    fund.save_revision().publish()
priority, _ = Priority.objects.get_or_create(slug="bench-places", defaults={"name": "Places", "short_name": "Places"})

now = timezone.now()
dates = {
    "opens_at": now - timedelta(days=40),
    "closes_at": now - timedelta(days=10),
    "voting_opens_at": now - timedelta(days=1),
    "voting_closes_at": now + timedelta(days=7),
    "decisions_on": now + timedelta(days=30),
}
round_page = FundRoundPage.objects.filter(slug="bench-vote").first()
if round_page is None:
    round_page = FundRoundPage(
        title="Benchmark vote", slug="bench-vote", budget=Decimal("__BUDGET__"),
        eligibility="<p>Community groups.</p>", **dates,
    )
    fund.add_child(instance=round_page)
else:
    for name, value in dates.items():
        setattr(round_page, name, value)
round_page.priorities.set([priority])
round_page.save_revision().publish()
round_page.refresh_from_db()
for number in range(ProjectPage.objects.child_of(round_page).count(), __PROJECTS__):
    project = ProjectPage(
        title=f"Project {number + 1:03}", slug=f"project-{number + 1:03}", summary="A community project.",
        cost=Decimal(1000 + 250 * (number % 12)), priority=priority,
    )
    round_page.add_child(instance=project)
    project.save_revision().publish()
Ballot.objects.filter(round=round_page).delete()
projects = list(
    ProjectPage.objects.live().child_of(round_page).order_by("title").values_list("pk", "cost")[:__PROJECTS__]
)
print("SETUP" + json.dumps({
    "round": round_page.pk,
    "url": round_page.get_url(),
    "budget": str(round_page.budget),
    "projects": [[pk, str(cost)] for pk, cost in projects],
}))
"""


class Voter(threading.Thread):
    """One client: fetch the form once, then send ballots and time each POST."""

    def __init__(self, number, args, setup, count, addresses, lock):
        super().__init__(daemon=True)
        self.number, self.args, self.setup, self.count = number, args, setup, count
        self.addresses, self.lock = addresses, lock
        self.times, self.refused, self.statuses = [], 0, {}
        self.random = random.Random(args.seed + number)
        self.origin = f"https://{bench.HOST}:{args.port}"

    def request(self, connection, method, path, body=None, headers=None):
        connection.request(method, path, body=body, headers={**bench.HEADERS, **(headers or {})})
        response = connection.getresponse()
        return response, response.read()

    def ballot(self):
        budget = float(self.setup["budget"])
        projects = self.setup["projects"][:]
        self.random.shuffle(projects)
        chosen, total = [], 0.0
        for pk, cost in projects:
            if len(chosen) == self.random.choice((2, 3)):
                break
            if total + float(cost) <= budget:
                chosen.append(str(pk))
                total += float(cost)
        return chosen

    def run(self):
        connection = http.client.HTTPConnection(bench.HOST, self.args.port, timeout=60)
        response, page = self.request(connection, "GET", self.setup["url"])
        cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie") or "").group(1)
        html = page.decode()
        fields = {
            name: unescape(re.search(rf'name="{name}" value="([^"]*)"', html).group(1))
            for name in ("csrfmiddlewaretoken", "started")
        }
        path = f"/fund/rounds/{self.setup['round']}/vote/"
        for index in range(self.count):
            with self.lock:
                again = self.addresses and self.random.random() < 0.1
                email = self.random.choice(self.addresses) if again else f"voter-{self.number}-{index}@bench.example"
                self.addresses.append(email)
            body = urlencode(
                {**fields, "email": email, "postcode": "WR14 3AF", "website": "", "projects": self.ballot()},
                doseq=True,
            )
            headers = {
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"csrftoken={cookie}",
                "Origin": self.origin,
                "Referer": self.origin + self.setup["url"],
            }
            started = time.perf_counter()
            response, _content = self.request(connection, "POST", path, body, headers)
            self.times.append(time.perf_counter() - started)
            self.statuses[response.status] = self.statuses.get(response.status, 0) + 1
            if response.status != 302:
                self.refused += 1
        connection.close()


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ballots", type=int, default=2000, help="ballots sent in all")
    parser.add_argument("--voters", type=int, default=8, help="voters sending at once (threads)")
    parser.add_argument("--projects", type=int, default=20, help="shortlisted projects on the ballot")
    parser.add_argument("--budget", default="10000")
    parser.add_argument("--seed", type=int, default=2041)
    parser.add_argument("--database", default="cc_bench_fund", help="PostgreSQL database on 127.0.0.1")
    parser.add_argument("--redis-db", type=int, default=12, help="Redis database number on 127.0.0.1")
    parser.add_argument("--port", type=int, default=8775)
    parser.add_argument("--tree", default=str(bench.BASE_DIR))
    parser.add_argument("--output", help="where to write the JSON (default bench/results/fund-ballot-<time>.json)")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()

    env = bench.environment(args, args.database)
    env.update(
        PUBLIC_FORM_RATE_LIMIT="100000000",
        PUBLIC_FORM_FAILED_RATE_LIMIT="100000000",
        PUBLIC_FORM_MIN_SECONDS="0",
        PUBLIC_RECEIPTS_PER_ADDRESS_PER_DAY="100000000",
    )
    bench.ensure_database(args.database)
    bench.run([bench.PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
    bench.run([bench.PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env)
    code = SETUP.replace("__PROJECTS__", str(args.projects)).replace("__BUDGET__", args.budget)
    output = bench.run([bench.PYTHON, "manage.py", "shell", "-c", code], env, stdout=subprocess.PIPE, text=True)
    setup = json.loads(output.stdout[output.stdout.index("SETUP") + 5 :])
    import redis

    redis.Redis(host=bench.HOST, port=6379, db=args.redis_db).flushdb()

    process, _cold = bench.start_gunicorn(args, env)
    try:
        bench.fetch(f"http://{bench.HOST}:{args.port}{setup['url']}")  # warm both workers' imports
        per_voter = [
            args.ballots // args.voters + (1 if n < args.ballots % args.voters else 0) for n in range(args.voters)
        ]
        addresses, lock = [], threading.Lock()
        voters = [Voter(n, args, setup, count, addresses, lock) for n, count in enumerate(per_voter)]
        started = time.perf_counter()
        for voter in voters:
            voter.start()
        for voter in voters:
            voter.join()
        elapsed = time.perf_counter() - started
    finally:
        bench.stop(process)

    times = [seconds for voter in voters for seconds in voter.times]
    statuses = {}
    for voter in voters:
        for status, number in voter.statuses.items():
            statuses[str(status)] = statuses.get(str(status), 0) + number
    report = {
        "ballots": len(times),
        "voters": args.voters,
        "projects": args.projects,
        "seconds": round(elapsed, 2),
        # Each voter's one GET is inside the wall time too: a small overstatement of the time.
        "req_per_s": round(len(times) / elapsed, 1),
        "p50_ms": round(statistics.median(times) * 1000, 1),
        "p95_ms": round(percentile(times, 0.95) * 1000, 1),
        "p99_ms": round(percentile(times, 0.99) * 1000, 1),
        "statuses": statuses,
        "refused": sum(voter.refused for voter in voters),
        "goal": "p95 < 200 ms at 8 voters at once",
    }
    bench.say(
        f"{report['ballots']} ballots from {args.voters} voters at once in {report['seconds']} s: "
        f"{report['req_per_s']} req/s, p50 {report['p50_ms']} ms, p95 {report['p95_ms']} ms, "
        f"p99 {report['p99_ms']} ms; statuses {statuses}"
    )
    bench.say(f"Goal p95 < 200 ms: {'met' if report['p95_ms'] < 200 else 'NOT met'}")
    if report["refused"]:
        bench.say(f"{report['refused']} ballots were not accepted (expected 302): see the statuses")
    bench.RESULTS.mkdir(exist_ok=True)
    path = Path(args.output or bench.RESULTS / f"fund-ballot-{time.strftime('%Y%m%d-%H%M%S')}.json")
    path.write_text(json.dumps(report, indent=2))
    bench.say(f"Written to {path}")


if __name__ == "__main__":
    main()
