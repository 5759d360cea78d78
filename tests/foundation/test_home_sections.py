"""The home page shows the network at a glance, from live public content only."""

from factories import LabPageFactory, PolicyAreaFactory, PracticePageFactory, TranspositionFactory


def test_home_lists_terms_latest_transposed_and_countries(client, home):
    area = PolicyAreaFactory(name="Lecture publique", slug="lecture-publique")
    danish_lab = LabPageFactory(title="MindLab", country="DK")
    french_lab = LabPageFactory(title="La Transfo Mulhouse", country="FR")
    original = PracticePageFactory(parent=french_lab, title="Carte culture jeunes", policy_areas=[area])
    copy = PracticePageFactory(parent=danish_lab, title="Kulturkort")
    TranspositionFactory(practice=copy, source=original)
    PracticePageFactory(parent=french_lab, title="Brouillon secret", live=False, policy_areas=[area])

    html = client.get("/fr/").content.decode()

    assert "Carte culture jeunes" in html
    assert "Brouillon secret" not in html
    assert "?policy_area=lecture-publique" in html
    # one live practice carries the term: the draft is not counted
    assert 'lecture-publique">Lecture publique <span class="chip__count">1</span>' in html
    most_transposed = html.split('id="home-transposed"')[1]
    assert "Carte culture jeunes" in most_transposed
    assert "Danemark" in html and "France" in html


def test_home_speaks_english_on_the_english_site(client, home):
    area = PolicyAreaFactory(name="Santé", slug="sante-test", translations={"en": {"name": "Health"}})
    PracticePageFactory(policy_areas=[area])
    html = client.get("/en/").content.decode()
    assert "Health" in html
    assert "Explore by theme and territory" in html
