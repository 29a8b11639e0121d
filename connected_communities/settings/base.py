"""Settings common to every environment.

dev.py, test.py and production.py import this and change only what differs.
Everything that varies between machines comes from the environment.
"""

import ipaddress
import os
from pathlib import Path
from urllib.parse import urlsplit

from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = BASE_DIR / "var"
VAR_DIR.mkdir(exist_ok=True)


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).lower() in {"1", "true", "yes", "on"}


INSTALLED_APPS = [
    "core",
    "home",
    "strategy",
    "stories",
    "pledges",
    "consultations",
    "fund",
    "directory",
    "volunteering",
    "events",
    "alerts",
    "following",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "rest_framework",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "axes",
    "dbbackup",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    # First: an anonymous page-cache hit is answered here, stored with every header the rest
    # of the stack gave it (HSTS, CSP, Referrer-Policy...), and nothing below runs for it.
    "core.caching.page_cache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.security_headers.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.middleware.database_outage.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "axes.middleware.AxesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # /pl/... pages nobody has translated yet: the English page with a notice, not a 404.
    "core.middleware.language_fallback.UntranslatedPageFallbackMiddleware",
    # Site, home page, sections and view restrictions from the cache (core/caching/routing.py).
    "core.caching.routing.CachedRoutingMiddleware",
]

ROOT_URLCONF = "connected_communities.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "connected_communities.wsgi.application"

# DATABASE_URL selects the database; unset, an embedded SQLite file under var/.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# CACHE_URL or REDIS_URL selects a shared cache; unset, per-process memory.
# "worker" is each worker's own copy of what core/caching/routing.py keeps per cache generation.
WORKER_CACHE_ALIAS = "worker"
WORKER_CACHE = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "worker",
    "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("WORKER_CACHE_ENTRIES", "1000"))},
}
_cache_url = os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL")
if _cache_url:
    CACHES = {
        "default": {
            # django-redis keeps one client per connection pool for the life of the worker
            # (Django's own Redis backend builds a new client on every call). Redis errors
            # are raised, not ignored: /health/ reports the cache unavailable, and a rate
            # limit never silently lets everything through.
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": _cache_url,
            "KEY_PREFIX": "cc",
        },
        WORKER_CACHE_ALIAS: WORKER_CACHE,
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}, WORKER_CACHE_ALIAS: WORKER_CACHE}

# The anonymous page cache (core/caching/page_cache.py): how long a page may be kept at most, and
# which paths are never cached. It uses the default cache (Redis in production).
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_EXCLUDED_PREFIXES = ["/admin/", "/health/", "/static/", "/media/", "/documents/", "/stories/mine/"]

# A CDN in front is purged on publish by Wagtail's frontend cache module when configured.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("CLOUDFLARE_API_TOKEN"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ["CLOUDFLARE_API_TOKEN"],
        "ZONEID": os.environ.get("CLOUDFLARE_ZONE_ID", ""),
    }
