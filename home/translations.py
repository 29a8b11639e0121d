"""Sample Polish translations of the home page, the strategy page and the three themes.

They go through wagtail-localize's own records (TranslationSource, Translation,
StringTranslation, then `save_target`) rather than `copy_for_translation` plus field
edits: that way the sample is exactly what an editor's work would be. It opens in the
translation editor, "Sync translated pages" updates it when the English source changes,
and segments nobody has translated yet show the English source until someone does.

They are samples, not professional translations, and say so on the page. Safe to run
any number of times: a translation that already exists is an editor's from then on and
is never touched again. Nothing here, or anywhere else, calls a translation service.
"""

from django.db import transaction

from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from .locales import ensure_locales

SAMPLE_LANGUAGE = "pl"
SAMPLE_NOTICE = (
    "Przykładowe tłumaczenie: to wersja poglądowa, a nie profesjonalne tłumaczenie. "
    "Części strony, których jeszcze nie przetłumaczono, są po angielsku."
)

# Keyed by the field (its path in wagtail-localize) or, for headings inside the body,
# by the English text. Anything not listed keeps its English source text.
HOME_PAGE = {
    "title": "Połączone społeczności",
    "seo_title": "Połączone społeczności: to, co mocne, a nie to, co złe",
    "tagline": "Skupiamy się na tym, co mocne, a nie na tym, co złe",
    "introduction": (
        f"{SAMPLE_NOTICE} Połączone społeczności to dwudziestoletnia strategia Rady Dystryktu Malvern Hills "
        "(2021–2041): mieszkańcy, lokalne grupy i rada wspólnie budują zdrowsze, bezpieczniejsze, "
        "bardziej otwarte, silniejsze i zrównoważone społeczności."
    ),
    "search_description": (
        "Dwudziestoletnia strategia Rady Dystryktu Malvern Hills: mieszkańcy, lokalne grupy i rada "
        "wspólnie budują silne, odporne i zrównoważone społeczności."
    ),
}

STRATEGY_PAGE = {
    "title": "Strategia Połączonych Społeczności 2021–2041",
    "introduction": (
        f"{SAMPLE_NOTICE} Strategia opisuje, jak rada będzie wspierać społeczności, aby stały się silne, "
        "odporne i zrównoważone, skupiając się na tym, co mocne, a nie na tym, co złe."
    ),
    "search_description": (
        "Jak Rada Dystryktu Malvern Hills będzie wspierać społeczności, aby stały się silne, odporne i zrównoważone."
    ),
    # Section headings, keyed by their English text.
    "Foreword": "Przedmowa",
    "Introduction": "Wprowadzenie",
    "Knowing our communities": "Poznajemy nasze społeczności",
    "Our approach": "Nasze podejście",
    "Our principles": "Nasze zasady",
    "Our themes": "Nasze tematy",
    "Testimonials from Our Organisational Allies": "Opinie naszych partnerów",
    "Testimonials from our organisational allies": "Opinie naszych partnerów",
    "Making it happen – Five Year Plan": "Jak to zrealizujemy – plan pięcioletni",
    "Making it happen – five year plan": "Jak to zrealizujemy – plan pięcioletni",
    "Evaluation and learning": "Ocena i wnioski",
    "Community assets snapshot": "Zasoby społeczności w skrócie",
}

THEMES = {
    "healthier": {
        "name": "Zdrowsze społeczności",
        "short_name": "Zdrowsze",
        "summary": "Przykładowe tłumaczenie. Wspieramy mieszkańców w zdrowym i aktywnym życiu, blisko domu.",
    },
    "safer-and-inclusive": {
        "name": "Bezpieczniejsze i otwarte społeczności",
        "short_name": "Bezpieczniejsze",
        "summary": "Przykładowe tłumaczenie. Każdy czuje się bezpiecznie i mile widziany tam, gdzie mieszka.",
    },
    "stronger-and-sustainable": {
        "name": "Silniejsze i zrównoważone społeczności",
        "short_name": "Silniejsze",
        "summary": (
            "Przykładowe tłumaczenie. Społeczności, które same decydują o swojej przyszłości i dbają o środowisko."
        ),
    },
}


@transaction.atomic
def load_sample_translations(home):
    """Polish samples of the home page, the strategy page, the themes and their pages."""
    from strategy.models import StrategyPage, Theme, ThemePage

    ensure_locales()
    polish = Locale.objects.filter(language_code=SAMPLE_LANGUAGE).first()
    if polish is None:
        return  # Polish is not one of SITE_LANGUAGES on this site.
    english = home.locale
    # Snippets first: the pages point to the themes, and their translations point to the Polish themes.
    for theme in Theme.objects.filter(locale=english):
        translate_sample(theme, polish, THEMES.get(theme.slug, {}))
    translate_sample(home, polish, HOME_PAGE)
    strategy = StrategyPage.objects.child_of(home).filter(locale=english).first()
    if strategy is None:
        return
    translate_sample(strategy, polish, STRATEGY_PAGE)
    for theme_page in ThemePage.objects.child_of(strategy).select_related("theme"):
        translate_sample(theme_page, polish, {"title": THEMES.get(theme_page.theme.slug, {}).get("name")})


def translate_sample(instance, locale, strings):
    """Translate `instance` into `locale` through wagtail-localize, unless that was done before."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, created = Translation.objects.get_or_create(source=source, target_locale=locale)
    if not created:
        return
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = strings.get(segment.context.path) or strings.get(segment.string.data)
        if text:
            StringTranslation.objects.get_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
            )
    # Untranslated segments fall back to the English source (wagtail-localize's own rule).
    if isinstance(instance, Page):
        # save_target(publish=True) publishes when the transaction commits, from the page as it
        # was when first saved: a parent published that way would forget the children translated
        # after it. Publishing the saved draft here, from the database, keeps the tree whole.
        translation.save_target(publish=False)
        translation.get_target_instance().get_latest_revision().publish()
    else:
        translation.save_target(publish=True)
