"""Sharing an outcome back: the owner shares, the source lab's editors or the network team
review, and once approved it shows on the source practice, counts in "most transposed" and
its followers are told once."""

import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.template.loader import render_to_string
from django.test import Client
from django.utils import translation
from factories import LabPageFactory, MemberFactory, PlanFactory
from factories.editorial import in_english, lab_editor, network_editor
from factories.translations import translate_page
from factories.transpositions import invite

from alerts.models import Follow, Sent
from members.models import Member
from transpositions.models import Collaborator, Outcome, Plan, PlanChange
from transpositions.services import outcomes

pytestmark = pytest.mark.django_db

SHARED = {
    "territory_name": "Un département d'Auvergne",
    "outcome": "partial",
    "kept": "Les bibliothécaires formés",
    "what_changed": "Un minibus électrique au lieu du camion",
    "result": "Quarante villages desservis",
    "failures": "L'hiver, les routes de montagne",
}


@pytest.fixture
def editorial(home):
    call_command("setup_editorial", verbosity=0)


@pytest.fixture
def done_plan(practice, owner):
    return PlanFactory(member=owner, practice=practice, status=Plan.Status.DONE)


def share_url(plan):
    return f"/fr/transpositions/plan/{plan.pk}/outcome/"


def share(client, plan, member, capture, **changes):
    client.force_login(member.user)
    with capture(execute=True):
        return client.post(share_url(plan), {**SHARED, **changes})


def decide(client, outcome, capture, decision="approve", comment=""):
    with capture(execute=True):
        return client.post(
            f"/admin/transposition_outcomes/edit/{outcome.pk}/", {"decision": decision, "comment": comment}
        )


