"""The register in the admin: the Directory menu's snippets and the "Entries to review" report."""

from datetime import timedelta

from django.contrib.auth.models import User
from django.utils import timezone

import pytest

from directory.factories import add_entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, directory):
    user = User.objects.create_superuser("admin", "admin@example.org", "a-long-password-1")
    client.force_login(user)
    return client


def test_entries_to_review_lists_only_entries_not_confirmed_for_over_a_year(admin_client, directory):
    today = timezone.localdate()
    add_entry(directory, title="Confirmed last month", last_confirmed_at=today - timedelta(days=30))
    add_entry(directory, title="Confirmed 364 days ago", last_confirmed_at=today - timedelta(days=364))
    add_entry(directory, title="Confirmed two years ago", last_confirmed_at=today - timedelta(days=730))
    add_entry(directory, title="Confirmed 400 days ago", last_confirmed_at=today - timedelta(days=400))
    html = admin_client.get("/admin/reports/directory-review/").content.decode()
    assert "Entries to review" in html
    assert "Confirmed two years ago" in html
    assert "Confirmed 400 days ago" in html
    assert "Confirmed last month" not in html
    assert "Confirmed 364 days ago" not in html
    # The oldest first.
    assert html.index("Confirmed two years ago") < html.index("Confirmed 400 days ago")


def test_the_report_says_when_nothing_needs_review(admin_client, directory):
    add_entry(directory, title="Fresh")
    html = admin_client.get("/admin/reports/directory-review/").content.decode()
    assert "confirmed within the last year" in html


def test_the_report_is_for_staff_only(client, directory):
    user = User.objects.create_user("resident", "resident@example.org", "a-long-password-1")
    client.force_login(user)
    response = client.get("/admin/reports/directory-review/")
    assert response.status_code in (302, 403)


def test_asset_types_and_organisations_are_managed_under_one_directory_menu(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert "Directory" in html
    assert admin_client.get("/admin/snippets/directory/assettype/").status_code == 200
    listing = admin_client.get("/admin/snippets/directory/assettype/").content.decode()
    assert "Community pantry" in listing
    assert admin_client.get("/admin/snippets/directory/organisation/").status_code == 200
