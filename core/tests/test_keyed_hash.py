"""One keyed hash (core.keyed_hash) for every value the site recognises without keeping it."""

import hashlib
import hmac

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone

import pytest

from core.emails import send_receipt
from core.keyed_hash import keyed_hash
from core.models import BlockedEmail
from core.public_forms.blocklist import block, email_hash, is_blocked
from core.public_forms.forms import PublicForm


class ContactForm(PublicForm):
    email = forms.EmailField()
    message = forms.CharField()


def hash_as_stored_before_keyed_hash(address):
    """What the block list stored until now: HMAC-SHA256 of the address under SECRET_KEY."""
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()


@pytest.fixture
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def test_an_address_blocked_before_the_change_is_still_refused(db):
    BlockedEmail.objects.create(email_hash=hash_as_stored_before_keyed_hash("troll@example.org"), reason="Abuse")
    form = ContactForm({"email": " Troll@Example.org", "message": "Hi"})
    assert not form.is_valid()
    assert "cannot accept submissions from this email address" in form.errors["email"][0]
    assert ContactForm({"email": "friend@example.org", "message": "Hi"}).is_valid()


def test_blocking_an_old_address_again_keeps_one_row_in_the_new_form(db):
    BlockedEmail.objects.create(email_hash=hash_as_stored_before_keyed_hash("troll@example.org"), reason="Abuse")
    block("troll@example.org", "Abuse again")
    assert list(BlockedEmail.objects.values_list("email_hash", "reason")) == [
        (email_hash("troll@example.org"), "Abuse")
    ]
    assert is_blocked("troll@example.org")


def test_the_receipt_counter_cannot_be_found_from_the_block_list_hash(db, fresh_cache):
    # A copy of the cache must not be joinable to the block list: each use hashes for itself.
    assert send_receipt("stories/emails/sign_in_link", {"sign_in_url": "x", "minutes": 30}, "sam@example.org")
    day = timezone.localdate().isoformat()
    assert cache.get(f"receipts:{day}:{email_hash('sam@example.org')}") is None


def test_one_value_hashes_apart_for_each_purpose_and_each_secret_key():
    first = keyed_hash("blocked-email", "sam@example.org")
    assert len(first) == 64 and "sam" not in first
    assert keyed_hash("blocked-email", "sam@example.org") == first
    assert keyed_hash("receipt-recipient", "sam@example.org") != first
    with override_settings(SECRET_KEY="another-site-entirely"):
        assert keyed_hash("blocked-email", "sam@example.org") != first
