"""The site's one keyed hash: Django's salted_hmac, keyed by SECRET_KEY and a purpose.

Used wherever the site must recognise a value again without keeping it in clear (blocked
email addresses, rate-limit and quota counters, comment reporters). Each use names its own
purpose, so the hash of one address in one place cannot be matched against another (a cache
dump cannot be joined to the block list). SHA-256, hex: 64 characters.
"""

from django.utils.crypto import salted_hmac

PREFIX = "connected-communities"


def keyed_hash(purpose, value):
    return salted_hmac(f"{PREFIX}:{purpose}", value, algorithm="sha256").hexdigest()


def keyed_email_hash(purpose, email):
    """The keyed hash of an email address as people type it: case and spaces don't matter."""
    return keyed_hash(purpose, (email or "").strip().lower())
