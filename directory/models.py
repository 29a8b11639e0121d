"""The register of community assets, which is also the district's directory of services.

Each entry is a page (moderation is a Wagtail workflow, history is revisions, the map and the
Open Referral API read live entries only). What kind of asset it is (a village hall, a
foodbank, a sports club) is an AssetType: data editors can change, each counting towards a
line of the strategy's community-assets snapshot. The organisation behind an entry is an
Organisation snippet, as Open Referral UK separates organisations, services and locations.
"""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from core.admin_forms import SameLocaleChoicesPageForm
from core.caching import wagtail_adapter
from core.caching.page_cache import skip_page_cache
from core.caching.routing import CachedViewRestrictionsMixin
from core.page_privacy import PrivacyByEditorsMixin
from strategy.models import LocalizedQuerySet
from strategy.serializers import PlaceSerializer, ThemeSerializer, WorkstreamSerializer

# An entry nobody has confirmed for this long is flagged for review.
REVIEW_AFTER = timedelta(days=365)

# The accessibility facts residents filter by: field name, what residents call it.
ACCESSIBILITY_FACTS = {
    "step_free_access": _("Step-free access"),
    "accessible_toilet": _("Accessible toilet"),
    "hearing_loop": _("Hearing loop"),
    "accessible_parking": _("Accessible parking"),
}


