"""`{% follow_link kind key %}`: a "Get emails about this …" link to the follow form, for any app's page.

No query: the form looks the thing up when it is opened, so a page keeps its query budget.
"""

from urllib.parse import urlencode

from django import template
from django.template.loader import render_to_string
from django.urls import reverse

from following.kinds import get_kind

register = template.Library()


@register.simple_tag
def follow_link(kind, key):
    registered = get_kind(kind)
    if registered is None or key in (None, ""):
        return ""
    url = reverse("following:follow") + "?" + urlencode({"kind": kind, "key": key})
    return render_to_string("following/follow_link.html", {"url": url, "text": registered.link_text})
