"""The whole resident journey: comment, confirm, moderate, publish, report, reply, outcome, email."""

import re
from datetime import timedelta

from django.core import mail
from django.test import override_settings
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest
import time_machine

from consultations.factories import CommentFactory
from consultations.models import Comment
from consultations.outcomes import send_outcome_emails


def send_comment(client, consultation, text="Please keep the library open on Saturdays.", email="ana@example.org"):
    response = client.post(
        consultation.url + "comment/",
        {"display_name": "Ana", "email": email, "text": text, "privacy_agreed": "on", "notify_outcome": "on"},
    )
    assert response.status_code == 302
    return Comment.objects.get(text=text)


def confirmation_link(message):
    return re.search(r"http://testserver(/consultations/confirm/[^/]+/)", message.body).group(1)


def bulk_url(action, *comments, **params):
    ids = "&".join(f"id={c.pk}" for c in comments)
    return f"/admin/bulk/consultations/comment/{action}/?{ids}"


def test_pre_moderated_comment_is_published_after_confirmation_and_approval(client, consultation, moderator):
    comment = send_comment(client, consultation)
    link = confirmation_link(mail.outbox[0])

    # The link in the email shows a confirm button; fetching it alone confirms nothing.
    page = client.get(link)
    assert "Yes, confirm my comment" in page.content.decode()
    comment.refresh_from_db()
    assert comment.confirmed_at is None

    response = client.post(link)
    assert "A moderator will read it before it appears" in response.content.decode()
    comment.refresh_from_db()
    assert comment.confirmed_at is not None
    assert comment.moderation_state == Comment.ModerationState.PENDING
    assert "Please keep the library open" not in client.get(consultation.url).content.decode()
    assert any("waits for moderation" in m.subject for m in mail.outbox)

    # The moderator finds it in the queue and approves it with a bulk action.
    client.force_login(moderator)
    queue = client.get("/admin/snippets/consultations/comment/?moderation_state=pending")
    assert queue.status_code == 200
    assert "ana@example.org" in queue.content.decode()  # moderators see emails
    confirm_page = client.get(bulk_url("approve", comment))
    assert confirm_page.status_code == 200
    response = client.post(bulk_url("approve", comment) + "&next=/admin/")
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.moderation_state == Comment.ModerationState.APPROVED
    entry = ModelLogEntry.objects.for_instance(comment).get(action="consultations.comment.approve")
    assert entry.user == moderator
    assert entry.timestamp is not None

    client.logout()
    assert "Please keep the library open" in client.get(consultation.url).content.decode()


def test_post_moderated_comment_is_published_as_soon_as_it_is_confirmed(client, consultation):
    consultation.moderation_mode = "post"
    consultation.save_revision().publish()
    comment = send_comment(client, consultation)
    response = client.post(confirmation_link(mail.outbox[0]))
    assert "Your comment is now published" in response.content.decode()
    assert comment.text in client.get(consultation.url).content.decode()
    # Confirming again changes nothing and still says it is confirmed.
    assert client.post(confirmation_link(mail.outbox[0])).status_code == 200
    assert Comment.objects.get().confirmed_at is not None


def test_unknown_confirmation_link_is_not_found(client, db):
    assert client.get("/consultations/confirm/not-a-token/").status_code == 404


def test_moderator_rejects_with_a_house_rule_and_it_is_logged(client, consultation, moderator):
    comment = CommentFactory(consultation=consultation, moderation_state="pending", text="Buy my widgets")
    client.force_login(moderator)
    response = client.post(bulk_url("reject", comment) + "&next=/admin/", {"reason": "advertising"})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.moderation_state == Comment.ModerationState.REJECTED
    assert comment.rejection_reason == "advertising"
    entry = ModelLogEntry.objects.for_instance(comment).get(action="consultations.comment.reject")
    assert entry.user == moderator
    assert entry.data == {"reason": "advertising"}
    client.logout()
    assert "Buy my widgets" not in client.get(consultation.url).content.decode()


def test_reject_needs_a_reason(client, consultation, moderator):
    comment = CommentFactory(consultation=consultation, moderation_state="pending")
    client.force_login(moderator)
    response = client.post(bulk_url("reject", comment), {"reason": ""})
    assert response.status_code == 200
    comment.refresh_from_db()
    assert comment.moderation_state == Comment.ModerationState.PENDING


