"""The daily photo quota: per email address and per client, with a clear message and nothing typed lost."""

import datetime as dt

from django.test import override_settings

from wagtail.images import get_image_model

import pytest
import time_machine

from stories.models import StorySubmission

from .test_submission import SUBMIT_URL, story_data, upload

pytestmark = [
    pytest.mark.django_db,
    # Room for many forms from one client: the rate limit has its own tests.
    pytest.mark.usefixtures("story_index"),
]

QUOTA = override_settings(PUBLIC_UPLOAD_DAILY_LIMIT=6, PUBLIC_FORM_RATE_LIMIT=100)


def send(client, photos, email="sam@example.org", address="203.0.113.7", **overrides):
    data = story_data(
        contact_email=email,
        photos=[upload(f"p{i}.jpg") for i in range(photos)] if photos else None,
        photo_description="Volunteers at the café" if photos else "",
        people_pictured_agreed="on" if photos else None,
        **overrides,
    )
    return client.post(SUBMIT_URL, data, REMOTE_ADDR=address)


@QUOTA
def test_photos_over_the_daily_quota_are_refused_with_a_clear_message_and_the_text_kept(client):
    assert send(client, 3).status_code == 302
    assert send(client, 3).status_code == 302
    response = send(client, 1, title="Our third story", story="The mending went on all summer.")
    html = response.content.decode()
    assert response.status_code == 400
    assert "You can send up to 6 photos a day and have 0 left today." in html
    assert 'href="#id_photos"' in html  # in the error summary, linked to the field
    assert 'value="Our third story"' in html
    assert "The mending went on all summer." in html
    assert "choose your photos again" in html
    assert StorySubmission.objects.count() == 2
    assert get_image_model().objects.count() == 6


@QUOTA
def test_the_message_says_how_many_photos_are_left(client):
    assert send(client, 4).status_code == 302
    response = send(client, 3)
    assert response.status_code == 400
    assert "have 2 left today" in response.content.decode()
    assert send(client, 2).status_code == 302  # exactly up to the quota is fine


@QUOTA
def test_a_story_without_photos_still_goes_through_once_the_quota_is_used(client):
    assert send(client, 5).status_code == 302
    assert send(client, 2).status_code == 400
    assert send(client, 0).status_code == 302
    assert StorySubmission.objects.count() == 2


@QUOTA
def test_new_email_addresses_from_the_same_client_share_its_quota(client):
    assert send(client, 5, email="one@example.org").status_code == 302
    assert send(client, 2, email="two@example.org").status_code == 400
    # Another client with a fresh address is not affected.
    assert send(client, 5, email="three@example.org", address="198.51.100.4").status_code == 302


@QUOTA
def test_one_email_address_from_several_clients_shares_its_quota(client):
    assert send(client, 5, address="203.0.113.7").status_code == 302
    assert send(client, 2, address="198.51.100.4").status_code == 400
    assert send(client, 2, email="SAM@example.org", address="192.0.2.9").status_code == 400


@QUOTA
def test_a_forged_forwarded_for_header_does_not_reset_the_quota(client):
    assert send(client, 5).status_code == 302
    response = send(client, 2, email="new@example.org", HTTP_X_FORWARDED_FOR="192.0.2.50")
    assert response.status_code == 400


@QUOTA
def test_a_double_submit_counts_its_photos_once(client):
    data = story_data(
        photos=[upload(f"p{i}.jpg") for i in range(3)], photo_description="x", people_pictured_agreed="on"
    )
    first = client.post(SUBMIT_URL, data)
    data["photos"] = [upload(f"p{i}.jpg") for i in range(3)]
    second = client.post(SUBMIT_URL, data)
    assert first.status_code == second.status_code == 302
    assert StorySubmission.objects.count() == 1
    assert send(client, 3).status_code == 302


@QUOTA
def test_the_quota_starts_again_the_next_day(client):
    with time_machine.travel(dt.datetime(2026, 6, 1, 10, 0, tzinfo=dt.UTC), tick=False):
        assert send(client, 5).status_code == 302
        assert send(client, 2).status_code == 400
    with time_machine.travel(dt.datetime(2026, 6, 2, 9, 0, tzinfo=dt.UTC), tick=False):
        assert send(client, 1).status_code == 302
