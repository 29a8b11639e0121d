"""The community groups' area for the directory: sign in, their entries, add, update, confirm.

Thin views: directory/group_forms.py cleans, directory/group_entries.py acts. Every page here
shows a group's own data, so each is a personal page, never cached. A group sees and changes
only the entries it owns: another group's reference is indistinguishable from none (404).
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.group_area import SignInScreens
from core.personal_pages import personal_page
from core.public_forms.forms import typed_text
from core.public_forms.rate_limits import attempt, too_many_requests

from . import group_states
from .group_access import AREA
from .group_entries import confirm_still_correct, create_entry, directory_page, update_entry
from .group_forms import ENTRY_TEXT_FIELDS, EntryForm, NewEntryForm, initial_from_entry
from .group_models import DirectoryEntryOwner


def area_url():
    return reverse("directory_groups:mine")


def sign_in_first(request):
    return redirect(reverse("directory_groups:sign_in") + "?next=" + request.path)


def own_entry(email, reference):
    return get_object_or_404(
        DirectoryEntryOwner.objects.select_related("page"), reference=reference, group_email=email.lower()
    )


# Anyone may ask for a link: a group new to the register signs in to add its first entry.
SIGN_IN = SignInScreens(
    AREA,
    rate_key="directory-sign-in",
    template_prefix="directory/group/",
    section_page=directory_page,
    area_url_name="directory_groups:mine",
    sign_in_url_name="directory_groups:sign_in",
)
sign_in = personal_page(SIGN_IN.sign_in)
sign_in_with_link = personal_page(SIGN_IN.sign_in_with_link)
sign_out = require_POST(personal_page(SIGN_IN.sign_out))


@personal_page
def my_entries(request):
    email = AREA.signed_in_email(request)
    if email is None:
        return sign_in_first(request)
    owners = DirectoryEntryOwner.objects.filter(group_email=email.lower()).select_related("page")
    rows = [
        {
            "owner": owner,
            "state": state,
            "label": group_states.LABELS[state],
            "tag": group_states.TAGS[state],
            "comment": group_states.moderators_comment(workflow_state),
        }
        for owner, state, workflow_state in group_states.states_for(owners)
    ]
    context = {"page": directory_page(), "email": email, "rows": rows, "live_states": LIVE_STATES}
    return TemplateResponse(request, "directory/group/mine.html", context)


LIVE_STATES = (group_states.LIVE, group_states.LIVE_CHANGES_IN_REVIEW, group_states.LIVE_CHANGES_REQUESTED)


def entry_form_response(request, form, context):
    return TemplateResponse(
        request,
        "directory/group/entry_form.html",
        {"page": directory_page(), "form": form, **context},
        status=400 if form.errors else 200,
    )


@personal_page
def add_entry(request):
    email = AREA.signed_in_email(request)
    if email is None:
        return sign_in_first(request)
    directory = directory_page()
    if directory is None:
        raise Http404("There is no published directory to add entries to.")
    if request.method == "POST":
        form = NewEntryForm(request.POST)
        counted = attempt(request, "directory-entry")
        if counted is None:
            return too_many_requests(request, typed=typed_text(form, ["group_name", *ENTRY_TEXT_FIELDS]))
        if form.is_valid():
            owner, _created = create_entry(directory, form.cleaned_data, form.opening_times(), email)
            return redirect("directory_groups:sent", reference=owner.reference)
        counted.failed()
    else:
        form = NewEntryForm()
    return entry_form_response(request, form, {"is_update": False})


@personal_page
def edit_entry(request, reference):
    email = AREA.signed_in_email(request)
    if email is None:
        return sign_in_first(request)
    owner = own_entry(email, reference)
    latest = owner.page.get_latest_revision_as_object()
    if request.method == "POST":
        form = EntryForm(request.POST)
        counted = attempt(request, "directory-entry")
        if counted is None:
            return too_many_requests(request, typed=typed_text(form, ENTRY_TEXT_FIELDS))
        if form.is_valid():
            update_entry(owner, form.cleaned_data, form.opening_times())
            return redirect("directory_groups:sent", reference=owner.reference)
        counted.failed()
    else:
        form = EntryForm(initial=initial_from_entry(latest))
    return entry_form_response(request, form, {"is_update": True, "owner": owner, "entry": latest})


@personal_page
def entry_sent(request, reference):
    email = AREA.signed_in_email(request)
    if email is None:
        return sign_in_first(request)
    owner = own_entry(email, reference)
    return TemplateResponse(request, "directory/group/sent.html", {"page": directory_page(), "owner": owner})


@require_POST
@personal_page
def confirm(request, reference):
    email = AREA.signed_in_email(request)
    if email is None:
        return sign_in_first(request)
    owner = own_entry(email, reference)
    if confirm_still_correct(owner):
        messages.success(
            request,
            _("Thank you. “%(title)s” now shows that its details were confirmed today.") % {"title": owner.page.title},
        )
    else:
        messages.info(request, _("Only a live entry can be confirmed. This one is still waiting for review."))
    return redirect("directory_groups:mine")