if os.environ.get("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["CLOUDFRONT_DISTRIBUTION_ID"],
    }
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):  # Varnish or Squid in front
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Background jobs (django-tasks). Emails and slow work run in a worker, never in the request
# that asked for them: the "background" backend below, which the site's own tasks name.
# TASKS_BACKEND=database (default): a table in the site's database, run by
#   `manage.py db_worker --backend background` (`make run` starts it beside the server).
# TASKS_BACKEND=rq: RQ on the Redis in RQ_REDIS_URL (else REDIS_URL), run by
#   `manage.py rqworker default --job-class django_tasks_rq.Job` (requirements-rq.txt).
# "default" stays immediate: Wagtail's own small tasks (search and reference index updates,
# CDN purges, file clean-up) cannot be pointed at another backend, and running them in the
# request keeps search current without depending on the worker.
BACKGROUND_TASKS = "background"
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "database")
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
if TASKS_BACKEND == "rq":
    INSTALLED_APPS.append("django_rq")
    RQ_QUEUES = {
        "default": {"URL": os.environ.get("RQ_REDIS_URL") or os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/1")}
    }
    TASKS[BACKGROUND_TASKS] = {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}
elif TASKS_BACKEND == "database":
    TASKS[BACKGROUND_TASKS] = {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
elif TASKS_BACKEND == "immediate":
    TASKS[BACKGROUND_TASKS] = {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
else:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be database, rq or immediate, not {TASKS_BACKEND!r}")

# Language and time: the council works in UK English and Europe/London time.
LANGUAGE_CODE = "en"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = True
# SITE_LANGUAGES: the languages the site is published in (Django language codes),
# English always first because it is the source every translation starts from.
# Each one is named in its own language in the switcher ("Polski", "Română").
SITE_LANGUAGES = ["en", *(code for code in env_list("SITE_LANGUAGES", "en,pl,ro") if code != "en")]
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    (code, LANG_INFO[code]["name_local"][:1].upper() + LANG_INFO[code]["name_local"][1:]) for code in SITE_LANGUAGES
]
LOCALE_PATHS = [PROJECT_DIR / "locale"]
# Residents' words are never sent to a translation service: no machine translator is
# configured for wagtail-localize (WAGTAILLOCALIZE_MACHINE_TRANSLATOR stays unset).

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
# static/ is the source folder; collectstatic writes to staticfiles/ (gitignored).
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_URL = "/static/"

MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

# Files only staff may read (the fund's supporting documents): outside MEDIA_ROOT, with no
# public URL; the admin serves them through a view that checks permissions.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": {
        "BACKEND": "core.private_files.PrivateFileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT)},
    },
}
if PRIVATE_MEDIA_ROOT.resolve().is_relative_to(MEDIA_ROOT.resolve()):
    raise ImproperlyConfigured("PRIVATE_MEDIA_ROOT must not be inside MEDIA_ROOT, which the web server serves.")
# Media on S3-compatible object storage (django-storages), for several app servers sharing
# one media store. Off unless a bucket is named; credentials come from the usual AWS_*
# variables or the instance's role.
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "default_acl": None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }
    # Private files in the same bucket under private/, never public: the objects are private
    # and any URL to one is signed and expires.
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **STORAGES["default"]["OPTIONS"],
            "location": "private",
            "custom_domain": None,
            "default_acl": "private",
            "querystring_auth": True,
        },
    }

# Backups (django-dbbackup, core/backups.py): the database through its own tools (pg_dump
# custom format, SQLite's online backup) and the media through the storage API above, so
# media on S3 are backed up too. "dbbackup" is where its own commands keep backups when
# not told a path; `manage.py backup --to DIR` writes a timestamped folder under DIR.
STORAGES["dbbackup"] = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": os.environ.get("BACKUP_ROOT", str(VAR_DIR / "backups"))},
}
DBBACKUP_CONNECTORS = {
    # Restorable as whichever database user the new server has.
    "default": {"PG_OPTIONS": "--no-owner"},
}

# Complex page models exceed Django's default of 1000 fields in the page editor.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Email: console in development, SMTP configured from the environment in production.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Connected Communities <noreply@connected-communities.localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Who hears about new community stories and reported comments.
MODERATOR_EMAILS = env_list("MODERATOR_EMAILS", "moderators@connected-communities.localhost")

