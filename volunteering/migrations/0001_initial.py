import django.db.models.deletion
import modelcluster.fields
import uuid
from django.db import migrations, models

import volunteering.models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('strategy', '0004_place_latitude_place_longitude'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.CreateModel(
            name='VolunteeringPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                ('introduction', models.TextField(blank=True)),
            ],
            options={
                'abstract': False,
            },
            bases=('wagtailcore.page',),
        ),
        migrations.CreateModel(
            name='OpportunityPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                ('summary', models.TextField(help_text='One or two sentences for listings and search results', max_length=300)),
                ('description', models.TextField(help_text='What volunteers do, when and where. A blank line starts a new paragraph.', max_length=5000)),
                ('group_name', models.CharField(help_text='The community group volunteers will be with', max_length=200)),
                ('commitment', models.CharField(choices=[('one_off', 'One-off'), ('weekly', 'Weekly'), ('monthly', 'Monthly'), ('flexible', 'Flexible')], default='flexible', max_length=20)),
                ('hours', models.CharField(blank=True, help_text='For example “2 hours on Saturday mornings”', max_length=100)),
                ('volunteers_wanted', models.PositiveSmallIntegerField(blank=True, help_text='How many volunteers the group is looking for; empty if open to anyone', null=True)),
                ('step_free_access', models.BooleanField(default=False)),
                ('accessible_toilet', models.BooleanField(default=False)),
                ('can_be_done_seated', models.BooleanField(default=False)),
                ('can_be_done_from_home', models.BooleanField(default=False)),
                ('accessibility_notes', models.TextField(blank=True, help_text='Anything else a disabled volunteer would want to know', max_length=1000)),
                ('place', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='opportunities', to='strategy.place')),
                ('themes', modelcluster.fields.ParentalManyToManyField(blank=True, related_name='opportunities', to='strategy.theme')),
                ('workstreams', modelcluster.fields.ParentalManyToManyField(blank=True, related_name='opportunities', to='strategy.workstream')),
            ],
            options={
                'abstract': False,
            },
            bases=('wagtailcore.page',),
        ),
        migrations.CreateModel(
            name='InterestRecord',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('form_token', models.UUIDField(help_text='One per rendered form: a double submit finds this row', unique=True)),
                ('name', models.CharField(max_length=200)),
                ('email', models.EmailField(max_length=254)),
                ('phone', models.CharField(blank=True, max_length=40)),
                ('message', models.TextField(max_length=2000)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('reply', models.TextField(blank=True, max_length=5000)),
                ('replied_at', models.DateTimeField(blank=True, null=True)),
                ('opportunity', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='interest', to='volunteering.opportunitypage')),
            ],
            options={
                'ordering': ['-created_at'],
                'indexes': [models.Index(fields=['email'], name='volunteering_interest_email'), models.Index(fields=['created_at'], name='volunteering_interest_created')],
            },
        ),
        migrations.CreateModel(
            name='OpportunitySubmission',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('reference', models.CharField(default=volunteering.models.new_reference, editable=False, max_length=20, unique=True)),
                ('form_token', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ('group_email', models.EmailField(blank=True, help_text='Private: where residents\' messages go. Never shown on the site.', max_length=254)),
                ('submitted_at', models.DateTimeField(auto_now_add=True)),
                ('page', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='submission', to='volunteering.opportunitypage')),
                ('submitted_revision', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision')),
            ],
            options={
                'ordering': ['-submitted_at'],
                'indexes': [models.Index(fields=['group_email'], name='volunteering_group_email')],
            },
        ),
    ]
