"""Tests: fast hashing, memory cache, immediate tasks, no network."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "praxis-tests-only"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}
PRAXIS_SEARCH_LOG_INTERVAL = None  # searches without results: flushed by the tests, not after each response
# wagtail-localize's dummy translator (reverses words): machine translation without network.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}
PRAXIS_MAP_TILE_URL = ""  # no tile request in tests
# Signed-in test users are not asked for a second factor unless a test requires it
# (tests/signin set PRAXIS_REQUIRE_2FA_GROUPS themselves).
PRAXIS_REQUIRE_2FA_GROUPS = []
PRAXIS_RENEW_AFTER_CHANGES = False  # no renewal after each commit (tests of praxis.services.warming turn it on)
PRAXIS_OPENDATA_BUILD_DELAY = None  # no build after each publication: a request builds them (immediate tasks)
PRAXIS_RATE_LIMITS = {}  # unlimited, except in the tests of the limiter
