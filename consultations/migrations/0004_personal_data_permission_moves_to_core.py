from django.db import migrations

NAME = "Can export or erase everything held about one email address"


def move_the_permission_to_core(apps, schema_editor):
    """The residents' data tool is core's now: whoever could use it keeps it, under core.manage_personal_data.

    Self-contained: it copies every grant of consultations.manage_personal_data (groups and
    single users) to the new permission, then deletes the old one.
    """
    Group = apps.get_model("auth", "Group")
    User = apps.get_model("auth", "User")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    tool_type, _ = ContentType.objects.get_or_create(app_label="core", model="personaldatatool")
    new, _ = Permission.objects.get_or_create(
        content_type=tool_type, codename="manage_personal_data", defaults={"name": NAME}
    )
    old = Permission.objects.filter(content_type__app_label="consultations", codename="manage_personal_data").first()
    if old is None:
        return
    for group in Group.objects.filter(permissions=old):
        group.permissions.add(new)
    for user in User.objects.filter(user_permissions=old):
        user.user_permissions.add(new)
    old.delete()


def move_the_permission_back(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    User = apps.get_model("auth", "User")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    comment_type, _ = ContentType.objects.get_or_create(app_label="consultations", model="comment")
    old, _ = Permission.objects.get_or_create(
        content_type=comment_type, codename="manage_personal_data", defaults={"name": NAME}
    )
    new = Permission.objects.filter(content_type__app_label="core", codename="manage_personal_data").first()
    if new is None:
        return
    for group in Group.objects.filter(permissions=new):
        group.permissions.add(old)
    for user in User.objects.filter(user_permissions=new):
        user.user_permissions.add(old)


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0003_data_officers_export_responses"),
        ("core", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="comment",
            options={
                "ordering": ["-created_at"],
                "permissions": [("export_responses", "Can export consultation responses with personal data")],
                "verbose_name": "comment",
            },
        ),
        migrations.RunPython(move_the_permission_to_core, move_the_permission_back),
    ]
