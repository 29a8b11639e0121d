"""When the database is unreachable the visitor gets a friendly 503 and keeps what they typed."""

from unittest import mock

from django.db import OperationalError
from django.test import RequestFactory

from core.middleware.database_outage import DatabaseUnavailableMiddleware


def middleware():
    return DatabaseUnavailableMiddleware(lambda request: None)


def test_database_error_becomes_a_503_with_retry_after():
    request = RequestFactory().get("/stories/")
    response = middleware().process_exception(request, OperationalError("server closed the connection"))
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert "Sorry, the service is unavailable" in html
    assert "Traceback" not in html and "OperationalError" not in html


def test_what_the_resident_typed_is_shown_back_without_tokens():
    request = RequestFactory().post(
        "/consultations/x/comment/",
        {"text": "Please keep the library open <b>late</b>", "csrfmiddlewaretoken": "secret-token", "website": ""},
    )
    html = middleware().process_exception(request, OperationalError("gone")).content.decode()
    assert "Please keep the library open &lt;b&gt;late&lt;/b&gt;" in html
    assert "secret-token" not in html


def test_other_errors_are_left_to_django():
    request = RequestFactory().get("/")
    assert middleware().process_exception(request, ValueError("bug")) is None


def test_health_reports_unavailable_when_database_fails(client, db):
    with mock.patch("core.health.connection.cursor", side_effect=OperationalError("down")):
        response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"
