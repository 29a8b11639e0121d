"""{% rendition image "card" as thumb %}: an image at one of the sizes named in core/images/renditions.py."""

from django import template

import core.images.renditions as renditions

register = template.Library()


@register.simple_tag
def rendition(image, size):
    """The rendition (prefetched or cached when it can be), or None when the original is missing."""
    return renditions.rendition(image, size)
