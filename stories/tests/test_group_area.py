import datetime

from django.contrib.auth.models import Group, User
from django.core import mail
from django.urls import reverse
from django.utils import timezone

import pytest
import time_machine

from core.staff_roles import MODERATORS
from stories.models import StoryPage, StoryPreviewLink

from .helpers import edit_story, links_in, moderator_acts, sign_in, submit_story, workflow_state

pytestmark = pytest.mark.django_db


def test_sign_in_answers_the_same_for_known_and_unknown_addresses(client, story_index):
    submit_story(client)
    mail.outbox.clear()
    known = client.post(reverse("stories:sign_in"), {"email": "sam@example.org"})
    unknown = client.post(reverse("stories:sign_in"), {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 200
    assert known.content == unknown.content
    assert [m.to for m in mail.outbox] == [["sam@example.org"]]


def test_sign_in_link_works_once(client, story_index):
    submit_story(client)
    mail.outbox.clear()
    client.post(reverse("stories:sign_in"), {"email": "sam@example.org"})
    link = links_in(mail.outbox[-1])[0].replace("http://testserver", "")
    assert client.get(link).status_code == 302
    other = client.__class__()
    assert other.get(link).status_code == 400


def test_sign_in_link_expires(client, story_index):
    submit_story(client)
    mail.outbox.clear()
    client.post(reverse("stories:sign_in"), {"email": "sam@example.org"})
    link = links_in(mail.outbox[-1])[0].replace("http://testserver", "")
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=31)):
        assert client.get(link).status_code == 400
    assert client.get(reverse("stories:mine")).status_code == 302


def test_tampered_sign_in_link_is_refused(client, story_index):
    assert client.get(reverse("stories:sign_in_link", args=["sam@example.org:abc:def"])).status_code == 400


def test_a_group_sees_only_its_own_submissions_with_their_state(client, story_index):
    submit_story(client, email="sam@example.org", title="Sam's story")
    submit_story(client, email="other@example.org", title="Another group's story")
    sign_in(client, "sam@example.org")
    html = client.get(reverse("stories:mine")).content.decode()
    assert "Sam&#x27;s story" in html or "Sam's story" in html
    assert "Another group" not in html
    assert "Received" in html


def test_states_follow_the_workflow(client, story_index, moderator):
    received = submit_story(client, title="Received story")
    edited = submit_story(client, title="Edited story")
    declined = submit_story(client, title="Declined story")
    published = submit_story(client, title="Published story")
    edit_story(edited.page, moderator, summary="Changed")
    moderator_acts(client, moderator, edited.page, "approve")
    moderator_acts(client, moderator, declined.page, "reject", comment="Not about the district")
    moderator_acts(client, moderator, published.page, "approve")
    sign_in(client)
    html = client.get(reverse("stories:mine")).content.decode()
    rows = {
        title: html.split(title, 1)[1].split("</tr>", 1)[0]
        for title in ("Received story", "Edited story", "Declined story", "Published story")
    }
    assert "Received" in rows["Received story"]
    assert "Changes suggested" in rows["Edited story"]
    assert "Declined" in rows["Declined story"]
    assert "Published" in rows["Published story"]
    assert received.page.pk


