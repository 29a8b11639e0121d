from django import template

from consultations.models import ConsultationPage, State

register = template.Library()


@register.inclusion_tag("consultations/includes/open_consultations.html")
def open_consultations(limit=3):
    consultations = ConsultationPage.objects.visible().in_state(State.OPEN).order_by("closes_at")[:limit]
    return {"consultations": list(consultations)}
