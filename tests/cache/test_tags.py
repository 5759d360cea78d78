"""What a public response says it shows (X-Praxis-Tags), and what a publication asks the
front-end caches to drop (praxis.http_cache, praxis.services.frontend_cache), without Varnish."""

from factories.labs import LabPageFactory
from factories.practices import PracticeIndexPageFactory, PracticePageFactory
from wagtail.models import PageViewRestriction

from praxis.services import frontend_cache


def tags_of(response) -> set[str]:
    return set(filter(None, response.headers["X-Praxis-Tags"].split(",")))


def test_public_responses_carry_what_they_show(client, home, settings):
    settings.PRAXIS_SHARED_CACHE_SECONDS = 3600
    lab = LabPageFactory()
    index = PracticeIndexPageFactory(parent=home)
    practice = PracticePageFactory(parent=index, labs=[lab])
    assert tags_of(client.get(practice.url)) == {"site", f"page-{practice.pk}", "labs"}
    assert tags_of(client.get(index.url)) == {"site", f"page-{index.pk}", "practices"}
    assert tags_of(client.get(lab.url)) == {"site", f"page-{lab.pk}", "practices", "labs"}
    assert tags_of(client.get(home.url)) == {"site", f"page-{home.pk}", "practices", "labs"}
    search = client.get("/fr/search/?q=budget")
    assert tags_of(search) == {"site", "practices"}
    assert "s-maxage=3600" in search.headers["Cache-Control"]
    robots = client.get("/robots.txt")  # says how to cache itself: left alone, no tag
    assert "X-Praxis-Tags" not in robots.headers and "s-maxage" not in robots.headers["Cache-Control"]


def test_signed_in_responses_carry_no_tags(client, home, superuser):
    practice = PracticePageFactory()
    client.force_login(superuser)
    response = client.get(practice.url)
    assert "X-Praxis-Tags" not in response.headers
    assert "private" in response.headers["Cache-Control"]


def test_publishing_a_practice_bans_it_its_translations_its_parent_and_practice_listings(
    home, frontend_cache_sent, django_capture_on_commit_callbacks
):
    lab = LabPageFactory()
    practice = PracticePageFactory(parent=lab)
    frontend_cache_sent.clear()
    with django_capture_on_commit_callbacks(execute=True):
        practice.save_revision().publish()
        assert frontend_cache_sent == []  # not before the commit
    bans = [tags for method, tags in frontend_cache_sent if method == "BAN"]
    assert bans == [sorted({f"page-{practice.pk}", f"page-{lab.pk}", "practices"})]
    assert ("PURGE", practice.full_url) in frontend_cache_sent


def test_nothing_is_sent_without_a_front_end_cache(home, settings, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = {}
    with django_capture_on_commit_callbacks() as callbacks:
        PracticePageFactory().save_revision().publish()
    assert [callback for callback in callbacks if callback.__module__ == frontend_cache.__name__] == []


def test_a_view_restriction_drops_every_page(home, frontend_cache_sent, django_capture_on_commit_callbacks):
    practice = PracticePageFactory()
    frontend_cache_sent.clear()
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=practice, restriction_type=PageViewRestriction.LOGIN)
    assert frontend_cache_sent == [("BAN", ["site"])]
