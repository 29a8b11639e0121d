"""Serving an application's supporting documents to staff: they are private files with no public URL.

Only staff who may read applications download them, as attachments under the name the group
gave the file, and only once the group has sent the application (a draft is the group's own).
"""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views.defaults import permission_denied

from .models import Application, SupportingDocument


def download_document(request, document_id):
    if not request.user.has_perm("fund.view_application"):
        # A plain 403, not the admin's redirect to the dashboard: a download link has no page to go back to.
        return permission_denied(request, PermissionDenied())
    document = get_object_or_404(
        SupportingDocument.objects.exclude(application__state=Application.State.DRAFT), pk=document_id
    )
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(handle, as_attachment=True, filename=document.original_name, content_type="application/pdf")
    response["Cache-Control"] = "private, no-store"
    return response
