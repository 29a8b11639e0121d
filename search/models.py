"""What the search report needs beyond Wagtail's own query log: which queries found nothing."""

from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.search_promotions.models import Query


class NoResultQuery(models.Model):
    """A query that found nothing, how often it was run, and when last (Wagtail's Query counts all hits)."""

    query = models.OneToOneField(Query, on_delete=models.CASCADE, related_name="no_results")
    hits = models.PositiveIntegerField(default=0)
    last_searched_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("query with no results")
        verbose_name_plural = _("queries with no results")
        permissions = [("view_search_report", _("Can see the search report"))]

    def __str__(self):
        return self.query.query_string

    @classmethod
    def record(cls, query):
        cls.objects.bulk_create([cls(query=query)], ignore_conflicts=True)
        cls.objects.filter(query=query).update(hits=F("hits") + 1, last_searched_at=timezone.now())
