import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

from wagtail.contrib.redirects.models import Redirect


def test_sitemap_lists_live_pages(client, strategy_site):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    locations = [el.text for el in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert any(loc.endswith("/strategy/") for loc in locations)
    assert any(loc.endswith("/strategy/healthier/") for loc in locations)
    lastmods = [el.text for el in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}lastmod")]
    assert len(lastmods) == len(locations) and all(lastmods)


def test_robots_txt_points_to_the_sitemap_and_keeps_out_of_admin(client, strategy_site):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_friendly_404_page(client, strategy_site):
    response = client.get("/this-page-does-not-exist/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert 'href="/search/"' in html


def test_friendly_500_page_stands_alone(client):
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Sorry, there is a problem with the service" in html


def test_editors_redirects_work(client, strategy_site):
    Redirect.objects.create(old_path="/connected-communities", redirect_link="/strategy/")
    response = client.get("/connected-communities/")
    assert response.status_code == 301
    assert response["Location"] == "/strategy/"


SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def sitemap_entries(client):
    """{path: (lastmod, {hreflang: path})} for each <url> of sitemap.xml (all on the site's own host)."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    entries = {}
    for url in ET.fromstring(response.content):
        alternates = {link.get("hreflang"): path_of(link.get("href")) for link in url.iter(f"{XHTML}link")}
        entries[path_of(url.findtext(f"{SITEMAP}loc"))] = (url.findtext(f"{SITEMAP}lastmod"), alternates)
    return entries


def path_of(address):
    parts = urlsplit(address)
    assert parts.scheme in {"http", "https"} and parts.netloc, address
    return parts.path


def test_sitemap_lists_translated_pages_at_their_own_address_with_their_language_versions(client, polish_site):
    entries = sitemap_entries(client)
    for path in ("/pl/", "/pl/strategy/", "/pl/strategy/healthier/", "/ro/", "/ro/strategy/"):
        assert path in entries, path
    assert all(lastmod for lastmod, _alternates in entries.values())
    versions = {
        "en": "/strategy/",
        "pl": "/pl/strategy/",
        "ro": "/ro/strategy/",
        "x-default": "/strategy/",
    }
    # Every version of the page names all of them, itself included.
    for location in ("/strategy/", "/pl/strategy/", "/ro/strategy/"):
        assert entries[location][1] == versions, location


def test_sitemap_leaves_out_draft_translations_and_private_pages(client, polish_site):
    from wagtail.models import Locale, PageViewRestriction

    from home.models import StandardPage
    from strategy.models import StrategyPage

    english_statement = StandardPage.objects.get(slug="accessibility-statement", locale__language_code="en")
    draft = english_statement.copy_for_translation(Locale.objects.get(language_code="pl"))
    assert not draft.live
    romanian_strategy = StrategyPage.objects.get(locale__language_code="ro")
    PageViewRestriction.objects.create(page=romanian_strategy, restriction_type=PageViewRestriction.LOGIN)
    entries = sitemap_entries(client)
    locations = " ".join(entries)
    # The draft's address only ever shows the English page with a notice: not a page of its own.
    assert "/pl/accessibility-statement/" not in locations
    assert entries["/accessibility-statement/"][1] == {
        "en": "/accessibility-statement/",
        "x-default": "/accessibility-statement/",
    }
    # The private page and everything under it are left out, and no public page points to them.
    assert "/ro/strategy/" not in locations
    assert "ro" not in entries["/strategy/"][1]
    assert "/ro/" in entries