def test_queue_filters_by_state_consultation_and_reports(client, consultation, moderator):
    pending = CommentFactory(consultation=consultation, moderation_state="pending", text="Pending one")
    reported = CommentFactory(consultation=consultation, report_count=2, text="Reported one")
    CommentFactory(consultation=consultation, moderation_state="rejected", text="Rejected one")
    client.force_login(moderator)
    content = client.get("/admin/snippets/consultations/comment/?moderation_state=pending").content.decode()
    assert pending.text in content and "Rejected one" not in content
    content = client.get("/admin/snippets/consultations/comment/?reported=true").content.decode()
    assert reported.text in content and "Pending one" not in content
    content = client.get(f"/admin/snippets/consultations/comment/?consultation={consultation.pk}").content.decode()
    assert "Rejected one" in content


def test_three_different_people_reporting_hide_a_comment_until_review(client, consultation, moderator):
    comment = CommentFactory(consultation=consultation, text="A rude remark")
    url = consultation.url + f"comments/{comment.pk}/report/"
    assert "Report this comment" in client.get(url).content.decode()
    for address in ("10.0.0.1", "10.0.0.1", "10.0.0.2"):
        client.post(url, REMOTE_ADDR=address)
    comment.refresh_from_db()
    assert comment.report_count == 2  # the same person twice counts once
    assert "A rude remark" in client.get(consultation.url).content.decode()

    client.post(url, REMOTE_ADDR="10.0.0.3")
    comment.refresh_from_db()
    assert comment.moderation_state == Comment.ModerationState.PENDING
    assert "A rude remark" not in client.get(consultation.url).content.decode()
    assert ModelLogEntry.objects.for_instance(comment).filter(action="consultations.comment.auto_hide").exists()
    assert any("reported comment is hidden" in m.subject for m in mail.outbox)
    # No address is stored, only a keyed hash.
    assert not comment.reports.filter(reporter_hash__contains="10.0.0").exists()

    # The moderator reviews it and puts it back; the reports are cleared.
    client.force_login(moderator)
    client.post(bulk_url("approve", comment) + "&next=/admin/")
    comment.refresh_from_db()
    assert comment.is_published and comment.report_count == 0


def test_only_published_comments_can_be_reported(client, consultation):
    comment = CommentFactory(consultation=consultation, moderation_state="pending")
    assert client.post(consultation.url + f"comments/{comment.pk}/report/").status_code == 404


