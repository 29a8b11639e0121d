"""Staff tools: responses export per consultation, and one person's data (export or erase)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .exports import person_data, person_data_json, staff_responses_csv
from .models import ConsultationPage
from .privacy import erase_person

EXPORT_PERMISSION = "consultations.export_responses"
PERSONAL_DATA_PERMISSION = "consultations.manage_personal_data"


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
    return staff_responses_csv(get_object_or_404(ConsultationPage, pk=page_id))


class PersonForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Email address"))
    action = forms.ChoiceField(
        choices=[("find", gettext_lazy("Show")), ("export", gettext_lazy("Export")), ("erase", gettext_lazy("Erase"))]
    )
    confirm_erase = forms.BooleanField(
        required=False, label=gettext_lazy("Yes, permanently delete every comment made with this email address")
    )


def personal_data(request):
    require(request, PERSONAL_DATA_PERMISSION)
    form = PersonForm(request.POST or None)
    found = None
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        action = form.cleaned_data["action"]
        if action == "export":
            return person_data_json(email)
        if action == "erase":
            if not form.cleaned_data["confirm_erase"]:
                form.add_error("confirm_erase", _("Tick the box to confirm the erasure."))
            else:
                count = erase_person(email, request.user)
                messages.success(request, _("Erased %(count)d comments.") % {"count": count})
                return redirect("consultations_personal_data")
        found = person_data(email)
    return TemplateResponse(request, "consultations/admin/personal_data.html", {"form": form, "found": found})
