"""The Open Referral UK API (version 3.0) at /openreferral/: the service directory endpoints.

Read-only, public JSON that any site may fetch (Access-Control-Allow-Origin: *). Each answer
is kept until the next publication (core/caching `cached()`), keyed by its path and its query,
and a CDN may keep it five minutes (core/open_data's `public_download`). A list costs two
queries however long it is (its count and its page), a single record two or three.

Endpoints (the UK profile's schema/openapi.json; /organizations as HSDS 3.0 defines it):
/, /services, /services/{id}, /service_at_locations, /service_at_locations/{id},
/organizations, /organizations/{id}, /taxonomies, /taxonomies/{id}, /taxonomy_terms,
/taxonomy_terms/{id}.
"""

import functools
import math
from datetime import datetime, time

from django.conf import settings
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.http import JsonResponse
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.views.decorators.http import require_safe

from core.caching.routing import cached
from core.open_data import public_download
from strategy.models import Place

from . import openreferral as oruk
from .models import AssetType, OpeningTime, Organisation
from .public_entries import visible_entries

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 200
EARTH_RADIUS_METRES = 6_371_000


class BadRequest(Exception):
    status = 400


class NotFound(Exception):
    status = 404


def api_response(payload, status=200):
    response = JsonResponse(payload, status=status, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response


def endpoint(view):
    """GET and HEAD only; the answer cached by path and query; errors as JSON, never cached."""

    @require_safe
    @public_download
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        query = "&".join(f"{key}={value}" for key, value in sorted(request.GET.items()))
        key = f"openreferral:{request.path}:{query}"
        try:
            payload = cached(key, lambda: view(request, *args, **kwargs))
        except (BadRequest, NotFound) as error:
            return api_response({"error": str(error)}, status=error.status)
        return api_response(payload)

    return wrapped


# Which services --------------------------------------------------------------------------


def services():
    """Live, public entries in the site's main language: the services this directory publishes."""
    return visible_entries(settings.LANGUAGE_CODE)


def whole_number(request, name, default, minimum=1, maximum=None):
    value = request.GET.get(name, "")
    if value == "":
        return default
    try:
        number = int(value)
    except ValueError:
        raise BadRequest(f"{name} must be a whole number") from None
    if number < minimum or (maximum is not None and number > maximum):
        raise BadRequest(
            f"{name} must be between {minimum} and {maximum}" if maximum else f"{name} must be at least {minimum}"
        )
    return number


def clock_time(request, name):
    value = request.GET.get(name, "")
    if not value:
        return None
    try:
        return time.fromisoformat(value)
    except ValueError:
        raise BadRequest(f"{name} must be a time, e.g. 09:30") from None


def moment(request, name):
    value = request.GET.get(name, "")
    if not value:
        return None
    try:
        found = parse_datetime(value)
        if found is None and parse_date(value):
            found = datetime.combine(parse_date(value), time.min)
    except ValueError:
        found = None
    if found is None:
        raise BadRequest(f"{name} must be a date or a date and time in ISO 8601, e.g. 2026-01-31T09:00:00Z")
    return found if timezone.is_aware(found) else timezone.make_aware(found)


def filtered_services(request, entries):
    """Narrow the services by the standard's filters, and by town or parish."""
    text = request.GET.get("search") or request.GET.get("text")
    if text:
        entries = entries.filter(
            Q(title__icontains=text)
            | Q(summary__icontains=text)
            | Q(description__icontains=text)
            | Q(asset_type__name__icontains=text)
            | Q(organisation__name__icontains=text)
        )
    if "taxonomy_term_id" in request.GET:
        entries = entries.filter(asset_type_id=oruk.pk_from("taxonomy_term", request.GET["taxonomy_term_id"]))
    if "taxonomy_id" in request.GET and oruk.pk_from("taxonomy", request.GET["taxonomy_id"]) != oruk.TAXONOMY_PK:
        entries = entries.none()
    if "organization_id" in request.GET:
        entries = entries.filter(organisation_id=oruk.pk_from("organization", request.GET["organization_id"]))
    modified_after = moment(request, "modified_after")
    if modified_after:
        entries = entries.filter(last_published_at__gte=modified_after)
    day = request.GET.get("day", "").upper()
    if day and day not in oruk.BYDAY:
        raise BadRequest("day must be one of " + ", ".join(oruk.BYDAY))
    start_time, end_time = clock_time(request, "start_time"), clock_time(request, "end_time")
    if day or start_time or end_time:
        openings = OpeningTime.objects.filter(page_id=OuterRef("pk"))
        if day:
            openings = openings.filter(weekday=oruk.BYDAY.index(day))
        if start_time:
            openings = openings.filter(opens__gte=start_time)
        if end_time:
            openings = openings.filter(closes__lte=end_time)
        entries = entries.filter(Exists(openings))
    return within_reach(request, entries)


def within_reach(request, entries):
    """`place` (a town or parish's slug) and `proximity` (metres from its centre).

    The UK profile measures proximity from a postcode's centre, which needs a postcode
    database this site does not hold; its towns and parishes have centres, so it measures
    from one of them. A box around the circle narrows the rows in SQL, the circle in Python.
    """
    slug = request.GET.get("place", "")
    if not slug:
        if "proximity" in request.GET:
            raise BadRequest("proximity is measured from a town or parish: give its slug as place")
        return entries
    place = Place.objects.filter(slug=slug, locale__language_code=settings.LANGUAGE_CODE).first()
    if place is None:
        raise BadRequest("place is not one of the district's towns and parishes")
    if "proximity" not in request.GET:
        return entries.filter(place=place)
    metres = whole_number(request, "proximity", None, minimum=1, maximum=100_000)
    if place.latitude is None or place.longitude is None:
        raise BadRequest("this place has no centre to measure from")
    latitude, longitude = float(place.latitude), float(place.longitude)
    spread = math.degrees(metres / EARTH_RADIUS_METRES)
    wide = spread / max(math.cos(math.radians(latitude)), 0.01)
    boxed = entries.filter(
        latitude__range=(latitude - spread, latitude + spread), longitude__range=(longitude - wide, longitude + wide)
    ).values_list("pk", "latitude", "longitude")
    near = [pk for pk, lat, lng in boxed if distance(latitude, longitude, float(lat), float(lng)) <= metres]
    return entries.filter(pk__in=near)


def distance(lat1, lng1, lat2, lng2):
    """Metres between two points on the Earth's surface (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((phi2 - phi1) / 2) ** 2
        + math.cos(phi1) * math.cos(phi2) * math.sin(math.radians(lng2 - lng1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_METRES * math.asin(math.sqrt(a))


def paged(request, queryset, serialise):
    """The standard's paged list of `queryset` (or a list): a count, then one page of it."""
    page_number = whole_number(request, "page", 1)
    per_page = whole_number(request, "per_page", DEFAULT_PER_PAGE, maximum=MAX_PER_PAGE)
    total = len(queryset) if isinstance(queryset, list) else queryset.count()
    start = (page_number - 1) * per_page
    rows = list(queryset[start : start + per_page]) if start < total else []
    return oruk.page_of([serialise(row) for row in rows], total, page_number, per_page)


def one(queryset, kind, value):
    pk = oruk.pk_from(kind, value)
    found = queryset.filter(pk=pk).first() if pk is not None else None
    if found is None:
        raise NotFound(f"There is no {kind.replace('_', ' ')} with this id")
    return found


def summaries(entries):
    return entries.select_related("organisation").order_by("title", "pk")


def in_full(entries):
    return entries.select_related("organisation", "asset_type", "place").prefetch_related(
        Prefetch("opening_times", queryset=OpeningTime.objects.order_by("weekday", "opens", "sort_order"))
    )


# Endpoints --------------------------------------------------------------------------------


@endpoint
def root(request):
    return {
        "version": oruk.VERSION,
        "profile": oruk.PROFILE_URL,
        "openapi_url": oruk.OPENAPI_URL,
    }


@endpoint
def service_list(request):
    entries = summaries(filtered_services(request, services()))
    return paged(request, entries, lambda entry: oruk.service_summary(entry, request))


@endpoint
def service_detail(request, service_id):
    return oruk.service_full(one(in_full(services()), "service", service_id), request)


def located(entries):
    return entries.filter(Q(latitude__isnull=False) | ~Q(address=""))


@endpoint
def service_at_location_list(request):
    entries = summaries(located(filtered_services(request, services())))
    return paged(request, entries, lambda entry: oruk.service_at_location_summary(entry, request))


@endpoint
def service_at_location_detail(request, service_at_location_id):
    entry = one(in_full(located(services())), "service_at_location", service_at_location_id)
    return oruk.service_at_location_full(entry, request)


def published_organisations():
    """Organisations behind at least one published service: no other is public yet."""
    return Organisation.objects.filter(Exists(services().filter(organisation_id=OuterRef("pk")))).order_by("name", "pk")


@endpoint
def organization_list(request):
    return paged(request, published_organisations(), oruk.organization_summary)


@endpoint
def organization_detail(request, organization_id):
    organisation = one(published_organisations(), "organization", organization_id)
    entries = services().filter(organisation=organisation).select_related("organisation").order_by("title", "pk")
    return oruk.organization_full(organisation, entries)


def asset_types():
    return AssetType.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("sort_order", "name")


@endpoint
def taxonomy_list(request):
    return paged(request, [oruk.TAXONOMY_PK], lambda _taxonomy: oruk.taxonomy())


@endpoint
def taxonomy_detail(request, taxonomy_id):
    if oruk.pk_from("taxonomy", taxonomy_id) != oruk.TAXONOMY_PK:
        raise NotFound("There is no taxonomy with this id")
    return oruk.taxonomy(list(asset_types()))


@endpoint
def taxonomy_term_list(request):
    terms = asset_types()
    if "taxonomy_id" in request.GET and oruk.pk_from("taxonomy", request.GET["taxonomy_id"]) != oruk.TAXONOMY_PK:
        terms = terms.none()
    return paged(request, terms, oruk.taxonomy_term)


@endpoint
def taxonomy_term_detail(request, taxonomy_term_id):
    return oruk.taxonomy_term(one(asset_types(), "taxonomy_term", taxonomy_term_id))
