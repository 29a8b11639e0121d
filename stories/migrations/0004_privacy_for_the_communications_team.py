from django.db import migrations

COMMUNICATIONS_TEAM = "Communications team"


def let_the_communications_team_change_privacy(apps, schema_editor):
    """Making a page private needs wagtailcore.change_pageviewrestriction (core/page_privacy.py).

    Frozen here rather than imported from stories/editorial.py, so later changes to the live
    set-up cannot change what this migration did.
    """
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="pageviewrestriction")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="change_pageviewrestriction",
        defaults={"name": "Can change page view restriction"},
    )
    group, _ = Group.objects.get_or_create(name=COMMUNICATIONS_TEAM)
    group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("stories", "0003_moderators_not_site_wide_publishers")]

    operations = [migrations.RunPython(let_the_communications_team_change_privacy, migrations.RunPython.noop)]
