"""The read-only open-data API (Wagtail API v2): live pages, images and documents.

Pages are Wagtail's own: live, outside private sections, with each type's `api_fields`.
Images and documents are narrowed to those a live public page uses. Without that, the
endpoints would list every file in the library, including the photos a community group
sent with a story that is still waiting for review.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import BigIntegerField, CharField
from django.db.models.functions import Cast

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page, ReferenceIndex

from core.caching.routing import public_pages

from .api_parameters import CheckedQueryParametersMixin


def used_on_public_pages(queryset):
    """The objects of `queryset` that a live, public page refers to (Wagtail's reference index).

    The index is built from each page's own row, which for a live page is its published
    version, so an image only added in a draft is not counted as used. The index keeps ids
    as text; they are cast in the subquery, not annotated on `queryset`, because the search
    backends cannot search a queryset carrying an annotation (`?search=` answered 500).
    """
    public_page_ids = public_pages(Page.objects.live()).annotate(pk_text=Cast("pk", CharField())).values("pk_text")
    used = (
        ReferenceIndex.objects.filter(
            to_content_type=ReferenceIndex._get_base_content_type(queryset.model),
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=public_page_ids,
        )
        .annotate(to_pk=Cast("to_object_id", BigIntegerField()))
        .values("to_pk")
    )
    return queryset.filter(pk__in=used)


class PublicPagesAPIViewSet(CheckedQueryParametersMixin, PagesAPIViewSet):
    pass


class PublicImagesAPIViewSet(CheckedQueryParametersMixin, ImagesAPIViewSet):
    def get_queryset(self):
        return used_on_public_pages(super().get_queryset())


class PublicDocumentsAPIViewSet(CheckedQueryParametersMixin, DocumentsAPIViewSet):
    def get_queryset(self):
        return used_on_public_pages(super().get_queryset())


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
