"""The directory's queries stay flat from 20 entries to 5,000 (added in bulk, as the load data does)."""

import random

import pytest

from directory.models import AssetPage
from sample_content.load_data import add_assets

pytestmark = pytest.mark.django_db

BUDGET = 12
SEARCHES = [
    {},
    {"type": "foodbank", "place": "malvern"},
    {"theme": "healthier", "access": ["step_free_access", "hearing_loop"]},
    {"open_now": "on"},
    {"near": "kempsey"},
    {"q": "garden", "near": "tenbury-wells", "access": "step_free_access"},
    {"q": "community hall"},
    {"page": "3"},
]


@pytest.mark.parametrize("count", [20, 5_000])
def test_the_directory_asks_a_fixed_number_of_queries(
    client, directory, warm_caches, count, django_assert_max_num_queries
):
    add_assets(random.Random(7), directory, count, say=lambda text: None)
    assert AssetPage.objects.live().count() == count
    warm_caches(directory.url)
    for params in SEARCHES:
        with django_assert_max_num_queries(BUDGET):
            response = client.get(directory.url, params)
        assert response.status_code == 200, params


@pytest.mark.parametrize("count", [20, 5_000])
def test_an_entry_page_asks_a_fixed_number_of_queries(
    client, directory, warm_caches, count, django_assert_max_num_queries
):
    add_assets(random.Random(7), directory, count, say=lambda text: None)
    entry = AssetPage.objects.live().order_by("pk").last()
    warm_caches(entry.url)
    with django_assert_max_num_queries(BUDGET):
        assert client.get(entry.url).status_code == 200