# Wagtail
WAGTAIL_SITE_NAME = "Connected Communities"
# The site's one public address: scheme, host and port, no path. Every absolute URL (emails,
# feeds, sitemap, canonical links, the API, open-data downloads) is built from it
# (core/site_address.py), and migrate gives the default Site its host and port. `make run`
# sets it from PORT. Wagtail's own settings below must stay equal to it (a system check says so).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
# PostgreSQL full-text search with English stemming ("volunteering" finds "volunteer");
# SQLite ignores SEARCH_CONFIG and uses its own FTS.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "english"}}
# The site search lists (and counts in its filters) at most this many of the best-ranked matches.
SEARCH_MAX_MATCHES = 500
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Well below Wagtail's default of 128 megapixels: a defence against decompression bombs.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILADMIN_COMMENTS_ENABLED = True
# Autosave off. On "Add page" it creates a real draft page after the first keystrokes, so an
# abandoned form leaves a draft and adding the page again fails on its slug; in the editor it
# saves a revision at every pause, and a revision is what a community group is asked to agree
# to (stories/agreement.py). Wagtail still warns before leaving a form with unsaved changes.
WAGTAIL_AUTOSAVE_INTERVAL = 0
WAGTAILAPI_BASE_URL = SITE_URL
WAGTAILAPI_LIMIT_MAX = 100

# Which proxies may say who the visitor is (core/client_address.py). None by default:
# X-Forwarded-For is then never read and the client address is REMOTE_ADDR.
# TRUSTED_PROXY_COUNT: proxies in front that each append to X-Forwarded-For (nginx alone: 1).
# TRUSTED_PROXIES: comma-separated addresses or networks (CIDR) they connect from.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
for _network in TRUSTED_PROXIES:
    ipaddress.ip_network(_network, strict=False)  # a typo stops start-up, not every request

# Public forms: how many accepted submissions one client may make per window (seconds), and
# how many refused ones (mistakes in the form), more generously, for people sharing an address.
PUBLIC_FORM_RATE_LIMIT = int(os.environ.get("PUBLIC_FORM_RATE_LIMIT", "5"))
PUBLIC_FORM_FAILED_RATE_LIMIT = int(os.environ.get("PUBLIC_FORM_FAILED_RATE_LIMIT", "20"))
PUBLIC_FORM_RATE_WINDOW = int(os.environ.get("PUBLIC_FORM_RATE_WINDOW", "600"))
# Files (story photos) one sender may upload per day, counted per email address and per client.
PUBLIC_UPLOAD_DAILY_LIMIT = int(os.environ.get("PUBLIC_UPLOAD_DAILY_LIMIT", "20"))
# Emails the public forms send to a typed address (receipts, confirmation and sign-in links),
# per recipient address per day, so the forms cannot be used to fill a stranger's inbox.
PUBLIC_RECEIPTS_PER_ADDRESS_PER_DAY = int(os.environ.get("PUBLIC_RECEIPTS_PER_ADDRESS_PER_DAY", "10"))
# Pixels one story submission may bring across all its photos, read from their headers before
# any is decoded: re-encoding and renditions run in the request, and five 40-megapixel photos
# held a worker for 20-40 s. 64 MP takes five 12-megapixel phone photos (4,032 x 3,024).
PUBLIC_UPLOAD_MAX_PIXELS = int(os.environ.get("PUBLIC_UPLOAD_MAX_PIXELS", "64000000"))
# Story photos are stored no larger than this on their long side: renditions are at most
# 1,200 px wide, and a JPEG of up to 40 megapixels is then decoded at half scale or less.
PUBLIC_PHOTO_MAX_SIDE = int(os.environ.get("PUBLIC_PHOTO_MAX_SIDE", "1600"))
# A human takes longer than this to fill a form; bots rarely do.
PUBLIC_FORM_MIN_SECONDS = int(os.environ.get("PUBLIC_FORM_MIN_SECONDS", "3"))

# Admin password reset emails per hour, per email address and per client (core/password_reset.py).
PASSWORD_RESET_LIMIT_PER_ADDRESS = int(os.environ.get("PASSWORD_RESET_LIMIT_PER_ADDRESS", "3"))
PASSWORD_RESET_LIMIT_PER_CLIENT = int(os.environ.get("PASSWORD_RESET_LIMIT_PER_CLIENT", "10"))

