"""The fund's awards as open data in the 360Giving Data Standard (version 1.4), as JSON and as CSV.

Plain values in: the fund's models turn each award into an `Award` and the council into a
`Funder`; out come a 360Giving grant package (a dict ready for json.dumps) and the same grants
as a one-row-per-grant CSV with the standard's column titles. Nothing here reads the database.

Where the rules come from (the 360Giving Data Standard 1.4.3, ThreeSixtyGiving/standard):
- schema/360-giving-schema.json: a grant needs id, title, description, currency,
  amountAwarded, awardDate, recipientOrganization (id, name) and fundingOrganization (id,
  name); awardDate is YYYY-MM-DD; dateModified ("Last Modified") is a full date-time.
- schema/360-giving-package-schema.json: grants are published in a package, {"grants": [...]},
  with optional metadata (version as major.minor, publisher, licence, dates).
- documentation/technical/identifiers.md: a grant identifier is the funder's registered
  360Giving prefix (which starts "360G-"), a hyphen, and its own reference, with spaces and
  special characters replaced by "_" and no slashes; an organisation identifier uses an
  org-id.guide list code: GB-CHC-<number> for a charity registered in England and Wales,
  GB-SC-<number> in Scotland, GB-NIC-<number> in Northern Ireland, GB-COH-<8 characters> for a
  company (leading zeros kept); an organisation with no registration number gets the
  funder's prefix and an internal reference, or its name with spaces as hyphens.
- documentation/technical/reference.md: the CSV column titles come from the schema's titles,
  an object's and its field's joined with ":" ("Recipient Org:Identifier").

fund/schemas/360giving-grant-package.schema.json holds these rules as a JSON Schema, which
the tests validate every package against.

Personal data: none. The Award below has no field for a person (no names of people, emails,
phone numbers, addresses or postcodes), and the standard's "Recipient Ind" (grants to
individuals) is never written: the fund makes awards to groups and organisations. Staff
should still check that an unconstituted group's name is not a person's name before an
award is published.
"""

import csv
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from core.open_data import csv_cell

STANDARD_VERSION = "1.4"
OPEN_GOVERNMENT_LICENCE = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"

PREFIX_PATTERN = re.compile(r"^360G-[A-Za-z0-9_.-]*[A-Za-z0-9]$")
ORG_ID_PATTERN = re.compile(r"^(?:[A-Z]{2}-[A-Z0-9]+|360G)-\S+$")


def _reference(value):
    """An identifier part: spaces and special characters become "_", as the standard recommends."""
    value = re.sub(r"[^A-Za-z0-9_.-]+", "_", str(value).strip()).strip("_")
    if not value:
        raise ValueError("An identifier needs at least one letter or digit")
    return value


