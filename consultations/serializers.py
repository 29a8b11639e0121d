"""A consultation's outcome in the read API: grouped in one field, null until published."""

from rest_framework import serializers


class OutcomeField(serializers.Field):
    """ "What we heard / what we did" once the outcome is published, else null."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, consultation):
        from .outcome_data import published_outcome  # outcome_data imports the models, which import this module

        outcome = published_outcome(consultation, self.context.get("request"))
        if outcome is not None:
            outcome["published_at"] = outcome["published_at"].isoformat()
        return outcome
