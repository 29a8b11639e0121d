"""Wagtail's own admin downloads (site history, workflows, tasks, search terms, listings) made
safe for spreadsheets, the way the site's open-data CSVs are (core/open_data.py).

Wagtail writes every admin CSV through `SpreadsheetExportMixin.preprocess_field_value` and
offers no setting or hook to change it for its built-in views, so that one method is
wrapped here, once, at start-up. Wagtail's own value goes through first; a text cell that
would run as a formula then gets the same apostrophe as our exports. XLSX needs nothing:
Wagtail already stores a formula-looking value there as a text cell.

If Wagtail renames the method or changes its arguments, `wrap_preprocess_field_value`
raises at start-up (and `tests/security/test_admin_exports.py` fails), rather than silently
exporting formulas again.
"""

import functools
import inspect

from django.core.exceptions import ImproperlyConfigured

from wagtail.admin.views.mixins import SpreadsheetExportMixin

from core.open_data import safe_cell

EXPECTED_PARAMETERS = ["self", "field", "value", "export_format"]


def wrap_preprocess_field_value(mixin=SpreadsheetExportMixin):
    original = getattr(mixin, "preprocess_field_value", None)
    if getattr(original, "escapes_formulas", False):
        return  # already wrapped (ready() can run more than once in tests)
    if original is None or list(inspect.signature(original).parameters) != EXPECTED_PARAMETERS:
        raise ImproperlyConfigured(
            "Wagtail's SpreadsheetExportMixin.preprocess_field_value changed; "
            "core/admin_exports.py must escape formulas in admin CSV exports another way."
        )

    @functools.wraps(original)
    def preprocess_field_value(self, field, value, export_format):
        value = original(self, field, value, export_format)
        if export_format == self.FORMAT_CSV and isinstance(value, str):
            return safe_cell(value)
        return value

    preprocess_field_value.escapes_formulas = True
    mixin.preprocess_field_value = preprocess_field_value
