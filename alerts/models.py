from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin
from wagtail.search import index

TEXT_MAX_LENGTH = 300
# Long enough for the day of a flood; staff shorten or lengthen it as the situation needs.
DEFAULT_DURATION = timedelta(hours=24)


def default_end():
    return timezone.now() + DEFAULT_DURATION


class AlertQuerySet(models.QuerySet):
    def current_or_scheduled(self, now):
        """Published alerts that have not ended: the banner's and the lifetime limit's rows."""
        return self.filter(live=True, ends_at__gt=now)

    def showing(self, now):
        return self.current_or_scheduled(now).filter(starts_at__lte=now)

    def in_status(self, status, now):
        """The staff listing's filter: Alert.Status values."""
        if status == Alert.Status.DRAFT:
            return self.filter(live=False)
        if status == Alert.Status.SCHEDULED:
            return self.filter(live=True, starts_at__gt=now)
        if status == Alert.Status.LIVE:
            return self.showing(now)
        if status == Alert.Status.ENDED:
            return self.filter(live=True, ends_at__lte=now)
        return self


class Alert(DraftStateMixin, LockableMixin, RevisionMixin, ClusterableModel):
    """A warning or emergency shown on every public page between its start and its end.

    Staff publish it with Wagtail's Publish action; it appears at once on every page (cached
    ones included) and disappears at its end without anyone acting.
    """

    class Severity(models.TextChoices):
        WARNING = "warning", _("Warning")
        EMERGENCY = "emergency", _("Emergency")

    class Category(models.TextChoices):
        # CAP 1.2 categories: Met for floods and weather, Safety for the rest the council warns of.
        FLOOD = "flood", _("Flooding or severe weather")
        SAFETY = "safety", _("Public safety")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SCHEDULED = "scheduled", _("Scheduled")
        LIVE = "live", _("Live")
        ENDED = "ended", _("Ended")

    severity = models.CharField(
        max_length=20,
        choices=Severity.choices,
        default=Severity.WARNING,
        help_text=_("Emergency: a danger to life, shown in the strongest style."),
    )
    category = models.CharField(max_length=20, choices=Category.choices, default=Category.SAFETY)
    title = models.CharField(max_length=120)
    # TextField's max_length only limits the form: the validator holds for imports too.
    text = models.TextField(
        max_length=TEXT_MAX_LENGTH,
        validators=[MaxLengthValidator(TEXT_MAX_LENGTH)],
        help_text=_("What is happening and what to do, in two or three short sentences."),
    )
    link_url = models.URLField(blank=True, verbose_name=_("link (web address)"))
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("link (a page of this site)"),
    )
    places = ParentalManyToManyField(
        "strategy.Place",
        blank=True,
        related_name="+",
        help_text=_("None: the whole district."),
    )
    starts_at = models.DateTimeField(default=timezone.now)
    ends_at = models.DateTimeField(default=default_end)
    # Where an imported alert came from (e.g. "ea:122WAC953:2026-11-30T10:00:00"): the import
    # finds its own alerts again by it, so running it twice creates nothing new.
    source_reference = models.CharField(max_length=200, blank=True, db_index=True, editable=False)
    source_version = models.CharField(max_length=50, blank=True, editable=False)
    # An alert that revises an earlier one: CAP calls it an Update and names the earlier one.
    updates = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="updated_by", editable=False
    )

    objects = AlertQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("severity"), FieldPanel("category")]),
        FieldPanel("title"),
        FieldPanel("text"),
        MultiFieldPanel([FieldPanel("link_url"), FieldPanel("link_page")], heading=_("More information")),
        FieldPanel("places"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")], heading=_("When")),
    ]
    search_fields = [index.SearchField("title"), index.SearchField("text")]

    class Meta:
        ordering = ["-starts_at", "-pk"]
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must be after the start.")})
        if self.link_url and self.link_page_id:
            raise ValidationError({"link_page": _("Choose a web address or a page, not both.")})

    def status(self, now=None):
        now = now or timezone.now()
        if not self.live:
            return self.Status.DRAFT
        if self.starts_at > now:
            return self.Status.SCHEDULED
        if self.ends_at <= now:
            return self.Status.ENDED
        return self.Status.LIVE

    def status_label(self):
        return self.Status(self.status()).label

    status_label.short_description = _("Status")

    @property
    def is_emergency(self):
        return self.severity == self.Severity.EMERGENCY

    @property
    def language(self):
        # Alerts are written in the site's source language; the banner marks them so.
        return settings.LANGUAGE_CODE
