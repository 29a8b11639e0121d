"""Deciding applications in the admin: eligibility, the panel's decision, and the residents' vote.

Each step shows the right screen to the right role, refuses the wrong ones, keeps what was typed
on an error, is in the application's audit log, and tells the group by email with the reasons.
"""

import re
from datetime import timedelta
from decimal import Decimal

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry, PageLogEntry

import pytest

from fund import decisions
from fund.factories import (
    ApplicationFactory,
    AssessmentFactory,
    BallotFactory,
    CriterionFactory,
    ProjectPageFactory,
    ScoreFactory,
)
from fund.models import Application, BallotChoice, ProjectPage

from .helpers import make_round, refused

State = Application.State


def inspect(application):
    return reverse("wagtailsnippets_fund_application:inspect", args=[application.pk])


def logged(application, action):
    return ModelLogEntry.objects.filter(object_id=str(application.pk), action=action)


def sent_assessment(application, assessor, *scores, conflict=False):
    """An assessment the assessor has sent, with one score per criterion of the round."""
    assessment = AssessmentFactory(
        application=application,
        assessor=assessor,
        conflict_of_interest=conflict,
        conflict_note="My neighbour runs it." if conflict else "",
        comments="Well planned.",
        submitted_at=timezone.now(),
    )
    for criterion, score in zip(application.round.criteria.all(), scores, strict=False):
        ScoreFactory(assessment=assessment, criterion=criterion, score=score)
    return assessment


@pytest.fixture
def criteria(open_round):
    return [
        CriterionFactory(round=open_round, name="Community benefit", max_score=5, sort_order=0),
        CriterionFactory(round=open_round, name="Value for money", max_score=5, sort_order=1),
    ]


@pytest.fixture
def eligible(application, criteria):
    """An eligible application to a round whose shortlist residents vote on after it closes."""
    round_page = application.round
    round_page.voting_opens_at = round_page.closes_at + timedelta(days=4)
    round_page.voting_closes_at = round_page.closes_at + timedelta(days=14)
    round_page.save_revision().publish()
    application.state = State.ELIGIBLE
    application.save()
    return Application.objects.get(pk=application.pk)


@pytest.fixture
def no_vote_round(fund, priorities):
    return make_round(fund, priorities=list(priorities.values()), title="Small grants", slug="small-grants")


# The eligibility check


def test_an_officer_finds_an_applications_eligibility_check_and_passes_it(client, officer, application):
    client.force_login(officer)
    page = client.get(inspect(application)).content.decode()
    url = reverse("fund_eligibility", args=[application.pk])
    assert url in page
    screen = client.get(url).content.decode()
    assert "Community groups in the district." in screen  # the round's rules beside the form
    response = client.post(url, {"eligible": "yes", "notes": "Constituted group, within the district."})
    assert response.url == inspect(application)
    application.refresh_from_db()
    assert application.state == State.ELIGIBLE
    assert logged(application, decisions.ELIGIBILITY_ACTION).get().user == officer
    assert mail.outbox == []  # eligible is not a decision: the assessors score it next


def test_not_eligible_needs_reasons_and_keeps_what_was_chosen(client, officer, application):
    client.force_login(officer)
    url = reverse("fund_eligibility", args=[application.pk])
    response = client.post(url, {"eligible": "no", "notes": ""})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Say why the application is not eligible: the group is told." in content
    [chosen] = re.findall(r"<input[^>]*\bchecked\b[^>]*>", content)
    assert 'value="no"' in chosen
    application.refresh_from_db()
    assert application.state == State.SUBMITTED


def test_not_eligible_tells_the_group_why_by_email_and_in_their_area(client, officer, application):
    client.force_login(officer)
    client.post(
        reverse("fund_eligibility", args=[application.pk]),
        {"eligible": "no", "notes": "The project is outside the district."},
    )
    application.refresh_from_db()
    assert application.state == State.INELIGIBLE
    assert application.decided_at is not None
    [email] = mail.outbox
    assert email.to == [application.group_email]
    assert application.reference in email.subject
    assert "not eligible" in email.body
    assert "The project is outside the district." in email.body
    assert logged(application, decisions.DECISION_EMAIL_ACTION).exists()


def test_an_eligibility_check_cannot_be_made_twice_once_decided(client, officer, application):
    client.force_login(officer)
    url = reverse("fund_eligibility", args=[application.pk])
    client.post(url, {"eligible": "no", "notes": "Outside the district."})
    response = client.post(url, {"eligible": "yes", "notes": ""})
    assert response.url == inspect(application)
    application.refresh_from_db()
    assert application.state == State.INELIGIBLE
    assert len(mail.outbox) == 1


def test_assessors_and_the_panel_do_not_check_eligibility(client, assessor, panel_member, application):
    for user in (assessor, panel_member):
        client.force_login(user)
        assert refused(client.get(reverse("fund_eligibility", args=[application.pk])))


# The panel's decision


