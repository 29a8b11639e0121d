"""How one search result is described: its type, summary and date, whatever its page type."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from . import labels

SUMMARY_FIELDS = ("summary", "search_description", "introduction", "commitment")
DATE_FIELDS = ("date", "opens_at", "start")


def summary_of(page):
    for name in SUMMARY_FIELDS:
        value = getattr(page, name, "")
        if isinstance(value, str) and value.strip():
            return Truncator(re.sub(r"<[^>]+>", " ", value)).words(40)
    return ""


def date_of(page):
    for name in DATE_FIELDS:
        value = getattr(page, name, None)
        if value:
            return value
    return page.last_published_at


def highlight(text, query):
    """Escape text and wrap the words of the query in <mark> so a reader sees why it matched."""
    words = sorted(set(re.findall(r"\w{3,}", query)), key=len, reverse=True)
    html = escape(text)
    if not words:
        return mark_safe(html)
    # Match the start of words so "volunteer" also marks "volunteering" (stemming finds both).
    pattern = re.compile(r"\b(" + "|".join(re.escape(escape(w)) for w in words) + r")\w*", re.IGNORECASE)
    return mark_safe(pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", html))


class Result:
    def __init__(self, page, query, request):
        self.page = page
        self.type_name = labels.one(type(page))
        self.title = page.title
        # With the request, Wagtail reads the site root paths once per request, not per result.
        self.url = page.get_url(request)
        self.summary = highlight(summary_of(page), query)
        self.date = date_of(page)
