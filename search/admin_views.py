"""The search report: which queries are popular, and which find nothing."""

from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from wagtail.contrib.search_promotions.models import Query

from .models import NoResultQuery

PERMISSION = "search.view_search_report"
ROWS = 50


def search_report(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    popular = (
        Query.objects.annotate(total=Sum("daily_hits__hits")).filter(total__gt=0).order_by("-total", "query_string")
    )[:ROWS]
    no_results = NoResultQuery.objects.select_related("query").order_by("-hits", "-last_searched_at")[:ROWS]
    return TemplateResponse(
        request,
        "search/admin/report.html",
        {"title": _("Search report"), "popular": popular, "no_results": no_results},
    )
