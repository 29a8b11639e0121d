"""The banner on every public page: in every language, from its start to its end, without a query per request."""

import re
from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest
import time_machine

from alerts.factories import AlertFactory, publish
from alerts.models import Alert
from strategy.models import Place

pytestmark = pytest.mark.django_db


def banners(html):
    return re.findall(r'<div class="govuk-notification-banner site-alert[^"]*".*?</div>\s*</div>', html, re.S)


def test_a_published_alert_is_on_every_page_in_english_and_polish(client, polish_site):
    alert = AlertFactory(title="Flooding on the B4211", text="Avoid the road at Upton bridge.")
    alert.places.set(Place.objects.filter(locale__language_code="en", slug__in=["malvern"]))
    publish(alert)
    for url in ("/", "/strategy/", "/pl/", "/pl/strategy/"):
        html = client.get(url).content.decode()
        [banner] = banners(html)
        assert "Flooding on the B4211" in banner, url
        assert "Avoid the road at Upton bridge." in banner
    # Polish pages: the banner's own words in Polish, the alert marked as English.
    polish = client.get("/pl/").content.decode()
    assert '<p class="govuk-notification-banner__heading" lang="en">Flooding on the B4211</p>' in polish
    english = client.get("/").content.decode()
    assert '<p class="govuk-notification-banner__heading">Flooding on the B4211</p>' in english
    assert "Places affected: Malvern" in english


def test_the_banner_is_first_in_main_where_the_skip_link_lands(client, home):
    publish(AlertFactory(title="Power cut in Malvern"))
    html = client.get("/").content.decode()
    main = html[html.index('<main class="govuk-main-wrapper" id="main-content"') :]
    assert main.index("site-alert") < main.index("</main>")
    assert '<a href="#main-content" class="govuk-skip-link"' in html


def test_an_emergency_says_so_in_words_and_interrupts_a_warning_is_a_region(client, home):
    publish(AlertFactory(title="Evacuate Tenbury Wells", severity=Alert.Severity.EMERGENCY))
    publish(
        AlertFactory(
            title="Road closed at Upton", severity=Alert.Severity.WARNING, link_url="https://example.org/roads"
        )
    )
    emergency, warning = banners(client.get("/").content.decode())  # emergencies first
    assert 'role="alert"' in emergency and "site-alert--emergency" in emergency
    assert ">Emergency alert</h2>" in emergency and "Evacuate Tenbury Wells" in emergency
    assert 'role="region"' in warning and "site-alert--warning" in warning
    assert ">Warning</h2>" in warning
    assert "Places affected: the whole district" in warning
    assert 'href="https://example.org/roads">More information' in warning


def test_a_draft_is_not_shown(client, home):
    AlertFactory(title="Not yet agreed")
    assert "Not yet agreed" not in client.get("/").content.decode()


def test_the_banner_appears_at_the_start_and_goes_at_the_end_without_anyone_acting(client, home):
    now = timezone.now()
    publish(
        AlertFactory(title="Gritting tonight", starts_at=now + timedelta(hours=1), ends_at=now + timedelta(hours=3))
    )
    assert not banners(client.get("/").content.decode())
    with time_machine.travel(now + timedelta(hours=1, seconds=1)):
        assert "Gritting tonight" in client.get("/").content.decode()
    with time_machine.travel(now + timedelta(hours=3)):
        assert not banners(client.get("/").content.decode())


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        html = client.get(url).content.decode()
    return len(queries), html


@pytest.mark.parametrize("count", [1, 20])
def test_pages_with_alerts_cost_no_query_for_them_between_generations(client, home, count, warm_caches):
    warm_caches("/")
    without_alerts, _html = queries_for(client, "/")
    for _ in range(count):
        publish(AlertFactory())
    warm_caches("/")  # the new generation reads the alerts once
    with_alerts, html = queries_for(client, "/")
    assert len(banners(html)) == count
    assert with_alerts == without_alerts
