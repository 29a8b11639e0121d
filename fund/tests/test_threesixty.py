"""The fund's awards as 360Giving open data: the package validates, identifiers follow the standard, CSV is safe.

Plain functions on plain values: no database. Every package is checked against
fund/schemas/360giving-grant-package.schema.json, written from the standard's published rules.
"""

import csv
import io
import json
from dataclasses import fields, replace
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from fund.threesixty import (
    CSV_COLUMNS,
    Award,
    Funder,
    grant,
    grant_package,
    organisation_identifier,
    write_csv,
)

SCHEMA = json.loads(
    (Path(__file__).resolve().parent.parent / "schemas" / "360giving-grant-package.schema.json").read_text()
)
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)

FUNDER = Funder(identifier="GB-LAE-EXA", name="Example District Council", prefix="360G-exampledc")
MODIFIED = datetime(2026, 11, 30, 14, 0, tzinfo=UTC)


def award(**changes):
    values = {
        "reference": "PMP-2026-1-14",
        "title": "Upton repair café",
        "description": "Monthly repair sessions in the parish hall, with tools and volunteers' time.",
        "amount_awarded": Decimal("2500"),
        "award_date": date(2026, 11, 20),
        "recipient_org_name": "Upton Repair Café",
        "recipient_charity_number": "1164883",
        "beneficiary_location": "Upton upon Severn",
        "programme_code": "PMP-2026-1",
        "programme_title": "People Make Places Fund 2026, round 1",
        "priority": "Reduce waste",
        "last_modified": MODIFIED,
        "data_source": "https://example.org/fund/2026-round-1/results/",
    }
    values.update(changes)
    return Award(**values)


def errors(package):
    return sorted(error.message for error in VALIDATOR.iter_errors(package))


def test_the_schema_itself_is_a_valid_json_schema():
    Draft202012Validator.check_schema(SCHEMA)


def test_a_package_of_awards_validates_and_survives_json():
    awards = [
        award(),
        award(reference="PMP 2026/1/15", recipient_charity_number="", recipient_company_number="1234567"),
        award(
            reference="PMP-2026-1-16",
            recipient_charity_number="",
            recipient_org_name="Friends of Hanley Castle Green",
            recipient_org_reference="group 88",
            amount_awarded=Decimal("749.50"),
            priority="",
            beneficiary_location="",
        ),
        award(reference="PMP-2026-1-17", recipient_charity_number="", recipient_org_name="Café Club (Welland)"),
    ]
    package = grant_package(
        awards, FUNDER, title="People Make Places Fund awards", modified=MODIFIED, description="All rounds"
    )

    assert errors(package) == []
    assert json.loads(json.dumps(package)) == package
    assert package["version"] == "1.4"
    assert package["publisher"] == {"identifier": "GB-LAE-EXA", "name": "Example District Council"}
    first = package["grants"][0]
    assert first["id"] == "360G-exampledc-PMP-2026-1-14"
    assert first["amountAwarded"] == 2500
    assert first["awardDate"] == "2026-11-20"
    assert first["dateModified"] == "2026-11-30T14:00:00+00:00"
    assert first["fundingOrganization"] == [{"id": "GB-LAE-EXA", "name": "Example District Council"}]
    assert first["beneficiaryLocation"] == [{"name": "Upton upon Severn", "countryCode": "GB"}]
    assert first["grantProgramme"] == [{"code": "PMP-2026-1", "title": "People Make Places Fund 2026, round 1"}]
    assert first["classifications"][0]["title"] == "Reduce waste"
    assert first["fromOpenCall"] == "Yes"
    assert package["grants"][2]["amountAwarded"] == 749.5
    assert "beneficiaryLocation" not in package["grants"][2]


def test_a_registered_charity_gets_a_gb_chc_identifier_and_its_number():
    record = grant(award(recipient_charity_number=" 1164883 "), FUNDER)
    assert record["recipientOrganization"][0] == {
        "id": "GB-CHC-1164883",
        "name": "Upton Repair Café",
        "charityNumber": "1164883",
    }


