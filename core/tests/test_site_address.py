"""One public address (SITE_URL) in every absolute URL, whatever port the site is served on."""

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import urllib.request
from datetime import timedelta
from pathlib import Path

from django.core import mail
from django.core.management.sql import emit_post_migrate_signal
from django.test import override_settings
from django.utils import timezone

from wagtail.models import Site

import pytest

from core.site_address import apply_to_default_site, check_site_url

BASE_DIR = Path(__file__).resolve().parents[2]
# An absolute URL naming this machine, by any name or port: each must be SITE_URL's.
LOCAL_URL = re.compile(r"https?://(?:localhost|127\.0\.0\.1|testserver|\[::1\])(?::\d+)?[^\s\"'<>\\]*")


def site_address(settings, url):
    """What SITE_URL in the environment gives: base.py derives Wagtail's two base URLs from it."""
    settings.SITE_URL = settings.WAGTAILADMIN_BASE_URL = settings.WAGTAILAPI_BASE_URL = url


def assert_on_address(text, address, where):
    urls = LOCAL_URL.findall(text)
    assert urls, f"{where}: no absolute URL at all"
    strays = sorted({url for url in urls if not url.startswith(address + "/")})
    assert not strays, f"{where} names another address than {address}: {strays[:5]}"
    return urls


def demo_site():
    from home.loader import load_site
    from sample_content.consultations import load_demo_consultations
    from sample_content.pledges import load_demo_pledges
    from sample_content.stories import load_demo_stories

    home = load_site()
    load_demo_pledges(home)
    load_demo_stories(home)
    load_demo_consultations(home)
    return home


@pytest.mark.django_db(transaction=True)
def test_every_absolute_url_served_on_an_unusual_port_uses_the_site_address(live_server, settings):
    from consultations.models import ConsultationPage
    from pledges.models import PledgePage
    from stories.models import StoryPage

    demo_site()
    address = live_server.url  # http://localhost:<a free port>
    port = address.rsplit(":", 1)[1]

    def get(path):
        # By another name for the same server, as through a proxy: an address taken from the
        # request instead of the setting would show as 127.0.0.1.
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=20) as response:
            return response.read().decode()

    # Served before set-up knows the address: caches now hold the Site as localhost:80.
    get("/api/v2/pages/?limit=1")
    site_address(settings, address)
    apply_to_default_site()  # what set-up (migrate) does with the new setting

    story = StoryPage.objects.live().first()
    pledge = PledgePage.objects.live().first()
    consultation = ConsultationPage.objects.live().filter(outcome_published_at__isnull=False).first()
    for page in (story, pledge, consultation):
        html = get(page.url)
        urls = assert_on_address(html, address, page.url)
        assert f'<link rel="canonical" href="{address}{page.url}">' in html
        assert f'<meta property="og:url" content="{address}{page.url}">' in html
        assert sum("hreflang" in line for line in html.splitlines()) and urls

    sitemap = get("/sitemap.xml")
    assert f"<loc>{address}{story.url}</loc>" in sitemap
    assert_on_address(sitemap, address, "sitemap.xml")
    assert f"Sitemap: {address}/sitemap.xml" in get("/robots.txt")

    for feed in ("/stories/feed/", "/stories/feed/atom/", "/consultations/feed/", "/pledges/feed/"):
        body = get(feed)
        assert_on_address(body, address, feed)
    assert f"{address}{story.url}" in get("/stories/feed/")

    pages = json.loads(get("/api/v2/pages/?limit=50"))
    assert {item["meta"]["html_url"].startswith(address + "/") for item in pages["items"]} == {True}
    assert {item["meta"]["detail_url"].startswith(address + "/") for item in pages["items"]} == {True}
    assert_on_address(json.dumps(pages), address, "the pages API")
    assert_on_address(get(f"/api/v2/pages/{story.pk}/"), address, "a story in the API")
    for page_type in ("stories.StoryPage", "pledges.PledgePage", "consultations.ConsultationPage"):
        assert_on_address(get(f"/api/v2/pages/?type={page_type}&fields=*"), address, page_type)
    documents = json.loads(get("/api/v2/documents/?fields=download_url"))
    for item in documents["items"]:
        assert item["meta"]["download_url"].startswith(address + "/")

    for download in ("/stories/export.csv", "/pledges/export.csv", "/consultations/outcomes.csv"):
        rows = list(csv.DictReader(io.StringIO(get(download))))
        assert rows and {row["url"].startswith(address + "/") for row in rows} == {True}, download
    for download in ("/stories/export.json", "/pledges/export.json", "/consultations/outcomes.json"):
        assert_on_address(get(download), address, download)


