"""Applications in the admin: staff see them once sent, and read their documents privately."""

import os
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse

import pytest

from core.staff_roles import COMMUNICATIONS_TEAM, apply_staff_roles
from fund.factories import ApplicationFactory
from fund.models import Application, SupportingDocument
from fund.staff_roles import ASSESSORS, FUND_OFFICERS

from .test_apply import minimal_pdf

pytestmark = [pytest.mark.django_db, pytest.mark.urls("core.tests.urls_serving_media")]

PASSWORD = "a long enough password"


@pytest.fixture
def roles(fund):
    return apply_staff_roles()


def staff_client(client, username, group_name):
    user = get_user_model().objects.create_user(username, f"{username}@council.example", PASSWORD)
    user.groups.add(Group.objects.get(name=group_name))
    client.force_login(user)
    return client


@pytest.fixture
def officer(client, roles):
    return staff_client(client, "olu", FUND_OFFICERS)


@pytest.fixture
def assessor(client, roles):
    return staff_client(client, "asha", ASSESSORS)


@pytest.fixture
def editor(client, roles):
    return staff_client(client, "eddie", COMMUNICATIONS_TEAM)


@pytest.fixture
def document(application):
    content = minimal_pdf()
    return SupportingDocument.objects.create(
        application=application,
        file=ContentFile(content, name="upload.pdf"),
        original_name="Our constitution.pdf",
        size=len(content),
    )


def document_url(document):
    return reverse("fund_document", args=[document.pk])


def listing_url():
    return reverse("wagtailsnippets_fund_application:list")


# The list shows sent applications only


def test_the_list_shows_sent_applications_and_not_drafts(officer, open_round):
    ApplicationFactory(round=open_round, project_title="Sent orchard")
    ApplicationFactory(round=open_round, project_title="Unfinished skatepark", state=Application.State.DRAFT)
    content = officer.get(listing_url()).content.decode()
    assert "Sent orchard" in content
    assert "Unfinished skatepark" not in content


def test_a_draft_cannot_be_opened_in_the_admin(officer, open_round):
    draft = ApplicationFactory(round=open_round, state=Application.State.DRAFT, submitted_at=None)
    assert officer.get(reverse("wagtailsnippets_fund_application:edit", args=[draft.pk])).status_code == 404
    assert officer.get(reverse("wagtailsnippets_fund_application:inspect", args=[draft.pk])).status_code == 404


# Supporting documents are private


def test_documents_are_stored_outside_the_public_media(document):
    path = document.file.path
    assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    assert os.path.exists(path)
    with pytest.raises(ValueError):
        document.file.url  # noqa: B018


def test_a_document_is_not_reachable_under_media(client, document):
    assert client.get(settings.MEDIA_URL + document.file.name).status_code == 404


@pytest.mark.parametrize("reader", ["officer", "assessor"])
def test_staff_who_read_applications_download_a_document_under_its_own_name(request, reader, document):
    staff = request.getfixturevalue(reader)
    response = staff.get(document_url(document))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="Our constitution.pdf"'
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == minimal_pdf()


def test_the_application_page_links_the_document_through_the_admin(officer, document):
    content = officer.get(reverse("wagtailsnippets_fund_application:inspect", args=[document.application.pk])).content
    assert f'href="{document_url(document)}"'.encode() in content
    assert b"Our constitution.pdf" in content


def test_an_editor_without_the_permission_is_refused(editor, document):
    assert editor.get(document_url(document)).status_code == 403


def test_a_signed_out_visitor_is_sent_to_the_admin_sign_in(client, document):
    response = client.get(document_url(document))
    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == reverse("wagtailadmin_login")


def test_a_drafts_documents_are_not_served(officer, document):
    Application.objects.filter(pk=document.application.pk).update(state=Application.State.DRAFT)
    assert officer.get(document_url(document)).status_code == 404
