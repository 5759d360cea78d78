"""Delivering the note: built in the background once per plan version, language and format,
followed by a progress page, retried after a failure, rebuilt after an edit."""

from datetime import timedelta

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone
from factories import MemberFactory, PlanFactory
from factories.notes import fill_plan, lezoux_member, note_practice
from factories.transpositions import invite
from pdf_structure import reader

from transpositions import notes
from transpositions.models import Collaborator, Note

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(reference):
    return lezoux_member()


@pytest.fixture
def plan(lab, reference, member):
    return fill_plan(PlanFactory(member=member, practice=note_practice(lab)))


@pytest.fixture
def signed_in(client, member):
    client.force_login(member.user)
    return client


def url(plan, fmt="pdf", action=""):
    return f"/fr/transpositions/plan/{plan.pk}/note/{fmt}/{action}"


def asked_already(plan, fmt="pdf", **fields) -> Note:
    """The note as another collaborator's request left it: queued, the worker not done yet."""
    return Note.objects.create(plan=plan, version=plan.version, language="fr", format=fmt, **fields)


def is_pdf(response) -> bool:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return response["Content-Type"] == "application/pdf" and len(reader(content).pages) >= 1


def test_a_note_being_built_shows_a_progress_page_then_the_file(signed_in, plan):
    note = asked_already(plan)

    page = signed_in.get(url(plan))
    assert page.status_code == 200
    assert page["Cache-Control"] == "private, no-store"
    html = page.content.decode()
    assert f'data-build-status="{url(plan, action="status/")}"' in html
    assert '<noscript><meta http-equiv="refresh"' in html  # without JavaScript, it refreshes itself
    assert f'href="{url(plan)}"' in html  # and says "check again"
    assert "/static/praxis/build-progress.js" in html and "<script>" not in html
    assert signed_in.get(url(plan, action="status/")).json() == {"state": "pending", "url": None}

    assert notes.build_note_file.call(note.pk) == Note.State.READY

    status = signed_in.get(url(plan, action="status/"))
    assert status["Cache-Control"] == "private, no-store"
    assert status.json() == {"state": "ready", "url": url(plan)}
    assert is_pdf(signed_in.get(url(plan)))


def test_identical_requests_share_one_build(signed_in, plan, monkeypatch):
    built = []
    render = notes.render
    monkeypatch.setattr(notes, "render", lambda *args: built.append(args) or render(*args))

    assert is_pdf(signed_in.get(url(plan)))
    assert is_pdf(signed_in.get(url(plan)))
    assert signed_in.get(url(plan, action="status/")).json()["state"] == "ready"

    assert len(built) == 1
    assert Note.objects.filter(plan=plan).count() == 1


def test_a_failed_build_says_so_and_can_be_retried(signed_in, plan, monkeypatch):
    def broken(note):
        raise RuntimeError("no fonts")

    monkeypatch.setitem(notes.FORMATS, "pdf", notes.Format("pdf", "application/pdf", broken))
    page = signed_in.get(url(plan))
    assert page.status_code == 200
    assert 'role="alert"' in page.content.decode()
    assert f'action="{url(plan, action="retry/")}"' in page.content.decode()
    assert signed_in.get(url(plan, action="status/")).json()["state"] == "failed"
    assert signed_in.get(url(plan, action="retry/")).status_code == 405

    monkeypatch.undo()
    retried = signed_in.post(url(plan, action="retry/"))
    assert retried.status_code == 302 and retried["Location"] == url(plan)
    assert is_pdf(signed_in.get(retried["Location"]))


def test_an_edited_plan_gets_a_new_note_and_the_old_one_is_pruned(signed_in, plan):
    assert is_pdf(signed_in.get(url(plan)))
    assert signed_in.get(url(plan, "docx")).status_code == 200
    plan.title = "Un nouveau titre pour le conseil"
    plan.version += 1
    plan.save()

    response = signed_in.get(url(plan))

    assert is_pdf(response)
    assert "un-nouveau-titre-pour-le-conseil.pdf" in response["Content-Disposition"]
    assert list(Note.objects.filter(plan=plan).values_list("version", "format")) == [(plan.version, "pdf")]


def test_a_build_asked_for_an_older_version_is_dropped(plan):
    note = asked_already(plan)
    plan.version += 1
    plan.save()

    assert notes.build_note_file.call(note.pk) == "stale"
    assert not Note.objects.filter(pk=note.pk).exists()


def test_a_build_left_pending_too_long_is_handed_to_the_worker_again(signed_in, plan):
    note = asked_already(plan)
    Note.objects.filter(pk=note.pk).update(requested_at=timezone.now() - timedelta(hours=1))

    assert is_pdf(signed_in.get(url(plan)))


def test_strangers_get_nothing_of_the_delivery(client, plan):
    asked_already(plan, state=Note.State.FAILED)
    for path in (url(plan), url(plan, action="status/")):
        assert client.get(path).status_code == 302  # to the sign-in page
    client.force_login(MemberFactory().user)
    assert client.get(url(plan, action="status/")).status_code == 404
    assert client.post(url(plan, action="retry/")).status_code == 404
    assert client.get(url(plan, "exe", "status/")).status_code == 404


def test_the_plan_page_include_links_both_formats_with_their_state(signed_in, plan, member):
    reader_member = MemberFactory()
    invite(plan, reader_member, Collaborator.Role.READER)
    signed_in.get(url(plan))
    request = RequestFactory().get("/")
    request.user, request.member = member.user, member

    html = render_to_string(
        "transpositions/includes/plan_note.html", {"plan": plan, "role": "owner", "request": request}
    )

    assert f'href="{url(plan)}"' in html and f'href="{url(plan, "docx")}"' in html
    assert "prête pour cette version du plan" in html  # the PDF of this version is built
    assert "Note pour les élus" in html
