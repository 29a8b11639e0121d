from django.db import migrations

MODERATORS = "Moderators"
COMMUNICATIONS_TEAM = "Communications team"
DATA_OFFICERS = "Data officers"


def give_the_responses_export_to_data_officers(apps, schema_editor):
    """Only the named data officers (and superusers) download responses with personal data.

    Frozen here rather than imported from consultations/editorial.py, so later changes to the
    live set-up cannot change what this migration did.
    """
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    comment_type, _ = ContentType.objects.get_or_create(app_label="consultations", model="comment")
    admin_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    export, _ = Permission.objects.get_or_create(
        content_type=comment_type,
        codename="export_responses",
        defaults={"name": "Can export consultation responses with personal data"},
    )
    manage, _ = Permission.objects.get_or_create(
        content_type=comment_type,
        codename="manage_personal_data",
        defaults={"name": "Can export or erase everything held about one email address"},
    )
    officers, _ = Group.objects.get_or_create(name=DATA_OFFICERS)
    officers.permissions.add(access_admin, export, manage)
    for group in Group.objects.filter(name__in=[MODERATORS, COMMUNICATIONS_TEAM]):
        group.permissions.remove(export)


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0002_editorial_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(give_the_responses_export_to_data_officers, migrations.RunPython.noop)]
