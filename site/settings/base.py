"""Settings shared by every environment.

Every deployment choice is read from the environment (see ``praxis.env``);
``dev``, ``test`` and ``production`` only set what differs.
"""

import importlib.util
from datetime import timedelta
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
    "territories",
    "labs",
    "practices",
    "search",
    "members",
    "alerts",
    "freshness",
    "contributions",
    "discussions",
    "transpositions",
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
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "allauth",
    "allauth.account",
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
    "praxis.security_headers.SecurityHeadersMiddleware",  # Content-Security-Policy, Permissions-Policy
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "praxis.middleware.LanguageMiddleware",  # 404 for /xx/ (before LocaleMiddleware redirects it)
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # request.user.is_verified(): second factor given
    "praxis.signin.second_factor.SecondFactorMiddleware",  # the admin asks for it (praxis.signin)
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "praxis.params.ParameterErrorMiddleware",  # a refused query-string parameter: its 400
    # Last: turns a sign-in refused for lock-out into the lock-out page.
    "axes.middleware.AxesMiddleware",
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

# Sign-in protection (praxis.signin). django-axes sees every authentication, whichever backend
# answers it (the admin's, the members' sign-in later): it comes first and refuses a locked-out
# username from the same address. Network team members unlock them in the admin (Settings).
# Members' sign-in (allauth, by email) is counted under the email they typed.
AXES_USERNAME_CALLABLE = "praxis.signin.lockout.signin_name"
AXES_FAILURE_LIMIT = env.integer("SIGNIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env.integer("SIGNIN_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]  # one address guessing one account
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "praxis.signin.lockout.lockout_response"
AXES_ENABLE_ADMIN = False  # unlocking is in Wagtail's admin, not Django's
AXES_DISABLE_ACCESS_LOG = True  # no log of successful sign-ins (addresses are personal data)
# Reverse proxies in front of the site that append the client's address to X-Forwarded-For
# (nginx, Varnish...): 0 takes the connection's address (behind a proxy: the proxy's).
PRAXIS_TRUSTED_PROXIES = env.integer("TRUSTED_PROXIES", 0)
AXES_CLIENT_IP_CALLABLE = "praxis.signin.lockout.client_address"
# Two-factor authentication (TOTP apps, recovery codes): members of these groups cannot use the
# admin before they have set it up; every other editor may set it up from their account menu.
# (The team's name as praxis.services.editorial.NETWORK_TEAM stores it.)
PRAXIS_REQUIRE_2FA_GROUPS = env.list_of("REQUIRE_2FA_GROUPS", ["Network editorial team"])
OTP_TOTP_ISSUER = "Praxis"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Accounts. Editors sign in to the Wagtail admin with their username (ModelBackend); members
# sign in on the site with their email (django-allauth, members app). Django's user model is
# kept: allauth fills the username. A member never gets admin access (members.adapter).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out sign-in (see above)
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "members:account"
ACCOUNT_ADAPTER = "members.adapter.MemberAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "members.forms.SignupProfileForm"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True  # signing up with a known email mails its owner instead
ACCOUNT_CONFIRM_EMAIL_ON_GET = False  # the link opens a page with a button: mail scanners do not confirm
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Praxis] "
ACCOUNT_CHANGE_EMAIL = False  # one verified address per member (trust is decided on it)
# Rate limits (allauth, in the cache): per IP address and per email ("key").
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "10/h/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "10/h/ip,3/h/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
}
# Sessions last two weeks when "Remember me" is ticked on the sign-in form, else until the
# browser closes (allauth's ACCOUNT_SESSION_REMEMBER = None asks). SESSION_COOKIE_AGE also
# bounds editors' admin sessions.
ACCOUNT_SESSION_REMEMBER = None
SESSION_COOKIE_AGE = env.integer("SESSION_COOKIE_AGE", 14 * 24 * 60 * 60)
# Pages about one person never get a public Cache-Control (praxis.http_cache), even anonymous:
# sign-in, sign-up, verification and reset links (allauth), the members' pages and answer links.
PRAXIS_PRIVATE_PATHS = [r"^/[a-z]{2}/(accounts|members|freshness|transpositions)/"]
# Contact relay: messages a member may send per day (members.relay).
PRAXIS_RELAY_MESSAGES_PER_DAY = env.integer("RELAY_MESSAGES_PER_DAY", 5)
PRAXIS_RELAY_MAX_LENGTH = 5000
# How long a team's signed answer link stays valid (days).
PRAXIS_RELAY_ANSWER_DAYS = 30
# Transposition plans: how long an invitation to a plan stays valid (days); how many
# invitations a member may send in 24 hours.
PRAXIS_PLAN_INVITATION_DAYS = env.integer("PLAN_INVITATION_DAYS", 30)
PRAXIS_PLAN_INVITATIONS_PER_DAY = env.integer("PLAN_INVITATIONS_PER_DAY", 20)
# Freshness kept by owners (freshness.services): a practice not verified for this many days
# is stale and its owner is reminded, every FRESHNESS_REMIND_EVERY days, until they answer;
# after FRESHNESS_ESCALATE_AFTER unanswered reminders the network team is told. An email's
# one-click links stay valid FRESHNESS_LINK_DAYS days (and work once).
PRAXIS_FRESHNESS_MAX_AGE_DAYS = env.integer("FRESHNESS_MAX_AGE_DAYS", 365)
PRAXIS_FRESHNESS_REMIND_EVERY_DAYS = env.integer("FRESHNESS_REMIND_EVERY_DAYS", 30)
PRAXIS_FRESHNESS_ESCALATE_AFTER = env.integer("FRESHNESS_ESCALATE_AFTER", 3)
PRAXIS_FRESHNESS_LINK_DAYS = env.integer("FRESHNESS_LINK_DAYS", 90)
# Questions and answers (discussions.services.posting): a member's posts wait for approval until
# this many have been published (0: none wait); how many posts a member may write per minute, per day.
PRAXIS_DISCUSSIONS_HELD_UNTIL_APPROVED = env.integer("DISCUSSIONS_HELD_UNTIL_APPROVED", 1)
PRAXIS_DISCUSSIONS_POSTS_PER_MINUTE = env.integer("DISCUSSIONS_POSTS_PER_MINUTE", 3)
PRAXIS_DISCUSSIONS_POSTS_PER_DAY = env.integer("DISCUSSIONS_POSTS_PER_DAY", 30)

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
# Media: the local folder MEDIA_ROOT, or an S3-compatible bucket shared by several app
# servers when AWS_STORAGE_BUCKET_NAME is set (see praxis.env.media_storage).
MEDIA_ROOT = env.path("MEDIA_ROOT", BASE_DIR / "media")
_MEDIA_STORAGE, MEDIA_URL = env.media_storage()
STORAGES = {
    "default": _MEDIA_STORAGE,
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
# Documents go through Django (privacy of collections checked), wherever they are stored.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odp", "ods", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILSEARCH_BACKENDS = env.search_backends("ELASTICSEARCH_URL")

# Anonymous page views may be cached this many seconds by browsers and proxies.
PRAXIS_PUBLIC_CACHE_SECONDS = env.integer("PUBLIC_CACHE_SECONDS", 300)
# Front-end caches (Varnish with deploy/varnish/praxis.vcl) to purge when content changes,
# e.g. "http://10.0.0.5:6081,http://10.0.0.6:6081"; none: nothing is purged. Tagged pages may
# be kept there SHARED_CACHE_SECONDS (s-maxage) since the caches are told when they change.
FRONTEND_CACHE_URLS = env.list_of("FRONTEND_CACHE_URLS", [])
WAGTAILFRONTENDCACHE = {
    f"varnish-{number}": {"BACKEND": "praxis.services.frontend_cache.VarnishBackend", "LOCATION": url}
    for number, url in enumerate(FRONTEND_CACHE_URLS, start=1)
}
PRAXIS_SHARED_CACHE_SECONDS = env.integer("SHARED_CACHE_SECONDS", 24 * 60 * 60 if FRONTEND_CACHE_URLS else 0)
# Fragments of pages every reader sees (menu, footer, language versions, similar practices)
# are kept this many seconds at most; publishing anything renews them at once. 0: not cached.
PRAXIS_FRAGMENT_CACHE_SECONDS = env.integer("FRAGMENT_CACHE_SECONDS", 24 * 60 * 60)
# After a change the worker renews them (home, listings, feeds, sitemaps...) while readers are
# served the previous version, for this many seconds at most (praxis.services.warming). Needs
# a cache shared with the worker: on by default with REDIS_URL.
PRAXIS_RENEW_AFTER_CHANGES = env.boolean("RENEW_AFTER_CHANGES", bool(env.string("REDIS_URL", "")))
PRAXIS_RENEW_MAX_SECONDS = env.integer("RENEW_MAX_SECONDS", 5 * 60)
# Map tiles for the lab map; empty: the map shows markers on a plain background.
# URLs per sitemap page (the protocol allows 50,000; /sitemap.xml is the index of the pages).
PRAXIS_SITEMAP_PAGE_SIZE = 10_000
# Open-data dumps: built by the worker this many seconds after content changes (one build
# for a batch of publications), and by `manage.py build_open_data` (nightly).
PRAXIS_OPENDATA_BUILD_DELAY = env.integer("OPENDATA_BUILD_DELAY", 60)
# PDF dossiers of searches (built by the worker) are kept this many seconds in the media storage.
PRAXIS_DOSSIER_MAX_AGE = env.integer("DOSSIER_MAX_AGE", 24 * 60 * 60)
# Anonymous requests per client and window for the heavy endpoints (0: unlimited).
PRAXIS_RATE_LIMIT_WINDOW = env.integer("RATE_LIMIT_WINDOW", 600)
PRAXIS_RATE_LIMITS = {
    "dossier": env.integer("RATE_LIMIT_DOSSIERS", 10),
    "export": env.integer("RATE_LIMIT_EXPORTS", 30),
    "opendata": env.integer("RATE_LIMIT_OPENDATA", 60),
}
# Behind a proxy: the request header holding the client's address (its last entry), e.g. HTTP_X_FORWARDED_FOR.
PRAXIS_CLIENT_IP_HEADER = env.string("CLIENT_IP_HEADER", "") or None
PRAXIS_MAP_TILE_URL = env.string("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
PRAXIS_MAP_ATTRIBUTION = env.string("MAP_ATTRIBUTION", "© OpenStreetMap contributors")
# Where browsers report Content-Security-Policy violations (praxis.security_headers); empty: nowhere.
PRAXIS_CSP_REPORT_URI = env.string("CSP_REPORT_URI", "")

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

# "Territories like mine" (territories.similarity): the weight of each criterion of the
# closeness of two territories, and the population ratio within which a territory of the
# same kind is "like" the reader's.
PRAXIS_TERRITORY_WEIGHTS = {"kind": 3.0, "population": 3.0, "zone": 1.0, "departement": 1.0, "region": 1.0}
PRAXIS_TERRITORY_LIKE_RATIO = 3.0

# Practices shared by members (contributions): the largest file a member may attach (checked by
# content: PDF, office documents, images), refused from the announced size before it is read.
PRAXIS_CONTRIBUTION_MAX_UPLOAD_BYTES = env.integer("CONTRIBUTION_MAX_UPLOAD_MB", 20) * 1024 * 1024
# Form fields (not files) of one request: the text of a step stays far below this.
DATA_UPLOAD_MAX_MEMORY_SIZE = env.integer("DATA_UPLOAD_MAX_MEMORY_SIZE", 2_621_440)
