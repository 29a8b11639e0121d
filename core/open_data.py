"""Open-data downloads: the same records as CSV (one row each) or JSON (with the columns explained).

Each section describes its download as COLUMNS, a list of (name, description), and builds
the records as dicts with those keys. The descriptions are shown beside the download links
and repeated in the JSON, so readers know what each column means.
"""

import csv

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import cache_control

# A cell starting with one of these runs as a formula in spreadsheet software.
FORMULA_STARTS = {"=", "+", "-", "@", "\t", "\r"}

# Public files, the same for everyone; a short cache spares the database on busy days.
public_download = cache_control(public=True, max_age=300)


def safe_cell(value):
    """A CSV cell that a spreadsheet shows as text, never runs as a formula."""
    value = "" if value is None else str(value)
    return "'" + value if value[:1] in FORMULA_STARTS else value


def csv_cell(value):
    """Lists become "a; b"; dates ISO 8601; everything is made safe for spreadsheets."""
    if isinstance(value, list | tuple):
        value = "; ".join(str(item) for item in value)
    elif hasattr(value, "isoformat"):
        value = value.isoformat()
    return value if isinstance(value, bool | int | float) else safe_cell(value)


def csv_attachment(filename):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_download(filename, columns, rows):
    """`rows` are dicts keyed by the column names, already flat (one value per cell)."""
    response = csv_attachment(filename)
    writer = csv.writer(response)
    writer.writerow([name for name, _description in columns])
    for row in rows:
        writer.writerow([csv_cell(row[name]) for name, _description in columns])
    return response


def json_download(filename, key, columns, records):
    payload = {
        "generated_at": timezone.now(),
        "columns": {name: str(description) for name, description in columns},
        key: records,
    }
    response = JsonResponse(payload, encoder=DjangoJSONEncoder, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
