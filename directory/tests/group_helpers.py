"""Shared fixtures and steps for the community groups' entries tests.

Test modules import the fixtures they use from here (they live beside other teams' tests in
this folder, so they keep out of its conftest).
"""

import re
import uuid

from django.contrib.auth.models import Group, User
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from wagtail.models import WorkflowState

import pytest

from core.staff_roles import MODERATORS, apply_staff_roles
from directory.models import DirectoryEntryOwner

from .group_factories import AssetTypeFactory, DirectoryPageFactory, PlaceFactory, ThemeFactory

GROUP_EMAIL = "hall@example.org"
OTHER_EMAIL = "scouts@example.org"


@pytest.fixture
def directory_for_groups(home):
    page = DirectoryPageFactory(parent=home)
    page.save_revision().publish()
    apply_staff_roles()  # the directory_for_groups exists now: its workflow and the moderators' permissions
    return page


@pytest.fixture
def register_data(db):
    return {
        "hall": AssetTypeFactory(),
        "foodbank": AssetTypeFactory(name="Foodbank", plural_name="Foodbanks", slug="foodbank"),
        "upton": PlaceFactory(),
        "tenbury": PlaceFactory(name="Tenbury Wells", slug="tenbury"),
        "healthier": ThemeFactory(),
    }


@pytest.fixture
def directory_moderator(directory_for_groups):
    user = User.objects.create_user("mod", "mod@example.org", "a-long-password-1")
    user.groups.add(Group.objects.get(name=MODERATORS))
    return user


@pytest.fixture
def fresh_rate_limits():
    """Rate-limit counters and receipt caps live in the cache; each test starts with none."""
    cache.clear()
    yield
    cache.clear()


def links_in(message):
    return re.findall(r"https?://\S+", message.body)


def sign_in(client, email=GROUP_EMAIL):
    mail.outbox.clear()
    client.post(reverse("directory_groups:sign_in"), {"email": email})
    link = next(link for link in links_in(mail.outbox[-1]) if "/sign-in/" in link)
    response = client.get(link.replace("http://testserver", ""))
    assert response.status_code == 302
    return response


def entry_data(register_data, **changes):
    data = {
        "group_name": "Upton Hall Committee",
        "asset_type": register_data["hall"].pk,
        "name": "Upton Memorial Hall",
        "summary": "A hall for hire with a kitchen and a garden.",
        "description": "Parties, classes and the Tuesday lunch club.",
        "organisation_name": "Upton Memorial Hall Trust",
        "organisation_website": "https://uptonhall.example.org",
        "charity_number": "1012345",
        "place": register_data["upton"].pk,
        "address": "Old Street\nUpton-upon-Severn",
        "postcode": "wr8 0hw",
        "latitude": "52.06312",
        "longitude": "-2.21750",
        "contact_email": "bookings@uptonhall.example.org",
        "contact_phone": "01684 123456",
        "contact_website": "https://uptonhall.example.org/book",
        "step_free_access": "on",
        "accessibility_notes": "Ramp at the side door.",
        "themes": [register_data["healthier"].pk],
        "opens_1": "09:30",
        "closes_1": "16:00",
        "opens_3": "18:00",
        "closes_3": "21:30",
        "form_token": str(uuid.uuid4()),
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def add_entry(client, register_data, **changes):
    response = client.post(reverse("directory_groups:add"), entry_data(register_data, **changes))
    assert response.status_code == 302, response.content.decode()[:3000]
    return DirectoryEntryOwner.objects.get(page__title=changes.get("name", "Upton Memorial Hall"))


def update_data(register_data, **changes):
    data = entry_data(register_data, **changes)
    data.pop("group_name")
    return data


def workflow_state(page):
    return WorkflowState.objects.filter(object_id=str(page.pk)).order_by("-pk").first()


def moderator_acts(user, page, action, comment=None):
    """Approve or reject the current task through Wagtail's own admin view (in a client of its own)."""
    client = Client()
    client.force_login(user)
    state = workflow_state(page).current_task_state
    data = {"comment": comment} if comment is not None else {}
    response = client.post(reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, state.pk)), data)
    assert response.status_code in (200, 302)
    return response


def live_fields(client, page):
    """The entry as the public API shows it (live version only)."""
    response = client.get(f"/api/v2/pages/{page.pk}/")
    return response.status_code, (response.json() if response.status_code == 200 else None)
