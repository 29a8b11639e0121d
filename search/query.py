"""Turning what a visitor typed into a query the search backend can safely run."""

import re
import unicodedata

MAX_QUERY_LENGTH = 200

# Control characters (NUL included) break PostgreSQL text parameters and mean nothing in a search.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_SPACES = re.compile(r"\s+")


def clean_query(raw):
    """Return (query, too_long): printable text, single-spaced; too_long when over the limit."""
    text = unicodedata.normalize("NFC", _CONTROL.sub(" ", raw or ""))
    text = _SPACES.sub(" ", text).strip()
    return text, len(text) > MAX_QUERY_LENGTH


def search_terms(query):
    """The words of the query, space-separated, for the backend.

    Quotes, brackets and operators are dropped: they mean syntax to SQLite's FTS and to
    PostgreSQL's tsquery, and an unbalanced one would be an error rather than a search.
    """
    return " ".join(re.findall(r"\w+", query))


def has_searchable_words(query):
    """True when the query holds at least one letter or digit (only punctuation finds nothing)."""
    return bool(search_terms(query))
