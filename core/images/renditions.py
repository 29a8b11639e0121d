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
    # Story cards in listings, theme pages and related stories: the fallback in the format
    # uploaded (JPEG or PNG), and WebP at one and two times the card's size.
    "card": "fill-400x300",
    "card-webp": "fill-400x300|format-webp",
    "card-webp-wide": "fill-800x600|format-webp",
    # A story's lead image and images in page bodies: WebP at two widths, and the fallback.
    "body": "width-960|format-webp",
    "body-narrow": "width-480|format-webp",
    "body-fallback": "width-960",
    # Open Graph image for links shared on social media.
    "share": "fill-1200x630",
}

# Responsive pictures: a <picture> with WebP sources at several widths, and an <img> in the
# uploaded format for browsers without WebP. `sizes` says how wide the picture is shown:
# a card fills a phone's width and a third of the page's 960 px on wider screens; a lead
# image fills a phone's width and two thirds of the page (640 px) on wider screens.
PICTURES = {
    "card": {
        "sources": ["card-webp", "card-webp-wide"],
        "fallback": "card",
        "sizes": "(min-width: 40.0625em) 320px, 100vw",
    },
    "lead": {
        "sources": ["body-narrow", "body"],
        "fallback": "body-fallback",
        "sizes": "(min-width: 40.0625em) 640px, 100vw",
    },
}


def picture_sizes(picture):
    """Every size name a picture uses, for prefetch_renditions."""
    return [*PICTURES[picture]["sources"], PICTURES[picture]["fallback"]]


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


def renditions(image, sizes):
    """{size: rendition or None} for sizes named in RENDITIONS, found in one look-up.

    Prefetched renditions are used as they are; otherwise one read of the cache and at most
    one query find those that exist. Any still missing are made (None when the original is).
    """
    filters = {size: image.clean_filter_for_svg(Filter(spec=RENDITIONS[size])) for size in sizes}
    found = image.find_existing_renditions(*filters.values())
    made = {}
    for size, image_filter in filters.items():
        if image_filter in found:
            made[size] = found[image_filter]
            continue
        try:
            made[size] = image.get_rendition(image_filter)
        except OSError:  # includes SourceImageIOError: a missing original must not break the page
            made[size] = None
    return made


def prefetch_renditions(image_field, *sizes):
    """For a queryset's prefetch_related(): the renditions at `sizes` of the images in `image_field`.

    A size may also name a picture in PICTURES: every rendition it shows. One query, however many.
    """
    Rendition = get_image_model().get_rendition_model()
    names = [name for size in sizes for name in (picture_sizes(size) if size in PICTURES else [size])]
    specs = [RENDITIONS[name] for name in names]
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
