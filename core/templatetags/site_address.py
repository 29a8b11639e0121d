"""{% absolute_url path %}: a path as an absolute URL on the site's public address (SITE_URL)."""

from django import template

import core.site_address as site_address

register = template.Library()


@register.simple_tag
def absolute_url(url):
    return site_address.absolute_url(url)
