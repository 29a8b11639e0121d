"""Every public page type renders anonymously in at most 12 SQL queries, whatever the volume.

Each page is rendered once first: that fills the shared cache of the site, home page,
sections, view restrictions and translations (home/serving.py), as on a running site
between two publications. The second render is counted, with the page cache off (as in
every test). Pins are exact on PostgreSQL (CI); SQLite may need fewer.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from consultations.models import ConsultationPage, State
from pledges.models import PledgePage
from stories.models import StoryPage

from .conftest import LARGE, SMALL

BUDGET = 12
# Measured on PostgreSQL, the same at both sizes. About the home page's 4: its theme pages,
# strategy page, open consultations and community assets; its latest stories and pledge
# counts, the story filter choices, and a story's links and related stories are rendered
# once per publication (home/templatetags/fragment_cache_tags.py), like the cached routing.
PINS = {
    "home": 4,
    "strategy": 5,
    "theme": 9,
    "story index": 4,
    "story index, filtered": 4,
    # The story, its themes, its lead image's renditions (both sizes the page shows, in one
    # query instead of two cache round trips) and the stories its ripple map links to.
    "story": 4,
    "ripples": 3,
    "story submission form": 2,
    "pledge dashboard": 3,
    "pledge": 5,
    "annual reviews": 5,
    "annual review 2025": 5,
    "consultation index": 3,
    "consultation upcoming": 3,
    "consultation open": 5,
    "consultation closed": 4,
    "consultation outcome": 5,
    "accessibility statement": 0,
}


def page_addresses():
    story = StoryPage.objects.live().filter(slug__startswith="load-").order_by("-date").first()
    consultations = {page.state: page.url for page in ConsultationPage.objects.filter(slug__startswith="load-")}
    return {
        "home": "/",
        "strategy": "/strategy/",
        "theme": "/strategy/healthier/",
        "story index": "/stories/",
        "story index, filtered": "/stories/?theme=healthier&page=1",
        "story": story.url,
        "ripples": "/stories/ripples/",
        "story submission form": "/stories/submit/",
        "pledge dashboard": "/pledges/",
        "pledge": PledgePage.objects.filter(slug__startswith="load-").first().url,
        "annual reviews": "/pledges/review/",
        "annual review 2025": "/pledges/review/2025/",
        "consultation index": "/consultations/",
        "consultation upcoming": consultations[State.UPCOMING],
        "consultation open": consultations[State.OPEN],
        "consultation closed": consultations[State.CLOSED],
        "consultation outcome": consultations[State.OUTCOME],
        "search": "/search/?q=community",
        "accessibility statement": "/accessibility-statement/",
    }


@pytest.mark.parametrize("sizes", [SMALL, LARGE], ids=["10 stories, 10 comments", "500 stories, 500 comments"])
def test_every_public_page_type_renders_in_a_flat_budget(client, load_site, sizes):
    load_site(sizes)
    counts = {}
    for name, url in page_addresses().items():
        assert client.get(url).status_code == 200, url
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[name] = len(queries)
    assert max(counts.values()) <= BUDGET, counts
    # Search costs one query per page type on its page of results (at most six types): flat in
    # volume, but it follows the mix of types found, so it is held to the budget, not pinned.
    del counts["search"]
    if connection.vendor == "postgresql":
        assert counts == PINS
    else:
        assert {name: count for name, count in counts.items() if count > PINS[name]} == {}
