"""Members' helpers: sign up through the real allauth pages and read the emails sent."""

import pytest
from django.contrib.auth.models import Group
from mail_helpers import link_to

from praxis.services.editorial import NETWORK_TEAM, ensure_network_team

PASSWORD = "Vraiment-solide-42"  # noqa: S105 (a test account's)


@pytest.fixture
def network_team(db):
    return Group.objects.filter(name=NETWORK_TEAM).first() or ensure_network_team()


@pytest.fixture
def sign_up(client, mailoutbox, django_capture_on_commit_callbacks):
    """``sign_up(email, language="fr")``: the sign-up form posted, the confirmation link of the
    verification email followed and its button pressed; returns the confirmation response."""

    def run(email, language="fr", name="Camille Martin", organisation="Ville de Lille", password=PASSWORD):
        sent = len(mailoutbox)
        response = client.post(
            f"/{language}/accounts/signup/",
            {"email": email, "password1": password, "password2": password, "name": name, "organisation": organisation},
        )
        assert response.status_code == 302, response.content.decode()[:3000]
        verification = mailoutbox[sent]
        confirm = link_to(verification, "/accounts/confirm-email/")
        page = client.get(confirm)
        assert page.status_code == 200
        with django_capture_on_commit_callbacks(execute=True):  # the emails queued after commit
            return client.post(confirm)

    return run
