"""Build the strategy's real content from strategy/data/strategy.json (home/loader.py builds the site around it).

Safe to run any number of times: what exists is left as it is (editors may have
changed it since), what is missing is created. A second run changes nothing.
"""

import json
from datetime import date
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from wagtail.models import Locale

from core.blocks import with_block_ids

from .models import CommunityAsset, Partnership, Place, StrategyPage, SurveyFigure, Theme, ThemePage, Workstream

STRATEGY_DATA = Path(__file__).resolve().parent / "data" / "strategy.json"


def read_data(path=STRATEGY_DATA):
    return json.loads(path.read_text(encoding="utf-8"))


def add_child_once(parent, page):
    """Publish `page` under `parent` unless a page with its slug is already there."""
    existing = parent.get_children().filter(slug=page.slug).first()
    if existing:
        return existing.specific
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@transaction.atomic
def load_strategy(parent, data=None):
    """The strategy's vocabulary (themes, places, figures, assets), its page and theme pages under `parent`."""
    data = data or read_data()
    locale = Locale.get_default()
    themes = load_themes(data["themes"], locale)
    load_places(data["places"], locale)
    load_survey_figures(data["survey_figures"], themes, locale)
    load_community_assets(data["community_assets"], locale)
    strategy_page = ensure_strategy_page(parent, data)
    for theme in themes.values():
        add_child_once(strategy_page, ThemePage(title=theme.name, slug=theme.slug, theme=theme, locale=locale))
    return strategy_page


def load_themes(theme_data, locale):
    themes = {}
    for order, item in enumerate(theme_data):
        theme, created = Theme.objects.get_or_create(
            slug=item["slug"],
            locale=locale,
            defaults={
                "name": item["name"],
                "short_name": item["short_name"],
                "summary": item["summary"],
                "sort_order": order,
            },
        )
        if created:
            for position, name in enumerate(item["partnerships"]):
                Partnership.objects.create(theme=theme, name=name, sort_order=position)
        for position, title in enumerate(item["workstreams"]):
            Workstream.objects.get_or_create(
                slug=slugify_limited(title),
                locale=locale,
                defaults={"theme": theme, "title": title, "sort_order": position},
            )
        themes[theme.slug] = theme
    return themes


def slugify_limited(text, length=80):
    return slugify(text)[:length].rstrip("-")


def load_places(place_data, locale):
    for item in place_data:
        centre = {"latitude": item.get("latitude"), "longitude": item.get("longitude")}
        place, created = Place.objects.get_or_create(
            slug=item["slug"], locale=locale, defaults={"name": item["name"], "kind": item["kind"], **centre}
        )
        if not created and place.latitude is None and place.longitude is None and centre["latitude"]:
            # Places made before they had a centre get one; a centre an editor set stays.
            Place.objects.filter(pk=place.pk).update(**centre)


def load_survey_figures(figure_data, themes, locale):
    for order, item in enumerate(figure_data):
        SurveyFigure.objects.get_or_create(
            section=item["section"],
            statement=item["statement"],
            locale=locale,
            defaults={
                "theme": themes.get(item["theme"]) if item["theme"] else None,
                "value": item["value"],
                "counterpoint_value": item.get("counterpoint_value"),
                "counterpoint_statement": item.get("counterpoint_statement") or "",
                "sort_order": order,
            },
        )


def load_community_assets(asset_data, locale):
    for order, item in enumerate(asset_data):
        CommunityAsset.objects.get_or_create(
            description=item["description"],
            locale=locale,
            defaults={"figure": item["figure"], "sort_order": order},
        )


def strategy_body(sections):
    """The JSON sections as StreamField data."""
    body = []
    for section in sections:
        content = []
        for block in section["blocks"]:
            content.append({"type": block["type"], "value": block["value"]})
        body.append(
            {
                "type": "section",
                "value": {"heading": section["heading"], "anchor": section["anchor"], "content": content},
            }
        )
    return json.dumps(with_block_ids(StrategyPage.body.field.stream_block, body))


def ensure_strategy_page(home, data):
    council = data["council"]
    strategy = data["strategy"]
    return add_child_once(
        home,
        StrategyPage(
            title=strategy["title"],
            slug="strategy",
            introduction=strategy["introduction"],
            period_start=date.fromisoformat(council["period_start"]),
            period_end=date.fromisoformat(council["period_end"]),
            body=strategy_body(strategy["sections"]),
            search_description=strategy["introduction"][:300],
        ),
    )
