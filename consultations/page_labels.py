"""What labels a consultation page, read in one query: its themes, places and documents.

A page two levels below home already costs Wagtail most of the twelve-query budget to
serve, so these three short lists share a single UNION query.
"""

from dataclasses import dataclass

from django.db.models import CharField, F, IntegerField, Value
from django.db.models.functions import Cast, Coalesce, NullIf

from wagtail.documents import get_document_model

from strategy.models import Place, Theme

from .models import ConsultationDocument


@dataclass
class PageDocument:
    title: str
    document: object


def page_labels(page):
    """(tag names, documents) for a ConsultationPage; themes first, then places, then documents in order."""

    # Typed NULLs: PostgreSQL reads an untyped NULL in a UNION as text.
    no_id = Cast(Value(None), IntegerField())
    no_file = Cast(Value(None), CharField())
    themes = (
        Theme.objects.filter(consultations=page)
        .order_by()
        .annotate(row_kind=Value(0), position=F("sort_order"), label=F("name"), doc_id=no_id, doc_file=no_file)
        .values_list("row_kind", "position", "label", "doc_id", "doc_file")
    )
    places = (
        Place.objects.filter(consultations=page)
        .order_by()
        .annotate(row_kind=Value(1), position=Value(0), label=F("name"), doc_id=no_id, doc_file=no_file)
        .values_list("row_kind", "position", "label", "doc_id", "doc_file")
    )
    documents = (
        ConsultationDocument.objects.filter(page=page)
        .order_by()
        .annotate(
            row_kind=Value(2),
            position=Coalesce(F("sort_order"), Value(0)),
            label=Coalesce(NullIf(F("title"), Value("")), F("document__title")),
            doc_id=F("document_id"),
            doc_file=F("document__file"),
        )
        .values_list("row_kind", "position", "label", "doc_id", "doc_file")
    )
    rows = sorted(themes.union(places, documents, all=True), key=lambda row: (row[0], row[1], row[2]))
    Document = get_document_model()
    tags = [label for kind, _position, label, _id, _file in rows if kind < 2]
    page_documents = [
        PageDocument(title=label, document=Document(id=doc_id, title=label, file=doc_file))
        for kind, _position, label, doc_id, doc_file in rows
        if kind == 2
    ]
    return tags, page_documents
