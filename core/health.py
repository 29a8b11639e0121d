"""Whether this instance is ready for traffic: the address a load balancer polls (/health/)."""

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse


def health(request):
    """Readiness for a load balancer: 200 when the database and cache answer, else 503."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except DatabaseError:
        checks["database"] = "unavailable"
    try:
        cache.set("health-check", "ok", 5)
        checks["cache"] = "ok" if cache.get("health-check") == "ok" else "unavailable"
    except Exception:  # noqa: BLE001 - any cache failure means not ready
        checks["cache"] = "unavailable"
    ready = all(value == "ok" for value in checks.values())
    response = JsonResponse({"status": "ready" if ready else "unavailable", **checks}, status=200 if ready else 503)
    response["Cache-Control"] = "no-store"
    return response
