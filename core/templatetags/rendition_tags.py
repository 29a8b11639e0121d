"""Images at the sizes named in core/images/renditions.py.

{% rendition image "card" as thumb %}: one rendition, to write the markup yourself.
{% picture image "card" alt=text %}: a responsive <picture>, WebP at several widths with a
fallback in the uploaded format, its width and height given so the page does not jump as it
loads, lazily loaded unless `lazy=False` (for an image at the top of the page).
"""

from django import template

import core.images.renditions as renditions

register = template.Library()


@register.simple_tag
def rendition(image, size):
    """The rendition (prefetched or cached when it can be), or None when the original is missing."""
    return renditions.rendition(image, size)


@register.inclusion_tag("core/includes/picture.html")
def picture(image, name, alt="", lazy=True, css_class=""):
    """Nothing when there is no image or its original is missing: never a broken picture."""
    if not image:
        return {"fallback": None}
    spec = renditions.PICTURES[name]
    made = renditions.renditions(image, renditions.picture_sizes(name))
    fallback = made[spec["fallback"]]
    if fallback is None:
        return {"fallback": None}
    widths = {}
    for size in spec["sources"]:
        # An SVG or a missing original has no WebP rendition; a small original gives the same width twice.
        if made[size] is not None and made[size].url.endswith(".webp"):
            widths.setdefault(made[size].width, made[size].url)
    srcset = ", ".join(f"{url} {width}w" for width, url in sorted(widths.items()))
    return {
        "fallback": fallback,
        "srcset": srcset,
        "sizes": spec["sizes"],
        "alt": alt,
        "lazy": lazy,
        "css_class": css_class,
    }
