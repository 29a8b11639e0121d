"""What came of a consultation, as data: shared by the read API and the outcomes download.

Editors write the outcome before it is published, so nothing here is given out until the
consultation's own page shows it. Residents' comments never appear, only the counts the
page shows.
"""

from django.utils.translation import gettext_lazy as _

from wagtail.rich_text import expand_db_html

from core.api_fields import public_page_link
from core.site_address import page_url

from .models import ConsultationPage, State
from .results import comment_counts

OUTCOME_COLUMNS = [
    ("id", _("A number that identifies the consultation; it never changes")),
    ("title", _("The consultation's title")),
    ("url", _("The consultation's page on this site")),
    ("opens_at", _("When it opened (UK time, ISO 8601)")),
    ("closes_at", _("When it closed (UK time, ISO 8601)")),
    ("published_at", _("When the outcome was published")),
    ("themes", _("The strategy themes it concerned, separated by semicolons")),
    ("places", _("The towns and parishes it concerned, separated by semicolons")),
    ("responses", _("How many responses counted (confirmed, not rejected)")),
    ("published_comments", _("How many comments are shown on its page")),
    ("comments_that_led_to_change", _("How many published comments were adopted in full or in part")),
    ("what_we_heard", _("What we heard, in the council's words (HTML in JSON, plain text in CSV)")),
    ("decisions", _("The decisions taken (HTML in JSON, plain text in CSV)")),
    ("you_said_we_did", _("You said, we did: what residents said and what the council did, and the pledge it led to")),
]


def published_outcome(consultation, request=None):
    """The outcome fields once the outcome is published, else None."""

    if consultation.state != State.OUTCOME:
        return None
    counts = comment_counts(consultation)
    return {
        "published_at": consultation.outcome_published_at,
        "responses": counts["responses"],
        "published_comments": counts["published"],
        "comments_that_led_to_change": counts["led_to_change"],
        "what_we_heard": expand_db_html(consultation.what_we_heard),
        "decisions": expand_db_html(consultation.decisions),
        "you_said_we_did": [
            {
                "you_said": item.value["you_said"],
                "we_did": item.value["we_did"],
                "pledge": public_page_link(item.value["pledge"], request),
            }
            for item in consultation.you_said_we_did
        ],
    }


def outcome_records(index, request=None):
    """One record per live public consultation under `index` whose outcome is published, newest first."""

    consultations = (
        ConsultationPage.objects.child_of(index)
        .visible()
        .in_state(State.OUTCOME)
        .prefetch_related("themes", "places")
        .order_by("-outcome_published_at", "-pk")
    )
    records = []
    for consultation in consultations:
        records.append(
            {
                "id": consultation.pk,
                "title": consultation.title,
                "url": page_url(consultation, request),
                "opens_at": consultation.opens_at,
                "closes_at": consultation.closes_at,
                "themes": [theme.name for theme in consultation.themes.all()],
                "places": [place.name for place in consultation.places.all()],
                **published_outcome(consultation, request),
            }
        )
    return records
