import pytest

from consultations.factories import ConsultationIndexPageFactory, ConsultationPageFactory, ensure_home


@pytest.fixture
def index_page(db):
    from wagtail.models import Site

    from home.models import ContactSettings

    home = ensure_home()
    # A running site has its contact details row; made on first view otherwise, and that save
    # starts a new cache generation in the middle of a query-count test.
    ContactSettings.for_site(Site.objects.get(is_default_site=True))
    existing = home.get_children().filter(slug="consultations").first()
    if existing:
        return existing.specific
    return ConsultationIndexPageFactory(parent=home)


@pytest.fixture
def consultation(index_page):
    return ConsultationPageFactory(parent=index_page, title="Parks and green spaces", slug="parks")


@pytest.fixture
def moderator(db, django_user_model):
    from django.contrib.auth.models import Group

    from core.staff_roles import MODERATORS

    user = django_user_model.objects.create_user("mod", "mod@council.example", "a-long-password-1")
    user.groups.add(Group.objects.get(name=MODERATORS))
    return user


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@council.example", "a-long-password-1")


@pytest.fixture
def strategy_like_privacy_page(index_page):
    """A privacy notice page set in the contact settings, as load_site sets it up."""
    from wagtail.models import Site

    from home.models import ContactSettings, StandardPage

    home = index_page.get_parent()
    privacy = StandardPage(title="Privacy notice", slug="privacy")
    home.add_child(instance=privacy)
    privacy.save_revision().publish()
    site = Site.objects.get(is_default_site=True)
    ContactSettings.objects.update_or_create(site=site, defaults={"privacy_page": privacy})
    return privacy


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    # Rate-limit counters live in the cache; each test starts as a new client.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
