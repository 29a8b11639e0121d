"""The site in several languages: URLs, switcher, hreflang, fallback, interface text, sample content."""

import re

from django.conf import settings
from django.urls import reverse

from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import StringTranslation, Translation

import pytest

from core.tests.test_settings import PRODUCTION_ENV, manage
from sample_content.translations import load_sample_translations
from strategy.models import Theme


def html_of(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, f"{url}: {response.status_code}"
    return response.content.decode()


def h1(html):
    return re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1).strip()


def switcher(html):
    """(language name, is current) for each entry of the language switcher."""
    nav = re.search(r'<nav class="govuk-language-navigation".*?</nav>', html, re.S)
    if not nav:
        return []
    return [
        (name, tag == "span")
        for tag, name in re.findall(r"<(span|a)[^>]*\blang=\"[^\"]+\"[^>]*>([^<]+)</(?:span|a)>", nav.group(0))
    ]


def test_site_languages_setting_lists_english_polish_romanian_by_default_named_in_their_own_language():
    assert settings.LANGUAGES == [("en", "English"), ("pl", "Polski"), ("ro", "Română")]
    assert settings.WAGTAIL_CONTENT_LANGUAGES == settings.LANGUAGES


def test_site_languages_come_from_the_environment():
    code = "from django.conf import settings; print(settings.LANGUAGES)"
    result = manage("shell", "--no-imports", "-c", code, env={**PRODUCTION_ENV, "SITE_LANGUAGES": "pl,uk"})
    assert result.stdout.strip() == "[('en', 'English'), ('pl', 'Polski'), ('uk', 'Українська')]", result.stderr


@pytest.mark.django_db
def test_every_site_language_has_a_wagtail_locale():
    assert set(Locale.objects.values_list("language_code", flat=True)) >= {"en", "pl", "ro"}


def test_english_stays_at_the_root_and_other_languages_carry_a_prefix():
    from django.utils import translation

    with translation.override("en"):
        assert reverse("search:search") == "/search/"
    with translation.override("pl"):
        assert reverse("search:search") == "/pl/search/"
        # Staff and machine addresses never carry a language.
        assert reverse("sitemap") == "/sitemap.xml"
        assert reverse("wagtailadmin_home") == "/admin/"


def test_english_home_page_links_its_polish_and_romanian_translations(client, polish_site):
    html = html_of(client, "/")
    assert '<html lang="en"' in html
    assert switcher(html) == [("English", True), ("Polski", False), ("Română", False)]
    assert '<link rel="alternate" hreflang="en" href="http://testserver/">' in html
    assert '<link rel="alternate" hreflang="pl" href="http://testserver/pl/">' in html
    assert '<link rel="alternate" hreflang="ro" href="http://testserver/ro/">' in html
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/">' in html


def test_polish_home_page_is_in_polish_and_marked_as_a_sample(client, polish_site):
    html = html_of(client, "/pl/")
    assert '<html lang="pl"' in html
    assert h1(html) == "Połączone społeczności"
    assert "Przykładowe tłumaczenie" in html
    assert "Przejdź do treści głównej" in html  # the interface too
    assert switcher(html) == [("English", False), ("Polski", True), ("Română", False)]
    assert "govuk-inset-text" not in html
    # Footer pages in the visitor's language (here: the English page, with a notice).
    assert '<a class="govuk-footer__link" href="/pl/accessibility-statement/">Deklaracja dostępności</a>' in html
    # The Polish themes, linked to their Polish pages.
    assert '<a class="govuk-link" href="/pl/strategy/healthier/">Zdrowsze społeczności</a>' in html


def test_polish_strategy_page_is_in_polish(client, polish_site):
    html = html_of(client, "/pl/strategy/")
    assert h1(html) == "Strategia Połączonych Społeczności 2021–2041"
    assert "Przykładowe tłumaczenie" in html
    assert "Spis treści" in html
    assert (
        '<a class="govuk-service-navigation__link" href="/pl/strategy/" aria-current="page">'
        '<strong class="govuk-service-navigation__active-fallback">Strategia</strong></a>'
    ) in html


def test_romanian_home_page_is_in_romanian_and_marked_as_a_sample(client, polish_site):
    html = html_of(client, "/ro/")
    assert '<html lang="ro"' in html
    assert h1(html) == "Comunități conectate"
    assert "Traducere de probă" in html
    assert "govuk-inset-text" not in html
    assert switcher(html) == [("English", False), ("Polski", False), ("Română", True)]
    assert '<a class="govuk-link" href="/ro/strategy/healthier/">Comunități mai sănătoase</a>' in html


def test_romanian_strategy_page_is_in_romanian(client, polish_site):
    html = html_of(client, "/ro/strategy/")
    assert '<html lang="ro"' in html
    assert h1(html) == "Strategia Comunități conectate 2021–2041"
    assert "Traducere de probă" in html
    assert ">Cuvânt înainte<" in html
    assert "govuk-inset-text" not in html
    assert '<link rel="alternate" hreflang="ro" href="http://testserver/ro/strategy/">' in html


def test_switcher_leaves_out_romanian_where_the_page_has_no_romanian_version(client, polish_site):
    from strategy.models import StrategyPage

    StrategyPage.objects.get(locale__language_code="ro").unpublish()
    html = html_of(client, "/pl/strategy/")
    assert switcher(html) == [("English", False), ("Polski", True)]
    assert 'hreflang="ro"' not in html
    # The Romanian address still answers, with the English page and a notice in Romanian.
    html = html_of(client, "/ro/strategy/")
    assert "Această pagină nu este încă disponibilă în Română; o afișăm în English." in html
    assert switcher(html) == [("English", True), ("Polski", False)]


