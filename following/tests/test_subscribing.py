"""The follow form, double opt-in and its confirmation link, as a resident sees them."""

from django.core import mail
from django.test import Client

import pytest

from following.models import Follow, Subscriber

from .conftest import link_to
from .followers import subscribed

pytestmark = pytest.mark.django_db

EMAIL = "sam@example.org"


def follow_form_data(**changes):
    data = {"email": EMAIL, "follow_theme": ["healthier"], "frequency": "immediate"}
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_the_form_offers_every_theme_and_place_as_checkboxes(client, things):
    response = client.get("/follow/")
    html = response.content.decode()
    assert response.status_code == 200
    for name in ("Healthier communities", "Safer communities", "Malvern", "Upton-upon-Severn"):
        assert name in html
    assert 'type="checkbox"' in html and 'value="malvern"' in html
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_a_follow_link_from_a_page_ticks_that_thing(client, things):
    html = client.get("/follow/?kind=place&key=malvern").content.decode()
    assert 'value="malvern" checked' in html
    assert 'value="upton" checked' not in html


def test_a_follow_link_naming_nothing_real_ticks_nothing(client, things):
    response = client.get("/follow/?kind=place&key=atlantis")
    assert response.status_code == 200
    assert "checked" not in response.content.decode().replace('value="immediate" checked', "")


def test_sending_the_form_emails_a_link_and_follows_nothing_yet(client, things):
    response = client.post("/follow/", follow_form_data(follow_place=["malvern"]))
    assert response.status_code == 302 and response["Location"] == "/follow/check-your-email/"
    assert "Check your email" in client.get(response["Location"]).content.decode()
    (message,) = mail.outbox
    assert message.to == [EMAIL]
    assert "Healthier communities" in message.body and "Malvern" in message.body
    follows = Follow.objects.filter(subscriber__email=EMAIL)
    assert follows.count() == 2 and not follows.filter(confirmed_at__isnull=False).exists()


def test_the_address_is_kept_in_one_form_whatever_its_case(client, things):
    client.post("/follow/", follow_form_data(email="  Sam@Example.ORG "))
    assert Subscriber.objects.get().email == EMAIL


def test_confirming_needs_the_button_not_just_opening_the_link(client, things):
    client.post("/follow/", follow_form_data())
    confirm_link = link_to(mail.outbox[-1], "confirm")
    page = Client().get(confirm_link)  # a mail scanner following the link
    assert page.status_code == 200 and "Healthier communities" in page.content.decode()
    assert not Follow.objects.filter(confirmed_at__isnull=False).exists()
    response = Client().post(confirm_link)
    assert response.status_code == 302 and "/follow/manage/" in response["Location"]
    follow = Follow.objects.get()
    assert follow.confirmed_at is not None and follow.subscriber.confirmed_at is not None


def test_a_broken_or_tampered_confirmation_link_confirms_nothing(client, things):
    client.post("/follow/", follow_form_data())
    confirm_link = link_to(mail.outbox[-1], "confirm")
    assert client.post(confirm_link.replace("/confirm/", "/confirm/x")).status_code == 400
    assert client.post("/follow/confirm/not-a-token/").status_code == 400
    assert not Follow.objects.filter(confirmed_at__isnull=False).exists()


def test_an_expired_confirmation_link_confirms_nothing(client, things, settings):
    import time

    client.post("/follow/", follow_form_data())
    confirm_link = link_to(mail.outbox[-1], "confirm")
    later = time.time() + (settings.FOLLOWING_CONFIRM_DAYS + 1) * 24 * 3600
    import unittest.mock

    with unittest.mock.patch("time.time", return_value=later):
        assert client.post(confirm_link).status_code == 400
    assert not Follow.objects.filter(confirmed_at__isnull=False).exists()


def test_the_answer_is_the_same_for_an_address_already_following(client, things):
    subscribed(EMAIL, ("theme", "healthier"))
    mail.outbox.clear()
    known = client.post("/follow/", follow_form_data())
    unknown = client.post("/follow/", follow_form_data(email="new@example.org"))
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    # The owner of the address hears that nothing changed, with their manage link.
    (message,) = [m for m in mail.outbox if m.to == [EMAIL]]
    assert "already" in message.subject and "/follow/manage/" in message.body


def test_a_confirmed_subscriber_adding_a_follow_confirms_it_by_email(client, things):
    subscribed(EMAIL, ("theme", "healthier"))
    mail.outbox.clear()
    client.post("/follow/", follow_form_data(follow_theme=None, follow_place=["upton"]))
    added = Follow.objects.get(key="upton")
    assert added.confirmed_at is None
    client.post(link_to(mail.outbox[-1], "confirm"))
    added.refresh_from_db()
    assert added.confirmed_at is not None


def test_someone_else_cannot_change_a_confirmed_follows_frequency_through_the_form(client, things):
    subscribed(EMAIL, ("theme", "healthier"))
    client.post("/follow/", follow_form_data(frequency="weekly"))
    assert Follow.objects.get().frequency == "immediate"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"email": ""}, "email", "Enter your email address"),
        ({"email": "not-an-address"}, "email", "Enter an email address in the correct format"),
        ({"follow_theme": None, "follow_place": None}, "follow_theme", "Choose at least one thing to follow"),
        ({"follow_theme": ["no-such-theme"]}, "follow_theme", "Select a valid choice"),
        ({"frequency": "hourly"}, "frequency", "Select a valid choice"),
    ],
)
def test_mistakes_are_listed_at_the_top_and_at_the_field_and_nothing_typed_is_lost(
    client, things, changes, field, message
):
    response = client.post("/follow/", follow_form_data(**{"follow_place": ["upton"], **changes}))
    html = response.content.decode()
    assert response.status_code == 400
    assert "govuk-error-summary" in html and message in html
    assert f'href="#id_{field}' in html
    assert ('value="upton" checked' in html) == ("follow_place" not in changes)
    if changes.get("email") != "":
        assert f'value="{changes.get("email", EMAIL)}"' in html
    assert not mail.outbox


def test_an_overlong_address_is_refused(client, things):
    response = client.post("/follow/", follow_form_data(email="a" * 250 + "@example.org"))
    assert response.status_code == 400 and not Subscriber.objects.exists()


def test_a_bot_filling_the_honeypot_subscribes_nobody(client, things):
    response = client.post("/follow/", follow_form_data(website="http://spam.example"))
    assert response.status_code == 400
    assert not Subscriber.objects.exists() and not mail.outbox


def test_a_form_sent_too_fast_subscribes_nobody(client, things, settings):
    settings.PUBLIC_FORM_MIN_SECONDS = 3
    started = client.get("/follow/").context["form"]["started"].value()
    response = client.post("/follow/", follow_form_data(started=started))
    assert response.status_code == 400 and not Subscriber.objects.exists()


def test_too_many_forms_from_one_client_are_refused_keeping_what_was_typed(client, things, settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 2
    for n in range(2):
        assert client.post("/follow/", follow_form_data(email=f"person{n}@example.org")).status_code == 302
    response = client.post("/follow/", follow_form_data(email="third@example.org"))
    assert response.status_code == 429 and "third@example.org" in response.content.decode()
    assert not Subscriber.objects.filter(email="third@example.org").exists()


def test_one_address_gets_at_most_the_daily_cap_of_confirmation_emails(client, things, settings):
    settings.PUBLIC_RECEIPTS_PER_ADDRESS_PER_DAY = 2
    settings.PUBLIC_FORM_RATE_LIMIT = 100
    for _ in range(4):
        assert client.post("/follow/", follow_form_data()).status_code == 302
    assert len(mail.outbox) == 2
