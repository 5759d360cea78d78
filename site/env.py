"""Read deployment settings from the environment, with clear errors."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def string(name: str, default: str) -> str:
    return os.environ.get(name, default)


def boolean(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false), got {raw!r}.")


def integer(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, got {raw!r}.") from None


def list_of(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def path(name: str, default: Path) -> Path:
    raw = os.environ.get(name)
    return Path(raw) if raw else default


def languages(name: str, default: list[str], known: dict) -> list[str]:
    codes = list_of(name, default)
    unknown = [code for code in codes if code not in known]
    if unknown:
        raise ImproperlyConfigured(f"{name} lists unsupported languages {unknown}; choose among {sorted(known)}.")
    if not codes or codes[0] != "fr":
        raise ImproperlyConfigured(f"{name} must start with 'fr', the default language.")
    return codes


def database(name: str, default: str) -> dict:
    url = os.environ.get(name) or default
    try:
        # Persistent connections (DATABASE_CONN_MAX_AGE seconds, 0: one per request), checked
        # before each request reuses them: a restarted database costs the next request a
        # reconnection, not an error.
        config = dj_database_url.parse(url, conn_max_age=integer("DATABASE_CONN_MAX_AGE", 60), conn_health_checks=True)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} is not a valid database URL: {error}") from None
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # Readers never wait on the writer; writers wait a little instead of failing.
        config.setdefault("OPTIONS", {}).update(
            {"timeout": 20, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
        )
    elif config["ENGINE"] == "django.db.backends.postgresql":
        # No JIT compilation: the faceted search statement is estimated costly enough to
        # trigger it, and compiling took 78 ms of its 107 ms (10,000 practices); every
        # query here is short. A DATABASE_URL "options" parameter still wins.
        options = config.setdefault("OPTIONS", {})
        options["options"] = " ".join(filter(None, ["-c jit=off", options.get("options")]))
    return config


def cache(name: str) -> dict:
    url = os.environ.get(name)
    if not url:
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}


def search_backends(name: str) -> dict:
    """Wagtail's database backend, or Elasticsearch 8 when ``name`` is set.

    Both are Praxis subclasses (``search.backends``). With Elasticsearch, the database
    backend is kept up to date too ("fallback"): the search page falls back to it when
    the cluster is down.
    """
    url = os.environ.get(name)
    database = {"BACKEND": "search.backends.database"}
    if not url:
        return {"default": database}
    return {
        "fallback": database,
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [url],
            "INDEX_PREFIX": string("ELASTICSEARCH_INDEX_PREFIX", "praxis_"),
            "TIMEOUT": integer("ELASTICSEARCH_TIMEOUT", 2),
            "OPTIONS": {"max_retries": 0, "retry_on_timeout": False},
            "INDEX_SETTINGS": {},
        },
    }


def media_storage() -> tuple[dict, str]:
    """Where uploaded images and documents go, and the ``MEDIA_URL`` they are served from.

    The local folder ``settings.MEDIA_ROOT`` unless
    ``AWS_STORAGE_BUCKET_NAME`` is set: then an S3-compatible bucket (django-storages) that
    every app server shares, reached at ``AWS_S3_ENDPOINT_URL`` (MinIO, Scaleway, OVH...;
    empty: Amazon S3), with ``AWS_ACCESS_KEY_ID``/``AWS_SECRET_ACCESS_KEY`` (or the machine's
    role), under ``AWS_LOCATION`` (a folder in the bucket). Images are linked at
    ``AWS_S3_CUSTOM_DOMAIN`` (a CDN) or the bucket's URL, unsigned unless
    ``AWS_QUERYSTRING_AUTH`` is true (then the bucket may stay private).
    """
    bucket = string("AWS_STORAGE_BUCKET_NAME", "")
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}, "/media/"
    endpoint = string("AWS_S3_ENDPOINT_URL", "").rstrip("/")
    region = string("AWS_S3_REGION_NAME", "")
    domain = string("AWS_S3_CUSTOM_DOMAIN", "")
    location = string("AWS_LOCATION", "media").strip("/")
    options = {
        "bucket_name": bucket,
        "endpoint_url": endpoint or None,
        "region_name": region or None,
        "access_key": string("AWS_ACCESS_KEY_ID", "") or None,
        "secret_key": string("AWS_SECRET_ACCESS_KEY", "") or None,
        "custom_domain": domain or None,
        "location": location,
        "querystring_auth": boolean("AWS_QUERYSTRING_AUTH", False),
        "default_acl": None,  # the bucket's policy decides who reads
        "file_overwrite": False,  # two uploads of "photo.jpg" keep two files
    }
    if domain:
        url = f"https://{domain}/"
    elif endpoint:
        url = f"{endpoint}/{bucket}/"
    else:
        url = f"https://{bucket}.s3.{region or 'us-east-1'}.amazonaws.com/"
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}, url + (f"{location}/" if location else "")
