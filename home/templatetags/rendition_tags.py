"""{% rendition image "card" as thumb %}: an image at one of the sizes named in home/renditions.py."""

from django import template

from wagtail.images.models import Filter

from home.renditions import RENDITIONS

register = template.Library()


@register.simple_tag
def rendition(image, size):
    """The rendition (prefetched or cached when it can be), or None when the original is missing."""
    # A prefetched or cached rendition is used as it is: Wagtail's get_rendition would also
    # write it back to the cache every time, a round trip per image on every listing.
    image_filter = image.clean_filter_for_svg(Filter(spec=RENDITIONS[size]))
    try:
        return image.find_existing_rendition(image_filter)
    except image.get_rendition_model().DoesNotExist:
        pass
    try:
        return image.get_rendition(image_filter)
    except OSError:
        return None
