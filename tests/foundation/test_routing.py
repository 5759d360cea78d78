"""Pages found by url_path (praxis.routing): the same route as Wagtail's walk, in fewer queries."""

import re

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from factories import LabIndexPageFactory, LabPageFactory, PracticeIndexPageFactory, PracticePageFactory
from factories.labs import ProgrammePageFactory
from factories.translations import translate_page
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.url_routing import RouteResult

from praxis import routing
from praxis.models import StandardPage

pytestmark = pytest.mark.django_db

LANGUAGES = ("fr", "en")
SUFFIXES = ("", "sheet/", "markers/", "nope/", "sheet/nope/")


@pytest.fixture
def tree(home):
    """Every page type, in French and English, with a draft, a private page, an alias and
    a live page under a draft."""
    labs = LabIndexPageFactory()
    lab = LabPageFactory(parent=labs)
    practice = PracticePageFactory(parent=lab, slug="atelier")
    draft = PracticePageFactory(parent=lab, live=False)
    private = PracticePageFactory(parent=lab)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    secret = PracticePageFactory(parent=lab)
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.PASSWORD, password="x")
    programme = ProgrammePageFactory(parent=labs)
    LabPageFactory(parent=labs, slug="markers")  # hidden by the directory's markers/ sub-route, as in Wagtail
    index = PracticeIndexPageFactory()
    about = home.add_child(instance=StandardPage(title="À propos", slug="a-propos", locale=home.locale))
    about.save_revision().publish()
    hidden = home.add_child(instance=StandardPage(title="Brouillon", slug="brouillon", locale=home.locale, live=False))
    under_draft = hidden.add_child(instance=StandardPage(title="Sous", slug="sous", locale=home.locale))
    under_draft.save_revision().publish()
    alias = about.create_alias(parent=lab, update_slug="alias-a-propos")
    for page in (labs, lab, practice, programme, index, about):
        translate_page(page, "en", slug=f"{page.slug}-en")
    translate_page(draft, "en", live=False)
    return {
        "practice": practice,
        "lab": lab,
        "labs": labs,
        "programme": programme,
        "index": index,
        "draft": draft,
        "private": private,
        "secret": secret,
        "about": about,
        "under_draft": under_draft,
        "alias": alias,
    }


def request_for(language: str, host: str = "localhost"):
    request = RequestFactory().get("/", HTTP_HOST=host)
    request.LANGUAGE_CODE = language
    return request


def summary(route):
    """What a route says: the page (class and id) and, for a sub-route, its view and arguments."""
    if route is None:
        return None
    page, args, kwargs = route
    if args and callable(args[0]):
        view, view_args, view_kwargs = args
        args = (view.__func__.__name__, tuple(view_args), dict(view_kwargs))
    return (type(page), page.pk, page.live, tuple(args), dict(kwargs))


def both_routes(path: str, language: str, host: str = "localhost"):
    """Wagtail's route and praxis.routing's for ``path`` in ``language``, each on a fresh request."""
    with translation.override(language):
        wagtail = Page.route_for_request(request_for(language, host), path)
        fast_request = request_for(language, host)
        fast = routing.fast_route(fast_request, path)
        engaged = hasattr(fast_request, routing.ROUTE_ATTRIBUTE)
    return summary(wagtail), summary(fast), engaged


def relative_paths() -> set[str]:
    """Every page's path below each site root it sits under (both languages' roots)."""
    roots = [entry.root_path for entry in Site.get_site_root_paths()]
    paths = {""}
    for url_path in Page.objects.values_list("url_path", flat=True):
        for root in roots:
            if url_path.startswith(root):
                paths.add(url_path[len(root) :])
    return paths


def test_every_page_resolves_as_wagtails_walk_in_both_languages(tree):
    paths = relative_paths()
    assert len(paths) > 15
    compared = 0
    for language in LANGUAGES:
        for path in paths:
            for suffix in SUFFIXES:
                wagtail, fast, engaged = both_routes(path + suffix, language)
                assert fast == wagtail, (language, path + suffix)
                assert engaged, (language, path + suffix)  # the shortcut answered, not Wagtail's walk
                compared += 1
    assert compared == len(paths) * len(LANGUAGES) * len(SUFFIXES)


