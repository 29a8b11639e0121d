"""Security headers on public pages and the admin."""

import pytest

PUBLIC_URLS = ["/", "/strategy/", "/search/?q=volunteer", "/no-such-page/"]


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_pages_send_a_strict_content_security_policy(client, strategy_site, url):
    response = client.get(url)
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "object-src 'none'" in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_pages_send_protective_headers(client, strategy_site, url):
    response = client.get(url)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "geolocation=()" in response["Permissions-Policy"]


def test_public_templates_have_no_inline_script_or_style(client, strategy_site):
    for url in ("/", "/strategy/", "/strategy/healthier/"):
        html = client.get(url).content.decode()
        assert "style=" not in html, url
        assert "<script>" not in html and '<script type="text/javascript">' not in html, url


def test_admin_gets_its_own_policy_that_still_forbids_framing_by_others(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in policy
    assert "script-src 'self'" in policy


def test_health_reports_ready_when_database_and_cache_answer(client, db):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ready", "database": "ok", "cache": "ok"}
    assert response["Cache-Control"] == "no-store"


def test_admin_previews_keep_the_public_policy_but_the_admin_may_frame_them(admin_client, strategy_site):
    # Wagtail renders a preview on a dummy request for the page's public URL; untrusted text
    # is previewed there, so no inline script, but the live preview panel must frame it.
    response = admin_client.get(f"/admin/pages/{strategy_site.pk}/view_draft/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in policy
    assert "unsafe-inline" not in policy
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_the_admin_sends_no_staff_email_hash_to_gravatar(admin_client):
    assert "gravatar.com" not in admin_client.get("/admin/").content.decode()
