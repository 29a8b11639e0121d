"""Who may moderate comments and handle residents' data. Idempotent: run it any number of times."""

from django.apps import apps as global_apps

from core.staff_roles import COMMUNICATIONS_TEAM, DATA_OFFICERS, MODERATORS

# Moderators work the queue; the communications team also handles one person's data
# requests. Downloading every commenter's email and postcode at once (responses.csv) is for
# the named data officers only (and superusers), not for everyone who moderates or edits.
GROUP_PERMISSIONS = {
    MODERATORS: ["view_comment", "change_comment"],
    COMMUNICATIONS_TEAM: ["view_comment", "change_comment", "manage_personal_data"],
    DATA_OFFICERS: ["export_responses", "manage_personal_data"],
}


def ensure_editorial(apps=None):
    apps = apps or global_apps
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
    # The residents' data tool is core's; its permission hangs on core's PersonalDataTool.
    tool_type, _ = ContentType.objects.get_or_create(app_label="core", model="personaldatatool")
    for group_name, codenames in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(access_admin)
        for codename in codenames:
            content_type = tool_type if codename == "manage_personal_data" else comment_type
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=codename, defaults={"name": names[codename]}
            )
            group.permissions.add(permission)
