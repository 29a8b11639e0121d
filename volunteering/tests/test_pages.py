"""The listing: residents find open opportunities by place and theme; an opportunity's page."""

import datetime

from django.utils import timezone

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

import pytest

from home.models import HomePage
from volunteering.factories import OpportunityPageFactory
from volunteering.models import OpportunityPage, VolunteeringPage

from .conftest import GROUP_EMAIL

pytestmark = pytest.mark.django_db


def publish(page):
    page.save_revision().publish()
    return page


def titles_in(response):
    return response.content.decode()


class TestPageTree(WagtailPageTestCase):
    def test_pages_live_where_they_belong(self):
        self.assertAllowedParentPageTypes(VolunteeringPage, {HomePage})
        self.assertAllowedParentPageTypes(OpportunityPage, {VolunteeringPage})
        self.assertAllowedSubpageTypes(OpportunityPage, {})
        self.assertAllowedSubpageTypes(VolunteeringPage, {OpportunityPage})


def test_the_loader_makes_the_listing_once_at_volunteering(home):
    from volunteering.loader import ensure_volunteering_page

    first = ensure_volunteering_page(home)
    assert first.url == "/volunteering/"
    assert first.live
    assert ensure_volunteering_page(home).pk == first.pk
    assert VolunteeringPage.objects.count() == 1


def test_the_listing_shows_open_opportunities_and_hides_expired_ones_before_the_scheduler_runs(client, index):
    publish(OpportunityPageFactory(parent=index, title="Still open"))
    expired = OpportunityPageFactory(parent=index, title="Closed yesterday")
    publish(expired)
    # As the scheduler has not yet run: still live, but past its expiry.
    OpportunityPage.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - datetime.timedelta(days=1))
    no_expiry = publish(OpportunityPageFactory(parent=index, title="Always open", expire_at=None))
    assert no_expiry.live

    content = client.get("/volunteering/").content.decode()
    assert "Still open" in content
    assert "Always open" in content
    assert "Closed yesterday" not in content
    assert "2 opportunities" in content


def test_residents_find_opportunities_by_place_and_theme(client, index, themes, places):
    publish(OpportunityPageFactory(parent=index, title="Litter pick in Upton", place=places["upton"]))
    publish(
        OpportunityPageFactory(
            parent=index, title="Befriending in Tenbury", place=places["tenbury"], themes=[themes["healthier"]]
        )
    )
    publish(
        OpportunityPageFactory(
            parent=index, title="Street watch in Tenbury", place=places["tenbury"], themes=[themes["safer"]]
        )
    )

    by_place = client.get("/volunteering/?place=upton").content.decode()
    assert "Litter pick in Upton" in by_place
    assert "Befriending in Tenbury" not in by_place

    both = client.get("/volunteering/?place=tenbury&theme=healthier").content.decode()
    assert "Befriending in Tenbury" in both
    assert "Street watch in Tenbury" not in both
    assert "Litter pick in Upton" not in both
    assert "1 opportunity" in both


def test_an_unknown_filter_value_is_ignored(client, index, places):
    publish(OpportunityPageFactory(parent=index, title="Litter pick in Upton", place=places["upton"]))
    response = client.get("/volunteering/?place=atlantis&theme=healthier-ish")
    assert response.status_code == 200
    assert "Litter pick in Upton" in response.content.decode()


def test_the_filter_form_works_without_javascript(client, index, places):
    content = client.get("/volunteering/").content.decode()
    assert 'method="get"' in content
    assert '<select name="place"' in content and '<select name="theme"' in content
    assert 'label class="govuk-label govuk-label--s" for="id_place"' in content


def test_the_listing_is_paginated_and_keeps_the_filters(client, index, places):
    for number in range(14):
        publish(OpportunityPageFactory(parent=index, title=f"Opportunity {number:02}", place=places["upton"]))
    first = client.get("/volunteering/?place=upton").content.decode()
    assert "14 opportunities" in first
    assert 'class="govuk-pagination"' in first
    assert "?place=upton&amp;page=2" in first
    second = client.get("/volunteering/?place=upton&page=2").content.decode()
    assert second.count('class="opportunity-card"') == 2


LISTING_QUERY_BUDGET = 6  # five at 5 and at 40 opportunities


@pytest.mark.parametrize("count", [5, 40])
def test_listing_query_count_is_flat(client, index, themes, places, count, warm_caches, django_assert_max_num_queries):
    for _number in range(count):
        publish(
            OpportunityPageFactory(parent=index, place=places["upton"], themes=[themes["healthier"], themes["safer"]])
        )
    warm_caches("/volunteering/")
    with django_assert_max_num_queries(LISTING_QUERY_BUDGET):
        assert client.get("/volunteering/?place=upton&theme=healthier").status_code == 200


def test_an_opportunity_page_shows_what_a_volunteer_needs_to_know(client, opportunity):
    content = client.get(opportunity.url).content.decode()
    assert "Upton Foodbank" in content
    assert "Upton-upon-Severn" in content
    assert "Weekly" in content and "2 hours a week" in content
    assert "Step-free access" in content
    assert "Sorting can be done sitting down." in content
    assert "Volunteers wanted" in content
    assert "Closing date" in content
    assert "Healthier communities" in content


def test_the_group_address_never_appears_on_public_pages(client, opportunity):
    for url in ("/volunteering/", opportunity.url, "/volunteering/?place=upton"):
        assert GROUP_EMAIL not in client.get(url).content.decode()


def test_an_opportunity_cannot_take_an_address_the_app_uses(index):
    from django.core.exceptions import ValidationError

    page = OpportunityPage(title="Mine", slug="mine", summary="s", description="d", group_name="g")
    with pytest.raises(ValidationError):
        page.full_clean()


def test_the_read_api_shows_no_private_address(client, opportunity):
    response = client.get(f"/api/v2/pages/{opportunity.pk}/")
    assert response.status_code == 200
    assert GROUP_EMAIL not in response.content.decode()
    assert response.json()["group_name"] == "Upton Foodbank"


def test_listing_is_in_the_page_tree_for_editors(index, opportunity):
    assert Page.objects.get(pk=opportunity.pk).get_parent().pk == index.pk