def test_sub_routes_live_drafts_and_aliases_are_routed_as_before(tree):
    practice_path = tree["practice"].url_path.removeprefix("/accueil/")
    cases = {
        practice_path: (type(tree["practice"]), tree["practice"].pk, True),
        practice_path + "sheet/": (type(tree["practice"]), tree["practice"].pk, True),
        tree["labs"].url_path.removeprefix("/accueil/") + "markers/": (type(tree["labs"]), tree["labs"].pk, True),
        tree["alias"].url_path.removeprefix("/accueil/"): (StandardPage, tree["alias"].pk, True),
        tree["under_draft"].url_path.removeprefix("/accueil/"): (StandardPage, tree["under_draft"].pk, True),
    }
    for path, expected in cases.items():
        wagtail, fast, _engaged = both_routes(path, "fr")
        assert fast[:3] == expected == wagtail[:3], path
    assert both_routes(practice_path + "sheet/", "fr")[1][3][0] == "sheet"
    assert both_routes(tree["draft"].url_path.removeprefix("/accueil/"), "fr")[:2] == (None, None)


def test_a_pages_own_route_is_called_with_the_rest_of_the_path(tree, monkeypatch):
    def catch_all(self, request, path_components):
        return RouteResult(self, args=tuple(path_components)) if self.live else None

    monkeypatch.setattr(StandardPage, "route", catch_all)
    for path in ("a-propos/", "a-propos/x/y/", "a-propos-en/z/", "brouillon/sous/"):
        for language in LANGUAGES:
            wagtail, fast, engaged = both_routes(path, language)
            assert fast == wagtail and engaged, (language, path)
    assert both_routes("a-propos/x/y/", "fr")[1][3] == ("x", "y")


def test_the_route_is_kept_on_the_request_for_wagtails_serve_and_tags(tree, client):
    response = client.get(tree["practice"].url)
    assert response.status_code == 200
    assert response.context["page"].pk == tree["practice"].pk
    request = response.wsgi_request
    assert request._wagtail_route_for_request[0].pk == tree["practice"].pk
    assert Page.find_for_request(request, "ignored/").pk == tree["practice"].pk


def test_pages_over_http(tree, client):
    practice, labs = tree["practice"], tree["labs"]
    assert client.get(practice.url).status_code == 200
    english = practice.get_translation(Locale.objects.get(language_code="en"))
    response = client.get(english.url)
    assert response.status_code == 200 and response.context["page"].pk == english.pk
    sheet = client.get(practice.url + "sheet/")
    assert sheet.status_code == 200 and sheet["Content-Type"] == "application/pdf"
    markers = client.get(labs.url + "markers/")
    assert markers.status_code == 200 and "points" in markers.json()
    assert client.get(tree["lab"].url).context["page"].pk == tree["lab"].pk
    assert client.get(tree["programme"].url).status_code == 200
    assert client.get(tree["index"].url).status_code == 200
    alias = client.get(tree["alias"].url)
    assert alias.status_code == 200 and alias.context["page"].pk == tree["alias"].pk
    assert client.get("/fr/").context["page"].pk == Site.objects.get().root_page_id


def test_drafts_and_unknown_paths_are_404(tree, client):
    assert client.get("/fr" + tree["draft"].url_path.removeprefix("/accueil")).status_code == 404
    assert client.get("/fr" + tree["draft"].url_path.removeprefix("/accueil") + "sheet/").status_code == 404
    assert client.get("/fr/nulle-part/").status_code == 404
    assert client.get(tree["practice"].url + "nope/").status_code == 404
    assert client.get(tree["labs"].url + "nope/").status_code == 404


def test_private_pages_ask_for_a_login_or_a_password(tree, client, django_user_model):
    private = client.get(tree["private"].url)
    assert private.status_code == 302 and "/_util/login/" in private["Location"]
    assert client.get(tree["private"].url + "sheet/").status_code == 302
    secret = client.get(tree["secret"].url)
    assert secret.status_code == 200
    assert b"password" in secret.content.lower() and secret.context["page"].pk == tree["secret"].pk
    user = django_user_model.objects.create_user("reader", "reader@example.org", "pw")
    client.force_login(user)
    assert client.get(tree["private"].url).status_code == 200


def test_another_site_by_hostname(tree, home):
    other_root = Page.get_first_root_node().add_child(
        instance=StandardPage(title="Autre", slug="autre-site", locale=home.locale)
    )
    other_root.save_revision().publish()
    child = other_root.add_child(instance=StandardPage(title="Page", slug="page", locale=home.locale))
    child.save_revision().publish()
    Site.objects.create(hostname="autre.example.org", port=80, root_page=other_root)
    for host, path, expected in (
        ("autre.example.org", "page/", child.pk),
        ("autre.example.org", "", other_root.pk),
        ("localhost", "page/", None),
    ):
        wagtail, fast, _engaged = both_routes(path, "fr", host)
        assert fast == wagtail
        assert (fast[1] if fast else None) == expected


