"""Small factories for the directory's map, open-data and API tests: a directory page under
the home page, entries in it, their types, places, themes and organisations."""

from decimal import Decimal

from wagtail.models import Locale

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from directory.models import AssetPage, AssetType, DirectoryPage, OpeningTime, Organisation
from strategy.models import Place, Theme


class AssetTypeFactory(DjangoModelFactory):
    class Meta:
        model = AssetType
        django_get_or_create = ("slug", "locale")

    name = factory.Sequence(lambda n: f"Type {n}")
    plural_name = factory.LazyAttribute(lambda asset_type: asset_type.name + "s")
    slug = factory.Sequence(lambda n: f"type-{n}")
    locale = factory.LazyFunction(Locale.get_default)


class PlaceFactory(DjangoModelFactory):
    class Meta:
        model = Place
        django_get_or_create = ("slug", "locale")

    name = factory.Sequence(lambda n: f"Place {n}")
    slug = factory.Sequence(lambda n: f"place-{n}")
    locale = factory.LazyFunction(Locale.get_default)


class ThemeFactory(DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug", "locale")

    name = factory.Sequence(lambda n: f"Theme {n}")
    short_name = factory.LazyAttribute(lambda theme: theme.name[:40])
    slug = factory.Sequence(lambda n: f"theme-{n}")
    locale = factory.LazyFunction(Locale.get_default)


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    description = "A local charity."
    email = factory.Sequence(lambda n: f"hello{n}@charity.example.org")


class DirectoryPageFactory(wagtail_factories.PageFactory):
    title = "Community directory"
    slug = "directory"

    class Meta:
        model = DirectoryPage


class AssetPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Entry {n}")
    slug = factory.Sequence(lambda n: f"entry-{n}")
    asset_type = factory.SubFactory(AssetTypeFactory)
    summary = "Somewhere to meet."
    address = "1 High Street"
    postcode = "WR14 1AA"
    latitude = factory.Sequence(lambda n: Decimal("52.10000") + Decimal(n % 100) / 1000)
    longitude = factory.Sequence(lambda n: Decimal("-2.30000") + Decimal(n % 100) / 1000)

    class Meta:
        model = AssetPage
        skip_postgeneration_save = True

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if extracted:
            self.themes.set(extracted)
            if create:
                self.save()


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def entry(directory, **fields):
    """A published entry in `directory`, published through a revision as an editor would.

    contact_is_a_person=True without person_agreed_to_publish is refused by the page's
    validation; here it is written to the row afterwards, standing for details that got in
    before the check (an import, an older version): they must still never be published.
    """
    opening_times = fields.pop("opening_times", ())
    unagreed_person = fields.pop("contact_is_a_person", False) and not fields.get("person_agreed_to_publish")
    if fields.get("person_agreed_to_publish"):
        fields["contact_is_a_person"] = True
    page = AssetPageFactory(parent=directory, **fields)
    if opening_times:
        for weekday, opens, closes in opening_times:
            page.opening_times.add(OpeningTime(weekday=weekday, opens=opens, closes=closes))
        page.save()
    page = publish(page)
    if unagreed_person:
        AssetPage.objects.filter(pk=page.pk).update(contact_is_a_person=True, person_agreed_to_publish=False)
        page.refresh_from_db()
    return page
