"""The pledge dashboard at 30 and 1,500 pledges: the same queries, a page under 100 KB.

The summary's counts are aggregates and only a few pledges per theme are listed (a theme's
own view lists them all, 25 a page), so nothing on the page grows with the number of pledges
but the numbers in it.
"""

import re
from collections import Counter

from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.caching.page_cache import invalidate
from pledges.dashboard import PAGE_SIZE, with_derived_status
from pledges.models import PledgePage
from sample_content.load_data import LoadSizes
from strategy.models import Theme


def sizes(pledges):
    return LoadSizes(stories=10, images=2, tags=5, pledges=pledges, updates=pledges * 3, consultations=4, comments=10)


def addresses():
    theme = Theme.objects.filter(pledges__isnull=False).order_by("sort_order").first()
    return {
        "dashboard": "/pledges/",
        "theme view": f"/pledges/?theme={theme.slug}",
        "theme page 2": f"/pledges/?theme={theme.slug}&page=2",
    }


def queries(client, before_counting=lambda: None):
    counts = {}
    for name, url in addresses().items():
        assert client.get(url).status_code == 200, url
        before_counting()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[name] = len(captured)
    return counts


def listed_urls(html):
    return re.findall(r'<h3 class="govuk-heading-s pledge-list__title"><a class="govuk-link" href="([^"]+)">', html)


def total_cells(html):
    table = html.split('id="status-counts"', 1)[1].split("</table>", 1)[0]
    return {
        (theme, status): int(count)
        for theme, status, count in re.findall(r'data-theme="([\w-]+)" data-status="(\w+)">(\d+)</td>', table)
    }


def test_the_dashboard_costs_the_same_queries_and_stays_small_at_30_and_1500_pledges(client, load_site):
    load_site(sizes(30))
    invalidate()
    small = queries(client), queries(client, before_counting=invalidate)
    small_size = len(client.get("/pledges/").content)

    load_site(sizes(1500))  # adds 1,470 pledges in bulk: no signal, so publish by hand
    invalidate()
    assert PledgePage.objects.filter(slug__startswith="load-").count() == 1500
    large = queries(client), queries(client, before_counting=invalidate)
    assert small == large  # steady state, and the first render after a publication

    html = client.get("/pledges/").content.decode()
    assert len(html.encode()) < 100_000, len(html.encode())
    assert len(html.encode()) < small_size * 1.5  # the page barely grows with the pledges

    # The summary's counts are the true counts.
    pledges = list(with_derived_status(PledgePage.objects.live()).select_related("theme"))
    cells = total_cells(html)
    truth = Counter((pledge.theme.slug, pledge.derived_status) for pledge in pledges)
    for (theme, status), count in cells.items():
        if theme == "all" and status == "total":
            assert count == len(pledges)
        elif theme == "all":
            assert count == sum(n for (_, s), n in truth.items() if s == status), status
        elif status == "total":
            assert count == sum(n for (t, _), n in truth.items() if t == theme), theme
        else:
            assert count == truth[(theme, status)], (theme, status)
    assert f"{len(pledges):,} pledges" in html or f"{len(pledges)} pledges" in html

    # Every theme's pledges are reachable from its own view, a page at a time.
    for theme in Theme.objects.filter(pledges__isnull=False).distinct():
        expected = {pledge.url for pledge in pledges if pledge.theme_id == theme.pk}
        assert f"See all {len(expected)} pledges for {theme.name}" in html
        found, number = [], 1
        while True:
            page = client.get("/pledges/", {"theme": theme.slug, "page": number}).content.decode()
            listed = listed_urls(page)
            assert 0 < len(listed) <= PAGE_SIZE
            found += listed
            if 'rel="next"' not in page:
                break
            assert "govuk-pagination" in page
            number += 1
        assert len(found) == len(expected) and set(found) == expected
