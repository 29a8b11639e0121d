import modelcluster.fields
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("fund", "0001_initial"),
        ("stories", "0004_privacy_for_the_communications_team"),
    ]

    operations = [
        migrations.AddField(
            model_name="storypage",
            name="projects",
            field=modelcluster.fields.ParentalManyToManyField(blank=True, help_text="Fund projects this story is about", related_name="stories", to="fund.projectpage"),
        ),
    ]
