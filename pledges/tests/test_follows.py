"""A pledge's followers hear when its status changes, not when it is merely republished."""

import datetime

from django.core import mail

import pytest

from following.tests.followers import sent_to, subscribed
from pledges.factories import ThemeFactory, add_update, make_pledge
from pledges.models import PledgeIndexPage
from pledges.status import Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def pledge(home):
    index = PledgeIndexPage(title="Our pledges", slug="pledges")
    home.add_child(instance=index)
    index.save_revision().publish()
    theme = ThemeFactory(slug="healthier")
    return make_pledge(
        index, theme, [(datetime.date(2026, 1, 10), Status.ON_TRACK)], title="More warm spaces", publish=True
    )


def test_followers_of_a_pledge_hear_its_status_change_once(pledge):
    subscribed("pledge@example.org", ("pledge", str(pledge.translation_key)))
    subscribed("theme@example.org", ("theme", "healthier"))
    subscribed("other@example.org", ("pledge", "00000000-0000-0000-0000-000000000000"))
    mail.outbox.clear()

    same = add_update(pledge, datetime.date(2026, 3, 1), Status.ON_TRACK, "Two more halls open.")
    assert mail.outbox == []  # still on track: not news
    changed = add_update(same, datetime.date(2026, 6, 1), Status.DELAYED, "The builder went bust.")
    changed.save_revision().publish()  # published again: the same change

    (email,) = sent_to("pledge@example.org")
    assert "More warm spaces" in email.subject
    assert "On track" in email.body and "Delayed" in email.body and "The builder went bust." in email.body
    assert len(sent_to("theme@example.org")) == 1
    assert sent_to("other@example.org") == []


def test_the_pledge_page_offers_to_follow_it(client, pledge):
    page = client.get(pledge.url).content.decode()
    assert f"/follow/?kind=pledge&amp;key={pledge.translation_key}" in page
