"""The spam traps and limits every public form shares."""

import time

from django import forms
from django.core import signing
from django.core.cache import cache
from django.test import RequestFactory, override_settings

import pytest
import time_machine

import core.public_forms.rate_limits as ratelimit
from core.public_forms.forms import STARTED_SALT, PublicForm, typed_text


class MessageForm(PublicForm):
    message = forms.CharField(label="Your message", max_length=100)


def stamp(seconds_ago):
    return signing.dumps(time.time() - seconds_ago, salt=STARTED_SALT)


def data(**overrides):
    return {"message": "Hello", "website": "", "started": stamp(60), "form_token": "", **overrides}


def test_a_person_filling_the_form_passes():
    form = MessageForm(data())
    assert form.is_valid(), form.errors
    assert form.cleaned_data["form_token"]  # one is made when the page had none


def test_filled_honeypot_is_refused_with_a_message_at_the_top():
    form = MessageForm(data(website="http://spam.example"))
    assert not form.is_valid()
    assert form.is_spam
    assert "could not be accepted" in form.non_field_errors()[0]


@override_settings(PUBLIC_FORM_MIN_SECONDS=3)
def test_a_form_sent_faster_than_a_person_could_is_refused():
    assert not MessageForm(data(started=stamp(0.5))).is_valid()
    assert MessageForm(data(started=stamp(5))).is_valid()


@override_settings(PUBLIC_FORM_MIN_SECONDS=3)
@pytest.mark.parametrize(
    "started",
    [None, "", "not-a-stamp", signing.dumps(time.time() - 60, salt="another-salt")],
    # Named, not shown: the signed stamp differs from one collection to the next (parallel workers).
    ids=["missing", "empty", "not a stamp", "signed with another salt"],
)
def test_a_missing_or_forged_start_time_is_refused_with_a_friendly_message(started):
    posted = data(message="Keep the library open")
    if started is None:
        del posted["started"]
    else:
        posted["started"] = started
    form = MessageForm(posted)
    assert not form.is_valid()
    assert "Everything you typed is still here" in form.non_field_errors()[0]
    assert 'value="Keep the library open"' in str(form["message"])


@override_settings(PUBLIC_FORM_MIN_SECONDS=3)
def test_a_refused_form_without_a_stamp_comes_back_with_one_that_lets_it_through():
    form = MessageForm(data(started=""))
    assert not form.is_valid()
    fresh = form["started"].value()
    with time_machine.travel(time.time() + 10):
        assert MessageForm(data(started=fresh)).is_valid()


def test_unbound_form_carries_a_fresh_token_and_stamp():
    first, second = MessageForm(), MessageForm()
    assert first.initial["form_token"] != second.initial["form_token"]
    assert signing.loads(first.initial["started"], salt=STARTED_SALT) <= time.time()


def test_typed_text_gives_back_what_was_typed_with_labels():
    form = MessageForm(data(message="Keep the library open"))
    assert typed_text(form, ["message"]) == [("Your message", "Keep the library open")]


@pytest.fixture
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def request_from(address, forwarded_for=None):
    request = RequestFactory().post("/stories/submit/", REMOTE_ADDR=address)
    if forwarded_for:
        request.META["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return request


@override_settings(PUBLIC_FORM_RATE_LIMIT=3, PUBLIC_FORM_RATE_WINDOW=600)
def test_rate_limit_stops_the_fourth_submission_in_the_window(fresh_cache):
    results = [ratelimit.hit(request_from("203.0.113.7"), "comment") for _ in range(4)]
    assert results == [False, False, False, True]
    assert ratelimit.hit(request_from("203.0.113.8"), "comment") is False  # another client


@override_settings(PUBLIC_FORM_RATE_LIMIT=2)
def test_a_forged_x_forwarded_for_does_not_reset_the_limit(fresh_cache):
    for n in range(2):
        ratelimit.hit(request_from("203.0.113.7", forwarded_for=f"198.51.100.{n}"), "comment")
    assert ratelimit.hit(request_from("203.0.113.7", forwarded_for="198.51.100.99"), "comment") is True


def test_rate_limit_keys_hold_no_ip_address_in_clear():
    assert "203.0.113.7" not in ratelimit.client_key(request_from("203.0.113.7"), "comment")


def test_too_many_requests_page_says_when_to_retry_and_shows_typed_text(db):
    response = ratelimit.too_many_requests(
        request_from("203.0.113.7"), typed=[("Your comment", "My words")], window=600
    )
    response.render()
    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    html = response.content.decode()
    assert "Please wait 10 minutes" in html
    assert "My words" in html


@override_settings(PUBLIC_RECEIPTS_PER_ADDRESS_PER_DAY=1)
def test_receipt_counters_hold_no_address_in_clear(fresh_cache):
    from core.emails import send_receipt

    assert send_receipt("stories/emails/sign_in_link", {"sign_in_url": "x", "minutes": 30}, "Sam@Example.org")
    assert not send_receipt("stories/emails/sign_in_link", {"sign_in_url": "x", "minutes": 30}, "sam@example.org ")
    assert not [key for key in cache._cache if "example.org" in key.lower()]
