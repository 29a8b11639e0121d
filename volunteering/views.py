"""Thin views: registering interest, the groups' area, and the groups' reply form.

Every screen of one resident's or one group's own data is a personal page, never cached.
"""

from django.contrib import messages
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.group_area import SignInScreens
from core.personal_pages import personal_page
from core.public_forms.forms import typed_text
from core.public_forms.rate_limits import attempt, too_many_requests

from .forms import InterestForm, OpportunityForm, ReplyForm, SignInForm
from .group_access import AREA
from .models import InterestRecord, OpportunitySubmission, VolunteeringPage
from .relay import record_for_reply_link, record_reply, register_interest
from .states import LABELS, TAGS, states_for
from .submissions import create_opportunity_submission


def volunteering_index():
    index = VolunteeringPage.objects.live().first()
    if index is None:
        raise Http404("There is no published volunteering listing.")
    return index


# Registering interest, on the opportunity's own page


def opportunity(request, page):
    """The opportunity with its interest form; a POST registers interest."""
    if request.method != "POST":
        form = InterestForm() if page.takes_interest() else None
        return page.render(request, context_overrides={"form": form})
    if not page.takes_interest():
        response = page.render(request, context_overrides={"form": None, "not_taking_interest": True})
        response.status_code = 410
        return response
    form = InterestForm(request.POST)
    counted = attempt(request, "volunteering-interest")
    if counted is None:
        return too_many_requests(request, typed=typed_text(form, InterestForm.TEXT_FIELDS))
    if form.is_valid():
        register_interest(page, form.cleaned_data)
        return redirect(page.url + page.reverse_subpage("interest_sent"))
    counted.failed()
    response = page.render(request, context_overrides={"form": form})
    response.status_code = 400
    return response


@personal_page
def interest_sent(request, page):
    return TemplateResponse(request, "volunteering/interest_sent.html", {"page": page})


# The groups' area


SIGN_IN = SignInScreens(
    AREA,
    rate_key="volunteering-sign-in",
    template_prefix="volunteering/",
    section_page=volunteering_index,
    area_url_name="volunteering:mine",
    sign_in_url_name="volunteering:sign_in",
    form_class=SignInForm,
)
sign_in = personal_page(SIGN_IN.sign_in)
sign_in_with_link = personal_page(SIGN_IN.sign_in_with_link)
sign_out = require_POST(personal_page(SIGN_IN.sign_out))


def sign_in_first(request):
    return redirect(reverse("volunteering:sign_in") + "?next=" + request.path)


@personal_page
def my_opportunities(request):
    email = AREA.signed_in_email(request)
    if email is None:
        return sign_in_first(request)
    submissions = OpportunitySubmission.objects.filter(group_email=email.lower()).select_related("page")
    rows = states_for(submissions)
    interest_counts = dict(
        InterestRecord.objects.filter(opportunity__in=[s.page for s, _state in rows])
        .order_by()
        .values_list("opportunity")
        .annotate(count=Count("pk"))
    )
    context = {
        "page": volunteering_index(),
        "email": email,
        "rows": [(s, state, LABELS[state], TAGS[state], interest_counts.get(s.page_id, 0)) for s, state in rows],
    }
    return TemplateResponse(request, "volunteering/mine.html", context)


@personal_page
def new_opportunity(request):
    email = AREA.signed_in_email(request)
    if email is None:
        return sign_in_first(request)
    index = volunteering_index()
    if request.method == "POST":
        form = OpportunityForm(request.POST)
        counted = attempt(request, "volunteering-post")
        if counted is None:
            return too_many_requests(request, typed=typed_text(form, OpportunityForm.TEXT_FIELDS))
        if form.is_valid():
            submission, _created = create_opportunity_submission(index, form.cleaned_data, email)
            messages.success(
                request,
                _(
                    "Thank you. We have your opportunity “%(title)s” (reference %(reference)s). A moderator will review it."
                )
                % {"title": submission.page.title, "reference": submission.reference},
            )
            return redirect("volunteering:mine")
        counted.failed()
    else:
        form = OpportunityForm()
    context = {"page": index, "form": form}
    return TemplateResponse(request, "volunteering/new_opportunity.html", context, status=400 if form.errors else 200)


# The group's reply, through the signed link in the relayed email


@personal_page
def reply(request, token):
    record = record_for_reply_link(token)
    if record is None:
        return TemplateResponse(request, "volunteering/reply_link_failed.html", {}, status=400)
    context = {"record": record, "opportunity": record.opportunity}
    if record.replied_at is not None:
        return TemplateResponse(request, "volunteering/reply_sent.html", {**context, "already": True})
    form = ReplyForm(request.POST or None)
    if request.method == "POST":
        counted = attempt(request, "volunteering-reply")
        if counted is None:
            return too_many_requests(request, typed=typed_text(form, ["reply"]))
        if form.is_valid():
            record_reply(record, form.cleaned_data["reply"])
            record.refresh_from_db()
            return TemplateResponse(request, "volunteering/reply_sent.html", context)
        counted.failed()
    context["form"] = form
    return TemplateResponse(request, "volunteering/reply.html", context, status=400 if form.errors else 200)
