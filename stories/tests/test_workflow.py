import datetime

from django.core import mail
from django.utils import timezone

from wagtail.models import PageLogEntry, TaskState, WorkflowState

import pytest

from stories.models import StoryPage, StoryPreviewLink

from .helpers import edit_story, links_in, moderator_acts, sign_in, submit_story, workflow_state

pytestmark = pytest.mark.django_db


def test_approving_an_unchanged_story_publishes_it_and_logs_who_approved(client, story_index, moderator):
    submission = submit_story(client)
    moderator_acts(client, moderator, submission.page, "approve")
    page = StoryPage.objects.get(pk=submission.page.pk)
    assert page.live
    assert workflow_state(page).status == WorkflowState.STATUS_APPROVED
    approval = PageLogEntry.objects.get(page=page, action="wagtail.workflow.approve")
    assert approval.user == moderator
    assert client.get(page.url).status_code == 200


def test_edited_story_waits_for_the_group_to_agree_then_publishes(client, story_index, moderator):
    submission = submit_story(client)
    edit_story(submission.page, moderator, title="Our repair café (edited)")
    mail.outbox.clear()
    moderator_acts(client, moderator, submission.page, "approve")
    page = StoryPage.objects.get(pk=submission.page.pk)
    assert not page.live
    assert workflow_state(page).current_task_state.task.name == "Community group agreement"
    preview_email = next(m for m in mail.outbox if m.to == ["sam@example.org"])
    preview_url = next(link for link in links_in(preview_email) if "/stories/preview/" in link)

    sign_in(client)
    preview = client.get(preview_url.replace("http://testserver", ""))
    assert preview.status_code == 200
    assert "Our repair café (edited)" in preview.content.decode()
    assert "Private preview" in preview.content.decode()
    response = client.post(preview_url.replace("http://testserver", ""), {"decision": "agree"})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert page.title == "Our repair café (edited)"
    assert PageLogEntry.objects.filter(page=page, action="stories.group_agreed").exists()


def test_group_comments_send_the_story_back_to_editors_and_tell_moderators(client, story_index, moderator):
    submission = submit_story(client)
    edit_story(submission.page, moderator, summary="A shorter summary")
    moderator_acts(client, moderator, submission.page, "approve")
    link = StoryPreviewLink.objects.get()
    sign_in(client)
    mail.outbox.clear()
    response = client.post(
        f"/stories/preview/{link.token}/", {"decision": "comment", "comment": "Please keep Mrs Patel's name."}
    )
    assert response.status_code == 302
    page = StoryPage.objects.get(pk=submission.page.pk)
    assert not page.live
    assert workflow_state(page).status == WorkflowState.STATUS_NEEDS_CHANGES
    to_moderators = next(m for m in mail.outbox if "moderators@connected-communities.localhost" in m.to)
    assert "Please keep Mrs Patel's name." in to_moderators.body


def test_comment_without_text_is_refused_with_an_error(client, story_index, moderator):
    submission = submit_story(client)
    edit_story(submission.page, moderator, summary="Changed")
    moderator_acts(client, moderator, submission.page, "approve")
    link = StoryPreviewLink.objects.get()
    sign_in(client)
    response = client.post(f"/stories/preview/{link.token}/", {"decision": "comment", "comment": ""})
    assert response.status_code == 400
    assert 'href="#id_comment"' in response.content.decode()


def test_rejection_emails_the_reason_to_the_submitter(client, story_index, moderator):
    submission = submit_story(client)
    mail.outbox.clear()
    moderator_acts(client, moderator, submission.page, "reject", comment="It names children without consent.")
    assert workflow_state(submission.page).status == WorkflowState.STATUS_NEEDS_CHANGES
    declined = next(m for m in mail.outbox if m.to == ["sam@example.org"])
    assert "It names children without consent." in declined.body
    assert not StoryPage.objects.get(pk=submission.page.pk).live


def test_approval_with_a_go_live_date_schedules_publication(client, story_index, moderator):
    submission = submit_story(client)
    go_live = (timezone.now() + datetime.timedelta(days=3)).replace(microsecond=0)
    edit_story(submission.page, moderator, go_live_at=go_live)
    # Editors scheduled it; nothing else changed for the group to agree to but the date.
    moderator_acts(client, moderator, submission.page, "approve")
    link = StoryPreviewLink.objects.get()
    sign_in(client)
    client.post(f"/stories/preview/{link.token}/", {"decision": "agree"})
    page = StoryPage.objects.get(pk=submission.page.pk)
    assert not page.live
    assert page.get_latest_revision().approved_go_live_at == go_live


def test_moderators_cannot_skip_the_group_agreement_in_the_admin(client, story_index, moderator):
    from django.urls import reverse

    submission = submit_story(client)
    edit_story(submission.page, moderator, summary="Changed")
    moderator_acts(client, moderator, submission.page, "approve")
    state = workflow_state(submission.page).current_task_state
    client.force_login(moderator)
    client.post(reverse("wagtailadmin_pages:workflow_action", args=(submission.page.pk, "approve", state.pk)))
    assert TaskState.objects.get(pk=state.pk).status == TaskState.STATUS_IN_PROGRESS
    assert not StoryPage.objects.get(pk=submission.page.pk).live
