"""The site's URLs with /media/ served, as the web server in front serves it in production.

Tests that follow a file's address (an original, a rendition, the API's download_url) to
what a visitor would get use it with `@pytest.mark.urls("core.tests.urls_serving_media")`.
"""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from connected_communities.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *site_urlpatterns,
]
