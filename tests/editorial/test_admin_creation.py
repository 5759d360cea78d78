"""Labs and practices created through the admin, by the people who will create them."""

import html as html_lib
from types import SimpleNamespace

import pytest
from django.urls import reverse
from factories import LabIndexPageFactory, LabPageFactory, PolicyAreaFactory, TerritoryTypeFactory
from factories.editorial import in_english, lab_editor, network_editor
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from labs.models import LabIndexPage, LabPage, ProgrammePage
from practices.models import PracticeIndexPage, PracticePage
from praxis.models import HomePage
from praxis.services.editorial import editors_group_of, ensure_editorial_setup
from praxis.services.site_setup import ensure_site


def lab_data(**changes):
    """The add form's data; ``changes`` are applied after nesting (a list is a multiple value)."""
    return {
        **nested_form_data(
            {
                "title": "Laboratoire d'innovation territoriale",
                "slug": "lab-innovation-territoriale",
                "acronym": "LIT",
                "summary": "Le laboratoire d'innovation du département.",
                "host_institution": "Département de la Gironde",
                "institution_type": "departement",
                "government_level": "departmental",
                "country": "FR",
                "city": "Bordeaux",
                "status": "active",
                "founded_year": "2017",
                "description": streamfield([]),
            }
        ),
        **changes,
    }


def practice_data(**changes):
    return {
        **nested_form_data(
            {
                "title": "Cantine zéro déchet",
                "slug": "cantine-zero-dechet",
                "summary": "Les cantines scolaires divisent leurs déchets par deux.",
                "problem": rich_text("<p>Beaucoup de gaspillage.</p>"),
                "actions": rich_text("<p>Pesées, menus revus, compost.</p>"),
                "results": rich_text("<p>Moitié moins de déchets.</p>"),
                "key_figures": streamfield([]),
                "partners": streamfield([]),
                "documents": streamfield([]),
                "sources": streamfield([]),
                "lifecycle_stage": "scaled",
                "evidence_level": "internal",
                "start_year": "2019",
                "territory_name": "Bordeaux",
                "country": "FR",
                "licence": "CC-BY-4.0",
                "transposed_from": inline_formset([]),
            }
        ),
        **changes,
    }


def create_through_admin(client, parent, child_model, data, *, publish=True):
    """Post ``data`` to the admin's add form of ``child_model`` under ``parent``, as the
    logged-in user, and check it was created: allowed there, no validation error, and
    sent where the admin sends after saving (the explorer if published, else the editor)."""
    assert child_model in parent.specific_class.allowed_subpage_models()
    if publish:
        data["action-publish"] = "action-publish"
    app_label, model_name = child_model._meta.app_label, child_model._meta.model_name
    response = client.post(
        reverse("wagtailadmin_pages:add", args=[app_label, model_name, parent.pk]), data, follow=True
    )
    assert response.status_code == 200
    if not response.redirect_chain:
        form = response.context["form"]
        pytest.fail(f"Validation errors creating a {model_name}: {dict(form.errors)}")
    if publish:
        expected = reverse("wagtailadmin_explore", args=[parent.pk])
    else:
        expected = reverse("wagtailadmin_pages:edit", args=[Page.objects.order_by("pk").last().pk])
    assert response.redirect_chain == [(expected, 302)]


@pytest.fixture
def editorial_site(db):
    """The site with its editorial groups, a lab directory with one lab, and two terms."""
    home = ensure_site()
    ensure_editorial_setup()
    lab_index = LabIndexPageFactory(parent=home)
    return SimpleNamespace(
        home=home,
        lab_index=lab_index,
        lab=LabPageFactory(parent=lab_index, title="Lab existant"),
        area=PolicyAreaFactory(name="Alimentation"),
        dense=TerritoryTypeFactory(name="Urbain dense"),
    )


