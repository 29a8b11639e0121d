import re

from django.contrib.auth.models import User

import pytest

from sample_content.stories import ripple_stream
from stories.factories import StoryPageFactory

pytestmark = pytest.mark.django_db

RIPPLES = [
    (
        "A tool library opened",
        "built",
        [
            (
                "Neighbours lend tools",
                "financial",
                [("Savings fund planters", "natural", [("A new gardening club", "social", [])])],
            )
        ],
    ),
    ("Neighbours met", "social", []),
]


def test_story_shows_its_ripple_map_as_nested_lists(client, story_index):
    story = StoryPageFactory(parent=story_index, ripple_centre="A monthly repair café", ripples=ripple_stream(RIPPLES))
    html = client.get(story.url).content.decode()
    assert "At the centre:</strong> A monthly repair café" in html
    assert "ripple-list--level-4" in html
    # The deepest ripple sits inside four nested lists.
    map_html = html[html.index('class="ripple-map"') :]
    before_deepest = map_html[: map_html.index("A new gardening club")]
    assert before_deepest.count('<ul class="ripple-list') - before_deepest.count("</ul>") == 4
    assert "Built capital" in html and "Natural capital" in html


def test_a_ripple_links_to_the_story_about_it(client, story_index):
    linked = StoryPageFactory(parent=story_index, title="The gardening club")
    ripples = [
        {
            "type": "ripple",
            "value": {"text": "A club started", "capital": "social", "linked_story": linked.pk, "led_to": []},
        }
    ]
    story = StoryPageFactory(parent=story_index, ripples=ripples)
    html = client.get(story.url).content.decode()
    assert f'href="{linked.url}"' in html


def test_ripple_overview_counts_by_capital_and_theme(client, story_index, themes):
    StoryPageFactory(parent=story_index, ripples=ripple_stream(RIPPLES), themes=[themes["safer"]])
    StoryPageFactory(
        parent=story_index, ripples=ripple_stream([("More friends", "social", [])]), themes=[themes["healthier"]]
    )
    draft = StoryPageFactory(parent=story_index, ripples=ripple_stream([("Hidden", "political", [])]))
    draft.unpublish()
    response = client.get("/stories/ripples/")
    html = response.content.decode()
    assert response.status_code == 200
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert "6 ripples mapped from 2 stories" in text
    assert "3 Social" in text
    assert "0 Political" in text
    safer_row = html.split("Safer communities</th>", 1)[1].split("</tr>", 1)[0]
    assert re.findall(r"<td[^>]*>(\d+)</td>", safer_row) == ["1", "0", "0", "2", "0", "1", "1"]


def test_editors_can_build_a_ripple_map_in_the_admin(client, story_index):
    admin = User.objects.create_superuser("admin", "admin@example.org", "a-long-password-1")
    client.force_login(admin)
    story = StoryPageFactory(parent=story_index)
    response = client.get(f"/admin/pages/{story.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "ripple_centre" in html and "ripples" in html
    assert client.get(f"/admin/pages/add/stories/storypage/{story_index.pk}/").status_code == 200
