import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

import pytest

from search.models import NoResultQuery

pytestmark = pytest.mark.django_db


def titles(response):
    return [result.title for result in response.context["results"]]


def test_finds_a_live_story_by_a_word_of_its_summary_and_shows_type_summary_and_date(client, make_story):
    make_story("Repair café opens", summary="Neighbours fix bicycles together every Saturday.")
    response = client.get("/search/", {"q": "bicycles"})
    html = response.content.decode()
    assert titles(response) == ["Repair café opens"]
    assert "<mark>bicycles</mark>" in html
    assert "Story" in html
    assert "1 result" in html


def test_drafts_and_private_pages_never_appear(client, make_story):
    make_story("Published allotment", summary="allotment news")
    make_story("Draft allotment", summary="allotment secret", live=False)
    private = make_story("Private allotment", summary="allotment private")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    response = client.get("/search/", {"q": "allotment"})
    assert titles(response) == ["Published allotment"]
    assert "Draft allotment" not in response.content.decode()


@pytest.mark.postgres
def test_title_match_ranks_above_body_match(client, make_story):
    make_story("Community gardening", summary="Some words about nothing in particular.")
    make_story("Something else", summary="A little gardening mentioned once in the summary.")
    make_story("Gardening weekend", summary="Gardening news.")
    response = client.get("/search/", {"q": "gardening"})
    assert titles(response)[-1] == "Something else"


@pytest.mark.postgres
def test_stemming_finds_volunteering_for_volunteer(client, make_story):
    make_story("Saturday help", summary="Volunteering at the food bank brings people together.")
    assert titles(client.get("/search/", {"q": "volunteer"})) == ["Saturday help"]


def test_facets_count_types_themes_and_places_and_filter_results(client, make_story, theme, place):
    for n in range(3):
        story = make_story(f"Library story {n}", summary="library")
        if n < 2:
            story.themes.set([theme])
            story.place = place
            story.save_revision().publish()
    response = client.get("/search/", {"q": "library"})
    assert response.context["theme_facets"] == [(theme, 2)]
    assert response.context["place_facets"] == [(place, 2)]
    assert [n for _ct, n in response.context["type_facets"]] == [3]
    html = response.content.decode()
    assert "Getting involved (2)</option>" in html
    filtered = client.get("/search/", {"q": "library", "theme": theme.pk})
    assert sorted(titles(filtered)) == ["Library story 0", "Library story 1"]
    by_place = client.get("/search/", {"q": "library", "place": place.pk})
    assert len(titles(by_place)) == 2


def test_results_are_paginated_and_links_keep_the_query(client, make_story):
    for n in range(12):
        make_story(f"Bus route {n}", summary="bus timetable")
    first = client.get("/search/", {"q": "bus"})
    assert len(titles(first)) == 10
    assert "?q=bus&amp;page=2" in first.content.decode()
    second = client.get("/search/", {"q": "bus", "page": 2})
    assert len(titles(second)) == 2


def test_no_results_page_offers_suggestions_and_is_logged_for_the_report(client, make_story):
    make_story("Something", summary="other")
    html = client.get("/search/", {"q": "zeppelin"}).content.decode()
    assert "No results found for “zeppelin”" in html
    assert "Suggestions" in html
    assert NoResultQuery.objects.get().query.query_string == "zeppelin"
    assert Query.get("zeppelin").hits == 1


def test_promoted_pages_come_first(client, make_story):
    make_story("Ordinary parks story", summary="parks")
    promoted = make_story("Parks strategy", summary="unrelated words")
    SearchPromotion.objects.create(query=Query.get("parks"), page=promoted, sort_order=0, description="Read this")
    html = client.get("/search/", {"q": "parks"}).content.decode()
    assert "Recommended" in html
    assert html.index("Parks strategy") < html.index("Ordinary parks story")


ODD_QUERIES = [
    "",
    "   ",
    "x" * 201,
    '"unbalanced',
    "'; DROP TABLE wagtailcore_page; --",
    "back\\slash\\",
    "a\x00b",
    "\x00",
    "!!!",
    "&&& ||| ::: *",
    "café naïve 中文 😀",
    "<script>alert(1)</script>",
    "OR AND NOT",
    "(((",
    "-",
    "%_%",
    "\u202e\u200b",
]


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_odd_queries_give_a_clear_page_never_an_error(client, make_story, query):
    make_story("Something", summary="words")
    response = client.get("/search/", {"q": query, "page": "abc", "theme": "x1", "type": "99999999999"})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_over_long_query_says_so(client, home):
    html = client.get("/search/", {"q": "word " * 50}).content.decode()
    assert "Your search is too long" in html


def test_index_follows_publish_edit_unpublish_and_delete(client, make_story):
    story = make_story("Orchard draft", summary="apples", live=False)
    assert titles(client.get("/search/", {"q": "apples"})) == []
    story.save_revision().publish()
    assert titles(client.get("/search/", {"q": "apples"})) == ["Orchard draft"]
    story.summary = "pears"
    story.save_revision().publish()
    assert titles(client.get("/search/", {"q": "pears"})) == ["Orchard draft"]
    assert titles(client.get("/search/", {"q": "apples"})) == []
    story.refresh_from_db()
    story.unpublish()
    assert titles(client.get("/search/", {"q": "pears"})) == []
    story.save_revision().publish()
    assert titles(client.get("/search/", {"q": "pears"})) == ["Orchard draft"]
    story.refresh_from_db()
    story.delete()
    assert titles(client.get("/search/", {"q": "pears"})) == []


