from django import template

from consultations.caching import skip_cache_near_a_change
from consultations.listing import consultation_listing as listing_context
from consultations.models import ConsultationPage, State

register = template.Library()


@register.inclusion_tag("consultations/includes/open_consultations.html", takes_context=True)
def open_consultations(context, limit=3):
    """The home page's "Have your say": what is open now, and what opens next.

    One query: the consultations open or still to open are few at any time.
    """
    current = list(
        ConsultationPage.objects.visible()
        .with_state()
        .filter(state_value__in=[State.OPEN, State.UPCOMING])
        .order_by("closes_at", "pk")
    )
    open_now = [page for page in current if page.state_value == State.OPEN][:limit]
    upcoming = sorted((page for page in current if page.state_value == State.UPCOMING), key=lambda page: page.opens_at)
    upcoming = upcoming[:limit]
    # The soonest closing or opening is the next change to these lists.
    skip_cache_near_a_change(context.get("request"), open_now + upcoming)
    # The request goes along so {% pageurl %} reads the site's root paths once per request.
    return {"request": context.get("request"), "consultations": open_now, "upcoming": upcoming}


@register.inclusion_tag("consultations/includes/consultation_listing.html", takes_context=True)
def consultation_listing(context):
    """The index's filters and stages: computed only when their kept HTML is stale."""
    request, page = context["request"], context["page"]
    return {"request": request, "page": page, **listing_context(page, request.GET)}


@register.filter
def answer_rows(question):
    """A choice question's results as {% bar_chart %} rows: (answer, per cent, "67%")."""
    return [(option["choice"], option["percent"], f"{option['percent']}%") for option in question["options"]]
