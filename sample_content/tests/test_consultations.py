"""The sample consultations load_sample_content creates."""

from datetime import timedelta

from django.core import mail
from django.utils import timezone

from consultations.factories import ensure_home
from consultations.models import Comment, ConsultationPage, State
from sample_content.consultations import load_demo_consultations


def test_demo_creates_an_open_review_and_a_closed_example_with_its_outcome(client, db):
    index, review, grants = load_demo_consultations(ensure_home())
    assert review.state == State.OPEN
    assert grants.state == State.OUTCOME
    content = client.get(review.url).content.decode()
    assert "What do you love about your neighbourhood?" in content
    assert "How can the great things about where you live help to overcome the challenges we have?" in content
    outcome = client.get(grants.url).content.decode()
    assert "(example)" in outcome
    assert "Grants under £500 now use a one-page form and a decision within four weeks." in outcome
    assert "Partly adopted" in outcome
    assert "example.invalid" not in outcome
    assert mail.outbox == []


def test_demo_is_idempotent(db):
    home = ensure_home()
    load_demo_consultations(home)
    before = (
        ConsultationPage.objects.count(),
        Comment.objects.count(),
        list(ConsultationPage.objects.values_list("latest_revision_id", flat=True)),
    )
    load_demo_consultations(home)
    after = (
        ConsultationPage.objects.count(),
        Comment.objects.count(),
        list(ConsultationPage.objects.values_list("latest_revision_id", flat=True)),
    )
    assert before == after
    assert before[:2] == (4, 7)


def test_demo_has_a_consultation_in_every_state_a_resident_meets(db):
    load_demo_consultations(ensure_home())
    states = {page.slug: page.state for page in ConsultationPage.objects.all()}
    assert sorted(states.values()) == sorted([State.UPCOMING, State.OPEN, State.CLOSED, State.OUTCOME])


def test_demo_upcoming_consultation_opens_about_a_month_after_loading_and_says_when(client, db):
    load_demo_consultations(ensure_home())
    upcoming = ConsultationPage.objects.get(slug="flood-plans-example")
    assert timedelta(days=29) < upcoming.opens_at - timezone.now() < timedelta(days=31)
    content = client.get(upcoming.url).content.decode()
    opens = timezone.localtime(upcoming.opens_at).strftime("%-d %B %Y, %H:%M")
    assert f"Not open yet: you can comment from {opens} until" in content
    assert f"This consultation opens on {opens}. Come back then to comment." in content
    assert "<form" not in content.split('id="comment-form"', 1)[1].split("</section>", 1)[0]
    assert 'name="text"' not in content


def test_demo_closed_consultation_awaits_its_outcome_and_shows_its_comments(client, db):
    load_demo_consultations(ensure_home())
    closed = ConsultationPage.objects.get(slug="digital-community-example")
    content = client.get(closed.url).content.decode()
    assert "Closed: under consideration" in content
    assert "will publish the outcome on this page" in content
    assert "Please keep a phone number for people who will never use the internet." in content
    assert 'name="text"' not in content
    assert "example.invalid" not in content
