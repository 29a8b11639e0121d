"""A consultation in the read API: its stage, and its outcome only once published.

The outcome fields are written before publication (editors prepare "what we heard" while the
consultation is closed), so they are grouped in one `outcome` that stays empty until the
page itself shows them. Residents' comments never appear: only the counts the page shows.
"""

from wagtail.rich_text import expand_db_html

from rest_framework import serializers

from home.serializers import public_page_link


class OutcomeField(serializers.Field):
    """ "What we heard / what we did" once the outcome is published, else null."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, consultation):
        from .models import State
        from .results import comment_counts

        if consultation.state != State.OUTCOME:
            return None
        request = self.context.get("request")
        counts = comment_counts(consultation)
        return {
            "published_at": consultation.outcome_published_at.isoformat(),
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
            "responses": counts["responses"],
            "published_comments": counts["published"],
            "comments_that_led_to_change": counts["led_to_change"],
        }
