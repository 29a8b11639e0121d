"""Residents' data rights: the staff tool in the admin and the residents' self-service link.

Every response that carries someone's personal data is marked `Cache-Control: private,
no-store` and skipped by the anonymous page cache (core/caching/page_cache.py), so neither a shared
cache nor a browser's back button keeps it.
"""

import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.caching.page_cache import skip_page_cache
from core.personal_data.forms import ConfirmErasureForm, PersonLookupForm, ResidentErasureForm, YourDataRequestForm
from core.personal_data.links import LINK_MAX_AGE_SECONDS, email_from_token, send_link
from core.personal_data.registry import erase_person, export_person
from core.personal_pages import mark_private
from core.public_forms.forms import typed_text
from core.public_forms.rate_limits import attempt, too_many_requests

# Superusers, and staff given this permission (the Communications team has it).
PERMISSION = "core.manage_personal_data"


def private(response, request=None):
    if request is not None:
        skip_page_cache(request)
    return mark_private(response)


def json_download(email, user=None, via="staff"):
    data = export_person(email, user=user, via=via)
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json; charset=utf-8"
    )
    stamp = timezone.now().strftime("%Y-%m-%d")
    response["Content-Disposition"] = f'attachment; filename="personal-data-{stamp}.json"'
    return private(response)


def summary(data):
    """(source name, list of items) for each source, for the staff tool's table."""
    return [
        (name, items)
        for key, value in data.items()
        if isinstance(value, dict)
        for name, items in value.items()
        if isinstance(items, list)
    ]


# Staff ---------------------------------------------------------------------------------------


def require_permission(request):
    if not (request.user.is_superuser or request.user.has_perm(PERMISSION)):
        raise PermissionDenied


def staff_personal_data(request):
    """Find what is held about one address; export it as JSON, or go on to erase it."""
    require_permission(request)
    form = PersonLookupForm(request.POST or None)
    found = None
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if request.POST.get("action") == "export":
            return json_download(email, user=request.user, via="staff")
        if request.POST.get("action") == "erase":
            confirm_form = ConfirmErasureForm(initial={"email": email})
            return staff_confirm_page(request, email, confirm_form)
        found = summary(export_person(email))
    return private(
        TemplateResponse(
            request,
            "core/personal_data/admin/index.html",
            {"form": form, "found": found},
            status=400 if form.errors else 200,
        )
    )


def staff_confirm_page(request, email, confirm_form, status=200):
    return private(
        TemplateResponse(
            request,
            "core/personal_data/admin/confirm_erase.html",
            {"form": confirm_form, "email": email, "found": summary(export_person(email))},
            status=status,
        )
    )


@require_POST
def staff_erase(request):
    require_permission(request)
    form = ConfirmErasureForm(request.POST)
    if not form.is_valid():
        email = request.POST.get("email", "")
        return staff_confirm_page(request, email, form, status=400)
    counts = erase_person(form.cleaned_data["email"], request.user, via="staff")
    messages.success(request, _("Erased or anonymised %(count)d records.") % {"count": sum(counts.values())})
    return redirect("home_personal_data")


# Residents -----------------------------------------------------------------------------------


def your_data(request):
    """Ask for a link by email. The answer is the same whether or not we hold anything."""
    form = YourDataRequestForm(request.POST or None)
    if request.method == "POST":
        counted = attempt(request, "your-data")
        if counted is None:
            return private(too_many_requests(request, typed=typed_text(form, ["email"])), request)
        if not form.is_valid():
            counted.failed()
        else:
            send_link(form.cleaned_data["email"])
            return private(
                TemplateResponse(request, "core/personal_data/sent.html", {"hours": LINK_MAX_AGE_SECONDS // 3600}),
                request,
            )
    return private(
        TemplateResponse(
            request, "core/personal_data/request.html", {"form": form}, status=400 if form.errors else 200
        ),
        request,
    )


def link_invalid(request):
    return private(TemplateResponse(request, "core/personal_data/link_invalid.html", {}, status=400), request)


def your_data_manage(request, token):
    email = email_from_token(token)
    if email is None:
        return link_invalid(request)
    data = export_person(email)
    context = {"token": token, "found": summary(data), "form": ResidentErasureForm()}
    return private(TemplateResponse(request, "core/personal_data/manage.html", context), request)


def your_data_download(request, token):
    email = email_from_token(token)
    if email is None:
        return link_invalid(request)
    return private(json_download(email, via="resident"), request)


def your_data_erase(request, token):
    email = email_from_token(token)
    if email is None:
        return link_invalid(request)
    form = ResidentErasureForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        erase_person(email, None, via="resident")
        return private(TemplateResponse(request, "core/personal_data/erased.html", {}), request)
    context = {"token": token, "form": form}
    return private(
        TemplateResponse(request, "core/personal_data/erase_confirm.html", context, status=400 if form.errors else 200),
        request,
    )
