"""What every reader sees is cached (menu, footer, language versions, a practice's terms,
labs and lineage, similar practices), and what is published shows at once: every check
goes through real requests, the cache warmed by an earlier one."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from factories import LabPageFactory, PolicyAreaFactory, PracticePageFactory, TranspositionFactory
from factories.showcase import showcase_practice
from factories.translations import translate_page
from wagtail.models import PageViewRestriction

from practices.models import PracticePage
from praxis.models import StandardPage
from praxis.services.fragments import content_version

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def menu(client, url="/fr/"):
    return [link.get_text() for link in soup_of(client, url).select("nav.main-nav a")]


def footer(client, url="/fr/"):
    return [link.get_text() for link in soup_of(client, url).select(".site-footer__links a")]


def standard_page(parent, title, slug, *, in_menu=True, live=True):
    """A standard page created and published through a revision, as an editor would."""
    page = StandardPage(title=title, slug=slug, show_in_menus=in_menu, live=False, locale=parent.locale)
    parent.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
        page.refresh_from_db()
    return page


# The site shell


def test_a_published_page_joins_the_menu_and_leaves_it_when_unpublished(client, home):
    assert "À propos" not in menu(client)
    about = standard_page(home, "À propos", "a-propos")
    assert "À propos" in menu(client)
    about.unpublish()
    assert "À propos" not in menu(client)


def test_a_draft_stays_out_of_the_menu_until_it_is_published(client, home):
    about = standard_page(home, "À propos", "a-propos")
    assert "À propos" in menu(client)
    about.title = "Qui sommes-nous"
    about.save_revision()
    draft = standard_page(home, "Brouillon", "brouillon", live=False)
    assert "À propos" in menu(client)
    assert "Qui sommes-nous" not in menu(client)
    assert draft.title not in menu(client)
    about.get_latest_revision().publish()
    assert "Qui sommes-nous" in menu(client)
    assert "À propos" not in menu(client)


def test_a_restricted_page_is_never_in_the_menu_or_the_footer(client, home):
    members = standard_page(home, "Espace membres", "membres")
    legal = standard_page(home, "Mentions légales", "mentions-legales", in_menu=False)
    assert "Espace membres" in menu(client)
    assert "Mentions légales" in footer(client)
    for page in (members, legal):
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert "Espace membres" not in menu(client)
    assert "Mentions légales" not in footer(client)
    restricted = standard_page(home, "Réservé", "reserve", live=False)
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    restricted.save_revision().publish()
    assert "Réservé" not in menu(client)


def test_the_footer_follows_publication(client, home):
    assert "Accessibilité" not in footer(client)
    page = standard_page(home, "Accessibilité", "accessibilite", in_menu=False)
    assert "Accessibilité" in footer(client)
    assert "Accessibilité" not in menu(client)
    page.unpublish()
    assert "Accessibilité" not in footer(client)


def test_moved_and_deleted_pages_leave_the_menu(client, home):
    about = standard_page(home, "À propos", "a-propos")
    team = standard_page(home, "Équipe", "equipe")
    assert {"À propos", "Équipe"} <= set(menu(client))
    team.move(about, pos="last-child")
    assert "Équipe" not in menu(client)
    about.delete()
    assert "À propos" not in menu(client)


def test_each_language_has_its_own_menu(client, home):
    about = standard_page(home, "À propos", "a-propos")
    translate_page(about, "en", title="About us", slug="about")
    french, english = menu(client, "/fr/"), menu(client, "/en/")
    assert "À propos" in french and "About us" not in french
    assert "About us" in english and "À propos" not in english
    assert menu(client, "/fr/") == french  # from the cache, still French


def test_the_current_section_is_marked_on_every_page(client, home):
    about = standard_page(home, "À propos", "a-propos")
    team = standard_page(about, "Équipe", "equipe", in_menu=False)
    legal = standard_page(home, "Mentions légales", "mentions-legales", in_menu=False)
    for url, current in ((team.url, ["À propos"]), (legal.url, []), ("/fr/", [])):
        soup = soup_of(client, url)
        assert [link.get_text() for link in soup.select("nav.main-nav a[aria-current]")] == current


def test_language_versions_follow_publication(client, home):
    about = standard_page(home, "À propos", "a-propos")
    assert not soup_of(client, about.url).select('link[rel="alternate"][hreflang]')
    english = translate_page(about, "en", title="About us", slug="about")
    soup = soup_of(client, about.url)
    assert soup.select_one('link[rel="alternate"][hreflang="en"]')["href"] == english.full_url
    assert soup.select_one('nav.language-switcher a[hreflang="en"]') is not None
    english.unpublish()
    soup = soup_of(client, about.url)
    assert not soup.select('link[rel="alternate"][hreflang]')
    assert soup.select_one("nav.language-switcher") is None


def test_drafts_do_not_empty_the_cache(home):
    about = standard_page(home, "À propos", "a-propos")
    before = content_version()
    about.title = "Qui sommes-nous"
    about.save_revision()
    assert content_version() == before
    about.get_latest_revision().publish()
    assert content_version() > before


# A practice page


def test_signed_in_staff_and_anonymous_readers_never_share_a_practice_page(client, home, superuser):
    practice = showcase_practice(contact_email="camille.martin@example.org")
    anonymous = client.get(practice.url).content.decode()
    client.force_login(superuser)
    staff = client.get(practice.url).content.decode()
    client.logout()
    anonymous_again = client.get(practice.url).content.decode()
    assert "camille.martin@example.org" in staff
    assert "camille.martin@example.org" not in anonymous
    assert "camille.martin@example.org" not in anonymous_again


def test_a_preview_shows_the_draft_and_the_readers_the_live_page(client, home, superuser):
    practice = PracticePageFactory(policy_areas=[PolicyAreaFactory(name="Habitat partagé", slug="habitat-partage")])
    draft = PracticePage.objects.get(pk=practice.pk)
    draft.policy_areas.set([PolicyAreaFactory(name="Lecture publique", slug="lecture-publique")])
    draft.save_revision()
    client.force_login(superuser)
    preview = client.get(reverse("wagtailadmin_pages:view_draft", args=[practice.pk])).content.decode()
    assert "Lecture publique" in preview and "Habitat partagé" not in preview
    client.logout()
    live = client.get(practice.url).content.decode()
    assert "Habitat partagé" in live and "Lecture publique" not in live
    client.force_login(superuser)
    preview = client.get(reverse("wagtailadmin_pages:view_draft", args=[practice.pk])).content.decode()
    assert "Lecture publique" in preview and "Habitat partagé" not in preview


def test_a_practice_shows_renamed_terms_and_labs_at_once(client, home):
    area = PolicyAreaFactory(name="Habitat partagé", slug="habitat-partage")
    lab = LabPageFactory(title="Lab Alpha")
    practice = PracticePageFactory(parent=lab, labs=[lab], policy_areas=[area])
    html = client.get(practice.url).content.decode()
    assert "Habitat partagé" in html and "Lab Alpha" in html
    area.name = "Habitat inclusif"
    area.save()
    lab.title = "Lab Alpha renommé"
    lab.save_revision().publish()
    html = client.get(practice.url).content.decode()
    assert "Habitat inclusif" in html and "Habitat partagé" not in html
    assert "Lab Alpha renommé" in html


def test_a_practice_shows_new_and_unpublished_lineage_at_once(client, home):
    practice = PracticePageFactory(title="Pratique transposée")
    assert "Pratique originale" not in client.get(practice.url).content.decode()
    original = PracticePageFactory(title="Pratique originale")
    TranspositionFactory(practice=practice, source=original)
    assert "Pratique originale" in client.get(practice.url).content.decode()
    original.unpublish()
    assert "Pratique originale" not in client.get(practice.url).content.decode()


def similar_titles(client, practice):
    return [link.get_text() for link in soup_of(client, practice.url).select(".similar-practices a")]


def test_similar_practices_follow_publication(client, home):
    area = PolicyAreaFactory()
    practice = PracticePageFactory(title="Bibliothèque le dimanche", policy_areas=[area])
    neighbour = PracticePageFactory(title="Ludothèque itinérante", policy_areas=[area])
    assert similar_titles(client, practice) == ["Ludothèque itinérante"]
    newcomer = PracticePageFactory(title="Médiathèque hors les murs", policy_areas=[area])
    assert set(similar_titles(client, practice)) == {"Ludothèque itinérante", "Médiathèque hors les murs"}
    neighbour.unpublish()
    newcomer.unpublish()
    assert similar_titles(client, practice) == []


def test_english_readers_get_the_english_practice_context(client, home):
    area = PolicyAreaFactory(
        name="Habitat partagé", slug="habitat-partage", translations={"en": {"name": "Shared housing"}}
    )
    lab = LabPageFactory(title="Laboratoire Alpha")
    translate_page(lab, "en", title="Alpha Lab")
    practice = PracticePageFactory(parent=lab, labs=[lab], policy_areas=[area])
    english = translate_page(practice, "en", title="An English practice")
    french_html = client.get(practice.url).content.decode()
    english_html = client.get(english.url).content.decode()
    assert "Habitat partagé" in french_html and "Laboratoire Alpha" in french_html
    assert "Shared housing" in english_html and "Alpha Lab" in english_html
    assert "Laboratoire Alpha" not in english_html
    assert "Laboratoire Alpha" in client.get(practice.url).content.decode()  # the cache keeps them apart
