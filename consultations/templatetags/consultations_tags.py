from django import template

from consultations.caching import skip_cache_near_a_change
from consultations.models import ConsultationPage, State

register = template.Library()


@register.inclusion_tag("consultations/includes/open_consultations.html", takes_context=True)
def open_consultations(context, limit=3):
    consultations = list(ConsultationPage.objects.visible().in_state(State.OPEN).order_by("closes_at")[:limit])
    # The soonest closing is the next change to this list (a new opening is not seen here;
    # the cache's lifetime bounds that delay).
    skip_cache_near_a_change(context.get("request"), consultations)
    # The request goes along so {% pageurl %} reads the site's root paths once per request.
    return {"request": context.get("request"), "consultations": consultations}
