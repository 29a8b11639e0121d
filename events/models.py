"""Community events: the strategy's ABCD events, councillors' conversations, open days and meetings.

Every event is a page under the events page (the listing of upcoming and past events). Its
times are stored as aware datetimes and always shown in the district's time zone,
Europe/London, with GMT or BST named, whatever the server's or visitor's clock says. Where it
happens is a venue from the asset register (directory.AssetPage) when there is one, or a
name and address typed in. A series (EventSeries, a snippet) groups events the strategy
promises as a set, such as "a series of ABCD events".
"""

import datetime
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Min, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page, PageManager, TranslatableMixin
from wagtail.query import PageQuerySet
from wagtail.search import index

from core.admin_forms import SameLocaleChoicesPageForm
from core.caching import wagtail_adapter
from core.caching.page_cache import skip_page_cache_before
from core.caching.routing import CachedViewRestrictionsMixin, cached, is_public, public_pages
from core.page_privacy import PrivacyByEditorsMixin
from core.site_address import absolute_url
from strategy.models import LocalizedQuerySet
from strategy.serializers import PlaceSerializer, ThemeSerializer

from .filters import EventFilters

# The district's clock: every time on an event is shown, and written to calendars, in it.
EVENT_TIME_ZONE = ZoneInfo("Europe/London")
EVENTS_PER_PAGE = 20
# Addresses under /events/ that belong to the listing, not to an event.
RESERVED_SLUGS = {"past", "calendar"}


