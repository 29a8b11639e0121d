from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0002_sent_email'),
    ]

    operations = [
        migrations.CreateModel(
            name='UsedSignedLink',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('digest', models.CharField(max_length=64, unique=True)),
                ('used_at', models.DateTimeField(auto_now_add=True)),
            ],
            options={
                'verbose_name': 'used sign-in link',
            },
        ),
    ]
