"""Impossible data is refused in the admin edit form with a clear message, and nothing is saved."""

import html as html_lib

import pytest
from django.urls import reverse
from factories import LabPageFactory, PracticePageFactory, ProgrammePageFactory, TranspositionFactory
from factories.editorial import in_english, page_form_data

pytestmark = pytest.mark.django_db


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def post_edit(client, page, **changes):
    """POST the page's edit form (as rendered) with ``changes``; return the response text."""
    model_name = page._meta.model_name
    data = page_form_data(client.get(edit_url(page)).content.decode(), model_name, **changes)
    response = client.post(edit_url(page), data)
    return response, html_lib.unescape(response.content.decode())


def assert_refused(response, text, message):
    assert response.status_code == 200  # the form again, not a redirect
    assert "could not be saved due to validation errors" in text
    assert message in text


def lineage_links(*sources):
    data = {"transposed_from-TOTAL_FORMS": len(sources), "transposed_from-INITIAL_FORMS": 0}
    for index, source in enumerate(sources):
        data.update(
            {
                f"transposed_from-{index}-id": "",
                f"transposed_from-{index}-source": source.pk,
                f"transposed_from-{index}-what_changed": "",
                f"transposed_from-{index}-outcome": "ongoing",
                f"transposed_from-{index}-result": "",
                f"transposed_from-{index}-ORDER": index + 1,
                f"transposed_from-{index}-DELETE": "",
            }
        )
    return data


@pytest.fixture
def admin_client_en(client, superuser):
    in_english(superuser)
    client.force_login(superuser)
    return client


@pytest.fixture
def practice(home):
    return PracticePageFactory(title="Pratique à valider", start_year=2018)


def revisions_of(page):
    return page.revisions.count()


def latest(page):
    page.refresh_from_db()
    return page.get_latest_revision_as_object()


def test_end_year_before_start_year(admin_client_en, practice):
    before = revisions_of(practice)
    response, text = post_edit(admin_client_en, practice, start_year=2018, end_year=2015)
    assert_refused(response, text, "The end year cannot be before the start year.")
    practice.refresh_from_db()
    assert practice.end_year is None
    assert revisions_of(practice) == before


def test_programme_end_year_before_start_year(admin_client_en, home):
    programme = ProgrammePageFactory(start_year=2017)
    before = revisions_of(programme)
    response, text = post_edit(admin_client_en, programme, end_year=2012)
    assert_refused(response, text, "The end year cannot be before the start year.")
    assert revisions_of(programme) == before


def test_closing_year_without_closed_status(admin_client_en, home):
    lab = LabPageFactory(title="MindLab", status="active", founded_year=2002)
    before = revisions_of(lab)
    response, text = post_edit(admin_client_en, lab, closed_year=2018, status="active")
    assert_refused(response, text, "A closing year needs the status “closed”")
    lab.refresh_from_db()
    assert lab.closed_year is None
    assert revisions_of(lab) == before


def test_closing_year_before_founding_year(admin_client_en, home):
    lab = LabPageFactory(title="Lab ancien", founded_year=2010)
    response, text = post_edit(admin_client_en, lab, closed_year=2005, status="closed")
    assert_refused(response, text, "The closing year cannot be before the founding year.")


def test_closed_lab_with_its_closing_year_is_saved(admin_client_en, home):
    lab = LabPageFactory(title="MindLab", founded_year=2002)
    response, _text = post_edit(admin_client_en, lab, closed_year=2018, status="closed", status_reason="Fermé.")
    assert response.status_code == 302
    assert latest(lab).closed_year == 2018


@pytest.mark.parametrize(
    ("latitude", "longitude", "message"),
    [
        ("95", "7.7", "Latitude must be between -90 and 90."),
        ("48.5", "-190", "Longitude must be between -180 and 180."),
        ("48.5", "", "Give both latitude and longitude, or neither."),
        ("", "7.7", "Give both latitude and longitude, or neither."),
    ],
)
def test_coordinates(admin_client_en, practice, latitude, longitude, message):
    before = revisions_of(practice)
    response, text = post_edit(admin_client_en, practice, latitude=latitude, longitude=longitude)
    assert_refused(response, text, message)
    practice.refresh_from_db()
    assert practice.latitude is None and practice.longitude is None
    assert revisions_of(practice) == before


def test_every_problem_is_reported_at_once(admin_client_en, practice):
    response, text = post_edit(admin_client_en, practice, end_year=2010, latitude="48.5", longitude="")
    assert_refused(response, text, "The end year cannot be before the start year.")
    assert "Give both latitude and longitude, or neither." in text


def test_transposed_from_itself(admin_client_en, practice):
    before = revisions_of(practice)
    response, text = post_edit(admin_client_en, practice, **lineage_links(practice))
    assert_refused(response, text, "A practice cannot be transposed from itself.")
    assert revisions_of(practice) == before
    assert not practice.transposed_from.exists()


def test_original_listed_twice(admin_client_en, practice, home):
    original = PracticePageFactory(title="Pratique d'origine")
    response, text = post_edit(admin_client_en, practice, **lineage_links(original, original))
    assert_refused(response, text, "“Pratique d'origine” is listed twice as an original.")
    assert not practice.transposed_from.exists()


def test_transposition_cycle(admin_client_en, practice, home):
    # practice → middle → practice would be a cycle.
    middle = PracticePageFactory(title="Pratique intermédiaire")
    TranspositionFactory(practice=middle, source=practice)
    before = revisions_of(practice)
    response, text = post_edit(admin_client_en, practice, **lineage_links(middle))
    assert_refused(response, text, "“Pratique intermédiaire” already descends from this practice")
    assert revisions_of(practice) == before
    assert not practice.transposed_from.exists()


def test_a_valid_link_is_saved(admin_client_en, practice, home):
    original = PracticePageFactory(title="Pratique d'origine")
    response, _text = post_edit(admin_client_en, practice, **lineage_links(original))
    assert response.status_code == 302
    links = latest(practice).transposed_from.all()
    assert [link.source_id for link in links] == [original.pk]


def test_removing_a_bad_link_lets_the_page_be_saved(admin_client_en, practice, home):
    """The form validates the links being submitted, not the ones saved before."""
    middle = PracticePageFactory(title="Pratique intermédiaire")
    TranspositionFactory(practice=middle, source=practice)
    TranspositionFactory(practice=practice, source=middle)  # a cycle already in the database...
    practice.refresh_from_db()
    practice.save_revision(clean=False)  # ...and in the draft the edit form starts from
    link = practice.transposed_from.get()
    data = {
        "transposed_from-TOTAL_FORMS": 1,
        "transposed_from-INITIAL_FORMS": 1,
        "transposed_from-0-id": link.pk,
        "transposed_from-0-source": middle.pk,
        "transposed_from-0-what_changed": "",
        "transposed_from-0-outcome": "ongoing",
        "transposed_from-0-result": "",
        "transposed_from-0-ORDER": 1,
        "transposed_from-0-DELETE": "1",
    }
    response, text = post_edit(admin_client_en, practice, **data)
    assert response.status_code == 302, text[:3000]
    assert list(latest(practice).transposed_from.all()) == []
