from django.core.management import call_command

from stories.models import StoryPage
from strategy.models import Theme


def test_theme_page_shows_stories_serving_the_theme(client, db):
    call_command("load_sample_content")
    theme = Theme.objects.get(slug="healthier")
    story = StoryPage.objects.live().filter(themes=theme).first()
    other = StoryPage.objects.live().exclude(themes=theme).first()
    html = client.get("/strategy/healthier/").content.decode()
    assert story is not None and story.title in html
    assert other is not None and other.title not in html
