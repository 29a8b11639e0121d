"""Sections an app adds to another app's page, without that page naming the app.

The home page shows the newest stories, the open consultations and the pledges' progress; a
theme page shows its pledges and stories. Those apps sit above home and strategy in the
layers (pyproject.toml), so the pages cannot name them, not even in a template: each app
registers its sections for a slot from its AppConfig.ready, and the page renders
`{% page_sections "slot" %}`: every registered template, in order, with the page's context.
"""

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Section:
    order: int
    template_name: str


_slots: dict[str, list[Section]] = {}


def register(slot, template_name, order):
    """Add a template to a slot; registering the same template again changes nothing."""
    sections = _slots.setdefault(slot, [])
    if any(section.template_name == template_name for section in sections):
        return
    sections.append(Section(order, template_name))
    sections.sort()


def sections(slot):
    return list(_slots.get(slot, ()))
