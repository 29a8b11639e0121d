import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "connected_communities.settings.production")

application = get_wsgi_application()

# Anonymous page-cache hits are answered before Django's request handling (core/caching/early_hits.py).
from core.caching.early_hits import PageCacheHits  # noqa: E402  (needs the apps loaded above)

application = PageCacheHits(application)
