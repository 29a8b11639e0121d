"""The editors' and moderators' side in Wagtail's admin."""

from consultations.factories import CommentFactory
from consultations.models import ConsultationIndexPage, ConsultationPage


def test_consultations_live_only_under_their_index(db):
    from home.models import HomePage

    assert ConsultationPage.parent_page_types == ["consultations.ConsultationIndexPage"]
    assert HomePage in ConsultationIndexPage.allowed_parent_page_models()
    assert ConsultationIndexPage.max_count == 1


def test_editor_can_create_a_consultation_with_questions(client, index_page, superuser):
    client.force_login(superuser)
    add_url = f"/admin/pages/add/consultations/consultationpage/{index_page.pk}/"
    assert client.get(add_url).status_code == 200
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

    data = nested_form_data(
        {
            "title": "Play areas",
            "slug": "play-areas",
            "summary": "Where should new play equipment go?",
            "opens_at": "2026-01-05 09:00",
            "closes_at": "2026-02-05 17:00",
            "why": rich_text("<p>Money for play areas.</p>"),
            "what_will_be_decided": rich_text("<p>Which parks.</p>"),
            "who_can_take_part": rich_text("<p>Everyone.</p>"),
            "easy_read_summary": rich_text(""),
            "what_we_heard": rich_text(""),
            "decisions": rich_text(""),
            "you_said_we_did": streamfield([]),
            "moderation_mode": "post",
            "documents": inline_formset([]),
            "questions": inline_formset(
                [
                    {
                        "question": "Which park?",
                        "help_text": "",
                        "kind": "single",
                        "choices": "North\nSouth",
                        "required": "",
                    }
                ]
            ),
            "outcome_published_at": "",
            "action-publish": "publish",
        }
    )
    response = client.post(add_url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = ConsultationPage.objects.get(slug="play-areas")
    assert page.live
    assert page.questions.get().choice_list == ["North", "South"]
    assert page.opens_at.isoformat() == "2026-01-05T09:00:00+00:00"


def test_moderation_queue_and_its_bulk_action_pages_render(client, consultation, moderator):
    comment = CommentFactory(consultation=consultation, moderation_state="pending", report_count=1)
    client.force_login(moderator)
    queue = client.get("/admin/snippets/consultations/comment/")
    assert queue.status_code == 200
    assert comment.email in queue.content.decode()
    for action in ("approve", "reject", "set_outcome"):
        response = client.get(f"/admin/bulk/consultations/comment/{action}/?id={comment.pk}")
        assert response.status_code == 200, action
    assert client.get(f"/admin/snippets/consultations/comment/edit/{comment.pk}/").status_code == 200
    assert client.get(f"/admin/snippets/consultations/comment/inspect/{comment.pk}/").status_code == 200


def test_decisions_appear_in_the_comment_history(client, consultation, moderator):
    comment = CommentFactory(consultation=consultation, moderation_state="pending")
    client.force_login(moderator)
    client.post(f"/admin/bulk/consultations/comment/reject/?id={comment.pk}&next=/admin/", {"reason": "abusive"})
    history = client.get(f"/admin/snippets/consultations/comment/history/{comment.pk}/")
    assert history.status_code == 200
    assert "Comment rejected" in history.content.decode()
    assert moderator.username in history.content.decode() or moderator.get_full_name() in history.content.decode()


def test_nobody_adds_a_comment_in_the_admin(client, consultation, superuser):
    client.force_login(superuser)
    assert client.get("/admin/snippets/consultations/comment/add/").status_code in (302, 403)
    comment = CommentFactory(consultation=consultation, text="Shown read-only to moderators")
    edit = client.get(f"/admin/snippets/consultations/comment/edit/{comment.pk}/").content.decode()
    assert "Shown read-only to moderators" in edit
    assert 'name="text"' not in edit


def test_queue_offers_the_bulk_moderation_actions(client, consultation, moderator):
    CommentFactory(consultation=consultation, moderation_state="pending")
    client.force_login(moderator)
    content = client.get("/admin/snippets/consultations/comment/").content.decode()
    for action in ("approve", "reject", "set_outcome"):
        assert f"/admin/bulk/consultations/comment/{action}/" in content, action


def test_moderators_see_a_comments_answers_to_the_questions(client, consultation, moderator):
    from consultations.factories import ConsultationQuestionFactory
    from consultations.models import Answer

    which = ConsultationQuestionFactory(page=consultation, question="Which park do you use?", kind="single")
    why = ConsultationQuestionFactory(page=consultation, question="What would you change?", kind="text")
    ConsultationQuestionFactory(page=consultation, question="Anything else?", kind="text")
    comment = CommentFactory(consultation=consultation, moderation_state="pending")
    Answer.objects.create(comment=comment, question=which, value="Priory Park")
    Answer.objects.create(comment=comment, question=why, value="More benches <b>please</b>")
    other = CommentFactory(consultation=consultation)
    Answer.objects.create(comment=other, question=which, value="Victoria Park")
    client.force_login(moderator)
    for view in ("edit", "inspect"):
        content = client.get(f"/admin/snippets/consultations/comment/{view}/{comment.pk}/").content.decode()
        for text in ("Which park do you use?", "Priory Park", "What would you change?", "Anything else?"):
            assert text in content, (view, text)
        assert "More benches &lt;b&gt;please&lt;/b&gt;" in content, view  # residents' text stays text
        assert "Victoria Park" not in content, view
        assert "Not answered" in content, view
