"""Council pledges: commitments under the three themes, tracked over the strategy's life."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from rest_framework import serializers

from core.admin_forms import SameLocaleChoicesPageForm
from core.caching import wagtail_adapter
from core.caching.routing import CachedViewRestrictionsMixin, public_pages
from strategy.serializers import ThemeSerializer, WorkstreamSerializer

from .blocks import EvidenceBlock
from .permissions import PledgeLeadPermissionMixin
from .status import Status


# The helper modules (dashboard, review, listing, views...) import these models, so the models
# import them inside the methods that use them: importing them here would be circular.
class PledgeIndexPage(CachedViewRestrictionsMixin, PledgeLeadPermissionMixin, Page):
    """The accountability dashboard: every pledge, grouped by theme, with its progress."""

    introduction = models.TextField(blank=True)

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["pledges.PledgePage", "pledges.ReviewIndexPage"]

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    api_fields = [APIField("introduction")]

    def route(self, request, path_components):
        """Find a pledge in one query, with its theme, instead of Wagtail's two (page, then specific)."""
        if len(path_components) == 1:
            pledge = PledgePage.objects.child_of(self).select_related("theme").filter(slug=path_components[0]).first()
            if pledge is not None:
                wagtail_adapter.remember_parent(pledge, self)
                return pledge.route(request, [])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from .dashboard import selected_filters

        # The rest is computed by {% pledge_dashboard %}, only when its cached fragment is stale.
        context = super().get_context(request, *args, **kwargs)
        context["selected"] = selected_filters(request.GET)
        return context