def test_the_panel_reads_every_assessors_scores_and_their_means(
    client, panel_member, assessor, other_assessor, eligible
):
    sent_assessment(eligible, assessor, 4, 3)
    sent_assessment(eligible, other_assessor, 2, 5)
    client.force_login(panel_member)
    url = reverse("fund_decision", args=[eligible.pk])
    assert url in client.get(inspect(eligible)).content.decode()
    content = client.get(url).content.decode()
    assert "Community benefit" in content and "Value for money" in content
    assert "Mean of 2 assessors" in content
    assert "<td>3.0</td>" in content and "<td>4.0</td>" in content  # the means per criterion
    assert "<td>7.0</td>" in content  # the mean total
    assert "Shortlisted" in content and "Not shortlisted" in content  # the round has a vote


def test_a_conflicted_assessor_is_shown_without_scores(client, panel_member, assessor, other_assessor, eligible):
    sent_assessment(eligible, assessor, 4, 4)
    sent_assessment(eligible, other_assessor, conflict=True)
    client.force_login(panel_member)
    content = client.get(reverse("fund_decision", args=[eligible.pk])).content.decode()
    assert "Declared a conflict of interest: did not score." in content
    assert "Mean of 1 assessor" in content


def test_the_panel_cannot_decide_before_an_assessment_is_sent(client, panel_member, assessor, eligible):
    AssessmentFactory(application=eligible, assessor=assessor)  # still being written
    client.force_login(panel_member)
    response = client.post(
        reverse("fund_decision", args=[eligible.pk]), {"outcome": "shortlisted", "reasons": "A strong idea."}
    )
    assert "No assessor has sent an assessment of this application yet." in response.content.decode()
    assert "A strong idea." in response.content.decode()
    eligible.refresh_from_db()
    assert eligible.state == State.ELIGIBLE


def test_a_panel_member_with_a_conflict_cannot_decide(client, panel_member, assessor, eligible):
    sent_assessment(eligible, assessor, 4, 4)
    AssessmentFactory(
        application=eligible, assessor=panel_member, conflict_of_interest=True, conflict_note="I chair the group."
    )
    client.force_login(panel_member)
    response = client.post(
        reverse("fund_decision", args=[eligible.pk]), {"outcome": "shortlisted", "reasons": "A strong idea."}
    )
    assert "You declared a conflict of interest in this application" in response.content.decode()
    eligible.refresh_from_db()
    assert eligible.state == State.ELIGIBLE


def test_the_decision_needs_reasons(client, panel_member, assessor, eligible):
    sent_assessment(eligible, assessor, 4, 4)
    client.force_login(panel_member)
    response = client.post(reverse("fund_decision", args=[eligible.pk]), {"outcome": "shortlisted", "reasons": ""})
    assert "Give the reasons for the decision: the group is told them." in response.content.decode()


def test_shortlisting_makes_a_draft_project_page_and_tells_the_group(client, panel_member, assessor, eligible, places):
    eligible.place = places["malvern"]
    eligible.project_title = "Orchard in the park"
    eligible.save()
    sent_assessment(eligible, assessor, 5, 4)
    client.force_login(panel_member)
    response = client.post(
        reverse("fund_decision", args=[eligible.pk]),
        {"outcome": "shortlisted", "reasons": "Strong community support."},
    )
    assert response.url == inspect(eligible)
    eligible.refresh_from_db()
    assert eligible.state == State.SHORTLISTED
    project = ProjectPage.objects.get(application=eligible)
    assert not project.live  # officers check the public text and publish it
    assert project.get_parent().pk == eligible.round.pk
    assert (project.title, project.cost, project.priority_id) == (
        "Orchard in the park",
        eligible.amount_requested,
        eligible.priority_id,
    )
    assert list(project.places.all()) == [places["malvern"]]
    assert project.grant_amount is None
    assert logged(eligible, decisions.DECISION_ACTION).get().user == panel_member
    [email] = mail.outbox
    assert "shortlisted" in email.subject
    assert "Strong community support." in email.body
    session = client.session
    session["fund_group_email"] = eligible.group_email
    session.save()
    area = client.get(reverse("fund:mine")).content.decode()
    assert "Shortlisted" in area and "Strong community support." in area


def test_a_round_without_a_vote_funds_directly_up_to_the_amount_asked(
    client, panel_member, assessor, no_vote_round, priorities
):
    application = ApplicationFactory(
        round=no_vote_round, priority=priorities["people"], amount_requested=Decimal("2000"), state=State.ELIGIBLE
    )
    CriterionFactory(round=no_vote_round, name="Community benefit", max_score=5)
    sent_assessment(application, assessor, 5)
    client.force_login(panel_member)
    url = reverse("fund_decision", args=[application.pk])
    too_much = client.post(url, {"outcome": "funded", "reasons": "Good value.", "grant_amount": "2500"})
    assert "The grant cannot be more than the £2,000.00 asked for." in too_much.content.decode()
    client.post(url, {"outcome": "funded", "reasons": "Good value.", "grant_amount": "1500"})
    application.refresh_from_db()
    assert application.state == State.FUNDED
    assert application.decided_at is not None
    assert ProjectPage.objects.get(application=application).grant_amount == Decimal("1500")
    [email] = mail.outbox
    assert "is funded" in email.subject


