from django.core.management import call_command

from wagtail.models import Page


def test_command_adds_the_polish_sample_once(strategy_site):
    call_command("load_sample_translations")
    polish_pages = Page.objects.filter(locale__language_code="pl").count()
    assert polish_pages >= 2
    call_command("load_sample_translations")
    assert Page.objects.filter(locale__language_code="pl").count() == polish_pages
