"""A small site for the stories tests: a home page, the stories index, two themes, two places."""

import io

from django.contrib.auth.models import Group, User

from wagtail.models import Locale, Page, Site

import pytest
from PIL import Image

from home.editorial import MODERATORS
from home.models import HomePage
from stories.editorial import ensure_editorial
from stories.models import StoryIndexPage
from strategy.models import Place, Theme


@pytest.fixture
def home(db):
    root = Page.objects.get(depth=1)
    home = HomePage(title="Connected Communities", slug="cc-home")
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    return home


@pytest.fixture
def story_index(home):
    index = StoryIndexPage(title="Stories of change", slug="stories")
    home.add_child(instance=index)
    index.save_revision().publish()
    ensure_editorial()
    return index


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
