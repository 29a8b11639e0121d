from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import TranslatableMixin
from wagtail.search import index

from strategy.models import LocalizedQuerySet


class Priority(TranslatableMixin, index.Indexed, models.Model):
    """One of the fund's investment priorities (Places, People, The social sector).

    Rounds say which priorities they fund; each application and project serves one.
    Translated with wagtail-localize like the strategy's themes.
    """

    name = models.CharField(
        max_length=100, help_text=_("e.g. 'Places: empowerment and investment for local communities'")
    )
    short_name = models.CharField(max_length=40, help_text=_("For tags, filters and charts, e.g. 'Places'"))
    slug = models.SlugField(max_length=100)
    description = models.TextField(blank=True, help_text=_("What the fund will do under this priority"))
    sort_order = models.PositiveSmallIntegerField(default=0)

    objects = LocalizedQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("description"), index.FilterField("locale_id")]
    api_fields = [APIField("name"), APIField("short_name"), APIField("slug"), APIField("description")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]
        verbose_name = _("investment priority")
        verbose_name_plural = _("investment priorities")

    def __str__(self):
        return self.name
