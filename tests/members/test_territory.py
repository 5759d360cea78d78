"""A member's territory for "Territories like mine" lives in their profile, not in one browser."""

import pytest
from factories import MemberFactory
from factories.territories import load_reference, territory

from territories.models import Level

pytestmark = pytest.mark.django_db
CHOOSE = "/fr/territory/"


@pytest.fixture
def reference(db):
    load_reference()
    return territory


@pytest.fixture
def member(client, home):
    member = MemberFactory(user__email="agent@saint-etienne.fr")
    client.force_login(member.user)
    return member


def test_a_territory_chosen_by_a_member_is_kept_in_their_profile(client, member, reference):
    assert client.post(CHOOSE, {"territory": "commune:42218", "next": "/fr/search/"}).status_code == 302
    member.refresh_from_db()
    assert member.territory == reference(Level.COMMUNE, "42218")
    assert (member.territory_name, member.territory_code) == ("Saint-Étienne", "42218")


def test_the_profile_territory_follows_the_member_to_another_browser(client, django_user_model, member, reference):
    member.territory = reference(Level.EPCI, "246301097")
    member.save()
    client.logout()
    client.force_login(member.user)  # a new session: nothing chosen in it
    page = client.get(CHOOSE).content.decode()
    assert f"<strong>{member.territory.name}</strong>" in page


def profile(**changes):
    return {"name": "Agent", "organisation": "Ville", "role": "", "territory_name": "", "language": "fr", **changes}


def test_an_insee_code_in_the_profile_links_the_reference_municipality(client, member, reference):
    assert client.post("/fr/members/account/", profile(territory_code="42218")).status_code == 302
    member.refresh_from_db()
    assert member.territory == reference(Level.COMMUNE, "42218")
    assert client.post("/fr/members/account/", profile(territory_code="01001")).status_code == 302
    member.refresh_from_db()
    assert member.territory is None  # not in the shipped extract: free text only


def test_an_anonymous_reader_keeps_it_in_the_session_only(client, home, reference):
    assert client.post(CHOOSE, {"territory": "commune:42218"}).status_code == 302
    assert client.session["reader_territory"] == reference(Level.COMMUNE, "42218").pk
