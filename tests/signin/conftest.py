"""Admin users as set up in production: the network team, a lab's editors, in English."""

import pytest
from factories import LabPageFactory
from factories.editorial import in_english, lab_editor, network_editor

from praxis.services.editorial import ensure_editorial_setup

LOGIN = "/admin/login/"


@pytest.fixture
def editorial(home):
    return ensure_editorial_setup()


@pytest.fixture
def team_member(editorial):
    return in_english(network_editor(username="nadia"))


@pytest.fixture
def editor(editorial):
    return in_english(lab_editor(LabPageFactory(title="Lab Alpha", slug="lab-alpha"), username="alice"))


@pytest.fixture
def sign_in():
    """``sign_in(client, username, password, address)``: post the admin's sign-in form, as a
    browser at ``address`` would."""

    def post(client, username, password="password", address="192.0.2.10"):  # noqa: S107 (the factories' password)
        return client.post(
            LOGIN,
            {"username": username, "password": password, "next": "/admin/"},
            REMOTE_ADDR=address,
            HTTP_ACCEPT_LANGUAGE="en",
        )

    return post
