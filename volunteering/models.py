"""Volunteering: the listing, the opportunities groups post, and residents' interest in them."""

import secrets
import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from core.admin_forms import SameLocaleChoicesPageForm
from core.caching.routing import CachedViewRestrictionsMixin, public_pages
from core.page_privacy import PrivacyByEditorsMixin
from core.pagination import CountedPaginator
from strategy.serializers import PlaceSerializer, ThemeSerializer

OPPORTUNITIES_PER_PAGE = 12
# Addresses under /volunteering/ that belong to the app's own views, not to an opportunity.
RESERVED_SLUGS = {"mine", "reply"}


class OpportunityPageQuerySet(PageQuerySet):
    def open(self, now=None):
        """Not past their closing date, even before the scheduler unpublishes them."""
        now = now or timezone.now()
        return self.filter(models.Q(expire_at__isnull=True) | models.Q(expire_at__gt=now))

    def for_listing(self):
        """Everything an opportunity card shows, in a fixed number of queries."""
        return self.defer("description", "accessibility_notes").select_related("place").prefetch_related("themes")


class VolunteeringPage(CachedViewRestrictionsMixin, PrivacyByEditorsMixin, Page):
    """The volunteering opportunities: residents find them by place and theme."""

    introduction = models.TextField(blank=True)

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["volunteering.OpportunityPage"]

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    api_fields = [APIField("introduction")]

    def opportunities(self):
        return public_pages(OpportunityPage.objects.live()).descendant_of(self).open()

    def get_context(self, request, *args, **kwargs):
        from .filters import OpportunityFilters

        context = super().get_context(request, *args, **kwargs)
        filters = OpportunityFilters(request.GET)
        # Closing soonest first; those without a closing date last, on every database.
        order = (models.F("expire_at").asc(nulls_last=True), "title", "pk")
        opportunities = filters.apply(self.opportunities().for_listing()).order_by(*order)
        count = opportunities.count()
        page = CountedPaginator(opportunities, OPPORTUNITIES_PER_PAGE, count=count).get_page(request.GET.get("page"))
        context.update(filters=filters, opportunities=page, querystring=filters.querystring())
        return context


class OpportunityPage(CachedViewRestrictionsMixin, PrivacyByEditorsMixin, RoutablePageMixin, Page):
    """One volunteering opportunity, posted by a community group (moderated) or by staff.

    Its closing date is Wagtail's own expiry ("Expiry date/time" in the publishing settings):
    the scheduler unpublishes it then, and listings hide it from that moment even before.
    Residents register interest on the page; the site passes their message to the group.
    """

    class Commitment(models.TextChoices):
        ONE_OFF = "one_off", _("One-off")
        WEEKLY = "weekly", _("Weekly")
        MONTHLY = "monthly", _("Monthly")
        FLEXIBLE = "flexible", _("Flexible")

    summary = models.TextField(max_length=300, help_text="One or two sentences for listings and search results")
    description = models.TextField(
        max_length=5000, help_text="What volunteers do, when and where. A blank line starts a new paragraph."
    )
    group_name = models.CharField(max_length=200, help_text="The community group volunteers will be with")
    place = models.ForeignKey(
        "strategy.Place", null=True, blank=True, on_delete=models.SET_NULL, related_name="opportunities"
    )
    themes = ParentalManyToManyField("strategy.Theme", blank=True, related_name="opportunities")
    workstreams = ParentalManyToManyField("strategy.Workstream", blank=True, related_name="opportunities")
    commitment = models.CharField(max_length=20, choices=Commitment.choices, default=Commitment.FLEXIBLE)
    hours = models.CharField(max_length=100, blank=True, help_text="For example “2 hours on Saturday mornings”")
    volunteers_wanted = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="How many volunteers the group is looking for; empty if open to anyone"
    )
    step_free_access = models.BooleanField(default=False)
    accessible_toilet = models.BooleanField(default=False)
    can_be_done_seated = models.BooleanField(default=False)
    can_be_done_from_home = models.BooleanField(default=False)
    accessibility_notes = models.TextField(
        max_length=1000, blank=True, help_text="Anything else a disabled volunteer would want to know"
    )

    objects = PageManager.from_queryset(OpportunityPageQuerySet)()

    parent_page_types = ["volunteering.VolunteeringPage"]
    subpage_types = []

    base_form_class = SameLocaleChoicesPageForm
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("group_name"), FieldPanel("place"), FieldPanel("themes"), FieldPanel("workstreams")],
            heading="Who, where and what",
        ),
        MultiFieldPanel(
            [FieldPanel("commitment"), FieldPanel("hours"), FieldPanel("volunteers_wanted")], heading="Time"
        ),
        MultiFieldPanel(
            [
                FieldPanel("step_free_access"),
                FieldPanel("accessible_toilet"),
                FieldPanel("can_be_done_seated"),
                FieldPanel("can_be_done_from_home"),
                FieldPanel("accessibility_notes"),
            ],
            heading="Accessibility",
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("group_name"),
        index.FilterField("expire_at"),
        index.RelatedFields("place", [index.SearchField("name")]),
    ]
    # What a partner needs; nothing of who posted it or who is interested.
    api_fields = [
        APIField("summary"),
        APIField("description"),
        APIField("group_name"),
        APIField("place", serializer=PlaceSerializer()),
        APIField("themes", serializer=ThemeSerializer(many=True)),
        APIField("commitment"),
        APIField("hours"),
        APIField("volunteers_wanted"),
        APIField("expire_at"),
    ]

    ACCESSIBILITY_FACTS = {
        "step_free_access": _("Step-free access"),
        "accessible_toilet": _("Accessible toilet"),
        "can_be_done_seated": _("Can be done sitting down"),
        "can_be_done_from_home": _("Can be done from home"),
    }

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("This address is used by the volunteering section. Choose another.")})

    def accessibility_facts(self):
        return [label for name, label in self.ACCESSIBILITY_FACTS.items() if getattr(self, name)]

    def description_paragraphs(self):
        return [paragraph.strip() for paragraph in self.description.split("\n\n") if paragraph.strip()]

    @property
    def closing_at(self):
        return self.expire_at

    def is_closed(self, now=None):
        return bool(self.expire_at and self.expire_at <= (now or timezone.now()))

    def takes_interest(self):
        """Whether residents can register interest: open, and a group address to pass it to."""
        submission = getattr(self, "submission", None) if self.pk else None
        return not self.is_closed() and submission is not None and bool(submission.group_email)

    @path("")
    def index_route(self, request):
        from .views import opportunity

        return opportunity(request, self)

    @path("thank-you/")
    def interest_sent(self, request):
        from .views import interest_sent

        return interest_sent(request, self)


