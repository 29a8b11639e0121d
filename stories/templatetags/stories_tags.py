from django import template

from core.caching.routing import public_pages

from ..blocks import Capital
from ..models import StoryPage

register = template.Library()


@register.filter
def capital_label(value):
    try:
        return Capital(value).label
    except ValueError:
        return value


@register.inclusion_tag("stories/includes/latest_stories.html", takes_context=True)
def latest_stories(context, count=3):
    """The newest stories for the home page, featured ones first."""
    # One query: the home page has a tight query budget, so these cards are text only.
    stories = (
        public_pages(StoryPage.objects.live()).select_related("place").order_by("-featured", "-date", "-pk")[:count]
    )
    return {"request": context.get("request"), "stories": stories}


@register.inclusion_tag("stories/includes/theme_stories.html", takes_context=True)
def theme_stories(context, theme, count=3):
    """Stories serving one theme, for its theme page."""
    stories = (
        public_pages(StoryPage.objects.live())
        .filter(themes=theme)
        .for_listing()
        .order_by("-featured", "-date", "-pk")[:count]
    )
    return {"request": context.get("request"), "stories": stories, "theme": theme}
