"""Stories show their pictures: responsive, in a modern format with a fallback, never broken."""

import io
import re

from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile

from wagtail.images.models import Image

import pytest
from PIL import Image as PILImage

from core.blocks import ImageBlock
from sample_content.stories import ripple_stream
from stories.factories import StoryPageFactory
from stories.models import StoryPage

from .test_pages import LISTING_QUERY_BUDGET, warm_site_caches
from .test_ripples import RIPPLES

pytestmark = pytest.mark.django_db


def upload(title, size=(1600, 1200)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (90, 140, 60)).save(buffer, format="JPEG")
    return Image.objects.create(title=title, file=ImageFile(buffer, name=f"{title}.jpg"))


def pictures(html):
    return re.findall(r"<picture[^>]*>.*?</picture>", html, re.S)


def test_listing_cards_show_a_responsive_lazy_picture_with_a_webp_source_and_a_jpeg_fallback(client, story_index):
    StoryPageFactory(
        parent=story_index, title="Orchard", lead_image=upload("orchard"), lead_image_alt_text="Volunteers planting"
    )
    html = client.get("/stories/").content.decode()
    [picture] = pictures(html)
    source = re.search(r'<source type="image/webp" srcset="([^"]+)" sizes="([^"]+)">', picture)
    assert source, picture
    widths = re.findall(r"\.webp (\d+)w", source.group(1))
    assert widths == ["400", "800"]
    img = re.search(r"<img [^>]+>", picture).group(0)
    assert 'alt="Volunteers planting"' in img
    assert 'loading="lazy"' in img
    assert 'width="400" height="300"' in img
    assert re.search(r'src="[^"]+\.jpg"', img), img


def test_a_story_without_a_picture_shows_none_rather_than_a_broken_one(client, story_index):
    story = StoryPageFactory(parent=story_index, title="No photo")
    for url in ("/stories/", story.url, "/"):
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert "No photo" in html
        assert pictures(html) == []
        assert 'src=""' not in html and 'src="None"' not in html


def test_a_picture_whose_original_is_missing_is_left_out(client, story_index):
    image = upload("lost")
    StoryPageFactory(parent=story_index, title="Lost photo", lead_image=image, lead_image_alt_text="A lost photo")
    image.renditions.all().delete()
    image.file.storage.delete(image.file.name)
    html = client.get("/stories/").content.decode()
    assert "Lost photo" in html and pictures(html) == []


def test_the_story_page_lead_picture_loads_at_once_with_its_size(client, story_index):
    story = StoryPageFactory(parent=story_index, lead_image=upload("market"), lead_image_alt_text="Market stalls")
    html = client.get(story.url).content.decode()
    lead = pictures(html)[0]
    assert 'class="story__lead-image"' in lead
    assert re.search(r'srcset="[^"]+\.webp 480w, [^"]+\.webp 960w"', lead), lead
    img = re.search(r"<img [^>]+>", lead).group(0)
    assert 'loading="lazy"' not in img and 'fetchpriority="high"' in img
    assert 'width="960" height="720"' in img and 'alt="Market stalls"' in img


def test_home_and_related_story_cards_show_pictures_too(client, story_index, themes):
    photo = upload("shared")
    story = StoryPageFactory(
        parent=story_index, themes=[themes["safer"]], lead_image=photo, lead_image_alt_text="Shared photo"
    )
    StoryPageFactory(parent=story_index, themes=[themes["safer"]], lead_image=photo, lead_image_alt_text="Shared photo")
    home = client.get("/").content.decode()
    assert any('alt="Shared photo" loading="lazy"' in picture for picture in pictures(home))
    related = client.get(story.url).content.decode()
    related = related[related.index('id="related-heading"') :]
    assert 'loading="lazy"' in pictures(related)[0]


@pytest.mark.parametrize("count", [5, 60])
def test_listing_with_pictures_keeps_its_query_count_flat(
    client, story_index, themes, count, django_assert_max_num_queries
):
    photos = [upload(f"photo-{n}", size=(900, 700)) for n in range(3)]
    StoryPageFactory.create_batch(
        count,
        parent=story_index,
        themes=[themes["safer"]],
        lead_image=photos[0],
        lead_image_alt_text="A photo",
    )
    for n, story in enumerate(StoryPage.objects.all()):
        story.lead_image = photos[n % 3]
        story.save()
    warm_site_caches(client, "/stories/")
    with django_assert_max_num_queries(LISTING_QUERY_BUDGET):
        html = client.get("/stories/?theme=safer").content.decode()
    assert len(pictures(html)) == min(count, 12)


def test_editors_must_describe_a_lead_image_and_an_image_in_the_body(story_index):
    story = StoryPage(title="Undescribed", slug="undescribed", summary="s", told_by="x", lead_image=upload("plain"))
    with pytest.raises(ValidationError) as error:
        story.full_clean()
    assert "lead_image_alt_text" in error.value.message_dict
    assert ImageBlock().child_blocks["alt_text"].required


def test_the_admin_form_refuses_a_lead_image_without_alt_text(story_index):
    from django.contrib.auth.models import User

    editor = User.objects.create_superuser("admin", "admin@example.org", "a-long-password-1")
    story = StoryPageFactory(parent=story_index)
    form_class = StoryPage.get_edit_handler().get_form_class()
    fields = {name: form_class(instance=story, for_user=editor)[name].value() for name in ("title", "slug", "summary")}
    data = {**fields, "told_by": story.told_by, "date": "2025-01-01", "lead_image": upload("admin").pk}
    data.update({"body-count": "0", "ripples-count": "0"})  # the StreamFields, empty
    form = form_class({**data, "lead_image_alt_text": ""}, instance=story, for_user=editor, parent_page=story_index)
    assert not form.is_valid()
    assert "lead_image_alt_text" in form.errors
    form = form_class(
        {**data, "lead_image_alt_text": "A photo"}, instance=story, for_user=editor, parent_page=story_index
    )
    form.is_valid()
    assert "lead_image_alt_text" not in form.errors


def test_the_ripple_map_is_drawn_as_rings_with_the_list_as_its_text(client, story_index):
    story = StoryPageFactory(parent=story_index, ripple_centre="A monthly repair café", ripples=ripple_stream(RIPPLES))
    html = client.get(story.url).content.decode()
    svg = re.search(r'<svg class="ripple-diagram__svg".*?</svg>', html, re.S).group(0)
    assert 'role="img"' in svg and 'aria-labelledby="ripple-diagram-title ripple-diagram-desc"' in svg
    assert "A monthly repair café" in svg
    assert "5 ripples on 4 rings" in svg
    assert svg.count('class="ripple-diagram__ring"') == 4
    assert svg.count("ripple-diagram__node ") == 5 and svg.count("<line ") == 5
    assert "ripple-diagram__node--financial" in svg
    # The list after it still says everything, in words, numbered as the drawing.
    after = html[html.index("</svg>") :]
    assert "Neighbours lend tools" in after and "Financial capital" in after
    assert re.findall(r'class="ripple__number[^"]*" aria-hidden="true">(\d+)<', after) == ["1", "2", "3", "4", "5"]


def test_a_story_without_ripples_draws_no_diagram(client, story_index):
    story = StoryPageFactory(parent=story_index)
    assert "ripple-diagram" not in client.get(story.url).content.decode()
