"""Django form fields in GOV.UK Frontend markup: the widget's class, hint and error links.

Every public form renders through templates/includes/field.html, which asks these tags what
kind of GOV.UK component a field is and renders its widget with the component's classes.
"""

import copy

from django import forms, template

register = template.Library()

INPUT_CLASSES = {
    "textarea": "govuk-textarea",
    "select": "govuk-select",
    "file": "govuk-file-upload",
    "input": "govuk-input",
}


@register.filter
def govuk_kind(field):
    """Which GOV.UK component a bound field is: checkbox, checkboxes, radios, textarea, select, file or input."""
    widget = field.field.widget
    # Checkboxes first: Django's CheckboxSelectMultiple is a subclass of RadioSelect.
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.FileInput):
        return "file"
    return "input"


def described_by(field):
    ids = [f"{field.auto_id}-hint"] if field.help_text else []
    if field.errors:
        ids.append(f"{field.auto_id}-error")
    return " ".join(ids)


@register.simple_tag
def govuk_widget(field):
    """The field's widget with its GOV.UK class (and error modifier) and aria-describedby."""
    kind = govuk_kind(field)
    css_class = INPUT_CLASSES.get(kind, "govuk-input")
    widget = field.field.widget
    classes = [widget.attrs.get("class", ""), css_class]
    if field.errors:
        classes.append(f"{css_class}--error")
    attrs = {"class": " ".join(c for c in classes if c)}
    if described_by(field):
        attrs["aria-describedby"] = described_by(field)
    if kind == "textarea" and "maxlength" in widget.attrs:
        # The character count says how many are left; the browser must not cut off what
        # someone pastes in, or they lose text without knowing. The form still checks the length.
        widget = copy.deepcopy(widget)
        del widget.attrs["maxlength"]
        attrs["class"] += " govuk-js-character-count"
    return field.as_widget(widget=widget, attrs=attrs)


@register.filter
def govuk_describedby(field):
    return described_by(field)


@register.filter
def govuk_error_target(field):
    """Where an error summary link goes: the field, or the first option of a set of radios or checkboxes."""
    if govuk_kind(field) in {"radios", "checkboxes"}:
        return f"{field.auto_id}_0"
    return field.auto_id
