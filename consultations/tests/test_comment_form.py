"""Residents' comments: the form, its refusals, and what is kept when it refuses."""

from datetime import timedelta

from django.core import mail
from django.test import override_settings
from django.utils import timezone

import pytest
import time_machine

from consultations.factories import ConsultationQuestionFactory
from consultations.models import Answer, Comment, ConsultationQuestion


def valid_data(**overrides):
    data = {
        "display_name": "Sam",
        "email": "sam@example.org",
        "postcode": "wr14 3af",
        "text": "More benches along the river, please.",
        "privacy_agreed": "on",
        "notify_outcome": "on",
    }
    data.update(overrides)
    return data


def comment_url(consultation):
    return consultation.url + "comment/"


@pytest.fixture
def questions(consultation):
    single = ConsultationQuestionFactory(
        page=consultation, question="How often do you visit a park?", kind="single", choices="Daily\nWeekly\nRarely"
    )
    multiple = ConsultationQuestionFactory(
        page=consultation, question="What do you value?", kind="multiple", choices="Trees\nPlay areas\nQuiet"
    )
    text = ConsultationQuestionFactory(page=consultation, question="What would make it better?", kind="text")
    return single, multiple, text


def test_open_consultation_shows_the_form_with_a_privacy_link(client, consultation, strategy_like_privacy_page):
    content = client.get(consultation.url).content.decode()
    assert 'action="/consultations/parks/comment/"' in content
    assert 'href="/privacy/"' in content
    assert "Agree" not in content or "privacy notice" in content


def test_valid_comment_is_stored_with_answers_and_a_confirmation_email_is_sent(client, consultation, questions):
    single, multiple, text = questions
    data = valid_data(
        **{
            f"question_{single.pk}": "Weekly",
            f"question_{multiple.pk}": ["Trees", "Quiet"],
            f"question_{text.pk}": "Toilets that are open.",
        }
    )
    response = client.post(comment_url(consultation), data)
    assert response.status_code == 302
    assert response["Location"] == "/consultations/parks/comment/sent/"
    comment = Comment.objects.get()
    assert comment.postcode == "WR14 3AF"
    assert comment.notify_outcome is True
    assert comment.confirmed_at is None
    assert sorted(Answer.objects.values_list("value", flat=True)) == [
        "Quiet",
        "Toilets that are open.",
        "Trees",
        "Weekly",
    ]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["sam@example.org"]
    assert f"/consultations/confirm/{comment.confirmation_token}/" in mail.outbox[0].body
    # Not published before confirmation.
    assert "More benches" not in client.get(consultation.url).content.decode()


def test_double_submitted_comment_is_stored_once(client, consultation):
    data = valid_data(form_token="8d0a0c43-3f0e-4df7-9d77-2f0c5a0b7f11")
    client.post(comment_url(consultation), data)
    client.post(comment_url(consultation), data)
    assert Comment.objects.count() == 1
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("text", "", "Enter your comment"),
        ("text", "x" * 3001, "Ensure this value has at most 3000 characters"),
        ("display_name", "", "Enter the name to show with your comment"),
        ("display_name", "n" * 81, "Ensure this value has at most 80 characters"),
        ("email", "", "Enter your email address"),
        ("email", "not-an-email", "Enter an email address in the correct format"),
        ("email", "a@b", "Enter an email address in the correct format"),
        ("postcode", "ZZZ 999", "Enter a real postcode"),
        ("privacy_agreed", "", "Agree to the privacy notice"),
        ("text", "Look <script>alert(1)</script>", "Remove the HTML or code"),
        ("text", "A <b>bold</b> claim", "Remove the HTML or code"),
        ("text", "click javascript:alert(1)", "Remove the HTML or code"),
        ("text", "<!-- hidden -->", "Remove the HTML or code"),
        ("text", '<a href="http://x.example">x</a>', "Remove the HTML or code"),
        ("display_name", "<img src=x onerror=alert(1)>", "Remove the HTML or code"),
        ("text", "<svg/onload=alert(1)>", "Remove the HTML or code"),
        ("text", "See https://a.example www.b.example http://c.example", "no more than 2 web addresses"),
    ],
)
def test_bad_input_gets_a_clear_error_and_keeps_what_was_typed(client, consultation, field, value, message):
    data = valid_data(**{field: value})
    response = client.post(comment_url(consultation), data)
    content = response.content.decode()
    assert response.status_code == 400
    assert Comment.objects.count() == 0
    assert "There is a problem" in content
    assert message in content
    # The error is linked from the summary and shown at the field.
    assert f'href="#id_{field}"' in content
    assert f'id="id_{field}-error"' in content
    # What was typed elsewhere is kept.
    if field != "text":
        assert "More benches along the river, please." in content
    if field != "email":
        assert 'value="sam@example.org"' in content