def test_anonymous_visitors_cannot_see_the_groups_area_or_a_preview(client, story_index, moderator):
    submission = submit_story(client)
    edit_story(submission.page, moderator, summary="Changed")
    moderator_acts(client, moderator, submission.page, "approve")
    link = StoryPreviewLink.objects.get()
    assert client.get(reverse("stories:mine")).status_code == 302
    response = client.get(f"/stories/preview/{link.token}/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("stories:sign_in"))
    assert client.get("/stories/preview/not-a-real-token/").status_code == 404


def test_a_group_cannot_reach_another_groups_preview(client, story_index, moderator):
    submission = submit_story(client, email="sam@example.org")
    submit_story(client, email="other@example.org", title="Other")
    edit_story(submission.page, moderator, summary="Changed")
    moderator_acts(client, moderator, submission.page, "approve")
    link = StoryPreviewLink.objects.get()
    sign_in(client, "other@example.org")
    assert client.get(f"/stories/preview/{link.token}/").status_code == 404
    assert client.post(f"/stories/preview/{link.token}/", {"decision": "agree"}).status_code == 404
    assert not StoryPage.objects.get(pk=submission.page.pk).live


def test_preview_stops_working_after_a_newer_revision(client, story_index, moderator):
    submission = submit_story(client)
    edit_story(submission.page, moderator, summary="Changed")
    moderator_acts(client, moderator, submission.page, "approve")
    link = StoryPreviewLink.objects.get()
    edit_story(submission.page, moderator, summary="Changed again")
    sign_in(client)
    # The link never shows, or takes an answer to, a version it was not made for: it leads
    # the signed-in group to the latest version in its own area.
    check_url = reverse("stories:check", args=[submission.reference])
    response = client.get(f"/stories/preview/{link.token}/")
    assert response.status_code == 302 and response["Location"] == check_url
    client.post(f"/stories/preview/{link.token}/", {"decision": "agree"})
    assert not StoryPage.objects.get(pk=submission.page.pk).live


def test_preview_stops_working_after_expiry(client, story_index, moderator):
    submission = submit_story(client)
    edit_story(submission.page, moderator, summary="Changed")
    moderator_acts(client, moderator, submission.page, "approve")
    link = StoryPreviewLink.objects.get()
    with time_machine.travel(timezone.now() + datetime.timedelta(days=15)):
        sign_in(client)
        # The story still waits for the group, so it is one step away in the group's area.
        response = client.get(f"/stories/preview/{link.token}/")
        assert response["Location"] == reverse("stories:check", args=[submission.reference])
        workflow_state(submission.page).cancel(user=moderator)
        assert client.get(f"/stories/preview/{link.token}/").status_code == 410


def test_editors_can_send_a_new_preview_for_the_latest_version(client, story_index, moderator):
    submission = submit_story(client)
    edit_story(submission.page, moderator, summary="Changed")
    moderator_acts(client, moderator, submission.page, "approve")
    edit_story(submission.page, moderator, summary="Changed again")
    moderator_acts(client, moderator, submission.page, "resend")
    newest = StoryPreviewLink.objects.order_by("-pk").first()
    sign_in(client)
    assert client.get(f"/stories/preview/{newest.token}/").status_code == 200
    client.post(f"/stories/preview/{newest.token}/", {"decision": "agree"})
    page = StoryPage.objects.get(pk=submission.page.pk)
    assert page.live and page.summary == "Changed again"


def test_a_community_group_cannot_publish_or_enter_the_admin(client, story_index):
    submission = submit_story(client)
    sign_in(client)
    assert client.get("/admin/").status_code == 302
    response = client.post(f"/admin/pages/{submission.page.pk}/edit/", {"action-publish": "1"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert not StoryPage.objects.get(pk=submission.page.pk).live


def test_withdrawing_consent_unpublishes_and_tells_moderators(client, story_index, moderator):
    submission = submit_story(client)
    moderator_acts(client, moderator, submission.page, "approve")
    page = StoryPage.objects.get(pk=submission.page.pk)
    assert page.live
    sign_in(client)
    mail.outbox.clear()
    response = client.post(reverse("stories:withdraw", args=[submission.reference]))
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    assert client.get(f"/stories/{page.slug}/").status_code == 404
    assert any("moderators@connected-communities.localhost" in m.to for m in mail.outbox)
    assert "Consent withdrawn" in client.get(reverse("stories:mine")).content.decode()


def test_withdrawing_consent_during_review_cancels_the_workflow(client, story_index):
    from wagtail.models import WorkflowState

    submission = submit_story(client)
    sign_in(client)
    client.post(reverse("stories:withdraw", args=[submission.reference]))
    state = WorkflowState.objects.get(object_id=str(submission.page.pk))
    assert state.status == WorkflowState.STATUS_CANCELLED


def test_a_group_cannot_withdraw_another_groups_story(client, story_index, moderator):
    other = submit_story(client, email="other@example.org", title="Other")
    moderator_acts(client, moderator, other.page, "approve")
    submit_story(client)
    sign_in(client)
    assert client.post(reverse("stories:withdraw", args=[other.reference])).status_code == 404
    assert StoryPage.objects.get(pk=other.page.pk).live


def test_moderators_group_and_workflow_exist_on_a_fresh_site(db):
    from wagtail.models import Workflow

    assert Group.objects.filter(name=MODERATORS).exists()
    assert Group.objects.filter(name="Communications team").exists()
    workflow = Workflow.objects.get(name="Community story review")
    assert [task.name for task in workflow.tasks] == ["Moderator review", "Community group agreement"]
    assert User.objects.count() == 0


def test_staff_can_read_who_sent_a_story_but_not_edit_it(client, story_index, moderator):
    submission = submit_story(client)
    client.force_login(moderator)
    listing = client.get("/admin/snippets/stories/storysubmission/")
    assert listing.status_code == 200
    assert submission.reference in listing.content.decode()
    inspect = client.get(f"/admin/snippets/stories/storysubmission/inspect/{submission.pk}/")
    assert "sam@example.org" in inspect.content.decode()
    edit = client.get(f"/admin/snippets/stories/storysubmission/edit/{submission.pk}/")
    assert edit.status_code in (302, 403)


def test_a_new_stories_index_gets_the_review_workflow(home):
    from stories.models import StoryIndexPage

    index = StoryIndexPage(title="Stories", slug="stories")
    home.add_child(instance=index)
    assert index.get_workflow().name == "Community story review"


def test_a_withdrawn_story_cannot_be_published_again_from_the_admin(client, story_index):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    submission = submit_story(client)
    sign_in(client)
    client.post(reverse("stories:withdraw", args=[submission.reference]))
    admin = User.objects.create_superuser("admin", "admin@example.org", "a-long-password-1")
    client.force_login(admin)
    page = StoryPage.objects.get(pk=submission.page.pk)
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": page.summary,
            "told_by": page.told_by,
            "date": page.date.isoformat(),
            "body": streamfield([]),
            "ripples": streamfield([]),
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )
    client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert not StoryPage.objects.get(pk=page.pk).live
