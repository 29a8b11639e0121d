"""The sample opportunities follow the strategy's snapshot and can be loaded twice."""

import pytest

from sample_content.volunteering import SAMPLE_OPPORTUNITIES, load_demo_volunteering
from volunteering.models import OpportunityPage, OpportunitySubmission

pytestmark = pytest.mark.django_db


def test_sample_opportunities_are_published_with_places_themes_and_a_group_address(client, strategy_site):
    index = load_demo_volunteering(strategy_site)
    load_demo_volunteering(strategy_site)
    opportunities = OpportunityPage.objects.child_of(index).live()
    assert opportunities.count() == len(SAMPLE_OPPORTUNITIES) == 5
    assert all(page.place_id and page.themes.exists() and page.expire_at for page in opportunities)
    assert OpportunitySubmission.objects.count() == 5
    titles = " ".join(opportunities.values_list("title", flat=True)).lower()
    for words in ("adopt a street", "green dog walker", "brokerage", "good neighbour", "foodbank"):
        assert words in titles
    content = client.get("/volunteering/?place=malvern").content.decode()
    assert "Foodbank helper in Malvern" in content
    assert "Good neighbour in Tenbury Wells" not in content
