"""The residents' own data pages in GOV.UK Frontend: its form, warning text and confirmation panels."""

import re
import uuid

import pytest

from core.personal_data.links import make_token


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def test_request_page_is_a_govuk_form(client, home):
    html = client.get("/your-data/").content.decode()
    assert '<h1 class="govuk-heading-xl">Get or erase your data</h1>' in html
    assert 'class="govuk-input"' in html
    assert '<button type="submit" class="govuk-button" data-module="govuk-button"' in html


def test_request_with_a_wrong_address_shows_the_error_summary_first(client, home):
    response = client.post("/your-data/", {"email": "not-an-email", "form_token": str(uuid.uuid4()), "website": ""})
    html = response.content.decode()
    assert response.status_code == 400
    main = html.split('id="main-content"', 1)[1]
    assert main.index('class="govuk-error-summary"') < main.index("<h1")
    assert "<title>Error: Your data" in html


def test_asking_for_a_link_confirms_with_a_panel(client, home):
    response = client.post("/your-data/", {"email": "me@example.org", "form_token": str(uuid.uuid4()), "website": ""})
    html = response.content.decode()
    assert re.search(
        r'<div class="govuk-panel govuk-panel--confirmation">\s*<h1 class="govuk-panel__title">Check your email</h1>',
        html,
    )


def test_erasing_warns_then_confirms_with_a_panel(client, home):
    token = make_token("me@example.org")
    confirm = client.get(f"/your-data/{token}/erase/").content.decode()
    assert '<div class="govuk-warning-text">' in confirm
    assert 'class="govuk-button govuk-button--warning"' in confirm
    erased = client.post(f"/your-data/{token}/erase/", {"confirm": "on"}).content.decode()
    assert re.search(
        r'<div class="govuk-panel govuk-panel--confirmation">\s*'
        r'<h1 class="govuk-panel__title">Your data has been erased</h1>',
        erased,
    )


def test_error_pages_use_govuk_typography_and_no_inline_styles(client, home):
    from django.template.loader import render_to_string

    missing = client.get("/no-such-page/").content.decode()
    assert '<h1 class="govuk-heading-xl">Page not found</h1>' in missing
    assert '<ul class="govuk-list govuk-list--bullet">' in missing
    failed = render_to_string("500.html")
    assert '<link rel="stylesheet" href="/static/css/site.css">' in failed
    assert "<style" not in failed and 'style="' not in failed
    assert '<h1 class="govuk-heading-l">Sorry, there is a problem with the service</h1>' in failed
