"""Council pledges: commitments under the three themes, tracked over the strategy's life."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index


class PledgeIndexPage(Page):
    """The accountability dashboard: every pledge, grouped by theme, with its progress."""

    introduction = models.TextField(blank=True)

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["pledges.PledgePage"]

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    api_fields = [APIField("introduction")]


class PledgePage(Page):
    """One commitment the council made, in plain words, with who leads it and by when."""

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

    parent_page_types = ["pledges.PledgeIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("commitment"),
        MultiFieldPanel(
            [FieldPanel("theme"), FieldPanel("workstreams"), FieldPanel("investment_priority")],
            heading="What it serves",
        ),
        MultiFieldPanel([FieldPanel("lead"), FieldPanel("target_date")], heading="Who and when"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("commitment"),
        index.SearchField("lead"),
        index.FilterField("theme_id"),
        index.RelatedFields("theme", [index.SearchField("name")]),
    ]
    api_fields = [
        APIField("commitment"),
        APIField("theme"),
        APIField("workstreams"),
        APIField("investment_priority"),
        APIField("lead"),
        APIField("target_date"),
    ]
