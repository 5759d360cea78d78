"""The admin dashboard: each editor sees the stale practices of their labs, with the owner;
the network team sees every one, per lab; in a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from factories import LabPageFactory, PracticeIndexPageFactory, PracticePageFactory
from factories.editorial import in_english, lab_editor
from factories.freshness import ReminderFactory, StalePracticeFactory, days_ago
from html_helpers import soup_of, text

from freshness.services.verification import confirm_accurate, needs_update

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(lab, editor):
    """Two labs with stale and fresh practices, one practice under the index."""
    east = LabPageFactory(title="Lab Est")
    StalePracticeFactory(parent=lab, title="Cantine bio", contact_email="jo@ville.example")
    StalePracticeFactory(parent=lab, title="Vélo-école", last_verified=None)
    PracticePageFactory(parent=lab, title="Fraîche", last_verified=days_ago(10))
    StalePracticeFactory(parent=east, title="Budget participatif")
    StalePracticeFactory(parent=PracticeIndexPageFactory(), title="Sans labo")
    return east


def panel(client, user):
    client.force_login(in_english(user))
    soup = soup_of(client.get("/admin/"))
    return soup.select_one("#stale-practices, [id^=stale-practices]") and soup


def titles(soup):
    return {text(row.select_one("td a")) for row in soup.select("[data-freshness-practice]")}


def test_an_editor_sees_the_stale_practices_of_their_labs_with_owners(client, network, editor):
    soup = panel(client, editor)
    assert titles(soup) == {"Cantine bio", "Vélo-école"}
    rows = {
        text(row.select_one("td a")): [text(cell) for cell in row.select("td")]
        for row in soup.select("[data-freshness-practice]")
    }
    assert rows["Cantine bio"][2] == "jo@ville.example"
    assert rows["Vélo-école"][1:3] == ["Never verified", "Editors of Lab Ouest"]
    assert soup.select_one("[data-freshness-counts]") is None  # counts per lab: the network team's


def test_an_editor_of_another_lab_sees_only_theirs(client, network):
    soup = panel(client, lab_editor(network))
    assert titles(soup) == {"Budget participatif"}


def test_an_editor_with_nothing_stale_gets_no_panel(client, home):
    quiet = LabPageFactory(title="Lab Calme")
    PracticePageFactory(parent=quiet, last_verified=days_ago(5))
    client.force_login(in_english(lab_editor(quiet)))
    assert b"stale-practices" not in client.get("/admin/").content


def test_the_network_team_sees_every_stale_practice_per_lab(client, network, team_member, lab):
    [reminder] = [ReminderFactory(page=StalePracticeFactory(parent=lab, title="Rappelée"), sent_count=3)]
    needs_update(reminder.translation_key, email="edith@lab-ouest.fr")
    soup = panel(client, team_member)
    assert titles(soup) == {"Cantine bio", "Vélo-école", "Budget participatif", "Sans labo", "Rappelée"}
    counts = {
        text(row.select("td")[0]): text(row.select("td")[1]) for row in soup.select("[data-freshness-counts] tbody tr")
    }
    assert counts == {"Lab Ouest": "3", "Lab Est": "1", "No lab (practice index)": "1"}
    row = soup.select_one(f"[data-freshness-practice='{reminder.page_id}']")
    assert "update announced on" in text(row)


def test_the_panel_costs_the_same_queries_for_3_and_12_practices(client, team_member, lab, editor):
    client.force_login(in_english(team_member))

    def add(count):
        for number in range(count):
            StalePracticeFactory(parent=lab if number % 2 else LabPageFactory(), contact_email=f"c{number}@x.fr")

    add(3)
    client.get("/admin/")
    with CaptureQueriesContext(connection) as three:
        client.get("/admin/")
    add(9)
    client.get("/admin/")
    with CaptureQueriesContext(connection) as twelve:
        response = client.get("/admin/")
    assert len(titles(soup_of(response))) == 12
    assert len(twelve) == len(three)


def test_the_network_team_reads_who_verified_what_and_editors_do_not(client, lab, editor, team_member):
    practice = StalePracticeFactory(parent=lab, title="Cantine <i>bio</i>")
    confirm_accurate(practice.translation_key, email="edith@lab-ouest.fr", user_pk=editor.pk)
    client.force_login(in_english(team_member))
    listing = client.get("/admin/verifications/")
    assert listing.status_code == 200
    rows = [[text(cell) for cell in row.select("td")] for row in soup_of(listing).select("tbody tr")]
    assert any("Cantine <i>bio</i>" in cells and "edith@lab-ouest.fr" in cells for cells in rows)
    assert client.get("/admin/verifications/new/").status_code == 403
    client.force_login(editor)
    assert client.get("/admin/verifications/").status_code == 403
