"""The directory in the shapes of the Open Referral UK standard, version 3.0.

Open Referral UK (the UK profile of the Human Services Data Specification, HSDS 3.0) lets
social prescribers, the NHS and other councils' tools read a council's directory: its
organisations, the services they run, where (locations) and when (schedules). The standard's
fields are at https://github.com/openreferral/uk-profile (schema/ and schema/compiled/); the
schemas in directory/schemas/ are written from them, and the tests validate every response.

How the register maps onto it:

- an entry (AssetPage) is a service, and its address and map point a location, joined by a
  service_at_location; its opening times are the service's schedules (weekly, by day); its
  accessibility facts and notes are the location's accessibility;
- the organisation behind an entry (Organisation) is an organization, with its charity and
  company numbers as organization_identifiers;
- the asset types (AssetType) are the terms of one taxonomy, linked to each service as an
  attribute.

Only what is public: live entries outside any private section, in the site's main language,
and only the contact details AssetPage.public_contact allows (the UK profile has one email
per service; it has no field for a phone number).

Identifiers: the standard wants UUIDs, unique across every directory a reader combines. Each
is a version-8 UUID made from this site's address (settings.SITE_URL), the kind of record and
its number here, so it is the same on every request and a reader can ask for it again.
"""

import hashlib
import math
import uuid

from django.conf import settings

from core.site_address import page_url, site_url

from .models import OpeningTime

VERSION = "3.0"
PROFILE_URL = "https://github.com/openreferral/uk-profile"
OPENAPI_URL = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/openapi.json"
TAXONOMY_NAME = "Connected Communities asset types"
TAXONOMY_DESCRIPTION = (
    "The kinds of community asset and service in the register, as in the strategy's community assets snapshot."
)

KINDS = {
    "service": 1,
    "location": 2,
    "service_at_location": 3,
    "organization": 4,
    "taxonomy": 5,
    "taxonomy_term": 6,
    "schedule": 7,
    "address": 8,
    "accessibility": 9,
    "attribute": 10,
    "organization_identifier": 11,
}
# HSDS's byday codes (iCalendar's), by OpeningTime.Weekday (Monday is 0).
BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
# The one taxonomy: the asset types.
TAXONOMY_PK = 1


def _site_prefix():
    digest = hashlib.sha256(site_url().encode()).hexdigest()
    return digest[:8], digest[8:12], digest[12:15]


def oruk_id(kind, pk, subkind=0):
    """The UUID of record `pk` of `kind` (`subkind` tells apart two records of one row)."""
    first, second, variant = _site_prefix()
    number = (subkind << 40) | pk
    return str(uuid.UUID(f"{first}-{second}-8{KINDS[kind]:03x}-8{variant}-{number:012x}"))


def pk_from(kind, value):
    """The number of a record of `kind` from its UUID, or None when it is not one of ours."""
    try:
        parsed = uuid.UUID(str(value))
    except ValueError:
        return None
    first, second, variant = _site_prefix()
    parts = str(parsed).split("-")
    if parts[:4] != [first, second, f"8{KINDS[kind]:03x}", f"8{variant}"]:
        return None
    return int(parts[4], 16) & ((1 << 40) - 1)


def _drop_blank(record, keep=()):
    """Optional fields the standard types as strings or numbers are left out rather than empty."""
    return {key: value for key, value in record.items() if key in keep or value not in ("", None)}


# Taxonomy -----------------------------------------------------------------------------------


def taxonomy(terms=None):
    record = {
        "id": oruk_id("taxonomy", TAXONOMY_PK),
        "name": TAXONOMY_NAME,
        "description": TAXONOMY_DESCRIPTION,
        "uri": site_url() + "/openreferral/taxonomies/" + oruk_id("taxonomy", TAXONOMY_PK),
    }
    if terms is not None:
        record["taxonomy_terms"] = [taxonomy_term(term) for term in terms]
    return record


def taxonomy_term(asset_type):
    return _drop_blank(
        {
            "id": oruk_id("taxonomy_term", asset_type.pk),
            "name": asset_type.name,
            "description": asset_type.description,
            "taxonomy": TAXONOMY_NAME,
            "taxonomy_id": oruk_id("taxonomy", TAXONOMY_PK),
            "term": asset_type.slug,
        },
        keep=("description",),
    )


def type_attribute(entry):
    """The entry's asset type, linked to its service as HSDS links a taxonomy term."""
    return {
        "id": oruk_id("attribute", entry.pk),
        "link_id": oruk_id("service", entry.pk),
        "taxonomy_term_id": oruk_id("taxonomy_term", entry.asset_type_id),
        "link_type": "service",
        "taxonomy_term": taxonomy_term(entry.asset_type),
    }


# Organisations ------------------------------------------------------------------------------


def organization_summary(organisation):
    return _drop_blank(
        {
            "id": oruk_id("organization", organisation.pk),
            "name": organisation.name,
            "description": organisation.description,
            "email": organisation.email,
            "website": organisation.website,
        },
        keep=("description",),
    )


def organization_identifiers(organisation):
    identifiers = []
    if organisation.charity_number:
        identifiers.append(("GB-CHC", "Charity Commission for England and Wales", organisation.charity_number, 1))
    if organisation.company_number:
        identifiers.append(("GB-COH", "Companies House", organisation.company_number, 2))
    return [
        {
            "id": oruk_id("organization_identifier", organisation.pk, subkind),
            "organization_id": oruk_id("organization", organisation.pk),
            "identifier_scheme": scheme,
            "identifier_type": kind,
            "identifier": identifier,
        }
        for scheme, kind, identifier, subkind in identifiers
    ]


