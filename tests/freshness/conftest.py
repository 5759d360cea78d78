"""Labs with editors and stale practices; reminders sent at a given time (the schedule reads
the time it is given, never the clock)."""

import pytest
from django.core import mail
from factories import LabPageFactory, MemberFactory
from factories.editorial import lab_editor, network_editor

from freshness.services.reminders import send_reminders


@pytest.fixture
def lab(home):
    return LabPageFactory(title="Lab Ouest")


@pytest.fixture
def editor(lab):
    return lab_editor(lab, email="edith@lab-ouest.fr", first_name="Édith", last_name="Ouest")


@pytest.fixture
def team_member(db):
    return network_editor(email="reseau@praxis.example", first_name="Rémi")


@pytest.fixture
def contact_member(db):
    """A member whose account's address is a practice's contact, reading English."""
    member = MemberFactory(name="Jo Contact", language="en")
    member.user.email = "jo@ville.example"
    member.user.save(update_fields=["email"])
    return member


@pytest.fixture
def remind():
    """Run the reminders at ``now``; the emails they sent."""

    def run(now=None):
        mail.outbox.clear()
        report = send_reminders(now=now)
        return report, list(mail.outbox)

    return run
