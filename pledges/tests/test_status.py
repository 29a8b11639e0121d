from datetime import date

from django.core.exceptions import ValidationError

import pytest

from pledges.factories import add_update, make_pledge, make_update
from pledges.models import PledgePage
from pledges.status import Status


def test_pledge_without_updates_reads_not_started(client, pledge_index, healthier):
    pledge = make_pledge(pledge_index, healthier, title="Open a hub")
    assert pledge.current_status == Status.NOT_STARTED
    response = client.get(pledge.url)
    assert "Not started" in response.content.decode()
    assert "No progress update has been published yet." in response.content.decode()


def test_current_status_is_the_latest_dated_update_not_the_last_typed(pledge_index, healthier):
    pledge = make_pledge(
        pledge_index,
        healthier,
        [(date(2024, 5, 1), Status.AT_RISK), (date(2023, 1, 1), Status.ON_TRACK)],
    )
    pledge = PledgePage.objects.get(pk=pledge.pk)
    assert pledge.current_status == Status.AT_RISK
    assert pledge.last_updated == date(2024, 5, 1)


def test_same_day_updates_take_the_later_one_in_the_list(pledge_index, healthier):
    pledge = make_pledge(
        pledge_index, healthier, [(date(2024, 5, 1), Status.AT_RISK), (date(2024, 5, 1), Status.DELAYED)]
    )
    assert PledgePage.objects.get(pk=pledge.pk).current_status == Status.DELAYED


def test_a_new_update_changes_the_status_and_keeps_the_old_ones(client, pledge_index, healthier):
    pledge = make_pledge(pledge_index, healthier, [(date(2023, 1, 1), Status.ON_TRACK, "Started well.")], publish=True)
    pledge = add_update(pledge, date(2024, 2, 1), Status.DELAYED, "Funding came late.")
    assert pledge.current_status == Status.DELAYED
    html = client.get(pledge.url).content.decode()
    assert html.index("Funding came late.") < html.index("Started well.")  # newest first, both shown
    assert "Delayed" in html and "On track" in html


def test_editing_an_update_keeps_the_earlier_wording_in_the_revision_history(pledge_index, healthier):
    pledge = make_pledge(pledge_index, healthier, [(date(2023, 1, 1), Status.ON_TRACK, "First wording.")], publish=True)
    draft = pledge.get_latest_revision_as_object()
    update = draft.updates.all()[0]
    update.text = "Corrected wording."
    draft.updates = [update]
    draft.save_revision().publish()

    revisions = list(PledgePage.objects.get(pk=pledge.pk).revisions.order_by("created_at", "pk"))
    assert len(revisions) == 2
    assert revisions[0].as_object().updates.all()[0].text == "First wording."
    assert revisions[1].as_object().updates.all()[0].text == "Corrected wording."
    assert PledgePage.objects.get(pk=pledge.pk).updates.get().text == "Corrected wording."


def test_withdrawing_a_pledge_needs_a_reason(pledge_index, healthier):
    pledge = make_pledge(pledge_index, healthier)
    update = make_update(date(2024, 1, 1), Status.WITHDRAWN, pledge=pledge)
    with pytest.raises(ValidationError) as error:
        update.full_clean()
    assert "withdrawal_reason" in error.value.message_dict
    update.withdrawal_reason = "The building was sold."
    update.full_clean()


def test_withdrawn_pledge_shows_its_reason(client, pledge_index, healthier):
    pledge = make_pledge(pledge_index, healthier, publish=True)
    pledge = add_update(
        pledge, date(2024, 1, 1), Status.WITHDRAWN, "We stopped.", withdrawal_reason="The building was sold."
    )
    html = client.get(pledge.url).content.decode()
    assert "Withdrawn" in html
    assert "The building was sold." in html