class EventSeries(TranslatableMixin, models.Model):
    """A set of events that belong together, e.g. the strategy's series of ABCD events."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100)
    description = models.TextField(blank=True, help_text="What the series is for, shown on its events")
    workstream = models.ForeignKey(
        "strategy.Workstream",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_series",
        help_text="The strategy's workstream this series delivers, if any",
    )
    sort_order = models.PositiveSmallIntegerField(default=0)

    objects = LocalizedQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("workstream"),
        FieldPanel("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]
        verbose_name = _("event series")
        verbose_name_plural = _("event series")

    def __str__(self):
        return self.name


class EventsPage(RoutablePageMixin, CachedViewRestrictionsMixin, PrivacyByEditorsMixin, Page):
    """The events listing: upcoming events (at its own address) and past ones (at past/), with filters."""

    introduction = models.TextField(blank=True)

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    api_fields = [APIField("introduction")]

    def events(self):
        return public_pages(EventPage.objects.live()).child_of(self)

    def listed_events(self, past, now=None):
        """Upcoming events (not yet ended, soonest first) or past ones (most recent first)."""
        now = now or timezone.now()
        events = self.events()
        if past:
            return events.filter(end__lt=now).order_by("-start", "-pk")
        return events.filter(end__gte=now).order_by("start", "pk")

    def filters_for(self, data, past):
        # The choices change only with a publication, or when an event moves from upcoming
        # to past: kept until the next publication, and at most until the day ends.
        key = f"event-filter-choices:{self.pk}:{get_language()}:{past}:{timezone.localdate(timezone=EVENT_TIME_ZONE)}"
        choices = cached(key, lambda: EventFilters.choice_lists(self.listed_events(past)))
        return EventFilters(data, choices=choices)

    def listing_context(self, request, past):
        now = timezone.now()
        filters = self.filters_for(request.GET, past)
        events = filters.apply(self.listed_events(past, now).for_listing())
        page = Paginator(events, EVENTS_PER_PAGE).get_page(request.GET.get("page"))
        # An upcoming event becomes a past one when it ends, with nothing saved: a listing
        # kept in the page cache must not outlive that moment.
        changes = self.events().aggregate(
            next_start=Min("start", filter=Q(start__gt=now)), next_end=Min("end", filter=Q(end__gt=now))
        )
        skip_page_cache_before(request, [changes["next_start"], changes["next_end"]], now)
        querystring = filters.querystring()
        calendar_url = absolute_url(reverse("events:calendar")) + (f"?{querystring}" if querystring else "")
        return {
            "past": past,
            "filters": filters,
            "events": page,
            "querystring": querystring,
            # webcal: the address scheme that opens a subscription in the visitor's calendar app.
            "subscribe_url": "webcal://" + calendar_url.split("://", 1)[1],
            "now": now,
            "upcoming_url": self.get_url(request),
            "past_url": self.get_url(request) + self.reverse_subpage("past"),
        }

    def route(self, request, path_components):
        # One query for the event and everything its page shows beside its own fields,
        # instead of Wagtail's generic child look-up and a second query for the specific page.
        if len(path_components) == 1 and path_components[0] not in RESERVED_SLUGS:
            event = (
                EventPage.objects.child_of(self)
                .filter(slug=path_components[0])
                .select_related("place", "venue", "venue__place", "series", "locale")
                .first()
            )
            if event is not None:
                wagtail_adapter.remember_parent(event, self)
                return event.route(request, [])
        return super().route(request, path_components)

    @path("")
    def upcoming(self, request):
        return self.render(request, context_overrides=self.listing_context(request, past=False))

    @path("past/", name="past")
    def past(self, request):
        return self.render(request, context_overrides=self.listing_context(request, past=True))

    def sitemap_subpages(self):
        return [("past", "past/")]


class EventPageQuerySet(PageQuerySet):
    def for_listing(self):
        """Everything an event card shows, in a fixed number of queries."""
        return self.select_related("place", "venue", "series").prefetch_related("themes")


class EventPage(CachedViewRestrictionsMixin, PrivacyByEditorsMixin, Page):
    """One event: when (in UK time), where, who runs it, how accessible it is and how to come."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Going ahead")
        CANCELLED = "cancelled", _("Cancelled")
        POSTPONED = "postponed", _("Postponed")
        RESCHEDULED = "rescheduled", _("Moved to a new date")

    class AttendanceMode(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        MIXED = "mixed", _("In person and online")

    class Booking(models.TextChoices):
        NO_NEED = "no_need", _("No need to book: just come along")
        CAPACITY = "capacity", _("No need to book, but places are limited")
        LINK = "link", _("Book through a link")

    summary = models.TextField(max_length=300, help_text="One or two sentences for the listing and calendars")
    description = models.TextField(
        blank=True, help_text="What happens and who it is for; a blank line between paragraphs"
    )
    start = models.DateTimeField(help_text="UK time")
    end = models.DateTimeField(help_text="UK time")
    all_day = models.BooleanField(
        default=False, help_text="Shown as dates without times: the event runs from the start date to the end date"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SCHEDULED)
    attendance_mode = models.CharField(max_length=20, choices=AttendanceMode.choices, default=AttendanceMode.IN_PERSON)
    online_url = models.URLField(blank=True, help_text="The https link to join online, for online and mixed events")
    # Where: a venue from the register when it is there; otherwise a name and address typed here.
    place = models.ForeignKey(
        "strategy.Place",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text="The town or parish; taken from the venue when left empty",
    )
    venue = models.ForeignKey(
        "directory.AssetPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text="The venue's entry in the community directory, if it has one",
    )
    venue_name = models.CharField(max_length=200, blank=True, help_text="When the venue is not in the directory")
    venue_address = models.TextField(blank=True, help_text="Street address, one part per line")
    venue_postcode = models.CharField(max_length=10, blank=True)
    # Accessibility: facts residents look for, and the rest in words.
    step_free_access = models.BooleanField(default=False)
    accessible_toilet = models.BooleanField(default=False)
    hearing_loop = models.BooleanField(default=False)
    accessible_parking = models.BooleanField(default=False)
    sign_language = models.BooleanField(default=False, help_text="British Sign Language interpretation")
    accessibility_notes = models.TextField(blank=True)
    # How to come.
    booking = models.CharField(max_length=20, choices=Booking.choices, default=Booking.NO_NEED)
    capacity = models.PositiveIntegerField(null=True, blank=True, help_text="How many people there is room for")
    booking_url = models.URLField(blank=True, help_text="An https link to the booking page")
    cost = models.DecimalField(max_digits=7, decimal_places=2, default=0, help_text="In pounds; 0 when it is free")
    organiser = models.CharField(max_length=200, help_text="The group or organisation running it")
    organiser_url = models.URLField(blank=True)
    themes = ParentalManyToManyField("strategy.Theme", blank=True, related_name="events")
    series = models.ForeignKey(EventSeries, null=True, blank=True, on_delete=models.SET_NULL, related_name="events")

    objects = PageManager.from_queryset(EventPageQuerySet)()

    parent_page_types = ["events.EventsPage"]
    subpage_types = []

    base_form_class = SameLocaleChoicesPageForm
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("all_day"), FieldPanel("status")],
            heading=_("When (UK time)"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("attendance_mode"),
                FieldPanel("venue"),
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldPanel("venue_postcode"),
                FieldPanel("place"),
                FieldPanel("online_url"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("step_free_access"),
                FieldPanel("accessible_toilet"),
                FieldPanel("hearing_loop"),
                FieldPanel("accessible_parking"),
                FieldPanel("sign_language"),
                FieldPanel("accessibility_notes"),
            ],
            heading=_("Accessibility"),
        ),
        MultiFieldPanel(
            [FieldPanel("booking"), FieldPanel("capacity"), FieldPanel("booking_url"), FieldPanel("cost")],
            heading=_("Booking and cost"),
        ),
        MultiFieldPanel(
            [FieldPanel("organiser"), FieldPanel("organiser_url"), FieldPanel("series"), FieldPanel("themes")],
            heading=_("Who and what"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("organiser"),
        index.SearchField("venue_name"),
        index.FilterField("start"),
        index.FilterField("end"),
        index.RelatedFields("place", [index.SearchField("name")]),
        index.RelatedFields("series", [index.SearchField("name")]),
    ]
    api_fields = [
        APIField("summary"),
        APIField("description"),
        APIField("start"),
        APIField("end"),
        APIField("all_day"),
        APIField("status"),
        APIField("attendance_mode"),
        APIField("place", serializer=PlaceSerializer()),
        APIField("location_name"),
        APIField("address_lines"),
        APIField("booking"),
        APIField("capacity"),
        APIField("booking_url"),
        APIField("cost"),
        APIField("organiser"),
        APIField("themes", serializer=ThemeSerializer(many=True)),
    ]

    class Meta:
        indexes = [
            models.Index(fields=["start"], name="events_start"),
            models.Index(fields=["end"], name="events_end"),
        ]

    def clean(self):
        super().clean()
        errors = {}
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = _("This address is used by the events listing. Choose another.")
        if self.start and self.end:
            if self.all_day:
                self.start, self.end = whole_days(self.start, self.end)
            if self.end <= self.start:
                errors["end"] = _("The event must end after it starts.")
        for field in ("booking_url", "online_url"):
            value = getattr(self, field)
            if value and not value.lower().startswith("https://"):
                errors[field] = _("Give a link that starts with https://, so people's details are sent securely.")
        if self.booking == self.Booking.LINK and not self.booking_url:
            errors["booking_url"] = _("Give the link where people book, or choose another way to come.")
        if self.booking == self.Booking.CAPACITY and not self.capacity:
            errors["capacity"] = _("Say how many people there is room for.")
        if self.attendance_mode != self.AttendanceMode.IN_PERSON and not self.online_url:
            errors["online_url"] = _("Give the link to join online.")
        if self.attendance_mode != self.AttendanceMode.ONLINE and not (self.venue_id or self.venue_name):
            errors["venue_name"] = _("Choose the venue from the directory, or give its name and address.")
        if errors:
            raise ValidationError(errors)
        if self.place_id is None and self.venue_id and self.venue.place_id:
            self.place_id = self.venue.place_id

    # When --------------------------------------------------------------------------------

    @property
    def local_start(self):
        return timezone.localtime(self.start, EVENT_TIME_ZONE)

    @property
    def local_end(self):
        return timezone.localtime(self.end, EVENT_TIME_ZONE)

    @property
    def same_day(self):
        return self.local_start.date() == self.local_end.date()

    def has_ended(self, now=None):
        return self.end < (now or timezone.now())

    def is_happening(self, now=None):
        now = now or timezone.now()
        return self.start <= now <= self.end

    # Where -------------------------------------------------------------------------------

    @cached_property
    def venue_entry(self):
        """The venue's directory entry, when it is live and public; None otherwise."""
        venue = self.venue
        if venue is not None and venue.live and is_public(venue):
            return venue
        return None

    @property
    def location_name(self):
        if self.venue_entry is not None:
            return self.venue_entry.title
        return self.venue_name

    @property
    def address_lines(self):
        """The street address, line by line, with the postcode last."""
        if self.venue_entry is not None:
            address, postcode = self.venue_entry.address, self.venue_entry.postcode
        else:
            address, postcode = self.venue_address, self.venue_postcode
        lines = [line.strip() for line in address.splitlines() if line.strip()]
        return lines + ([postcode] if postcode else [])

    @property
    def place_line(self):
        """The town or parish, when the address does not already name it."""
        if self.place is None:
            return ""
        lines = {line.lower() for line in self.address_lines}
        return "" if self.place.name.lower() in lines else self.place.name

    @property
    def in_person(self):
        return self.attendance_mode != self.AttendanceMode.ONLINE

    @property
    def online(self):
        return self.attendance_mode != self.AttendanceMode.IN_PERSON

    # How ---------------------------------------------------------------------------------

    @property
    def is_free(self):
        return not self.cost

    @property
    def accessibility_facts(self):
        facts = [
            (self.step_free_access, _("Step-free access")),
            (self.accessible_toilet, _("Accessible toilet")),
            (self.hearing_loop, _("Hearing loop")),
            (self.accessible_parking, _("Accessible parking")),
            (self.sign_language, _("British Sign Language interpretation")),
        ]
        return [label for present, label in facts if present]

    def series_events(self, limit=3):
        """Other upcoming live events of the same series, soonest first."""
        if not self.series_id:
            return EventPage.objects.none()
        events = public_pages(EventPage.objects.live()).filter(series_id=self.series_id, end__gte=timezone.now())
        return (
            events.exclude(pk=self.pk)
            .select_related("place", "venue", "series")
            .prefetch_related("themes")
            .order_by("start", "pk")[:limit]
        )

    def serve(self, request, *args, **kwargs):
        skip_page_cache_before(request, [self.start, self.end], timezone.now())
        return super().serve(request, *args, **kwargs)


def whole_days(start, end):
    """An all-day event's start and end: from the start of its first day to the last minute of its last, UK time."""
    first = timezone.localtime(start, EVENT_TIME_ZONE).date()
    last = timezone.localtime(end, EVENT_TIME_ZONE).date()
    return (
        datetime.datetime.combine(first, datetime.time(0, 0), tzinfo=EVENT_TIME_ZONE),
        datetime.datetime.combine(last, datetime.time(23, 59), tzinfo=EVENT_TIME_ZONE),
    )
