"""A community group adds an entry to the directory_for_groups from its area: the form, the draft, the review."""

from datetime import time
from html import unescape

from django.core import mail
from django.urls import reverse

from wagtail.models import PageLogEntry, WorkflowState

import pytest

from directory.models import AssetPage, DirectoryEntryOwner, Organisation

from .group_helpers import (
    GROUP_EMAIL,
    add_entry,
    entry_data,
    sign_in,
    workflow_state,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_rate_limits")]

ADD = "/directory/your-entries/add/"


@pytest.fixture
def group(client, directory_for_groups, register_data):
    sign_in(client)
    return client


def test_adding_an_entry_makes_a_draft_in_review_owned_by_the_group(group, directory_for_groups, register_data):
    mail.outbox.clear()
    owner = add_entry(group, register_data)

    page = AssetPage.objects.get(pk=owner.page_id)
    assert not page.live
    assert page.get_parent().pk == directory_for_groups.pk
    assert (page.title, page.asset_type, page.place) == (
        "Upton Memorial Hall",
        register_data["hall"],
        register_data["upton"],
    )
    assert page.postcode == "WR8 0HW"
    assert str(page.latitude) == "52.06312" and str(page.longitude) == "-2.21750"
    assert page.step_free_access and not page.hearing_loop
    assert list(page.themes.all()) == [register_data["healthier"]]
    assert [(o.weekday, o.opens, o.closes) for o in page.opening_times.all()] == [
        (1, time(9, 30), time(16, 0)),
        (3, time(18, 0), time(21, 30)),
    ]
    assert page.organisation.name == "Upton Memorial Hall Trust"
    assert page.organisation.charity_number == "1012345"
    assert (owner.group_name, owner.group_email) == ("Upton Hall Committee", GROUP_EMAIL)
    assert owner.reference.startswith("DE-")

    state = workflow_state(page)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Directory moderation"
    assert state.current_task_state.task.name == "Directory entry review"
    logged = PageLogEntry.objects.get(page=page, action="directory.group_submitted")
    assert logged.data == {"group": "Upton Hall Committee", "reference": owner.reference}
    assert GROUP_EMAIL not in str(logged.data)

    receipt = next(m for m in mail.outbox if m.to == [GROUP_EMAIL])
    assert owner.reference in receipt.subject
    assert "http://testserver/directory/your-entries/" in receipt.body
    to_moderators = next(m for m in mail.outbox if "moderators@connected-communities.localhost" in m.to)
    assert "Upton Hall Committee" in to_moderators.body
    assert f"/admin/pages/{page.pk}/edit/" in to_moderators.body


def test_the_draft_is_not_public_until_a_moderator_approves(
    group, client, directory_for_groups, register_data, directory_moderator
):
    from .group_helpers import live_fields, moderator_acts

    owner = add_entry(group, register_data)
    assert live_fields(client, owner.page)[0] == 404
    moderator_acts(directory_moderator, owner.page, "approve")
    page = AssetPage.objects.get(pk=owner.page_id)
    assert page.live
    status, fields = live_fields(client, page)
    assert status == 200 and fields["summary"] == "A hall for hire with a kitchen and a garden."


def test_the_form_shows_every_field_with_the_districts_places_and_the_types(group, register_data):
    response = group.get(ADD)
    assert response.status_code == 200
    html = unescape(response.content.decode())
    for label in ("What kind of place or service is it?", "Town or parish", "Latitude", "Step-free access"):
        assert label in html
    assert "Tenbury Wells" in html and "Foodbank" in html
    assert html.count('name="opens_') == 7 and html.count('name="closes_') == 7
    assert 'name="website"' in html  # the honeypot


def test_errors_are_summarised_and_shown_at_each_field_and_nothing_typed_is_lost(group, register_data):
    data = entry_data(register_data, name="", closes_1="08:00", latitude="53.50000")
    response = group.post(ADD, data)
    assert response.status_code == 400
    html = unescape(response.content.decode())
    assert "There is a problem" in html
    for field, message in [
        ("id_name", "Enter the name of the place or service."),
        ("id_closes_1", "On Tuesday, the closing time must be after the opening time."),
        ("id_latitude", "This latitude is outside the district."),
    ]:
        assert f'href="#{field}"' in html
        assert message in html
        assert f'id="{field}-error"' in html
    # Everything else comes back as it was typed.
    assert "Parties, classes and the Tuesday lunch club." in html
    assert 'value="Upton Memorial Hall Trust"' in html
    assert "Old Street\nUpton-upon-Severn" in html
    assert 'value="09:30"' in html and 'value="08:00"' in html
    assert 'value="53.50000"' in html
    assert not AssetPage.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"contact_is_a_person": "on"},
            "person_agreed_to_publish",
            "A private person's email or phone is published only with their agreement.",
        ),
        ({"longitude": ""}, "longitude", "Give both the latitude and the longitude, or neither."),
        ({"longitude": "-3.50000"}, "longitude", "This longitude is outside the district."),
        ({"closes_3": ""}, "closes_3", "Enter when it closes on Thursday."),
        ({"opens_1": "half nine"}, "opens_1", "Enter a time on the 24-hour clock"),
        ({"postcode": "WR8"}, "postcode", "Enter a full postcode, like WR14 3AF."),
        ({"charity_number": "12ab"}, "charity_number", "Enter a charity number of 6 to 8 digits"),
        ({"summary": "x" * 301}, "summary", "Ensure this value has at most 300 characters"),
        ({"description": "x" * 5001}, "description", "Ensure this value has at most 5000 characters"),
        (
            {"contact_email": "", "contact_phone": "", "contact_website": ""},
            "contact_email",
            "Give at least one way to get in touch",
        ),
        ({"group_name": ""}, "group_name", "Enter your community group's name."),
    ],
)
def test_the_form_refuses_what_breaks_the_registers_rules(group, register_data, changes, field, message):
    response = group.post(ADD, entry_data(register_data, **changes))
    assert response.status_code == 400
    html = unescape(response.content.decode())
    assert f'href="#id_{field}"' in html
    assert message in html
    assert not AssetPage.objects.exists()


