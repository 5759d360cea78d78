"""A member shares a practice in Chromium: the steps one by one (autosaved; the tab closed once
and the work resumed in a new one), a document, the preview, sending to their lab; an editor
asks for changes, the member edits and sends again, the editor publishes; the member's emails
are read at each step. Every page of the form passes axe in French and English."""

import re

import pytest
from browser.a11y import axe_violations, describe
from django.core import mail
from django.test import Client
from factories import LabPageFactory, MemberFactory
from factories.editorial import network_editor

from contributions.models import Submission
from praxis.services.editorial import ensure_editorial_setup

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def signed_in_context(browser, base, user, language):
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale=f"{language}-FR")
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}])
    return context


def check(tab, problems, name):
    if violations := axe_violations(tab):
        problems.append(f"{name} {tab.url}:\n{describe(violations)}")
    if tab.locator("h1").count() != 1:
        problems.append(f"{name}: {tab.locator('h1').count()} h1")


def next_step(tab):
    with tab.expect_navigation():
        tab.locator("form.contribution-form button[type=submit]:not([name=previous])").click()


def test_a_member_shares_a_practice_resumes_edits_on_request_and_sees_it_published(
    live_server, live_home, browser, settings, tmp_path
):
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    ensure_editorial_setup()
    lab = LabPageFactory(title="Lab de Mulhouse", host_institution="Ville de Mulhouse")
    member = MemberFactory(name="Camille", organisation="Ville de Mulhouse", user__email="camille@mulhouse.fr")
    base, problems = live_server.url, []
    mail.outbox = []
    context = signed_in_context(browser, base, member.user, "fr")
    tab = context.new_page()

    tab.goto(f"{base}/fr/members/account/")
    tab.get_by_role("link", name="Partager une pratique").click()
    check(tab, problems, "index")
    with tab.expect_navigation():
        tab.get_by_role("button", name="Partager une pratique").click()
    check(tab, problems, "step-summary")
    assert "Exemple" in tab.locator(".contribution-example").inner_text()
    tab.fill("#id_title", "Bibliothèques ouvertes le dimanche")
    tab.fill("#id_summary", "Trois bibliothèques ouvrent le dimanche avec des agents volontaires.")
    tab.locator("[data-autosave-status]").filter(has_text="Enregistré").wait_for()

    tab.close()  # the tab is closed: nothing typed is lost
    tab = context.new_page()
    tab.goto(f"{base}/fr/contribute/")
    tab.get_by_role("link", name=re.compile("Reprendre la rédaction")).click()
    assert tab.input_value("#id_title") == "Bibliothèques ouvertes le dimanche"
    next_step(tab)
    for field, text in [
        ("#id_problem", "Les familles qui travaillent ne pouvaient pas venir."),
        ("#id_actions", "Enquête auprès de 300 usagers.\nOuverture test pendant six mois."),
        ("#id_results", "La fréquentation a doublé."),
    ]:
        tab.fill(field, text)
        if field == "#id_results":
            tab.fill("#id_key_figures", "8 000 — cartes créées")
            check(tab, problems, "step-results")
        next_step(tab)
    for _ in ("challenges", "conditions", "lessons", "classification"):
        next_step(tab)
    check(tab, problems, "step-territory")
    tab.fill("#id_territory", "Mulhouse")
    next_step(tab)
    next_step(tab)  # transposition
    check(tab, problems, "step-documents")
    pdf = tmp_path / "deliberation.pdf"
    pdf.write_bytes(PDF)
    tab.set_input_files("#id_file", str(pdf))
    tab.fill("#id_title", "Délibération du conseil")
    with tab.expect_navigation():
        tab.get_by_role("button", name="Ajouter ce document").click()
    assert "Délibération du conseil" in tab.locator(".documents").inner_text()
    next_step(tab)
    check(tab, problems, "preview")
    assert "La fréquentation a doublé." in tab.locator(".contribution-preview").inner_text()
    tab.select_option("#id_lab", label="Lab de Mulhouse")
    with tab.expect_navigation():
        tab.get_by_role("button", name="Envoyer pour relecture").click()
    assert "envoyée aux éditeurs" in tab.content()

    submission = Submission.objects.get(member=member)
    page = submission.page
    assert page.get_parent().pk == lab.pk and not page.live
    [received] = mail.outbox
    assert received.to == ["camille@mulhouse.fr"] and "reçue" in received.subject

    editor = network_editor()
    page.current_workflow_task_state.specific.reject(user=editor, comment="Précisez le coût, s'il vous plaît.")
    changes = mail.outbox[-1]
    assert "Précisez le coût" in changes.body and "Modifications demandées" in changes.subject

    tab.goto(f"{base}/fr/contribute/")
    tab.get_by_role("link", name=re.compile("Reprendre la rédaction")).click()
    tab.get_by_role("link", name="Fiche de transposition").click()
    tab.select_option("#id_budget_range", index=2)
    next_step(tab)
    next_step(tab)  # documents, then the preview
    with tab.expect_navigation():
        tab.get_by_role("button", name="Envoyer mes modifications").click()
    page.refresh_from_db()
    assert page.current_workflow_state.status == "in_progress"
    assert page.get_latest_revision_as_object().budget_range

    english = signed_in_context(browser, base, member.user, "en")
    english_tab = english.new_page()
    for path, name in [
        ("/en/contribute/", "index-en"),
        (f"/en/contribute/{submission.pk}/step/summary/", "step-en"),
        (f"/en/contribute/{submission.pk}/preview/", "preview-en"),
    ]:
        english_tab.goto(base + path)
        check(english_tab, problems, name)
    english.close()

    page.current_workflow_task_state.specific.approve(user=editor)
    page.refresh_from_db()
    assert page.live and page.specific.budget_range
    published = mail.outbox[-1]
    assert "publiée" in published.subject and page.full_url in published.body
    to_member = [message.subject for message in mail.outbox if message.to == ["camille@mulhouse.fr"]]
    assert len(to_member) == 3  # received, changes requested, published: no admin email besides
    assert any("soumise" in message.subject for message in mail.outbox if message.to == [editor.email])
    tab.set_viewport_size({"width": 320, "height": 800})
    tab.goto(f"{base}/fr/contribute/")
    if (width := tab.evaluate("document.documentElement.scrollWidth")) > 320:
        problems.append(f"index: {width}px wide at 320px")
    assert not problems, "\n".join(problems)
    context.close()
