"""The staff groups and what each may do, declared as data and applied by one idempotent function.

Each app declares the roles' permissions it owns in its own `staff_roles.py` module (found by
`CoreConfig.ready()` the way the admin finds `admin.py`) by calling `register(...)` with
`StaffRole` and `StaffWorkflow` declarations; several apps may add to the same role.
`apply_staff_roles()` applies every declaration with get_or_create, so it can run any number of
times. It runs after every `migrate` (once, when the database is fully migrated), from the site
and sample-content loaders and from tests.

Page permissions and workflows hang on pages that may not exist yet (the stories index, the
pledge index): they are applied to the first page of the declared type whenever it exists, so
running `apply_staff_roles()` again after the loader has created the index pages completes the
set-up (the loaders and the stories index's post_save do exactly that).

Nothing an admin grants by hand is removed, except what a declaration says a role must not hold
(`withheld_permissions`, `withheld_page_permissions`).

Migrations never import this module: the ones that set up groups before it existed carry frozen
copies of what they did, and existing databases already ran them.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS, connections, transaction

COMMUNICATIONS_TEAM = "Communications team"  # writes and publishes anything
MODERATORS = "Moderators"  # approves or rejects stories and comments
PLEDGE_LEADS = "Pledge leads"  # adds progress updates to the pledges they lead
DATA_OFFICERS = "Data officers"  # downloads consultation responses with personal data; answers data requests

ROOT = "root"  # page_permissions key: the root of the page tree (the whole site)
EVERY_PAGE_PERMISSION = "*"  # in withheld_page_permissions: every permission on that page

# Every staff role reaches the admin.
ADMIN_ACCESS = "wagtailadmin.access_admin"


@dataclass(frozen=True)
class StaffRole:
    """Part of one staff group's permissions, as one app declares them.

    model_permissions: "app_label.codename".
    page_permissions: page type ("app_label.modelname", or ROOT) -> page permission codenames,
        granted on the first page of that type once it exists.
    collection_permissions: "app_label.codename" granted on the root collection.
    withheld_permissions / withheld_page_permissions: what this role must NOT hold; removed if
        present (Wagtail's defaults or an earlier set-up may have granted them).
    """

    name: str
    model_permissions: tuple[str, ...] = ()
    page_permissions: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    collection_permissions: tuple[str, ...] = ()
    withheld_permissions: tuple[str, ...] = ()
    withheld_page_permissions: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class WorkflowStep:
    name: str
    task_type: str = "wagtailcore.groupapprovaltask"  # "app_label.modelname" of a Task subclass
    groups: tuple[str, ...] = ()  # for group approval tasks: the roles that may approve


@dataclass(frozen=True)
class StaffWorkflow:
    """A Wagtail workflow with its tasks in order, attached to the first page of `page_type`."""

    name: str
    page_type: str
    steps: tuple[WorkflowStep, ...]


_roles: list[StaffRole] = []
_workflows: list[StaffWorkflow] = []


def register(*declarations):
    for declaration in declarations:
        if isinstance(declaration, StaffRole):
            _roles.append(declaration)
        elif isinstance(declaration, StaffWorkflow):
            _workflows.append(declaration)
        else:
            raise TypeError(f"Not a staff role or workflow: {declaration!r}")


def declared_roles():
    """Every role's declarations merged by name: {name: [StaffRole, ...]}, in registration order."""
    roles = {}
    for role in _roles:
        roles.setdefault(role.name, []).append(role)
    return roles


def declared_workflows():
    return list(_workflows)


def _permission(label):
    from django.contrib.auth.models import Permission

    app_label, codename = label.split(".", 1)
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _page_permission(codename):
    return _permission(f"wagtailcore.{codename}")


def _page_of_type(page_type):
    from wagtail.models import Page

    if page_type == ROOT:
        return Page.objects.filter(depth=1).first()
    app_label, model = page_type.lower().split(".", 1)
    return Page.objects.filter(content_type__app_label=app_label, content_type__model=model).order_by("path").first()


def _apply_role(group, parts):
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

    group.permissions.add(_permission(ADMIN_ACCESS))
    root_collection = Collection.objects.filter(depth=1).first()
    for part in parts:
        group.permissions.add(*(_permission(label) for label in part.model_permissions))
        group.permissions.remove(*(_permission(label) for label in part.withheld_permissions))
        for page_type, codenames in part.page_permissions.items():
            page = _page_of_type(page_type)
            if page is None:
                continue  # applied on a later run, once the page exists
            for codename in codenames:
                GroupPagePermission.objects.get_or_create(group=group, page=page, permission=_page_permission(codename))
        for page_type, codenames in part.withheld_page_permissions.items():
            page = _page_of_type(page_type)
            if page is None:
                continue
            withheld = GroupPagePermission.objects.filter(group=group, page=page)
            if EVERY_PAGE_PERMISSION not in codenames:
                withheld = withheld.filter(permission__codename__in=codenames)
            withheld.delete()
        if root_collection is not None:
            for label in part.collection_permissions:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=_permission(label)
                )