def test_page_tree_rules():
    assert set(LabPage.allowed_parent_page_models()) == {LabIndexPage}
    assert set(PracticePage.allowed_parent_page_models()) == {LabPage, PracticeIndexPage}
    assert set(LabPage.allowed_subpage_models()) == {PracticePage, ProgrammePage}
    assert PracticePage not in HomePage.allowed_subpage_models()
    assert LabPage not in LabPage.allowed_subpage_models()


def test_network_editor_creates_and_publishes_a_lab(client, editorial_site):
    client.force_login(network_editor())
    create_through_admin(client, editorial_site.lab_index, LabPage, lab_data())
    lab = LabPage.objects.get(slug="lab-innovation-territoriale")
    assert lab.live
    assert lab.acronym == "LIT"
    # Its editors' group exists as soon as the page does.
    assert editors_group_of(lab).name == "Laboratoire d'innovation territoriale — editors"


def test_lab_editor_creates_a_classified_practice_in_their_lab(client, editorial_site):
    site = editorial_site
    editor = lab_editor(site.lab)
    client.force_login(editor)
    data = practice_data(policy_areas=[site.area.pk], territory_types=[site.dense.pk], labs=[site.lab.pk])
    create_through_admin(client, site.lab, PracticePage, data, publish=False)
    practice = PracticePage.objects.get(slug="cantine-zero-dechet")
    assert not practice.live
    assert practice.owner == editor
    assert practice.get_parent().pk == site.lab.pk
    draft = practice.get_latest_revision_as_object()
    assert list(draft.policy_areas.all()) == [site.area]
    assert list(draft.territory_types.all()) == [site.dense]
    assert [lab.pk for lab in draft.labs.all()] == [site.lab.pk]
    assert [lab.pk for lab in practice.labs.all()] == [site.lab.pk]  # stored, not only in the draft


def test_practice_form_shows_help_for_the_writer(client, editorial_site):
    client.force_login(in_english(network_editor()))
    response = client.get(f"/admin/pages/add/practices/practicepage/{editorial_site.lab.pk}/")
    assert response.status_code == 200
    html = html_lib.unescape(response.content.decode())
    for help_text in (
        "In plain language, what was done, where and with what result",  # summary (model)
        "What the team would tell a peer starting the same thing tomorrow.",  # lessons (panel)
        "The public policies the practice serves; tick all that apply.",
        "Where the practice stands today, from idea to institutionalised (or stopped).",
        "How others may reuse this text; CC BY 4.0 unless you have a reason.",
        "Two to four figures that tell the result",
    ):
        assert help_text in html
    # Tabs in the order a writer thinks: the case, then its classification, place, reuse, sources.
    tabs = ["Case study", "Classification", "Territory and actors", "Transposition", "Documents and contact"]
    positions = [html.index(f">{tab}<") if f">{tab}<" in html else html.index(tab) for tab in tabs]
    assert positions == sorted(positions)


# Fields Wagtail itself defines on every page (title, slug, SEO, scheduling) carry Wagtail's help.
WAGTAIL_PAGE_FIELDS = {"title", "slug", "seo_title", "search_description", "show_in_menus", "go_live_at", "expire_at"}


def field_panels(panel):
    if isinstance(panel, FieldPanel):
        yield panel
    for child in getattr(panel, "children", ()):
        yield from field_panels(child)
    if isinstance(panel, InlinePanel):
        yield from field_panels(panel.child_edit_handler)


@pytest.mark.parametrize("model", [LabIndexPage, LabPage, ProgrammePage, PracticeIndexPage, PracticePage])
def test_every_field_a_writer_fills_has_help_text(model):
    missing = []
    for panel in field_panels(model.get_edit_handler()):
        if panel.field_name in WAGTAIL_PAGE_FIELDS:
            continue
        field_model = panel.model or model
        help_text = panel.help_text or field_model._meta.get_field(panel.field_name).help_text
        if not str(help_text).strip():
            missing.append(f"{field_model.__name__}.{panel.field_name}")
    assert missing == []
