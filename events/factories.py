"""Factories for events, shared by the tests and anyone building sample content."""

import datetime

from django.utils import timezone

from wagtail.models import Locale

import factory
import wagtail_factories

from .models import EVENT_TIME_ZONE, EventPage, EventSeries, EventsPage


class EventsPageFactory(wagtail_factories.PageFactory):
    title = "Events"
    slug = "events"

    class Meta:
        model = EventsPage


class EventSeriesFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Series {n}")
    slug = factory.Sequence(lambda n: f"series-{n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = EventSeries


def in_days(days, hour=10, minute=0):
    """A UK-time moment `days` from today, at hour:minute."""
    day = timezone.localdate(timezone=EVENT_TIME_ZONE) + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=EVENT_TIME_ZONE)


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Community event {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    summary = factory.Faker("sentence")
    start = factory.Sequence(lambda n: in_days(7 + n % 300))
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=2))
    venue_name = "Malvern Cube"
    venue_address = "Albert Road North\nMalvern"
    venue_postcode = "WR14 2YF"
    organiser = "Malvern Hills District Council"

    class Meta:
        model = EventPage
        skip_postgeneration_save = True

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if extracted:
            self.themes.set(extracted)
            if create:
                self.save()
