"""Adding a page in the admin and leaving leaves nothing behind.

Wagtail 8 autosaves forms by default: on "Add page" its script posts the half-filled form
after the first keystrokes, which creates a real draft page. An editor who leaves that form
leaves the draft, and adding the page again then fails on its slug. Autosave is off
(settings: WAGTAIL_AUTOSAVE_INTERVAL = 0), so the forms carry no autosave controller; Wagtail's
"unsaved changes" warning still guards against leaving by mistake.
"""

from django.urls import reverse

import pytest

pytestmark = pytest.mark.django_db


def test_the_add_page_form_does_not_autosave(admin_client, story_index):
    response = admin_client.get(reverse("wagtailadmin_pages:add", args=("stories", "storypage", story_index.pk)))
    html = response.content.decode()
    assert response.status_code == 200
    assert "w-unsaved" in html  # the warning before leaving a changed form stays
    assert "data-w-autosave-interval-value" not in html


def test_the_edit_form_does_not_save_a_revision_while_someone_types(admin_client, story_index):
    # Each autosave is a revision: a group's preview would follow a moderator's half-typed edit.
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=(story_index.pk,)))
    assert response.status_code == 200
    assert "data-w-autosave-interval-value" not in response.content.decode()
