"""{% generation_cache %}: kept per publication, language and selection; never for previews."""

from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

import pytest

from core.caching.page_cache import invalidate

pytestmark = pytest.mark.django_db

TEMPLATE = Template(
    '{% load fragment_cache_tags %}{% generation_cache "part" choice %}{{ text }}{% endgeneration_cache %}'
)


def render(text, choice="", preview=False, private_preview=False):
    request = RequestFactory().get("/")
    if preview:
        request.is_preview = True
    return TEMPLATE.render(
        Context({"request": request, "text": text, "choice": choice, "is_private_preview": private_preview})
    )


def test_kept_until_the_next_publication():
    assert render("first") == "first"
    assert render("second") == "first"
    invalidate()
    assert render("third") == "third"


def test_kept_once_per_language_and_per_selection():
    render("English")
    with translation.override("cy"):
        assert render("Cymraeg") == "Cymraeg"
    assert render("other choice", choice="b") == "other choice"
    assert render("again") == "English"


@pytest.mark.parametrize("preview", [{"preview": True}, {"private_preview": True}], ids=["wagtail", "private"])
def test_previews_neither_read_nor_fill_the_cache(preview):
    render("live")
    assert render("draft", **preview) == "draft"
    invalidate()
    render("draft", **preview)
    assert render("live again") == "live again"