def test_staff_reply_is_shown_as_the_councils(client, consultation, moderator):
    comment = CommentFactory(consultation=consultation, text="When will the bins be fixed?")
    client.force_login(moderator)
    edit_url = f"/admin/snippets/consultations/comment/edit/{comment.pk}/"
    response = client.post(
        edit_url,
        {
            "moderation_state": "approved",
            "rejection_reason": "",
            "council_reply": "New bins arrive in May.",
            "outcome": "",
            "outcome_reason": "",
            "outcome_pledge": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    comment.refresh_from_db()
    assert comment.council_reply_by == moderator
    assert (
        ModelLogEntry.objects.for_instance(comment)
        .filter(action="consultations.comment.reply", user=moderator)
        .exists()
    )
    client.logout()
    content = client.get(consultation.url).content.decode()
    assert "Reply from the council" in content
    assert "New bins arrive in May." in content


@pytest.fixture
def closed_with_comments(consultation):
    consultation.opens_at = timezone.now() - timedelta(days=60)
    consultation.closes_at = timezone.now() - timedelta(days=30)
    consultation.save_revision().publish()
    adopted = CommentFactory(
        consultation=consultation, text="Open the toilets", notify_outcome=True, email="a@example.org"
    )
    declined = CommentFactory(
        consultation=consultation, text="Build a stadium", notify_outcome=True, email="b@example.org"
    )
    silent = CommentFactory(consultation=consultation, text="More trees", notify_outcome=False, email="c@example.org")
    return consultation, adopted, declined, silent


def test_outcomes_set_in_bulk_show_under_each_comment_and_each_opted_in_commenter_is_emailed_once(
    client, closed_with_comments, moderator
):
    consultation, adopted, declined, silent = closed_with_comments
    client.force_login(moderator)
    client.post(
        bulk_url("set_outcome", adopted, silent) + "&next=/admin/",
        {"outcome": "adopted", "outcome_reason": "Funded in the parks budget"},
    )
    client.post(
        bulk_url("set_outcome", declined) + "&next=/admin/",
        {"outcome": "out_of_scope", "outcome_reason": "Not something the district council does"},
    )
    adopted.refresh_from_db()
    assert adopted.outcome == "adopted"
    assert (
        ModelLogEntry.objects.for_instance(adopted)
        .filter(action="consultations.comment.outcome", user=moderator)
        .exists()
    )
    client.logout()

    # Before the outcome is published nothing is shown and nobody is emailed.
    mail.outbox.clear()
    assert send_outcome_emails() == 0
    assert "Funded in the parks budget" not in client.get(consultation.url).content.decode()

    consultation.outcome_published_at = timezone.now()
    consultation.decisions = "<p>We will open the park toilets all year.</p>"
    consultation.save_revision().publish()  # the publish hook sends the emails
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]
    to_a = next(m for m in mail.outbox if m.to == ["a@example.org"])
    assert "Open the toilets" in to_a.body and "Adopted" in to_a.body and "Funded in the parks budget" in to_a.body
    assert "Build a stadium" not in to_a.body

    # Idempotent: running again sends nothing.
    assert send_outcome_emails() == 0
    assert len(mail.outbox) == 2

    content = client.get(consultation.url).content.decode()
    assert "Funded in the parks budget" in content
    assert "Out of scope" in content
    assert "We will open the park toilets all year." in content
    assert re.search(
        r'key-facts__figure">2</span> <span class="key-facts__description">comments led to a change', content
    )


def test_outcome_published_later_is_emailed_by_the_daily_command(client, closed_with_comments):
    from django.core.management import call_command

    consultation, adopted, _declined, _silent = closed_with_comments
    Comment.objects.filter(pk=adopted.pk).update(outcome="partly", outcome_reason="Weekends only")
    consultation.outcome_published_at = timezone.now() + timedelta(days=2)
    consultation.save_revision().publish()
    assert mail.outbox == []
    with time_machine.travel(timezone.now() + timedelta(days=3)):
        call_command("send_outcome_emails")
        call_command("send_outcome_emails")
    assert [m.to for m in mail.outbox] == [["a@example.org"]]


def test_outcome_links_to_the_pledge_it_led_to(client, closed_with_comments, moderator):
    from wagtail.models import Locale

    from pledges.models import PledgeIndexPage, PledgePage
    from strategy.models import Theme

    consultation, adopted, _declined, _silent = closed_with_comments
    home = consultation.get_parent().get_parent()
    pledges = PledgeIndexPage(title="Pledges", slug="pledges")
    home.add_child(instance=pledges)
    theme = Theme.objects.create(
        name="Healthier", short_name="Healthier", slug="healthier", locale=Locale.get_default()
    )
    pledge = PledgePage(
        title="Open park toilets all year", slug="toilets", commitment="We will.", theme=theme, lead="Parks"
    )
    pledges.add_child(instance=pledge)
    pledge.save_revision().publish()

    client.force_login(moderator)
    client.post(
        bulk_url("set_outcome", adopted) + "&next=/admin/",
        {"outcome": "adopted", "outcome_reason": "Funded", "pledge": pledge.pk},
    )
    adopted.refresh_from_db()
    assert adopted.outcome_pledge_id == pledge.pk
    consultation.outcome_published_at = timezone.now()
    consultation.save_revision().publish()
    client.logout()
    content = client.get(consultation.url).content.decode()
    assert f'It led to: <a class="govuk-link" href="{pledge.url}">Open park toilets all year</a>' in content
    to_a = next(m for m in mail.outbox if m.to == ["a@example.org"])
    assert "http://testserver/pledges/toilets/" in to_a.body


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_three_people_behind_the_proxy_reporting_hide_a_comment(client, consultation):
    comment = CommentFactory(consultation=consultation, text="A rude remark")
    url = consultation.url + f"comments/{comment.pk}/report/"
    for visitor in ("203.0.113.1", "203.0.113.2", "203.0.113.3"):
        client.post(url, REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR=visitor)
    comment.refresh_from_db()
    assert comment.report_count == 3
    assert comment.moderation_state == Comment.ModerationState.PENDING