def new_reference():
    # Unambiguous characters only: people read references out on the phone.
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "VO-" + "".join(secrets.choice(alphabet) for _ in range(8))


class OpportunitySubmission(models.Model):
    """Which group posted an opportunity, and the private address the site passes interest to.

    Never shown on public pages. Made when a group posts from its area; staff may add one
    for an opportunity they wrote, so residents can register interest in it too. Where the
    opportunity stands is read from Wagtail's workflow and live status (`states.py`).
    """

    page = models.OneToOneField(OpportunityPage, on_delete=models.CASCADE, related_name="submission")
    reference = models.CharField(max_length=20, unique=True, default=new_reference, editable=False)
    form_token = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    group_email = models.EmailField(
        blank=True, help_text="Private: where residents' messages go. Never shown on the site."
    )
    submitted_revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    submitted_at = models.DateTimeField(auto_now_add=True)

    panels = [FieldPanel("page"), FieldPanel("group_email")]

    class Meta:
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["group_email"], name="volunteering_group_email")]

    def __str__(self):
        return f"{self.reference}: {self.page.title}"


class InterestRecord(models.Model):
    """A resident's interest in an opportunity, passed to the group without their email address.

    The group answers through a signed link to a form on the site; the site emails the reply
    to the resident with the group's address to reply to. Deleted after
    VOLUNTEERING_INTEREST_RETENTION_DAYS by `purge_personal_data`.
    """

    opportunity = models.ForeignKey(OpportunityPage, on_delete=models.CASCADE, related_name="interest")
    form_token = models.UUIDField(unique=True, help_text="One per rendered form: a double submit finds this row")
    name = models.CharField(max_length=200)
    email = models.EmailField()
    phone = models.CharField(max_length=40, blank=True)
    message = models.TextField(max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)
    reply = models.TextField(max_length=5000, blank=True)
    replied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["email"], name="volunteering_interest_email"),
            models.Index(fields=["created_at"], name="volunteering_interest_created"),
        ]

    def __str__(self):
        return f"Interest in {self.opportunity_id} on {self.created_at:%Y-%m-%d}"

    @property
    def first_name(self):
        parts = self.name.split()
        return parts[0] if parts else ""
