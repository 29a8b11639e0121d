"""Thin views for the residents' vote: the ballot form, the "check your email" page and the confirmation link."""

from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from core.caching.routing import public_pages
from core.personal_pages import personal_page
from core.public_forms.forms import typed_text
from core.public_forms.rate_limits import attempt, too_many_requests

from .ballot_forms import BallotForm
from .models import FundRoundPage
from .voting import (
    LinkProblem,
    ballot_from_link,
    ballot_projects,
    chosen_projects,
    confirm,
    is_voting,
    send_confirmation,
    store_ballot,
)

TYPED_FIELDS = ("email", "postcode")


def get_round(round_id):
    round_page = public_pages(FundRoundPage.objects.live()).filter(pk=round_id).first()
    if round_page is None or not round_page.has_vote:
        raise Http404
    return round_page


def render_round(request, round_page, status, **extra):
    context = round_page.get_context(request)
    context.update(extra)
    return TemplateResponse(request, round_page.get_template(request), context, status=status)


@personal_page
def vote(request, round_id):
    """POST a ballot; the form lives on the round's page, which this re-renders with any errors."""
    round_page = get_round(round_id)
    if request.method != "POST":
        return redirect(round_page.url + "#vote")
    projects = ballot_projects(round_page)
    form = BallotForm(round_page, projects, request.POST)
    counted = attempt(request, "fund-ballot")
    if counted is None:
        return too_many_requests(request, typed=typed_text(form, TYPED_FIELDS))
    if not is_voting(round_page):
        counted.failed()
        # Filled in before the close, sent after it: say so, and give back what was typed.
        return render_round(request, round_page, status=403, vote_refused_typed=typed_text(form, TYPED_FIELDS))
    if not form.is_valid():
        counted.failed()
        return render_round(request, round_page, status=400, ballot_form=form)
    stored = store_ballot(
        round_page, form.cleaned_data["email"], form.cleaned_data["postcode"], form.cleaned_data["projects"]
    )
    send_confirmation(stored.ballot, round_page, projects)
    return redirect(reverse("fund:ballot_sent", args=[round_page.pk]))


@personal_page
def ballot_sent(request, round_id):
    # The same words whether or not the address had voted before: the page must not tell
    # someone typing another person's address whether that person voted.
    round_page = get_round(round_id)
    return TemplateResponse(request, "fund/ballot_sent.html", {"page": round_page})


@personal_page
def confirm_ballot(request, token):
    """GET shows the choices and a button; POST confirms. Link scanners in mail systems only GET."""
    ballot, problem = ballot_from_link(token)
    if problem is not None:
        return TemplateResponse(
            request,
            "fund/ballot_link_problem.html",
            {"closed": problem == LinkProblem.CLOSED, "round_page": ballot.round if ballot else None},
            status=410 if problem == LinkProblem.CLOSED else 404,
        )
    confirmed = request.method == "POST" and confirm(ballot)
    projects = chosen_projects(ballot, pending=not confirmed)
    return TemplateResponse(
        request,
        "fund/ballot_confirm.html",
        {
            "round_page": ballot.round,
            "projects": projects,
            "total": sum(project.cost for project in projects),
            "confirmed": confirmed,
        },
    )