@pytest.mark.django_db
def test_every_email_link_uses_the_site_address(client, settings, story_index):
    """Sign-in, comment confirmation, preview, workflow and outcome emails, sent for a site on 8791."""
    from django.contrib.auth.models import Group, User

    from consultations.factories import CommentFactory, ConsultationIndexPageFactory, ConsultationPageFactory
    from consultations.submissions import send_confirmation_email
    from core.staff_roles import MODERATORS, apply_staff_roles
    from stories.group_access import send_sign_in_link
    from stories.tests.helpers import edit_story, moderator_acts, submit_story

    address = "http://127.0.0.1:8791"
    site_address(settings, address)
    apply_to_default_site()
    apply_staff_roles()
    moderator = User.objects.create_user("mod", "mod@example.org", "a-long-password-1")
    moderator.groups.add(Group.objects.get(name=MODERATORS))

    # Through the test client (host "testserver"): an address taken from the request would show.
    submission = submit_story(client)  # the workflow starts: Wagtail emails the moderators
    edit_story(submission.page, moderator, title="Our repair café (edited)")
    moderator_acts(client, moderator, submission.page, "approve")  # the group is sent a preview link
    send_sign_in_link("sam@example.org")

    consultations = ConsultationIndexPageFactory(parent=story_index.get_parent())
    now = timezone.now()
    consultation = ConsultationPageFactory(parent=consultations, opens_at=now - timedelta(days=60))
    send_confirmation_email(CommentFactory(consultation=consultation, confirmation_token="t" * 32))
    CommentFactory(consultation=consultation, notify_outcome=True, outcome="adopted", email="a@example.org")
    consultation.closes_at = now - timedelta(days=30)
    consultation.outcome_published_at = now
    consultation.save_revision().publish()  # the publish hook emails the opted-in commenter

    bodies = {f"{message.subject} to {message.to}": message.body for message in mail.outbox}
    expected = {
        "workflow": "/admin/pages/",
        "preview": "/stories/preview/",
        "sign-in": "/stories/mine/sign-in/",
        "confirmation": "/consultations/confirm/",
        "outcome": "#outcome",
    }
    for kind, path in expected.items():
        assert any(f"{address}" in body and path in body for body in bodies.values()), (
            f"no {kind} email: {list(bodies)}"
        )
    for name, body in bodies.items():
        if LOCAL_URL.search(body):
            assert_on_address(body, address, f"email {name!r}")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url, hostname, port",
    [
        ("http://127.0.0.1:8791", "127.0.0.1", 8791),
        ("https://connected-communities.example", "connected-communities.example", 443),
    ],
)
def test_migrate_gives_the_default_site_the_address(settings, url, hostname, port):
    site_address(settings, url)
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == (hostname, port)


@override_settings(SITE_URL="https://cc.example/council/", WAGTAILAPI_BASE_URL="http://127.0.0.1:8000")
def test_a_site_url_with_a_path_or_a_second_address_fails_the_checks():
    assert {error.id for error in check_site_url(None)} == {"core.E101", "core.E102"}


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
@pytest.mark.parametrize(
    ("env", "expected"),
    [({"PORT": "8791"}, "http://127.0.0.1:8791"), ({"SITE_URL": "https://cc.example"}, "https://cc.example")],
)
def test_make_run_sets_the_address_from_port_unless_site_url_is_set(env, expected):
    code = "from django.conf import settings as s; print(s.SITE_URL, s.WAGTAILADMIN_BASE_URL, s.WAGTAILAPI_BASE_URL)"
    # The same variables `make run` exports to runserver, printed by the dev settings instead.
    show = f"show-address: ; @$(PY) manage.py shell --no-imports -c '{code}'"
    clean = {k: v for k, v in os.environ.items() if k not in {"SITE_URL", "PORT", "DJANGO_SETTINGS_MODULE"}}
    result = subprocess.run(
        ["make", "-s", "--no-print-directory", f"--eval={show}", f"PY={sys.executable}", "show-address"],
        cwd=BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.split() == [expected] * 3, result.stderr
