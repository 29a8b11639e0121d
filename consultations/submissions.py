"""What happens after a valid comment form, a confirmation click or a report."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from wagtail.log_actions import log

from core.client_address import client_address
from core.emails import receipt_allowed
from core.keyed_hash import keyed_hash
from core.staff_roles import MODERATORS

from .models import Answer, Comment, CommentReport, ConsultationPage
from .tasks import COMMENTER, queue_comment_email

REPORTS_TO_HIDE = 3
CONFIRM_ACTION = "consultations.comment.confirm"
AUTO_HIDE_ACTION = "consultations.comment.auto_hide"


def create_comment(consultation, form):
    """Store the comment once per rendered form and ask the resident to confirm their email.

    A double-clicked submit carries the same form_token, so it finds the first row.
    """
    data = form.cleaned_data
    with transaction.atomic():
        comment, created = Comment.objects.get_or_create(
            form_token=data["form_token"],
            defaults={
                "consultation": consultation,
                "display_name": data["display_name"],
                "email": data["email"],
                "postcode": data["postcode"],
                "text": data["text"],
                "privacy_agreed": data["privacy_agreed"],
                "notify_outcome": data["notify_outcome"],
            },
        )
        if created:
            Answer.objects.bulk_create(
                Answer(comment=comment, question=question, value=value) for question, value in form.answers()
            )
    if created:
        send_confirmation_email(comment)
    return comment, created


def send_confirmation_email(comment):
    """Queue the email asking the resident to confirm, within the daily cap per address."""
    if receipt_allowed(comment.email):
        queue_comment_email("confirm", comment, COMMENTER, about=comment.pk)


def confirm_comment(token):
    """Mark the email confirmed; under post-moderation that publishes the comment.

    Returns the comment, or None for an unknown token. Confirming twice changes nothing.
    """
    comment = Comment.objects.select_related("consultation").filter(confirmation_token=token).first()
    if comment is None or comment.confirmed_at:
        return comment
    comment.confirmed_at = timezone.now()
    fields = ["confirmed_at"]
    if comment.consultation.moderation_mode == ConsultationPage.ModerationMode.POST:
        comment.moderation_state = Comment.ModerationState.APPROVED
        fields.append("moderation_state")
    comment.save(update_fields=fields)
    log(comment, CONFIRM_ACTION, data={"published": comment.is_published})
    if not comment.is_published:
        notify_moderators(comment)
    return comment


def notify_moderators(comment, reason="new"):
    """New comments go to the shared mailbox; a hidden one also to every moderator, as it is urgent."""
    recipients = list(settings.MODERATOR_EMAILS)
    if reason == "reported":
        recipients += moderators_group_emails()
    recipients = list(dict.fromkeys(recipients))
    if recipients:
        # A comment is hidden by reports at most once per report count, confirmed once.
        about = f"{comment.pk}:{reason}:{comment.report_count}"
        queue_comment_email("moderators", comment, recipients, about=about, reason=reason)


def moderators_group_emails():
    members = get_user_model().objects.filter(groups__name=MODERATORS, is_active=True).exclude(email="")
    return list(members.values_list("email", flat=True))


def reporter_hash(request):
    """A keyed hash of the client address: the same person counts once; no address is stored."""
    address = client_address(request)
    return keyed_hash("comment-reporter", address)


def report_comment(comment, reporter):
    """Record one report per reporter; the third distinct one hides the comment for review.

    A comment a moderator reviewed and kept (its earlier reports are marked reviewed) is not
    hidden again: new reports are counted for the queue's Reports column, and the moderators'
    decision stands. Returns True when this report was new.
    """
    try:
        with transaction.atomic():
            CommentReport.objects.create(comment=comment, reporter_hash=reporter)
    except IntegrityError:
        return False
    Comment.objects.filter(pk=comment.pk).update(report_count=F("report_count") + 1)
    comment.refresh_from_db(fields=["report_count", "moderation_state"])
    if (
        comment.report_count >= REPORTS_TO_HIDE
        and comment.moderation_state == Comment.ModerationState.APPROVED
        and not comment.reports.filter(reviewed=True).exists()
    ):
        comment.moderation_state = Comment.ModerationState.PENDING
        comment.save(update_fields=["moderation_state"])
        log(comment, AUTO_HIDE_ACTION, data={"reports": comment.report_count})
        notify_moderators(comment, reason="reported")
    return True
