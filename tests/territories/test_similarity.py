"""The similarity: explainable, weighted by settings, the same in Python and SQL; and the
competence check, one case per level."""

import pytest
from django.db import connection
from django.utils import translation
from factories.practices import PolicyAreaFactory

from territories.competences import check
from territories.models import CompetenceRule, Level, Territory
from territories.similarity import closeness, closeness_sql, explain, is_like, like_mine_q


def sql_closeness(reader, other) -> float:
    sql, params = closeness_sql(reader, "t")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {sql} FROM territories_territory t WHERE t.id = %s", [*params, other.pk])  # noqa: S608
        return cursor.fetchone()[0]


def test_a_similar_cc_is_explained_in_plain_words(reference):
    reader = reference(Level.EPCI, "246301097")  # CC Entre Dore et Allier, 19,687
    other = Territory.objects.get(pk=reader.pk)
    other.pk, other.population, other.population_log, other.departement = 0, 18000, 4.2553, None
    assert is_like(reader, other)
    with translation.override("en"):
        assert explain(reader, other)[0] == "communauté de communes of 18,000 inhabitants, like yours"


def test_size_and_kind_weigh_more_than_geography(reference):
    reader = reference(Level.COMMUNE, "42218")  # Saint-Étienne, 173,136
    mulhouse = reference(Level.COMMUNE, "68224")  # a commune of 104,978, in another région
    lezoux = reference(Level.COMMUNE, "63195")  # a commune of 6,528 in the same région
    metropole = reference(Level.EPCI, "244200770")  # its own métropole
    assert closeness(reader, mulhouse) > closeness(reader, lezoux)
    assert closeness(reader, mulhouse) > closeness(reader, metropole)
    with translation.override("en"):
        assert explain(reader, mulhouse) == ["commune of 104,978 inhabitants, like yours"]
        assert "in your région" in explain(reader, lezoux)


@pytest.mark.parametrize(
    ("reader", "other"),
    [
        (("commune", "42218"), ("commune", "68224")),
        (("commune", "42218"), ("epci", "244200770")),
        (("epci", "246301097"), ("commune", "63195")),
        (("departement", "971"), ("commune", "97120")),
        (("region", "84"), ("departement", "42")),
        (("commune", "97101"), ("commune", "97120")),
    ],
)
def test_the_sql_score_is_the_python_score(reference, reader, other):
    reader, other = reference(*reader), reference(*other)
    assert sql_closeness(reader, other) == pytest.approx(closeness(reader, other), abs=1e-6)


def test_weights_are_settings(reference, settings):
    reader, lezoux = reference(Level.COMMUNE, "42218"), reference(Level.COMMUNE, "63195")
    before = closeness(reader, lezoux)
    settings.PRAXIS_TERRITORY_WEIGHTS = {"kind": 0, "population": 0, "zone": 0, "departement": 0, "region": 1}
    assert closeness(reader, lezoux) == 1.0 != before
    assert sql_closeness(reader, lezoux) == pytest.approx(1.0)


def test_like_mine_as_a_filter_matches_is_like(reference, settings):
    reader = reference(Level.COMMUNE, "42218")
    found = set(Territory.objects.filter(like_mine_q(reader)))
    assert found == {t for t in Territory.objects.all() if is_like(reader, t)}
    assert reference(Level.COMMUNE, "68224") in found and reference(Level.COMMUNE, "63195") not in found
    settings.PRAXIS_TERRITORY_LIKE_RATIO = 1.5
    assert reference(Level.COMMUNE, "68224") not in set(Territory.objects.filter(like_mine_q(reader)))


# The competence check, one reader per level


@pytest.fixture
def social(db):
    area = PolicyAreaFactory(slug="aide-sociale-test", name="Aide sociale")
    CompetenceRule.objects.create(policy_area=area, level=Level.DEPARTEMENT, note="RSA and child protection")
    return area


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def test_a_commune_reading_a_departement_practice_is_told_who_holds_it(reference, social):
    result = check(reference(Level.COMMUNE, "42218"), "departement", [social.pk])
    assert not result.holds
    assert result.message == (
        "Your level of government does not hold this competence; it belongs to Département: Loire."
    )
    assert result.holders[0].note == "RSA and child protection"


def test_the_departement_itself_holds_it(reference, social):
    assert check(reference(Level.DEPARTEMENT, "42"), "departement", [social.pk]).holds


def test_an_epci_reading_a_commune_practice(reference, social):
    result = check(reference(Level.EPCI, "244200770"), "commune", [social.pk])
    assert not result.holds and result.holders[0].territory is None
    assert result.message.endswith("it belongs to Commune.")


def test_a_region_and_the_state(reference, social):
    region = reference(Level.REGION, "84")
    assert check(region, "region", []).holds
    assert check(region, "state", []).message.endswith("it belongs to the State.")


def test_without_a_level_the_rules_decide(reference, social):
    commune = reference(Level.COMMUNE, "42218")
    assert not check(commune, "", [social.pk]).holds  # the rule: the département
    assert check(reference(Level.DEPARTEMENT, "971"), "", [social.pk]).holds
    assert check(commune, "", []) is None  # no level, no rule: nothing to check


def test_the_seeded_rules_say_schools_are_shared_between_levels(db):
    levels = set(CompetenceRule.objects.filter(policy_area__slug="education-jeunesse").values_list("level", flat=True))
    assert levels == {Level.COMMUNE, Level.DEPARTEMENT, Level.REGION}
