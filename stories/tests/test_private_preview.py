"""The group's private preview shows the story as the moderators left it."""

import re

from django.core import mail
from django.urls import reverse

import pytest

from stories.models import StoryPage, StoryPreviewLink

from .helpers import links_in, sign_in, submit_story, workflow_state

pytestmark = pytest.mark.django_db


def edit_and_approve_in_the_editor(client, moderator, page, **changes):
    """What a moderator does in Wagtail's page editor: change fields, then "Approve" from its menu."""
    client.force_login(moderator)
    page = StoryPage.objects.get(pk=page.pk)
    draft = page.get_latest_revision_as_object()
    data = {
        "title": draft.title,
        "slug": draft.slug,
        "summary": draft.summary,
        "told_by": draft.told_by,
        "date": draft.date.isoformat(),
        "lead_image_alt_text": draft.lead_image_alt_text,
        "ripple_centre": draft.ripple_centre,
        "body-count": "0",
        "ripples-count": "0",
        "tags": "",
        "action-workflow-action": "true",
        "workflow-action-name": "approve",
        **changes,
    }
    response = client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)
    client.logout()
    assert response.status_code == 302, re.findall(r'class="error-message">(.*?)<', response.content.decode())
    return response


def test_preview_shows_the_moderators_edit_made_in_the_editor(client, story_index, moderator):
    submission = submit_story(client)
    mail.outbox.clear()
    edit_and_approve_in_the_editor(client, moderator, submission.page, title="Our repair café, edited by moderators")

    state = workflow_state(submission.page).current_task_state
    assert state.task.name == "Community group agreement"
    preview_email = next(m for m in mail.outbox if m.to == ["sam@example.org"])
    preview_url = next(link for link in links_in(preview_email) if "/stories/preview/" in link)
    sign_in(client)
    preview = client.get(preview_url.replace("http://testserver", ""))
    assert preview.status_code == 200
    assert "Our repair café, edited by moderators" in preview.content.decode()
    assert StoryPreviewLink.objects.get().revision_id == StoryPage.objects.get(pk=submission.page.pk).latest_revision_id


def test_agreeing_to_the_preview_says_so(client, story_index, moderator):
    submission = submit_story(client)
    edit_and_approve_in_the_editor(client, moderator, submission.page, title="Our repair café, edited")
    link = StoryPreviewLink.objects.get()
    sign_in(client)
    response = client.post(f"/stories/preview/{link.token}/", {"decision": "agree"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("stories:mine")
    html = response.content.decode()
    assert "Thank you. You agreed to this version." in html
    assert StoryPage.objects.get(pk=submission.page.pk).live
