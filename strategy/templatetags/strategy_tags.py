from django import template

from strategy.models import section_anchor as anchor_for

register = template.Library()


@register.simple_tag
def section_anchor(section_value):
    return anchor_for(section_value)
