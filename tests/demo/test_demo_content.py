"""What the demo holds: every lab, programme and practice in French and English, live,
classified, translated through wagtail-localize, with lineage, a draft and a restricted page;
and its pages answering real HTTP requests in both languages, private ones staying private.

One module, so that the demo is loaded once for all these tests (see conftest.py)."""

from decimal import Decimal

import pytest
from django.db.models import F
from django.test import RequestFactory
from django.utils.html import escape
from wagtail.models import PageViewRestriction
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from demo.catalogue import read_catalogue
from demo.text import EN, FR
from labs.models import LabPage, ProgrammePage
from practices.models import PracticePage

TEXT_FIELDS = ("summary", "problem", "actions", "results", "challenges", "success_conditions", "lessons")
SHEET_FIELDS = ("legal_competence", "budget_range", "staff_time", "duration")
SHEET_LISTS = ("prerequisites", "core_elements", "adaptable_elements")
TAXONOMIES = ("policy_areas", "territory_types", "instruments", "methods")

CATALOGUE = read_catalogue()
(DRAFT_PRACTICE_KEY,) = [item["key"] for item in CATALOGUE.practices if item.get("live") is False]
(RESTRICTED_PRACTICE_KEY,) = [item["key"] for item in CATALOGUE.practices if item.get("restricted")]


def english_of(demo, kind, key):
    return demo.english[(kind, key)]


def assert_translated_by_localize(french, english):
    """``english`` is the wagtail-localize translation of ``french``, with its own strings."""
    assert english.locale.language_code == EN
    assert english.translation_key == french.translation_key
    source = TranslationSource.objects.get(object_id=french.translation_key, locale=french.locale)
    assert Translation.objects.filter(source=source, target_locale=english.locale, enabled=True).exists()
    strings = StringTranslation.objects.filter(context__object_id=french.translation_key, locale=english.locale)
    assert strings.filter(translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL).exists()
    assert not strings.filter(has_error=True).exists()
    assert strings.exclude(data=F("translation_of__data")).exists(), "every string copied, none translated"


@pytest.mark.parametrize("lab", CATALOGUE.labs, ids=lambda lab: lab["key"])
def test_every_lab_exists_live_in_french_and_english(demo, lab):
    french = demo.labs[lab["key"]]
    english = english_of(demo, "labs", lab["key"])
    assert french.locale.language_code == FR and french.live
    assert english.live and english.title == lab["title"][EN]
    assert_translated_by_localize(french, english)
    assert english.summary == lab["summary"][EN] and french.summary == lab["summary"][FR]
    assert french.host_institution and french.country and french.city and french.has_coordinates
    assert set(french.methods.values_list("slug", flat=True)) == set(lab["methods"])
    assert set(english.methods.values_list("pk", flat=True)) == set(french.methods.values_list("pk", flat=True))
    assert french.logo is not None and french.logo.description
    assert english.logo_id == french.logo_id
    assert french.last_verified is not None
    assert len(french.description.raw_data) >= 2


def test_mindlab_is_closed_with_its_reason(demo):
    mindlab = demo.labs["mindlab"]
    english = english_of(demo, "labs", "mindlab")
    assert (mindlab.status, mindlab.founded_year, mindlab.closed_year) == ("closed", 2002, 2018)
    assert mindlab.country.code == "DK"
    assert "2018" in mindlab.status_reason and english.status_reason.startswith("In 2018")
    assert mindlab.institution_type == "ministry" and mindlab.government_level == "national"


def test_la_27e_region_is_an_association_with_its_website(demo):
    lab = demo.labs["la-27e-region"]
    assert (lab.institution_type, lab.government_level, lab.team_size) == ("association", "network", 12)
    assert lab.website == "https://www.la27eregion.fr/"
    assert "action tank" in lab.summary


@pytest.mark.parametrize("programme", CATALOGUE.programmes, ids=lambda programme: programme["key"])
def test_every_programme_exists_with_its_labs_in_both_languages(demo, programme):
    french = demo.programmes[programme["key"]]
    english = english_of(demo, "programmes", programme["key"])
    assert french.live and english.live
    assert_translated_by_localize(french, english)
    assert english.summary == programme["summary"][EN]
    expected_labs = {demo.labs[key].pk for key in programme["labs"]}
    assert set(french.labs.values_list("pk", flat=True)) == expected_labs
    assert set(english.labs.values_list("pk", flat=True)) == expected_labs
    assert french.territory_list and len(english.territory_list) == len(french.territory_list)
    assert french.get_parent().specific == demo.labs["la-27e-region"]


def test_la_transfo_records_the_bloomberg_funding(demo):
    transfo = demo.programmes["la-transfo"]
    funders = {block.value["name"]: block.value for block in transfo.funders}
    assert funders["Bloomberg Philanthropies"]["amount"] == Decimal("860000")
    assert "86 000 €" in funders["Bloomberg Philanthropies"]["note"]
    assert (transfo.start_year, transfo.end_year) == (2016, 2020)
    assert {"mulhouse", "dunkerque", "paris", "occitanie", "lille"} <= {
        key for key, lab in demo.labs.items() if transfo.labs.filter(pk=lab.pk).exists()
    }


