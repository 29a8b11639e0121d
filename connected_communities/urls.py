from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path
from django.views.generic import TemplateView

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core.health import health
from core.password_reset import LimitedPasswordResetView
from core.sitemap import MultilingualSitemap

from .api import api_router

# Machine-facing and staff URLs: one address whatever the visitor's language.
urlpatterns = [
    path("health/", health, name="health"),
    # Before Wagtail's own: the same form, with a limit on the emails it sends.
    path("admin/password_reset/", LimitedPasswordResetView.as_view()),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    # The directory for social prescribers', the NHS's and other councils' tools (Open Referral UK).
    path("openreferral/", include("directory.openreferral_urls")),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# What residents read carries its language: English at /, Polish at /pl/, and so on.
urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    path("", include("stories.urls")),
    path("", include("pledges.urls")),
    path("", include("consultations.urls")),
    path("", include("fund.urls")),
    path("", include("volunteering.urls")),
    path("", include("directory.group_urls")),
    path("", include("events.urls")),
    path("", include("alerts.urls")),
    path("", include("directory.urls")),
    path("", include("following.urls")),
    path("", include("core.personal_data.urls")),
    # Wagtail serves every other path from the page tree; it must come last.
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
