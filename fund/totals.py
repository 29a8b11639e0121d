"""The fund page's figures: committed, awarded and spent, by priority, by place and by round.

Committed is the sum of the rounds' budgets, awarded the sum of the funded projects' grants,
spent the sum of the spend their progress updates report. Every figure is a database
aggregate: a fixed number of queries however many rounds, projects and updates there are.

A round may fund several priorities and places, so what is committed is only split by round.
A project working in several places counts in each of them, so the places can add up to more
than the total; the page says so.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum
from django.db.models.functions import Substr
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from core.caching.routing import public_pages
from strategy.models import Place

from .models import FundRoundPage, Priority, ProjectPage, ProjectUpdate

ZERO = Decimal("0")


@dataclass
class Row:
    label: str
    awarded: Decimal = ZERO
    spent: Decimal = ZERO
    committed: Decimal | None = None
    url: str = ""


@dataclass
class FundTotals:
    total_commitment: Decimal
    committed: Decimal
    awarded: Decimal
    spent: Decimal
    by_priority: list
    by_place: list
    by_round: list

    @property
    def not_yet_committed(self):
        return max(self.total_commitment - self.committed, ZERO)

    @property
    def largest(self):
        """The scale every chart shares, so bars compare across charts."""
        return float(max(self.awarded, self.spent, self.committed)) or 1.0


def sums(queryset, key, field):
    """{key value: total of field} in one grouped query."""
    return {
        row[key]: row["total"] or ZERO
        for row in queryset.order_by().values(key).annotate(total=Sum(field)).values(key, "total")
    }


def fund_totals(fund):
    rounds = list(
        public_pages(FundRoundPage.objects.live().child_of(fund))
        .order_by("opens_at")
        .values("pk", "title", "path", "url_path", "budget")
    )
    funded = public_pages(ProjectPage.objects.live().descendant_of(fund)).filter(grant_amount__isnull=False)
    spend = ProjectUpdate.objects.filter(project__in=funded)

    # A project's round is its parent: the first characters of its path.
    round_path_length = len(fund.path) + Page.steplen
    awarded_by_round = sums(
        funded.annotate(round_path=Substr("path", 1, round_path_length)), "round_path", "grant_amount"
    )
    spent_by_round = sums(
        spend.annotate(round_path=Substr("project__path", 1, round_path_length)), "round_path", "amount_spent"
    )
    by_round = [
        Row(
            label=row["title"],
            committed=row["budget"],
            awarded=awarded_by_round.get(row["path"], ZERO),
            spent=spent_by_round.get(row["path"], ZERO),
        )
        for row in rounds
    ]

    awarded_by_priority = sums(funded, "priority", "grant_amount")
    spent_by_priority = sums(spend, "project__priority", "amount_spent")
    priority_ids = set(awarded_by_priority) | set(spent_by_priority)
    priorities = Priority.objects.filter(locale_id=fund.locale_id) | Priority.objects.filter(pk__in=priority_ids)
    by_priority = [
        Row(
            label=priority.short_name or priority.name,
            awarded=awarded_by_priority.get(priority.pk, ZERO),
            spent=spent_by_priority.get(priority.pk, ZERO),
        )
        for priority in priorities.order_by("sort_order", "name")
    ]

    awarded_by_place = sums(funded, "places", "grant_amount")
    spent_by_place = sums(spend, "project__places", "amount_spent")
    place_ids = (set(awarded_by_place) | set(spent_by_place)) - {None}
    by_place = [
        Row(label=place.name, awarded=awarded_by_place.get(place.pk, ZERO), spent=spent_by_place.get(place.pk, ZERO))
        for place in Place.objects.filter(pk__in=place_ids).order_by("name")
    ]
    if None in awarded_by_place or None in spent_by_place:
        by_place.append(
            Row(
                label=str(_("No particular place (district-wide)")),
                awarded=awarded_by_place.get(None, ZERO),
                spent=spent_by_place.get(None, ZERO),
            )
        )

    return FundTotals(
        total_commitment=fund.total_commitment,
        committed=sum((row.committed for row in by_round), ZERO),
        awarded=sum((row.awarded for row in by_round), ZERO),
        spent=sum((row.spent for row in by_round), ZERO),
        by_priority=by_priority,
        by_place=by_place,
        by_round=by_round,
    )
