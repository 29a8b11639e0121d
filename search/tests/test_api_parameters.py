"""The read API answers bad query parameters with a 400 and a JSON message, never a 5xx.

Runs on SQLite and on PostgreSQL (CI), where NUL characters, a huge offset, an unknown
search operator and a very long search used to reach the database or the search backend
and answer 500.
"""

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from connected_communities.api_parameters import MAX_SEARCH_WORDS

pytestmark = pytest.mark.django_db

ENDPOINTS = ["/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/", "/api/v2/pages/find/"]
PARAMETERS = [
    "search",
    "search_operator",
    "offset",
    "limit",
    "order",
    "fields",
    "type",
    "child_of",
    "descendant_of",
    "ancestor_of",
    "translation_of",
    "locale",
    "id",
    "title",
    "slug",
    "html_path",
]
# The values that broke something once, and their neighbours.
NASTY = [
    "\x00",
    "a\x00b",
    "99999999999999999999",
    "-1",
    "0",
    "1",
    "xx",
    "and",
    "or",
    "random",
    "-title",
    "*",
    "_",
    '"unclosed',
    "a OR b AND (c",
    "\\",
    "%",
    "😀",
    "stories.StoryPage",
    "wagtailcore.Page",
    "en",
    " ".join(["word"] * 150),
]
VALUES = st.one_of(st.sampled_from(NASTY), st.text(max_size=30), st.integers().map(str))
QUERIES = st.dictionaries(st.sampled_from(PARAMETERS), VALUES, max_size=4)

# Each example is a real request; a bounded count keeps the test to a few seconds.
API_SETTINGS = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def published(story_index):
    """One live page (the stories index, under the home page) for searches to find."""
    return story_index


def get(client, endpoint, query):
    client.raise_request_exception = False
    return client.get(endpoint, query)


@pytest.mark.parametrize(
    "query",
    [
        {"search": "\x00"},
        {"search": "test", "search_operator": "xx"},
        {"offset": "99999999999999999999"},
        {"search": " ".join(["word"] * 150)},
        {"locale": "\x00"},
    ],
    ids=["nul-search", "unknown-operator", "huge-offset", "150-words", "nul-locale"],
)
def test_the_parameters_that_answered_500_get_a_400_with_a_json_message(client, published, query):
    response = get(client, "/api/v2/pages/", query)
    assert response.status_code == 400, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["message"]


def test_a_search_of_images_and_documents_answers(client, published):
    for endpoint in ("/api/v2/images/", "/api/v2/documents/"):
        response = get(client, endpoint, {"search": "orchard"})
        assert response.status_code == 200, response.content[:300]
        assert response.json()["items"] == []


def test_a_partners_ordinary_search_still_works(client, published):
    words = " ".join(["stories"] + ["of"] * (MAX_SEARCH_WORDS - 1))
    response = get(client, "/api/v2/pages/", {"search": words, "search_operator": "or", "offset": "0"})
    assert response.status_code == 200, response.content[:300]
    assert [item["title"] for item in response.json()["items"]] == ["Stories of change"]


@API_SETTINGS
@given(endpoint=st.sampled_from(ENDPOINTS), query=QUERIES)
@example(endpoint="/api/v2/pages/find/", query={"id": "xx"})
@example(endpoint="/api/v2/pages/", query={"search": "x", "order": "random"})
def test_no_combination_of_query_parameters_answers_5xx(client, published, endpoint, query):
    response = get(client, endpoint, query)
    assert response.status_code < 500, (endpoint, query, response.content[:300])
    if response.status_code == 400:
        assert response.json()["message"]
