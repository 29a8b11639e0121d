"""Stories of change: the listing, the stories, what community groups send in."""

import secrets
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager, Task, TaskState
from wagtail.query import PageQuerySet
from wagtail.search import index

from core.admin_forms import SameLocaleChoicesPageForm
from core.api_fields import PublicPageLinksField
from core.caching import wagtail_adapter
from core.caching.routing import CachedViewRestrictionsMixin, cached, public_pages
from core.images.renditions import prefetch_renditions
from core.page_privacy import PrivacyByEditorsMixin
from core.pagination import CountedPaginator
from strategy.serializers import PlaceSerializer, ThemeSerializer, WorkstreamSerializer

from .blocks import RippleMapBlock, StoryBodyBlock, walk_ripples
from .exports import EXPORT_COLUMNS
from .filters import StoryFilters
from .ripples import ripple_diagram, ripple_tree

STORIES_PER_PAGE = 12
# Addresses under /stories/ that belong to the app, not to a story.
RESERVED_SLUGS = {"submit", "ripples", "feed", "mine", "preview"}


class StoryIndexPage(CachedViewRestrictionsMixin, PrivacyByEditorsMixin, RoutablePageMixin, Page):
    """The stories of change: a filterable listing, the ripple map, and the community submission form."""

    introduction = models.TextField(blank=True)
    submit_introduction = models.TextField(
        blank=True, help_text="Shown above the form community groups use to send a story"
    )

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.StoryPage"]

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("submit_introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    api_fields = [APIField("introduction")]

    def stories(self):
        return public_pages(StoryPage.objects.live()).descendant_of(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The choices change only when something is published: kept under the cache generation.
        choices = cached(
            f"story-filter-choices:{self.pk}:{translation.get_language()}",
            lambda: StoryFilters.choice_lists(self.stories()),
        )
        filters = StoryFilters(request.GET, choices=choices)
        stories = filters.apply(self.stories().for_listing()).order_by("-featured", "-date", "-pk")
        # Counting thousands of stories is the listing's slowest query, and the total only
        # changes with a publication: kept per filter selection until the next one.
        count = cached(f"story-count:{self.pk}:{filters.querystring()}", stories.count)
        page = CountedPaginator(stories, STORIES_PER_PAGE, count=count).get_page(request.GET.get("page"))
        context.update(filters=filters, stories=page, querystring=filters.querystring())
        context["export_columns"] = EXPORT_COLUMNS
        return context

    def route(self, request, path_components):
        # One query for the story and what its page header shows, instead of Wagtail's
        # generic child look-up followed by a second query for the specific page.
        if len(path_components) == 1 and path_components[0] not in RESERVED_SLUGS:
            story = (
                StoryPage.objects.child_of(self)
                .filter(slug=path_components[0])
                .select_related("place", "lead_image", "locale")
                # Its themes are shown only in parts kept until the next publication.
                .prefetch_related(prefetch_renditions("lead_image", "lead", "share"))
                .first()
            )
            if story is not None:
                wagtail_adapter.remember_parent(story, self)
                return story.route(request, [])
        return super().route(request, path_components)

    @path("")
    def index_route(self, request):
        return self.render(request)

    @path("submit/")
    def submit(self, request):
        from .views import submit_story

        return submit_story(request, self)

    @path("submit/thank-you/<str:reference>/")
    def submitted(self, request, reference):
        from .views import story_submitted

        return story_submitted(request, self, reference)

    @path("ripples/")
    def ripples(self, request):
        from .views import ripple_overview

        return ripple_overview(request, self)


class StoryPageQuerySet(PageQuerySet):
    def for_listing(self):
        """Everything a story card shows, fetched in a fixed number of queries."""
        # A card shows neither the body nor the ripples: not reading them saves decoding
        # two StreamFields per card.
        return (
            self.defer("body", "ripples")
            .select_related("lead_image", "place")
            .prefetch_related(
                "themes",
                prefetch_renditions("lead_image", "card"),
            )
        )


class StoryPageTag(TaggedItemBase):
    content_object = ParentalKey("stories.StoryPage", related_name="tagged_items", on_delete=models.CASCADE)


class StoryPage(CachedViewRestrictionsMixin, PrivacyByEditorsMixin, Page):
    """A story of change, told by the council or a community group, with the ripples it caused."""

    summary = models.TextField(max_length=300, help_text="One or two sentences for listings and search results")
    lead_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lead_image_alt_text = models.CharField(
        max_length=255, blank=True, help_text="What the lead image shows, for people who can't see it"
    )
    body = StreamField(StoryBodyBlock(), blank=True)
    date = models.DateField(default=timezone.localdate, help_text="When it happened, or when it was told")
    told_by = models.CharField(max_length=200, help_text="The community group that told it, or the council")
    place = models.ForeignKey(
        "strategy.Place", null=True, blank=True, on_delete=models.SET_NULL, related_name="stories"
    )
    themes = ParentalManyToManyField("strategy.Theme", blank=True, related_name="stories")
    workstreams = ParentalManyToManyField("strategy.Workstream", blank=True, related_name="stories")
    pledges = ParentalManyToManyField("pledges.PledgePage", blank=True, related_name="evidence_stories")
    projects = ParentalManyToManyField(
        "fund.ProjectPage", blank=True, related_name="stories", help_text="Fund projects this story is about"
    )
    tags = ClusterTaggableManager(through=StoryPageTag, blank=True)
    featured = models.BooleanField(default=False, help_text="Featured stories come first in the listing")
    ripple_centre = models.CharField(
        max_length=255, blank=True, help_text="The activity at the centre of the ripple-effect map"
    )
    ripples = StreamField(RippleMapBlock(), blank=True, help_text="What the activity led to, and what that led to")

    objects = PageManager.from_queryset(StoryPageQuerySet)()

    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []

    base_form_class = SameLocaleChoicesPageForm
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("lead_image"), FieldPanel("lead_image_alt_text")], heading="Lead image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("told_by"), FieldPanel("place"), FieldPanel("featured")],
            heading="Who, where and when",
        ),
        MultiFieldPanel(
            [
                FieldPanel("themes"),
                FieldPanel("workstreams"),
                FieldPanel("pledges"),
                FieldPanel("projects"),
                FieldPanel("tags"),
            ],
            heading="What it serves",
        ),
        MultiFieldPanel([FieldPanel("ripple_centre"), FieldPanel("ripples")], heading="Ripple-effect map"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("told_by"),
        index.FilterField("date"),
        index.RelatedFields("place", [index.SearchField("name")]),
    ]
    # What a partner needs (ids, names and slugs to join on); nothing of who sent it in.
    api_fields = [
        APIField("summary"),
        APIField("date"),
        APIField("told_by"),
        APIField("place", serializer=PlaceSerializer()),
        APIField("themes", serializer=ThemeSerializer(many=True)),
        APIField("workstreams", serializer=WorkstreamSerializer(many=True)),
        APIField("pledges", serializer=PublicPageLinksField()),
        APIField("tags"),
        APIField("lead_image"),
        APIField("lead_image_alt_text"),
        APIField("body"),
    ]

    class Meta:
        indexes = [models.Index(fields=["-featured", "-date"], name="stories_listing_order")]

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("This address is used by the stories section. Choose another.")})
        if self.lead_image_id and not self.lead_image_alt_text:
            raise ValidationError({"lead_image_alt_text": _("Describe the lead image for people who can't see it.")})

    def related_stories(self, limit=3):
        """Other live stories sharing a theme or the place, most recent first."""
        theme_ids = [theme.pk for theme in self.themes.all()]
        shared = models.Q(themes__in=theme_ids)
        if self.place_id:
            shared |= models.Q(place_id=self.place_id)
        matching = StoryPage.objects.filter(shared).values("pk")
        stories = public_pages(StoryPage.objects.live()).exclude(pk=self.pk).filter(pk__in=matching)
        return stories.for_listing().order_by("-date", "-pk")[:limit]

    @cached_property
    def ripple_tree(self):
        return ripple_tree(self.ripples.raw_data, public_pages(StoryPage.objects.live()))

    @cached_property
    def ripple_diagram(self):
        return ripple_diagram(self.ripple_tree)

    @cached_property
    def ripple_count(self):
        return sum(1 for _depth in walk_ripples(self.ripples.raw_data))


