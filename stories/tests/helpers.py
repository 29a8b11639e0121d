"""Shared steps for workflow and group-area tests: submit, act as a moderator, sign a group in."""

import re
import uuid

from django.core import mail
from django.urls import reverse

from wagtail.models import WorkflowState

from stories.models import StorySubmission


def submit_story(client, email="sam@example.org", title="Our repair café"):
    data = {
        "group_name": "Upton Repair Group",
        "contact_name": "Sam Jones",
        "contact_email": email,
        "title": title,
        "story": "We fixed 200 toasters.",
        "consent_to_publish": "on",
        "form_token": str(uuid.uuid4()),
    }
    response = client.post("/stories/submit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return StorySubmission.objects.get(contact_email=email, page__title=title)


def workflow_state(page):
    return WorkflowState.objects.filter(object_id=str(page.pk)).order_by("-pk").first()


def moderator_acts(client, user, page, action, comment=None):
    """Approve or reject the current task through Wagtail's own admin view."""
    client.force_login(user)
    state = workflow_state(page).current_task_state
    data = {"comment": comment} if comment is not None else {}
    response = client.post(reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, state.pk)), data)
    client.logout()
    assert response.status_code in (200, 302)
    return response


def edit_story(page, user, **changes):
    draft = page.specific.get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(draft, name, value)
    return draft.save_revision(user=user)


def links_in(message):
    return re.findall(r"https?://\S+", message.body)


def sign_in(client, email="sam@example.org"):
    mail.outbox.clear()
    client.post(reverse("stories:sign_in"), {"email": email})
    link = links_in(mail.outbox[-1])[0]
    response = client.get(link.replace("http://testserver", ""))
    assert response.status_code == 302
    return response