# Sign-in lockout (django-axes): five failures lock that username from that address for an hour.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "lockout.html"
# The same client address as the rate limits (core/client_address.py), so a lockout locks
# the visitor behind the proxy, not the proxy.
AXES_CLIENT_IP_CALLABLE = "core.client_address.client_address"

# The directory's map (directory/map_views.py): the tile server is a setting, so the council can
# use its own or a paid one. The page works without it (the list is the map's equivalent).
DIRECTORY_MAP_TILE_URL = os.environ.get("DIRECTORY_MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
DIRECTORY_MAP_ATTRIBUTION = os.environ.get(
    "DIRECTORY_MAP_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
)
# Where the map opens before it knows its markers: the middle of the district, and a zoom.
DIRECTORY_MAP_CENTRE = {"latitude": 52.1, "longitude": -2.3, "zoom": 10}
# Open Referral UK addresses name a county ("state_province" in the standard) and a country.
DIRECTORY_COUNTY = os.environ.get("DIRECTORY_COUNTY", "Worcestershire")


def tile_source(url):
    """The CSP source for a tile URL template: its scheme and host, "{s}" subdomains as a wildcard."""
    parts = urlsplit(url)
    host = parts.netloc
    if "{" in host:
        # e.g. {s}.tile.example.org: any subdomain of what follows the placeholder.
        host = "*." + host.split("}", 1)[1].lstrip(".-")
    return f"{parts.scheme}://{host}"


# Content-Security-Policy (django-csp). Public pages get a strict policy: no inline
# script or style at all. The Wagtail admin gets its own, looser one (core/middleware/security_headers.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # The map's tiles come from the tile server (DIRECTORY_MAP_TILE_URL).
        "img-src": ["'self'", "data:", tile_source(DIRECTORY_MAP_TILE_URL)],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["https://www.youtube-nocookie.com", "https://www.youtube.com", "https://player.vimeo.com"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        # Wagtail's admin sets styles from its scripts (e.g. the rich-text editor and the
        # preview panel), so inline styles are allowed there, and only there.
        "style-src": ["'self'", "'unsafe-inline'"],
        # Wagtail 8's admin still runs inline scripts: InlinePanel and MultipleChooserPanel
        # start-up with per-panel JSON (so no fixed hash), date widgets, and chooser modals
        # whose HTML jQuery evaluates. Without this the editor breaks (docs/security.md).
        "script-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        # The dashboard asks Wagtail's release server whether a security release is out.
        "connect-src": ["'self'", "https://releases.wagtail.org"],
        "frame-src": [
            "'self'",
            "https://www.youtube-nocookie.com",
            "https://www.youtube.com",
            "https://player.vimeo.com",
        ],
        "frame-ancestors": ["'self'"],
    }
}
# Wagtail shows staff avatars from gravatar.com by default: that sends a hash of each staff
# email to a third party and breaks the admin's img-src 'self'. Wagtail's own initials instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"


X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Consultations: days after an outcome is published before residents' names, emails and
# postcodes are anonymised by `manage.py purge_personal_data` (run daily).
CONSULTATION_PERSONAL_DATA_RETENTION_DAYS = int(os.environ.get("CONSULTATION_PERSONAL_DATA_RETENTION_DAYS", "365"))

# Community stories: days after a story is declined or its consent withdrawn before the
# contact's name and email are removed from the submission by `purge_personal_data` (daily).
STORY_CONTACT_RETENTION_DAYS = int(os.environ.get("STORY_CONTACT_RETENTION_DAYS", "90"))

# People Make Places Fund: days after a round's decisions before voters' email addresses and
# postcodes are emptied from their ballots, and unfunded applications (with their documents)
# and drafts never submitted are deleted, by `purge_personal_data` (daily). Funded
# applications stay: they are the record of public money spent.
FUND_PERSONAL_DATA_RETENTION_DAYS = int(os.environ.get("FUND_PERSONAL_DATA_RETENTION_DAYS", "365"))

