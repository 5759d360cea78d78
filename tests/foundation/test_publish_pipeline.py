"""A publication runs one pipeline in a fixed order (relations, media, index, notify) and bumps the
content version once, at its end; every other change bumps it once too."""

import itertools

import pytest
from django.core.management.sql import emit_post_migrate_signal
from factories import LabPageFactory, PolicyAreaFactory, PracticePageFactory, TranspositionFactory
from factories.translations import translate_page
from wagtail.models import Page, PageViewRestriction

from practices.models import PracticePage
from praxis.models import StandardPage
from praxis.services import publishing
from praxis.services.fragments import content_version
from praxis.services.publishing import Pipeline, Stage

pytestmark = pytest.mark.django_db


def bumps(change) -> int:
    """How many times ``change()`` bumps the content version."""
    before = content_version()
    change()
    return content_version() - before


def draft(parent, title="À propos", slug="a-propos") -> StandardPage:
    page = StandardPage(title=title, slug=slug, live=False, locale=parent.locale)
    parent.add_child(instance=page)
    return page


def republish(page):
    return lambda: page.save_revision().publish()


@pytest.fixture
def project_steps(monkeypatch):
    """The project's pipeline, restored after the test (it may register probes)."""
    monkeypatch.setattr(publishing.pipeline, "steps", dict(publishing.pipeline.steps))
    return publishing.pipeline


# One bump per publication


def test_a_first_publication_bumps_once(home):
    assert bumps(draft(home).save_revision().publish) == 1


def test_a_publication_bumps_once_whatever_the_page(home):
    area = PolicyAreaFactory()
    lab = LabPageFactory()
    practice = PracticePageFactory(labs=[lab], policy_areas=[area])
    translate_page(practice, "en", title="A practice")  # every step runs: relations, media, index
    about = draft(home)
    about.save_revision().publish()
    for page in (about, lab, practice):
        page.refresh_from_db()
        assert bumps(republish(page)) == 1, page
    assert bumps(practice.get_latest_revision().publish) == 1  # the same revision again


def test_an_alias_is_a_publication_of_its_own(home):
    """Wagtail publishes a page's aliases after the page's own pipeline has run: each alias
    runs it in turn and bumps once more, after its own save."""
    practice = PracticePageFactory()
    translate_page(practice, "en")  # its lab is copied to English as an alias
    lab = practice.get_parent().specific
    assert lab.aliases.count() == 1
    assert bumps(republish(lab)) == 2


def test_the_bump_comes_after_every_step(home, project_steps):
    seen = []
    probe = project_steps.register(Stage.NOTIFY, lambda page: seen.append(content_version()), model=PracticePage)
    assert project_steps.steps_for(PracticePage())[-1] == probe  # the last stage; "test..." after "alerts..."
    practice = PracticePageFactory()
    before = content_version()
    practice.save_revision().publish()
    assert seen[-1] == before  # nothing cached meanwhile is under the new version
    assert content_version() == before + 1


def test_a_failing_step_still_bumps(home, project_steps):
    page = draft(home)
    revision = page.save_revision()

    def fail(page):
        raise RuntimeError("renditions storage down")

    project_steps.register(Stage.MEDIA, fail)
    before = content_version()
    with pytest.raises(RuntimeError):
        revision.publish()
    assert content_version() == before + 1


# Every other change bumps once


@pytest.fixture
def scene(home):
    area = PolicyAreaFactory()
    lab = LabPageFactory()
    practice = PracticePageFactory(parent=lab, policy_areas=[area])
    source = PracticePageFactory(parent=lab)
    about = draft(home)
    about.save_revision().publish()
    about.refresh_from_db()
    return {"home": home, "area": area, "practice": practice, "source": source, "about": about}


def rename(term):
    term.name = "Habitat inclusif"
    term.save()


CHANGES = {
    "a live page saved by a script": lambda s: s["about"].save(),
    "a page created live": lambda s: s["home"].add_child(instance=StandardPage(title="Live", slug="live")),
    "unpublished": lambda s: s["about"].unpublish(),
    "moved": lambda s: s["about"].move(s["practice"].get_parent(), pos="last-child"),
    "deleted": lambda s: s["about"].delete(),
    "view restriction": lambda s: PageViewRestriction.objects.create(page=s["about"], restriction_type="login"),
    "term renamed": lambda s: rename(s["area"]),
    "transposition": lambda s: TranspositionFactory(practice=s["practice"], source=s["source"]),
    "migrate": lambda s: emit_post_migrate_signal(verbosity=0, interactive=False, db="default"),
}


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_every_other_change_bumps_once(scene, change):
    assert bumps(lambda: change(scene)) == 1


def test_a_draft_does_not_bump(scene):
    scene["about"].title = "Qui sommes-nous"
    assert bumps(scene["about"].save_revision) == 0


# The order of the steps


def test_steps_run_by_stage_whatever_the_order_of_registration(home):
    page = draft(home)
    calls = []

    def relations(page):
        calls.append("relations")

    def media(page):
        calls.append("media")

    def index(page):
        calls.append("index")

    def practices_only(page):
        calls.append("practices only")

    steps = [(Stage.INDEX, index), (Stage.MEDIA, media), (Stage.RELATIONS, relations)]
    for order in itertools.permutations(steps):
        pipeline = Pipeline()
        pipeline.register(Stage.RELATIONS, practices_only, model=PracticePage)
        for stage, run in order:
            pipeline.register(stage, run)
        calls.clear()
        before = content_version()
        pipeline.run(page)
        assert calls == ["relations", "media", "index"]
        assert content_version() == before + 1


def test_the_project_pipeline(project_steps):
    def names(page):
        return [step.name for step in project_steps.steps_for(page)]

    foundation = ["praxis.services.translations.sync_shared_relations", "praxis.images.pregenerate_renditions"]
    purge = "praxis.services.frontend_cache.purge_page"
    assert names(StandardPage()) == names(Page()) == [*foundation, purge]
    assert names(PracticePage()) == [
        *foundation,
        "search.signals.reindex_translation_group",
        purge,
        "alerts.tasks.queue_after_publication",  # Stage.NOTIFY: after the index and the purge
    ]


def test_a_translation_is_indexed_with_the_synced_classification(home):
    housing = PolicyAreaFactory(name="Habitat partagé", slug="habitat-partage")
    reading = PolicyAreaFactory(name="Lecture publique", slug="lecture-publique")
    practice = PracticePageFactory(policy_areas=[housing])
    english = translate_page(practice, "en", title="Shared flats")
    practice.policy_areas.set([reading])
    practice.save_revision().publish()

    english_practices = PracticePage.objects.filter(locale=english.locale)
    assert list(PracticePage.objects.get(pk=english.pk).policy_areas.all()) == [reading]
    assert [page.pk for page in english_practices.search("lecture")] == [english.pk]
    assert list(english_practices.search("habitat")) == []