def test_a_round_with_a_vote_cannot_fund_directly(client, panel_member, assessor, eligible):
    sent_assessment(eligible, assessor, 4, 4)
    client.force_login(panel_member)
    response = client.post(reverse("fund_decision", args=[eligible.pk]), {"outcome": "funded", "reasons": "Good."})
    assert "Select a valid choice." in response.content.decode()
    eligible.refresh_from_db()
    assert eligible.state == State.ELIGIBLE


def test_officers_and_assessors_do_not_record_the_panels_decision(client, officer, assessor, eligible):
    for user in (officer, assessor):
        client.force_login(user)
        assert refused(client.get(reverse("fund_decision", args=[eligible.pk])))


def test_the_decision_shows_in_the_groups_area(client, panel_member, assessor, no_vote_round, priorities):
    application = ApplicationFactory(round=no_vote_round, priority=priorities["people"], state=State.ELIGIBLE)
    CriterionFactory(round=no_vote_round, max_score=5)
    sent_assessment(application, assessor, 1)
    decisions.record_decision(
        application, outcome=State.NOT_FUNDED, reasons="Too little detail on costs.", user=panel_member
    )
    session = client.session
    session["fund_group_email"] = application.group_email
    session.save()
    area = client.get(reverse("fund:mine")).content.decode()
    assert "Too little detail on costs." in area


# The residents' vote


@pytest.fixture
def voted_round(fund, priorities):
    now = timezone.now()
    round_page = make_round(
        fund,
        priorities=list(priorities.values()),
        title="Round one",
        slug="round-one",
        budget=Decimal("10000"),
        opens_at=now - timedelta(days=60),
        closes_at=now - timedelta(days=40),
        voting_opens_at=now - timedelta(days=30),
        voting_closes_at=now - timedelta(days=1),
        decisions_on=now + timedelta(days=10),
    )
    projects = {}
    for name, cost, votes in (("Orchard", "6000", 3), ("Repair cafe", "5000", 2), ("Choir", "3000", 1)):
        application = ApplicationFactory(round=round_page, priority=priorities["people"], state=State.SHORTLISTED)
        project = ProjectPageFactory(
            parent=round_page, title=name, cost=Decimal(cost), priority=priorities["people"], application=application
        )
        project.save_revision().publish()
        projects[name] = (project, votes)
    for voter in range(3):
        ballot = BallotFactory(round=round_page, confirmed_at=now - timedelta(days=2))
        for project, votes in projects.values():
            if voter < votes:
                BallotChoice.objects.create(ballot=ballot, project=project)
    return round_page


def test_recording_the_vote_funds_in_rank_order_and_tells_every_group(client, panel_member, voted_round):
    client.force_login(panel_member)
    url = reverse("fund_vote_results", args=[voted_round.pk])
    preview = client.get(url).content.decode()
    assert "3 confirmed ballots were counted." in preview
    assert "tells 3 shortlisted groups their decisions" in preview
    client.post(url)
    projects = {project.title: project for project in ProjectPage.objects.child_of(voted_round).specific()}
    # 6,000 then 5,000 would pass the 10,000 budget: the repair cafe is skipped, the choir fits.
    assert projects["Orchard"].grant_amount == Decimal("6000")
    assert projects["Repair cafe"].grant_amount is None
    assert projects["Choir"].grant_amount == Decimal("3000")
    assert projects["Orchard"].live and not projects["Orchard"].has_unpublished_changes
    states = {project.title: Application.objects.get(project_page=project).state for project in projects.values()}
    assert states == {"Orchard": State.FUNDED, "Repair cafe": State.NOT_FUNDED, "Choir": State.FUNDED}
    not_funded = Application.objects.get(project_page=projects["Repair cafe"])
    assert "ranked 2 of 3 with 2 votes" in not_funded.decision_reasons
    assert "does not fit the remaining budget" in not_funded.decision_reasons
    assert len(mail.outbox) == 3
    assert PageLogEntry.objects.filter(page=voted_round, action=decisions.VOTE_RESULT_ACTION).exists()
    # Recording again changes nothing and sends nothing.
    client.post(url)
    assert len(mail.outbox) == 3


def test_the_vote_cannot_be_recorded_while_it_is_open(client, panel_member, open_round):
    client.force_login(panel_member)
    open_round.voting_opens_at = timezone.now() + timedelta(days=30)
    open_round.voting_closes_at = timezone.now() + timedelta(days=40)
    open_round.save()
    response = client.post(reverse("fund_vote_results", args=[open_round.pk]))
    assert response.status_code == 302
    with pytest.raises(decisions.DecisionRefused):
        decisions.record_vote_results(open_round, user=panel_member)


def test_officers_do_not_record_the_vote(client, officer, voted_round):
    client.force_login(officer)
    assert refused(client.get(reverse("fund_vote_results", args=[voted_round.pk])))
