"""Factories for stories, shared by the tests and anyone building sample content."""

import datetime

import factory
import wagtail_factories

from .models import StoryIndexPage, StoryPage


class StoryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Stories of change"
    slug = "stories"

    class Meta:
        model = StoryIndexPage


class StoryPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Story of change {n}")
    slug = factory.Sequence(lambda n: f"story-{n}")
    summary = factory.Faker("sentence")
    told_by = "Malvern Hills District Council"
    date = factory.Sequence(lambda n: datetime.date(2025, 1, 1) - datetime.timedelta(days=n))
    body = factory.LazyFunction(lambda: [{"type": "paragraph", "value": "<p>What happened.</p>"}])

    class Meta:
        model = StoryPage
        skip_postgeneration_save = True

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if extracted:
            self.themes.set(extracted)
            if create:
                self.save()

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if extracted:
            self.tags.set(extracted)
            if create:
                self.save()
