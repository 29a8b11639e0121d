import pytest

from home.loader import ensure_home_page
from pledges.factories import ThemeFactory
from pledges.models import PledgeIndexPage, ReviewIndexPage


@pytest.fixture
def home(db):
    return ensure_home_page({"home": {"tagline": "What's strong", "introduction": "Connected Communities."}})


@pytest.fixture
def pledge_index(home):
    index = PledgeIndexPage(title="Our pledges", slug="pledges", introduction="What the council promised.")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


@pytest.fixture
def review_index(pledge_index):
    reviews = ReviewIndexPage(title="Annual reviews", slug="review")
    pledge_index.add_child(instance=reviews)
    reviews.save_revision().publish()
    return reviews


@pytest.fixture
def healthier(db):
    return ThemeFactory(
        name="Healthier communities", short_name="Healthier", slug="healthier-communities", sort_order=0
    )


@pytest.fixture
def safer(db):
    return ThemeFactory(name="Safer and inclusive communities", short_name="Safer", slug="safer", sort_order=1)
