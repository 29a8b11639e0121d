import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('directory', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='DirectoryEntryOwner',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('reference', models.CharField(max_length=20, unique=True)),
                ('form_token', models.UUIDField(help_text='One per rendered form: a double submit finds this row', unique=True)),
                ('group_name', models.CharField(max_length=200)),
                ('group_email', models.EmailField(help_text='Lower case: the address the group signs in with', max_length=254)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('page', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='group_owner', to='directory.assetpage')),
            ],
            options={
                'ordering': ['-created_at'],
                'indexes': [models.Index(fields=['group_email'], name='directory_owner_email')],
            },
        ),
    ]
