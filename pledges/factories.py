"""Factories for pledge tests and sample content: themes, pledges with their updates, editions."""

import itertools

from wagtail.models import Locale

import factory
from factory.django import DjangoModelFactory

from strategy.models import SurveyFigure, Theme, Workstream

from .models import Indicator, IndicatorReading, PledgePage, PledgeUpdate, ReviewEditionPage

_counter = itertools.count(1)


class ThemeFactory(DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug", "locale")

    name = factory.Sequence(lambda n: f"Theme {n}")
    short_name = factory.LazyAttribute(lambda theme: theme.name[:40])
    slug = factory.Sequence(lambda n: f"theme-{n}")
    locale = factory.LazyFunction(Locale.get_default)


class WorkstreamFactory(DjangoModelFactory):
    class Meta:
        model = Workstream

    theme = factory.SubFactory(ThemeFactory)
    title = factory.Sequence(lambda n: f"Workstream {n}")
    slug = factory.Sequence(lambda n: f"workstream-{n}")
    locale = factory.LazyFunction(Locale.get_default)


class SurveyFigureFactory(DjangoModelFactory):
    class Meta:
        model = SurveyFigure

    section = SurveyFigure.Section.KNOWING
    value = 40
    statement = "agree that they can influence decisions in their local area"
    locale = factory.LazyFunction(Locale.get_default)


def make_pledge(index, theme, updates=(), *, title=None, lead="Community Services", publish=False, **fields):
    """A live pledge under `index`; `updates` are (date, status) or (date, status, text) tuples.

    With publish=True it goes through a revision, as an editor's would; otherwise it is
    saved directly, which is much faster for listings of hundreds.
    """
    number = next(_counter)
    workstreams = fields.pop("workstreams", [])
    indicators = fields.pop("indicators", [])
    pledge = PledgePage(
        title=title or f"Pledge {number}",
        slug=f"pledge-{number}",
        commitment=fields.pop("commitment", f"We will do thing {number}."),
        theme=theme,
        lead=lead,
        **fields,
    )
    pledge.updates = [make_update(*spec, sort_order=position) for position, spec in enumerate(updates)]
    pledge.workstreams = workstreams
    pledge.indicators = indicators
    index.add_child(instance=pledge)
    if publish:
        pledge.save_revision().publish()
    return pledge


def make_update(when, status, text="Progress was made.", **fields):
    return PledgeUpdate(date=when, status=status, text=text, **fields)


def make_indicator(readings=(), **fields):
    indicator = Indicator(name=fields.pop("name", "Residents who agree"), unit=fields.pop("unit", "%"), **fields)
    indicator.readings = [IndicatorReading(date=when, value=value) for when, value in readings]
    return indicator


def add_update(pledge, when, status, text="Progress was made.", user=None, **fields):
    """Add an update the way the editor does: a new revision of the pledge, then publish it."""
    pledge = PledgePage.objects.get(pk=pledge.pk).get_latest_revision_as_object()
    pledge.updates.add(make_update(when, status, text, sort_order=len(pledge.updates.all()), **fields))
    pledge.save_revision(user=user).publish()
    return PledgePage.objects.get(pk=pledge.pk)


def publish_edition(review_index, year, narrative="<p>The year in review.</p>"):
    edition = ReviewEditionPage(title=f"Annual review {year}", slug=str(year), year=year, narrative=narrative)
    review_index.add_child(instance=edition)
    edition.save_revision().publish()
    return ReviewEditionPage.objects.get(pk=edition.pk)