def test_unsure_cases_are_left_to_wagtail(tree, home):
    english_home = home.get_translations().get()
    english_home.unpublish()  # .localized keeps the French root for English readers
    for path in ("", tree["practice"].url_path.removeprefix("/accueil/")):
        wagtail, fast, engaged = both_routes(path, "en")
        assert not engaged and fast is None
        assert wagtail is not None and wagtail[1] in (home.pk, tree["practice"].pk)
    deep = "a/" * (routing.MAX_DEPTH + 1)
    assert both_routes(deep, "fr")[2] is False


def test_fewer_queries_than_wagtails_walk(tree, django_assert_num_queries):
    Site.get_site_root_paths()  # kept in the cache in production: not counted
    roots = {entry.language_code: entry.root_path for entry in Site.get_site_root_paths()}
    routing.fast_route(request_for(LANGUAGES[0]), "")  # the site and view restrictions, read once per version
    for language in LANGUAGES:
        practice = tree["practice"].get_translation(Locale.objects.get(language_code=language))
        path = practice.url_path.removeprefix(roots[language])
        with translation.override(language):
            with CaptureQueriesContext(connection) as walked:
                assert Page.route_for_request(request_for(language), path)[0].pk == practice.pk
            # the content version (which every page needs anyway), the pages on the path, the practice
            with django_assert_num_queries(3):
                assert routing.fast_route(request_for(language), path)[0].pk == practice.pk
        assert len(walked) >= 7


def test_a_page_request_makes_fewer_queries(tree, client, monkeypatch):
    url = tree["practice"].url
    client.get(url)
    with CaptureQueriesContext(connection) as fast:
        assert client.get(url).status_code == 200
    monkeypatch.setattr(routing, "fast_route", lambda request, path: None)
    with CaptureQueriesContext(connection) as walked:
        assert client.get(url).status_code == 200
    assert len(fast) <= len(walked) - 4


HOSTILE = [
    "/fr/%00/",
    "/fr/a%00b/",
    "/fr/" + "a/" * 5000,
    "/fr/" + "a" * 20000 + "/",
    "/fr/../",
    "/fr/%2e%2e/",
    "/fr/accueil/../",
    "/fr/laboratoires/%2F%2F/",
    "/fr/laboratoires%2F..%2F/",
    "/fr/%C3%A9t%C3%A9/",
    "/fr/%ff/",
    "/fr//laboratoires/",
]


def test_hostile_paths_are_404_not_500(tree, client):
    for url in HOSTILE:
        assert client.get(url).status_code == 404, url[:60]


def test_hostile_paths_given_to_the_router_directly(tree):
    for path in ("../", "a/" * 5000, "é" * 3000 + "/", "%2e%2e/", "a" * 300 + "/"):
        assert both_routes(path, "fr")[:2] == (None, None)
    for path in ("\x00/", "a\x00b/", "laboratoires/\x00/"):  # Wagtail's walk would send it to the database
        request = request_for("fr")
        assert routing.fast_route(request, path) is None
        assert request._wagtail_route_for_request is None  # answered: a 404


# What differs between two responses whatever the routing: the nonce, the CSRF token, a PDF's dates and id.
VARYING = rb'nonce="[^"]*"|name="csrfmiddlewaretoken" value="[^"]*"|/(CreationDate|ModDate) *\([^)]*\)|/ID *\[[^\]]*\]'


def test_pages_are_the_same_with_wagtails_walk(tree, client, monkeypatch):
    """Same status, headers and HTML (but the nonce and the clock) with either routing."""
    urls = [
        "/fr/",
        "/en/",
        tree["practice"].url,
        tree["practice"].url + "sheet/",
        tree["lab"].url,
        tree["labs"].url,
        tree["labs"].url + "markers/",
        tree["alias"].url,
        tree["private"].url,
        tree["secret"].url,
        "/fr/nulle-part/",
    ]

    def responses():
        seen = []
        for url in urls:
            response = client.get(url)
            headers = {
                name: value for name, value in response.items() if name not in ("Content-Security-Policy", "Expires")
            }
            body = re.sub(VARYING, b"", response.content)
            seen.append((url, response.status_code, headers, body))
        return seen

    fast = responses()
    monkeypatch.setattr(routing, "fast_route", lambda request, path: None)
    assert responses() == fast
