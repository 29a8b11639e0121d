"""Sample Polish and Romanian translations of the home page, the strategy page and the three themes.

They go through wagtail-localize's own records (TranslationSource, Translation,
StringTranslation, then `save_target`) rather than `copy_for_translation` plus field
edits: that way the sample is exactly what an editor's work would be. It opens in the
translation editor, "Sync translated pages" updates it when the English source changes,
and segments nobody has translated yet show the English source until someone does.

They are samples, not professional translations, and say so on the page. Safe to run
any number of times: a translation that already exists is an editor's from then on and
is never touched again. Nothing here, or anywhere else, calls a translation service.
"""

from dataclasses import dataclass

from django.db import transaction

from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from core.locales import ensure_locales
from strategy.models import StrategyPage, Theme, ThemePage

POLISH_NOTICE = (
    "Przykładowe tłumaczenie: to wersja poglądowa, a nie profesjonalne tłumaczenie. "
    "Części strony, których jeszcze nie przetłumaczono, są po angielsku."
)

# Keyed by the field (its path in wagtail-localize) or, for headings inside the body,
# by the English text. Anything not listed keeps its English source text.
POLISH_HOME_PAGE = {
    "title": "Połączone społeczności",
    "seo_title": "Połączone społeczności: to, co mocne, a nie to, co złe",
    "tagline": "Skupiamy się na tym, co mocne, a nie na tym, co złe",
    "introduction": (
        f"{POLISH_NOTICE} Połączone społeczności to dwudziestoletnia strategia Rady Dystryktu Malvern Hills "
        "(2021–2041): mieszkańcy, lokalne grupy i rada wspólnie budują zdrowsze, bezpieczniejsze, "
        "bardziej otwarte, silniejsze i zrównoważone społeczności."
    ),
    "search_description": (
        "Dwudziestoletnia strategia Rady Dystryktu Malvern Hills: mieszkańcy, lokalne grupy i rada "
        "wspólnie budują silne, odporne i zrównoważone społeczności."
    ),
}

POLISH_STRATEGY_PAGE = {
    "title": "Strategia Połączonych Społeczności 2021–2041",
    "introduction": (
        f"{POLISH_NOTICE} Strategia opisuje, jak rada będzie wspierać społeczności, aby stały się silne, "
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

POLISH_THEMES = {
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


ROMANIAN_NOTICE = (
    "Traducere de probă: aceasta este o versiune orientativă, nu o traducere profesională. "
    "Părțile paginii care nu au fost încă traduse sunt în engleză."
)

ROMANIAN_HOME_PAGE = {
    "title": "Comunități conectate",
    "seo_title": "Comunități conectate: ce este puternic, nu ce este greșit",
    "tagline": "Ne concentrăm pe ce este puternic, nu pe ce este greșit",
    "introduction": (
        f"{ROMANIAN_NOTICE} Comunități conectate este strategia pe 20 de ani a Consiliului Districtual "
        "Malvern Hills (2021–2041): locuitorii, grupurile locale și consiliul construiesc împreună comunități "
        "mai sănătoase, mai sigure, mai incluzive, mai puternice și durabile."
    ),
    "search_description": (
        "Strategia pe 20 de ani a Consiliului Districtual Malvern Hills: locuitorii, grupurile locale și "
        "consiliul construiesc împreună comunități puternice, reziliente și durabile."
    ),
}

ROMANIAN_STRATEGY_PAGE = {
    "title": "Strategia Comunități conectate 2021–2041",
    "introduction": (
        f"{ROMANIAN_NOTICE} Strategia descrie cum va sprijini consiliul comunitățile să devină puternice, "
        "reziliente și durabile, concentrându-se pe ce este puternic, nu pe ce este greșit."
    ),
    "search_description": (
        "Cum va sprijini Consiliul Districtual Malvern Hills comunitățile să devină puternice, reziliente și durabile."
    ),
    # Section headings, keyed by their English text.
    "Foreword": "Cuvânt înainte",
    "Introduction": "Introducere",
    "Knowing our communities": "Să ne cunoaștem comunitățile",
    "Our approach": "Abordarea noastră",
    "Our principles": "Principiile noastre",
    "Our themes": "Temele noastre",
    "Testimonials from Our Organisational Allies": "Mărturii ale partenerilor noștri",
    "Testimonials from our organisational allies": "Mărturii ale partenerilor noștri",
    "Making it happen – Five Year Plan": "Cum o vom realiza – planul pe cinci ani",
    "Making it happen – five year plan": "Cum o vom realiza – planul pe cinci ani",
    "Evaluation and learning": "Evaluare și învățare",
    "Community assets snapshot": "Resursele comunității pe scurt",
}

ROMANIAN_THEMES = {
    "healthier": {
        "name": "Comunități mai sănătoase",
        "short_name": "Mai sănătoase",
        "summary": "Traducere de probă. Îi sprijinim pe locuitori să trăiască sănătos și activ, aproape de casă.",
    },
    "safer-and-inclusive": {
        "name": "Comunități mai sigure și incluzive",
        "short_name": "Mai sigure",
        "summary": "Traducere de probă. Fiecare se simte în siguranță și binevenit acolo unde locuiește.",
    },
    "stronger-and-sustainable": {
        "name": "Comunități mai puternice și durabile",
        "short_name": "Mai puternice",
        "summary": "Traducere de probă. Comunități care își decid singure viitorul și au grijă de mediu.",
    },
}


@dataclass(frozen=True)
class Sample:
    home: dict
    strategy: dict
    themes: dict


# By language code; a language missing from SITE_LANGUAGES is skipped.
SAMPLES = {
    "pl": Sample(POLISH_HOME_PAGE, POLISH_STRATEGY_PAGE, POLISH_THEMES),
    "ro": Sample(ROMANIAN_HOME_PAGE, ROMANIAN_STRATEGY_PAGE, ROMANIAN_THEMES),
}


@transaction.atomic
def load_sample_translations(home):
    """Samples of the home page, the strategy page, the themes and their pages in each sample language."""
    ensure_locales()
    locales = Locale.objects.in_bulk(list(SAMPLES), field_name="language_code")
    for code, sample in SAMPLES.items():
        if code in locales:
            load_sample(home, locales[code], sample)


def load_sample(home, locale, sample):
    english = home.locale
    # Snippets first: the pages point to the themes, and their translations point to the translated themes.
    for theme in Theme.objects.filter(locale=english):
        translate_sample(theme, locale, sample.themes.get(theme.slug, {}))
    translate_sample(home, locale, sample.home)
    strategy = StrategyPage.objects.child_of(home).filter(locale=english).first()
    if strategy is None:
        return
    translate_sample(strategy, locale, sample.strategy)
    for theme_page in ThemePage.objects.child_of(strategy).select_related("theme"):
        translate_sample(theme_page, locale, {"title": sample.themes.get(theme_page.theme.slug, {}).get("name")})


def translate_sample(instance, locale, strings):
    """Translate `instance` into `locale` through wagtail-localize, unless that was done before."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, created = Translation.objects.get_or_create(source=source, target_locale=locale)
    if not created:
        return
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        if segment.context.path.endswith(".anchor"):
            continue  # an address, not prose: "introduction" must not match the introduction field's text
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
