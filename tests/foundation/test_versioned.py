"""What each process keeps per content version (praxis.services.versioned): the site of a host
and the view restrictions are read once per version, never used for another version, and
applied at once when another process (which this one hears nothing from) changes them."""

from contextlib import contextmanager

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from factories import LabIndexPageFactory, LabPageFactory, PracticePageFactory
from factories.discussions import QuestionFactory
from wagtail.models import Page, PageViewRestriction, Site

from praxis.models import StandardPage
from praxis.services import fragments, versioned
from praxis.visibility import is_private, may_be_restricted, private_section_paths

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(home):
    lab = LabPageFactory(parent=LabIndexPageFactory(), title="Labo Lille")
    practice = PracticePageFactory(parent=lab, title="Carte culture jeunes", labs=[lab])
    other = PracticePageFactory(parent=lab, title="Budget participatif", labs=[lab])
    about = home.add_child(instance=StandardPage(title="À propos", slug="a-propos", locale=home.locale))
    about.save_revision().publish()
    alias = about.create_alias(parent=lab, update_slug="alias-a-propos")
    return {"lab": lab, "practice": practice, "other": other, "about": about, "alias": alias}


@contextmanager
def another_process():
    """Changes made meanwhile are made by another process: this one is not told of them
    (its kept values stay), only the content version in the database moves."""
    fragments.content_changed.disconnect(dispatch_uid="praxis.versioned.forget")
    try:
        yield
    finally:
        fragments.content_changed.connect(versioned.forget, dispatch_uid="praxis.versioned.forget")


def tables_read(client, url) -> str:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return " ".join(query["sql"] for query in captured.captured_queries)


def test_a_page_request_reads_neither_the_site_nor_the_restrictions_again(tree, client):
    for page in (tree["practice"], tree["lab"], tree["lab"].get_parent(), tree["about"]):
        client.get(page.url)
        read = tables_read(client, page.url)
        assert "wagtailcore_site" not in read, page.title
        assert "wagtailcore_pageviewrestriction" not in read, page.title
        assert "praxis_contentversion" in read  # each request checks the version


def test_a_restriction_made_by_another_process_applies_at_the_next_request(tree, client):
    practice = tree["practice"]
    assert client.get(practice.url).status_code == 200  # this process keeps "no restriction"
    with another_process():
        restriction = PageViewRestriction.objects.create(page=tree["lab"], restriction_type=PageViewRestriction.LOGIN)
        response = client.get(practice.url)
        assert response.status_code == 302 and "/_util/login/" in response["Location"]
        assert client.get(tree["lab"].url).status_code == 302
        restriction.delete()
        assert client.get(practice.url).status_code == 200


def test_a_password_restriction_still_asks_for_its_password(tree, client):
    client.get(tree["practice"].url)
    with another_process():
        PageViewRestriction.objects.create(
            page=tree["practice"], restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
        response = client.get(tree["practice"].url)
    assert response.status_code == 200 and b'name="password"' in response.content
    assert "Carte culture jeunes" not in response.content.decode().split("<main", 1)[-1]
    assert client.get(tree["other"].url).status_code == 200  # its sibling stays public


def test_an_alias_of_a_restricted_page_is_restricted_like_its_source(tree, client):
    assert client.get(tree["alias"].url).status_code == 200
    with another_process():
        PageViewRestriction.objects.create(page=tree["about"], restriction_type=PageViewRestriction.LOGIN)
        alias = client.get(tree["alias"].url)
    assert alias.status_code == 302 and "/_util/login/" in alias["Location"]
    assert may_be_restricted(tree["alias"]) and not is_private(tree["alias"])  # Wagtail's rules, both
    assert client.get(tree["practice"].url).status_code == 200


def test_questions_are_hidden_on_a_page_made_private_by_another_process(tree, client, django_user_model):
    QuestionFactory(practice=tree["practice"], body="Combien de jeunes ont participé ?")
    assert "Combien de jeunes" in client.get(tree["practice"].url).content.decode()
    with another_process():
        PageViewRestriction.objects.create(page=tree["lab"], restriction_type=PageViewRestriction.LOGIN)
    client.force_login(django_user_model.objects.create_user("lecteur", "lecteur@example.org", "pw"))
    response = client.get(tree["practice"].url)
    assert response.status_code == 200 and "Combien de jeunes" not in response.content.decode()
    assert private_section_paths() == [tree["lab"].path]


def test_a_site_added_by_another_process_answers_its_host(tree, client, home):
    other_root = Page.get_first_root_node().add_child(
        instance=StandardPage(title="Autre site", slug="autre-site", locale=home.locale)
    )
    other_root.save_revision().publish()
    first = client.get("/fr/", HTTP_HOST="autre.example.org")  # the default site answers it, and is kept
    assert first.status_code == 200 and first.context["page"].pk == home.pk
    with another_process():
        Site.objects.create(hostname="autre.example.org", port=80, root_page=other_root)
        response = client.get("/fr/", HTTP_HOST="autre.example.org")
    assert response.status_code == 200 and response.context["page"].pk == other_root.pk


def test_each_request_gets_its_own_site_instance(tree, rf):
    first, second = rf.get("/", HTTP_HOST="localhost"), rf.get("/", HTTP_HOST="localhost")
    version = fragments.content_version()
    assert versioned.find_site(first, version) == versioned.find_site(second, version)
    assert versioned.find_site(first, version) is not versioned.find_site(second, version)


def test_the_hosts_kept_are_bounded(tree, rf):
    version = fragments.content_version()
    for port in range(8000, 8000 + 3 * versioned.MAX_HOSTS):
        request = rf.get("/", HTTP_HOST=f"localhost:{port}")
        assert versioned.find_site(request, version).is_default_site
    assert len(versioned.kept("sites", version, dict)) <= versioned.MAX_HOSTS


def test_a_value_is_used_only_for_its_version():
    computed = []
    assert versioned.kept("answer", 1, lambda: computed.append(1) or "one") == "one"
    assert versioned.kept("answer", 1, lambda: computed.append(1) or "again") == "one"
    assert versioned.kept("answer", 2, lambda: computed.append(2) or "two") == "two"
    assert versioned.kept("answer", 1, lambda: computed.append(1) or "one, read again") == "one, read again"
    assert computed == [1, 2, 1]
