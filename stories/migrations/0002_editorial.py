from django.db import migrations

# A frozen copy of stories/editorial.py as it stood when this migration was frozen:
# migrations must not import live code, which may change (or move) after they have run.
COMMUNICATIONS_TEAM = "Communications team"
MODERATORS = "Moderators"
WORKFLOW_NAME = "Community story review"
REVIEW_TASK_NAME = "Moderator review"
AGREEMENT_TASK_NAME = "Community group agreement"

PUBLISHING = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
MODERATING = ["change_page", "publish_page", "lock_page", "unlock_page"]
IMAGE_PERMISSIONS = ["add_image", "change_image", "choose_image"]


def ensure_editorial(apps):
    Page = apps.get_model("wagtailcore", "Page")
    communications = ensure_group(apps, COMMUNICATIONS_TEAM)
    moderators = ensure_group(apps, MODERATORS)
    root = Page.objects.filter(depth=1).first()
    if root:
        # The communications team writes and publishes anything on the site.
        grant_page_permissions(apps, communications, root, PUBLISHING)
        # Wagtail's first migration gives its own "Moderators" group add, edit and publish on
        # the whole tree. Here moderators review stories (below) and pledge changes (as the
        # workflow task's group): they must not edit or publish any other page.
        GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
        GroupPagePermission.objects.filter(group_id=moderators.pk, page_id=root.pk).delete()
    # Only the communications team (and superusers) make pages private: Wagtail would let
    # anyone who may publish a page do it, moderators included (core/page_privacy.py).
    grant_model_permission(apps, communications, "wagtailcore", "pageviewrestriction", "change")
    for group in (communications, moderators):
        # Staff read who sent a story (to contact them); nobody edits that record by hand.
        grant_model_permission(apps, group, "stories", "storysubmission", "view")
    workflow = ensure_workflow(apps, reviewers=[moderators, communications])
    index = Page.objects.filter(content_type__app_label="stories", content_type__model="storyindexpage").first()
    if index:
        grant_page_permissions(apps, moderators, index, MODERATING)
        WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
        WorkflowPage.objects.get_or_create(page_id=index.pk, defaults={"workflow": workflow})
    return workflow


def ensure_group(apps, name):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    group, _created = Group.objects.get_or_create(name=name)
    admin_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    group.permissions.add(access_admin)
    grant_image_permissions(apps, group)
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


def page_permission(apps, codename):
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    page_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    permission, _ = Permission.objects.get_or_create(
        content_type=page_type, codename=codename, defaults={"name": codename.replace("_", " ").capitalize()}
    )
    return permission


def grant_page_permissions(apps, group, page, codenames):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group_id=group.pk, page_id=page.pk, permission=page_permission(apps, codename)
        )


def grant_image_permissions(apps, group):
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    root = Collection.objects.filter(depth=1).first()
    if not root:
        return
    image_type, _ = ContentType.objects.get_or_create(app_label="wagtailimages", model="image")
    for codename in IMAGE_PERMISSIONS:
        permission, _ = Permission.objects.get_or_create(
            content_type=image_type, codename=codename, defaults={"name": codename.replace("_", " ").capitalize()}
        )
        GroupCollectionPermission.objects.get_or_create(group_id=group.pk, collection_id=root.pk, permission=permission)


def ensure_task(apps, app_label, model_name, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    TaskModel = apps.get_model(app_label, model_name)
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model_name.lower())
    task = TaskModel.objects.filter(name=name).first()
    if task is None:
        task = TaskModel.objects.create(name=name, content_type=content_type, active=True)
    return task


def ensure_workflow(apps, reviewers):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    review = ensure_task(apps, "wagtailcore", "GroupApprovalTask", REVIEW_TASK_NAME)
    review.groups.add(*reviewers)
    agreement = ensure_task(apps, "stories", "GroupAgreementTask", AGREEMENT_TASK_NAME)
    for order, task in enumerate([review, agreement]):
        WorkflowTask.objects.get_or_create(workflow_id=workflow.pk, task_id=task.pk, defaults={"sort_order": order})
    return workflow



def create_groups_and_workflow(apps, schema_editor):
    ensure_editorial(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups_and_workflow, migrations.RunPython.noop)]
