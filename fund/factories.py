"""Factories for the fund's tests and sample content: priorities, rounds, applications, projects."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from wagtail.models import Locale

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from strategy.models import Place

from .models import (
    Application,
    Assessment,
    AssessmentCriterion,
    Ballot,
    BudgetLine,
    FundPage,
    FundRoundPage,
    Priority,
    ProjectPage,
    ProjectUpdate,
    Score,
)


class PriorityFactory(DjangoModelFactory):
    class Meta:
        model = Priority
        django_get_or_create = ("slug", "locale")

    name = factory.Sequence(lambda n: f"Priority {n}")
    short_name = factory.LazyAttribute(lambda priority: priority.name[:40])
    slug = factory.Sequence(lambda n: f"priority-{n}")
    description = "What the fund will do."
    locale = factory.LazyFunction(Locale.get_default)


class PlaceFactory(DjangoModelFactory):
    class Meta:
        model = Place
        django_get_or_create = ("slug", "locale")

    name = factory.Sequence(lambda n: f"Place {n}")
    slug = factory.Sequence(lambda n: f"place-{n}")
    locale = factory.LazyFunction(Locale.get_default)


class FundPageFactory(wagtail_factories.PageFactory):
    title = "People Make Places Fund"
    slug = "fund"
    total_commitment = Decimal("500000")
    introduction = "<p>The council's fund for community projects.</p>"

    class Meta:
        model = FundPage


def _days(days):
    return lambda round_page: timezone.now() + timedelta(days=days)


class FundRoundPageFactory(wagtail_factories.PageFactory):
    """An open round by default: opened a week ago, closes in three weeks, decided in two months."""

    title = factory.Sequence(lambda n: f"Round {n}")
    slug = factory.Sequence(lambda n: f"round-{n}")
    budget = Decimal("100000")
    opens_at = factory.LazyAttribute(_days(-7))
    closes_at = factory.LazyAttribute(_days(21))
    decisions_on = factory.LazyAttribute(_days(60))
    eligibility = "<p>Community groups in the district.</p>"

    class Meta:
        model = FundRoundPage
        skip_postgeneration_save = True

    @factory.post_generation
    def priorities(self, create, extracted, **kwargs):
        if extracted:
            self.priorities.set(extracted)
            if create:
                self.save()


class CriterionFactory(DjangoModelFactory):
    class Meta:
        model = AssessmentCriterion

    name = factory.Sequence(lambda n: f"Criterion {n}")
    max_score = 5


class ProjectPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Project {n}")
    slug = factory.Sequence(lambda n: f"project-{n}")
    summary = "A community project."
    group_name = "Friends of the Green"
    cost = Decimal("5000")
    priority = factory.SubFactory(PriorityFactory)

    class Meta:
        model = ProjectPage
        skip_postgeneration_save = True

    @factory.post_generation
    def places(self, create, extracted, **kwargs):
        if extracted:
            self.places.set(extracted)
            if create:
                self.save()


def publish_project(round_page, places=(), pledges=(), **fields):
    """A project page published under `round_page`, with a priority of its own unless given one."""
    fields.setdefault("priority", PriorityFactory())
    project = ProjectPageFactory.build(**fields)
    project.places = list(places)
    project.pledges = list(pledges)
    round_page.add_child(instance=project)
    project.save_revision().publish()
    return ProjectPage.objects.get(pk=project.pk)


def publish_fund_round(home, **fields):
    """A published fund page under `home`, with one published round (open by default) under it."""
    fund = FundPageFactory(parent=home)
    fund.save_revision().publish()
    round_page = FundRoundPageFactory(parent=fund, **fields)
    round_page.save_revision().publish()
    return round_page


class ProjectUpdateFactory(DjangoModelFactory):
    class Meta:
        model = ProjectUpdate

    date = factory.LazyFunction(timezone.localdate)
    text = "Work started."
    amount_spent = Decimal("0")


class ApplicationFactory(DjangoModelFactory):
    class Meta:
        model = Application

    group_email = factory.Sequence(lambda n: f"group{n}@example.org")
    group_name = factory.Sequence(lambda n: f"Community group {n}")
    organisation_type = Application.OrganisationType.COMMUNITY_GROUP
    project_title = factory.Sequence(lambda n: f"Project idea {n}")
    summary = "What the group wants to do."
    amount_requested = Decimal("1000")
    state = Application.State.SUBMITTED
    submitted_at = factory.LazyFunction(timezone.now)


class BudgetLineFactory(DjangoModelFactory):
    class Meta:
        model = BudgetLine

    item = factory.Sequence(lambda n: f"Item {n}")
    amount = Decimal("500")


class AssessmentFactory(DjangoModelFactory):
    class Meta:
        model = Assessment

    application = factory.SubFactory(ApplicationFactory)


class ScoreFactory(DjangoModelFactory):
    class Meta:
        model = Score


class BallotFactory(DjangoModelFactory):
    class Meta:
        model = Ballot

    email = factory.Sequence(lambda n: f"voter{n}@example.org")
    postcode = "WR14 3AF"
