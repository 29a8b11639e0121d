"""The weekly digest: what happened in what they follow, once a week, nothing when there is nothing."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

import pytest

from following.announcements import announce
from following.digests import fan_out_digests, send_digests
from following.models import Announcement, Follow

from .followers import sent_to, subscribed

pytestmark = pytest.mark.django_db
WEEKLY = Follow.Frequency.WEEKLY


def news(key, *targets, days_ago=1, **changes):
    announcement = announce(
        key,
        title=changes.get("title", f"News {key}"),
        summary="",
        url=f"/{key}/",
        targets=targets,
        **{k: v for k, v in changes.items() if k != "title"},
    )
    Announcement.objects.filter(pk=announcement.pk).update(created_at=timezone.now() - timedelta(days=days_ago))
    return announcement


def test_a_weekly_follower_gets_one_digest_of_the_weeks_news(things, mailoutbox):
    subscribed("sam@example.org", ("place", "malvern"), ("theme", "healthier"), frequency=WEEKLY)
    news("one", ("place", "malvern"))
    news("two", ("theme", "healthier"), ("place", "malvern"))
    news("elsewhere", ("place", "upton"))
    news("old", ("place", "malvern"), days_ago=9)
    assert not mailoutbox
    call_command("send_follow_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115
    (digest,) = mailoutbox
    assert digest.to == ["sam@example.org"] and "2 updates" in digest.subject
    assert "News one" in digest.body and "News two" in digest.body
    assert "News elsewhere" not in digest.body and "News old" not in digest.body
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert digest.alternatives[0][1] == "text/html"


def test_nothing_to_say_sends_nothing(things, mailoutbox):
    subscribed("sam@example.org", ("place", "malvern"), frequency=WEEKLY)
    news("elsewhere", ("place", "upton"))
    send_digests()
    assert not mailoutbox


def test_the_digest_goes_once_a_week_however_often_the_job_runs(things, mailoutbox):
    subscribed("sam@example.org", ("place", "malvern"), frequency=WEEKLY)
    news("one", ("place", "malvern"))
    now = timezone.now()
    send_digests(now)
    send_digests(now + timedelta(minutes=5))
    assert len(mailoutbox) == 1


def test_next_weeks_digest_has_only_what_is_new(things, mailoutbox):
    subscribed("sam@example.org", ("place", "malvern"), frequency=WEEKLY)
    news("one", ("place", "malvern"), days_ago=3)
    send_digests(timezone.now() - timedelta(days=1))
    news("two", ("place", "malvern"), days_ago=0)
    send_digests(timezone.now() + timedelta(days=6))
    first, second = mailoutbox
    assert "News one" in first.body and "News two" not in first.body
    assert "News two" in second.body and "News one" not in second.body


def test_what_was_already_emailed_at_once_is_not_repeated(things, mailoutbox):
    subscribed("sam@example.org", ("place", "malvern"))
    Follow.objects.create(
        subscriber=Follow.objects.get().subscriber,
        kind="theme",
        key="healthier",
        frequency=WEEKLY,
        confirmed_at=timezone.now(),
    )
    news("both", ("place", "malvern"), ("theme", "healthier"))
    assert len(mailoutbox) == 1  # at once, for the place
    send_digests()
    assert len(mailoutbox) == 1


def test_urgent_news_went_at_once_and_is_not_in_the_digest(things, mailoutbox):
    subscribed("sam@example.org", ("place", "upton"), frequency=WEEKLY)
    news("flood", ("place", "upton"), urgent=True)
    assert len(sent_to("sam@example.org")) == 1
    send_digests()
    assert len(mailoutbox) == 1


def test_only_followers_with_news_take_a_share_of_the_sending_rate(things, mailoutbox, settings):
    settings.FOLLOWING_BATCH_SIZE = 1
    subscribed("sam@example.org", ("place", "malvern"), frequency=WEEKLY)
    subscribed("alex@example.org", ("place", "upton"), frequency=WEEKLY)
    subscribed("jo@example.org", ("theme", "healthier"), frequency=WEEKLY)
    news("one", ("place", "malvern"))
    news("last-week", ("theme", "healthier"), days_ago=9)
    mailoutbox.clear()
    # One batch (one email's share of FOLLOWING_SEND_RATE), not one for each weekly follower.
    assert fan_out_digests(timezone.now().isoformat()) == 1
    assert [message.to for message in mailoutbox] == [["sam@example.org"]]
