"""Renditions are made when an image is uploaded or a page published, never on a visitor's request."""

import io

from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.images.models import Image, Rendition

from PIL import Image as PILImage

from core.images.renditions import RENDITIONS
from stories.models import StoryIndexPage, StoryPage


def upload(title):
    buffer = io.BytesIO()
    PILImage.new("RGB", (640, 480), (90, 140, 60)).save(buffer, format="PNG")
    return Image.objects.create(title=title, file=ImageFile(buffer, name=f"{title}.png"))


def specs(image):
    return set(Rendition.objects.filter(image=image).values_list("filter_spec", flat=True))


def test_uploading_an_image_makes_every_rendition_the_templates_use(db):
    assert specs(upload("allotment")) == set(RENDITIONS.values())


def test_after_publishing_no_visitor_waits_for_a_rendition(client, strategy_site):
    lead, inline = upload("lead"), upload("inline")
    Rendition.objects.all().delete()  # as for images uploaded before renditions were made ahead
    index = strategy_site.add_child(instance=StoryIndexPage(title="Stories of change", slug="stories"))
    story = index.add_child(
        instance=StoryPage(
            title="The orchard volunteers",
            slug="orchard",
            summary="Neighbours planted an orchard.",
            told_by="Orchard group",
            lead_image=lead,
            lead_image_alt_text="Volunteers planting trees",
            body=[{"type": "image", "value": {"image": inline.pk, "alt_text": "A young apple tree", "caption": ""}}],
        )
    )
    story.save_revision().publish()
    assert specs(lead) == specs(inline) == set(RENDITIONS.values())

    made = Rendition.objects.count()
    for url in (story.url, index.url):
        with CaptureQueriesContext(connection) as queries:
            content = client.get(url).content.decode()
        assert not [query for query in queries if query["sql"].startswith("INSERT")], url
        assert 'alt="Volunteers planting trees"' in content
    assert 'alt="A young apple tree"' in client.get(story.url).content.decode()
    assert Rendition.objects.count() == made