class StorySubmission(models.Model):
    """Who sent a community story, and what they agreed to. Never shown on public pages.

    Where the story stands (received, in review, published...) is not stored here: it is
    read from the page's Wagtail workflow and live status, see `stories.states`.
    """

    page = models.OneToOneField(StoryPage, on_delete=models.CASCADE, related_name="submission")
    reference = models.CharField(max_length=20, unique=True)
    form_token = models.UUIDField(unique=True, help_text="One per rendered form: a double submit finds this row")
    group_name = models.CharField(max_length=200)
    contact_name = models.CharField(max_length=200)
    contact_email = models.EmailField()
    consent_to_publish = models.BooleanField()
    people_pictured_agreed = models.BooleanField()
    submitted_revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(auto_now_add=True)
    consent_withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["contact_email"], name="stories_submission_email")]

    def __str__(self):
        return f"{self.reference}: {self.group_name}"

    @staticmethod
    def new_reference():
        # Unambiguous characters only: people read references out on the phone.
        alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
        return "CS-" + "".join(secrets.choice(alphabet) for _ in range(8))


class StoryPreviewLink(models.Model):
    """A private link to one revision of a community story, for its group to check before publication.

    The token is random and unguessable. The link dies when it expires or when a newer
    revision of the story exists, so a group only ever agrees to what it saw.
    """

    LIFETIME = timedelta(days=14)

    submission = models.ForeignKey(StorySubmission, on_delete=models.CASCADE, related_name="preview_links")
    revision = models.ForeignKey("wagtailcore.Revision", on_delete=models.CASCADE, related_name="+")
    task_state = models.ForeignKey(TaskState, null=True, on_delete=models.SET_NULL, related_name="+")
    token = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()

    def __str__(self):
        return f"Preview of {self.submission.reference}, revision {self.revision_id}"

    def save(self, *args, **kwargs):
        if not self.token:
            self.token = secrets.token_urlsafe(32)
        if not self.expires_at:
            self.expires_at = timezone.now() + self.LIFETIME
        super().save(*args, **kwargs)

    def is_usable(self):
        return self.expires_at > timezone.now() and self.revision_id == self.submission.page.latest_revision_id


