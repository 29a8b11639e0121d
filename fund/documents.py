"""Supporting documents: PDFs only, recognised by what is in the file rather than its name.

A file renamed to .pdf is refused: it must start with the PDF header and end with a trailer
whose cross-reference offset points at a cross-reference table or stream inside the file,
which is as far as a reader gets before it can show any page.
"""

import re

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

HEADER = re.compile(rb"^%PDF-[12]\.\d")
STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
XREF_AT_OFFSET = re.compile(rb"\s*(xref|\d+\s+\d+\s+obj)")
TAIL_BYTES = 2048


def looks_like_pdf(upload):
    upload.seek(0)
    head = upload.read(16)
    if not HEADER.match(head):
        return False
    size = upload.size
    upload.seek(max(0, size - TAIL_BYTES))
    tail = upload.read(TAIL_BYTES)
    match = STARTXREF.search(tail)
    if match is None:
        return False
    offset = int(match.group(1))
    if not 0 < offset < size:
        return False
    upload.seek(offset)
    found = XREF_AT_OFFSET.match(upload.read(32))
    upload.seek(0)
    return found is not None


def check_document(upload):
    """Raise a ValidationError a group can act on unless `upload` is a PDF within the size limit."""
    limit = settings.FUND_DOCUMENT_MAX_BYTES
    if upload.size > limit:
        raise forms.ValidationError(
            _("The file must be smaller than %(limit)s.") % {"limit": filesizeformat(limit)}, code="too_big"
        )
    if upload.size == 0:
        raise forms.ValidationError(_("The selected file is empty."), code="empty")
    if not looks_like_pdf(upload):
        raise forms.ValidationError(
            _("The selected file must be a PDF. Save or export your document as a PDF and upload it again."),
            code="not_pdf",
        )