def test_untranslated_page_falls_back_to_english_with_a_notice_not_a_404(client, polish_site):
    html = html_of(client, "/pl/accessibility-statement/")
    assert h1(html) == "Accessibility statement for Connected Communities"
    assert '<html lang="pl"' in html
    # The English content says it is English; the notice is in the visitor's language.
    assert re.search(r'<main class="govuk-main-wrapper" id="main-content" tabindex="-1" lang="en">', html)
    assert (
        '<div class="govuk-inset-text" lang="pl">Ta strona nie jest jeszcze dostępna w języku: Polski. '
        "Wyświetlamy ją w języku: English.</div>"
    ) in html
    # Only the languages the page really exists in.
    assert switcher(html) == [("English", True)]
    # Search engines index the English original, not this stand-in copy.
    assert '<link rel="canonical" href="http://testserver/accessibility-statement/">' in html


def test_page_only_in_english_falls_back_under_romanian_too_with_english_only_alternates(client, polish_site):
    html = html_of(client, "/ro/accessibility-statement/")
    assert '<html lang="ro"' in html
    assert h1(html) == "Accessibility statement for Connected Communities"
    assert "Această pagină nu este încă disponibilă în Română; o afișăm în English." in html
    assert switcher(html) == [("English", True)]
    alternates = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html)
    assert alternates == [
        ("en", "http://testserver/accessibility-statement/"),
        ("x-default", "http://testserver/accessibility-statement/"),
    ]


def test_fallback_also_works_when_nothing_is_translated_into_the_language(client, strategy_site):
    html = html_of(client, "/ro/strategy/")
    assert "Această pagină nu este încă disponibilă în Română; o afișăm în English." in html
    assert h1(html).startswith("Connected Communities Strategy")


def test_a_page_that_does_not_exist_in_any_language_is_still_a_404(client, polish_site):
    html = html_of(client, "/pl/no-such-page/", status=404)
    assert h1(html) == "Nie znaleziono strony"
    assert '<a class="govuk-link" href="/pl/search/">' in html


def test_staff_and_machine_urls_have_no_language_prefix(client, polish_site):
    assert client.get("/admin/").status_code == 302
    assert client.get("/api/v2/pages/").status_code == 200
    assert client.get("/sitemap.xml").status_code == 200
    assert client.get("/pl/admin/").status_code == 404
    assert client.get("/pl/sitemap.xml").status_code == 404


def test_search_and_other_views_switch_to_every_language_keeping_the_query(client, polish_site):
    html = html_of(client, "/ro/search/?q=community")
    assert '<html lang="ro"' in html
    assert h1(html) == "Căutare"
    assert switcher(html) == [("English", False), ("Polski", False), ("Română", True)]
    assert (
        '<a class="govuk-language-navigation__link" href="/pl/search/?q=community" rel="alternate" hreflang="pl" lang="pl">'
        "Polski</a>"
    ) in html


def test_sample_translations_are_idempotent(polish_site):
    counts = (
        Page.objects.count(),
        Revision.objects.count(),
        Translation.objects.count(),
        StringTranslation.objects.count(),
    )
    load_sample_translations(polish_site)
    assert counts == (
        Page.objects.count(),
        Revision.objects.count(),
        Translation.objects.count(),
        StringTranslation.objects.count(),
    )


def test_sample_translations_never_overwrite_an_editors_work(polish_site):
    polish_theme = Theme.objects.get(slug="healthier", locale__language_code="pl")
    polish_theme.name = "Zdrowe społeczności"
    polish_theme.save()
    load_sample_translations(polish_site)
    polish_theme.refresh_from_db()
    assert polish_theme.name == "Zdrowe społeczności"


@pytest.mark.parametrize("code", ["pl", "ro"])
def test_each_sample_covers_home_strategy_and_the_three_themes(polish_site, code):
    locale = Locale.objects.get(language_code=code)
    assert Theme.objects.filter(locale=locale).count() == 3
    assert {page.specific_class.__name__ for page in Page.objects.filter(locale=locale).live()} >= {
        "HomePage",
        "StrategyPage",
        "ThemePage",
    }
    # Made through wagtail-localize, so editors can open and sync them in its editor.
    assert Translation.objects.filter(target_locale=locale).count() >= 3 + 2


def render_language_versions(request, page=None):
    from django.template import Context, Template

    template = Template("{% load language_tags %}{% language_versions as languages %}{{ languages.versions|length }}")
    return template.render(Context({"request": request, "page": page}))


@pytest.mark.parametrize("languages", [2, 3])
def test_switcher_costs_one_query_per_page_whatever_the_number_of_languages(
    rf, polish_site, languages, django_assert_num_queries
):
    from django.utils import translation

    from wagtail.models import Site

    from strategy.models import StrategyPage

    strategy = StrategyPage.objects.get(locale__language_code="en")
    if languages == 2:
        # Without its Romanian translation (the sample has one).
        StrategyPage.objects.get(locale__language_code="ro").unpublish()
    request = rf.get("/strategy/")
    Site.find_for_request(request)
    strategy.get_url(request)  # site root paths are cached per request, as on a real page
    with translation.override("en"), django_assert_num_queries(1):
        assert render_language_versions(request, strategy) == str(languages)


def test_switcher_costs_no_query_outside_wagtail_pages(rf, db, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert render_language_versions(rf.get("/search/?q=x")) == "3"
