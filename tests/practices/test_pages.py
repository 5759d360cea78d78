"""What a reader sees on a practice page and on the practice index (SQLite and PostgreSQL)."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.utils import formats, translation
from factories import LabPageFactory, PracticeIndexPageFactory, PracticePageFactory, TranspositionFactory, UserFactory
from factories.translations import translate_page
from html_helpers import french, soup_of, text
from wagtail.models import PageViewRestriction

from practices.choices import DocumentType, EvidenceLevel, LegalCompetence, LifecycleStage, TranspositionOutcome


@pytest.fixture
def staff(db):
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin"))
    return user


def test_practice_page_shows_every_section(client, practice):
    soup = soup_of(client.get(practice.url))

    assert [text(h1) for h1 in soup.find_all("h1")] == [practice.title]
    assert text(soup.select_one(".practice .lead")) == practice.summary
    sections = {
        "section-problem": "Une bibliothèque peu fréquentée.",
        "section-actions": "Une enquête participative",
        "section-results": "La fréquentation a doublé.",
        "section-challenges": "Le recrutement des bénévoles",
        "section-conditions": "Un portage politique fort.",
        "section-lessons": "Commencer petit.",
    }
    for heading_id, content in sections.items():
        heading = soup.find(id=heading_id)
        assert heading is not None and heading.name == "h2", heading_id
        assert content in text(heading.find_parent("section"))

    figures = [text(item) for item in soup.select(".key-figures li.key-figure")]
    assert figures == ["1000 indicateur 1", "2000 indicateur 2", "3000 indicateur 3"]


def test_practice_facts_panel(client, practice):
    facts = soup_of(client.get(practice.url)).find(id="facts-title").find_parent("section")
    values = {text(item.dt): text(item.dd) for item in facts.select("dl > div")}
    with translation.override("fr"):
        population = formats.number_format(20000, force_grouping=True)
    assert french(LifecycleStage.EXPERIMENTATION.label) in values.values()
    assert "2018–2021" in values.values()
    assert french(EvidenceLevel.INTERNAL.label) in values.values()
    assert "Mulhouse, France" in values.values()
    assert any(population in value for value in values.values())
    territory_links = {link["href"] for link in facts.select("a.term")}
    assert territory_links == {f"/fr/search/?territory_type={term.slug}" for term in practice.territory_types.all()}


def test_terms_link_to_the_filtered_search(client, practice):
    soup = soup_of(client.get(practice.url))
    links = {link["href"]: text(link) for link in soup.select("a.term")}
    for parameter, terms in [
        ("policy_area", practice.policy_areas.all()),
        ("territory_type", practice.territory_types.all()),
        ("instrument", practice.instruments.all()),
    ]:
        assert len(terms) == 2
        for term in terms:
            assert links[f"/fr/search/?{parameter}={term.slug}"] == term.label("fr")


def test_terms_are_labelled_in_english_on_the_english_page(client, practice):
    english = translate_page(practice, "en", title="Sunday library", slug="sunday-library")
    soup = soup_of(client.get(english.url))
    area = practice.policy_areas.first()
    link = soup.select_one(f'a.term[href="/en/search/?policy_area={area.slug}"]')
    assert text(link) == area.translations["en"]["name"]


def test_transposition_sheet(client, practice):
    sheet = soup_of(client.get(practice.url)).find(id="transposition-sheet")
    values = [text(dd) for dd in sheet.select(".sheet__facts dd")]
    assert french(LegalCompetence.COMMUNE.label) in values
    assert any(term.label("fr") in value for value in values for term in practice.instruments.all())
    lists = {text(block.h3): [text(li) for li in block.select("li")] for block in sheet.select(".sheet__list")}
    assert list(lists.values()) == [
        ["Un local accessible", "Une équipe volontaire"],
        ["L'enquête avec les habitants"],
        ["Les horaires", "Le choix des animations"],
    ]
    assert sheet.select_one(".sheet__list--core") and sheet.select_one(".sheet__list--adaptable")


def test_lineage_both_ways_with_what_changed_and_outcome(client, practice):
    soup = soup_of(client.get(practice.url))
    came_from = soup.select(".lineage__list--from > li")
    went_to = soup.select(".lineage__list--to > li")
    assert [text(item.select_one(".lineage__practice a")) for item in came_from] == [
        "Pratique d'origine 1",
        "Pratique d'origine 2",
    ]
    assert "Changement 1" in text(came_from[0])
    assert french(TranspositionOutcome.SUCCESS.label) in text(came_from[0])
    assert [text(item.select_one(".lineage__practice a")) for item in went_to] == [
        "Pratique adaptée 1",
        "Pratique adaptée 2",
    ]
    # Failures are shown, with what changed and the result.
    assert "Adaptation 1" in text(went_to[0])
    assert "Abandonné faute de budget 1" in text(went_to[0])
    assert french(TranspositionOutcome.FAILURE.label) in text(went_to[0].select_one(".outcome--failure"))


def test_labs_programme_partners_documents_sources_licence(client, practice):
    soup = soup_of(client.get(practice.url))
    actors = soup.find(id="actors-title").find_parent("section")
    lab_links = {link["href"] for link in actors.select("a")}
    assert {lab.url for lab in practice.labs.all()} | {practice.programme.url} == lab_links
    assert "Association des usagers" in text(actors)

    documents = soup.select(".documents li.document")
    assert [text(item.select_one(".document__link")) for item in documents] == ["Document 1", "Document 2"]
    first = practice.documents[0].value["document"]
    assert documents[0].select_one("a")["href"] == first.url
    assert "PDF" in text(documents[0])
    assert french(DocumentType.COUNCIL_DECISION.label) == text(documents[0].select_one(".document__type"))
    assert "Etalab" in text(documents[0])

    source = soup.select_one(".sources li a")
    assert source["href"] == "https://example.org/article"
    assert "La Gazette" in text(soup.select_one(".sources li"))
    assert "CC BY 4.0" in text(soup.select_one(".facts--meta"))


def test_contact_email_only_for_staff(client, practice, staff):
    anonymous = client.get(practice.url).content.decode()
    assert "Camille Martin" in anonymous
    assert "Cheffe de projet" in anonymous
    assert "camille.martin@example.org" not in anonymous

    client.force_login(staff)
    soup = soup_of(client.get(practice.url))
    assert soup.select_one("a.contact__email")["href"] == "mailto:camille.martin@example.org"


def test_stale_note_after_18_months(client, home):
    lab = LabPageFactory()
    fresh = PracticePageFactory(parent=lab, last_verified=datetime.date.today() - datetime.timedelta(days=30))
    stale = PracticePageFactory(parent=lab, last_verified=datetime.date.today() - datetime.timedelta(days=600))
    assert soup_of(client.get(fresh.url)).select_one(".notice--stale") is None
    note = soup_of(client.get(stale.url)).select_one(".notice--stale")
    assert note is not None
    with translation.override("fr"):
        assert formats.date_format(stale.last_verified, "DATE_FORMAT") in text(note)


def test_empty_sections_are_left_out(client, home):
    bare = PracticePageFactory(challenges="", lessons="", key_figures=[], documents=[], sources=[])
    soup = soup_of(client.get(bare.url))
    assert soup.find(id="section-challenges") is None
    assert soup.find(id="section-documents") is None
    assert soup.find(id="transposition-sheet") is not None  # always there, "not specified" when empty


@pytest.fixture
def hidden_practices(home):
    """A public practice, plus an unpublished and a view-restricted one linked to it both ways."""
    lab = LabPageFactory(title="Labo visible")
    visible = PracticePageFactory(parent=lab, labs=[lab], title="Pratique publique")
    unpublished = PracticePageFactory(parent=lab, labs=[lab], title="Pratique dépubliée")
    restricted = PracticePageFactory(parent=lab, labs=[lab], title="Pratique réservée")
    TranspositionFactory(practice=unpublished, source=visible)
    TranspositionFactory(practice=restricted, source=visible)
    TranspositionFactory(practice=visible, source=restricted)
    TranspositionFactory(practice=visible, source=unpublished)
    unpublished.unpublish()
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="x")
    return lab, visible


HIDDEN = ("Pratique dépubliée", "Pratique réservée")


def test_unpublished_and_restricted_practices_never_listed(client, hidden_practices):
    lab, visible = hidden_practices
    index = PracticeIndexPageFactory()
    pages = {
        "index": client.get(index.url).content.decode(),
        "lab": client.get(lab.url).content.decode(),
        "lineage": client.get(visible.url).content.decode(),
    }
    assert visible.title in pages["index"] and visible.title in pages["lab"]
    for name, html in pages.items():
        for title in HIDDEN:
            assert title not in html, (name, title)
    assert 'class="lineage' not in pages["lineage"]  # nothing public on either side


def test_practice_index_lists_cards_with_pagination(client, home, settings):
    lab = LabPageFactory()
    for number in range(23):
        PracticePageFactory(parent=lab, labs=[lab], title=f"Cas {number:02d}")
    index = PracticeIndexPageFactory()
    soup = soup_of(client.get(index.url))
    cards = soup.select("article.practice-card")
    assert len(cards) == 20
    assert cards[0].select_one(".card__title a")["href"].startswith("/fr/")
    assert text(cards[0].select_one(".card__facts a")) == lab.title
    assert soup.select_one('nav.pagination a[rel="next"]')["href"] == "?page=2"
    second = soup_of(client.get(index.url, {"page": "2"}))
    assert len(second.select("article.practice-card")) == 3
    # Bad page numbers fall back to a valid page rather than failing.
    assert client.get(index.url, {"page": "abc"}).status_code == 200
    assert client.get(index.url, {"page": "999"}).status_code == 200


def test_english_listing_marks_an_untranslated_french_practice(client, home):
    lab = LabPageFactory()
    index = PracticeIndexPageFactory()
    translate_page(index, "en", title="Practices", slug="practices")
    french_only = PracticePageFactory(parent=lab, labs=[lab], title="Bibliothèque du dimanche")
    translated = PracticePageFactory(parent=lab, labs=[lab], title="Ressourcerie")
    translate_page(translated, "en", title="Reuse centre", slug="reuse-centre")

    soup = soup_of(client.get("/en/practices/"))
    cards = {text(card.select_one(".card__title")): card for card in soup.select("article.practice-card")}
    assert set(cards) == {french_only.title, "Reuse centre"}
    fallback = cards[french_only.title]
    assert text(fallback.select_one(".badge--language")) == "In French"
    passage = fallback.select_one('[lang="fr"]')
    assert passage is not None and french_only.summary in text(passage)
    assert fallback.select_one(".card__title a")["href"] == french_only.url
    assert cards["Reuse centre"].select_one(".badge--language") is None
    assert cards["Reuse centre"].select_one("[lang]") is None


def test_preview_shows_unsaved_lineage_and_terms(home):
    """A preview renders relations held in memory (not yet in the database)."""
    from factories import PolicyAreaFactory

    from practices.models import Transposition

    practice = PracticePageFactory(title="Pratique en cours")
    original = PracticePageFactory(title="Pratique source")
    area = PolicyAreaFactory(name="Culture")
    draft = practice.get_latest_revision_as_object()
    draft.transposed_from = [Transposition(source=original, what_changed="Adapté au rural")]
    draft.policy_areas = [area]
    draft.labs = [LabPageFactory(title="Labo en aperçu")]  # the admin's form holds every relation in memory
    response = draft.make_preview_request(preview_mode=draft.default_preview_mode)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Pratique source" in html and "Adapté au rural" in html
    assert f"?policy_area={area.slug}" in html
    assert "Labo en aperçu" in html
