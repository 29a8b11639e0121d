"""Staff tools: the responses export per consultation.

One person's data (show, export, erase) is the site-wide tool at /admin/personal-data/
(core/personal_data/views.py), which covers comments together with every other source.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from wagtail.log_actions import log

from core.personal_data.views import PERMISSION as PERSONAL_DATA_PERMISSION

from .exports import staff_responses_csv
from .models import ConsultationPage

EXPORT_PERMISSION = "consultations.export_responses"
# Who took every commenter's email and postcode, and when: in the consultation's history.
EXPORT_ACTION = "consultations.responses_exported"


def require(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied


def data_index(request):
    require(request, EXPORT_PERMISSION)
    consultations = ConsultationPage.objects.with_state().order_by("-opens_at")
    return TemplateResponse(
        request,
        "consultations/admin/data_index.html",
        {"consultations": consultations, "can_manage_personal_data": request.user.has_perm(PERSONAL_DATA_PERMISSION)},
    )


def export_responses(request, page_id):
    require(request, EXPORT_PERMISSION)
    consultation = get_object_or_404(ConsultationPage, pk=page_id)
    response = staff_responses_csv(consultation)
    log(consultation, EXPORT_ACTION, user=request.user, data={"responses": consultation.comments.count()})
    return response
