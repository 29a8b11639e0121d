import xml.etree.ElementTree as ET

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
