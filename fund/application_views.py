"""The community groups' area: signing in, their applications, and the application form's steps.

Thin views: the forms clean (application_forms.py), fund/applying.py acts. Every page here
shows a group's own data, so each is a personal page, never cached.
"""

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

import core.public_forms.upload_quota as upload_quota
from core.group_area import SignInScreens
from core.personal_pages import personal_page
from core.templatetags.govuk_form_tags import govuk_error_target

from . import applying, crowdfunding, decisions
from .application_forms import (
    MAX_BUDGET_LINES,
    AmountForm,
    BudgetLineFormSet,
    CrowdfundingForm,
    DeclarationsForm,
    DocumentForm,
    GroupForm,
    ProjectForm,
)
from .group_access import AREA
from .models import Application, FundPage, FundRoundPage

DOCUMENT_QUOTA_SCOPE = "fund-documents"


def fund_page():
    return FundPage.objects.live().first()


def area_url():
    return reverse("fund:mine")


def sign_in_first(request):
    return redirect(reverse("fund:sign_in") + "?next=" + request.path)


def error_list(*forms):
    """(link, message) for an error summary: each error links to its field."""
    rows = []
    for form in forms:
        if form is None:
            continue
        for message in form.non_field_errors():
            rows.append(("", message))
        for field in form.visible_fields():
            rows.extend((f"#{govuk_error_target(field)}", message) for message in field.errors)
    return rows


def closed_message(round_page):
    return _(
        "This round closed for applications on %(date)s. You can no longer send this application, "
        "but you can still read it."
    ) % {"date": formats.date_format(timezone.localtime(round_page.closes_at), "j F Y, H:i")}


# Signing in and out


SIGN_IN = SignInScreens(
    AREA,
    rate_key="fund-sign-in",
    template_prefix="fund/apply/",
    section_page=fund_page,
    area_url_name="fund:mine",
    sign_in_url_name="fund:sign_in",
)
sign_in = personal_page(SIGN_IN.sign_in)
sign_in_with_link = personal_page(SIGN_IN.sign_in_with_link)
sign_out = require_POST(personal_page(SIGN_IN.sign_out))


# The group's applications


@personal_page
def my_applications(request):
    email = AREA.signed_in_email(request)
    if email is None:
        return sign_in_first(request)
    applications = list(Application.objects.filter(group_email=email.lower()).select_related("round", "project_page"))
    for application in applications:
        project = getattr(application, "project_page", None)
        application.live_project = project if project is not None and project.live else None
    now = timezone.now()
    open_rounds = (
        FundRoundPage.objects.live().public().filter(opens_at__lte=now, closes_at__gt=now).order_by("closes_at")
    )
    context = {
        "page": fund_page(),
        "email": email,
        "applications": applications,
        "open_rounds": open_rounds,
        "decided_states": decisions.NOTIFIED_STATES,
    }
    return TemplateResponse(request, "fund/apply/mine.html", context)


@personal_page
def start(request, round_id):
    round_page = get_object_or_404(FundRoundPage.objects.live().public(), pk=round_id)
    email = AREA.signed_in_email(request)
    if email is None:
        return sign_in_first(request)
    is_open = applying.round_is_open(round_page)
    if request.method == "POST":
        if is_open:
            application = applying.start_application(round_page, email)
            return redirect("fund:step", reference=application.reference, step=applying.STEP_SLUGS[0])
        messages.error(request, _("This round is not open for applications, so we could not start one."))
    context = {"page": fund_page(), "round": round_page, "is_open": is_open}
    return TemplateResponse(request, "fund/apply/start.html", context, status=400 if request.method == "POST" else 200)


def own_application(request, reference):
    """The signed-in group's application; another group's reference is simply not found."""
    email = AREA.signed_in_email(request)
    if email is None:
        return None
    return get_object_or_404(
        Application.objects.select_related("round", "priority", "place"), reference=reference, group_email=email.lower()
    )


def step_url(application, slug):
    if slug == applying.CHECK:
        return reverse("fund:check", args=[application.reference])
    return reverse("fund:step", args=[application.reference, slug])


@personal_page
def resume(request, reference):
    """Back where the group left off: the step it reached, or the answers once it has sent them."""
    application = own_application(request, reference)
    if application is None:
        return sign_in_first(request)
    if application.state != Application.State.DRAFT:
        return redirect("fund:check", reference=reference)
    return redirect(step_url(application, application.current_step or applying.STEP_SLUGS[0]))


# The steps


@personal_page
def step(request, reference, step):
    application = own_application(request, reference)
    if application is None:
        return sign_in_first(request)
    current = applying.step_named(step)
    if current is None:
        raise Http404
    if application.state != Application.State.DRAFT:
        return redirect("fund:check", reference=reference)
    is_open = applying.round_is_open(application.round)
    if request.method == "POST" and not is_open:
        messages.error(request, closed_message(application.round))
        return redirect("fund:check", reference=reference)
    returning = request.GET.get("return") == applying.CHECK
    handler = {
        "group": group_step,
        "project": project_step,
        "budget": budget_step,
        "documents": documents_step,
        "declarations": declarations_step,
    }[current.slug]
    return handler(request, application, StepContext(application, current, returning, is_open))