def _name_reference(name):
    """An organisation's name as an identifier part: "Café Club (Upton)" -> "Cafe-Club-Upton"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    value = re.sub(r"[^A-Za-z0-9]+", "-", ascii_name).strip("-")
    if not value:
        raise ValueError(f"Cannot make an identifier from the name {name!r}")
    return value


def _registration(value):
    return re.sub(r"\s+", "", str(value or "")).upper()


@dataclass(frozen=True)
class Funder:
    """The council as the funding organisation: its org-id (e.g. GB-LAE-...), name and registered 360Giving prefix."""

    identifier: str
    name: str
    prefix: str

    def __post_init__(self):
        object.__setattr__(self, "prefix", self.prefix.strip().rstrip("-"))
        if not PREFIX_PATTERN.match(self.prefix):
            raise ValueError(f"A 360Giving prefix starts with 360G- and has no spaces or slashes, not {self.prefix!r}")
        if not ORG_ID_PATTERN.match(self.identifier):
            raise ValueError(f"The funder's identifier must be an org-id such as GB-LAE-XXX, not {self.identifier!r}")
        if not self.name.strip():
            raise ValueError("The funder needs a name")

    @classmethod
    def from_settings(cls):
        """The funder from settings.FUND_360GIVING = {"identifier": ..., "name": ..., "prefix": ...}."""
        from django.conf import settings
        from django.core.exceptions import ImproperlyConfigured

        config = getattr(settings, "FUND_360GIVING", None)
        if not config:
            raise ImproperlyConfigured(
                "Set FUND_360GIVING = {'identifier': 'GB-LAE-...', 'name': '...', 'prefix': '360G-...'} "
                "to publish the fund's awards as 360Giving data."
            )
        return cls(identifier=config["identifier"], name=config["name"], prefix=config["prefix"])


@dataclass(frozen=True)
class Award:
    """One award of the fund, as published: about the grant and the recipient organisation only.

    `reference` is the award's own reference, unique within the council's grants (for example
    "PMP-2026-1-14"); the grant identifier is the funder's prefix and this reference.
    `recipient_org_reference` is the fund's own record of an organisation with no charity or
    company number; without it the organisation's identifier is made from its name.
    `beneficiary_location` is a place name (a town or parish), never an address;
    `beneficiary_locations` several such names (a project working in several places).
    `last_modified` is a timezone-aware datetime: when this award's published details last changed.
    """

    reference: str
    title: str
    description: str
    amount_awarded: Decimal
    award_date: date
    recipient_org_name: str
    last_modified: datetime
    recipient_charity_number: str = ""
    recipient_company_number: str = ""
    recipient_org_reference: str = ""
    beneficiary_location: str = ""
    beneficiary_locations: tuple = ()
    programme_code: str = ""
    programme_title: str = ""
    priority: str = ""
    currency: str = "GBP"
    from_open_call: bool = True
    data_source: str = ""

    def __post_init__(self):
        for name in ("reference", "title", "description", "recipient_org_name"):
            if not str(getattr(self, name) or "").strip():
                raise ValueError(f"An award needs a {name.replace('_', ' ')}")
        amount = self.amount_awarded
        if isinstance(amount, bool) or not isinstance(amount, Decimal | int) or not Decimal(amount).is_finite():
            raise TypeError(f"amount_awarded must be a Decimal, not {amount!r}")
        if amount <= 0:
            raise ValueError(f"amount_awarded must be more than nothing, not {amount}")
        if isinstance(self.award_date, datetime) or not isinstance(self.award_date, date):
            raise TypeError(f"award_date must be a date, not {self.award_date!r}")
        if not isinstance(self.last_modified, datetime) or self.last_modified.utcoffset() is None:
            raise TypeError("last_modified must be a timezone-aware datetime (the standard asks for a full date-time)")
        if not re.fullmatch(r"[A-Z]{3}", self.currency):
            raise ValueError(f"currency must be an ISO 4217 code such as GBP, not {self.currency!r}")


def organisation_identifier(award, funder):
    """The recipient's org-id: charity number first, then company number, then the funder's own reference."""
    charity = _registration(award.recipient_charity_number)
    if charity:
        if charity.startswith("SC"):
            return f"GB-SC-{charity}"
        if charity.startswith("NI"):
            return f"GB-NIC-{charity.removeprefix('NIC').removeprefix('NI')}"
        return f"GB-CHC-{charity}"
    company = company_number(award.recipient_company_number)
    if company:
        return f"GB-COH-{company}"
    if str(award.recipient_org_reference).strip():
        return f"{funder.prefix}-{_reference(award.recipient_org_reference)}"
    return f"{funder.prefix}-{_name_reference(award.recipient_org_name)}"


def company_number(value):
    """A UK company number as Companies House writes it: eight characters, leading zeros kept."""
    value = _registration(value)
    if not value:
        return ""
    match = re.fullmatch(r"([A-Z]{2})?(\d{1,8})", value)
    if not match:
        return value
    letters, digits = match.group(1) or "", match.group(2)
    return letters + digits.zfill(8 - len(letters))


def grant_identifier(award, funder):
    return f"{funder.prefix}-{_reference(award.reference)}"


def _number(amount):
    """JSON has no decimals: whole pounds as an int, pence as a float rounded to the penny."""
    amount = Decimal(amount)
    if amount == amount.to_integral_value():
        return int(amount)
    return float(round(amount, 2))


def grant(award, funder):
    """One award as a 360Giving grant object."""
    recipient = {"id": organisation_identifier(award, funder), "name": award.recipient_org_name.strip()}
    if _registration(award.recipient_charity_number):
        recipient["charityNumber"] = _registration(award.recipient_charity_number)
    if company_number(award.recipient_company_number):
        recipient["companyNumber"] = company_number(award.recipient_company_number)
    record = {
        "id": grant_identifier(award, funder),
        "title": award.title.strip(),
        "description": award.description.strip(),
        "currency": award.currency,
        "amountAwarded": _number(award.amount_awarded),
        "awardDate": award.award_date.isoformat(),
        "recipientOrganization": [recipient],
        "fundingOrganization": [{"id": funder.identifier, "name": funder.name}],
    }
    locations = [name.strip() for name in (award.beneficiary_location, *award.beneficiary_locations) if name.strip()]
    if locations:
        record["beneficiaryLocation"] = [{"name": name, "countryCode": "GB"} for name in dict.fromkeys(locations)]
    if award.programme_title.strip() or award.programme_code.strip():
        programme = {}
        if award.programme_code.strip():
            programme["code"] = _reference(award.programme_code)
        if award.programme_title.strip():
            programme["title"] = award.programme_title.strip()
        record["grantProgramme"] = [programme]
    if award.priority.strip():
        record["classifications"] = [
            {
                "vocabulary": f"{funder.prefix}-fund-priorities",
                "code": _name_reference(award.priority).lower(),
                "title": award.priority.strip(),
            }
        ]
    record["fromOpenCall"] = "Yes" if award.from_open_call else "No"
    record["dateModified"] = award.last_modified.isoformat()
    if award.data_source.strip():
        record["dataSource"] = award.data_source.strip()
    return record


def grant_package(awards, funder, *, title="", description="", modified=None, license=OPEN_GOVERNMENT_LICENCE):
    """A 360Giving grant package: {"grants": [...], "version": "1.4", "publisher": ..., ...}.

    The standard's package needs at least one grant, so an empty list of awards is refused
    (a page with nothing awarded yet should say so rather than offer an empty file). Two
    awards with the same grant identifier are refused too.
    """
    grants = [grant(award, funder) for award in awards]
    if not grants:
        raise ValueError("A 360Giving package needs at least one grant")
    seen = set()
    for record in grants:
        if record["id"] in seen:
            raise ValueError(f"Two awards share the grant identifier {record['id']}")
        seen.add(record["id"])
    package = {
        "grants": grants,
        "version": STANDARD_VERSION,
        "publisher": {"identifier": funder.identifier, "name": funder.name},
    }
    if title:
        package["title"] = str(title)
    if description:
        package["description"] = str(description)
    if modified is not None:
        if modified.utcoffset() is None:
            raise TypeError("modified must be a timezone-aware datetime")
        package["modified"] = modified.isoformat()
    if license:
        package["license"] = license
    return package


# The CSV columns: the standard's title, and where its value is in a grant object.
CSV_COLUMNS = [
    ("Identifier", ("id",)),
    ("Title", ("title",)),
    ("Description", ("description",)),
    ("Currency", ("currency",)),
    ("Amount Awarded", ("amountAwarded",)),
    ("Award Date", ("awardDate",)),
    ("Recipient Org:Identifier", ("recipientOrganization", 0, "id")),
    ("Recipient Org:Name", ("recipientOrganization", 0, "name")),
    ("Recipient Org:Charity Number", ("recipientOrganization", 0, "charityNumber")),
    ("Recipient Org:Company Number", ("recipientOrganization", 0, "companyNumber")),
    ("Beneficiary Location:Name", ("beneficiaryLocation", 0, "name")),
    ("Beneficiary Location:Country Code", ("beneficiaryLocation", 0, "countryCode")),
    ("Funding Org:Identifier", ("fundingOrganization", 0, "id")),
    ("Funding Org:Name", ("fundingOrganization", 0, "name")),
    ("Grant Programme:Code", ("grantProgramme", 0, "code")),
    ("Grant Programme:Title", ("grantProgramme", 0, "title")),
    ("Classifications:Vocabulary", ("classifications", 0, "vocabulary")),
    ("Classifications:Code", ("classifications", 0, "code")),
    ("Classifications:Title", ("classifications", 0, "title")),
    ("From An Open Call?", ("fromOpenCall",)),
    ("Last Modified", ("dateModified",)),
    ("Data Source", ("dataSource",)),
]


def _lookup(record, path):
    value = record
    for step in path:
        try:
            value = value[step]
        except (KeyError, IndexError):
            return None
    return value


def csv_rows(awards, funder):
    """The header row, then one row per award, each cell safe to open in a spreadsheet."""
    yield [title for title, _path in CSV_COLUMNS]
    for award in awards:
        record = grant(award, funder)
        yield [csv_cell(_lookup(record, path)) for _title, path in CSV_COLUMNS]


def write_csv(awards, funder, out):
    """Write the awards as 360Giving CSV to `out` (a text file, or an HttpResponse)."""
    writer = csv.writer(out)
    writer.writerows(csv_rows(awards, funder))