def test_at_least_twelve_public_practices(demo):
    public = PracticePage.objects.live().public()
    assert public.filter(locale__language_code=FR).count() >= 12
    assert public.filter(locale__language_code=EN).count() >= 12


@pytest.mark.parametrize("spec", CATALOGUE.public_practices, ids=lambda spec: spec["key"])
def test_every_public_practice_is_fully_filled_in_both_languages(demo, spec):
    french = demo.practices[spec["key"]]
    english = english_of(demo, "practices", spec["key"])
    live_public = PracticePage.objects.live().public()
    assert live_public.filter(pk__in=[french.pk, english.pk]).count() == 2
    assert_translated_by_localize(french, english)
    for name in TEXT_FIELDS + SHEET_LISTS:
        assert getattr(french, name).strip(), name
        assert getattr(english, name).strip(), name
        assert getattr(english, name) != getattr(french, name), f"{name} is a copy, not a translation"
    for name in SHEET_FIELDS + ("lifecycle_stage", "evidence_level", "licence", "territory_name"):
        assert getattr(french, name), name
    assert french.last_verified is not None
    assert len(french.key_figures.raw_data) >= 1 and len(french.sources.raw_data) >= 1
    assert len(english.key_figures.raw_data) == len(french.key_figures.raw_data)
    assert french.partners.raw_data
    for name in TAXONOMIES:
        terms = set(getattr(french, name).values_list("pk", flat=True))
        assert terms, f"{spec['key']} has no {name}"
        assert set(getattr(english, name).values_list("pk", flat=True)) == terms
    assert set(english.labs.values_list("pk", flat=True)) == set(french.labs.values_list("pk", flat=True))
    if spec.get("programme"):
        assert french.programme_id == demo.programmes[spec["programme"]].pk


def test_practices_point_at_their_programmes_and_labs(demo):
    mulhouse_library = demo.practices["mulhouse-mediatheque"]
    assert mulhouse_library.programme.specific == demo.programmes["la-transfo"]
    assert list(mulhouse_library.labs.all()) == [demo.labs["mulhouse"]]
    lezoux = demo.practices["lezoux-mediatheque"]
    assert lezoux.programme.specific == demo.programmes["territoires-en-residence"]
    assert lezoux.population == 20000 and lezoux.lifecycle_stage == "institutionalised"
    assert any(block.value["value"] == "8 000" for block in lezoux.key_figures)


@pytest.mark.parametrize(
    ("practice", "original"),
    [
        ("rebonds-redirection", "manchester-community-wealth"),
        ("occitanie-tiers-lieux", "mulhouse-laboratoire"),
        ("lille-equipe-transversale", "mulhouse-laboratoire"),
    ],
)
def test_lineage_links_a_practice_to_its_original_in_both_languages(demo, practice, original):
    french = demo.practices[practice]
    english = english_of(demo, "practices", practice)
    source = demo.practices[original]
    french_link = french.transposed_from.get()
    english_link = english.transposed_from.get()
    assert french_link.source.translation_key == source.translation_key
    assert english_link.source.translation_key == source.translation_key
    assert french_link.what_changed and english_link.what_changed
    assert english_link.what_changed != french_link.what_changed
    assert english_link.locale.language_code == EN
    assert source.transpositions.exists()


def test_the_draft_is_not_live_in_any_language(demo):
    key = DRAFT_PRACTICE_KEY
    french = demo.practices[key]
    english = english_of(demo, "practices", key)
    assert not french.live and not english.live
    assert french.title.startswith("[Brouillon]") and english.title.startswith("[Draft]")
    assert not PracticePage.objects.live().filter(translation_key=french.translation_key).exists()


def test_the_restricted_practice_is_restricted_in_both_languages(demo):
    key = RESTRICTED_PRACTICE_KEY
    french = demo.practices[key]
    english = english_of(demo, "practices", key)
    for page in (french, english):
        assert page.live
        assert PageViewRestriction.objects.filter(page=page, restriction_type=PageViewRestriction.LOGIN).exists()
    assert not PracticePage.objects.live().public().filter(translation_key=french.translation_key).exists()


def figures(page):
    stream = page.description if isinstance(page, ProgrammePage) else page.body
    return [block.value["image"] for block in stream if block.block_type == "figure"]


def test_every_image_has_alt_text(demo):
    from wagtail.images import get_image_model

    images = list(get_image_model().objects.all())
    assert len(images) >= len(CATALOGUE.labs) + len(CATALOGUE.programmes) + 1
    assert all(image.description.strip() for image in images)
    illustrated = [("programmes", key) for key in demo.programmes] + [("pages", "about")]
    for kind, key in illustrated:
        french = getattr(demo, kind)[key]
        english = english_of(demo, kind, key)
        french_alts = [image.contextual_alt_text for image in figures(french)]
        english_alts = [image.contextual_alt_text for image in figures(english)]
        assert french_alts and all(alt.strip() for alt in french_alts + english_alts), key
        assert len(english_alts) == len(french_alts)
        assert english_alts != french_alts, f"{key}: alt text copied, not translated"


