"""Groups post opportunities from their own area; moderators publish them; a group cannot."""

import datetime
import re

from django.contrib.auth.models import Group, User
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from wagtail.models import WorkflowState

import pytest

from core.staff_roles import MODERATORS
from volunteering.group_access import AREA
from volunteering.models import OpportunityPage, OpportunitySubmission
from volunteering.staff_roles import WORKFLOW_NAME

pytestmark = pytest.mark.django_db

GROUP = "litter.pickers@example.org"


def sign_in(client, email=GROUP):
    token = AREA.link.make({"email": email, "next": ""})
    response = client.get(reverse("volunteering:sign_in_link", args=[token]))
    assert response.status_code == 302


def posting(places, themes, **changes):
    data = {
        "group_name": "Upton Litter Pickers",
        "title": "Saturday litter pick",
        "summary": "Help keep the riverside tidy.",
        "description": "We meet at the bridge.\n\nGloves provided.",
        "place": places["upton"].pk,
        "themes": [themes["safer"].pk],
        "commitment": "monthly",
        "hours": "2 hours",
        "volunteers_wanted": "10",
        "accessibility": ["step_free_access", "can_be_done_seated"],
        "accessibility_notes": "Level path.",
        "closing_date": (timezone.localdate() + datetime.timedelta(days=30)).strftime("%d/%m/%Y"),
        "website": "",
    }
    data.update(changes)
    return data


def test_a_group_signs_in_by_an_emailed_link(client, index):
    response = client.post(reverse("volunteering:sign_in"), {"email": GROUP, "website": ""})
    assert response.status_code == 200
    assert "Check your email" in response.content.decode()
    [message] = mail.outbox
    path = re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)
    assert client.get(path).status_code == 302
    assert client.get(reverse("volunteering:mine")).status_code == 200
    # The link works once.
    client.logout()
    assert client.get(path).status_code == 400


