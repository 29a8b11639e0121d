"""The site's languages as Wagtail locales.

The list of languages is the SITE_LANGUAGES setting; every language in it needs a
Locale row before editors can translate into it. Safe to run any number of times.
"""

from django.conf import settings


def ensure_locales(locale_model=None):
    """Create a Locale for each configured content language that lacks one."""
    if locale_model is None:
        from wagtail.models import Locale as locale_model
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        locale_model.objects.get_or_create(language_code=code)


def language_name(code):
    """The language's own name for itself, as the switcher shows it."""
    return dict(settings.LANGUAGES).get(code, code)
