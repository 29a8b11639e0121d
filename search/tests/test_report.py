from django.contrib.auth.models import Permission, User

import pytest

pytestmark = pytest.mark.django_db


def test_report_shows_popular_and_no_result_queries_to_staff_with_permission(client, admin_client, make_story):
    make_story("Park run", summary="parks")
    client.get("/search/", {"q": "parks"})
    client.get("/search/", {"q": "parks"})
    client.get("/search/", {"q": "zeppelin"})
    html = admin_client.get("/admin/reports/search/").content.decode()
    assert "parks" in html and "zeppelin" in html
    no_results = html[html.index("Queries with no results") :]
    assert "zeppelin" in no_results and "parks" not in no_results


def test_report_is_refused_to_staff_without_the_permission(client, db):
    user = User.objects.create_user("editor", password="pw-long-enough-123", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get("/admin/reports/search/").status_code in (302, 403)
