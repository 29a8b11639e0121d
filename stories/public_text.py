"""A community group's story text, made safe: sanitised HTML paragraphs and a plain summary."""

import html
import re

from django.utils.html import escape
from django.utils.text import Truncator

import nh3

# What residents may format; everything else is dropped, including scripts and styles.
ALLOWED_TAGS = {"p", "br", "strong", "b", "em", "i", "ul", "ol", "li"}
# Sanitised output holds only the tags above, and every "<" in its text is escaped.
TAG = re.compile(r"<[^>]*>")


def story_paragraphs(text):
    """Public text as safe HTML paragraphs: any HTML typed is sanitised, blank lines split paragraphs."""
    paragraphs = [part.strip() for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]
    html_parts = []
    for part in paragraphs:
        if "<" in part:
            # "*": no attribute on any tag (nh3 would otherwise keep title and lang everywhere).
            # Residents type text with a little formatting, not HTML: an "&" is always the
            # character, so "&lt;img ...&gt;" reads as typed, as it does without any tag.
            cleaned = nh3.clean(part.replace("&", "&amp;"), tags=ALLOWED_TAGS, attributes={"*": set()})
        else:
            cleaned = escape(part).replace("\n", "<br>")
        if cleaned.strip():
            html_parts.append(cleaned if cleaned.lstrip().startswith("<p>") else f"<p>{cleaned}</p>")
    return "".join(html_parts)


def plain_summary(text, length=280):
    """The story's readable words as plain text (markup gone, "&" and "<" as typed); shown escaped.

    Taken from the sanitised paragraphs, so an unclosed tag in one paragraph cannot swallow
    the words of the others. Unescaping them once gives back exactly the characters typed,
    never markup: an entity the resident typed ("&lt;img ...&gt;") stays those characters.
    """
    words = html.unescape(TAG.sub(" ", story_paragraphs(text)))
    return Truncator(" ".join(words.split())).chars(length)
