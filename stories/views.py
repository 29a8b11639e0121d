"""Thin views: the submission form, the groups' area, private previews, the ripple overview."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

import core.public_forms.upload_quota as upload_quota
from core.caching.routing import public_pages
from core.group_area import safe_next
from core.open_data import public_download
from core.personal_pages import personal_page
from core.public_forms.forms import typed_text
from core.public_forms.rate_limits import attempt, too_many_requests

from . import exports, group_access
from .agreement import is_latest, open_agreement, record_agreement, record_comments
from .forms import PreviewResponseForm, SignInForm, StorySubmissionForm
from .models import StoryIndexPage, StoryPreviewLink, StorySubmission
from .ripples import ripple_summary
from .states import LABELS, states_for
from .submissions import create_story_submission
from .withdrawal import withdraw_consent


def submit_story(request, index):
    if request.method == "POST":
        form = StorySubmissionForm(request.POST, request.FILES)
        counted = attempt(request, "stories-submit")
        if counted is None:
            return too_many_requests(request, typed=typed_text(form, StorySubmissionForm.TEXT_FIELDS))
        if form.is_valid():
            submission = submit_within_photo_quota(request, index, form)
            if submission is not None:
                return redirect(index.url + index.reverse_subpage("submitted", args=[submission.reference]))
        counted.failed()
    else:
        form = StorySubmissionForm()
    context = {"page": index, "form": form}
    return TemplateResponse(request, "stories/submit.html", context, status=400 if form.errors else 200)


PHOTO_QUOTA_SCOPE = "story-photos"


def submit_within_photo_quota(request, index, form):
    """Create the story if today's photo quota allows; otherwise say so on the photos field.

    The quota counts per email address and per client, so neither new addresses nor a new
    network lets one sender fill the media store. Everything typed stays in the form.
    """
    data = form.cleaned_data
    photos = data.get("photos") or []
    reservation = upload_quota.reserve(request, PHOTO_QUOTA_SCOPE, data["contact_email"], len(photos))
    if reservation is None:
        left = upload_quota.remaining(request, PHOTO_QUOTA_SCOPE, data["contact_email"])
        form.add_error(
            "photos",
            _(
                "You can send up to %(limit)s photos a day and have %(left)s left today. "
                "Send fewer photos, or send your story now without photos."
            )
            % {"limit": upload_quota.daily_limit(), "left": left},
        )
        return None
    try:
        submission, created = create_story_submission(index, data)
    except Exception:
        reservation.release()
        raise
    if not created:
        reservation.release()  # a double submit stored nothing new
    return submission


@personal_page
def story_submitted(request, index, reference):
    if not StorySubmission.objects.filter(reference=reference).exists():
        raise Http404
    return TemplateResponse(request, "stories/submitted.html", {"page": index, "reference": reference})


def ripple_overview(request, index):
    return TemplateResponse(request, "stories/ripples.html", {"page": index, **ripple_summary(index)})


def story_index():
    index = StoryIndexPage.objects.live().first()
    if index is None:
        raise Http404
    return index


@personal_page
def sign_in(request):
    # The same answer whether or not the address sent a story: no one can probe for groups.
    return group_access.AREA.sign_in_view(
        request,
        SignInForm(request.POST or None),
        rate_key="stories-sign-in",
        template="stories/sign_in.html",
        sent_template="stories/sign_in_sent.html",
        context={"page": story_index()},
    )


@personal_page
def sign_in_with_link(request, token):
    email, next_url = group_access.use_sign_in_link(token)
    if email is None:
        return TemplateResponse(request, "stories/sign_in_failed.html", {"page": story_index()}, status=400)
    group_access.sign_in(request, email)
    if safe_next(next_url, "/stories/"):
        return redirect(next_url)
    return redirect("stories:mine")


@personal_page
def my_stories(request):
    email = group_access.signed_in_email(request)
    if email is None:
        return redirect(reverse("stories:sign_in") + "?next=" + reverse("stories:mine"))
    submissions = StorySubmission.objects.filter(contact_email__iexact=email).select_related("page")
    rows = [(submission, state, LABELS[state]) for submission, state in states_for(submissions)]
    return TemplateResponse(request, "stories/mine.html", {"page": story_index(), "rows": rows, "email": email})


@require_POST
@personal_page
def sign_out(request):
    group_access.sign_out(request)
    return redirect("stories:sign_in")


def own_submission(request, reference):
    email = group_access.signed_in_email(request)
    if email is None:
        raise Http404
    return get_object_or_404(
        StorySubmission.objects.select_related("page"), reference=reference, contact_email__iexact=email
    )


@personal_page
def withdraw(request, reference):
    submission = own_submission(request, reference)
    if request.method == "POST" and not submission.consent_withdrawn_at:
        withdraw_consent(submission)
        return redirect("stories:mine")
    return TemplateResponse(request, "stories/withdraw.html", {"page": story_index(), "submission": submission})


@personal_page
def preview(request, token):
    """The emailed link: one revision, for the signed-in group that sent the story."""
    link = StoryPreviewLink.objects.select_related("submission__page", "revision").filter(token=token).first()
    email = group_access.signed_in_email(request)
    if link is None:
        raise Http404
    if email is None:
        return redirect(reverse("stories:sign_in") + "?next=" + request.path)
    if link.submission.contact_email.lower() != email.lower():
        # Another group's preview: indistinguishable from a link that does not exist.
        raise Http404
    if not link.is_usable():
        if open_agreement(link.submission) is not None:
            # The link stays bound to its revision; the group's area shows what moderators changed since.
            messages.info(request, _("We changed your story after we sent you that link. This is the latest version."))
            return redirect("stories:check", reference=link.submission.reference)
        if request.method == "POST":
            messages.error(request, _("That preview link no longer works, so we did not record an answer."))
            return redirect("stories:mine")
        return TemplateResponse(request, "stories/preview_expired.html", {"page": story_index()}, status=410)
    return answer_preview(request, link.submission, link.revision)


@personal_page
def check(request, reference):
    """The latest version of the group's story while it waits for the group's answer.

    Reached from the group's area, so the group never depends on a moderator resending a link.
    """
    if group_access.signed_in_email(request) is None:
        return redirect(reverse("stories:sign_in") + "?next=" + request.path)
    submission = own_submission(request, reference)
    if open_agreement(submission) is None:
        messages.info(request, _("There is nothing for you to check on this story right now."))
        return redirect("stories:mine")
    revision = submission.page.get_latest_revision()
    if request.method == "POST":
        # The answer is to the version on the group's screen, which may no longer be the latest.
        posted = request.POST.get("revision", "")
        revision = submission.page.revisions.filter(pk=posted).first() if posted.isdigit() else None
        if revision is None:
            return redirect("stories:check", reference=submission.reference)
    return answer_preview(request, submission, revision)


def answer_preview(request, submission, revision):
    """Show `revision` with the answer form; record an answer to exactly that revision.

    Every outcome says what happened, on the page the group lands on.
    """
    form = PreviewResponseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if open_agreement(submission) is None:
            messages.info(request, _("We already have your answer about this story. Where it stands is shown below."))
            return redirect("stories:mine")
        if not is_latest(submission, revision):
            messages.warning(
                request, _("We changed your story while you were reading it. Please check this latest version.")
            )
            return redirect("stories:check", reference=submission.reference)
        if form.cleaned_data["decision"] == PreviewResponseForm.AGREE:
            record_agreement(submission, revision)
            messages.success(request, _("Thank you. You agreed to this version."))
        else:
            record_comments(submission, revision, form.cleaned_data["comment"])
            messages.success(request, _("Thank you. We have sent your comments to the editors."))
        return redirect("stories:mine")
    story = revision.as_object()
    context = story.get_context(request)
    context.update(page=story, revision=revision, response_form=form, is_private_preview=True)
    return TemplateResponse(request, "stories/story_page.html", context, status=400 if form.errors else 200)


def live_story_index():
    index = public_pages(StoryIndexPage.objects.live()).first()
    if index is None:
        raise Http404("There is no published stories listing.")
    return index


@public_download
def export_csv(request):
    return exports.csv_response(live_story_index())


@public_download
def export_json(request):
    return exports.json_response(live_story_index())
