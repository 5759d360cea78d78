"""Issue #14's whole journey in Chromium, one step after the other: a member starts a plan
from a practice, invites a colleague, fills it in, downloads the note for elected officials
as a PDF and as an editable document (both open and hold the plan's content), marks the plan
done, shares the outcome; an editor of the source lab approves it, and the source practice
shows the new lineage entry. The steps are those of the workspace's and the loop back's own
browser tests."""

import io
from pathlib import Path

import docx
import pytest
from browser.sessions import signed_in_tab
from browser.test_outcomes_browser import approve_outcome, assert_lineage_entry, share_outcome
from browser.test_transpositions_browser import Workspace
from django.core import mail
from django.core.management import call_command
from factories import LabPageFactory, MemberFactory, UserFactory
from factories.editorial import in_english, lab_editor
from factories.transpositions import transposable_practice
from pdf_structure import reader

from transpositions.models import Outcome, Plan

pytestmark = pytest.mark.browser


def download(tab, link_name: str) -> tuple[str, bytes]:
    """Click a note link on the plan page; the file's name and bytes."""
    with tab.expect_download(timeout=30_000) as started:
        tab.get_by_role("link", name=link_name).click()
    found = started.value
    return found.suggested_filename, Path(found.path()).read_bytes()


def test_from_a_practice_to_a_plan_a_note_an_outcome_and_back_to_the_practice(
    browser, live_server, live_home, settings
):
    settings.WAGTAILADMIN_BASE_URL = live_server.url  # links in emails point at the live server
    call_command("setup_editorial", verbosity=0)
    lab = LabPageFactory(title="Labo des possibles")
    practice = transposable_practice(lab)
    owner = MemberFactory(name="Claire Martin", organisation="Ville de Riom", territory_name="Riom", language="fr")
    colleague = MemberFactory(name="Paul Durand", user=UserFactory(email="paul.durand@riom.fr"), language="en")
    editor = in_english(lab_editor(lab, email="editeur@labo.fr"))
    flow = Workspace(browser, live_server.url, live_server, practice, owner, colleague)
    try:
        # Start, invite, fill in.
        plan = flow.start()
        flow.invite_colleague()
        flow.fill_sections()

        # The note for elected officials, as a PDF and as an editable document.
        tab = flow.owner_tab
        name, pdf = download(tab, "PDF (à imprimer ou envoyer)")
        assert name.endswith(".pdf")
        pages = reader(pdf).pages
        assert 2 <= len(pages) <= 4
        text = " ".join(" ".join(page.extract_text().split()) for page in pages)
        for fact in ("Bibliothèque hors les murs", "Une camionnette plutôt qu’un bus", "Vote du conseil municipal"):
            assert fact in text, fact
        name, editable = download(tab, "Document modifiable (.docx)")
        assert name.endswith(".docx")
        document = docx.Document(io.BytesIO(editable))
        paragraphs = "\n".join(paragraph.text for paragraph in document.paragraphs)
        cells = "\n".join(cell.text for table in document.tables for row in table.rows for cell in row.cells)
        assert "Bibliothèque hors les murs" in paragraphs
        assert "Une camionnette plutôt qu’un bus" in paragraphs + cells
        assert "Vote du conseil municipal" in paragraphs + cells

        # Done, the outcome shared, an editor of the source lab approves it.
        tab.goto(f"{live_server.url}/fr/transpositions/plan/{plan.pk}/")
        flow.set_status("Réalisé")
        assert flow.plan.status == Plan.Status.DONE
        mail.outbox = []
        share_outcome(tab, live_server.url, plan)
        assert [message.to for message in mail.outbox] == [[editor.email]]
        approve_outcome(signed_in_tab(browser, live_server, editor, locale="en-GB"), live_server.url)
        assert Outcome.objects.get().review == Outcome.Review.APPROVED

        # The source practice shows it, to any reader.
        reader_tab = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR").new_page()
        assert_lineage_entry(reader_tab, live_server.url, practice)
        assert "1 territoire l'a fait." in reader_tab.content()
        reader_tab.context.close()
    finally:
        for opened in (flow.owner_tab, flow.colleague_tab):
            if opened is not None:
                opened.context.close()
