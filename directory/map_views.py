"""The directory's map: a page whose main content is a list of the entries (the map's
equivalent, usable without JavaScript, by keyboard and screen reader), the same entries as
GeoJSON for the map drawn over it by static/js/directory-map.js, and as a CSV download.

Filters (type, town or parish, theme) come by GET and mean the same in all three. The GeoJSON
is kept until the next publication (core/caching `cached()`), keyed by the filters and the
language: one query the first time, none after.
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from core.caching.routing import cached
from core.open_data import csv_download, public_download
from core.site_address import page_url
from strategy.models import Theme

from .models import DirectoryPage, OpeningTime
from .public_entries import MapFilterForm, filter_entries, filter_key, visible_entries

PER_PAGE = 50
# What the list and the map read of each entry: nothing else is loaded.
LIST_FIELDS = (
    "title",
    "url_path",
    "address",
    "postcode",
    "latitude",
    "longitude",
    "asset_type__name",
    "asset_type__slug",
    "place__name",
    "place__slug",
)


def listed_entries(chosen):
    return (
        filter_entries(visible_entries(), chosen)
        .select_related("asset_type", "place")
        .only(*LIST_FIELDS)
        .order_by("title", "pk")
    )


def directory_page():
    """(title, url) of the directory page in the visitor's language, or None before there is one."""

    def find():
        page = DirectoryPage.objects.live().filter(locale__language_code=get_language()).first()
        if page is None:
            page = DirectoryPage.objects.live().first()
        return (page.title, page.url) if page else ("", "")

    title, url = cached(f"directory-page:{get_language()}", find)
    return {"title": title, "url": url} if url else None


@require_safe
def directory_map(request):
    form = MapFilterForm(request.GET)
    chosen = form.chosen()
    entries = listed_entries(chosen)
    page = Paginator(entries, PER_PAGE).get_page(request.GET.get("page"))
    query = urlencode(chosen)
    suffix = f"?{query}" if query else ""
    context = {
        "form": form,
        "chosen": chosen,
        "entries": page,
        "querystring": query,
        "geojson_url": reverse("directory:map_geojson") + suffix,
        "csv_url": reverse("directory:entries_csv") + suffix,
        "tile_url": settings.DIRECTORY_MAP_TILE_URL,
        "attribution": settings.DIRECTORY_MAP_ATTRIBUTION,
        "centre": settings.DIRECTORY_MAP_CENTRE,
        "directory": directory_page(),
    }
    return TemplateResponse(request, "directory/map.html", context)


def feature_collection(request, chosen):
    """The entries with a map point, as a GeoJSON FeatureCollection: public facts only."""
    features = []
    for entry in listed_entries(chosen).filter(latitude__isnull=False, longitude__isnull=False):
        features.append(
            {
                "type": "Feature",
                "id": entry.pk,
                # GeoJSON is longitude first (RFC 7946).
                "geometry": {"type": "Point", "coordinates": [float(entry.longitude), float(entry.latitude)]},
                "properties": {
                    "id": entry.pk,
                    "title": entry.title,
                    "type": entry.asset_type.name,
                    "type_slug": entry.asset_type.slug,
                    "place": entry.place.name if entry.place_id else "",
                    "url": entry.get_url(request),
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


@require_safe
@public_download
def map_geojson(request):
    chosen = MapFilterForm(request.GET).chosen()
    key = f"directory-geojson:{get_language()}:{request.get_host()}:{filter_key(chosen)}"
    collection = cached(key, lambda: feature_collection(request, chosen))
    response = JsonResponse(collection, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/geo+json"
    return response


CSV_COLUMNS = [
    ("id", "The entry's number on this site"),
    ("name", "The asset or service"),
    ("url", "Its page on this site"),
    ("type", "What kind of asset or service it is"),
    ("organisation", "The organisation behind it"),
    ("summary", "What it offers, in a sentence or two"),
    ("place", "The town or parish"),
    ("address", "Street address"),
    ("postcode", "Postcode"),
    ("latitude", "Latitude (WGS 84)"),
    ("longitude", "Longitude (WGS 84)"),
    ("email", "Public contact email"),
    ("phone", "Public contact phone"),
    ("website", "Website"),
    ("opening_times", "Regular opening times"),
    ("step_free_access", "Step-free access"),
    ("accessible_toilet", "Accessible toilet"),
    ("hearing_loop", "Hearing loop"),
    ("accessible_parking", "Accessible parking"),
    ("accessibility_notes", "More about access"),
    ("themes", "The strategy's themes it serves"),
    ("last_confirmed_at", "When the organisation last confirmed these details"),
]


def opening_times_text(entry):
    return "; ".join(
        f"{OpeningTime.Weekday(time.weekday).label} {time.opens:%H:%M}-{time.closes:%H:%M}"
        + (f" ({time.note})" if time.note else "")
        for time in entry.opening_times.all()
    )


def csv_rows(request, chosen):
    entries = (
        filter_entries(visible_entries(), chosen)
        .select_related("asset_type", "place", "organisation")
        .prefetch_related(
            Prefetch("opening_times", queryset=OpeningTime.objects.order_by("weekday", "opens")),
            Prefetch("themes", queryset=Theme.objects.order_by("sort_order", "name")),
        )
        .order_by("title", "pk")
    )
    for entry in entries:
        # Only what may be published: a private person's details never, unless they agreed.
        email, phone = entry.public_contact
        yield {
            "id": entry.pk,
            "name": entry.title,
            "url": page_url(entry, request) or "",
            "type": entry.asset_type.name,
            "organisation": entry.organisation.name if entry.organisation_id else "",
            "summary": entry.summary,
            "place": entry.place.name if entry.place_id else "",
            "address": ", ".join(line.strip() for line in entry.address.splitlines() if line.strip()),
            "postcode": entry.postcode,
            "latitude": "" if entry.latitude is None else str(entry.latitude),
            "longitude": "" if entry.longitude is None else str(entry.longitude),
            "email": email,
            "phone": phone,
            "website": entry.website,
            "opening_times": opening_times_text(entry),
            "step_free_access": entry.step_free_access,
            "accessible_toilet": entry.accessible_toilet,
            "hearing_loop": entry.hearing_loop,
            "accessible_parking": entry.accessible_parking,
            "accessibility_notes": entry.accessibility_notes,
            "themes": [theme.name for theme in entry.themes.all()],
            "last_confirmed_at": entry.last_confirmed_at,
        }


@require_safe
@public_download
def entries_csv(request):
    chosen = MapFilterForm(request.GET).chosen()
    return csv_download("community-directory.csv", CSV_COLUMNS, csv_rows(request, chosen))
