"""Building following's notification and digest emails: plain text always, HTML beside it.

Every one carries the subscriber's manage link and the RFC 8058 one-click unsubscribe
headers, so a mail program can offer "Unsubscribe" and end everything with one POST.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from core.site_address import absolute_url, site_url

from . import links

# Stand-ins for a subscriber's own links in an email rendered once for many (see Rendered).
MANAGE_MARK = "following-manage-url-8c1f"
UNSUBSCRIBE_MARK = "following-unsubscribe-url-8c1f"


def render(template_prefix, context, manage_url, unsubscribe_url):
    """(subject, text, html) in the active language."""
    context = {**context, "site_url": site_url(), "manage_url": manage_url, "unsubscribe_url": unsubscribe_url}
    subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
    return (
        subject,
        render_to_string(f"{template_prefix}_body.txt", context),
        render_to_string(f"{template_prefix}_body.html", context),
    )


def message(subscriber, subject, text, html, unsubscribe_url):
    headers = {"List-Unsubscribe": f"<{unsubscribe_url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    email = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [subscriber.email], headers=headers)
    email.attach_alternative(html, "text/html")
    return email


def build(template_prefix, context, subscriber):
    """One email to one subscriber, in their language, with their own links."""
    with translation.override(subscriber.language):
        manage_url, unsubscribe_url = links.manage_url(subscriber), links.unsubscribe_url(subscriber)
        return message(subscriber, *render(template_prefix, context, manage_url, unsubscribe_url), unsubscribe_url)


class Rendered:
    """The same email for many subscribers: rendered once per language, their links put in after.

    Rendering three templates per subscriber was most of a batch's time; a signed link holds
    only URL-safe characters, so putting it in place of a mark needs no escaping.
    """

    def __init__(self, template_prefix, context):
        self.template_prefix, self.context, self.by_language = template_prefix, context, {}

    def __call__(self, subscriber):
        with translation.override(subscriber.language):
            language = translation.get_language()
            if language not in self.by_language:
                self.by_language[language] = render(self.template_prefix, self.context, MANAGE_MARK, UNSUBSCRIBE_MARK)
            manage_url, unsubscribe_url = links.manage_url(subscriber), links.unsubscribe_url(subscriber)
        subject, text, html = (
            part.replace(MANAGE_MARK, manage_url).replace(UNSUBSCRIBE_MARK, unsubscribe_url)
            for part in self.by_language[language]
        )
        return message(subscriber, subject, text, html, unsubscribe_url)


def announcement_context(announcement):
    return {
        "title": announcement.title,
        "summary": announcement.summary,
        "url": absolute_url(announcement.url),
        "urgent": announcement.urgent,
    }