def test_the_site_skeleton_exists_in_both_languages(demo):
    expected = {
        "lab-index": ("laboratoires", "labs"),
        "practice-index": ("pratiques", "practices"),
        "about": ("a-propos", "about"),
        "legal": ("mentions-legales", "legal-notice"),
        "accessibility": ("accessibilite", "accessibility"),
    }
    for key, (french_slug, english_slug) in expected.items():
        french = demo.pages[key]
        english = english_of(demo, "pages", key)
        assert (french.slug, english.slug) == (french_slug, english_slug)
        assert french.live and english.live
        assert french.get_parent().pk == demo.home.pk
        assert english.get_parent().specific.locale.language_code == EN
        assert_translated_by_localize(french, english)
    statement = demo.pages["accessibility"]
    assert "RGAA" in statement.intro and "4.1" in statement.intro


def test_every_lab_and_practice_has_an_external_id(demo):
    assert LabPage.objects.filter(locale__language_code=FR, external_id__startswith="demo:lab:").count() == len(
        CATALOGUE.labs
    )
    assert PracticePage.objects.filter(
        locale__language_code=FR, external_id__startswith="demo:practice:"
    ).count() == len(CATALOGUE.practices)
    assert ProgrammePage.objects.filter(locale__language_code=FR).count() == len(CATALOGUE.programmes)


# Pages over HTTP

PUBLIC_PAGES = [
    ("pages", "lab-index"),
    ("pages", "practice-index"),
    ("pages", "about"),
    ("pages", "legal"),
    ("pages", "accessibility"),
    ("labs", "mindlab"),
    ("labs", "la-27e-region"),
    ("programmes", "la-transfo"),
    ("programmes", "rebonds"),
    ("practices", "lezoux-mediatheque"),
    ("practices", "rebonds-redirection"),
    ("practices", "occitanie-tiers-lieux"),
]


def pages_of(demo, kind, key):
    return getattr(demo, kind)[key], demo.english[(kind, key)]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_home_renders(client, demo, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    assert f'lang="{language}"' in response.content.decode()


@pytest.mark.parametrize(("kind", "key"), PUBLIC_PAGES, ids=lambda value: str(value))
def test_demo_page_renders_in_both_languages(client, demo, kind, key):
    for page in pages_of(demo, kind, key):
        url = page.get_url()
        language = page.locale.language_code
        assert url.startswith(f"/{language}/")
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert f'lang="{language}"' in html
        assert escape(page.title) in html


def test_lab_page_shows_its_practices_and_programmes(client, demo):
    french, english = pages_of(demo, "labs", "la-27e-region")
    html = client.get(english.get_url()).content.decode()
    lezoux_en = demo.english[("practices", "lezoux-mediatheque")]
    assert escape(lezoux_en.title) in html
    assert "Rebonds" in html


def test_practice_page_shows_its_english_content(client, demo):
    _french, english = pages_of(demo, "practices", "lezoux-mediatheque")
    html = client.get(english.get_url()).content.decode()
    assert "8,000" in html
    assert "library cards for 20,000 inhabitants" in html


def test_the_draft_is_not_served(client, demo):
    for page in pages_of(demo, "practices", DRAFT_PRACTICE_KEY):
        language = page.locale.language_code
        parent_url = page.get_parent().get_url()
        assert client.get(f"{parent_url}{page.slug}/").status_code == 404, language


def test_the_restricted_practice_asks_anonymous_visitors_to_sign_in(client, demo, django_user_model):
    french, english = pages_of(demo, "practices", RESTRICTED_PRACTICE_KEY)
    for page in (french, english):
        response = client.get(page.get_url())
        assert response.status_code == 302
        assert "login" in response["Location"]
        assert escape(page.title) not in response.content.decode()
    django_user_model.objects.create_user("member", "member@example.org", "password")
    # django-axes watches every sign-in: it needs the request (who signs in, from where).
    client.login(request=RequestFactory().post("/"), username="member", password="password")
    assert client.get(french.get_url()).status_code == 200


@pytest.mark.parametrize("language", ["fr", "en"])
def test_lists_leave_out_the_draft_and_the_restricted_practice(client, demo, language):
    index = demo.pages["practice-index"] if language == "fr" else demo.english[("pages", "practice-index")]
    html = client.get(index.get_url()).content.decode()
    for key in (DRAFT_PRACTICE_KEY, RESTRICTED_PRACTICE_KEY):
        french, english = pages_of(demo, "practices", key)
        assert escape(french.title) not in html and escape(english.title) not in html
    shown = demo.english[("practices", "mindlab-usagers")] if language == "en" else demo.practices["mindlab-usagers"]
    assert escape(shown.title) in html


def test_english_pages_open_in_wagtail_localize_translation_editor(client, demo, superuser):
    client.force_login(superuser)
    english = demo.english[("practices", "lezoux-mediatheque")]
    response = client.get(f"/admin/pages/{english.pk}/edit/")
    assert response.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [template.name for template in response.templates]
    assert "library cards for 20,000 inhabitants" in response.content.decode()