class StepContext:
    def __init__(self, application, current, returning, is_open):
        self.application = application
        self.step = current
        self.returning = returning
        self.is_open = is_open

    def advance(self):
        applying.record_progress(self.application, self.step.slug, returning_to_check=self.returning)
        if self.returning:
            return redirect(step_url(self.application, applying.CHECK))
        return redirect(step_url(self.application, applying.next_step(self.step.slug)))

    def stay(self):
        url = step_url(self.application, self.step.slug)
        return redirect(url + ("?return=check" if self.returning else ""))

    def render(self, request, template, context, status=200):
        previous = applying.previous_step(self.step.slug)
        if self.returning:
            back_url = step_url(self.application, applying.CHECK)
        elif previous:
            back_url = step_url(self.application, previous)
        else:
            back_url = area_url()
        context.update(
            page=fund_page(),
            application=self.application,
            step=self.step,
            step_number=applying.STEP_SLUGS.index(self.step.slug) + 1,
            step_count=len(applying.STEPS),
            back_url=back_url,
            is_open=self.is_open,
            closed_message=None if self.is_open else closed_message(self.application.round),
        )
        context.setdefault("errors", [])
        return TemplateResponse(request, template, context, status=status)


def form_step(request, ctx, form_class, **form_kwargs):
    form = form_class(request.POST or None, instance=ctx.application, **form_kwargs)
    if request.method == "POST" and form.is_valid():
        form.save()
        return ctx.advance()
    status = 400 if form.errors else 200
    return ctx.render(request, "fund/apply/step_form.html", {"form": form, "errors": error_list(form)}, status)


def group_step(request, application, ctx):
    return form_step(request, ctx, GroupForm)


def project_step(request, application, ctx):
    return form_step(request, ctx, ProjectForm, round_page=application.round)


def declarations_step(request, application, ctx):
    return form_step(request, ctx, DeclarationsForm)


LINES_PREFIX = "lines"


def typed_lines(data):
    """The budget lines as typed, from the posted form, whatever their errors."""
    try:
        total = int(data.get(f"{LINES_PREFIX}-TOTAL_FORMS", "0"))
    except ValueError:
        total = 0
    return [
        {"item": data.get(f"{LINES_PREFIX}-{i}-item", ""), "amount": data.get(f"{LINES_PREFIX}-{i}-amount", "")}
        for i in range(min(max(total, 0), MAX_BUDGET_LINES))
    ]


def budget_step(request, application, ctx):
    action = request.POST.get("action", "continue") if request.method == "POST" else ""
    if action == "add" or action.startswith("remove-"):
        # Adding or removing a line changes the form, not the application: everything typed
        # comes back as it was, with no errors for lines not finished yet.
        lines = typed_lines(request.POST)
        if action == "add" and len(lines) < MAX_BUDGET_LINES:
            lines.append({"item": "", "amount": ""})
        elif action.startswith("remove-"):
            index = action.removeprefix("remove-")
            if index.isdigit() and int(index) < len(lines):
                del lines[int(index)]
        amount_form = AmountForm(
            instance=application, initial={"amount_requested": request.POST.get("amount_requested", "")}
        )
        formset = BudgetLineFormSet(prefix=LINES_PREFIX, initial=lines or [{}])
        return ctx.render(request, "fund/apply/budget.html", {"amount_form": amount_form, "formset": formset})
    if request.method == "POST":
        amount_form = AmountForm(request.POST, instance=application)
        formset = BudgetLineFormSet(request.POST, prefix=LINES_PREFIX)
        amount_ok = amount_form.is_valid()
        lines_ok = formset.is_valid()
        if amount_ok and lines_ok:
            filled = [
                (form.cleaned_data["item"], form.cleaned_data["amount"]) for form in formset if not form.is_blank()
            ]
            total = sum((amount for _item, amount in filled), 0)
            requested = amount_form.cleaned_data["amount_requested"]
            if not filled:
                target = formset.forms[0] if formset.forms else amount_form
                target.add_error("item" if formset.forms else "amount_requested", _("Add at least one budget line."))
            elif total != requested:
                amount_form.add_error(
                    "amount_requested",
                    _(
                        "Your budget lines add up to £%(total)s, but you are asking for £%(requested)s. "
                        "Change the lines or the amount so they match."
                    )
                    % {"total": f"{total:,.2f}", "requested": f"{requested:,.2f}"},
                )
            else:
                applying.save_budget(application, requested, filled)
                return ctx.advance()
        errors = error_list(amount_form, *formset.forms)
        errors += [("", message) for message in formset.non_form_errors()]
        context = {"amount_form": amount_form, "formset": formset, "errors": errors}
        return ctx.render(request, "fund/apply/budget.html", context, status=400)
    lines = [{"item": line.item, "amount": line.amount} for line in application.budget_lines.all()]
    amount_form = AmountForm(instance=application)
    formset = BudgetLineFormSet(prefix=LINES_PREFIX, initial=lines or [{}])
    return ctx.render(request, "fund/apply/budget.html", {"amount_form": amount_form, "formset": formset})


