"""Editors translate pages and the strategy's snippets in wagtail-localize; no machine translation."""

from django.conf import settings
from django.urls import reverse

from wagtail.models import Locale
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import Translation

import pytest

from core.tests.test_settings import PRODUCTION_ENV, manage
from strategy.models import CommunityAsset, Place, StrategyPage, SurveyFigure, Theme, Workstream

SNIPPETS = [Theme, Workstream, Place, SurveyFigure, CommunityAsset]


def snippet_url(name, model, *args):
    return reverse(f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:{name}", args=args)


@pytest.mark.parametrize("model", SNIPPETS, ids=lambda model: model.__name__)
def test_editor_can_list_and_submit_each_strategy_snippet_for_translation(admin_client, polish_site, model):
    english = model.objects.filter(locale__language_code="en").first()
    assert admin_client.get(snippet_url("list", model)).status_code == 200
    submit = reverse(
        "wagtail_localize:submit_snippet_translation", args=[model._meta.app_label, model._meta.model_name, english.pk]
    )
    response = admin_client.get(submit)
    assert response.status_code == 200
    if model is not Theme:  # the themes already have their Polish sample
        response = admin_client.post(submit, {"locales": [Locale.objects.get(language_code="pl").pk]})
        assert response.status_code == 302
        assert model.objects.filter(translation_key=english.translation_key, locale__language_code="pl").exists()


def test_polish_theme_opens_in_the_translation_editor_synced_from_english(admin_client, polish_site):
    polish = Theme.objects.get(slug="healthier", locale__language_code="pl")
    html = admin_client.get(snippet_url("edit", Theme, polish.pk)).content.decode()
    assert "js-translation-editor" in html
    assert "Zdrowsze spo" in html


def test_polish_strategy_page_opens_in_the_translation_editor(admin_client, polish_site):
    polish = StrategyPage.objects.get(locale__language_code="pl")
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[polish.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "js-translation-editor" in html
    assert "&quot;machineTranslator&quot;: null" in html


def test_english_page_edits_sync_to_its_polish_translation(
    admin_client, polish_site, django_capture_on_commit_callbacks
):
    english = StrategyPage.objects.get(locale__language_code="en")
    english.search_description = "A new English summary"
    english.save_revision().publish()
    translation = Translation.objects.get(source__object_id=english.translation_key, target_locale__language_code="pl")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtail_localize:update_translations", args=[translation.source_id]),
            {"publish_translations": "on"},
        )
    assert response.status_code == 302
    polish = StrategyPage.objects.get(locale__language_code="pl")
    # Not translated yet, so the Polish page shows the new English source until an editor translates it.
    assert polish.search_description == "A new English summary"
    assert polish.title == "Strategia Połączonych Społeczności 2021–2041"  # translated strings are kept


def test_no_machine_translator_is_configured():
    assert not hasattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR")
    assert get_machine_translator() is None


def test_production_settings_configure_no_machine_translator():
    code = "from django.conf import settings; print(getattr(settings, 'WAGTAILLOCALIZE_MACHINE_TRANSLATOR', None))"
    result = manage("shell", "--no-imports", "-c", code, env=PRODUCTION_ENV)
    assert result.stdout.strip() == "None", result.stderr


def test_machine_translate_button_leads_nowhere(admin_client, polish_site):
    translation = Translation.objects.filter(target_locale__language_code="pl").first()
    response = admin_client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))
    assert response.status_code == 404
