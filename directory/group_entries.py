"""What happens after a community group's valid entry form: a draft, the workflow, the emails.

A group never changes what the public sees. A new entry is a draft page; an update is a new
revision of the entry. Either is submitted to the "Directory moderation" workflow, and only a
moderator's approval publishes it, so a live entry stays as it was until then. The one
exception is "still correct": the group confirms the live details, which publishes a revision
whose only change is the date they were last confirmed.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from wagtail.log_actions import log
from wagtail.models import WorkflowState

from core.emails import receipt_allowed

from .group_models import DirectoryEntryOwner
from .group_tasks import GROUP, queue_entry_email, queue_to_moderators
from .group_workflow import get_workflow
from .models import AssetPage, DirectoryPage, OpeningTime, Organisation

# Paths the groups' area uses under the directory: no entry may take them as its slug.
RESERVED_SLUGS = {"your-entries"}

SUBMITTED = "directory.group_submitted"
UPDATED = "directory.group_updated"
CONFIRMED = "directory.group_confirmed"


def directory_page():
    return DirectoryPage.objects.live().first()


def in_locale(item, locale):
    """The translation of a snippet (type, place, theme) in the entry's language, or the item itself."""
    if item is None or item.locale_id == locale.pk:
        return item
    return type(item).objects.filter(translation_key=item.translation_key, locale=locale).first() or item


def organisation_for(data):
    """The organisation exactly as the group typed it: an existing one that matches, or a new one.

    An existing organisation is never changed from the public site: it may be behind other
    live entries, and what is live changes only by a moderator's approval. The entry's new
    revision points at the organisation it names, which goes live with it.
    """
    name = data["organisation_name"]
    website = data.get("organisation_website") or ""
    charity_number = data.get("charity_number") or ""
    existing = Organisation.objects.filter(name__iexact=name, website=website, charity_number=charity_number).first()
    return existing or Organisation.objects.create(name=name, website=website, charity_number=charity_number)


def apply_form(page, data, opening_times, locale):
    """Set the entry's fields from a valid form on `page` (a new page or a revision's object)."""
    page.title = data["name"]
    page.asset_type = in_locale(data["asset_type"], locale)
    page.summary = data["summary"]
    page.description = data.get("description") or ""
    page.organisation = organisation_for(data)
    page.place = in_locale(data.get("place"), locale)
    page.address = data.get("address") or ""
    page.postcode = data.get("postcode") or ""
    page.latitude = data.get("latitude")
    page.longitude = data.get("longitude")
    page.contact_email = data.get("contact_email") or ""
    page.contact_phone = data.get("contact_phone") or ""
    page.website = data.get("contact_website") or ""
    page.contact_is_a_person = bool(data.get("contact_is_a_person"))
    page.person_agreed_to_publish = bool(data.get("person_agreed_to_publish")) and page.contact_is_a_person
    for name in ("step_free_access", "accessible_toilet", "hearing_loop", "accessible_parking"):
        setattr(page, name, bool(data.get(name)))
    page.accessibility_notes = data.get("accessibility_notes") or ""
    page.themes.set([in_locale(theme, locale) for theme in data.get("themes") or []])
    page.opening_times = [
        OpeningTime(weekday=weekday, opens=opens, closes=closes, sort_order=position)
        for position, (weekday, opens, closes) in enumerate(opening_times)
    ]
    return page


def unique_slug(directory, title):
    slug = slugify(title)[:70] or "entry"
    taken = set(directory.get_children().filter(slug__startswith=slug).values_list("slug", flat=True))
    taken |= RESERVED_SLUGS
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    return candidate


def submit_for_moderation(page):
    """Start the review of the entry's latest revision, replacing any review still open.

    A review already open (in progress, or sent back for changes) was of an older revision:
    it is cancelled and a new one starts, so moderators see and approve what the group sent.
    """
    workflow_state = page.current_workflow_state
    if workflow_state is not None and workflow_state.status in (
        WorkflowState.STATUS_IN_PROGRESS,
        WorkflowState.STATUS_NEEDS_CHANGES,
    ):
        workflow_state.cancel(user=None)
    return get_workflow().start(page, user=None)


