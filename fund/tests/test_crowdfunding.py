"""A funded group keeps its project's crowdfunding link and amount raised up to date from its area."""

from decimal import Decimal

from django.test import Client, override_settings
from django.urls import reverse

from wagtail.models import PageLogEntry

import pytest

from fund.crowdfunding import UPDATED_ACTION
from fund.factories import ApplicationFactory, ProjectPageFactory
from fund.models import Application, ProjectPage

from .test_apply import EMAIL, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def generous_limits(settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 100
    settings.PUBLIC_RECEIPTS_PER_ADDRESS_PER_DAY = 100


@pytest.fixture
def funded(finished_round, priorities):
    return ApplicationFactory(
        round=finished_round,
        group_email=EMAIL,
        state=Application.State.FUNDED,
        decision_reasons="Strong local support.",
        project_title="Community orchard",
    )


@pytest.fixture
def project(funded, finished_round, priorities):
    page = ProjectPageFactory.build(
        title="Community orchard",
        slug="community-orchard",
        priority=priorities["places"],
        application=funded,
        grant_amount=Decimal("12000"),
        crowdfunding_raised=Decimal("1000"),
        match_funding=Decimal("3000"),
        target=Decimal("10000"),
    )
    finished_round.add_child(instance=page)
    page.save_revision().publish()
    return ProjectPage.objects.get(pk=page.pk)


@pytest.fixture
def group():
    return signed_in()


def update_url(application):
    return reverse("fund:crowdfunding", args=[application.reference])


def valid(**changes):
    return {"crowdfunding_url": "https://www.example.org/orchard", "crowdfunding_raised": "4200", **changes}


def test_the_area_links_to_the_form_only_for_a_live_project(group, project, funded, open_round):
    draft = ApplicationFactory(round=open_round, group_email=EMAIL, state=Application.State.DRAFT)
    content = group.get(reverse("fund:mine")).content.decode()
    assert update_url(funded) in content
    assert update_url(draft) not in content
    project.unpublish()
    assert update_url(funded) not in group.get(reverse("fund:mine")).content.decode()
    assert group.get(update_url(funded)).status_code == 404


def test_the_form_shows_the_current_figures(group, project, funded):
    response = group.get(update_url(funded))
    assert response.status_code == 200
    content = response.content.decode()
    assert '<label class="govuk-label govuk-label--s" for="id_crowdfunding_raised">' in content
    assert 'value="1000.00"' in content
    assert "csrfmiddlewaretoken" in content


def test_saving_publishes_the_figures_on_the_public_page(group, project, funded):
    response = group.post(update_url(funded), valid())
    assert response.status_code == 302 and response["Location"] == reverse("fund:mine")
    page = ProjectPage.objects.get(pk=project.pk)
    assert page.crowdfunding_raised == Decimal("4200")
    assert page.crowdfunding_url == "https://www.example.org/orchard"
    assert page.live_revision_id != project.live_revision_id  # a new, published revision
    assert page.match_funding == Decimal("3000") and page.target == Decimal("10000")
    public = Client().get(page.url).content.decode()
    assert "£7,200 raised of the £10,000 target (72%): £4,200 from the public and £3,000 matched by the council." in (
        public
    )
    assert 'href="https://www.example.org/orchard"' in public
    area = group.get(reverse("fund:mine")).content.decode()
    assert "Your crowdfunding figures are saved" in area


def test_a_staff_draft_stays_the_latest_revision_with_the_groups_figures_in_it(group, project, funded):
    draft = project.get_latest_revision_as_object()
    draft.summary = "A summary an officer is still working on."
    draft.save_revision()
    group.post(update_url(funded), valid())
    page = ProjectPage.objects.get(pk=project.pk)
    assert page.crowdfunding_raised == Decimal("4200")  # published
    assert page.summary != "A summary an officer is still working on."  # the draft is not published
    assert page.has_unpublished_changes
    latest = page.get_latest_revision_as_object()
    assert latest.summary == "A summary an officer is still working on."
    assert latest.crowdfunding_raised == Decimal("4200")


def test_saving_empties_the_page_cache_as_any_publication_does(group, project, funded):
    visitor = Client()
    with override_settings(PAGE_CACHE_SECONDS=300):
        assert "£4,000 raised" in visitor.get(project.url).content.decode()
        group.post(update_url(funded), valid())
        assert "£7,200 raised" in visitor.get(project.url).content.decode()


def test_the_audit_log_names_the_application_not_a_user(group, project, funded):
    group.post(update_url(funded), valid())
    entry = PageLogEntry.objects.get(page=project, action=UPDATED_ACTION)
    assert entry.user is None
    assert entry.data["reference"] == funded.reference
    assert entry.message == (
        f"Crowdfunding figures updated and published by the group of application {funded.reference}"
    )


def test_the_match_and_the_target_cannot_be_set_by_the_group(group, project, funded):
    group.post(update_url(funded), valid(match_funding="900000", target="1"))
    page = ProjectPage.objects.get(pk=project.pk)
    assert page.match_funding == Decimal("3000") and page.target == Decimal("10000")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"crowdfunding_url": "http://www.example.org/orchard"}, "The address must start with https://"),
        ({"crowdfunding_url": "javascript:alert(1)"}, "Enter the address of your crowdfunding page"),
        ({"crowdfunding_url": "https://example.org/" + "a" * 200}, "The address must be 200 characters or fewer."),
        ({"crowdfunding_raised": ""}, "Enter how much the public has given so far, or 0."),
        ({"crowdfunding_raised": "lots"}, "Enter the amount as a number"),
        ({"crowdfunding_raised": "-5"}, "The amount cannot be less than 0."),
        ({"crowdfunding_raised": "20000000"}, "The amount must be £10,000,000 or less."),
    ],
)
def test_a_mistake_is_explained_and_nothing_typed_is_lost(group, project, funded, changes, message):
    data = valid(**changes)
    response = group.post(update_url(funded), data)
    assert response.status_code == 400
    content = response.content.decode()
    assert "There is a problem" in content and message in content
    assert content.count(message) == 2  # in the summary and by the field
    for value in data.values():
        if value:
            assert f'value="{value}"' in content
    page = ProjectPage.objects.get(pk=project.pk)
    assert page.crowdfunding_raised == Decimal("1000") and page.live_revision_id == project.live_revision_id


def test_another_group_cannot_update_the_figures(project, funded):
    other = signed_in("someone.else@example.org")
    assert other.get(update_url(funded)).status_code == 404
    assert other.post(update_url(funded), valid()).status_code == 404
    assert ProjectPage.objects.get(pk=project.pk).crowdfunding_raised == Decimal("1000")
    assert update_url(funded) not in other.get(reverse("fund:mine")).content.decode()


def test_signing_in_is_needed(client, project, funded):
    response = client.post(update_url(funded), valid())
    assert response.status_code == 302 and response["Location"].startswith(reverse("fund:sign_in"))
    assert ProjectPage.objects.get(pk=project.pk).crowdfunding_raised == Decimal("1000")


def test_the_form_needs_the_csrf_token(project, funded):
    group = Client(enforce_csrf_checks=True)
    group.cookies = signed_in().cookies
    assert group.post(update_url(funded), valid()).status_code == 403
