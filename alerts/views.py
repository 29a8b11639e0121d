from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404

from . import cap
from .models import Alert


def cap_document(request, pk):
    """One alert as a CAP 1.2 document: published ones, and Cancels of withdrawn ones; never a draft."""
    alert = get_object_or_404(Alert.objects.select_related("link_page", "updates").prefetch_related("places"), pk=pk)
    if not cap.is_public(alert):
        raise Http404
    return HttpResponse(cap.document(alert), content_type=f"{cap.CONTENT_TYPE}; charset=utf-8")
