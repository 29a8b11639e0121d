"""The rules the fund's data keeps, whoever changes it: dates, budgets, scores and conflicts."""

from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

import pytest

from fund.factories import AssessmentFactory, BallotFactory, BudgetLineFactory, CriterionFactory, ScoreFactory
from fund.models import Application, Ballot, FundRoundPage, Score

LONDON = ZoneInfo("Europe/London")


def at(month, day, hour=12):
    return datetime(2026, month, day, hour, tzinfo=LONDON)


def dated_round(voting=True):
    return FundRoundPage(
        title="Round",
        budget=Decimal("1000"),
        opens_at=at(3, 1),
        closes_at=at(4, 1),
        voting_opens_at=at(4, 15) if voting else None,
        voting_closes_at=at(5, 1) if voting else None,
        decisions_on=at(6, 1),
    )


@pytest.mark.parametrize(
    ("now", "stage"),
    [
        (at(2, 28), "upcoming"),
        (at(3, 1), "open"),
        (at(3, 31, 23), "open"),
        (at(4, 1), "assessing"),
        (at(4, 15), "voting"),
        (at(4, 30), "voting"),
        (at(5, 1), "assessing"),  # the vote has closed; the panel has not decided yet
        (at(6, 1), "decided"),
        (at(12, 1), "decided"),
    ],
)
def test_round_stage_follows_its_dates(now, stage):
    assert dated_round().stage(now) == stage


def test_round_without_a_vote_goes_from_assessing_to_decided():
    round_page = dated_round(voting=False)
    assert round_page.stage(at(4, 20)) == FundRoundPage.Stage.ASSESSING
    assert round_page.stage(at(6, 2)) == FundRoundPage.Stage.DECIDED


def test_round_rejects_dates_out_of_order():
    round_page = dated_round()
    round_page.closes_at = at(2, 1)
    round_page.voting_closes_at = None
    with pytest.raises(ValidationError) as error:
        round_page.clean()
    assert "The round must close after it opens." in error.value.message_dict["closes_at"]
    assert "Give both voting dates, or neither." in error.value.message_dict["voting_closes_at"]


def test_round_rejects_decisions_before_the_vote_closes():
    round_page = dated_round()
    round_page.decisions_on = at(4, 20)
    with pytest.raises(ValidationError) as error:
        round_page.clean()
    assert "decisions_on" in error.value.message_dict


def test_budget_lines_must_add_up_to_the_amount_requested(application):
    BudgetLineFactory(application=application, item="Trees", amount=Decimal("600"))
    BudgetLineFactory(application=application, item="Tools", amount=Decimal("300"))
    assert application.budget_total() == Decimal("900")
    with pytest.raises(ValidationError) as error:
        application.check_budget()
    assert error.value.message_dict["amount_requested"] == [
        "The budget lines add up to £900.00, not the £1,000.00 asked for."
    ]

    BudgetLineFactory(application=application, item="Shed", amount=Decimal("100"))
    application = Application.objects.get(pk=application.pk)
    assert application.budget_problem() is None
    application.check_budget()


def test_a_charity_must_give_its_number(application):
    application.organisation_type = Application.OrganisationType.CHARITY
    with pytest.raises(ValidationError) as error:
        application.full_clean()
    assert error.value.message_dict["charity_number"] == ["Enter the charity number."]
    application.charity_number = "1234567"
    application.full_clean()


def test_a_decision_needs_its_reasons(application):
    application.state = Application.State.NOT_FUNDED
    with pytest.raises(ValidationError) as error:
        application.full_clean()
    assert "decision_reasons" in error.value.message_dict


def test_application_gets_a_unique_reference_and_a_lower_case_email(open_round):
    first = Application.objects.create(round=open_round, group_name="A", group_email=" Group@Example.ORG ")
    second = Application.objects.create(round=open_round, group_name="B")
    assert first.reference.startswith("PMP-") and len(first.reference) == 12
    assert first.reference != second.reference
    assert first.group_email == "group@example.org"


def test_scores_stay_between_zero_and_the_criterion_maximum(application, criterion, django_user_model):
    assessor = django_user_model.objects.create_user("assessor", password="x")
    assessment = AssessmentFactory(application=application, assessor=assessor)
    Score(assessment=assessment, criterion=criterion, score=5).full_clean()
    with pytest.raises(ValidationError) as error:
        Score(assessment=assessment, criterion=criterion, score=6).full_clean()
    assert error.value.message_dict["score"] == ["Give a score from 0 to 5."]
    with pytest.raises(ValidationError):
        Score(assessment=assessment, criterion=criterion, score=-1).full_clean()


def test_a_score_uses_a_criterion_of_the_applications_round(application, finished_round, django_user_model):
    other_round_criterion = CriterionFactory(round=finished_round, name="Elsewhere")
    assessor = django_user_model.objects.create_user("assessor", password="x")
    assessment = AssessmentFactory(application=application, assessor=assessor)
    with pytest.raises(ValidationError) as error:
        Score(assessment=assessment, criterion=other_round_criterion, score=1).full_clean()
    assert "criterion" in error.value.message_dict


def test_an_assessor_with_a_conflict_cannot_score(application, criterion, django_user_model):
    assessor = django_user_model.objects.create_user("assessor", password="x")
    assessment = AssessmentFactory(
        application=application, assessor=assessor, conflict_of_interest=True, conflict_note="My sister runs it."
    )
    assessment.full_clean()
    with pytest.raises(ValidationError, match="conflict of interest cannot score"):
        Score(assessment=assessment, criterion=criterion, score=3).full_clean()

    # Scores given before the conflict was declared block the declaration.
    assessment.conflict_of_interest = False
    assessment.save()
    ScoreFactory(assessment=assessment, criterion=criterion, score=3)
    assessment.conflict_of_interest = True
    with pytest.raises(ValidationError) as error:
        assessment.full_clean()
    assert "conflict_of_interest" in error.value.message_dict


def test_a_declared_conflict_needs_a_note(application, django_user_model):
    assessor = django_user_model.objects.create_user("assessor", password="x")
    assessment = AssessmentFactory.build(application=application, assessor=assessor, conflict_of_interest=True)
    with pytest.raises(ValidationError) as error:
        assessment.full_clean()
    assert error.value.message_dict["conflict_note"] == ["Say what the conflict of interest is."]


def test_one_assessment_per_assessor_and_application(application, django_user_model):
    assessor = django_user_model.objects.create_user("assessor", password="x")
    AssessmentFactory(application=application, assessor=assessor)
    with pytest.raises(IntegrityError), transaction.atomic():
        AssessmentFactory(application=application, assessor=assessor)


def test_one_ballot_per_address_per_round_but_many_anonymised(open_round):
    BallotFactory(round=open_round, email="Voter@Example.org", postcode="wr14  3af")
    ballot = Ballot.objects.get()
    assert (ballot.email, ballot.postcode) == ("voter@example.org", "WR14 3AF")
    with pytest.raises(IntegrityError), transaction.atomic():
        BallotFactory(round=open_round, email="voter@example.org")
    BallotFactory(round=open_round, email="")
    BallotFactory(round=open_round, email="")
    assert Ballot.objects.filter(email="").count() == 2
    assert len({ballot.token for ballot in Ballot.objects.all()}) == 3


def test_stage_defaults_to_now(open_round):
    assert open_round.stage() == FundRoundPage.Stage.OPEN
    open_round.opens_at = open_round.opens_at + timedelta(days=30)
    assert open_round.stage() == FundRoundPage.Stage.UPCOMING
