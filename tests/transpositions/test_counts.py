"""Public, anonymous counts on each practice: territories transposing it (planned or under
way), territories that did it (done, or an approved outcome whose plan is gone). Exploring and
abandoned plans count nowhere; nothing of a plan shows anywhere public."""

import pytest
from factories import MemberFactory, PlanFactory
from factories.translations import translate_page

from transpositions.models import Outcome, Plan
from transpositions.services.counts import counts

pytestmark = pytest.mark.django_db


def plan(practice, status, territory_name, **fields):
    return PlanFactory(
        member=MemberFactory(name=f"Agent {territory_name}"),
        practice=practice,
        status=status,
        territory_name=territory_name,
        **fields,
    )


def outcome_without_plan(practice, outcome="success"):
    return Outcome.objects.create(
        practice=practice,
        practice_key=practice.translation_key,
        territory_name="Quelque part",
        outcome=outcome,
        result="Fait",
        language="fr",
        review=Outcome.Review.APPROVED,
    )


@pytest.fixture
def plans(practice):
    english = translate_page(practice, "en", title="Library outside the walls")
    plan(practice, Plan.Status.EXPLORING, "Curieuxville")
    plan(practice, Plan.Status.PLANNED, "Cantal", title="Plan secret du Cantal", notes="Budget confidentiel")
    plan(practice, Plan.Status.UNDER_WAY, "cantal")  # the same territory, typed otherwise
    plan(english, Plan.Status.UNDER_WAY, "Kent")  # any translation of the practice
    plan(practice, Plan.Status.DONE, "Lozère")
    plan(practice, Plan.Status.DONE, "Lozère")
    plan(practice, Plan.Status.ABANDONED, "Abandonville")
    outcome_without_plan(practice)
    outcome_without_plan(practice, outcome="abandoned")
    Outcome.objects.create(  # not approved: counts nowhere
        practice=practice, practice_key=practice.translation_key, territory_name="X", outcome="success", language="fr"
    )
    return english


def test_counts_are_per_territory_over_every_translation_in_one_query(practice, plans, django_assert_num_queries):
    with django_assert_num_queries(1):
        found = counts(practice.translation_key)
    assert found == {"transposing": 2, "done": 2}


def test_no_plan_no_count(client, practice):
    plan(practice, Plan.Status.EXPLORING, "Curieuxville")
    assert counts(practice.translation_key) == {"transposing": 0, "done": 0}
    assert "practice__transpositions" not in client.get(practice.url).content.decode()


def test_the_practice_page_shows_the_counts_in_both_languages_and_nothing_of_the_plans(client, practice, plans):
    french = client.get(practice.url).content.decode()
    assert "2 territoires transposent cette pratique." in french and "2 territoires l'ont fait." in french
    english = client.get(plans.url).content.decode()
    assert "2 territories are transposing this practice." in english and "2 territories have done it." in english
    for secret in ["Plan secret du Cantal", "Budget confidentiel", "Agent Cantal", "Curieuxville", "Abandonville"]:
        assert secret not in french and secret not in english
    for plan_id in Plan.objects.values_list("pk", flat=True):
        assert str(plan_id) not in french


def test_plans_show_in_no_public_channel(client, practice, plans):
    channels = [
        client.get("/fr/search/", {"q": "secret"}),
        client.get("/fr/search/", {"q": "Bibliothèque"}),
        client.get("/fr/search/feed/rss/"),
        client.get("/api/v2/pages/", {"type": "practices.PracticePage", "fields": "*"}),
        client.get(f"/api/v2/pages/{practice.pk}/"),
        client.get("/sitemap.xml"),
    ]
    for response in channels:
        assert response.status_code == 200
        text = response.content.decode()
        assert "Plan secret du Cantal" not in text and "Budget confidentiel" not in text and "Agent Cantal" not in text
        assert "/transpositions/" not in text


def test_a_status_change_drops_the_practices_pages_from_the_front_end_cache(
    practice, owner, frontend_cache_sent, django_capture_on_commit_callbacks
):
    english = translate_page(practice, "en", title="Library outside the walls")
    with django_capture_on_commit_callbacks(execute=True):
        started = PlanFactory(member=owner, practice=practice)
    assert ("BAN", sorted([f"page-{practice.pk}", f"page-{english.pk}"])) in frontend_cache_sent
    frontend_cache_sent.clear()
    with django_capture_on_commit_callbacks(execute=True):
        started.notes = "Rien de public"
        started.save()
    assert frontend_cache_sent == []  # an edit changes no count
    with django_capture_on_commit_callbacks(execute=True):
        started.status = Plan.Status.PLANNED
        started.save()
    assert frontend_cache_sent == [("BAN", sorted([f"page-{practice.pk}", f"page-{english.pk}"]))]


def test_the_kept_counts_are_renewed_when_a_plan_changes_status(client, practice, django_capture_on_commit_callbacks):
    started = plan(practice, Plan.Status.EXPLORING, "Cantal")
    assert "practice__transpositions" not in client.get(practice.url).content.decode()  # kept: nothing
    with django_capture_on_commit_callbacks(execute=True):
        started.status = Plan.Status.UNDER_WAY
        started.save()
    assert "1 territoire transpose cette pratique." in client.get(practice.url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        started.status = Plan.Status.DONE
        started.save()
    html = client.get(practice.url).content.decode()
    assert "1 territoire l'a fait." in html and "transpose cette pratique" not in html