def test_scottish_and_northern_irish_charities_use_their_own_registers():
    assert organisation_identifier(award(recipient_charity_number="sc012345"), FUNDER) == "GB-SC-SC012345"
    assert organisation_identifier(award(recipient_charity_number="NIC100012"), FUNDER) == "GB-NIC-100012"


def test_a_company_keeps_its_leading_zeros():
    record = grant(award(recipient_charity_number="", recipient_company_number="1234567"), FUNDER)
    assert record["recipientOrganization"][0]["id"] == "GB-COH-01234567"
    assert record["recipientOrganization"][0]["companyNumber"] == "01234567"
    assert "charityNumber" not in record["recipientOrganization"][0]
    assert organisation_identifier(award(recipient_charity_number="", recipient_company_number="SC 12345"), FUNDER) == (
        "GB-COH-SC012345"
    )


def test_an_unregistered_group_gets_the_funders_prefix_and_its_reference_or_name():
    unregistered = award(recipient_charity_number="", recipient_org_name="Café Club (Welland)")
    assert organisation_identifier(unregistered, FUNDER) == "360G-exampledc-Cafe-Club-Welland"
    assert organisation_identifier(replace(unregistered, recipient_org_reference="group 88"), FUNDER) == (
        "360G-exampledc-group_88"
    )


def test_grant_identifiers_start_with_the_prefix_and_lose_spaces_and_slashes():
    assert grant(award(reference="PMP 2026/1/15"), FUNDER)["id"] == "360G-exampledc-PMP_2026_1_15"
    assert grant(award(), Funder("GB-LAE-EXA", "Example District Council", "360G-exampledc-"))["id"] == (
        "360G-exampledc-PMP-2026-1-14"
    )


def test_a_funder_without_a_360giving_prefix_or_org_id_is_refused():
    with pytest.raises(ValueError, match="360G-"):
        Funder(identifier="GB-LAE-EXA", name="Example District Council", prefix="exampledc")
    with pytest.raises(ValueError, match="org-id"):
        Funder(identifier="Example District Council", name="Example District Council", prefix="360G-exampledc")


def test_the_funder_comes_from_settings(settings):
    settings.FUND_360GIVING = {"identifier": "GB-LAE-EXA", "name": "Example District Council", "prefix": "360G-ex"}
    assert Funder.from_settings() == Funder("GB-LAE-EXA", "Example District Council", "360G-ex")


def test_a_grant_missing_its_amount_fails_validation():
    package = grant_package([award()], FUNDER)
    del package["grants"][0]["amountAwarded"]
    assert errors(package) == ["'amountAwarded' is a required property"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("awardDate", "20/11/2026", "is not valid under any of the given schemas"),
        ("dateModified", "2026-11-30", "does not match"),
        ("dateModified", "2026-11-30T14:00:00", "does not match"),
        ("currency", "£", "is not one of ['GBP']"),
        ("amountAwarded", "2500", "is not of type 'number'"),
        ("id", "PMP-2026-1-14", "does not match"),
        ("title", " ", "does not match"),
    ],
)
def test_a_grant_with_a_badly_formed_field_fails_validation(field, value, message):
    package = grant_package([award()], FUNDER)
    package["grants"][0][field] = value
    assert any(message in error for error in errors(package)), errors(package)


def test_personal_details_cannot_be_published_in_a_grant():
    package = grant_package([award()], FUNDER)
    package["grants"][0]["recipientOrganization"][0]["contactName"] = "A Person"
    package["grants"][0]["recipientIndividual"] = {"id": "360G-exampledc-IND-1", "name": "Individual"}
    assert len(errors(package)) == 2


def test_an_award_without_an_amount_or_with_unclear_dates_is_refused():
    with pytest.raises(TypeError, match="amount_awarded"):
        award(amount_awarded=None)
    with pytest.raises(TypeError, match="amount_awarded"):
        award(amount_awarded=2500.0)
    with pytest.raises(ValueError, match="more than nothing"):
        award(amount_awarded=Decimal("0"))
    with pytest.raises(TypeError, match="timezone-aware"):
        award(last_modified=datetime(2026, 11, 30, 14, 0))
    with pytest.raises(TypeError, match="award_date"):
        award(award_date="2026-11-20")
    with pytest.raises(ValueError, match="title"):
        award(title="  ")


