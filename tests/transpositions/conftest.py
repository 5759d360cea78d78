"""A practice worth transposing, its reader's territory, and members who plan together."""

import pytest
from factories import LabPageFactory, MemberFactory, PracticePageFactory
from factories.territories import load_reference, territory

from territories.models import Level


@pytest.fixture
def reference(db):
    load_reference()
    return territory


@pytest.fixture
def lab(home):
    return LabPageFactory(title="Labo des possibles")


@pytest.fixture
def practice(lab):
    return PracticePageFactory(
        parent=lab,
        title="Bibliothèque hors les murs",
        territory_name="Saint-Étienne",
        population=170_000,
        start_year=2019,
        budget_range="50k-200k",
        staff_time="0.5-1",
        legal_competence="commune",
        core_elements="Aller vers les habitants\n- Des bibliothécaires formés",
        adaptable_elements="Le véhicule\nLes horaires",
        prerequisites="Un véhicule adapté\nUne convention avec les écoles",
        challenges="<ul><li>Le recrutement des chauffeurs</li><li>L'hiver</li></ul>",
        contact_email="equipe@labo.fr",
    )


@pytest.fixture
def owner(reference):
    """A member working for Puy-de-Dôme (a département: not the level the practice needs)."""
    return MemberFactory(name="Claire Owner", territory=reference(Level.DEPARTEMENT, "63"), language="fr")


@pytest.fixture
def colleague(db):
    return MemberFactory(name="Paul Colleague", language="en")
