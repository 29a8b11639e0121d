"""The /consultations/ listing: consultations grouped by state, filtered by GET, no JavaScript.

The listing's query budget is tight (Wagtail's own serving takes most of it), so themes and
places are read together in one UNION query, both for the filter choices and for the cards.
"""

from django import forms
from django.db.models import F, IntegerField, Value
from django.utils.translation import gettext_lazy as _

from strategy.models import Place, Theme

from .models import ConsultationPage, State

GROUP_ORDER = [State.OPEN, State.UPCOMING, State.CLOSED, State.OUTCOME]


def vocabulary_choices():
    """(theme choices, place choices) in the visitor's language, from one query."""
    themes = (
        Theme.objects.for_active_locale()
        .order_by()
        .annotate(vocabulary=Value("theme"), position=F("sort_order"))
        .values_list("vocabulary", "slug", "name", "position")
    )
    places = (
        Place.objects.for_active_locale()
        .order_by()
        .annotate(vocabulary=Value("place"), position=Value(0, output_field=IntegerField()))
        .values_list("vocabulary", "slug", "name", "position")
    )
    rows = sorted(themes.union(places, all=True), key=lambda row: (row[3], row[2]))
    return (
        [(slug, name) for vocabulary, slug, name, _position in rows if vocabulary == "theme"],
        [(slug, name) for vocabulary, slug, name, _position in rows if vocabulary == "place"],
    )


def tags_by_consultation(page_ids):
    """{page id: [theme short names..., place names...]} for the cards, in one query."""
    theme_through = ConsultationPage.themes.through
    place_through = ConsultationPage.places.through
    themes = (
        theme_through.objects.filter(consultationpage_id__in=page_ids)
        .order_by()
        .annotate(label=F("theme__short_name"), vocabulary=Value(0, output_field=IntegerField()))
        .values_list("consultationpage_id", "vocabulary", "label")
    )
    places = (
        place_through.objects.filter(consultationpage_id__in=page_ids)
        .order_by()
        .annotate(label=F("place__name"), vocabulary=Value(1, output_field=IntegerField()))
        .values_list("consultationpage_id", "vocabulary", "label")
    )
    tags = {}
    for page_id, _vocabulary, label in sorted(themes.union(places, all=True), key=lambda row: (row[1], row[2])):
        tags.setdefault(page_id, []).append(label)
    return tags


class ConsultationFilterForm(forms.Form):
    state = forms.ChoiceField(label=_("Stage"), required=False, choices=[("", _("Any stage")), *State.choices])
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    place = forms.ChoiceField(label=_("Place"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        themes, places = vocabulary_choices()
        self.fields["theme"].choices = [("", _("All themes")), *themes]
        self.fields["place"].choices = [("", _("All places")), *places]


def consultation_listing(index_page, params):
    form = ConsultationFilterForm(params or None)
    consultations = ConsultationPage.objects.visible().child_of(index_page).with_state().order_by("closes_at")
    if form.is_valid():
        if form.cleaned_data["state"]:
            consultations = consultations.filter(state_value=form.cleaned_data["state"])
        if form.cleaned_data["theme"]:
            consultations = consultations.filter(themes__slug=form.cleaned_data["theme"])
        if form.cleaned_data["place"]:
            consultations = consultations.filter(places__slug=form.cleaned_data["place"])
    consultations = list(consultations.distinct())
    tags = tags_by_consultation([c.pk for c in consultations]) if consultations else {}
    for consultation in consultations:
        consultation.tag_names = tags.get(consultation.pk, [])
    groups = [
        {"state": state, "label": state.label, "items": [c for c in consultations if c.state_value == state]}
        for state in GROUP_ORDER
    ]
    # Outcomes and closed ones newest first: the most recent answers to residents lead.
    for group in groups:
        if group["state"] == State.OUTCOME:
            group["items"].sort(key=lambda c: c.outcome_published_at, reverse=True)
        elif group["state"] == State.CLOSED:
            group["items"].sort(key=lambda c: c.closes_at, reverse=True)
    return {"filter_form": form, "groups": groups, "filtered": form.is_bound and form.has_changed()}
