"""Factories for volunteering, shared by the tests and anyone building sample content."""

import datetime

from django.utils import timezone

import factory
import wagtail_factories

from .models import InterestRecord, OpportunityPage, OpportunitySubmission, VolunteeringPage


class VolunteeringPageFactory(wagtail_factories.PageFactory):
    title = "Volunteering"
    slug = "volunteering"

    class Meta:
        model = VolunteeringPage


class OpportunityPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Volunteering opportunity {n}")
    slug = factory.Sequence(lambda n: f"opportunity-{n}")
    summary = factory.Faker("sentence")
    description = "What volunteers do.\n\nWhen and where."
    group_name = "Malvern Hills Good Neighbours"
    commitment = OpportunityPage.Commitment.WEEKLY
    hours = "2 hours a week"
    expire_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))

    class Meta:
        model = OpportunityPage
        skip_postgeneration_save = True

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if extracted:
            self.themes.set(extracted)
            if create:
                self.save()


class OpportunitySubmissionFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(OpportunityPageFactory)
    group_email = factory.Sequence(lambda n: f"group-{n}@example.org")

    class Meta:
        model = OpportunitySubmission


class InterestRecordFactory(factory.django.DjangoModelFactory):
    opportunity = factory.SubFactory(OpportunityPageFactory)
    form_token = factory.Faker("uuid4", cast_to=None)
    name = "Alex Resident"
    email = factory.Sequence(lambda n: f"resident-{n}@example.org")
    message = "I could help on Saturdays."

    class Meta:
        model = InterestRecord
