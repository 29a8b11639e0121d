from django.db import migrations

# Frozen here rather than imported from live code, so later changes cannot change what this did.
MODERATORS = "Moderators"
IMAGE_PERMISSIONS = ["add_image", "change_image", "choose_image"]


def ensure_group(apps, name):
    """The group, with admin access and the image permissions every staff group has."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    group, _created = Group.objects.get_or_create(name=name)
    admin_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    group.permissions.add(access_admin)
    root = Collection.objects.filter(depth=1).first()
    if root:
        image_type, _ = ContentType.objects.get_or_create(app_label="wagtailimages", model="image")
        for codename in IMAGE_PERMISSIONS:
            permission, _ = Permission.objects.get_or_create(
                content_type=image_type, codename=codename, defaults={"name": codename.replace("_", " ").capitalize()}
            )
            GroupCollectionPermission.objects.get_or_create(
                group_id=group.pk, collection_id=root.pk, permission=permission
            )
    return group


def grant_model_permission(apps, group, app_label, model_name, action):
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model_name)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=f"{action}_{model_name}",
        defaults={"name": f"Can {action} {model_name}"},
    )
    group.permissions.add(permission)


def let_moderators_keep_the_block_list(apps, schema_editor):
    """Moderators block abusive addresses (docs/security.md); the list was superusers-only."""
    moderators = ensure_group(apps, MODERATORS)
    for action in ("add", "change", "delete", "view"):
        grant_model_permission(apps, moderators, "home", "blockedemail", action)


class Migration(migrations.Migration):
    dependencies = [("home", "0003_site_locales"), ("stories", "0002_editorial")]

    operations = [migrations.RunPython(let_moderators_keep_the_block_list, migrations.RunPython.noop)]