def test_script_in_a_refused_comment_is_shown_back_as_text_not_run(client, consultation):
    response = client.post(comment_url(consultation), valid_data(text="<script>alert(1)</script>"))
    content = response.content.decode()
    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content


def test_comparisons_and_ampersands_are_plain_text_shown_as_typed(client, consultation):
    response = client.post(comment_url(consultation), valid_data(text="Buses & trains: 2 < 3 and 5 > 4"))
    assert response.status_code == 302
    comment = Comment.objects.get()
    comment.confirmed_at = timezone.now()
    comment.moderation_state = Comment.ModerationState.APPROVED
    comment.save()
    assert "Buses &amp; trains: 2 &lt; 3 and 5 &gt; 4" in client.get(consultation.url).content.decode()


def test_two_links_are_allowed(client, consultation):
    response = client.post(comment_url(consultation), valid_data(text="See https://a.example and www.b.example"))
    assert response.status_code == 302


def test_required_choice_question_must_be_answered(client, consultation):
    question = ConsultationQuestionFactory(
        page=consultation, question="Pick one", kind=ConsultationQuestion.Kind.SINGLE, choices="A\nB", required=True
    )
    response = client.post(comment_url(consultation), valid_data())
    assert response.status_code == 400
    assert f'id="id_question_{question.pk}-error"' in response.content.decode()
    response = client.post(comment_url(consultation), valid_data(**{f"question_{question.pk}": "C"}))
    assert "Select a valid choice" in response.content.decode()


def test_filled_honeypot_is_refused_and_keeps_the_text(client, consultation):
    response = client.post(comment_url(consultation), valid_data(website="http://spam.example"))
    content = response.content.decode()
    assert response.status_code == 400
    assert "Your submission could not be accepted" in content
    assert "More benches along the river, please." in content
    assert Comment.objects.count() == 0


@override_settings(PUBLIC_FORM_MIN_SECONDS=30)
def test_form_sent_faster_than_a_person_could_is_refused(client, consultation):
    page = client.get(consultation.url).content.decode()
    started = page.split('name="started" value="', 1)[1].split('"', 1)[0]
    response = client.post(comment_url(consultation), valid_data(started=started))
    assert response.status_code == 400
    assert "Your submission could not be accepted" in response.content.decode()


@override_settings(PUBLIC_FORM_MIN_SECONDS=3)
def test_a_comment_without_a_start_time_is_refused_kindly_and_can_be_sent_again(client, consultation):
    # A bot that drops the hidden field must not skip the minimum fill time.
    response = client.post(comment_url(consultation), valid_data(text="Words typed with care"))
    content = response.content.decode()
    assert response.status_code == 400
    assert "Everything you typed is still here" in content
    assert "Words typed with care" in content
    assert Comment.objects.count() == 0

    started = content.split('name="started" value="', 1)[1].split('"', 1)[0]
    with time_machine.travel(timezone.now() + timedelta(seconds=10)):
        again = client.post(comment_url(consultation), valid_data(text="Words typed with care", started=started))
    assert again.status_code == 302
    assert Comment.objects.get().text == "Words typed with care"


