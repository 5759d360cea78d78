"""Tabs signed in as a given user, as after the sign-in form (the session cookie of a
Django test client's login)."""

import re

from django.test import Client


def signed_in_tab(browser, live_server, user, locale="fr-FR", **options):
    """A new browser context's tab with ``user``'s session (``options``: the context's others,
    e.g. ``accept_downloads``)."""
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale=locale, **options)
    host = re.sub(r"^https?://", "", live_server.url).split(":")[0]
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "domain": host, "path": "/"}]
    )
    return context.new_page()
