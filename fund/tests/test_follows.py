"""The fund's followers hear a round open and its vote's results, each once."""

from datetime import timedelta

from django.core import mail
from django.utils import timezone

import pytest

from following.due import announce_due
from following.tests.followers import sent_to, subscribed
from fund.factories import publish_fund_round

pytestmark = pytest.mark.django_db


def test_a_round_opening_and_its_vote_closing_reach_its_followers(home):
    subscribed("fund@example.org", ("fund-round", "all"))
    now = timezone.now()
    round_page = publish_fund_round(
        home,
        title="Spring 2027",
        opens_at=now + timedelta(days=1),
        closes_at=now + timedelta(days=20),
        voting_opens_at=now + timedelta(days=25),
        voting_closes_at=now + timedelta(days=35),
        decisions_on=now + timedelta(days=40),
    )
    subscribed("round@example.org", ("fund-round", str(round_page.translation_key)))
    mail.outbox.clear()

    announce_due(now + timedelta(days=1, minutes=1))
    announce_due(now + timedelta(days=1, minutes=6))
    assert ["Spring 2027" in m.subject for m in sent_to("fund@example.org")] == [True]
    assert len(sent_to("round@example.org")) == 1

    announce_due(now + timedelta(days=35, minutes=1))
    results = [m for m in sent_to("round@example.org") if "vote" in m.subject]
    assert len(results) == 1
    assert len(sent_to("fund@example.org")) == 1  # results go to the round's followers, not every round's


def test_the_round_page_offers_to_follow_it(client, home):
    round_page = publish_fund_round(home)
    assert f"kind=fund-round&amp;key={round_page.translation_key}" in client.get(round_page.url).content.decode()
