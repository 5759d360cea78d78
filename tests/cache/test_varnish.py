"""The front-end cache, for real: Varnish with the shipped VCL in front of the app."""

from factories.labs import LabPageFactory
from factories.practices import PracticeIndexPageFactory, PracticePageFactory

from praxis.models import StandardPage


def warm(varnish, *paths):
    """Each path fetched twice: the second answer comes from the cache."""
    for path in paths:
        first = varnish.get(path)
        assert first.status == 200, (path, first.status)
        second = varnish.get(path)
        assert second.hit, (path, second.headers)
        assert int(second.headers["age"]) >= 0
        assert "x-praxis-tags" not in second.headers  # the cache's business only


def test_a_second_anonymous_request_is_a_hit(live_home, varnish):
    practice = PracticePageFactory(title="Budget participatif")
    first = varnish.get(practice.url)
    assert first.status == 200 and first.headers["x-cache"] == "MISS"
    assert "public" in first.headers["cache-control"]
    second = varnish.get(practice.url)
    assert second.hit and second.body == first.body
    assert second.headers["x-varnish"].count(" ") == 1  # this request's id and the cached one's


def test_publishing_a_practice_purges_its_page_and_the_listings_that_show_it(live_home, varnish):
    lab = LabPageFactory(title="Lab du Rhin")
    index = PracticeIndexPageFactory(parent=live_home)
    practice = PracticePageFactory(parent=index, title="Budget participatif", labs=[lab])
    about = live_home.add_child(instance=StandardPage(title="À propos", slug="a-propos", locale=live_home.locale))
    about.save_revision().publish()
    search = "/fr/search/?q=budget&sort=relevance"
    warm(varnish, practice.url, index.url, search, "/fr/search/?q=participatif", lab.url, about.url, "/fr/")
    practice.title = "Budget participatif des jeunes"
    practice.save_revision().publish()

    for path in (practice.url, index.url, search, "/fr/search/?q=participatif", "/fr/", lab.url):
        answer = varnish.get(path)
        assert not answer.hit, path
        assert "Budget participatif des jeunes" in answer.text, path
        assert varnish.get(path).hit, path  # and cached again
    assert varnish.get(about.url).hit  # a page that does not show the practice stays cached


def test_unpublishing_and_moving_purge_the_old_copies(live_home, varnish):
    index = PracticeIndexPageFactory(parent=live_home)
    practice = PracticePageFactory(parent=index, title="Ateliers citoyens")
    other = PracticePageFactory(parent=index, title="Tiers-lieu numérique")
    old_url = other.url
    warm(varnish, practice.url, old_url, index.url)

    practice.unpublish()
    assert varnish.get(practice.url).status == 404
    assert "Ateliers citoyens" not in varnish.get(index.url).text

    other.move(LabPageFactory(), pos="last-child")
    moved = varnish.get(old_url)  # Wagtail redirects the old URL to the new one
    assert not moved.hit and "Tiers-lieu numérique" in moved.text


def test_a_signed_in_request_is_never_cached(live_home, varnish, client, django_user_model):
    practice = PracticePageFactory(title="Budget participatif")
    warm(varnish, practice.url)
    member = django_user_model.objects.create_user("reader", "reader@example.org", "password")
    client.force_login(member)
    cookie = f"sessionid={client.cookies['sessionid'].value}; csrftoken=abc"
    for _attempt in range(2):
        answer = varnish.get(practice.url, cookie=cookie)
        assert answer.status == 200
        assert not answer.hit
        assert "private" in answer.headers["cache-control"]
    admin = varnish.get("/admin/", cookie=cookie)
    assert not admin.hit
    assert varnish.get(practice.url).hit  # anonymous readers still get the cached copy
