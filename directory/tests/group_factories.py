"""Factories for the community groups' entries tests: the directory, types, places, owned entries."""

import uuid

from wagtail.models import Locale

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from directory.models import AssetPage, AssetType, DirectoryEntryOwner, DirectoryPage, Organisation
from strategy.models import Place, Theme


class DirectoryPageFactory(wagtail_factories.PageFactory):
    title = "Community directory"
    slug = "directory"

    class Meta:
        model = DirectoryPage


class AssetTypeFactory(DjangoModelFactory):
    class Meta:
        model = AssetType
        django_get_or_create = ("slug", "locale")

    name = "Village hall"
    plural_name = "Village halls"
    slug = "village-hall"
    locale = factory.LazyFunction(Locale.get_default)


class PlaceFactory(DjangoModelFactory):
    class Meta:
        model = Place
        django_get_or_create = ("slug", "locale")

    name = "Upton-upon-Severn"
    slug = "upton"
    kind = Place.Kind.TOWN
    locale = factory.LazyFunction(Locale.get_default)


class ThemeFactory(DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug", "locale")

    name = "Healthier communities"
    short_name = "Healthier"
    slug = "healthier"
    locale = factory.LazyFunction(Locale.get_default)


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Hall trust {n}")


class AssetPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Village hall {n}")
    slug = factory.Sequence(lambda n: f"village-hall-{n}")
    asset_type = factory.SubFactory(AssetTypeFactory)
    summary = "A hall for hire, with a kitchen."
    organisation = factory.SubFactory(OrganisationFactory)
    place = factory.SubFactory(PlaceFactory)
    contact_email = "bookings@hall.example.org"

    class Meta:
        model = AssetPage


class DirectoryEntryOwnerFactory(DjangoModelFactory):
    """An entry a community group owns (give `page`, live or not)."""

    class Meta:
        model = DirectoryEntryOwner

    reference = factory.LazyFunction(DirectoryEntryOwner.new_reference)
    form_token = factory.LazyFunction(uuid.uuid4)
    group_name = "Upton Hall Committee"
    group_email = "hall@example.org"