def organization_full(organisation, services=()):
    return {
        **organization_summary(organisation),
        "organization_identifiers": organization_identifiers(organisation),
        "attributes": [],
        "services": [service_summary(entry) for entry in services],
    }


# Services -----------------------------------------------------------------------------------


def _datetime(value):
    return value.isoformat() if value else None


def service_summary(entry, request=None, with_organization=True):
    """A service's one-to-one fields (the standard's service_list)."""
    email, _phone = entry.public_contact
    record = _drop_blank(
        {
            "id": oruk_id("service", entry.pk),
            "organization_id": oruk_id("organization", entry.organisation_id) if entry.organisation_id else None,
            "name": entry.title,
            "description": entry.description or entry.summary,
            "url": entry.website or page_url(entry, request),
            "email": email,
            "status": "active",
            "assured_date": entry.last_confirmed_at.isoformat(),
            "last_modified": _datetime(entry.last_published_at),
        }
    )
    if with_organization and entry.organisation_id:
        record["organization"] = organization_summary(entry.organisation)
    return record


def schedule(entry, opening):
    weekday = OpeningTime.Weekday(opening.weekday)
    hours = f"{opening.opens:%H:%M}-{opening.closes:%H:%M}"
    return _drop_blank(
        {
            "id": oruk_id("schedule", opening.pk),
            "service_id": oruk_id("service", entry.pk),
            "freq": "WEEKLY",
            "interval": 1,
            "byday": BYDAY[opening.weekday],
            "opens_at": f"{opening.opens:%H:%M}",
            "closes_at": f"{opening.closes:%H:%M}",
            "description": f"{weekday.label} {hours}" + (f" ({opening.note})" if opening.note else ""),
            "notes": opening.note,
        }
    )


def has_location(entry):
    return entry.latitude is not None or bool(entry.address.strip())


def address(entry):
    """The entry's address in the standard's parts, or None when it lacks what the standard requires."""
    lines = [line.strip().rstrip(",") for line in entry.address.splitlines() if line.strip()]
    city = entry.place.name if entry.place_id else (lines[-1] if len(lines) > 1 else "")
    if not lines or not city or not entry.postcode:
        return None
    return {
        "id": oruk_id("address", entry.pk),
        "location_id": oruk_id("location", entry.pk),
        "address_1": ", ".join(line for line in lines if line != city) or lines[0],
        "city": city,
        "state_province": settings.DIRECTORY_COUNTY,
        "postal_code": entry.postcode,
        "country": "GB",
        "address_type": "physical",
    }


ACCESS_FACTS = [
    ("step_free_access", "Step-free access"),
    ("accessible_toilet", "Accessible toilet"),
    ("hearing_loop", "Hearing loop"),
    ("accessible_parking", "Accessible parking"),
]


def accessibility(entry):
    facts = [label for field, label in ACCESS_FACTS if getattr(entry, field)]
    if not facts and not entry.accessibility_notes:
        return []
    return [
        _drop_blank(
            {
                "id": oruk_id("accessibility", entry.pk),
                "location_id": oruk_id("location", entry.pk),
                "description": "; ".join(facts),
                "details": entry.accessibility_notes,
            }
        )
    ]


def location_summary(entry):
    record = _drop_blank(
        {
            "id": oruk_id("location", entry.pk),
            "location_type": "physical",
            "name": entry.title,
            "latitude": float(entry.latitude) if entry.latitude is not None else None,
            "longitude": float(entry.longitude) if entry.longitude is not None else None,
        }
    )
    return record


def location_full(entry):
    found = address(entry)
    return {
        **location_summary(entry),
        "addresses": [found] if found else [],
        "accessibility": accessibility(entry),
        "attributes": [],
    }


def service_at_location_summary(entry, request=None):
    return {
        "id": oruk_id("service_at_location", entry.pk),
        "service_id": oruk_id("service", entry.pk),
        "location_id": oruk_id("location", entry.pk),
        "location": location_summary(entry),
        "service": service_summary(entry, request),
    }


def _service_parts(entry, request):
    """What a full service and a full service_at_location's service share."""
    record = service_summary(entry, request, with_organization=False)
    record["schedules"] = [schedule(entry, opening) for opening in entry.opening_times.all()]
    record["service_areas"] = []
    record["languages"] = []
    if entry.organisation_id:
        record["organization"] = {
            **organization_summary(entry.organisation),
            "organization_identifiers": organization_identifiers(entry.organisation),
            "attributes": [],
        }
    record["funding"] = []
    record["cost_options"] = []
    record["contacts"] = []
    record["attributes"] = [type_attribute(entry)]
    return record


def service_full(entry, request=None):
    """A service with everything related to it (the standard's compiled service)."""
    record = _service_parts(entry, request)
    record["service_at_locations"] = (
        [
            {
                "id": oruk_id("service_at_location", entry.pk),
                "service_id": oruk_id("service", entry.pk),
                "location_id": oruk_id("location", entry.pk),
                "location": location_full(entry),
            }
        ]
        if has_location(entry)
        else []
    )
    return record


def service_at_location_full(entry, request=None):
    return {
        "id": oruk_id("service_at_location", entry.pk),
        "service_id": oruk_id("service", entry.pk),
        "location_id": oruk_id("location", entry.pk),
        "location": location_full(entry),
        "service": _service_parts(entry, request),
    }


# Paging -------------------------------------------------------------------------------------


def page_of(contents, total, page_number, per_page):
    """The standard's paged list: its header, then `contents`."""
    total_pages = math.ceil(total / per_page) if total else 0
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page_number,
        "size": len(contents),
        "first_page": page_number == 1,
        "last_page": page_number >= total_pages,
        "empty": total == 0,
        "contents": contents,
    }