def documents_step(request, application, ctx):
    limit = settings.FUND_DOCUMENTS_PER_APPLICATION
    form = DocumentForm()
    if request.method == "POST":
        action = request.POST.get("action", "continue")
        if action.startswith("remove-"):
            index = action.removeprefix("remove-")
            if index.isdigit() and applying.remove_document(application, int(index)):
                messages.success(request, _("The file was removed."))
            return ctx.stay()
        form = DocumentForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["document"]
            if upload and application.documents.count() >= limit:
                form.add_error(
                    "document",
                    _("You can upload up to %(limit)s files. Remove one to upload another.") % {"limit": limit},
                )
            elif upload:
                reservation = upload_quota.reserve(request, DOCUMENT_QUOTA_SCOPE, application.group_email, 1)
                if reservation is None:
                    form.add_error(
                        "document",
                        _("You can upload up to %(limit)s files a day. Upload this one tomorrow.")
                        % {"limit": upload_quota.daily_limit()},
                    )
                else:
                    applying.add_document(application, upload)
                    if action != "continue":
                        messages.success(request, _("Your file was uploaded."))
                        return ctx.stay()
            elif action == "upload":
                form.add_error("document", _("Select a PDF file to upload."))
            if not form.errors and action == "continue":
                return ctx.advance()
    context = {
        "form": form,
        "documents": application.documents.all(),
        "limit": limit,
        "errors": error_list(form),
    }
    return ctx.render(request, "fund/apply/documents.html", context, status=400 if form.errors else 200)


# Checking and sending


@personal_page
def check(request, reference):
    application = own_application(request, reference)
    if application is None:
        return sign_in_first(request)
    is_draft = application.state == Application.State.DRAFT
    is_open = applying.round_is_open(application.round)
    errors = []
    status = 200
    if request.method == "POST" and is_draft:
        if not is_open:
            errors = [("", closed_message(application.round))]
            status = 400
        else:
            missing = applying.missing_answers(application)
            if missing:
                errors = [(step_url(application, slug) + "?return=check", message) for slug, message in missing]
                status = 400
            else:
                applying.submit_application(application)
                return redirect("fund:submitted", reference=reference)
    elif request.method == "POST":
        return redirect("fund:submitted", reference=reference)
    context = {
        "page": fund_page(),
        "application": application,
        "budget_lines": application.budget_lines.all(),
        "documents": application.documents.all(),
        "is_draft": is_draft,
        "is_open": is_open,
        "can_change": is_draft and is_open,
        "closed_message": None if is_open or not is_draft else closed_message(application.round),
        "is_decided": application.state in Application.DECIDED_STATES,
        "errors": errors,
        "declarations": [
            (_("The information is true and complete"), confirmed(application.declares_information_true)),
            (
                _("Your group will manage the grant and report how it is spent"),
                confirmed(application.declares_funds_managed),
            ),
            (_("You have read the privacy notice"), confirmed(application.agrees_privacy_notice)),
        ],
        "change_urls": {slug: step_url(application, slug) + "?return=check" for slug in applying.STEP_SLUGS},
    }
    return TemplateResponse(request, "fund/apply/check.html", context, status=status)


def confirmed(value):
    return _("Confirmed") if value else ""


@personal_page
def submitted(request, reference):
    application = own_application(request, reference)
    if application is None:
        return sign_in_first(request)
    if application.state == Application.State.DRAFT:
        return redirect("fund:check", reference=reference)
    return TemplateResponse(request, "fund/apply/submitted.html", {"page": fund_page(), "application": application})


# A funded project's crowdfunding figures


@personal_page
def crowdfunding_update(request, reference):
    """The group sets its crowdfunding page's link and what the public has given, once its project page is live."""
    application = own_application(request, reference)
    if application is None:
        return sign_in_first(request)
    project = crowdfunding.live_project(application)
    if project is None:
        raise Http404
    initial = {"crowdfunding_url": project.crowdfunding_url, "crowdfunding_raised": project.crowdfunding_raised}
    form = CrowdfundingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if crowdfunding.update_crowdfunding(
            application, form.cleaned_data["crowdfunding_url"], form.cleaned_data["crowdfunding_raised"]
        ):
            messages.success(request, _("Your crowdfunding figures are saved and shown on your project's page."))
            return redirect("fund:mine")
        raise Http404
    context = {
        "page": fund_page(),
        "application": application,
        "project": project,
        "form": form,
        "errors": error_list(form),
    }
    return TemplateResponse(request, "fund/apply/crowdfunding.html", context, status=400 if form.errors else 200)
