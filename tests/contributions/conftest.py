import pytest
from factories import LabPageFactory, MemberFactory

from praxis.services.editorial import ensure_editorial_setup


@pytest.fixture
def editorial(home):
    return ensure_editorial_setup()


@pytest.fixture
def lab(editorial):
    return LabPageFactory(title="Lab 27", host_institution="Ville de Mulhouse")


@pytest.fixture
def member(db):
    return MemberFactory(organisation="Ville de Mulhouse", user__email="camille@mulhouse.fr", language="fr")


@pytest.fixture
def member_client(client, member):
    client.force_login(member.user)
    return client
