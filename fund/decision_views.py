"""The staff's decision screens in the admin: the eligibility check, the panel's decision, and
recording a residents' vote. Each checks its permission and the application's state again on
POST (fund/decisions.py), so a stale page or a second tab cannot decide twice."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail.admin import messages

from . import decisions, voting
from .decision_forms import DecisionForm, EligibilityForm
from .models import Application, FundRoundPage

INSPECT_URL = "wagtailsnippets_fund_application:inspect"


def inspect_url(application):
    return reverse(INSPECT_URL, args=[application.pk])


def _application(pk):
    return get_object_or_404(Application.objects.select_related("round", "priority", "place"), pk=pk)


def _refuse_unless(allowed, request, application):
    """None when the step may be taken; otherwise a redirect to the application with a message."""
    if allowed:
        return None
    messages.error(request, _("That step cannot be taken on this application now."))
    return redirect(inspect_url(application))


def _take_step(request, form, application, step, done_message):
    """On a valid POST, take the step and go back to the application with `done_message`;
    None (the form shown again) when the form has errors or the step was refused, with why."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        step(form.cleaned_data)
    except decisions.DecisionRefused as refusal:
        form.add_error(None, str(refusal))
        return None
    messages.success(request, done_message % {"reference": application.reference})
    return redirect(inspect_url(application))


def eligibility(request, pk):
    if not request.user.has_perm(decisions.CHECK_ELIGIBILITY):
        raise PermissionDenied
    application = _application(pk)
    if refused := _refuse_unless(decisions.may_check_eligibility(request.user, application), request, application):
        return refused
    form = EligibilityForm(request.POST or None, initial={"notes": application.eligibility_notes})

    def check(data):
        decisions.check_eligibility(application, eligible=data["eligible"], notes=data["notes"], user=request.user)

    if done := _take_step(request, form, application, check, _("Eligibility recorded for %(reference)s.")):
        return done
    return TemplateResponse(
        request,
        "fund/admin/eligibility.html",
        {"application": application, "form": form, "inspect_url": inspect_url(application)},
    )


def decision(request, pk):
    if not request.user.has_perm(decisions.RECORD_DECISION):
        raise PermissionDenied
    application = _application(pk)
    if refused := _refuse_unless(decisions.may_decide(request.user, application), request, application):
        return refused
    form = DecisionForm(
        request.POST or None, application=application, outcomes=decisions.panel_outcomes(application.round)
    )

    def decide(data):
        decisions.record_decision(
            application,
            outcome=data["outcome"],
            reasons=data["reasons"],
            grant_amount=data.get("grant_amount"),
            user=request.user,
        )

    if done := _take_step(request, form, application, decide, _("The panel's decision on %(reference)s is recorded.")):
        return done
    return TemplateResponse(
        request,
        "fund/admin/decision.html",
        {
            "application": application,
            "form": form,
            "summary": decisions.assessment_summary(application),
            "inspect_url": inspect_url(application),
        },
    )


def vote_results(request, round_id):
    if not request.user.has_perm(decisions.RECORD_DECISION):
        raise PermissionDenied
    round_page = get_object_or_404(FundRoundPage, pk=round_id)
    if not voting.voting_has_closed(round_page):
        messages.error(request, _("The residents' vote in %(round)s has not closed yet.") % {"round": round_page.title})
        return redirect("wagtailsnippets_fund_application:list")
    if request.method == "POST":
        recorded = decisions.record_vote_results(round_page, user=request.user)
        messages.success(
            request,
            _("The vote's results are recorded: %(count)s applications decided.") % {"count": recorded},
        )
        return redirect("wagtailsnippets_fund_application:list")
    projects = voting.ballot_projects(round_page)
    return TemplateResponse(
        request,
        "fund/admin/vote_results.html",
        {
            "round": round_page,
            "results": voting.results(round_page, projects),
            "waiting": Application.objects.filter(round=round_page, state=Application.State.SHORTLISTED).count(),
        },
    )
