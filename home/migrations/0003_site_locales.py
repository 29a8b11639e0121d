from django.conf import settings
from django.db import migrations


def create_locales(apps, schema_editor):
    """A Locale for each configured content language (frozen copy of core/locales.py's ensure_locales)."""
    Locale = apps.get_model("wagtailcore", "Locale")
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_blocked_email"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
