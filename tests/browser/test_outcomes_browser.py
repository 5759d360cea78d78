"""The loop back in Chromium: the owner of a done plan shares its outcome, a lab editor approves
it in the admin, and the source practice shows the new lineage entry (French and English).

The steps are functions the end-to-end flow of the transposition workspace chains after its
own ("marks it done"): ``share_outcome(tab, base, plan)``, ``approve_outcome(tab, base)``,
``assert_lineage_entry(tab, base, practice, territory)``."""

import re

import pytest
from browser.a11y import assert_accessible
from browser.conftest import ARTIFACTS
from browser.sessions import signed_in_tab
from django.core import mail
from django.core.management import call_command
from factories import LabPageFactory, MemberFactory, PlanFactory, PracticePageFactory
from factories.editorial import in_english, lab_editor
from factories.translations import translate_page

from transpositions.models import Outcome, Plan

pytestmark = pytest.mark.browser
TERRITORY = "Un département d'Auvergne"


def share_outcome(tab, base, plan, territory=TERRITORY):
    """The owner (signed in on ``tab``) shares the outcome of ``plan`` (done or abandoned)."""
    tab.goto(f"{base}/fr/transpositions/plan/{plan.pk}/outcome/")
    assert_accessible(tab)
    tab.get_by_label("Territoire affiché publiquement").fill(territory)
    tab.get_by_label("Réussite partielle").check()
    tab.get_by_label("Ce qui a changé").fill("Un minibus électrique au lieu du camion")
    tab.get_by_label(re.compile(r"^Résultat")).fill("Quarante villages desservis")
    with tab.expect_navigation():
        tab.get_by_role("button", name="Envoyer pour relecture").click()
    assert "en attente de relecture" in tab.content()
    assert_accessible(tab)


def approve_outcome(tab, base, territory=TERRITORY):
    """A reviewer (lab editor or network team, admin in English) approves the outcome."""
    tab.goto(f"{base}/admin/transposition_outcomes/")
    tab.get_by_role("link", name=territory).first.click()
    tab.wait_for_load_state()
    tab.get_by_label("Approve: show it on the practice").check()
    tab.get_by_label("Comment to the member").fill("Merci, très utile.")
    with tab.expect_navigation():
        tab.get_by_role("button", name="Save").click()


def assert_lineage_entry(tab, base, practice, territory=TERRITORY, heading="Transposée à"):
    tab.goto(f"{base}{practice.url}")
    lineage = tab.locator("section.lineage")
    assert f"{heading} {territory}" in lineage.inner_text()
    assert "Un minibus électrique au lieu du camion" in lineage.inner_text()
    assert_accessible(tab)


def test_the_owner_shares_an_editor_approves_the_practice_shows_it(browser, live_server, live_home, settings):
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    base = live_server.url
    call_command("setup_editorial", verbosity=0)
    lab = LabPageFactory(title="Labo des possibles")
    practice = PracticePageFactory(parent=lab, title="Bibliothèque hors les murs", territory_name="Saint-Étienne")
    english = translate_page(practice, "en", title="Library outside the walls")
    owner = MemberFactory(name="Claire Owner", language="fr", territory_name="Puy-de-Dôme")
    plan = PlanFactory(member=owner, practice=practice, status=Plan.Status.DONE)
    editor = in_english(lab_editor(lab, email="editeur@labo.fr"))
    mail.outbox = []

    share_outcome(signed_in_tab(browser, live_server, owner.user), base, plan)
    assert [message.to for message in mail.outbox] == [[editor.email]]

    reviewing = signed_in_tab(browser, live_server, editor, locale="en-GB")
    approve_outcome(reviewing, base)
    assert Outcome.objects.get().review == Outcome.Review.APPROVED

    reader = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR").new_page()
    assert_lineage_entry(reader, base, practice)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    reader.screenshot(path=str(ARTIFACTS / "transpositions-outcome-lineage.png"), full_page=True)
    assert_lineage_entry(reader, base, english, heading="Transposed in")
