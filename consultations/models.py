"""Consultation rounds: what the council asks, what residents say, and what came of it."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Value, When
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from rest_framework import serializers

from core.admin_forms import SameLocaleChoicesPageForm
from core.blocks import RICH_TEXT_FEATURES
from core.caching import wagtail_adapter
from core.caching.routing import CachedViewRestrictionsMixin, cached, public_pages
from core.page_privacy import PrivacyByEditorsMixin
from core.pagination import CountedPaginator
from strategy.serializers import PlaceSerializer, ThemeSerializer

from .blocks import YouSaidWeDidStreamBlock
from .serializers import OutcomeField

COMMENTS_PER_PAGE = 50


# The helper modules (dashboard, review, listing, views...) import these models, so the models
# import them inside the methods that use them: importing them here would be circular.
class State(models.TextChoices):
    """Where a consultation is in its life; always derived from its dates, never stored."""

    UPCOMING = "upcoming", _("Upcoming")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed: under consideration")
    OUTCOME = "outcome", _("Outcome published")


def state_at(opens_at, closes_at, outcome_published_at, now):
    if outcome_published_at and outcome_published_at <= now:
        return State.OUTCOME
    if now < opens_at:
        return State.UPCOMING
    if now < closes_at:
        return State.OPEN
    return State.CLOSED


class ConsultationQuerySet(PageQuerySet):
    def with_state(self, now=None):
        """Annotate `state_value` by the same rule as `ConsultationPage.state`.

        The time comes from the application's clock, not the database's, so a page and
        the listing that links to it can never disagree.
        """
        now = now or timezone.now()
        return self.annotate(
            state_value=Case(
                When(outcome_published_at__lte=now, then=Value(State.OUTCOME.value)),
                When(opens_at__gt=now, then=Value(State.UPCOMING.value)),
                When(closes_at__gt=now, then=Value(State.OPEN.value)),
                default=Value(State.CLOSED.value),
                output_field=models.CharField(),
            )
        )

    def in_state(self, state):
        return self.with_state().filter(state_value=state)

    def visible(self):
        """Live and not behind a view restriction, with no query for the restrictions (core/caching/routing.py)."""
        return public_pages(self.live())


ConsultationManager = PageManager.from_queryset(ConsultationQuerySet)


class ConsultationIndexPage(CachedViewRestrictionsMixin, PrivacyByEditorsMixin, Page):
    """/consultations/: every consultation, open ones first, and what came of the closed ones."""

    introduction = models.TextField(blank=True)

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["consultations.ConsultationPage"]

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    api_fields = [APIField("introduction")]

    def route(self, request, path_components):
        # Children are consultations: fetch the specific page in one query, not two.
        if path_components:
            child = ConsultationPage.objects.child_of(self).filter(slug=path_components[0]).first()
            if child is not None:
                wagtail_adapter.remember_parent(child, self)
                return child.route(request, path_components[1:])
        return super().route(request, path_components)

    def breadcrumb_ancestors(self):
        """The home page, already loaded by routing: no query."""
        return [self.get_parent()]

    def get_context(self, request, *args, **kwargs):
        from core.caching.page_cache import skip_page_cache_before

        from .listing import listing_clock, listing_selection
        from .outcome_data import OUTCOME_COLUMNS

        # The stages and cards are computed by {% consultation_listing %}, only when their kept
        # HTML is stale: after a publication, or once a consultation has changed stage.
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        context["listing_epoch"], upcoming = listing_clock(self, now)
        context["listing_selection"] = listing_selection(request.GET)
        context["export_columns"] = OUTCOME_COLUMNS
        skip_page_cache_before(request, [upcoming], now)
        return context


class ConsultationPage(CachedViewRestrictionsMixin, PrivacyByEditorsMixin, RoutablePageMixin, Page):
    """One consultation round: what we ask and why, the comments, and the outcome once decided."""

    class ModerationMode(models.TextChoices):
        PRE = "pre", _("Pre-moderation: a moderator approves each comment before it appears")
        POST = "post", _("Post-moderation: comments appear once confirmed; moderators review afterwards")

    summary = models.TextField(max_length=400, help_text=_("One or two sentences for listings and search results"))
    why = RichTextField(features=RICH_TEXT_FEATURES, verbose_name=_("Why we are consulting"))
    what_will_be_decided = RichTextField(
        features=RICH_TEXT_FEATURES, verbose_name=_("What will be decided, and by whom")
    )
    who_can_take_part = RichTextField(features=RICH_TEXT_FEATURES, verbose_name=_("Who can take part"))
    easy_read_summary = RichTextField(
        features=RICH_TEXT_FEATURES, blank=True, help_text=_("Optional: short sentences and everyday words")
    )
    opens_at = models.DateTimeField(help_text=_("UK time"))
    closes_at = models.DateTimeField(help_text=_("UK time"))
    themes = ParentalManyToManyField("strategy.Theme", blank=True, related_name="consultations")
    places = ParentalManyToManyField("strategy.Place", blank=True, related_name="consultations")
    moderation_mode = models.CharField(max_length=4, choices=ModerationMode.choices, default=ModerationMode.PRE)

    what_we_heard = RichTextField(features=RICH_TEXT_FEATURES, blank=True, verbose_name=_("What we heard"))
    decisions = RichTextField(features=RICH_TEXT_FEATURES, blank=True, verbose_name=_("Decisions taken"))
    you_said_we_did = StreamField(YouSaidWeDidStreamBlock(), blank=True, verbose_name=_("You said, we did"))
    outcome_published_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text=_("When the outcome appears on the site. Leave empty until the outcome is ready."),
    )

    objects = ConsultationManager()

    parent_page_types = ["consultations.ConsultationIndexPage"]
    subpage_types = []

    base_form_class = SameLocaleChoicesPageForm
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")], heading=_("When")),
        FieldPanel("why"),
        FieldPanel("what_will_be_decided"),
        FieldPanel("who_can_take_part"),
        FieldPanel("easy_read_summary"),
        InlinePanel("documents", heading=_("Documents"), label=_("Document")),
        MultiFieldPanel([FieldPanel("themes"), FieldPanel("places")], heading=_("Where and what")),
        InlinePanel("questions", heading=_("Questions"), label=_("Question")),
        FieldPanel("moderation_mode"),
        MultiFieldPanel(
            [
                FieldPanel("what_we_heard"),
                FieldPanel("decisions"),
                FieldPanel("you_said_we_did"),
                FieldPanel("outcome_published_at"),
            ],
            heading=_("Outcome"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("why"),
        index.SearchField("what_will_be_decided"),
        index.SearchField("what_we_heard"),
        index.SearchField("decisions"),
        index.FilterField("opens_at"),
        index.FilterField("closes_at"),
    ]
    # The outcome is one field, empty until published (see consultations.serializers).
    api_fields = [
        APIField("summary"),
        APIField("state", serializer=serializers.CharField()),
        APIField("state_label", serializer=serializers.CharField()),
        APIField("opens_at"),
        APIField("closes_at"),
        APIField("why"),
        APIField("what_will_be_decided"),
        APIField("who_can_take_part"),
        APIField("easy_read_summary"),
        APIField("themes", serializer=ThemeSerializer(many=True)),
        APIField("places", serializer=PlaceSerializer(many=True)),
        APIField("documents"),
        APIField("questions"),
        APIField("outcome", serializer=OutcomeField()),
    ]

    class Meta:
        verbose_name = _("consultation")

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The closing time must be after the opening time.")})
        if self.outcome_published_at and self.closes_at and self.outcome_published_at < self.closes_at:
            raise ValidationError({"outcome_published_at": _("An outcome can only be published after closing.")})

    # State --------------------------------------------------------------------------------
    @property
    def state(self):
        return state_at(self.opens_at, self.closes_at, self.outcome_published_at, timezone.now())

    @property
    def state_label(self):
        return State(self.state).label

    @property
    def is_open(self):
        return self.state == State.OPEN

    @property
    def outcome_is_published(self):
        return self.state == State.OUTCOME

    # Comments -----------------------------------------------------------------------------
    def published_comments(self):
        return self.comments.published().select_related("outcome_pledge").order_by("confirmed_at", "pk")

    def breadcrumb_ancestors(self):
        """Home and the index, from the parents routing already loaded (no query when served)."""
        index_page = self.get_parent()
        return [index_page.get_parent(), index_page]

    def get_context(self, request, *args, **kwargs):
        from .caching import skip_cache_near_a_change
        from .forms import CommentForm
        from .page_labels import page_labels
        from .results import comment_counts, results_for

        context = super().get_context(request, *args, **kwargs)
        state = self.state
        context["state"] = state
        skip_cache_near_a_change(request, [self])
        context["tags"], context["documents"] = page_labels(self)
        context["breadcrumb_ancestors"] = self.breadcrumb_ancestors()
        questions = list(self.questions.all()) if state in (State.OPEN, State.OUTCOME) else []
        # Any comment saved (sent, confirmed, moderated) starts a new cache generation.
        counts = cached(
            f"comment-counts:{self.pk}:{state}",
            lambda: comment_counts(self, questions if state == State.OUTCOME else []),
        )
        paginator = CountedPaginator(self.published_comments(), COMMENTS_PER_PAGE, count=counts["published"])
        context["comments"] = paginator.get_page(request.GET.get("page"))
        if state == State.OPEN and "form" not in context:
            context["form"] = CommentForm(self, questions=questions)
        if state == State.OUTCOME:
            context["results"] = results_for(self, questions, counts)
            context["outcome_counts"] = counts
        return context

    @path("comment/", name="comment")
    def comment(self, request):
        from .views import submit_comment

        if request.method != "POST":
            return redirect(self.url + "#comment-form")
        return submit_comment(request, self)

    @path("comment/sent/", name="comment_sent")
    def comment_sent(self, request):
        return TemplateResponse(request, "consultations/comment_sent.html", {"page": self})

    @path("comments/<int:comment_id>/report/", name="report")
    def report(self, request, comment_id):
        from .views import report_comment

        return report_comment(request, self, comment_id)


class ConsultationDocument(Orderable):
    page = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=200, blank=True, help_text=_("Leave empty to use the document's own title"))

    panels = [FieldPanel("document"), FieldPanel("title")]
    api_fields = [APIField("title", serializer=serializers.CharField(source="display_title")), APIField("document")]

    @property
    def display_title(self):
        return self.title or self.document.title


class ConsultationQuestion(Orderable):
    """A structured question asked alongside the open comment."""

    class Kind(models.TextChoices):
        TEXT = "text", _("Free text")
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")

    page = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="questions")
    question = models.CharField(max_length=300)
    help_text = models.CharField(max_length=300, blank=True)
    kind = models.CharField(max_length=8, choices=Kind.choices, default=Kind.TEXT)
    choices = models.TextField(blank=True, help_text=_("For choice questions: one choice per line"))
    required = models.BooleanField(default=False)

    panels = [
        FieldPanel("question"),
        FieldPanel("help_text"),
        FieldPanel("kind"),
        FieldPanel("choices"),
        FieldPanel("required"),
    ]
    api_fields = [
        APIField("question"),
        APIField("help_text"),
        APIField("kind"),
        APIField("choices", serializer=serializers.ListField(source="choice_list")),
        APIField("required"),
    ]

    def __str__(self):
        return self.question

    @property
    def choice_list(self):
        return [line.strip() for line in self.choices.splitlines() if line.strip()]

    @property
    def is_choice(self):
        return self.kind in {self.Kind.SINGLE, self.Kind.MULTIPLE}


class CommentQuerySet(models.QuerySet):
    def published(self):
        return self.filter(confirmed_at__isnull=False, moderation_state=Comment.ModerationState.APPROVED)

    def counted(self):
        """Responses that count in the results: confirmed and not rejected."""
        return self.filter(confirmed_at__isnull=False).exclude(moderation_state=Comment.ModerationState.REJECTED)

    def reported(self):
        return self.filter(report_count__gt=0)

    def hidden_by_reports_first(self):
        """The moderation queue's order: comments that reports took off the page lead, then newest.

        Only published comments can be reported, so a pending comment with reports is one
        that residents' reports hid (submissions.report_comment).
        """
        hidden = models.Q(moderation_state=Comment.ModerationState.PENDING, report_count__gt=0)
        return self.alias(
            hidden_by_reports=Case(When(hidden, then=Value(1)), default=Value(0), output_field=models.IntegerField())
        ).order_by("-hidden_by_reports", "-created_at")


class Comment(models.Model):
    """A resident's response to a consultation: their comment and their answers.

    Comments are not pages, so their moderation state is their own data: pending until a
    moderator approves (or, under post-moderation, until the email is confirmed).
    """

    class ModerationState(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    class RejectionReason(models.TextChoices):
        """The house rules, as moderators cite them."""

        OFF_TOPIC = "off_topic", _("Not about this consultation")
        ABUSIVE = "abusive", _("Abusive, offensive or discriminatory")
        PERSONAL = "personal", _("Includes someone's personal information")
        ADVERTISING = "advertising", _("Advertising or spam")
        DUPLICATE = "duplicate", _("Duplicate of another comment")
        UNLAWFUL = "unlawful", _("Could break the law, for example defamation")

    class Outcome(models.TextChoices):
        ADOPTED = "adopted", _("Adopted")
        PARTLY = "partly", _("Partly adopted")
        NOT_ADOPTED = "not_adopted", _("Not adopted")
        OUT_OF_SCOPE = "out_of_scope", _("Out of scope")

    CHANGE_OUTCOMES = (Outcome.ADOPTED, Outcome.PARTLY)

    consultation = models.ForeignKey(ConsultationPage, on_delete=models.CASCADE, related_name="comments")
    display_name = models.CharField(max_length=80)
    email = models.EmailField(max_length=254)
    postcode = models.CharField(max_length=10, blank=True)
    text = models.TextField(max_length=3000)
    privacy_agreed = models.BooleanField(default=False)
    notify_outcome = models.BooleanField(default=False, verbose_name=_("Wants the outcome by email"))
    form_token = models.UUIDField(unique=True)
    confirmation_token = models.CharField(max_length=64, unique=True, default="")
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    moderation_state = models.CharField(max_length=10, choices=ModerationState.choices, default=ModerationState.PENDING)
    rejection_reason = models.CharField(max_length=20, choices=RejectionReason.choices, blank=True)
    moderated_at = models.DateTimeField(null=True, blank=True)
    report_count = models.PositiveIntegerField(default=0, help_text=_("Reports since a moderator last reviewed it"))

    council_reply = models.TextField(
        blank=True, max_length=3000, help_text=_("Shown under the comment as the council's reply")
    )
    council_reply_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    council_reply_at = models.DateTimeField(null=True, blank=True)

    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    outcome_reason = models.CharField(max_length=500, blank=True)
    outcome_pledge = models.ForeignKey(
        "pledges.PledgePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    outcome_emailed_at = models.DateTimeField(null=True, blank=True)
    personal_data_purged_at = models.DateTimeField(null=True, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("comment")
        # The residents' data tool's permission is core's (core.manage_personal_data).
        permissions = [("export_responses", "Can export consultation responses with personal data")]
        indexes = [models.Index(fields=["consultation", "moderation_state", "confirmed_at"])]

    def __str__(self):
        return f"{self.display_name}: {self.text[:60]}"

    def save(self, *args, **kwargs):
        if not self.confirmation_token:
            self.confirmation_token = secrets.token_urlsafe(32)
        super().save(*args, **kwargs)

    @property
    def is_published(self):
        return self.confirmed_at is not None and self.moderation_state == self.ModerationState.APPROVED

    @cached_property
    def led_to_change(self):
        return self.outcome in self.CHANGE_OUTCOMES


class Answer(models.Model):
    """One answer to one question; a multiple-choice question has one row per ticked choice."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(ConsultationQuestion, on_delete=models.CASCADE, related_name="answers")
    value = models.TextField(max_length=3000)

    def __str__(self):
        return self.value[:60]


class CommentReport(models.Model):
    """A resident's report of a published comment. The reporter is a keyed hash, never an address."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    reporter_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)
    reviewed = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["comment", "reporter_hash"], name="one_report_per_reporter")]

    def __str__(self):
        return f"Report on comment {self.comment_id}"
