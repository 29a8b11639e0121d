from django.apps import apps
from django.core.management import call_command

from wagtail.models import Page, Revision, Site

from home.models import ContactSettings, HomePage
from strategy.models import CommunityAsset, Place, SurveyFigure, Theme, Workstream


def counts():
    models = [m for app in ("home", "strategy", "wagtailcore") for m in apps.get_app_config(app).get_models()]
    return {m._meta.label: m.objects.count() for m in models}


def test_load_site_builds_the_site(db):
    call_command("load_site")
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert Theme.objects.count() == 3
    assert Workstream.objects.count() == 17
    assert SurveyFigure.objects.count() == 23  # 27 percentages; four are "However" counterpoints
    assert CommunityAsset.objects.count() == 12
    assert Place.objects.filter(kind="town").count() == 3
    assert not Page.objects.filter(slug="wagtail-welcome").exists()
    contact = ContactSettings.for_site(site)
    assert contact.email == "communityservices@malvernhills.gov.uk"
    assert contact.phone == "01684 862250"


def test_load_site_twice_changes_nothing(db):
    call_command("load_site")
    before = counts()
    revisions = list(Revision.objects.values_list("pk", "created_at"))
    call_command("load_site")
    assert counts() == before
    assert list(Revision.objects.values_list("pk", "created_at")) == revisions


def test_load_site_keeps_editors_changes(db):
    call_command("load_site")
    theme = Theme.objects.get(slug="healthier")
    theme.summary = "Edited by the communications team"
    theme.save()
    call_command("load_site")
    theme.refresh_from_db()
    assert theme.summary == "Edited by the communications team"
