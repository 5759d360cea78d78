"""The owner rule: the contact (their account when one exists), else the lab's editors,
else the network team."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from factories import LabPageFactory, PracticeIndexPageFactory, UserFactory
from factories.editorial import lab_editor
from factories.freshness import StalePracticeFactory

from freshness.services.owners import CONTACT, LAB_EDITORS, NETWORK, owners_of

pytestmark = pytest.mark.django_db


def owner(practice):
    return owners_of([practice])[str(practice.translation_key)]


def test_the_contact_owns_the_practice_as_their_account_when_they_have_one(lab, editor, contact_member):
    practice = StalePracticeFactory(parent=lab, contact_email="JO@ville.example", contact_name="Jo")
    found = owner(practice)
    assert found.kind == CONTACT
    assert [(p.email, p.name, p.language, p.user_pk) for p in found.people] == [
        ("jo@ville.example", "Jo Contact", "en", contact_member.user.pk)
    ]
    assert found.label == "Jo Contact <jo@ville.example>"


def test_a_contact_without_account_is_the_address_itself_in_the_practice_language(lab, editor):
    practice = StalePracticeFactory(parent=lab, contact_email="anne@ville.example", contact_name="Anne")
    found = owner(practice)
    assert found.kind == CONTACT
    assert [(p.email, p.name, p.language, p.user_pk) for p in found.people] == [
        ("anne@ville.example", "Anne", "fr", None)
    ]


def test_without_contact_the_lab_editors_own_it(lab, editor, team_member):
    lab_editor(lab, email="", username="sans-adresse")  # no address: cannot be told
    lab_editor(lab, email="parti@lab-ouest.fr", is_active=False)
    practice = StalePracticeFactory(parent=lab)
    found = owner(practice)
    assert found.kind == LAB_EDITORS
    assert [p.email for p in found.people] == ["edith@lab-ouest.fr"]
    with translation.override("en"):
        assert found.label == "Editors of Lab Ouest"
    assert found.label == "Éditeurs de Lab Ouest"


def test_without_contact_nor_lab_editors_the_network_team_owns_it(home, team_member):
    UserFactory(email="quelconque@example.org")  # no group
    practice = StalePracticeFactory(parent=PracticeIndexPageFactory())
    found = owner(practice)
    assert found.kind == NETWORK
    assert [p.email for p in found.people] == ["reseau@praxis.example"]


def test_owners_are_read_in_a_fixed_number_of_queries(lab, editor, team_member, contact_member):
    other_lab = LabPageFactory()
    lab_editor(other_lab)
    practices = [
        StalePracticeFactory(parent=lab, contact_email="jo@ville.example"),
        StalePracticeFactory(parent=lab, contact_email="anne@ville.example"),
        StalePracticeFactory(parent=other_lab),
    ]
    with CaptureQueriesContext(connection) as three:
        assert len(owners_of(practices)) == 3
    for number in range(9):
        lab_of = [lab, other_lab, PracticeIndexPageFactory()][number % 3]
        practices.append(
            StalePracticeFactory(parent=lab_of, contact_email=f"c{number}@ville.example" if number % 2 else "")
        )
        lab_editor(LabPageFactory())
    with CaptureQueriesContext(connection) as twelve:
        owners = owners_of(practices)
    assert len(owners) == 12
    assert {owner.kind for owner in owners.values()} == {CONTACT, LAB_EDITORS, NETWORK}
    assert len(twelve) == len(three) <= 10
