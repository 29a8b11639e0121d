"""Registering interest: the group gets the message without the resident's address, replies on the
site, and the resident gets the reply with the group's address to write back to."""

import datetime
import re

from django.core import mail
from django.utils import timezone

import pytest

from volunteering.models import InterestRecord, OpportunityPage
from volunteering.relay import REPLY_LINK

from .conftest import GROUP_EMAIL

pytestmark = pytest.mark.django_db

RESIDENT = "alex.resident@example.org"


def interest(**changes):
    data = {
        "name": "Alex Resident",
        "email": RESIDENT,
        "phone": "",
        "message": "I could help on Saturday mornings.",
        "website": "",
    }
    data.update(changes)
    return data


def relayed():
    return [message for message in mail.outbox if message.to == [GROUP_EMAIL]]


def to_resident():
    return [message for message in mail.outbox if message.to == [RESIDENT]]


def reply_path(message):
    return re.search(r"https?://[^/\s]+(/volunteering/reply/\S+/)", message.body).group(1)


def test_the_page_has_the_interest_form(client, opportunity):
    content = client.get(opportunity.url).content.decode()
    assert 'class="interest-form"' in content
    assert 'name="website"' in content  # the honeypot
    assert "We do not give them your email address" in content


def test_a_mistake_shows_an_error_summary_and_keeps_what_was_typed(client, opportunity):
    response = client.post(opportunity.url, interest(email="not-an-address"))
    assert response.status_code == 400
    content = response.content.decode()
    assert 'class="govuk-error-summary"' in content
    assert 'href="#id_email"' in content
    assert "I could help on Saturday mornings." in content
    assert 'value="Alex Resident"' in content
    assert not InterestRecord.objects.exists()
    assert not mail.outbox


def test_an_empty_message_is_refused_with_a_clear_message(client, opportunity):
    response = client.post(opportunity.url, interest(message="   "))
    assert response.status_code == 400
    assert "Write a message to the group." in response.content.decode()


def test_a_message_over_the_limit_is_refused(client, opportunity):
    response = client.post(opportunity.url, interest(message="x" * 2001))
    assert response.status_code == 400
    assert not InterestRecord.objects.exists()


def test_a_phone_number_with_letters_is_refused(client, opportunity):
    response = client.post(opportunity.url, interest(phone="call me maybe"))
    assert response.status_code == 400
    assert "only digits" in response.content.decode()


def test_the_honeypot_refuses_a_bot(client, opportunity):
    response = client.post(opportunity.url, interest(website="https://spam.example"))
    assert response.status_code == 400
    assert not InterestRecord.objects.exists()


