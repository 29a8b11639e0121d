"""Search at scale: a bounded ranked list, facets from one aggregate, the cost of a new query flat."""

from collections import Counter

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest

from strategy.models import Place, Theme

pytestmark = pytest.mark.django_db


def titles(response):
    return [result.title for result in response.context["results"]]


def every_title(client, **params):
    """The titles on every page of a search's results."""
    first = client.get("/search/", params)
    listed = titles(first)
    for page in range(2, first.context["results"].paginator.num_pages + 1):
        listed += titles(client.get("/search/", {**params, "page": page}))
    return listed


def first_search(client, query, **filters):
    """The queries of a search nobody has made before (its ranking and facets are not cached)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/search/", {"q": query, **filters})
    assert response.status_code == 200
    return len(queries), response


@pytest.fixture
def vocabulary(db):
    from wagtail.models import Locale

    locale = Locale.get_default()
    themes = [
        Theme.objects.create(slug=f"t{n}", name=f"Theme {n}", short_name=f"T{n}", locale=locale) for n in range(3)
    ]
    places = [Place.objects.create(slug=f"p{n}", name=f"Place {n}", locale=locale) for n in range(2)]
    return themes, places


def tagged_story(make_story, n, title, summary, themes, places, **kwargs):
    story = make_story(title, summary=summary, **kwargs)
    story.themes.set([themes[n % 3]] + ([themes[(n + 1) % 3]] if n % 4 == 0 else []))
    story.place = places[n % 2] if n % 5 else None
    if story.live:
        story.save_revision().publish()
    else:
        story.save_revision()
    return story


def test_search_with_varied_queries_takes_the_same_queries_for_10_or_60_matches(
    client, make_story, vocabulary, warm_caches
):
    """Each query is new (nothing cached for it), and the count does not follow the matches."""
    themes, places = vocabulary
    for n in range(60):
        words = "harbour orchard" if n < 10 else "orchard meadow"
        tagged_story(make_story, n, f"Story {n}", f"News of the {words}.", themes, places)
    # Another query fills what every search reads (site, sections, theme and place names).
    warm_caches("/search/?q=story")
    counts = {}
    for query, expected in (("harbour", 10), ("orchard", 60), ("meadow", 50), ("harbour orchard", 10)):
        counts[query], response = first_search(client, query)
        assert response.context["total"] == expected, query
        assert len(titles(response)) == 10
    assert len(set(counts.values())) == 1, counts
    assert max(counts.values()) <= 12, counts
    # A filter adds one query (which of the matches carry the theme), whatever their number.
    filtered = {q: first_search(client, q, theme=themes[0].pk)[0] for q in ("harbour", "orchard")}
    assert filtered["harbour"] == filtered["orchard"], filtered


def test_facet_counts_equal_a_count_over_every_matching_page_and_leave_out_private_ones(client, make_story, vocabulary):
    themes, places = vocabulary
    public = [tagged_story(make_story, n, f"Bridge {n}", "The bridge reopens.", themes, places) for n in range(23)]
    draft = tagged_story(make_story, 30, "Draft bridge", "bridge", themes, places, live=False)
    private = tagged_story(make_story, 31, "Private bridge", "bridge", themes, places)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    tagged_story(make_story, 32, "Unrelated", "A ferry.", themes, places)

    response = client.get("/search/", {"q": "bridge"})

    expected_themes = Counter(t.pk for story in public for t in story.themes.all())
    expected_places = Counter(story.place_id for story in public if story.place_id)
    assert {theme.pk: n for theme, n in response.context["theme_facets"]} == expected_themes
    assert {place.pk: n for place, n in response.context["place_facets"]} == expected_places
    assert [n for _type, n in response.context["type_facets"]] == [23]
    assert response.context["total"] == 23
    assert not response.context["capped"]
    listed = every_title(client, q="bridge")
    assert sorted(listed) == sorted(story.title for story in public)
    assert draft.title not in listed and private.title not in listed
    # Filtering by a theme lists exactly the pages its facet counted.
    for theme in themes:
        by_theme = every_title(client, q="bridge", theme=theme.pk)
        assert len(by_theme) == expected_themes[theme.pk]
        assert "Private bridge" not in by_theme


def test_a_capped_list_says_so_and_counts_its_facets_over_the_capped_matches(client, make_story, vocabulary, settings):
    settings.SEARCH_MAX_MATCHES = 5
    themes, places = vocabulary
    for n in range(8):
        tagged_story(make_story, n, f"Canal {n}", "The canal towpath.", themes, places)
    response = client.get("/search/", {"q": "canal"})
    html = response.content.decode()
    assert response.context["total"] == 5
    assert "Showing the 5 best matches" in html
    assert sum(n for _type, n in response.context["type_facets"]) == 5
    assert sum(n for _place, n in response.context["place_facets"]) <= 5

    settings.SEARCH_MAX_MATCHES = 500
    response = client.get("/search/", {"q": "towpath"})
    assert response.context["total"] == 8
    assert "best matches" not in response.content.decode()


def test_the_cap_notice_is_translated():
    from django.utils import translation
    from django.utils.translation import ngettext

    one = "Showing the %(counter)s best match. Add a word to narrow your search."
    several = "Showing the %(counter)s best matches. Add a word to narrow your search."
    for language in ("pl", "ro"):
        with translation.override(language):
            assert ngettext(one, several, 500) not in (one, several), language


@pytest.mark.postgres
def test_under_the_cap_a_title_match_still_ranks_first_and_stemmed_words_find_it(client, make_story, settings):
    settings.SEARCH_MAX_MATCHES = 3
    for n in range(6):
        make_story(f"Notes {n}", summary="Some gardening was mentioned here.")
    make_story("Gardening weekend", summary="Plants.")
    assert titles(client.get("/search/", {"q": "gardening"}))[0] == "Gardening weekend"
    assert titles(client.get("/search/", {"q": "gardens"}))[0] == "Gardening weekend"
