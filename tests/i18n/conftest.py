"""A French practice with an English translation (English slug), and an untranslated one."""

import pytest
from factories import PracticeIndexPageFactory, PracticePageFactory
from factories.translations import translate_page


@pytest.fixture
def practice_index(home):
    index = PracticeIndexPageFactory(parent=home)
    translate_page(index, "en", title="Practices", slug="practices")
    return index


@pytest.fixture
def practice_fr(practice_index):
    return PracticePageFactory(
        parent=practice_index, title="Budget participatif des collégiens", slug="budget-participatif-colleges"
    )


@pytest.fixture
def practice_en(practice_fr):
    return translate_page(
        practice_fr,
        "en",
        title="Participatory budgeting in secondary schools",
        slug="participatory-budgeting-schools",
        summary="Pupils decide how part of the school budget is spent.",
    )


@pytest.fixture
def untranslated_fr(practice_index):
    return PracticePageFactory(
        parent=practice_index,
        title="Conciergerie rurale itinérante",
        slug="conciergerie-rurale",
        summary="Un service itinérant de conciergerie pour les villages.",
    )
