"""What happens after a group posts an opportunity: a draft page, its owner record, the review workflow."""

from datetime import datetime, time

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from wagtail.log_actions import log

from core.emails import queue_email, receipt_allowed
from core.site_address import absolute_url

from .models import RESERVED_SLUGS, OpportunityPage, OpportunitySubmission
from .staff_roles import get_workflow


def closing_moment(day):
    """The end of the closing date, in the site's time zone: Wagtail's expiry for the page."""
    return timezone.make_aware(datetime.combine(day, time(23, 59)))


def unique_slug(index, slug):
    taken = set(index.get_children().filter(slug__startswith=slug).values_list("slug", flat=True)) | RESERVED_SLUGS
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    return candidate


def build_opportunity_page(data):
    facts = set(data.get("accessibility") or [])
    return OpportunityPage(
        title=data["title"],
        slug=slugify(data["title"])[:60] or "opportunity",
        summary=data["summary"],
        description=data["description"],
        group_name=data["group_name"],
        place=data.get("place"),
        commitment=data["commitment"],
        hours=data.get("hours") or "",
        volunteers_wanted=data.get("volunteers_wanted"),
        accessibility_notes=data.get("accessibility_notes") or "",
        expire_at=closing_moment(data["closing_date"]),
        live=False,
        **{name: name in facts for name in OpportunityPage.ACCESSIBILITY_FACTS},
    )


def create_opportunity_submission(index, data, group_email, notify=True):
    """Create the draft opportunity and its owner record, start the review, queue the receipt.

    A repeated form token (a double-clicked submit) returns the first submission unchanged.
    The group never publishes: the page is a draft until a moderator approves it.
    """
    existing = OpportunitySubmission.objects.filter(form_token=data["form_token"]).select_related("page").first()
    if existing:
        return existing, False
    try:
        with transaction.atomic():
            submission = _create(index, data, group_email.lower())
    except IntegrityError:
        return OpportunitySubmission.objects.get(form_token=data["form_token"]), False
    if notify and receipt_allowed(submission.group_email):
        queue_email(
            "volunteering/emails/opportunity_received",
            {
                "title": submission.page.title,
                "reference": submission.reference,
                "area_url": absolute_url(reverse("volunteering:mine")),
            },
            [submission.group_email],
            key=f"volunteering:received:{submission.pk}",
        )
    return submission, True


def _create(index, data, group_email):
    page = build_opportunity_page(data)
    page.slug = unique_slug(index, page.slug)
    page.themes.set(data.get("themes") or [])
    index.add_child(instance=page)
    revision = page.save_revision(log_action=False)
    submission = OpportunitySubmission.objects.create(
        page=page, form_token=data["form_token"], group_email=group_email, submitted_revision=revision
    )
    # The audit log names the group (never its address) as the opportunity's source.
    log(
        page,
        "volunteering.submitted",
        data={"group": data["group_name"], "reference": submission.reference},
        revision=revision,
    )
    get_workflow().start(page, user=None)
    return submission
