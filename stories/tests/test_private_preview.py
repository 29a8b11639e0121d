"""The group's private preview shows the story as the moderators left it."""

import re

from django.core import mail
from django.urls import reverse

import pytest

from stories.models import StoryPage, StoryPreviewLink

from .helpers import edit_story, links_in, sign_in, submit_story, workflow_state

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


def waiting_for_agreement(client, moderator, title="Our repair café, edited"):
    """A story the moderators edited and approved: the group has been sent a preview link."""
    submission = submit_story(client)
    edit_and_approve_in_the_editor(client, moderator, submission.page, title=title)
    return submission, StoryPreviewLink.objects.get()


def notices(response):
    return re.findall(r'<p class="govuk-notification-banner__heading">(.*?)</p>', response.content.decode())


def test_the_group_checks_a_change_made_after_the_link_was_sent_from_its_area(client, story_index, moderator):
    submission, link = waiting_for_agreement(client, moderator)
    edit_story(submission.page, moderator, title="Our repair café, edited again", summary="Changed after the email")
    sign_in(client)

    mine = client.get(reverse("stories:mine")).content.decode()
    assert "Our repair café, edited again" in mine
    check_url = reverse("stories:check", args=[submission.reference])
    assert f'href="{check_url}"' in mine

    # The emailed link is bound to its revision: it leads to the latest version, and says why.
    from_email = client.get(f"/stories/preview/{link.token}/", follow=True)
    assert from_email.redirect_chain[-1][0] == check_url
    assert "We changed your story after we sent you that link. This is the latest version." in notices(from_email)
    html = from_email.content.decode()
    assert "Changed after the email" in html
    assert "Our moderators changed your story" in html

    latest = StoryPage.objects.get(pk=submission.page.pk).latest_revision_id
    agreed = client.post(check_url, {"decision": "agree", "revision": latest}, follow=True)
    assert "Thank you. You agreed to this version." in notices(agreed)
    page = StoryPage.objects.get(pk=submission.page.pk)
    assert page.live and page.summary == "Changed after the email"


def test_an_answer_to_a_version_changed_meanwhile_is_not_recorded_and_says_so(client, story_index, moderator):
    submission, _link = waiting_for_agreement(client, moderator)
    sign_in(client)
    check_url = reverse("stories:check", args=[submission.reference])
    shown = StoryPage.objects.get(pk=submission.page.pk).latest_revision_id
    assert client.get(check_url).status_code == 200
    edit_story(submission.page, moderator, summary="Changed while the group was reading")

    response = client.post(check_url, {"decision": "agree", "revision": shown}, follow=True)
    assert "We changed your story while you were reading it. Please check this latest version." in notices(response)
    assert "Changed while the group was reading" in response.content.decode()
    assert not StoryPage.objects.get(pk=submission.page.pk).live


def test_agreeing_again_says_the_answer_is_already_recorded(client, story_index, moderator):
    # The back button after agreeing shows the form again; pressing it must not look like nothing happened.
    _submission, link = waiting_for_agreement(client, moderator)
    sign_in(client)
    client.post(f"/stories/preview/{link.token}/", {"decision": "agree"})
    again = client.post(f"/stories/preview/{link.token}/", {"decision": "agree"}, follow=True)
    assert again.redirect_chain[-1][0] == reverse("stories:mine")
    assert "We already have your answer about this story. Where it stands is shown below." in notices(again)


def test_answering_through_a_link_that_no_longer_works_says_so(client, story_index, moderator):
    submission, link = waiting_for_agreement(client, moderator)
    edit_story(submission.page, moderator, summary="Changed again")
    workflow_state(submission.page).cancel(user=moderator)  # editors restart the review
    sign_in(client)
    response = client.post(f"/stories/preview/{link.token}/", {"decision": "agree"}, follow=True)
    assert "That preview link no longer works, so we did not record an answer." in notices(response)
    assert not StoryPage.objects.get(pk=submission.page.pk).live
