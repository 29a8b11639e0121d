"""The fund's public pages: the fund, its rounds, and the projects each round shortlists or funds."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.admin_forms import SameLocaleChoicesPageForm
from core.caching.routing import CachedViewRestrictionsMixin, public_pages

MONEY = {"max_digits": 12, "decimal_places": 2}
RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "link", "ol", "ul", "document-link"]


# The helper modules (totals, rounds) import these models, so the models import them inside
# the methods that use them: importing them here would be circular.
class FundPage(CachedViewRestrictionsMixin, Page):
    """The People Make Places Fund: what the council committed, and where the money went.

    Its page adds up the rounds' budgets (committed), the funded projects' grants (awarded)
    and the spend they report (spent), by priority, by place and by round.
    """

    total_commitment = models.DecimalField(
        **MONEY, default=Decimal("500000"), help_text=_("What the council committed to the fund, in pounds")
    )
    introduction = RichTextField(features=RICH_TEXT_FEATURES, blank=True)

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["fund.FundRoundPage"]

    content_panels = Page.content_panels + [FieldPanel("total_commitment"), FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    api_fields = [APIField("total_commitment"), APIField("introduction")]

    def get_context(self, request, *args, **kwargs):
        from fund.open_data_views import is_configured
        from fund.totals import fund_totals

        context = super().get_context(request, *args, **kwargs)
        context["totals"] = fund_totals(self)
        context["open_data"] = is_configured() and context["totals"].awarded > 0
        context["rounds"] = public_pages(FundRoundPage.objects.live().child_of(self)).order_by("-opens_at")
        context["now"] = timezone.now()
        return context


class FundRoundPage(CachedViewRestrictionsMixin, Page):
    """One funding round: its budget, what it funds, where, and its dates from opening to decisions.

    Where it stands (upcoming, open, assessing, voting, decided) follows from the dates.
    Assessors score applications against the round's criteria.
    """

    class Stage(models.TextChoices):
        UPCOMING = "upcoming", _("Opening soon")
        OPEN = "open", _("Open for applications")
        ASSESSING = "assessing", _("Applications being assessed")
        VOTING = "voting", _("Open for residents' votes")
        DECIDED = "decided", _("Decisions made")

    budget = models.DecimalField(**MONEY, validators=[MinValueValidator(0)], help_text=_("In pounds"))
    opens_at = models.DateTimeField()
    closes_at = models.DateTimeField()
    voting_opens_at = models.DateTimeField(null=True, blank=True, help_text=_("Leave empty if residents do not vote"))
    voting_closes_at = models.DateTimeField(null=True, blank=True)
    decisions_on = models.DateTimeField(help_text=_("When groups hear the outcome"))
    summary = models.TextField(blank=True, max_length=500)
    eligibility = RichTextField(features=RICH_TEXT_FEATURES, help_text=_("Who may apply and for what"))
    priorities = ParentalManyToManyField("fund.Priority", related_name="rounds")
    places = ParentalManyToManyField(
        "strategy.Place", blank=True, related_name="fund_rounds", help_text=_("Leave empty for the whole district")
    )

    parent_page_types = ["fund.FundPage"]
    subpage_types = ["fund.ProjectPage"]

    base_form_class = SameLocaleChoicesPageForm
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("budget"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldRowPanel([FieldPanel("voting_opens_at"), FieldPanel("voting_closes_at")]),
                FieldPanel("decisions_on"),
            ],
            heading=_("Dates"),
        ),
        FieldPanel("eligibility"),
        MultiFieldPanel([FieldPanel("priorities"), FieldPanel("places")], heading=_("What and where it funds")),
        InlinePanel("criteria", heading=_("Assessment criteria"), label=_("criterion")),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("eligibility")]
    api_fields = [
        APIField("summary"),
        APIField("budget"),
        APIField("opens_at"),
        APIField("closes_at"),
        APIField("voting_opens_at"),
        APIField("voting_closes_at"),
        APIField("decisions_on"),
        APIField("eligibility"),
        APIField("priorities"),
        APIField("places"),
    ]

    def clean(self):
        super().clean()
        errors = {}
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = _("The round must close after it opens.")
        if bool(self.voting_opens_at) != bool(self.voting_closes_at):
            errors["voting_closes_at"] = _("Give both voting dates, or neither.")
        elif self.voting_opens_at:
            if self.closes_at and self.voting_opens_at < self.closes_at:
                errors["voting_opens_at"] = _("Voting opens once the round has closed for applications.")
            elif self.voting_closes_at <= self.voting_opens_at:
                errors["voting_closes_at"] = _("Voting must close after it opens.")
        last = self.voting_closes_at or self.closes_at
        if self.decisions_on and last and self.decisions_on < last:
            errors["decisions_on"] = _("Decisions come after the round (and any vote) has closed.")
        if errors:
            raise ValidationError(errors)

    def stage(self, now=None):
        """Where the round stands at `now` (default: now), from its dates alone."""
        now = now or timezone.now()
        if now < self.opens_at:
            return self.Stage.UPCOMING
        if now < self.closes_at:
            return self.Stage.OPEN
        if now >= self.decisions_on:
            return self.Stage.DECIDED
        if self.voting_opens_at and self.voting_closes_at and self.voting_opens_at <= now < self.voting_closes_at:
            return self.Stage.VOTING
        return self.Stage.ASSESSING

    @property
    def has_vote(self):
        return bool(self.voting_opens_at and self.voting_closes_at)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stage = self.stage()
        projects = list(
            public_pages(ProjectPage.objects.live().child_of(self))
            .select_related("priority")
            .prefetch_related("places")
            .order_by("title")
        )
        context["stage"] = stage
        context["stage_label"] = self.Stage(stage).label
        context["priorities"] = self.priorities.all()
        context["places"] = self.places.all()
        context["funded_projects"] = [project for project in projects if project.is_funded]
        context["shortlisted_projects"] = [project for project in projects if not project.is_funded]
        context["is_decided"] = stage == self.Stage.DECIDED
        if self.has_vote:
            from fund.voting import vote_context

            context.update(vote_context(self, request, stage, projects))
        return context


class AssessmentCriterion(Orderable):
    """A question assessors score every application in the round against, e.g. 'Community benefit'.

    Removing a criterion removes the scores given against it.
    """

    round = ParentalKey(FundRoundPage, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(max_length=200)
    guidance = models.TextField(blank=True, help_text=_("What a high or low score means, for assessors"))
    max_score = models.PositiveSmallIntegerField(default=5, validators=[MinValueValidator(1)])

    panels = [FieldPanel("name"), FieldPanel("guidance"), FieldPanel("max_score")]

    class Meta(Orderable.Meta):
        verbose_name = _("assessment criterion")
        verbose_name_plural = _("assessment criteria")

    def __str__(self):
        return self.name


class ProjectPage(CachedViewRestrictionsMixin, Page):
    """A project a round shortlisted for the residents' vote or funded: its public page.

    Its cost, priority and places are copied from the application when it is shortlisted, so
    the public page (and the ballot) never reads the application, which holds the group's
    personal data. A project is funded once it has a grant amount; a shortlisted project in a
    decided round without one was not funded.
    """

    application = models.OneToOneField(
        "fund.Application",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="project_page",
        help_text=_("The application this project came from (never shown publicly)"),
    )
    summary = models.TextField(max_length=500)
    group_name = models.CharField(max_length=200, blank=True, help_text=_("The community group running it"))
    cost = models.DecimalField(
        **MONEY, validators=[MinValueValidator(0)], help_text=_("What the project asks the fund for, in pounds")
    )
    grant_amount = models.DecimalField(
        **MONEY,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("What the fund awarded; empty while shortlisted or if not funded"),
    )
    priority = models.ForeignKey("fund.Priority", on_delete=models.PROTECT, related_name="projects")
    places = ParentalManyToManyField("strategy.Place", blank=True, related_name="fund_projects")
    workstreams = ParentalManyToManyField("strategy.Workstream", blank=True, related_name="fund_projects")
    pledges = ParentalManyToManyField("pledges.PledgePage", blank=True, related_name="fund_projects")
    body = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    crowdfunding_url = models.URLField(blank=True, help_text=_("The project's crowdfunding page, if it has one"))
    crowdfunding_raised = models.DecimalField(
        **MONEY, default=Decimal("0"), validators=[MinValueValidator(0)], help_text=_("Raised from the public so far")
    )
    match_funding = models.DecimalField(
        **MONEY, default=Decimal("0"), validators=[MinValueValidator(0)], help_text=_("The council's match, in pounds")
    )
    target = models.DecimalField(
        **MONEY,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("The crowdfunding target, in pounds"),
    )

    parent_page_types = ["fund.FundRoundPage"]
    subpage_types = []

    base_form_class = SameLocaleChoicesPageForm
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("group_name"),
        MultiFieldPanel(
            [FieldPanel("cost"), FieldPanel("grant_amount"), FieldPanel("application")], heading=_("The grant")
        ),
        MultiFieldPanel(
            [FieldPanel("priority"), FieldPanel("places"), FieldPanel("workstreams"), FieldPanel("pledges")],
            heading=_("What and where it serves"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("crowdfunding_url"),
                FieldRowPanel([FieldPanel("crowdfunding_raised"), FieldPanel("match_funding"), FieldPanel("target")]),
            ],
            heading=_("Crowdfunding"),
        ),
        InlinePanel("updates", heading=_("Progress updates"), label=_("update")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("group_name"),
        index.FilterField("priority_id"),
    ]
    api_fields = [
        APIField("summary"),
        APIField("group_name"),
        APIField("cost"),
        APIField("grant_amount"),
        APIField("priority"),
        APIField("places"),
        APIField("crowdfunding_url"),
        APIField("crowdfunding_raised"),
        APIField("match_funding"),
        APIField("target"),
        APIField("updates"),
    ]

    @property
    def is_funded(self):
        return self.grant_amount is not None

    @property
    def raised(self):
        """What the crowdfunding has: the public's pledges plus the council's match."""
        return (self.crowdfunding_raised or 0) + (self.match_funding or 0)

    @property
    def progress_percent(self):
        """Raised as a whole percentage of the target, capped at 100 for the bar; None without a target."""
        if not self.target:
            return None
        return min(100, int(100 * self.raised / self.target))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        updates = sorted(self.updates.all(), key=lambda update: (update.date, update.sort_order or 0), reverse=True)
        context["updates"] = updates
        context["spent"] = sum((update.amount_spent for update in updates), Decimal("0"))
        context["round"] = self.get_parent().specific
        context["stories"] = self.published_stories()
        return context

    def published_stories(self):
        # Editors link a story to the projects it is about on the story (StoryPage.projects).
        related = getattr(self, "stories", None)
        if related is None:
            return []
        return public_pages(related.live()).order_by("-first_published_at")


class ProjectUpdate(Orderable):
    """A dated report on a funded project: what happened, and what it spent since the last report."""

    project = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField()
    text = models.TextField(max_length=2000, help_text=_("What happened, in a few plain sentences"))
    amount_spent = models.DecimalField(
        **MONEY,
        default=Decimal("0"),
        validators=[MinValueValidator(0)],
        help_text=_("Spent from the grant since the previous update, in pounds (the fund page adds them up)"),
    )

    panels = [FieldPanel("date"), FieldPanel("text"), FieldPanel("amount_spent")]
    api_fields = [APIField("date"), APIField("text"), APIField("amount_spent")]

    class Meta(Orderable.Meta):
        verbose_name = _("progress update")

    def __str__(self):
        return f"{self.date}: {self.text[:40]}"
