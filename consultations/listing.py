"""The /consultations/ listing: consultations grouped by state, filtered by GET, no JavaScript.

The listing's query budget is tight (Wagtail's own serving takes most of it), so themes and
places are read together in one UNION query, both for the filter choices and for the cards.
"""

import bisect
import math
from datetime import UTC, datetime

from django import forms
from django.db.models import Count, F, IntegerField, Value
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.caching.routing import cached
from core.pagination import CountedPaginator
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
        # Themes and places change only with a save, which starts a new cache generation.
        themes, places = cached(f"consultation-filter-vocabulary:{get_language()}", vocabulary_choices)
        self.fields["theme"].choices = [("", _("All themes")), *themes]
        self.fields["place"].choices = [("", _("All places")), *places]


# Without a stage chosen, each stage shows its first few, with a link to all of them; a chosen
# stage is paginated. The page then costs the same whatever the number of consultations.
PER_STAGE = 10
PER_PAGE = 25
# Outcomes and closed ones newest first: the most recent answers to residents lead.
STAGE_ORDER = {
    State.OPEN: ("closes_at", "pk"),
    State.UPCOMING: ("opens_at", "pk"),
    State.CLOSED: ("-closes_at", "-pk"),
    State.OUTCOME: ("-outcome_published_at", "-pk"),
}


def stage_moments(index_page):
    """When the index's consultations change stage from now on, as sorted epoch seconds.

    Kept until the next publication (a save may move them). Rounded up, and a second later, so
    the listing never counts a change before the database's clock has passed it.
    """

    def compute():
        now = timezone.now()
        rows = (
            ConsultationPage.objects.visible()
            .child_of(index_page)
            .values_list("opens_at", "closes_at", "outcome_published_at")
        )
        return sorted(math.ceil(moment.timestamp()) + 1 for row in rows for moment in row if moment and moment > now)

    return cached(f"consultation-stage-moments:{index_page.pk}", compute)


def listing_clock(index_page, now):
    """(changes of stage passed since the moments were read, the next change or None).

    The listing is the same for everyone between two changes of stage and two publications,
    so its rendered HTML is kept under the first number.
    """
    moments = stage_moments(index_page)
    passed = bisect.bisect_right(moments, now.timestamp())
    upcoming = datetime.fromtimestamp(moments[passed], tz=UTC) if passed < len(moments) else None
    return passed, upcoming


def listing_selection(params):
    """The cleaned filters and page number: they key the listing's kept HTML (not raw input)."""
    form = ConsultationFilterForm(params or None)
    chosen = form.cleaned_data if form.is_valid() else {}
    page = params.get("page", "")
    return [chosen.get("state", ""), chosen.get("theme", ""), chosen.get("place", ""), page if page.isdigit() else ""]


def consultation_listing(index_page, params):
    """The stages with their counts (one aggregate) and the consultations shown (one query per stage shown)."""
    form = ConsultationFilterForm(params or None)
    consultations = ConsultationPage.objects.visible().child_of(index_page).with_state()
    chosen = ""
    if form.is_valid():
        chosen = form.cleaned_data["state"]
        if form.cleaned_data["theme"]:
            consultations = consultations.filter(themes__slug=form.cleaned_data["theme"])
        if form.cleaned_data["place"]:
            consultations = consultations.filter(places__slug=form.cleaned_data["place"])
    counts = dict(
        consultations.order_by()
        .values_list("state_value")
        .annotate(n=Count("pk", distinct=True))
        .values_list("state_value", "n")
    )
    filters = {
        name: form.cleaned_data[name] for name in ("theme", "place") if form.is_valid() and form.cleaned_data[name]
    }
    groups = []
    for state in GROUP_ORDER:
        if chosen and state != chosen:
            continue
        count = counts.get(state, 0)
        in_stage = consultations.filter(state_value=state).order_by(*STAGE_ORDER[state]).distinct()
        group = {"state": state, "label": state.label, "count": count, "items": [], "page": None, "all_url": ""}
        if chosen:
            group["page"] = CountedPaginator(in_stage, PER_PAGE, count=count).get_page(params.get("page"))
            group["items"] = list(group["page"].object_list)
            group["querystring"] = urlencode({"state": state, **filters})
        elif count:
            group["items"] = list(in_stage[:PER_STAGE])
            if count > PER_STAGE:
                group["all_url"] = "?" + urlencode({"state": state, **filters})
        groups.append(group)
    shown = [consultation for group in groups for consultation in group["items"]]
    tags = tags_by_consultation([c.pk for c in shown]) if shown else {}
    for consultation in shown:
        consultation.tag_names = tags.get(consultation.pk, [])
    return {"filter_form": form, "groups": groups, "filtered": form.is_bound and form.has_changed()}
