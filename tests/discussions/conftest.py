"""A practice with a contact person and a lab with editors; members who ask; requests whose
after-commit work (emails, cache purges) runs before they return."""

import pytest
from django.core import mail
from factories import LabPageFactory, MemberFactory, PracticePageFactory, UserFactory
from factories.editorial import lab_editor

from discussions.services import posting

CONTACT_EMAIL = "equipe.lab@ville-test.fr"


@pytest.fixture
def lab(home):
    return LabPageFactory(title="Labo des possibles")


@pytest.fixture
def practice(lab):
    return PracticePageFactory(parent=lab, title="Maisons de santé", contact_email=CONTACT_EMAIL)


@pytest.fixture
def asker(db):
    return MemberFactory(name="Camille Durand", organisation="Ville de Lille", language="fr")


@pytest.fixture
def contact(db):
    """The practice's contact person, signed up as a member with that address (in capitals:
    addresses are compared whatever their case)."""
    return MemberFactory(name="Inès Contact", user=UserFactory(email=CONTACT_EMAIL.upper()), language="fr")


@pytest.fixture
def editor_member(lab):
    """One of the lab's editors, who also signed in on the site (a member)."""
    return MemberFactory(name="Éli Éditeur", user=lab_editor(lab, email="editeur@labo.fr"), language="en")


@pytest.fixture
def outbox():
    mail.outbox.clear()
    return mail.outbox


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """``with committed():`` runs what waits for the commit (tasks, purges) at the end of the block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def purged(monkeypatch):
    """The front-end cache purges asked for: [(urls, tags)]."""
    calls = []
    monkeypatch.setattr(posting, "purge_after_commit", lambda urls, tags: calls.append((urls, tags)))
    return calls


@pytest.fixture
def signed_in(client):
    def sign_in(member):
        client.force_login(member.user)
        return client

    return sign_in
