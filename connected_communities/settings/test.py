"""The test suite: fast hashing, mail kept in memory, media in a temporary folder."""

import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
# Demo content, sample translations and the load generator; production never installs them.
INSTALLED_APPS = [*INSTALLED_APPS, "sample_content"]  # noqa: F405
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run at once, inside the test, so a test sees the email its request caused. The worker
# has its own tests (home/tests/test_background_tasks.py).
_IMMEDIATE = {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
TASKS = {"default": _IMMEDIATE, BACKGROUND_TASKS: _IMMEDIATE}  # noqa: F405
# The one test with the real worker (home/tests/test_background_worker.py) starts `db_worker`
# with this set: the database queue, and mail written to files in that folder for it to read.
if os.environ.get("WORKER_TEST_MAIL_DIR"):  # noqa: F405
    TASKS[BACKGROUND_TASKS] = {"BACKEND": "django_tasks_db.DatabaseBackend"}  # noqa: F405
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = os.environ["WORKER_TEST_MAIL_DIR"]  # noqa: F405
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="cc-test-media-"))  # noqa: F405
PRIVATE_MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="cc-test-private-media-"))  # noqa: F405
STORAGES["private"]["OPTIONS"]["location"] = str(PRIVATE_MEDIA_ROOT)  # noqa: F405
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}, WORKER_CACHE_ALIAS: WORKER_CACHE}  # noqa: F405
# Tests exercise the forms directly; the minimum fill time has its own tests.
PUBLIC_FORM_MIN_SECONDS = 0
# The test client's host, so links in emails and pages lead where the test client goes.
SITE_URL = WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = "http://testserver"
# django-axes needs the request in authenticate(); the test client's login() doesn't pass
# it. The lockout tests switch it back on with override_settings.
AXES_ENABLED = False

# Serve static files straight from the source folders; no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Off by default so tests see each render (and their query counts); the page cache's own
# tests switch it on.
PAGE_CACHE_SECONDS = 0
# No test reaches a real tile server: nothing listens on port 9, so the map's tiles fail as
# they would when the tile server is down, and the pages must work all the same.
DIRECTORY_MAP_TILE_URL = "http://127.0.0.1:9/{z}/{x}/{y}.png"
CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"] = ["'self'", "data:", tile_source(DIRECTORY_MAP_TILE_URL)]  # noqa: F405
