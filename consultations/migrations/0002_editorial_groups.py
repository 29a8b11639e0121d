from django.db import migrations


def ensure_groups(apps, schema_editor):
    from consultations.editorial import ensure_editorial

    ensure_editorial(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(ensure_groups, migrations.RunPython.noop)]
