from django.core.files.storage import default_storage, storages
from django.db import migrations, models

import core.private_files
import fund.models.applications


def move_to_private_storage(apps, schema_editor):
    """Documents uploaded before now sit in the public media: move each into the private storage."""
    private = storages["private"]
    SupportingDocument = apps.get_model("fund", "SupportingDocument")
    for name in SupportingDocument.objects.values_list("file", flat=True).iterator():
        if not name or not default_storage.exists(name):
            continue
        if not private.exists(name):
            with default_storage.open(name, "rb") as handle:
                private.save(name, handle)
        default_storage.delete(name)


class Migration(migrations.Migration):
    dependencies = [
        ("fund", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="supportingdocument",
            name="file",
            field=models.FileField(
                max_length=255,
                storage=core.private_files.private_storage,
                upload_to=fund.models.applications.supporting_document_path,
            ),
        ),
        migrations.RunPython(move_to_private_storage, migrations.RunPython.noop, elidable=True),
    ]