class PledgePage(CachedViewRestrictionsMixin, PledgeLeadPermissionMixin, Page):
    """One commitment the council made, in plain words, with who leads it and by when.

    Editors add dated progress updates and indicators on the pledge's own admin page; its
    current status is always the latest update's.
    """

    class InvestmentPriority(models.TextChoices):
        PLACES = "places", _("Places: empowerment and investment for local communities")
        PEOPLE = "people", _("People: enabling a lifetime of contribution")
        SOCIAL_SECTOR = "social_sector", _("The social sector: supporting charities and social enterprises")

    commitment = models.TextField(help_text="What the council promised, in plain words")
    theme = models.ForeignKey("strategy.Theme", on_delete=models.PROTECT, related_name="pledges")
    workstreams = ParentalManyToManyField("strategy.Workstream", blank=True, related_name="pledges")
    investment_priority = models.CharField(max_length=20, choices=InvestmentPriority.choices, blank=True)
    lead = models.CharField(max_length=200, help_text="The council service or partner that leads it")
    target_date = models.DateField(null=True, blank=True)
    lead_users = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="led_pledges",
        verbose_name=_("pledge leads"),
        help_text=_("Staff in the 'Pledge leads' group who may add updates to this pledge (never shown publicly)"),
    )

    parent_page_types = ["pledges.PledgeIndexPage"]
    subpage_types = []

    base_form_class = SameLocaleChoicesPageForm
    content_panels = Page.content_panels + [
        FieldPanel("commitment"),
        MultiFieldPanel(
            [FieldPanel("theme"), FieldPanel("workstreams"), FieldPanel("investment_priority")],
            heading="What it serves",
        ),
        MultiFieldPanel(
            [
                FieldPanel("lead"),
                FieldPanel("target_date"),
                FieldPanel("lead_users", permission="pledges.change_pledgepage"),
            ],
            heading="Who and when",
        ),
        InlinePanel("updates", heading=_("Progress updates"), label=_("update")),
        InlinePanel("indicators", heading=_("Indicators"), label=_("indicator")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("commitment"),
        index.SearchField("lead"),
        index.FilterField("theme_id"),
        index.RelatedFields("theme", [index.SearchField("name")]),
    ]
    # The pledge leads' accounts (`lead_users`) stay out: `lead` is the service, never a person.
    api_fields = [
        APIField("commitment"),
        APIField("theme", serializer=ThemeSerializer()),
        APIField("workstreams", serializer=WorkstreamSerializer(many=True)),
        APIField("investment_priority"),
        APIField("lead"),
        APIField("target_date"),
        APIField("status", serializer=serializers.CharField(source="current_status")),
        APIField("status_label", serializer=serializers.CharField(source="current_status_label")),
        APIField("last_updated", serializer=serializers.DateField()),
        APIField("updates"),
    ]

    @cached_property
    def current_update(self):
        """The latest update: by date, then by its place in the editor's list.

        Works on the in-memory cluster too, so previews and drafts show their own status.
        """
        updates = list(self.updates.all())
        if not updates:
            return None
        return max(updates, key=lambda update: (update.date, update.sort_order or 0, update.pk or 0))

    @property
    def current_status(self):
        update = self.current_update
        return update.status if update else Status.NOT_STARTED

    @property
    def current_status_label(self):
        return Status(self.current_status).label

    @property
    def last_updated(self):
        update = self.current_update
        return update.date if update else None

    def get_context(self, request, *args, **kwargs):
        from .evidence import evidence_by_update
        from .indicators import indicator_rows

        context = super().get_context(request, *args, **kwargs)
        updates = sorted(
            self.updates.all(), key=lambda update: (update.date, update.sort_order or 0, update.pk or 0), reverse=True
        )
        self.__dict__["current_update"] = updates[0] if updates else None  # already fetched: reuse it
        evidence = evidence_by_update(updates)
        context["updates"] = [(update, evidence.get(id(update), [])) for update in updates]
        # Every document the updates give as evidence, once each, newest update first.
        documents = {}
        for links in evidence.values():
            for link in links:
                if link["kind"] == "document":
                    documents.setdefault(link["url"], link)
        context["documents"] = list(documents.values())
        context["indicators"] = indicator_rows(
            self.indicators.select_related("baseline_figure").prefetch_related("readings")
        )
        context["evidence_stories"] = self.published_evidence_stories()
        context["funded_projects"] = self.published_funded_projects()
        return context

    def published_evidence_stories(self):
        # Editors link a story to the pledges it gives evidence for on the story
        # (StoryPage.pledges); this is the other side of that link.
        return public_pages(self.evidence_stories.live()).order_by("-first_published_at")

    def published_funded_projects(self):
        """The fund's published, public, funded projects that serve this pledge, in one query.

        Editors link a project to the pledges it serves on the project (the fund's
        ProjectPage.pledges); the fund sits above the pledges, so this reads that link from
        its reverse side and never imports the fund. Each project gets `grant_display`.
        """
        related = getattr(self, "fund_projects", None)
        if related is None:
            return []
        projects = list(public_pages(related.live()).filter(grant_amount__isnull=False).order_by("title"))
        for project in projects:
            project.grant_display = pounds(project.grant_amount)
        return projects


def pounds(value):
    """£12,345 for whole pounds, £12,345.50 otherwise, as the fund writes money."""
    if value == value.to_integral_value():
        return f"£{value:,.0f}"
    return f"£{value:,.2f}"


class PledgeUpdate(Orderable):
    """A dated progress report on a pledge: its status at that date, what happened, and the evidence."""

    Status = Status

    pledge = ParentalKey(PledgePage, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices)
    text = models.TextField(max_length=2000, help_text=_("What happened, in a few plain sentences"))
    withdrawal_reason = models.TextField(
        blank=True, max_length=1000, help_text=_("Required when the pledge is withdrawn: why the council withdrew it")
    )
    evidence = StreamField(EvidenceBlock(), blank=True, help_text=_("Stories, consultations, documents or links"))

    panels = [
        FieldPanel("date"),
        FieldPanel("status"),
        FieldPanel("text"),
        FieldPanel("withdrawal_reason"),
        FieldPanel("evidence"),
    ]
    # Who wrote an update is in the revision history, which the API never shows.
    api_fields = [
        APIField("date"),
        APIField("status"),
        APIField("status_label", serializer=serializers.CharField(source="get_status_display")),
        APIField("text"),
        APIField("withdrawal_reason"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("progress update")

    def __str__(self):
        return f"{self.date}: {self.get_status_display()}"

    def clean(self):
        super().clean()
        if self.status == Status.WITHDRAWN and not self.withdrawal_reason.strip():
            raise ValidationError({"withdrawal_reason": _("Say why the pledge was withdrawn.")})


class Indicator(Orderable, ClusterableModel):
    """A measure a pledge tracks: a baseline, a target, and dated readings.

    When the baseline is one of the residents' survey figures, pick it: its percentage is
    the baseline value, so the survey is never typed twice.
    """

    pledge = ParentalKey(PledgePage, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(
        max_length=255, help_text=_("What is measured, e.g. 'Residents who agree they can influence decisions'")
    )
    unit = models.CharField(max_length=20, default="%", help_text=_("e.g. '%', 'groups', 'events'"))
    baseline_figure = models.ForeignKey(
        "strategy.SurveyFigure",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A survey figure to use as the baseline; leave the baseline value empty then"),
    )
    baseline_value = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    baseline_year = models.PositiveSmallIntegerField(null=True, blank=True)
    target_value = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    target_year = models.PositiveSmallIntegerField(null=True, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("unit"),
        MultiFieldPanel(
            [FieldPanel("baseline_figure"), FieldPanel("baseline_value"), FieldPanel("baseline_year")],
            heading=_("Baseline"),
        ),
        MultiFieldPanel([FieldPanel("target_value"), FieldPanel("target_year")], heading=_("Target")),
        InlinePanel("readings", heading=_("Readings"), label=_("reading")),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("indicator")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.baseline_figure_id and self.baseline_value is not None:
            raise ValidationError(
                {"baseline_value": _("Leave this empty: the baseline comes from the survey figure chosen.")}
            )

    @property
    def baseline(self):
        if self.baseline_figure_id:
            return self.baseline_figure.value
        return self.baseline_value


class IndicatorReading(Orderable):
    indicator = ParentalKey(Indicator, on_delete=models.CASCADE, related_name="readings")
    date = models.DateField()
    value = models.DecimalField(max_digits=12, decimal_places=2)

    panels = [FieldPanel("date"), FieldPanel("value")]

    class Meta(Orderable.Meta):
        verbose_name = _("reading")

    def __str__(self):
        return f"{self.date}: {self.value}"


class ReviewIndexPage(CachedViewRestrictionsMixin, PledgeLeadPermissionMixin, Page):
    """The annual reviews of the action plan, newest first (/pledges/review/)."""

    introduction = models.TextField(blank=True)

    max_count = 1
    parent_page_types = ["pledges.PledgeIndexPage"]
    subpage_types = ["pledges.ReviewEditionPage"]

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["editions"] = public_pages(ReviewEditionPage.objects.live()).child_of(self).order_by("-year")
        return context


class ReviewEditionPage(CachedViewRestrictionsMixin, PledgeLeadPermissionMixin, Page):
    """One year's review of the action plan: the council's narrative and a frozen record of every pledge.

    The record is taken the first time the edition is published and never changes after,
    whatever happens to the pledges; its address is /pledges/review/<year>/.
    """

    # Not unique in the database: a translation of an edition shares its year. clean() keeps
    # one edition per year among its siblings.
    year = models.PositiveSmallIntegerField(help_text=_("The year under review; it is also the address"))
    narrative = RichTextField(features=["h3", "h4", "bold", "italic", "link", "ol", "ul", "document-link"])
    snapshot = models.JSONField(default=dict, blank=True, editable=False)
    frozen_at = models.DateTimeField(null=True, blank=True, editable=False)

    parent_page_types = ["pledges.ReviewIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [FieldPanel("year"), FieldPanel("narrative")]
    search_fields = Page.search_fields + [index.SearchField("narrative")]
    api_fields = [APIField("year"), APIField("narrative"), APIField("snapshot"), APIField("frozen_at")]

    def full_clean(self, *args, **kwargs):
        # The year is the address: /pledges/review/2025/.
        if self.year:
            self.slug = str(self.year)
        super().full_clean(*args, **kwargs)

    def clean(self):
        super().clean()
        parent = self.get_parent() if self.pk else None
        if parent is not None and self.year:
            others = ReviewEditionPage.objects.child_of(parent).filter(year=self.year).exclude(pk=self.pk)
            if others.exists():
                raise ValidationError({"year": _("There is already a review edition for this year.")})

    def with_content_json(self, content):
        """Revisions never carry the frozen record: the stored one always wins.

        Publishing a later revision (a corrected narrative, say) therefore keeps the record
        taken at first publication.
        """
        obj = super().with_content_json(content)
        obj.snapshot = self.snapshot
        obj.frozen_at = self.frozen_at
        return obj

    @property
    def previous_edition(self):
        return (
            ReviewEditionPage.objects.live()
            .sibling_of(self, inclusive=False)
            .filter(year__lt=self.year)
            .order_by("-year")
            .first()
        )

    def get_context(self, request, *args, **kwargs):
        from .review import compare_snapshots, record_date, snapshot_date, snapshot_rows, take_snapshot

        context = super().get_context(request, *args, **kwargs)
        # A draft or preview shows the figures as the record would take them now; once
        # published, the frozen record.
        if self.frozen_at:
            snapshot = self.snapshot
        else:
            snapshot = take_snapshot(self.get_parent().get_parent().specific, record_date(self.year))
        previous = self.previous_edition
        context["is_frozen"] = bool(self.frozen_at)
        context["record_date"] = snapshot_date(snapshot, self.frozen_at)
        context["rows"] = snapshot_rows(snapshot)
        context["previous"] = previous
        context["comparison"] = compare_snapshots(previous.snapshot if previous else None, snapshot)
        return context
