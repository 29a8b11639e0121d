"""Staying polite when the database is unreachable.

When PostgreSQL goes away mid-request, Django raises OperationalError/InterfaceError.
Instead of a traceback or a bare 500, the visitor gets a 503 with Retry-After and, if
they were sending a form, the text they typed, so nothing is lost. The page is rendered
without touching the database. CONN_HEALTH_CHECKS (settings) lets the next request
reconnect by itself once the database is back.
"""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 30
# Never echo these back: tokens and spam traps mean nothing to a person.
NOT_TYPED = {"csrfmiddlewaretoken", "website", "started", "form_token", "password"}


def typed_fields(request):
    if request.method != "POST":
        return []
    return [
        (name, value)
        for name, value in request.POST.items()
        if name not in NOT_TYPED and "password" not in name and value.strip() and len(value) < 20_000
    ]


def service_unavailable(request):
    html = render_to_string("503.html", {"typed": typed_fields(request)})
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, (OperationalError, InterfaceError)):
            logger.error(
                "Database unavailable for %s %s: %s", request.method, request.path, exception.__class__.__name__
            )
            return service_unavailable(request)
        return None
