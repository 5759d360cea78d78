"""A practice worth transposing, its reader's territory, and members who plan together."""

import pytest
from factories import LabPageFactory, MemberFactory
from factories.territories import load_reference, territory
from factories.transpositions import transposable_practice

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
    return transposable_practice(
        lab,
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
