"""A term has one identity in every language: translations made with wagtail-localize share
the original's classification (wagtail-localize does not translate many-to-many fields), follow
its changes, and cannot change it themselves."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from factories import (
    InstrumentFactory,
    LabPageFactory,
    MethodFactory,
    PolicyAreaFactory,
    PracticePageFactory,
    ProgrammePageFactory,
    TerritoryTypeFactory,
)
from factories.editorial import in_english, page_form_data
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from praxis.services.translations import original_of

pytestmark = pytest.mark.django_db

CLASSIFICATION = ("policy_areas", "territory_types", "instruments", "methods", "labs")


def translate(page, capture_on_commit, language_code="en"):
    """Translate ``page`` with wagtail-localize, as the "Translate" button does, and publish it."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=Locale.objects.get(language_code=language_code)
    )
    with capture_on_commit(execute=True):  # wagtail-localize publishes on commit
        translation.save_target(publish=True)
    return translation, type(page).objects.get(translation_key=page.translation_key, locale=translation.target_locale)


def resync(translation, capture_on_commit):
    """The "Sync translated pages" action: take the source's new content, publish again."""
    translation.source.update_from_db()
    with capture_on_commit(execute=True):
        translation.save_target(publish=True)


def publish(page, **relations):
    for name, values in relations.items():
        getattr(page, name).set(values)
    page.save_revision().publish()
    page.refresh_from_db()


def pks(page, name):
    return set(getattr(type(page).objects.get(pk=page.pk), name).values_list("pk", flat=True))


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def disabled_state(html, name):
    """{True} if every input/select named ``name`` in the page form is disabled, {False} if none is."""
    form = BeautifulSoup(html, "html.parser").find("form", id="page-edit-form")
    elements = form.find_all(["input", "select"], attrs={"name": name})
    assert elements, name
    return {element.has_attr("disabled") for element in elements}


@pytest.fixture
def terms(home):
    return {
        "policy_areas": [
            PolicyAreaFactory(name="Culture et bibliothèques", translations={"en": {"name": "Libraries"}})
        ],
        "territory_types": [TerritoryTypeFactory(name="Rural")],
        "instruments": [InstrumentFactory(name="Appel à projets")],
        "methods": [MethodFactory(name="Design de service")],
    }


@pytest.fixture
def practice(terms):
    lab = LabPageFactory(title="Lab de la Drôme")
    return PracticePageFactory(parent=lab, title="Bibliothèque mobile", labs=[lab], **terms)


def test_translation_shares_the_same_term_rows_and_labs(practice, django_capture_on_commit_callbacks):
    _translation, english = translate(practice, django_capture_on_commit_callbacks)
    assert english.pk != practice.pk and english.locale.language_code == "en" and english.live
    for name in CLASSIFICATION:
        assert pks(english, name) == pks(practice, name) != set(), name


def test_changes_to_the_original_reach_the_translation(practice, django_capture_on_commit_callbacks):
    translation, english = translate(practice, django_capture_on_commit_callbacks)
    housing = PolicyAreaFactory(name="Logement")
    urban = TerritoryTypeFactory(name="Urbain")
    publish(practice, policy_areas=[housing], territory_types=[urban])
    # At once, by publishing the original...
    assert pks(english, "policy_areas") == {housing.pk}
    assert pks(english, "territory_types") == {urban.pk}
    # ...and still after wagtail-localize re-syncs the translation from the source.
    resync(translation, django_capture_on_commit_callbacks)
    assert pks(english, "policy_areas") == {housing.pk}
    assert pks(english, "territory_types") == {urban.pk}
    assert pks(english, "instruments") == pks(practice, "instruments")


def test_translation_editor_cannot_change_the_classification(
    client, practice, reviewer, django_capture_on_commit_callbacks
):
    translation, english = translate(practice, django_capture_on_commit_callbacks)
    other = PolicyAreaFactory(name="Autre politique")
    before = {name: pks(english, name) for name in CLASSIFICATION}
    client.force_login(reviewer)
    # A synced translation is edited in wagtail-localize's editor: no classification fields there.
    response = client.get(edit_url(english))
    assert response.status_code == 200
    assert 'name="policy_areas"' not in response.content.decode()
    # A forged publish through it republishes from the source, classification included.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url(english), {"action": "publish", "policy_areas": [other.pk]})
    assert {name: pks(english, name) for name in CLASSIFICATION} == before