def search_queries(client, warm_caches, query):
    """How many database queries one search page takes once caches are warm."""
    warm_caches(f"/search/?q={query}")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return len(queries), response


def test_search_page_query_count_is_flat_and_within_budget(client, make_story, theme, place, warm_caches):
    """Search, facets (2), result pages (1 per type among the results), query log (2), promotions.

    Within the page budget of 12, and the count must not grow with the number of matches.
    """

    def add_stories(numbers):
        for n in numbers:
            story = make_story(f"Market story {n}", summary="market")
            story.themes.set([theme])
            story.place = place
            story.save_revision().publish()

    add_stories(range(3))
    small, response = search_queries(client, warm_caches, "market")
    assert len(titles(response)) == 3
    add_stories(range(3, 40))
    large, response = search_queries(client, warm_caches, "market")
    assert len(titles(response)) == 10
    assert response.context["total"] == 40
    assert small == large
    assert large <= 12


def test_a_page_published_after_a_search_is_found_by_the_same_search_at_once(client, make_story):
    make_story("Allotment open day", summary="Come and see the allotments.")
    assert titles(client.get("/search/", {"q": "allotments"})) == ["Allotment open day"]

    make_story("Allotment waiting list", summary="The allotments have room again.")

    assert sorted(titles(client.get("/search/", {"q": "allotments"}))) == [
        "Allotment open day",
        "Allotment waiting list",
    ]


def test_type_filter_and_result_labels_use_residents_words(client, make_story, pledges):
    make_story("Warm spaces story", summary="Warm spaces opened in every town.")
    html = client.get("/search/", {"q": "warm"}).content.decode()
    facet = html.split("Type of content", 1)[1].split("</select>", 1)[0]
    assert "Stories (1)</option>" in facet
    assert "Pledges (1)</option>" in facet
    assert '<p class="govuk-body-s search-result__type">Story</p>' in html
    assert '<p class="govuk-body-s search-result__type">Pledge</p>' in html
    assert "Story page" not in html and "Pledge page" not in html


def test_type_labels_are_translated(client, make_story):
    from django.utils import translation

    from search import labels
    from stories.models import StoryPage

    with translation.override("pl"):
        assert str(labels.several(StoryPage)) == "Historie"


# The design system (GOV.UK Frontend) --------------------------------------------------------


def test_search_box_is_a_govuk_input_with_its_button(client, home):
    html = client.get("/search/").content.decode()
    assert '<label class="govuk-label govuk-label--s" for="search-q">Search this site</label>' in html
    assert '<input class="govuk-input" id="search-q" name="q" type="search"' in html
    assert '<button type="submit" class="govuk-button" data-module="govuk-button">Search</button>' in html


@pytest.mark.parametrize(
    ("query", "message"),
    [("word " * 50, "Your search is too long"), ("!!!", "Your search has no letters or numbers in it")],
)
def test_a_search_that_cannot_run_says_why_as_an_error_message_on_the_box(client, home, query, message):
    html = client.get("/search/", {"q": query}).content.decode()
    assert '<div class="govuk-form-group govuk-form-group--error">' in html
    assert re.search(
        r'<p class="govuk-error-message" id="search-q-error"><span class="govuk-visually-hidden">Error:</span> '
        + re.escape(message),
        html,
    )
    assert 'class="govuk-input govuk-input--error"' in html and 'aria-describedby="search-q-error"' in html
    assert "<title>Error: " in html


def test_filters_are_labelled_selects_that_keep_the_query_and_the_choice(client, make_story, theme):
    for n in range(2):
        story = make_story(f"Library story {n}", summary="library")
        if n:
            story.themes.set([theme])
            story.save_revision().publish()
    html = client.get("/search/", {"q": "library", "theme": theme.pk}).content.decode()
    form = re.search(r'<form class="search-filters".*?</form>', html, re.S).group(0)
    assert '<input type="hidden" name="q" value="library">' in form
    assert '<label class="govuk-label govuk-label--s" for="filter-theme">Theme</label>' in form
    assert '<select class="govuk-select search-filters__select" id="filter-theme" name="theme">' in form
    assert f'<option value="{theme.pk}" selected>Getting involved (1)</option>' in form
    assert '<option value="">All types</option>' in form
    assert "Clear filters" in form


def test_results_are_paged_with_govuk_pagination_that_keeps_the_query(client, make_story):
    for n in range(25):
        make_story(f"Bus route {n}", summary="bus timetable")
    html = client.get("/search/", {"q": "bus", "page": 2}).content.decode()
    nav = re.search(r'<nav class="govuk-pagination" aria-label="Pages of results">.*?</nav>', html, re.S).group(0)
    assert 'href="?q=bus&amp;page=1" rel="prev"' in nav and 'href="?q=bus&amp;page=3" rel="next"' in nav
    assert 'aria-label="Page 2" aria-current="page">2</a>' in nav
    assert '<ol class="govuk-list results" start="11">' in html
