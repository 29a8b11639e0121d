from django import template
from django.template.loader import render_to_string
from django.utils.translation import gettext

from strategy.models import section_anchor as anchor_for

register = template.Library()

# The shared blocks (core/blocks.py) drawn in the strategy's own GOV.UK markup, so a heading
# or callout inside a chapter can carry the id its "On this page" link points to.
STRATEGY_TEMPLATES = {
    "subheading": "strategy/blocks/subheading_block.html",
    "paragraph": "strategy/blocks/paragraph_block.html",
    "quote": "strategy/blocks/quote_block.html",
    "callout": "strategy/blocks/callout_block.html",
}


@register.simple_tag
def section_anchor(section_value):
    return anchor_for(section_value)


@register.simple_tag(takes_context=True)
def strategy_block(context, block, chapter):
    """One block of a chapter, with `heading_id` set when the chapter's outline links to it."""
    heading_ids = {block_id: heading_id for _text, heading_id, block_id in chapter.outline}
    block_context = context.flatten()
    block_context.update(heading_id=heading_ids.get(block.id, ""))
    template_name = STRATEGY_TEMPLATES.get(block.block_type)
    if template_name:
        block_context.update(value=block.value, self=block.value)
        return render_to_string(template_name, block_context)
    return block.block.render(block.value, context=block_context)


@register.simple_tag
def survey_rows(figures):
    """(label, value, display) for {% bar_chart %}: each survey figure, its "However, …" figure in its label."""
    rows = []
    for figure in figures:
        label = figure.statement
        if figure.counterpoint_statement:
            however = gettext("However, %(value)s%% %(statement)s.") % {
                "value": figure.counterpoint_value,
                "statement": figure.counterpoint_statement,
            }
            label = f"{label}. {however}"
        rows.append((label, figure.value, f"{figure.value}%"))
    return rows
