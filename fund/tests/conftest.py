from datetime import timedelta
from decimal import Decimal

from django.core.cache import cache
from django.utils import timezone

import pytest

from core.staff_roles import apply_staff_roles
from fund.factories import (
    ApplicationFactory,
    CriterionFactory,
    FundPageFactory,
    PlaceFactory,
    PriorityFactory,
)
from fund.staff_roles import ASSESSORS, FUND_OFFICERS, PANEL_MEMBERS

from .helpers import make_round, staff


@pytest.fixture(autouse=True)
def fresh_cache():
    # Fragments and routing answers are cached: a test's pages must not leak into the next.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def fund(home):
    page = FundPageFactory(parent=home)
    page.save_revision().publish()
    return page


@pytest.fixture
def priorities(db):
    return {
        "places": PriorityFactory(name="Places: empowerment", short_name="Places", slug="places", sort_order=0),
        "people": PriorityFactory(name="People: a lifetime", short_name="People", slug="people", sort_order=1),
        "social": PriorityFactory(
            name="The social sector: charities", short_name="The social sector", slug="social", sort_order=2
        ),
    }


@pytest.fixture
def places(db):
    return {
        "malvern": PlaceFactory(name="Malvern", slug="malvern"),
        "upton": PlaceFactory(name="Upton-upon-Severn", slug="upton-upon-severn"),
    }


@pytest.fixture
def open_round(fund, priorities):
    return make_round(fund, priorities=list(priorities.values()), title="Round two", slug="round-two")


@pytest.fixture
def finished_round(fund, priorities):
    now = timezone.now()
    return make_round(
        fund,
        priorities=list(priorities.values()),
        title="Round one",
        slug="round-one",
        budget=Decimal("150000"),
        opens_at=now - timedelta(days=300),
        closes_at=now - timedelta(days=250),
        voting_opens_at=now - timedelta(days=240),
        voting_closes_at=now - timedelta(days=230),
        decisions_on=now - timedelta(days=220),
    )


@pytest.fixture
def criterion(open_round):
    return CriterionFactory(round=open_round, name="Community benefit", max_score=5)


@pytest.fixture
def application(open_round, priorities):
    return ApplicationFactory(round=open_round, priority=priorities["places"], amount_requested=Decimal("1000"))


@pytest.fixture
def roles(fund):
    return apply_staff_roles()


@pytest.fixture
def officer(roles):
    return staff("olu", FUND_OFFICERS)


@pytest.fixture
def assessor(roles):
    return staff("asha", ASSESSORS)


@pytest.fixture
def other_assessor(roles):
    return staff("ben", ASSESSORS)


@pytest.fixture
def panel_member(roles):
    return staff("pam", PANEL_MEMBERS)
