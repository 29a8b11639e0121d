"""How the strategy's themes, workstreams and places appear in the read API.

Wagtail's API shows a related snippet as just its id and type; a partner joining our data
to theirs needs the name and slug too, so pages' `api_fields` use these serializers.
"""

from rest_framework import serializers

from .models import Place, Theme, Workstream


class ThemeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Theme
        fields = ["id", "name", "slug"]


class WorkstreamSerializer(serializers.ModelSerializer):
    class Meta:
        model = Workstream
        fields = ["id", "title", "slug"]


class PlaceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Place
        fields = ["id", "name", "slug", "kind"]