def test_a_private_persons_contact_is_accepted_with_their_agreement(group, register_data):
    owner = add_entry(group, register_data, contact_is_a_person="on", person_agreed_to_publish="on")
    page = owner.page.specific
    assert page.contact_is_a_person and page.person_agreed_to_publish
    assert page.public_contact == ("bookings@uptonhall.example.org", "01684 123456")


def test_a_map_point_is_optional(group, register_data):
    owner = add_entry(group, register_data, latitude="", longitude="")
    assert owner.page.specific.latitude is None


def test_a_double_clicked_send_makes_one_entry(group, register_data):
    data = entry_data(register_data)
    group.post(ADD, data)
    group.post(ADD, data)
    assert DirectoryEntryOwner.objects.count() == 1
    assert AssetPage.objects.count() == 1


def test_the_honeypot_refuses_a_bot(group, register_data):
    response = group.post(ADD, entry_data(register_data, website="http://spam.example"))
    assert response.status_code == 400
    assert not AssetPage.objects.exists()


def test_an_existing_organisation_is_reused_never_changed(group, register_data):
    trust = Organisation.objects.create(
        name="Upton Memorial Hall Trust", website="https://uptonhall.example.org", charity_number="1012345"
    )
    owner = add_entry(group, register_data)
    assert owner.page.specific.organisation == trust
    add_entry(group, register_data, name="Upton Pavilion", organisation_website="https://pavilion.example.org")
    trust.refresh_from_db()
    assert trust.website == "https://uptonhall.example.org"
    assert Organisation.objects.count() == 2


def test_adding_needs_a_signed_in_group(client, directory_for_groups, register_data):
    response = client.get(ADD)
    assert response.status_code == 302
    assert response["Location"] == reverse("directory_groups:sign_in") + "?next=" + ADD
    response = client.post(ADD, entry_data(register_data))
    assert response.status_code == 302
    assert not AssetPage.objects.exists()


def test_too_many_sends_are_refused_with_what_was_typed(group, register_data, settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 1
    add_entry(group, register_data)
    response = group.post(ADD, entry_data(register_data, name="Second hall"))
    assert response.status_code == 429
    assert "Second hall" in response.content.decode()


def test_an_entrys_slug_never_takes_the_groups_area(group, register_data):
    owner = add_entry(group, register_data, name="Your entries")
    assert owner.page.slug == "your-entries-2"