class AssetType(TranslatableMixin, models.Model):
    """A kind of community asset or service, e.g. 'Village hall' or 'Foodbank'."""

    name = models.CharField(max_length=100, help_text="One of them, e.g. 'Village hall'")
    plural_name = models.CharField(max_length=100, help_text="Several, e.g. 'Village halls'")
    slug = models.SlugField(max_length=100)
    description = models.TextField(blank=True)
    snapshot_line = models.ForeignKey(
        "strategy.CommunityAsset",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="asset_types",
        help_text="The line of the strategy's community-assets snapshot this type counts towards",
    )
    sort_order = models.PositiveSmallIntegerField(default=0)

    objects = LocalizedQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("plural_name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("snapshot_line"),
        FieldPanel("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


class Organisation(models.Model):
    """The organisation behind one or more entries: a charity, a club, a parish council."""

    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    website = models.URLField(blank=True)
    email = models.EmailField(blank=True, help_text="The organisation's public address, never a person's own")
    phone = models.CharField(max_length=40, blank=True)
    charity_number = models.CharField(max_length=20, blank=True)
    company_number = models.CharField(max_length=20, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("website"),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
        FieldRowPanel([FieldPanel("charity_number"), FieldPanel("company_number")]),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class DirectoryPage(CachedViewRestrictionsMixin, PrivacyByEditorsMixin, Page):
    """The directory: every live entry, as a list with filters and as a map."""

    introduction = models.TextField(blank=True)

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["directory.AssetPage"]

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    api_fields = [APIField("introduction")]

    def route(self, request, path_components):
        # One query for the entry and what its page shows, instead of Wagtail's generic child
        # look-up followed by a second query for the specific page.
        if len(path_components) == 1:
            entry = (
                AssetPage.objects.child_of(self)
                .filter(slug=path_components[0])
                .select_related("asset_type", "place", "organisation", "locale")
                .first()
            )
            if entry is not None:
                wagtail_adapter.remember_parent(entry, self)
                return entry.route(request, [])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from .listing import directory_results

        context = super().get_context(request, *args, **kwargs)
        filters, entries, querystring = directory_results(self, request.GET)
        if filters.values().get("open_now"):
            # What is open changes with the clock, not with publications: never kept.
            skip_page_cache(request)
        context.update(filters=filters, entries=entries, querystring=querystring)
        return context


class AssetPage(CachedViewRestrictionsMixin, PrivacyByEditorsMixin, Page):
    """One entry of the register: an asset or service, where it is, when it is open, how to reach it."""

    asset_type = models.ForeignKey(AssetType, on_delete=models.PROTECT, related_name="entries")
    summary = models.TextField(max_length=300, help_text="One or two sentences for the list and search results")
    description = models.TextField(blank=True, help_text="What it offers and who it is for")
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="entries"
    )
    # Where: the place is one of the district's towns and parishes; the point is for the map.
    place = models.ForeignKey("strategy.Place", null=True, blank=True, on_delete=models.SET_NULL, related_name="assets")
    address = models.TextField(blank=True, help_text="Street address, one part per line")
    postcode = models.CharField(max_length=10, blank=True)
    latitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True)
    longitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True)
    # How to get in touch: an organisation's route, or a person's only if they agreed.
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=40, blank=True)
    website = models.URLField(blank=True)
    contact_is_a_person = models.BooleanField(
        default=False, help_text="The email or phone above reaches a private person, not an organisation"
    )
    person_agreed_to_publish = models.BooleanField(
        default=False, help_text="That person agreed, in writing, to their details being published"
    )
    # Accessibility: facts residents filter by, and the rest in words.
    step_free_access = models.BooleanField(default=False)
    accessible_toilet = models.BooleanField(default=False)
    hearing_loop = models.BooleanField(default=False)
    accessible_parking = models.BooleanField(default=False)
    accessibility_notes = models.TextField(blank=True)
    themes = ParentalManyToManyField("strategy.Theme", blank=True, related_name="assets")
    workstreams = ParentalManyToManyField("strategy.Workstream", blank=True, related_name="assets")
    last_confirmed_at = models.DateField(
        default=timezone.localdate, help_text="When the organisation last confirmed these details"
    )

    parent_page_types = ["directory.DirectoryPage"]
    subpage_types = []

    base_form_class = SameLocaleChoicesPageForm
    content_panels = Page.content_panels + [
        FieldPanel("asset_type"),
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("organisation"),
        MultiFieldPanel(
            [
                FieldPanel("place"),
                FieldPanel("address"),
                FieldPanel("postcode"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Where"),
        ),
        InlinePanel("opening_times", label=_("Opening times")),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("website"),
                FieldPanel("contact_is_a_person"),
                FieldPanel("person_agreed_to_publish"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("step_free_access"),
                FieldPanel("accessible_toilet"),
                FieldPanel("hearing_loop"),
                FieldPanel("accessible_parking"),
                FieldPanel("accessibility_notes"),
            ],
            heading=_("Accessibility"),
        ),
        MultiFieldPanel([FieldPanel("themes"), FieldPanel("workstreams")], heading=_("What it serves")),
        FieldPanel("last_confirmed_at"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("address"),
        index.SearchField("postcode"),
        index.RelatedFields("asset_type", [index.SearchField("name")]),
        index.RelatedFields("organisation", [index.SearchField("name")]),
        index.RelatedFields("place", [index.SearchField("name")]),
        index.FilterField("asset_type"),
        index.FilterField("place"),
    ]
    # Public facts only: a person's contact details appear only when they agreed (public_contact).
    api_fields = [
        APIField("summary"),
        APIField("description"),
        APIField("place", serializer=PlaceSerializer()),
        APIField("themes", serializer=ThemeSerializer(many=True)),
        APIField("workstreams", serializer=WorkstreamSerializer(many=True)),
        APIField("address"),
        APIField("postcode"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("last_confirmed_at"),
    ]

    class Meta:
        indexes = [models.Index(fields=["last_confirmed_at"], name="directory_asset_confirmed")]

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError({"longitude": _("Give both the latitude and the longitude, or neither.")})
        if (
            self.contact_is_a_person
            and not self.person_agreed_to_publish
            and (self.contact_email or self.contact_phone)
        ):
            raise ValidationError(
                {
                    "person_agreed_to_publish": _(
                        "A private person's email or phone is published only with their agreement. "
                        "Confirm they agreed, or give the organisation's contact details instead."
                    )
                }
            )

    @property
    def public_contact(self):
        """(email, phone) safe to show: blank when they reach a person who has not agreed."""
        if self.contact_is_a_person and not self.person_agreed_to_publish:
            return "", ""
        return self.contact_email, self.contact_phone

    def get_context(self, request, *args, **kwargs):
        from .opening import is_open, london_now

        context = super().get_context(request, *args, **kwargs)
        opening_times = list(self.opening_times.order_by("weekday", "opens"))
        context.update(
            opening_times=opening_times,
            open_now=is_open(opening_times),
            # The page may be kept for a few minutes (the page cache): say when "open now" was true.
            checked_at=london_now(),
            directory_url=self.get_parent().get_url(request),
            contact_email=self.public_contact[0],
            contact_phone=self.public_contact[1],
            accessibility_facts=[label for field, label in ACCESSIBILITY_FACTS.items() if getattr(self, field)],
        )
        return context

    @property
    def needs_review(self):
        return self.last_confirmed_at < timezone.localdate() - REVIEW_AFTER


class OpeningTime(Orderable):
    """One regular opening: a weekday and hours (Open Referral UK's regular schedule)."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")
        SATURDAY = 5, _("Saturday")
        SUNDAY = 6, _("Sunday")

    page = ParentalKey(AssetPage, on_delete=models.CASCADE, related_name="opening_times")
    weekday = models.PositiveSmallIntegerField(choices=Weekday.choices)
    opens = models.TimeField()
    closes = models.TimeField()
    note = models.CharField(max_length=100, blank=True, help_text="e.g. 'term time only'")

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")]), FieldPanel("note")]

    class Meta(Orderable.Meta):
        indexes = [models.Index(fields=["weekday", "opens", "closes"], name="directory_opening_now")]

    def clean(self):
        super().clean()
        if self.opens is not None and self.closes is not None and self.closes <= self.opens:
            raise ValidationError({"closes": _("The closing time must be after the opening time.")})


# Community groups' ownership of their entries lives in its own module (directory/group_*.py).
from .group_models import DirectoryEntryOwner  # noqa: E402, F401