def test_stopped_translation_shows_classification_read_only_and_ignores_forged_values(
    client, practice, reviewer, django_capture_on_commit_callbacks
):
    translation, english = translate(practice, django_capture_on_commit_callbacks)
    translation.enabled = False  # "Stop synced translation": the normal edit form is used
    translation.save()
    other_area, other_lab = PolicyAreaFactory(name="Autre politique"), LabPageFactory(title="Autre lab")
    before = {name: pks(english, name) for name in CLASSIFICATION}
    in_english(reviewer)
    client.force_login(reviewer)
    html = client.get(edit_url(english)).content.decode()
    for name in CLASSIFICATION:
        assert disabled_state(html, name) == {True}, name
    assert "Shared by every language: edit it on the original (French)." in html
    data = page_form_data(
        html,
        "practicepage",
        title="Mobile library",
        policy_areas=[other_area.pk],
        labs=[other_lab.pk],
        **{"action-publish": "1"},
    )
    response = client.post(edit_url(english), data)
    assert response.status_code == 302
    english.refresh_from_db()
    assert english.title == "Mobile library"  # the rest of the form was saved and published
    assert {name: pks(english, name) for name in CLASSIFICATION} == before
    assert (
        set(english.get_latest_revision_as_object().policy_areas.values_list("pk", flat=True)) == before["policy_areas"]
    )


def test_original_edit_form_keeps_the_classification_editable(client, practice, reviewer):
    client.force_login(reviewer)
    html = client.get(edit_url(practice)).content.decode()
    for name in CLASSIFICATION:
        assert disabled_state(html, name) == {False}, name


def test_lab_methods_are_shared_by_the_lab_translations(client, reviewer, home, django_capture_on_commit_callbacks):
    design, ethnography = MethodFactory(name="Design"), MethodFactory(name="Ethnographie")
    lab = LabPageFactory(title="Lab des Landes", methods=[design])
    translation, english = translate(lab, django_capture_on_commit_callbacks)
    assert pks(english, "methods") == {design.pk}
    publish(lab, methods=[design, ethnography])
    resync(translation, django_capture_on_commit_callbacks)
    assert pks(english, "methods") == {design.pk, ethnography.pk}
    translation.enabled = False
    translation.save()
    client.force_login(reviewer)
    data = page_form_data(
        client.get(edit_url(english)).content.decode(), "labpage", methods=[], **{"action-publish": "1"}
    )
    assert client.post(edit_url(english), data).status_code == 302
    assert pks(english, "methods") == {design.pk, ethnography.pk}


def test_programme_labs_are_shared_by_the_programme_translations(
    client, reviewer, home, django_capture_on_commit_callbacks
):
    first, second = LabPageFactory(title="Lab un"), LabPageFactory(title="Lab deux")
    programme = ProgrammePageFactory(title="La Transfo", labs=[first])
    translation, english = translate(programme, django_capture_on_commit_callbacks)
    assert pks(english, "labs") == {first.pk}
    publish(programme, labs=[first, second])
    resync(translation, django_capture_on_commit_callbacks)
    assert pks(english, "labs") == {first.pk, second.pk}
    translation.enabled = False
    translation.save()
    client.force_login(reviewer)
    data = page_form_data(
        client.get(edit_url(english)).content.decode(), "programmepage", labs=[first.pk], **{"action-publish": "1"}
    )
    assert client.post(edit_url(english), data).status_code == 302
    assert pks(english, "labs") == {first.pk, second.pk}


def test_the_original_is_the_first_page_of_the_group(practice, django_capture_on_commit_callbacks):
    _translation, english = translate(practice, django_capture_on_commit_callbacks)
    assert original_of(english).pk == practice.pk


def test_english_page_shows_english_term_labels(client, practice, django_capture_on_commit_callbacks):
    _translation, english = translate(practice, django_capture_on_commit_callbacks)
    response = client.get(english.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Libraries" in html
    assert "Culture et bibliothèques" not in html
    french = client.get(practice.url).content.decode()
    assert "Culture et bibliothèques" in french
