"""The language switcher and hreflang links: which languages this page can be read in."""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, override

from wagtail.coreutils import get_supported_content_language_variant

from core.caching.routing import translations_of
from core.site_address import absolute_url

register = template.Library()


@dataclass(frozen=True)
class Version:
    code: str
    name: str
    url: str
    full_url: str
    current: bool


@dataclass(frozen=True)
class LanguageVersions:
    versions: list
    # The language of what is shown, when it differs from the visitor's: an untranslated page.
    fallback_language: str | None
    fallback_language_name: str | None
    current_language_name: str
    default_url: str | None
    # For an untranslated page shown under another language's prefix: the page's own address;
    # for a sub-page with its own address in each language: that address.
    canonical_url: str | None


@register.simple_tag(takes_context=True)
def language_versions(context):
    """Every language the current page exists in (live), or every site language for other views.

    No query once cached: a Wagtail page's translations are kept per page-cache generation.
    """
    request = context.get("request")
    names = dict(settings.LANGUAGES)
    active = get_supported_content_language_variant(get_language())
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    page = context.get("page")
    page_language = active
    versions = []
    if request is None:
        pass
    elif page is not None and getattr(page, "translation_key", None) and page.pk:
        translations = translations_of(page, request)
        page_language = next(
            (code for code, (page_id, _url) in translations.items() if page_id == page.pk), None
        ) or get_supported_content_language_variant(page.locale.language_code)
        # A sub-page of a routable page (a chapter of the strategy) gives its own address in
        # each language, which is then also its canonical address.
        subpage_urls = context.get("language_urls")
        for code, name in settings.LANGUAGES:
            url = translations.get(code, (None, None))[1]
            if subpage_urls is not None:
                url = subpage_urls.get(code)
            if url:
                versions.append(Version(code, name, url, absolute_url(url), code == page_language))
    else:
        for code, name in settings.LANGUAGES:
            url = translate_url(request.get_full_path(), code)
            versions.append(Version(code, name, url, absolute_url(url), code == active))
    fallback = page_language if page_language != active else None
    canonical_code = fallback or (page_language if context.get("language_urls") is not None else None)
    return LanguageVersions(
        versions=versions,
        fallback_language=fallback,
        fallback_language_name=names.get(fallback) if fallback else None,
        current_language_name=names.get(active, active),
        default_url=next((version.full_url for version in versions if version.code == default), None),
        canonical_url=next((version.full_url for version in versions if version.code == canonical_code), None),
    )


@register.filter
def startswith(text, prefix):
    """For marking the current section in the navigation: {% if request.path|startswith:url %}."""
    return str(text).startswith(str(prefix))


@register.simple_tag(takes_context=True)
def footer_page_urls(context, contact):
    """{"accessibility": url, "privacy": url} for the footer, in the visitor's language.

    The links carry the visitor's language prefix, so they lead to the translation when
    there is one and to the English page with a notice otherwise. No query: the contact
    settings arrive with both pages joined.
    """
    request = context.get("request")
    language = get_language()
    urls = {}
    for name, page in (("accessibility", contact.accessibility_page), ("privacy", contact.privacy_page)):
        url = page.get_url(request) if page else None
        if url:
            with override(settings.LANGUAGE_CODE):
                url = translate_url(url, language)
        urls[name] = url
    return urls
