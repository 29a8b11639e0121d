"""Other apps' pages link to the form; the theme page has its link; staff see counts, never addresses."""

from django.template import Context, Template

import pytest

from following import kinds
from following.kinds import register_kind

from .followers import subscribed

pytestmark = pytest.mark.django_db


def test_the_follow_link_tag_links_to_the_form_with_the_thing_ticked(client, things):
    html = Template('{% load following %}{% follow_link "place" "malvern" %}').render(Context())
    assert 'href="/follow/?kind=place&amp;key=malvern"' in html and "Get emails about this place" in html
    assert 'value="malvern" checked' in client.get("/follow/?kind=place&key=malvern").content.decode()


def test_a_thing_followed_only_from_its_own_page_is_offered_on_the_form(client, things, monkeypatch):
    monkeypatch.setattr(kinds, "_kinds", dict(kinds._kinds))  # the registration ends with the test
    register_kind(
        "pledge",
        label="pledge",
        link_text="Get emails about this pledge",
        choices=None,
        describe=lambda keys: {key: (f"Pledge {key}", f"/pledges/{key}/") for key in keys if key == "7"},
    )
    html = client.get("/follow/?kind=pledge&key=7").content.decode()
    assert "Pledge 7" in html and 'value="7" checked' in html
    response = client.post(
        "/follow/?kind=pledge&key=7",
        {"email": "sam@example.org", "follow_this": ["7"], "frequency": "weekly"},
    )
    assert response.status_code == 302
    assert "Pledge 7" not in client.get("/follow/").content.decode()  # not offered without the link


def test_a_theme_page_links_to_following_its_theme(client, strategy_site):
    html = client.get("/strategy/healthier/").content.decode()
    assert "/follow/?kind=theme&amp;key=healthier" in html


def test_staff_see_how_many_follow_each_thing_but_no_address(client, things, django_user_model):
    subscribed("sam@example.org", ("place", "malvern"))
    subscribed("jo@example.org", ("place", "malvern"), ("theme", "healthier"))
    admin = django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(admin)
    html = client.get("/admin/reports/followers/").content.decode()
    assert "Malvern" in html and "Healthier communities" in html
    assert "sam@example.org" not in html and "jo@example.org" not in html


def test_staff_without_the_permission_cannot_see_the_report(client, things, django_user_model):
    from django.contrib.auth.models import Permission

    editor = django_user_model.objects.create_user("editor", "editor@example.org", "pw")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get("/admin/reports/followers/").status_code in (302, 403)