def test_too_many_submissions_from_one_client_are_refused(client, opportunity, settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 2
    for number in range(2):
        assert client.post(opportunity.url, interest(email=f"r{number}@example.org")).status_code == 302
    response = client.post(opportunity.url, interest(email="r3@example.org"))
    assert response.status_code == 429
    assert InterestRecord.objects.count() == 2


def test_registering_interest_relays_the_message_without_the_residents_address(client, opportunity):
    response = client.post(opportunity.url, interest(phone="01684 123456"))
    assert response.status_code == 302
    assert response.url == opportunity.url + "thank-you/"
    record = InterestRecord.objects.get()
    assert record.email == RESIDENT and record.opportunity_id == opportunity.pk

    [message] = relayed()
    assert "Alex" in message.subject and "Foodbank helper" in message.subject
    assert "I could help on Saturday mornings." in message.body
    assert "01684 123456" in message.body
    everything = message.subject + message.body + str(message.reply_to) + str(message.extra_headers)
    assert RESIDENT not in everything
    assert "Resident" not in message.body  # the first name only
    assert "/volunteering/reply/" in message.body


def test_the_resident_gets_a_receipt_that_explains_who_sees_which_address(client, opportunity):
    client.post(opportunity.url, interest())
    [receipt] = to_resident()
    assert "not given them your email address" in receipt.body
    assert "They will see your email address only if you answer" in receipt.body
    assert GROUP_EMAIL not in receipt.body + str(receipt.reply_to)


def test_the_thank_you_page_is_private_and_says_what_happens(client, opportunity):
    client.post(opportunity.url, interest())
    response = client.get(opportunity.url + "thank-you/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "without your email address" in response.content.decode()


def test_a_double_submit_stores_and_relays_once(client, opportunity):
    data = interest(form_token="2b0e3bda-4b5e-4cc0-9d1b-3e6a3c1b1e11")
    client.post(opportunity.url, data)
    client.post(opportunity.url, data)
    assert InterestRecord.objects.count() == 1
    assert len(relayed()) == 1


def test_the_group_replies_on_the_site_and_the_resident_gets_it_with_the_groups_address(client, opportunity):
    client.post(opportunity.url, interest())
    path = reply_path(relayed()[0])

    form = client.get(path)
    assert form.status_code == 200
    assert "no-store" in form["Cache-Control"]
    content = form.content.decode()
    assert "I could help on Saturday mornings." in content
    assert RESIDENT not in content

    mail.outbox.clear()
    response = client.post(path, {"reply": "Lovely! Come on Saturday at 9."})
    assert response.status_code == 200
    assert "Reply sent" in response.content.decode()

    [reply] = to_resident()
    assert "Lovely! Come on Saturday at 9." in reply.body
    assert reply.reply_to == [GROUP_EMAIL]
    assert GROUP_EMAIL not in reply.body  # in the Reply-To header only
    record = InterestRecord.objects.get()
    assert record.replied_at is not None


def test_an_empty_reply_is_refused_and_sends_nothing(client, opportunity):
    client.post(opportunity.url, interest())
    path = reply_path(relayed()[0])
    mail.outbox.clear()
    response = client.post(path, {"reply": ""})
    assert response.status_code == 400
    assert "Write your reply." in response.content.decode()
    assert not mail.outbox


def test_a_record_takes_one_reply(client, opportunity):
    client.post(opportunity.url, interest())
    path = reply_path(relayed()[0])
    client.post(path, {"reply": "First answer"})
    mail.outbox.clear()
    response = client.post(path, {"reply": "Second answer"})
    assert "You have already replied" in response.content.decode()
    assert not mail.outbox
    assert InterestRecord.objects.get().reply == "First answer"


def test_a_forged_or_expired_reply_link_does_not_work(client, opportunity, settings):
    client.post(opportunity.url, interest())
    record = InterestRecord.objects.get()
    assert client.get(f"/volunteering/reply/{record.pk}-forged/").status_code == 400
    token = REPLY_LINK.make({"interest": record.pk})
    # A link of another purpose never reads as a reply link.
    from stories.group_access import LINK as STORIES_LINK

    assert client.get(f"/volunteering/reply/{STORIES_LINK.make({'interest': record.pk})}/").status_code == 400
    assert client.get(f"/volunteering/reply/{token}/").status_code == 200


def test_a_reply_link_to_a_deleted_record_does_not_work(client, opportunity):
    client.post(opportunity.url, interest())
    path = reply_path(relayed()[0])
    InterestRecord.objects.all().delete()
    assert client.get(path).status_code == 400


def test_a_closed_opportunity_takes_no_interest(client, opportunity):
    OpportunityPage.objects.filter(pk=opportunity.pk).update(expire_at=timezone.now() - datetime.timedelta(hours=1))
    content = client.get(opportunity.url).content.decode()
    assert "This opportunity has closed." in content
    assert 'class="interest-form"' not in content
    assert client.post(opportunity.url, interest()).status_code == 410
    assert not InterestRecord.objects.exists()


def test_an_opportunity_without_a_group_address_shows_no_form(client, index):
    from volunteering.factories import OpportunityPageFactory

    page = OpportunityPageFactory(parent=index, title="Staff-written")
    page.save_revision().publish()
    content = client.get(page.url).content.decode()
    assert 'class="interest-form"' not in content
    assert client.post(page.url, interest()).status_code == 410


def test_the_relay_sends_nothing_for_a_record_erased_meanwhile(opportunity, database_queue, run_worker):
    from volunteering.relay import register_interest

    register_interest(opportunity, {**interest(), "form_token": "7a5e9c2e-0000-4000-8000-000000000001"})
    InterestRecord.objects.all().delete()
    mail.outbox.clear()
    run_worker()
    assert not relayed()


def test_the_relay_is_sent_once_if_the_task_runs_twice(opportunity):
    from django.utils import translation

    from volunteering.relay import register_interest
    from volunteering.tasks import relay_interest

    record, _ = register_interest(opportunity, {**interest(), "form_token": "7a5e9c2e-0000-4000-8000-000000000002"})
    relay_interest.call(record.pk, translation.get_language())
    assert len(relayed()) == 1
