"""What every reader sees of a practice page is kept rendered (``{% contentcache %}`` under the
page's live revision): a page asked again is the same page; its new version is shown at once,
even while the worker renews the other fragments; what depends on the reader (contact email,
members' actions, questions) is rendered for each of them (SQLite and PostgreSQL, real HTTP
requests)."""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from factories import MemberFactory, UserFactory
from html_helpers import soup_of

from praxis.services import fragments

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def sheet(html_response) -> str:
    """The page without what differs between two responses of the same page (the nonce)."""
    soup = soup_of(html_response)
    for tag in soup.select("[nonce]"):
        del tag["nonce"]
    return str(soup.select_one("article.practice"))


def test_a_page_asked_again_is_the_same_page(client, practice):
    first = sheet(client.get(practice.url))
    again = sheet(client.get(practice.url))
    assert again == first
    assert "Camille Martin" in again and 'class="key-figures"' in again and 'id="transposition-sheet"' in again


def test_a_new_version_is_shown_at_once_even_while_the_worker_renews(client, practice):
    client.get(practice.url)
    fragments.cache.set(fragments.RENEWING_KEY, 1, 60)  # readers get the previous fragments meanwhile
    practice.summary = "Une carte pour les jeunes de toute la métropole."
    practice.problem = "<p>Les jeunes sortent peu au théâtre.</p>"
    practice.contact_role = "Directrice du projet"
    practice.save_revision().publish()
    html = client.get(practice.url).content.decode()
    assert "Une carte pour les jeunes de toute la métropole." in html
    assert "Les jeunes sortent peu au théâtre." in html
    assert "Directrice du projet" in html


def test_each_reader_gets_their_own_contact_and_actions(client, practice):
    anonymous = client.get(practice.url).content.decode()
    staff = UserFactory()
    staff.user_permissions.add(Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin"))
    as_staff = signed_in(staff).get(practice.url).content.decode()
    member = MemberFactory(name="Camille", language="fr")
    as_member = signed_in(member.user).get(practice.url).content.decode()
    again = client.get(practice.url).content.decode()
    assert "mailto:camille.martin@example.org" in as_staff
    assert "mailto:" not in anonymous and "mailto:" not in again and "mailto:" not in as_member
    assert 'name="new_selection"' in as_member  # a member adds it to a selection
    assert 'name="new_selection"' not in anonymous and 'name="new_selection"' not in again
    assert 'class="question-form"' in as_member and 'class="question-form"' not in again
