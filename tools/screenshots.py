"""Full-page screenshots of every page type at 390 and 1280 px, for people to look at, and
each page's full height.

    make screenshots                  # or: .venv/bin/python -m tools.screenshots
    .venv/bin/python -m tools.screenshots --heights-only --widths 390 --base-dir ../other-checkout

It builds the demo site as `make run` shows it (migrations, `load_sample_content`,
`load_sample_translations`) in a database of its own (var/screenshots/site.sqlite3, made
afresh each run), serves it with `runserver` on a free port, and visits every case of
`PAGES` in tests/browser/test_accessibility.py (the catalogue the browser tests check) in
headless Chromium (Debian's chromium and chromium-driver, as the tests use). It writes
var/screenshots/<width>/<page>.png and var/screenshots/page-heights.json, and prints the
heights as a table. Review aids only: nothing compares pixels.

--base-dir serves another checkout of the project (an older commit, say) with its own
Python, so its heights can be compared with this one's; the page list stays this one's.
"""

import argparse
import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
SETTLE = (
    "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done()));"
)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def build_and_serve(base_dir, database, port, log):
    """Build the demo site in its own SQLite database and start runserver; returns the process."""
    python = base_dir / ".venv" / "bin" / "python"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "connected_communities.settings.dev",
        "DATABASE_URL": f"sqlite:///{database}",
        "PORT": str(port),
        "SITE_URL": f"http://127.0.0.1:{port}",
    }
    database.unlink(missing_ok=True)
    for command in (["migrate", "--noinput"], ["load_sample_content"], ["load_sample_translations"]):
        print(f"manage.py {' '.join(command)}", flush=True)  # noqa: T201
        subprocess.run([python, "manage.py", *command], cwd=base_dir, env=env, check=True, stdout=log, stderr=log)
    server = subprocess.Popen(
        [python, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=base_dir,
        env=env,
        stdout=log,
        stderr=log,
    )
    for _ in range(120):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=2)  # noqa: S310
            return server
        except OSError:
            if server.poll() is not None:
                raise SystemExit(f"runserver stopped; see {log.name}") from None
            time.sleep(0.5)
    server.terminate()
    raise SystemExit(f"runserver did not answer; see {log.name}")


def start_browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
        raise SystemExit("Chromium and chromedriver are needed: apt-get install chromium chromium-driver")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="cc-screenshots-")
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.implicitly_wait(2)
    return driver, profile


def visit(browser, url, case, width):
    """Load the case at this width; returns the page's full height in CSS pixels."""
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False}
    )
    browser.get(url + case.path)
    if case.before_check:
        case.before_check(browser)
    browser.set_script_timeout(10)
    browser.execute_async_script(SETTLE)
    return browser.execute_script("return document.documentElement.scrollHeight")


def screenshot(browser, width, height, path):
    shot = browser.execute_cdp_cmd(
        "Page.captureScreenshot",
        {
            "format": "png",
            "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
        },
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(base64.b64decode(shot["data"]))


def table(heights, widths):
    rows = [["page", *[f"{width} px" for width in widths]]]
    rows += [[name, *[f"{sizes.get(str(width), '')}" for width in widths]] for name, sizes in heights.items()]
    size = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.ljust(size[0]) if column == 0 else cell.rjust(size[column]) for column, cell in enumerate(row))
        for row in rows
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-dir", type=Path, default=ROOT, help="the checkout to serve (default: this one)")
    parser.add_argument("--widths", default="390,1280", help="comma-separated widths in CSS pixels")
    parser.add_argument("--out", type=Path, default=ROOT / "var" / "screenshots")
    parser.add_argument("--heights-only", action="store_true", help="measure the heights, take no screenshots")
    parser.add_argument("--heights-json", type=Path, help="also write the heights here")
    args = parser.parse_args(argv)
    widths = [int(width) for width in args.widths.split(",")]
    base_dir = args.base_dir.resolve()

    # The catalogue of page types the browser tests check (it reads Django's settings).
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "connected_communities.settings.dev")
    sys.path.insert(0, str(ROOT))
    from tests.browser.test_accessibility import PAGES

    args.out.mkdir(parents=True, exist_ok=True)
    port = free_port()
    with (args.out / "server.log").open("w") as log:
        server = build_and_serve(base_dir, args.out / "site.sqlite3", port, log)
        browser, profile = start_browser()
        heights = {}
        try:
            url = f"http://127.0.0.1:{port}"
            for case in PAGES:
                heights[case.name] = {"path": case.path}
                for width in widths:
                    height = visit(browser, url, case, width)
                    heights[case.name][str(width)] = height
                    if not args.heights_only:
                        screenshot(browser, width, height, args.out / str(width) / f"{case.name}.png")
                print(f"{case.name}: {[heights[case.name][str(width)] for width in widths]}", flush=True)  # noqa: T201
        finally:
            browser.quit()
            shutil.rmtree(profile, ignore_errors=True)
            server.terminate()
            server.wait(timeout=20)
    report = json.dumps({"base_dir": str(base_dir), "widths": widths, "heights": heights}, indent=1)
    (args.out / "page-heights.json").write_text(report, encoding="utf-8")
    if args.heights_json:
        args.heights_json.write_text(report, encoding="utf-8")
    print(table(heights, widths))  # noqa: T201
    if not args.heights_only:
        print(f"Screenshots in {args.out}/<width>/")  # noqa: T201


if __name__ == "__main__":
    main()
