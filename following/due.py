"""Announcements that fall due with the clock, not with a save.

A consultation opens, closes soon or shows its outcome at a time an editor set days before;
a fund round opens and a vote's results appear the same way. Nothing is saved at that
moment, so no signal can announce it: each app registers a finder here (from its
AppConfig.ready), and `manage.py announce_due`, run from cron every few minutes, asks every
finder what is due now and announces it. Announcing is idempotent by key, so a finder may
return the same thing on every run; it only has to stop once the moment is well past
(DUE_WINDOW), so a site deployed today does not announce last year's consultations.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from wagtail.signals import page_published

from core.caching.routing import is_public, public_pages

from .announcements import announce

# How long after its moment something is still announced: long enough to survive a day of
# cron not running, short enough that old news stays old.
DUE_WINDOW = timedelta(days=2)


@dataclass(frozen=True)
class Due:
    """One announcement a finder says is due: the arguments of following.announcements.announce."""

    key: str
    title: str
    summary: str
    url: str
    targets: tuple[tuple[str, str], ...] = field(default_factory=tuple)


_finders: list[Callable[..., Iterable[Due]]] = []
_page_models = set()


def register(finder):
    """finder(now, since) -> the Due announcements whose moment is in (since, now]."""
    if finder not in _finders:
        _finders.append(finder)
    return finder


def announce_each(items):
    """Announce each Due item (idempotent by key); returns how many were asked for."""
    asked = 0
    for item in items:
        with transaction.atomic():
            announce(item.key, title=item.title, summary=item.summary, url=item.url, targets=item.targets)
        asked += 1
    return asked


def announce_due(now=None):
    """Announce everything due now; returns how many announcements were asked for."""
    now = now or timezone.now()
    return sum(announce_each(finder(now, now - DUE_WINDOW)) for finder in _finders)


def announce_if_due(finder_for_one, page):
    """For a page just published after its moment: announce what is due for it now, not at the next cron run."""
    now = timezone.now()
    return announce_each(finder_for_one(page, now, now - DUE_WINDOW))


def is_news(page):
    """A page first published within DUE_WINDOW: republishing an old page (or the first
    publication after following was switched on) announces nothing."""
    first = page.first_published_at
    return first is not None and first > timezone.now() - DUE_WINDOW


def register_page_moments(model, announcements, *, moments, upcoming=None, related=()):
    """Announce a page model's moments that come with the clock.

    announcements(page, now, since) yields the page's Due items whose moment is in (since, now];
    `moments` names the date fields whose time passing makes news, `upcoming` maps a date field
    to how far ahead of it something is news ("closing soon"). Registers the finder that
    announce_due runs, and announces at once a page published after its moment has passed
    rather than at the next cron run.
    """

    def find(now, since):
        condition = Q()
        for name in moments:
            condition |= Q(**{f"{name}__gt": since, f"{name}__lte": now})
        for name, ahead in (upcoming or {}).items():
            condition |= Q(**{f"{name}__gt": now, f"{name}__lte": now + ahead})
        pages = public_pages(model.objects.live()).filter(condition).prefetch_related(*related)
        # The original first (the lowest id): an announcement takes the words of the first page that makes it.
        for page in pages.order_by("pk"):
            yield from announcements(page, now, since)

    def announce_published(sender, instance, **kwargs):
        if is_public(instance):
            announce_if_due(announcements, instance)

    if model in _page_models:  # registered already (AppConfig.ready running again, as in some tests)
        return
    _page_models.add(model)
    register(find)
    page_published.connect(
        announce_published, sender=model, weak=False, dispatch_uid=f"following-due:{model._meta.label_lower}"
    )
