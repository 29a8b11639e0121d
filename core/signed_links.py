"""Signed, expiring links: the one way the site makes and reads them.

A link carries a small payload (an email address, where to go next) signed with SECRET_KEY
and a salt of its own purpose, so a link made for one purpose is refused by every other.
Reading refuses a tampered, forged or expired link. A link may also work only once: give it
a model with a unique `digest` field, and the first use records the link's hash there.

Random tokens stored in the database (comment and story confirmations) are not signed links:
they live as long as their row, and the row says what they are for.
"""

import hashlib
import secrets
from dataclasses import dataclass

from django.core import signing
from django.core.exceptions import ImproperlyConfigured
from django.db import IntegrityError, transaction

_purposes = set()


@dataclass(frozen=True)
class SignedLink:
    purpose: str  # the salt: links of different purposes never read as each other
    max_age_seconds: int
    used_links: type | None = None  # a model with a unique `digest`: each link works once

    def __post_init__(self):
        if self.purpose in _purposes:
            raise ImproperlyConfigured(f"Two kinds of signed link share the purpose {self.purpose!r}.")
        _purposes.add(self.purpose)

    def make(self, payload):
        if self.used_links is not None:
            # Two links asked for in the same second differ, so using one does not spend the other.
            payload = {**payload, "nonce": secrets.token_hex(8)}
        return signing.TimestampSigner(salt=self.purpose).sign_object(payload, compress=True)

    def read(self, token):
        """The payload of a valid, unexpired (and, if single-use, unused) link; None otherwise."""
        try:
            payload = signing.TimestampSigner(salt=self.purpose).unsign_object(token, max_age=self.max_age_seconds)
        except signing.BadSignature:  # includes SignatureExpired
            return None
        if not isinstance(payload, dict):
            return None
        if self.used_links is not None and not self._first_use(token):
            return None
        return payload

    def _first_use(self, token):
        try:
            with transaction.atomic():
                self.used_links.objects.create(digest=hashlib.sha256(token.encode()).hexdigest())
        except IntegrityError:
            return False
        return True
