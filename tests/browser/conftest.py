"""Headless Chromium (Debian's chromium and chromium-driver) driven by Selenium.

Outside CI a machine without Chromium (or without axe-core or the Nu HTML checker from npm,
or without Java to run the checker) skips these tests and says why; in CI (CI=true) a
missing tool is a failure, because .ci/run installs them.
"""

import os
import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.cache import cache

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


@pytest.fixture(scope="session")
def browser():
    if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing in CI: .ci/run should have installed it")
        pytest.skip("Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="cc-chromium-")
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--window-size=1280,900",
        # As for a resident who asks for less motion: the site then scrolls at once instead of
        # smoothly, so a page never moves under a click (the site's CSS honours the setting).
        "--force-prefers-reduced-motion",
    ):
        options.add_argument(argument)
    # Console messages (CSP violations among them) for tests that read the browser log.
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.implicitly_wait(2)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


AXE_JS = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def axe_source():
    """axe-core's browser script, from the npm package pinned in package-lock.json."""
    if not AXE_JS.exists():
        if os.environ.get("CI"):
            pytest.fail("axe-core is missing in CI: .ci/run should have run `npm ci --ignore-scripts`")
        pytest.skip("axe-core is not installed: run `npm ci --ignore-scripts` (make test does it)")
    return AXE_JS.read_text(encoding="utf-8")


VNU_JAR = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.fixture(scope="session")
def vnu_command():
    """The W3C Nu HTML checker (npm vnu-jar, pinned in package-lock.json) and the Java to run it."""
    java = shutil.which("java")
    missing = []
    if not java:
        missing.append("Java is not installed (apt-get install default-jre-headless)")
    if not VNU_JAR.exists():
        missing.append("the Nu HTML checker is not installed: run `npm ci --ignore-scripts` (make test does it)")
    if missing:
        if os.environ.get("CI"):
            pytest.fail("; ".join(missing) + " in CI: .ci/run should have installed it")
        pytest.skip("; ".join(missing))
    return [java, "-jar", str(VNU_JAR)]


@pytest.fixture(autouse=True)
def fresh_cache(request):
    # The live server shares this process's cache: Wagtail's cached site root paths must not
    # outlive the pages a previous test created.
    cache.clear()
    yield
    cache.clear()
    if "browser" in request.fixturenames:
        # Leave the page before the test's database goes away, so no late request (the
        # favicon, say) reaches the live server after it.
        request.getfixturevalue("browser").get("about:blank")


@pytest.fixture
def browser_defaults(browser):
    """The session's browser, put back to its usual window and media after the test."""
    yield browser
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": []})


@pytest.fixture
def translated_site(live_server):
    """The site as `make run` builds it, with the Polish and Romanian sample translations, served live."""
    from home.loader import load_site
    from sample_content.translations import load_sample_translations

    load_sample_translations(load_site())
    return live_server
