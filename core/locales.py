"""The site's languages as Wagtail locales.

The list of languages is the SITE_LANGUAGES setting; every language in it needs a
Locale row before editors can translate into it. Safe to run any number of times.
"""

from django.conf import settings

from wagtail.models import Locale


def ensure_locales(locale_model=Locale):
    """Create a Locale for each configured content language that lacks one."""
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        locale_model.objects.get_or_create(language_code=code)


def language_name(code):
    """The language's own name for itself, as the switcher shows it."""
    return dict(settings.LANGUAGES).get(code, code)
