from django.db import migrations


def create_locales(apps, schema_editor):
    from home.locales import ensure_locales

    ensure_locales(apps.get_model("wagtailcore", "Locale"))


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_blocked_email"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
