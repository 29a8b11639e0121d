"""A small site for the volunteering tests: a home page, the listing, two themes, two places."""

import pytest

from core.staff_roles import apply_staff_roles
from strategy.models import Place, Theme
from volunteering.factories import OpportunityPageFactory, OpportunitySubmissionFactory
from volunteering.loader import ensure_volunteering_page


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Rate-limit counters and receipt caps live in the cache; each test starts with none."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def index(home):
    """The published volunteering listing, as the loader makes it, with its review workflow."""
    page = ensure_volunteering_page(home)
    apply_staff_roles()
    return page


@pytest.fixture
def themes(db):
    from wagtail.models import Locale

    locale = Locale.get_default()
    return {
        "healthier": Theme.objects.create(
            name="Healthier communities", short_name="Healthier", slug="healthier", locale=locale
        ),
        "safer": Theme.objects.create(
            name="Safer communities", short_name="Safer", slug="safer", locale=locale, sort_order=1
        ),
    }


@pytest.fixture
def places(db):
    from wagtail.models import Locale

    locale = Locale.get_default()
    return {
        "upton": Place.objects.create(name="Upton-upon-Severn", slug="upton", kind="town", locale=locale),
        "tenbury": Place.objects.create(name="Tenbury Wells", slug="tenbury", kind="town", locale=locale),
    }


GROUP_EMAIL = "foodbank.private@example.org"


@pytest.fixture
def opportunity(index, themes, places):
    """A published opportunity a group posted, with its private address for residents' messages."""
    page = OpportunityPageFactory(
        parent=index,
        title="Foodbank helper",
        slug="foodbank-helper",
        group_name="Upton Foodbank",
        place=places["upton"],
        themes=[themes["healthier"]],
        step_free_access=True,
        accessibility_notes="Sorting can be done sitting down.",
        volunteers_wanted=4,
    )
    page.save_revision().publish()
    OpportunitySubmissionFactory(page=page, group_email=GROUP_EMAIL)
    return page
