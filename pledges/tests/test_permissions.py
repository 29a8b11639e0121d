from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import GroupPagePermission, Workflow, WorkflowPage
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from core.staff_roles import COMMUNICATIONS_TEAM, MODERATORS, PLEDGE_LEADS, apply_staff_roles
from pledges.factories import make_pledge
from pledges.models import PledgePage
from pledges.staff_roles import WORKFLOW_NAME
from pledges.status import Status

PASSWORD = "a long enough password"


@pytest.fixture
def editorial(pledge_index):
    return apply_staff_roles()


def staff(username, group_name):
    user = get_user_model().objects.create_user(username, f"{username}@council.example", PASSWORD)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def lead(editorial):
    return staff("pat", PLEDGE_LEADS)


@pytest.fixture
def moderator(editorial):
    return staff("mo", MODERATORS)


@pytest.fixture
def comms(editorial):
    return staff("cam", COMMUNICATIONS_TEAM)


@pytest.fixture
def led_pledge(pledge_index, healthier, lead):
    pledge = make_pledge(
        pledge_index, healthier, [(date(2024, 1, 1), Status.ON_TRACK, "Started.")], title="Led by Pat", publish=True
    )
    pledge.lead_users.add(lead)
    pledge.save()  # a parental many-to-many is only written on save
    return pledge


@pytest.fixture
def other_pledge(pledge_index, healthier):
    return make_pledge(pledge_index, healthier, title="Someone else's", publish=True)


def edit_form(pledge, updates, **fields):
    """What the admin edit form posts for `pledge`, with `updates` as (date, status, text) rows."""
    data = {
        "title": pledge.title,
        "slug": pledge.slug,
        "commitment": pledge.commitment,
        "theme": pledge.theme_id,
        "investment_priority": "",
        "lead": pledge.lead,
        "target_date": "",
        "updates": inline_formset(
            [
                {
                    "date": when.isoformat(),
                    "status": status,
                    "text": text,
                    "withdrawal_reason": "",
                    "evidence": streamfield([]),
                }
                for when, status, text in updates
            ]
        ),
        "indicators": inline_formset([]),
        **fields,
    }
    return nested_form_data(data)


def test_editorial_setup_is_idempotent(pledge_index):
    apply_staff_roles()
    counts = (Group.objects.count(), GroupPagePermission.objects.count(), Workflow.objects.count())
    apply_staff_roles()
    assert (Group.objects.count(), GroupPagePermission.objects.count(), Workflow.objects.count()) == counts
    assert WorkflowPage.objects.get(page=pledge_index).workflow.name == WORKFLOW_NAME
    assert Group.objects.filter(name=PLEDGE_LEADS).exists()


def test_pledge_lead_can_open_the_pledges_they_lead_but_not_others(client, led_pledge, other_pledge, lead):
    client.force_login(lead)
    assert client.get(f"/admin/pages/{led_pledge.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{other_pledge.pk}/edit/").status_code in (302, 403)
    assert client.get(f"/admin/pages/{led_pledge.get_parent().pk}/edit/").status_code in (302, 403)


def test_pledge_lead_cannot_publish_add_or_delete(led_pledge, lead):
    permissions = led_pledge.permissions_for_user(lead)
    assert permissions.can_edit()
    assert not permissions.can_publish()
    assert not permissions.can_delete()
    assert not led_pledge.get_parent().permissions_for_user(lead).can_add_subpage()


def test_pledge_leads_update_waits_for_a_moderator(client, led_pledge, lead, moderator):
    client.force_login(lead)
    updates = [(date(2024, 1, 1), Status.ON_TRACK, "Started."), (date(2025, 6, 1), Status.AT_RISK, "Volunteers left.")]
    # Publishing is not open to a pledge lead: asking for it changes nothing live.
    client.post(f"/admin/pages/{led_pledge.pk}/edit/", {**edit_form(led_pledge, updates), "action-publish": "1"})
    assert PledgePage.objects.get(pk=led_pledge.pk).current_status == Status.ON_TRACK

    response = client.post(
        f"/admin/pages/{led_pledge.pk}/edit/", {**edit_form(led_pledge, updates), "action-submit": "1"}
    )
    assert response.status_code == 302
    pledge = PledgePage.objects.get(pk=led_pledge.pk)
    assert pledge.workflow_in_progress
    assert pledge.current_status == Status.ON_TRACK
    assert "Volunteers left." not in client.get(pledge.url).content.decode()

    task = pledge.current_workflow_task
    assert task.specific.groups.filter(name=MODERATORS).exists()
    task.on_action(pledge.current_workflow_task_state, moderator, "approve")

    pledge = PledgePage.objects.get(pk=led_pledge.pk)
    assert pledge.current_status == Status.AT_RISK
    assert "Volunteers left." in client.get(pledge.url).content.decode()
    assert pledge.latest_revision.user == lead


def test_communications_team_publishes_any_pledge_directly(client, other_pledge, comms):
    client.force_login(comms)
    form = edit_form(other_pledge, [(date(2025, 1, 1), Status.ACHIEVED, "Done.")])
    response = client.post(f"/admin/pages/{other_pledge.pk}/edit/", {**form, "action-publish": "1"})
    assert response.status_code == 302
    assert PledgePage.objects.get(pk=other_pledge.pk).current_status == Status.ACHIEVED


def test_only_the_communications_team_chooses_pledge_leads(client, led_pledge, lead, comms):
    client.force_login(lead)
    assert 'name="lead_users"' not in client.get(f"/admin/pages/{led_pledge.pk}/edit/").content.decode()
    client.force_login(comms)
    assert 'name="lead_users"' in client.get(f"/admin/pages/{led_pledge.pk}/edit/").content.decode()


def test_pledge_lead_cannot_change_a_pledge_they_do_not_lead(client, other_pledge, lead):
    client.force_login(lead)
    revisions = other_pledge.revisions.count()
    form = edit_form(other_pledge, [(date(2025, 1, 1), Status.ACHIEVED, "Done.")])
    client.post(f"/admin/pages/{other_pledge.pk}/edit/", {**form, "action-submit": "1"})
    assert other_pledge.revisions.count() == revisions
    assert not PledgePage.objects.get(pk=other_pledge.pk).workflow_in_progress
