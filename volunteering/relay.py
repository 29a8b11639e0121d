"""Passing a resident's interest to the group, and the group's reply back, without exposing either address.

1. The resident registers interest: the site stores an InterestRecord, emails the group the
   resident's first name, message (and phone, only if given) and a signed link to a reply
   form on the site, and sends the resident a receipt. The group's email never shows the
   resident's address.
2. The group replies through that form: the site emails the reply to the resident with the
   group's address as Reply-To. Only now does the resident learn the group's address, and
   the group learns the resident's only if the resident answers that email.
"""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from core.emails import enqueue, send_receipt
from core.signed_links import SignedLink
from core.site_address import absolute_url, page_url

from .models import InterestRecord

REPLY_LINK_DAYS = 60

# Not single-use: the group may open the form more than once before it replies; a record
# takes one reply (after that the two sides write to each other directly).
REPLY_LINK = SignedLink("volunteering-reply", REPLY_LINK_DAYS * 24 * 60 * 60)


def reply_url(record):
    token = REPLY_LINK.make({"interest": record.pk})
    return absolute_url(reverse("volunteering:reply", args=[token]))


def record_for_reply_link(token):
    """The interest record a reply link names, or None (forged, expired, or since deleted)."""
    payload = REPLY_LINK.read(token)
    if payload is None or not isinstance(payload.get("interest"), int):
        return None
    return InterestRecord.objects.select_related("opportunity__submission").filter(pk=payload["interest"]).first()


def register_interest(opportunity, data):
    """Store the resident's interest and queue the relay to the group and the resident's receipt.

    A repeated form token (a double-clicked submit) returns the first record and sends nothing.
    """
    from .tasks import relay_interest

    existing = InterestRecord.objects.filter(form_token=data["form_token"]).first()
    if existing:
        return existing, False
    try:
        with transaction.atomic():
            record = InterestRecord.objects.create(
                opportunity=opportunity,
                form_token=data["form_token"],
                name=data["name"],
                email=data["email"].lower(),
                phone=data.get("phone") or "",
                message=data["message"],
            )
            enqueue(relay_interest, record.pk, translation.get_language())
    except IntegrityError:
        return InterestRecord.objects.get(form_token=data["form_token"]), False
    send_receipt(
        "volunteering/emails/interest_receipt",
        {
            "first_name": record.first_name,
            "title": opportunity.title,
            "group_name": opportunity.group_name,
            "opportunity_url": page_url(opportunity),
        },
        record.email,
    )
    return record, True


def record_reply(record, reply):
    """Store the group's reply and queue it to the resident; False if the record already has one."""
    from .tasks import send_reply

    with transaction.atomic():
        updated = InterestRecord.objects.filter(pk=record.pk, replied_at__isnull=True).update(
            reply=reply, replied_at=timezone.now()
        )
        if not updated:
            return False
        enqueue(send_reply, record.pk, translation.get_language())
    return True