def _apply_workflow(declaration, groups):
    from django.contrib.auth.models import Group

    from wagtail.models import Workflow, WorkflowPage, WorkflowTask

    workflow, _created = Workflow.objects.get_or_create(name=declaration.name, defaults={"active": True})
    for order, step in enumerate(declaration.steps):
        task_model = global_apps.get_model(step.task_type)
        task = task_model.objects.filter(name=step.name).first() or task_model.objects.create(name=step.name)
        if step.groups:
            task.groups.add(*(groups.get(name) or Group.objects.get_or_create(name=name)[0] for name in step.groups))
        # WorkflowTask rows directly: the workflow's own related manager only writes on save.
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": order})
    page = _page_of_type(declaration.page_type)
    if page is not None:
        WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})
    return workflow


@transaction.atomic
def apply_staff_roles():
    """Create every declared group and give it what its declarations say. Idempotent."""
    from django.contrib.auth.models import Group

    groups = {}
    for name, parts in declared_roles().items():
        group, _created = Group.objects.get_or_create(name=name)
        _apply_role(group, parts)
        groups[name] = group
    for declaration in _workflows:
        _apply_workflow(declaration, groups)
    return groups


def database_is_fully_migrated(using=DEFAULT_DB_ALIAS):
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connections[using])
    return not executor.migration_plan(executor.loader.graph.leaf_nodes())


def apply_after_migrate(sender, using=DEFAULT_DB_ALIAS, plan=None, **kwargs):
    """post_migrate receiver: once per migrate, after every app's own post_migrate steps.

    post_migrate is sent once per app, in INSTALLED_APPS order, after all migrations have run;
    Django creates each app's permissions in its own turn, so this waits for the last app.
    A partial migrate (to an older migration, as some tests do) leaves the live models ahead
    of the tables, so nothing is applied until the database is fully migrated. `flush` sends
    the signal too, without a plan: an emptied database (as transactional tests leave it) stays
    empty, as it did when only migrations created the groups.
    """
    if plan is None:
        return
    # Django sends it only for apps with a models module.
    last = [config for config in global_apps.get_app_configs() if config.models_module is not None][-1]
    if sender is not last:
        return
    if not database_is_fully_migrated(using):
        return
    apply_staff_roles()


# Core's own part: the block list and the residents' data tool are core's; the image library
# (Wagtail's) is open to the editorial groups.
STAFF_IMAGES = ("wagtailimages.add_image", "wagtailimages.change_image", "wagtailimages.choose_image")

register(
    StaffRole(
        COMMUNICATIONS_TEAM,
        model_permissions=(
            "core.manage_personal_data",
            # Only the communications team (and superusers) make pages private: Wagtail would let
            # anyone who may publish a page do it, moderators included (core/page_privacy.py).
            "wagtailcore.change_pageviewrestriction",
        ),
        # The communications team writes and publishes anything on the site.
        page_permissions={ROOT: ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")},
        collection_permissions=STAFF_IMAGES,
    ),
    StaffRole(
        MODERATORS,
        # Moderators block abusive addresses (docs/security.md).
        model_permissions=(
            "core.add_blockedemail",
            "core.change_blockedemail",
            "core.delete_blockedemail",
            "core.view_blockedemail",
        ),
        collection_permissions=STAFF_IMAGES,
        withheld_permissions=("wagtailcore.change_pageviewrestriction",),
        # Wagtail's first migration gives its own "Moderators" group add, edit and publish on the
        # whole tree. Here moderators review stories and pledge changes only (their apps'
        # declarations): they must not edit or publish any other page.
        withheld_page_permissions={ROOT: (EVERY_PAGE_PERMISSION,)},
    ),
    StaffRole(PLEDGE_LEADS),
    StaffRole(DATA_OFFICERS, model_permissions=("core.manage_personal_data",)),
)
