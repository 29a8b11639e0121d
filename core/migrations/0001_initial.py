from django.db import migrations, models


def move_content_type(apps, schema_editor, source="home", target="core"):
    """The block list's content type follows the model, so its permissions stay with the same groups."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label=target, model="blockedemail").exists():
        ContentType.objects.filter(app_label=source, model="blockedemail").update(app_label=target)


def move_content_type_back(apps, schema_editor):
    move_content_type(apps, schema_editor, source="core", target="home")


class Migration(migrations.Migration):
    """BlockedEmail moves from home to core; its table (home_blockedemail) and its rows stay.

    The table was created by home's migrations, hence the dependency on them.
    """

    initial = True

    dependencies = [
        ("home", "0004_moderators_block_emails"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name='PersonalDataTool',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
            ],
            options={
                'permissions': [('manage_personal_data', 'Can export or erase everything held about one email address')],
                'managed': False,
                'default_permissions': [],
            },
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='BlockedEmail',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('email_hash', models.CharField(editable=False, max_length=64, unique=True)),
                        ('reason', models.CharField(help_text='Which house rule was broken; for moderators only', max_length=255)),
                        ('blocked_at', models.DateTimeField(auto_now_add=True)),
                    ],
                    options={
                        'verbose_name': 'blocked email address',
                        'db_table': 'home_blockedemail',
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
