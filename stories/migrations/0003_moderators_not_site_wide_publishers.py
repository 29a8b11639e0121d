from django.db import migrations


def limit_moderators_to_stories(apps, schema_editor):
    from stories.editorial import ensure_editorial

    ensure_editorial(apps)


class Migration(migrations.Migration):
    dependencies = [("stories", "0002_editorial")]

    operations = [migrations.RunPython(limit_moderators_to_stories, migrations.RunPython.noop)]
