"""Residents' data: staff exports, one person's export and erasure, and routine purging."""

import csv
import json
from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from wagtail.models import ModelLogEntry, PageLogEntry

import pytest

from consultations.factories import CommentFactory, ConsultationQuestionFactory
from consultations.models import Answer, Comment


def rows(response):
    return list(csv.reader(response.content.decode().splitlines()))


@pytest.fixture
def staff_without_permission(db, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("editor", "editor@council.example", "a-long-password-1")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


@pytest.fixture
def data_officer(db, django_user_model):
    from django.contrib.auth.models import Group

    from core.staff_roles import DATA_OFFICERS

    user = django_user_model.objects.create_user("officer", "officer@council.example", "a-long-password-1")
    user.groups.add(Group.objects.get(name=DATA_OFFICERS))
    return user


def staff_in(group_name, django_user_model):
    from django.contrib.auth.models import Group

    name = group_name.split()[0].lower()
    user = django_user_model.objects.create_user(name, f"{name}@council.example", "a-long-password-1")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_data_officers_export_responses_with_personal_data(client, consultation, data_officer):
    question = ConsultationQuestionFactory(page=consultation, question="Pick", kind="multiple", choices="A\nB")
    comment = CommentFactory(consultation=consultation, email="pat@example.org", text='=HYPERLINK("http://x")')
    Answer.objects.create(comment=comment, question=question, value="A")
    Answer.objects.create(comment=comment, question=question, value="B")
    client.force_login(data_officer)
    assert "Download CSV" in client.get("/admin/consultations/data/").content.decode()
    response = client.get(f"/admin/consultations/data/{consultation.pk}/responses.csv")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    table = rows(response)
    assert table[0][-1] == "Pick"
    assert table[1][4] == "pat@example.org"
    assert table[1][-1] == "A; B"
    assert table[1][6].startswith("'=")  # a formula is neutralised for spreadsheets
    # Who took the personal data, and when, is in the consultation's history.
    entry = PageLogEntry.objects.get(page=consultation, action="consultations.responses_exported")
    assert entry.user == data_officer
    assert entry.message == "Responses with personal data exported"


def test_staff_without_permission_cannot_export(client, consultation, staff_without_permission):
    CommentFactory(consultation=consultation)
    client.force_login(staff_without_permission)
    # Wagtail's admin turns a refusal into a redirect to the dashboard with a message.
    for address in (f"/admin/consultations/data/{consultation.pk}/responses.csv", "/admin/personal-data/"):
        response = client.get(address)
        assert response.status_code == 302
        assert response["Location"] == "/admin/"


@pytest.mark.parametrize("group_name", ["Moderators", "Communications team", "Pledge leads"])
def test_only_data_officers_download_every_commenters_email_and_postcode(
    client, consultation, group_name, django_user_model
):
    CommentFactory(consultation=consultation, email="pat@example.org", postcode="WR14 2AA")
    client.force_login(staff_in(group_name, django_user_model))
    response = client.get(f"/admin/consultations/data/{consultation.pk}/responses.csv")
    assert response.status_code in (302, 403)
    assert b"pat@example.org" not in response.content
    if response.status_code == 302:
        assert response["Location"] == "/admin/"  # Wagtail's "Sorry, you do not have permission"
    assert "Consultation data" not in client.get("/admin/").content.decode()  # nor the menu item


def test_export_needs_a_signed_in_user(client, consultation):
    response = client.get(f"/admin/consultations/data/{consultation.pk}/responses.csv")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_one_persons_comments_are_in_the_site_wide_tool_only(client, consultation, data_officer):
    CommentFactory(consultation=consultation, email="Kim@Example.org", text="First thought", postcode="WR14 2AA")
    CommentFactory(consultation=consultation, email="kim@example.org", text="Second thought")
    CommentFactory(consultation=consultation, email="other@example.org", text="Someone else")
    client.force_login(data_officer)
    # The consultations app no longer keeps a comment-only tool of its own.
    assert client.get("/admin/consultations/personal-data/").status_code == 404
    assert 'href="/admin/personal-data/"' in client.get("/admin/consultations/data/").content.decode()
    shown = client.post("/admin/personal-data/", {"email": "kim@example.org", "action": "find"})
    assert shown.status_code == 200
    # Every app's data of that person, found in one place: here only the two comments.
    found = {name: len(items) for name, items in shown.context["found"]}
    assert found.pop("comments") == 2
    assert {"fund_applications", "fund_ballots", "story_submissions"} <= found.keys()
    assert set(found.values()) == {0}
    exported = client.post("/admin/personal-data/", {"email": "kim@example.org", "action": "export"})
    data = json.loads(exported.content)
    assert [c["text"] for c in data["consultations"]["comments"]] == ["First thought", "Second thought"]
    assert data["consultations"]["comments"][0]["postcode"] == "WR14 2AA"
    assert "Someone else" not in exported.content.decode()


def test_erasure_needs_confirmation_then_deletes_everything_for_that_email(client, consultation, data_officer):
    question = ConsultationQuestionFactory(page=consultation, kind="single", choices="A\nB")
    mine = CommentFactory(consultation=consultation, email="kim@example.org")
    Answer.objects.create(comment=mine, question=question, value="A")
    CommentFactory(consultation=consultation, email="other@example.org")
    client.force_login(data_officer)
    confirm_page = client.post("/admin/personal-data/", {"email": "kim@example.org", "action": "erase"})
    assert confirm_page.status_code == 200
    unconfirmed = client.post("/admin/personal-data/erase/", {"email": "kim@example.org"})
    assert unconfirmed.status_code == 400
    assert "Tick the box to confirm the erasure" in unconfirmed.content.decode()
    assert Comment.objects.filter(email="kim@example.org").exists()
    client.post("/admin/personal-data/erase/", {"email": "KIM@example.org", "confirm": "on"})
    assert not Comment.objects.filter(email__iexact="kim@example.org").exists()
    assert not Answer.objects.exists()
    assert Comment.objects.filter(email="other@example.org").exists()
    entry = ModelLogEntry.objects.get(action="consultations.comment.erase")
    assert entry.user == data_officer
    assert "kim@example.org" not in json.dumps(entry.data) + entry.label


def test_purge_anonymises_comments_after_the_retention_and_is_safe_to_rerun(consultation, settings):
    settings.CONSULTATION_PERSONAL_DATA_RETENTION_DAYS = 30
    text_question = ConsultationQuestionFactory(page=consultation, kind="text")
    choice_question = ConsultationQuestionFactory(page=consultation, kind="single", choices="A\nB")
    consultation.opens_at = timezone.now() - timedelta(days=120)
    consultation.closes_at = timezone.now() - timedelta(days=90)
    consultation.outcome_published_at = timezone.now() - timedelta(days=31)
    consultation.save_revision().publish()
    comment = CommentFactory(
        consultation=consultation, email="old@example.org", display_name="Old", notify_outcome=True
    )
    Answer.objects.create(comment=comment, question=text_question, value="My neighbour Bob at number 4")
    Answer.objects.create(comment=comment, question=choice_question, value="A")
    never_confirmed = CommentFactory(
        consultation=consultation, confirmed_at=None, created_at=timezone.now() - timedelta(days=20)
    )

    call_command("purge_personal_data")
    comment.refresh_from_db()
    assert (comment.email, comment.display_name, comment.postcode, comment.notify_outcome) == ("", "", "", False)
    assert comment.text  # what was said stays on the public record
    assert list(Answer.objects.values_list("value", flat=True)) == ["A"]
    assert not Comment.objects.filter(pk=never_confirmed.pk).exists()
    purged_at = comment.personal_data_purged_at

    call_command("purge_personal_data")
    comment.refresh_from_db()
    assert comment.personal_data_purged_at == purged_at


def test_purge_keeps_data_within_the_retention(consultation, settings):
    settings.CONSULTATION_PERSONAL_DATA_RETENTION_DAYS = 30
    consultation.opens_at = timezone.now() - timedelta(days=60)
    consultation.closes_at = timezone.now() - timedelta(days=40)
    consultation.outcome_published_at = timezone.now() - timedelta(days=10)
    consultation.save_revision().publish()
    comment = CommentFactory(consultation=consultation, email="recent@example.org")
    fresh_unconfirmed = CommentFactory(consultation=consultation, confirmed_at=None)
    call_command("purge_personal_data", "--days", "30")
    comment.refresh_from_db()
    assert comment.email == "recent@example.org"
    assert Comment.objects.filter(pk=fresh_unconfirmed.pk).exists()


def test_purged_comment_is_shown_as_from_a_resident(client, consultation):
    CommentFactory(consultation=consultation, display_name="", email="", text="Anonymised words")
    content = client.get(consultation.url).content.decode()
    assert "A resident" in content and "Anonymised words" in content