def test_an_empty_package_or_two_awards_with_one_identifier_are_refused():
    with pytest.raises(ValueError, match="at least one grant"):
        grant_package([], FUNDER)
    with pytest.raises(ValueError, match="360G-exampledc-PMP-2026-1-14"):
        grant_package([award(), award(title="Another")], FUNDER)


def read_csv(awards):
    out = io.StringIO()
    write_csv(awards, FUNDER, out)
    return list(csv.reader(io.StringIO(out.getvalue())))


def test_the_csv_has_the_standards_column_titles_and_the_same_values_as_the_json():
    header, row = read_csv([award()])
    assert header == [
        "Identifier",
        "Title",
        "Description",
        "Currency",
        "Amount Awarded",
        "Award Date",
        "Recipient Org:Identifier",
        "Recipient Org:Name",
        "Recipient Org:Charity Number",
        "Recipient Org:Company Number",
        "Beneficiary Location:Name",
        "Beneficiary Location:Country Code",
        "Funding Org:Identifier",
        "Funding Org:Name",
        "Grant Programme:Code",
        "Grant Programme:Title",
        "Classifications:Vocabulary",
        "Classifications:Code",
        "Classifications:Title",
        "From An Open Call?",
        "Last Modified",
        "Data Source",
    ]
    cells = dict(zip(header, row, strict=True))
    assert cells["Identifier"] == "360G-exampledc-PMP-2026-1-14"
    assert cells["Amount Awarded"] == "2500"
    assert cells["Award Date"] == "2026-11-20"
    assert cells["Recipient Org:Identifier"] == "GB-CHC-1164883"
    assert cells["Recipient Org:Company Number"] == ""
    assert cells["Funding Org:Name"] == "Example District Council"
    assert cells["Last Modified"] == "2026-11-30T14:00:00+00:00"


def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_are_shown_as_text():
    dangerous = award(
        title='=HYPERLINK("http://evil.example","Click")',
        description="+1 for the tools",
        recipient_org_name="@SUM(A1:A9)",
        beneficiary_location="-Upton",
    )
    _header, row = read_csv([dangerous])
    assert row[1] == '\'=HYPERLINK("http://evil.example","Click")'
    assert row[2] == "'+1 for the tools"
    assert row[7] == "'@SUM(A1:A9)"
    assert row[10] == "'-Upton"
    assert not any(cell[:1] in {"=", "+", "-", "@", "\t", "\r"} for cell in row)
    # The JSON keeps the words as written: only spreadsheets need the apostrophe.
    assert grant(dangerous, FUNDER)["title"].startswith("=HYPERLINK")


# Words that would mean a person's details: none may name a field of an award, a key of the
# package or a CSV column.
PERSONAL = (
    "email",
    "e_mail",
    "phone",
    "telephone",
    "mobile",
    "postcode",
    "postal",
    "address",
    "street",
    "contact",
    "person",
    "individual",
    "ind:",
    "birth",
    "gender",
    "ethnic",
    "applicant",
    "resident",
    "voter",
    "firstname",
    "first_name",
    "surname",
    "last_name",
    "full_name",
    "latitude",
    "longitude",
)


def keys_of(value):
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from keys_of(item)
    elif isinstance(value, list):
        for item in value:
            yield from keys_of(item)


def suggests_personal_data(name):
    normalised = name.lower().replace(" ", "_")
    return [word for word in PERSONAL if word in normalised]


def test_no_field_of_an_award_the_package_or_the_csv_suggests_personal_data():
    names = [field.name for field in fields(Award)]
    names += list(keys_of(grant_package([award()], FUNDER)))
    names += [title for title, _path in CSV_COLUMNS]
    assert {name: suggests_personal_data(name) for name in names if suggests_personal_data(name)} == {}
    # The check itself catches what it is for.
    assert suggests_personal_data("contactName") and suggests_personal_data("Recipient Ind:Name")
    assert suggests_personal_data("postalCode") and suggests_personal_data("applicant_email")