@override_settings(PUBLIC_FORM_RATE_LIMIT=2)
def test_too_many_comments_from_one_client_are_refused_with_the_text_shown_back(client, consultation):
    for _ in range(2):
        assert client.post(comment_url(consultation), valid_data()).status_code == 302
    response = client.post(comment_url(consultation), valid_data(text="My third thought"))
    assert response.status_code == 429
    assert "My third thought" in response.content.decode()
    assert response["Retry-After"]
    assert Comment.objects.count() == 2


@override_settings(PUBLIC_FORM_RATE_LIMIT=2, PUBLIC_FORM_FAILED_RATE_LIMIT=10)
def test_a_resident_who_makes_mistakes_can_still_send_their_comment(client, consultation):
    for _ in range(4):
        assert client.post(comment_url(consultation), valid_data(email="not an address")).status_code == 400
    assert client.post(comment_url(consultation), valid_data()).status_code == 302
    assert client.post(comment_url(consultation), valid_data(text="A second thought")).status_code == 302
    assert client.post(comment_url(consultation), valid_data(text="A third thought")).status_code == 429
    assert Comment.objects.count() == 2


@override_settings(PUBLIC_FORM_RATE_LIMIT=2, PUBLIC_FORM_FAILED_RATE_LIMIT=3)
def test_failed_attempts_have_their_own_limit(client, consultation):
    for _ in range(3):
        assert client.post(comment_url(consultation), valid_data(email="junk")).status_code == 400
    response = client.post(comment_url(consultation), valid_data(text="Sent after the junk"))
    assert response.status_code == 429
    assert "Sent after the junk" in response.content.decode()
    assert Comment.objects.count() == 0


def test_comment_sent_after_closing_is_refused_and_the_text_shown_back(client, consultation):
    form_page = client.get(consultation.url).content.decode()
    assert 'name="text"' in form_page
    with time_machine.travel(consultation.closes_at + timedelta(minutes=1), tick=False):
        response = client.post(comment_url(consultation), valid_data(text="Typed just before the deadline"))
    content = response.content.decode()
    assert response.status_code == 403
    assert "This consultation has closed, so we could not accept your comment." in content
    assert "Typed just before the deadline" in content
    assert 'name="text"' not in content
    assert Comment.objects.count() == 0


def test_comment_to_an_upcoming_consultation_is_refused(client, consultation):
    consultation.opens_at = timezone.now() + timedelta(days=1)
    consultation.save_revision().publish()
    response = client.post(comment_url(consultation), valid_data())
    assert response.status_code == 403
    assert Comment.objects.count() == 0


def test_get_on_the_comment_address_goes_back_to_the_form(client, consultation):
    response = client.get(comment_url(consultation))
    assert response.status_code == 302
    assert response["Location"].endswith("#comment-form")


def test_confirmation_email_is_plain_text_without_html_escapes(client, consultation):
    consultation.title = "Parks & play areas"
    consultation.save_revision().publish()
    client.post(comment_url(consultation), valid_data(display_name="O'Brien"))
    message = mail.outbox[0]
    assert message.subject == "Confirm your comment on Parks & play areas"
    assert "Hello O'Brien," in message.body


@override_settings(PUBLIC_RECEIPTS_PER_ADDRESS_PER_DAY=2, PUBLIC_FORM_RATE_LIMIT=100)
def test_the_form_emails_one_typed_address_a_few_times_a_day_at_most(client, consultation):
    for number in range(4):
        response = client.post(
            comment_url(consultation),
            valid_data(email="stranger@example.org", text=f"Comment {number}"),
            REMOTE_ADDR=f"203.0.113.{number}",
        )
        assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [["stranger@example.org"]] * 2
    client.post(comment_url(consultation), valid_data(email="someone.else@example.org"))
    assert len(mail.outbox) == 3
    with time_machine.travel(timezone.now() + timedelta(days=1)):
        client.post(comment_url(consultation), valid_data(email="stranger@example.org", text="Next day"))
    assert len(mail.outbox) == 4
