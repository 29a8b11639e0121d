"""Announcements reach the right followers once each, paced, with their own links in every email."""

from datetime import timedelta

import pytest

from following import pacing
from following.announcements import announce
from following.models import Announcement, Delivery, Follow, Subscriber
from following.sending import send_announcement_batch

from .followers import sent_to, subscribed

pytestmark = pytest.mark.django_db


def story(key="story-published:1", targets=(("place", "malvern"),), **changes):
    values = {
        "title": "A new repair café in Malvern",
        "summary": "Volunteers fixed 200 toasters.",
        "url": "/stories/repair-cafe/",
        "targets": targets,
    }
    values.update(changes)
    return announce(key, **values)


def test_an_immediate_follower_gets_an_email_with_plain_text_html_and_one_click_unsubscribe(things, mailoutbox):
    subscribed("sam@example.org", ("place", "malvern"))
    story()
    (message,) = mailoutbox
    assert message.to == ["sam@example.org"]
    assert message.subject == "A new repair café in Malvern"
    assert "Volunteers fixed 200 toasters." in message.body
    assert "http://testserver/stories/repair-cafe/" in message.body
    assert "/follow/manage/" in message.body and "/follow/unsubscribe/" in message.body
    ((html, mimetype),) = message.alternatives
    assert mimetype == "text/html" and "http://testserver/stories/repair-cafe/" in html
    assert message.extra_headers["List-Unsubscribe"].startswith("<http://testserver/follow/unsubscribe/")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in message.message().as_string()


def test_only_followers_of_the_targets_hear_of_it(things, mailoutbox):
    subscribed("malvern@example.org", ("place", "malvern"))
    subscribed("upton@example.org", ("place", "upton"))
    story()
    assert [m.to for m in mailoutbox] == [["malvern@example.org"]]


def test_an_unconfirmed_follower_hears_nothing(things, mailoutbox):
    subscriber = Subscriber.objects.create(email="waiting@example.org", language="en")
    Follow.objects.create(subscriber=subscriber, kind="place", key="malvern")
    story()
    assert not mailoutbox


def test_announcing_the_same_key_twice_sends_nothing_new(things, mailoutbox):
    subscribed("sam@example.org", ("place", "malvern"))
    first = story()
    again = story(title="Changed title")
    assert again.pk == first.pk and Announcement.objects.count() == 1
    assert len(mailoutbox) == 1


def test_someone_following_two_of_its_targets_gets_one_email(things, mailoutbox):
    subscribed("sam@example.org", ("place", "malvern"), ("theme", "healthier"))
    story(targets=[("place", "malvern"), ("theme", "healthier")])
    assert len(sent_to("sam@example.org")) == 1


def test_weekly_followers_are_not_emailed_at_once(things, mailoutbox):
    subscribed("weekly@example.org", ("place", "malvern"), frequency=Follow.Frequency.WEEKLY)
    subscribed("now@example.org", ("place", "malvern"))
    story()
    assert [m.to for m in mailoutbox] == [["now@example.org"]]


def test_an_urgent_announcement_reaches_weekly_followers_at_once(things, mailoutbox):
    subscribed("weekly@example.org", ("place", "upton"), frequency=Follow.Frequency.WEEKLY)
    story("alert:1", targets=[("place", "upton")], title="Flood warning: River Severn at Upton", urgent=True)
    (message,) = mailoutbox
    assert message.to == ["weekly@example.org"] and message.subject == "Flood warning: River Severn at Upton"


def test_each_email_is_in_the_subscribers_language(things, mailoutbox):
    subscriber = subscribed("ola@example.org", ("place", "malvern"))
    Subscriber.objects.filter(pk=subscriber.pk).update(language="pl")
    story()
    (message,) = mailoutbox
    assert "http://testserver/pl/follow/manage/" in message.body


def test_a_batch_run_twice_sends_nobody_a_second_email(things, mailoutbox):
    sam = subscribed("sam@example.org", ("place", "malvern"))
    announcement = story()
    assert len(mailoutbox) == 1
    # The worker restarted and ran the batch again.
    assert send_announcement_batch(announcement.pk, sam.pk, sam.pk, announcement.created_at.isoformat()) == 0
    assert len(mailoutbox) == 1
    assert Delivery.objects.get().state == Delivery.State.SENT


def test_a_worker_dying_after_claiming_sends_nobody_that_email_twice(things, mailoutbox, monkeypatch):
    people = [subscribed(f"person{n}@example.org", ("place", "malvern")) for n in range(3)]

    def mail_server_gone(*args, **kwargs):
        raise ConnectionError("the worker died mid-batch")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", mail_server_gone)
    story()  # the batch fails (the immediate backend records the error, as a worker's log would)
    assert not mailoutbox
    assert Delivery.objects.filter(state=Delivery.State.CLAIMED).count() == 3
    monkeypatch.undo()
    announcement = Announcement.objects.get()
    late = subscribed("late@example.org", ("place", "malvern"))
    send_announcement_batch(announcement.pk, people[0].pk, late.pk, announcement.created_at.isoformat())
    # At most once: the three claimed before the crash are not emailed again; the newcomer is.
    assert [m.to for m in mailoutbox] == [["late@example.org"]]


def test_batches_are_paced_to_the_sending_rate(things, mailoutbox, settings, clock):
    settings.FOLLOWING_BATCH_SIZE = 2
    settings.FOLLOWING_SEND_RATE = 60  # one a second
    for n in range(5):
        subscribed(f"person{n}@example.org", ("place", "malvern"))
    started = clock.now
    story()
    assert len(mailoutbox) == 5
    # Three batches (2, 2, 1): the second waits for the first's 2 seconds, the third for 4.
    assert clock.sleeps == [2.0, 2.0]
    assert (clock.now - started).total_seconds() == 4.0


def test_the_rate_is_shared_by_every_announcement(things, mailoutbox, settings, clock):
    settings.FOLLOWING_SEND_RATE = 60
    subscribed("a@example.org", ("place", "malvern"))
    subscribed("b@example.org", ("place", "upton"))
    story("one", targets=[("place", "malvern")])
    story("two", targets=[("place", "upton")])
    assert clock.sleeps == [1.0]


def test_a_queue_that_can_defer_holds_each_batch_until_its_window(
    things, mailoutbox, settings, clock, database_queue, run_worker
):
    from django_tasks_db.models import DBTaskResult

    settings.FOLLOWING_BATCH_SIZE = 1
    settings.FOLLOWING_SEND_RATE = 60
    subscribed("a@example.org", ("place", "malvern"))
    subscribed("b@example.org", ("place", "malvern"))
    story()
    run_worker()
    batches = DBTaskResult.objects.filter(task_path="following.tasks.send_announcement_batch").order_by("enqueued_at")
    assert [row.task.run_after for row in batches] == [None, clock.now + timedelta(seconds=1)]
    # The worker ran the fan-out and the first batch; the second waits for its window.
    assert [m.to for m in mailoutbox] == [["a@example.org"]]


def test_the_fan_out_and_its_batch_take_the_same_queries_for_5_or_50_followers(things, mailoutbox):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    pacing.reserve(0)  # the ledger's row exists on a running site
    counts = []
    for n in range(50):
        subscribed(f"person{n}@example.org", ("place", "malvern"))
        if n + 1 in (5, 50):
            with CaptureQueriesContext(connection) as queries:
                story(f"story:{n}")
            counts.append(len(queries))
    assert len(mailoutbox) == 5 + 50
    # Announcement, targets, one page of followers, the ledger, the batch's reads, claims and marks.
    assert counts[0] == counts[1] <= 26, counts
