"""The sample consultations load_strategy creates."""

from django.core import mail

from consultations.demo import load_demo_consultations
from consultations.factories import ensure_home
from consultations.models import Comment, ConsultationPage, State


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
    assert before[:2] == (2, 5)
