from django import template

from core.caching.routing import public_pages
from core.images.renditions import prefetch_renditions

from .. import states
from ..blocks import Capital
from ..models import StoryPage

register = template.Library()


@register.filter
def capital_label(value):
    try:
        return Capital(value).label
    except ValueError:
        return value


# Each capital's GOV.UK tag colour; the ripple diagram's nodes use the same colours
# (static/scss/_stories.scss). The tag's text always names the capital.
CAPITAL_TAGS = {
    Capital.NATURAL: "govuk-tag--green",
    Capital.CULTURAL: "govuk-tag--purple",
    Capital.HUMAN: "",
    Capital.SOCIAL: "govuk-tag--teal",
    Capital.POLITICAL: "govuk-tag--red",
    Capital.FINANCIAL: "govuk-tag--orange",
    Capital.BUILT: "govuk-tag--grey",
}


@register.filter
def capital_tag(value):
    """The GOV.UK tag modifier for a community capital."""
    return CAPITAL_TAGS.get(value, "govuk-tag--grey")


# Where a community story stands (stories/states.py) as a GOV.UK tag colour; the tag says it in words.
STATE_TAGS = {
    states.RECEIVED: "",
    states.IN_REVIEW: "govuk-tag--purple",
    states.CHANGES_SUGGESTED: "govuk-tag--yellow",
    states.PUBLISHED: "govuk-tag--green",
    states.DECLINED: "govuk-tag--red",
    states.WITHDRAWN: "govuk-tag--grey",
}


@register.filter
def state_tag(value):
    return STATE_TAGS.get(value, "govuk-tag--grey")


@register.inclusion_tag("stories/includes/latest_stories.html", takes_context=True)
def latest_stories(context, count=3):
    """The newest stories for the home page, featured ones first."""
    # Two queries: the stories with their place and image, and the images' renditions. The
    # home page's budget is tight, so these cards leave out the themes.
    stories = (
        public_pages(StoryPage.objects.live())
        .defer("body", "ripples")
        .select_related("place", "lead_image")
        .prefetch_related(prefetch_renditions("lead_image", "card"))
        .order_by("-featured", "-date", "-pk")[:count]
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
