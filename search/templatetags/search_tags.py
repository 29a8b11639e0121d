from django import template
from django.utils.http import urlencode

register = template.Library()

KEPT = ("q", "type", "theme", "place")


def _params(request, **changes):
    params = {key: request.GET[key] for key in KEPT if request.GET.get(key)}
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    return urlencode(params)


@register.simple_tag(takes_context=True)
def search_querystring(context, page):
    """The current search and filters, on another page of results."""
    return _params(context["request"], page=page)


@register.simple_tag(takes_context=True)
def facet_querystring(context, name, value):
    """The current search with one filter set (or removed, when value is None), back on page 1."""
    return _params(context["request"], **{name: value})


@register.filter
def get_item(mapping, key):
    return mapping.get(key)
