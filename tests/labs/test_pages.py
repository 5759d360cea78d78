"""What a reader sees on the lab directory, a lab page and a programme page."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.utils import formats, translation
from factories import (
    LabIndexPageFactory,
    LabPageFactory,
    MethodFactory,
    PracticePageFactory,
    ProgrammePageFactory,
    UserFactory,
)
from factories.translations import translate_page
from html_helpers import french, soup_of, text
from wagtail.models import PageViewRestriction

from labs.choices import GovernmentLevel, InstitutionType, LabStatus


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def mindlab(home):
    methods = [MethodFactory(name="Design de services"), MethodFactory(name="Ethnographie")]
    return LabPageFactory(
        title="MindLab",
        acronym="ML",
        host_institution="Gouvernement danois",
        institution_type=InstitutionType.MINISTRY,
        government_level=GovernmentLevel.NATIONAL,
        country="DK",
        city="Copenhague",
        founded_year=2002,
        closed_year=2018,
        status=LabStatus.CLOSED,
        status_reason="Remplacé par une agence nationale.",
        team_size=15,
        website="https://mind-lab.example",
        contact_name="Christian Bason",
        contact_role="Directeur",
        contact_email="cb@example.org",
        last_verified=datetime.date(2024, 5, 2),
        methods=methods,
    )


def test_lab_page_identity(client, mindlab):
    soup = soup_of(client.get(mindlab.url))
    assert [text(h1) for h1 in soup.find_all("h1")] == ["MindLab (ML)"]
    identity = soup.find(id="lab-identity").find_parent("section")
    values = {text(item.dt): text(item.dd) for item in identity.select("dl > div")}
    expected = [
        "Gouvernement danois",
        french(InstitutionType.MINISTRY.label),
        french(GovernmentLevel.NATIONAL.label),
        "2002",
        "2018",
        "https://mind-lab.example",
        "Design de services Ethnographie",
    ]
    for value in expected:
        assert value in values.values(), value
    with translation.override("fr"):
        denmark = str(mindlab.country.name)
    assert any(value.startswith("Copenhague") and value.endswith(denmark) for value in values.values())
    status = identity.select_one(".status--closed")
    assert french(LabStatus.CLOSED.label) == text(status)
    # Not active: the status and its reason are said at the top.
    notice = text(soup.select_one(".notice--status"))
    assert french(LabStatus.CLOSED.label) in notice and "Remplacé par une agence nationale." in notice
    with translation.override("fr"):
        assert formats.date_format(mindlab.last_verified, "DATE_FORMAT") in text(soup.select_one(".facts--meta"))


def test_lab_page_lists_its_practices_and_programmes(client, mindlab):
    practices = [PracticePageFactory(parent=mindlab, labs=[mindlab], title=f"Cas {n}") for n in range(3)]
    other = PracticePageFactory(title="Cas d'un autre labo")
    programme = ProgrammePageFactory(title="La Transfo", start_year=2011, end_year=2014, labs=[mindlab])
    soup = soup_of(client.get(mindlab.url))
    section = soup.find(id="lab-practices").find_parent("section")
    titles = {text(card.select_one(".card__title")) for card in section.select("article.practice-card")}
    assert titles == {practice.title for practice in practices}
    assert other.title not in titles
    programmes = soup.find(id="lab-programmes").find_parent("section")
    assert programmes.select_one("a")["href"] == programme.url
    assert "2011–2014" in text(programmes)


def test_lab_contact_email_only_for_staff(client, mindlab):
    html = client.get(mindlab.url).content.decode()
    assert "Christian Bason" in html and "Directeur" in html
    assert "cb@example.org" not in html
    staff = UserFactory()
    staff.user_permissions.add(Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin"))
    client.force_login(staff)
    assert 'href="mailto:cb@example.org"' in client.get(mindlab.url).content.decode()


def test_lab_directory_lists_lab_cards(client, mindlab):
    index = LabIndexPageFactory()
    restricted = LabPageFactory(title="Labo réservé")
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="x")
    draft = LabPageFactory(title="Labo brouillon", live=False)
    soup = soup_of(client.get(index.url))
    cards = {text(card.select_one(".card__title a")): card for card in soup.select("article.lab-card")}
    assert "MindLab" in cards
    assert restricted.title not in cards and draft.title not in cards
    card = cards["MindLab"]
    assert "(ML)" in text(card.select_one(".card__title"))
    assert card.select_one(".card__title a")["href"] == mindlab.url
    assert "Gouvernement danois" in text(card)
    assert "Copenhague" in text(card)
    assert french(LabStatus.CLOSED.label) in text(card.select_one(".status--closed"))


def test_lab_logo_has_dimensions_and_lazy_loading(client, home):
    import wagtail_factories
    from wagtail.models import Collection

    logo = wagtail_factories.ImageFactory(collection=Collection.get_first_root_node(), title="Logo du labo")
    lab = LabPageFactory(logo=logo)
    index = LabIndexPageFactory()
    for url in (lab.url, index.url):
        image = soup_of(client.get(url)).select_one("img")
        assert image["loading"] == "lazy"
        assert image["width"] and image["height"]
        assert image["alt"] == "Logo du labo"


def test_english_directory_marks_an_untranslated_french_lab(client, home):
    index = LabIndexPageFactory()
    translate_page(index, "en", title="Labs", slug="labs")
    lab = LabPageFactory(title="Laboratoire francophone")
    soup = soup_of(client.get("/en/labs/"))
    card = soup.select_one("article.lab-card")
    assert text(card.select_one(".badge--language")) == "In French"
    assert card.select_one('[lang="fr"] .card__title a')["href"] == lab.url


def test_programme_page(client, mindlab):
    other_lab = LabPageFactory(title="La 27e Région")
    programme = ProgrammePageFactory(
        title="La Transfo",
        start_year=2011,
        end_year=2014,
        territories="Région Alsace\nRégion Bourgogne\n",
        funders=[
            ("funder", {"name": "Caisse des Dépôts", "amount": Decimal("150000.00"), "currency": "EUR", "note": ""}),
            ("funder", {"name": "Région Alsace", "amount": Decimal("1234.50"), "currency": "EUR", "note": "ateliers"}),
        ],
        labs=[mindlab, other_lab],
    )
    practice = PracticePageFactory(parent=mindlab, title="Cas de la Transfo", programme=programme)
    soup = soup_of(client.get(programme.url))
    assert text(soup.h1) == "La Transfo"
    assert "2011–2014" in text(soup.select_one("dl.facts"))
    funders = [text(item) for item in soup.select(".funders li")]
    with translation.override("fr"):
        big = formats.number_format(Decimal("150000"), force_grouping=True)
        small = formats.number_format(Decimal("1234.50"), decimal_pos=2, force_grouping=True)
    assert len(funders) == 2
    assert funders[0].startswith("Caisse des Dépôts") and funders[0].endswith(f"{big} EUR")
    assert funders[1].startswith("Région Alsace") and funders[1].endswith(f"{small} EUR (ateliers)")
    participants = soup.find(id="programme-participants").find_parent("section")
    assert {link["href"] for link in participants.select("a")} == {mindlab.url, other_lab.url}
    assert [text(li) for li in participants.select("h3 + ul")[1].select("li")] == ["Région Alsace", "Région Bourgogne"]
    practices = soup.find(id="programme-practices").find_parent("section")
    assert practices.select_one("a")["href"] == practice.url
