from django import template
from django.utils.html import format_html

from ..structured_data import as_script_content, event_data

register = template.Library()


@register.simple_tag(takes_context=True)
def event_json_ld(context, event):
    """The event as schema.org JSON-LD. A data block, not a script: the Content-Security-Policy
    (script-src 'self') governs scripts a browser runs, and a browser never runs this one."""
    return format_html(
        '<script type="application/ld+json">{}</script>', as_script_content(event_data(event, context.get("request")))
    )
