"""{% rendition image "card" as thumb %}: an image at one of the sizes named in home/renditions.py."""

from django import template

from home.renditions import RENDITIONS

register = template.Library()


@register.simple_tag
def rendition(image, size):
    """The rendition (prefetched or cached when it can be), or None when the original is missing."""
    try:
        return image.get_rendition(RENDITIONS[size])
    except OSError:
        return None
