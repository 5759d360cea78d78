"""wagtail-localize works in this project: an editor submits a practice for translation, opens
the translation editor, machine-translates (dummy translator, no network), publishes with an
English slug, then keeps the translation in sync when the source changes."""

import html
import json

import pytest
from django.contrib.auth.models import Group
from factories import PolicyAreaFactory, PracticePageFactory, UserFactory
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(client):
    """A member of Wagtail's Moderators group (edit, publish, submit translations)."""
    user = UserFactory(groups=[Group.objects.get(name="Moderators")])
    client.force_login(user)
    return user


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


@pytest.fixture
def source_practice(practice_index):
    return PracticePageFactory(
        parent=practice_index,
        title="Budget participatif",
        slug="budget-participatif",
        summary="Les habitants votent pour des projets.",
        policy_areas=[PolicyAreaFactory(name="Démocratie")],
    )


def submit_for_translation(client, page, locale):
    form = client.get(f"/admin/localize/submit/page/{page.pk}/")
    assert form.status_code == 200
    response = client.post(f"/admin/localize/submit/page/{page.pk}/", {"locales": [locale.pk]})
    assert response.status_code == 302
    return page.get_translation(locale).specific


def editor_props(response) -> dict:
    assert response.status_code == 200
    body = response.content.decode()
    start = body.index('class="js-translation-editor" data-props="') + len('class="js-translation-editor" data-props="')
    return json.loads(html.unescape(body[start : body.index('"', start)]))


def test_editor_translates_a_practice_with_an_english_slug(
    client, moderator, english, source_practice, django_capture_on_commit_callbacks
):
    translated = submit_for_translation(client, source_practice, english)
    translation = Translation.objects.get(source__object_id=source_practice.translation_key, target_locale=english)

    # The translation editor opens on the English page and lists the French strings.
    props = editor_props(client.get(f"/admin/pages/{translated.pk}/edit/"))
    sources = {segment["source"] for segment in props["segments"] if segment["type"] == "string"}
    assert "Les habitants votent pour des projets." in sources
    total, done = translation.get_progress()
    assert total > 0 and done == 0

    # Machine translation fills every string (the dummy translator reverses words).
    response = client.post(f"/admin/localize/translate/{translation.pk}/machine_translate/", {"next": "/admin/"})
    assert response.status_code == 302
    total, done = translation.get_progress()
    assert done == total

    # The editor gives the page an English slug, then publishes.
    slug_segment = StringSegment.objects.get(source=translation.source, context__path="slug")
    StringTranslation.objects.filter(translation_of=slug_segment.string, locale=english).update(
        data="participatory-budgeting"
    )
    # wagtail-localize publishes when the transaction commits (on_commit).
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/pages/{translated.pk}/edit/", {"action": "publish"})
    assert response.status_code == 302

    translated.refresh_from_db()
    assert translated.live
    assert translated.url == "/en/practices/participatory-budgeting/"
    page = client.get(translated.url)
    assert page.status_code == 200
    assert '<html lang="en">' in page.content.decode()
    assert "projets. des pour votent habitants Les" in page.content.decode()
    # The classification is the same in both languages.
    assert list(translated.policy_areas.values_list("name", flat=True)) == ["Démocratie"]


def test_changes_to_the_source_show_as_out_of_date_then_sync(
    client, moderator, english, source_practice, django_capture_on_commit_callbacks
):
    translated = submit_for_translation(client, source_practice, english)
    translation = Translation.objects.get(source__object_id=source_practice.translation_key, target_locale=english)
    client.post(f"/admin/localize/translate/{translation.pk}/machine_translate/", {"next": "/admin/"})
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(user=moderator, publish=True)

    # The source changes: new summary, new classification, published.
    source_practice.summary = "Les collégiens votent pour des projets."
    new_term = PolicyAreaFactory(name="Éducation")
    source_practice.policy_areas.set([new_term])
    source_practice.save_revision(user=moderator).publish()

    # Sync without publishing: the translation editor now shows a string to translate.
    source = TranslationSource.objects.get(object_id=source_practice.translation_key)
    update_form = client.get(f"/admin/localize/update/{source.pk}/")
    assert update_form.status_code == 200
    response = client.post(f"/admin/localize/update/{source.pk}/", {"publish_translations": ""})
    assert response.status_code == 302
    total, done = translation.get_progress()
    assert done == total - 1  # the changed summary is out of date
    props = editor_props(client.get(f"/admin/pages/{translated.pk}/edit/"))
    assert "Les collégiens votent pour des projets." in {segment.get("source") for segment in props["segments"]}

    # The classification followed the source as soon as the source was published.
    assert list(translated.policy_areas.values_list("name", flat=True)) == ["Éducation"]

    # Sync again with machine translation and publication: the English page is up to date.
    client.post(f"/admin/localize/update/{source.pk}/", {"publish_translations": "on", "use_machine_translation": "on"})
    translated.refresh_from_db()
    assert translated.summary == "projets. des pour votent collégiens Les"
