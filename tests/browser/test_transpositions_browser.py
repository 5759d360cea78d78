"""The transposition workspace in Chromium: a member starts a plan from a practice page,
invites a colleague (who joins from the email's link), fills several sections and marks the
plan done; every page passes axe.

``Workspace`` (fixture ``workspace``) holds the flow as reusable steps, so that later tests
can go on from a filled-in plan (the note for elected officials, sharing the outcome)."""

import re
from dataclasses import dataclass, field

import pytest
from browser.a11y import assert_accessible
from browser.sessions import signed_in_tab
from django.core import mail
from factories import LabPageFactory, MemberFactory, UserFactory
from factories.transpositions import transposable_practice

from transpositions.models import Collaborator, Plan

pytestmark = pytest.mark.browser


@dataclass
class Workspace:
    """A practice, its would-be transposer (``owner_tab``) and a colleague; the steps of the flow."""

    browser: object
    base: str
    live_server: object
    practice: object
    owner: object
    colleague: object
    owner_tab: object = None
    colleague_tab: object = None
    plan: Plan | None = None
    checked: list = field(default_factory=list)  # pages axe passed

    def check(self, tab):
        assert_accessible(tab)
        self.checked.append(tab.url)

    def start(self) -> Plan:
        tab = self.owner_tab = signed_in_tab(self.browser, self.live_server, self.owner.user)
        tab.goto(f"{self.base}{self.practice.url}")
        self.check(tab)
        with tab.expect_navigation():
            tab.get_by_role("button", name="Lancer une transposition").click()
        self.plan = Plan.objects.get(collaborators__member=self.owner)
        assert tab.url.endswith(f"/fr/transpositions/plan/{self.plan.pk}/")
        assert "Votre plan de transposition est prêt" in tab.content()
        self.check(tab)
        return self.plan

    def invite_colleague(self, role_label="Rédacteur : peut modifier le plan"):
        tab = self.owner_tab
        mail.outbox = []
        form = tab.locator("form.plan-invite")
        form.get_by_label("Son adresse e-mail").fill(self.colleague.user.email)
        form.get_by_label("Rôle").select_option(label=role_label)
        with tab.expect_navigation():
            tab.get_by_role("button", name="Envoyer l’invitation").click()
        assert self.colleague.user.email in tab.content()
        [invitation] = mail.outbox
        link = next(word for word in invitation.body.split() if "/transpositions/invitation/" in word)
        other = self.colleague_tab = signed_in_tab(self.browser, self.live_server, self.colleague.user, "en-GB")
        other.goto(re.sub(r"^https?://[^/]+", self.base, link))
        self.check(other)
        with other.expect_navigation():
            other.get_by_role("button", name="Join the plan").click()
        assert Collaborator.objects.filter(plan=self.plan, member=self.colleague).exists()
        self.check(other)

    def fill_sections(self):
        tab = self.owner_tab
        tab.goto(f"{self.base}/fr/transpositions/plan/{self.plan.pk}/")
        core = tab.locator("#section-core_elements")
        core.get_by_label("Décision").first.select_option(label="Conserver en l'adaptant")
        core.get_by_label("Pourquoi").first.fill("Une camionnette plutôt qu’un bus")
        tab.locator("#section-adaptable_elements").get_by_label("Notre choix").first.fill("Le mercredi matin")
        prerequisites = tab.locator("#section-prerequisites")
        prerequisites.get_by_label("Où il en est").first.select_option(label="En place")
        prerequisites.get_by_label("Qui").first.fill("Service des sports")
        milestones = tab.locator("#section-milestones")
        milestones.get_by_label("Jalon").last.fill("Vote du conseil municipal")
        milestones.get_by_label("Quand").last.fill("Mars 2027")
        tab.locator("#section-partners").get_by_label("Partenaire").last.fill("Médiathèque départementale")
        tab.locator("#id_notes").fill("Premier rendez-vous avec la DGS le 3 décembre.")
        self.save(tab)
        self.plan.refresh_from_db()
        assert self.plan.core_elements[0]["decision"] == "change"
        assert self.plan.prerequisites[0]["state"] == "in_place"
        assert self.plan.milestones == [{"what": "Vote du conseil municipal", "when": "Mars 2027", "who": ""}]
        assert self.plan.partners[0]["name"] == "Médiathèque départementale"
        self.check(tab)

    def set_status(self, label="Réalisé", reason=""):
        tab = self.owner_tab
        tab.locator("#id_status").select_option(label=label)
        if reason:
            tab.locator("#id_status_reason").fill(reason)
        self.save(tab)
        self.plan.refresh_from_db()

    def save(self, tab):
        with tab.expect_navigation():
            tab.get_by_role("button", name="Enregistrer le plan").click()
        assert "Le plan est enregistré." in tab.content()


@pytest.fixture
def workspace(browser, live_server, live_home, settings):
    settings.WAGTAILADMIN_BASE_URL = live_server.url  # links in emails point at the live server
    practice = transposable_practice(LabPageFactory(title="Labo des possibles"))
    owner = MemberFactory(name="Claire Martin", organisation="Ville de Riom", territory_name="Riom", language="fr")
    colleague = MemberFactory(name="Paul Durand", user=UserFactory(email="paul.durand@riom.fr"), language="en")
    flow = Workspace(browser, live_server.url, live_server, practice, owner, colleague)
    yield flow
    for tab in (flow.owner_tab, flow.colleague_tab):
        if tab is not None:
            tab.context.close()


def test_a_member_starts_a_plan_invites_a_colleague_fills_it_and_marks_it_done(workspace):
    workspace.start()
    workspace.invite_colleague()
    workspace.fill_sections()
    workspace.set_status("Réalisé")

    assert workspace.plan.status == Plan.Status.DONE
    page = workspace.colleague_tab
    page.goto(f"{workspace.base}/en/transpositions/plan/{workspace.plan.pk}/")
    assert "Vote du conseil municipal" in page.content() and "Claire Martin" in page.content()
    workspace.check(page)
