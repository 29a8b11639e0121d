"""The staff roles, declared once (each app's staff_roles.py) and applied by apply_staff_roles()."""

from django.contrib.auth.models import Group
from django.core.management import call_command

from wagtail.models import (
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Task,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

import pytest

from core.staff_roles import (
    COMMUNICATIONS_TEAM,
    DATA_OFFICERS,
    MODERATORS,
    PLEDGE_LEADS,
    ROOT,
    _page_of_type,
    apply_staff_roles,
    declared_roles,
    declared_workflows,
)

# Permissions of these apps are ours to give: a group holds exactly the declared ones. (Wagtail's
# own migrations also give its default groups image and document permissions; those are its.)
OWN_APPS = {"core", "home", "strategy", "stories", "pledges", "consultations", "search"}
OWN_WAGTAIL_PERMISSIONS = {"wagtailadmin.access_admin", "wagtailcore.change_pageviewrestriction"}


def rows():
    """Every row the staff set-up writes, as comparable values."""
    return {
        "groups": sorted(Group.objects.values_list("name", flat=True)),
        "group permissions": sorted(Group.permissions.through.objects.values_list("group_id", "permission_id")),
        "page permissions": sorted(GroupPagePermission.objects.values_list("group_id", "page_id", "permission_id")),
        "collection permissions": sorted(
            GroupCollectionPermission.objects.values_list("group_id", "collection_id", "permission_id")
        ),
        "workflows": sorted(Workflow.objects.values_list("pk", "name")),
        "tasks": sorted(Task.objects.values_list("pk", "name")),
        "workflow tasks": sorted(WorkflowTask.objects.values_list("workflow_id", "task_id", "sort_order")),
        "workflow pages": sorted(WorkflowPage.objects.values_list("page_id", "workflow_id")),
        "task groups": sorted(GroupApprovalTask.groups.through.objects.values_list("groupapprovaltask_id", "group_id")),
    }


def label(permission):
    return f"{permission.content_type.app_label}.{permission.codename}"


def declared(name):
    parts = declared_roles()[name]
    model = {"wagtailadmin.access_admin"} | {p for part in parts for p in part.model_permissions}
    withheld = {p for part in parts for p in part.withheld_permissions}
    pages = set()
    for part in parts:
        for page_type, codenames in part.page_permissions.items():
            page = _page_of_type(page_type)
            pages |= {(page.pk, codename) for codename in codenames}
    collection = {p for part in parts for p in part.collection_permissions}
    return model, withheld, pages, collection


@pytest.fixture
def site(db):
    """A fresh site as `make setup` builds it: migrate (the test database), then the loaders."""
    call_command("load_sample_content", verbosity=0)


def test_running_the_set_up_again_changes_no_row(site):
    before = rows()
    assert before["workflow pages"], "the loaders attached the review workflows"
    apply_staff_roles()
    apply_staff_roles()
    assert rows() == before


def test_migrate_recreates_the_groups_with_what_they_were_declared_to_hold(db):
    """Nobody clicks groups together by hand: `migrate` on a database without them brings them back."""
    Group.objects.filter(name__in=[COMMUNICATIONS_TEAM, MODERATORS, PLEDGE_LEADS, DATA_OFFICERS]).delete()
    call_command("migrate", verbosity=0)
    communications = Group.objects.get(name=COMMUNICATIONS_TEAM)
    assert "wagtailcore.change_pageviewrestriction" in {label(p) for p in communications.permissions.all()}
    assert GroupPagePermission.objects.filter(group=communications, page=_page_of_type(ROOT)).count() == 5
    assert {label(p) for p in Group.objects.get(name=DATA_OFFICERS).permissions.all()} >= {
        "consultations.export_responses",
        "core.manage_personal_data",
    }


def test_after_migrate_and_the_site_loader_each_group_holds_exactly_what_is_declared(site):
    for name in (COMMUNICATIONS_TEAM, MODERATORS, PLEDGE_LEADS, DATA_OFFICERS):
        assert_holds_what_is_declared(Group.objects.get(name=name))
    for declaration in declared_workflows():
        workflow = WorkflowPage.objects.get(page=_page_of_type(declaration.page_type)).workflow
        assert workflow.name == declaration.name
        steps = [task.name for task in workflow.tasks.order_by("workflow_tasks__sort_order")]
        assert steps == [step.name for step in declaration.steps]


def assert_holds_what_is_declared(group):
    name = group.name
    model, withheld, pages, collection = declared(name)
    held = {label(p) for p in group.permissions.select_related("content_type")}
    ours = {p for p in held if p.split(".")[0] in OWN_APPS or p in OWN_WAGTAIL_PERMISSIONS}
    assert ours == {p for p in model if p.split(".")[0] in OWN_APPS or p in OWN_WAGTAIL_PERMISSIONS}
    assert model <= held
    assert not held & withheld
    assert set(GroupPagePermission.objects.filter(group=group).values_list("page_id", "permission__codename")) == pages
    held_in_collections = {
        label(row.permission) for row in GroupCollectionPermission.objects.filter(group=group, collection__depth=1)
    }
    assert collection <= held_in_collections


def test_moderators_lose_what_they_must_not_hold_even_if_someone_granted_it(db):
    moderators = Group.objects.get(name=MODERATORS)
    communications = Group.objects.get(name=COMMUNICATIONS_TEAM)
    export = Group.objects.get(name=DATA_OFFICERS).permissions.get(codename="export_responses")
    privacy = communications.permissions.get(codename="change_pageviewrestriction")
    moderators.permissions.add(export, privacy)
    communications.permissions.add(export)
    root = _page_of_type(ROOT)
    GroupPagePermission.objects.create(
        group=moderators, page=root, permission=GroupPagePermission.objects.filter(page=root).first().permission
    )

    apply_staff_roles()

    assert not moderators.permissions.filter(pk__in=[export.pk, privacy.pk]).exists()
    assert not communications.permissions.filter(pk=export.pk).exists()
    assert not GroupPagePermission.objects.filter(group=moderators, page=root).exists()
