"""What the fund's staff roles may do: officers run it, assessors score, the panel decides."""

from django.urls import reverse

from wagtail.models import GroupPagePermission

from core.staff_roles import apply_staff_roles
from fund.factories import AssessmentFactory, BudgetLineFactory, CriterionFactory
from fund.staff_roles import FUND_OFFICERS

from .helpers import refused


def test_fund_officers_manage_the_fund_pages_and_applications(officer, fund):
    assert officer.has_perm("fund.change_application")
    assert officer.has_perm("fund.add_priority")
    assert not officer.has_perm("fund.view_assessment")
    assert not officer.has_perm("fund.record_decision")
    granted = set(
        GroupPagePermission.objects.filter(group__name=FUND_OFFICERS, page=fund).values_list(
            "permission__codename", flat=True
        )
    )
    assert {"add_page", "change_page", "publish_page"} <= granted


def test_assessors_read_applications_and_write_only_assessments(assessor):
    assert assessor.has_perm("fund.view_application")
    assert assessor.has_perm("fund.add_assessment")
    assert not assessor.has_perm("fund.change_application")
    assert not assessor.has_perm("fund.change_assessment")  # only their own, through the policy
    assert not assessor.has_perm("fund.view_all_assessments")


def test_panel_members_read_everything_and_record_decisions(panel_member):
    assert panel_member.has_perm("fund.view_application")
    assert panel_member.has_perm("fund.view_all_assessments")
    assert panel_member.has_perm("fund.record_decision")
    assert not panel_member.has_perm("fund.change_application")
    assert not panel_member.has_perm("fund.add_assessment")


def test_applying_the_roles_twice_changes_nothing(roles):
    before = {group.name: set(group.permissions.values_list("codename", flat=True)) for group in roles.values()}
    again = apply_staff_roles()
    after = {group.name: set(group.permissions.values_list("codename", flat=True)) for group in again.values()}
    assert before == after


def test_an_assessor_sees_and_edits_only_their_own_assessments(client, application, assessor, other_assessor):
    own = AssessmentFactory(application=application, assessor=assessor, comments="Mine")
    theirs = AssessmentFactory(application=application, assessor=other_assessor, comments="Theirs")
    client.force_login(assessor)
    listing = client.get(reverse("wagtailsnippets_fund_assessment:list"))
    assert listing.status_code == 200
    assert reverse("wagtailsnippets_fund_assessment:edit", args=[own.pk]) in listing.content.decode()
    assert reverse("wagtailsnippets_fund_assessment:edit", args=[theirs.pk]) not in listing.content.decode()
    assert client.get(reverse("wagtailsnippets_fund_assessment:edit", args=[own.pk])).status_code == 200
    assert refused(client.get(reverse("wagtailsnippets_fund_assessment:edit", args=[theirs.pk])))
    assert client.get(reverse("wagtailsnippets_fund_assessment:inspect", args=[own.pk])).status_code == 200
    assert refused(client.get(reverse("wagtailsnippets_fund_assessment:inspect", args=[theirs.pk])))


def test_a_new_assessment_is_the_signed_in_assessors(client, application, assessor):
    client.force_login(assessor)
    url = reverse("wagtailsnippets_fund_assessment:add")
    response = client.post(
        url,
        {
            "application": application.pk,
            "conflict_of_interest": "",
            "conflict_note": "",
            "comments": "Clear plan.",
            "submitted_at": "",
            "scores-TOTAL_FORMS": "0",
            "scores-INITIAL_FORMS": "0",
            "scores-MIN_NUM_FORMS": "0",
            "scores-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert application.assessments.get().assessor == assessor


def assessment_form(application, scores, **fields):
    """The add form as the admin posts it, with one inline score form per (criterion, score)."""
    data = {
        "application": application.pk,
        "conflict_of_interest": "",
        "conflict_note": "",
        "comments": "Clear plan.",
        "submitted_at": "2026-01-05 10:00",
        "scores-TOTAL_FORMS": str(len(scores)),
        "scores-INITIAL_FORMS": "0",
        "scores-MIN_NUM_FORMS": "0",
        "scores-MAX_NUM_FORMS": "1000",
        **fields,
    }
    for number, (criterion, score) in enumerate(scores):
        data.update(
            {
                f"scores-{number}-criterion": criterion.pk,
                f"scores-{number}-score": str(score),
                f"scores-{number}-id": "",
                f"scores-{number}-ORDER": str(number + 1),
                f"scores-{number}-DELETE": "",
            }
        )
    return data


def test_a_new_assessment_is_added_with_its_scores(client, application, assessor, criterion):
    client.force_login(assessor)
    response = client.post(
        reverse("wagtailsnippets_fund_assessment:add"), assessment_form(application, [(criterion, 4)])
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assessment = application.assessments.get()
    assert [(score.criterion, score.score) for score in assessment.scores.all()] == [(criterion, 4)]


def test_a_new_assessment_cannot_score_another_rounds_criterion(client, application, assessor, finished_round):
    elsewhere = CriterionFactory(round=finished_round, name="Another round's question")
    client.force_login(assessor)
    response = client.post(
        reverse("wagtailsnippets_fund_assessment:add"), assessment_form(application, [(elsewhere, 3)])
    )
    assert response.status_code == 200
    assert "Choose one of this round&#x27;s criteria." in response.content.decode()
    assert not application.assessments.exists()


def test_a_new_assessment_with_a_conflict_cannot_score(client, application, assessor, criterion):
    client.force_login(assessor)
    data = assessment_form(application, [(criterion, 2)], conflict_of_interest="on", conflict_note="My sister's group")
    response = client.post(reverse("wagtailsnippets_fund_assessment:add"), data)
    assert response.status_code == 200
    assert "cannot score" in response.content.decode()
    assert not application.assessments.exists()


def test_panel_members_see_every_assessment_but_cannot_edit_them(client, application, assessor, panel_member):
    theirs = AssessmentFactory(application=application, assessor=assessor)
    client.force_login(panel_member)
    listing = client.get(reverse("wagtailsnippets_fund_assessment:list"))
    assert listing.status_code == 200
    assert application.reference in listing.content.decode()
    assert client.get(reverse("wagtailsnippets_fund_assessment:inspect", args=[theirs.pk])).status_code == 200
    assert refused(client.get(reverse("wagtailsnippets_fund_assessment:edit", args=[theirs.pk])))


def test_officers_read_what_the_group_sent_and_change_it_only_through_the_decision_screens(
    client, application, officer
):
    BudgetLineFactory(application=application, item="Fruit trees", amount="1000")
    client.force_login(officer)
    inspect_url = reverse("wagtailsnippets_fund_application:inspect", args=[application.pk])
    response = client.get(inspect_url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Fruit trees" in content
    assert application.group_email in content
    assert reverse("fund_eligibility", args=[application.pk]) in content
    edit_url = reverse("wagtailsnippets_fund_application:edit", args=[application.pk])
    assert client.get(edit_url).url == inspect_url
    client.post(edit_url, {"state": "funded", "decision_reasons": "Because."})
    application.refresh_from_db()
    assert application.state == "submitted"


def test_assessors_cannot_change_applications(client, application, assessor):
    client.force_login(assessor)
    assert client.get(reverse("wagtailsnippets_fund_application:list")).status_code == 200
    assert refused(client.get(reverse("wagtailsnippets_fund_application:edit", args=[application.pk])))
    assert client.get(reverse("wagtailsnippets_fund_application:inspect", args=[application.pk])).status_code == 200
