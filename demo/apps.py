from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo content and its commands; no models, no pages of its own."""

    name = "demo"
