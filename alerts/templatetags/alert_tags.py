from django import template

from alerts.banner import showing_alerts

register = template.Library()


@register.simple_tag
def current_alerts():
    return showing_alerts()
