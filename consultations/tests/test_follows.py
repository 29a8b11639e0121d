"""A consultation's followers hear it open, close soon and publish its outcome, each once."""

from datetime import timedelta

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import pytest

from consultations.factories import ConsultationIndexPageFactory, ConsultationPageFactory
from following.due import announce_due
from following.tests.followers import sent_to, subscribed

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home):
    page = ConsultationIndexPageFactory(parent=home)
    page.save_revision().publish()
    return page


def consultation(index, **fields):
    page = ConsultationPageFactory(parent=index, **fields)
    page.save_revision().publish()
    return page


def test_an_opening_reaches_followers_of_every_consultation_when_its_time_comes(index):
    subscribed("all@example.org", ("consultation", "all"))
    now = timezone.now()
    page = consultation(
        index, title="Play parks", opens_at=now + timedelta(hours=1), closes_at=now + timedelta(days=30)
    )
    mail.outbox.clear()

    call_command("announce_due")
    assert sent_to("all@example.org") == []  # not open yet

    announce_due(now + timedelta(hours=2))
    announce_due(now + timedelta(hours=3))  # cron again: nothing new
    (email,) = sent_to("all@example.org")
    assert "Play parks" in email.subject
    assert page.url in email.body or "play-parks" in email.body


def test_followers_of_one_consultation_hear_it_close_soon_and_its_outcome(index):
    now = timezone.now()
    page = consultation(
        index, title="Bus shelters", opens_at=now - timedelta(days=20), closes_at=now + timedelta(days=10)
    )
    subscribed("this@example.org", ("consultation", str(page.translation_key)))
    mail.outbox.clear()

    announce_due(now)
    assert sent_to("this@example.org") == []  # ten days to go: not yet "soon"
    announce_due(now + timedelta(days=4))
    assert [("Closing soon" in m.subject) for m in sent_to("this@example.org")] == [True]

    page.outcome_published_at = now + timedelta(days=12)
    page.what_we_heard = "<p>Shelters need seats.</p>"
    page.save_revision().publish()
    announce_due(now + timedelta(days=12, minutes=5))
    subjects = [m.subject for m in sent_to("this@example.org")]
    assert len(subjects) == 2 and "What we heard" in subjects[1]


def test_an_old_consultation_is_not_news(index):
    subscribed("all@example.org", ("consultation", "all"))
    now = timezone.now()
    consultation(index, opens_at=now - timedelta(days=90), closes_at=now - timedelta(days=60))
    mail.outbox.clear()
    call_command("announce_due")
    assert mail.outbox == []


def test_publishing_a_consultation_already_open_announces_it_at_once(index):
    subscribed("all@example.org", ("consultation", "all"))
    mail.outbox.clear()
    consultation(index, title="Library hours", opens_at=timezone.now() - timedelta(minutes=5))
    assert ["Library hours" in m.subject for m in sent_to("all@example.org")] == [True]


def test_the_consultation_page_offers_to_follow_it(client, index):
    page = consultation(index)
    assert f"kind=consultation&amp;key={page.translation_key}" in client.get(page.url).content.decode()
