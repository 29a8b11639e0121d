import pytest


@pytest.fixture
def site_with_places(home):
    """The bare site with three of the district's places."""
    from wagtail.models import Locale

    from strategy.models import Place

    locale = Locale.objects.get(language_code="en")
    for slug, name in (("malvern", "Malvern"), ("tenbury-wells", "Tenbury Wells"), ("upton", "Upton-upon-Severn")):
        Place.objects.create(slug=slug, name=name, kind="town", locale=locale)
    return home


@pytest.fixture
def page_cache_on(settings):
    from django.core.cache import cache

    cache.clear()
    settings.PAGE_CACHE_SECONDS = 600
    yield
    cache.clear()


@pytest.fixture
def polish_site(strategy_site):
    """The site as `load_site` builds it, with the Polish and Romanian sample translations."""
    from sample_content.translations import load_sample_translations

    load_sample_translations(strategy_site)
    return strategy_site
