"""Wagtail's own admin downloads never hand a spreadsheet a formula.

A community group's story title and a visitor's search words reach the site history, the
workflow and workflow-tasks reports and the search-terms report. Downloaded as CSV, a cell
starting with "=", "+", "-" or "@" would run as a formula; it must read as typed, with the
apostrophe the site's own exports use (core/open_data.py).
"""

import csv
import inspect
import io
import uuid

from django.contrib.auth.models import User

from wagtail.admin.views.mixins import SpreadsheetExportMixin

import pytest
from openpyxl import load_workbook

from core.admin_exports import EXPECTED_PARAMETERS, wrap_preprocess_field_value
from stories.models import StorySubmission
from tests.security.sites import public_forms_site

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://x")'
ESCAPED = "'" + FORMULA
REPORTS = {
    "site history": "/admin/reports/site-history/",
    "workflow": "/admin/reports/workflow/",
    "workflow tasks": "/admin/reports/workflow_tasks/",
    "search terms": "/admin/searchpicks/reports/search-terms/",
}


@pytest.fixture
def admin_client(client, settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 100
    public_forms_site()
    # A group sends a story titled as a formula: it enters moderation and the site history.
    data = {
        "group_name": "Upton Repair Group",
        "contact_name": "Sam Jones",
        "contact_email": "sam@example.org",
        "title": FORMULA,
        "story": "We fixed 200 toasters.",
        "consent_to_publish": "on",
        "form_token": str(uuid.uuid4()),
    }
    assert client.post("/stories/submit/", data).status_code == 302
    assert StorySubmission.objects.get(page__title=FORMULA)
    # A visitor searches for the same words: they enter the search-terms report.
    assert client.get("/search/", {"q": FORMULA}).status_code == 200
    client.force_login(User.objects.create_superuser("admin", "admin@council.example", "a-long-password-1"))
    return client


def download(client, url, export_format):
    response = client.get(url, {"export": export_format})
    assert response.status_code == 200, url
    return b"".join(response.streaming_content if response.streaming else [response.content])


def csv_cells(content):
    return [cell for row in csv.reader(io.StringIO(content.decode("utf-8"))) for cell in row]


@pytest.mark.parametrize("report", REPORTS)
def test_a_formula_typed_by_the_public_comes_out_of_every_admin_csv_as_text(admin_client, report):
    cells = csv_cells(download(admin_client, REPORTS[report], "csv"))
    # Wagtail keeps search terms lower-cased.
    assert ESCAPED.lower() in [cell.lower() for cell in cells], cells
    assert not [cell for cell in cells if cell[:1] in {"=", "+", "-", "@"}], cells


@pytest.mark.parametrize("report", REPORTS)
def test_the_same_report_as_xlsx_holds_the_formula_as_a_text_cell(admin_client, report):
    sheet = load_workbook(io.BytesIO(download(admin_client, REPORTS[report], "xlsx"))).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    # Wagtail marks formula-looking values as text in XLSX; no apostrophe is added there.
    assert FORMULA.lower() in [str(cell.value).lower() for cell in cells]
    assert all(cell.data_type != "f" for cell in cells)


def test_the_wrapped_wagtail_method_is_still_the_one_every_admin_export_calls():
    """Fails loudly when Wagtail changes the method the escaping relies on."""
    assert getattr(SpreadsheetExportMixin.preprocess_field_value, "escapes_formulas", False)
    wagtails_own = SpreadsheetExportMixin.preprocess_field_value.__wrapped__
    assert list(inspect.signature(wagtails_own).parameters) == EXPECTED_PARAMETERS
    assert "self.preprocess_field_value(field, value, self.FORMAT_CSV)" in inspect.getsource(
        SpreadsheetExportMixin.write_csv_row
    )

    class Renamed:
        FORMAT_CSV = "csv"

        def preprocess_field_value(self, field, value, fmt):  # Wagtail renamed an argument
            return value

    with pytest.raises(Exception, match="changed"):
        wrap_preprocess_field_value(Renamed)
