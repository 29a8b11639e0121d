"""Followable things that are pages (a pledge, a consultation, a fund round), keyed across languages.

A page is followed by its translation_key, so following the Polish page of a pledge is
following the pledge: its announcements are made once, whichever language is published
first, and the follower sees it named in their own language where a translation is live.
"""

import uuid

from django.utils.translation import get_language

from core.caching.routing import public_pages
from core.site_address import page_url

from .kinds import register_kind


def page_key(page):
    return str(page.translation_key)


def describe_pages(model):
    """A `describe(keys)` for register_kind: {key: (title, url)} of the live, public pages."""

    def describe(keys):
        language = get_language()
        found = {}
        wanted = [key for key in keys if _is_uuid(key)]  # a hand-made link may carry anything
        pages = public_pages(model.objects.live().filter(translation_key__in=wanted).select_related("locale"))
        for page in pages:
            key = page_key(page)
            # The reader's language where it is live, else whichever came first (the original).
            if key not in found or page.locale.language_code == language:
                found[key] = (page.title, page_url(page))
        return found

    return describe


def _is_uuid(key):
    try:
        uuid.UUID(str(key))
    except ValueError:
        return False
    return True


EVERY = "all"  # the key of "every one of them" (every consultation, every fund round, the whole register)


def register_section_kind(kind, *, section_model, every, page_model=None, **registration):
    """A kind whose things are the pages of one section, with "every one" (key EVERY) on the form.

    `every` names that choice ("Every new consultation"); it links to the section's page
    (`section_model`, the first live one). With `page_model`, each page can be followed too,
    from its own page's link. `registration`: register_kind's label, link_text and heading.
    """
    describe_each = describe_pages(page_model) if page_model is not None else (lambda keys: {})

    def describe(keys):
        found = describe_each(keys)
        if EVERY in keys:
            section = section_model.objects.live().order_by("pk").first()
            found[EVERY] = (str(every), page_url(section) if section else "")
        return found

    register_kind(kind, choices=lambda: [(EVERY, str(every))], describe=describe, **registration)