def create_entry(directory, data, opening_times, group_email, notify=True):
    """Create the draft entry and its ownership record, start the review and send the emails.

    A repeated form token (a double-clicked submit) returns the first entry unchanged:
    (owner, created).
    """
    existing = DirectoryEntryOwner.objects.filter(form_token=data["form_token"]).first()
    if existing:
        return existing, False
    try:
        with transaction.atomic():
            owner = _create(directory, data, opening_times, group_email)
    except IntegrityError:
        # Two identical requests raced; the other one won.
        return DirectoryEntryOwner.objects.get(form_token=data["form_token"]), False
    if notify:
        send_emails(owner, is_update=False)
    return owner, True


def _create(directory, data, opening_times, group_email):
    page = apply_form(AssetPage(live=False), data, opening_times, directory.locale)
    page.slug = unique_slug(directory, page.title)
    page.last_confirmed_at = timezone.localdate()
    directory.add_child(instance=page)
    revision = page.save_revision(log_action=False)
    owner = DirectoryEntryOwner.objects.create(
        page=page,
        reference=DirectoryEntryOwner.new_reference(),
        form_token=data["form_token"],
        group_name=data["group_name"],
        group_email=group_email.lower(),
    )
    # The audit log names the group (never its email address) as the entry's source.
    log(page, SUBMITTED, data={"group": owner.group_name, "reference": owner.reference}, revision=revision)
    submit_for_moderation(page)
    return owner


@transaction.atomic
def update_entry(owner, data, opening_times, notify=True):
    """Save the group's changes as a new revision and submit it; the live entry does not change."""
    page = AssetPage.objects.select_for_update().get(pk=owner.page_id)
    draft = apply_form(page.get_latest_revision_as_object(), data, opening_times, page.locale)
    # Saving a revision writes only the revision and the page's draft bookkeeping, never the
    # live fields: what the public sees changes when a moderator approves.
    revision = draft.save_revision(log_action=False)
    log(page, UPDATED, data={"group": owner.group_name, "reference": owner.reference}, revision=revision)
    submit_for_moderation(page)
    if notify:
        send_emails(owner, is_update=True, about=revision.pk)
    return revision


def send_emails(owner, is_update, about=None):
    """Queue the group's receipt (within the daily cap per address) and the moderators' notice."""
    about = about or owner.page.latest_revision_id
    name = "entry_updated" if is_update else "entry_received"
    if receipt_allowed(owner.group_email):
        queue_entry_email(name, owner, GROUP, about=about, is_update=is_update)
    queue_to_moderators("moderators_" + name, owner, about=about, is_update=is_update)


@transaction.atomic
def confirm_still_correct(owner):
    """Publish the live entry with today as the date its details were last confirmed.

    The group's changes waiting for review are not published: they stay the latest revision,
    with the same date, so approving them later does not undo the confirmation.
    """
    page = AssetPage.objects.select_for_update().get(pk=owner.page_id)
    if not page.live:
        return False
    today = timezone.localdate()
    # Publishing cancels an open review (Wagtail's WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH): changes
    # in review are submitted again afterwards. Changes a moderator sent back stay a draft.
    open_review = page.current_workflow_state
    in_review = open_review is not None and open_review.status == WorkflowState.STATUS_IN_PROGRESS
    draft = page.get_latest_revision_as_object() if page.has_unpublished_changes else None
    for version in filter(None, (page, draft)):
        version.last_confirmed_at = today
    revision = page.save_revision(log_action=False)
    revision.publish(log_action=False)
    if draft is not None:
        draft.save_revision(log_action=False)
    if in_review:
        get_workflow().start(page, user=None)
    log(
        page,
        CONFIRMED,
        data={"group": owner.group_name, "reference": owner.reference, "date": today.isoformat()},
        revision=revision,
    )
    return True
