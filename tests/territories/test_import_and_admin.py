"""The importer's territory_code column, and the reference on a practice: name and population
come from it, a different value needs a reason, translations share it."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from factories import LabPageFactory, PracticeIndexPageFactory
from factories.opendata import csv_bytes
from factories.practices import PracticePageFactory
from wagtail.models import Locale

from practices.io.importer import import_practices
from practices.models import PracticePage
from praxis.services.site_setup import ensure_translation
from territories.models import Level, Territory

HEADER = "external_id,language,title,lab,summary,territory_code,territory_name,population"


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def lab(home):
    PracticeIndexPageFactory()
    return LabPageFactory(slug="lab-test", title="Lab test")


def run(*rows):
    return import_practices(csv_bytes(*rows, header=HEADER))


def test_an_insee_code_links_the_reference_and_fills_the_name_and_population(reference, lab):
    report = run("SE-1,fr,Budget participatif,lab-test,Un budget.,42218,Saint-Étienne,")
    assert report.ok, [str(problem) for problem in report.problems]
    practice = PracticePage.objects.get(external_id="SE-1")
    assert practice.reference_territory == reference(Level.COMMUNE, "42218")
    assert practice.population == 173136


def test_a_siren_and_a_level_prefix_are_understood_and_a_merged_commune_gives_the_new_one(reference, lab):
    report = run(
        "E-1,fr,Plan climat,lab-test,Un plan.,244200770,Saint-Étienne Métropole,",
        "D-1,fr,Collèges,lab-test,Des collèges.,departement:971,Guadeloupe,",
        "M-1,fr,Ancienne commune,lab-test,Un projet.,42004,Vézelin-sur-Loire,",
    )
    assert report.ok, [str(problem) for problem in report.problems]
    assert PracticePage.objects.get(external_id="E-1").reference_territory.level == Level.EPCI
    assert PracticePage.objects.get(external_id="D-1").reference_territory.name == "Guadeloupe"
    assert PracticePage.objects.get(external_id="M-1").reference_territory.code == "42268"


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("99999", "no French territory has the code “99999”"),
        ("region:42218", "no region has the code “42218”"),
        ("canton:42", "unknown level “canton”"),
        ("44", "“44” is the code of several territories: write departement:44 or region:44"),
    ],
)
def test_bad_codes_are_refused_with_their_row_and_reason(reference, lab, code, message):
    report = run(f"X-1,fr,Titre,lab-test,Résumé.,{code},Quelque part,")
    assert not report.ok
    assert any(message in str(problem) for problem in report.problems), [str(p) for p in report.problems]
    assert not PracticePage.objects.filter(external_id="X-1").exists()


def test_a_region_and_a_departement_share_the_code_44(reference):
    assert reference(Level.REGION, "44").name == "Grand Est"
    assert reference(Level.DEPARTEMENT, "44").name == "Loire-Atlantique"


def test_a_name_or_population_of_its_own_needs_a_reason(reference, home):
    saint_etienne = reference(Level.COMMUNE, "42218")
    practice = PracticePageFactory(territory_name="", population=None, reference_territory=saint_etienne)
    assert (practice.territory_name, practice.population) == ("Saint-Étienne", 173136)
    practice.territory_name = "Saint-Étienne, quartier Beaubrun"
    with pytest.raises(ValidationError) as refused:
        practice.full_clean()
    assert "differs from the reference territory (Saint-Étienne" in str(refused.value)
    practice.territory_override_reason = "A neighbourhood of the commune."
    practice.full_clean()


def test_a_reference_territory_abroad_is_refused(reference, home):
    practice = PracticePageFactory(territory_name="Aarhus", country="DK")
    practice.reference_territory = reference(Level.COMMUNE, "42218")
    practice.territory_name = "Saint-Étienne"
    practice.population = 173136
    with pytest.raises(ValidationError, match="set the country to France"):
        practice.full_clean()


def test_the_admin_form_suggests_territory_types_and_translations_share_the_reference(reference, home, client):

    practice = PracticePageFactory(reference_territory=reference(Level.EPCI, "244200770"), territory_name="")
    form_class = PracticePage.get_edit_handler().get_form_class()
    english = ensure_translation(practice, Locale.objects.get(language_code="en"))
    form = form_class(instance=english, for_user=None)
    assert form.fields["reference_territory"].disabled
    assert form.initial["reference_territory"] == practice.reference_territory_id
    data = {"reference_territory": practice.reference_territory}
    form = form_class(instance=practice, for_user=None)
    form.cleaned_data = data
    assert list(form.clean()["territory_types"].values_list("slug", flat=True)) == ["metropolitain"]


def test_a_territory_cannot_be_deleted_in_the_admin(reference, superuser, client):
    client.force_login(superuser)
    saint_etienne = reference(Level.COMMUNE, "42218")
    url = reverse("wagtailsnippets_territories_territory:delete", args=[saint_etienne.pk])
    response = client.post(url)
    assert response.status_code == 302
    assert Territory.objects.filter(pk=saint_etienne.pk).exists()


def test_the_admin_lists_and_finds_territories_by_name_or_code(reference, superuser, client):
    client.force_login(superuser)
    url = reverse("wagtailsnippets_territories_territory:list")
    assert "Saint-Étienne" in client.get(url, {"q": "saint etienne"}).content.decode()
    assert "Saint-Étienne" in client.get(url, {"q": "42218"}).content.decode()
    chooser = reverse("wagtailsnippetchoosers_territories_territory:choose")
    assert client.get(chooser, {"q": "42218"}).status_code == 200
