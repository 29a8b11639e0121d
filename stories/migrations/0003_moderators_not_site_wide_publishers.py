from django.db import migrations


def limit_moderators_to_their_reviews(apps, schema_editor):
    """Moderators keep the rights their reviews need: the stories index, and publishing pledges.

    ensure_editorial removes Wagtail's default add/edit/publish on the whole tree. Approving a
    pledge change publishes it as the moderator, so an existing pledge index gets the publish
    right that pledges/editorial.py grants on new sites.
    """
    from home.editorial import MODERATORS
    from stories.editorial import ensure_editorial, ensure_group, grant_page_permissions

    ensure_editorial(apps)
    Page = apps.get_model("wagtailcore", "Page")
    moderators = ensure_group(apps, MODERATORS)
    for index in Page.objects.filter(content_type__app_label="pledges", content_type__model="pledgeindexpage"):
        grant_page_permissions(apps, moderators, index, ["publish_page"])


class Migration(migrations.Migration):
    dependencies = [("stories", "0002_editorial"), ("pledges", "0003_editorial_groups")]

    operations = [migrations.RunPython(limit_moderators_to_their_reviews, migrations.RunPython.noop)]
