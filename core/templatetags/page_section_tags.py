from django import template
from django.utils.safestring import mark_safe

from core import page_sections as registry

register = template.Library()


@register.simple_tag(takes_context=True)
def page_sections(context, slot, **values):
    """Render every section registered for `slot`, in order, with this context and `values`."""
    engine = context.template.engine
    with context.push(**values):
        return mark_safe("".join(engine.get_template(s.template_name).render(context) for s in registry.sections(slot)))
