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
from django.utils import timezone

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
