"""The strategy's shared vocabulary, managed in the admin under one 'Strategy' menu."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import CommunityAsset, Place, SurveyFigure, Theme, Workstream


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "short_name", "locale"]
    search_fields = ["name"]


class WorkstreamViewSet(SnippetViewSet):
    model = Workstream
    icon = "list-ul"
    list_display = ["title", "theme", "locale"]
    list_filter = ["theme", "locale"]
    search_fields = ["title"]


class PlaceViewSet(SnippetViewSet):
    model = Place
    icon = "site"
    list_display = ["name", "kind", "locale"]
    list_filter = ["kind", "locale"]
    search_fields = ["name"]


class SurveyFigureViewSet(SnippetViewSet):
    model = SurveyFigure
    icon = "table"
    list_display = ["statement", "value", "section", "theme"]
    list_filter = ["section", "theme"]


class CommunityAssetViewSet(SnippetViewSet):
    model = CommunityAsset
    icon = "home"
    list_display = ["figure", "description"]


class StrategyViewSetGroup(SnippetViewSetGroup):
    menu_label = "Strategy"
    menu_icon = "doc-full"
    menu_order = 200
    items = (ThemeViewSet, WorkstreamViewSet, PlaceViewSet, SurveyFigureViewSet, CommunityAssetViewSet)


register_snippet(StrategyViewSetGroup)