# Volunteering: days after a resident registers interest in an opportunity before the record
# (their name, email, phone, message and the group's reply) is deleted by `purge_personal_data`
# (daily). The group and the resident have each other's emails by then, if they wrote.
VOLUNTEERING_INTEREST_RETENTION_DAYS = int(os.environ.get("VOLUNTEERING_INTEREST_RETENTION_DAYS", "365"))

# Following (residents' email updates, following/): subscribers per background batch; emails
# a minute across every worker (the mail provider's limit); days a confirmation link works;
# days before an address that never confirmed is deleted, and before the record of which
# emails went to whom is deleted, by `purge_personal_data` (daily).
FOLLOWING_BATCH_SIZE = int(os.environ.get("FOLLOWING_BATCH_SIZE", "500"))
FOLLOWING_SEND_RATE = int(os.environ.get("FOLLOWING_SEND_RATE", "1200"))
FOLLOWING_CONFIRM_DAYS = int(os.environ.get("FOLLOWING_CONFIRM_DAYS", "3"))
FOLLOWING_UNCONFIRMED_DAYS = int(os.environ.get("FOLLOWING_UNCONFIRMED_DAYS", "7"))
FOLLOWING_DELIVERY_RETENTION_DAYS = int(os.environ.get("FOLLOWING_DELIVERY_RETENTION_DAYS", "90"))

# The residents' vote: who may vote, by the outward part of their postcode (the district's
# postcode districts; Malvern Hills by default). Comma-separated in the environment.
FUND_VOTE_POSTCODE_DISTRICTS = [
    district.strip().upper()
    for district in os.environ.get("FUND_VOTE_POSTCODE_DISTRICTS", "WR2,WR6,WR8,WR13,WR14,WR15,HR8").split(",")
    if district.strip()
]

# People Make Places Fund applications: supporting documents are PDFs of at most this many
# bytes, and at most this many per application.
FUND_DOCUMENT_MAX_BYTES = int(os.environ.get("FUND_DOCUMENT_MAX_BYTES", str(5 * 1024 * 1024)))
FUND_DOCUMENTS_PER_APPLICATION = int(os.environ.get("FUND_DOCUMENTS_PER_APPLICATION", "5"))

# The fund's awards as 360Giving open data (fund/threesixty.py, /fund/open-data/): the council's
# org-id (e.g. GB-LAE-MAV), its name and its 360Giving prefix (registered with 360Giving, e.g.
# 360G-malvernhills). Without all three the open-data files are not offered.
FUND_360GIVING = (
    {
        "identifier": os.environ["FUND_360GIVING_IDENTIFIER"],
        "name": os.environ["FUND_360GIVING_NAME"],
        "prefix": os.environ["FUND_360GIVING_PREFIX"],
    }
    if all(os.environ.get(f"FUND_360GIVING_{key}") for key in ("IDENTIFIER", "NAME", "PREFIX"))
    else None
)

# Emergency alerts (alerts/): how CAP documents name the whole district and the sender.
ALERTS_DISTRICT_NAME = os.environ.get("ALERTS_DISTRICT_NAME", "Malvern Hills District")
ALERTS_SENDER_NAME = os.environ.get("ALERTS_SENDER_NAME", "Malvern Hills District Council")
# The Environment Agency's flood warnings, imported as draft alerts every 15 minutes
# (`manage.py import_flood_warnings` from cron; alerts/flood_warnings.py). Off unless set.
FLOOD_WARNINGS_IMPORT = env_bool("FLOOD_WARNINGS_IMPORT")
# Which warnings: the EA API's county filter (comma-separated counties, as the EA names them).
FLOOD_WARNINGS_COUNTY = os.environ.get("FLOOD_WARNINGS_COUNTY", "Worcestershire")
FLOOD_WARNINGS_URL = os.environ.get("FLOOD_WARNINGS_URL", "https://environment.data.gov.uk/flood-monitoring/id/floods")
