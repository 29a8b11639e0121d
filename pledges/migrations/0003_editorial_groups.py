from django.db import migrations

# A frozen copy of pledges/editorial.py's ensure_groups: migrations must not import live code.
COMMUNICATIONS_TEAM = "Communications team"
MODERATORS = "Moderators"
PLEDGE_LEADS = "Pledge leads"


def create_groups(apps, schema_editor):
    """The three staff groups with admin access; the communications team may choose pledge leads."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    admin_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    pledge_type, _ = ContentType.objects.get_or_create(app_label="pledges", model="pledgepage")
    choose_leads, _ = Permission.objects.get_or_create(
        content_type=pledge_type, codename="change_pledgepage", defaults={"name": "Can change pledge page"}
    )
    groups = {}
    for name in (COMMUNICATIONS_TEAM, MODERATORS, PLEDGE_LEADS):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
        groups[name] = group
    groups[COMMUNICATIONS_TEAM].permissions.add(choose_leads)


class Migration(migrations.Migration):
    dependencies = [
        ("pledges", "0002_updates_indicators_reviews"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