class UsedSignInLink(models.Model):
    """Sign-in links already used, so each works once."""

    digest = models.CharField(max_length=64, unique=True)
    used_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"Sign-in link used at {self.used_at:%Y-%m-%d %H:%M}"


class GroupAgreementTask(Task):
    """Waits for the community group to agree to the version of its story that will be published.

    If editors have not changed the story since the group sent it, there is nothing to
    agree to and the task passes at once. Otherwise the group gets a private preview link to
    the edited revision, and publication waits until it agrees there.
    """

    def start(self, workflow_state, user=None):
        from .agreement import start_agreement

        task_state = super().start(workflow_state, user=user)
        start_agreement(task_state)
        return task_state

    def get_actions(self, obj, user):
        if obj.permissions_for_user(user).can_edit():
            return [("resend", _("Send the group a preview of the latest version"), False)]
        return []

    def on_action(self, task_state, user, action_name, **kwargs):
        from .agreement import send_preview_link

        if action_name == "resend":
            send_preview_link(task_state, user=user)
        else:
            super().on_action(task_state, user, action_name, **kwargs)

    def user_can_access_editor(self, obj, user):
        return False

    def get_task_states_user_can_moderate(self, user, **kwargs):
        return TaskState.objects.none()

    @classmethod
    def get_description(cls):
        return _("The community group that sent the story agrees to the edited version before it is published")

    class Meta:
        verbose_name = _("community group agreement task")
        verbose_name_plural = _("community group agreement tasks")
