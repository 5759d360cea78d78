"""Local development: debug on, a throw-away secret, mail to the console."""

from praxis import env

from .base import *  # noqa: F403

DEBUG = env.boolean("DEBUG", True)
SECRET_KEY = SECRET_KEY or "django-insecure-praxis-development-only"  # noqa: F405
ALLOWED_HOSTS = ALLOWED_HOSTS or ["localhost", "127.0.0.1", "[::1]"]  # noqa: F405
# Emails are printed by the process that sends them (the worker for alerts and relays).
EMAIL_BACKEND = env.string("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
