"""Settings shared by every environment.

Every deployment choice is read from the environment (see ``praxis.env``);
``dev``, ``test`` and ``production`` only set what differs.
"""

import importlib.util
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from praxis import env

# site/settings/base.py -> repository root
BASE_DIR = Path(__file__).resolve().parents[2]
PROJECT_DIR = BASE_DIR / "site"

SECRET_KEY = env.string("SECRET_KEY", "")
DEBUG = env.boolean("DEBUG", False)
ALLOWED_HOSTS = env.list_of("ALLOWED_HOSTS", [])
CSRF_TRUSTED_ORIGINS = env.list_of("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "praxis",
    "taxonomy",
    "labs",
    "practices",
    "search",
    "demo",  # on top of every other app: it loads their pages
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "wagtail.api.v2",
    "rest_framework",
    "django_countries",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # Outermost, so it sees the final response (cookies included) before deciding.
    "praxis.http_cache.PublicCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "praxis.middleware.LanguageMiddleware",  # 404 for /xx/ (before LocaleMiddleware redirects it)
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "praxis.params.ParameterErrorMiddleware",  # a refused query-string parameter: its 400
]

ROOT_URLCONF = "praxis.urls"
WSGI_APPLICATION = "praxis.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: DATABASE_URL, or a SQLite file in the repository (git-ignored).
DATABASES = {"default": env.database("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: REDIS_URL, or the process's memory.
CACHES = {"default": env.cache("REDIS_URL")}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. French is the default; PRAXIS_LANGUAGES enables more
# (any of fr, en, de, es, it, da, nl) without a code change.
LANGUAGE_CODE = "fr"
TIME_ZONE = env.string("TIME_ZONE", "Europe/Paris")
USE_I18N = True
USE_TZ = True

_KNOWN_LANGUAGES = {
    "fr": _("French"),
    "en": _("English"),
    "de": _("German"),
    "es": _("Spanish"),
    "it": _("Italian"),
    "da": _("Danish"),
    "nl": _("Dutch"),
}
LANGUAGES = [
    (code, _KNOWN_LANGUAGES[code]) for code in env.languages("PRAXIS_LANGUAGES", ["fr", "en"], known=_KNOWN_LANGUAGES)
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
# The reader's language is remembered when they use the switcher (praxis.services.language).
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"

# Machine translation in wagtail-localize's editor: DeepL when DEEPL_API_KEY is set
# (a key ending in ":fx" uses DeepL's free API), none otherwise.
if env.string("DEEPL_API_KEY", ""):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": env.string("DEEPL_API_KEY", ""), "TIMEOUT": env.integer("DEEPL_TIMEOUT", 30)},
    }

# Static and media files
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", BASE_DIR / "static")
STATICFILES_DIRS = [
    PROJECT_DIR / "static",
    # Leaflet's JS and CSS (the lab map), from the django-leaflet package: its
    # Django app needs GDAL, so only its static folder is used.
    Path(importlib.util.find_spec("leaflet").submodule_search_locations[0]) / "static",
]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Email
EMAIL_BACKEND = env.string("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env.string("EMAIL_HOST", "localhost")
EMAIL_PORT = env.integer("EMAIL_PORT", 25)
EMAIL_HOST_USER = env.string("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env.string("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env.boolean("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env.string("DEFAULT_FROM_EMAIL", "Praxis <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail
WAGTAIL_SITE_NAME = "Praxis"
WAGTAILADMIN_BASE_URL = env.string("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no request leaves the site for avatars
WAGTAILEMBEDS_FINDERS = []  # no oEmbed lookups: nothing reaches the network at render time
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odp", "ods", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILSEARCH_BACKENDS = env.search_backends("ELASTICSEARCH_URL")

# Anonymous page views may be cached this many seconds by browsers and proxies.
PRAXIS_PUBLIC_CACHE_SECONDS = env.integer("PUBLIC_CACHE_SECONDS", 300)
# Fragments of pages every reader sees (menu, footer, language versions, similar practices)
# are kept this many seconds at most; publishing anything renews them at once. 0: not cached.
PRAXIS_FRAGMENT_CACHE_SECONDS = env.integer("FRAGMENT_CACHE_SECONDS", 24 * 60 * 60)
# Map tiles for the lab map; empty: the map shows markers on a plain background.
PRAXIS_MAP_TILE_URL = env.string("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
PRAXIS_MAP_ATTRIBUTION = env.string("MAP_ATTRIBUTION", "© OpenStreetMap contributors")

# Background tasks (indexing, emails, dumps...): a queue in the database, read by a second
# process, `manage.py db_worker --queue-name '*'` (`make demo` starts it beside the web server).
# TASKS_BACKEND=django_tasks.backends.immediate.ImmediateBackend runs them in the request instead.
TASKS = {"default": {"BACKEND": env.string("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.string("LOG_LEVEL", "WARNING")},
}