def test_shared_approved_shown_on_the_practice_in_both_languages_and_on_home(
    client, editorial, lab, practice, done_plan, owner, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    english = translate_page(practice, "en", title="Library outside the walls")
    follower = MemberFactory(name="Fan", language="en")
    Follow.objects.create(member=follower, translation_key=practice.translation_key)
    editor = in_english(lab_editor(lab, email="editeur@labo.fr"))
    team = network_editor(email="equipe@reseau.fr")
    before = Client().get(practice.url).content.decode()  # cached context, to be renewed
    assert "Un département d'Auvergne" not in before

    form = Client()
    form.force_login(owner.user)
    page = form.get(share_url(done_plan))
    assert page.status_code == 200 and 'value="Puy-de-Dôme"' in page.content.decode()
    assert page["Cache-Control"].startswith("max-age=0") or "private" in page["Cache-Control"]

    response = share(client, done_plan, owner, capture)

    assert response.status_code == 302
    outcome = Outcome.objects.get()
    assert outcome.review == Outcome.Review.SUBMITTED
    assert outcome.practice_key == practice.translation_key and outcome.submitted_by == owner
    assert done_plan.changes.filter(kind=PlanChange.Kind.SHARED).exists()
    assert sorted(address for message in mail.outbox for address in message.to) == [editor.email, team.email]
    assert "/admin/transposition_outcomes/edit/" in mail.outbox[0].body
    assert "Un département d'Auvergne" not in Client().get(practice.url).content.decode()

    reviewer = Client()
    reviewer.force_login(editor)
    assert "Un département d&#x27;Auvergne" in reviewer.get("/admin/transposition_outcomes/").content.decode()
    mail.outbox.clear()
    assert decide(reviewer, outcome, capture).status_code == 302

    outcome.refresh_from_db()
    assert outcome.review == Outcome.Review.APPROVED and outcome.reviewed_by == editor
    french = Client().get(practice.url).content.decode()
    lineage = french.split('id="lineage-title"')[1]
    assert "Transposée à Un département d&#x27;Auvergne" in lineage or "Un département d&#x27;Auvergne" in lineage
    assert "Un minibus électrique au lieu du camion" in lineage and "Quarante villages desservis" in lineage
    assert "Claire Owner" not in french and str(done_plan.pk) not in french
    english_html = Client().get(english.url).content.decode()
    assert "Transposed in Un département d&#x27;Auvergne" in english_html
    assert 'lang="fr"' in english_html.split('id="lineage-title"')[1]  # the text is in French
    assert "Partly succeeded" in english_html.split('id="lineage-title"')[1]

    home = Client().get("/fr/").content.decode().split('id="home-transposed"')
    assert len(home) == 2 and "Bibliothèque hors les murs" in home[1]

    told = {tuple(message.to): message for message in mail.outbox}
    assert set(told) == {(owner.user.email,), (follower.user.email,)}
    assert "approuvé" in told[(owner.user.email,)].subject or "approved" in told[(owner.user.email,)].subject
    assert "Un département d'Auvergne" in told[(follower.user.email,)].body
    assert "List-Unsubscribe" in told[(follower.user.email,)].extra_headers
    assert english.url in told[(follower.user.email,)].body  # the version the follower reads
    assert Sent.objects.filter(member=follower, kind=Sent.Kind.TRANSPOSED).count() == 1

    mail.outbox.clear()
    outcomes.tell_followers(outcome.pk)  # told once per outcome
    assert mail.outbox == []


def test_the_network_team_reviews_any_outcome_a_lab_editor_only_their_labs(
    client, editorial, practice, done_plan, owner, django_capture_on_commit_callbacks
):
    share(client, done_plan, owner, django_capture_on_commit_callbacks)
    outcome = Outcome.objects.get()
    other = Client()
    other.force_login(in_english(lab_editor(LabPageFactory(title="Autre labo"))))
    assert "Un département" not in other.get("/admin/transposition_outcomes/").content.decode()
    assert other.post(f"/admin/transposition_outcomes/edit/{outcome.pk}/", {"decision": "approve"}).status_code in (
        302,
        403,
    )
    outcome.refresh_from_db()
    assert outcome.review == Outcome.Review.SUBMITTED
    member = Client()
    member.force_login(owner.user)
    assert member.get("/admin/transposition_outcomes/").status_code in (302, 403)

    team = Client()
    team.force_login(in_english(network_editor()))
    assert decide(team, outcome, django_capture_on_commit_callbacks, "reject").status_code == 200  # says why
    assert decide(team, outcome, django_capture_on_commit_callbacks, "reject", "Trop vague").status_code == 302


def test_a_rejected_outcome_shows_nowhere_and_the_owner_reads_the_comment(
    client, editorial, practice, done_plan, owner, django_capture_on_commit_callbacks
):
    share(client, done_plan, owner, django_capture_on_commit_callbacks)
    outcome = Outcome.objects.get()
    team = Client()
    team.force_login(in_english(network_editor()))
    mail.outbox.clear()
    decide(team, outcome, django_capture_on_commit_callbacks, "reject", "Précisez le résultat, svp.")

    html = Client().get(practice.url).content.decode()
    assert "Un département" not in html and "Un minibus" not in html
    assert [message.to for message in mail.outbox] == [[owner.user.email]]
    assert "Précisez le résultat, svp." in mail.outbox[0].body
    page = client.get(share_url(done_plan)).content.decode()
    assert "Précisez le résultat, svp." in page and 'name="outcome"' in page  # may share again
    home = Client().get("/fr/").content.decode()
    assert 'id="home-transposed"' not in home


def test_an_approved_outcome_of_a_practice_unpublished_later_is_shown_nowhere(
    client, editorial, practice, done_plan, owner, django_capture_on_commit_callbacks
):
    share(client, done_plan, owner, django_capture_on_commit_callbacks)
    outcomes.decide(Outcome.objects.get(), None, True)
    assert 'id="home-transposed"' in Client().get("/fr/").content.decode()
    practice.unpublish()
    assert Client().get(practice.url).status_code == 404
    assert 'id="home-transposed"' not in Client().get("/fr/").content.decode()


def test_only_the_owner_of_a_done_or_abandoned_plan_shares(client, practice, owner, colleague):
    plan = PlanFactory(member=owner, practice=practice, status=Plan.Status.UNDER_WAY)
    invite(plan, colleague, Collaborator.Role.EDITOR)
    client.force_login(owner.user)
    refused = client.post(share_url(plan), SHARED)
    assert refused.status_code == 409 and "terminé ou abandonné" in refused.content.decode()
    assert not Outcome.objects.exists()

    plan.status = Plan.Status.ABANDONED
    plan.save()
    assert re.search(r'value="abandoned"[^>]* checked', client.get(share_url(plan)).content.decode())
    client.force_login(colleague.user)
    assert client.get(share_url(plan)).status_code == 403
    client.force_login(MemberFactory().user)
    assert client.get(share_url(plan)).status_code == 404
    assert client.get("/fr/transpositions/plan/not-a-uuid/outcome/").status_code == 404
    client.logout()
    assert client.get(share_url(plan)).status_code == 302


@pytest.mark.parametrize(
    "changes, error",
    [
        ({"result": "Quarante\x00villages"}, "caractère"),
        ({"territory_name": "Saint-Flour\nDROP TABLE"}, None),
        ({"territory_name": "x" * 201}, "200"),
        ({"result": "x" * 5001}, "5000"),
        ({"outcome": "ongoing"}, "Sélectionnez un choix valide"),
        ({"outcome": "<script>"}, "Sélectionnez un choix valide"),
        ({"kept": "", "what_changed": "", "result": "", "failures": ""}, "Dites au moins"),
        ({"territory_name": ""}, "Champ requis"),
    ],
)
def test_hostile_input_is_refused_with_a_form_error(client, done_plan, owner, changes, error):
    client.force_login(owner.user)
    response = client.post(share_url(done_plan), {**SHARED, **changes})
    if error is None:  # a territory name is made one line, never refused for it
        assert response.status_code == 302
        assert Outcome.objects.get().territory_name == "Saint-Flour DROP TABLE"
        return
    assert response.status_code == 400
    assert error in response.content.decode()
    assert not Outcome.objects.exists()


def test_markup_typed_in_is_shown_as_text(
    client, editorial, practice, done_plan, owner, django_capture_on_commit_callbacks
):
    share(client, done_plan, owner, django_capture_on_commit_callbacks, what_changed="<script>alert(1)</script>")
    outcomes.decide(Outcome.objects.get(), None, True)
    html = Client().get(practice.url).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_outcome_outlives_the_plan_and_the_member(
    client, editorial, practice, done_plan, owner, django_capture_on_commit_callbacks
):
    share(client, done_plan, owner, django_capture_on_commit_callbacks)
    outcomes.decide(Outcome.objects.get(), None, True)
    done_plan.delete()
    Member.objects.filter(pk=owner.pk).delete()
    outcome = Outcome.objects.get()
    assert outcome.plan is None and outcome.submitted_by is None
    assert "Un minibus électrique" in Client().get(practice.url).content.decode()


def test_the_plan_pages_outcome_part_is_for_the_owner_of_a_finished_plan(rf, practice, owner, done_plan):
    def part(plan, role):
        with translation.override("fr"):
            return render_to_string(
                "transpositions/includes/plan_outcome.html", {"plan": plan, "role": role, "request": rf.get("/")}
            )

    assert f"/fr/transpositions/plan/{done_plan.pk}/outcome/" in part(done_plan, "owner")
    assert "outcome" not in part(done_plan, "editor")
    under_way = PlanFactory(member=owner, practice=practice, status=Plan.Status.UNDER_WAY)
    assert "/outcome/" not in part(under_way, "owner")
    outcome = outcomes.share(done_plan, owner, {**SHARED})
    assert "en attente de relecture" in part(done_plan, "owner") and "/outcome/" not in part(done_plan, "owner")
    outcomes.decide(outcome, None, False, "Trop vague")
    rejected = part(done_plan, "owner")
    assert "Trop vague" in rejected and f"/fr/transpositions/plan/{done_plan.pk}/outcome/" in rejected


def test_approving_renews_the_practice_pages_home_and_listings_in_the_front_end_cache(
    client, practice, done_plan, owner, frontend_cache_sent, django_capture_on_commit_callbacks
):
    english = translate_page(practice, "en", title="Library outside the walls")
    outcome = outcomes.share(done_plan, owner, {**SHARED})
    frontend_cache_sent.clear()
    with django_capture_on_commit_callbacks(execute=True):
        outcomes.decide(outcome, None, True)
    bans = [tags for method, tags in frontend_cache_sent if method == "BAN"]
    assert any({f"page-{practice.pk}", f"page-{english.pk}", "practices"} <= set(tags) for tags in bans)
    assert any(method == "PURGE" and url.endswith(practice.url) for method, url in frontend_cache_sent)
