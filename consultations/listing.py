"""The /consultations/ listing: consultations grouped by state, filtered by GET, no JavaScript."""

from django import forms
from django.utils.translation import gettext_lazy as _

from strategy.models import Place, Theme

from .models import ConsultationPage, State


class ConsultationFilterForm(forms.Form):
    state = forms.ChoiceField(label=_("Stage"), required=False, choices=[("", _("Any stage")), *State.choices])
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    place = forms.ChoiceField(label=_("Place"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", _("All themes"))] + [
            (theme.slug, theme.name) for theme in Theme.objects.for_active_locale()
        ]
        self.fields["place"].choices = [("", _("All places"))] + [
            (place.slug, place.name) for place in Place.objects.for_active_locale()
        ]


GROUP_ORDER = [State.OPEN, State.UPCOMING, State.CLOSED, State.OUTCOME]


def consultation_listing(index_page, params):
    form = ConsultationFilterForm(params or None)
    consultations = (
        ConsultationPage.objects.live().public().descendant_of(index_page).with_state()
        .prefetch_related("themes", "places")
        .order_by("closes_at")
    )
    if form.is_valid():
        if form.cleaned_data["state"]:
            consultations = consultations.filter(state_value=form.cleaned_data["state"])
        if form.cleaned_data["theme"]:
            consultations = consultations.filter(themes__slug=form.cleaned_data["theme"])
        if form.cleaned_data["place"]:
            consultations = consultations.filter(places__slug=form.cleaned_data["place"])
    consultations = list(consultations.distinct())
    groups = [
        {"state": state, "label": state.label, "items": [c for c in consultations if c.state_value == state]}
        for state in GROUP_ORDER
    ]
    # Outcomes newest first: the most recent answers to residents lead.
    for group in groups:
        if group["state"] == State.OUTCOME:
            group["items"].sort(key=lambda c: c.outcome_published_at, reverse=True)
        elif group["state"] == State.CLOSED:
            group["items"].sort(key=lambda c: c.closes_at, reverse=True)
    return {"filter_form": form, "groups": groups, "filtered": form.is_bound and form.has_changed()}
