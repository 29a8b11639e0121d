"""Moving the block list and the residents' data permission into core keeps what sites already hold."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

import pytest

BEFORE = [
    ("core", None),
    ("home", "0004_moderators_block_emails"),
    ("consultations", "0003_data_officers_export_responses"),
]


def latest():
    """Every app at its newest migration, as `migrate` leaves a deployed site (and later tests need)."""
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    # ("core", None) means before core existed: the state is that of the other targets.
    return executor.loader.project_state([target for target in targets if target[1]]).apps


@pytest.mark.django_db(transaction=True)
def test_a_site_that_had_the_block_list_in_home_keeps_its_rows_and_who_may_edit_them():
    old = migrate(BEFORE)
    OldBlockedEmail = old.get_model("home", "BlockedEmail")
    OldBlockedEmail.objects.create(email_hash="a" * 64, reason="Repeated abuse")
    Group = old.get_model("auth", "Group")
    moderators = Group.objects.get(name="Moderators")
    assert moderators.permissions.filter(content_type__app_label="home", codename="add_blockedemail").exists()

    new = migrate(latest())
    BlockedEmail = new.get_model("core", "BlockedEmail")
    assert list(BlockedEmail.objects.values_list("email_hash", "reason")) == [("a" * 64, "Repeated abuse")]
    moderators = new.get_model("auth", "Group").objects.get(name="Moderators")
    codenames = set(moderators.permissions.filter(content_type__app_label="core").values_list("codename", flat=True))
    assert {"add_blockedemail", "change_blockedemail", "delete_blockedemail", "view_blockedemail"} <= codenames


@pytest.mark.django_db(transaction=True)
def test_whoever_could_use_the_residents_data_tool_still_can():
    old = migrate(BEFORE)
    Group = old.get_model("auth", "Group")
    User = old.get_model("auth", "User")
    Permission = old.get_model("auth", "Permission")
    old_permission = Permission.objects.get(content_type__app_label="consultations", codename="manage_personal_data")
    holders = set(Group.objects.filter(permissions=old_permission).values_list("name", flat=True))
    assert holders == {"Communications team", "Data officers"}
    officer = User.objects.create(username="dpo")
    officer.user_permissions.add(old_permission)

    new = migrate(latest())
    Group = new.get_model("auth", "Group")
    User = new.get_model("auth", "User")
    Permission = new.get_model("auth", "Permission")
    permission = Permission.objects.get(content_type__app_label="core", codename="manage_personal_data")
    assert set(Group.objects.filter(permissions=permission).values_list("name", flat=True)) == holders
    assert User.objects.filter(username="dpo", user_permissions=permission).exists()
    assert not Permission.objects.filter(content_type__app_label="consultations", codename="manage_personal_data")