def test_the_area_asks_for_sign_in_first(client, index):
    response = client.get(reverse("volunteering:new"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("volunteering:sign_in"))


def test_another_areas_link_does_not_sign_in_here(client, index):
    from fund.group_access import AREA as FUND_AREA

    token = FUND_AREA.link.make({"email": GROUP, "next": ""})
    assert client.get(reverse("volunteering:sign_in_link", args=[token])).status_code == 400


def test_a_group_posts_an_opportunity_that_waits_for_review(client, index, places, themes):
    sign_in(client)
    response = client.post(reverse("volunteering:new"), posting(places, themes))
    assert response.status_code == 302
    submission = OpportunitySubmission.objects.select_related("page").get()
    page = submission.page.specific
    assert submission.group_email == GROUP
    assert not page.live
    assert page.get_parent().pk == index.pk
    assert page.expire_at.date() == timezone.localdate() + datetime.timedelta(days=30)
    assert page.step_free_access and page.can_be_done_seated and not page.accessible_toilet
    assert list(page.themes.values_list("slug", flat=True)) == ["safer"]
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == WORKFLOW_NAME
    # The thank-you message, in the group's area.
    assert "A moderator will review it." in client.get(reverse("volunteering:mine")).content.decode()
    # Not on the public listing, nor at its address.
    assert "Saturday litter pick" not in client.get("/volunteering/").content.decode()
    assert client.get("/volunteering/saturday-litter-pick/").status_code == 404
    # The group's receipt.
    assert any(message.to == [GROUP] and submission.reference in message.body for message in mail.outbox)


def test_the_groups_area_lists_its_opportunities_and_where_each_stands(client, index, places, themes):
    sign_in(client)
    client.post(reverse("volunteering:new"), posting(places, themes))
    content = client.get(reverse("volunteering:mine")).content.decode()
    assert "Saturday litter pick" in content
    assert "Waiting for review" in content

    page = OpportunitySubmission.objects.get().page
    page.get_latest_revision().publish()
    content = client.get(reverse("volunteering:mine")).content.decode()
    assert "Published" in content


def test_a_group_sees_only_its_own_opportunities(client, index, places, themes):
    sign_in(client)
    client.post(reverse("volunteering:new"), posting(places, themes))
    other = type(client)()
    sign_in(other, "someone.else@example.org")
    assert "Saturday litter pick" not in other.get(reverse("volunteering:mine")).content.decode()


def test_a_group_cannot_publish(client, index, places, themes):
    sign_in(client)
    client.post(reverse("volunteering:new"), posting(places, themes))
    page = OpportunitySubmission.objects.get().page
    # Signed in to its area is not signed in to the admin.
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action-publish": "publish"})
    assert response.status_code == 302 and "/admin/login/" in response.url
    page.refresh_from_db()
    assert not page.live


def test_a_moderator_approves_and_the_opportunity_is_published(client, index, places, themes):
    sign_in(client)
    client.post(reverse("volunteering:new"), posting(places, themes))
    page = OpportunitySubmission.objects.get().page
    moderator = User.objects.create_user("mod", "mod@council.example", "a long enough password")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    state = WorkflowState.objects.get(object_id=str(page.pk))
    state.current_task_state.task.specific.on_action(state.current_task_state, moderator, "approve")
    page.refresh_from_db()
    assert page.live
    assert "Saturday litter pick" in client.get("/volunteering/").content.decode()


def test_a_mistake_keeps_everything_typed(client, index, places, themes):
    sign_in(client)
    response = client.post(reverse("volunteering:new"), posting(places, themes, title=""))
    assert response.status_code == 400
    content = response.content.decode()
    assert 'class="govuk-error-summary"' in content
    assert 'href="#id_title"' in content
    assert "We meet at the bridge." in content
    assert 'value="Upton Litter Pickers"' in content
    assert not OpportunitySubmission.objects.exists()


@pytest.mark.parametrize(
    ("days", "message"),
    [(-1, "must be today or later"), (400, "within a year")],
)
def test_the_closing_date_must_be_within_the_next_year(client, index, places, themes, days, message):
    sign_in(client)
    closing = (timezone.localdate() + datetime.timedelta(days=days)).strftime("%d/%m/%Y")
    response = client.post(reverse("volunteering:new"), posting(places, themes, closing_date=closing))
    assert response.status_code == 400
    assert message in response.content.decode()


def test_a_double_submit_makes_one_opportunity(client, index, places, themes):
    sign_in(client)
    data = posting(places, themes, form_token="4a0d2a8e-1111-4000-8000-000000000001")
    client.post(reverse("volunteering:new"), data)
    client.post(reverse("volunteering:new"), data)
    assert OpportunitySubmission.objects.count() == 1
    assert OpportunityPage.objects.count() == 1


def test_the_area_pages_are_private(client, index):
    sign_in(client)
    for name in ("mine", "new", "sign_in"):
        assert "no-store" in client.get(reverse(f"volunteering:{name}"))["Cache-Control"]


def test_moderators_may_publish_volunteering_pages(index):
    from wagtail.models import GroupPagePermission

    codenames = set(
        GroupPagePermission.objects.filter(group__name=MODERATORS, page=index).values_list(
            "permission__codename", flat=True
        )
    )
    assert {"change_page", "publish_page"} <= codenames


def test_a_declined_group_hears_why_once(client, index, places, themes):
    sign_in(client)
    client.post(reverse("volunteering:new"), posting(places, themes))
    page = OpportunitySubmission.objects.get().page
    moderator = User.objects.create_user("mod", "mod@council.example", "a long enough password")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    mail.outbox.clear()
    state = WorkflowState.objects.get(object_id=str(page.pk))
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, moderator, "reject", comment="Please add where to meet.")
    declined = [message for message in mail.outbox if message.to == [GROUP]]
    assert len(declined) == 1
    assert "Please add where to meet." in declined[0].body
    assert "Declined" in client.get(reverse("volunteering:mine")).content.decode()
    page.refresh_from_db()
    assert not page.live
