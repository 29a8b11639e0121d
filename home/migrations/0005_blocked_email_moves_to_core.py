from django.db import migrations


class Migration(migrations.Migration):
    """BlockedEmail now belongs to core (core/migrations/0001): the table stays where it is."""

    dependencies = [
        ("home", "0004_moderators_block_emails"),
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="BlockedEmail")],
            database_operations=[],
        ),
    ]
