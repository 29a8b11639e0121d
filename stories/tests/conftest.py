"""A small site for the stories tests: a home page, the stories index, two themes, two places."""

import io

from django.contrib.auth.models import Group, User

from wagtail.models import Locale

import pytest
from PIL import Image

from core.staff_roles import MODERATORS, apply_staff_roles
from strategy.models import Place, Theme


@pytest.fixture
def story_index(story_index):
    """The root conftest's stories index, with the moderators' groups and workflow set up."""
    apply_staff_roles()
    return story_index


@pytest.fixture
def themes(db):
    locale = Locale.get_default()
    return {
        "healthier": Theme.objects.create(
            name="Healthier communities", short_name="Healthier", slug="healthier", locale=locale
        ),
        "safer": Theme.objects.create(
            name="Safer communities", short_name="Safer", slug="safer", locale=locale, sort_order=1
        ),
    }


@pytest.fixture
def places(db):
    locale = Locale.get_default()
    return {
        "upton": Place.objects.create(name="Upton-upon-Severn", slug="upton", kind="town", locale=locale),
        "tenbury": Place.objects.create(name="Tenbury Wells", slug="tenbury", kind="town", locale=locale),
    }


@pytest.fixture
def moderator(db, story_index):
    user = User.objects.create_user("mod", "mod@example.org", "a-long-password-1")
    user.groups.add(Group.objects.get(name=MODERATORS))
    return user


def photo_bytes(image_format="JPEG", size=(40, 30), exif=None, **options):
    image = Image.new("RGB", size, (200, 100, 50))
    output = io.BytesIO()
    if exif is not None:
        options["exif"] = exif
    image.save(output, format=image_format, **options)
    return output.getvalue()


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Rate-limit counters live in the cache; each test starts with none."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def purged_urls(settings):
    """The URLs purged from the CDN during the test, as Wagtail's frontend-cache module sends them."""
    from core.tests import frontend_cache_recorder

    settings.WAGTAILFRONTENDCACHE = {"recording": {"BACKEND": "core.tests.frontend_cache_recorder.RecordingBackend"}}
    frontend_cache_recorder.PURGED.clear()
    yield frontend_cache_recorder.PURGED
    frontend_cache_recorder.PURGED.clear()
