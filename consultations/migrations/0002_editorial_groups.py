from django.db import migrations

# A frozen copy of consultations/editorial.py as it stood when this migration was frozen:
# migrations must not import live code, which may change (or move) after they have run.
MODERATORS = "Moderators"
COMMUNICATIONS_TEAM = "Communications team"
DATA_OFFICERS = "Data officers"
GROUP_PERMISSIONS = {
    MODERATORS: ["view_comment", "change_comment"],
    COMMUNICATIONS_TEAM: ["view_comment", "change_comment", "manage_personal_data"],
    DATA_OFFICERS: ["export_responses", "manage_personal_data"],
}


def ensure_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    comment_type, _ = ContentType.objects.get_or_create(app_label="consultations", model="comment")
    admin_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    names = {
        "view_comment": "Can view comment",
        "change_comment": "Can change comment",
        "export_responses": "Can export consultation responses with personal data",
        "manage_personal_data": "Can export or erase everything held about one email address",
    }
    for group_name, codenames in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(access_admin)
        for codename in codenames:
            permission, _ = Permission.objects.get_or_create(
                content_type=comment_type, codename=codename, defaults={"name": names[codename]}
            )
            group.permissions.add(permission)


class Migration(migrations.Migration):
    # Pinned where the migration plan has always put it on a fresh database: after Wagtail gave
    # the admin groups of the day "choose document", before it gave them "choose image".
    run_before = [("wagtailimages", "0023_add_choose_permissions")]
    dependencies = [
        ("wagtaildocs", "0011_add_choose_permissions"),
        ("consultations", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(ensure_groups, migrations.RunPython.noop)]
