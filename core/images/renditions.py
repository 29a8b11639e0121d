"""The image renditions the templates show, made when an image is uploaded or a page published.

One list of sizes, used by the templates (through `{% rendition image "card" %}`), by the
listings that prefetch them in bulk, and by the signal handlers that make them ahead of
time, so no visitor waits while Wagtail resizes a picture on the first request.
"""

import contextvars
import logging
from contextlib import contextmanager

from django.db.models import Prefetch
from django.db.models.signals import post_save

from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.signals import page_published

logger = logging.getLogger(__name__)

RENDITIONS = {
    # Story cards in listings, theme pages and related stories.
    "card": "fill-400x300",
    # A story's lead image and images in page bodies.
    "body": "width-960|format-webp",
    # Open Graph image for links shared on social media.
    "share": "fill-1200x630",
}


def rendition(image, size):
    """The rendition of `image` at a size named in RENDITIONS, or None when the original is missing.

    A prefetched rendition (see prefetch_renditions) is used as it is. Wagtail's
    get_rendition would also write it back to the cache every time: a round trip per image
    on every page view.
    """
    image_filter = image.clean_filter_for_svg(Filter(spec=RENDITIONS[size]))
    try:
        return image.find_existing_rendition(image_filter)
    except image.get_rendition_model().DoesNotExist:
        pass
    try:
        return image.get_rendition(image_filter)
    except OSError:  # includes SourceImageIOError: a missing original must not break the page
        return None


def prefetch_renditions(image_field, *sizes):
    """For a queryset's prefetch_related(): the renditions at `sizes` of the images in `image_field`."""
    Rendition = get_image_model().get_rendition_model()
    specs = [RENDITIONS[size] for size in sizes]
    return Prefetch(
        f"{image_field}__renditions",
        queryset=Rendition.objects.filter(filter_spec__in=specs),
        # Wagtail's find_existing_rendition looks here before the cache or the database.
        to_attr="prefetched_renditions",
    )


def make_renditions(image):
    """Every rendition in RENDITIONS for `image` that does not exist yet."""
    try:
        image.get_renditions(*RENDITIONS.values())
    except OSError:  # includes SourceImageIOError: a missing original must not break an upload or a publish
        logger.warning("Could not make renditions of image %s", image.pk, exc_info=True)


def images_in(value):
    """Every image in a field value: an image itself, or inside StreamField, struct and list blocks."""
    Image = get_image_model()
    if isinstance(value, Image):
        yield value
    elif isinstance(value, dict):  # StructValue
        for item in value.values():
            yield from images_in(item)
    elif hasattr(value, "raw_data") or isinstance(value, list | tuple):  # StreamValue, ListValue
        for item in value:
            yield from images_in(getattr(item, "value", item))


def page_images(page):
    images = {}
    for field in page._meta.concrete_fields:
        if (
            field.is_relation
            and issubclass(field.related_model, get_image_model())
            or field.get_internal_type() == "JSONField"
            and hasattr(field, "stream_block")
        ):
            value = getattr(page, field.name)
        else:
            continue
        for image in images_in(value):
            images[image.pk] = image
    return images.values()


_deferred = contextvars.ContextVar("renditions_deferred", default=False)


@contextmanager
def renditions_at_publication():
    """Images saved inside get their renditions when a page showing them is published, not now.

    For uploads nobody sees until then (a story sent in by the public, waiting for review):
    the request that stores them should not also spend seconds resizing them.
    """
    token = _deferred.set(True)
    try:
        yield
    finally:
        _deferred.reset(token)


def on_image_saved(sender, instance, **kwargs):
    if not _deferred.get():
        make_renditions(instance)


def on_page_published(sender, instance, **kwargs):
    for image in page_images(instance.specific):
        make_renditions(image)


def connect_signals():
    post_save.connect(on_image_saved, sender=get_image_model(), dispatch_uid="renditions-image-saved")
    page_published.connect(on_page_published, dispatch_uid="renditions-page-published")
