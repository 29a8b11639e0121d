"""The directory's list: search, filters, open now, near me, pages, the empty state."""

import re
from datetime import UTC, datetime

import pytest
import time_machine

from directory.factories import add_entry

pytestmark = pytest.mark.django_db

# Wednesday 15 July 2026, 10:30 in Malvern (British Summer Time: 09:30 UTC).
WEDNESDAY_MORNING = datetime(2026, 7, 15, 9, 30, tzinfo=UTC)


def titles(html):
    """The entries' titles in the results, in order."""
    return re.findall(r'directory-result__title"><a class="govuk-link" href="[^"]+">([^<]+)</a>', html)


def get(client, directory, **params):
    response = client.get(directory.url, params)
    assert response.status_code == 200
    return response.content.decode()


def test_lists_live_entries_only_with_their_count(client, directory, places):
    add_entry(directory, title="Martley Village Hall", place=places["martley"])
    add_entry(directory, title="Kempsey Foodbank", asset_type="foodbank", place=places["kempsey"])
    add_entry(directory, title="A draft hall", publish=False)
    html = get(client, directory)
    assert titles(html) == ["Kempsey Foodbank", "Martley Village Hall"]
    assert "2 entries found" in html
    assert "Foodbank · Kempsey" in html


def test_type_place_and_theme_filters_narrow_the_list(client, directory, places, themes):
    add_entry(directory, title="Martley hall", place=places["martley"], themes=[themes["healthier"]])
    add_entry(directory, title="Upton hall", place=places["upton-upon-severn"], themes=[themes["safer-and-inclusive"]])
    add_entry(directory, title="Upton foodbank", asset_type="foodbank", place=places["upton-upon-severn"])
    assert titles(get(client, directory, type="foodbank")) == ["Upton foodbank"]
    assert titles(get(client, directory, place="upton-upon-severn")) == ["Upton foodbank", "Upton hall"]
    assert titles(get(client, directory, theme="healthier")) == ["Martley hall"]
    assert titles(get(client, directory, type="village-hall", place="upton-upon-severn")) == ["Upton hall"]
    # An unknown value is ignored, not an error.
    assert len(titles(get(client, directory, type="no-such-type"))) == 3


def test_accessibility_filters_need_every_feature_chosen(client, directory):
    add_entry(directory, title="Step-free only", step_free_access=True)
    add_entry(directory, title="Step-free with a loop", step_free_access=True, hearing_loop=True)
    add_entry(directory, title="Parking only", accessible_parking=True)
    assert titles(get(client, directory, access="step_free_access")) == ["Step-free only", "Step-free with a loop"]
    assert titles(get(client, directory, access=["step_free_access", "hearing_loop"])) == ["Step-free with a loop"]
    assert titles(get(client, directory, access="accessible_parking")) == ["Parking only"]


def test_search_words_find_entries_by_their_text_type_and_place(client, directory, places):
    add_entry(directory, title="Riverside pantry", asset_type="community-pantry", summary="Groceries for members.")
    add_entry(directory, title="Green hall", summary="A hall with a sprung floor for dancing.", place=places["ripple"])
    add_entry(directory, title="Other hall", summary="Meeting rooms.")
    assert titles(get(client, directory, q="dancing")) == ["Green hall"]
    assert titles(get(client, directory, q="pantry")) == ["Riverside pantry"]
    assert titles(get(client, directory, q="Ripple")) == ["Green hall"]
    # Search and filters together.
    assert titles(get(client, directory, q="hall", type="community-pantry")) == []


@time_machine.travel(WEDNESDAY_MORNING, tick=False)
def test_open_now_uses_the_time_in_malvern(client, directory):
    add_entry(directory, title="Open Wednesday mornings", opening_times=[(2, "10:00", "12:00")])
    add_entry(directory, title="Open Wednesday from eleven", opening_times=[(2, "11:00", "15:00")])
    add_entry(directory, title="Open Thursday mornings", opening_times=[(3, "10:00", "12:00")])
    # At 09:30 UTC it is 10:30 in Malvern: only the first is open.
    add_entry(directory, title="Open at 09:30 UTC, closed by 10:00 in Malvern", opening_times=[(2, "09:00", "10:00")])
    add_entry(directory, title="No opening times")
    assert titles(get(client, directory, open_now="on")) == ["Open Wednesday mornings"]
    assert len(titles(get(client, directory))) == 5


def test_near_me_sorts_by_distance_from_the_chosen_place_and_shows_miles(client, directory, places):
    # Entries without a point of their own are placed at their town or parish's centre.
    add_entry(directory, title="In Tenbury", place=places["tenbury-wells"])
    add_entry(directory, title="In Kempsey", place=places["kempsey"], latitude="52.14200", longitude="-2.21800")
    add_entry(directory, title="In Malvern", place=places["malvern"])
    add_entry(directory, title="A place unknown")
    html = get(client, directory, near="kempsey")
    assert titles(html) == ["In Kempsey", "In Malvern", "In Tenbury", "A place unknown"]
    assert "nearest first to Kempsey" in html
    assert "0.0 miles away" in html
    # Malvern's centre is about 5 miles from Kempsey's, Tenbury's about 19.
    miles = [float(m) for m in re.findall(r"([\d.]+) miles away", html)]
    assert 4 < miles[1] < 6
    assert 17 < miles[2] < 22
    # The listing's own order, without "near".
    assert titles(get(client, directory))[0] == "A place unknown"


def test_filters_are_kept_on_every_page_of_results(client, directory):
    for n in range(25):
        add_entry(directory, title=f"Foodbank {n:02}", asset_type="foodbank", step_free_access=True)
    add_entry(directory, title="A hall")
    html = get(client, directory, type="foodbank", access="step_free_access")
    assert "25 entries found" in html
    assert len(titles(html)) == 20
    assert 'href="?type=foodbank&amp;access=step_free_access&amp;page=2#results-heading"' in html
    second = get(client, directory, type="foodbank", access="step_free_access", page=2)
    assert titles(second) == [f"Foodbank {n}" for n in range(20, 25)]
    # The form shows the chosen filters again.
    assert 'value="foodbank" selected' in second
    assert 'value="step_free_access" checked' in second


def test_an_empty_result_says_so_and_offers_a_way_out(client, directory):
    add_entry(directory, title="A hall")
    html = get(client, directory, q="zeppelin")
    assert "0 entries found" in html
    assert "Nothing in the directory matches your search and filters." in html
    assert "Clear filters" in html


def test_the_filters_work_without_javascript_as_a_labelled_get_form(client, directory):
    html = get(client, directory)
    form = re.search(r'<form class="filters directory-filters" method="get".*?</form>', html, re.S).group(0)
    for name in ("q", "type", "place", "theme", "near"):
        field_id = re.search(rf'name="{name}"[^>]*id="([^"]+)"|id="([^"]+)"[^>]*name="{name}"', form)
        assert field_id, name
        assert f'for="{field_id.group(1) or field_id.group(2)}"' in form, name
    assert 'name="open_now"' in form
    assert 'type="submit"' in form
