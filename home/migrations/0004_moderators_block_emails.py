from django.db import migrations


def let_moderators_keep_the_block_list(apps, schema_editor):
    """Moderators block abusive addresses (docs/security.md); the list was superusers-only."""
    from home.editorial import MODERATORS
    from stories.editorial import ensure_group, grant_model_permission

    moderators = ensure_group(apps, MODERATORS)
    for action in ("add", "change", "delete", "view"):
        grant_model_permission(apps, moderators, "home", "blockedemail", action)


class Migration(migrations.Migration):
    dependencies = [("home", "0003_site_locales"), ("stories", "0002_editorial")]

    operations = [migrations.RunPython(let_moderators_keep_the_block_list, migrations.RunPython.noop)]
