"""The story editor offers themes, workstreams, places and pledges in the story's own language only."""

import re

from wagtail.models import Locale

import pytest

from pledges.models import PledgeIndexPage
from strategy.models import Workstream


@pytest.fixture
def polish(db):
    return Locale.objects.get_or_create(language_code="pl")[0]


@pytest.fixture
def translated_vocabulary(themes, places, polish):
    """Each English theme, workstream and place with a Polish translation beside it."""
    workstream = Workstream.objects.create(
        theme=themes["healthier"],
        title="Support our most vulnerable neighbours",
        slug="vulnerable",
        locale=themes["healthier"].locale,
    )
    polish_theme = themes["healthier"].copy_for_translation(polish)
    polish_theme.name = "Zdrowsze społeczności"
    polish_theme.save()
    polish_workstream = workstream.copy_for_translation(polish)
    polish_workstream.theme = polish_theme
    polish_workstream.title = "Wspieramy najbardziej potrzebujących sąsiadów"
    polish_workstream.save()
    polish_place = places["upton"].copy_for_translation(polish)
    polish_place.name = "Upton nad Severn"
    polish_place.save()
    return {"theme": polish_theme, "workstream": polish_workstream, "place": polish_place}


def options_of(html, field):
    """The labels offered by a form field: <option>s of a select, or labels of checkboxes."""
    match = re.search(rf'<(select|div)[^>]*\bid="id_{field}"[^>]*>(.*?)</\1>', html, re.S)
    assert match, field
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", match.group(2)))


def test_new_english_story_offers_only_english_themes_workstreams_and_places(
    admin_client, story_index, translated_vocabulary
):
    response = admin_client.get(f"/admin/pages/add/stories/storypage/{story_index.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    themes = options_of(html, "themes")
    assert "Healthier communities" in themes
    assert "Zdrowsze" not in themes
    workstreams = options_of(html, "workstreams")
    assert "Support our most vulnerable neighbours" in workstreams
    assert "Wspieramy" not in workstreams


def edit_story(admin_client, story_index, **changes):
    from stories.models import StoryPage

    story = StoryPage(title="Repair café", slug="repair-cafe", summary="Fixing things.", told_by="Upton Repair")
    story_index.add_child(instance=story)
    data = {
        "title": "Repair café",
        "slug": "repair-cafe",
        "summary": "Fixing things.",
        "told_by": "Upton Repair",
        "date": "2025-01-01",
        "body-count": "0",
        "ripples-count": "0",
        "tags": "",
        **changes,
    }
    response = admin_client.post(f"/admin/pages/{story.pk}/edit/", data)
    return response, StoryPage.objects.get(pk=story.pk).get_latest_revision_as_object()


@pytest.mark.parametrize(
    ("field", "vocabulary"), [("themes", "theme"), ("workstreams", "workstream"), ("place", "place")]
)
def test_a_story_cannot_be_tagged_with_another_languages_vocabulary(
    admin_client, story_index, translated_vocabulary, field, vocabulary
):
    polish = translated_vocabulary[vocabulary]
    value = polish.pk if field == "place" else [polish.pk]
    response, story = edit_story(admin_client, story_index, **{field: value})
    assert response.status_code == 200  # the form comes back with an error, nothing saved
    assert "Select a valid choice" in response.content.decode()
    if field == "place":
        assert story.place_id != polish.pk
    else:
        assert polish not in getattr(story, field).all()


def test_a_polish_story_offers_the_polish_themes(admin_client, story_index, translated_vocabulary, polish):
    polish_index = story_index.copy_for_translation(polish, copy_parents=True)
    response = admin_client.get(f"/admin/pages/add/stories/storypage/{polish_index.pk}/")
    themes = options_of(response.content.decode(), "themes")
    assert "Zdrowsze społeczności" in themes
    assert "Healthier communities" not in themes


def test_a_pledges_theme_and_workstreams_are_in_its_own_language(admin_client, translated_vocabulary, story_index):
    index = PledgeIndexPage(title="Our pledges", slug="pledges")
    story_index.get_parent().add_child(instance=index)
    response = admin_client.get(f"/admin/pages/add/pledges/pledgepage/{index.pk}/")
    html = response.content.decode()
    assert "Wspieramy" not in options_of(html, "workstreams")
    assert "Support our most vulnerable neighbours" in options_of(html, "workstreams")
