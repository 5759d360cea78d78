"""Members with saved searches, and publications whose alerts (queued after the commit)
run at once: the immediate task backend, with the commit callbacks executed."""

import pytest
from django.core import mail
from factories import MemberFactory, PolicyAreaFactory, PracticePageFactory

from alerts.models import SavedSearch


@pytest.fixture
def area(db):
    return PolicyAreaFactory(name="Lecture publique", slug="lecture-publique")


@pytest.fixture
def other_area(db):
    return PolicyAreaFactory(name="Mobilité", slug="mobilite-douce")


@pytest.fixture
def member(db):
    return MemberFactory(name="Camille", language="fr")


@pytest.fixture
def saved_search(db):
    def make(member, query, alert=SavedSearch.Alert.IMMEDIATE, language="fr", name=None):
        return SavedSearch.objects.create(
            member=member, query=query, alert=alert, language=language, name=name or f"Recherche {query}"
        )

    return make


@pytest.fixture
def publish(home, django_capture_on_commit_callbacks):
    """Publish a new practice as an editor would; its alerts are sent before this returns."""

    def make(**fields):
        with django_capture_on_commit_callbacks(execute=True):
            return PracticePageFactory(**fields)

    return make


@pytest.fixture
def republish(django_capture_on_commit_callbacks):
    """Publish a new revision of ``page`` with ``changes``."""

    def run(page, **changes):
        page = type(page).objects.get(pk=page.pk)
        for name, value in changes.items():
            setattr(page, name, value)
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        page.refresh_from_db()
        return page

    return run


@pytest.fixture
def outbox():
    mail.outbox.clear()
    return mail.outbox
