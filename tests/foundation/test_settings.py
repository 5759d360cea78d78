"""Production settings are read from the environment and safe by default."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
STRONG_KEY = "x7#Lq2!vR9@mN4$wZ8^kT1&bY6*hJ3(pF5)cD0_gS-uA+eW=oI"


def run_manage(*args, **env_overrides):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update({"DJANGO_SETTINGS_MODULE": "praxis.settings.production", **env_overrides})
    return subprocess.run(
        [sys.executable, str(REPO / "manage.py"), *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_manage("check", ALLOWED_HOSTS="praxis.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_manage("check", SECRET_KEY=STRONG_KEY, ALLOWED_HOSTS="")
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_check_deploy_is_clean_with_production_settings():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", SECRET_KEY=STRONG_KEY, ALLOWED_HOSTS="praxis.example.org"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("DEBUG", "maybe", "DEBUG must be a boolean"),
        ("EMAIL_PORT", "twenty-five", "EMAIL_PORT must be an integer"),
        ("PRAXIS_LANGUAGES", "fr,xx", "unsupported languages"),
    ],
)
def test_bad_environment_values_are_explained(variable, value, message):
    result = run_manage("check", SECRET_KEY=STRONG_KEY, ALLOWED_HOSTS="h", **{variable: value})
    assert result.returncode != 0
    assert message in result.stderr


def test_elasticsearch_url_selects_the_elasticsearch8_backend(monkeypatch):
    from praxis import env

    monkeypatch.setenv("ELASTICSEARCH_URL", "http://search.internal:9200")
    backends = env.search_backends("ELASTICSEARCH_URL")
    default = backends["default"]
    assert default["BACKEND"] == "search.backends.elasticsearch"  # Praxis subclass of elasticsearch8
    assert backends["fallback"]["BACKEND"] == "search.backends.database"
    assert default["URLS"] == ["http://search.internal:9200"]
    assert default["INDEX_PREFIX"] == "praxis_"
    assert "INDEX" not in default
    assert default["TIMEOUT"] <= 3


def test_without_elasticsearch_url_the_database_backend_is_used(monkeypatch):
    from praxis import env

    monkeypatch.delenv("ELASTICSEARCH_URL", raising=False)
    assert env.search_backends("ELASTICSEARCH_URL")["default"]["BACKEND"] == "search.backends.database"


def test_database_url_is_honoured(monkeypatch):
    from praxis import env

    monkeypatch.setenv("DATABASE_URL", "postgres://praxis:secret@db.internal:5432/praxis")
    config = env.database("DATABASE_URL", "sqlite:///unused.sqlite3")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["HOST"] == "db.internal"
    assert config["NAME"] == "praxis"
    assert config["OPTIONS"]["options"] == "-c jit=off"  # short queries: no JIT compilation


def test_database_url_options_are_kept_after_jit_off(monkeypatch):
    from praxis import env

    monkeypatch.setenv("DATABASE_URL", "postgres://praxis@db/praxis?options=-c%20statement_timeout%3D5000")
    config = env.database("DATABASE_URL", "sqlite:///unused.sqlite3")
    assert config["OPTIONS"]["options"] == "-c jit=off -c statement_timeout=5000"


def test_database_connections_persist_and_are_checked_before_reuse(monkeypatch):
    from praxis import env

    monkeypatch.delenv("DATABASE_CONN_MAX_AGE", raising=False)
    config = env.database("DATABASE_URL", "postgres://praxis@db/praxis")
    assert config["CONN_MAX_AGE"] == 60
    assert config["CONN_HEALTH_CHECKS"] is True
    monkeypatch.setenv("DATABASE_CONN_MAX_AGE", "0")
    assert env.database("DATABASE_URL", "postgres://praxis@db/praxis")["CONN_MAX_AGE"] == 0


def test_wsgi_application_freezes_start_up_objects():
    import gc
    import importlib

    import praxis.wsgi

    try:
        importlib.reload(praxis.wsgi)
        assert callable(praxis.wsgi.application)
        assert gc.get_freeze_count() > 0  # full collections skip what start-up created
    finally:
        gc.unfreeze()
