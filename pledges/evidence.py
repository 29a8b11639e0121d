"""Evidence links for many updates at once, in two queries whatever their number.

Each update's evidence is a StreamField; reading its choosers one by one would cost a
query per block. The raw stream data names the pages and documents by id, so they are
fetched together.
"""

from wagtail.documents import get_document_model
from wagtail.models import Page

from core.caching.routing import public_pages


def evidence_by_update(updates):
    """{id(update): [{"kind", "title", "url"[, "extension"]}, ...]} for live pages, existing documents and links."""
    page_ids, document_ids = set(), set()
    for update in updates:
        for block in update.evidence.raw_data:
            if block["type"] in ("story", "consultation") and block["value"]:
                page_ids.add(block["value"])
            elif block["type"] == "document" and block["value"]:
                document_ids.add(block["value"])
    pages = {page.pk: page for page in public_pages(Page.objects.live()).filter(pk__in=page_ids)} if page_ids else {}
    documents = (
        {document.pk: document for document in get_document_model().objects.filter(pk__in=document_ids)}
        if document_ids
        else {}
    )
    result = {}
    for update in updates:
        links = []
        for block in update.evidence.raw_data:
            kind, value = block["type"], block["value"]
            if kind in ("story", "consultation") and value in pages:
                links.append({"kind": kind, "title": pages[value].title, "url": pages[value].url})
            elif kind == "document" and value in documents:
                document = documents[value]
                links.append(
                    {"kind": kind, "title": document.title, "url": document.url, "extension": document.file_extension}
                )
            elif kind == "link" and value:
                links.append({"kind": kind, "title": value.get("title") or value.get("url"), "url": value.get("url")})
        result[id(update)] = links
    return result
