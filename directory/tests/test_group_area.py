"""The community groups' area: signing in by emailed link, the group's entries and where each stands."""

from django.core import mail
from django.test import Client
from django.urls import reverse

import pytest

from directory.group_access import AREA
from directory.models import AssetPage

from .group_factories import AssetPageFactory, DirectoryEntryOwnerFactory
from .group_helpers import (
    GROUP_EMAIL,
    OTHER_EMAIL,
    add_entry,
    links_in,
    moderator_acts,
    sign_in,
    update_data,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_rate_limits")]

MINE = "/directory/your-entries/"


def test_any_address_can_ask_for_a_link_and_the_link_signs_in_once(client, directory_for_groups):
    mail.outbox.clear()
    response = client.post(reverse("directory_groups:sign_in"), {"email": "New.Group@example.org"})
    assert response.status_code == 200
    assert "Check your email" in response.content.decode()
    link = next(link for link in links_in(mail.outbox[-1]) if "/directory/your-entries/sign-in/" in link)
    path = link.replace("http://testserver", "")
    response = client.get(path)
    assert response.status_code == 302 and response["Location"] == MINE
    page = client.get(MINE)
    assert page.status_code == 200
    assert "Signed in as new.group@example.org" in page.content.decode()
    assert "has not added an entry" in page.content.decode()

    other = Client()
    assert other.get(path).status_code == 400  # used once already


def test_a_sign_in_link_for_stories_or_the_fund_does_not_sign_in_here(client, directory_for_groups):
    from fund.group_access import AREA as FUND_AREA

    token = FUND_AREA.link.make({"email": GROUP_EMAIL, "next": ""})
    assert client.get(reverse("directory_groups:sign_in_link", args=[token])).status_code == 400
    assert client.get(MINE).status_code == 302


def test_the_area_needs_a_signed_in_group(client, directory_for_groups):
    response = client.get(MINE)
    assert response.status_code == 302
    assert response["Location"] == reverse("directory_groups:sign_in") + "?next=" + MINE


def test_every_page_of_the_area_is_private(client, directory_for_groups, register_data):
    sign_in(client)
    owner = add_entry(client, register_data)
    for url in (
        MINE,
        reverse("directory_groups:add"),
        reverse("directory_groups:edit", args=[owner.reference]),
        reverse("directory_groups:sent", args=[owner.reference]),
        reverse("directory_groups:sign_in"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == "private, no-store", url
        assert "noindex" in response["X-Robots-Tag"], url


def test_the_area_lists_each_entry_with_where_it_stands(
    client, directory_for_groups, register_data, directory_moderator
):
    sign_in(client)
    add_entry(client, register_data, name="Hanley Castle Hall")
    sent_back = add_entry(client, register_data, name="Welland Hall")
    moderator_acts(directory_moderator, sent_back.page, "reject", comment="Please add the opening hours for Saturday.")
    live = add_entry(client, register_data, name="Upton Memorial Hall")
    moderator_acts(directory_moderator, live.page, "approve")
    changing = add_entry(client, register_data, name="Kempsey Hall")
    moderator_acts(directory_moderator, changing.page, "approve")
    client.post(
        reverse("directory_groups:edit", args=[changing.reference]), update_data(register_data, name="Kempsey Hall")
    )

    html = client.get(MINE).content.decode()
    chunks = html.split("Check your live entries")[0].split('<div class="govuk-summary-card">')[1:]
    titles = ("Hanley Castle Hall", "Welland Hall", "Upton Memorial Hall", "Kempsey Hall")
    cards = {title: next(chunk for chunk in chunks if title in chunk) for title in titles}
    assert ">In review<" in cards["Hanley Castle Hall"]
    assert ">Changes requested<" in cards["Welland Hall"]
    assert "Please add the opening hours for Saturday." in cards["Welland Hall"]
    assert ">Live<" in cards["Upton Memorial Hall"]
    assert ">Live, with changes in review<" in cards["Kempsey Hall"]
    # Live entries link to the public page and can be confirmed; drafts cannot.
    assert "The live details are still correct" in cards["Upton Memorial Hall"]
    assert "The live details are still correct" not in cards["Hanley Castle Hall"]


def test_a_group_sees_only_its_own_entries(client, directory_for_groups, register_data):
    theirs = DirectoryEntryOwnerFactory(
        page=AssetPageFactory(parent=directory_for_groups, title="Scout hut"), group_email=OTHER_EMAIL
    )
    sign_in(client)
    add_entry(client, register_data)
    html = client.get(MINE).content.decode()
    assert "Upton Memorial Hall" in html
    assert "Scout hut" not in html and theirs.reference not in html


def test_another_groups_reference_is_not_found(client, directory_for_groups, register_data):
    theirs = DirectoryEntryOwnerFactory(
        page=AssetPageFactory(parent=directory_for_groups, title="Scout hut", summary="Their words."),
        group_email=OTHER_EMAIL,
    )
    sign_in(client)
    for name in ("edit", "sent"):
        assert client.get(reverse(f"directory_groups:{name}", args=[theirs.reference])).status_code == 404
    response = client.post(
        reverse("directory_groups:edit", args=[theirs.reference]), update_data(register_data, summary="Taken over.")
    )
    assert response.status_code == 404
    assert client.post(reverse("directory_groups:confirm", args=[theirs.reference])).status_code == 404
    page = AssetPage.objects.get(pk=theirs.page_id)
    assert page.summary == "Their words."
    assert page.get_latest_revision() is None or page.get_latest_revision().as_object().summary == "Their words."


def test_signing_out_ends_the_session(client, directory_for_groups):
    sign_in(client)
    client.post(reverse("directory_groups:sign_out"))
    assert client.get(MINE).status_code == 302


def test_the_areas_sessions_are_kept_apart_from_the_stories_and_the_funds(client, directory_for_groups):
    from stories.group_access import AREA as STORIES_AREA

    sign_in(client)
    request = type("Request", (), {"session": client.session})()
    assert AREA.signed_in_email(request) == GROUP_EMAIL
    assert STORIES_AREA.signed_in_email(request) is None


@pytest.mark.parametrize("count", [2, 12])
def test_the_areas_queries_stay_flat_however_many_entries_the_group_has(
    client, directory_for_groups, count, django_assert_max_num_queries
):
    for number in range(count):
        page = AssetPageFactory(parent=directory_for_groups, title=f"Hall {number}")
        page.save_revision().publish()
        DirectoryEntryOwnerFactory(page=page)
    sign_in(client)
    client.get(MINE)
    with django_assert_max_num_queries(12):
        response = client.get(MINE)
    assert response.status_code == 200
    assert response.content.decode().count('class="govuk-summary-card__title"') == count
