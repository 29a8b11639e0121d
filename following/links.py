"""The signed links in following's emails: confirm, manage and one-click unsubscribe.

Each carries the subscriber's id and secret: erasing the subscriber, or giving it a new
secret, makes every link it was ever sent stop working. Manage and unsubscribe links are in
every email and last a year (each email brings fresh ones); a confirmation link lasts days.
"""

from django.conf import settings
from django.urls import reverse

from core.signed_links import SignedLink
from core.site_address import absolute_url

from .models import Subscriber

YEAR_SECONDS = 365 * 24 * 60 * 60
CONFIRM = SignedLink("following-confirm", settings.FOLLOWING_CONFIRM_DAYS * 24 * 60 * 60)
MANAGE = SignedLink("following-manage", YEAR_SECONDS)
UNSUBSCRIBE = SignedLink("following-unsubscribe", YEAR_SECONDS)


def token_for(link, subscriber, **extra):
    return link.make({"s": subscriber.pk, "v": subscriber.secret, **extra})


def read(link, token):
    """(subscriber, payload) for a valid link whose subscriber still holds its secret; (None, None) otherwise."""
    payload = link.read(token)
    if not payload or not isinstance(payload.get("s"), int):
        return None, None
    subscriber = Subscriber.objects.filter(pk=payload["s"], secret=payload.get("v")).first()
    if subscriber is None:
        return None, None
    return subscriber, payload


def confirm_url(subscriber, follow_ids):
    return absolute_url(reverse("following:confirm", args=[token_for(CONFIRM, subscriber, f=sorted(follow_ids))]))


def manage_url(subscriber):
    return absolute_url(reverse("following:manage", args=[token_for(MANAGE, subscriber)]))


def unsubscribe_url(subscriber):
    return absolute_url(reverse("following:unsubscribe", args=[token_for(UNSUBSCRIBE, subscriber)]))
